//! The client's runtime in JavaScript: `fetch` (the global one in browsers, workers and Node 20, or the
//! caller's), called through `fetch.js`, which bounds every call by its timeout and the caller's signal and
//! turns anything that is not a Response into a failure; timers, the clock, `Math.random`, the caller's
//! `AbortSignal`, and its `onProgress` and `onRetry` hooks.
//!
//! Each call has a signal of its own (`callSignal` in `fetch.js`), aborted when the caller's aborts or when a
//! hook throws: everything in flight then ends at once, and the call rejects with the hook's error. That signal
//! has one `abort` listener, which tells each send and wait of the call in turn (`whenAborted`): a call with
//! many requests in flight adds one listener to it, not one each (Node warns past 10).
//!
//! Not gloo-net, which this used before: it can neither call a fetch function given by the caller nor survive
//! one that throws at once or resolves to something else than a Response (the module trapped, and the call
//! never settled).

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use super::errors::set;
use super::input::string_of;
use crate::client::runtime::{
    Cancelled, HttpRequest, HttpResponse, RetryEvent, Runtime, Thrown, TransportError,
};
use crate::client::{CallError, Failure};

#[wasm_bindgen(module = "/src/bindings/fetch.js")]
extern "C" {
    /// Sends through `fetch_fn` (the global `fetch` when undefined); settles exactly once (see `fetch.js`).
    /// `call` is the call's own signal handle, when `signal` is its signal: the send is told of an abort
    /// through the call's one listener.
    #[allow(clippy::too_many_arguments)]
    fn send(
        fetch_fn: &JsValue,
        method: &str,
        url: &str,
        headers: Array,
        body: &str,
        timeout_ms: f64,
        signal: &JsValue,
        call: &JsValue,
    ) -> Promise;

    /// Calls `f` once when `signal` aborts (through `call`'s one listener when it is the call's handle);
    /// returns the function that stops that.
    #[wasm_bindgen(js_name = whenAborted, catch)]
    fn when_aborted(
        call: &JsValue,
        signal: &AbortSignal,
        f: &Function,
    ) -> Result<Function, JsValue>;

    /// `{ signal, abort(reason), dispose() }`: the signal of one call, which follows the caller's `signal`.
    #[wasm_bindgen(js_name = callSignal, catch)]
    fn call_signal(signal: &JsValue) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// A pending `setTimeout`, cleared when dropped (so no timer outlives its call and keeps Node running).
struct Timer {
    id: JsValue,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    fn start(ms: u64, callback: impl FnMut() + 'static) -> Timer {
        let callback = Closure::<dyn FnMut()>::new(callback);
        let ms = i32::try_from(ms).unwrap_or(i32::MAX);
        Timer {
            id: set_timeout(callback.as_ref().unchecked_ref(), ms),
            _callback: callback,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timeout(&self.id);
    }
}

/// Told when a signal aborts (through the call's one listener when `call` is its handle), until dropped.
struct OnAbort {
    stop: Option<Function>,
    _callback: Closure<dyn FnMut()>,
}

impl OnAbort {
    fn new(call: &JsValue, signal: &AbortSignal, callback: impl FnMut() + 'static) -> OnAbort {
        let callback = Closure::<dyn FnMut()>::new(callback);
        let stop = when_aborted(call, signal, callback.as_ref().unchecked_ref()).ok();
        OnAbort {
            stop,
            _callback: callback,
        }
    }
}

impl Drop for OnAbort {
    fn drop(&mut self) {
        // Before the callback is dropped (fields are dropped after this), so it is never called dropped.
        if let Some(stop) = &self.stop {
            let _ = stop.call0(&JsValue::UNDEFINED);
        }
    }
}

/// The runtime of one `price…` call.
pub(crate) struct WebRuntime {
    /// The fetch function to call; undefined for the global `fetch`.
    fetch: JsValue,
    /// The caller's signal.
    signal: Option<AbortSignal>,
    on_progress: Option<Function>,
    on_retry: Option<Function>,
    /// The call's own signal (`callSignal`), and the object that aborts and disposes of it.
    call: Option<(AbortSignal, JsValue)>,
    /// What a hook threw first: the call rejects with it.
    hook_error: RefCell<Option<JsValue>>,
    /// What fetch functions threw, kept as the causes of network failures.
    thrown: RefCell<Vec<JsValue>>,
}

impl WebRuntime {
    /// The runtime of a call through `fetch` (undefined: the global one), with the caller's signal and hooks.
    pub(crate) fn new(
        fetch: JsValue,
        signal: Option<AbortSignal>,
        on_progress: Option<Function>,
        on_retry: Option<Function>,
    ) -> WebRuntime {
        let given = signal.as_ref().map_or(JsValue::UNDEFINED, JsValue::from);
        let call = call_signal(&given).ok().and_then(|handle| {
            let own = Reflect::get(&handle, &JsValue::from_str("signal")).ok()?;
            Some((own.dyn_into::<AbortSignal>().ok()?, handle))
        });
        WebRuntime {
            fetch,
            signal,
            on_progress,
            on_retry,
            call,
            hook_error: RefCell::new(None),
            thrown: RefCell::new(Vec::new()),
        }
    }

    /// What a hook threw, if one did: the call rejects with that very value.
    pub(crate) fn hook_error(&self) -> Option<JsValue> {
        self.hook_error.borrow().clone()
    }

    /// The `cause` of the error for `error`: what the fetch function threw for a network failure, the caller's
    /// reason for a cancellation.
    pub(crate) fn cause_of(&self, error: &CallError) -> Option<JsValue> {
        self.cause_of_failure(&error.headline()?.failure)
    }

    /// The `cause` of the error for `failure` (see [`WebRuntime::cause_of`]).
    pub(crate) fn cause_of_failure(&self, failure: &Failure) -> Option<JsValue> {
        match failure {
            Failure::Network {
                cause:
                    TransportError::Network {
                        thrown: Some(Thrown(n)),
                        ..
                    },
                ..
            } => self.thrown.borrow().get(usize::try_from(*n).ok()?).cloned(),
            Failure::Aborted | Failure::Deadline => Some(self.signal.as_ref()?.reason()),
            _ => None,
        }
    }

    /// Ends the call because a hook threw `error`: nothing more is sent, and whatever is in flight ends now.
    fn hook_threw(&self, error: JsValue) {
        if self.hook_error.borrow().is_some() {
            return;
        }
        *self.hook_error.borrow_mut() = Some(error.clone());
        if let Some((_, handle)) = &self.call {
            if let Ok(abort) = Reflect::get(handle, &JsValue::from_str("abort")) {
                if let Some(abort) = abort.dyn_ref::<Function>() {
                    let _ = abort.call1(&JsValue::UNDEFINED, &error);
                }
            }
        }
    }

    /// The signal fetches and sleeps follow: the call's own, else the caller's.
    fn live_signal(&self) -> Option<&AbortSignal> {
        self.call.as_ref().map(|(s, _)| s).or(self.signal.as_ref())
    }

    /// The handle of the call's own signal (whose one listener tells every send and sleep), or undefined.
    fn call_handle(&self) -> JsValue {
        self.call
            .as_ref()
            .map_or(JsValue::UNDEFINED, |(_, handle)| handle.clone())
    }
}

impl Drop for WebRuntime {
    fn drop(&mut self) {
        if let Some((_, handle)) = &self.call {
            if let Ok(dispose) = Reflect::get(handle, &JsValue::from_str("dispose")) {
                if let Some(dispose) = dispose.dyn_ref::<Function>() {
                    let _ = dispose.call0(&JsValue::UNDEFINED);
                }
            }
        }
    }
}

/// Whether a header can be set on a `fetch` request without throwing: a token name, a visible-ASCII value.
fn sendable(name: &str, value: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b))
        && value
            .bytes()
            .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
}

