//! Steps 4–9 of signing: the signed headers, the canonical URI, query and headers, and the canonical request.

use std::fmt::Write as _;

use crate::validate::sort::sort;

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
    sort(&mut names);
    names
}

/// Step 6: the canonical URI. The path is decoded before it is split, as the official SDK does, so `%2F` is
/// a separator like `/`.
pub fn canonical_uri(path: &str) -> String {
    let mut out = String::new();
    let decoded = decode(path.as_bytes(), false);
    for (i, segment) in decoded.split(|b| *b == b'/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(&encode(segment));
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
    sort(&mut pairs);
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

/// Percent-encodes every byte except `A–Z a–z 0–9 _ . - ~`, with uppercase hex.
///
/// Written out rather than with the `percent-encoding` crate: that crate with its own encoding set added
/// 2.7 KB gzipped to a bare WebAssembly module (opt-level z, LTO; measured 2026-12-01), these two functions
/// and `hex_value` are 40 lines, and the decoding rules (invalid escapes kept, `+` as a space in a query)
/// follow the official SDK rather than the crate.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_uri_decodes_splits_then_encodes_each_segment() {
        let cases = [
            ("/", "/"),
            ("/v2/x", "/v2/x/"),
            ("/v2/x/", "/v2/x/"),
            ("/a b/c", "/a%20b/c/"),
            ("/a%20b", "/a%20b/"),
            ("/caf%C3%A9/é", "/caf%C3%A9/%C3%A9/"),
            ("/~user/a*b", "/~user/a%2Ab/"),
            // Decoded before it is split, as the official SDK does: %2F separates segments.
            ("/a%2Fb", "/a/b/"),
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
}
