//! One broken rule, the list of all of them for one input, and the collector that gathers them while an input
//! is read and checked.

use std::collections::HashSet;
use std::fmt;

use super::messages;
use crate::language::Language;

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
    /// A field that this input does not have.
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
    /// A value repeats one that must be unique (or an object repeats a member name).
    Unique,
    /// Two fields that go together: one is set without the other.
    Together,
    /// A code or unit that the product catalogue given to the check does not have for this product.
    Catalogue,
    /// Not a rule of the input: more violations were found than are listed; the message says how many.
    Truncated,
}

impl Rule {
    /// Every rule, for tables that must list them all.
    pub const ALL: [Rule; 15] = [
        Rule::Json,
        Rule::Type,
        Rule::Required,
        Rule::UnknownField,
        Rule::Blank,
        Rule::MaxLength,
        Rule::WholeNumber,
        Rule::Range,
        Rule::OneOf,
        Rule::Decimal,
        Rule::Count,
        Rule::Unique,
        Rule::Together,
        Rule::Catalogue,
        Rule::Truncated,
    ];

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
            Rule::Catalogue => "catalogue",
            Rule::Truncated => "truncated",
        }
    }
}

/// One broken rule: where (a wire-name path), which rule, and a message that says the rule and the value seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Wire-name path of the offending value, e.g. `product_infos[2].resource_size`; empty for the whole input.
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

/// Every violation found in one input, ordered by position: fields of the input itself first, then each list
/// element in turn; within one object, unknown fields first, then the fields in their documented order, then
/// the rules that involve several fields.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// A list of exactly these violations.
    pub fn from_vec(list: Vec<Violation>) -> Self {
        Violations(list)
    }

    /// One violation.
    pub fn one(path: impl Into<String>, rule: Rule, message: impl Into<String>) -> Self {
        Violations(vec![Violation {
            path: path.into(),
            rule,
            message: message.into(),
        }])
    }

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
    /// The violations separated by `; `.
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

/// Violations listed for one input at most; the rest are counted and said in one last entry. The fields of
/// the input itself (not inside a list) are always listed, so a count or a missing field is never hidden.
pub const MAX_LISTED: usize = 1_000;

/// Where a violation goes in the final order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Order {
    /// The first list index in the path, plus one; zero for the input's own fields.
    item: usize,
    /// Within one object: 0 for unknown fields, 1 + the field's position for a field's shape, [`RULES`] for
    /// rules checked after reading.
    rank: u16,
    /// Recording order, to keep the sort stable.
    seq: u32,
}

/// The rank of violations found by the rules, after everything found while reading.
pub(crate) const RULES: u16 = u16::MAX;

/// Collects violations while an input is read and checked.
///
/// Checking runs in two phases: reading the JSON shape, then the rules. A value whose shape was already
/// reported (missing, wrong type) is not reported again by the rules, so each problem is said once. Every
/// operation costs time in proportion to its own path, so checking stays linear in the input.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    found: Vec<(Order, Violation)>,
    /// Paths whose shape was reported; the rules stay silent about them and about anything inside them.
    shape_failed: HashSet<String>,
    /// Violations inside lists beyond [`MAX_LISTED`], counted only.
    omitted: usize,
    listed_in_lists: usize,
    /// The language of the messages.
    language: Language,
}

impl Collector {
    /// A collector whose messages are in `language`.
    pub(crate) fn new(language: Language) -> Self {
        Collector {
            language,
            ..Self::default()
        }
    }

    /// The language of the messages.
    pub(crate) fn language(&self) -> Language {
        self.language
    }

    /// Says the messages recorded from now on in `language`.
    pub(crate) fn set_language(&mut self, language: Language) {
        self.language = language;
    }

    /// Records a problem found while reading the shape, at `rank` within its object; the rules phase will stay
    /// silent about this path.
    pub(crate) fn shape(&mut self, rank: u16, path: String, rule: Rule, message: String) {
        self.shape_failed.insert(path.clone());
        self.push(rank, path, rule, message);
    }

    /// Records a broken rule, unless the shape phase already reported this path or a value containing it.
    pub(crate) fn rule(&mut self, path: String, rule: Rule, message: String) {
        if !self.is_shape_failed(&path) {
            self.push(RULES, path, rule, message);
        }
    }