impl Runtime for WebRuntime {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        if self.is_cancelled() {
            return Err(TransportError::Aborted);
        }
        if let Some((name, _)) = request.headers.iter().find(|(n, v)| !sendable(n, v)) {
            return Err(TransportError::Network {
                detail: format!("the header {name} holds characters HTTP cannot carry"),
                thrown: None,
            });
        }
        let headers = Array::new();
        for (name, value) in &request.headers {
            headers.push(&JsValue::from_str(name));
            headers.push(&JsValue::from_str(value));
        }
        let signal = self.live_signal().map_or(JsValue::UNDEFINED, JsValue::from);
        // `fetch.js` settles this promise exactly once, whatever the fetch function does.
        let promise = send(
            &self.fetch,
            request.method,
            &request.url,
            headers,
            &request.body,
            request.timeout_ms as f64,
            &signal,
            &self.call_handle(),
        );
        match JsFuture::from(promise).await {
            Ok(answer) => {
                let answer = Array::from(&answer);
                let text = |i: u32| answer.get(i).as_string();
                Ok(HttpResponse {
                    status: answer
                        .get(0)
                        .as_f64()
                        .and_then(|s| u16::try_from(s as u32).ok())
                        .unwrap_or(0),
                    request_id: text(1),
                    retry_after: text(2),
                    body: string_of(&answer.get(3)).unwrap_or_default(),
                })
            }
            Err(failure) => {
                let failure = Array::from(&failure);
                let detail = failure.get(1).as_string().unwrap_or_default();
                Err(match failure.get(0).as_string().as_deref() {
                    Some("TIMEOUT") => TransportError::Timeout,
                    Some("ABORTED") => TransportError::Aborted,
                    Some("BAD_RESPONSE") => TransportError::BadResponse(detail),
                    _ => {
                        let thrown = failure.get(2);
                        let thrown = (!thrown.is_undefined()).then(|| {
                            let mut kept = self.thrown.borrow_mut();
                            kept.push(thrown);
                            Thrown(u32::try_from(kept.len() - 1).unwrap_or(u32::MAX))
                        });
                        TransportError::Network { detail, thrown }
                    }
                })
            }
        }
    }

    async fn sleep(&self, ms: u64) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            return Err(Cancelled);
        }
        let mut resolve = None;
        let promise = Promise::new(&mut |res, _| resolve = Some(res));
        let Some(resolve) = resolve else {
            return Ok(());
        };
        let _timer = {
            let resolve = resolve.clone();
            Timer::start(ms, move || {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            })
        };
        let call = self.call_handle();
        let _wake = self.live_signal().map(|signal| {
            OnAbort::new(&call, signal, move || {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            })
        });
        let _ = JsFuture::from(promise).await;
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }

    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }

    fn is_cancelled(&self) -> bool {
        self.hook_error.borrow().is_some()
            || self.signal.as_ref().is_some_and(AbortSignal::aborted)
            || self.live_signal().is_some_and(AbortSignal::aborted)
    }

    fn timed_out(&self) -> bool {
        self.hook_error.borrow().is_none()
            && self.signal.as_ref().is_some_and(|s| {
                s.aborted()
                    && Reflect::get(&s.reason(), &JsValue::from_str("name"))
                        .ok()
                        .and_then(|n| n.as_string())
                        .is_some_and(|n| n == "TimeoutError")
            })
    }

    fn progress(&self, done: usize, total: usize) {
        if let Some(callback) = &self.on_progress {
            // A callback that throws ends the call with what it threw.
            if let Err(error) = callback.call2(
                &JsValue::UNDEFINED,
                &JsValue::from(done as f64),
                &JsValue::from(total as f64),
            ) {
                self.hook_threw(error);
            }
        }
    }

    fn retrying(&self, event: &RetryEvent<'_>) {
        let Some(callback) = &self.on_retry else {
            return;
        };
        let info = Object::new();
        set(&info, "kind", &JsValue::from_str(event.kind));
        set(&info, "request", &JsValue::from(event.request as f64));
        set(&info, "attempt", &JsValue::from(event.attempt));
        set(&info, "delayMs", &JsValue::from(event.delay_ms as f64));
        set(&info, "code", &JsValue::from_str(event.code));
        set(
            &info,
            "status",
            &event.status.map_or(JsValue::NULL, JsValue::from),
        );
        // A hook that throws ends the call with what it threw, as `onProgress` does.
        if let Err(error) = callback.call1(&JsValue::UNDEFINED, &info) {
            self.hook_threw(error);
        }
    }
}
