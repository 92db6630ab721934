//! `PriceClient` inside WebAssembly, in Node and in headless Chrome, against the sandbox rating service that
//! `scripts/with-sandbox.sh` starts around the run (its URL arrives in `HWC_SANDBOX_URL` at compile time).
//! In Chrome every call is cross-origin, so CORS preflights and exposed headers are exercised too. Breakdowns
//! of saved answers run here as well.
#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::cell::RefCell;
use std::rc::Rc;

use hwc_price::bindings::client::PriceClient;
use js_sys::{Array, Object, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const SANDBOX: Option<&str> = option_env!("HWC_SANDBOX_URL");
const TOKEN: &str = "wasm-test-token";
const SK: &str = "wasm-test-secret-key";

fn sandbox() -> &'static str {
    SANDBOX.expect("HWC_SANDBOX_URL is not set: run these tests with `make test-wasm`, which starts the sandbox")
}

fn js(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap()
}

fn text(target: &JsValue, key: &str) -> String {
    get(target, key).as_string().unwrap_or_default()
}

fn client(options: &str) -> PriceClient {
    let options = js(options);
    Reflect::set(&options, &"endpoint".into(), &sandbox().into()).unwrap();
    PriceClient::new(options).unwrap()
}

fn on_demand(n: usize, spec: &str) -> JsValue {
    let products: Vec<String> = (1..=n)
        .map(|i| {
            format!(
                r#"{{"id": "p{i}", "cloud_service_type": "hws.service.type.ec2", "resource_type": "hws.resource.type.vm",
                "resource_spec": "{spec}", "region": "ap-southeast-1", "usage_factor": "Duration",
                "usage_value": "0.5", "usage_measure_id": 4, "subscription_num": 1}}"#
            )
        })
        .collect();
    js(&format!(
        r#"{{"project_id": "p", "product_infos": [{}]}}"#,
        products.join(",")
    ))
}

async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

#[wasm_bindgen_test]
async fn prices_a_batch_with_a_token_in_order_with_progress() {
    let client = client(&format!(r#"{{"auth": {{"token": "{TOKEN}"}}}}"#));
    let calls = Rc::new(RefCell::new(Vec::new()));
    let record = calls.clone();
    let on_progress = Closure::<dyn FnMut(u32, u32)>::new(move |done, total| {
        record.borrow_mut().push((done, total));
    });
    let options = Object::new();
    Reflect::set(&options, &"onProgress".into(), on_progress.as_ref()).unwrap();
    let quote = settle(client.price_on_demand(on_demand(250, "c6.large.2.linux"), Some(options)))
        .await
        .unwrap();
    assert_eq!(*calls.borrow(), [(1, 3), (2, 3), (3, 3)]);
    assert_eq!(get(&quote, "requests").as_f64(), Some(3.0));
    assert_eq!(text(&quote, "currency"), "USD");
    let response = get(&quote, "response");
    let lines = Array::from(&get(&response, "product_rating_results"));
    let ids: Vec<String> = lines.iter().map(|l| text(&l, "id")).collect();
    let expected: Vec<String> = (1..=250).map(|i| format!("p{i}")).collect();
    assert_eq!(ids, expected);
    // 250 × 0.5 h × 0.1104: the three answers' totals 5.52 + 5.52 + 2.76 summed exactly, scale kept.
    assert_eq!(text(&response, "official_website_amount"), "13.80");
    assert_eq!(text(&lines.get(0), "official_website_amount"), "0.0552");
}

#[wasm_bindgen_test]
async fn signs_with_access_keys() {
    let client = client(&format!(
        r#"{{"auth": {{"ak": "WASMTESTAK", "sk": "{SK}", "domainId": "d-1"}}, "language": "zh_CN"}}"#
    ));
    let period = js(
        r#"{"project_id": "p", "product_infos": [{"id": "a", "cloud_service_type": "hws.service.type.ebs",
        "resource_type": "hws.resource.type.volume", "resource_spec": "SSD", "region": "ap-southeast-1",
        "resource_size": 40, "size_measure_id": 17, "period_type": 2, "period_num": 1, "subscription_num": 1}]}"#,
    );
    let quote = settle(client.price_period(period, None)).await.unwrap();
    let list = get(&get(&quote, "response"), "official_website_rating_result");
    assert!(!text(&list, "official_website_amount").is_empty());

    let wrong = client_with_sk("not-the-key");
    let error = settle(wrong.price_period(js("{}"), None))
        .await
        .unwrap_err();
    assert_eq!(text(&error, "name"), "InquiryValidationError");
    let error = settle(wrong.price_on_demand(on_demand(1, "c6.large.2.linux"), None))
        .await
        .unwrap_err();
    assert_eq!(text(&error, "code"), "APIG.0301");
    assert_eq!(get(&error, "status").as_f64(), Some(401.0));
    assert!(!text(&error, "message").contains("not-the-key"));
}

