//! Sending the requests of one round, a few at a time: each within its API's quota, signed, retried while the
//! policy allows, and read once. Progress counts the requests answered; a request not sent (the caller
//! cancelled, or an earlier one failed in a way every one would) is not counted.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use super::authorize::authorize;
use super::credentials::credentials_of;
use super::error::{Failure, NoAnswer};
use super::isolate::{is_product_level, Group, Isolation};
use super::join::join_all;
use super::retry::{AttemptOutcome, RetryPolicy};
use super::runtime::{HttpRequest, RetryEvent, Runtime};
use super::shared::Client;
use super::signing::SignError;
use super::throttle::Throttle;
use crate::kind::InquiryKind;
use crate::response::api_error::{read_answer, Answered};
use crate::response::Rating;

/// One request to send: a whole request of the batch, or some of its items.
#[derive(Debug, Clone)]
pub(super) struct Job {
    /// Which request of the batch, and which of its items.
    pub(super) group: Group,
    /// The items it carries.
    pub(super) items: Vec<String>,
    /// The exact body.
    pub(super) body: Rc<str>,
    /// The caller's index of its first item in the whole inquiry.
    pub(super) first: usize,
}

/// How one request ended: the answer read once (or why there is none), the attempts made, whether it left at
/// least once, and whether it is to be split to find its failing products.
#[derive(Debug)]
pub(super) struct Outcome {
    pub(super) result: Result<(Rating, Option<String>), (Failure, Option<Rating>)>,
    pub(super) attempts: u32,
    /// Whether the request was given to the transport at least once (answered, failed, timed out, or cut short
    /// by the caller's cancellation): what `requests` counts.
    pub(super) sent: bool,
    /// Whether it failed with a product-level error and its halves are queued ([`Sender::isolation`]); they
    /// are counted in `total` already.
    pub(super) split: bool,
}

impl Outcome {
    /// A request not sent, failed for `failure`.
    fn failed(failure: Failure, attempts: u32) -> Outcome {
        Outcome::after(attempts, false, failure)
    }

    /// A request that failed for good after `attempts`, `sent` or not.
    fn after(attempts: u32, sent: bool, failure: Failure) -> Outcome {
        Outcome {
            result: Err((failure, None)),
            attempts,
            sent,
            split: false,
        }
    }
}

/// What one call may change of the client's configuration, resolved.
#[derive(Debug, Clone, Copy)]
pub(super) struct Settings {
    pub(super) timeout_ms: u64,
    pub(super) retry: RetryPolicy,
    pub(super) isolate_failures: bool,
}

/// The sending state of one call, across its rounds.
pub(super) struct Sender<'a, R> {
    pub(super) client: &'a Client,
    pub(super) rt: &'a R,
    pub(super) kind: InquiryKind,
    pub(super) settings: Settings,
    pub(super) url: String,
    /// Requests answered, and requests planned: it grows by the two halves of a request that is to be split
    /// before that request counts as done, so `done` reaches `total` only when nothing is left to send.
    pub(super) done: Cell<usize>,
    pub(super) total: Cell<usize>,
    /// The search for the products that fail requests: which groups to send next.
    pub(super) isolation: RefCell<Isolation>,
    /// Set when a failure means every other request would fail the same way.
    pub(super) stop: Cell<bool>,
}

