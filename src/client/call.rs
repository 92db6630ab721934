//! The rating client: sends validated inquiries, splits batches into requests, keeps within each API's quota,
//! retries what may succeed later, and merges the answers back into one [`Quote`].
//!
//! All I/O goes through a [`Runtime`]: HTTP, the clock, sleeping, randomness, cancellation and progress. The
//! JavaScript bindings supply one over `fetch`; the tests supply a scripted one with a fake clock.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;

use super::endpoint::{Endpoint, Site};
use super::join::join_all;
use super::retry::{AttemptOutcome, RetryPolicy, Throttle};
use super::signing::{sign, SignError, SignRequest};
use super::Secret;
use crate::breakdown::{asked, Asked};
use crate::inquiry::{InquiryKind, OnDemandInquiry, PeriodInquiry, RenewalInquiry, Validated};
use crate::response::api_error::{classify, ApiError, Language};
use crate::response::{MergeError, Rating, ResponseError};

/// How requests are authenticated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// Nothing: a proxy in front of the API adds the credentials.
    None,
    /// An IAM token, sent as `X-Auth-Token`.
    Token(Secret),
    /// An access key pair; every request is signed (`SDK-HMAC-SHA256`).
    AccessKey {
        /// Access key id.
        ak: String,
        /// Secret access key.
        sk: Secret,
        /// Sent as `X-Domain-Id` when given.
        domain_id: Option<String>,
    },
}

/// Everything a client is configured with.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Where requests go, and which site that is.
    pub endpoint: Endpoint,
    /// How requests are authenticated.
    pub auth: Auth,
    /// `X-Language`, and the language of error messages.
    pub language: Language,
    /// Longest wait for one answer, in milliseconds.
    pub timeout_ms: u64,
    /// When to try again.
    pub retry: RetryPolicy,
    /// Requests of one batch in flight at once (at least 1).
    pub concurrency: usize,
}

impl ClientConfig {
    /// A configuration for `endpoint` with the defaults: the site's language, 30 s timeout, 4 attempts,
    /// 4 requests in flight.
    pub fn new(endpoint: Endpoint, auth: Auth) -> Self {
        ClientConfig {
            language: endpoint.site().language(),
            endpoint,
            auth,
            timeout_ms: 30_000,
            retry: RetryPolicy::default(),
            concurrency: 4,
        }
    }
}

/// An HTTP request ready for the transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// Absolute URL, or a path on the page's origin.
    pub url: String,
    /// Headers to send (the method is always `POST`).
    pub headers: Vec<(String, String)>,
    /// The exact JSON body.
    pub body: String,
    /// Give up waiting for the answer (headers and body) after this many milliseconds.
    pub timeout_ms: u64,
}

/// What the transport got back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HttpResponse {
    /// HTTP status.
    pub status: u16,
    /// The `X-Request-Id` header.
    pub request_id: Option<String>,
    /// The `Retry-After` header.
    pub retry_after: Option<String>,
    /// The body as text.
    pub body: String,
}

/// Why the transport got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// Connection refused or reset, DNS, CORS, an unreadable body: the detail says which when known.
    Network(String),
    /// No complete answer within the timeout.
    Timeout,
    /// The caller cancelled.
    Aborted,
}

/// The caller cancelled while the client was waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// The outside world of one call.
#[allow(async_fn_in_trait)] // single-threaded by design: WebAssembly in a page, a worker or Node
pub trait Runtime {
    /// Sends one request.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
    /// Waits `ms` milliseconds, or less if the caller cancels (then `Err`).
    async fn sleep(&self, ms: u64) -> Result<(), Cancelled>;
    /// Unix time in milliseconds.
    fn now_ms(&self) -> u64;
    /// A random number in `[0, 1)`, for jitter.
    fn random(&self) -> f64;
    /// Whether the caller has cancelled.
    fn is_cancelled(&self) -> bool;
    /// Reports `done` of `total` requests finished (priced or failed for good).
    fn progress(&self, done: usize, total: usize);
}

/// Why one request of an inquiry failed for good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The service or its gateway answered with an error. `answer` keeps a 2xx body that carried an
    /// `error_code` (renew-rate), whose per-resource failures still count.
    Api {
        /// The error.
        error: ApiError,
        /// The body of a 2xx answer.
        answer: Option<String>,
    },
    /// No answer within the timeout, on the last attempt.
    Timeout {
        /// The timeout, in milliseconds.
        timeout_ms: u64,
    },
    /// No answer at all, on the last attempt.
    Network {
        /// The URL called.
        url: String,
        /// What the transport said.
        detail: String,
    },
    /// The caller cancelled.
    Aborted,
    /// The request was never sent: an earlier one failed in a way every request would (credentials, site),
    /// or the caller cancelled first.
    NotSent,
    /// A success answer that could not be read.
    Unreadable(ResponseError),
    /// The request could not be signed.
    Sign(SignError),
}

