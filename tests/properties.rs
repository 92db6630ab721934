//! Properties that must hold for every input, checked on many generated ones: exact decimals survive a round
//! trip, splitting and merging equals pricing whole, breakdown totals are the sums of their lines, and display
//! never rounds an amount.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap or panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use hwc_price::breakdown::{format, Breakdown, BreakdownOptions};
use hwc_price::language::Language;
use hwc_price::quote::Quote;
use hwc_price::response::{OnDemandLine, OnDemandRating, OptionalDiscount, PeriodRating, Rating};
use hwc_price::site::Site;
use hwc_price::{Decimal, InquiryKind, OnDemandInquiry};
use proptest::prelude::*;

/// Any decimal of up to 28 significant digits, with up to 20 decimal places.
fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i128>(), 0u32..=20).prop_map(|(m, scale)| {
        let m = m % 10i128.pow(28);
        Decimal::from_i128_with_scale(m, scale)
    })
}

/// A non-negative amount with up to 10 decimals, as rating answers carry.
fn amount() -> impl Strategy<Value = Decimal> {
    (0i64..=10i64.pow(15), 0u32..=10).prop_map(|(m, scale)| Decimal::new(m, scale))
}

fn inquiry_with_usage(usage: &str) -> String {
    format!(
        r#"{{"project_id":"p","product_infos":[{{"id":"a","cloud_service_type":"s","resource_type":"t","resource_spec":"u",
        "region":"r","usage_factor":"Duration","usage_value":{usage},"usage_measure_id":4,"subscription_num":1}}]}}"#
    )
}

fn line(id: usize, list: Decimal, discount: Decimal) -> OnDemandLine {
    OnDemandLine {
        id: Some(format!("p{id}")),
        product_id: Some("x".into()),
        amount: Some(list - discount),
        discount_amount: Some(discount),
        official_website_amount: Some(list),
        measure_id: Some(1),
        discount_rating_results: Vec::new(),
    }
}

/// The answer for `lines`, with totals that are their exact sums.
fn answer(lines: Vec<OnDemandLine>) -> OnDemandRating {
    let sum =
        |f: fn(&OnDemandLine) -> Option<Decimal>| Some(lines.iter().map(|l| f(l).unwrap()).sum());
    OnDemandRating {
        amount: sum(|l| l.amount),
        discount_amount: sum(|l| l.discount_amount),
        official_website_amount: sum(|l| l.official_website_amount),
        measure_id: Some(1),
        currency: Some("USD".into()),
        product_rating_results: lines,
    }
}

