//! AK/SK request signing (`SDK-HMAC-SHA256`), pure: no clock, no I/O. The caller passes the time in.
//!
//! The algorithm, step by step (`shared/spec/SIGNING.md`):
//! 1. `X-Sdk-Date` is the UTC time as `YYYYMMDDTHHMMSSZ`, unless the caller supplies the header.
//! 2. `Host` is added from the URL's authority when not given (`host:port` only for an explicit port).
//! 3. A `Content-Type` that is neither JSON nor BSON adds `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`, which
//!    then stands for the body hash.
//! 4. Signed headers: every header whose name has no `_`, lower-cased, sorted, joined with `;`.
//! 5. Canonical headers: `name:trimmed value` lines, ending with a newline.
//! 6. Canonical URI: the path decoded, then split on `/`, each segment re-encoded, always ending with `/`.
//! 7. Canonical query: parameters sorted by decoded key, then value, each re-encoded, joined with `&`.
//! 8. Payload hash: the empty string's hash for an empty body (whatever step 3 added), else the
//!    `X-Sdk-Content-Sha256` value when there is one, else the lowercase hex SHA-256 of the body bytes.
//! 9. Canonical request: method, URI, query, headers, signed headers, payload hash, one per line.
//! 10. String to sign: `SDK-HMAC-SHA256`, the date, and the hex SHA-256 of the canonical request.
//! 11. Signature: hex HMAC-SHA256 of the string to sign, keyed with the SK bytes.
//! 12. `Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<…>, Signature=<…>`.
//!
//! The URL is normalised first ([`HttpUrl`]) and the normalised URL is what is signed and what must be sent.
//! Where a caller's input would be signed differently by Huawei's official SDK, or could not be sent as
//! signed, it is refused: an `X-Sdk-Date` not in the SDK's format, header values with control characters, an
//! access key that could break the `Authorization` header.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::credentials::Secret;
use super::url::{redact, HttpUrl};
use crate::validate::sort::sort;
use crate::validate::text::Quoted;

mod canonical;
mod date;

pub use canonical::signed_headers;
pub use canonical::{canonical_headers, canonical_query, canonical_request, canonical_uri};
pub use date::{is_sdk_date, sdk_date};

/// The algorithm name that starts the string to sign and the `Authorization` header.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
/// The header that carries the signing time.
pub const DATE_HEADER: &str = "X-Sdk-Date";
/// The header that replaces the body hash for bodies that are not JSON or BSON.
pub const CONTENT_SHA256_HEADER: &str = "X-Sdk-Content-Sha256";

/// Why a request could not be signed. Messages never contain the secret key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The URL is not an absolute `http` or `https` URL.
    #[error("cannot sign a request to {}: {reason}", Quoted(&redact(url)))]
    InvalidUrl {
        /// The URL given (messages show it without any user name or password, cut).
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// Two headers have the same name (names are case-insensitive).
    #[error("the header {} is given twice (header names are case-insensitive)", Quoted(.0))]
    DuplicateHeader(String),
    /// A header name or value that cannot be sent.
    #[error("the header {} cannot be sent: {reason}", Quoted(name))]
    InvalidHeader {
        /// The header's name.
        name: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The access key or the secret key is empty.
    #[error("the {0} is empty")]
    MissingCredential(&'static str),
    /// The access key holds characters that could change the `Authorization` header it goes into.
    #[error("the access key (AK) may hold only letters, digits, `-` and `_`")]
    InvalidAccessKey,
    /// The method is not an HTTP method token.
    #[error("{} is not an HTTP method", Quoted(.0))]
    InvalidMethod(String),
}

/// A request to sign.
#[derive(Debug, Clone)]
pub struct SignRequest<'a> {
    /// HTTP method, e.g. `POST`.
    pub method: &'a str,
    /// Absolute URL, e.g. `https://bss-intl.myhuaweicloud.com/v2/bills/ratings/on-demand-resources`.
    pub url: &'a str,
    /// Headers to send, names as given; an `X-Sdk-Date` here is used as is.
    pub headers: &'a [(String, String)],
    /// The exact body that will be sent.
    pub body: &'a [u8],
    /// Access key id.
    pub ak: &'a str,
    /// Secret access key.
    pub sk: &'a Secret,
    /// Signing time in seconds since the Unix epoch (used only when no `X-Sdk-Date` is given).
    pub unix_seconds: u64,
}

/// A signed request: the URL to send it to (normalised as `fetch` sends it, which is what was signed) and the
/// full header set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    /// The URL to send the request to.
    pub url: String,
    /// The caller's headers plus `Host`, `X-Sdk-Date`, `X-Sdk-Content-Sha256` (when needed) and
    /// `Authorization`.
    pub headers: Vec<(String, String)>,
}

