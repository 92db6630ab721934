//! The client's runtime in JavaScript: `fetch` (the global one in browsers, workers and Node 20, or the
//! caller's), called through `fetch.js`, which bounds every call by its timeout and the caller's signal and
//! turns anything that is not a Response into a failure; timers, the clock, `Math.random`, the caller's
//! `AbortSignal` and `onProgress` callback.
//!
//! Not gloo-net, which this used before: it can neither call a fetch function given by the caller nor survive
//! one that throws at once or resolves to something else than a Response (the module trapped, and the call
//! never settled).

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use crate::client::runtime::{Cancelled, HttpRequest, HttpResponse, Runtime, TransportError};

#[wasm_bindgen(module = "/src/bindings/fetch.js")]
extern "C" {
    /// POSTs through `fetch_fn` (the global `fetch` when undefined); settles exactly once (see `fetch.js`).
    fn send(
        fetch_fn: &JsValue,
        url: &str,
        headers: Array,
        body: &str,
        timeout_ms: f64,
        signal: &JsValue,
    ) -> Promise;
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

/// An `abort` listener on a signal, removed when dropped.
struct OnAbort {
    signal: AbortSignal,
    callback: Closure<dyn FnMut()>,
}

impl OnAbort {
    fn new(signal: &AbortSignal, callback: impl FnMut() + 'static) -> OnAbort {
        let callback = Closure::<dyn FnMut()>::new(callback);
        let _ = signal.add_event_listener_with_callback("abort", callback.as_ref().unchecked_ref());
        OnAbort {
            signal: signal.clone(),
            callback,
        }
    }
}

impl Drop for OnAbort {
    fn drop(&mut self) {
        let _ = self
            .signal
            .remove_event_listener_with_callback("abort", self.callback.as_ref().unchecked_ref());
    }
}

/// The runtime of one `price…` call.
pub(crate) struct WebRuntime {
    /// The fetch function to call; undefined for the global `fetch`.
    pub(crate) fetch: JsValue,
    pub(crate) signal: Option<AbortSignal>,
    pub(crate) on_progress: Option<Function>,
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
            return Err(TransportError::Network(format!(
                "the header {name} holds characters HTTP cannot carry"
            )));
        }
        let headers = Array::new();
        for (name, value) in &request.headers {
            headers.push(&JsValue::from_str(name));
            headers.push(&JsValue::from_str(value));
        }
        let signal = self
            .signal
            .as_ref()
            .map_or(JsValue::UNDEFINED, JsValue::from);
        // `fetch.js` settles this promise exactly once, whatever the fetch function does.
        let promise = send(
            &self.fetch,
            &request.url,
            headers,
            &request.body,
            request.timeout_ms as f64,
            &signal,
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
                    body: text(3).unwrap_or_default(),
                })
            }
            Err(failure) => {
                let failure = Array::from(&failure);
                let detail = failure.get(1).as_string().unwrap_or_default();
                Err(match failure.get(0).as_string().as_deref() {
                    Some("TIMEOUT") => TransportError::Timeout,
                    Some("ABORTED") => TransportError::Aborted,
                    Some("BAD_RESPONSE") => TransportError::BadResponse(detail),
                    _ => TransportError::Network(detail),
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
        let _wake = self.signal.as_ref().map(|signal| {
            OnAbort::new(signal, move || {
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
        self.signal.as_ref().is_some_and(AbortSignal::aborted)
    }

    fn progress(&self, done: usize, total: usize) {
        if let Some(callback) = &self.on_progress {
            // A callback that throws does not stop the inquiry.
            let _ = callback.call2(
                &JsValue::UNDEFINED,
                &JsValue::from(done as f64),
                &JsValue::from(total as f64),
            );
        }
    }
}
