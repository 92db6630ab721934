//! Every error JavaScript sees is a real `Error`, built here: `name` says which kind, `message` says all of
//! it, and structured fields carry the details. Building one never fails.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::inquiry::InquiryError;

/// `InquiryValidationError`: `{ name, code: "INVALID_INQUIRY", kind, message, violations: [{ path, rule, message }] }`.
pub(crate) fn inquiry_error(err: &InquiryError) -> JsValue {
    let error = js_sys::Error::new(&err.to_string());
    error.set_name("InquiryValidationError");
    set(&error, "code", &JsValue::from_str("INVALID_INQUIRY"));
    set(&error, "kind", &JsValue::from_str(err.kind().code()));
    set(&error, "violations", &violations(err.violations()));
    error.into()
}

/// A plain array of `{ path, rule, message }` objects.
pub(crate) fn violations(list: &crate::Violations) -> JsValue {
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

/// An `Error` named `name` with a stable `code`.
pub(crate) fn coded_error(name: &str, code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name(name);
    set(&error, "code", &JsValue::from_str(code));
    error.into()
}

/// A plain `Error` for a misuse of the API itself (not a rule of an inquiry), e.g. an unknown kind.
pub(crate) fn usage_error(name: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name(name);
    error.into()
}

/// Sets a property on a fresh object; on such an object this cannot fail, and if it ever did the error would
/// only lack that property.
pub(crate) fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Whether `value` is an error thrown for an invalid inquiry.
pub(crate) fn is_inquiry_error(value: &JsValue) -> bool {
    value.is_object()
        && Reflect::get(value, &JsValue::from_str("name"))
            .ok()
            .and_then(|name| name.as_string())
            .is_some_and(|name| name == "InquiryValidationError")
}
