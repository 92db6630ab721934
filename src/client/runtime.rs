//! The outside world of one call, as the client sees it: HTTP, the clock, sleeping, randomness, cancellation
//! and progress. The JavaScript bindings supply one over `fetch`; the tests supply a scripted one with a fake
//! clock.

/// An HTTP request ready for the transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// Absolute URL, or a path on the page's origin.
    pub url: String,
    /// Headers to send (the method is always `POST`).
    pub headers: Vec<(String, String)>,
    /// The exact JSON body, shared between the attempts of one request.
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

/// Why the transport got no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    /// Connection refused or reset, DNS, CORS, an unreadable body: the detail says which when known.
    #[error("no answer: {0}")]
    Network(String),
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
    /// Reports `done` of `total` requests finished (priced or failed for good).
    fn progress(&self, done: usize, total: usize);
}
