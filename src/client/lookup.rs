//! The six product-information look-ups (§4.1): every page fetched for the caller through the pure
//! [`Pager`], each `GET` within its API's quota (10 a second, shared with every client of this thread that
//! calls the same URL), signed with the query exactly as sent, retried like the rating calls, and kept for
//! the client's `catalogue_ttl_ms`. Identical calls in flight share one set of requests.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::authorize::authorize;
use super::call::CallOptions;
use super::credentials::credentials_of;
use super::error::{Failure, NoAnswer};
use super::retry::AttemptOutcome;
use super::runtime::{HttpRequest, RetryEvent, Runtime};
use super::shared::{shared_quota, Client};
use super::signing::SignError;
use super::throttle::{Throttle, MARGIN_MS, POLL_MS};
use crate::catalogue::cache::Cache;
use crate::catalogue::lookup::read_page;
use crate::catalogue::{Entry, Lookup, Pager, PagingError, PagingWarning, Step};
use crate::language::Language;
use crate::response::api_error::classify;
use crate::response::ResponseError;
use crate::validate::sort::sort;

pub use super::config::DEFAULT_TTL_MS;

/// One look-up with its filter, in the language asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupQuery {
    /// Which API.
    pub lookup: Lookup,
    /// Filter parameters (`service_type_code`, `resource_type_code`, `measure_type`), sorted by name.
    pub params: Vec<(&'static str, String)>,
    /// `X-Language`, and so the language of the names.
    pub language: Language,
}

impl LookupQuery {
    /// A query of `lookup` with `params` (any order) in `language`.
    pub fn new(
        lookup: Lookup,
        mut params: Vec<(&'static str, String)>,
        language: Language,
    ) -> Self {
        sort(&mut params);
        LookupQuery {
            lookup,
            params,
            language,
        }
    }

    /// What identifies the query's answer: API, filter and language.
    pub fn key(&self) -> String {
        format!(
            "{}?{}#{}",
            self.lookup.name(),
            self.query(None),
            self.language.header()
        )
    }

    /// The query string of one page, names in order (`limit` < `offset` < filters would not be sorted, so the
    /// whole list is sorted): what is sent is already the signer's canonical query string.
    pub fn query(&self, page: Option<(u64, u64)>) -> String {
        let mut pairs: Vec<(&str, String)> =
            self.params.iter().map(|(k, v)| (*k, encode(v))).collect();
        if let Some((offset, limit)) = page {
            pairs.push(("limit", limit.to_string()));
            pairs.push(("offset", offset.to_string()));
        }
        sort(&mut pairs);
        let parts: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        parts.join("&")
    }
}

/// Percent-encodes every byte but `A–Z a–z 0–9 _ . - ~`, as the signer's canonical query does.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What a look-up gathered: its entries, in order, each once, and what the caller should be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The entries.
    pub entries: Vec<Entry>,
    /// Warnings from gathering the pages.
    pub warnings: Vec<PagingWarning>,
}

/// Why a look-up gave no list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    /// A request failed for good.
    #[error("the {} look-up failed", .lookup.name())]
    Failed {
        /// Which API.
        lookup: Lookup,
        /// Why.
        #[source]
        failure: Failure,
        /// Attempts made of the request that failed.
        attempts: u32,
    },
    /// The list is larger than a look-up gathers.
    #[error("the {} look-up stopped", .lookup.name())]
    TooLarge {
        /// Which API.
        lookup: Lookup,
        /// The bound passed.
        #[source]
        cause: PagingError,
    },
}

impl LookupError {
    /// A stable code: the failure's (`CBC.0100`, `APIG.0308`, `TIMEOUT`, …) or `CATALOGUE_TOO_LARGE`.
    pub fn code(&self) -> &str {
        match self {
            LookupError::Failed { failure, .. } => failure.code(),
            LookupError::TooLarge { .. } => "CATALOGUE_TOO_LARGE",
        }
    }

    /// The failure, when a request failed.
    pub fn failure(&self) -> Option<&Failure> {
        match self {
            LookupError::Failed { failure, .. } => Some(failure),
            LookupError::TooLarge { .. } => None,
        }
    }

