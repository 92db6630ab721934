//! Every documented rule of the three inquiries, through the public Rust API: one passing and one failing
//! case each, comparing whole violation lists.

// Test code: a failed unwrap or panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use hwc_price::{
    InquiryError, OnDemandDraft, OnDemandInquiry, OnDemandProduct, PeriodDraft, PeriodInquiry,
    PeriodProduct, PeriodTerms, RenewalDraft, RenewalInquiry, UsageTerms,
};
use serde_json::{json, Value};
use std::str::FromStr;

fn on_demand_product(id: &str) -> Value {
    json!({
        "id": id,
        "cloud_service_type": "hws.service.type.ec2",
        "resource_type": "hws.resource.type.vm",
        "resource_spec": "c6.large.2.linux",
        "region": "ap-southeast-1",
        "usage_factor": "Duration",
        "usage_value": 1,
        "usage_measure_id": 4,
        "subscription_num": 1
    })
}

fn on_demand(products: Vec<Value>) -> Value {
    json!({ "project_id": "p1", "product_infos": products })
}

fn period_product(id: &str) -> Value {
    json!({
        "id": id,
        "cloud_service_type": "hws.service.type.ebs",
        "resource_type": "hws.resource.type.volume",
        "resource_spec": "GPSSD",
        "region": "ap-southeast-1",
        "resource_size": 40,
        "size_measure_id": 17,
        "period_type": 2,
        "period_num": 1,
        "subscription_num": 1
    })
}

fn period(products: Vec<Value>) -> Value {
    json!({ "project_id": "p1", "product_infos": products })
}

fn renewal() -> Value {
    json!({ "resource_ids": ["r1"], "period_type": 2, "period_num": 1 })
}

/// `(path, rule, message)` of every violation, or an empty list when the inquiry is valid.
fn check(kind: &str, value: &Value) -> Vec<(String, String, String)> {
    let result: Result<(), InquiryError> = match kind {
        "on-demand" => OnDemandInquiry::from_json(&value.to_string()).map(drop),
        "period" => PeriodInquiry::from_json(&value.to_string()).map(drop),
        _ => RenewalInquiry::from_json(&value.to_string()).map(drop),
    };
    match result {
        Ok(()) => vec![],
        Err(e) => e
            .violations()
            .iter()
            .map(|v| (v.path.clone(), v.rule.code().to_owned(), v.message.clone()))
            .collect(),
    }
}

fn expect(kind: &str, value: &Value, expected: &[(&str, &str, &str)]) {
    let expected: Vec<_> = expected
        .iter()
        .map(|(p, r, m)| (p.to_string(), r.to_string(), m.to_string()))
        .collect();
    assert_eq!(check(kind, value), expected, "input: {value}");
}

/// Sets `value[field] = new` on the first product of `inquiry`.
fn with_product_field(mut inquiry: Value, field: &str, new: Value) -> Value {
    inquiry["product_infos"][0][field] = new;
    inquiry
}

fn without_product_field(mut inquiry: Value, field: &str) -> Value {
    inquiry["product_infos"][0]
        .as_object_mut()
        .unwrap()
        .remove(field);
    inquiry
}

// ---- the reference's own examples -------------------------------------------------------------------

fn fixture(name: &str) -> (String, Value) {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/requests/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let value = serde_json::from_str(&text).unwrap();
    (text, value)
}

/// The value with every null member removed: a null optional field means "not given", and bodies leave
/// such fields out.
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

#[test]
fn reference_examples_produce_bodies_equal_to_themselves() {
    for (name, body) in [
        (
            "on-demand-4.2.1.json",
            OnDemandInquiry::from_json(&fixture("on-demand-4.2.1.json").0).map(|i| i.body()),
        ),
        (
            "on-demand-12.8.2.json",
            OnDemandInquiry::from_json(&fixture("on-demand-12.8.2.json").0).map(|i| i.body()),
        ),
        (
            "period-12.8.1.json",
            PeriodInquiry::from_json(&fixture("period-12.8.1.json").0).map(|i| i.body()),
        ),
        (
            "renewal-4.2.3.json",
            RenewalInquiry::from_json(&fixture("renewal-4.2.3.json").0).map(|i| i.body()),
        ),
    ] {
        let body = body.unwrap_or_else(|e| panic!("{name}: {e}"));
        let sent: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(sent, without_nulls(&fixture(name).1), "{name}");
    }
}

