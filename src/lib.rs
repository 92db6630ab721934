//! Validated price inquiries for Huawei Cloud's BSS rating APIs.
//!
//! `hwc-price` builds the request bodies for pay-per-use, yearly/monthly and renewal price inquiries,
//! checking every documented rule first and reporting all violations at once, each with its wire-name path
//! ([`inquiry`], [`validate`]); prices them through a client that batches, throttles, retries and signs
//! ([`client`], I/O-free: the runtime is injected); reads the answers exactly ([`response`]) into a
//! [`quote::Quote`]; and breaks them down into list price, discounts and final price for people and programs
//! ([`breakdown`]). Amounts and usage values are exact decimals throughout. The same core is shipped to
//! JavaScript as the npm package `hwc-price` (see the README); `ARCHITECTURE.md` draws the layers.
//!
//! ```
//! use hwc_price::{OnDemandDraft, OnDemandProduct, UsageTerms};
//! use rust_decimal::Decimal;
//!
//! let inquiry = OnDemandDraft::new("06488a832f55c016b0e337d7")
//!     .product(
//!         OnDemandProduct::new("1", "hws.service.type.ec2", "hws.resource.type.vm",
//!                              "c6.large.2.linux", "ap-southeast-1", UsageTerms::hours(Decimal::ONE)),
//!     )
//!     .validate()?;
//! let request = inquiry.to_prepared();
//! assert_eq!(request.path, "/v2/bills/ratings/on-demand-resources");
//! assert!(request.body.contains(r#""usage_value":1"#));
//!
//! // Every violation at once, with wire-name paths:
//! let err = hwc_price::OnDemandInquiry::from_json(r#"{"project_id": "", "product_infos": []}"#).unwrap_err();
//! let paths: Vec<_> = err.violations().iter().map(|v| v.path.as_str()).collect();
//! assert_eq!(paths, ["project_id", "product_infos"]);
//! # Ok::<(), hwc_price::InquiryError>(())
//! ```

pub mod breakdown;
pub mod catalogue;
pub mod client;
pub mod comparison;
pub mod error;
pub mod inquiry;
pub(crate) mod json;
pub mod kind;
pub mod language;
pub mod money;
pub mod quote;
pub mod response;
pub mod site;
pub mod validate;

#[doc(hidden)]
pub mod bindings;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use error::{Error, OptionsError, Result};
pub use inquiry::{
    Inquiry, InquiryError, InquiryKind, OnDemandDraft, OnDemandInquiry, OnDemandProduct,
    PeriodDraft, PeriodInquiry, PeriodProduct, PeriodTerms, PreparedRequest, ProductInfo,
    RenewalDraft, RenewalInquiry, UsageTerms,
};
pub use language::Language;
pub use rust_decimal::Decimal;
pub use site::Site;
pub use validate::{Rule, Violation, Violations};
