//! Reading one field of an inquiry held as a `serde_json::Value`, as the crate did before its one-pass readers
//! (`src/validate/input.rs` at 2681cf2): a missing field, a `null`, a wrong JSON type, a fractional number
//! where a whole one belongs or an inexact decimal becomes a *shape* violation at the field's path, and the
//! field reads as a placeholder that the rules then leave alone.
//!
//! Adapted to the current crate: messages quote and cut values with the crate's public `quote` and `cut`
//! (which also escape zero-width characters and the byte order mark, where the old quoting escaped only
//! bidirectional controls), and a string starting with `\u{0}` is an ordinary string (the JavaScript bindings
//! no longer mark non-finite numbers that way). Decimals and whole numbers are parsed by the old parser
//! ([`super::decimal`]), not the crate's.

use std::collections::HashSet;

use super::decimal::{parse_decimal, DecimalError};
use hwc_price::validate::suggest::closest;
use hwc_price::validate::text::{cut, quote, SHOWN_CHARS};
use hwc_price::validate::{IntRule, Path};
use hwc_price::{Decimal, InquiryKind, Rule, Violation};
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value};

/// How a value looks, for messages: `a string ("abc")`, `a number (2.5)`, `null`, `an array`.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("a number ({})", cut(n.as_str(), SHOWN_CHARS)),
        Value::String(s) => format!("a string ({})", quote(s)),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Whether the value at `outer` contains (or is) the value at `inner` (the old `Collector`'s test).
pub fn contains(outer: &str, inner: &str) -> bool {
    match inner.strip_prefix(outer) {
        Some(rest) => outer.is_empty() || rest.is_empty() || rest.starts_with(['.', '[']),
        None => false,
    }
}

/// The shape violations found while reading, and the paths they silence.
#[derive(Debug, Default)]
pub struct Shapes {
    /// Every shape violation, in reading order.
    pub found: Vec<Violation>,
    failed: HashSet<String>,
}

impl Shapes {
    fn shape(&mut self, path: String, rule: Rule, message: String) {
        self.failed.insert(path.clone());
        self.found.push(Violation {
            path,
            rule,
            message,
        });
    }

    /// Whether a rule violation at `path` is silenced by a shape violation at or around it.
    pub fn silences(&self, path: &str) -> bool {
        self.failed.iter().any(|failed| contains(failed, path))
    }
}

/// Wire names of the fields of `kind` at the top (`product == false`) or in a product line.
fn fields_of(kind: InquiryKind, product: bool) -> &'static [&'static str] {
    match (kind, product) {
        (InquiryKind::OnDemand, false) => &["project_id", "product_infos", "inquiry_precision"],
        (InquiryKind::Period, false) => &["project_id", "product_infos", "fee_installment_mode"],
        (InquiryKind::Renewal, false) => &[
            "resource_ids",
            "period_type",
            "period_num",
            "include_relative_resources",
        ],
        (InquiryKind::OnDemand, true) => &["usage_factor", "usage_value", "usage_measure_id"],
        (InquiryKind::Period, true) => &["period_type", "period_num"],
        (InquiryKind::Renewal, true) => &[],
    }
}

/// For a field unknown to `kind`, which other inquiries have it (the old `unknown_field_hint`).
pub fn hint(name: &str, kind: InquiryKind, product: bool) -> Option<String> {
    let homes: Vec<&str> = InquiryKind::ALL
        .into_iter()
        .filter(|k| {
            *k != kind
                && (fields_of(*k, product).contains(&name) || fields_of(*k, false).contains(&name))
        })
        .map(InquiryKind::label)
        .collect();
    if homes.is_empty() {
        return None;
    }
    Some(format!(
        "{name} is a field of {} inquiries, not of {} ones",
        homes.join(" and "),
        kind.label()
    ))
}

/// Reads fields of an inquiry's JSON value, recording what is wrong with their shape.
#[derive(Debug, Default)]
pub struct Reader {
    /// What was found wrong so far.
    pub shapes: Shapes,
}

