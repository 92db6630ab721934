//! Running a few futures side by side on one thread, without an async runtime: polls each unfinished one
//! whenever the joined future is polled.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A future that completes when every future in it has completed.
pub(crate) struct JoinAll<'a> {
    futures: Vec<Option<Pin<Box<dyn Future<Output = ()> + 'a>>>>,
}

/// Joins `futures`; their outputs are their side effects.
pub(crate) fn join_all<'a>(futures: Vec<Pin<Box<dyn Future<Output = ()> + 'a>>>) -> JoinAll<'a> {
    JoinAll {
        futures: futures.into_iter().map(Some).collect(),
    }
}

impl Future for JoinAll<'_> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut pending = false;
        for slot in self.futures.iter_mut() {
            if let Some(future) = slot {
                if future.as_mut().poll(cx).is_ready() {
                    *slot = None;
                } else {
                    pending = true;
                }
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    }
}

/// Drives `future` to completion on this thread by polling it until it is ready. For tests, whose fake
/// runtime never leaves a future waiting on the outside world.
#[cfg(test)]
pub(crate) fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(std::task::Waker::noop());
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}
