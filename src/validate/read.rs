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
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::path::Path;
use super::text::{cut, quote, sort_names, SHOWN_CHARS};
use super::violation::{Collector, Rule};

/// The visit methods of a visitor that takes only some kinds of values: every other kind is refused with an
/// error that shows no value (see the module's notes on float formatting).
macro_rules! refuse {
    ($($method:ident($($arg:ty)?)),*) => {
        $(
            fn $method<E: de::Error>(self $(, _: $arg)?) -> Result<Self::Value, E> {
                Err(E::custom("unexpected value"))
            }
        )*
    };
    (seq, map) => {
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Err(de::Error::custom("unexpected value"))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_key::<IgnoredAny>()?.is_some() {
                map.next_value::<IgnoredAny>()?;
            }
            Err(de::Error::custom("unexpected value"))
        }
    };
}

/// The key under which serde_json (built with `arbitrary_precision`, as this crate is) hands a JSON number to
/// `visit_map`, with the number's exact text as its value. serde_json's own `Number` reads numbers this way.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

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

    /// How the value looks, for messages: `null`, `a number (2.5)`, `a string ("abc")`, `an array`,
    /// `NaN, which JSON cannot carry`.
    pub(crate) fn describe(&self) -> String {
        match self {
            Seen::Null => "null".to_owned(),
            Seen::Bool(b) => b.to_string(),
            Seen::Number(text) => format!("a number ({})", cut(text, SHOWN_CHARS)),
            Seen::Str(s) => format!("a string ({})", quote(s)),
            Seen::Array => "an array".to_owned(),
            Seen::Object => "an object".to_owned(),
            Seen::Unsendable(what) => format!("{what}, which JSON cannot carry"),
        }
    }
}

/// Reads a JSON string. Written out rather than `String`, whose deserializer would also format floats for
/// its error messages (14 KB of WebAssembly): anything but a string is an error without a value in it.
struct StrText;

impl<'de> DeserializeSeed<'de> for StrText {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrText {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    refuse!(
        visit_unit(),
        visit_bool(bool),
        visit_i64(i64),
        visit_u64(u64),
        visit_f64(f64)
    );
    refuse!(seq, map);
}

/// The strings of a JSON list of strings, such as the JavaScript bindings' own messages; `None` when `text`
/// is anything else.
pub(crate) fn strings(text: &str) -> Option<Vec<String>> {
    struct Strings;

    impl<'de> Visitor<'de> for Strings {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of strings")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::new();
            while let Some(s) = seq.next_element_seed(StrText)? {
                out.push(s);
            }
            Ok(out)
        }

        refuse!(
            visit_unit(),
            visit_bool(bool),
            visit_i64(i64),
            visit_u64(u64),
            visit_f64(f64)
        );
        refuse!(visit_str(&str));

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            while map.next_key::<IgnoredAny>()?.is_some() {
                map.next_value::<IgnoredAny>()?;
            }
            Err(de::Error::custom("unexpected value"))
        }
    }

    let mut de = serde_json::Deserializer::from_str(text);
    let list = de.deserialize_any(Strings).ok()?;
    de.end().ok()?;
    Some(list)
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
    /// A reading in `mode`, knowing which values JSON could not carry.
    pub(crate) fn new(mode: Mode, unsendable: Unsendable) -> Self {
        Cx {
            c: Collector::default(),
            mode,
            unsendable,
            stopped: None,
        }
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
    pub(crate) fn stop<E: de::Error>(&self) -> E {
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
        for path in paths {
            let what = rest.get(path).map(String::as_str).unwrap_or_default();
            self.c.shape(
                0,
                path.to_owned(),
                Rule::Type,
                format!("must be a JSON value, got {what}, which JSON cannot carry"),
            );
        }
    }

    /// A member that must be present is missing (a value JSON cannot carry, left out of the text, is said as
    /// what it was).
    pub(crate) fn missing(&mut self, rank: u16, at: &Path<'_>) {
        match self.unsendable.take(at) {
            Some(what) => self.shape(
                rank,
                at,
                Rule::Type,
                format!("must be a JSON value, got {what}, which JSON cannot carry"),
            ),
            None => self.shape(rank, at, Rule::Required, "is required".to_owned()),
        }
    }
}

