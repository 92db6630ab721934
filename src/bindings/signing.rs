//! `signRequest`: AK/SK signing for servers and proxies that call the rating APIs themselves.

use js_sys::{Reflect, JSON};
use wasm_bindgen::prelude::*;

use super::errors::{coded_error, sign_error};
use super::input::JsObject;
use crate::client::signing::{sign, SignRequest};
use crate::client::Secret;
use crate::json::object_text;
use crate::validate::options::{OptionSource, OptionValue};
use crate::validate::text::{cut, Quoted};

const NAME: &str = "SignRequestError";

/// Signs a request with an access key pair and returns the full header set to send (the given headers plus
/// `Host`, `X-Sdk-Date`, `X-Sdk-Content-Sha256` when needed, and `Authorization`). An `X-Sdk-Date` passed in
/// is used as is. Throws a `SignRequestError`; the secret key never appears in it.
#[wasm_bindgen(js_name = signRequest, unchecked_return_type = "SignedRequest")]
pub fn sign_request(
    #[wasm_bindgen(unchecked_param_type = "SignRequestInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let field =
        |key: &str| Reflect::get(&input, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let text = |key: &str, required: bool| -> Result<String, JsValue> {
        let value = field(key);
        match value.as_string() {
            Some(s) => Ok(s),
            None if !required && value.is_undefined() => Ok(String::new()),
            // The value is not echoed: it may be the secret key.
            None => Err(coded_error(
                NAME,
                "INVALID_INPUT",
                &format!("{key} must be a string"),
            )),
        }
    };
    if !input.is_object() {
        return Err(coded_error(
            NAME,
            "INVALID_INPUT",
            "the request to sign must be an object",
        ));
    }
    let (method, url, body, ak) = (
        text("method", true)?,
        text("url", true)?,
        text("body", false)?,
        text("ak", true)?,
    );
    let sk = Secret::new(text("sk", true)?);
    let headers = header_list(&field("headers"))?;
    let unix_seconds = (js_sys::Date::now() / 1000.0) as u64;
    let request = SignRequest {
        method: &method,
        url: &url,
        headers: &headers,
        body: body.as_bytes(),
        ak: &ak,
        sk: &sk,
        unix_seconds,
    };
    let signed = sign(&request).map_err(|e| sign_error(&e))?;
    // One JSON text crosses the boundary instead of a string per header name and value: several times faster.
    let json = object_text(|w| {
        w.object_or_null("headers", Some(&signed), |w, headers| {
            for (name, value) in headers {
                w.string(name, value);
            }
        });
    });
    JSON::parse(&json).map_err(|_| {
        coded_error(
            NAME,
            "INVALID_HEADER",
            "the signed headers could not be returned",
        )
    })
}

/// The `headers` object as name/value pairs; absent means none.
fn header_list(headers: &JsValue) -> Result<Vec<(String, String)>, JsValue> {
    if headers.is_undefined() || headers.is_null() {
        return Ok(Vec::new());
    }
    if !headers.is_object() || js_sys::Array::is_array(headers) {
        return Err(coded_error(
            NAME,
            "INVALID_INPUT",
            "headers must be an object of name: value strings",
        ));
    }
    let object = JsObject(headers.clone());
    let unreadable = |thrown: String| {
        coded_error(
            NAME,
            "INVALID_INPUT",
            &format!("headers could not be read: {}", Quoted(&cut(&thrown, 200))),
        )
    };
    let names = object.keys().map_err(unreadable)?;
    names
        .into_iter()
        .map(|name| match object.get(&name) {
            OptionValue::Str(value) => Ok((name, value)),
            OptionValue::Unreadable(thrown) => Err(unreadable(thrown)),
            _ => Err(coded_error(
                NAME,
                "INVALID_INPUT",
                &format!(
                    "the value of header {} must be a string",
                    Quoted(&cut(&name, 200))
                ),
            )),
        })
        .collect()
}
