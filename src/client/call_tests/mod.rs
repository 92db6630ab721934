//! The client against a scripted runtime with a fake clock: what is sent, retried, throttled, merged and
//! reported.

#![allow(clippy::panic)] // test code: a panic is a failed test

use std::cell::{Cell, RefCell};

use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::*;
use crate::client::config::Auth;
use crate::client::config::ClientConfig;
use crate::client::endpoint::{Endpoint, Site};
use crate::client::join::block_on;
use crate::client::retry::RetryPolicy;
use crate::client::runtime::{Cancelled, HttpRequest, HttpResponse, TransportError};
use crate::client::signing;
use crate::client::Secret;
use crate::inquiry::OnDemandInquiry;
use crate::language::Language;
use crate::response::Rating;

type Responder = Box<dyn Fn(&HttpRequest, usize) -> Result<HttpResponse, TransportError>>;

/// A runtime whose answers come from `respond(request, n)` (n counts sends from 0) and whose clock moves only
/// when the client sleeps.
struct Fake {
    respond: Responder,
    clock: Cell<u64>,
    sent: RefCell<Vec<(u64, HttpRequest)>>,
    sleeps: RefCell<Vec<u64>>,
    progress: RefCell<Vec<(usize, usize)>>,
    /// Each retry event: kind, request, attempt, delay, code, status.
    retries: RefCell<Vec<RetryCall>>,
    cancel_after: Option<usize>,
    /// Whether the cancellation is the caller's deadline.
    deadline: bool,
}

type RetryCall = (String, usize, u32, u64, String, Option<u16>);

impl Fake {
    fn new(
        respond: impl Fn(&HttpRequest, usize) -> Result<HttpResponse, TransportError> + 'static,
    ) -> Self {
        Fake {
            respond: Box::new(respond),
            clock: Cell::new(1_700_000_000_000),
            sent: RefCell::default(),
            sleeps: RefCell::default(),
            progress: RefCell::default(),
            retries: RefCell::default(),
            cancel_after: None,
            deadline: false,
        }
    }

    fn sent_count(&self) -> usize {
        self.sent.borrow().len()
    }
}

impl Runtime for Fake {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let n = self.sent_count();
        self.sent
            .borrow_mut()
            .push((self.clock.get(), request.clone()));
        (self.respond)(&request, n)
    }

    async fn sleep(&self, ms: u64) -> Result<(), Cancelled> {
        self.sleeps.borrow_mut().push(ms);
        self.clock.set(self.clock.get() + ms);
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }

    fn now_ms(&self) -> u64 {
        self.clock.get()
    }

    fn random(&self) -> f64 {
        0.5
    }

    fn is_cancelled(&self) -> bool {
        self.cancel_after.is_some_and(|n| self.sent_count() >= n)
    }

    fn timed_out(&self) -> bool {
        self.deadline && self.is_cancelled()
    }

    fn progress(&self, done: usize, total: usize) {
        self.progress.borrow_mut().push((done, total));
    }

    fn retrying(&self, e: &crate::client::RetryEvent<'_>) {
        self.retries.borrow_mut().push((
            e.kind.to_owned(),
            e.request,
            e.attempt,
            e.delay_ms,
            e.code.to_owned(),
            e.status,
        ));
    }
}

fn ok(body: String) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse {
        status: 200,
        request_id: Some("req-ok".into()),
        retry_after: None,
        body,
    })
}

fn status(
    code: u16,
    body: &str,
    retry_after: Option<&str>,
) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse {
        status: code,
        request_id: Some(format!("req-{code}")),
        retry_after: retry_after.map(str::to_owned),
        body: body.to_owned(),
    })
}

/// A pay-per-use answer pricing every product of `body` at `1.25` (list `1.5`), as numbers.
fn price_on_demand(body: &str) -> String {
    let request: Value = serde_json::from_str(body).unwrap();
    let products = request["product_infos"].as_array().unwrap();
    let lines: Vec<Value> = products
        .iter()
        .map(|p| json!({"id": p["id"], "product_id": format!("prod-{}", p["id"].as_str().unwrap()),
                        "amount": 1.25, "discount_amount": 0.25, "official_website_amount": 1.5, "measure_id": 1}))
        .collect();
    let n = Decimal::from(products.len());
    format!(
        r#"{{"currency":"","measure_id":1,"amount":{},"discount_amount":{},"official_website_amount":{},"product_rating_results":{}}}"#,
        n * Decimal::new(125, 2),
        n * Decimal::new(25, 2),
        n * Decimal::new(15, 1),
        Value::Array(lines)
    )
}