/// The members of an object read from JSON. Object-safe, so that one visitor serves every object (a generic
/// visitor per object type would multiply the WebAssembly code by the number of types).
pub(crate) trait Members {
    /// Wire names of the members, in the order their problems are listed.
    fn fields(&self) -> &'static [&'static str];

    /// What an unknown member is not, for messages: `is not a field of this inquiry`.
    fn not_a_field(&self) -> &'static str {
        "a field of this inquiry"
    }

    /// Whether member `fields()[index]` must be present.
    fn required(&self, index: usize) -> bool;

    /// Advice for an unknown member name, when no known name is close to it.
    fn hint(&self, _key: &str) -> Option<String> {
        None
    }

    /// Reads the scalar member `fields()[index]` from its exact value; `at` is the object's path.
    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>);

    /// The member `fields()[index]`, if it is a list or an object read element by element.
    fn nested(&mut self, _index: usize) -> Option<Nested<'_>> {
        None
    }
}

/// A member read element by element rather than as one scalar.
pub(crate) enum Nested<'a> {
    /// A list of objects.
    Objects(Box<dyn ObjectList + 'a>),
    /// A list of scalars.
    Scalars(&'a mut dyn ScalarList),
    /// An object that may be absent.
    Object(&'a mut dyn OptionalObject),
}

/// A list of objects being read.
pub(crate) trait ObjectList {
    /// What each element is, for messages: `a product`.
    fn what(&self) -> &'static str;
    /// Elements read at most; the rest are only counted.
    fn max(&self) -> usize;
    /// A new element, with its defaults, to read into.
    fn next(&mut self) -> &mut dyn Members;
    /// Keeps the element last read into (not done when the list ended, or for `null` in an answer).
    fn keep(&mut self);
    /// How many elements the list held in all.
    fn set_len(&mut self, len: usize);
}

/// A list of scalars being read.
pub(crate) trait ScalarList {
    /// Elements read at most; the rest are only counted.
    fn max(&self) -> usize;
    /// Reads one element from its exact value.
    fn push(&mut self, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>);
    /// How many elements the list held in all.
    fn set_len(&mut self, len: usize);
}

/// An object member that may be `null` or absent.
pub(crate) trait OptionalObject {
    /// The object, made with its defaults, to read into.
    fn fill(&mut self) -> &mut dyn Members;
    /// Sets it back to absent.
    fn clear(&mut self);
}

/// Reads a list of objects of `M` into `items`: at most `max` elements (the rest only counted, into `len`
/// when given), each `what` in messages.
pub(crate) struct Each<'v, M> {
    items: &'v mut Vec<M>,
    len: Option<&'v mut usize>,
    next: M,
    max: usize,
    what: &'static str,
}

impl<'v, M: Default> Each<'v, M> {
    /// Reads into `items`, each element `what`, all of them.
    pub(crate) fn new(items: &'v mut Vec<M>, what: &'static str) -> Self {
        Each {
            items,
            len: None,
            next: M::default(),
            max: usize::MAX,
            what,
        }
    }

    /// At most `max` elements are read; `len` is set to how many the list held in all.
    pub(crate) fn bounded(mut self, max: usize, len: &'v mut usize) -> Self {
        self.max = max;
        self.len = Some(len);
        self
    }
}

impl<M: Members + Default> ObjectList for Each<'_, M> {
    fn what(&self) -> &'static str {
        self.what
    }

    fn max(&self) -> usize {
        self.max
    }

    fn next(&mut self) -> &mut dyn Members {
        self.next = M::default();
        &mut self.next
    }

    fn keep(&mut self) {
        self.items.push(std::mem::take(&mut self.next));
    }

    fn set_len(&mut self, len: usize) {
        if let Some(total) = self.len.as_deref_mut() {
            *total = len;
        }
    }
}

