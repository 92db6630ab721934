//! The readers on small objects: every problem in order, values JSON cannot carry, tolerant reading.

use super::scalars::ScalarSeed;
use super::*;
use serde::de::DeserializeSeed;

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

    fn not_a_field(&self) -> crate::language::Words {
        ("a field of a pair", "一对值的字段")
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