#[test]
fn the_subscribe_rate_example_breaks_its_own_pairing_rule_and_nothing_else() {
    let (_, value) = fixture("period-4.2.2.json");
    expect(
        "period",
        &value,
        &[(
            "product_infos[1].resource_size",
            "together",
            "is required when size_measure_id is set (size_measure_id is 15); give both or neither",
        )],
    );
    let mut fixed = value.clone();
    fixed["product_infos"][1]
        .as_object_mut()
        .unwrap()
        .remove("size_measure_id");
    let body = PeriodInquiry::from_json(&fixed.to_string()).unwrap().body();
    let sent: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(sent, without_nulls(&fixed));
}

#[test]
fn prepared_request_has_method_path_and_exact_body() {
    let inquiry =
        OnDemandInquiry::from_json(&on_demand(vec![on_demand_product("1")]).to_string()).unwrap();
    let prepared = inquiry.to_prepared();
    assert_eq!(prepared.method, "POST");
    assert_eq!(prepared.path, "/v2/bills/ratings/on-demand-resources");
    assert_eq!(
        prepared.body,
        r#"{"project_id":"p1","product_infos":[{"id":"1","cloud_service_type":"hws.service.type.ec2","resource_type":"hws.resource.type.vm","resource_spec":"c6.large.2.linux","region":"ap-southeast-1","usage_factor":"Duration","usage_value":1,"usage_measure_id":4,"subscription_num":1}]}"#
    );
    assert_eq!(
        PeriodInquiry::from_json(&period(vec![period_product("1")]).to_string())
            .unwrap()
            .to_prepared()
            .path,
        "/v2/bills/ratings/period-resources/subscribe-rate"
    );
    assert_eq!(
        RenewalInquiry::from_json(&renewal().to_string())
            .unwrap()
            .to_prepared()
            .body,
        r#"{"resource_ids":["r1"],"period_type":2,"period_num":1}"#
    );
}

// ---- exact decimals ------------------------------------------------------------------------------

#[test]
fn usage_value_keeps_its_exact_digits() {
    let cases = [
        ("0.0000000001", "0.0000000001"),
        ("1e-10", "0.0000000001"),
        ("\"0.0000000001\"", "0.0000000001"),
        ("\"1e-10\"", "0.0000000001"),
        ("1.50", "1.50"),
        ("\"730.5\"", "730.5"),
        (
            "123456789012345678901234.5678",
            "123456789012345678901234.5678",
        ),
    ];
    for (input, written) in cases {
        let text = on_demand(vec![on_demand_product("1")])
            .to_string()
            .replace("\"usage_value\":1", &format!("\"usage_value\":{input}"));
        let body = OnDemandInquiry::from_json(&text)
            .unwrap_or_else(|e| panic!("{input}: {e}"))
            .body();
        assert!(
            body.contains(&format!("\"usage_value\":{written},")),
            "{input} gave {body}"
        );
        assert!(!body.contains("e-"), "exponent form in {body}");
    }
}

#[test]
fn usage_value_must_be_a_positive_exact_decimal() {
    let base = on_demand(vec![on_demand_product("1")]);
    let p = "product_infos[0].usage_value";
    expect(
        "on-demand",
        &with_product_field(base.clone(), "usage_value", json!(0)),
        &[(p, "range", "must be a decimal greater than 0, got 0")],
    );
    expect(
        "on-demand",
        &with_product_field(base.clone(), "usage_value", json!("-1.5")),
        &[(p, "range", "must be a decimal greater than 0, got -1.5")],
    );
    expect(
        "on-demand",
        &with_product_field(base.clone(), "usage_value", json!("abc")),
        &[(
            p,
            "decimal",
            "must be a decimal number such as 2 or 0.5, got a string (\"abc\")",
        )],
    );
    expect(
        "on-demand",
        &with_product_field(base.clone(), "usage_value", json!("1,5")),
        &[(
            p,
            "decimal",
            "must be a decimal number such as 2 or 0.5, got a string (\"1,5\")",
        )],
    );
    expect(
        "on-demand",
        &with_product_field(base.clone(), "usage_value", json!(true)),
        &[(
            p,
            "type",
            "must be a decimal number (a number, or a string such as \"0.5\"), got true",
        )],
    );
    expect(
        "on-demand",
        &with_product_field(base.clone(), "usage_value", json!("1.00000000000000000000000000001")),
        &[(p, "decimal", "must fit an exact decimal (at most 28 significant digits, no rounding), got 1.00000000000000000000000000001")],
    );
    expect(
        "on-demand",
        &with_product_field(base, "usage_value", json!("0.000001")),
        &[],
    );
}

