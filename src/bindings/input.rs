//! Turning what JavaScript passes in into JSON text, without ever failing: objects go through the engine's
//! own `JSON.stringify` (which yields each number's shortest round-trip text, so no value is rounded here),
//! strings are taken as JSON text as they are.

use js_sys::JSON;
use wasm_bindgen::{JsCast, JsValue};

use crate::inquiry::{json_error, InquiryError, InquiryKind};

/// The JSON text of `input`: a string is JSON text already; anything else is serialized.
///
/// A value `JSON.stringify` rejects (a cycle, a BigInt, a throwing `toJSON`) becomes a `json` violation;
/// a value it drops (`undefined`, a function, a symbol) reads as `null`, which the rules then reject.
pub(crate) fn json_text(kind: InquiryKind, input: &JsValue) -> Result<String, InquiryError> {
    if let Some(text) = input.as_string() {
        return Ok(text);
    }
    match JSON::stringify(input) {
        Ok(text) => Ok(text.as_string().unwrap_or_else(|| "null".to_owned())),
        Err(thrown) => Err(json_error(kind, &thrown_message(&thrown))),
    }
}

/// The message of a thrown JavaScript value.
pub(crate) fn thrown_message(thrown: &JsValue) -> String {
    match thrown.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => thrown
            .as_string()
            .unwrap_or_else(|| "the value could not be serialized".to_owned()),
    }
}