    /// Whether the shape phase reported `path` or a value containing it.
    pub(crate) fn is_shape_failed(&self, path: &str) -> bool {
        if self.shape_failed.is_empty() {
            return false;
        }
        if self.shape_failed.contains("") || self.shape_failed.contains(path) {
            return true;
        }
        // Each enclosing value: cut before every `.` and `[` that starts a segment.
        path.char_indices()
            .filter(|(at, ch)| *at > 0 && matches!(ch, '.' | '['))
            .any(|(at, _)| {
                path.get(..at)
                    .is_some_and(|outer| self.shape_failed.contains(outer))
            })
    }

    fn push(&mut self, rank: u16, path: String, rule: Rule, message: String) {
        let item = first_index(&path);
        if item > 0 {
            if self.listed_in_lists >= MAX_LISTED {
                self.omitted += 1;
                return;
            }
            self.listed_in_lists += 1;
        }
        let seq = u32::try_from(self.found.len()).unwrap_or(u32::MAX);
        self.found.push((
            Order { item, rank, seq },
            Violation {
                path,
                rule,
                message,
            },
        ));
    }

    /// Whether anything was recorded.
    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty() && self.omitted == 0
    }

    /// All violations in order (see [`Violations`]), with a last `truncated` entry when some were omitted.
    pub(crate) fn finish(mut self) -> Violations {
        super::sort::sort_by_key(&mut self.found, |(order, _)| *order);
        let mut list: Vec<Violation> = self.found.into_iter().map(|(_, v)| v).collect();
        if self.omitted > 0 {
            list.push(Violation {
                path: String::new(),
                rule: Rule::Truncated,
                message: messages::truncated(self.language, self.omitted, MAX_LISTED),
            });
        }
        Violations(list)
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
        c.shape(
            1,
            "project_id".into(),
            Rule::Type,
            "must be a string".into(),
        );
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
            0,
            "product_infos[1]".into(),
            Rule::Type,
            "must be an object".into(),
        );
        c.rule("product_infos[1].id".into(), Rule::Blank, "x".into());
        c.rule("product_infos[10].id".into(), Rule::Blank, "y".into());
        c.rule("product_infos[1]x".into(), Rule::Blank, "z".into());
        let messages: Vec<_> = c.finish().into_iter().map(|v| v.message).collect();
        assert_eq!(messages, ["must be an object", "z", "y"]);
    }

    #[test]
    fn orders_by_item_then_rank_then_time() {
        let mut c = Collector::default();
        c.rule("product_infos[10].id".into(), Rule::Unique, "a".into());
        c.rule("product_infos[2].id".into(), Rule::Blank, "b".into());
        c.rule("project_id".into(), Rule::Blank, "c".into());
        c.shape(3, "product_infos[2].region".into(), Rule::Type, "d".into());
        c.shape(
            0,
            "product_infos[2].colour".into(),
            Rule::UnknownField,
            "e".into(),
        );
        let paths: Vec<_> = c.finish().into_iter().map(|v| v.message).collect();
        assert_eq!(paths, ["c", "e", "d", "b", "a"]);
    }

    #[test]
    fn lists_a_bounded_number_and_counts_the_rest() {
        let mut c = Collector::default();
        for i in 0..MAX_LISTED + 5 {
            c.shape(1, format!("product_infos[{i}].id"), Rule::Type, "x".into());
        }
        c.rule("product_infos".into(), Rule::Count, "too many".into());
        let v = c.finish();
        assert_eq!(v.len(), MAX_LISTED + 2);
        assert_eq!(
            v.as_slice()[0].message,
            "too many",
            "the input's own fields always listed"
        );
        let last = v.as_slice().last().unwrap();
        assert_eq!(last.rule, Rule::Truncated);
        assert!(
            last.message.starts_with("5 more violations"),
            "{}",
            last.message
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
        let both = Violations::from_vec(vec![v.clone(), v]);
        assert_eq!(
            both.to_string(),
            "resource_ids[1]: must not be empty; resource_ids[1]: must not be empty"
        );
        assert_eq!(Rule::UnknownField.code(), "unknown_field");
    }
}
