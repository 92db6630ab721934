//! AK/SK request signing (`SDK-HMAC-SHA256`), pure: no clock, no I/O. The caller passes the time in.
//!
//! The algorithm, step by step (`shared/spec/SIGNING.md`):
//! 1. `X-Sdk-Date` is the UTC time as `YYYYMMDDTHHMMSSZ`, unless the caller supplies the header.
//! 2. `Host` is added from the URL's authority when not given (`host:port` only for an explicit port).
//! 3. A `Content-Type` that is neither JSON nor BSON adds `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`, which
//!    then stands for the body hash.
//! 4. Signed headers: every header whose name has no `_`, lower-cased, sorted, joined with `;`.
//! 5. Canonical headers: `name:trimmed value` lines, ending with a newline.
//! 6. Canonical URI: the path decoded, each segment re-encoded, always ending with `/`.
//! 7. Canonical query: parameters sorted by decoded key, then value, each re-encoded, joined with `&`.
//! 8. Payload hash: lowercase hex SHA-256 of the body bytes.
//! 9. Canonical request: method, URI, query, headers, signed headers, payload hash, one per line.
//! 10. String to sign: `SDK-HMAC-SHA256`, the date, and the hex SHA-256 of the canonical request.
//! 11. Signature: hex HMAC-SHA256 of the string to sign, keyed with the SK bytes.
//! 12. `Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<…>, Signature=<…>`.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

use super::credentials::Secret;
use crate::validate::text::Quoted;

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
    #[error("cannot sign a request to {}: {reason}", Quoted(url))]
    InvalidUrl {
        /// The URL given.
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

/// Signs `request`, returning the full header set to send: the caller's headers plus `Host`, `X-Sdk-Date`,
/// `X-Sdk-Content-Sha256` (when needed) and `Authorization`.
pub fn sign(request: &SignRequest<'_>) -> Result<Vec<(String, String)>, SignError> {
    if request.ak.is_empty() {
        return Err(SignError::MissingCredential("access key (AK)"));
    }
    if request.sk.is_empty() {
        return Err(SignError::MissingCredential("secret key (SK)"));
    }
    if request.method.is_empty() || !request.method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(SignError::InvalidMethod(request.method.to_owned()));
    }
    let url = Url::parse(request.url)?;
    let mut headers = request.headers.to_vec();
    check_headers(&headers)?;
    if find(&headers, DATE_HEADER).is_none() {
        headers.push((DATE_HEADER.to_owned(), sdk_date(request.unix_seconds)));
    }
    if find(&headers, "host").is_none() {
        headers.push(("Host".to_owned(), url.authority.to_owned()));
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
    let payload_hash = match find(&headers, CONTENT_SHA256_HEADER) {
        Some(given) => given.to_owned(),
        None => hex_sha256(request.body),
    };
    let date = find(&headers, DATE_HEADER).unwrap_or_default().to_owned();
    let method = request.method.to_ascii_uppercase();
    let names = signed_names(&headers);
    let signed = join_names(&names);
    let canonical = build_canonical(&method, url.path, url.query, &names, &signed, &payload_hash);
    let signature = signature(request.sk, &string_to_sign(&date, &canonical));
    headers.push((
        "Authorization".to_owned(),
        authorization(request.ak, &signed, &signature),
    ));
    Ok(headers)
}

/// Step 9: the canonical request.
pub fn canonical_request(
    method: &str,
    path: &str,
    query: &str,
    headers: &[(String, String)],
    payload_hash: &str,
) -> String {
    let names = signed_names(headers);
    build_canonical(
        method,
        path,
        query,
        &names,
        &join_names(&names),
        payload_hash,
    )
}

/// The canonical request of headers already sorted into `names` (and joined into `signed`).
fn build_canonical(
    method: &str,
    path: &str,
    query: &str,
    names: &[(String, &str)],
    signed: &str,
    payload_hash: &str,
) -> String {
    let mut out = String::with_capacity(256 + path.len() + query.len());
    out.push_str(method);
    out.push('\n');
    out.push_str(&canonical_uri(path));
    out.push('\n');
    out.push_str(&canonical_query(query));
    out.push('\n');
    write_canonical_headers(&mut out, names);
    out.push('\n');
    out.push_str(signed);
    out.push('\n');
    out.push_str(payload_hash);
    out
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

/// Step 4: names of the signed headers (no `_`), lower-cased, sorted, joined with `;`.
pub fn signed_headers(headers: &[(String, String)]) -> String {
    join_names(&signed_names(headers))
}

/// Step 5: `name:value` lines of the signed headers, each ending with a newline.
pub fn canonical_headers(headers: &[(String, String)]) -> String {
    let mut out = String::new();
    write_canonical_headers(&mut out, &signed_names(headers));
    out
}

fn write_canonical_headers(out: &mut String, names: &[(String, &str)]) {
    for (name, value) in names {
        out.push_str(name);
        out.push(':');
        out.push_str(value.trim());
        out.push('\n');
    }
}

fn join_names(names: &[(String, &str)]) -> String {
    let mut out = String::new();
    for (i, (name, _)) in names.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(name);
    }
    out
}

/// The signed headers (names without `_`), lower-cased and sorted by name: O(n log n).
fn signed_names(headers: &[(String, String)]) -> Vec<(String, &str)> {
    let mut names: Vec<(String, &str)> = headers
        .iter()
        .filter(|(name, _)| !name.contains('_'))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.as_str()))
        .collect();
    names.sort_unstable();
    names
}