impl Reader {
    /// `value` as an object, or a violation.
    pub fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &Path<'_>,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.shapes.shape(
                    path.render(),
                    Rule::Type,
                    format!("must be {what} (a JSON object), got {}", describe(other)),
                );
                None
            }
        }
    }

    /// Reports every field of `map` that is not in `known`, with the closest known name or a hint.
    pub fn unknown_fields(
        &mut self,
        map: &Map<String, Value>,
        path: &Path<'_>,
        known: &[&str],
        (kind, product): (InquiryKind, bool),
    ) {
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            let advice = match closest(key, known) {
                Some(meant) => format!("; did you mean {meant}?"),
                None => hint(key, kind, product)
                    .map(|h| format!("; {h}"))
                    .unwrap_or_default(),
            };
            self.shapes.shape(
                path.key(key).render(),
                Rule::UnknownField,
                format!("is not a field of this inquiry{advice}"),
            );
        }
    }

    /// A field that must be present and not null.
    pub fn required<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        key: &str,
        path: &Path<'_>,
    ) -> Option<&'v Value> {
        let message = match map.get(key) {
            None => "is required",
            Some(Value::Null) => "is required, got null",
            Some(value) => return Some(value),
        };
        self.shapes
            .shape(path.key(key).render(), Rule::Required, message.to_owned());
        None
    }

    /// A field that may be absent or null (both mean "not given").
    pub fn optional<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        map.get(key).filter(|v| !v.is_null())
    }

    /// A string value.
    pub fn string(&mut self, value: &Value, path: &Path<'_>) -> Option<String> {
        match value {
            Value::String(s) => Some(s.clone()),
            other => {
                let message = format!("must be a string, got {}", describe(other));
                self.shapes.shape(path.render(), Rule::Type, message);
                None
            }
        }
    }

    /// A mandatory string field; empty when it could not be read.
    pub fn required_string(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        at: &Path<'_>,
    ) -> String {
        self.required(map, key, at)
            .and_then(|v| self.string(v, &at.key(key)))
            .unwrap_or_default()
    }

    /// An optional string field.
    pub fn optional_string(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        at: &Path<'_>,
    ) -> Option<String> {
        Self::optional(map, key).and_then(|v| self.string(v, &at.key(key)))
    }

    /// A whole number within `i64`; `rule` is only used for messages here.
    pub fn int(&mut self, value: &Value, path: &Path<'_>, rule: &IntRule) -> Option<i64> {
        let expected = rule.expectation(hwc_price::Language::English);
        let Value::Number(number) = value else {
            let message = format!("must be {expected}, got {}", describe(value));
            self.shapes.shape(path.render(), Rule::Type, message);
            return None;
        };
        let text = number.as_str();
        let (broken, shown) = match parse_decimal(text) {
            Ok(d) if d.fract().is_zero() => match d.to_i64() {
                Some(n) => return Some(n),
                None => (rule.rule(), text.to_owned()),
            },
            Ok(_) => (Rule::WholeNumber, text.to_owned()),
            Err(_) => (rule.rule(), cut(text, SHOWN_CHARS)),
        };
        let message = format!("must be {expected}, got {shown}");
        self.shapes.shape(path.render(), broken, message);
        None
    }

    /// A mandatory integer field; `0` when it could not be read.
    pub fn required_int(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        at: &Path<'_>,
        rule: &IntRule,
    ) -> i64 {
        self.required(map, key, at)
            .and_then(|v| self.int(v, &at.key(key), rule))
            .unwrap_or_default()
    }

    /// An optional integer field.
    pub fn optional_int(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        at: &Path<'_>,
        rule: &IntRule,
    ) -> Option<i64> {
        Self::optional(map, key).and_then(|v| self.int(v, &at.key(key), rule))
    }

    /// An exact decimal given as a JSON number or as a decimal string.
    pub fn decimal(&mut self, value: &Value, path: &Path<'_>) -> Option<Decimal> {
        let text = match value {
            Value::Number(n) => n.as_str(),
            Value::String(s) => s.as_str(),
            other => {
                let message = format!(
                    "must be a decimal number (a number, or a string such as \"0.5\"), got {}",
                    describe(other)
                );
                self.shapes.shape(path.render(), Rule::Type, message);
                return None;
            }
        };
        let message = match parse_decimal(text) {
            Ok(d) => return Some(d),
            Err(DecimalError::Syntax) => format!(
                "must be a decimal number such as 2 or 0.5, got {}",
                describe(value)
            ),
            Err(DecimalError::TooPrecise) => format!(
                "must fit an exact decimal (at most 28 significant digits, no rounding), got {}",
                cut(text, SHOWN_CHARS)
            ),
        };
        self.shapes.shape(path.render(), Rule::Decimal, message);
        None
    }

    /// A mandatory decimal field; `1` when it could not be read.
    pub fn required_decimal(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        at: &Path<'_>,
    ) -> Decimal {
        self.required(map, key, at)
            .and_then(|v| self.decimal(v, &at.key(key)))
            .unwrap_or(Decimal::ONE)
    }

    /// An optional boolean field.
    pub fn optional_bool(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        at: &Path<'_>,
    ) -> Option<bool> {
        match Self::optional(map, key)? {
            Value::Bool(b) => Some(*b),
            other => {
                let message = format!(
                    "must be true or false (leave it out for false), got {}",
                    describe(other)
                );
                self.shapes.shape(at.key(key).render(), Rule::Type, message);
                None
            }
        }
    }

    /// A mandatory array field; empty when it could not be read.
    pub fn required_array<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        key: &str,
        at: &Path<'_>,
    ) -> &'v [Value] {
        match self.required(map, key, at) {
            Some(Value::Array(items)) => items,
            Some(other) => {
                let message = format!("must be a list (a JSON array), got {}", describe(other));
                self.shapes.shape(at.key(key).render(), Rule::Type, message);
                &[]
            }
            None => &[],
        }
    }
}
