//! One broken rule, and the list of all of them for one inquiry.

use std::fmt;

/// The kind of rule a value broke; stable codes that programs can match on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// The input is not JSON, or cannot be turned into JSON (a cycle, a BigInt, nesting too deep).
    Json,
    /// The value has the wrong JSON type (a string where a number belongs, an array for an object).
    Type,
    /// A mandatory field is missing or null.
    Required,
    /// A field that this inquiry does not have.
    UnknownField,
    /// A string is empty, blank, or has whitespace at either end.
    Blank,
    /// A string is longer than its documented maximum.
    MaxLength,
    /// A number is not a whole number where the API takes an integer.
    WholeNumber,
    /// A number is outside its documented range.
    Range,
    /// A value is not one of the documented choices.
    OneOf,
    /// A value is not an exact decimal number.
    Decimal,
    /// A list has too few or too many elements.
    Count,
    /// A value repeats one that must be unique.
    Unique,
    /// Two fields that go together: one is set without the other.
    Together,
}

impl Rule {
    /// The stable snake_case code of this rule, as JavaScript sees it in `violations[i].rule`.
    pub fn code(self) -> &'static str {
        match self {
            Rule::Json => "json",
            Rule::Type => "type",
            Rule::Required => "required",
            Rule::UnknownField => "unknown_field",
            Rule::Blank => "blank",
            Rule::MaxLength => "max_length",
            Rule::WholeNumber => "whole_number",
            Rule::Range => "range",
            Rule::OneOf => "one_of",
            Rule::Decimal => "decimal",
            Rule::Count => "count",
            Rule::Unique => "unique",
            Rule::Together => "together",
        }
    }
}

/// One broken rule: where (a wire-name path), which rule, and a message that says the rule and the value seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Wire-name path of the offending value, e.g. `product_infos[2].resource_size`; empty for the whole inquiry.
    pub path: String,
    /// The rule broken.
    pub rule: Rule,
    /// What the rule is and what was seen, without the path.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every violation found in one inquiry, ordered by position: fields of the inquiry itself first, then each
/// list element in turn.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// The violations, in order.
    pub fn as_slice(&self) -> &[Violation] {
        &self.0
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// An iterator over the violations.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, violation) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

/// Collects violations while an inquiry is checked.
///
/// Checking runs in two phases: reading the JSON shape, then the rules. A value whose shape was already
/// reported (missing, wrong type) is not reported again by the rules, so each problem is said once.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    found: Vec<Violation>,
    shape_failed: Vec<String>,
}

impl Collector {
    /// Records a problem found while reading the shape; the rules phase will stay silent about this path.
    pub(crate) fn shape(&mut self, path: String, rule: Rule, message: String) {
        self.shape_failed.push(path.clone());
        self.found.push(Violation {
            path,
            rule,
            message,
        });
    }

    /// Records a broken rule, unless the shape phase already reported this path or a value containing it.
    pub(crate) fn rule(&mut self, path: String, rule: Rule, message: String) {
        if !self
            .shape_failed
            .iter()
            .any(|failed| contains(failed, &path))
        {
            self.found.push(Violation {
                path,
                rule,
                message,
            });
        }
    }

    /// Whether anything was recorded.
    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// All violations, stably ordered by the first list index in their path (the inquiry's own fields first).
    pub(crate) fn finish(self) -> Violations {
        // A stable counting sort: the keys are small list indexes, and a general-purpose sort would add
        // several kilobytes to the WebAssembly module for this one use.
        let keys: Vec<usize> = self.found.iter().map(|v| first_index(&v.path)).collect();
        let mut starts = vec![0usize; keys.iter().max().map_or(1, |m| m + 2)];
        for &k in &keys {
            if let Some(count) = starts.get_mut(k + 1) {
                *count += 1;
            }
        }
        for i in 1..starts.len() {
            let before = starts.get(i - 1).copied().unwrap_or(0);
            if let Some(start) = starts.get_mut(i) {
                *start += before;
            }
        }
        let mut slots: Vec<Option<Violation>> =
            std::iter::repeat_with(|| None).take(keys.len()).collect();
        for (v, k) in self.found.into_iter().zip(keys) {
            if let Some(start) = starts.get_mut(k) {
                if let Some(slot) = slots.get_mut(*start) {
                    *slot = Some(v);
                }
                *start += 1;
            }
        }
        Violations(slots.into_iter().flatten().collect())
    }
}

/// Whether the value at `outer` contains (or is) the value at `inner`.
fn contains(outer: &str, inner: &str) -> bool {
    match inner.strip_prefix(outer) {
        Some(rest) => outer.is_empty() || rest.is_empty() || rest.starts_with(['.', '[']),
        None => false,
    }
}

/// The first `[n]` in a rendered path, plus one; zero for paths with no index.
fn first_index(path: &str) -> usize {
    let Some(open) = path.find('[') else { return 0 };
    let digits = path
        .get(open + 1..)
        .unwrap_or_default()
        .split(']')
        .next()
        .unwrap_or_default();
    digits.parse::<usize>().map_or(0, |n| n.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_failures_silence_rules_at_the_same_path() {
        let mut c = Collector::default();
        c.shape("project_id".into(), Rule::Type, "must be a string".into());
        c.rule("project_id".into(), Rule::Blank, "must not be empty".into());
        c.rule("region".into(), Rule::Blank, "must not be empty".into());
        let v = c.finish();
        assert_eq!(v.len(), 2);
        assert_eq!(v.as_slice()[0].rule, Rule::Type);
        assert_eq!(v.as_slice()[1].path, "region");
    }

    #[test]
    fn shape_failures_silence_rules_inside_the_value() {
        let mut c = Collector::default();
        c.shape(
            "product_infos[1]".into(),
            Rule::Type,
            "must be an object".into(),
        );
        c.rule("product_infos[1].id".into(), Rule::Blank, "x".into());
        c.rule("product_infos[10].id".into(), Rule::Blank, "y".into());
        c.rule("product_infos[1]x".into(), Rule::Blank, "z".into());
        let messages: Vec<_> = c.finish().into_iter().map(|v| v.message).collect();
        assert_eq!(messages, ["must be an object", "z", "y"]);
        assert!(contains("", "anything"));
    }

    #[test]
    fn orders_by_position_in_the_inquiry() {
        let mut c = Collector::default();
        c.rule("product_infos[10].id".into(), Rule::Unique, "a".into());
        c.rule("product_infos[2].id".into(), Rule::Blank, "b".into());
        c.rule("project_id".into(), Rule::Blank, "c".into());
        c.rule("product_infos[2].region".into(), Rule::Blank, "d".into());
        let paths: Vec<_> = c.finish().into_iter().map(|v| v.path).collect();
        assert_eq!(
            paths,
            [
                "project_id",
                "product_infos[2].id",
                "product_infos[2].region",
                "product_infos[10].id"
            ]
        );
    }

    #[test]
    fn displays_path_and_message() {
        let v = Violation {
            path: "resource_ids[1]".into(),
            rule: Rule::Blank,
            message: "must not be empty".into(),
        };
        assert_eq!(v.to_string(), "resource_ids[1]: must not be empty");
        assert_eq!(Rule::UnknownField.code(), "unknown_field");
    }
}
