//! The small visitors: a scalar member's value, the text of a number, a member name, a plain string. Each
//! answers every kind of value itself (see the parent module's notes on float formatting).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::Seen;

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
pub(super) const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The strings of a JSON list of strings and nulls (`None` for each null), such as the JavaScript bindings'
/// own packed values; `None` when `text` is anything else.
pub(crate) fn maybe_strings(text: &str) -> Option<Vec<Option<String>>> {
    struct MaybeStrings;

    impl<'de> Visitor<'de> for MaybeStrings {
        type Value = Vec<Option<String>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of strings and nulls")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(seen) = seq.next_element_seed(ScalarSeed)? {
                match seen {
                    Seen::Str(s) => out.push(Some(s.into_owned())),
                    Seen::Null => out.push(None),
                    _ => return Err(de::Error::custom("unexpected value")),
                }
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

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_key::<IgnoredAny>()?.is_some() {
                map.next_value::<IgnoredAny>()?;
            }
            Err(de::Error::custom("unexpected value"))
        }
    }

    let mut de = serde_json::Deserializer::from_str(text);
    let list = de.deserialize_any(MaybeStrings).ok()?;
    de.end().ok()?;
    Some(list)
}

/// The strings of a JSON list of strings, such as the JavaScript bindings' own messages; `None` when `text`
/// is anything else.
pub(crate) fn strings(text: &str) -> Option<Vec<String>> {
    maybe_strings(text)?.into_iter().collect()
}

/// Reads one scalar member's value as a [`Seen`]: a list or an object is skipped, and only said to be one.
pub(crate) struct ScalarSeed;

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
pub(super) struct NumberText;

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

    // serde_json hands a number's text over as an owned `String`: taken as it is, not copied again.
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
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
pub(super) struct KeySeed;

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
