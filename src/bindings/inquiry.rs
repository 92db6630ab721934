//! `buildOnDemandInquiry`, `buildPeriodInquiry`, `buildRenewalInquiry`, `validateInquiry`.

use wasm_bindgen::prelude::*;

use super::input::json_text;
use super::js_error::{inquiry_error, is_inquiry_error, usage_error, violations};
use crate::inquiry::wire::object_text;
use crate::inquiry::{
    InquiryError, InquiryKind, OnDemandInquiry, PeriodInquiry, PreparedRequest, RenewalInquiry,
};

/// Parses and checks `input` as `kind`, returning the request to send.
fn prepare(kind: InquiryKind, input: &JsValue) -> Result<PreparedRequest, InquiryError> {
    let text = json_text(kind, input)?;
    match kind {
        InquiryKind::OnDemand => OnDemandInquiry::from_json(&text).map(|i| i.to_prepared()),
        InquiryKind::Period => PeriodInquiry::from_json(&text).map(|i| i.to_prepared()),
        InquiryKind::Renewal => RenewalInquiry::from_json(&text).map(|i| i.to_prepared()),
    }
}

/// `prepare`, with both outcomes converted for JavaScript.
fn build(kind: InquiryKind, input: &JsValue) -> Result<JsValue, JsValue> {
    let prepared = prepare(kind, input).map_err(|e| inquiry_error(&e))?;
    // One JSON text crosses the boundary and the engine builds the object: cheaper than a field at a time.
    let text = object_text(|w| {
        w.string("method", prepared.method);
        w.string("path", prepared.path);
        w.string("body", &prepared.body);
    });
    js_sys::JSON::parse(&text)
        .map_err(|_| usage_error("Error", "the request could not be returned"))
}

/// Builds a pay-per-use price inquiry (`POST /v2/bills/ratings/on-demand-resources`).
///
/// `input` is the request in the API's wire field names, as an object or as JSON text. Throws an
/// `InquiryValidationError` listing every violation.
#[wasm_bindgen(js_name = buildOnDemandInquiry, unchecked_return_type = "PreparedRequest")]
pub fn build_on_demand_inquiry(
    #[wasm_bindgen(unchecked_param_type = "OnDemandInquiryInput | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    build(InquiryKind::OnDemand, &input)
}

/// Builds a yearly/monthly price inquiry (`POST /v2/bills/ratings/period-resources/subscribe-rate`).
///
/// `input` is the request in the API's wire field names, as an object or as JSON text. Throws an
/// `InquiryValidationError` listing every violation.
#[wasm_bindgen(js_name = buildPeriodInquiry, unchecked_return_type = "PreparedRequest")]
pub fn build_period_inquiry(
    #[wasm_bindgen(unchecked_param_type = "PeriodInquiryInput | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    build(InquiryKind::Period, &input)
}

/// Builds a renewal price inquiry (`POST /v2/bills/ratings/period-resources/renew-rate`).
///
/// `input` is the request in the API's wire field names, as an object or as JSON text. Throws an
/// `InquiryValidationError` listing every violation.
#[wasm_bindgen(js_name = buildRenewalInquiry, unchecked_return_type = "PreparedRequest")]
pub fn build_renewal_inquiry(
    #[wasm_bindgen(unchecked_param_type = "RenewalInquiryInput | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    build(InquiryKind::Renewal, &input)
}

/// Checks `input` as a batch of `kind`, the way `PriceClient` reads it (lists longer than one request allows).
fn check_batch(kind: InquiryKind, input: &JsValue) -> Result<(), InquiryError> {
    let text = json_text(kind, input)?;
    match kind {
        InquiryKind::OnDemand => OnDemandInquiry::batch_from_json(&text).map(drop),
        InquiryKind::Period => PeriodInquiry::batch_from_json(&text).map(drop),
        InquiryKind::Renewal => RenewalInquiry::batch_from_json(&text).map(drop),
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
    #[wasm_bindgen(unchecked_optional_param_type = "{ batch?: boolean }")] options: Option<
        js_sys::Object,
    >,
) -> Result<JsValue, JsValue> {
    let batch = options
        .and_then(|o| js_sys::Reflect::get(&o, &JsValue::from_str("batch")).ok())
        .and_then(|b| b.as_bool())
        .unwrap_or(false);
    let code = kind.as_string().unwrap_or_default();
    let kind = InquiryKind::from_code(&code).ok_or_else(|| {
        usage_error(
            "TypeError",
            &format!(
                "unknown inquiry kind {}: use \"on-demand\", \"period\" or \"renewal\"",
                crate::validate::input::Quoted(&code)
            ),
        )
    })?;
    let checked = if batch {
        check_batch(kind, &input)
    } else {
        prepare(kind, &input).map(drop)
    };
    Ok(match checked {
        Ok(()) => violations(&crate::Violations::default()),
        Err(e) => violations(e.violations()),
    })
}

/// Whether `value` is an error thrown for an invalid inquiry.
#[wasm_bindgen(js_name = isInquiryValidationError, unchecked_return_type = "value is InquiryValidationError")]
pub fn is_inquiry_validation_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> bool {
    is_inquiry_error(&value)
}
