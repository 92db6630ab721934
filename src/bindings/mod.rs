//! The JavaScript face of the crate: the only place with `#[wasm_bindgen]`. Each export converts its input,
//! calls one core function and converts the result; no rule lives here. Every error JavaScript sees is built
//! in `errors`; everything that reads a caller's values runs through `input` (and its `input.js`).

/// Calls `$f::<I>($args)` for the inquiry type `I` of the [`InquiryKind`](crate::InquiryKind) `$kind`: the one
/// place where a kind given at run time picks a type.
macro_rules! for_kind {
    ($kind:expr, $f:ident $(, $arg:expr)*) => {
        match $kind {
            $crate::inquiry::InquiryKind::OnDemand => $f::<$crate::inquiry::OnDemandInquiry>($($arg),*),
            $crate::inquiry::InquiryKind::Period => $f::<$crate::inquiry::PeriodInquiry>($($arg),*),
            $crate::inquiry::InquiryKind::Renewal => $f::<$crate::inquiry::RenewalInquiry>($($arg),*),
        }
    };
}
pub(crate) use for_kind;

pub mod catalogue;
pub(crate) mod catalogue_handle;
pub mod client;
pub mod comparison;
pub mod diff;
pub(crate) mod errors;
pub mod fetch;
pub(crate) mod input;
pub mod inquiry;
pub mod panic;
pub mod quote;
pub mod signing;
pub mod types;
