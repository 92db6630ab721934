//! The naming rule of breakdowns: every member name of a breakdown object and of its versioned JSON document is
//! camelCase (the package's own objects; only wire-shaped answers keep the API's snake_case names, and a
//! breakdown embeds none). The whole of each object is walked, for a quote of each kind with discounts,
//! optional discounts, projections, what was asked, failures and warnings.

// Test code: a failed unwrap or panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use hwc_price::breakdown::{Breakdown, BreakdownOptions};
use hwc_price::language::Language;
use hwc_price::site::Site;
use hwc_price::InquiryKind;

mod common;
use common::quote;

/// Collects, by path, every member name in `value` (nested objects and lists included) that is not camelCase,
/// and every name seen.
fn walk(value: &serde_json::Value, at: &str, bad: &mut Vec<String>, seen: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(members) => {
            for (name, v) in members {
                let here = format!("{at}.{name}");
                let camel = name.starts_with(|c: char| c.is_ascii_lowercase())
                    && name.chars().all(|c| c.is_ascii_alphanumeric());
                if !camel {
                    bad.push(here.clone());
                }
                seen.push(name.clone());
                walk(v, &here, bad, seen);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, &format!("{at}[{i}]"), bad, seen);
            }
        }
        _ => {}
    }
}

#[test]
fn every_member_of_a_breakdown_and_its_document_is_camel_case() {
    let mut projected = BreakdownOptions::new(Language::English);
    projected.projections = true;
    let cases = [
        (
            InquiryKind::OnDemand,
            "on-demand-discounts",
            Site::International,
        ),
        (InquiryKind::OnDemand, "on-demand-mismatch", Site::China),
        (InquiryKind::Period, "period-options", Site::International),
        (InquiryKind::Renewal, "renewal-cny", Site::China),
    ];
    let mut seen = Vec::new();
    for (kind, name, site) in cases {
        let b = Breakdown::of(&quote(kind, name, site), &projected);
        for (what, text) in [("breakdown", b.to_plain_json()), ("document", b.to_json())] {
            let mut bad = Vec::new();
            walk(
                &serde_json::from_str(&text).unwrap(),
                what,
                &mut bad,
                &mut seen,
            );
            assert!(bad.is_empty(), "{name}: not camelCase: {bad:?}");
        }
    }
    // The walk met every kind of member: discounts, options, projections, what was asked, failures, warnings.
    let expected = "discountPercent listPriceOnly productId cloudServiceType resourceSpec discountId typeCode \
        typeName bestOffer perHour perMonth perYear hoursPerMonth failures warnings code version";
    for name in expected.split_whitespace() {
        assert!(seen.iter().any(|s| s == name), "{name} was not met");
    }
}
