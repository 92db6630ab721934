//! Reading one scalar member of an untrusted input: a string, a whole number, an exact decimal or a boolean.
//! Each reader turns a missing value, a `null`, a wrong JSON type, a fractional number where a whole one
//! belongs or an inexact decimal into a violation at the member's path, and says what was expected.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::messages;
use super::path::Path;
use super::read::{Cx, Seen};
use super::text::{cut, SHOWN_CHARS};
use super::violation::Rule;
use crate::language::{Language, Words};
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
        /// Text appended to the expectation in English (starting with a space) and in Chinese, or empty.
        note: Words,
    },
    /// One of the listed values, each with its meaning in English and in Chinese.
    OneOf(&'static [(i64, Words)]),
}

impl IntRule {
    /// Whether `value` is allowed.
    pub fn allows(&self, value: i64) -> bool {
        match self {
            IntRule::Range { min, max, .. } => (*min..=*max).contains(&value),
            IntRule::OneOf(choices) => choices.iter().any(|(v, _)| *v == value),
        }
    }

    /// What a valid value looks like, for messages in `language`: "a whole number from 1 to 10000".
    pub fn expectation(&self, language: Language) -> String {
        match self {
            IntRule::Range { min, max, note } => {
                messages::whole_number_from(language, *min, *max, *note)
            }
            IntRule::OneOf(choices) => messages::one_of_values(language, choices),
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

/// Whether a member may be absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// It must be there and not null.
    Required,
    /// Absent and `null` both mean "not given".
    Optional,
    /// A list element: it is there, and `null` is a value of the wrong type.
    Element,
}

/// A member's place: its path and its rank within its object.
#[derive(Clone, Copy)]
pub(crate) struct Place<'a, 'p> {
    /// The member's path.
    pub(crate) at: &'a Path<'p>,
    /// Its rank within its object.
    pub(crate) rank: u16,
    /// Whether it may be absent.
    pub(crate) need: Need,
}

impl Cx {
    /// `null` where it is not a value: reported for a required member, nothing for an optional one.
    fn null(&mut self, place: Place<'_, '_>) {
        if place.need == Need::Required {
            let message = self.language().say(messages::REQUIRED_NULL).to_owned();
            self.shape(place.rank, place.at, Rule::Required, message);
        }
    }

    fn wrong(&mut self, place: Place<'_, '_>, rule: Rule, message: String) {
        self.shape(place.rank, place.at, rule, message);
    }

    /// A string member.
    pub(crate) fn text(&mut self, seen: Seen<'_>, place: Place<'_, '_>) -> Option<String> {
        match self.look(seen, place.at) {
            Seen::Str(s) => Some(s.into_owned()),
            Seen::Null if place.need != Need::Element => {
                self.null(place);
                None
            }
            other => {
                let message = messages::must_be_words(
                    self.language(),
                    messages::A_STRING,
                    &self.describe(&other),
                );
                self.wrong(place, Rule::Type, message);
                None
            }
        }
    }

    /// A whole number within `i64`; the domain in `rule` is used for messages here and checked by the rules.
    pub(crate) fn int(
        &mut self,
        seen: Seen<'_>,
        place: Place<'_, '_>,
        rule: &IntRule,
    ) -> Option<i64> {
        let number = match self.look(seen, place.at) {
            Seen::Number(text) => text,
            Seen::Null if place.need != Need::Element => {
                self.null(place);
                return None;
            }
            other => {
                let expected = rule.expectation(self.language());
                let message = messages::must_be(self.language(), &expected, &self.describe(&other));
                self.wrong(place, Rule::Type, message);
                return None;
            }
        };
        let text = number.as_ref();
        if let Ok(n) = text.parse::<i64>() {
            return Some(n);
        }
        let (broken, shown) = match parse_decimal(text) {
            Ok(d) if d.fract().is_zero() => match d.to_i64() {
                Some(n) => return Some(n),
                None => (rule.rule(), text.to_owned()),
            },
            Ok(_) => (Rule::WholeNumber, text.to_owned()),
            Err(_) => (rule.rule(), cut(text, SHOWN_CHARS)),
        };
        let expected = rule.expectation(self.language());
        let message = messages::must_be(self.language(), &expected, &shown);
        self.wrong(place, broken, message);
        None
    }

    /// An exact decimal given as a JSON number or as a decimal string.
    pub(crate) fn decimal(&mut self, seen: Seen<'_>, place: Place<'_, '_>) -> Option<Decimal> {
        let seen = self.look(seen, place.at);
        let text = match &seen {
            Seen::Number(text) | Seen::Str(text) => text.as_ref(),
            Seen::Null if place.need != Need::Element => {
                self.null(place);
                return None;
            }
            other => {
                let message = messages::must_be_words(
                    self.language(),
                    messages::A_DECIMAL_VALUE,
                    &self.describe(other),
                );
                self.wrong(place, Rule::Type, message);
                return None;
            }
        };
        let language = self.language();
        let message = match parse_decimal(text) {
            Ok(d) => return Some(d),
            Err(DecimalError::Syntax) => {
                messages::must_be_words(language, messages::A_DECIMAL_TEXT, &self.describe(&seen))
            }
            Err(DecimalError::TooPrecise) => {
                messages::too_precise(language, &cut(text, SHOWN_CHARS))
            }
        };
        self.wrong(place, Rule::Decimal, message);
        None
    }

    /// A boolean member.
    pub(crate) fn boolean(&mut self, seen: Seen<'_>, place: Place<'_, '_>) -> Option<bool> {
        match self.look(seen, place.at) {
            Seen::Bool(b) => Some(b),
            Seen::Null if place.need != Need::Element => {
                self.null(place);
                None
            }
            other => {
                let message = messages::must_be_words(
                    self.language(),
                    messages::A_BOOLEAN_MEMBER,
                    &self.describe(&other),
                );
                self.wrong(place, Rule::Type, message);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::read::{read_text, Members, Mode, Unsendable};

    const SUBS: IntRule = IntRule::Range {
        min: 1,
        max: 10_000,
        note: ("", ""),
    };

    /// Reads each value of a JSON object with `read`, returning the results and the violations.
    fn each<T>(
        text: &str,
        need: Need,
        mut read: impl FnMut(&mut Cx, Seen<'_>, Place<'_, '_>) -> T,
    ) -> (Vec<T>, Vec<String>) {
        /// Every member as a scalar, in order.
        #[derive(Default)]
        struct All(Vec<(String, Seen<'static>)>);

        impl Members for All {
            fn fields(&self) -> &'static [&'static str] {
                &["a", "b", "c", "d", "e", "f", "g", "h"]
            }

            fn required(&self, _: usize) -> bool {
                false
            }

            fn scalar(&mut self, index: usize, seen: Seen<'_>, _: &mut Cx, _: &Path<'_>) {
                let key = self.fields()[index].to_owned();
                self.0.push((key, seen.into_owned()));
            }
        }

        let mut all = All::default();
        let mut reading = Cx::new(Mode::Strict, Unsendable::default());
        assert!(read_text(text, &mut reading, "an object", &mut all));
        let mut cx = Cx::new(Mode::Strict, Unsendable::default());
        let root = Path::Root;
        let got = all
            .0
            .into_iter()
            .map(|(key, seen)| {
                let at = root.key(&key);
                read(
                    &mut cx,
                    seen,
                    Place {
                        at: &at,
                        rank: 1,
                        need,
                    },
                )
            })
            .collect();
        let found =
            cx.c.finish()
                .into_iter()
                .map(|v| format!("{} {} {}", v.path, v.rule.code(), v.message))
                .collect();
        (got, found)
    }

    #[test]
    fn reads_whole_numbers() {
        let (got, found) = each(
            r#"{"a": 40, "b": 40.0, "c": 4e1, "d": 2.5, "e": "5", "f": 1e30, "g": null, "h": -3}"#,
            Need::Required,
            |cx, seen, place| cx.int(seen, place, &SUBS),
        );
        assert_eq!(
            got,
            [
                Some(40),
                Some(40),
                Some(40),
                None,
                None,
                None,
                None,
                Some(-3)
            ]
        );
        assert_eq!(
            found,
            [
                "d whole_number must be a whole number from 1 to 10000, got 2.5",
                "e type must be a whole number from 1 to 10000, got a string (\"5\")",
                "f range must be a whole number from 1 to 10000, got 1e+30",
                "g required is required, got null",
            ]
        );
    }

    #[test]
    fn reads_decimals_from_numbers_and_strings() {
        let text = r#"{"a": 0.0000000001, "b": "1.50", "c": 1e-10, "d": "abc", "e": true, "f": "1.00000000000000000000000000001"}"#;
        let (got, found) = each(text, Need::Required, |cx, seen, place| {
            cx.decimal(seen, place).map(|d| d.to_string())
        });
        let got: Vec<_> = got.into_iter().map(Option::unwrap_or_default).collect();
        assert_eq!(got, ["0.0000000001", "1.50", "0.0000000001", "", "", ""]);
        assert_eq!(
            found,
            [
                "d decimal must be a decimal number such as 2 or 0.5, got a string (\"abc\")",
                "e type must be a decimal number (a number, or a string such as \"0.5\"), got true",
                "f decimal must fit an exact decimal (at most 28 significant digits, no rounding), got 1.00000000000000000000000000001",
            ]
        );
    }

    #[test]
    fn strings_booleans_and_nulls() {
        let (got, found) = each(
            r#"{"a": "x", "b": 5, "c": null, "d": [1]}"#,
            Need::Optional,
            |cx, seen, place| cx.text(seen, place),
        );
        assert_eq!(got, [Some("x".to_owned()), None, None, None]);
        assert_eq!(
            found,
            [
                "b type must be a string, got a number (5)",
                "d type must be a string, got an array",
            ]
        );
        let (_, found) = each(r#"{"a": null}"#, Need::Element, |cx, seen, place| {
            cx.text(seen, place)
        });
        assert_eq!(found, ["a type must be a string, got null"]);
        let (got, found) = each(
            r#"{"a": true, "b": "yes"}"#,
            Need::Optional,
            |cx, seen, place| cx.boolean(seen, place),
        );
        assert_eq!(got, [Some(true), None]);
        assert_eq!(
            found,
            ["b type must be true or false (leave it out for false), got a string (\"yes\")"]
        );
    }
}