impl<M: Members + Default> OptionalObject for Option<M> {
    fn fill(&mut self) -> &mut dyn Members {
        self.insert(M::default())
    }

    fn clear(&mut self) {
        *self = None;
    }
}

/// The rank of member `index` within its object, for the order of violations.
pub(crate) fn rank(index: usize) -> u16 {
    u16::try_from(index + 1).unwrap_or(u16::MAX - 1)
}

/// What a value read where an object belongs turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// An object, read.
    Object,
    /// `null` in an answer: not given.
    Absent,
    /// Anything else (reported).
    Other,
}

/// Reads one JSON object into `members`.
struct ObjectSeed<'c, 'p> {
    cx: &'c mut Cx,
    at: &'c Path<'p>,
    /// The rank of the object's own problems within its parent.
    rank: u16,
    /// What the object is, for messages: `a product`.
    what: &'static str,
    members: &'c mut dyn Members,
}

impl<'de> DeserializeSeed<'de> for ObjectSeed<'_, '_> {
    type Value = Shape;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Shape, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl ObjectSeed<'_, '_> {
    fn not_object<E: de::Error>(self, seen: Seen<'_>) -> Result<Shape, E> {
        if self.cx.mode == Mode::Tolerant && seen == Seen::Null {
            // An answer's object that is null is not given.
            return Ok(Shape::Absent);
        }
        let seen = match seen {
            Seen::Null => self
                .cx
                .unsendable
                .take(self.at)
                .map_or(Seen::Null, Seen::Unsendable),
            other => other,
        };
        let message = match self.cx.mode {
            Mode::Strict => format!(
                "must be {} (a JSON object), got {}",
                self.what,
                seen.describe()
            ),
            Mode::Tolerant => format!("expected an object, got {}", seen.describe()),
        };
        self.cx.shape(self.rank, self.at, Rule::Type, message);
        match self.cx.mode {
            Mode::Strict => Ok(Shape::Other),
            Mode::Tolerant => Err(self.cx.stop()),
        }
    }
}

impl<'de> Visitor<'de> for ObjectSeed<'_, '_> {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let ObjectSeed {
            cx,
            at,
            rank: own_rank,
            what,
            members,
        } = self;
        let fields = members.fields();
        let mut seen: u64 = 0;
        let mut expected = 0;
        let mut unknown: Vec<Cow<'de, str>> = Vec::new();
        let mut first = true;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if std::mem::take(&mut first) && key == NUMBER_TOKEN {
                let number = map.next_value_seed(NumberText)?;
                let seed = ObjectSeed {
                    cx,
                    at,
                    rank: own_rank,
                    what,
                    members,
                };
                return seed.not_object(Seen::Number(Cow::Owned(number)));
            }
            // Members usually come in the documented order: try the one after the last first.
            let guess = fields
                .get(expected)
                .filter(|f| **f == key)
                .map(|_| expected);
            let Some(index) = guess.or_else(|| fields.iter().position(|f| *f == key)) else {
                map.next_value::<IgnoredAny>()?;
                if cx.mode == Mode::Strict {
                    unknown.push(key);
                }
                continue;
            };
            let bit = 1u64
                .checked_shl(u32::try_from(index).unwrap_or(64))
                .unwrap_or(0);
            if seen & bit != 0 && cx.mode == Mode::Strict {
                map.next_value::<IgnoredAny>()?;
                let here = at.key(fields.get(index).copied().unwrap_or_default());
                cx.shape(
                    rank(index),
                    &here,
                    Rule::Unique,
                    "is given twice; each member of an object must appear once".to_owned(),
                );
                continue;
            }
            seen |= bit;
            expected = index + 1;
            let scalar: Option<Seen<'de>> = match members.nested(index) {
                Some(nested) => {
                    let here = at.key(fields.get(index).copied().unwrap_or_default());
                    map.next_value_seed(NestedSeed {
                        cx: &mut *cx,
                        at: &here,
                        rank: rank(index),
                        nested,
                    })?;
                    None
                }
                None => Some(map.next_value_seed(ScalarSeed)?),
            };
            if let Some(seen) = scalar {
                members.scalar(index, seen, cx, at);
            }
            if cx.is_stopped() {
                return Err(cx.stop());
            }
        }
        if !unknown.is_empty() {
            let mut names: Vec<&str> = unknown.iter().map(|k| k.as_ref()).collect();
            sort_names(&mut names);
            let noun = members.not_a_field();
            for key in names {
                let advice = match super::suggest::closest(key, fields) {
                    Some(meant) => format!("; did you mean {meant}?"),
                    None => members
                        .hint(key)
                        .map(|h| format!("; {h}"))
                        .unwrap_or_default(),
                };
                cx.c.shape(
                    0,
                    at.key(key).render(),
                    Rule::UnknownField,
                    format!("is not {noun}{advice}"),
                );
            }
        }
        for (index, name) in fields.iter().enumerate() {
            let bit = 1u64
                .checked_shl(u32::try_from(index).unwrap_or(64))
                .unwrap_or(0);
            if members.required(index) && seen & bit == 0 {
                cx.missing(rank(index), &at.key(name));
            }
        }
        if cx.is_stopped() {
            return Err(cx.stop());
        }
        Ok(Shape::Object)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Shape, E> {
        self.not_object(Seen::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Shape, E> {
        self.not_object(Seen::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Shape, E> {
        self.not_object(Seen::Number(Cow::Owned(v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Shape, E> {
        self.not_object(Seen::Number(Cow::Owned(v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Shape, E> {
        self.not_object(Seen::Number(Cow::Borrowed("…")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Shape, E> {
        self.not_object(Seen::Str(Cow::Borrowed(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.not_object(Seen::Array)
    }
}

/// Reads one scalar member's value as a [`Seen`]: a list or an object is skipped, and only said to be one.
struct ScalarSeed;

impl<'de> DeserializeSeed<'de> for ScalarSeed {
    type Value = Seen<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Seen<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScalarSeed {
    type Value = Seen<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Seen<'de>, E> {
        Ok(Seen::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Seen<'de>, E> {
        Ok(Seen::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Seen<'de>, E> {
        Ok(Seen::Number(Cow::Owned(v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Seen<'de>, E> {
        Ok(Seen::Number(Cow::Owned(v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Seen<'de>, E> {
        // Not reached: with `arbitrary_precision` every number arrives as its text.
        Ok(Seen::Number(Cow::Borrowed("…")))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Seen<'de>, E> {
        Ok(Seen::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Seen<'de>, E> {
        Ok(Seen::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Seen<'de>, E> {
        Ok(Seen::Str(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Seen<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Seen::Array)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Seen<'de>, A::Error> {
        let mut first = true;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if std::mem::take(&mut first) && key == NUMBER_TOKEN {
                return Ok(Seen::Number(Cow::Owned(map.next_value_seed(NumberText)?)));
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(Seen::Object)
    }
}

/// Reads the text of a number that serde_json handed over as a map ([`NUMBER_TOKEN`]). Written out rather
/// than `String`, whose deserializer would also format floats for its error messages (14 KB of WebAssembly).
struct NumberText;

impl<'de> DeserializeSeed<'de> for NumberText {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NumberText {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the text of a number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<String, E> {
        Ok("…".to_owned())
    }

    refuse!(visit_unit(), visit_bool(bool));
    refuse!(seq, map);
}

/// Reads an object member name, borrowed from the input when it has no escape.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Cow<'de, str>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
}

/// Reads a nested member: a list element by element (at most its bound; the rest only counted), or an
/// object. A list member that is not a list is a problem (`null` one of a required member) and reads as
/// empty; in an answer, a `null` list or object is not given.
struct NestedSeed<'c, 'p, 'n> {
    cx: &'c mut Cx,
    at: &'c Path<'p>,
    rank: u16,
    nested: Nested<'n>,
}

impl<'de> DeserializeSeed<'de> for NestedSeed<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if let Nested::Object(target) = self.nested {
            let seed = ObjectSeed {
                cx: self.cx,
                at: self.at,
                rank: self.rank,
                what: "an object",
                members: target.fill(),
            };
            if seed.deserialize(deserializer)? != Shape::Object {
                target.clear();
            }
            return Ok(());
        }
        deserializer.deserialize_any(self)
    }
}

impl NestedSeed<'_, '_, '_> {
    fn not_list<E: de::Error>(self, seen: Seen<'_>) -> Result<(), E> {
        let seen = match seen {
            Seen::Null => self
                .cx
                .unsendable
                .take(self.at)
                .map_or(Seen::Null, Seen::Unsendable),
            other => other,
        };
        match (self.cx.mode, &seen) {
            (Mode::Strict, Seen::Null) => self.cx.shape(
                self.rank,
                self.at,
                Rule::Required,
                "is required, got null".to_owned(),
            ),
            (Mode::Strict, _) => self.cx.shape(
                self.rank,
                self.at,
                Rule::Type,
                format!("must be a list (a JSON array), got {}", seen.describe()),
            ),
            (Mode::Tolerant, Seen::Null) => {}
            (Mode::Tolerant, _) => {
                self.cx.shape(
                    self.rank,
                    self.at,
                    Rule::Type,
                    format!("expected a list, got {}", seen.describe()),
                );
                return Err(self.cx.stop());
            }
        }
        Ok(())
    }
}

impl<'de> Visitor<'de> for NestedSeed<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let NestedSeed { cx, at, nested, .. } = self;
        let mut len = 0usize;
        match nested {
            Nested::Objects(mut list) => {
                let (max, what) = (list.max(), list.what());
                while len < max {
                    let here = at.index(len);
                    let seed = ObjectSeed {
                        cx: &mut *cx,
                        at: &here,
                        rank: 0,
                        what,
                        members: list.next(),
                    };
                    match seq.next_element_seed(seed)? {
                        None => break,
                        // A null element of an answer's list is left out.
                        Some(Shape::Absent) => {}
                        Some(_) => list.keep(),
                    }
                    if cx.is_stopped() {
                        return Err(cx.stop());
                    }
                    len += 1;
                }
                len += skip_rest(&mut seq, len >= max)?;
                list.set_len(len);
            }
            Nested::Scalars(list) => {
                while len < list.max() {
                    let Some(seen) = seq.next_element_seed(ScalarSeed)? else {
                        break;
                    };
                    list.push(seen, cx, &at.index(len));
                    if cx.is_stopped() {
                        return Err(cx.stop());
                    }
                    len += 1;
                }
                len += skip_rest(&mut seq, len >= list.max())?;
                list.set_len(len);
            }
            Nested::Object(_) => {}
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut number = None;
        let mut first = true;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if std::mem::take(&mut first) && key == NUMBER_TOKEN {
                number = Some(map.next_value_seed(NumberText)?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        match number {
            Some(text) => self.not_list(Seen::Number(Cow::Owned(text))),
            None => self.not_list(Seen::Object),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.not_list(Seen::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.not_list(Seen::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.not_list(Seen::Number(Cow::Owned(v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.not_list(Seen::Number(Cow::Owned(v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.not_list(Seen::Number(Cow::Borrowed("…")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.not_list(Seen::Str(Cow::Borrowed(v)))
    }
}

/// Counts the elements left in a list past its bound, without reading them; none when `past` is false.
fn skip_rest<'de, A: SeqAccess<'de>>(seq: &mut A, past: bool) -> Result<usize, A::Error> {
    let mut skipped = 0;
    if past {
        while seq.next_element::<IgnoredAny>()?.is_some() {
            skipped += 1;
        }
    }
    Ok(skipped)
}

/// Reads a whole JSON text as one object into `members`; `false` when it is not one (reported). A text that
/// is not JSON at all is one `json` violation (in [`Mode::Strict`]; in [`Mode::Tolerant`] the reading stops
/// with it); `what` names the object for messages ("a pay-per-use inquiry").
pub(crate) fn read_text(
    text: &str,
    cx: &mut Cx,
    what: &'static str,
    members: &mut dyn Members,
) -> bool {
    let root = Path::Root;
    let mut de = serde_json::Deserializer::from_str(text);
    let read = ObjectSeed {
        cx: &mut *cx,
        at: &root,
        rank: 0,
        what,
        members,
    }
    .deserialize(&mut de)
    .and_then(|shape| de.end().map(|()| shape));
    match read {
        Ok(shape) => shape == Shape::Object,
        Err(_) if cx.is_stopped() => false,
        Err(e) => {
            let message = match cx.mode {
                Mode::Strict => format!("is not valid JSON: {e}"),
                Mode::Tolerant => format!("not JSON: {e}"),
            };
            cx.c = Collector::default();
            cx.shape(0, &root, Rule::Json, message);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(text: &str) -> Seen<'_> {
        let mut de = serde_json::Deserializer::from_str(text);
        ScalarSeed.deserialize(&mut de).unwrap()
    }

    #[test]
    fn classifies_exact_values() {
        let number = |t: &'static str| Seen::Number(Cow::Borrowed(t));
        assert_eq!(seen("null"), Seen::Null);
        assert_eq!(seen(" true "), Seen::Bool(true));
        assert_eq!(seen("1e-10"), number("1e-10"));
        assert_eq!(seen("0.0000000001"), number("0.0000000001"));
        assert_eq!(
            seen(r#""a\"b\u00e9""#),
            Seen::Str(Cow::Owned("a\"bé".into()))
        );
        assert!(matches!(
            seen(r#""plain""#),
            Seen::Str(Cow::Borrowed("plain"))
        ));
        assert_eq!(seen("[1, [2, {}]]"), Seen::Array);
        assert_eq!(seen(r#"{"a": 1}"#), Seen::Object);
        assert_eq!(seen("2.5").describe(), "a number (2.5)");
        assert_eq!(
            Seen::Unsendable("NaN".into()).describe(),
            "NaN, which JSON cannot carry"
        );
        assert_eq!(
            strings(r#"["a", "b\n"]"#),
            Some(vec!["a".into(), "b\n".into()])
        );
        assert_eq!(strings(r#"["a", 1]"#), None);
        assert_eq!(strings("{}"), None);
    }

    /// An object with two members: `a` (required, a string) and `b` (a list of strings, at most 2 read).
    #[derive(Debug, Default)]
    struct Pair {
        a: Option<String>,
        b: Strings,
    }

    #[derive(Debug, Default, PartialEq)]
    struct Strings {
        items: Vec<String>,
        len: usize,
    }

    impl ScalarList for Strings {
        fn max(&self) -> usize {
            2
        }

        fn push(&mut self, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
            let item = match cx.look(seen, at) {
                Seen::Str(s) => s.into_owned(),
                other => {
                    cx.shape(0, at, Rule::Type, format!("got {}", other.describe()));
                    String::new()
                }
            };
            self.items.push(item);
        }

        fn set_len(&mut self, len: usize) {
            self.len = len;
        }
    }

    impl Members for Pair {
        fn fields(&self) -> &'static [&'static str] {
            &["a", "b"]
        }

        fn not_a_field(&self) -> &'static str {
            "a field of a pair"
        }

        fn required(&self, index: usize) -> bool {
            index == 0
        }

        fn scalar(&mut self, _: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
            match cx.look(seen, &at.key("a")) {
                Seen::Str(s) => self.a = Some(s.into_owned()),
                other => cx.shape(1, &at.key("a"), Rule::Type, other.describe()),
            }
        }

        fn nested(&mut self, index: usize) -> Option<Nested<'_>> {
            (index == 1).then(|| Nested::Scalars(&mut self.b))
        }
    }

    fn strict(text: &str, unsendable: Unsendable) -> (Option<Pair>, Vec<String>) {
        let mut cx = Cx::new(Mode::Strict, unsendable);
        let mut pair = Pair::default();
        let read = read_text(text, &mut cx, "a pair", &mut pair).then_some(pair);
        cx.report_unclaimed();
        let list =
            cx.c.finish()
                .into_iter()
                .map(|v| format!("{} {} {}", v.path, v.rule.code(), v.message))
                .collect();
        (read, list)
    }

    #[test]
    fn strict_reading_collects_everything_in_order() {
        let (read, found) = strict(
            r#"{"zz": 1, "b": ["x", 5, "y", "z"], "a": 7, "aa": {"deep": [1]}, "a": "again"}"#,
            Unsendable::default(),
        );
        let pair = read.unwrap();
        assert_eq!(pair.b.items, ["x", ""], "two read");
        assert_eq!(pair.b.len, 4, "four counted");
        assert_eq!(
            found,
            [
                "aa unknown_field is not a field of a pair; did you mean a?",
                "zz unknown_field is not a field of a pair",
                "a type a number (7)",
                "a unique is given twice; each member of an object must appear once",
                "b[1] type got a number (5)",
            ]
        );
        let (read, found) = strict("[1, 2]", Unsendable::default());
        assert!(read.is_none());
        assert_eq!(
            found,
            [" type must be a pair (a JSON object), got an array"]
        );
        let (_, found) = strict("17.50", Unsendable::default());
        assert_eq!(
            found,
            [" type must be a pair (a JSON object), got a number (17.50)"]
        );
        let (_, found) = strict(r#"{"a": "x", "b": null}"#, Unsendable::default());
        assert_eq!(found, ["b required is required, got null"]);
        let (_, found) = strict(r#"{"b": 17.5}"#, Unsendable::default());
        assert_eq!(
            found,
            [
                "a required is required",
                "b type must be a list (a JSON array), got a number (17.5)"
            ]
        );
        let (_, found) = strict(r#"{"a": "x",}"#, Unsendable::default());
        assert_eq!(found.len(), 1);
        assert!(
            found[0].starts_with(" json is not valid JSON: "),
            "{found:?}"
        );
    }

    #[test]
    fn values_json_cannot_carry_are_said_as_what_they_were() {
        let unsendable = Unsendable::new([
            ("a".to_owned(), "NaN".to_owned()),
            ("b[0]".to_owned(), "undefined".to_owned()),
            ("c".to_owned(), "a function".to_owned()),
        ]);
        let (_, found) = strict(r#"{"a": null, "b": [null]}"#, unsendable);
        assert_eq!(
            found,
            [
                "c type must be a JSON value, got a function, which JSON cannot carry",
                "a type NaN, which JSON cannot carry",
                "b[0] type got undefined, which JSON cannot carry",
            ]
        );
        let missing = Unsendable::new([("a".to_owned(), "a function".to_owned())]);
        let (_, found) = strict(r#"{"b": []}"#, missing);
        assert_eq!(
            found,
            ["a type must be a JSON value, got a function, which JSON cannot carry"]
        );
    }

    #[test]
    fn tolerant_reading_stops_at_the_first_problem_with_its_path() {
        let mut cx = Cx::new(Mode::Tolerant, Unsendable::default());
        let read = read_text(
            r#"{"unknown": [1], "a": "x", "b": ["y", 3]}"#,
            &mut cx,
            "an answer",
            &mut Pair::default(),
        );
        assert!(!read);
        assert_eq!(
            cx.into_stopped(),
            Some(("b[1]".to_owned(), "got a number (3)".to_owned()))
        );
        let mut cx = Cx::new(Mode::Tolerant, Unsendable::default());
        let mut pair = Pair::default();
        assert!(read_text(
            r#"{"a": "x", "b": null}"#,
            &mut cx,
            "an answer",
            &mut pair
        ));
        assert_eq!(pair.b, Strings::default(), "a null list is empty");
        let mut cx = Cx::new(Mode::Tolerant, Unsendable::default());
        assert!(!read_text(
            "nope",
            &mut cx,
            "an answer",
            &mut Pair::default()
        ));
        let (path, message) = cx.into_stopped().unwrap();
        assert_eq!(path, "");
        assert!(message.starts_with("not JSON: "), "{message}");
    }
}
