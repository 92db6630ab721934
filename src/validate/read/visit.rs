//! The serde visitors of objects and of nested lists and objects, and reading a whole text. Each answers every
//! kind of value itself (see the parent module's notes on float formatting).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::scalars::{KeySeed, NumberText, ScalarSeed, NUMBER_TOKEN};
use super::{rank, Cx, Members, Mode, Nested, Seen};
use crate::language::Words;
use crate::validate::messages;
use crate::validate::text::sort_names;
use crate::validate::violation::{Collector, Rule};
use crate::validate::Path;

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
    what: Words,
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
        let seen = self.cx.look(seen, self.at);
        let language = self.cx.language();
        let message = match self.cx.mode {
            Mode::Strict => messages::must_be(
                language,
                &messages::an_object_of(language, self.what),
                &self.cx.describe(&seen),
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
                let message = cx.language().say(messages::GIVEN_TWICE).to_owned();
                cx.shape(rank(index), &here, Rule::Unique, message);
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
            let language = cx.language();
            for key in names {
                let meant = crate::validate::suggest::closest(key, fields);
                let hint = match meant {
                    Some(_) => None,
                    None => members.hint(key, language),
                };
                cx.c.shape(
                    0,
                    at.key(key).render(),
                    Rule::UnknownField,
                    messages::not_a_member(language, noun, meant, hint),
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
                what: messages::AN_OBJECT,
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
        let seen = self.cx.look(seen, self.at);
        let language = self.cx.language();
        match (self.cx.mode, &seen) {
            (Mode::Strict, Seen::Null) => self.cx.shape(
                self.rank,
                self.at,
                Rule::Required,
                language.say(messages::REQUIRED_NULL).to_owned(),
            ),
            (Mode::Strict, _) => {
                let message =
                    messages::must_be_words(language, messages::A_LIST, &self.cx.describe(&seen));
                self.cx.shape(self.rank, self.at, Rule::Type, message);
            }
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
/// with it); `what` names the object for messages ("an answer"), the same in both languages.
pub(crate) fn read_text(
    text: &str,
    cx: &mut Cx,
    what: &'static str,
    members: &mut dyn Members,
) -> bool {
    read_object(text, cx, (what, what), members)
}

/// [`read_text`] with the object named in both languages (`a pay-per-use inquiry`, `按需询价`).
pub(crate) fn read_object(text: &str, cx: &mut Cx, what: Words, members: &mut dyn Members) -> bool {
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
        Ok(Shape::Absent) => {
            // A tolerant reading takes a null object as not given; a whole answer that is null is no answer.
            cx.shape(
                0,
                &root,
                Rule::Type,
                "expected an object, got null".to_owned(),
            );
            false
        }
        Ok(shape) => shape == Shape::Object,
        Err(_) if cx.is_stopped() => false,
        Err(e) => {
            let message = match cx.mode {
                Mode::Strict => {
                    messages::not_json(cx.language(), &e.to_string(), e.line(), e.column())
                }
                Mode::Tolerant => format!("not JSON: {e}"),
            };
            cx.c = Collector::new(cx.language());
            cx.shape(0, &root, Rule::Json, message);
            false
        }
    }
}
