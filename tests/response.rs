//! Reading the three answers exactly: the reference's examples, numbers and strings for amounts, integers
//! for zero, 10-decimal precision, unknown fields, nulls, business errors in HTTP 200, and clear errors with
//! paths for what cannot be read.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use hwc_price::response::{error_body, OnDemandRating, PeriodRating, RenewalRating};
use hwc_price::Decimal;
use std::str::FromStr;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/responses/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn dec(text: &str) -> Option<Decimal> {
    Some(Decimal::from_str(text).unwrap())
}

/// The exact text of an amount, scale included.
fn text(amount: Option<Decimal>) -> String {
    amount
        .map(|d| d.to_string())
        .unwrap_or_else(|| "-".to_owned())
}

#[test]
fn on_demand_example_reads_exactly_and_lines_add_up() {
    let r = OnDemandRating::from_json(&fixture("on-demand-4.2.1.json")).unwrap();
    assert_eq!(r.currency.as_deref(), Some("USD"));
    assert_eq!(text(r.amount), "8.128");
    assert_eq!(text(r.discount_amount), "0.0");
    assert_eq!(r.measure_id, Some(1));
    let amounts: Vec<_> = r
        .product_rating_results
        .iter()
        .map(|l| text(l.amount))
        .collect();
    assert_eq!(amounts, ["5.48", "0.028", "0.06", "2.56"]);
    assert_eq!(
        r.product_rating_results[1].product_id.as_deref(),
        Some("00301-290407774-0--1")
    );
    let sum: Decimal = r
        .product_rating_results
        .iter()
        .filter_map(|l| l.amount)
        .sum();
    assert_eq!(Some(sum), r.amount);
}

#[test]
fn period_example_reads_the_list_price_object() {
    let r = PeriodRating::from_json(&fixture("period-4.2.2.json")).unwrap();
    let list = r.official_website_rating_result.unwrap();
    assert_eq!(text(list.official_website_amount), "623.78");
    assert_eq!(list.installment_official_website_amount, None);
    let amounts: Vec<_> = list
        .product_rating_results
        .iter()
        .map(|l| text(l.official_website_amount))
        .collect();
    assert_eq!(amounts, ["27.2", "0", "5.28", "591.3"]);
    assert!(r.optional_discount_rating_results.is_empty());
    assert_eq!(r.currency.as_deref(), Some("USD"));
}

#[test]
fn renewal_example_reads_string_amounts() {
    let r = RenewalRating::from_json(&fixture("renewal-4.2.3.json")).unwrap();
    assert_eq!(r.currency.as_deref(), Some("CNY"));
    assert_eq!(text(r.renew_inquiry_results[0].amount), "800.0");
    assert_eq!(
        text(
            r.official_website_rating_result
                .unwrap()
                .official_website_amount
        ),
        "800.0"
    );
    assert!(r.fail_resource_infos.is_empty());
    assert_eq!(r.error.error_code, None);
}

#[test]
fn amounts_keep_every_digit_whatever_their_json_type() {
    let answer = r#"{"amount": 1.0000000001, "discount_amount": "0.0000000001", "official_website_amount": 1.0000000002,
        "measure_id": "1", "currency": "", "product_rating_results": [
          {"id": 7, "amount": 1e-10, "discount_amount": 0, "official_website_amount": "  2.50 ", "measure_id": null,
           "discount_rating_results": [{"discount_type": 605, "amount": 0.5, "discount_name": "Contract", "new_field": {"x": [1]}},
                                       {"discount_type": "999", "amount": "0.25"}]},
          {"id": "2", "amount": null, "discount_rating_results": null}],
        "unknown_top": true}"#;
    let r = OnDemandRating::from_json(answer).unwrap();
    assert_eq!(r.amount, dec("1.0000000001"));
    assert_eq!(text(r.discount_amount), "0.0000000001");
    assert_eq!(r.measure_id, Some(1));
    assert_eq!(r.currency.as_deref(), Some(""));
    let first = &r.product_rating_results[0];
    assert_eq!(first.id.as_deref(), Some("7"));
    assert_eq!(text(first.amount), "0.0000000001");
    assert_eq!(text(first.discount_amount), "0");
    assert_eq!(text(first.official_website_amount), "2.50");
    let types: Vec<_> = first
        .discount_rating_results
        .iter()
        .map(|d| d.discount_type)
        .collect();
    assert_eq!(types, [Some(605), Some(999)]);
    assert_eq!(text(first.discount_rating_results[1].amount), "0.25");
    assert_eq!(r.product_rating_results[1].amount, None);
    assert!(r.product_rating_results[1]
        .discount_rating_results
        .is_empty());
}