    /// Whether the caller ended the call.
    pub fn is_cancellation(&self) -> bool {
        self.failure().is_some_and(Failure::is_cancellation)
    }
}

/// The outcome of a look-up, shared by the calls that wait for it.
type Outcome = Result<Rc<Listing>, LookupError>;

/// A client's look-ups: what it keeps, and what is being asked now.
#[derive(Debug)]
pub struct Lookups {
    cache: RefCell<Cache<Rc<Listing>>>,
    /// Queries being asked, by key: the outcome once there is one.
    in_flight: RefCell<HashMap<String, Rc<RefCell<Option<Outcome>>>>>,
}

impl Lookups {
    /// Look-ups kept for `ttl_ms` milliseconds.
    pub fn new(ttl_ms: u64) -> Self {
        Lookups {
            cache: RefCell::new(Cache::new(ttl_ms)),
            in_flight: RefCell::new(HashMap::new()),
        }
    }

    /// Forgets every answer kept.
    pub fn clear(&self) {
        self.cache.borrow_mut().clear();
    }

    /// The list `query` gives: kept, being asked by another call (then its answer), or asked now.
    pub async fn get<R: Runtime>(
        &self,
        client: &Client,
        rt: &R,
        query: &LookupQuery,
        options: &CallOptions,
    ) -> Outcome {
        let key = query.key();
        loop {
            if let Some(kept) = self.cache.borrow_mut().get(&key, rt.now_ms()) {
                return Ok(kept);
            }
            let asked = self.in_flight.borrow().get(&key).cloned();
            let Some(slot) = asked else { break };
            // Another call is asking: wait for its outcome (a cancelled one is asked again).
            loop {
                if let Some(outcome) = slot.borrow().clone() {
                    match outcome {
                        Err(e) if e.is_cancellation() => break,
                        outcome => return outcome,
                    }
                }
                if rt.sleep(POLL_MS).await.is_err() {
                    return Err(cancelled(query.lookup, rt));
                }
            }
            if self
                .in_flight
                .borrow()
                .get(&key)
                .is_some_and(|s| Rc::ptr_eq(s, &slot))
            {
                self.in_flight.borrow_mut().remove(&key);
            }
        }
        let slot = Rc::new(RefCell::new(None));
        self.in_flight
            .borrow_mut()
            .insert(key.clone(), Rc::clone(&slot));
        let outcome = gather(client, rt, query, options).await.map(Rc::new);
        if let Ok(listing) = &outcome {
            self.cache
                .borrow_mut()
                .put(key.clone(), Rc::clone(listing), rt.now_ms());
        }
        *slot.borrow_mut() = Some(outcome.clone());
        self.in_flight.borrow_mut().remove(&key);
        outcome
    }
}

/// The failure of a call the caller ended: its deadline, or a cancellation.
fn cancellation<R: Runtime>(rt: &R) -> Failure {
    if rt.timed_out() {
        Failure::Deadline
    } else {
        Failure::Aborted
    }
}

fn cancelled<R: Runtime>(lookup: Lookup, rt: &R) -> LookupError {
    LookupError::Failed {
        lookup,
        failure: cancellation(rt),
        attempts: 0,
    }
}

/// Every page of `query`, in order.
async fn gather<R: Runtime>(
    client: &Client,
    rt: &R,
    query: &LookupQuery,
    options: &CallOptions,
) -> Result<Listing, LookupError> {
    let lookup = query.lookup;
    let url = format!("{}{}", client.config().endpoint.base(), lookup.path());
    let quota = shared_quota(url.clone(), || {
        Throttle::new(lookup.quota_per_second(), 1_000 + MARGIN_MS)
    });
    let mut pager = Pager::new(lookup.page_limit());
    let mut page_number = 0;
    while let Step::Fetch(page) = pager.next() {
        let query_string = query.query(page);
        let full = if query_string.is_empty() {
            url.clone()
        } else {
            format!("{url}?{query_string}")
        };
        let (body, _attempts) = fetch(client, rt, &quota, &full, query, options, page_number)
            .await
            .map_err(|(failure, attempts)| LookupError::Failed {
                lookup,
                failure,
                attempts,
            })?;
        let read = read_page(lookup, &body).map_err(|e| LookupError::Failed {
            lookup,
            failure: Failure::Unreadable(ResponseError {
                path: String::new(),
                message: e.to_string(),
            }),
            attempts: 1,
        })?;
        pager
            .take(read)
            .map_err(|cause| LookupError::TooLarge { lookup, cause })?;
        page_number += 1;
    }
    let (entries, warnings) = pager.finish();
    Ok(Listing { entries, warnings })
}

