use super::render::{json, markdown, text};
use super::*;
use crate::breakdown::{Breakdown, BreakdownOptions};
use crate::quote::Quote;
use crate::site::Site;

const EN: Language = Language::English;

/// A line's status, id, delta and delta percent.
type Seen<'a> = (&'a str, Option<&'a str>, Option<String>, Option<String>);

/// A version 2 document with the given lines (`id`, final price) and final total, in `currency`.
fn doc(currency: &str, total: &str, lines: &[(&str, &str)]) -> String {
    let lines: Vec<String> = lines
        .iter()
        .map(|(id, fin)| {
            format!(
                r#"{{"id":"{id}","description":"spec of {id}","covers":"1 × 1 month","list":"{fin}","discount":"0","final":"{fin}","discounts":[]}}"#
            )
        })
        .collect();
    format!(
        r#"{{"format":"hwc-price.breakdown","version":2,"kind":"period","currency":"{currency}","language":"en_US","totals":{{"list":"{total}","discount":"0","final":"{total}"}},"lines":[{}],"unknownMember":{{"x":[1,2]}}}}"#,
        lines.join(",")
    )
}

fn d(text: &str) -> Decimal {
    parse_decimal(text).unwrap()
}

#[test]
fn lines_added_removed_changed_and_unchanged_with_exact_deltas() {
    let old = doc(
        "USD",
        "160.10",
        &[("vm", "100.10"), ("disk", "50"), ("eip", "10")],
    );
    let new = doc(
        "USD",
        "175.1000000001",
        &[("vm", "120.1000000001"), ("disk", "50.00"), ("bw", "5")],
    );
    let diff = BreakdownDiff::of_documents(&old, &new, EN).unwrap();
    let seen: Vec<Seen<'_>> = diff
        .lines
        .iter()
        .map(|l| {
            (
                l.status.code(),
                l.id.as_deref(),
                l.delta.map(|v| v.to_string()),
                l.delta_percent.map(|v| v.to_string()),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "changed",
                Some("vm"),
                Some("20.0000000001".into()),
                Some("19.98".into())
            ),
            (
                "unchanged",
                Some("disk"),
                Some("0.00".into()),
                Some("0".into())
            ),
            ("added", Some("bw"), Some("5".into()), None),
            (
                "removed",
                Some("eip"),
                Some("-10".into()),
                Some("-100".into())
            ),
        ]
    );
    assert_eq!(diff.delta, Some(d("15.0000000001")));
    assert_eq!(diff.delta_percent, Some(d("9.37")));
    assert!(diff.is_changed());
    assert_eq!(
        text(&diff),
        "Price change (USD): $160.10 → $175.1000000001, +$15.0000000001 (+9.37%); 1 added, 1 removed, 1 changed, 1 unchanged\n\
         Status   Item               Old final price  New final price           Change        %\n\
         changed  vm (spec of vm)            $100.10  $120.1000000001  +$20.0000000001  +19.98%\n\
         added    bw (spec of bw)                  —            $5.00           +$5.00\n\
         removed  eip (spec of eip)           $10.00                —          -$10.00    -100%\n\
         \x20        Total                      $160.10  $175.1000000001  +$15.0000000001   +9.37%\n"
    );
    let md = markdown(&diff);
    assert!(md.starts_with(
        "### Price change (USD)\n\n$160.10 → $175.1000000001, +$15.0000000001 (+9.37%); 1 added"
    ));
    assert!(md.contains(
        "| changed | vm (spec of vm) | $100.10 | $120.1000000001 | +$20.0000000001 | +19.98% |\n"
    ));
    assert!(md.contains(
        "|  | **Total** | **$160.10** | **$175.1000000001** | **+$15.0000000001** | **+9.37%** |\n"
    ));
    let j = json(&diff);
    assert!(j.starts_with(r#"{"format":"hwc-price.diff","version":1,"currency":"USD","oldKind":"period","newKind":"period","changed":true,"totals":{"old":{"list":"160.10","discount":"0","final":"160.10"},"new":{"list":"175.1000000001","discount":"0","final":"175.1000000001"},"delta":"15.0000000001","deltaPercent":"9.37"},"counts":{"added":1,"removed":1,"changed":1,"unchanged":1},"lines":[{"status":"changed","id":"vm""#), "{j}");
}

#[test]
fn the_same_document_has_no_change_and_repeated_ids_pair_in_order() {
    let a = doc("CNY", "3", &[("x", "1"), ("x", "2")]);
    let diff = BreakdownDiff::of_documents(&a, &a, Language::Chinese).unwrap();
    assert!(!diff.is_changed());
    assert_eq!(diff.count(Status::Unchanged), 2);
    assert!(
        text(&diff).contains("2 未变。没有变化。\n"),
        "{}",
        text(&diff)
    );
    let same = BreakdownDiff::of_documents(&a, &a, EN).unwrap();
    assert!(text(&same).starts_with("Price change (CNY): ¥3.00 → ¥3.00, ¥0.00 (0%); 0 added, 0 removed, 0 changed, 2 unchanged. No change.\n"));
    let b = doc("CNY", "3", &[("x", "2"), ("x", "1")]);
    let swapped = BreakdownDiff::of_documents(&a, &b, EN).unwrap();
    assert_eq!(swapped.count(Status::Changed), 2);
}

#[test]
fn documents_that_cannot_be_compared_say_every_reason_by_path() {
    let usd = doc("USD", "1", &[]);
    let cny = doc("CNY", "1", &[]);
    let err = BreakdownDiff::of_documents(&usd, &cny, EN).unwrap_err();
    assert_eq!(
        err.as_slice()[0].to_string(),
        "new.currency: is \"CNY\", but the old document's is \"USD\": breakdowns in different currencies cannot be compared"
    );
    let bad = r#"{"format":"other","version":3,"kind":"spot","totals":{"final":"1.2.3"},"lines":[{"final":"x"}]}"#;
    let err = BreakdownDiff::of_documents(bad, "[1]", EN).unwrap_err();
    let found: Vec<String> = err
        .iter()
        .map(|v| format!("{} {}", v.path, v.rule.code()))
        .collect();
    assert_eq!(
        found,
        [
            "old.format one_of",
            "old.version one_of",
            "old.kind one_of",
            "old.totals.final decimal",
            "old.lines[0].final decimal",
            "new json",
        ]
    );
    assert!(err.as_slice()[1].message.contains("must be 2, got 3"));
}

#[test]
fn documents_written_by_the_package_are_read_back_with_their_inquiry() {
    let answer = r#"{"currency":"USD","amount":1.5,"discount_amount":0,"official_website_amount":1.5,
        "product_rating_results":[{"id":"vm","amount":1.5,"discount_amount":0,"official_website_amount":1.5}]}"#;
    let quote = Quote::from_response(InquiryKind::OnDemand, answer, Site::International).unwrap();
    let b = Breakdown::of(&quote, &BreakdownOptions::new(EN));
    let inquiry =
        r#"{"project_id":"p","product_infos":[{"usage_value":0.0000000000000000000000000001}]}"#;
    let document = b.to_document(Some(inquiry));
    let saved = SavedBreakdown::read(&document, "old", EN).unwrap();
    assert_eq!(saved.inquiry.as_deref(), Some(inquiry));
    assert_eq!(saved.kind, InquiryKind::OnDemand);
    assert_eq!(saved.lines[0].amounts.final_price, Some(d("1.5")));
    assert!(SavedBreakdown::read(&b.to_json(), "old", EN)
        .unwrap()
        .inquiry
        .is_none());
}