fn client_with_sk(sk: &str) -> PriceClient {
    client(&format!(
        r#"{{"auth": {{"ak": "WASMTESTAK", "sk": "{sk}"}}}}"#
    ))
}

#[wasm_bindgen_test]
async fn errors_carry_code_status_request_id_and_plain_words() {
    let expired = client(r#"{"auth": {"token": "expired"}}"#);
    let error = settle(expired.price_on_demand(on_demand(1, "c6.large.2.linux"), None))
        .await
        .unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(text(&error, "name"), "PriceApiError");
    assert_eq!(text(&error, "code"), "CBC.0154");
    assert_eq!(get(&error, "attempts").as_f64(), Some(1.0));
    assert_eq!(
        text(&error, "requestId").len(),
        32,
        "X-Request-Id is readable (exposed to pages by CORS)"
    );
    assert!(text(&error, "message").starts_with("The token is invalid or has expired"));

    let client = client(&format!(r#"{{"auth": {{"token": "{TOKEN}"}}}}"#));
    let error = settle(client.price_on_demand(on_demand(3, "no.such.flavor"), None))
        .await
        .unwrap_err();
    assert_eq!(text(&error, "code"), "CBC.99006006");
    assert_eq!(get(&error, "status").as_f64(), Some(400.0));
    assert_eq!(Array::from(&get(&error, "failedItems")).length(), 3);
    assert!(get(&error, "partial").is_null());
}

#[wasm_bindgen_test]
async fn timeouts_and_cancellation_have_their_own_codes() {
    let faults = gloo_net::http::Request::post(&format!("{}/__sandbox/faults", sandbox()))
        .header("Content-Type", "application/json")
        .body(r#"[{"delayMs": 600}]"#)
        .unwrap()
        .send()
        .await
        .unwrap();
    assert_eq!(faults.status(), 200);
    let slow = client(&format!(
        r#"{{"auth": {{"token": "{TOKEN}"}}, "timeoutMs": 100, "retry": {{"maxAttempts": 1}}}}"#
    ));
    let error = settle(slow.price_on_demand(on_demand(1, "c6.large.2.linux"), None))
        .await
        .unwrap_err();
    assert_eq!(text(&error, "code"), "TIMEOUT");
    assert!(get(&error, "status").is_null());

    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let options = Object::new();
    Reflect::set(&options, &"signal".into(), &controller.signal()).unwrap();
    let error = settle(slow.price_on_demand(on_demand(1, "c6.large.2.linux"), Some(options)))
        .await
        .unwrap_err();
    assert_eq!(text(&error, "code"), "ABORTED");
}

#[wasm_bindgen_test]
async fn renewal_amounts_and_failures_survive_the_trip() {
    let client = client(&format!(r#"{{"auth": {{"token": "{TOKEN}"}}}}"#));
    let renewal =
        js(r#"{"resource_ids": ["r-1", "expired-1"], "period_type": 2, "period_num": 2}"#);
    let quote = settle(client.price_renewal(renewal, None)).await.unwrap();
    let response = get(&quote, "response");
    let failed = Array::from(&get(&response, "fail_resource_infos"));
    assert_eq!(failed.length(), 1);
    assert_eq!(text(&failed.get(0), "error_code"), "CBC.30050009");
    let priced = Array::from(&get(&response, "renew_inquiry_results")).get(0);
    let amount = text(&priced, "amount");
    assert!(
        amount.contains('.') && amount.parse::<f64>().is_ok(),
        "{amount}"
    );
    let summary = client.to_json();
    assert_eq!(text(&summary, "auth"), "token");
    assert!(!JSON::stringify(&summary)
        .unwrap()
        .as_string()
        .unwrap()
        .contains(TOKEN));
}

#[wasm_bindgen_test]
fn saved_answers_break_down_in_every_output() {
    use hwc_price::bindings::quote::quote_from_response;
    let answer = r#"{"amount": 0.5, "discount_amount": 0.1, "official_website_amount": 0.6, "currency": "CNY",
        "product_rating_results": [{"id": "<b>x</b>", "amount": 0.5, "discount_amount": 0.1, "official_website_amount": 0.6,
        "discount_rating_results": [{"discount_type": 607, "amount": 0.1, "discount_name": "P,\"q\""}]}]}"#;
    let quote = quote_from_response("on-demand".into(), answer.into(), None).unwrap();
    let breakdown = quote.breakdown(None).unwrap();
    let totals = get(&breakdown, "totals");
    assert_eq!(text(&totals, "final"), "0.5");
    assert_eq!(
        text(
            &get(&breakdown, "lines").dyn_into::<Array>().unwrap().get(0),
            "discountPercent"
        ),
        "16.67"
    );
    assert!(quote.to_text(None).unwrap().contains("¥0.60"));
    let html = quote.to_html(None).unwrap();
    assert!(html.contains("<bdi>&lt;b&gt;x&lt;/b&gt;</bdi>") && !html.contains("<b>"));
    assert!(quote
        .to_csv(None)
        .unwrap()
        .contains(",607,\"Partner authorized discount: P,\"\"q\"\"\","));
    let doc = quote.to_json();
    assert_eq!(get(&doc, "version").as_f64(), Some(2.0));
    let options = js(r#"{"language": "fr"}"#).dyn_into::<Object>().unwrap();
    let error = quote.to_text(Some(options)).unwrap_err();
    assert_eq!(text(&error, "name"), "PriceClientError");
    let error = quote_from_response("renewal".into(), "not json".into(), None)
        .err()
        .unwrap();
    assert_eq!(text(&error, "code"), "BAD_RESPONSE");
}

#[wasm_bindgen_test]
async fn looks_up_the_catalogue_and_checks_an_inquiry_against_it() {
    let client = client(&format!(
        r#"{{"auth": {{"token": "{TOKEN}"}}, "language": "en_US"}}"#
    ));
    let services = Array::from(&settle(client.service_types(None)).await.unwrap());
    let codes: Vec<String> = services
        .iter()
        .map(|s| text(&s, "service_type_code"))
        .collect();
    assert!(
        codes.iter().any(|c| c == "hws.service.type.ec2"),
        "{codes:?}"
    );
    let options = Object::new();
    Reflect::set(
        &options,
        &"onWarning".into(),
        &js_sys::Function::new_no_args(""),
    )
    .unwrap();
    let catalogue = settle(client.catalogue(Some(options))).await.unwrap();
    let with = Object::new();
    Reflect::set(&with, &"catalogue".into(), &catalogue).unwrap();
    // A product whose resource type is another service's: a `catalogue` violation, in wire terms.
    let inquiry = on_demand(1, "c6.large.2.linux");
    let product = Array::from(&get(&inquiry, "product_infos")).get(0);
    Reflect::set(
        &product,
        &"resource_type".into(),
        &"hws.resource.type.volume".into(),
    )
    .unwrap();
    let found = hwc_price::bindings::inquiry::validate_inquiry(
        "on-demand".into(),
        inquiry.clone(),
        Some(with.clone()),
    )
    .unwrap();
    let found = Array::from(&found);
    assert_eq!(found.length(), 1);
    assert_eq!(
        text(&found.get(0), "path"),
        "product_infos[0].resource_type"
    );
    assert_eq!(text(&found.get(0), "rule"), "catalogue");
    // The same inquiry with no catalogue breaks no rule.
    let plain =
        hwc_price::bindings::inquiry::validate_inquiry("on-demand".into(), inquiry, None).unwrap();
    assert_eq!(Array::from(&plain).length(), 0);
}
