//! Readers over an untrusted JSON value: each reads one field with its path, and turns a missing field, a
//! null, a wrong JSON type, a non-whole number or an inexact decimal into a violation instead of a failure.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::path::Path;
use super::suggest::closest;
use super::violation::{Collector, Rule};
use crate::money::{parse_decimal, DecimalError};

/// The documented domain of an integer field.
#[derive(Debug, Clone, Copy)]
pub enum IntRule {
    /// Any whole number from `min` to `max`; `note` is added to the message (e.g. where a bound comes from).
    Range {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
        /// Text appended to the expectation, starting with a space, or empty.
        note: &'static str,
    },
    /// One of the listed values, each with its meaning.
    OneOf(&'static [(i64, &'static str)]),
}

impl IntRule {
    /// Whether `value` is allowed.
    pub fn allows(&self, value: i64) -> bool {
        match self {
            IntRule::Range { min, max, .. } => (*min..=*max).contains(&value),
            IntRule::OneOf(choices) => choices.iter().any(|(v, _)| *v == value),
        }
    }

    /// What a valid value looks like, for messages: "a whole number from 1 to 10000".
    pub fn expectation(&self) -> String {
        match self {
            IntRule::Range { min, max, note } => {
                format!("a whole number from {min} to {max}{note}")
            }
            IntRule::OneOf(choices) => {
                let listed: Vec<String> = choices
                    .iter()
                    .map(|(v, meaning)| format!("{v} ({meaning})"))
                    .collect();
                format!("one of {}", listed.join(", "))
            }
        }
    }

    /// The rule broken by a whole number outside the domain.
    pub fn rule(&self) -> Rule {
        match self {
            IntRule::Range { .. } => Rule::Range,
            IntRule::OneOf(_) => Rule::OneOf,
        }
    }
}

/// Marks a string that stands for a JavaScript number JSON cannot carry (`NaN`, `Infinity`, `-Infinity`).
///
/// `JSON.stringify` writes such numbers as `null`, which would silently drop an optional field; the
/// JavaScript bindings write `"\u{0}NaN"` instead, so the field is reported with its path.
pub const NON_FINITE_MARK: char = '\u{0}';

/// How a value looks, for messages: `a string ("abc")`, `a number (2.5)`, `null`, `an array`.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("a number ({})", shorten(n.as_str())),
        Value::String(s) => match s.strip_prefix(NON_FINITE_MARK) {
            Some(number) => format!("{}, which JSON cannot carry", shorten(number)),
            None => format!("a string ({})", quote(s)),
        },
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// A string quoted for a message, cut after 40 characters.
pub fn quote(text: &str) -> String {
    Quoted(&shorten(text)).to_string()
}

