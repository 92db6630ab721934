//! `PriceClient` and `Quote`: the rating client for JavaScript. Options, inputs and results are converted
//! here; everything else happens in `crate::client`.

use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use super::fetch::WebRuntime;
use super::input::json_text;
use super::js_error::{inquiry_error, set, violations};
use crate::breakdown::{asked, csv, html, text, Breakdown, BreakdownOptions};
use crate::client::call::{Auth, CallError, Client, FailedPart, Quote};
use crate::client::endpoint::Site;
use crate::client::options::{parse_options, parse_saved_options, unknown};
use crate::inquiry::{InquiryKind, OnDemandInquiry, PeriodInquiry, RenewalInquiry};
use crate::response::api_error::Language;
use crate::validate::Path;
use crate::validate::Violations;

const OPTIONS_ERROR: &str = "PriceClientError";

/// `PriceClientError` with code `INVALID_OPTIONS` and the violations, one line each in the message.
fn options_error(what: &str, list: &Violations) -> JsValue {
    let lines: Vec<String> = list
        .iter()
        .map(|v| {
            if v.path.is_empty() {
                format!("- {}", v.message)
            } else {
                format!("- {}: {}", v.path, v.message)
            }
        })
        .collect();
    let error = js_sys::Error::new(&format!("invalid {what}:\n{}", lines.join("\n")));
    error.set_name(OPTIONS_ERROR);
    set(&error, "code", &JsValue::from_str("INVALID_OPTIONS"));
    set(&error, "violations", &violations(list));
    error.into()
}

/// A client of Huawei Cloud's three rating APIs. All calls made through one client share its per-API quotas.
#[wasm_bindgen]
pub struct PriceClient {
    client: Rc<Client>,
}

#[wasm_bindgen]
impl PriceClient {
    /// A client for `options.endpoint` (`"intl"` by default) with `options.auth` (none by default, for a
    /// proxy that signs). Throws a `PriceClientError` listing every invalid option.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "PriceClientOptions")] options: JsValue,
    ) -> Result<PriceClient, JsValue> {
        let config = parse_options(&js_to_json(&options)?)
            .map_err(|v| options_error("client options", &v))?;
        Ok(PriceClient {
            client: Rc::new(Client::new(config)),
        })
    }

    /// Prices a pay-per-use inquiry (any number of products: more than 100 are sent as several requests).
    #[wasm_bindgen(js_name = priceOnDemand, unchecked_return_type = "Promise<Quote>")]
    pub fn price_on_demand(
        &self,
        #[wasm_bindgen(unchecked_param_type = "OnDemandInquiryInput | string")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PriceOptions")] options: Option<Object>,
    ) -> Promise {
        self.price(InquiryKind::OnDemand, &input, options)
    }

    /// Prices a yearly/monthly inquiry (more than 100 products are sent as several requests).
    #[wasm_bindgen(js_name = pricePeriod, unchecked_return_type = "Promise<Quote>")]
    pub fn price_period(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PeriodInquiryInput | string")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PriceOptions")] options: Option<Object>,
    ) -> Promise {
        self.price(InquiryKind::Period, &input, options)
    }

    /// Prices a renewal (more than 10 resource ids are sent as several requests).
    #[wasm_bindgen(js_name = priceRenewal, unchecked_return_type = "Promise<Quote>")]
    pub fn price_renewal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RenewalInquiryInput | string")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PriceOptions")] options: Option<Object>,
    ) -> Promise {
        self.price(InquiryKind::Renewal, &input, options)
    }

    /// The endpoint, site, language and kind of auth; never a credential.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "PriceClientSummary")]
    pub fn to_json(&self) -> JsValue {
        let config = self.client.config();
        let out = Object::new();
        set(&out, "endpoint", &JsValue::from_str(config.endpoint.base()));
        set(
            &out,
            "site",
            &JsValue::from_str(config.endpoint.site().code()),
        );
        set(
            &out,
            "language",
            &JsValue::from_str(config.language.header()),
        );
        let auth = match config.auth {
            Auth::None => "none",
            Auth::Token(_) => "token",
            Auth::AccessKey { .. } => "access-key",
        };
        set(&out, "auth", &JsValue::from_str(auth));
        out.into()
    }

    /// `PriceClient(<endpoint>)`.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_js(&self) -> String {
        format!("PriceClient({})", self.client.config().endpoint.base())
    }
}

/// The inquiry of a call, split into requests.
enum Parts {
    OnDemand(Vec<OnDemandInquiry>),
    Period(Vec<PeriodInquiry>),
    Renewal(Vec<RenewalInquiry>),
}

