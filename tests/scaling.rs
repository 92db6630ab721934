//! No work grows faster than its input: each check times one job at two sizes ten times apart, in the same
//! run, and requires the larger to cost at most [`MAX_RATIO`] times the smaller (linear work gives about 10,
//! quadratic work about 100). Times are the fastest of several runs, so a busy machine cannot fail a check by
//! slowing one run; no absolute time is asserted anywhere. Work past a documented limit stops early: an input
//! ten times past a bound costs at most what reading its text costs.

// Test code: a failed unwrap is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use hwc_price::breakdown::{csv, html, text, Breakdown, BreakdownOptions};
use hwc_price::client::signing::{sign_request, SignRequest};
use hwc_price::client::Secret;
use hwc_price::language::Language;
use hwc_price::quote::Quote;
use hwc_price::site::Site;
use hwc_price::validate::MAX_LISTED;
use hwc_price::{InquiryKind, OnDemandInquiry, Rule};

/// Ten times the input may cost at most this many times the time: far from quadratic (100), with room for
/// caches and allocation on a noisy machine.
const MAX_RATIO: f64 = 30.0;

/// The fastest of five runs of `job`.
fn fastest(mut job: impl FnMut()) -> Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            job();
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// Asserts that `job(10 n)` costs at most [`MAX_RATIO`] times `job(n)`. A machine busy with other work can
/// slow one measurement, so up to three are made; quadratic work fails all three (about 100×).
fn assert_linear(what: &str, n: usize, mut job: impl FnMut(usize)) {
    job(n); // warm up
    let mut seen = Vec::new();
    for _ in 0..3 {
        let small = fastest(|| job(n));
        let large = fastest(|| job(10 * n));
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
        if ratio <= MAX_RATIO {
            return;
        }
        seen.push(format!("{small:?} → {large:?} ({ratio:.1}×)"));
    }
    panic!("{what}, {n} → {}: {}", 10 * n, seen.join(", "));
}

/// A pay-per-use inquiry of `n` products that each break a rule (an unknown field, missing fields).
fn invalid_products(n: usize) -> String {
    let products = vec![r#"{"x":1}"#; n].join(",");
    format!(r#"{{"project_id":"p","product_infos":[{products}]}}"#)
}

#[test]
fn validation_is_linear_in_invalid_products() {
    assert_linear("from_json", 1_000, |n| {
        black_box(OnDemandInquiry::from_json(&invalid_products(n)).unwrap_err());
    });
    assert_linear("batch_from_json", 1_000, |n| {
        black_box(OnDemandInquiry::batch_from_json(&invalid_products(n)).unwrap_err());
    });
}

#[test]
fn violations_past_the_listed_limit_are_counted_in_one_entry() {
    let err = OnDemandInquiry::batch_from_json(&invalid_products(5_000)).unwrap_err();
    let violations = err.violations().as_slice();
    let last = violations.last().unwrap();
    assert_eq!(last.rule, Rule::Truncated);
    assert!(
        last.message.contains("more violations are not listed"),
        "{}",
        last.message
    );
    let inside_lists = violations.iter().filter(|v| v.path.contains('[')).count();
    assert_eq!(inside_lists, MAX_LISTED);
}

#[test]
fn products_past_the_batch_bound_are_counted_not_checked() {
    // 100,000 products: ten times the batch bound. The count is reported, and what lies past the bound costs
    // no more than skipping its text.
    let err = OnDemandInquiry::batch_from_json(&invalid_products(100_000)).unwrap_err();
    let count = err
        .violations()
        .iter()
        .find(|v| v.path == "product_infos")
        .expect("the count is reported");
    assert!(count.message.contains("100000"), "{}", count.message);
    let at_bound = fastest(|| {
        black_box(OnDemandInquiry::batch_from_json(&invalid_products(10_000)).unwrap_err());
    });
    let past_bound = fastest(|| {
        black_box(OnDemandInquiry::batch_from_json(&invalid_products(100_000)).unwrap_err());
    });
    let ratio = past_bound.as_secs_f64() / at_bound.as_secs_f64();
    assert!(
        ratio <= 10.0,
        "10,000: {at_bound:?}, 100,000: {past_bound:?}"
    );
}

fn sign_with(headers: &[(String, String)], url: &str) {
    let sk = Secret::new("SK");
    let request = SignRequest {
        method: "GET",
        url,
        headers,
        body: b"",
        ak: "AK",
        sk: &sk,
        unix_seconds: 1_700_000_000,
    };
    black_box(sign_request(&request).unwrap());
}

#[test]
fn signing_is_linear_in_headers_and_query_parameters() {
    assert_linear("headers in reverse order", 1_000, |n| {
        let headers: Vec<(String, String)> = (0..n)
            .rev()
            .map(|i| (format!("X-H{i:06}"), "v".to_owned()))
            .collect();
        sign_with(&headers, "https://bss-intl.myhuaweicloud.com/v2/x");
    });
    assert_linear("query parameters in reverse order", 2_000, |n| {
        let query: Vec<String> = (0..n).rev().map(|i| format!("p{i:06}=v")).collect();
        let url = format!(
            "https://bss-intl.myhuaweicloud.com/v2/x?{}",
            query.join("&")
        );
        sign_with(&[], &url);
    });
}

/// An answer of `n` lines priced in US dollars.
fn answer(n: usize) -> String {
    let lines: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id":"{i}","product_id":"OFFI{i}","amount":1.25,"discount_amount":0.25,"official_website_amount":1.5,"measure_id":1}}"#
            )
        })
        .collect();
    format!(
        r#"{{"currency":"USD","amount":{a},"discount_amount":{d},"official_website_amount":{o},"measure_id":1,"product_rating_results":[{}]}}"#,
        lines.join(","),
        a = n as f64 * 1.25,
        d = n as f64 * 0.25,
        o = n as f64 * 1.5,
    )
}

