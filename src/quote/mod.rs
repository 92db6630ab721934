//! A priced inquiry: the answer, the currency its amounts are in, how it was obtained, and what was asked for
//! each item. The client makes one when it prices an inquiry; [`Quote::from_response`] makes one from a saved
//! answer with no network. Breakdowns are made from quotes; the client and the breakdowns meet here, never
//! in each other.

use crate::kind::InquiryKind;
use crate::language::Language;
use crate::response::api_error::{read_saved, Answered};
use crate::response::{ApiError, KindMismatch, Rating, ResponseError};
use crate::site::Site;

pub mod asked;

pub use asked::{Asked, Described, Product, Terms};

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
    /// The items the call could not price, in input order, each with its failure's code and message: those
    /// of a partial quote (what was priced of a call that failed in part); empty otherwise.
    pub failures: Vec<NotPriced>,
}

/// An item a call could not price, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotPriced {
    /// The item: a product id, or a resource id.
    pub id: String,
    /// The failure's code: the API's (`CBC.99006006`), or the client's (`TIMEOUT`, `ABORTED`, …).
    pub code: String,
    /// The failure in words, in the client's language.
    pub message: String,
}

/// Why a saved answer gives no quote.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QuoteError {
    /// The answer is an error answer (it carries an `error_code`).
    #[error("the answer is an error")]
    Api(#[source] ApiError),
    /// The answer is not an answer of the stated API.
    #[error("the answer cannot be read")]
    Unreadable(#[source] ResponseError),
}

/// Why [`Quote::from_response`] gives no quote: the answer's own reason, or that it answers another API.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SavedAnswerError {
    /// The answer is an error answer or cannot be read.
    #[error("the saved answer gives no quote")]
    Answer(#[source] QuoteError),
    /// The answer is not one of the stated API: another API's, or none's (`{}`).
    #[error("the saved answer is not one of the stated API")]
    OtherKind(#[source] KindMismatch),
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
            failures: Vec::new(),
        }
    }

    /// The kind of inquiry priced.
    pub fn kind(&self) -> InquiryKind {
        self.rating.kind()
    }

    /// A quote of a saved answer of `kind`'s API (its JSON text), with no network, read once. An answer that
    /// is an error (an `error_code`) is an error, except renew-rate's, whose failed resources belong in the
    /// quote. An answer of another API, or with no result member of any (`{}`), is refused
    /// ([`response::recognise`](crate::response::recognise) says how they are told apart).
    pub fn from_response(
        kind: InquiryKind,
        text: &str,
        site: Site,
    ) -> Result<Quote, SavedAnswerError> {
        match read_saved(kind, text).map_err(SavedAnswerError::OtherKind)? {
            Answered::Rated(rating)
            | Answered::Failed {
                rating: Some(rating),
                ..
            } => Ok(Quote::from_rating(rating, site)),
            Answered::Failed { error, .. } => Err(SavedAnswerError::Answer(QuoteError::Api(error))),
            Answered::Unreadable(e) => Err(SavedAnswerError::Answer(QuoteError::Unreadable(e))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_answers_make_quotes_or_say_why_not() {
        let quote = Quote::from_response(
            InquiryKind::OnDemand,
            r#"{"amount": "1.5", "currency": ""}"#,
            Site::China,
        )
        .unwrap();
        assert_eq!(
            (quote.currency.as_str(), quote.currency_defaulted),
            ("CNY", true)
        );
        assert_eq!(quote.language, Language::Chinese);
        let renewal = Quote::from_response(
            InquiryKind::Renewal,
            r#"{"error_code": "CBC.30050009", "error_msg": "gone"}"#,
            Site::International,
        )
        .unwrap();
        assert_eq!(renewal.kind(), InquiryKind::Renewal);
        let error = Quote::from_response(
            InquiryKind::Period,
            r#"{"error_code": "CBC.0151", "error_msg": "denied"}"#,
            Site::International,
        );
        assert!(
            matches!(error, Err(SavedAnswerError::Answer(QuoteError::Api(ref e))) if e.code == "CBC.0151")
        );
        let odd = Quote::from_response(InquiryKind::OnDemand, "[]", Site::International);
        assert!(matches!(
            odd,
            Err(SavedAnswerError::Answer(QuoteError::Unreadable(_)))
        ));
    }

    #[test]
    fn a_saved_answer_of_another_api_or_of_none_is_refused() {
        let renewal = r#"{"currency": "USD", "renew_inquiry_results": [{"resource_id": "r", "amount": "1.5"}],
            "official_website_rating_result": {"official_website_amount": "1.5"}, "fail_resource_infos": []}"#;
        let period = r#"{"official_website_rating_result": {"official_website_amount": 3,
            "product_rating_results": [{"id": "1", "official_website_amount": 3}]}, "optional_discount_rating_results": []}"#;
        let on_demand = r#"{"amount": 1, "product_rating_results": [{"id": "1", "amount": 1}]}"#;
        let answers = [
            (InquiryKind::OnDemand, on_demand),
            (InquiryKind::Period, period),
            (InquiryKind::Renewal, renewal),
        ];
        for (kind, text) in answers {
            for stated in InquiryKind::ALL {
                let quote = Quote::from_response(stated, text, Site::International);
                if stated == kind {
                    assert_eq!(quote.unwrap().kind(), kind);
                } else {
                    assert!(
                        matches!(quote, Err(SavedAnswerError::OtherKind(ref m))
                            if (m.stated, m.recognised.kind()) == (stated, Some(kind))),
                        "{} read as {}: {quote:?}",
                        kind.code(),
                        stated.code()
                    );
                }
            }
        }
        for stated in InquiryKind::ALL {
            for nothing in ["{}", r#"{"currency": "USD", "request_id": "x"}"#] {
                let refused = Quote::from_response(stated, nothing, Site::International);
                assert!(
                    matches!(refused, Err(SavedAnswerError::OtherKind(ref m)) if m.recognised.kind().is_none()),
                    "{nothing} as {}",
                    stated.code()
                );
            }
        }
        // An error answer is still the error it carries, even with no result member.
        let error = r#"{"error_code": "CBC.0151", "error_msg": "denied"}"#;
        let refused = Quote::from_response(InquiryKind::OnDemand, error, Site::International);
        assert!(matches!(
            refused,
            Err(SavedAnswerError::Answer(QuoteError::Api(_)))
        ));
    }
}
