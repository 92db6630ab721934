//! Finding the products that fail a request, per-call options, the retry hook, cancellation and the caller's
//! deadline.

use serde_json::Value;

use super::{client, ok, on_demand, on_demand_rating, price_on_demand, status, Fake};
use crate::client::call::{CallOptions, Failure};
use crate::client::join::block_on;
use crate::client::retry::RetryPolicy;
use crate::client::runtime::{HttpRequest, HttpResponse, TransportError};
use crate::client::Auth;
use crate::language::Language;
use crate::site::Site;

/// The ids a request carries, in order.
fn ids(request: &HttpRequest) -> Vec<String> {
    let body: Value = serde_json::from_str(&request.body).unwrap();
    body["product_infos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

/// A service that refuses any request holding one of `bad` with "product not found", naming its index in
/// that request as the sandbox does, and prices every other.
pub(super) fn refusing(bad: &'static [&'static str]) -> Fake {
    Fake::new(move |req, _| -> Result<HttpResponse, TransportError> {
        let ids = ids(req);
        match ids.iter().position(|id| bad.contains(&id.as_str())) {
            Some(k) => status(
                400,
                &format!(
                    r#"{{"error_code":"CBC.99006006","error_msg":"Product not found: product_infos[{k}]."}}"#
                ),
                None,
            ),
            None => ok(price_on_demand(&req.body)),
        }
    })
}

#[test]
fn a_bad_product_is_found_and_the_rest_priced() {
    let rt = refusing(&["p151"]);
    let err = block_on(client(Auth::None, |c| c.concurrency = 2).price(&rt, &on_demand(300)))
        .unwrap_err();
    assert_eq!(err.failed_items(), ["p151"]);
    assert_eq!(err.code(), "CBC.99006006");
    let head = err.headline().unwrap();
    assert_eq!(head.index, 1, "the second request of the batch");
    let message = head.failure.message(Language::English, Site::International);
    assert!(
        message.contains("(CBC.99006006: Product not found: product_infos[150].)"),
        "{message}"
    );
    assert!(!message.contains("product_infos[0]"), "{message}");
    let partial = err.partial.as_ref().unwrap();
    let lines: Vec<_> = on_demand_rating(partial)
        .product_rating_results
        .iter()
        .map(|l| l.id.clone().unwrap_or_default())
        .collect();
    let expected: Vec<_> = (1..=300)
        .filter(|&i| i != 151)
        .map(|i| format!("p{i}"))
        .collect();
    assert_eq!(lines, expected, "in input order");
    // 3 requests, then at most 2·⌈log2 100⌉ = 14 to find one product among 100.
    let sent = rt.sent_count();
    assert!((3 + 2..=3 + 14).contains(&sent), "{sent}");
    assert_eq!(partial.requests, sent, "every request sent was answered");
    let progress = rt.progress.borrow();
    assert_eq!(progress.len(), sent);
    assert!(progress
        .windows(2)
        .all(|w| w[0].0 + 1 == w[1].0 && w[0].1 <= w[1].1));
    assert_eq!(progress.last(), Some(&(sent, sent)));
    assert!(err
        .message(Language::English, Site::International)
        .starts_with("1 of 300 items not priced: \"p151\". "));
}

#[test]
fn two_bad_products_each_with_its_own_failure_in_input_order() {
    let rt = refusing(&["p7", "p42"]);
    let err = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(100))).unwrap_err();
    assert_eq!(err.failed_items(), ["p7", "p42"]);
    let messages: Vec<_> = err
        .failed
        .iter()
        .map(|p| p.failure.message(Language::English, Site::International))
        .collect();
    assert!(messages[0].contains("product_infos[6]"), "{messages:?}");
    assert!(messages[1].contains("product_infos[41]"), "{messages:?}");
    assert!(rt.sent_count() <= 1 + 2 * 2 * 7);
}

#[test]
fn isolation_can_be_turned_off_for_the_client_or_one_call() {
    let off = client(Auth::None, |c| c.isolate_failures = false);
    let rt = refusing(&["p3"]);
    let err = block_on(off.price(&rt, &on_demand(10))).unwrap_err();
    assert_eq!((err.failed_items().len(), rt.sent_count()), (10, 1));

    let on = client(Auth::None, |_| {});
    let rt = refusing(&["p3"]);
    let batch = super::Batch::of(on_demand(10));
    let call = CallOptions {
        isolate_failures: Some(false),
        ..CallOptions::default()
    };
    let err = block_on(on.price_batch(&rt, batch, &call)).unwrap_err();
    assert_eq!((err.failed_items().len(), rt.sent_count()), (10, 1));
}

