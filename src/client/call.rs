//! The rating client: sends validated inquiries, splits batches into requests, keeps within each API's quota,
//! retries what may succeed later, and merges the answers back into one [`Quote`].
//!
//! All I/O goes through a [`Runtime`]: HTTP, the clock, sleeping, randomness, cancellation and progress. The
//! JavaScript bindings supply one over `fetch`; the tests supply a scripted one with a fake clock.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use super::accounting::{refuse_other_currencies, unanswered, Rated};
use super::config::{Auth, ClientConfig};
use super::credentials::{credentials_of, scrub};
use super::error::{CallError, FailedPart, Failure};
use super::join::join_all;
use super::retry::AttemptOutcome;
use super::runtime::{HttpRequest, Runtime, TransportError};
use super::signing::{sign, SignError, SignRequest};
use super::throttle::Throttle;
use crate::kind::InquiryKind;
use crate::quote::{Asked, Described, Quote};
use crate::response::api_error::{read_answer, Answered};
use crate::response::{Rating, ResponseError};

/// One request of a batch: its body and the items it carries.
#[derive(Debug, Clone)]
struct Part {
    items: Vec<String>,
    body: Rc<str>,
}

/// The requests of one inquiry, ready to send: what each carries, and what was asked for each item.
#[derive(Debug, Clone)]
pub struct Batch {
    kind: InquiryKind,
    parts: Vec<Part>,
    asked: Vec<Asked>,
}

impl Batch {
    /// The requests of `inquiries` (the parts of one batch, in order).
    pub fn of<I: Described>(inquiries: &[I]) -> Batch {
        Batch {
            kind: I::KIND,
            parts: inquiries
                .iter()
                .map(|p| Part {
                    items: p.item_ids().into_iter().map(str::to_owned).collect(),
                    body: p.body().into(),
                })
                .collect(),
            asked: I::asked(inquiries),
        }
    }
}

/// How one request ended: the answer read once (or why there is none), and the attempts made.
#[derive(Debug)]
struct Outcome {
    result: Result<(Rating, Option<String>), (Failure, Option<Rating>)>,
    attempts: u32,
}

/// A client of the three rating APIs. It throttles all the calls made through it together.
#[derive(Debug)]
pub struct Client {
    config: ClientConfig,
    /// One per API, in [`InquiryKind::ALL`] order.
    throttles: RefCell<[Throttle; 3]>,
}