impl Failure {
    /// A stable code: the API's (`CBC.0154`, `APIG.0308`, `HTTP.502`), or `TIMEOUT`, `NETWORK`, `ABORTED`,
    /// `NOT_SENT`, `BAD_RESPONSE`, `SIGNING_FAILED`.
    pub fn code(&self) -> &str {
        match self {
            Failure::Api { error, .. } => &error.code,
            Failure::Timeout { .. } => "TIMEOUT",
            Failure::Network { .. } => "NETWORK",
            Failure::Aborted => "ABORTED",
            Failure::NotSent => "NOT_SENT",
            Failure::Unreadable(_) => "BAD_RESPONSE",
            Failure::Sign(_) => "SIGNING_FAILED",
        }
    }

    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            Failure::Api { error, .. } => Some(error.status),
            _ => None,
        }
    }

    /// The request id the service gave, when it gave one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Failure::Api { error, .. } => error.request_id.as_deref(),
            _ => None,
        }
    }

    /// What happened, in plain words, with the server's own text when there was one.
    pub fn message(&self, language: Language, site: Site) -> String {
        let en = language == Language::English;
        match self {
            Failure::Api { error, .. } => {
                error.message(language, Some(&site.other().describe(language)))
            }
            Failure::Timeout { timeout_ms } if en => {
                format!("No answer within {timeout_ms} ms (the timeoutMs option).")
            }
            Failure::Timeout { timeout_ms } => {
                format!("{timeout_ms} 毫秒内没有应答（timeoutMs 选项）。")
            }
            Failure::Network { url, detail } if en => {
                format!("Could not reach {url}: {detail}")
            }
            Failure::Network { url, detail } => format!("无法访问 {url}：{detail}"),
            Failure::Aborted if en => "The price inquiry was cancelled.".to_owned(),
            Failure::Aborted => "询价已取消。".to_owned(),
            Failure::NotSent if en => {
                "Not sent: an earlier request of this inquiry failed in a way every request would."
                    .to_owned()
            }
            Failure::NotSent => {
                "未发送：本次询价中较早的请求已失败，其余请求也会同样失败。".to_owned()
            }
            Failure::Unreadable(e) if en => format!("The answer could not be read: {e}"),
            Failure::Unreadable(e) => format!("无法解析应答：{e}"),
            Failure::Sign(e) if en => format!("The request could not be signed: {e}"),
            Failure::Sign(e) => format!("无法签名请求：{e}"),
        }
    }

    /// Whether every other request of the inquiry would fail the same way (credentials, permission, site).
    fn stops_the_batch(&self) -> bool {
        matches!(self, Failure::Sign(_) | Failure::Aborted)
            || matches!(self.status(), Some(401 | 403))
    }
}

/// One request of an inquiry that failed for good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedPart {
    /// Position of the request in the batch (0-based).
    pub index: usize,
    /// The items it carried: product ids, or resource ids.
    pub items: Vec<String>,
    /// Why it failed.
    pub failure: Failure,
    /// Attempts made.
    pub attempts: u32,
}

/// An inquiry that could not be priced in full.
#[derive(Debug, Clone, PartialEq)]
pub struct CallError {
    /// The kind of inquiry.
    pub kind: InquiryKind,
    /// The requests that failed, in batch order.
    pub failed: Vec<FailedPart>,
    /// Requests in the batch.
    pub requests: usize,
    /// The items that were priced, as one quote; `None` when nothing was.
    pub partial: Option<Quote>,
    /// Set when the answers could not be merged (never with `failed` requests).
    pub merge: Option<MergeError>,
}

impl CallError {
    /// The failure that explains the error best: the cancellation if there was one, else the first failure
    /// that is not "not sent".
    pub fn headline(&self) -> Option<&FailedPart> {
        self.failed
            .iter()
            .find(|p| p.failure == Failure::Aborted)
            .or_else(|| self.failed.iter().find(|p| p.failure != Failure::NotSent))
            .or(self.failed.first())
    }