/// Signs `request`, returning the full header set to send: the caller's headers plus `Host`, `X-Sdk-Date`,
/// `X-Sdk-Content-Sha256` (when needed) and `Authorization`. The request must be sent to the URL as
/// [`sign_request`] gives it (the same URL, normalised).
pub fn sign(request: &SignRequest<'_>) -> Result<Vec<(String, String)>, SignError> {
    sign_request(request).map(|signed| signed.headers)
}

/// The SHA-256 of the empty string: the payload hash of every empty body.
const EMPTY_HASH: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Signs `request`: the URL to send it to and the full header set.
pub fn sign_request(request: &SignRequest<'_>) -> Result<Signed, SignError> {
    sign_hashing(request, request.body.is_empty(), &mut || {
        hex_sha256(request.body)
    })
}

/// Signs `request` with its body hashed by `body_sha256` (the lowercase hex SHA-256 of the body's bytes),
/// called at most once, and only when the signature needs the body's hash: never for an empty body
/// (`body_is_empty`) or one that an `X-Sdk-Content-Sha256` header stands for. `request.body` is not read.
/// The bindings use it to hash a body with the host's own SHA-256 without copying it into the module.
pub(crate) fn sign_hashing(
    request: &SignRequest<'_>,
    body_is_empty: bool,
    body_sha256: &mut dyn FnMut() -> String,
) -> Result<Signed, SignError> {
    if request.ak.is_empty() {
        return Err(SignError::MissingCredential("access key (AK)"));
    }
    if request.sk.is_empty() {
        return Err(SignError::MissingCredential("secret key (SK)"));
    }
    let key_ok = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    if !request.ak.bytes().all(key_ok) {
        return Err(SignError::InvalidAccessKey);
    }
    if request.method.is_empty() || !request.method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(SignError::InvalidMethod(request.method.to_owned()));
    }
    // A signing error has no language to go by: its reason is said in English.
    let url = HttpUrl::parse(request.url).map_err(|(reason, _)| SignError::InvalidUrl {
        url: request.url.to_owned(),
        reason,
    })?;
    let mut headers = request.headers.to_vec();
    check_headers(&headers)?;
    match find(&headers, DATE_HEADER) {
        Some(given) if !is_sdk_date(given) => {
            return Err(SignError::InvalidHeader {
                name: DATE_HEADER.to_owned(),
                reason: "must be the UTC time as YYYYMMDDTHHMMSSZ, e.g. 20240102T030405Z",
            })
        }
        Some(_) => {}
        None => headers.push((DATE_HEADER.to_owned(), sdk_date(request.unix_seconds))),
    }
    if find(&headers, "host").is_none() {
        headers.push(("Host".to_owned(), url.authority()));
    }
    let unsigned_payload = find(&headers, "content-type").is_some_and(|ct| {
        !ct.starts_with("application/json") && !ct.starts_with("application/bson")
    });
    if unsigned_payload && find(&headers, CONTENT_SHA256_HEADER).is_none() {
        headers.push((
            CONTENT_SHA256_HEADER.to_owned(),
            "UNSIGNED-PAYLOAD".to_owned(),
        ));
    }
    // The official SDK hashes an empty body as such, even when it sends UNSIGNED-PAYLOAD.
    let payload_hash = match find(&headers, CONTENT_SHA256_HEADER) {
        _ if body_is_empty => EMPTY_HASH.to_owned(),
        Some(given) => given.to_owned(),
        None => body_sha256(),
    };
    let date = find(&headers, DATE_HEADER).unwrap_or_default().to_owned();
    let method = request.method.to_ascii_uppercase();
    let canonical = canonical_request(&method, url.path(), url.query(), &headers, &payload_hash);
    let signed = signed_headers(&headers);
    let signature = signature(request.sk, &string_to_sign(&date, &canonical));
    headers.push((
        "Authorization".to_owned(),
        authorization(request.ak, &signed, &signature),
    ));
    Ok(Signed {
        url: url.as_string(),
        headers,
    })
}