impl Client {
    /// A client with `config`.
    pub fn new(config: ClientConfig) -> Self {
        Client {
            config,
            throttles: RefCell::new(InquiryKind::ALL.map(Throttle::for_kind)),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// Prices an inquiry: the parts of one batch (of any kind), in order.
    pub async fn price<R: Runtime, I: Described>(
        &self,
        rt: &R,
        inquiries: &[I],
    ) -> Result<Quote, CallError> {
        let batch = Batch::of(inquiries);
        self.price_batch(rt, batch).await
    }

    /// Prices a batch made by [`Batch::of`]. Not generic in the inquiry type, so that the WebAssembly module
    /// holds one copy of the sending machinery, not one per kind.
    pub async fn price_batch<R: Runtime>(&self, rt: &R, batch: Batch) -> Result<Quote, CallError> {
        let Batch { kind, parts, asked } = batch;
        let outcomes = self.send_all(rt, kind, &parts).await;
        let requests = parts.len();
        let mut rated = Vec::new();
        let mut failed = Vec::new();
        let mut attempts = 0;
        let mut request_ids = Vec::new();
        for (index, (part, outcome)) in parts.into_iter().zip(outcomes).enumerate() {
            attempts += outcome.attempts;
            let failed_part = |items, failure| FailedPart {
                index,
                items,
                failure,
                attempts: outcome.attempts,
            };
            match outcome.result {
                Ok((rating, request_id)) => {
                    request_ids.extend(request_id);
                    let missing = unanswered(&part.items, &rating);
                    if !part.items.is_empty() && missing.len() == part.items.len() {
                        // Nothing of this part is priced: its totals, if any, are not added.
                        failed.push(failed_part(part.items, Failure::Unanswered));
                        continue;
                    }
                    if !missing.is_empty() {
                        failed.push(failed_part(missing, Failure::Unanswered));
                    }
                    rated.push(Rated {
                        index,
                        items: part.items,
                        attempts: outcome.attempts,
                        rating,
                    });
                }
                Err((failure, rating)) => {
                    // A renewal answer with an error code may still list per-resource failures: keep them
                    // (its items are all in `failed` already, so it carries none).
                    rated.extend(rating.map(|rating| Rated {
                        index,
                        items: Vec::new(),
                        attempts: outcome.attempts,
                        rating,
                    }));
                    failed.push(failed_part(part.items, failure));
                }
            }
        }
        refuse_other_currencies(
            &mut rated,
            &mut failed,
            self.config.endpoint.site().currency(),
        );
        let merged = match rated.len() {
            0 => None,
            // One answer is the answer: nothing to merge.
            1 => rated.pop().map(|r| r.rating),
            _ => {
                let (carried, ratings): (Vec<_>, Vec<_>) = rated
                    .into_iter()
                    .map(|r| ((r.index, r.items, r.attempts), r.rating))
                    .unzip();
                match Rating::merge(kind, ratings) {
                    Ok(rating) => Some(rating),
                    Err(merge) => {
                        // Nothing can be added up: every part that was priced fails with the reason, and
                        // replaces any entry for some of its items.
                        let carried: Vec<_> = carried
                            .into_iter()
                            .filter(|(_, items, _)| !items.is_empty())
                            .collect();
                        let whole: HashSet<usize> = carried.iter().map(|(i, _, _)| *i).collect();
                        failed.retain(|p| !whole.contains(&p.index));
                        failed.extend(carried.into_iter().map(|(index, items, attempts)| {
                            FailedPart {
                                index,
                                items,
                                failure: Failure::Inconsistent(merge.clone()),
                                attempts,
                            }
                        }));
                        None
                    }
                }
            }
        };
        // At most one entry per part, so no two keys are equal.
        failed.sort_unstable_by_key(|p| p.index);
        let quote = merged.map(|rating| Quote {
            requests,
            attempts,
            request_ids,
            asked,
            language: self.config.language,
            ..Quote::from_rating(rating, self.config.endpoint.site())
        });
        match quote {
            Some(quote) if failed.is_empty() => Ok(quote),
            partial => Err(CallError {
                kind,
                failed,
                requests,
                partial,
            }),
        }
    }

    /// Sends every part, a few at a time, and returns their outcomes in part order.
    async fn send_all<R: Runtime>(
        &self,
        rt: &R,
        kind: InquiryKind,
        parts: &[Part],
    ) -> Vec<Outcome> {
        let total = parts.len();
        let next = Cell::new(0usize);
        let done = Cell::new(0usize);
        let stop = Cell::new(false);
        let outcomes: RefCell<Vec<Option<Outcome>>> =
            RefCell::new(std::iter::repeat_with(|| None).take(total).collect());
        let worker = || async {
            loop {
                let index = next.get();
                let Some(part) = parts.get(index) else {
                    break;
                };
                next.set(index + 1);
                let skipped = if rt.is_cancelled() {
                    Some(Failure::Aborted)
                } else {
                    stop.get().then_some(Failure::NotSent)
                };
                let outcome = if let Some(failure) = skipped {
                    Outcome {
                        result: Err((failure, None)),
                        attempts: 0,
                    }
                } else {
                    self.send_one(rt, kind, part).await
                };
                if let Err((f, _)) = &outcome.result {
                    if f.stops_the_batch() {
                        stop.set(true);
                    }
                }
                if let Some(slot) = outcomes.borrow_mut().get_mut(index) {
                    *slot = Some(outcome);
                }
                done.set(done.get() + 1);
                rt.progress(done.get(), total);
            }
        };
        let workers = self.config.concurrency.clamp(1, total.max(1));
        let futures: Vec<Pin<Box<dyn Future<Output = ()> + '_>>> =
            (0..workers).map(|_| Box::pin(worker()) as _).collect();
        join_all(futures).await;
        let outcomes = outcomes.into_inner();
        let cancelled = rt.is_cancelled();
        outcomes
            .into_iter()
            .map(|o| {
                o.unwrap_or(Outcome {
                    result: Err((
                        if cancelled {
                            Failure::Aborted
                        } else {
                            Failure::NotSent
                        },
                        None,
                    )),
                    attempts: 0,
                })
            })
            .collect()
    }

    /// Runs `f` on `kind`'s throttle.
    fn throttle<T>(&self, kind: InquiryKind, f: impl FnOnce(&mut Throttle) -> T) -> T {
        let mut throttles = self.throttles.borrow_mut();
        let [on_demand, period, renewal] = &mut *throttles;
        f(match kind {
            InquiryKind::OnDemand => on_demand,
            InquiryKind::Period => period,
            InquiryKind::Renewal => renewal,
        })
    }

    /// Sends one request within the quota, retrying while the policy allows, and reads its answer once.
    async fn send_one<R: Runtime>(&self, rt: &R, kind: InquiryKind, part: &Part) -> Outcome {
        let url = self.config.endpoint.url(kind);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let fail = |failure| Outcome {
                result: Err((failure, None)),
                attempts: attempt,
            };
            // A place in the quota, held from when the request leaves until a window after it comes back.
            let place = loop {
                if rt.is_cancelled() {
                    return fail(Failure::Aborted);
                }
                match self.throttle(kind, |t| t.try_send(rt.now_ms())) {
                    Ok(()) => break Place { client: self, kind },
                    Err(wait) if rt.sleep(wait).await.is_err() => return fail(Failure::Aborted),
                    Err(_) => {}
                }
            };
            // Dropped without being given back as answered (the request could not be made): never sent.
            let request = match self.request(&url, &part.body, rt.now_ms() / 1000) {
                Ok(request) => request,
                Err(e) => return fail(Failure::Sign(e)),
            };
            // What the fetch function says when it fails may repeat what it was given: never the credentials.
            let secrets = credentials_of(&request);
            let sent = rt.send(request).await;
            place.answered(rt.now_ms());
            let (outcome, retry_after, failure) = match sent {
                Ok(response) => {
                    let request_id = response.request_id.as_deref();
                    match read_answer(kind, response.status, request_id, &response.body) {
                        Answered::Rated(rating) => {
                            return Outcome {
                                result: Ok((rating, response.request_id)),
                                attempts: attempt,
                            }
                        }
                        Answered::Unreadable(e) => return fail(Failure::Unreadable(e)),
                        Answered::Failed {
                            error,
                            rating: Some(rating),
                        } => {
                            // A business error with the renewal's own failures: final, nothing to retry.
                            return Outcome {
                                result: Err((Failure::Api(error), Some(rating))),
                                attempts: attempt,
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
                Err(TransportError::Timeout) => (
                    AttemptOutcome::Timeout,
                    None,
                    Failure::Timeout {
                        timeout_ms: self.config.timeout_ms,
                    },
                ),
                Err(TransportError::Network(detail)) => (
                    AttemptOutcome::Network,
                    None,
                    Failure::Network {
                        url: url.clone(),
                        cause: TransportError::Network(scrub(&detail, &secrets)),
                    },
                ),
                Err(TransportError::Aborted) => return fail(Failure::Aborted),
                // Not an HTTP answer at all (a fetch function that resolves to something else): final.
                Err(TransportError::BadResponse(detail)) => {
                    return fail(Failure::Unreadable(ResponseError {
                        path: String::new(),
                        message: detail,
                    }))
                }
            };
            let delay = self.config.retry.next_delay_ms(
                attempt,
                outcome,
                retry_after.as_deref(),
                rt.now_ms(),
                rt.random(),
            );
            match delay {
                Some(ms) if rt.sleep(ms).await.is_err() => return fail(Failure::Aborted),
                Some(_) => {}
                None => return fail(failure),
            }
        }
    }

    /// The request for one attempt: content type, language, credentials (signed at `unix_seconds`). The body
    /// is shared, not copied, between attempts.
    fn request(
        &self,
        url: &str,
        body: &Rc<str>,
        unix_seconds: u64,
    ) -> Result<HttpRequest, SignError> {
        let mut headers = vec![
            ("Content-Type".to_owned(), "application/json".to_owned()),
            (
                "X-Language".to_owned(),
                self.config.language.header().to_owned(),
            ),
        ];
        match &self.config.auth {
            Auth::None => {}
            Auth::Token(token) => {
                // EXPOSE: the token is the credential the service reads from this header.
                headers.push(("X-Auth-Token".to_owned(), token.expose().to_owned()));
            }
            Auth::AccessKey { ak, sk, domain_id } => {
                if let Some(domain) = domain_id {
                    headers.push(("X-Domain-Id".to_owned(), domain.clone()));
                }
                headers = sign(&SignRequest {
                    method: "POST",
                    url,
                    headers: &headers,
                    body: body.as_bytes(),
                    ak,
                    sk,
                    unix_seconds,
                })?;
                // The transport sets Host from the URL (the value signed); browsers refuse to set it.
                headers.retain(|(name, _)| !name.eq_ignore_ascii_case("host"));
            }
        }
        Ok(HttpRequest {
            url: url.to_owned(),
            headers,
            body: Rc::clone(body),
            timeout_ms: self.config.timeout_ms,
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

#[cfg(test)]
#[path = "call_tests/mod.rs"]
mod tests;
