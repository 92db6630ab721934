//! Reading untrusted JSON text straight into typed values, in one pass and with no `serde_json::Value` tree:
//! serde_json's `Deserializer` walks the text, and the seeds and visitors here take each object member where
//! it belongs, recording what is wrong with its wire-name path instead of stopping.
//!
//! * Objects: a type implements [`Members`] (its wire names, and how to read each member); one visitor does
//!   the rest for every type: unknown and repeated names, missing required members, a value that is not an
//!   object. The traits are object-safe, so one copy of the visitors serves all (generic visitors, one per
//!   type, tripled the size of this code in WebAssembly).
//! * Lists ([`Nested`]): read element by element up to a bound; elements past it are only counted (skipped
//!   without being looked at), so work past a documented limit stops early.
//! * Scalars are read by one visitor into a [`Seen`]: strings borrowed from the input when they have no
//!   escape, numbers as their exact text (serde_json's `arbitrary_precision`), so no amount ever passes
//!   through `f64`. Every visitor here answers every kind of value itself: serde's default answers would
//!   format an unexpected value, floats included, into an error message, and float formatting alone is
//!   18 KB of WebAssembly.
//!
//! [`Cx`] carries the [`Collector`], the [`Unsendable`] values of a JavaScript input, and whether to collect
//! every problem (inquiries) or to stop at the first (answers).

use std::borrow::Cow;
use std::collections::HashMap;

use super::messages;
use super::path::Path;
use super::text::{cut, quote, sort_names, SHOWN_CHARS};
use super::violation::{Collector, Rule};
use crate::language::Language;

mod members;
mod scalars;
mod visit;

pub(crate) use members::{Each, Members, Nested, ScalarList};
pub(crate) use scalars::{maybe_strings, strings, ScalarSeed};
pub(crate) use visit::{read_object, read_text};

/// A JSON value seen where a scalar was expected, classified but not yet interpreted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seen<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its exact JSON text.
    Number(Cow<'a, str>),
    /// A string, unescaped.
    Str(Cow<'a, str>),
    /// A list.
    Array,
    /// An object.
    Object,
    /// A JavaScript value that JSON cannot carry (`NaN`, `Infinity`, `undefined` in a list, a function), which
    /// the JSON text shows as `null` or leaves out; its description.
    Unsendable(String),
}

impl<'a> Seen<'a> {
    /// The value with its borrowed text copied, so that it outlives the input.
    #[cfg(test)]
    pub(crate) fn into_owned(self) -> Seen<'static> {
        match self {
            Seen::Null => Seen::Null,
            Seen::Bool(b) => Seen::Bool(b),
            Seen::Number(t) => Seen::Number(Cow::Owned(t.into_owned())),
            Seen::Str(s) => Seen::Str(Cow::Owned(s.into_owned())),
            Seen::Array => Seen::Array,
            Seen::Object => Seen::Object,
            Seen::Unsendable(what) => Seen::Unsendable(what),
        }
    }

    /// How the value looks, for messages in English: `null`, `a number (2.5)`, `a string ("abc")`,
    /// `an array`, `NaN, which JSON cannot carry`.
    pub(crate) fn describe(&self) -> String {
        self.describe_in(Language::English)
    }

    /// How the value looks, for messages in `language`.
    pub(crate) fn describe_in(&self, language: Language) -> String {
        match self {
            Seen::Null => "null".to_owned(),
            Seen::Bool(b) => b.to_string(),
            Seen::Number(text) => messages::a_number(language, &cut(text, SHOWN_CHARS)),
            Seen::Str(s) => messages::a_string(language, &quote(s)),
            Seen::Array => language.say(messages::AN_ARRAY).to_owned(),
            Seen::Object => language.say(messages::AN_OBJECT).to_owned(),
            Seen::Unsendable(what) => messages::unsendable(language, what),
        }
    }
}

/// JavaScript values of an input that its JSON text could not carry, by the wire-name path where they were,
/// each with a description (`NaN`, `undefined`, `a function`). Found by the JavaScript bindings; empty for
/// JSON text.
#[derive(Debug, Default)]
pub struct Unsendable {
    by_path: HashMap<String, String>,
}

impl Unsendable {
    /// The values found, as `(path, description)`.
    pub fn new(found: impl IntoIterator<Item = (String, String)>) -> Self {
        Unsendable {
            by_path: found.into_iter().collect(),
        }
    }

    fn take(&mut self, path: &Path<'_>) -> Option<String> {
        if self.by_path.is_empty() {
            return None;
        }
        self.by_path.remove(&path.render())
    }
}

