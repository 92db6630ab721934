//! The JavaScript boundary, run by wasm-bindgen-test in Node (default) and in headless Chrome
//! (`WASM_BINDGEN_USE_BROWSER=1`): conversions, the error shape, hostile input, and that the module keeps
//! working after any error.
#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use hwc_price::bindings::inquiry::{
    build_on_demand_inquiry, build_period_inquiry, build_renewal_inquiry, validate_inquiry,
};
use hwc_price::bindings::signing::sign_request;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap()
}

fn get_str(target: &JsValue, key: &str) -> String {
    get(target, key).as_string().unwrap_or_default()
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(target, &JsValue::from_str(key), value).unwrap();
}

fn on_demand() -> JsValue {
    js(
        r#"{"project_id": "p1", "product_infos": [{"id": "1", "cloud_service_type": "hws.service.type.ec2",
        "resource_type": "hws.resource.type.vm", "resource_spec": "c6.large.2.linux", "region": "ap-southeast-1",
        "usage_factor": "Duration", "usage_value": 1, "usage_measure_id": 4, "subscription_num": 1}]}"#,
    )
}

fn product(inquiry: &JsValue) -> JsValue {
    Array::from(&get(inquiry, "product_infos")).get(0)
}

/// `(path, rule, message)` of each violation on a thrown error.
fn violations_of(error: &JsValue) -> Vec<(String, String, String)> {
    Array::from(&get(error, "violations"))
        .iter()
        .map(|v| {
            (
                get_str(&v, "path"),
                get_str(&v, "rule"),
                get_str(&v, "message"),
            )
        })
        .collect()
}

fn assert_builds_again() {
    let prepared = build_on_demand_inquiry(on_demand(), None).unwrap();
    assert_eq!(
        get_str(&prepared, "path"),
        "/v2/bills/ratings/on-demand-resources"
    );
}

