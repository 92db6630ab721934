//! `client.compareBillingModes(input, options?)` and the `Comparison` it gives: the input and options are
//! converted here; reading, pricing and comparing happen in `crate::comparison`.

use std::rc::Rc;

use js_sys::{Object, Promise, JSON};
use wasm_bindgen::prelude::*;

use super::client::{call_options, PriceClient};
use super::errors::{api_error, coded_error, set, violations};
use super::input::json_text;
use crate::comparison::{price_comparison, render, Comparison, ComparisonError, ComparisonInput};
use crate::inquiry::InquiryKind;

/// Billing modes compared: per product and in total, each mode's prices whole and per month, the saving
/// against pay-per-use, the cheapest mode and the break-even hours.
#[wasm_bindgen(js_name = Comparison, skip_typescript)]
pub struct JsComparison {
    comparison: Comparison,
}

#[wasm_bindgen(js_class = Comparison)]
impl JsComparison {
    /// The comparison as a plain object: the versioned document.
    #[wasm_bindgen(unchecked_return_type = "ComparisonDocument")]
    pub fn breakdown(&self) -> JsValue {
        JSON::parse(&render::json(&self.comparison)).unwrap_or(JsValue::NULL)
    }

    /// Aligned plain-text tables: one per product and one of the totals, then what they assume.
    #[wasm_bindgen(js_name = toText)]
    pub fn to_text(&self) -> String {
        render::text(&self.comparison)
    }

    /// An HTML fragment with `hwc-*` classes, every server or caller string escaped.
    #[wasm_bindgen(js_name = toHtml)]
    pub fn to_html(&self) -> String {
        render::html(&self.comparison)
    }

    /// CSV (RFC 4180, UTF-8 with a byte order mark, CRLF), exact amounts.
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> String {
        render::csv(&self.comparison)
    }

    /// The versioned JSON document (`format: "hwc-price.comparison"`, `version: 1`).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "ComparisonDocument")]
    pub fn to_json(&self) -> JsValue {
        self.breakdown()
    }
}

/// The `InquiryValidationError` of an invalid comparison input (`kind: "comparison"`).
fn comparison_error(err: &ComparisonError) -> JsValue {
    let error = coded_error(
        "InquiryValidationError",
        "INVALID_INQUIRY",
        &err.to_string(),
    );
    set(&error, "kind", &JsValue::from_str("comparison"));
    set(&error, "violations", &violations(&err.violations));
    error
}

#[wasm_bindgen]
impl PriceClient {
    /// Prices `input`'s products pay-per-use (for the hours of the longest period) and subscribed for each
    /// period, concurrently, and compares them; with `options.catalogue` each product is first checked against
    /// that `Catalogue` (rule `catalogue`).
    #[wasm_bindgen(js_name = compareBillingModes, unchecked_return_type = "Promise<Comparison>")]
    pub fn compare_billing_modes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ComparisonInput | string")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PriceOptions")] options: Option<Object>,
    ) -> Promise {
        let client = Rc::clone(self.client());
        let language = client.config().language;
        // Everything the caller passed is read now, before the promise.
        let prepared = call_options(options, self.fetch(), self.on_retry(), client.config())
            .and_then(|(rt, call, catalogue)| {
                let (text, unsendable) = json_text(InquiryKind::OnDemand, &input, language)
                    .map_err(|e| {
                        comparison_error(&ComparisonError {
                            violations: e.violations().clone(),
                            language,
                        })
                    })?;
                // With a catalogue, each product is checked against it as a price call's are: a violation
                // rejects before anything is sent.
                let input =
                    ComparisonInput::read_in(&text, unsendable, language, catalogue.as_deref())
                        .map_err(|e| comparison_error(&e))?;
                Ok((input, rt, call))
            });
        wasm_bindgen_futures::future_to_promise(async move {
            let (input, rt, call) = prepared?;
            let result = price_comparison(&client, &rt, &input, &call).await;
            if let Some(thrown) = rt.hook_error() {
                return Err(thrown);
            }
            let config = client.config();
            result
                .map(|comparison| JsComparison { comparison }.into())
                .map_err(|e| {
                    let error = api_error(&e, config.language, config.endpoint.site());
                    if let Some(cause) = rt.cause_of(&e) {
                        set(&error, "cause", &cause);
                    }
                    error
                })
        })
    }
}