/// One `GET` within the quota, retried while the policy allows: the success body, or the failure and the
/// attempts made.
async fn fetch<R: Runtime>(
    client: &Client,
    rt: &R,
    quota: &Rc<RefCell<Throttle>>,
    url: &str,
    query: &LookupQuery,
    options: &CallOptions,
    page: usize,
) -> Result<(String, u32), (Failure, u32)> {
    let config = client.config();
    let timeout_ms = options.timeout_ms.unwrap_or(config.timeout_ms);
    let retry = options.retry.unwrap_or(config.retry);
    let mut attempt = 0;
    loop {
        attempt += 1;
        loop {
            if rt.is_cancelled() {
                return Err((cancellation(rt), attempt));
            }
            let wait = quota.borrow_mut().try_send(rt.now_ms());
            match wait {
                Ok(()) => break,
                Err(ms) => {
                    if rt.sleep(ms).await.is_err() {
                        return Err((cancellation(rt), attempt));
                    }
                }
            }
        }
        let request = match request(client, url, query.language, timeout_ms, rt.now_ms() / 1000) {
            Ok(request) => request,
            Err(e) => {
                quota.borrow_mut().not_sent();
                return Err((Failure::Sign(e), attempt));
            }
        };
        let secrets = credentials_of(&request);
        let sent = rt.send(request).await;
        quota.borrow_mut().answered(rt.now_ms());
        if sent.is_err() && rt.is_cancelled() {
            return Err((cancellation(rt), attempt));
        }
        let (outcome, retry_after, failure) = match sent {
            Ok(response) => match classify(
                response.status,
                response.request_id.as_deref(),
                &response.body,
            ) {
                Ok(()) => return Ok((response.body, attempt)),
                Err(error) => (
                    AttemptOutcome::Status(response.status),
                    response.retry_after,
                    Failure::Api(error),
                ),
            },
            Err(error) => match NoAnswer::of(error, url, timeout_ms, &secrets) {
                NoAnswer::Retry(outcome, failure) => (outcome, None, failure),
                NoAnswer::Final(failure) => return Err((failure, attempt)),
                NoAnswer::Cancelled => return Err((cancellation(rt), attempt)),
            },
        };
        let delay = retry.next_delay_ms(
            attempt,
            outcome,
            retry_after.as_deref(),
            rt.now_ms(),
            rt.random(),
        );
        let Some(ms) = delay else {
            return Err((failure, attempt));
        };
        rt.retrying(&RetryEvent {
            kind: match outcome {
                AttemptOutcome::Status(_) => "status",
                AttemptOutcome::Timeout => "timeout",
                AttemptOutcome::Network | AttemptOutcome::Aborted => "network",
            },
            request: page,
            attempt,
            delay_ms: ms,
            code: failure.code(),
            status: failure.status(),
        });
        if rt.sleep(ms).await.is_err() {
            return Err((cancellation(rt), attempt));
        }
    }
}

/// The `GET` of one attempt: language, credentials (signed at `unix_seconds`, the query as sent).
fn request(
    client: &Client,
    url: &str,
    language: Language,
    timeout_ms: u64,
    unix_seconds: u64,
) -> Result<HttpRequest, SignError> {
    let headers = vec![("X-Language".to_owned(), language.header().to_owned())];
    let (url, headers) = authorize(
        &client.config().auth,
        "GET",
        url,
        headers,
        b"",
        unix_seconds,
    )?;
    Ok(HttpRequest {
        method: "GET",
        url,
        headers,
        body: Rc::from(""),
        timeout_ms,
    })
}

#[cfg(test)]
#[path = "lookup_tests.rs"]
mod tests;
