//! The JavaScript face of the crate: the only place with `#[wasm_bindgen]`. Each export converts its input,
//! calls one core function and converts the result; no rule lives here.

pub mod client;
pub mod fetch;
pub mod input;
pub mod inquiry;
pub mod js_error;
pub mod panic;
pub mod signing;
pub mod types;
