//! Any URL, query, header and body for the signer: never a panic; a signed request always carries the
//! date, and its Authorization names exactly the headers signed.
#![no_main]

use hwc_price::client::signing::{canonical_query, canonical_uri, sign, SignRequest};
use hwc_price::client::Secret;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut parts = text.splitn(4, '\n');
    let url = parts.next().unwrap_or_default();
    let header = parts.next().unwrap_or_default();
    let method = parts.next().unwrap_or("POST");
    let body = parts.next().unwrap_or_default();
    let _ = canonical_uri(url);
    let _ = canonical_query(url);
    let (name, value) = header.split_once(':').unwrap_or((header, ""));
    let headers = vec![(name.to_owned(), value.to_owned()), ("Content-Type".to_owned(), "application/json".to_owned())];
    let sk = Secret::new("fuzz-secret");
    if let Ok(signed) = sign(&SignRequest { method, url, headers: &headers, body: body.as_bytes(), ak: "AK", sk: &sk, unix_seconds: 1_700_000_000 }) {
        assert!(signed.iter().any(|(n, _)| n.eq_ignore_ascii_case("x-sdk-date")));
        let auth = signed.iter().find(|(n, _)| n == "Authorization").map(|(_, v)| v.clone()).unwrap_or_default();
        assert!(auth.starts_with("SDK-HMAC-SHA256 Access=AK, SignedHeaders="), "{auth}");
        assert!(!auth.contains("fuzz-secret"));
    }
});