#[test]
fn an_error_about_the_request_is_not_split() {
    let rt = Fake::new(|_, _| {
        status(
            400,
            r#"{"error_code":"CBC.0100","error_msg":"product_infos[5].usage_value"}"#,
            None,
        )
    });
    let err = block_on(client(Auth::None, |c| c.concurrency = 1).price(&rt, &on_demand(150)))
        .unwrap_err();
    assert_eq!(rt.sent_count(), 2);
    let second = err.failed[1]
        .failure
        .message(Language::English, Site::International);
    assert!(
        second.contains("product_infos[105].usage_value"),
        "{second}"
    );
}

#[test]
fn final_statuses_are_not_retried_and_the_hook_sees_each_retry() {
    let rt = Fake::new(|_, n| match n {
        0 => status(503, "", Some("0")),
        _ => status(501, "", None),
    });
    let err = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(1))).unwrap_err();
    assert_eq!((err.code(), rt.sent_count()), ("HTTP.501", 2));
    assert_eq!(
        *rt.retries.borrow(),
        [(
            "status".to_owned(),
            0,
            1,
            0,
            "HTTP.503".to_owned(),
            Some(503)
        )]
    );
}

#[test]
fn a_call_overrides_the_timeout_and_retry_policy() {
    let rt = Fake::new(|_, _| Err(TransportError::Timeout));
    let client = client(Auth::None, |_| {});
    let call = CallOptions {
        timeout_ms: Some(1_234),
        retry: Some(RetryPolicy {
            max_attempts: 2,
            ..RetryPolicy::default()
        }),
        isolate_failures: None,
    };
    let err = block_on(client.price_batch(&rt, super::Batch::of(on_demand(1)), &call)).unwrap_err();
    assert_eq!(
        err.headline().map(|p| (&p.failure, p.attempts)),
        Some((&Failure::Timeout { timeout_ms: 1_234 }, 2))
    );
    assert!(rt.sent.borrow().iter().all(|(_, r)| r.timeout_ms == 1_234));
}

#[test]
fn the_callers_deadline_is_a_timeout_not_a_cancellation() {
    let mut rt = Fake::new(|_, _| status(503, "", None));
    rt.cancel_after = Some(1);
    rt.deadline = true;
    let err = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(1))).unwrap_err();
    assert_eq!(err.code(), "TIMEOUT");
    assert!(err.headline().unwrap().failure.is_cancellation());
}

#[test]
fn cancelling_stops_sending_and_says_so() {
    let mut rt = Fake::new(|_, _| status(503, "", None));
    rt.cancel_after = Some(1);
    let err = block_on(client(Auth::None, |c| c.concurrency = 1).price(&rt, &on_demand(300)))
        .unwrap_err();
    assert_eq!((err.code(), rt.sent_count()), ("ABORTED", 1));
    assert_eq!(
        err.message(Language::English, Site::International),
        "300 of 300 items not priced: \"p1\", \"p2\", \"p3\", \"p4\", \"p5\" and 295 more. The price inquiry was cancelled."
    );
    let codes: Vec<_> = err.failed.iter().map(|p| p.failure.code()).collect();
    assert_eq!(codes, ["ABORTED", "ABORTED", "ABORTED"]);
    assert!(rt.progress.borrow().is_empty(), "nothing was answered");

    let mut rt = Fake::new(|_, _| status(503, "", None));
    rt.cancel_after = Some(0);
    let err = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(1))).unwrap_err();
    assert_eq!(
        (err.code(), rt.sent_count()),
        ("ABORTED", 0),
        "cancelled before the call"
    );
}

#[test]
fn clients_of_one_url_share_its_quota() {
    let rt = Fake::new(|req, _| ok(price_on_demand(&req.body)));
    // A new client for each batch, as an application may make: the second waits for the first's window.
    block_on(client(Auth::None, |c| c.concurrency = 10).price(&rt, &on_demand(1_000))).unwrap();
    block_on(client(Auth::None, |c| c.concurrency = 10).price(&rt, &on_demand(1_000))).unwrap();
    let times: Vec<u64> = rt.sent.borrow().iter().map(|(t, _)| *t).collect();
    assert_eq!(times.len(), 20);
    for start in &times {
        let in_window = times
            .iter()
            .filter(|t| (*start..start + 1_000).contains(t))
            .count();
        assert!(
            in_window <= 10,
            "{in_window} requests in the second from {start}"
        );
    }
}
