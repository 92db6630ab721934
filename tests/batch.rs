//! Batches: an inquiry larger than one request is checked whole (ids unique across all of it) and split into
//! requests that each pass the per-request rules, in input order.

// Test code: a failed unwrap or panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use hwc_price::{OnDemandInquiry, PeriodInquiry, RenewalInquiry};
use serde_json::{json, Value};

fn on_demand(n: usize) -> Value {
    let products: Vec<Value> = (1..=n)
        .map(|i| {
            json!({"id": format!("p{i}"), "cloud_service_type": "hws.service.type.ec2", "resource_type": "hws.resource.type.vm",
                   "resource_spec": "c6.large.2.linux", "region": "ap-southeast-1", "usage_factor": "Duration",
                   "usage_value": "0.5", "usage_measure_id": 4, "subscription_num": 1})
        })
        .collect();
    json!({"project_id": "p1", "product_infos": products, "inquiry_precision": 1})
}

fn ids(body: &str, list: &str, key: Option<&str>) -> Vec<String> {
    let value: Value = serde_json::from_str(body).unwrap();
    value[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| key.map_or(v, |k| &v[k]).as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_large_inquiry_splits_into_requests_of_at_most_100_in_order() {
    let requests = OnDemandInquiry::batch_from_json(&on_demand(1_000).to_string()).unwrap();
    assert_eq!(requests.len(), 10);
    let mut seen = Vec::new();
    for request in &requests {
        let body = request.body();
        // Each part passes the single-request rules on its own.
        let again = OnDemandInquiry::from_json(&body).unwrap();
        assert_eq!(again.body(), body);
        assert!(body.contains(r#""inquiry_precision":1"#) && body.contains(r#""project_id":"p1""#));
        seen.extend(ids(&body, "product_infos", Some("id")));
    }
    let expected: Vec<String> = (1..=1_000).map(|i| format!("p{i}")).collect();
    assert_eq!(seen, expected);

    let sizes: Vec<usize> = OnDemandInquiry::batch_from_json(&on_demand(250).to_string())
        .unwrap()
        .iter()
        .map(|r| r.draft().product_infos.len())
        .collect();
    assert_eq!(sizes, [100, 100, 50]);
    assert_eq!(
        OnDemandInquiry::batch_from_json(&on_demand(7).to_string())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn ids_must_be_unique_across_the_whole_batch() {
    let mut value = on_demand(150);
    value["product_infos"][120]["id"] = json!("p3");
    let err = OnDemandInquiry::batch_from_json(&value.to_string()).unwrap_err();
    let found: Vec<String> = err.violations().iter().map(ToString::to_string).collect();
    assert_eq!(found, ["product_infos[120].id: must be unique in the inquiry, but \"p3\" repeats the id of product_infos[2]"]);
}

#[test]
fn batches_have_their_own_bound_and_the_other_rules_stay() {
    let err = OnDemandInquiry::batch_from_json(&on_demand(10_001).to_string()).unwrap_err();
    assert_eq!(
        err.violations().as_slice()[0].message,
        "must hold at most 10000 products per batch, got 10001"
    );
    let empty = OnDemandInquiry::batch_from_json(&on_demand(0).to_string()).unwrap_err();
    assert_eq!(
        empty.violations().as_slice()[0].message,
        "must hold at least 1 product, got none"
    );
    let mut bad = on_demand(300);
    bad["product_infos"][250]["subscription_num"] = json!(0);
    let err = OnDemandInquiry::batch_from_json(&bad.to_string()).unwrap_err();
    assert_eq!(
        err.violations().as_slice()[0].path,
        "product_infos[250].subscription_num"
    );
    // A single request still refuses what a batch accepts.
    assert!(OnDemandInquiry::from_json(&on_demand(101).to_string()).is_err());
}

#[test]
fn renewals_split_into_requests_of_at_most_10_ids() {
    let ids_in: Vec<String> = (1..=25).map(|i| format!("r{i}")).collect();
    let text = json!({"resource_ids": ids_in, "period_type": 3, "period_num": 1, "include_relative_resources": true}).to_string();
    let requests = RenewalInquiry::batch_from_json(&text).unwrap();
    let sizes: Vec<usize> = requests
        .iter()
        .map(|r| r.draft().resource_ids.len())
        .collect();
    assert_eq!(sizes, [10, 10, 5]);
    let all: Vec<String> = requests
        .iter()
        .flat_map(|r| ids(&r.body(), "resource_ids", None))
        .collect();
    assert_eq!(all, ids_in);
    assert!(requests.iter().all(|r| r
        .body()
        .ends_with(r#""period_type":3,"period_num":1,"include_relative_resources":true}"#)));
    let dup = json!({"resource_ids": (0..30).map(|i| format!("r{}", i % 29)).collect::<Vec<_>>(), "period_type": 2, "period_num": 1});
    let err = RenewalInquiry::batch_from_json(&dup.to_string()).unwrap_err();
    assert_eq!(err.violations().as_slice()[0].path, "resource_ids[29]");
}

#[test]
fn period_batches_keep_the_instalment_mode_on_every_request() {
    let products: Vec<Value> = (1..=101)
        .map(|i| json!({"id": i.to_string(), "cloud_service_type": "s", "resource_type": "t", "resource_spec": "u",
                        "region": "r", "period_type": 2, "period_num": 1, "subscription_num": 1}))
        .collect();
    let text = json!({"project_id": "p", "product_infos": products, "fee_installment_mode": "NA"})
        .to_string();
    let requests = PeriodInquiry::batch_from_json(&text).unwrap();
    assert_eq!(requests.len(), 2);
    assert!(requests
        .iter()
        .all(|r| r.draft().fee_installment_mode.as_deref() == Some("NA")));
}
