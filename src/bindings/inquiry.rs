//! `buildOnDemandInquiry`, `buildPeriodInquiry`, `buildRenewalInquiry`, `validateInquiry`,
//! `isInquiryValidationError`.

use std::rc::Rc;

use js_sys::Object;
use wasm_bindgen::prelude::*;

use super::catalogue_handle::read_catalogue;
use super::errors::{inquiry_error, options_error, set, unknown_kind, violations};
use super::input::{json_text, options_argument, JsObject};
use crate::catalogue::Catalogue;
use crate::inquiry::RenewalInquiry;
use crate::inquiry::{Inquiry, InquiryError, InquiryKind, OnDemandInquiry, PeriodInquiry};
use crate::language::Language;
use crate::validate::options::OptionReader;
use crate::validate::{bags, Path, Violations};

/// Reads and checks `input` as an inquiry of `I` (as one request, or as a batch), with the messages of its
/// violations in `language`, each product also checked against `catalogue` when one is given.
pub(crate) fn read<I: Inquiry>(
    input: &JsValue,
    batch: bool,
    language: Language,
    catalogue: Option<&Catalogue>,
) -> Result<Vec<I>, InquiryError> {
    let (text, unsendable) = json_text(I::KIND, input, language)?;
    I::read_js(&text, batch, unsendable, language, catalogue)
}

/// What the options of the inquiry functions ask: `{ language, catalogue }`, and `{ batch }` when
/// `batch_allowed`.
struct ReadOptions {
    language: Language,
    batch: bool,
    catalogue: Option<Rc<Catalogue>>,
}

/// Reads `{ language?, batch?, catalogue? }` (`batch` only when `batch_allowed`); unknown keys and bad values
/// throw the `PriceClientError` (`INVALID_OPTIONS`) that every options object throws, said in the language
/// asked for.
fn inquiry_options(options: Option<Object>, batch_allowed: bool) -> Result<ReadOptions, JsValue> {
    let mut read = ReadOptions {
        language: Language::English,
        batch: false,
        catalogue: None,
    };
    let mut r = OptionReader::new();
    let root = Path::Root;
    let value: JsValue = options.clone().map_or(JsValue::UNDEFINED, JsValue::from);
    if let Some(object) = r.root(options_argument(options), "options") {
        let o = object.as_ref();
        read.language = r.read_language(o, &root).unwrap_or(Language::English);
        let known: &[&str] = if batch_allowed {
            &["language", "batch", "catalogue"]
        } else {
            &["language", "catalogue"]
        };
        r.only(o, &root, known);
        if batch_allowed {
            read.batch = r.boolean(o, &root, "batch").unwrap_or(false);
        }
        read.catalogue = read_catalogue(&mut r, &JsObject(value.clone()), &value);
    }
    r.finish(bags::INQUIRY).map_err(|e| options_error(&e))?;
    Ok(read)
}

/// Builds the request of `input` as `I`: `{ method, path, body }`.
fn build<I: Inquiry>(input: &JsValue, options: Option<Object>) -> Result<JsValue, JsValue> {
    let read_options = inquiry_options(options, false)?;
    let (language, catalogue) = (read_options.language, read_options.catalogue);
    let inquiry =
        read::<I>(input, false, language, catalogue.as_deref()).map_err(|e| inquiry_error(&e))?;
    let out = Object::new();
    set(&out, "method", &JsValue::from_str("POST"));
    set(&out, "path", &JsValue::from_str(I::KIND.path()));
    let body = inquiry.first().map(Inquiry::body).unwrap_or_default();
    set(&out, "body", &JsValue::from_str(&body));
    Ok(out.into())
}

