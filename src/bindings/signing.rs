//! `signRequest`: AK/SK signing for servers and proxies that call the rating APIs themselves.

use js_sys::JSON;
use wasm_bindgen::prelude::*;

use super::errors::{coded_error, set, sign_error, violations};
use super::input::{body_bytes, forget_body, host_sha256_of, option_value, sign_fields};
use crate::client::signing::{self, SignRequest};
use crate::client::Secret;
use crate::json::object_text;
use crate::validate::options::{OptionReader, OptionValue};
use crate::validate::read::maybe_strings;
use crate::validate::text::{cut, Quoted};
use crate::validate::{bags, Path};

const NAME: &str = "SignRequestError";

/// The fields of a request to sign.
const FIELDS: &[&str] = &["method", "url", "headers", "body", "ak", "sk"];

/// A `SignRequestError` (`INVALID_INPUT`) for each key of `input` that is not a field of a request to sign,
/// as every options object reports one: with its `violations`, one per line in the message.
fn unknown_fields(input: &JsValue) -> Result<(), JsValue> {
    let OptionValue::Object(object) = option_value(input.clone()) else {
        return Ok(());
    };
    let mut r = OptionReader::new();
    r.only(object.as_ref(), &Path::Root, FIELDS);
    r.finish(bags::SIGN).map_err(|e| {
        let error = coded_error(NAME, "INVALID_INPUT", &e.to_string());
        set(&error, "violations", &violations(&e.violations));
        error
    })
}

/// Signs a request with an access key pair and returns the full header set to send (the given headers plus
/// `Host`, `X-Sdk-Date`, `X-Sdk-Content-Sha256` when needed, and `Authorization`). An `X-Sdk-Date` passed in
/// is used as is. Throws a `SignRequestError`; the secret key never appears in it.
#[wasm_bindgen(js_name = signRequest, unchecked_return_type = "SignedRequest")]
pub fn sign_request(
    #[wasm_bindgen(unchecked_param_type = "SignRequestInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let invalid = |message: &str| coded_error(NAME, "INVALID_INPUT", message);
    unknown_fields(&input)?;
    // Every field crosses in one string, read by `input.js`, which also catches what a getter throws. The body
    // is read there once and kept for its hash until this call returns, whichever way.
    let packed = sign_fields(&input);
    let _forget = ForgetBody;
    if let Some(what) = packed.strip_prefix('\u{1}') {
        return Err(invalid(if what == "headers" {
            "headers must be an object of name: value strings"
        } else {
            "the request to sign must be an object"
        }));
    }
    if let Some(field) = packed.strip_prefix('\u{3}') {
        // The field's name only: its value may be the secret key.
        return Err(invalid(&format!(
            "{} holds a lone UTF-16 surrogate (half of a character), which cannot be sent as signed",
            cut(field, 200)
        )));
    }
    if let Some(thrown) = packed.strip_prefix('\u{2}') {
        return Err(invalid(&format!(
            "the request to sign could not be read: {}",
            Quoted(&cut(thrown, 200))
        )));
    }
    let mut fields = maybe_strings(&packed)
        .ok_or_else(|| invalid("the request to sign could not be read"))?
        .into_iter();
    // The values are not echoed: one of them is the secret key.
    let mut text = |key: &str| {
        fields
            .next()
            .flatten()
            .ok_or_else(|| invalid(&format!("{key} must be a string")))
    };
    let (method, url, body_mark, ak) = (text("method")?, text("url")?, text("body")?, text("ak")?);
    let sk = Secret::new(text("sk")?);
    let mut headers = Vec::new();
    while let Some(name) = fields.next().flatten() {
        match fields.next().flatten() {
            Some(value) => headers.push((name, value)),
            None => {
                return Err(invalid(&format!(
                    "the value of header {} must be a string",
                    Quoted(&cut(&name, 200))
                )))
            }
        }
    }
    let unix_seconds = (js_sys::Date::now() / 1000.0) as u64;
    let request = SignRequest {
        method: &method,
        url: &url,
        headers: &headers,
        body: &[],
        ak: &ak,
        sk: &sk,
        unix_seconds,
    };
    // `signFields` only said whether the body is empty ("" or "1"). When its hash is needed, the host hashes the
    // body `signFields` read where it is (no copy into the module), or, with no host hash, its bytes cross once
    // and the module hashes them.
    let mut body_sha256 = || {
        let hex = host_sha256_of();
        if is_sha256_hex(&hex) {
            hex
        } else {
            signing::hex_sha256(&body_bytes())
        }
    };
    let signed = signing::sign_hashing(&request, body_mark.is_empty(), &mut body_sha256)
        .map_err(|e| sign_error(&e))?;
    // One JSON text crosses the boundary instead of a string per header name and value: several times faster.
    let json = object_text(|w| {
        w.string("url", &signed.url);
        w.object_or_null("headers", Some(&signed.headers), |w, headers| {
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

/// Lets go of the body `signFields` kept when `signRequest` returns or throws.
struct ForgetBody;

impl Drop for ForgetBody {
    fn drop(&mut self) {
        forget_body();
    }
}

/// Whether `text` is a SHA-256 as the signature needs it: 64 lowercase hex digits.
fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}