/// Step 6: the canonical URI.
pub fn canonical_uri(path: &str) -> String {
    let mut out = String::new();
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(&encode(&decode(segment.as_bytes(), false)));
    }
    if !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// Step 7: the canonical query string.
pub fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (decode(key.as_bytes(), true), decode(value.as_bytes(), true))
        })
        .collect();
    pairs.sort_unstable();
    let mut out = String::with_capacity(query.len());
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&encode(k));
        out.push('=');
        out.push_str(&encode(v));
    }
    out
}

/// Step 1: `YYYYMMDDTHHMMSSZ` for a Unix time.
pub fn sdk_date(unix_seconds: u64) -> String {
    let days = i64::try_from(unix_seconds / 86_400).unwrap_or(i64::MAX / 2);
    let secs = unix_seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        secs / 3600,
        (secs % 3600) / 60,
        secs % 60
    )
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

/// Lowercase hex SHA-256.
pub fn hex_sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

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

/// Percent-encodes every byte except `A–Z a–z 0–9 _ . - ~`, with uppercase hex.
fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Percent-decodes; an invalid escape is kept as it is. In a query, `+` stands for a space.
fn decode(bytes: &[u8], plus_is_space: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escaped = (b == b'%')
            .then(|| {
                Some((
                    hex_value(*bytes.get(i + 1)?)?,
                    hex_value(*bytes.get(i + 2)?)?,
                ))
            })
            .flatten();
        match escaped {
            Some((high, low)) => {
                out.push(high * 16 + low);
                i += 3;
            }
            None => {
                out.push(if plus_is_space && b == b'+' { b' ' } else { b });
                i += 1;
            }
        }
    }
    out
}

fn hex_value(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
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
        if value.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0) {
            return Err(SignError::InvalidHeader {
                name: name.clone(),
                reason: "the value contains a line break",
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
    lower.sort_unstable();
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

/// The parts of an absolute URL that signing needs.
struct Url<'u> {
    authority: &'u str,
    path: &'u str,
    query: &'u str,
}

impl<'u> Url<'u> {
    fn parse(url: &'u str) -> Result<Self, SignError> {
        let invalid = |reason| SignError::InvalidUrl {
            url: url.to_owned(),
            reason,
        };
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| invalid("it is not an absolute URL"))?;
        if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
            return Err(invalid("only http and https URLs are signed"));
        }
        let rest = rest.split('#').next().unwrap_or_default();
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(authority_end);
        if authority.is_empty()
            || authority.contains('@')
            || authority.chars().any(char::is_whitespace)
        {
            return Err(invalid("it has no plain host"));
        }
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        Ok(Url {
            authority,
            path: if path.is_empty() { "/" } else { path },
            query,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_the_sdk_date() {
        assert_eq!(sdk_date(0), "19700101T000000Z");
        assert_eq!(sdk_date(1_136_214_245), "20060102T150405Z");
        assert_eq!(sdk_date(1_704_164_645), "20240102T030405Z");
        assert_eq!(sdk_date(951_782_400), "20000229T000000Z");
        assert_eq!(sdk_date(4_102_444_799), "20991231T235959Z");
    }

    #[test]
    fn canonical_uri_decodes_then_encodes_each_segment() {
        let cases = [
            ("/", "/"),
            ("/v2/x", "/v2/x/"),
            ("/v2/x/", "/v2/x/"),
            ("/a b/c", "/a%20b/c/"),
            ("/a%20b", "/a%20b/"),
            ("/caf%C3%A9/é", "/caf%C3%A9/%C3%A9/"),
            ("/~user/a*b", "/~user/a%2Ab/"),
            ("/a%2Fb", "/a%2Fb/"),
            ("/100%", "/100%25/"),
        ];
        for (path, expected) in cases {
            assert_eq!(canonical_uri(path), expected, "{path}");
        }
    }

    #[test]
    fn canonical_query_sorts_decoded_pairs_and_encodes_them() {
        let cases = [
            ("", ""),
            ("limit=1", "limit=1"),
            ("b=2&a=1", "a=1&b=2"),
            ("a=2&a=1&a=10", "a=1&a=10&a=2"),
            ("q=a b&x", "q=a%20b&x="),
            ("q=a+b", "q=a%20b"),
            ("k%7E=%7e&t=~", "k~=~&t=~"),
            ("star=*&u=é", "star=%2A&u=%C3%A9"),
            ("z=1&&y=", "y=&z=1"),
        ];
        for (query, expected) in cases {
            assert_eq!(canonical_query(query), expected, "{query}");
        }
    }

    #[test]
    fn url_parts() {
        let url = Url::parse("https://bss.example.com:8443/v2/a?x=1#frag").unwrap();
        assert_eq!(
            (url.authority, url.path, url.query),
            ("bss.example.com:8443", "/v2/a", "x=1")
        );
        let bare = Url::parse("http://127.0.0.1").unwrap();
        assert_eq!(
            (bare.authority, bare.path, bare.query),
            ("127.0.0.1", "/", "")
        );
        for bad in [
            "/v2/a",
            "ftp://h/x",
            "https:///x",
            "https://user@h/x",
            "https://h h/x",
        ] {
            assert!(Url::parse(bad).is_err(), "{bad}");
        }
    }
}