fn priced_lines() -> impl Strategy<Value = Vec<OnDemandLine>> {
    prop::collection::vec((amount(), 0u32..=100), 1..60).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (list, pct))| {
                let discount = (list * Decimal::new(i64::from(pct), 2))
                    .round_dp(10)
                    .min(list);
                line(i + 1, list, discount)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn a_usage_value_survives_build_json_and_parse_exactly(value in decimal()) {
        prop_assume!(value > Decimal::ZERO);
        let text = value.to_string();
        for input in [text.clone(), format!("\"{text}\"")] {
            let inquiry = OnDemandInquiry::from_json(&inquiry_with_usage(&input)).unwrap();
            let body = inquiry.body();
            prop_assert!(body.contains(&format!("\"usage_value\":{text},")), "{} not in {}", text, body);
            let again = OnDemandInquiry::from_json(&body).unwrap();
            prop_assert_eq!(again.draft().product_infos[0].terms.usage_value, value);
            prop_assert_eq!(again.body(), body);
        }
    }

    #[test]
    fn merging_the_parts_of_any_split_equals_the_whole(lines in priced_lines(), cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..5)) {
        let whole = answer(lines.clone());
        let mut at: Vec<usize> = cuts.iter().map(|c| c.index(lines.len())).collect();
        at.sort_unstable();
        at.dedup();
        let mut parts = Vec::new();
        let mut start = 0;
        for end in at.into_iter().chain([lines.len()]) {
            if end > start {
                parts.push(answer(lines[start..end].to_vec()));
                start = end;
            }
        }
        let merged = OnDemandRating::merge(parts).unwrap();
        prop_assert_eq!(merged.amount, whole.amount);
        prop_assert_eq!(merged.discount_amount, whole.discount_amount);
        prop_assert_eq!(merged.official_website_amount, whole.official_website_amount);
        prop_assert_eq!(merged.product_rating_results, whole.product_rating_results);
    }

    #[test]
    fn merged_optional_discounts_add_up_and_one_best_offer_is_chosen(parts in prop::collection::vec((amount(), amount(), amount()), 2..6)) {
        let part = |(list, commercial, partner): (Decimal, Decimal, Decimal)| PeriodRating {
            official_website_rating_result: None,
            optional_discount_rating_results: vec![
                OptionalDiscount { discount_id: Some("c".into()), discount_type: Some(605), discount_amount: Some(commercial.min(list)),
                    official_website_amount: Some(list), amount: Some(list - commercial.min(list)), ..OptionalDiscount::default() },
                OptionalDiscount { discount_id: Some("p".into()), discount_type: Some(607), discount_amount: Some(partner.min(list)),
                    official_website_amount: Some(list), amount: Some(list - partner.min(list)), ..OptionalDiscount::default() },
            ],
            currency: Some("USD".into()),
        };
        let merged = PeriodRating::merge(parts.iter().copied().map(part).collect()).unwrap();
        let total = |f: fn(&(Decimal, Decimal, Decimal)) -> Decimal| parts.iter().map(f).sum::<Decimal>();
        let c = &merged.optional_discount_rating_results[0];
        let p = &merged.optional_discount_rating_results[1];
        prop_assert_eq!(c.discount_amount, Some(total(|t| t.1.min(t.0))));
        prop_assert_eq!(p.discount_amount, Some(total(|t| t.2.min(t.0))));
        prop_assert_eq!(c.official_website_amount, Some(total(|t| t.0)));
        let best: Vec<_> = merged.optional_discount_rating_results.iter().filter(|o| o.best_offer == Some(1)).collect();
        prop_assert_eq!(best.len(), 1);
        let other = if best[0].discount_type == Some(605) { p } else { c };
        prop_assert!(best[0].discount_amount >= other.discount_amount);
    }

    #[test]
    fn breakdown_totals_are_the_exact_sums_of_their_lines(lines in priced_lines()) {
        let quote = Quote::from_rating(Rating::OnDemand(answer(lines)), Site::International);
        let b = Breakdown::of(&quote, &BreakdownOptions::new(Language::English));
        prop_assert!(b.warnings.is_empty(), "{:?}", b.warnings);
        let columns: [fn(&hwc_price::breakdown::Amounts) -> Option<Decimal>; 3] = [|l| l.list, |l| l.discount, |l| l.final_price];
        for column in columns {
            let sum: Decimal = b.lines.iter().map(|l| column(&l.amounts).unwrap()).sum();
            prop_assert_eq!(Some(sum), column(&b.totals));
        }
        // A line that does not add up is reported, never hidden.
        let mut off = quote.clone();
        if let Rating::OnDemand(r) = &mut off.rating {
            r.amount = r.amount.map(|a| a + Decimal::new(1, 10));
        }
        let codes: Vec<_> = Breakdown::of(&off, &BreakdownOptions::new(Language::English)).warnings.iter().map(|w| w.code).collect();
        prop_assert_eq!(codes, ["lines_do_not_add_up"]);
    }

    #[test]
    fn display_never_rounds_an_amount(value in decimal()) {
        for currency in ["USD", "CNY", "EUR", "GBP"] {
            let shown = format::money(value, currency);
            let digits: String = shown.chars().filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-').collect();
            prop_assert_eq!(digits.parse::<Decimal>().unwrap(), value, "{} shows {}", value, shown);
            if !value.is_zero() {
                prop_assert!(digits.trim_start_matches('-').chars().any(|c| c.is_ascii_digit() && c != '0'), "{} shows {}", value, shown);
            }
        }
    }
}

#[test]
fn the_kinds_of_the_generated_answers_are_what_the_breakdown_reports() {
    let quote = Quote::from_rating(
        Rating::OnDemand(answer(vec![line(1, Decimal::ONE, Decimal::ZERO)])),
        Site::China,
    );
    assert_eq!(quote.kind(), InquiryKind::OnDemand);
    assert_eq!(
        Breakdown::of(&quote, &BreakdownOptions::new(Language::Chinese)).currency,
        "USD"
    );
}