fn on_demand(n: usize) -> Vec<OnDemandInquiry> {
    let products: Vec<Value> = (1..=n)
        .map(|i| {
            json!({"id": format!("p{i}"), "cloud_service_type": "hws.service.type.ec2", "resource_type": "hws.resource.type.vm",
                   "resource_spec": "c6.large.2.linux", "region": "ap-southeast-1", "usage_factor": "Duration",
                   "usage_value": 1, "usage_measure_id": 4, "subscription_num": 1})
        })
        .collect();
    OnDemandInquiry::batch_from_json(
        &json!({"project_id": "p", "product_infos": products}).to_string(),
    )
    .unwrap()
}

fn client(auth: Auth, configure: impl FnOnce(&mut ClientConfig)) -> Client {
    let mut config =
        ClientConfig::new(Endpoint::parse("http://127.0.0.1:9/x", None).unwrap(), auth);
    configure(&mut config);
    Client::new(config)
}

fn header<'a>(request: &'a HttpRequest, name: &str) -> Option<&'a str> {
    request
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn on_demand_rating(quote: &Quote) -> &crate::response::OnDemandRating {
    match &quote.rating {
        Rating::OnDemand(r) => r,
        other => panic!("not a pay-per-use answer: {other:?}"),
    }
}

#[test]
fn one_request_with_a_token() {
    let rt = Fake::new(|req, _| ok(price_on_demand(&req.body)));
    let client = client(Auth::Token(Secret::new("tok-123")), |c| {
        c.language = Language::Chinese
    });
    let parts = on_demand(2);
    let quote = block_on(client.price(&rt, &parts)).unwrap();
    let sent = rt.sent.borrow();
    let (_, req) = &sent[0];
    assert_eq!(
        req.url,
        "http://127.0.0.1:9/x/v2/bills/ratings/on-demand-resources"
    );
    assert_eq!(&*req.body, parts[0].body());
    assert_eq!(header(req, "X-Auth-Token"), Some("tok-123"));
    assert_eq!(header(req, "X-Language"), Some("zh_CN"));
    assert_eq!(header(req, "Content-Type"), Some("application/json"));
    assert_eq!(header(req, "Authorization"), None);
    assert_eq!((quote.requests, quote.attempts), (1, 1));
    assert_eq!(
        (quote.currency.as_str(), quote.currency_defaulted),
        ("USD", true)
    );
    assert_eq!(quote.request_ids, ["req-ok"]);
    assert_eq!(on_demand_rating(&quote).amount, Some(Decimal::new(250, 2)));
    assert_eq!(*rt.progress.borrow(), [(1, 1)]);
    assert!(
        !format!("{client:?}").contains("tok-123"),
        "Debug hides the token"
    );
}

#[test]
fn access_keys_sign_every_request_and_never_show_the_secret() {
    let rt = Fake::new(|req, _| ok(price_on_demand(&req.body)));
    let sk = "sk-very-secret";
    let client = client(
        Auth::AccessKey {
            ak: "AK1".into(),
            sk: Secret::new(sk),
            domain_id: Some("dom-9".into()),
        },
        |_| {},
    );
    block_on(client.price(&rt, &on_demand(1))).unwrap();
    let (at, req) = rt.sent.borrow()[0].clone();
    assert_eq!(header(&req, "X-Domain-Id"), Some("dom-9"));
    assert_eq!(header(&req, "Host"), None, "the transport sets Host");
    let date = header(&req, "X-Sdk-Date").unwrap().to_owned();
    assert_eq!(date, signing::sdk_date(at / 1000));
    // Signing the sent headers again (with the Host the URL implies) gives the same Authorization.
    let mut headers: Vec<(String, String)> = req
        .headers
        .iter()
        .filter(|(n, _)| n != "Authorization")
        .cloned()
        .collect();
    headers.push(("Host".into(), "127.0.0.1:9".into()));
    let again = signing::sign(&signing::SignRequest {
        method: "POST",
        url: &req.url,
        headers: &headers,
        body: req.body.as_bytes(),
        ak: "AK1",
        sk: &Secret::new(sk),
        unix_seconds: 0,
    })
    .unwrap();
    let authorization = again.iter().find(|(n, _)| n == "Authorization").unwrap();
    assert_eq!(
        header(&req, "Authorization"),
        Some(authorization.1.as_str())
    );
    assert!(authorization
        .1
        .contains("SignedHeaders=content-type;host;x-domain-id;x-language;x-sdk-date"));
    assert!(!format!("{client:?}").contains(sk));
}

