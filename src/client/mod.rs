//! Talking to the rating service: endpoints, credentials, the AK/SK signer, retry and throttle policy, and the
//! client that puts them together. Everything here is plain Rust; the I/O comes in through [`call::Runtime`].

pub mod call;
pub mod credentials;
pub mod endpoint;
mod join;
pub mod options;
pub mod retry;
pub mod signing;

pub use call::{Auth, CallError, Client, ClientConfig, Failure, Quote, Runtime};
pub use credentials::Secret;
pub use endpoint::{Endpoint, Site};
pub use signing::{sign, SignError, SignRequest};
