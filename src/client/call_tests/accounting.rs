//! Every item of a batch ends either priced once or in the failed items with a reason, whatever the answers
//! to its parts say: examples, and a property over random answers.

use rust_decimal::Decimal;
use serde_json::Value;

use super::{client, ok, on_demand, price_on_demand, Fake};
use crate::client::call::Failure;
use crate::client::join::block_on;
use crate::client::Auth;
use crate::language::Language;
use crate::response::Rating;
use crate::site::Site;

#[test]
fn a_part_in_another_currency_fails_with_its_items_and_the_rest_is_kept() {
    let rt = Fake::new(|req, n| {
        let body = price_on_demand(&req.body);
        let currency = if n == 1 { "CNY" } else { "USD" };
        ok(body.replace(r#""currency":"""#, &format!(r#""currency":"{currency}""#)))
    });
    let err = block_on(client(Auth::None, |c| c.concurrency = 1).price(&rt, &on_demand(250)))
        .unwrap_err();
    assert_eq!(err.code(), "INCONSISTENT_ANSWERS");
    let failed = err.failed_items();
    assert_eq!(failed.len(), 100);
    assert_eq!((failed[0], failed[99]), ("p101", "p200"));
    assert_eq!(err.failed[0].attempts, 1, "the part was sent once");
    let partial = err.partial.as_ref().unwrap();
    assert_eq!(partial.currency, "USD");
    assert_eq!(partial.attempts, 3, "every request sent is counted");
    let Rating::OnDemand(r) = &partial.rating else {
        panic!("{:?}", partial.rating)
    };
    assert_eq!(r.product_rating_results.len(), 150);
    assert_eq!(r.amount, Some(Decimal::new(18_750, 2)));
    let message = err.message(Language::English, Site::International);
    assert!(
        message.contains(r#"priced in "CNY", the rest of the inquiry in "USD""#),
        "{message}"
    );
    assert!(message.contains(r#"not priced: "p101""#), "{message}");
}

#[test]
fn items_an_answer_leaves_out_fail_by_name() {
    // A 200 answer with no lines at all: every item of that part fails, and its totals are not added.
    let rt = Fake::new(|req, n| {
        let body = price_on_demand(&req.body);
        if n == 1 {
            return ok(r#"{"currency":"USD","amount":5,"product_rating_results":[]}"#.to_owned());
        }
        ok(body)
    });
    let err = block_on(client(Auth::None, |c| c.concurrency = 1).price(&rt, &on_demand(150)))
        .unwrap_err();
    assert_eq!(err.code(), "INCOMPLETE_ANSWER");
    assert_eq!(err.failed_items().len(), 50);
    assert_eq!(err.failed_items()[0], "p101");
    let partial = err.partial.as_ref().unwrap();
    let Rating::OnDemand(r) = &partial.rating else {
        panic!("{:?}", partial.rating)
    };
    assert_eq!(
        r.amount,
        Some(Decimal::new(12_500, 2)),
        "only the priced part"
    );

    // One line missing from an answer: that item fails, the others of its part are priced.
    let rt = Fake::new(|req, _| {
        let body = price_on_demand(&req.body);
        let mut answer: Value = serde_json::from_str(&body).unwrap();
        answer["product_rating_results"]
            .as_array_mut()
            .unwrap()
            .remove(1);
        ok(answer.to_string())
    });
    let err = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(3))).unwrap_err();
    assert_eq!(err.failed_items(), ["p2"]);
    assert_eq!(err.failed[0].failure, Failure::Unanswered);
    assert_eq!(
        err.message(Language::English, Site::International),
        r#"1 of 3 items not priced: "p2". The answer gives no price for these items."#
    );
    let partial = err.partial.unwrap();
    assert_eq!(partial.rating.answered_ids(), ["p1", "p3"]);
}

#[test]
fn answers_whose_sums_overflow_fail_every_item_with_the_reason() {
    let huge = Fake::new(|req, _| {
        let body = price_on_demand(&req.body);
        let mut answer: Value = serde_json::from_str(&body).unwrap();
        answer["amount"] = serde_json::from_str("70000000000000000000000000000").unwrap();
        ok(answer.to_string())
    });
    let err = block_on(client(Auth::None, |c| c.concurrency = 1).price(&huge, &on_demand(150)))
        .unwrap_err();
    assert_eq!(err.code(), "INCONSISTENT_ANSWERS");
    assert_eq!(err.failed_items().len(), 150, "every item is accounted for");
    assert!(err.partial.is_none());
    assert_eq!(err.failed.iter().map(|p| p.attempts).sum::<u32>(), 2);
    assert!(err
        .message(Language::English, Site::International)
        .contains("more than an exact decimal holds"));
}

#[test]
fn a_part_with_a_line_left_out_is_named_once_when_the_sums_also_overflow() {
    let rt = Fake::new(|req, n| {
        let mut answer: Value = serde_json::from_str(&price_on_demand(&req.body)).unwrap();
        if n == 0 {
            answer["product_rating_results"]
                .as_array_mut()
                .unwrap()
                .remove(0);
        } else {
            answer["amount"] = serde_json::from_str("70000000000000000000000000000").unwrap();
        }
        ok(answer.to_string())
    });
    let err = block_on(client(Auth::None, |c| c.concurrency = 1).price(&rt, &on_demand(300)))
        .unwrap_err();
    let failed = err.failed_items();
    assert_eq!(failed.len(), 300, "each item once");
    assert_eq!(err.failed.len(), 3, "one entry per part");
}

/// The property runs natively only (proptest's random source does not build for wasm32-unknown-unknown).
#[cfg(not(target_arch = "wasm32"))]
mod property {
    use proptest::prelude::*;
    use serde_json::Value;

    use crate::client::call::tests::{client, ok, on_demand, price_on_demand, Fake};
    use crate::client::join::block_on;
    use crate::client::Auth;

    /// What an answer to one part does wrong, if anything.
    #[derive(Debug, Clone)]
    enum Fault {
        None,
        /// Leaves out the lines at these positions (modulo the part's size).
        Drop(Vec<usize>),
        /// Names another currency.
        Currency,
        /// Repeats its first line.
        Repeat,
        /// Adds a line for an item never asked.
        Stranger,
        /// Has no lines.
        Empty,
        /// Has a total so large that two such cannot be added exactly.
        Huge,
    }

    fn fault() -> impl Strategy<Value = Fault> {
        prop_oneof![
            3 => Just(Fault::None),
            1 => prop::collection::vec(0usize..100, 1..4).prop_map(Fault::Drop),
            1 => Just(Fault::Currency),
            1 => Just(Fault::Repeat),
            1 => Just(Fault::Stranger),
            1 => Just(Fault::Empty),
            1 => Just(Fault::Huge),
        ]
    }

    fn answer(body: &str, fault: &Fault) -> String {
        let mut answer: Value = serde_json::from_str(&price_on_demand(body)).unwrap();
        answer["currency"] = "USD".into();
        let lines = answer["product_rating_results"].as_array_mut().unwrap();
        match fault {
            Fault::None => {}
            Fault::Drop(at) => {
                let n = lines.len();
                let mut at: Vec<usize> = at.iter().map(|i| i % n).collect();
                at.sort_unstable();
                at.dedup();
                for i in at.into_iter().rev() {
                    lines.remove(i);
                }
            }
            Fault::Currency => answer["currency"] = "CNY".into(),
            Fault::Repeat => {
                let first = lines[0].clone();
                lines.push(first);
            }
            Fault::Stranger => {
                let mut stranger = lines[0].clone();
                stranger["id"] = "stranger".into();
                lines.push(stranger);
            }
            Fault::Empty => lines.clear(),
            Fault::Huge => {
                answer["amount"] = serde_json::from_str("70000000000000000000000000000").unwrap();
            }
        }
        answer.to_string()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn every_item_is_priced_once_or_failed_with_a_reason(
            products in 1usize..450,
            faults in prop::collection::vec(fault(), 5),
        ) {
            let faults_for = faults.clone();
            let rt = Fake::new(move |req, n| ok(answer(&req.body, &faults_for[n % faults_for.len()])));
            let result = block_on(client(Auth::None, |c| c.concurrency = 1).price(&rt, &on_demand(products)));
            let (priced, failed): (Vec<String>, Vec<String>) = match &result {
                Ok(quote) => (quote.rating.answered_ids().iter().map(|s| s.to_string()).collect(), Vec::new()),
                Err(err) => (
                    err.partial.as_ref().map_or_else(Vec::new, |q| q.rating.answered_ids().iter().map(|s| s.to_string()).collect()),
                    err.failed_items().iter().map(|s| s.to_string()).collect(),
                ),
            };
            if let Err(err) = &result {
                prop_assert!(!err.failed.is_empty());
                for part in &err.failed {
                    prop_assert!(!part.items.is_empty(), "a failure names its items");
                    prop_assert_eq!(part.attempts, 1);
                }
            }
            for i in 1..=products {
                let id = format!("p{i}");
                let times_failed = failed.iter().filter(|f| **f == id).count();
                let times_priced = priced.iter().filter(|p| **p == id).count();
                // Priced and not failed (a repeat is one item priced twice in the raw answer, shown once), or
                // failed exactly once and not priced.
                prop_assert!(
                    (times_failed == 0 && times_priced >= 1) || (times_failed == 1 && times_priced == 0),
                    "{} priced {} times, failed {} times", id, times_priced, times_failed
                );
            }
        }
    }
}
