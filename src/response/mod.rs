//! The answers of the three rating APIs, read exactly: every amount becomes a [`Decimal`] with exactly the
//! digits sent, whether it arrived as a JSON number (on-demand, subscribe-rate) or a string (renew-rate).
//! Unknown fields are ignored and `null` means "not given" everywhere, as NOTES.md asks. Each answer is read
//! once, in one pass over its text, business error and all, noting the result members that tell which API it
//! answers ([`recognise`]).
//!
//! [`Decimal`]: rust_decimal::Decimal

use crate::kind::InquiryKind;

pub mod api_error;
mod merge;
pub mod messages;
pub mod model;
mod read;
pub mod recognise;
mod write;

pub use api_error::ApiError;
pub use merge::MergeError;
pub use model::*;
pub use read::Envelope;
pub use recognise::{KindMismatch, Recognised};

/// An answer that could not be read, with the wire-name path of the offending value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unreadable answer at {}: {message}", if path.is_empty() { "the top" } else { path.as_str() })]
pub struct ResponseError {
    /// Wire-name path of the value, e.g. `product_rating_results[1].amount`; empty for the whole answer.
    pub path: String,
    /// What was expected and what was seen.
    pub message: String,
}

/// An answer of any of the three APIs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rating {
    /// Pay-per-use.
    OnDemand(OnDemandRating),
    /// Yearly/monthly.
    Period(PeriodRating),
    /// Renewal.
    Renewal(RenewalRating),
}

impl Rating {
    /// Reads the answer of `kind`'s API from its JSON text.
    pub fn from_json(kind: InquiryKind, text: &str) -> Result<Rating, ResponseError> {
        Rating::read(kind, text).map(|(rating, _)| rating)
    }

    /// Reads the answer of `kind`'s API from its JSON text, with what its top carries besides the data (a
    /// business error, a request id): the one reading of an answer.
    pub fn read(kind: InquiryKind, text: &str) -> Result<(Rating, Envelope), ResponseError> {
        Ok(match kind {
            InquiryKind::OnDemand => {
                let a = read::on_demand(text)?;
                (Rating::OnDemand(a.rating), a.envelope)
            }
            InquiryKind::Period => {
                let a = read::period(text)?;
                (Rating::Period(a.rating), a.envelope)
            }
            InquiryKind::Renewal => {
                let a = read::renewal(text)?;
                (Rating::Renewal(a.rating), a.envelope)
            }
        })
    }

    /// The kind of inquiry this answers.
    pub fn kind(&self) -> InquiryKind {
        match self {
            Rating::OnDemand(_) => InquiryKind::OnDemand,
            Rating::Period(_) => InquiryKind::Period,
            Rating::Renewal(_) => InquiryKind::Renewal,
        }
    }

    /// The `currency` the answer names, if not blank.
    pub fn currency(&self) -> Option<&str> {
        match self {
            Rating::OnDemand(r) => r.currency.as_deref(),
            Rating::Period(r) => r.currency.as_deref(),
            Rating::Renewal(r) => r.currency.as_deref(),
        }
        .filter(|c| !c.trim().is_empty())
    }

    /// The item ids the answer accounts for, in its order, repeats included: the ids of its priced lines
    /// (product ids; for yearly/monthly answers, the list-price lines; resource ids for renewals, with the
    /// resources it says could not be priced, each with the service's reason). A line with no id accounts for
    /// nothing.
    pub fn answered_ids(&self) -> Vec<&str> {
        let ids: Vec<Option<&String>> = match self {
            Rating::OnDemand(r) => r
                .product_rating_results
                .iter()
                .map(|l| l.id.as_ref())
                .collect(),
            // The list price is the line of a yearly/monthly product; an optional discount alone is no price.
            Rating::Period(r) => r
                .official_website_rating_result
                .iter()
                .flat_map(|l| l.product_rating_results.iter().map(|l| l.id.as_ref()))
                .collect(),
            Rating::Renewal(r) => r
                .renew_inquiry_results
                .iter()
                .map(|l| l.resource_id.as_ref())
                .chain(r.fail_resource_infos.iter().map(|f| f.resource_id.as_ref()))
                .collect(),
        };
        ids.into_iter().flatten().map(String::as_str).collect()
    }

    /// The answers of the parts of one split inquiry (all of one kind) as one answer.
    pub fn merge(kind: InquiryKind, parts: Vec<Rating>) -> Result<Rating, MergeError> {
        fn take<T>(parts: Vec<Rating>, pick: fn(Rating) -> Option<T>) -> Vec<T> {
            parts.into_iter().filter_map(pick).collect()
        }
        Ok(match kind {
            InquiryKind::OnDemand => {
                Rating::OnDemand(OnDemandRating::merge(take(parts, |r| match r {
                    Rating::OnDemand(r) => Some(r),
                    _ => None,
                }))?)
            }
            InquiryKind::Period => Rating::Period(PeriodRating::merge(take(parts, |r| match r {
                Rating::Period(r) => Some(r),
                _ => None,
            }))?),
            InquiryKind::Renewal => {
                Rating::Renewal(RenewalRating::merge(take(parts, |r| match r {
                    Rating::Renewal(r) => Some(r),
                    _ => None,
                }))?)
            }
        })
    }
}

impl OnDemandRating {
    /// Reads a pay-per-use answer from its JSON text.
    pub fn from_json(text: &str) -> Result<Self, ResponseError> {
        read::on_demand(text).map(|a| a.rating)
    }
}

impl PeriodRating {
    /// Reads a yearly/monthly answer from its JSON text.
    pub fn from_json(text: &str) -> Result<Self, ResponseError> {
        read::period(text).map(|a| a.rating)
    }
}

impl RenewalRating {
    /// Reads a renewal answer from its JSON text (a business error at its top is kept in `error`).
    pub fn from_json(text: &str) -> Result<Self, ResponseError> {
        read::renewal(text).map(|a| a.rating)
    }
}

/// Reads `error_code` and `error_msg` (or the gateway's `error_message`) of an answer or error body; `None`
/// unless it is a JSON object with a non-empty `error_code`.
pub fn error_body(text: &str) -> Option<ErrorBody> {
    read::envelope(text).and_then(|e| e.error().cloned())
}
