//! How a call fails: each request that failed for good ([`Failure`], [`FailedPart`]), and the call as a whole
//! ([`CallError`], which keeps what was priced). Their `Display` is a short English phrase for logs; the plain
//! messages for people, in English or Chinese (`message()`), are in [`super::messages`].

use std::error::Error as StdError;
use std::fmt;

use super::credentials::scrub;
use super::retry::AttemptOutcome;
use super::runtime::TransportError;
use super::signing::SignError;
use crate::kind::InquiryKind;
use crate::quote::Quote;
use crate::response::{ApiError, MergeError, ResponseError};

/// Why one request of an inquiry failed for good.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Failure {
    /// The service or its gateway answered with an error.
    #[error("the service refused the request")]
    Api(#[source] ApiError),
    /// No answer within the timeout, on the last attempt.
    #[error("no answer within {timeout_ms} ms")]
    Timeout {
        /// The timeout, in milliseconds.
        timeout_ms: u64,
    },
    /// No answer at all, on the last attempt.
    #[error("could not reach {url}")]
    Network {
        /// The URL called.
        url: String,
        /// What the transport said.
        #[source]
        cause: TransportError,
    },
    /// The caller cancelled.
    #[error("the price inquiry was cancelled")]
    Aborted,
    /// The caller's signal ended the call because its time ran out (`AbortSignal.timeout`).
    #[error("the caller's deadline passed")]
    Deadline,
    /// The request was never sent: an earlier one failed in a way every request would (credentials, site),
    /// or the caller cancelled first.
    #[error("not sent: an earlier request failed in a way every request would")]
    NotSent,
    /// A success answer that could not be read.
    #[error("the answer could not be read")]
    Unreadable(#[source] ResponseError),
    /// The request could not be signed.
    #[error("the request could not be signed")]
    Sign(#[source] SignError),
    /// The answer has no price for the part's items (of those it carried, the ones listed).
    #[error("the answer has no price for some items")]
    Unanswered,
    /// The answer does not fit with the answers to the other parts of the inquiry: it names another currency,
    /// or its amounts cannot be added to theirs exactly.
    #[error("the answer does not fit with the others")]
    Inconsistent(#[source] MergeError),
}

impl Failure {
    /// A stable code: the API's (`CBC.0154`, `APIG.0308`, `HTTP.502`), or `TIMEOUT`, `NETWORK`, `ABORTED`,
    /// `NOT_SENT`, `BAD_RESPONSE`, `SIGNING_FAILED`, `INCOMPLETE_ANSWER`, `INCONSISTENT_ANSWERS`.
    pub fn code(&self) -> &str {
        match self {
            Failure::Api(error) => &error.code,
            Failure::Timeout { .. } => "TIMEOUT",
            Failure::Network { .. } => "NETWORK",
            Failure::Aborted => "ABORTED",
            Failure::Deadline => "TIMEOUT",
            Failure::NotSent => "NOT_SENT",
            Failure::Unreadable(_) => "BAD_RESPONSE",
            Failure::Sign(_) => "SIGNING_FAILED",
            Failure::Unanswered => "INCOMPLETE_ANSWER",
            Failure::Inconsistent(_) => "INCONSISTENT_ANSWERS",
        }
    }

    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            Failure::Api(error) => Some(error.status),
            _ => None,
        }
    }

    /// The request id the service gave, when it gave one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Failure::Api(error) => error.request_id.as_deref(),
            _ => None,
        }
    }

    /// Whether every other request of the inquiry would fail the same way (credentials, permission, site).
    pub(crate) fn stops_the_batch(&self) -> bool {
        matches!(self, Failure::Sign(_))
            || self.is_cancellation()
            || matches!(self.status(), Some(401 | 403))
    }

    /// Whether the caller ended the call: a cancellation, or the caller's deadline.
    pub fn is_cancellation(&self) -> bool {
        matches!(self, Failure::Aborted | Failure::Deadline)
    }
}

/// One request of an inquiry that failed for good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedPart {
    /// Position of the request in the batch (0-based); the failures of one request split to find its failing
    /// products share it.
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
    /// The requests (or the products of a split request) that failed, in input order.
    pub failed: Vec<FailedPart>,
    /// Requests sent (each once, however many attempts it took), those sent to find the products that failed a
    /// request included; a request cut short by the caller's cancellation counts, one never sent does not.
    /// The same count as a quote's [`Quote::requests`].
    pub requests: usize,
    /// Items (products or resource ids) in the inquiry.
    pub items: usize,
    /// The items that were priced, as one quote; `None` when nothing was.
    pub partial: Option<Quote>,
}

impl CallError {
    /// The failure that explains the error best: the cancellation if there was one, else the first failure
    /// that is not "not sent".
    pub fn headline(&self) -> Option<&FailedPart> {
        self.failed
            .iter()
            .find(|p| p.failure.is_cancellation())
            .or_else(|| self.failed.iter().find(|p| p.failure != Failure::NotSent))
            .or(self.failed.first())
    }

    /// The headline's code (`NOT_SENT` if, against every expectation, nothing failed).
    pub fn code(&self) -> &str {
        self.headline().map_or("NOT_SENT", |p| p.failure.code())
    }

    /// How many requests of the batch failed, in whole or in part (a request split to find its failing
    /// products has one entry per failing product).
    pub fn failed_requests(&self) -> usize {
        let mut requests: Vec<usize> = self.failed.iter().map(|p| p.index).collect();
        requests.dedup();
        requests.len()
    }

    /// The items (product ids or resource ids) that were not priced, in input order.
    pub fn failed_items(&self) -> Vec<&str> {
        self.failed
            .iter()
            .flat_map(|p| p.items.iter().map(String::as_str))
            .collect()
    }
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let failed = self.failed_items().len();
        write!(
            f,
            "{} of {} items of a {} inquiry were not priced",
            failed,
            self.items.max(failed),
            self.kind.label()
        )
    }
}

impl StdError for CallError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.headline().map(|part| &part.failure as _)
    }
}

/// What a request that got no HTTP answer means, for every API the client calls.
#[derive(Debug)]
pub(crate) enum NoAnswer {
    /// Another attempt may get one: how the retry policy sees it, and the failure if none is left.
    Retry(AttemptOutcome, Failure),
    /// Not an HTTP answer at all (a fetch function that resolved to something else): final.
    Final(Failure),
    /// The caller cancelled.
    Cancelled,
}

impl NoAnswer {
    /// What `error` means for a request to `url` that waited at most `timeout_ms`; what the transport said is
    /// kept without `secrets` (the request's credentials).
    pub(crate) fn of(
        error: TransportError,
        url: &str,
        timeout_ms: u64,
        secrets: &[String],
    ) -> NoAnswer {
        match error {
            TransportError::Timeout => {
                NoAnswer::Retry(AttemptOutcome::Timeout, Failure::Timeout { timeout_ms })
            }
            TransportError::Network { detail, thrown } => NoAnswer::Retry(
                AttemptOutcome::Network,
                Failure::Network {
                    url: url.to_owned(),
                    cause: TransportError::Network {
                        detail: scrub(&detail, secrets),
                        thrown,
                    },
                },
            ),
            TransportError::BadResponse(detail) => {
                NoAnswer::Final(Failure::Unreadable(ResponseError {
                    path: String::new(),
                    message: detail,
                }))
            }
            TransportError::Aborted => NoAnswer::Cancelled,
        }
    }
}
