//! `Quote` (a priced inquiry, with its breakdown in every output) and `quoteFromResponse` (a quote of a saved
//! answer, with no network).

use std::rc::Rc;

use js_sys::{Object, Reflect, JSON};
use wasm_bindgen::prelude::*;

use super::catalogue_handle::read_catalogue;
use super::errors::{inquiry_error, kind_mismatch_error, options_error, quote_error, unknown_kind};
use super::input::{json_text, option_value, options_argument, string_of, JsObject};
use crate::breakdown::budget::read_budget;
use crate::breakdown::{csv, html, markdown, text, Breakdown, BreakdownOptions};
use crate::catalogue::Catalogue;
use crate::client::options::read_saved_options;
use crate::inquiry::{Inquiry, InquiryError, InquiryKind};
use crate::language::Language;
use crate::quote::{Asked, Described, Quote, SavedAnswerError};
use crate::validate::OptionReader;

/// A priced inquiry: the answer (merged when the inquiry was split) and how it was obtained.
///
/// It lives in WebAssembly memory: `free()` gives that back at once (the finaliser does so only some time
/// after the object is collected), so a loop that prices many inquiries frees each quote when done with it.
#[wasm_bindgen(js_name = Quote, skip_typescript)]
pub struct JsQuote {
    quote: Quote,
    /// The JSON text of the inquiry priced, when known: `toJSON()` keeps it so it can be priced again.
    inquiry: Option<String>,
    /// The catalogue the inquiry was checked against, when it was: its breakdowns name units from it.
    catalogue: Option<Rc<Catalogue>>,
}

impl From<Quote> for JsQuote {
    fn from(quote: Quote) -> Self {
        JsQuote {
            quote,
            inquiry: None,
            catalogue: None,
        }
    }
}

impl JsQuote {
    /// The quote of `inquiry` (its JSON text, as it was read), checked against `catalogue` when one is given.
    pub(crate) fn priced(quote: Quote, inquiry: String, catalogue: Option<Rc<Catalogue>>) -> Self {
        JsQuote {
            quote,
            inquiry: Some(inquiry),
            catalogue,
        }
    }

    /// The default options of this quote's breakdowns: its language, and the catalogue it was checked against.
    fn defaults(&self) -> BreakdownOptions {
        let mut options = BreakdownOptions::new(self.quote.language);
        options.catalogue = self.catalogue.clone();
        options
    }
}

/// An inquiry read as a batch of `I` (as the client reads it, against `catalogue` when one is given), with the
/// JSON text it was read from.
pub(crate) fn read_keeping_text<I: Inquiry>(
    input: &JsValue,
    language: Language,
    catalogue: Option<&crate::catalogue::Catalogue>,
) -> Result<(Vec<I>, String), InquiryError> {
    let (text, unsendable) = json_text(I::KIND, input, language)?;
    let parts = I::read_js(&text, true, unsendable, language, catalogue)?;
    Ok((parts, text))
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

    /// The breakdown as Markdown (GitHub-flavoured tables), fit for a pull-request comment.
    #[wasm_bindgen(js_name = toMarkdown)]
    pub fn to_markdown(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "BreakdownOptions")] options: Option<Object>,
    ) -> Result<String, JsValue> {
        Ok(markdown::render(&self.build(options)?))
    }

    /// The final total compared with `budget` (a decimal string or a number), exactly. Throws a
    /// `PriceClientError` (`INVALID_OPTIONS`, path `budget`) for a budget that is not a decimal of 0 or more.
    #[wasm_bindgen(js_name = checkBudget, unchecked_return_type = "BudgetCheck")]
    pub fn check_budget(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | number")] budget: JsValue,
    ) -> Result<JsValue, JsValue> {
        let language = self.quote.language;
        let budget = read_budget(&option_value(budget), language).map_err(|e| options_error(&e))?;
        let b = Breakdown::of(&self.quote, &BreakdownOptions::new(language));
        Ok(JSON::parse(&b.check_budget(budget).to_json()).unwrap_or(JsValue::NULL))
    }

    /// The versioned JSON document of the breakdown (`format: "hwc-price.breakdown"`, `version: 2`), with
    /// `inquiry` (the JSON text of the inquiry priced) when it is known.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "BreakdownDocument")]
    pub fn to_json(&self) -> JsValue {
        let b = Breakdown::of(&self.quote, &self.defaults());
        JSON::parse(&b.to_document(self.inquiry.as_deref())).unwrap_or(JsValue::NULL)
    }
}

impl JsQuote {
    /// The breakdown with `options`; units are named from `options.catalogue`, else from the catalogue the
    /// quote was checked against.
    fn build(&self, options: Option<Object>) -> Result<Breakdown, JsValue> {
        let value: JsValue = options.clone().map_or(JsValue::UNDEFINED, JsValue::from);
        let mut catalogue =
            |r: &mut OptionReader| read_catalogue(r, &JsObject(value.clone()), &value);
        let mut options = BreakdownOptions::read_with(
            options_argument(options),
            self.quote.language,
            Some(&mut catalogue),
        )
        .map_err(|e| options_error(&e))?;
        if options.catalogue.is_none() {
            options.catalogue = self.catalogue.clone();
        }
        Ok(Breakdown::of(&self.quote, &options))
    }
}

/// What was asked for each item of `inquiry` read as a batch of `I`, and its JSON text; its violations said
/// in `language`.
fn asked<I: Described>(
    inquiry: &JsValue,
    language: Language,
) -> Result<(Vec<Asked>, Option<String>), JsValue> {
    let (parts, text) =
        read_keeping_text::<I>(inquiry, language, None).map_err(|e| inquiry_error(&e))?;
    Ok((I::asked(&parts), Some(text)))
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
    let text = string_of(&response).ok_or_else(|| {
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
    let (asked, inquiry) = if inquiry.is_undefined() || inquiry.is_null() {
        (Vec::new(), None)
    } else {
        super::for_kind!(kind, asked, &inquiry, language)?
    };
    match Quote::from_response(kind, &text, site) {
        Ok(mut quote) => {
            quote.asked = asked;
            quote.language = language;
            Ok(JsQuote {
                quote,
                inquiry,
                catalogue: None,
            })
        }
        Err(SavedAnswerError::Answer(e)) => {
            let items = asked.into_iter().map(|a| a.id).collect();
            Err(quote_error(kind, e, items, language, site))
        }
        Err(SavedAnswerError::OtherKind(m)) => Err(kind_mismatch_error(&m, language)),
    }
}
