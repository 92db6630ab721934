//! Reading options objects (client options, breakdown options, per-call options) as JavaScript passes them:
//! straight from the object, with no JSON round trip, every problem reported at once by option path.
//!
//! The JavaScript bindings implement [`OptionSource`] over a real object (reading each property once, catching
//! what a getter throws); native code and tests use [`OptionMap`].

use super::messages::{self, must_be, must_be_words};
use super::path::Path;
use super::suggest::closest;
use super::text::{quote, sort_names};
use super::violation::{Collector, Rule, Violations};

mod map;

use crate::language::{Language, Words};
use crate::money::parse_decimal;
pub use map::{js_like, OptionMap};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// One property of an options object.
pub enum OptionValue {
    /// Not there, or `undefined`.
    Absent,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number, as JavaScript writes it (`730`, `1e-7`, `NaN`): its shortest round-trip text.
    Number(String),
    /// A string.
    Str(String),
    /// A plain object (not an array, not a function).
    Object(Box<dyn OptionSource>),
    /// A function.
    Function,
    /// Anything else, described: `an array`, `a symbol`, `a bigint`.
    Other(&'static str),
    /// Reading the property threw; what was thrown, in words.
    Unreadable(String),
}

impl OptionValue {
    /// How the value looks, for messages in `language`; strings are shown quoted and cut.
    fn describe(&self, language: Language) -> String {
        match self {
            OptionValue::Number(text) => {
                messages::a_number(language, quote(text).trim_matches('"'))
            }
            OptionValue::Str(s) => messages::a_string(language, &quote(s)),
            OptionValue::Unreadable(thrown) => messages::unreadable_value(language, thrown),
            OptionValue::Bool(b) => b.to_string(),
            other => other.kind(language),
        }
    }

    /// How the value looks without showing it, in `language`: for a value that may be a credential put in
    /// the wrong place.
    pub(crate) fn kind(&self, language: Language) -> String {
        let english = match self {
            OptionValue::Absent => "undefined",
            OptionValue::Null => "null",
            OptionValue::Bool(_) => "a boolean",
            OptionValue::Number(_) => "a number",
            OptionValue::Str(_) => "a string",
            OptionValue::Object(_) => "an object",
            OptionValue::Function => "a function",
            OptionValue::Other(what) => what,
            OptionValue::Unreadable(_) => "a value that could not be read",
        };
        messages::value_name(language, english)
    }
}

/// An options object.
pub trait OptionSource {
    /// The object's own enumerable property names, or what was thrown while listing them.
    fn keys(&self) -> Result<Vec<String>, String>;
    /// The property `key`.
    fn get(&self, key: &str) -> OptionValue;
}

/// Reads the properties of options objects, recording every problem by option path.
#[derive(Default)]
pub struct OptionReader {
    c: Collector,
}

impl OptionReader {
    /// A reader with nothing recorded, with messages in English.
    pub fn new() -> Self {
        Self::default()
    }

    /// A reader with nothing recorded, with messages in `language`.
    pub fn in_language(language: Language) -> Self {
        OptionReader {
            c: Collector::new(language),
        }
    }

    /// The language of the messages, for a caller's own.
    pub fn language(&self) -> Language {
        self.c.language()
    }

    /// Reads the optional `language` option of `object` (`"en_US"` or `"zh_CN"`) and, when it is valid, says
    /// every later message in it. Called first, so that the options' own problems are said in the language
    /// they ask for.
    pub fn read_language(&mut self, object: &dyn OptionSource, at: &Path<'_>) -> Option<Language> {
        let language = self.choice(
            object,
            at,
            "language",
            &[("en_US", Language::English), ("zh_CN", Language::Chinese)],
        )?;
        self.c.set_language(language);
        Some(language)
    }

    /// Records a problem of option `path`.
    pub fn fail(&mut self, path: &Path<'_>, rule: Rule, message: String) {
        self.c.shape(0, path.render(), rule, message);
    }

    /// The options object itself: `None` for absent or `null` (all defaults) and, after recording why, for
    /// anything but an object. `what` names it ("client options"); a value that is not an object is described
    /// by its type only, since it may be a credential passed in the wrong place.
    pub fn root(&mut self, value: OptionValue, what: &str) -> Option<Box<dyn OptionSource>> {
        match value {
            OptionValue::Absent | OptionValue::Null => None,
            OptionValue::Object(object) => Some(object),
            other => {
                let language = self.language();
                let message = messages::options_not_object(language, what, &other.kind(language));
                self.fail(&Path::Root, Rule::Type, message);
                None
            }
        }
    }

