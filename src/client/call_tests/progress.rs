//! Progress that never reaches its total while work is pending, and a cancellation that ends the call with no
//! timer firing after it.

use std::cell::{Cell, RefCell};
use std::future::{poll_fn, Future};
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::isolation::refusing;
use super::{client, ok, on_demand, price_on_demand, status};
use crate::client::join::block_on;
use crate::client::runtime::{Cancelled, HttpRequest, HttpResponse, Runtime, TransportError};
use crate::client::Auth;

/// Checks a progress report: `done` counts up by one, `total` never shrinks, and `done` reaches `total` only
/// at the last report.
fn assert_honest(progress: &[(usize, usize)]) {
    for (i, w) in progress.windows(2).enumerate() {
        assert!(w[0].0 + 1 == w[1].0 && w[0].1 <= w[1].1, "{progress:?}");
        assert!(
            w[0].0 < w[0].1,
            "{:?} reached its total with work pending: {progress:?}",
            progress[i]
        );
    }
    let last = progress.last().unwrap();
    assert_eq!(last.0, last.1, "{progress:?}");
}

#[test]
fn a_request_about_to_be_split_grows_the_total_before_it_counts() {
    // One request of 10 with a bad product: the halves join the total as the request is counted.
    let rt = refusing(&["p3"]);
    let err =
        block_on(client(Auth::None, |c| c.concurrency = 1).price(&rt, &on_demand(10))).unwrap_err();
    assert_eq!(err.failed_items(), ["p3"]);
    let progress = rt.progress.borrow();
    assert_eq!(progress.first(), Some(&(1, 3)), "{progress:?}");
    assert_honest(&progress);
    assert_eq!(progress.len(), rt.sent_count());

    // Across a batch, several requests split at once.
    let rt = refusing(&["p7", "p150", "p299"]);
    let err = block_on(client(Auth::None, |c| c.concurrency = 3).price(&rt, &on_demand(300)))
        .unwrap_err();
    assert_eq!(err.failed_items(), ["p7", "p150", "p299"]);
    assert_honest(&rt.progress.borrow());
}

#[test]
fn requests_counts_the_requests_sent_on_the_quote_and_on_the_error() {
    let rt = refusing(&["p151"]);
    let err = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(300))).unwrap_err();
    let sent = rt.sent_count();
    assert!(sent > 3);
    assert_eq!(err.requests, sent);
    assert_eq!(err.partial.as_ref().map(|q| q.requests), Some(sent));
}

#[test]
fn a_partial_quote_says_which_items_failed_and_why() {
    let rt = refusing(&["p4"]);
    let err = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(8))).unwrap_err();
    let partial = err.partial.unwrap();
    let failures: Vec<_> = partial
        .failures
        .iter()
        .map(|f| (f.id.as_str(), f.code.as_str()))
        .collect();
    assert_eq!(failures, [("p4", "CBC.99006006")]);
    assert!(
        partial.failures[0].message.contains("product_infos[3]"),
        "{:?}",
        partial.failures[0]
    );
    let rt = super::Fake::new(|req, _| ok(price_on_demand(&req.body)));
    let quote = block_on(client(Auth::None, |_| {}).price(&rt, &on_demand(3))).unwrap();
    assert!(quote.failures.is_empty());
}

/// A runtime whose timers fire only when the test says, and whose requests after the first `answered` hang
/// until the caller cancels; everything waiting on it is woken by the cancellation, as a signal's abort
/// listener wakes a call.
struct Controlled {
    answered: usize,
    sends: Cell<usize>,
    clock: Cell<u64>,
    cancelled: Cell<bool>,
    /// Each pending sleep: when it is due, and whether it fired.
    timers: RefCell<Vec<(u64, Rc<Cell<bool>>)>>,
    wakers: RefCell<Vec<Waker>>,
}

impl Controlled {
    fn wait(&self, cx: &Context<'_>) {
        self.wakers.borrow_mut().push(cx.waker().clone());
    }

    /// Fires the timer due first, moving the clock to it; `false` when none is pending.
    fn fire_next(&self) -> bool {
        let mut timers = self.timers.borrow_mut();
        timers.retain(|(_, fired)| !fired.get());
        let Some((due, fired)) = timers.iter().min_by_key(|(due, _)| *due).cloned() else {
            return false;
        };
        self.clock.set(self.clock.get().max(due));
        fired.set(true);
        true
    }

    fn pending_timers(&self) -> usize {
        self.timers
            .borrow()
            .iter()
            .filter(|(_, f)| !f.get())
            .count()
    }

    fn abort(&self) {
        self.cancelled.set(true);
        for waker in self.wakers.borrow_mut().drain(..) {
            waker.wake();
        }
    }
}

impl Runtime for Controlled {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let n = self.sends.get();
        self.sends.set(n + 1);
        if n == self.answered {
            // One answer that asks for a retry: a backoff timer to wait on.
            return status(503, "", None);
        }
        if n < self.answered {
            return ok(price_on_demand(&request.body));
        }
        poll_fn(|cx| {
            if self.cancelled.get() {
                Poll::Ready(Err(TransportError::Aborted))
            } else {
                self.wait(cx);
                Poll::Pending
            }
        })
        .await
    }

    async fn sleep(&self, ms: u64) -> Result<(), Cancelled> {
        let fired = Rc::new(Cell::new(false));
        let due = self.clock.get() + ms;
        self.timers.borrow_mut().push((due, Rc::clone(&fired)));
        poll_fn(|cx| {
            if self.cancelled.get() {
                Poll::Ready(Err(Cancelled))
            } else if fired.get() {
                Poll::Ready(Ok(()))
            } else {
                self.wait(cx);
                Poll::Pending
            }
        })
        .await
    }

    fn now_ms(&self) -> u64 {
        self.clock.get()
    }

    fn random(&self) -> f64 {
        0.5
    }

    fn is_cancelled(&self) -> bool {
        self.cancelled.get()
    }

    fn progress(&self, _done: usize, _total: usize) {}
}

#[test]
fn a_cancelled_call_settles_with_no_timer_firing_after_the_abort() {
    let rt = Controlled {
        answered: 12,
        sends: Cell::new(0),
        clock: Cell::new(1_700_000_000_000),
        cancelled: Cell::new(false),
        timers: RefCell::default(),
        wakers: RefCell::default(),
    };
    let client = client(Auth::None, |c| c.concurrency = 6);
    let inquiry = on_demand(3_000);
    let mut call = pin!(client.price(&rt, &inquiry));
    let mut cx = Context::from_waker(Waker::noop());
    // Time passes (timers fire one by one) until requests hang in flight while others wait on timers: the
    // quota's window and a retry's backoff.
    while rt.sends.get() < 16 {
        assert!(call.as_mut().poll(&mut cx).is_pending());
        assert!(rt.fire_next(), "something waits on a timer");
    }
    assert!(call.as_mut().poll(&mut cx).is_pending());
    assert!(rt.pending_timers() > 0 && rt.sends.get() > rt.answered + 1);
    let sent = rt.sends.get();
    rt.abort();
    // No timer fires from here on: the abort alone must end the call.
    let Poll::Ready(result) = call.as_mut().poll(&mut cx) else {
        panic!("the call still waits after the abort");
    };
    let err = result.unwrap_err();
    assert_eq!(err.code(), "ABORTED");
    assert_eq!(rt.sends.get(), sent, "nothing sent after the abort");
    assert_eq!(
        err.requests, sent,
        "every request sent counts, those cut short too"
    );
}