/// Builds a pay-per-use price inquiry (`POST /v2/bills/ratings/on-demand-resources`).
///
/// `input` is the request in the API's wire field names, as an object or as JSON text; `options.language`
/// (`"en_US"` by default, or `"zh_CN"`) is the language of the messages; with `options.catalogue` each
/// product is also checked against that `Catalogue` (rule `catalogue`). Throws an `InquiryValidationError`
/// listing every violation, one per line in its message.
#[wasm_bindgen(js_name = buildOnDemandInquiry, unchecked_return_type = "PreparedRequest")]
pub fn build_on_demand_inquiry(
    #[wasm_bindgen(unchecked_param_type = "OnDemandInquiryInput | string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "InquiryOptions")] options: Option<Object>,
) -> Result<JsValue, JsValue> {
    build::<OnDemandInquiry>(&input, options)
}

/// Builds a yearly/monthly price inquiry (`POST /v2/bills/ratings/period-resources/subscribe-rate`).
///
/// `input` is the request in the API's wire field names, as an object or as JSON text; `options.language`
/// (`"en_US"` by default, or `"zh_CN"`) is the language of the messages; with `options.catalogue` each
/// product is also checked against that `Catalogue` (rule `catalogue`). Throws an `InquiryValidationError`
/// listing every violation, one per line in its message.
#[wasm_bindgen(js_name = buildPeriodInquiry, unchecked_return_type = "PreparedRequest")]
pub fn build_period_inquiry(
    #[wasm_bindgen(unchecked_param_type = "PeriodInquiryInput | string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "InquiryOptions")] options: Option<Object>,
) -> Result<JsValue, JsValue> {
    build::<PeriodInquiry>(&input, options)
}

/// Builds a renewal price inquiry (`POST /v2/bills/ratings/period-resources/renew-rate`).
///
/// `input` is the request in the API's wire field names, as an object or as JSON text; `options.language`
/// (`"en_US"` by default, or `"zh_CN"`) is the language of the messages; with `options.catalogue` each
/// product is also checked against that `Catalogue` (rule `catalogue`). Throws an `InquiryValidationError`
/// listing every violation, one per line in its message.
#[wasm_bindgen(js_name = buildRenewalInquiry, unchecked_return_type = "PreparedRequest")]
pub fn build_renewal_inquiry(
    #[wasm_bindgen(unchecked_param_type = "RenewalInquiryInput | string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "InquiryOptions")] options: Option<Object>,
) -> Result<JsValue, JsValue> {
    build::<RenewalInquiry>(&input, options)
}

/// The violations of `input` read as `I`, said in `language`; empty when it is valid.
fn check<I: Inquiry>(
    input: &JsValue,
    batch: bool,
    language: Language,
    catalogue: Option<&Catalogue>,
) -> Violations {
    match read::<I>(input, batch, language, catalogue) {
        Ok(_) => Violations::default(),
        Err(e) => e.violations().clone(),
    }
}

/// Checks `input` as an inquiry of `kind` (`"on-demand"`, `"period"` or `"renewal"`) without throwing for
/// violations: returns them all, or an empty array when the inquiry is valid. With `{ batch: true }` it is
/// checked the way `PriceClient` reads it: up to 10,000 products or 1,000 resource ids, split into requests.
/// `options.language` (`"en_US"` by default, or `"zh_CN"`) is the language of the messages; with
/// `options.catalogue` each product is also checked against that `Catalogue` (rule `catalogue`).
#[wasm_bindgen(js_name = validateInquiry, skip_typescript)]
pub fn validate_inquiry(
    #[wasm_bindgen(unchecked_param_type = "InquiryKind")] kind: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "OnDemandInquiryInput | PeriodInquiryInput | RenewalInquiryInput | string"
    )]
    input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<Object>,
) -> Result<JsValue, JsValue> {
    let code = kind.as_string().unwrap_or_default();
    let kind = InquiryKind::from_code(&code).ok_or_else(|| unknown_kind(&kind))?;
    let ReadOptions {
        language,
        batch,
        catalogue,
    } = inquiry_options(options, true)?;
    let found = super::for_kind!(kind, check, &input, batch, language, catalogue.as_deref());
    Ok(violations(&found))
}