impl PriceClient {
    fn price(&self, kind: InquiryKind, input: &JsValue, options: Option<Object>) -> Promise {
        let client = self.client.clone();
        let options = options.map_or(JsValue::UNDEFINED, JsValue::from);
        let prepared = read_call(kind, input, &options);
        wasm_bindgen_futures::future_to_promise(async move {
            let (parts, rt) = prepared?;
            let result = match &parts {
                Parts::OnDemand(p) => client.price_on_demand(&rt, p).await,
                Parts::Period(p) => client.price_period(&rt, p).await,
                Parts::Renewal(p) => client.price_renewal(&rt, p).await,
            };
            let config = client.config();
            result
                .map(|quote| JsQuote { quote }.into())
                .map_err(|e| api_error(&e, config.language, config.endpoint.site()))
        })
    }
}

/// Reads a call's inquiry (as a batch) and its `{ onProgress, signal }` options.
fn read_call(
    kind: InquiryKind,
    input: &JsValue,
    options: &JsValue,
) -> Result<(Parts, WebRuntime), JsValue> {
    let rt = call_options(options)?;
    let text = json_text(kind, input).map_err(|e| inquiry_error(&e))?;
    let parts = match kind {
        InquiryKind::OnDemand => OnDemandInquiry::batch_from_json(&text).map(Parts::OnDemand),
        InquiryKind::Period => PeriodInquiry::batch_from_json(&text).map(Parts::Period),
        InquiryKind::Renewal => RenewalInquiry::batch_from_json(&text).map(Parts::Renewal),
    }
    .map_err(|e| inquiry_error(&e))?;
    Ok((parts, rt))
}

fn call_options(options: &JsValue) -> Result<WebRuntime, JsValue> {
    let mut rt = WebRuntime {
        signal: None,
        on_progress: None,
    };
    if options.is_undefined() || options.is_null() {
        return Ok(rt);
    }
    let invalid = |path: &str, rule, message: &str| {
        let mut list = crate::validate::violation::Collector::default();
        list.shape(path.to_owned(), rule, message.to_owned());
        options_error("price options", &list.finish())
    };
    use crate::validate::Rule;
    if !options.is_object() {
        return Err(invalid(
            "",
            Rule::Type,
            "must be an object: { onProgress?, signal? }",
        ));
    }
    let keys: serde_json::Map<String, serde_json::Value> =
        Object::keys(&Object::from(options.clone()))
            .iter()
            .map(|key| (key.as_string().unwrap_or_default(), serde_json::Value::Null))
            .collect();
    let mut unknown_keys = crate::validate::violation::Collector::default();
    unknown(
        &mut unknown_keys,
        &keys,
        &Path::Root,
        &["onProgress", "signal"],
        "a price option",
    );
    if !unknown_keys.is_empty() {
        return Err(options_error("price options", &unknown_keys.finish()));
    }
    let get = |key: &str| Reflect::get(options, &JsValue::from_str(key)).unwrap_or_default();
    let progress = get("onProgress");
    if !progress.is_undefined() && !progress.is_null() {
        rt.on_progress = Some(progress.dyn_into::<Function>().map_err(|_| {
            invalid(
                "onProgress",
                Rule::Type,
                "must be a function (done, total) => void",
            )
        })?);
    }
    let signal = get("signal");
    if !signal.is_undefined() && !signal.is_null() {
        rt.signal = Some(
            signal
                .dyn_into::<AbortSignal>()
                .map_err(|_| invalid("signal", Rule::Type, "must be an AbortSignal"))?,
        );
    }
    Ok(rt)
}

/// `PriceApiError`: `{ name, code, message, status, requestId, attempts, kind, requests, failedItems,
/// failures: [{ items, code, status, message, requestId, attempts }], partial }`.
fn api_error(err: &CallError, language: Language, site: Site) -> JsValue {
    let error = js_sys::Error::new(&err.message(language, site));
    error.set_name("PriceApiError");
    let head = err.headline();
    let status = |s: Option<u16>| s.map_or(JsValue::NULL, JsValue::from);
    let text = |s: Option<&str>| s.map_or(JsValue::NULL, JsValue::from_str);
    set(&error, "code", &JsValue::from_str(err.code()));
    set(
        &error,
        "status",
        &status(head.and_then(|p| p.failure.status())),
    );
    set(
        &error,
        "requestId",
        &text(head.and_then(|p| p.failure.request_id())),
    );
    set(
        &error,
        "attempts",
        &JsValue::from(head.map_or(0, |p| p.attempts)),
    );
    set(&error, "kind", &JsValue::from_str(err.kind.code()));
    set(&error, "requests", &JsValue::from(err.requests as u32));
    let items: Array = err
        .failed_items()
        .into_iter()
        .map(JsValue::from_str)
        .collect();
    set(&error, "failedItems", &items);
    let failures = Array::new();
    for part in &err.failed {
        let item = Object::new();
        let items: Array = part.items.iter().map(|i| JsValue::from_str(i)).collect();
        set(&item, "items", &items);
        set(&item, "code", &JsValue::from_str(part.failure.code()));
        set(&item, "status", &status(part.failure.status()));
        set(
            &item,
            "message",
            &JsValue::from_str(&part.failure.message(language, site)),
        );
        set(&item, "requestId", &text(part.failure.request_id()));
        set(&item, "attempts", &JsValue::from(part.attempts));
        failures.push(&item);
    }
    set(&error, "failures", &failures);
    let partial = err
        .partial
        .clone()
        .map_or(JsValue::NULL, |quote| JsQuote { quote }.into());
    set(&error, "partial", &partial);
    error.into()
}