// ---- required fields, nulls and JSON types -------------------------------------------------------------

#[test]
fn every_required_field_is_named_when_missing() {
    let fields = [
        "id",
        "cloud_service_type",
        "resource_type",
        "resource_spec",
        "region",
        "usage_factor",
        "usage_value",
        "usage_measure_id",
        "subscription_num",
    ];
    for field in fields {
        let path = format!("product_infos[0].{field}");
        let missing = without_product_field(on_demand(vec![on_demand_product("1")]), field);
        expect("on-demand", &missing, &[(&path, "required", "is required")]);
        let null = with_product_field(on_demand(vec![on_demand_product("1")]), field, Value::Null);
        expect(
            "on-demand",
            &null,
            &[(&path, "required", "is required, got null")],
        );
    }
    expect(
        "on-demand",
        &json!({}),
        &[
            ("project_id", "required", "is required"),
            ("product_infos", "required", "is required"),
        ],
    );
    for field in ["period_type", "period_num"] {
        let path = format!("product_infos[0].{field}");
        expect(
            "period",
            &without_product_field(period(vec![period_product("1")]), field),
            &[(&path, "required", "is required")],
        );
    }
    expect(
        "renewal",
        &json!({}),
        &[
            ("resource_ids", "required", "is required"),
            ("period_type", "required", "is required"),
            ("period_num", "required", "is required"),
        ],
    );
}

#[test]
fn optional_fields_may_be_null_or_absent() {
    let mut product = on_demand_product("1");
    for field in ["available_zone", "resource_size", "size_measure_id"] {
        product[field] = Value::Null;
    }
    let mut inquiry = on_demand(vec![product]);
    inquiry["inquiry_precision"] = Value::Null;
    let body = OnDemandInquiry::from_json(&inquiry.to_string())
        .unwrap()
        .body();
    assert!(
        !body.contains("null")
            && !body.contains("available_zone")
            && !body.contains("inquiry_precision")
    );
    let mut r = renewal();
    r["include_relative_resources"] = Value::Null;
    expect("renewal", &r, &[]);
}

#[test]
fn wrong_json_types_are_violations() {
    let mut bad = on_demand(vec![
        on_demand_product("1"),
        json!("not a product"),
        json!([1]),
    ]);
    bad["project_id"] = json!(5);
    bad["inquiry_precision"] = json!("1");
    bad["product_infos"][0]["subscription_num"] = json!("1");
    bad["product_infos"][0]["available_zone"] = json!(["a"]);
    bad["product_infos"][0]["resource_size"] = json!({"size": 10});
    bad["product_infos"][0]["size_measure_id"] = json!(17);
    bad["product_infos"][0]["region"] = json!(false);
    expect(
        "on-demand",
        &bad,
        &[
            ("project_id", "type", "must be a string, got a number (5)"),
            ("inquiry_precision", "type", "must be one of 0 (up to 6 decimals), 1 (up to 10 decimals), got a string (\"1\")"),
            ("product_infos[0].region", "type", "must be a string, got false"),
            ("product_infos[0].available_zone", "type", "must be a string, got an array"),
            (
                "product_infos[0].resource_size",
                "type",
                "must be a whole number from 1 to 214783647 (the bound printed in the API reference), got an object",
            ),
            ("product_infos[0].subscription_num", "type", "must be a whole number from 1 to 10000, got a string (\"1\")"),
            ("product_infos[1]", "type", "must be a product (a JSON object), got a string (\"not a product\")"),
            ("product_infos[2]", "type", "must be a product (a JSON object), got an array"),
        ],
    );
    expect(
        "on-demand",
        &json!({"project_id": "p", "product_infos": {"id": "1"}}),
        &[(
            "product_infos",
            "type",
            "must be a list (a JSON array), got an object",
        )],
    );
    expect(
        "on-demand",
        &json!([1, 2]),
        &[(
            "",
            "type",
            "must be a pay-per-use inquiry (a JSON object), got an array",
        )],
    );
    expect(
        "renewal",
        &json!(null),
        &[(
            "",
            "type",
            "must be a renewal inquiry (a JSON object), got null",
        )],
    );
    let mut ids = renewal();
    ids["resource_ids"] = json!(["a", 5, null]);
    expect(
        "renewal",
        &ids,
        &[
            (
                "resource_ids[1]",
                "type",
                "must be a string, got a number (5)",
            ),
            ("resource_ids[2]", "type", "must be a string, got null"),
        ],
    );
    let mut flag = renewal();
    flag["include_relative_resources"] = json!("");
    expect(
        "renewal",
        &flag,
        &[(
            "include_relative_resources",
            "type",
            "must be true or false (leave it out for false), got a string (\"\")",
        )],
    );
}