    /// Reports every property of `object` not in `known` (`unknown_field`), suggesting the closest known name
    /// or listing them all: the same rule and words for every options object.
    pub fn only(&mut self, object: &dyn OptionSource, at: &Path<'_>, known: &[&str]) {
        let keys = match object.keys() {
            Ok(keys) => keys,
            Err(thrown) => {
                let message = messages::could_not_read(self.language(), &quote(&thrown));
                self.fail(at, Rule::Type, message);
                return;
            }
        };
        let mut unknown: Vec<&str> = keys
            .iter()
            .map(String::as_str)
            .filter(|k| !known.contains(k))
            .collect();
        sort_names(&mut unknown);
        for key in unknown {
            let message = messages::not_an_option(self.language(), closest(key, known), known);
            self.fail(&at.key(key), Rule::UnknownField, message);
        }
    }

    /// A property, `None` when absent or `null`.
    pub fn get(
        &mut self,
        object: &dyn OptionSource,
        at: &Path<'_>,
        key: &str,
    ) -> Option<OptionValue> {
        match object.get(key) {
            OptionValue::Absent | OptionValue::Null => None,
            OptionValue::Unreadable(thrown) => {
                let message = messages::could_not_read(self.language(), &quote(&thrown));
                self.fail(&at.key(key), Rule::Type, message);
                None
            }
            value => Some(value),
        }
    }

    /// An optional string property.
    pub fn string(
        &mut self,
        object: &dyn OptionSource,
        at: &Path<'_>,
        key: &str,
    ) -> Option<String> {
        match self.get(object, at, key)? {
            OptionValue::Str(s) => Some(s),
            other => {
                let language = self.language();
                let message =
                    must_be_words(language, messages::A_STRING, &other.describe(language));
                self.fail(&at.key(key), Rule::Type, message);
                None
            }
        }
    }

    /// An optional property that must be one of `choices` (each a string and its meaning), listed in
    /// messages (`"en_US" or "zh_CN"`).
    pub fn choice<T: Copy>(
        &mut self,
        object: &dyn OptionSource,
        at: &Path<'_>,
        key: &str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        let value = self.get(object, at, key)?;
        if let OptionValue::Str(s) = &value {
            if let Some((_, choice)) = choices.iter().find(|(name, _)| name == s) {
                return Some(*choice);
            }
        }
        let language = self.language();
        let names: Vec<String> = choices.iter().map(|(name, _)| quote(name)).collect();
        let expected = messages::alternatives(language, &names);
        let message = must_be(language, &expected, &value.describe(language));
        self.fail(&at.key(key), Rule::OneOf, message);
        None
    }

    /// An optional whole-number property from `min` to `max`.
    pub fn whole(
        &mut self,
        object: &dyn OptionSource,
        at: &Path<'_>,
        key: &str,
        (min, max): (i64, i64),
    ) -> Option<i64> {
        let value = self.get(object, at, key)?;
        let language = self.language();
        let expected = messages::whole_number_from(language, min, max, ("", ""));
        let here = at.key(key);
        let OptionValue::Number(text) = &value else {
            let message = must_be(language, &expected, &value.describe(language));
            self.fail(&here, Rule::Type, message);
            return None;
        };
        let (rule, shown) = match parse_decimal(text) {
            Ok(d) if !d.fract().is_zero() => (Rule::WholeNumber, text.clone()),
            Ok(d) => match d.to_i64().filter(|n| (min..=max).contains(n)) {
                Some(n) => return Some(n),
                None => (Rule::Range, text.clone()),
            },
            Err(_) => (Rule::Range, value.describe(language)),
        };
        self.fail(&here, rule, must_be(language, &expected, &shown));
        None
    }

    /// An optional exact decimal property, given as a number or a decimal string; `None` with the value as
    /// seen when it is not a decimal.
    pub fn decimal(
        &mut self,
        object: &dyn OptionSource,
        at: &Path<'_>,
        key: &str,
    ) -> Option<Decimal> {
        let value = self.get(object, at, key)?;
        let parsed = match &value {
            OptionValue::Number(text) | OptionValue::Str(text) => parse_decimal(text).ok(),
            _ => None,
        };
        if parsed.is_none() {
            let language = self.language();
            let message = must_be_words(language, messages::A_DECIMAL, &value.describe(language));
            self.fail(&at.key(key), Rule::Type, message);
        }
        parsed
    }

