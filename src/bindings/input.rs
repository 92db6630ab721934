//! Turning what JavaScript passes in into JSON text, without ever failing: objects go through the engine's
//! own `JSON.stringify` (which yields each number's shortest round-trip text, so no value is rounded here),
//! strings are taken as JSON text as they are.

use js_sys::JSON;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::inquiry::{unconvertible_error, InquiryError, InquiryKind};
use crate::validate::input::NON_FINITE_MARK;

/// The JSON text of `input`: a string is JSON text already; anything else is serialized.
///
/// A value `JSON.stringify` rejects (a cycle, a BigInt, a throwing `toJSON`) becomes a `json` violation;
/// a value it drops (`undefined`, a function, a symbol) reads as absent, or as `null` at the top.
pub(crate) fn json_text(kind: InquiryKind, input: &JsValue) -> Result<String, InquiryError> {
    if let Some(text) = input.as_string() {
        return Ok(text);
    }
    let convert = |result: Result<js_sys::JsString, JsValue>| match result {
        Ok(text) => Ok(text.as_string().unwrap_or_else(|| "null".to_owned())),
        Err(thrown) => Err(unconvertible_error(kind, &thrown_message(&thrown))),
    };
    let text = convert(JSON::stringify(input))?;
    if !text.contains("null") {
        return Ok(text);
    }
    // `null` may have been NaN or ±Infinity: serialize again, marking those so they are reported by path.
    let replacer =
        Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(|_key: JsValue, value: JsValue| {
            match value.as_f64() {
                Some(n) if !n.is_finite() => {
                    JsValue::from_str(&format!("{NON_FINITE_MARK}{}", non_finite_name(n)))
                }
                _ => value,
            }
        });
    convert(JSON::stringify_with_replacer(input, replacer.as_ref()))
}

fn non_finite_name(n: f64) -> &'static str {
    if n.is_nan() {
        "NaN"
    } else if n > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
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
