//! The client itself: its configuration and the quota places it shares with every client of this thread that
//! calls the same API URLs. What it does is in `call` (a batch) and `send` (one request).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::config::ClientConfig;
use super::throttle::Throttle;
use crate::kind::InquiryKind;

/// A client of the three rating APIs. It throttles all the calls made through it together, and with every
/// other client of this thread that calls the same URLs.
#[derive(Debug)]
pub struct Client {
    config: ClientConfig,
    /// One per API, in [`InquiryKind::ALL`] order, shared by the clients of one URL.
    throttles: [Rc<RefCell<Throttle>>; 3],
}

thread_local! {
    /// The quota of each API URL called from this thread, whichever client calls it. The gateway counts the
    /// requests of a source address and account together: a client made for each batch must not start from an
    /// empty count while the last one's requests are still counted. Kept for the life of the thread; an
    /// application calls a handful of URLs.
    static QUOTAS: RefCell<HashMap<String, Rc<RefCell<Throttle>>>> = RefCell::new(HashMap::new());
}

/// The quota of `kind` at `url`, shared with every client of this thread that calls it.
fn shared_throttle(kind: InquiryKind, url: String) -> Rc<RefCell<Throttle>> {
    shared_quota(url, || Throttle::for_kind(kind))
}

/// The quota of the API at `url` (made by `make` the first time), shared with every client of this thread.
pub(super) fn shared_quota(url: String, make: impl FnOnce() -> Throttle) -> Rc<RefCell<Throttle>> {
    QUOTAS.with(|quotas| {
        Rc::clone(
            quotas
                .borrow_mut()
                .entry(url)
                .or_insert_with(|| Rc::new(RefCell::new(make()))),
        )
    })
}

impl Client {
    /// A client with `config`.
    pub fn new(config: ClientConfig) -> Self {
        let throttles =
            InquiryKind::ALL.map(|kind| shared_throttle(kind, config.endpoint.url(kind)));
        Client { config, throttles }
    }

    /// The configuration.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// Runs `f` on `kind`'s throttle.
    pub(super) fn throttle<T>(&self, kind: InquiryKind, f: impl FnOnce(&mut Throttle) -> T) -> T {
        let [on_demand, period, renewal] = &self.throttles;
        let throttle = match kind {
            InquiryKind::OnDemand => on_demand,
            InquiryKind::Period => period,
            InquiryKind::Renewal => renewal,
        };
        f(&mut throttle.borrow_mut())
    }
}