#[test]
fn reading_and_rendering_answers_is_linear_in_lines() {
    let options = BreakdownOptions::new(Language::English);
    assert_linear("reading an answer", 1_000, |n| {
        black_box(
            Quote::from_response(InquiryKind::OnDemand, &answer(n), Site::International).unwrap(),
        );
    });
    let quotes: Vec<Quote> = [1_000, 10_000]
        .iter()
        .map(|&n| {
            Quote::from_response(InquiryKind::OnDemand, &answer(n), Site::International).unwrap()
        })
        .collect();
    let quote = |n: usize| &quotes[usize::from(n != 1_000)];
    assert_linear("breakdown", 1_000, |n| {
        black_box(Breakdown::of(quote(n), &options));
    });
    assert_linear("text", 1_000, |n| {
        black_box(text::render(&Breakdown::of(quote(n), &options)));
    });
    assert_linear("html", 1_000, |n| {
        black_box(html::render(&Breakdown::of(quote(n), &options)));
    });
    assert_linear("csv", 1_000, |n| {
        black_box(csv::render(&Breakdown::of(quote(n), &options)));
    });
}

/// A yearly/monthly answer of `n` lines with one optional discount (the best offer) covering each.
fn period_answer(n: usize) -> String {
    let listed: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"{i}","product_id":"OFFI{i}","official_website_amount":10}}"#))
        .collect();
    // The offer lists the lines in reverse order, so that finding each line's offer cannot be a lucky scan.
    let offered: Vec<String> = (0..n)
        .rev()
        .map(|i| {
            format!(r#"{{"id":"{i}","amount":9,"discount_amount":1,"official_website_amount":10}}"#)
        })
        .collect();
    format!(
        r#"{{"currency":"USD","official_website_rating_result":{{"official_website_amount":{t},"product_rating_results":[{}]}},
           "optional_discount_rating_results":[{{"discount_id":"d","discount_type":605,"best_offer":1,"amount":{f},
           "discount_amount":{n},"official_website_amount":{t},"product_rating_results":[{}]}}]}}"#,
        listed.join(","),
        offered.join(","),
        t = n * 10,
        f = n * 9,
    )
}

#[test]
fn breakdowns_of_yearly_monthly_answers_are_linear_in_lines() {
    let options = BreakdownOptions::new(Language::English);
    let quotes: Vec<Quote> = [1_000, 10_000]
        .iter()
        .map(|&n| {
            Quote::from_response(InquiryKind::Period, &period_answer(n), Site::International)
                .unwrap()
        })
        .collect();
    let b = Breakdown::of(&quotes[0], &options);
    assert!(b.warnings.is_empty(), "{:?}", b.warnings);
    assert_eq!(b.lines[0].amounts.final_price.unwrap().to_string(), "9");
    let quote = |n: usize| &quotes[usize::from(n != 1_000)];
    assert_linear("yearly/monthly breakdown", 1_000, |n| {
        black_box(Breakdown::of(quote(n), &options));
    });
}
