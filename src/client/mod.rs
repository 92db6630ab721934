//! Talking to the rating service: endpoints and credentials, the AK/SK signer, retry and throttle policy, the
//! client's options, and the client that puts them together. Everything here is plain Rust; the I/O comes in
//! through a [`Runtime`].

mod accounting;
mod authorize;
pub mod call;
pub mod config;
pub mod credentials;
pub mod divide;
pub mod endpoint;
pub mod error;
pub mod gather;
pub mod isolate;
pub(crate) mod join;
pub mod lookup;
pub(crate) mod messages;
pub mod options;
pub mod renewal;
pub mod retry;
pub mod runtime;
mod send;
mod shared;
pub mod signing;
pub mod throttle;
pub mod url;

pub use call::CallOptions;
pub use config::{Auth, ClientConfig};
pub use credentials::Secret;
pub use endpoint::{Endpoint, Site};
pub use error::{CallError, FailedPart, Failure};
pub use lookup::{Listing, LookupError, LookupQuery, Lookups};
pub use runtime::{
    Cancelled, HttpRequest, HttpResponse, RetryEvent, Runtime, Thrown, TransportError,
};
pub use shared::Client;
pub use signing::{sign, sign_request, SignError, SignRequest, Signed};
