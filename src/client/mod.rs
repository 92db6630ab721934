//! Talking to the rating service. So far: credentials and the AK/SK request signer, both pure.

#![deny(clippy::indexing_slicing)]

pub mod credentials;
pub mod retry;
pub mod signing;

pub use credentials::Secret;
pub use signing::{sign, SignError, SignRequest};