#[test]
fn text_that_is_not_json_is_one_violation() {
    let err = OnDemandInquiry::from_json("{\"project_id\": ").unwrap_err();
    let v = &err.violations().as_slice()[0];
    assert_eq!((v.path.as_str(), v.rule.code()), ("", "json"));
    assert!(
        v.message
            .starts_with("is not valid JSON: EOF while parsing"),
        "{}",
        v.message
    );
    // Deep nesting is skipped without recursion (so it can never exhaust the stack) and reported once.
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let err = RenewalInquiry::from_json(&deep).unwrap_err();
    assert_eq!(
        err.violations().as_slice(),
        [hwc_price::Violation {
            path: String::new(),
            rule: hwc_price::Rule::Type,
            message: "must be a renewal inquiry (a JSON object), got an array".to_owned(),
        }]
    );
    let deep_field = format!(
        "{{\"resource_ids\": {}1{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert!(RenewalInquiry::from_json(&deep_field).is_err());
}

// ---- lengths, blanks and whitespace -------------------------------------------------------------------

#[test]
fn strings_have_documented_maximum_lengths() {
    let cases = [
        ("id", 64),
        ("cloud_service_type", 400),
        ("resource_type", 400),
        ("resource_spec", 400),
        ("region", 64),
        ("available_zone", 64),
        ("usage_factor", 64),
    ];
    for (field, max) in cases {
        let ok = with_product_field(
            on_demand(vec![on_demand_product("1")]),
            field,
            json!("é".repeat(max)),
        );
        expect("on-demand", &ok, &[]);
        let long = with_product_field(
            on_demand(vec![on_demand_product("1")]),
            field,
            json!("a".repeat(max + 1)),
        );
        let path = format!("product_infos[0].{field}");
        let message = format!("must be at most {max} characters, got {}", max + 1);
        expect("on-demand", &long, &[(&path, "max_length", &message)]);
    }
    let mut long_project = on_demand(vec![on_demand_product("1")]);
    long_project["project_id"] = json!("p".repeat(65));
    expect(
        "on-demand",
        &long_project,
        &[(
            "project_id",
            "max_length",
            "must be at most 64 characters, got 65",
        )],
    );
}

#[test]
fn codes_must_not_be_empty_blank_or_padded() {
    let mut bad = on_demand(vec![on_demand_product("")]);
    bad["project_id"] = json!("");
    bad["product_infos"][0]["region"] = json!("  ");
    bad["product_infos"][0]["resource_spec"] = json!(" c6.large.2.linux");
    bad["product_infos"][0]["available_zone"] = json!("ap-southeast-1a\n");
    expect(
        "on-demand",
        &bad,
        &[
            ("project_id", "blank", "must not be empty"),
            ("product_infos[0].id", "blank", "must not be empty"),
            (
                "product_infos[0].resource_spec",
                "blank",
                "must not start or end with whitespace, got \" c6.large.2.linux\"",
            ),
            (
                "product_infos[0].region",
                "blank",
                "must not be blank, got \"  \"",
            ),
            (
                "product_infos[0].available_zone",
                "blank",
                "must not start or end with whitespace, got \"ap-southeast-1a\\n\"",
            ),
        ],
    );
    // An empty availability zone means "no filter" and an id is the caller's own label.
    let fine = with_product_field(
        on_demand(vec![on_demand_product(" my id ")]),
        "available_zone",
        json!(""),
    );
    expect("on-demand", &fine, &[]);
    assert!(OnDemandInquiry::from_json(&fine.to_string())
        .unwrap()
        .body()
        .contains(r#""available_zone":"""#));
}

// ---- numeric ranges, whole numbers and enumerations ------------------------------------------------------

#[test]
fn integers_have_documented_ranges() {
    let printed = "(the bound printed in the API reference)";
    let cases: &[(&str, Value, Option<String>)] = &[
        ("subscription_num", json!(1), None),
        ("subscription_num", json!(10000), None),
        ("subscription_num", json!(0), Some("must be a whole number from 1 to 10000, got 0".into())),
        ("subscription_num", json!(10001), Some("must be a whole number from 1 to 10000, got 10001".into())),
        ("subscription_num", json!(-3), Some("must be a whole number from 1 to 10000, got -3".into())),
        ("resource_size", json!(214783647), None),
        ("resource_size", json!(0), Some(format!("must be a whole number from 1 to 214783647 {printed}, got 0"))),
        ("resource_size", json!(214783648), Some(format!("must be a whole number from 1 to 214783647 {printed}, got 214783648"))),
        ("usage_measure_id", json!(0), None),
        ("usage_measure_id", json!(10000), Some("must be a whole number from 0 to 9999 (a measurement unit id of at most 4 digits), got 10000".into())),
        ("usage_measure_id", json!(-1), Some("must be a whole number from 0 to 9999 (a measurement unit id of at most 4 digits), got -1".into())),
    ];
    for (field, value, message) in cases {
        let mut inquiry = with_product_field(
            on_demand(vec![on_demand_product("1")]),
            field,
            value.clone(),
        );
        if *field == "resource_size" {
            inquiry["product_infos"][0]["size_measure_id"] = json!(17);
        }
        let path = format!("product_infos[0].{field}");
        match message {
            None => expect("on-demand", &inquiry, &[]),
            Some(m) => expect("on-demand", &inquiry, &[(&path, "range", m)]),
        }
    }
    let mut unit = on_demand(vec![on_demand_product("1")]);
    unit["product_infos"][0]["resource_size"] = json!(10);
    unit["product_infos"][0]["size_measure_id"] = json!(99999);
    expect(
        "on-demand",
        &unit,
        &[("product_infos[0].size_measure_id", "range", "must be a whole number from 0 to 9999 (a measurement unit id of at most 4 digits), got 99999")],
    );
    let period_num = with_product_field(
        period(vec![period_product("1")]),
        "period_num",
        json!(214783648),
    );
    expect(
        "period",
        &period_num,
        &[(
            "product_infos[0].period_num",
            "range",
            &format!("must be a whole number from 1 to 214783647 {printed}, got 214783648"),
        )],
    );
}

#[test]
fn integers_must_be_whole_numbers() {
    let bad = with_product_field(
        on_demand(vec![on_demand_product("1")]),
        "subscription_num",
        json!(1.5),
    );
    expect(
        "on-demand",
        &bad,
        &[(
            "product_infos[0].subscription_num",
            "whole_number",
            "must be a whole number from 1 to 10000, got 1.5",
        )],
    );
    let text = on_demand(vec![on_demand_product("1")])
        .to_string()
        .replace("\"subscription_num\":1", "\"subscription_num\":2.0");
    let body = OnDemandInquiry::from_json(&text).unwrap().body();
    assert!(body.contains("\"subscription_num\":2}"), "{body}");
    let mut r = renewal();
    r["period_num"] = json!(1.25);
    expect(
        "renewal",
        &r,
        &[(
            "period_num",
            "whole_number",
            "must be a whole number from 1 to 11, got 1.25",
        )],
    );
}

#[test]
fn enumerations_per_api() {
    let mut precision = on_demand(vec![on_demand_product("1")]);
    for ok in [0, 1] {
        precision["inquiry_precision"] = json!(ok);
        expect("on-demand", &precision, &[]);
    }
    precision["inquiry_precision"] = json!(2);
    expect(
        "on-demand",
        &precision,
        &[(
            "inquiry_precision",
            "one_of",
            "must be one of 0 (up to 6 decimals), 1 (up to 10 decimals), got 2",
        )],
    );

    for ok in [0, 2, 3, 4] {
        expect(
            "period",
            &with_product_field(period(vec![period_product("1")]), "period_type", json!(ok)),
            &[],
        );
    }
    for bad in [1, 5, -1] {
        let message = format!("must be one of 0 (day), 2 (month), 3 (year), 4 (hour), got {bad}");
        expect(
            "period",
            &with_product_field(period(vec![period_product("1")]), "period_type", json!(bad)),
            &[("product_infos[0].period_type", "one_of", &message)],
        );
    }

    let mut mode = period(vec![period_product("1")]);
    for ok in ["HALF_PAY", "ZERO_PAY", "NA"] {
        mode["fee_installment_mode"] = json!(ok);
        expect("period", &mode, &[]);
    }
    mode["fee_installment_mode"] = json!("FULL_PAY");
    expect(
        "period",
        &mode,
        &[(
            "fee_installment_mode",
            "one_of",
            "must be one of HALF_PAY, ZERO_PAY, NA, got \"FULL_PAY\"",
        )],
    );

    let mut r = renewal();
    for bad in [0, 1, 4] {
        r["period_type"] = json!(bad);
        let message = format!("must be one of 2 (month), 3 (year), got {bad}");
        expect("renewal", &r, &[("period_type", "one_of", &message)]);
    }
}

#[test]
fn renewal_period_num_depends_on_period_type() {
    let cases = [
        (2, 1, None),
        (2, 11, None),
        (
            2,
            12,
            Some("must be a whole number from 1 to 11 for months (period_type 2), got 12"),
        ),
        (
            2,
            0,
            Some("must be a whole number from 1 to 11 for months (period_type 2), got 0"),
        ),
        (3, 1, None),
        (3, 3, None),
        (
            3,
            4,
            Some("must be a whole number from 1 to 3 for years (period_type 3), got 4"),
        ),
        (
            3,
            11,
            Some("must be a whole number from 1 to 3 for years (period_type 3), got 11"),
        ),
    ];
    for (period_type, period_num, message) in cases {
        let mut r = renewal();
        r["period_type"] = json!(period_type);
        r["period_num"] = json!(period_num);
        match message {
            None => expect("renewal", &r, &[]),
            Some(m) => expect("renewal", &r, &[("period_num", "range", m)]),
        }
    }
    // With a period type that is itself wrong, period_num is held to the overall 1–11.
    let r = json!({"resource_ids": ["a"], "period_type": 4, "period_num": 12});
    expect(
        "renewal",
        &r,
        &[
            (
                "period_type",
                "one_of",
                "must be one of 2 (month), 3 (year), got 4",
            ),
            (
                "period_num",
                "range",
                "must be a whole number from 1 to 11, got 12",
            ),
        ],
    );
}

// ---- counts, uniqueness and pairs ----------------------------------------------------------------

#[test]
fn product_counts_per_request() {
    expect(
        "on-demand",
        &on_demand(vec![]),
        &[(
            "product_infos",
            "count",
            "must hold at least 1 product, got none",
        )],
    );
    let hundred: Vec<_> = (1..=100)
        .map(|i| on_demand_product(&i.to_string()))
        .collect();
    expect("on-demand", &on_demand(hundred), &[]);
    let too_many: Vec<_> = (1..=101).map(|i| period_product(&i.to_string())).collect();
    expect(
        "period",
        &period(too_many),
        &[(
            "product_infos",
            "count",
            "must hold at most 100 products per request, got 101",
        )],
    );
}

#[test]
fn resource_id_counts_per_request() {
    let mut r = renewal();
    r["resource_ids"] = json!([]);
    expect(
        "renewal",
        &r,
        &[(
            "resource_ids",
            "count",
            "must hold at least 1 resource id, got none",
        )],
    );
    r["resource_ids"] = json!((1..=10).map(|i| format!("r{i}")).collect::<Vec<_>>());
    expect("renewal", &r, &[]);
    r["resource_ids"] = json!((1..=11).map(|i| format!("r{i}")).collect::<Vec<_>>());
    expect(
        "renewal",
        &r,
        &[(
            "resource_ids",
            "count",
            "must hold at most 10 resource ids per request, got 11",
        )],
    );
}

#[test]
fn ids_are_unique_within_an_inquiry() {
    let products = vec![
        on_demand_product("1"),
        on_demand_product("2"),
        on_demand_product("1"),
        on_demand_product("2"),
        on_demand_product("1"),
    ];
    expect(
        "on-demand",
        &on_demand(products),
        &[
            (
                "product_infos[2].id",
                "unique",
                "must be unique in the inquiry, but \"1\" repeats the id of product_infos[0]",
            ),
            (
                "product_infos[3].id",
                "unique",
                "must be unique in the inquiry, but \"2\" repeats the id of product_infos[1]",
            ),
            (
                "product_infos[4].id",
                "unique",
                "must be unique in the inquiry, but \"1\" repeats the id of product_infos[0]",
            ),
        ],
    );
    let mut r = renewal();
    r["resource_ids"] = json!(["a", "", "a", " b"]);
    expect(
        "renewal",
        &r,
        &[
            ("resource_ids[1]", "blank", "must not be empty"),
            (
                "resource_ids[2]",
                "unique",
                "must be unique in the inquiry, but \"a\" repeats the value of resource_ids[0]",
            ),
            (
                "resource_ids[3]",
                "blank",
                "must not start or end with whitespace, got \" b\"",
            ),
        ],
    );
}

#[test]
fn size_and_its_unit_go_together() {
    let size_only = without_product_field(period(vec![period_product("1")]), "size_measure_id");
    expect(
        "period",
        &size_only,
        &[(
            "product_infos[0].size_measure_id",
            "together",
            "is required when resource_size is set (resource_size is 40); give both or neither",
        )],
    );
    let unit_only = without_product_field(period(vec![period_product("1")]), "resource_size");
    expect(
        "period",
        &unit_only,
        &[(
            "product_infos[0].resource_size",
            "together",
            "is required when size_measure_id is set (size_measure_id is 17); give both or neither",
        )],
    );
    let neither = without_product_field(unit_only, "size_measure_id");
    expect("period", &neither, &[]);
}

// ---- unknown fields ------------------------------------------------------------------------------

#[test]
fn unknown_fields_are_named_with_a_suggestion() {
    let mut bad = on_demand(vec![on_demand_product("1")]);
    bad["product_infos"][0]["resource_size"] = json!(40);
    bad["product_infos"][0]["size_measurement_id"] = json!(17);
    bad["product_infos"][0]["period_type"] = json!(2);
    bad["product_infos"][0]["usageValue"] = json!(3);
    bad["projectId"] = json!("p");
    bad["colour"] = json!("red");
    expect(
        "on-demand",
        &bad,
        &[
            ("colour", "unknown_field", "is not a field of this inquiry"),
            ("projectId", "unknown_field", "is not a field of this inquiry; did you mean project_id?"),
            ("product_infos[0].period_type", "unknown_field", "is not a field of this inquiry; period_type is a field of yearly/monthly and renewal inquiries, not of pay-per-use ones"),
            ("product_infos[0].size_measurement_id", "unknown_field", "is not a field of this inquiry; did you mean size_measure_id?"),
            ("product_infos[0].usageValue", "unknown_field", "is not a field of this inquiry; did you mean usage_value?"),
            ("product_infos[0].size_measure_id", "together", "is required when resource_size is set (resource_size is 40); give both or neither"),
        ],
    );
    let mut r = renewal();
    r["project_id"] = json!("p");
    expect("renewal", &r, &[("project_id", "unknown_field", "is not a field of this inquiry; project_id is a field of pay-per-use and yearly/monthly inquiries, not of renewal ones")]);
    let p = with_product_field(period(vec![period_product("1")]), "usage_value", json!(1));
    expect("period", &p, &[("product_infos[0].usage_value", "unknown_field", "is not a field of this inquiry; usage_value is a field of pay-per-use inquiries, not of yearly/monthly ones")]);
}

// ---- all at once ---------------------------------------------------------------------------------

#[test]
fn every_violation_is_reported_at_once_in_input_order() {
    let mut bad = on_demand(vec![
        on_demand_product("a"),
        on_demand_product("b"),
        on_demand_product("a"),
    ]);
    bad["project_id"] = json!("");
    bad["product_infos"][0]["subscription_num"] = json!(0);
    bad["product_infos"][1]["resource_size"] = json!(10);
    bad["product_infos"][2]["usage_value"] = json!(-1);
    bad["product_infos"][2]["region"] = json!(null);
    bad["inquiry_precision"] = json!(3);
    expect(
        "on-demand",
        &bad,
        &[
            ("project_id", "blank", "must not be empty"),
            (
                "inquiry_precision",
                "one_of",
                "must be one of 0 (up to 6 decimals), 1 (up to 10 decimals), got 3",
            ),
            (
                "product_infos[0].subscription_num",
                "range",
                "must be a whole number from 1 to 10000, got 0",
            ),
            (
                "product_infos[1].size_measure_id",
                "together",
                "is required when resource_size is set (resource_size is 10); give both or neither",
            ),
            (
                "product_infos[2].region",
                "required",
                "is required, got null",
            ),
            (
                "product_infos[2].usage_value",
                "range",
                "must be a decimal greater than 0, got -1",
            ),
            (
                "product_infos[2].id",
                "unique",
                "must be unique in the inquiry, but \"a\" repeats the id of product_infos[0]",
            ),
        ],
    );
    let err = OnDemandInquiry::from_json(&bad.to_string()).unwrap_err();
    // A head line, then one indented line per violation.
    let message = err.to_string();
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 8, "{message}");
    assert_eq!(lines[0], "invalid pay-per-use inquiry: 7 problems");
    assert_eq!(lines[1], "  project_id: must not be empty");
    assert_eq!(
        lines[7],
        "  product_infos[2].id: must be unique in the inquiry, but \"a\" repeats the id of product_infos[0]"
    );
}

// ---- the Rust builder API: the same rules ---------------------------------------------------------

#[test]
fn drafts_built_in_rust_follow_the_same_rules() {
    let disk = PeriodProduct::new(
        "disk",
        "hws.service.type.ebs",
        "hws.resource.type.volume",
        "GPSSD",
        "cn-north-4",
        PeriodTerms::months(1),
    )
    .with_size(40, 17);
    let inquiry = PeriodDraft::new("p1").product(disk).validate().unwrap();
    assert!(inquiry.body().contains(r#""resource_size":40,"size_measure_id":17,"period_type":2,"period_num":1,"subscription_num":1"#));

    let vm = OnDemandProduct::new(
        "vm",
        "hws.service.type.ec2",
        "hws.resource.type.vm",
        "c6.large.2.linux",
        "cn-north-4",
        UsageTerms::hours(hwc_price::Decimal::from_str("0.5").unwrap()),
    )
    .with_subscription_num(0);
    let err = OnDemandDraft::new("")
        .product(vm.clone())
        .product(vm)
        .precision(7)
        .validate()
        .unwrap_err();
    let got: Vec<_> = err
        .violations()
        .iter()
        .map(|v| format!("{} {}", v.path, v.rule.code()))
        .collect();
    assert_eq!(
        got,
        [
            "project_id blank",
            "inquiry_precision one_of",
            "product_infos[0].subscription_num range",
            "product_infos[1].subscription_num range",
            "product_infos[1].id unique",
        ]
    );

    let renewal = RenewalDraft::years(["r1", "r2"], 3)
        .include_relative_resources(true)
        .validate()
        .unwrap();
    assert_eq!(
        renewal.body(),
        r#"{"resource_ids":["r1","r2"],"period_type":3,"period_num":3,"include_relative_resources":true}"#
    );
    assert!(RenewalDraft::years(["r1"], 4).validate().is_err());
}
