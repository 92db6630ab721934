//! The look-ups against a scripted runtime with a fake clock: pages, signing of the query, retries, the quota,
//! the cache, shared calls in flight.

#![allow(clippy::panic)] // test code: a panic is a failed test

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;

use super::*;
use crate::client::config::ClientConfig;
use crate::client::endpoint::Endpoint;
use crate::client::join::{block_on, join_all};
use crate::client::runtime::TransportError;
use crate::client::runtime::{Cancelled, HttpResponse};
use crate::client::signing::canonical_query;
use crate::client::Auth;
use crate::client::Secret;

type Responder = Box<dyn Fn(&HttpRequest, usize) -> HttpResponse>;

/// A runtime whose clock moves only when the client sleeps, 1 ms per send.
struct Fake {
    respond: Responder,
    clock: Cell<u64>,
    sent: RefCell<Vec<(u64, HttpRequest)>>,
}

impl Fake {
    fn new(respond: impl Fn(&HttpRequest, usize) -> HttpResponse + 'static) -> Self {
        Fake {
            respond: Box::new(respond),
            clock: Cell::new(1_700_000_000_000),
            sent: RefCell::default(),
        }
    }
}

impl Runtime for Fake {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let n = self.sent.borrow().len();
        self.sent
            .borrow_mut()
            .push((self.clock.get(), request.clone()));
        self.clock.set(self.clock.get() + 1);
        // Answers come later: other calls run meanwhile.
        YieldOnce(false).await;
        Ok((self.respond)(&request, n))
    }
    async fn sleep(&self, ms: u64) -> Result<(), Cancelled> {
        self.clock.set(self.clock.get() + ms.max(1));
        YieldOnce(false).await;
        Ok(())
    }
    fn now_ms(&self) -> u64 {
        self.clock.get()
    }
    fn random(&self) -> f64 {
        0.5
    }
    fn is_cancelled(&self) -> bool {
        false
    }
    fn progress(&self, _: usize, _: usize) {}
}

/// Pending once, then ready: a point where the other joined futures run.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<()> {
        if self.0 {
            return std::task::Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        std::task::Poll::Pending
    }
}

fn ok(body: String) -> HttpResponse {
    HttpResponse {
        status: 200,
        request_id: Some("r".into()),
        retry_after: None,
        body,
    }
}

