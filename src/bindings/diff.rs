//! `diffBreakdowns`: what changed between two saved breakdown documents, as a `BreakdownDiff` with its text,
//! Markdown and JSON outputs. The comparison itself is `crate::breakdown::diff`.

use js_sys::{Object, JSON};
use wasm_bindgen::prelude::*;

use super::errors::{options_error, set, usage_error, violations};
use super::input::{options_argument, string_of};
use crate::breakdown::diff::{read_options, render, BreakdownDiff};
use crate::validate::Violations;

/// What changed between two breakdowns: lines added, removed and changed, with exact deltas.
#[wasm_bindgen(js_name = BreakdownDiff, skip_typescript)]
pub struct JsBreakdownDiff {
    diff: BreakdownDiff,
}

#[wasm_bindgen(js_class = BreakdownDiff)]
impl JsBreakdownDiff {
    /// Whether anything differs: a line added, removed or changed, or another total.
    #[wasm_bindgen(getter)]
    pub fn changed(&self) -> bool {
        self.diff.is_changed()
    }

    /// The comparison as an aligned text table of what changed, after a summary line.
    #[wasm_bindgen(js_name = toText)]
    pub fn to_text(&self) -> String {
        render::text(&self.diff)
    }

    /// The comparison as Markdown, fit for a pull-request comment.
    #[wasm_bindgen(js_name = toMarkdown)]
    pub fn to_markdown(&self) -> String {
        render::markdown(&self.diff)
    }

    /// The comparison as a versioned document (`format: "hwc-price.diff"`, `version: 1`), every line included.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "BreakdownDiffDocument")]
    pub fn to_json(&self) -> JsValue {
        JSON::parse(&render::json(&self.diff)).unwrap_or(JsValue::NULL)
    }
}

/// A document as JSON text: a string as it is, anything else through `JSON.stringify`.
fn document_text(value: &JsValue, which: &str) -> Result<String, JsValue> {
    if let Some(text) = string_of(value) {
        return Ok(text);
    }
    let refused = || {
        usage_error(
            "TypeError",
            &format!("the {which} document must be a breakdown document (quote.toJSON()) or its JSON text"),
        )
    };
    if !value.is_object() {
        return Err(refused());
    }
    JSON::stringify(value)
        .ok()
        .and_then(|s| string_of(&s.into()))
        .ok_or_else(refused)
}

/// The `PriceClientError` with code `INVALID_DOCUMENT` and the violations, one line each in the message.
fn document_error(list: &Violations) -> JsValue {
    let lines: Vec<String> = list.iter().map(|v| format!("- {v}")).collect();
    let error = super::errors::coded_error(
        "PriceClientError",
        "INVALID_DOCUMENT",
        &format!(
            "breakdown documents that cannot be compared:\n{}",
            lines.join("\n")
        ),
    );
    set(&error, "violations", &violations(list));
    error
}

/// Compares two breakdown documents (`quote.toJSON()`, or its JSON text), old then new. Throws a
/// `PriceClientError` with code `INVALID_DOCUMENT` (and `violations`, paths starting `old.` or `new.`) for a
/// document that is not a version 2 breakdown, or two in different currencies, and `INVALID_OPTIONS` for bad
/// options.
#[wasm_bindgen(js_name = diffBreakdowns, skip_typescript)]
pub fn diff_breakdowns(
    #[wasm_bindgen(unchecked_param_type = "string | BreakdownDocument")] old: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | BreakdownDocument")] new: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DiffOptions")] options: Option<Object>,
) -> Result<JsBreakdownDiff, JsValue> {
    let language = read_options(options_argument(options)).map_err(|e| options_error(&e))?;
    let old = document_text(&old, "old")?;
    let new = document_text(&new, "new")?;
    let diff = BreakdownDiff::of_documents(&old, &new, language).map_err(|v| document_error(&v))?;
    Ok(JsBreakdownDiff { diff })
}
