//! The outside world of one call, as the client sees it: HTTP, the clock, sleeping, randomness, cancellation
//! and progress. The JavaScript bindings supply one over `fetch`; the tests supply a scripted one with a fake
//! clock.

/// An HTTP request ready for the transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// `POST` (the rating APIs) or `GET` (the product-information look-ups, with an empty body).
    pub method: &'static str,
    /// Absolute URL, or a path on the page's origin.
    pub url: String,
    /// Headers to send.
    pub headers: Vec<(String, String)>,
    /// The exact JSON body, shared between the attempts of one request (empty for `GET`).
    pub body: std::rc::Rc<str>,
    /// Give up waiting for the answer (headers and body) after this many milliseconds.
    pub timeout_ms: u64,
}

/// What the transport got back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HttpResponse {
    /// HTTP status.
    pub status: u16,
    /// The `X-Request-Id` header.
    pub request_id: Option<String>,
    /// The `Retry-After` header.
    pub retry_after: Option<String>,
    /// The body as text.
    pub body: String,
}

/// A handle on what a fetch function threw, given by the runtime that keeps it (the JavaScript bindings give the
/// value back as the `cause` of the error the caller sees).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thrown(pub u32);

/// Why the transport got no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    /// Connection refused or reset, DNS, CORS, an unreadable body: the detail says which when known.
    #[error("no answer: {detail}")]
    Network {
        /// What the transport said, credentials removed.
        detail: String,
        /// What was thrown, when the runtime keeps it.
        thrown: Option<Thrown>,
    },
    /// No complete answer within the timeout.
    #[error("no answer within the timeout")]
    Timeout,
    /// The fetch function gave something that is not an HTTP answer.
    #[error("not an HTTP answer: {0}")]
    BadResponse(String),
    /// The caller cancelled.
    #[error("cancelled")]
    Aborted,
}

/// Why a request is about to be tried again, for a caller's hook that logs retries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryEvent<'a> {
    /// `status` (an HTTP answer), `network` (no answer) or `timeout` (no answer in time).
    pub kind: &'static str,
    /// The request's position in the batch (0-based); a request sent to find failing products counts as the
    /// request it was split from.
    pub request: usize,
    /// The attempt that failed (1-based); the next one is `attempt + 1`.
    pub attempt: u32,
    /// The wait before the next attempt, in milliseconds.
    pub delay_ms: u64,
    /// The failure's code: the API's (`APIG.0308`, `HTTP.503`), `NETWORK` or `TIMEOUT`.
    pub code: &'a str,
    /// The HTTP status, when there was an answer.
    pub status: Option<u16>,
}

/// The caller cancelled while the client was waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// The outside world of one call.
#[allow(async_fn_in_trait)] // single-threaded by design: WebAssembly in a page, a worker or Node
pub trait Runtime {
    /// Sends one request.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
    /// Waits `ms` milliseconds, or less if the caller cancels (then `Err`).
    async fn sleep(&self, ms: u64) -> Result<(), Cancelled>;
    /// Unix time in milliseconds.
    fn now_ms(&self) -> u64;
    /// A random number in `[0, 1)`, for jitter.
    fn random(&self) -> f64;
    /// Whether the caller has cancelled.
    fn is_cancelled(&self) -> bool;
    /// Whether the cancellation is the caller's deadline running out (a signal of `AbortSignal.timeout`).
    fn timed_out(&self) -> bool {
        false
    }
    /// Reports `done` of `total` requests answered (priced or failed for good once sent); `total` grows when
    /// requests are split to find failing products.
    fn progress(&self, done: usize, total: usize);
    /// Tells the caller a request is about to be tried again, before the wait.
    fn retrying(&self, _event: &RetryEvent<'_>) {}
}
