//! Turning what JavaScript passes in into what the core reads, without ever failing and without leaving the
//! module in a bad state: inquiries become JSON text (through the engine's own `JSON.stringify`, once) with the
//! values that text cannot carry beside it; options objects are read property by property, with no JSON round
//! trip. Everything that may run a caller's code (getters, proxies) runs inside `input.js`, which catches.

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::client::messages::options::ABORT_SIGNAL;
use crate::inquiry::messages::{at_path, lone_surrogate, NOT_SERIALIZABLE};
use crate::inquiry::{unconvertible_error, InquiryError, InquiryKind};
use crate::language::Language;
use crate::validate::options::{OptionReader, OptionSource, OptionValue};
use crate::validate::read::strings;
use crate::validate::Unsendable;
use crate::validate::{Path, Rule};

#[wasm_bindgen(module = "/src/bindings/input.js")]
extern "C" {
    #[wasm_bindgen(js_name = jsonBytesOf)]
    fn json_bytes_of(value: &JsValue) -> Vec<u8>;
    #[wasm_bindgen(js_name = utf8Of)]
    fn utf8_of(text: &JsValue) -> Vec<u8>;
    #[wasm_bindgen(js_name = thrownText)]
    pub(crate) fn thrown_text(error: &JsValue) -> String;
    #[wasm_bindgen(js_name = keysOf, catch)]
    fn keys_of(object: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_name = listKind)]
    fn list_kind(value: &JsValue) -> u8;
    #[wasm_bindgen(js_name = loneSurrogateAt)]
    fn lone_surrogate_at(text: &JsValue) -> i32;
    #[wasm_bindgen(js_name = isAbortSignal)]
    pub(crate) fn is_abort_signal(value: &JsValue) -> bool;
    #[wasm_bindgen(js_name = signFields)]
    pub(crate) fn sign_fields(request: &JsValue) -> String;
    #[wasm_bindgen(js_name = hostSha256Of)]
    pub(crate) fn host_sha256_of() -> String;
    #[wasm_bindgen(js_name = bodyBytes)]
    pub(crate) fn body_bytes() -> Vec<u8>;
    #[wasm_bindgen(js_name = forgetBody)]
    pub(crate) fn forget_body();
}