/// Step 10: the string to sign.
pub fn string_to_sign(sdk_date: &str, canonical_request: &str) -> String {
    format!(
        "{ALGORITHM}\n{sdk_date}\n{}",
        hex_sha256(canonical_request.as_bytes())
    )
}

/// Step 11: the signature, lowercase hex.
pub fn signature(sk: &Secret, string_to_sign: &str) -> String {
    // EXPOSE: the SK is the HMAC key; it goes nowhere else.
    let mut mac = match Hmac::<Sha256>::new_from_slice(sk.expose().as_bytes()) {
        Ok(mac) => mac,
        // HMAC accepts keys of any length, so this cannot happen; an empty signature would be refused.
        Err(_) => return String::new(),
    };
    mac.update(string_to_sign.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// Step 12: the `Authorization` header value.
pub fn authorization(ak: &str, signed_headers: &str, signature: &str) -> String {
    format!("{ALGORITHM} Access={ak}, SignedHeaders={signed_headers}, Signature={signature}")
}

/// Lowercase hex SHA-256.
pub fn hex_sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lowercase hex digits. Written out rather than with the `hex` crate, which added 1.6 KB gzipped to a bare
/// WebAssembly module (opt-level z, LTO; measured 2026-12-01) for these ten lines.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(bytes.len() * 2);
    for &b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            out.push(DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'));
        }
    }
    // Hex digits are ASCII.
    String::from_utf8(out).unwrap_or_default()
}