    /// The headline's code, or `INCONSISTENT_ANSWERS` when the answers could not be merged.
    pub fn code(&self) -> &str {
        self.headline()
            .map_or("INCONSISTENT_ANSWERS", |p| p.failure.code())
    }

    /// The items (product ids or resource ids) that were not priced, in input order.
    pub fn failed_items(&self) -> Vec<&str> {
        self.failed
            .iter()
            .flat_map(|p| p.items.iter().map(String::as_str))
            .collect()
    }

    /// The whole story in plain words: which requests and items failed, then the headline's message.
    pub fn message(&self, language: Language, site: Site) -> String {
        let en = language == Language::English;
        let Some(head) = self.headline() else {
            let detail = self
                .merge
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            return if en {
                format!("The answers to the parts of the inquiry do not fit together: {detail}")
            } else {
                format!("询价各部分的应答无法合并：{detail}")
            };
        };
        let message = head.failure.message(language, site);
        if self.requests <= 1 {
            return message;
        }
        let items = self.failed_items();
        const SHOWN: usize = 5;
        let mut list = items
            .iter()
            .take(SHOWN)
            .map(|i| crate::validate::input::Quoted(i).to_string())
            .collect::<Vec<_>>()
            .join(", ");
        if items.len() > SHOWN {
            list.push_str(&if en {
                format!(" and {} more", items.len() - SHOWN)
            } else {
                format!(" 等 {} 项", items.len())
            });
        }
        if en {
            format!(
                "{} of {} requests failed; not priced: {list}. {message}",
                self.failed.len(),
                self.requests
            )
        } else {
            format!(
                "{} 个请求中有 {} 个失败，未询价：{list}。{message}",
                self.requests,
                self.failed.len()
            )
        }
    }
}

/// A priced inquiry.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The answer, merged when the inquiry was split.
    pub rating: Rating,
    /// The currency of the amounts: the answer's, or the site's when the answer left it blank.
    pub currency: String,
    /// Whether `currency` came from the site because the answer left it blank.
    pub currency_defaulted: bool,
    /// Requests sent (1 unless the inquiry was split; 0 for a saved answer).
    pub requests: usize,
    /// Attempts made in all, retries included.
    pub attempts: u32,
    /// The request ids the service gave, in batch order.
    pub request_ids: Vec<String>,
    /// What was asked for each item, in input order (empty for a saved answer given without its inquiry).
    pub asked: Vec<Asked>,
    /// The language of the client that priced it: the default for breakdowns.
    pub language: Language,
}

impl Quote {
    /// A quote of an answer already at hand; a blank currency means `site`'s.
    pub fn from_rating(rating: Rating, site: Site) -> Quote {
        let (currency, currency_defaulted) = match rating.currency() {
            Some(c) => (c.to_owned(), false),
            None => (site.currency().to_owned(), true),
        };
        Quote {
            rating,
            currency,
            currency_defaulted,
            requests: 0,
            attempts: 0,
            request_ids: Vec::new(),
            asked: Vec::new(),
            language: site.language(),
        }
    }

    /// The kind of inquiry priced.
    pub fn kind(&self) -> InquiryKind {
        self.rating.kind()
    }

    /// A quote of a saved answer of `kind`'s API (its JSON text), with no network. An answer that is an error
    /// (an `error_code`) is an error, except renew-rate's, whose failed resources belong in the quote.
    pub fn from_response(kind: InquiryKind, text: &str, site: Site) -> Result<Quote, Failure> {
        if let Err(error) = classify(200, None, text) {
            if kind != InquiryKind::Renewal {
                return Err(Failure::Api {
                    error,
                    answer: None,
                });
            }
        }
        let rating = Rating::from_json(kind, text).map_err(Failure::Unreadable)?;
        Ok(Quote::from_rating(rating, site))
    }
}

/// One request of a batch: its body and the items it carries.
#[derive(Debug, Clone)]
struct Part {
    items: Vec<String>,
    body: String,
}

/// A request that succeeded.
#[derive(Debug)]
struct Answer {
    body: String,
    request_id: Option<String>,
}

/// How one request ended.
#[derive(Debug)]
struct Outcome {
    result: Result<Answer, Failure>,
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

    /// Prices pay-per-use inquiries (the parts of one batch, in order).
    pub async fn price_on_demand<R: Runtime>(
        &self,
        rt: &R,
        parts: &[OnDemandInquiry],
    ) -> Result<Quote, CallError> {
        self.price(rt, parts, asked::on_demand(parts)).await
    }