#[test]
fn retries_429_5xx_timeouts_and_network_errors_honouring_retry_after() {
    let rt = Fake::new(|req, n| match n {
        0 => status(
            429,
            r#"{"error_code":"APIG.0308","error_message":"throttled"}"#,
            Some("2"),
        ),
        1 => status(503, "<html>busy</html>", None),
        2 => Err(TransportError::Timeout),
        3 => Err(TransportError::Network {
            detail: "reset".into(),
            thrown: None,
        }),
        _ => ok(price_on_demand(&req.body)),
    });
    let client = client(Auth::None, |c| c.retry.max_attempts = 5);
    let quote = block_on(client.price(&rt, &on_demand(1))).unwrap();
    assert_eq!(quote.attempts, 5);
    // Retry-After wins over backoff; then full jitter (0.5) of the 400, 800 and 1,600 ms caps.
    assert_eq!(*rt.sleeps.borrow(), [2_000, 200, 400, 800]);
    assert_eq!(rt.sent_count(), 5);
}

#[test]
fn gives_up_after_max_attempts_and_never_retries_other_4xx() {
    let rt = Fake::new(|_, _| status(503, r#"{"error_code":"CBC.0999","error_msg":"down"}"#, None));
    let err = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(1))).unwrap_err();
    assert_eq!((rt.sent_count(), err.code()), (4, "CBC.0999"));
    let head = err.headline().unwrap();
    assert_eq!((head.attempts, head.failure.status()), (4, Some(503)));
    assert_eq!(head.failure.request_id(), Some("req-503"));
    assert_eq!(
        err.message(Language::English, Site::International),
        "The rating service failed; try again later. (CBC.0999: down)"
    );
    assert!(err.partial.is_none());

    let rt = Fake::new(|_, _| {
        status(
            400,
            r#"{"error_code":"CBC.99006006","error_msg":"product not found"}"#,
            None,
        )
    });
    let err = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(1))).unwrap_err();
    assert_eq!((rt.sent_count(), err.code()), (1, "CBC.99006006"));
    assert!(err
        .message(Language::English, Site::International)
        .contains("cloud_service_type, resource_type, resource_spec and region"));

    for (transport, code) in [
        (TransportError::Timeout, "TIMEOUT"),
        (
            TransportError::Network {
                detail: "refused".into(),
                thrown: None,
            },
            "NETWORK",
        ),
    ] {
        let rt = Fake::new(move |_, _| Err(transport.clone()));
        let err = block_on(
            client(Auth::None, |c| {
                c.retry = RetryPolicy {
                    max_attempts: 2,
                    ..c.retry
                }
            })
            .price(&rt, &on_demand(1)),
        )
        .unwrap_err();
        assert_eq!((err.code(), rt.sent_count()), (code, 2));
        assert_eq!(err.headline().unwrap().failure.status(), None);
    }
}

#[test]
fn wrong_site_names_the_site_to_use() {
    let rt = Fake::new(|_, _| {
        status(
            403,
            r#"{"error_code":"CBC.0156","error_msg":"wrong site"}"#,
            None,
        )
    });
    let err = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(1))).unwrap_err();
    assert_eq!(
        err.message(Language::English, Site::International),
        "This account does not belong to this site; use the China site (endpoint \"cn\", https://bss.myhuaweicloud.com) instead. (CBC.0156: wrong site)"
    );
    assert!(err
        .message(Language::Chinese, Site::China)
        .contains("国际站"));
}