fn find<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Checks every header name and value, and that no name is given twice: O(n log n) in the headers.
fn check_headers(headers: &[(String, String)]) -> Result<(), SignError> {
    for (name, value) in headers {
        let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
        if name.is_empty() || !name.bytes().all(token) {
            return Err(SignError::InvalidHeader {
                name: name.clone(),
                reason: "not a valid header name",
            });
        }
        if value.bytes().any(|b| b == b'\r' || b == b'\n') {
            return Err(SignError::InvalidHeader {
                name: name.clone(),
                reason: "the value contains a line break",
            });
        }
        if value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
            return Err(SignError::InvalidHeader {
                name: name.clone(),
                reason: "the value contains a control character",
            });
        }
        if name.eq_ignore_ascii_case("authorization") {
            return Err(SignError::InvalidHeader {
                name: name.clone(),
                reason: "the signer sets Authorization itself",
            });
        }
    }
    // Names compared without case: sorted lower-cased, a repeat sits next to its twin. The name reported is
    // the first one given of the repeated pair.
    let mut lower: Vec<(String, usize)> = headers
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (name.to_ascii_lowercase(), i))
        .collect();
    sort(&mut lower);
    let repeated = lower
        .windows(2)
        .filter_map(|pair| match pair {
            [(a, first), (b, second)] if a == b => Some((*first).max(*second)),
            _ => None,
        })
        .min();
    match repeated.and_then(|i| headers.get(i)) {
        Some((name, _)) => Err(SignError::DuplicateHeader(name.clone())),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request<'a>(
        url: &'a str,
        headers: &'a [(String, String)],
        body: &'a [u8],
        sk: &'a Secret,
    ) -> SignRequest<'a> {
        SignRequest {
            method: "POST",
            url,
            headers,
            body,
            ak: "AK",
            sk,
            unix_seconds: 1_704_164_645,
        }
    }

    fn header<'h>(signed: &'h Signed, name: &str) -> &'h str {
        find(&signed.headers, name).unwrap_or_default()
    }

    #[test]
    fn what_is_signed_is_what_is_sent() {
        let sk = Secret::new("SK");
        let signed = sign_request(&request(
            "http://LOCALHOST:018788/v2/a/../b",
            &[],
            b"{}",
            &sk,
        ))
        .unwrap();
        assert_eq!(signed.url, "http://localhost:18788/v2/b");
        assert_eq!(header(&signed, "host"), "localhost:18788");
        let same = sign_request(&request("http://localhost:18788/v2/b", &[], b"{}", &sk)).unwrap();
        assert_eq!(
            header(&signed, "authorization"),
            header(&same, "authorization")
        );
    }

    #[test]
    fn agrees_with_the_official_sdk_on_edge_cases() {
        let sk = Secret::new("SK");
        let text = [("Content-Type".to_owned(), "text/plain".to_owned())];
        // An empty body hashes as empty even when UNSIGNED-PAYLOAD is added and sent.
        let empty = sign_request(&request("https://h/x", &text, b"", &sk)).unwrap();
        assert_eq!(header(&empty, CONTENT_SHA256_HEADER), "UNSIGNED-PAYLOAD");
        let canonical_of = |signed: &Signed, body: &[u8]| {
            let names = signed
                .headers
                .iter()
                .filter(|(n, _)| !n.eq_ignore_ascii_case("authorization"))
                .cloned()
                .collect::<Vec<_>>();
            let hash = if body.is_empty() {
                EMPTY_HASH.to_owned()
            } else {
                "UNSIGNED-PAYLOAD".to_owned()
            };
            let canonical = canonical_request("POST", "/x", "", &names, &hash);
            signature(
                &sk,
                &string_to_sign(header(signed, DATE_HEADER), &canonical),
            )
        };
        assert!(header(&empty, "authorization").ends_with(&canonical_of(&empty, b"")));
        // A date given by the caller must be the SDK's format.
        let bad_date = [("X-Sdk-Date".to_owned(), "2024-01-02".to_owned())];
        assert!(matches!(
            sign_request(&request("https://h/x", &bad_date, b"{}", &sk)),
            Err(SignError::InvalidHeader { .. })
        ));
        // Nothing that could change the Authorization header or the headers sent.
        let mut injected = request("https://h/x", &[], b"{}", &sk);
        injected.ak = "AK, Signature=forged";
        assert_eq!(sign_request(&injected), Err(SignError::InvalidAccessKey));
        injected.ak = "AK\r\nX: y";
        assert_eq!(sign_request(&injected), Err(SignError::InvalidAccessKey));
        let control = [("X-A".to_owned(), "a\u{1}b".to_owned())];
        assert!(sign_request(&request("https://h/x", &control, b"{}", &sk)).is_err());
        let tab = [("X-A".to_owned(), "a\tb".to_owned())];
        assert!(sign_request(&request("https://h/x", &tab, b"{}", &sk)).is_ok());
    }

    #[test]
    fn messages_never_show_url_credentials() {
        let sk = Secret::new("SK");
        let err = sign_request(&request("https://user:hunter2@h/x", &[], b"{}", &sk)).unwrap_err();
        assert!(!err.to_string().contains("hunter2"), "{err}");
        assert!(err.to_string().contains("***@h"), "{err}");
    }

    #[test]
    fn a_body_hashed_elsewhere_signs_the_same_and_only_when_needed() {
        let sk = Secret::new("SK");
        let body = "{\"product_infos\":[\"\u{e9}\u{1f600}\"]}".as_bytes();
        let json = [("Content-Type".to_owned(), "application/json".to_owned())];
        let text = [("Content-Type".to_owned(), "text/plain".to_owned())];
        for headers in [&json[..], &text[..], &[]] {
            let direct = sign_request(&request("https://h/x?b=1&a=2", headers, body, &sk));
            let mut calls = 0;
            let url = "https://h/x?b=1&a=2";
            let hashed = sign_hashing(&request(url, headers, b"", &sk), false, &mut || {
                calls += 1;
                hex_sha256(body)
            });
            assert_eq!(direct, hashed);
            // A text body is not hashed: UNSIGNED-PAYLOAD stands for it.
            assert_eq!(calls, usize::from(headers != &text[..]));
        }
        // An empty body is never hashed.
        let empty = sign_hashing(&request("https://h/x", &json, b"", &sk), true, &mut || {
            "0".repeat(64)
        });
        assert_eq!(
            empty,
            sign_request(&request("https://h/x", &json, b"", &sk))
        );
    }

    #[test]
    fn a_header_given_twice_in_any_case_is_refused() {
        // How signing scales with many headers and parameters is checked in tests/scaling.rs.
        let sk = Secret::new("SK");
        let twice = [
            ("X-A".to_owned(), "1".to_owned()),
            ("x-a".to_owned(), "2".to_owned()),
        ];
        assert_eq!(
            sign_request(&request("https://h/x", &twice, b"{}", &sk)),
            Err(SignError::DuplicateHeader("x-a".to_owned()))
        );
    }
}
