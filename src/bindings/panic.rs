//! A panic inside the module becomes a JavaScript `Error` named `HwcPriceInternalError` with the panic's
//! message, thrown to the caller, instead of an opaque `RuntimeError: unreachable`. No panic is expected: input
//! never reaches an `unwrap`, `expect` or index (clippy denies them), so this is the last line of defence.

use std::sync::Once;

use wasm_bindgen::prelude::*;

use super::errors::internal_error;

static HOOK: Once = Once::new();

/// Installs the hook once, when the module starts.
#[wasm_bindgen(start)]
fn install_panic_hook() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            wasm_bindgen::throw_val(internal_error(&info.to_string()));
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