#[test]
fn optional_discounts_with_a_best_offer() {
    let answer = r#"{"currency": "USD",
      "official_website_rating_result": {"official_website_amount": 100, "measure_id": 1, "product_rating_results": []},
      "optional_discount_rating_results": [
        {"discount_id": "c1", "amount": 80, "official_website_amount": 100, "discount_amount": 20, "discount_type": 605,
         "discount_name": "Commercial", "best_offer": 1,
         "product_rating_results": [{"id": "1", "amount": 80, "official_website_amount": 100, "discount_amount": 20}]},
        {"discount_id": "p1", "amount": "85.5", "official_website_amount": "100", "discount_amount": "14.5",
         "discount_type": 607, "best_offer": 0}]}"#;
    let r = PeriodRating::from_json(answer).unwrap();
    let offers: Vec<_> = r
        .optional_discount_rating_results
        .iter()
        .map(|o| {
            (
                o.discount_id.as_deref().unwrap(),
                text(o.amount),
                o.best_offer,
            )
        })
        .collect();
    assert_eq!(
        offers,
        [
            ("c1", "80".to_owned(), Some(1)),
            ("p1", "85.5".to_owned(), Some(0))
        ]
    );
    assert_eq!(
        text(r.optional_discount_rating_results[0].product_rating_results[0].discount_amount),
        "20"
    );
}

#[test]
fn renewal_failures_and_errors_in_http_200_are_kept() {
    let answer = r#"{"error_code": "CBC.30050009", "error_msg": "The resources have expired",
      "currency": "USD", "renew_inquiry_results": [{"resource_id": "ok-1", "amount": "12.34"}],
      "fail_resource_infos": [{"resource_id": "gone-1", "error_code": "CBC.30050009", "error_msg": "expired"}]}"#;
    let r = RenewalRating::from_json(answer).unwrap();
    assert_eq!(r.error.error_code.as_deref(), Some("CBC.30050009"));
    assert_eq!(
        r.error.error_msg.as_deref(),
        Some("The resources have expired")
    );
    assert_eq!(text(r.renew_inquiry_results[0].amount), "12.34");
    assert_eq!(
        r.fail_resource_infos[0].resource_id.as_deref(),
        Some("gone-1")
    );
    assert_eq!(r.official_website_rating_result, None);
}