#[test]
fn a_batch_is_merged_in_order_with_exact_totals_and_progress() {
    let rt = Fake::new(|req, _| ok(price_on_demand(&req.body)));
    let parts = on_demand(250);
    let quote = block_on(client(Auth::None, |_| {}).price(&rt, &parts)).unwrap();
    let rating = on_demand_rating(&quote);
    let ids: Vec<_> = rating
        .product_rating_results
        .iter()
        .map(|l| l.id.clone().unwrap())
        .collect();
    let expected: Vec<_> = (1..=250).map(|i| format!("p{i}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(rating.amount, Some(Decimal::new(31_250, 2)));
    assert_eq!(rating.official_website_amount, Some(Decimal::new(3_750, 1)));
    assert_eq!((quote.requests, quote.attempts), (3, 3));
    assert_eq!(*rt.progress.borrow(), [(1, 3), (2, 3), (3, 3)]);
}

#[test]
fn a_failed_part_names_its_items_and_keeps_the_priced_ones() {
    let rt = Fake::new(|req, _| {
        if req.body.contains(r#""id":"p101""#) {
            status(400, r#"{"error_code":"CBC.0100","error_msg":"bad"}"#, None)
        } else {
            ok(price_on_demand(&req.body))
        }
    });
    let err = block_on(client(Auth::None, |c| c.concurrency = 1).price(&rt, &on_demand(205)))
        .unwrap_err();
    assert_eq!(err.code(), "CBC.0100");
    let failed = err.failed_items();
    assert_eq!(failed.len(), 100);
    assert_eq!((failed[0], failed[99]), ("p101", "p200"));
    let partial = err.partial.as_ref().unwrap();
    let rating = on_demand_rating(partial);
    assert_eq!(rating.product_rating_results.len(), 105);
    assert_eq!(rating.amount, Some(Decimal::new(13_125, 2)));
    assert_eq!(
        err.message(Language::English, Site::International),
        "100 of 205 items not priced: \"p101\", \"p102\", \"p103\", \"p104\", \"p105\" and 95 more. \
         The rating service rejected a parameter of the request. (CBC.0100: bad)"
    );
    assert_eq!(rt.progress.borrow().len(), 3);
}

#[test]
fn bad_credentials_stop_the_batch() {
    let rt = Fake::new(|_, _| {
        status(
            401,
            r#"{"error_code":"CBC.0154","error_msg":"expired"}"#,
            None,
        )
    });
    let err = block_on(
        client(Auth::Token(Secret::new("t")), |c| c.concurrency = 1).price(&rt, &on_demand(500)),
    )
    .unwrap_err();
    assert_eq!(
        rt.sent_count(),
        1,
        "the other four requests would fail the same way"
    );
    assert_eq!(err.code(), "CBC.0154");
    let codes: Vec<_> = err.failed.iter().map(|p| p.failure.code()).collect();
    assert_eq!(
        codes,
        ["CBC.0154", "NOT_SENT", "NOT_SENT", "NOT_SENT", "NOT_SENT"]
    );
    assert_eq!(err.failed_items().len(), 500);
    assert_eq!(
        *rt.progress.borrow(),
        [(1, 5)],
        "only the request answered is progress"
    );
}

#[test]
fn no_second_ever_carries_more_than_the_quota() {
    let rt = Fake::new(|req, _| ok(price_on_demand(&req.body)));
    let client = client(Auth::None, |c| c.concurrency = 10);
    // Two calls through one client share its throttle.
    block_on(client.price(&rt, &on_demand(2_500))).unwrap();
    block_on(client.price(&rt, &on_demand(1_000))).unwrap();
    let times: Vec<u64> = rt.sent.borrow().iter().map(|(t, _)| *t).collect();
    assert_eq!(times.len(), 35);
    for start in &times {
        let in_window = times
            .iter()
            .filter(|t| **t >= *start && **t < start + 1_000)
            .count();
        assert!(
            in_window <= 10,
            "{in_window} requests in the second from {start}"
        );
    }
}

#[test]
fn an_unreadable_success_is_an_error_not_a_price() {
    let rt = Fake::new(|_, _| ok(r#"{"amount": "lots"}"#.to_owned()));
    let err = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(1))).unwrap_err();
    assert_eq!(err.code(), "BAD_RESPONSE");
    assert!(err
        .message(Language::English, Site::International)
        .contains("amount"));
}

mod accounting;
mod isolation;
mod progress;
mod renewal;