/// Whether a character reorders or hides text: bidirectional controls and invisible direction marks.
pub(crate) fn is_bidi_control(ch: char) -> bool {
    matches!(ch, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A string in double quotes, with `"`, `\` and control characters escaped (`\n`, `\u{202e}`), so that what a
/// message shows is unambiguous and cannot reorder or break the text around it. Whole, unlike [`quote`].
pub struct Quoted<'a>(pub &'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write as _;
        f.write_char('"')?;
        for ch in self.0.chars() {
            match ch {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c if c.is_control() || is_bidi_control(c) => {
                    write!(f, "\\u{{{:x}}}", u32::from(c))?
                }
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

fn shorten(text: &str) -> String {
    const KEEP: usize = 40;
    match text.char_indices().nth(KEEP) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text)),
        None => text.to_owned(),
    }
}

/// What an unknown field of an inquiry is not, for [`Reader::unknown_fields`].
pub(crate) const INQUIRY_FIELD: &str = "a field of this inquiry";

/// Reads untrusted JSON fields into typed values, recording what is wrong.
pub(crate) struct Reader<'c> {
    c: &'c mut Collector,
}

impl<'c> Reader<'c> {
    pub(crate) fn new(c: &'c mut Collector) -> Self {
        Reader { c }
    }

    /// `value` as an object, or a violation.
    pub(crate) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &Path<'_>,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.c.shape(
                    path.render(),
                    Rule::Type,
                    format!("must be {what} (a JSON object), got {}", describe(other)),
                );
                None
            }
        }
    }

    /// Reports every field of `map` that is not in `known` as not being `what` ("a field of this inquiry",
    /// "a client option"), with a suggestion from `hint` or the closest known name.
    pub(crate) fn unknown_fields(
        &mut self,
        map: &Map<String, Value>,
        path: &Path<'_>,
        known: &[&str],
        what: &str,
        hint: impl Fn(&str) -> Option<String>,
    ) {
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            let advice = match closest(key, known) {
                Some(meant) => format!("; did you mean {meant}?"),
                None => hint(key).map(|h| format!("; {h}")).unwrap_or_default(),
            };
            self.c.shape(
                path.key(key).render(),
                Rule::UnknownField,
                format!("is not {what}{advice}"),
            );
        }
    }

    /// A field that must be present and not null; `None` after recording why not.
    pub(crate) fn required<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        key: &str,
        path: &Path<'_>,
    ) -> Option<&'v Value> {
        match map.get(key) {
            None => {
                self.c.shape(
                    path.key(key).render(),
                    Rule::Required,
                    "is required".to_owned(),
                );
                None
            }
            Some(Value::Null) => {
                self.c.shape(
                    path.key(key).render(),
                    Rule::Required,
                    "is required, got null".to_owned(),
                );
                None
            }
            Some(value) => Some(value),
        }
    }

    /// A field that may be absent or null (both mean "not given").
    pub(crate) fn optional<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        map.get(key).filter(|v| !v.is_null())
    }

    /// A string value.
    pub(crate) fn string(&mut self, value: &Value, path: &Path<'_>) -> Option<String> {
        match value {
            Value::String(s) if !s.starts_with(NON_FINITE_MARK) => Some(s.clone()),
            other => {
                self.c.shape(
                    path.render(),
                    Rule::Type,
                    format!("must be a string, got {}", describe(other)),
                );
                None
            }
        }
    }

    /// A mandatory string field; empty when it could not be read (already reported).
    pub(crate) fn required_string(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        path: &Path<'_>,
    ) -> String {
        self.required(map, key, path)
            .and_then(|v| self.string(v, &path.key(key)))
            .unwrap_or_default()
    }

    /// An optional string field.
    pub(crate) fn optional_string(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        path: &Path<'_>,
    ) -> Option<String> {
        Self::optional(map, key).and_then(|v| self.string(v, &path.key(key)))
    }

    /// A whole number within the range of `i64`; the domain in `rule` is only used for messages here.
    pub(crate) fn int(&mut self, value: &Value, path: &Path<'_>, rule: &IntRule) -> Option<i64> {
        let expected = rule.expectation();
        let Value::Number(number) = value else {
            self.c.shape(
                path.render(),
                Rule::Type,
                format!("must be {expected}, got {}", describe(value)),
            );
            return None;
        };
        let text = number.as_str();
        let whole = match parse_decimal(text) {
            Ok(d) if d.fract().is_zero() => d,
            Ok(_) => {
                self.c.shape(
                    path.render(),
                    Rule::WholeNumber,
                    format!("must be {expected}, got {text}"),
                );
                return None;
            }
            Err(_) => {
                self.c.shape(
                    path.render(),
                    rule.rule(),
                    format!("must be {expected}, got {}", shorten(text)),
                );
                return None;
            }
        };
        match whole.to_i64() {
            Some(n) => Some(n),
            None => {
                self.c.shape(
                    path.render(),
                    rule.rule(),
                    format!("must be {expected}, got {text}"),
                );
                None
            }
        }
    }

    /// A mandatory integer field; `0` when it could not be read (already reported).
    pub(crate) fn required_int(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        path: &Path<'_>,
        rule: &IntRule,
    ) -> i64 {
        self.required(map, key, path)
            .and_then(|v| self.int(v, &path.key(key), rule))
            .unwrap_or_default()
    }

    /// An optional integer field.
    pub(crate) fn optional_int(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        path: &Path<'_>,
        rule: &IntRule,
    ) -> Option<i64> {
        Self::optional(map, key).and_then(|v| self.int(v, &path.key(key), rule))
    }

    /// An exact decimal given as a JSON number or as a decimal string.
    pub(crate) fn decimal(&mut self, value: &Value, path: &Path<'_>) -> Option<Decimal> {
        let text = match value {
            Value::Number(n) => n.as_str(),
            Value::String(s) if !s.starts_with(NON_FINITE_MARK) => s.as_str(),
            other => {
                self.c.shape(
                    path.render(),
                    Rule::Type,
                    format!(
                        "must be a decimal number (a number, or a string such as \"0.5\"), got {}",
                        describe(other)
                    ),
                );
                return None;
            }
        };
        match parse_decimal(text) {
            Ok(d) => Some(d),
            Err(DecimalError::Syntax) => {
                self.c.shape(
                    path.render(),
                    Rule::Decimal,
                    format!(
                        "must be a decimal number such as 2 or 0.5, got {}",
                        describe(value)
                    ),
                );
                None
            }
            Err(DecimalError::TooPrecise) => {
                self.c.shape(
                    path.render(),
                    Rule::Decimal,
                    format!(
                        "must fit an exact decimal (at most 28 significant digits, no rounding), got {}",
                        shorten(text)
                    ),
                );
                None
            }
        }
    }

    /// A mandatory decimal field; `1` when it could not be read (already reported).
    pub(crate) fn required_decimal(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        path: &Path<'_>,
    ) -> Decimal {
        self.required(map, key, path)
            .and_then(|v| self.decimal(v, &path.key(key)))
            .unwrap_or(Decimal::ONE)
    }

    /// An optional boolean field.
    pub(crate) fn optional_bool(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        path: &Path<'_>,
    ) -> Option<bool> {
        match Self::optional(map, key)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.c.shape(
                    path.key(key).render(),
                    Rule::Type,
                    format!(
                        "must be true or false (leave it out for false), got {}",
                        describe(other)
                    ),
                );
                None
            }
        }
    }

    /// A mandatory array field; empty when it could not be read (already reported).
    pub(crate) fn required_array<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        key: &str,
        path: &Path<'_>,
    ) -> &'v [Value] {
        match self.required(map, key, path) {
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.c.shape(
                    path.key(key).render(),
                    Rule::Type,
                    format!("must be a list (a JSON array), got {}", describe(other)),
                );
                &[]
            }
            None => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read<T>(
        value: Value,
        f: impl FnOnce(&mut Reader<'_>, &Map<String, Value>) -> T,
    ) -> (T, Vec<(String, Rule, String)>) {
        let mut c = Collector::default();
        let map = value.as_object().cloned().unwrap();
        let out = f(&mut Reader::new(&mut c), &map);
        let list = c
            .finish()
            .into_iter()
            .map(|v| (v.path, v.rule, v.message))
            .collect();
        (out, list)
    }

    const SUBS: IntRule = IntRule::Range {
        min: 1,
        max: 10_000,
        note: "",
    };

    #[test]
    fn reads_whole_numbers_exactly() {
        let text = r#"{"a": 40, "b": 40.0, "c": 4e1, "d": 2.5, "e": "5", "f": 1e30, "g": null}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        let (got, violations) = read(value, |r, m| {
            let root = Path::Root;
            ["a", "b", "c", "d", "e", "f", "g"].map(|k| r.required_int(m, k, &root, &SUBS))
        });
        assert_eq!(got, [40, 40, 40, 0, 0, 0, 0]);
        let expected = [
            (
                "d",
                Rule::WholeNumber,
                "must be a whole number from 1 to 10000, got 2.5",
            ),
            (
                "e",
                Rule::Type,
                "must be a whole number from 1 to 10000, got a string (\"5\")",
            ),
            (
                "f",
                Rule::Range,
                "must be a whole number from 1 to 10000, got 1e+30",
            ),
            ("g", Rule::Required, "is required, got null"),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(p, r, m)| (p.to_string(), *r, m.to_string()))
            .collect();
        assert_eq!(violations, expected);
    }

    #[test]
    fn reads_decimals_from_numbers_and_strings() {
        let text = r#"{"a": 0.0000000001, "b": "1.50", "c": 1e-10, "d": "abc", "e": true, "f": "1.00000000000000000000000000001"}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        let (got, violations) = read(value, |r, m| {
            let root = Path::Root;
            ["a", "b", "c", "d", "e", "f"].map(|k| r.required_decimal(m, k, &root).to_string())
        });
        assert_eq!(got, ["0.0000000001", "1.50", "0.0000000001", "1", "1", "1"]);
        let rules: Vec<_> = violations
            .iter()
            .map(|(p, r, _)| (p.as_str(), *r))
            .collect();
        assert_eq!(
            rules,
            [
                ("d", Rule::Decimal),
                ("e", Rule::Type),
                ("f", Rule::Decimal)
            ]
        );
        assert_eq!(
            violations[0].2,
            "must be a decimal number such as 2 or 0.5, got a string (\"abc\")"
        );
    }

    #[test]
    fn marked_non_finite_numbers_are_reported_as_numbers() {
        let value = json!({"a": "\u{0}NaN", "b": "\u{0}-Infinity", "c": "\u{0}Infinity"});
        let (_, violations) = read(value, |r, m| {
            let root = Path::Root;
            (
                r.required_decimal(m, "a", &root),
                r.required_int(m, "b", &root, &SUBS),
                r.required_string(m, "c", &root),
            )
        });
        let messages: Vec<_> = violations
            .iter()
            .map(|(p, r, m)| format!("{p} {} {m}", r.code()))
            .collect();
        assert_eq!(
            messages,
            [
                "a type must be a decimal number (a number, or a string such as \"0.5\"), got NaN, which JSON cannot carry",
                "b type must be a whole number from 1 to 10000, got -Infinity, which JSON cannot carry",
                "c type must be a string, got Infinity, which JSON cannot carry",
            ]
        );
    }

    #[test]
    fn describes_values_briefly() {
        assert_eq!(describe(&json!(null)), "null");
        assert_eq!(describe(&json!([1])), "an array");
        assert_eq!(describe(&json!({})), "an object");
        assert_eq!(describe(&json!(false)), "false");
        let long = "x".repeat(50);
        assert_eq!(
            describe(&json!(long)),
            format!("a string (\"{}…\")", "x".repeat(40))
        );
    }

    #[test]
    fn unknown_fields_get_suggestions_or_hints() {
        let value = json!({"size_measurement_id": 17, "period_type": 2, "colour": "red"});
        let (_, violations) = read(value, |r, m| {
            r.unknown_fields(
                m,
                &Path::Root,
                &["size_measure_id", "region"],
                INQUIRY_FIELD,
                |k| {
                    (k == "period_type")
                        .then(|| "period_type belongs to yearly/monthly inquiries".to_owned())
                },
            )
        });
        let messages: Vec<_> = violations
            .iter()
            .map(|(p, _, m)| format!("{p}: {m}"))
            .collect();
        assert_eq!(
            messages,
            [
                "colour: is not a field of this inquiry",
                "period_type: is not a field of this inquiry; period_type belongs to yearly/monthly inquiries",
                "size_measurement_id: is not a field of this inquiry; did you mean size_measure_id?",
            ]
        );
    }
}