#[wasm_bindgen_test]
fn builds_a_plain_object_with_method_path_and_body() {
    let prepared = build_on_demand_inquiry(on_demand(), None).unwrap();
    assert_eq!(
        Object::get_prototype_of(&prepared),
        Object::get_prototype_of(&Object::new())
    );
    assert_eq!(get_str(&prepared, "method"), "POST");
    assert_eq!(
        get_str(&prepared, "path"),
        "/v2/bills/ratings/on-demand-resources"
    );
    let body = get_str(&prepared, "body");
    assert!(
        body.starts_with(r#"{"project_id":"p1","product_infos":[{"id":"1","#),
        "{body}"
    );

    let renewal = build_renewal_inquiry(
        js(r#"{"resource_ids": ["r"], "period_type": 3, "period_num": 1}"#),
        None,
    )
    .unwrap();
    assert_eq!(
        get_str(&renewal, "body"),
        r#"{"resource_ids":["r"],"period_type":3,"period_num":1}"#
    );
}

#[wasm_bindgen_test]
fn accepts_json_text_as_input() {
    let text = JSON::stringify(&on_demand()).unwrap();
    let prepared = build_on_demand_inquiry(text.into(), None).unwrap();
    assert!(get_str(&prepared, "body").contains(r#""usage_value":1,"#));
}

#[wasm_bindgen_test]
fn js_numbers_keep_their_exact_digits() {
    for (number, written) in [
        (1e-10, "0.0000000001"),
        (0.1, "0.1"),
        (123.456, "123.456"),
        (2.5e-7, "0.00000025"),
        (1e21, "1000000000000000000000"),
    ] {
        let inquiry = on_demand();
        set(
            &product(&inquiry),
            "usage_value",
            &JsValue::from_f64(number),
        );
        let body = get_str(&build_on_demand_inquiry(inquiry, None).unwrap(), "body");
        assert!(
            body.contains(&format!(r#""usage_value":{written},"#)),
            "{number} gave {body}"
        );
    }
    let inquiry = on_demand();
    set(
        &product(&inquiry),
        "usage_value",
        &JsValue::from_str("0.0000000001"),
    );
    assert!(
        get_str(&build_on_demand_inquiry(inquiry, None).unwrap(), "body")
            .contains(r#""usage_value":0.0000000001,"#)
    );
}

#[wasm_bindgen_test]
fn violations_are_thrown_as_a_typed_error() {
    let inquiry = on_demand();
    set(&inquiry, "project_id", &JsValue::from_str(""));
    set(
        &product(&inquiry),
        "size_measurement_id",
        &JsValue::from_f64(17.0),
    );
    let error = build_on_demand_inquiry(inquiry, None).unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(get_str(&error, "name"), "InquiryValidationError");
    assert_eq!(get_str(&error, "code"), "INVALID_INQUIRY");
    assert_eq!(get_str(&error, "kind"), "on-demand");
    assert_eq!(
        violations_of(&error),
        [
            (
                "project_id".into(),
                "blank".into(),
                "must not be empty".into()
            ),
            (
                "product_infos[0].size_measurement_id".into(),
                "unknown_field".into(),
                "is not a field of this inquiry; did you mean size_measure_id?".into()
            ),
        ]
    );
    assert_eq!(
        get_str(&error, "message"),
        "invalid pay-per-use inquiry: 2 problems\n  project_id: must not be empty\n  \
         product_infos[0].size_measurement_id: is not a field of this inquiry; did you mean size_measure_id?"
    );
    // The guard of a second copy of the classes (this test's) recognises the module's errors by their brand.
    assert!(is_inquiry_validation_error(&error));
    assert!(!is_inquiry_validation_error(
        &js_sys::Error::new("other").into()
    ));
    assert!(!is_inquiry_validation_error(&JsValue::NULL));
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/bindings/errors.js")]
extern "C" {
    #[wasm_bindgen(js_name = isInquiryValidationError)]
    fn is_inquiry_validation_error(value: &JsValue) -> bool;
}

#[wasm_bindgen_test]
fn wrong_js_types_are_violations() {
    let inquiry = on_demand();
    let p = product(&inquiry);
    set(&p, "subscription_num", &JsValue::from_str("1"));
    set(&p, "region", &JsValue::NULL);
    set(&p, "resource_spec", &JsValue::UNDEFINED);
    set(&p, "usage_value", &JsValue::from_f64(f64::NAN));
    set(&p, "resource_size", &JsValue::from_f64(f64::INFINITY));
    set(&p, "size_measure_id", &JsValue::from_f64(17.0));
    set(&p, "usage_measure_id", &Array::new());
    let error = build_on_demand_inquiry(inquiry, None).unwrap_err();
    let got: Vec<_> = violations_of(&error)
        .into_iter()
        .map(|(p, r, m)| format!("{p} {r} {m}"))
        .collect();
    assert_eq!(
        got,
        [
            "product_infos[0].resource_spec required is required",
            "product_infos[0].region required is required, got null",
            "product_infos[0].resource_size type must be a whole number from 1 to 214783647 (the bound printed in the API reference), got Infinity, which JSON cannot carry",
            "product_infos[0].subscription_num type must be a whole number from 1 to 10000, got a string (\"1\")",
            "product_infos[0].usage_value type must be a decimal number (a number, or a string such as \"0.5\"), got NaN, which JSON cannot carry",
            "product_infos[0].usage_measure_id type must be a whole number from 0 to 9999 (a measurement unit id of at most 4 digits), got an array",
        ]
    );
}

#[wasm_bindgen_test]
fn hostile_input_never_traps_and_the_module_keeps_working() {
    let cyclic = Object::new();
    set(&cyclic, "self", &cyclic);
    let error = build_period_inquiry(cyclic.into(), None).unwrap_err();
    let v = violations_of(&error);
    assert_eq!((v[0].0.as_str(), v[0].1.as_str()), ("", "json"));
    assert!(v[0].2.starts_with("cannot be read as JSON: "), "{}", v[0].2);
    assert_builds_again();

    let big = on_demand();
    set(
        &big,
        "inquiry_precision",
        &js_sys::BigInt::from(1u32).into(),
    );
    assert_eq!(
        violations_of(&build_on_demand_inquiry(big, None).unwrap_err())[0].1,
        "json"
    );
    assert_builds_again();

    let mut deep: JsValue = Object::new().into();
    for _ in 0..100_000 {
        let outer = Object::new();
        set(&outer, "x", &deep);
        deep = outer.into();
    }
    // JSON.stringify refuses it (a json violation), or, with a larger stack, writes text whose nesting is
    // skipped without recursion: either way a violation, never a trap.
    assert!(!violations_of(&build_renewal_inquiry(deep, None).unwrap_err()).is_empty());
    assert_builds_again();

    // Deeply nested JSON text is skipped without recursion, so it is simply not an object.
    let deep_text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        violations_of(&build_renewal_inquiry(JsValue::from_str(&deep_text), None).unwrap_err())[0]
            .1,
        "type"
    );
    assert_builds_again();

    for hostile in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(f64::NAN),
        JsValue::TRUE,
        js_sys::Function::new_no_args("").into(),
        js_sys::Symbol::for_("s").into(),
        Array::of1(&JsValue::from_f64(1.0)).into(),
        JsValue::from_str("{\"resource_ids\": [\"\u{202e}\"]"),
        JsValue::from_str(""),
    ] {
        let error = build_renewal_inquiry(hostile, None).unwrap_err();
        assert_eq!(get_str(&error, "name"), "InquiryValidationError");
        assert!(!violations_of(&error).is_empty());
        assert_builds_again();
    }
}

#[wasm_bindgen_test]
fn the_language_option_says_violations_in_chinese() {
    let bad = || js(r#"{"resource_ids": [""], "period_type": 2, "period_num": 1}"#);
    let zh = || js(r#"{"language": "zh_CN"}"#).dyn_into::<Object>().unwrap();
    let error = build_renewal_inquiry(bad(), Some(zh())).unwrap_err();
    assert_eq!(
        get_str(&error, "message"),
        "续费询价无效：1 个问题\n  resource_ids[0]: 不能为空"
    );
    let listed = validate_inquiry(JsValue::from_str("renewal"), bad(), Some(zh())).unwrap();
    assert_eq!(get_str(&Array::from(&listed).get(0), "message"), "不能为空");
    let english = validate_inquiry(JsValue::from_str("renewal"), bad(), None).unwrap();
    assert_eq!(
        get_str(&Array::from(&english).get(0), "message"),
        "must not be empty"
    );
    // An unknown key is refused, as by every options object.
    let typo = js(r#"{"language": "zh_CN", "bacth": true}"#)
        .dyn_into::<Object>()
        .unwrap();
    let error = validate_inquiry(JsValue::from_str("renewal"), bad(), Some(typo)).unwrap_err();
    assert_eq!(get_str(&error, "name"), "PriceClientError");
    assert_eq!(get_str(&error, "code"), "INVALID_OPTIONS");
    assert_eq!(
        violations_of(&error),
        [(
            "bacth".into(),
            "unknown_field".into(),
            "不是已知的选项；是否应为 batch？".into()
        )]
    );
    let batch_on_build = js(r#"{"batch": true}"#).dyn_into::<Object>().unwrap();
    let error = build_renewal_inquiry(bad(), Some(batch_on_build)).unwrap_err();
    assert_eq!(get_str(&error, "code"), "INVALID_OPTIONS");
}

#[wasm_bindgen_test]
fn validate_inquiry_returns_violations_without_throwing() {
    let none = validate_inquiry(JsValue::from_str("on-demand"), on_demand(), None).unwrap();
    assert_eq!(Array::from(&none).length(), 0);
    let some = validate_inquiry(
        JsValue::from_str("renewal"),
        js(r#"{"resource_ids": [], "period_type": 2, "period_num": 13}"#),
        None,
    )
    .unwrap();
    let list: Vec<_> = Array::from(&some)
        .iter()
        .map(|v| get_str(&v, "path"))
        .collect();
    assert_eq!(list, ["resource_ids", "period_num"]);
    // Twelve resource ids: too many for one request, fine for a batch.
    let twelve = js(&format!(
        r#"{{"resource_ids": [{}], "period_type": 2, "period_num": 1}}"#,
        (1..=12)
            .map(|i| format!("\"r{i}\""))
            .collect::<Vec<_>>()
            .join(",")
    ));
    let single = validate_inquiry(JsValue::from_str("renewal"), twelve.clone(), None).unwrap();
    assert_eq!(Array::from(&single).length(), 1);
    let batch = js(r#"{"batch": true}"#).dyn_into::<Object>().unwrap();
    let as_batch = validate_inquiry(JsValue::from_str("renewal"), twelve, Some(batch)).unwrap();
    assert_eq!(Array::from(&as_batch).length(), 0);
    let error = validate_inquiry(JsValue::from_str("monthly"), on_demand(), None).unwrap_err();
    assert_eq!(get_str(&error, "name"), "TypeError");
    assert!(get_str(&error, "message").contains("\"monthly\""));
    assert!(validate_inquiry(JsValue::UNDEFINED, on_demand(), None).is_err());
}

#[wasm_bindgen_test]
fn sign_request_returns_the_headers_to_send() {
    let input = js(r#"{"method": "POST",
        "url": "https://bss-intl.myhuaweicloud.com/v2/bills/ratings/period-resources/renew-rate",
        "headers": {"Content-Type": "application/json", "X-Sdk-Date": "20240102T030405Z"},
        "body": "{\"resource_ids\":[\"r\"],\"period_type\":2,\"period_num\":1}",
        "ak": "AccessKey", "sk": "SecretKey"}"#);
    let headers = get(&sign_request(input).unwrap(), "headers");
    assert_eq!(get_str(&headers, "Host"), "bss-intl.myhuaweicloud.com");
    assert_eq!(get_str(&headers, "X-Sdk-Date"), "20240102T030405Z");
    assert_eq!(
        get_str(&headers, "Authorization"),
        "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-sdk-date, \
         Signature=5ee2537f81e64517afb39c5b38bcf5aac6bfdaff6db2f835c961e8e7abe460eb"
    );
    let bad = js(r#"{"method": "POST", "url": "nope", "ak": "a", "sk": "TopSecretValue"}"#);
    let error = sign_request(bad).unwrap_err();
    assert_eq!(get_str(&error, "name"), "SignRequestError");
    assert_eq!(get_str(&error, "code"), "INVALID_URL");
    assert!(!get_str(&error, "message").contains("TopSecretValue"));
    assert_builds_again();
}
