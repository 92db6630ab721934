//! Pricing a comparison with the client: the pay-per-use inquiry and one subscribe-rate inquiry per period,
//! sent concurrently through one client (so within each API's quota), with progress over all their requests
//! and the caller's cancellation.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use super::compare::{Comparison, Failure, ModePricing};
use super::input::ComparisonInput;
use crate::client::call::{Batch, CallOptions};
use crate::client::join::join_all;
use crate::client::runtime::TransportError;
use crate::client::runtime::{Cancelled, HttpRequest, HttpResponse, RetryEvent, Runtime};
use crate::client::{CallError, Client};
use crate::quote::Quote;

/// One call's share of a runtime: its progress is added to the other calls' before it is told.
struct Share<'a, R> {
    rt: &'a R,
    index: usize,
    counts: &'a RefCell<Vec<(usize, usize)>>,
}

impl<R: Runtime> Runtime for Share<'_, R> {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.rt.send(request).await
    }

    async fn sleep(&self, ms: u64) -> Result<(), Cancelled> {
        self.rt.sleep(ms).await
    }

    fn now_ms(&self) -> u64 {
        self.rt.now_ms()
    }

    fn random(&self) -> f64 {
        self.rt.random()
    }

    fn is_cancelled(&self) -> bool {
        self.rt.is_cancelled()
    }

    fn timed_out(&self) -> bool {
        self.rt.timed_out()
    }

    fn progress(&self, done: usize, total: usize) {
        let (done, total) = {
            let mut counts = self.counts.borrow_mut();
            if let Some(c) = counts.get_mut(self.index) {
                *c = (done, total);
            }
            counts
                .iter()
                .fold((0, 0), |(d, t), (cd, ct)| (d + cd, t + ct))
        };
        self.rt.progress(done, total);
    }

    fn retrying(&self, event: &RetryEvent<'_>) {
        self.rt.retrying(event);
    }
}

/// Prices `input` in every mode and compares them, with sentences in the client's language.
///
/// A mode that fails as a whole keeps its column with the failure, and a partly priced mode its failing
/// products'; the call fails only when it was cancelled (or timed out), or when no mode priced anything —
/// with the first such mode's error, as pricing that inquiry alone would.
pub async fn price_comparison<R: Runtime>(
    client: &Client,
    rt: &R,
    input: &ComparisonInput,
    options: &CallOptions,
) -> Result<Comparison, CallError> {
    let mut batches = vec![(input.pay_per_use().len(), Batch::of(input.pay_per_use()))];
    for period in &input.periods {
        let parts = input.subscription(*period);
        batches.push((parts.len(), Batch::of(parts)));
    }
    let counts = RefCell::new(batches.iter().map(|(n, _)| (0, *n)).collect::<Vec<_>>());
    let results: RefCell<Vec<Option<Result<Quote, CallError>>>> =
        RefCell::new(vec![None; batches.len()]);
    let calls: Vec<Pin<Box<dyn Future<Output = ()> + '_>>> = batches
        .into_iter()
        .enumerate()
        .map(|(index, (_, batch))| {
            let (counts, results) = (&counts, &results);
            Box::pin(async move {
                let share = Share { rt, index, counts };
                let result = client.price_batch(&share, batch, options).await;
                if let Some(slot) = results.borrow_mut().get_mut(index) {
                    *slot = Some(result);
                }
            }) as Pin<Box<dyn Future<Output = ()> + '_>>
        })
        .collect();
    join_all(calls).await;
    let config = client.config();
    let (language, site) = (config.language, config.endpoint.site());
    let mut first_error = None;
    let mut any_priced = false;
    let mut modes: Vec<ModePricing> = Vec::new();
    for result in results.into_inner().into_iter().flatten() {
        match result {
            Ok(quote) => {
                any_priced = true;
                modes.push(Ok(quote));
            }
            Err(e) if e.failed.iter().any(|p| p.failure.is_cancellation()) => return Err(e),
            Err(CallError {
                partial: Some(quote),
                ..
            }) => {
                any_priced = true;
                modes.push(Ok(quote));
            }
            Err(e) => {
                modes.push(Err(Failure {
                    code: e.code().to_owned(),
                    message: e.message(language, site),
                }));
                first_error.get_or_insert(e);
            }
        }
    }
    if let (false, Some(e)) = (any_priced, first_error) {
        return Err(e);
    }
    let mut modes = modes.into_iter();
    let pay_per_use = modes.next().unwrap_or_else(|| {
        Err(Failure {
            code: "NOT_SENT".into(),
            message: String::new(),
        })
    });
    Ok(Comparison::of(
        input,
        pay_per_use,
        modes.collect(),
        language,
    ))
}