/// A priced inquiry: the answer (merged when the inquiry was split) and how it was obtained.
#[wasm_bindgen(js_name = Quote)]
pub struct JsQuote {
    quote: Quote,
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

    /// The versioned JSON document of the breakdown (`format: "hwc-price.breakdown"`, `version: 1`).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "BreakdownDocument")]
    pub fn to_json(&self) -> JsValue {
        let b = Breakdown::of(&self.quote, &BreakdownOptions::new(self.quote.language));
        JSON::parse(&b.to_json()).unwrap_or(JsValue::NULL)
    }
}

impl JsQuote {
    fn build(&self, options: Option<Object>) -> Result<Breakdown, JsValue> {
        let value = options.map_or(Ok(serde_json::Value::Null), |o| js_to_json(&o.into()))?;
        let options = BreakdownOptions::from_value(&value, self.quote.language)
            .map_err(|v| options_error("breakdown options", &v))?;
        Ok(Breakdown::of(&self.quote, &options))
    }
}

/// A plain options object as JSON (functions and `undefined` drop out); anything but an object (or nothing)
/// reads as `false`, so that it is refused without being echoed: it could be a credential passed in the
/// wrong place.
fn js_to_json(value: &JsValue) -> Result<serde_json::Value, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(serde_json::Value::Null);
    }
    if !value.is_object() {
        return Ok(serde_json::Value::Bool(false));
    }
    let text = JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| {
            let mut c = crate::validate::violation::Collector::default();
            c.shape(
                String::new(),
                crate::validate::Rule::Json,
                "cannot be read as JSON".into(),
            );
            options_error("options", &c.finish())
        })?;
    Ok(serde_json::from_str(&text).unwrap_or(serde_json::Value::Null))
}

/// A quote of a saved answer, with no network: `kind` is `"on-demand"`, `"period"` or `"renewal"`,
/// `response` the answer's JSON text; `options.inquiry` (the inquiry that was sent) tells what each line
/// covers, `options.site` what a blank currency means, `options.language` the breakdown's language.
#[wasm_bindgen(js_name = quoteFromResponse)]
pub fn quote_from_response(
    #[wasm_bindgen(unchecked_param_type = "InquiryKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] response: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SavedQuoteOptions")] options: Option<Object>,
) -> Result<JsQuote, JsValue> {
    let code = kind.as_string().unwrap_or_default();
    let kind = InquiryKind::from_code(&code).ok_or_else(|| {
        super::js_error::usage_error(
            "TypeError",
            &format!(
                "unknown inquiry kind {}: use \"on-demand\", \"period\" or \"renewal\"",
                crate::validate::input::Quoted(&code)
            ),
        )
    })?;
    let text = response.as_string().ok_or_else(|| {
        super::js_error::usage_error(
            "TypeError",
            "the response must be the answer's JSON text (a string)",
        )
    })?;
    let options = options.map_or(JsValue::UNDEFINED, JsValue::from);
    let (site, language) =
        parse_saved_options(&js_to_json(&options)?).map_err(|v| options_error("options", &v))?;
    let inquiry = if options.is_object() {
        Reflect::get(&options, &JsValue::from_str("inquiry")).unwrap_or_default()
    } else {
        JsValue::UNDEFINED
    };
    let asked = if inquiry.is_undefined() || inquiry.is_null() {
        Vec::new()
    } else {
        let text = json_text(kind, &inquiry).map_err(|e| inquiry_error(&e))?;
        let asked = match kind {
            InquiryKind::OnDemand => {
                OnDemandInquiry::batch_from_json(&text).map(|p| asked::on_demand(&p))
            }
            InquiryKind::Period => PeriodInquiry::batch_from_json(&text).map(|p| asked::period(&p)),
            InquiryKind::Renewal => {
                RenewalInquiry::batch_from_json(&text).map(|p| asked::renewal(&p))
            }
        };
        asked.map_err(|e| inquiry_error(&e))?
    };
    match Quote::from_response(kind, &text, site) {
        Ok(mut quote) => {
            quote.asked = asked;
            quote.language = language;
            Ok(JsQuote { quote })
        }
        Err(failure) => {
            let err = CallError {
                kind,
                failed: vec![FailedPart {
                    index: 0,
                    items: asked.into_iter().map(|a| a.id).collect(),
                    failure,
                    attempts: 0,
                }],
                requests: 0,
                partial: None,
                merge: None,
            };
            Err(api_error(&err, language, site))
        }
    }
}