    /// An optional boolean property.
    pub fn boolean(&mut self, object: &dyn OptionSource, at: &Path<'_>, key: &str) -> Option<bool> {
        match self.get(object, at, key)? {
            OptionValue::Bool(b) => Some(b),
            other => {
                let language = self.language();
                let seen = other.describe(language);
                let message = must_be_words(language, messages::TRUE_OR_FALSE, &seen);
                self.fail(&at.key(key), Rule::Type, message);
                None
            }
        }
    }

    /// An optional nested options object.
    pub fn object(
        &mut self,
        object: &dyn OptionSource,
        at: &Path<'_>,
        key: &str,
    ) -> Option<Box<dyn OptionSource>> {
        match self.get(object, at, key)? {
            OptionValue::Object(nested) => Some(nested),
            other => {
                let language = self.language();
                let message = must_be_words(language, messages::AN_OBJECT, &other.kind(language));
                self.fail(&at.key(key), Rule::Type, message);
                None
            }
        }
    }

    /// Whether the optional property `key` is a function; anything else is recorded (by its kind only).
    pub fn function(&mut self, object: &dyn OptionSource, at: &Path<'_>, key: &str) -> bool {
        match self.get(object, at, key) {
            None => false,
            Some(OptionValue::Function) => true,
            Some(other) => {
                let language = self.language();
                let message = must_be_words(language, messages::A_FUNCTION, &other.kind(language));
                self.fail(&at.key(key), Rule::Type, message);
                false
            }
        }
    }

    /// Whether anything was recorded.
    pub fn is_empty(&self) -> bool {
        self.c.is_empty()
    }

    /// `Ok` when nothing was recorded, else every problem, in the reader's language; `what` names the options
    /// in the error's head line (one of [`messages::bags`]).
    pub fn finish(self, what: Words) -> Result<(), InvalidOptions> {
        if self.c.is_empty() {
            Ok(())
        } else {
            let language = self.c.language();
            Err(InvalidOptions {
                violations: self.c.finish(),
                language,
                what,
            })
        }
    }
}

/// Options that break their rules: every problem, said in the language the options asked for. The message is
/// a head line naming the options and then one indented line per problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", messages::invalid_options(*language, *what, violations.iter()))]
pub struct InvalidOptions {
    /// Every problem, in order.
    pub violations: Violations,
    /// The language of the messages.
    pub language: Language,
    /// What the options are called ([`messages::bags`]).
    pub what: Words,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::bags;

    fn num(text: &str) -> OptionValue {
        OptionValue::Number(text.to_owned())
    }