impl<R: Runtime> Sender<'_, R> {
    /// The failure of a request the caller's cancellation stopped.
    pub(super) fn cancelled(&self) -> Failure {
        if self.rt.timed_out() {
            Failure::Deadline
        } else {
            Failure::Aborted
        }
    }

    /// Sends every job, a few at a time, and returns their outcomes in job order.
    pub(super) async fn send_all(&self, jobs: &[Job]) -> Vec<Outcome> {
        let next = Cell::new(0usize);
        let outcomes: RefCell<Vec<Option<Outcome>>> =
            RefCell::new(std::iter::repeat_with(|| None).take(jobs.len()).collect());
        let worker = || async {
            loop {
                let index = next.get();
                let Some(job) = jobs.get(index) else {
                    break;
                };
                next.set(index + 1);
                let mut outcome = if self.rt.is_cancelled() {
                    Outcome::failed(self.cancelled(), 0)
                } else if self.stop.get() {
                    Outcome::failed(Failure::NotSent, 0)
                } else {
                    self.send_one(job).await
                };
                if let Err((f, _)) = &outcome.result {
                    if f.stops_the_batch() {
                        self.stop.set(true);
                    }
                }
                // A request to be split is done, but its halves are not: they join the total first.
                outcome.split = self.splits(job, &outcome);
                if outcome.split {
                    self.total.set(self.total.get() + 2);
                }
                // Only a request that was sent and came back (answered, or failed for good) is progress.
                let finished =
                    outcome.sent && !matches!(&outcome.result, Err((f, _)) if f.is_cancellation());
                if let Some(slot) = outcomes.borrow_mut().get_mut(index) {
                    *slot = Some(outcome);
                }
                if finished {
                    self.done.set(self.done.get() + 1);
                    self.rt.progress(self.done.get(), self.total.get());
                }
            }
        };
        let workers = self.client.config().concurrency.clamp(1, jobs.len().max(1));
        let futures: Vec<Pin<Box<dyn Future<Output = ()> + '_>>> =
            (0..workers).map(|_| Box::pin(worker()) as _).collect();
        join_all(futures).await;
        outcomes
            .into_inner()
            .into_iter()
            .map(|o| {
                o.unwrap_or_else(|| {
                    let failure = if self.rt.is_cancelled() {
                        self.cancelled()
                    } else {
                        Failure::NotSent
                    };
                    Outcome::failed(failure, 0)
                })
            })
            .collect()
    }

    /// Whether `outcome` (of `job`) is a product-level failure whose halves are now queued: the setting is on,
    /// and the group holds two products or more within the budget ([`Isolation::failed`]).
    fn splits(&self, job: &Job, outcome: &Outcome) -> bool {
        let product_level = matches!(&outcome.result, Err((f, None)) if is_product_level(f.code()));
        self.settings.isolate_failures
            && product_level
            && !self.isolation.borrow_mut().failed(job.group)
    }

    /// Sends one request within the quota, retrying while the policy allows, and reads its answer once.
    async fn send_one(&self, job: &Job) -> Outcome {
        let (rt, kind) = (self.rt, self.kind);
        let mut attempt = 0;
        let mut sent = false;
        loop {
            attempt += 1;
            // A place in the quota, held from when the request leaves until a window after it comes back.
            let place = loop {
                if rt.is_cancelled() {
                    return Outcome::after(attempt, sent, self.cancelled());
                }
                match self.client.throttle(kind, |t| t.try_send(rt.now_ms())) {
                    Ok(()) => {
                        break Place {
                            client: self.client,
                            kind,
                        }
                    }
                    Err(wait) if rt.sleep(wait).await.is_err() => {
                        return Outcome::after(attempt, sent, self.cancelled())
                    }
                    Err(_) => {}
                }
            };
            // Dropped without being given back as answered (the request could not be made): never sent.
            let request = match self.request(&job.body, rt.now_ms() / 1000) {
                Ok(request) => request,
                Err(e) => return Outcome::after(attempt, sent, Failure::Sign(e)),
            };
            // What the fetch function says when it fails may repeat what it was given: never the credentials.
            let secrets = credentials_of(&request);
            sent = true;
            let answer = rt.send(request).await;
            place.answered(rt.now_ms());
            // No answer because the caller ended the call (a transport sees a deadline signal as a timeout).
            if answer.is_err() && rt.is_cancelled() {
                return Outcome::after(attempt, sent, self.cancelled());
            }
            let (outcome, retry_after, failure) = match answer {
                Ok(response) => {
                    let request_id = response.request_id.as_deref();
                    match read_answer(kind, response.status, request_id, &response.body) {
                        Answered::Rated(rating) => {
                            return Outcome {
                                result: Ok((rating, response.request_id)),
                                attempts: attempt,
                                sent,
                                split: false,
                            }
                        }
                        Answered::Unreadable(e) => {
                            return Outcome::after(attempt, sent, Failure::Unreadable(e))
                        }
                        Answered::Failed {
                            error,
                            rating: Some(rating),
                        } => {
                            // A business error with the renewal's own failures: final, nothing to retry.
                            return Outcome {
                                result: Err((Failure::Api(error), Some(rating))),
                                attempts: attempt,
                                sent,
                                split: false,
                            };
                        }
                        Answered::Failed {
                            error,
                            rating: None,
                        } => (
                            AttemptOutcome::Status(response.status),
                            response.retry_after,
                            Failure::Api(error),
                        ),
                    }
                }
                Err(error) => {
                    match NoAnswer::of(error, &self.url, self.settings.timeout_ms, &secrets) {
                        NoAnswer::Retry(outcome, failure) => (outcome, None, failure),
                        NoAnswer::Final(failure) => return Outcome::after(attempt, sent, failure),
                        NoAnswer::Cancelled => {
                            return Outcome::after(attempt, sent, self.cancelled())
                        }
                    }
                }
            };
            let delay = self.settings.retry.next_delay_ms(
                attempt,
                outcome,
                retry_after.as_deref(),
                rt.now_ms(),
                rt.random(),
            );
            let Some(ms) = delay else {
                return Outcome::after(attempt, sent, failure);
            };
            rt.retrying(&RetryEvent {
                kind: match outcome {
                    AttemptOutcome::Status(_) => "status",
                    AttemptOutcome::Timeout => "timeout",
                    AttemptOutcome::Network | AttemptOutcome::Aborted => "network",
                },
                request: job.group.request,
                attempt,
                delay_ms: ms,
                code: failure.code(),
                status: failure.status(),
            });
            if rt.sleep(ms).await.is_err() {
                return Outcome::after(attempt, sent, self.cancelled());
            }
        }
    }

    /// The request for one attempt: content type, language, credentials (signed at `unix_seconds`). The body
    /// is shared, not copied, between attempts.
    fn request(&self, body: &Rc<str>, unix_seconds: u64) -> Result<HttpRequest, SignError> {
        let config = self.client.config();
        let headers = vec![
            ("Content-Type".to_owned(), "application/json".to_owned()),
            ("X-Language".to_owned(), config.language.header().to_owned()),
        ];
        let (url, headers) = authorize(
            &config.auth,
            "POST",
            &self.url,
            headers,
            body.as_bytes(),
            unix_seconds,
        )?;
        Ok(HttpRequest {
            method: "POST",
            url,
            headers,
            body: Rc::clone(body),
            timeout_ms: self.settings.timeout_ms,
        })
    }
}

/// A place taken in an API's quota. It is given back when the answer comes back ([`Place::answered`]), or, if it
/// is dropped first (the request could not be made, or the call's future was dropped), as never sent, so that
/// no path leaves a place taken for good.
struct Place<'c> {
    client: &'c Client,
    kind: InquiryKind,
}

impl Place<'_> {
    /// The request came back (answered, failed or timed out) at `now_ms`.
    fn answered(self, now_ms: u64) {
        self.client.throttle(self.kind, |t| t.answered(now_ms));
        std::mem::forget(self);
    }
}

impl Drop for Place<'_> {
    fn drop(&mut self) {
        self.client.throttle(self.kind, Throttle::not_sent);
    }
}
