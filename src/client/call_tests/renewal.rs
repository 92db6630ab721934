//! A renewal batch ends as one request of all its ids would: whatever their order and however they are split,
//! resources that fail are listed in the answer when something was priced, and the call fails with no partial
//! quote when nothing was.

use serde_json::{json, Value};

use super::{client, ok, status, Fake};
use crate::client::call::Failure;
use crate::client::join::block_on;
use crate::client::Auth;
use crate::inquiry::RenewalInquiry;
use crate::quote::Quote;
use crate::response::{Rating, RenewalRating};

/// How the service says that every resource of a request failed.
#[derive(Clone, Copy)]
enum AllFailed {
    /// The business error with HTTP 200 and the failed resources listed, as the sandbox answers.
    Listed,
    /// The business error alone.
    Bare,
}

/// A renew-rate service: ids starting with `expired-` fail with CBC.30050009, the others are priced at 2.
fn service(all_failed: AllFailed) -> Fake {
    Fake::new(move |req, _| {
        let body: Value = serde_json::from_str(&req.body).unwrap();
        let ids: Vec<&str> = body["resource_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let (expired, good): (Vec<&str>, Vec<&str>) =
            ids.iter().partition(|id| id.starts_with("expired-"));
        let failures: Vec<Value> = expired
            .iter()
            .map(|id| json!({"resource_id": id, "error_code": "CBC.30050009", "error_msg": format!("{id} is gone")}))
            .collect();
        let mut answer = json!({
            "currency": "USD",
            "renew_inquiry_results": good.iter().map(|id| json!({"resource_id": id, "amount": "2"})).collect::<Vec<_>>(),
            "official_website_rating_result": {"official_website_amount": (2 * good.len()).to_string()},
            "optional_discount_rating_results": [],
            "fail_resource_infos": failures,
        });
        if good.is_empty() {
            answer = match all_failed {
                AllFailed::Listed => {
                    answer["error_code"] = "CBC.30050009".into();
                    answer["error_msg"] = "The resources have expired.".into();
                    answer
                }
                AllFailed::Bare => {
                    json!({"error_code": "CBC.30050009", "error_msg": "The resources have expired."})
                }
            };
        }
        ok(answer.to_string())
    })
}

fn renewal(ids: &[String]) -> Vec<RenewalInquiry> {
    RenewalInquiry::batch_from_json(
        &json!({"resource_ids": ids, "period_type": 2, "period_num": 1}).to_string(),
    )
    .unwrap()
}

fn renewal_rating(quote: &Quote) -> &RenewalRating {
    match &quote.rating {
        Rating::Renewal(r) => r,
        other => panic!("not a renewal answer: {other:?}"),
    }
}

/// 10 good ids and 2 expired ones: the expired last (the second request holds only them), or mixed in.
fn orders() -> [Vec<String>; 2] {
    let good = (1..=10).map(|i| format!("r{i}"));
    let expired = ["expired-a".to_owned(), "expired-b".to_owned()];
    let last: Vec<String> = good.clone().chain(expired.clone()).collect();
    let mut mixed: Vec<String> = good.collect();
    mixed.insert(3, expired[0].clone());
    mixed.insert(8, expired[1].clone());
    [last, mixed]
}

#[test]
fn the_outcome_does_not_depend_on_the_order_of_the_ids() {
    for all_failed in [AllFailed::Listed, AllFailed::Bare] {
        for ids in orders() {
            let rt = service(all_failed);
            let quote = block_on(client(Auth::None, |_| {}).price(&rt, &renewal(&ids)))
                .unwrap_or_else(|e| panic!("{ids:?}: {e:?}"));
            assert_eq!(rt.sent_count(), 2);
            let r = renewal_rating(&quote);
            assert_eq!(r.renew_inquiry_results.len(), 10);
            let failed: Vec<_> = r
                .fail_resource_infos
                .iter()
                .map(|f| {
                    (
                        f.resource_id.as_deref().unwrap(),
                        f.error_code.as_deref().unwrap(),
                    )
                })
                .collect();
            assert_eq!(
                failed,
                [("expired-a", "CBC.30050009"), ("expired-b", "CBC.30050009")],
                "{ids:?}"
            );
            assert!(
                r.fail_resource_infos.iter().all(|f| f.error_msg.is_some()),
                "each with its message"
            );
            assert_eq!(r.error.error_code, None, "no error for the whole answer");
            assert!(quote.failures.is_empty());
            assert_eq!(quote.requests, 2);
        }
    }
}

#[test]
fn when_every_id_fails_the_call_fails_with_no_partial_quote() {
    for all_failed in [AllFailed::Listed, AllFailed::Bare] {
        for n in [1, 2, 12] {
            let ids: Vec<String> = (0..n).map(|i| format!("expired-{i}")).collect();
            let rt = service(all_failed);
            let err = block_on(client(Auth::None, |_| {}).price(&rt, &renewal(&ids))).unwrap_err();
            assert_eq!(err.code(), "CBC.30050009");
            assert_eq!(err.failed_items(), ids);
            assert!(
                err.partial.is_none(),
                "nothing was priced: {:?}",
                err.partial
            );
            assert_eq!(err.headline().unwrap().failure.status(), Some(200));
        }
    }
}

#[test]
fn other_failures_of_a_renewal_stay_failures_of_the_call() {
    // The second request is refused for a reason about the request: the call fails, the priced part is kept.
    let rt = Fake::new(|req, n| {
        if n == 1 {
            return status(
                400,
                r#"{"error_code":"CBC.30050012","error_msg":"duplicates"}"#,
                None,
            );
        }
        service(AllFailed::Listed).respond.as_ref()(req, n)
    });
    let ids: Vec<String> = (1..=12).map(|i| format!("r{i}")).collect();
    let err =
        block_on(client(Auth::None, |c| c.concurrency = 1).price(&rt, &renewal(&ids))).unwrap_err();
    assert_eq!(err.code(), "CBC.30050012");
    assert_eq!(err.failed_items(), ["r11", "r12"]);
    let partial = err.partial.as_ref().unwrap();
    assert_eq!(renewal_rating(partial).renew_inquiry_results.len(), 10);
    assert!(matches!(err.failed[0].failure, Failure::Api(_)));
}
