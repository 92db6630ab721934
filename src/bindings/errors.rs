//! Every error JavaScript sees is built here and nowhere else, as an instance of one of the package's error
//! classes (`errors.js`: `InquiryValidationError`, `PriceApiError`, `PriceClientError`, `SignRequestError`,
//! `HwcPriceInternalError`): `name` says which, `message` says all of it, and structured fields carry the
//! details. Building one never fails.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::client::{CallError, FailedPart, SignError};
use crate::inquiry::{InquiryError, InquiryKind};
use crate::language::Language;
use crate::quote::QuoteError;
use crate::response::KindMismatch;
use crate::site::Site;
use crate::validate::text::Quoted;
use crate::validate::{InvalidOptions, Violations};

/// Sets a property on a fresh object; on such an object this cannot fail, and if it ever did the error would
/// only lack that property.
pub(crate) fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

#[wasm_bindgen(module = "/src/bindings/errors.js")]
extern "C" {
    /// A new error of the package's class named `name` (or a plain `Error`/`TypeError`); never throws.
    #[wasm_bindgen(js_name = errorOf)]
    fn error_of(name: &str, message: &str) -> js_sys::Error;
}

fn named(name: &str, message: &str) -> js_sys::Error {
    error_of(name, message)
}

/// `InquiryValidationError`: `{ name, code: "INVALID_INQUIRY", kind, message, violations: [{ path, rule, message }] }`.
pub(crate) fn inquiry_error(err: &InquiryError) -> JsValue {
    let error = named("InquiryValidationError", &err.to_string());
    set(&error, "code", &JsValue::from_str("INVALID_INQUIRY"));
    set(&error, "kind", &JsValue::from_str(err.kind().code()));
    set(&error, "violations", &violations(err.violations()));
    error.into()
}

/// A plain array of `{ path, rule, message }` objects.
pub(crate) fn violations(list: &Violations) -> JsValue {
    let array = Array::new();
    for v in list {
        let item = Object::new();
        set(&item, "path", &JsValue::from_str(&v.path));
        set(&item, "rule", &JsValue::from_str(v.rule.code()));
        set(&item, "message", &JsValue::from_str(&v.message));
        array.push(&item);
    }
    array.into()
}

/// `PriceClientError` with code `INVALID_OPTIONS` and the violations, one line each in the message, in the
/// language the options asked for.
pub(crate) fn options_error(err: &InvalidOptions) -> JsValue {
    let error = named("PriceClientError", &err.to_string());
    set(&error, "code", &JsValue::from_str("INVALID_OPTIONS"));
    set(&error, "violations", &violations(&err.violations));
    error.into()
}

/// `PriceApiError`: `{ name, code, message, status, requestId, attempts, kind, requests, failedItems,
/// failures: [{ items, code, status, message, requestId, attempts }], partial }`, `partial` null (the caller
/// sets it when something was priced).
pub(crate) fn api_error(err: &CallError, language: Language, site: Site) -> JsValue {
    let error = named("PriceApiError", &err.message(language, site));
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
    set(
        &error,
        "requests",
        &JsValue::from(u32::try_from(err.requests).unwrap_or(u32::MAX)),
    );
    set(&error, "failedItems", &json_list(&err.failed_items()));
    let failures = Array::new();
    for part in &err.failed {
        let item = Object::new();
        set(&item, "items", &json_list(&part.items));
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
    // `partial` is set by the caller, which holds the quote type.
    set(&error, "partial", &JsValue::NULL);
    error.into()
}

/// A JavaScript array of `values`, made by the engine from one JSON text: thousands of item ids cross into
/// JavaScript as one string rather than one each, so an error (an abort included) is made at once.
pub(crate) fn json_list<T: serde::Serialize>(values: &[T]) -> JsValue {
    serde_json::to_string(values)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or_else(|| Array::new().into())
}

/// The `PriceApiError` of a saved answer that gives no quote; `items` are what it was for.
pub(crate) fn quote_error(
    kind: InquiryKind,
    err: QuoteError,
    items: Vec<String>,
    language: Language,
    site: Site,
) -> JsValue {
    let failure = match err {
        QuoteError::Api(e) => crate::client::Failure::Api(e),
        QuoteError::Unreadable(e) => crate::client::Failure::Unreadable(e),
    };
    let count = items.len();
    let call = CallError {
        kind,
        failed: vec![FailedPart {
            index: 0,
            items,
            failure,
            attempts: 0,
        }],
        requests: 0,
        items: count,
        partial: None,
    };
    api_error(&call, language, site)
}

/// `SignRequestError` with a stable code; the message never holds the secret key.
pub(crate) fn sign_error(err: &SignError) -> JsValue {
    let code = match err {
        SignError::InvalidUrl { .. } => "INVALID_URL",
        SignError::DuplicateHeader(_) => "DUPLICATE_HEADER",
        SignError::InvalidHeader { .. } => "INVALID_HEADER",
        SignError::MissingCredential(_) => "MISSING_CREDENTIAL",
        SignError::InvalidAccessKey => "INVALID_CREDENTIAL",
        SignError::InvalidMethod(_) => "INVALID_METHOD",
    };
    coded_error("SignRequestError", code, &err.to_string())
}

/// An `Error` named `name` with a stable `code`.
pub(crate) fn coded_error(name: &str, code: &str, message: &str) -> JsValue {
    let error = named(name, message);
    set(&error, "code", &JsValue::from_str(code));
    error.into()
}

/// A plain `Error` for a misuse of the API itself (not a rule of an inquiry), e.g. an unknown kind.
pub(crate) fn usage_error(name: &str, message: &str) -> JsValue {
    named(name, message).into()
}

/// The `TypeError` for a kind that is not `on-demand`, `period` or `renewal`: a string is quoted (cut), any
/// other value named by its type.
pub(crate) fn unknown_kind(kind: &JsValue) -> JsValue {
    let seen = match kind.as_string() {
        Some(code) => Quoted(&crate::validate::text::cut(&code, 40)).to_string(),
        None => kind.js_typeof().as_string().unwrap_or_default(),
    };
    usage_error(
        "TypeError",
        &format!("unknown inquiry kind {seen}: use \"on-demand\", \"period\" or \"renewal\""),
    )
}

/// `HwcPriceInternalError`: a panic inside the module, with its message.
pub(crate) fn internal_error(panic: &str) -> JsValue {
    named(
        "HwcPriceInternalError",
        &format!("hwc-price internal error (please report it): {panic}"),
    )
    .into()
}

/// `PriceClientError` with code `ANSWER_KIND_MISMATCH`: `kind` the stated kind, `answerKind` what the answer's
/// members say it is (`null` for an answer of no API or of several), and no `violations`.
pub(crate) fn kind_mismatch_error(m: &KindMismatch, language: Language) -> JsValue {
    let error = coded_error(
        "PriceClientError",
        "ANSWER_KIND_MISMATCH",
        &m.message(language),
    );
    set(&error, "kind", &JsValue::from_str(m.stated.code()));
    set(&error, "violations", &Array::new());
    let found = m.recognised.kind();
    set(
        &error,
        "answerKind",
        &found.map_or(JsValue::NULL, |k| JsValue::from_str(k.code())),
    );
    error
}