    /// Prices yearly/monthly inquiries (the parts of one batch, in order).
    pub async fn price_period<R: Runtime>(
        &self,
        rt: &R,
        parts: &[PeriodInquiry],
    ) -> Result<Quote, CallError> {
        self.price(rt, parts, asked::period(parts)).await
    }

    /// Prices renewal inquiries (the parts of one batch, in order).
    pub async fn price_renewal<R: Runtime>(
        &self,
        rt: &R,
        parts: &[RenewalInquiry],
    ) -> Result<Quote, CallError> {
        self.price(rt, parts, asked::renewal(parts)).await
    }

    async fn price<R: Runtime, I: Validated>(
        &self,
        rt: &R,
        inquiries: &[I],
        asked: Vec<Asked>,
    ) -> Result<Quote, CallError> {
        let kind = I::KIND;
        let parts: Vec<Part> = inquiries
            .iter()
            .map(|p| Part {
                items: p.item_ids().into_iter().map(str::to_owned).collect(),
                body: p.body(),
            })
            .collect();
        let outcomes = self.send_all(rt, kind, &parts).await;
        let requests = parts.len();
        let mut ratings = Vec::new();
        let mut failed = Vec::new();
        let mut attempts = 0;
        let mut request_ids = Vec::new();
        for (index, (part, outcome)) in parts.into_iter().zip(outcomes).enumerate() {
            attempts += outcome.attempts;
            let failure = match outcome.result {
                Ok(answer) => match Rating::from_json(kind, &answer.body) {
                    Ok(rating) => {
                        ratings.push(rating);
                        request_ids.extend(answer.request_id);
                        continue;
                    }
                    Err(e) => Failure::Unreadable(e),
                },
                Err(failure) => failure,
            };
            // A renewal answer with an error code may still list per-resource failures: keep them.
            if let Failure::Api {
                answer: Some(body), ..
            } = &failure
            {
                ratings.extend(Rating::from_json(kind, body).ok());
            }
            failed.push(FailedPart {
                index,
                items: part.items,
                failure,
                attempts: outcome.attempts,
            });
        }
        let site = self.config.endpoint.site();
        let merged = if ratings.is_empty() {
            None
        } else {
            match Rating::merge(kind, ratings) {
                Ok(rating) => Some(Quote {
                    requests,
                    attempts,
                    request_ids,
                    asked,
                    language: self.config.language,
                    ..Quote::from_rating(rating, site)
                }),
                Err(merge) => {
                    return Err(CallError {
                        kind,
                        failed,
                        requests,
                        partial: None,
                        merge: Some(merge),
                    })
                }
            }
        };
        match merged {
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
                        result: Err(failure),
                        attempts: 0,
                    }
                } else {
                    self.send_one(rt, kind, part).await
                };
                if let Err(f) = &outcome.result {
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
                    result: Err(if cancelled {
                        Failure::Aborted
                    } else {
                        Failure::NotSent
                    }),
                    attempts: 0,
                })
            })
            .collect()
    }

    /// Sends one request within the quota, retrying while the policy allows.
    async fn send_one<R: Runtime>(&self, rt: &R, kind: InquiryKind, part: &Part) -> Outcome {
        let url = self.config.endpoint.url(kind);
        let slot = InquiryKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or_default();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let fail = |failure| Outcome {
                result: Err(failure),
                attempts: attempt,
            };
            let wait = self
                .throttles
                .borrow_mut()
                .get_mut(slot)
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
                    match classify(
                        response.status,
                        response.request_id.as_deref(),
                        &response.body,
                    ) {
                        Ok(()) => {
                            return Outcome {
                                result: Ok(Answer {
                                    body: response.body,
                                    request_id: response.request_id,
                                }),
                                attempts: attempt,
                            }
                        }
                        Err(error) => {
                            let success = (200..=299).contains(&response.status);
                            (
                                AttemptOutcome::Status(response.status),
                                response.retry_after,
                                Failure::Api {
                                    error,
                                    answer: success.then_some(response.body),
                                },
                            )
                        }
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
                        detail,
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

    /// The request for one attempt: content type, language, credentials (signed at `unix_seconds`).
    fn request(&self, url: &str, body: &str, unix_seconds: u64) -> Result<HttpRequest, SignError> {
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
            body: body.to_owned(),
            timeout_ms: self.config.timeout_ms,
        })
    }
}

#[cfg(test)]
#[path = "call_tests.rs"]
mod tests;
