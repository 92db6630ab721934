//! The crate's error type: one variant per layer, each wrapping that layer's own error, so that `?` works from
//! any of them.

use crate::client::endpoint::EndpointError;
use crate::client::{CallError, SignError};
use crate::inquiry::InquiryError;
use crate::quote::{QuoteError, SavedAnswerError};
use crate::response::{MergeError, ResponseError};
pub use crate::validate::InvalidOptions as OptionsError;

/// Any error this crate returns.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An inquiry broke documented rules.
    #[error(transparent)]
    Inquiry(#[from] InquiryError),
    /// Options broke their rules.
    #[error(transparent)]
    Options(#[from] OptionsError),
    /// An endpoint was refused.
    #[error(transparent)]
    Endpoint(#[from] EndpointError),
    /// A call could not price everything (boxed: it carries what was priced).
    #[error(transparent)]
    Call(Box<CallError>),
    /// A request could not be signed.
    #[error(transparent)]
    Sign(#[from] SignError),
    /// An answer could not be read.
    #[error(transparent)]
    Response(#[from] ResponseError),
    /// The answers of a split inquiry could not be merged.
    #[error(transparent)]
    Merge(#[from] MergeError),
    /// A saved answer gives no quote.
    #[error(transparent)]
    Quote(#[from] QuoteError),
    /// A saved answer gives no quote, or is not one of the stated API.
    #[error(transparent)]
    SavedAnswer(#[from] SavedAnswerError),
}

impl From<CallError> for Error {
    fn from(error: CallError) -> Self {
        Error::Call(Box::new(error))
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
