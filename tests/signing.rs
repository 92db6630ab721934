//! The signer against the two public reference vectors (staged: canonical request, string to sign,
//! signature, header) and against whole requests of our own.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use hwc_price::client::signing::{
    authorization, canonical_request, hex_sha256, sign, signature, signed_headers, string_to_sign,
    SignError, SignRequest,
};
use hwc_price::client::Secret;

const DATE: &str = "20060102T150405Z";

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

fn vector_headers() -> Vec<(String, String)> {
    owned(&[("X-Sdk-Date", DATE), ("TEST_UNDERSCORE", "TEST_VALUE")])
}

#[test]
fn public_vector_1_get_with_query() {
    let headers = vector_headers();
    let payload = hex_sha256(b"");
    assert_eq!(
        payload,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    let canonical = canonical_request("GET", "/path", "limit=1", &headers, &payload);
    assert_eq!(
        canonical,
        "GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\n\
         e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    let to_sign = string_to_sign(DATE, &canonical);
    assert_eq!(
        to_sign,
        "SDK-HMAC-SHA256\n20060102T150405Z\n85c3b7730f308aee452b16138a42a914397e43a8f0d732dfa521c0ef2afa98a4"
    );
    let sig = signature(&Secret::new("SecretKey"), &to_sign);
    assert_eq!(
        authorization("AccessKey", &signed_headers(&headers), &sig),
        "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, \
         Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624"
    );
}

#[test]
fn public_vector_2_post_with_body() {
    let headers = vector_headers();
    let body = "{\"Name\":\"test\",\"Id\":1}\n";
    let payload = hex_sha256(body.as_bytes());
    assert_eq!(
        payload,
        "a29d7b4c5efd1a22011d69fd7b7aee76fe51e4083c609244228de258afd61289"
    );
    let canonical = canonical_request("POST", "/path", "key=value", &headers, &payload);
    let to_sign = string_to_sign(DATE, &canonical);
    assert_eq!(
        to_sign,
        "SDK-HMAC-SHA256\n20060102T150405Z\n13f75ff5f5216199f986c7e7f2f77834d5e160ad9e46f37319816dc72ba7eeab"
    );
    let sig = signature(&Secret::new("SecretKey"), &to_sign);
    assert_eq!(
        sig,
        "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59"
    );
}

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
        ak: "AccessKey",
        sk,
        unix_seconds: 1_704_164_645,
    }
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

#[test]
fn adds_date_and_host_and_signs_them() {
    let sk = Secret::new("SecretKey");
    let given = owned(&[("Content-Type", "application/json")]);
    let body = br#"{"resource_ids":["r"],"period_type":2,"period_num":1}"#;
    let url = "https://bss-intl.myhuaweicloud.com/v2/bills/ratings/period-resources/renew-rate";
    let out = sign(&request(url, &given, body, &sk)).unwrap();
    assert_eq!(header(&out, "X-Sdk-Date"), Some("20240102T030405Z"));
    assert_eq!(header(&out, "Host"), Some("bss-intl.myhuaweicloud.com"));
    assert_eq!(header(&out, "X-Sdk-Content-Sha256"), None);
    let auth = header(&out, "Authorization").unwrap();
    assert!(auth.starts_with("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-sdk-date, Signature="), "{auth}");
    // The same request signed by hand, step by step, gives the same signature.
    let canonical = canonical_request(
        "POST",
        "/v2/bills/ratings/period-resources/renew-rate",
        "",
        &out[..3],
        &hex_sha256(body),
    );
    let expected = signature(&sk, &string_to_sign("20240102T030405Z", &canonical));
    assert!(auth.ends_with(&format!("Signature={expected}")), "{auth}");
}

#[test]
fn a_given_date_is_used_as_is_and_signing_is_deterministic() {
    let sk = Secret::new("SecretKey");
    let given = owned(&[("X-Sdk-Date", DATE), ("Content-Type", "application/json")]);
    let url = "http://127.0.0.1:8080/v2/x?b=2&a=1";
    let first = sign(&request(url, &given, b"{}", &sk)).unwrap();
    let mut later = request(url, &given, b"{}", &sk);
    later.unix_seconds += 3600;
    assert_eq!(first, sign(&later).unwrap());
    assert_eq!(header(&first, "X-Sdk-Date"), Some(DATE));
    assert_eq!(header(&first, "Host"), Some("127.0.0.1:8080"));
}

#[test]
fn what_changes_the_signature() {
    let sk = Secret::new("SecretKey");
    let given = owned(&[("X-Sdk-Date", DATE)]);
    let auth = |url: &str, body: &[u8], sk: &Secret| {
        let out = sign(&request(url, &given, body, sk)).unwrap();
        header(&out, "Authorization").unwrap().to_owned()
    };
    let base = auth("https://h/v2/x", b"{}", &sk);
    assert_eq!(
        base,
        auth("https://h/v2/x/", b"{}", &sk),
        "a trailing slash signs the same"
    );
    assert_ne!(base, auth("https://h/v2/y", b"{}", &sk));
    assert_ne!(
        base,
        auth("https://h/v2/x", b"{ }", &sk),
        "the body is signed byte for byte"
    );
    assert_ne!(
        base,
        auth("https://h:444/v2/x", b"{}", &sk),
        "the port is part of Host"
    );
    assert_ne!(base, auth("https://h/v2/x?a=1", b"{}", &sk));
    assert_ne!(
        base,
        auth("https://h/v2/x", b"{}", &Secret::new("OtherKey"))
    );
    assert_eq!(
        auth("https://h/v2/x?b=2&a=1", b"{}", &sk),
        auth("https://h/v2/x?a=1&b=2", b"{}", &sk),
        "query order does not matter"
    );
}

#[test]
fn non_json_content_is_signed_as_unsigned_payload() {
    let sk = Secret::new("SecretKey");
    let given = owned(&[("Content-Type", "text/plain"), ("X-Sdk-Date", DATE)]);
    let out = sign(&request("https://h/x", &given, b"anything", &sk)).unwrap();
    assert_eq!(
        header(&out, "X-Sdk-Content-Sha256"),
        Some("UNSIGNED-PAYLOAD")
    );
    let auth = header(&out, "Authorization").unwrap();
    assert!(
        auth.contains("SignedHeaders=content-type;host;x-sdk-content-sha256;x-sdk-date,"),
        "{auth}"
    );
    let other_body = sign(&request("https://h/x", &given, b"different", &sk)).unwrap();
    assert_eq!(
        header(&other_body, "Authorization"),
        Some(auth),
        "the body is not hashed"
    );
}

#[test]
fn headers_with_underscores_are_sent_but_not_signed() {
    let sk = Secret::new("SecretKey");
    let given = owned(&[("X_Custom", "1"), ("X-Domain-Id", " d1 ")]);
    let out = sign(&request("https://h/x", &given, b"", &sk)).unwrap();
    assert_eq!(header(&out, "X_Custom"), Some("1"));
    assert!(header(&out, "Authorization")
        .unwrap()
        .contains("SignedHeaders=host;x-domain-id;x-sdk-date,"));
}

#[test]
fn bad_requests_are_errors_that_never_show_the_secret() {
    let sk = Secret::new("TopSecretValue");
    let ok_headers: Vec<(String, String)> = vec![];
    let cases: Vec<(SignRequest<'_>, &str)> = vec![
        (request("/relative", &ok_headers, b"", &sk), "InvalidUrl"),
        (request("ftp://h/x", &ok_headers, b"", &sk), "InvalidUrl"),
        (
            SignRequest {
                method: "PO ST",
                ..request("https://h/x", &ok_headers, b"", &sk)
            },
            "InvalidMethod",
        ),
        (
            SignRequest {
                ak: "",
                ..request("https://h/x", &ok_headers, b"", &sk)
            },
            "MissingCredential",
        ),
    ];
    let empty = Secret::new("");
    let dup = owned(&[("Host", "a"), ("host", "b")]);
    let crlf = owned(&[("X-A", "a\r\nInjected: 1")]);
    let auth = owned(&[("Authorization", "x")]);
    let mut cases = cases;
    cases.push((
        request("https://h/x", &ok_headers, b"", &empty),
        "MissingCredential",
    ));
    cases.push((request("https://h/x", &dup, b"", &sk), "DuplicateHeader"));
    cases.push((request("https://h/x", &crlf, b"", &sk), "InvalidHeader"));
    cases.push((request("https://h/x", &auth, b"", &sk), "InvalidHeader"));
    for (req, variant) in cases {
        let err: SignError = sign(&req).unwrap_err();
        assert!(format!("{err:?}").starts_with(variant), "{err:?}");
        assert!(
            !err.to_string().contains("TopSecretValue")
                && !format!("{err:?}").contains("TopSecretValue")
        );
        assert!(
            !format!("{req:?}").contains("TopSecretValue"),
            "the request's Debug hides the SK"
        );
    }
}

/// Signatures computed by an independent implementation of `SIGNING.md` (the standard library of another
/// language), for whole requests that exercise Host, Content-Type, encoding and query sorting.
#[test]
fn whole_requests_match_an_independent_implementation() {
    let cases = [
        (
            "https://bss-intl.myhuaweicloud.com/v2/bills/ratings/period-resources/renew-rate",
            vec![
                ("Content-Type", "application/json"),
                ("X-Sdk-Date", "20240102T030405Z"),
            ],
            r#"{"resource_ids":["r"],"period_type":2,"period_num":1}"#,
            "AccessKey",
            "SecretKey",
            "5ee2537f81e64517afb39c5b38bcf5aac6bfdaff6db2f835c961e8e7abe460eb",
        ),
        (
            "https://h:8443/v2/a b/caf%C3%A9?b=2&a=x y&a=1&t=~*",
            vec![("X-Sdk-Date", "20060102T150405Z"), ("X-Domain-Id", "d1")],
            "é",
            "AK",
            "SK",
            "7f5114ab4ec54810e75a41e1d7aa6d5c99418e276df72c040fbf28bb8a3d8508",
        ),
    ];
    for (url, headers, body, ak, sk, expected) in cases {
        let headers: Vec<(String, String)> = headers
            .into_iter()
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect();
        let sk = Secret::new(sk);
        let req = SignRequest {
            method: "POST",
            url,
            headers: &headers,
            body: body.as_bytes(),
            ak,
            sk: &sk,
            unix_seconds: 0,
        };
        let out = sign(&req).unwrap();
        let auth = header(&out, "Authorization").unwrap();
        assert!(
            auth.ends_with(&format!("Signature={expected}")),
            "{url}: {auth}"
        );
    }
}