    fn found(r: OptionReader) -> Vec<String> {
        r.finish(bags::CLIENT)
            .unwrap_err()
            .violations
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn reads_every_kind_of_option() {
        let nested = OptionMap::new().with("maxAttempts", num("3"));
        let o = OptionMap::new()
            .with("s", OptionValue::Str("x".into()))
            .with("n", num("600"))
            .with("d", OptionValue::Str("720.5".into()))
            .with("b", OptionValue::Bool(true))
            .with("f", OptionValue::Function)
            .with("nested", OptionValue::Object(Box::new(nested)))
            .with("nothing", OptionValue::Null);
        let root = Path::Root;
        let mut r = OptionReader::new();
        assert_eq!(r.string(&o, &root, "s").as_deref(), Some("x"));
        assert_eq!(r.whole(&o, &root, "n", (1, 600)), Some(600));
        assert_eq!(
            r.decimal(&o, &root, "d").map(|d| d.to_string()),
            Some("720.5".to_owned())
        );
        assert_eq!(r.boolean(&o, &root, "b"), Some(true));
        assert!(r.function(&o, &root, "f"));
        let inner = r.object(&o, &root, "nested").unwrap();
        assert_eq!(
            r.whole(inner.as_ref(), &root.key("nested"), "maxAttempts", (1, 10)),
            Some(3)
        );
        assert_eq!(r.string(&o, &root, "nothing"), None);
        assert_eq!(r.string(&o, &root, "missing"), None);
        r.only(&o, &root, &["s", "n", "d", "b", "f", "nested", "nothing"]);
        assert!(r.is_empty());
    }

    #[test]
    fn every_problem_at_once() {
        let o = OptionMap::new()
            .with("n", num("1.5"))
            .with("m", num("NaN"))
            .with("k", num("0"))
            .with("lang", OptionValue::Str("fr".into()))
            .with("b", OptionValue::Str("yes".into()))
            .with("throws", OptionValue::Unreadable("boom".into()))
            .with("projection", OptionValue::Bool(true));
        let root = Path::Root;
        let mut r = OptionReader::new();
        r.only(
            &o,
            &root,
            &["n", "m", "k", "lang", "b", "throws", "projections"],
        );
        r.whole(&o, &root, "n", (0, 10));
        r.whole(&o, &root, "m", (0, 10));
        r.whole(&o, &root, "k", (1, 10));
        r.choice(&o, &root, "lang", &[("en_US", 0), ("zh_CN", 1)]);
        r.boolean(&o, &root, "b");
        r.string(&o, &root, "throws");
        assert_eq!(
            found(r),
            [
                "projection: is not a known option; did you mean projections?",
                "n: must be a whole number from 0 to 10, got 1.5",
                "m: must be a whole number from 0 to 10, got a number (NaN)",
                "k: must be a whole number from 1 to 10, got 0",
                "lang: must be \"en_US\" or \"zh_CN\", got a string (\"fr\")",
                "b: must be true or false, got a string (\"yes\")",
                "throws: could not be read: \"boom\"",
            ]
        );
        let mut r = OptionReader::new();
        assert!(r
            .root(OptionValue::Str("secret-token".into()), "client options")
            .is_none());
        let shown = found(r);
        assert_eq!(shown, ["client options must be an object, got a string"]);
    }

    #[test]
    fn the_language_option_says_the_rest_in_chinese() {
        let nested = OptionMap::new().with("x", num("1"));
        let o = OptionMap::new()
            .with("language", OptionValue::Str("zh_CN".into()))
            .with("bach", OptionValue::Bool(true))
            .with("colour", OptionValue::Null)
            .with("n", num("1.5"))
            .with("s", num("5"))
            .with("b", OptionValue::Other("an array"))
            .with("d", OptionValue::Str("lots".into()))
            .with("f", OptionValue::Object(Box::new(nested)))
            .with("o", OptionValue::Function)
            .with("c", OptionValue::Str("fr".into()))
            .with("t", OptionValue::Unreadable("boom".into()));
        let root = Path::Root;
        let mut r = OptionReader::new();
        assert_eq!(r.read_language(&o, &root), Some(Language::Chinese));
        let known = ["language", "batch", "n", "s", "b", "d", "f", "o", "c", "t"];
        r.only(&o, &root, &known);
        r.whole(&o, &root, "n", (1, 10));
        r.string(&o, &root, "s");
        r.boolean(&o, &root, "b");
        r.decimal(&o, &root, "d");
        r.function(&o, &root, "f");
        r.object(&o, &root, "o");
        r.choice(&o, &root, "c", &[("intl", 0), ("cn", 1)]);
        r.string(&o, &root, "t");
        assert_eq!(
            found(r),
            [
                "bach: 不是已知的选项；是否应为 batch？",
                "colour: 不是已知的选项；可用的选项为 language、batch、n、s、b、d、f、o、c、t",
                "n: 应为 1 到 10 之间的整数，实际为 1.5",
                "s: 应为字符串，实际为数字 5",
                "b: 应为 true 或 false，实际为数组",
                "d: 应为十进制数，实际为字符串 \"lots\"",
                "f: 应为函数，实际为对象",
                "o: 应为对象，实际为函数",
                "c: 应为 \"intl\" 或 \"cn\"，实际为字符串 \"fr\"",
                "t: 无法读取：\"boom\"",
            ]
        );
        let mut r = OptionReader::in_language(Language::Chinese);
        assert!(r.root(OptionValue::Bool(true), "options").is_none());
        assert_eq!(found(r), ["选项应为对象，实际为布尔值"]);
    }

    #[test]
    fn an_invalid_options_message_names_the_options_and_lists_each_problem_in_its_language() {
        let o = OptionMap::new()
            .with("nope", num("1"))
            .with("n", OptionValue::Bool(true));
        for (language, head, first) in [
            (
                Language::English,
                "invalid client options: 2 problems",
                "  nope: is not a known option; the options are n",
            ),
            (
                Language::Chinese,
                "客户端选项无效：2 个问题",
                "  nope: 不是已知的选项；可用的选项为 n",
            ),
        ] {
            let mut r = OptionReader::in_language(language);
            r.only(&o, &Path::Root, &["n"]);
            r.whole(&o, &Path::Root, "n", (0, 1));
            let err = r.finish(bags::CLIENT).unwrap_err();
            let message = err.to_string();
            let lines: Vec<&str> = message.lines().collect();
            assert_eq!(lines.len(), 3, "{message}");
            assert_eq!((lines[0], lines[1]), (head, first));
            assert_eq!(err.language, language);
        }
    }
}