/// Text that JavaScript encoded as UTF-8. `TextEncoder` writes only valid UTF-8, so the lossy branch is never
/// taken; it is there so that no input can make this fail.
fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The text of a JavaScript string, `None` for any other value. It crosses as UTF-8 encoded by the engine (one
/// native encoding and one copy), which is several times faster for long texts than wasm-bindgen's string
/// passing (a copy character by character in JavaScript) and gives the same text: a lone surrogate becomes
/// U+FFFD either way.
pub(crate) fn string_of(value: &JsValue) -> Option<String> {
    value.is_string().then(|| text_of(utf8_of(value)))
}

/// Where the list of unsendable values starts in [`json_of`]'s result.
const UNSENDABLE_MARK: char = '\u{0}';
/// What starts [`json_of`]'s result when `JSON.stringify` threw.
const FAILED_MARK: char = '\u{1}';

/// The JSON text of `input` (a string is JSON text already), with the values that text could not carry.
///
/// A value `JSON.stringify` rejects (a cycle, a BigInt, a throwing getter) becomes a `json` violation naming
/// where it is, when that can be found, said in `language`.
pub(crate) fn json_text(
    kind: InquiryKind,
    input: &JsValue,
    language: Language,
) -> Result<(String, Unsendable), InquiryError> {
    if input.is_string() {
        // Converting to UTF-8 would silently turn a lone surrogate into U+FFFD: it is refused instead.
        let at = lone_surrogate_at(input);
        if at >= 0 {
            let detail = lone_surrogate(language, at);
            return Err(unconvertible_error(kind, &detail, language));
        }
        return Ok((string_of(input).unwrap_or_default(), Unsendable::default()));
    }
    let mut text = text_of(json_bytes_of(input));
    if let Some(failure) = text.strip_prefix(FAILED_MARK) {
        let detail = match strings(failure).as_deref() {
            Some([message, path]) if !path.is_empty() => at_path(language, message, path),
            Some([message, _]) => message.clone(),
            _ => language.say(NOT_SERIALIZABLE).to_owned(),
        };
        return Err(unconvertible_error(kind, &detail, language));
    }
    let unsendable = match text.find(UNSENDABLE_MARK) {
        None => Unsendable::default(),
        Some(at) => {
            let list = strings(text.get(at + 1..).unwrap_or_default()).unwrap_or_default();
            text.truncate(at);
            // The list alternates paths and descriptions.
            let mut pairs = list.into_iter();
            let mut found = Vec::new();
            while let (Some(path), Some(what)) = (pairs.next(), pairs.next()) {
                found.push((path, what));
            }
            Unsendable::new(found)
        }
    };
    Ok((text, unsendable))
}

/// An options object of JavaScript's, read one property at a time.
pub(crate) struct JsObject(pub(crate) JsValue);

impl OptionSource for JsObject {
    fn keys(&self) -> Result<Vec<String>, String> {
        let keys = keys_of(&self.0).map_err(|thrown| thrown_text(&thrown))?;
        Ok(keys.iter().filter_map(|k| k.as_string()).collect())
    }

    fn get(&self, key: &str) -> OptionValue {
        match js_sys::Reflect::get(&self.0, &JsValue::from_str(key)) {
            Ok(value) => option_value(value),
            Err(thrown) => OptionValue::Unreadable(thrown_text(&thrown)),
        }
    }
}

/// A JavaScript value as an option.
pub(crate) fn option_value(value: JsValue) -> OptionValue {
    if value.is_undefined() {
        OptionValue::Absent
    } else if value.is_null() {
        OptionValue::Null
    } else if let Some(b) = value.as_bool() {
        OptionValue::Bool(b)
    } else if value.as_f64().is_some() {
        // JavaScript's own shortest round-trip text of the number, so no digit is invented or lost here.
        let text = js_sys::Number::from(value)
            .to_string_with_radix(10)
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_else(|| "NaN".to_owned());
        OptionValue::Number(text)
    } else if let Some(s) = value.as_string() {
        OptionValue::Str(s)
    } else if value.is_function() {
        OptionValue::Function
    } else if value.is_bigint() {
        OptionValue::Other("a bigint")
    } else if value.is_symbol() {
        OptionValue::Other("a symbol")
    } else if value.is_object() {
        // `Array.isArray` throws for a revoked proxy, so it is asked in `input.js`, which catches.
        match list_kind(&value) {
            0 => OptionValue::Object(Box::new(JsObject(value))),
            1 => OptionValue::Other("an array"),
            _ => OptionValue::Unreadable("a revoked proxy".to_owned()),
        }
    } else {
        OptionValue::Other("a value of an unknown kind")
    }
}

/// An optional options argument as an option value.
pub(crate) fn options_argument(value: Option<js_sys::Object>) -> OptionValue {
    value.map_or(OptionValue::Absent, |o| option_value(o.into()))
}

/// The `signal` option of `options` (the object `o` reads): an `AbortSignal`, brand-checked; anything else is a
/// violation said in the reader's language. Shared by the price calls and the catalogue look-ups.
pub(crate) fn read_signal(
    r: &mut OptionReader,
    o: &JsObject,
    options: &JsValue,
) -> Option<web_sys::AbortSignal> {
    r.get(o, &Path::Root, "signal")?;
    let signal =
        js_sys::Reflect::get(options, &JsValue::from_str("signal")).unwrap_or(JsValue::UNDEFINED);
    if is_abort_signal(&signal) {
        Some(signal.unchecked_into())
    } else {
        r.fail(
            &Path::Root.key("signal"),
            Rule::Type,
            r.language().say(ABORT_SIGNAL).into(),
        );
        None
    }
}
