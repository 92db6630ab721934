//! What a client is configured with: where requests go, how they are authenticated, in which language, and
//! how patiently.

use super::endpoint::Endpoint;
use super::retry::RetryPolicy;
use super::Secret;
use crate::language::Language;

/// Default time a client keeps what it looked up in the catalogue: one hour.
pub const DEFAULT_TTL_MS: u64 = 3_600_000;

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

impl Auth {
    /// `none`, `token` or `access-key`: what kind of auth, never the credential.
    pub fn kind(&self) -> &'static str {
        match self {
            Auth::None => "none",
            Auth::Token(_) => "token",
            Auth::AccessKey { .. } => "access-key",
        }
    }
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
    /// Whether a request refused with a product-level error is split to find the failing products (see
    /// [`super::isolate`]).
    pub isolate_failures: bool,
    /// How long the look-ups of the product catalogue are kept, in milliseconds (0: not kept).
    pub catalogue_ttl_ms: u64,
}

impl ClientConfig {
    /// A configuration for `endpoint` with the defaults: the site's language, 30 s timeout, 4 attempts,
    /// 4 requests in flight, failing products isolated, look-ups kept for an hour.
    pub fn new(endpoint: Endpoint, auth: Auth) -> Self {
        ClientConfig {
            language: endpoint.site().language(),
            endpoint,
            auth,
            timeout_ms: 30_000,
            retry: RetryPolicy::default(),
            concurrency: 4,
            isolate_failures: true,
            catalogue_ttl_ms: DEFAULT_TTL_MS,
        }
    }
}
