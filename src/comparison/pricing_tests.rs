#![allow(clippy::panic)] // test code: a panic is a failed test

use std::cell::{Cell as Counter, RefCell};

use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::*;
use crate::client::config::{Auth, ClientConfig};
use crate::client::endpoint::Endpoint;
use crate::client::join::block_on;
use crate::client::runtime::{Cancelled, HttpRequest, HttpResponse, Runtime, TransportError};
use crate::client::{CallOptions, Client};

/// Answers as the sandbox does: 0.1 an hour per vm, 0.001 per disk; a month 50, a year 540 per vm; disks
/// not sold monthly (left out of the monthly answer).
struct Fake {
    clock: Counter<u64>,
    sent: RefCell<Vec<String>>,
    progress: RefCell<Vec<(usize, usize)>>,
    cancel: bool,
}

fn answer(request: &HttpRequest) -> Value {
    let body: Value = serde_json::from_str(&request.body).unwrap();
    let products = body["product_infos"].as_array().unwrap();
    if request.url.ends_with("on-demand-resources") {
        let lines: Vec<Value> = products
            .iter()
            .map(|p| {
                let id = p["id"].as_str().unwrap();
                let rate = if id.starts_with("vm") { "0.1" } else { "0.001" };
                let hours: Decimal = p["usage_value"].to_string().parse().unwrap();
                let n = Decimal::from(p["subscription_num"].as_i64().unwrap());
                let amount = (hours * n * rate.parse::<Decimal>().unwrap()).to_string();
                json!({"id": id, "amount": amount, "official_website_amount": amount, "discount_amount": "0"})
            })
            .collect();
        return json!({"currency": "USD", "product_rating_results": lines});
    }
    let monthly = products[0]["period_type"] == 2;
    let listed: Vec<(&str, &str, &str)> = products
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .filter(|id| !(monthly && id.starts_with("disk")))
        .map(|id| match (id.starts_with("vm"), monthly) {
            (true, true) => (id, "60", "50"),
            (true, false) => (id, "600", "540"),
            _ => (id, "12", "12"),
        })
        .collect();
    let list: Vec<Value> = listed
        .iter()
        .map(|(id, l, _)| json!({"id": id, "official_website_amount": l}))
        .collect();
    let offer: Vec<Value> = listed
        .iter()
        .map(|(id, l, f)| {
            let discount = l.parse::<Decimal>().unwrap() - f.parse::<Decimal>().unwrap();
            json!({"id": id, "amount": f, "discount_amount": discount.to_string()})
        })
        .collect();
    json!({"currency": "USD", "official_website_rating_result": {"product_rating_results": list},
        "optional_discount_rating_results": [{"discount_id": "d", "discount_type": 0, "best_offer": 1,
        "product_rating_results": offer}]})
}

impl Runtime for Fake {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.sent.borrow_mut().push(request.url.clone());
        Ok(HttpResponse {
            status: 200,
            body: answer(&request).to_string(),
            ..HttpResponse::default()
        })
    }

    async fn sleep(&self, ms: u64) -> Result<(), Cancelled> {
        self.clock.set(self.clock.get() + ms);
        Ok(())
    }

    fn now_ms(&self) -> u64 {
        self.clock.get()
    }

    fn random(&self) -> f64 {
        0.5
    }

    fn is_cancelled(&self) -> bool {
        self.cancel
    }

    fn progress(&self, done: usize, total: usize) {
        self.progress.borrow_mut().push((done, total));
    }
}

fn fake(cancel: bool) -> Fake {
    Fake {
        clock: Counter::new(0),
        sent: RefCell::new(Vec::new()),
        progress: RefCell::new(Vec::new()),
        cancel,
    }
}

fn client() -> Client {
    let endpoint = Endpoint::parse("http://127.0.0.1:9/x", None).unwrap();
    Client::new(ClientConfig::new(endpoint, Auth::None))
}

fn input(products: usize) -> ComparisonInput {
    let list: Vec<Value> = (0..products)
        .map(|i| {
            let (id, spec) = if i % 2 == 0 {
                (format!("vm{i}"), "c6.large.2.linux")
            } else {
                (format!("disk{i}"), "SATA")
            };
            json!({"id": id, "cloud_service_type": "s", "resource_type": "t", "resource_spec": spec,
                "region": "r", "subscription_num": 1})
        })
        .collect();
    ComparisonInput::from_json(&json!({"project_id": "p", "products": list}).to_string()).unwrap()
}

#[test]
fn every_mode_priced_concurrently_with_progress_over_all_requests() {
    let (rt, client) = (fake(false), client());
    let c = block_on(price_comparison(
        &client,
        &rt,
        &input(2),
        &CallOptions::default(),
    ))
    .unwrap();
    let sent = rt.sent.borrow();
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert_eq!(rt.progress.borrow().last(), Some(&(3, 3)));
    // vm: 876 a year of use, 73 a month; a month 50 (break-even 500 h), a year 540 (45 a month, 450 h).
    let Cell::Priced(year) = &c.products[0].cells[2] else {
        panic!("{c:?}")
    };
    assert_eq!(
        year.break_even.as_ref().unwrap().hours_per_month,
        Decimal::from(450)
    );
    assert_eq!(c.products[0].cheapest, Some(2));
    // The disk, not sold monthly, keeps its row with the failure; the totals leave it out.
    assert!(matches!(&c.products[1].cells[1], Cell::Failed(_)), "{c:?}");
    assert_eq!(c.totals.left_out, ["disk1"]);
}

#[test]
fn three_hundred_products_in_requests_of_at_most_a_hundred() {
    let (rt, client) = (fake(false), client());
    let c = block_on(price_comparison(
        &client,
        &rt,
        &input(300),
        &CallOptions::default(),
    ))
    .unwrap();
    assert_eq!(rt.sent.borrow().len(), 9);
    assert_eq!(rt.progress.borrow().last(), Some(&(9, 9)));
    assert_eq!(c.products.len(), 300);
    assert_eq!(c.totals.included.len(), 150);
    let progress = rt.progress.borrow();
    assert!(
        progress.windows(2).all(|w| w[0].0 <= w[1].0),
        "{progress:?}"
    );
}

#[test]
fn a_cancelled_comparison_fails_with_the_cancellation() {
    let (rt, client) = (fake(true), client());
    let err = block_on(price_comparison(
        &client,
        &rt,
        &input(2),
        &CallOptions::default(),
    ))
    .unwrap_err();
    assert_eq!(err.code(), "ABORTED");
}
