//! `Quote` (a priced inquiry, with its breakdown in every output) and `quoteFromResponse` (a quote of a saved
//! answer, with no network).

use js_sys::{Object, Reflect, JSON};
use wasm_bindgen::prelude::*;

use super::errors::{inquiry_error, kind_mismatch_error, options_error, quote_error, unknown_kind};
use super::input::{option_value, options_argument};
use super::inquiry::read;
use crate::breakdown::{csv, html, text, Breakdown, BreakdownOptions};
use crate::client::options::read_saved_options;
use crate::inquiry::InquiryKind;
use crate::language::Language;
use crate::quote::{Asked, Described, Quote, SavedAnswerError};

/// A priced inquiry: the answer (merged when the inquiry was split) and how it was obtained.
///
/// It lives in WebAssembly memory: `free()` gives that back at once (the finaliser does so only some time
/// after the object is collected), so a loop that prices many inquiries frees each quote when done with it.
#[wasm_bindgen(js_name = Quote, skip_typescript)]
pub struct JsQuote {
    quote: Quote,
}

impl From<Quote> for JsQuote {
    fn from(quote: Quote) -> Self {
        JsQuote { quote }
    }
}

#[wasm_bindgen(js_class = Quote)]
impl JsQuote {
    /// `"on-demand"`, `"period"` or `"renewal"`.
    #[wasm_bindgen(getter, unchecked_return_type = "InquiryKind")]
    pub fn kind(&self) -> String {
        self.quote.kind().code().to_owned()
    }

    /// The answer in the API's wire field names, every amount an exact decimal string, absent values `null`.
    #[wasm_bindgen(getter, unchecked_return_type = "RatingResponse")]
    pub fn response(&self) -> JsValue {
        JSON::parse(&self.quote.rating.to_json()).unwrap_or(JsValue::NULL)
    }

    /// The currency of the amounts (the site's when the answer left it blank).
    #[wasm_bindgen(getter)]
    pub fn currency(&self) -> String {
        self.quote.currency.clone()
    }

    /// Whether `currency` is the site's because the answer left it blank.
    #[wasm_bindgen(getter, js_name = currencyDefaulted)]
    pub fn currency_defaulted(&self) -> bool {
        self.quote.currency_defaulted
    }

    /// Requests sent.
    #[wasm_bindgen(getter)]
    pub fn requests(&self) -> u32 {
        u32::try_from(self.quote.requests).unwrap_or(u32::MAX)
    }

    /// Attempts made, retries included.
    #[wasm_bindgen(getter)]
    pub fn attempts(&self) -> u32 {
        self.quote.attempts
    }

    /// The request ids the service gave, in request order.
    #[wasm_bindgen(getter, js_name = requestIds)]
    pub fn request_ids(&self) -> Vec<String> {
        self.quote.request_ids.clone()
    }

    /// The breakdown: totals, lines, optional discounts, failures and warnings, amounts as exact decimal
    /// strings. Throws a `PriceClientError` for invalid options.
    #[wasm_bindgen(unchecked_return_type = "Breakdown")]
    pub fn breakdown(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "BreakdownOptions")] options: Option<Object>,
    ) -> Result<JsValue, JsValue> {
        let b = self.build(options)?;
        Ok(JSON::parse(&b.to_plain_json()).unwrap_or(JsValue::NULL))
    }

    /// The breakdown as an aligned plain-text table.
    #[wasm_bindgen(js_name = toText)]
    pub fn to_text(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "BreakdownOptions")] options: Option<Object>,
    ) -> Result<String, JsValue> {
        Ok(text::render(&self.build(options)?))
    }

    /// The breakdown as an HTML fragment (a `<table>` and its companions), every server string escaped.
    #[wasm_bindgen(js_name = toHtml)]
    pub fn to_html(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "BreakdownOptions")] options: Option<Object>,
    ) -> Result<String, JsValue> {
        Ok(html::render(&self.build(options)?))
    }

    /// The breakdown as CSV (RFC 4180, UTF-8 with a byte order mark), exact amounts.
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "BreakdownOptions")] options: Option<Object>,
    ) -> Result<String, JsValue> {
        Ok(csv::render(&self.build(options)?))
    }

    /// The versioned JSON document of the breakdown (`format: "hwc-price.breakdown"`, `version: 2`).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "BreakdownDocument")]
    pub fn to_json(&self) -> JsValue {
        let b = Breakdown::of(&self.quote, &BreakdownOptions::new(self.quote.language));
        JSON::parse(&b.to_json()).unwrap_or(JsValue::NULL)
    }
}

impl JsQuote {
    fn build(&self, options: Option<Object>) -> Result<Breakdown, JsValue> {
        let options = BreakdownOptions::read(options_argument(options), self.quote.language)
            .map_err(|e| options_error(&e))?;
        Ok(Breakdown::of(&self.quote, &options))
    }
}

/// What was asked for each item of `inquiry` read as a batch of `I`; its violations said in `language`.
fn asked<I: Described>(inquiry: &JsValue, language: Language) -> Result<Vec<Asked>, JsValue> {
    let parts = read::<I>(inquiry, true, language).map_err(|e| inquiry_error(&e))?;
    Ok(I::asked(&parts))
}

/// A quote of a saved answer, with no network: `kind` is `"on-demand"`, `"period"` or `"renewal"`,
/// `response` the answer's JSON text; `options.inquiry` (the inquiry that was sent) tells what each line
/// covers, `options.site` what a blank currency means, `options.language` the breakdown's language.
///
/// Throws a `PriceApiError` for an error answer, and a `PriceClientError` with code `ANSWER_KIND_MISMATCH`
/// (`kind`: the stated kind, `answerKind`: the answer's, or `null`) for an answer of another API, or of none
/// (`{}`); a renewal answer may hold only its business error.
#[wasm_bindgen(js_name = quoteFromResponse, skip_typescript)]
pub fn quote_from_response(
    #[wasm_bindgen(unchecked_param_type = "InquiryKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] response: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SavedQuoteOptions")] options: Option<Object>,
) -> Result<JsQuote, JsValue> {
    let code = kind.as_string().unwrap_or_default();
    let kind = InquiryKind::from_code(&code).ok_or_else(|| unknown_kind(&kind))?;
    let text = response.as_string().ok_or_else(|| {
        super::errors::usage_error(
            "TypeError",
            "the response must be the answer's JSON text (a string)",
        )
    })?;
    let options = options.map_or(JsValue::UNDEFINED, JsValue::from);
    let (site, language) =
        read_saved_options(option_value(options.clone())).map_err(|e| options_error(&e))?;
    let inquiry = if options.is_object() {
        Reflect::get(&options, &JsValue::from_str("inquiry")).unwrap_or_default()
    } else {
        JsValue::UNDEFINED
    };
    let asked = if inquiry.is_undefined() || inquiry.is_null() {
        Vec::new()
    } else {
        super::for_kind!(kind, asked, &inquiry, language)?
    };
    match Quote::from_response(kind, &text, site) {
        Ok(mut quote) => {
            quote.asked = asked;
            quote.language = language;
            Ok(JsQuote { quote })
        }
        Err(SavedAnswerError::Answer(e)) => {
            let items = asked.into_iter().map(|a| a.id).collect();
            Err(quote_error(kind, e, items, language, site))
        }
        Err(SavedAnswerError::OtherKind(m)) => Err(kind_mismatch_error(&m, language)),
    }
}
