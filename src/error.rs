//! The crate's error type: one variant per layer, each wrapping that layer's own error.

pub use crate::inquiry::InquiryError;

/// Any error this crate returns.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An inquiry broke documented rules.
    #[error(transparent)]
    Inquiry(#[from] InquiryError),
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
