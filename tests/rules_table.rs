//! Runs the shared rule table (`tests/fixtures/rules.json`) through the Rust API. The npm package runs the
//! same table in `pkg-tests/rules.test.mjs`, so both faces enforce the same rules with the same messages.

// Test code: a failed unwrap or panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashSet;

use hwc_price::inquiry::Inquiry;
use hwc_price::validate::MAX_LISTED;
use hwc_price::{InquiryError, Language, OnDemandInquiry, PeriodInquiry, RenewalInquiry};
use hwc_price::{Rule, Violation};
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

/// Reads `text` as an inquiry of `kind` with messages in `language`.
fn violations_in(kind: &str, text: &str, language: Language) -> Vec<Violation> {
    let result: Result<(), InquiryError> = match kind {
        "on-demand" => OnDemandInquiry::read_in(text, false, language).map(drop),
        "period" => PeriodInquiry::read_in(text, false, language).map(drop),
        "renewal" => RenewalInquiry::read_in(text, false, language).map(drop),
        other => panic!("unknown kind {other}"),
    };
    result.map_or_else(|e| e.violations().as_slice().to_vec(), |()| vec![])
}

/// Words of English in `message`, leaving out quoted values, wire names (with `_`, or `id` and `region`),
/// paths, numbers, codes in capitals and the few terms both languages write the same way.
fn english_words(message: &str) -> Vec<String> {
    const SAME_IN_BOTH: &[&str] = &[
        "JSON", "ID", "UTF", "null", "true", "false", "NaN", "API", "BigInt", "id", "region",
    ];
    let mut unquoted = String::new();
    let mut quoted = false;
    let mut escaped = false;
    for ch in message.chars() {
        match ch {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            c if !quoted => unquoted.push(c),
            _ => {}
        }
    }
    unquoted
        .split(|c: char| !(c.is_ascii_alphanumeric() || "_[].-".contains(c)))
        .filter(|token| token.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|token| !token.contains('_') && !token.contains('['))
        .filter(|token| !SAME_IN_BOTH.contains(token))
        // Codes the API defines (`HALF_PAY`, `NA`) are written as they are.
        .filter(|token| token.chars().any(|c| c.is_ascii_lowercase()))
        .map(str::to_owned)
        .collect()
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_rule_in_both_languages() {
    let table = table();
    let mut rules = HashSet::new();
    for case in table["cases"].as_array().unwrap() {
        let case = case.as_object().unwrap();
        let name = case["name"].as_str().unwrap();
        let kind = case["kind"].as_str().unwrap();
        let text = build(case, &table["bases"]);
        let en = violations_in(kind, &text, Language::English);
        let zh = violations_in(kind, &text, Language::Chinese);
        let at = |list: &[Violation]| -> Vec<(String, Rule)> {
            list.iter().map(|v| (v.path.clone(), v.rule)).collect()
        };
        assert_eq!(
            at(&en),
            at(&zh),
            "{name}: the same paths and rules in both languages"
        );
        let messages: Vec<&str> = zh.iter().map(|v| v.message.as_str()).collect();
        assert_eq!(
            Value::from(messages),
            case["zh"],
            "{name}: the Chinese messages"
        );
        for (en, zh) in en.iter().zip(&zh) {
            rules.insert(en.rule);
            assert!(!has_cjk(&en.message), "{name}: {}", en.message);
            assert!(has_cjk(&zh.message), "{name}: {}", zh.message);
            if en.rule != Rule::Json {
                // The parser's own account of bad JSON is English; the Chinese message gives its place instead.
                assert_eq!(
                    english_words(&zh.message),
                    Vec::<String>::new(),
                    "{name}: {}",
                    zh.message
                );
            }
        }
    }
    // `catalogue` needs a catalogue to check against: its cases are in `inquiry::against`'s tests and the
    // package's catalogue tests.
    let untested: Vec<Rule> = Rule::ALL
        .into_iter()
        .filter(|r| !matches!(r, Rule::Truncated | Rule::Catalogue) && !rules.contains(r))
        .collect();
    assert!(untested.is_empty(), "no case for {untested:?}");
}

#[test]
fn the_english_word_check_can_fail() {
    assert_eq!(
        english_words("应为字符串，实际为数字 5"),
        Vec::<String>::new()
    );
    assert_eq!(
        english_words(
            "不是此询价的字段；是否应为 size_measure_id？值 \"abc def\" 与 product_infos[0] 重复"
        ),
        Vec::<String>::new()
    );
    assert_eq!(english_words("必填, got null"), ["got"]);
    assert!(!has_cjk("must be a string"));
}

#[test]
fn a_truncated_list_says_so_in_both_languages() {
    // Two violations in each product: more than are listed.
    let product = serde_json::json!({
        "id": "", "cloud_service_type": "", "resource_type": "t", "resource_spec": "s", "region": "r",
        "usage_factor": "Duration", "usage_value": 1, "usage_measure_id": 4, "subscription_num": 1
    });
    let products: Vec<Value> = (0..MAX_LISTED / 2 + 2).map(|_| product.clone()).collect();
    let text = serde_json::json!({ "project_id": "p", "product_infos": products }).to_string();
    for language in [Language::English, Language::Chinese] {
        let err = OnDemandInquiry::read_in(&text, true, language).unwrap_err();
        let last = err.violations().as_slice().last().unwrap().clone();
        assert_eq!(last.rule, Rule::Truncated);
        assert_eq!(
            has_cjk(&last.message),
            language == Language::Chinese,
            "{}",
            last.message
        );
        assert!(last.message.contains('4'), "{}", last.message);
    }
}

#[test]
fn an_invalid_inquiry_says_each_violation_on_its_own_line() {
    let text = r#"{"project_id": "", "product_infos": [], "inquiry_precision": 5}"#;
    let err = OnDemandInquiry::read_in(text, false, Language::Chinese).unwrap_err();
    assert_eq!(
        err.to_string(),
        "按需询价无效：3 个问题\n  project_id: 不能为空\n  product_infos: 至少要有 1 个产品，实际为空\n  \
         inquiry_precision: 应为以下值之一：0（最多 6 位小数）、1（最多 10 位小数），实际为 5"
    );
    let err = OnDemandInquiry::from_json(r#"{"project_id": "p"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid pay-per-use inquiry: 1 problem\n  product_infos: is required"
    );
}
