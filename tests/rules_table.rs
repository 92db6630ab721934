//! Runs the shared rule table (`tests/fixtures/rules.json`) through the Rust API. The npm package runs the
//! same table in `pkg-tests/rules.test.mjs`, so both faces enforce the same rules with the same messages.

// Test code: a failed unwrap or panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use hwc_price::{InquiryError, OnDemandInquiry, PeriodInquiry, RenewalInquiry};
use serde_json::{Map, Value};

fn table() -> Value {
    let path = format!("{}/tests/fixtures/rules.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The slot that a dotted path names, creating object members as needed.
fn slot<'v>(root: &'v mut Value, path: &str) -> &'v mut Value {
    path.split('.')
        .fold(root, |at, segment| match segment.parse::<usize>() {
            Ok(i) if at.is_array() => &mut at[i],
            _ => &mut at[segment],
        })
}

fn build(case: &Map<String, Value>, bases: &Value) -> String {
    if let Some(text) = case.get("text") {
        return text.as_str().unwrap().to_owned();
    }
    let kind = case["kind"].as_str().unwrap();
    let mut input = bases[kind].clone();
    for (list, prefix) in [("products", ""), ("resource_ids", "r")] {
        if let Some(n) = case.get(list).and_then(Value::as_u64) {
            let key = if list == "products" {
                "product_infos"
            } else {
                "resource_ids"
            };
            let first = input[key][0].clone();
            input[key] = (1..=n)
                .map(|i| match &first {
                    Value::Object(_) => {
                        let mut item = first.clone();
                        item["id"] = Value::String(i.to_string());
                        item
                    }
                    _ => Value::String(format!("{prefix}{i}")),
                })
                .collect();
        }
    }
    for path in case
        .get("remove")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let path = path.as_str().unwrap();
        let (parent, key) = path.rsplit_once('.').map_or(("", path), |(p, k)| (p, k));
        let owner = if parent.is_empty() {
            &mut input
        } else {
            slot(&mut input, parent)
        };
        owner.as_object_mut().unwrap().remove(key);
    }
    for (path, value) in case
        .get("set")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        *slot(&mut input, path) = value.clone();
    }
    input.to_string()
}

#[test]
fn every_rule_in_the_shared_table() {
    let table = table();
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() >= 40, "the table lost cases");
    for case in cases {
        let case = case.as_object().unwrap();
        let name = case["name"].as_str().unwrap();
        let text = build(case, &table["bases"]);
        let result: Result<(), InquiryError> = match case["kind"].as_str().unwrap() {
            "on-demand" => OnDemandInquiry::from_json(&text).map(drop),
            "period" => PeriodInquiry::from_json(&text).map(drop),
            "renewal" => RenewalInquiry::from_json(&text).map(drop),
            other => panic!("{name}: unknown kind {other}"),
        };
        let got: Vec<Value> = match result {
            Ok(()) => vec![],
            Err(e) => e
                .violations()
                .iter()
                .map(|v| serde_json::json!([v.path, v.rule.code(), v.message]))
                .collect(),
        };
        assert_eq!(
            &Value::Array(got),
            &case["violations"],
            "case {name:?} with input {text}"
        );
    }
}
