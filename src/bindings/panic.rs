//! A panic inside the module becomes a JavaScript `Error` named `HwcPriceInternalError` with the panic's
//! message, thrown to the caller, instead of an opaque `RuntimeError: unreachable`. No panic is expected: input
//! never reaches an `unwrap`, `expect` or index (clippy denies them), so this is the last line of defence.

use std::sync::Once;

use wasm_bindgen::prelude::*;

static HOOK: Once = Once::new();

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = Error)]
    type JsError;
    #[wasm_bindgen(constructor, js_class = "Error")]
    fn new(message: &str) -> JsError;
    #[wasm_bindgen(method, setter, js_class = "Error")]
    fn set_name(this: &JsError, name: &str);
}

/// Installs the hook once, when the module starts.
#[wasm_bindgen(start)]
pub fn install_panic_hook() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let error = JsError::new(&format!(
                "hwc-price internal error (please report it): {info}"
            ));
            error.set_name("HwcPriceInternalError");
            wasm_bindgen::throw_val(error.into());
        }));
    });
}

/// Panics on purpose, so that tests can check the hook and that the module keeps working afterwards.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests, skip_typescript)]
pub fn panic_for_tests() {
    #[allow(clippy::panic)] // the point of this function
    {
        panic!("a deliberate panic");
    }
}