/// Whether to collect every problem of an input or to stop at the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Untrusted input (an inquiry): unknown and repeated member names are violations; all are collected.
    Strict,
    /// A server's answer: unknown members are ignored, a repeated member's last value counts, and the first
    /// problem ends the reading.
    Tolerant,
}

/// The state of one reading.
#[derive(Debug)]
pub(crate) struct Cx {
    /// What was found wrong.
    pub(crate) c: Collector,
    mode: Mode,
    unsendable: Unsendable,
    /// In [`Mode::Tolerant`], the problem that stopped the reading: path and message.
    stopped: Option<(String, String)>,
}

impl Cx {
    /// A reading in `mode`, knowing which values JSON could not carry, with messages in English.
    pub(crate) fn new(mode: Mode, unsendable: Unsendable) -> Self {
        Self::in_language(mode, unsendable, Language::English)
    }

    /// A reading in `mode`, knowing which values JSON could not carry, with messages in `language`.
    pub(crate) fn in_language(mode: Mode, unsendable: Unsendable, language: Language) -> Self {
        Cx {
            c: Collector::new(language),
            mode,
            unsendable,
            stopped: None,
        }
    }

    /// The language of the messages.
    pub(crate) fn language(&self) -> Language {
        self.c.language()
    }

    /// How `seen` looks, in the language of the messages.
    pub(crate) fn describe(&self, seen: &Seen<'_>) -> String {
        seen.describe_in(self.language())
    }

    /// The value at `at`, with a `null` that stood for a JavaScript value JSON cannot carry said as what it
    /// was.
    pub(crate) fn look<'a>(&mut self, seen: Seen<'a>, at: &Path<'_>) -> Seen<'a> {
        match seen {
            Seen::Null => self
                .unsendable
                .take(at)
                .map_or(Seen::Null, Seen::Unsendable),
            seen => seen,
        }
    }

    /// Records a problem of the shape at `at` (rank `rank` within its object). In [`Mode::Tolerant`] it also
    /// stops the reading (the caller returns [`Cx::stop`]).
    pub(crate) fn shape(&mut self, rank: u16, at: &Path<'_>, rule: Rule, message: String) {
        if self.mode == Mode::Tolerant {
            if self.stopped.is_none() {
                self.stopped = Some((at.render(), message));
            }
            return;
        }
        self.c.shape(rank, at.render(), rule, message);
    }

    /// Whether the reading was stopped by a problem ([`Mode::Tolerant`]).
    pub(crate) fn is_stopped(&self) -> bool {
        self.stopped.is_some()
    }

    /// The error that stops serde after a problem was recorded with [`Cx::shape`].
    pub(crate) fn stop<E: serde::de::Error>(&self) -> E {
        E::custom("stopped")
    }

    /// The problem that stopped a tolerant reading: path and message.
    pub(crate) fn into_stopped(self) -> Option<(String, String)> {
        self.stopped
    }

    /// Reports the values JSON could not carry that no member claimed (an optional member given a function,
    /// say), except inside values already reported.
    pub(crate) fn report_unclaimed(&mut self) {
        let rest = std::mem::take(&mut self.unsendable.by_path);
        let mut paths: Vec<&str> = rest
            .keys()
            .map(String::as_str)
            .filter(|path| !self.c.is_shape_failed(path))
            .collect();
        sort_names(&mut paths);
        let language = self.language();
        for path in paths {
            let what = rest.get(path).map(String::as_str).unwrap_or_default();
            let seen = messages::unsendable(language, what);
            self.c.shape(
                0,
                path.to_owned(),
                Rule::Type,
                messages::must_be_words(language, messages::A_JSON_VALUE, &seen),
            );
        }
    }

    /// A member that must be present is missing (a value JSON cannot carry, left out of the text, is said as
    /// what it was).
    pub(crate) fn missing(&mut self, rank: u16, at: &Path<'_>) {
        let language = self.language();
        match self.unsendable.take(at) {
            Some(what) => {
                let seen = messages::unsendable(language, &what);
                let message = messages::must_be_words(language, messages::A_JSON_VALUE, &seen);
                self.shape(rank, at, Rule::Type, message);
            }
            None => {
                let message = language.say(messages::REQUIRED).to_owned();
                self.shape(rank, at, Rule::Required, message);
            }
        }
    }
}

/// The rank of member `index` within its object, for the order of violations.
pub(crate) fn rank(index: usize) -> u16 {
    u16::try_from(index + 1).unwrap_or(u16::MAX - 1)
}

#[cfg(test)]
mod tests;