/// `n` service types, served by offset and limit from the request's query.
fn service_types(n: usize) -> impl Fn(&HttpRequest, usize) -> HttpResponse {
    move |request, _| {
        let query = request.url.split_once('?').map_or("", |(_, q)| q);
        let get = |name: &str| {
            query
                .split('&')
                .find_map(|p| p.strip_prefix(&format!("{name}=")))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0)
        };
        let (offset, limit) = (get("offset"), get("limit"));
        let items: Vec<String> = (offset..n.min(offset + limit))
            .map(|i| format!(r#"{{"service_type_code":"s{i:05}","service_type_name":"S","abbreviation":"A"}}"#))
            .collect();
        ok(format!(
            r#"{{"total_count":{n},"service_types":[{}]}}"#,
            items.join(",")
        ))
    }
}

fn client(base: &str, auth: Auth) -> Client {
    Client::new(ClientConfig::new(
        Endpoint::parse(base, None).unwrap(),
        auth,
    ))
}

#[test]
fn every_page_at_the_largest_limit_in_order() {
    let rt = Fake::new(service_types(2_500));
    let c = client("http://127.0.0.1:9/pages", Auth::None);
    let lookups = Lookups::new(DEFAULT_TTL_MS);
    let query = LookupQuery::new(Lookup::ServiceTypes, vec![], Language::English);
    let listing = block_on(lookups.get(&c, &rt, &query, &CallOptions::default())).unwrap();
    assert_eq!(listing.entries.len(), 2_500);
    assert_eq!(listing.entries[2_499].key(), "s02499");
    let urls: Vec<String> = rt
        .sent
        .borrow()
        .iter()
        .map(|(_, r)| r.url.clone())
        .collect();
    assert_eq!(
        urls,
        [0, 1000, 2000].map(|o| format!(
            "http://127.0.0.1:9/pages/v2/products/service-types?limit=1000&offset={o}"
        ))
    );
    let sent = rt.sent.borrow();
    assert!(sent
        .iter()
        .all(|(_, r)| r.method == "GET" && r.body.is_empty()));
    assert!(sent[0]
        .1
        .headers
        .contains(&("X-Language".into(), "en_US".into())));
}

#[test]
fn the_query_is_sent_as_signed() {
    let rt = Fake::new(|_, _| ok(r#"{"total_count":0,"infos":[]}"#.into()));
    let auth = Auth::AccessKey {
        ak: "AK1".into(),
        sk: Secret::new("sk-secret"),
        domain_id: None,
    };
    let c = client("http://127.0.0.1:9", auth);
    let query = LookupQuery::new(
        Lookup::ServiceResources,
        vec![("service_type_code", "hws.service.type.ec2 ü&=".into())],
        Language::Chinese,
    );
    let lookups = Lookups::new(0);
    block_on(lookups.get(&c, &rt, &query, &CallOptions::default())).unwrap();
    let sent = rt.sent.borrow();
    let (_, request) = &sent[0];
    let q = request.url.split_once('?').unwrap().1;
    assert_eq!(
        q,
        "limit=100&offset=0&service_type_code=hws.service.type.ec2%20%C3%BC%26%3D"
    );
    assert_eq!(
        canonical_query(q),
        q,
        "sent as the signer's canonical query"
    );
    assert!(request.headers.iter().any(
        |(n, v)| n == "Authorization" && v.contains("SignedHeaders=host;x-language;x-sdk-date")
    ));
}

#[test]
fn retries_then_fails_with_the_api_code() {
    let rt = Fake::new(|_, n| match n {
        0 => HttpResponse {
            status: 503,
            body: r#"{"error_code":"CBC.0999","error_msg":"busy"}"#.into(),
            ..HttpResponse::default()
        },
        _ => HttpResponse {
            status: 400,
            body: r#"{"error_code":"CBC.0100","error_msg":"bad"}"#.into(),
            ..HttpResponse::default()
        },
    });
    let c = client("http://127.0.0.1:9/retry", Auth::None);
    let query = LookupQuery::new(Lookup::MeasureUnits, vec![], Language::English);
    let err = block_on(Lookups::new(0).get(&c, &rt, &query, &CallOptions::default())).unwrap_err();
    assert_eq!(err.code(), "CBC.0100");
    assert!(matches!(err, LookupError::Failed { attempts: 2, .. }));
}

#[test]
fn kept_for_the_time_to_live_and_shared_while_in_flight() {
    let rt = Fake::new(service_types(3));
    let c = client("http://127.0.0.1:9/cache", Auth::None);
    let lookups = Lookups::new(60_000);
    let shared = Lookups::new(0);
    let en = LookupQuery::new(Lookup::ServiceTypes, vec![], Language::English);
    let zh = LookupQuery::new(Lookup::ServiceTypes, vec![], Language::Chinese);
    let options = CallOptions::default();
    let calls: Vec<Pin<Box<dyn Future<Output = ()> + '_>>> = (0..3)
        .map(|_| {
            Box::pin(async {
                let listing = shared.get(&c, &rt, &en, &options).await.unwrap();
                assert_eq!(listing.entries.len(), 3);
            }) as _
        })
        .collect();
    block_on(join_all(calls));
    assert_eq!(
        rt.sent.borrow().len(),
        1,
        "three identical calls in flight, one request"
    );
    block_on(shared.get(&c, &rt, &en, &options)).unwrap();
    assert_eq!(
        rt.sent.borrow().len(),
        2,
        "nothing kept with a time to live of 0"
    );
    block_on(lookups.get(&c, &rt, &en, &options)).unwrap();
    block_on(lookups.get(&c, &rt, &en, &options)).unwrap();
    assert_eq!(rt.sent.borrow().len(), 3, "kept");
    block_on(lookups.get(&c, &rt, &zh, &options)).unwrap();
    assert_eq!(
        rt.sent.borrow().len(),
        4,
        "another language is another query"
    );
    rt.clock.set(rt.clock.get() + 60_000);
    block_on(lookups.get(&c, &rt, &en, &options)).unwrap();
    assert_eq!(rt.sent.borrow().len(), 5, "asked again once expired");
}

#[test]
fn never_more_than_ten_a_second_across_calls() {
    let rt = Fake::new(service_types(1));
    let c = client("http://127.0.0.1:9/quota", Auth::None);
    let lookups = Lookups::new(0);
    let options = CallOptions::default();
    let queries: Vec<LookupQuery> = (0..35)
        .map(|i| {
            LookupQuery::new(
                Lookup::UsageTypes,
                vec![("resource_type_code", format!("r{i}"))],
                Language::English,
            )
        })
        .collect();
    let calls: Vec<Pin<Box<dyn Future<Output = ()> + '_>>> = queries
        .iter()
        .map(|q| {
            Box::pin(async {
                let _ = lookups.get(&c, &rt, q, &options).await;
            }) as _
        })
        .collect();
    block_on(join_all(calls));
    let times: Vec<u64> = rt.sent.borrow().iter().map(|(t, _)| *t).collect();
    assert_eq!(times.len(), 35);
    for (i, t) in times.iter().enumerate() {
        let in_window = times[i..].iter().take_while(|u| **u < t + 1_000).count();
        assert!(
            in_window <= 10,
            "{in_window} requests within a second from {t}"
        );
    }
}
