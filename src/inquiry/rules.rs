//! Rules that several inquiry fields share: text fields (empty, blank, padded, too long), integers within
//! their documented domain, list lengths per request or per batch, unique ids, and where an unknown field
//! belongs instead.

use std::collections::HashMap;

use super::messages;
use crate::language::Words;
use crate::validate::text::quote;
use crate::validate::violation::{Collector, Rule};
use crate::validate::{IntRule, Path};

/// How strictly a string field is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextKind {
    /// A caller's own label (`id`): must not be empty.
    Label,
    /// A code the server matches (`region`, `resource_spec`, …): not blank, no whitespace at the ends.
    Code,
    /// An optional code where `""` means "not given" (`available_zone`): no whitespace at the ends.
    OptionalCode,
}

/// Checks a string's emptiness, surrounding whitespace and length (in characters).
pub(crate) fn check_text(
    c: &mut Collector,
    path: &Path<'_>,
    value: &str,
    max: usize,
    kind: TextKind,
) {
    let language = c.language();
    if value.is_empty() {
        if kind != TextKind::OptionalCode {
            let message = language.say(messages::NOT_EMPTY).to_owned();
            c.rule(path.render(), Rule::Blank, message);
        }
        return;
    }
    // Whitespace at either end is all that trimming could find; an ASCII letter or digit at both ends
    // settles it without looking further (the common case).
    let bytes = value.as_bytes();
    let plain_ends = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
    if kind != TextKind::Label && !(plain_ends(bytes.first()) && plain_ends(bytes.last())) {
        if value.trim().is_empty() {
            c.rule(
                path.render(),
                Rule::Blank,
                messages::blank(language, &quote(value)),
            );
            return;
        }
        if value.trim() != value {
            c.rule(
                path.render(),
                Rule::Blank,
                messages::padded(language, &quote(value)),
            );
        }
    }
    // Only a long value needs counting: a string of `max` bytes or fewer has at most `max` characters.
    if value.len() > max {
        let chars = value.chars().count();
        if chars > max {
            c.rule(
                path.render(),
                Rule::MaxLength,
                messages::too_long(language, max, chars),
            );
        }
    }
}

/// Checks an integer against its documented domain; `None` is not checked.
pub(crate) fn check_int(c: &mut Collector, path: &Path<'_>, value: Option<i64>, rule: &IntRule) {
    if let Some(v) = value {
        if !rule.allows(v) {
            let language = c.language();
            let expected = rule.expectation(language);
            c.rule(
                path.render(),
                rule.rule(),
                crate::validate::messages::must_be(language, &expected, &v.to_string()),
            );
        }
    }
}

/// Whether an inquiry must fit one request, or is a batch the client splits into requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// One request: the API's own limits on list lengths.
    Request,
    /// A batch: lists may be longer, up to our own batch bounds; every other rule is the same.
    Batch,
}

/// Checks that a list holds from 1 to as many elements as `scope` allows (`per_request` or `per_batch`);
/// `noun` names one element ("product", "resource id").
pub(crate) fn check_count(
    c: &mut Collector,
    list: &Path<'_>,
    count: usize,
    scope: Scope,
    (per_request, per_batch): (usize, usize),
    noun: Words,
) {
    let (max, batch) = match scope {
        Scope::Request => (per_request, false),
        Scope::Batch => (per_batch, true),
    };
    let language = c.language();
    if count == 0 {
        c.rule(
            list.render(),
            Rule::Count,
            messages::none_listed(language, noun),
        );
    } else if count > max {
        c.rule(
            list.render(),
            Rule::Count,
            messages::too_many(language, noun, (max, batch), count),
        );
    }
}

/// Reports each repeated value among `values` (elements of `list`, field `key` or the elements themselves
/// when `key` is empty) at the repeat's path, naming the first occurrence. Empty values are left to the
/// emptiness rule.
pub(crate) fn check_unique<'v>(
    c: &mut Collector,
    list: &Path<'_>,
    key: &str,
    values: impl Iterator<Item = &'v str>,
) {
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (i, value) in values.enumerate() {
        if value.is_empty() {
            continue;
        }
        match first_seen.get(value) {
            Some(first) => {
                let at = list.index(i);
                let here = if key.is_empty() {
                    at.render()
                } else {
                    at.key(key).render()
                };
                let first = list.index(*first).render();
                let message = messages::repeated(c.language(), &quote(value), key, &first);
                c.rule(here, Rule::Unique, message);
            }
            None => {
                first_seen.insert(value, i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rules() {
        let mut c = Collector::default();
        let root = Path::Root;
        check_text(&mut c, &root.key("a"), "", 5, TextKind::Label);
        check_text(&mut c, &root.key("b"), " x", 5, TextKind::Code);
        check_text(&mut c, &root.key("c"), "  ", 5, TextKind::Code);
        check_text(&mut c, &root.key("d"), "", 5, TextKind::OptionalCode);
        check_text(&mut c, &root.key("e"), "éééééé", 5, TextKind::Label);
        check_text(&mut c, &root.key("f"), "ééééé", 5, TextKind::Label);
        let found: Vec<String> = c.finish().iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "a: must not be empty",
                "b: must not start or end with whitespace, got \" x\"",
                "c: must not be blank, got \"  \"",
                "e: must be at most 5 characters, got 6",
            ]
        );
    }
}