#[test]
fn error_bodies_from_the_service_and_the_gateway() {
    let service =
        error_body(r#"{"error_code": "CBC.0154", "error_msg": "Invalid or expired token."}"#)
            .unwrap();
    assert_eq!(
        (service.error_code.as_deref(), service.error_msg.as_deref()),
        (Some("CBC.0154"), Some("Invalid or expired token."))
    );
    let gateway = error_body(
        r#"{"status_code": 429, "request_id": "7e6c1c610", "error_code": "APIG.0308",
            "error_message": "The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second"}"#,
    )
    .unwrap();
    assert_eq!(gateway.error_code.as_deref(), Some("APIG.0308"));
    assert!(gateway
        .error_msg
        .unwrap()
        .starts_with("The throttling threshold"));
    assert_eq!(error_body(r#"{"amount": 1}"#), None);
    assert_eq!(error_body(r#"{"error_code": ""}"#), None);
    assert_eq!(error_body("<html>502 Bad Gateway</html>"), None);
}

#[test]
fn unreadable_answers_say_where() {
    let cases = [
        ("[]", "", "expected an object, got an array"),
        (
            r#"{"amount": true}"#,
            "amount",
            "expected an amount, got true",
        ),
        (
            r#"{"product_rating_results": [{}, {"amount": "abc"}]}"#,
            "product_rating_results[1].amount",
            "not a decimal number: abc",
        ),
        (
            r#"{"product_rating_results": {}}"#,
            "product_rating_results",
            "expected a list, got an object",
        ),
        (
            r#"{"product_rating_results": ["x"]}"#,
            "product_rating_results[0]",
            "expected an object, got a string (\"x\")",
        ),
        (
            r#"{"measure_id": 1.5}"#,
            "measure_id",
            "expected a whole number, got a number (1.5)",
        ),
    ];
    for (answer, path, message) in cases {
        let err = OnDemandRating::from_json(answer).unwrap_err();
        assert_eq!(
            (err.path.as_str(), err.message.as_str()),
            (path, message),
            "{answer}"
        );
    }
    let err = RenewalRating::from_json(r#"{"renew_inquiry_results": [{"amount": "1e999"}]}"#)
        .unwrap_err();
    assert_eq!(err.path, "renew_inquiry_results[0].amount");
    assert!(OnDemandRating::from_json("{\"amount\": 1")
        .unwrap_err()
        .message
        .starts_with("not JSON: "));
    assert_eq!(
        PeriodRating::from_json(r#"{"official_website_rating_result": [1]}"#)
            .unwrap_err()
            .to_string(),
        "unreadable answer at official_website_rating_result: expected an object, got an array"
    );
}

// ---- merging the answers of a split batch ----------------------------------------------------------------

use hwc_price::response::MergeError;

fn on_demand_part(currency: &str, lines: &[(&str, &str)]) -> OnDemandRating {
    let results: Vec<String> = lines
        .iter()
        .map(|(id, amount)| format!(r#"{{"id": "{id}", "amount": {amount}, "official_website_amount": {amount}, "discount_amount": 0}}"#))
        .collect();
    let total: Decimal = lines
        .iter()
        .map(|(_, a)| Decimal::from_str(a).unwrap())
        .sum();
    OnDemandRating::from_json(&format!(
        r#"{{"currency": "{currency}", "amount": {total}, "official_website_amount": {total}, "discount_amount": 0,
            "measure_id": 1, "product_rating_results": [{}]}}"#,
        results.join(",")
    ))
    .unwrap()
}

#[test]
fn merged_on_demand_answers_keep_order_and_sum_exactly() {
    let merged = OnDemandRating::merge(vec![
        on_demand_part("USD", &[("1", "0.0000000001"), ("2", "1.1")]),
        on_demand_part("", &[("3", "2.2")]),
        on_demand_part("USD", &[("4", "0.0000000002")]),
    ])
    .unwrap();
    let ids: Vec<_> = merged
        .product_rating_results
        .iter()
        .map(|l| l.id.clone().unwrap())
        .collect();
    assert_eq!(ids, ["1", "2", "3", "4"]);
    assert_eq!(text(merged.amount), "3.3000000003");
    assert_eq!(merged.currency.as_deref(), Some("USD"));
    assert_eq!(merged.measure_id, Some(1));
    let err = OnDemandRating::merge(vec![
        on_demand_part("USD", &[("1", "1")]),
        on_demand_part("CNY", &[("2", "1")]),
    ])
    .unwrap_err();
    assert_eq!(
        err,
        MergeError::CurrencyMismatch {
            first: "USD".into(),
            other: "CNY".into()
        }
    );
    let single = on_demand_part("", &[("1", "5")]);
    assert_eq!(
        OnDemandRating::merge(vec![single.clone()]).unwrap(),
        single,
        "one part is returned as it is"
    );
}

#[test]
fn merged_period_answers_match_discounts_by_id_and_choose_the_best_offer_again() {
    let part = |list: &str, commercial: &str, partner: &str, best: (i64, i64)| {
        PeriodRating::from_json(&format!(
            r#"{{"currency": "USD", "official_website_rating_result": {{"official_website_amount": {list},
                 "product_rating_results": [{{"id": "x{list}", "official_website_amount": {list}}}]}},
               "optional_discount_rating_results": [
                 {{"discount_id": "c", "discount_type": 605, "discount_amount": {commercial}, "best_offer": {}}},
                 {{"discount_id": "p", "discount_type": 607, "discount_amount": {partner}, "best_offer": {}}},
                 {{"discount_id": "promo", "discount_type": 700, "discount_amount": 999}}]}}"#,
            best.0, best.1
        ))
        .unwrap()
    };
    // Partner wins the first part, commercial the second; merged, commercial gives more in all.
    let merged = PeriodRating::merge(vec![
        part("100", "10", "12", (0, 1)),
        part("200", "30", "20", (1, 0)),
    ])
    .unwrap();
    let list = merged.official_website_rating_result.unwrap();
    assert_eq!(text(list.official_website_amount), "300");
    assert_eq!(list.product_rating_results.len(), 2);
    let discounts: Vec<_> = merged
        .optional_discount_rating_results
        .iter()
        .map(|d| {
            (
                d.discount_id.clone().unwrap(),
                text(d.discount_amount),
                d.best_offer,
            )
        })
        .collect();
    assert_eq!(
        discounts,
        [
            ("c".into(), "40".into(), Some(1)),
            ("p".into(), "32".into(), Some(0)),
            ("promo".into(), "1998".into(), Some(0))
        ]
    );
    // A tie goes to the commercial discount.
    let tie = PeriodRating::merge(vec![
        part("100", "10", "10", (1, 0)),
        part("100", "10", "10", (1, 0)),
    ])
    .unwrap();
    assert_eq!(tie.optional_discount_rating_results[0].best_offer, Some(1));
}

#[test]
fn merged_renewal_answers_keep_every_failure() {
    let a = RenewalRating::from_json(
        r#"{"currency": "CNY", "renew_inquiry_results": [{"resource_id": "r1", "amount": "10.10"}],
            "official_website_rating_result": {"official_website_amount": "10.10"},
            "fail_resource_infos": [{"resource_id": "x1", "error_code": "CBC.30050009", "error_msg": "gone"}]}"#,
    )
    .unwrap();
    let b = RenewalRating::from_json(
        r#"{"currency": "CNY", "renew_inquiry_results": [{"resource_id": "r2", "amount": "0.90"}],
            "official_website_rating_result": {"official_website_amount": "0.90"},
            "fail_resource_infos": [{"resource_id": "x2", "error_code": "CBC.30050011", "error_msg": "changing"}]}"#,
    )
    .unwrap();
    let merged = RenewalRating::merge(vec![a, b]).unwrap();
    assert_eq!(
        text(
            merged
                .official_website_rating_result
                .unwrap()
                .official_website_amount
        ),
        "11.00"
    );
    let failed: Vec<_> = merged
        .fail_resource_infos
        .iter()
        .map(|f| f.resource_id.clone().unwrap())
        .collect();
    assert_eq!(failed, ["x1", "x2"]);
    assert_eq!(merged.renew_inquiry_results.len(), 2);
    assert_eq!(merged.currency.as_deref(), Some("CNY"));
}

#[test]
fn merging_never_overflows_silently() {
    let huge = format!(r#"{{"amount": {}}}"#, Decimal::MAX);
    let parts = vec![
        OnDemandRating::from_json(&huge).unwrap(),
        OnDemandRating::from_json(&huge).unwrap(),
    ];
    assert_eq!(
        OnDemandRating::merge(parts).unwrap_err(),
        MergeError::Overflow
    );
}
