//! `buildOnDemandInquiry`, `buildPeriodInquiry`, `buildRenewalInquiry`, `validateInquiry`,
//! `isInquiryValidationError`.

use js_sys::Object;
use wasm_bindgen::prelude::*;

use super::errors::{inquiry_error, set, unknown_kind, violations};
use super::input::{json_text, options_argument};
use crate::inquiry::RenewalInquiry;
use crate::inquiry::{Inquiry, InquiryError, InquiryKind, OnDemandInquiry, PeriodInquiry};
use crate::validate::options::{OptionReader, OptionValue};
use crate::validate::{Path, Violations};

/// Reads and checks `input` as an inquiry of `I` (as one request, or as a batch).
pub(crate) fn read<I: Inquiry>(input: &JsValue, batch: bool) -> Result<Vec<I>, InquiryError> {
    let (text, unsendable) = json_text(I::KIND, input)?;
    I::read_js(&text, batch, unsendable)
}

/// Builds the request of `input` as `I`: `{ method, path, body }`.
fn build<I: Inquiry>(input: &JsValue) -> Result<JsValue, JsValue> {
    let inquiry = read::<I>(input, false).map_err(|e| inquiry_error(&e))?;
    let out = Object::new();
    set(&out, "method", &JsValue::from_str("POST"));
    set(&out, "path", &JsValue::from_str(I::KIND.path()));
    let body = inquiry.first().map(Inquiry::body).unwrap_or_default();
    set(&out, "body", &JsValue::from_str(&body));
    Ok(out.into())
}

/// Builds a pay-per-use price inquiry (`POST /v2/bills/ratings/on-demand-resources`).
///
/// `input` is the request in the API's wire field names, as an object or as JSON text. Throws an
/// `InquiryValidationError` listing every violation.
#[wasm_bindgen(js_name = buildOnDemandInquiry, unchecked_return_type = "PreparedRequest")]
pub fn build_on_demand_inquiry(
    #[wasm_bindgen(unchecked_param_type = "OnDemandInquiryInput | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    build::<OnDemandInquiry>(&input)
}

/// Builds a yearly/monthly price inquiry (`POST /v2/bills/ratings/period-resources/subscribe-rate`).
///
/// `input` is the request in the API's wire field names, as an object or as JSON text. Throws an
/// `InquiryValidationError` listing every violation.
#[wasm_bindgen(js_name = buildPeriodInquiry, unchecked_return_type = "PreparedRequest")]
pub fn build_period_inquiry(
    #[wasm_bindgen(unchecked_param_type = "PeriodInquiryInput | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    build::<PeriodInquiry>(&input)
}

/// Builds a renewal price inquiry (`POST /v2/bills/ratings/period-resources/renew-rate`).
///
/// `input` is the request in the API's wire field names, as an object or as JSON text. Throws an
/// `InquiryValidationError` listing every violation.
#[wasm_bindgen(js_name = buildRenewalInquiry, unchecked_return_type = "PreparedRequest")]
pub fn build_renewal_inquiry(
    #[wasm_bindgen(unchecked_param_type = "RenewalInquiryInput | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    build::<RenewalInquiry>(&input)
}

/// The violations of `input` read as `I`; empty when it is valid.
fn check<I: Inquiry>(input: &JsValue, batch: bool) -> Violations {
    match read::<I>(input, batch) {
        Ok(_) => Violations::default(),
        Err(e) => e.violations().clone(),
    }
}

/// Checks `input` as an inquiry of `kind` (`"on-demand"`, `"period"` or `"renewal"`) without throwing for
/// violations: returns them all, or an empty array when the inquiry is valid. With `{ batch: true }` it is
/// checked the way `PriceClient` reads it: up to 10,000 products or 1,000 resource ids, split into requests.
#[wasm_bindgen(js_name = validateInquiry, unchecked_return_type = "Violation[]")]
pub fn validate_inquiry(
    #[wasm_bindgen(unchecked_param_type = "InquiryKind")] kind: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "OnDemandInquiryInput | PeriodInquiryInput | RenewalInquiryInput | string"
    )]
    input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ batch?: boolean }")] options: Option<Object>,
) -> Result<JsValue, JsValue> {
    let mut r = OptionReader::new();
    let batch = match options_argument(options) {
        OptionValue::Object(o) => r.boolean(o.as_ref(), &Path::Root, "batch").unwrap_or(false),
        _ => false,
    };
    let code = kind.as_string().unwrap_or_default();
    let kind = InquiryKind::from_code(&code).ok_or_else(|| unknown_kind(&code))?;
    let found = super::for_kind!(kind, check, &input, batch);
    Ok(violations(&found))
}
