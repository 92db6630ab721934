//! The rating client: sends validated inquiries, splits batches into requests, keeps within each API's quota,
//! retries what may succeed later, and merges the answers back into one [`Quote`].
//!
//! All I/O goes through a [`Runtime`]: HTTP, the clock, sleeping, randomness, cancellation and progress. The
//! JavaScript bindings supply one over `fetch`; the tests supply a scripted one with a fake clock.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use super::config::{Auth, ClientConfig};
use super::error::{CallError, FailedPart, Failure};
use super::join::join_all;
use super::retry::{AttemptOutcome, Throttle};
use super::runtime::{HttpRequest, Runtime, TransportError};
use super::signing::{sign, SignError, SignRequest};
use crate::kind::InquiryKind;
use crate::quote::{Asked, Described, Quote};
use crate::response::api_error::{read_answer, Answered};
use crate::response::Rating;

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
        let mut ratings = Vec::new();
        let mut failed = Vec::new();
        let mut attempts = 0;
        let mut request_ids = Vec::new();
        for (index, (part, outcome)) in parts.into_iter().zip(outcomes).enumerate() {
            attempts += outcome.attempts;
            match outcome.result {
                Ok((rating, request_id)) => {
                    ratings.push(rating);
                    request_ids.extend(request_id);
                }
                Err((failure, rating)) => {
                    // A renewal answer with an error code may still list per-resource failures: keep them.
                    ratings.extend(rating);
                    failed.push(FailedPart {
                        index,
                        items: part.items,
                        failure,
                        attempts: outcome.attempts,
                    });
                }
            }
        }
        let merged = match ratings.len() {
            0 => None,
            // One answer is the answer: nothing to merge.
            1 => ratings.pop(),
            _ => match Rating::merge(kind, ratings) {
                Ok(rating) => Some(rating),
                Err(merge) => {
                    return Err(CallError {
                        kind,
                        failed,
                        requests,
                        partial: None,
                        merge: Some(merge),
                    })
                }
            },
        };
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
                merge: None,
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
            let wait = self
                .throttles
                .borrow_mut()
                .get_mut(kind.index())
                .map_or(0, |t| t.reserve(rt.now_ms()));
            if rt.is_cancelled() || (wait > 0 && rt.sleep(wait).await.is_err()) {
                return fail(Failure::Aborted);
            }
            let request = match self.request(&url, &part.body, rt.now_ms() / 1000) {
                Ok(request) => request,
                Err(e) => return fail(Failure::Sign(e)),
            };
            let (outcome, retry_after, failure) = match rt.send(request).await {
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
                Err(cause @ TransportError::Network(_)) => (
                    AttemptOutcome::Network,
                    None,
                    Failure::Network {
                        url: url.clone(),
                        cause,
                    },
                ),
                Err(TransportError::Aborted) => return fail(Failure::Aborted),
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

#[cfg(test)]
#[path = "call_tests.rs"]
mod tests;
