//! The client's runtime in JavaScript: `fetch` on the global object (browsers, workers, Node 20) through
//! gloo-net, timers, the clock, `Math.random`, the caller's `AbortSignal` and `onProgress` callback.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use crate::client::runtime::{Cancelled, HttpRequest, HttpResponse, Runtime, TransportError};

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
        let controller = AbortController::new()
            .map_err(|_| TransportError::Network("AbortController is not available".into()))?;
        let timed_out = Rc::new(Cell::new(false));
        let _timer = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            Timer::start(request.timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let _follow = self.signal.as_ref().map(|signal| {
            let controller = controller.clone();
            OnAbort::new(signal, move || controller.abort())
        });
        let exchange = async {
            let mut builder = Request::post(&request.url).abort_signal(Some(&controller.signal()));
            for (name, value) in &request.headers {
                builder = builder.header(name, value);
            }
            let response = builder.body(request.body.as_ref())?.send().await?;
            let headers = response.headers();
            let status = response.status();
            let body = response.text().await?;
            Ok::<_, gloo_net::Error>(HttpResponse {
                status,
                request_id: headers.get("x-request-id"),
                retry_after: headers.get("retry-after"),
                body,
            })
        };
        exchange.await.map_err(|e| {
            if timed_out.get() {
                TransportError::Timeout
            } else if self.is_cancelled() {
                TransportError::Aborted
            } else {
                TransportError::Network(match e {
                    gloo_net::Error::JsError(e) => format!("{}: {}", e.name, e.message),
                    other => other.to_string(),
                })
            }
        })
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
