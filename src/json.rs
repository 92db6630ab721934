//! The crate's one JSON writer: request bodies, answers in wire names, breakdown documents. Infallible by
//! construction, and exact: decimals are written with their own digits (as JSON numbers in request bodies, as
//! strings where JavaScript reads them), never in exponent form and never through `f64`.
//!
//! Hand-written on purpose. serde_json's serializer can write a `Decimal` only as a string or through `f64`
//! (rust_decimal's serde support), or as an exact number through an `arbitrary_precision` `Number` made from
//! a freshly allocated string per value; this writer appends the digits straight into the output. Measured
//! when it replaced the serde serializers (and serde-wasm-bindgen): 4 KB less gzipped WebAssembly.

use rust_decimal::Decimal;
use std::fmt::Write as _;

/// Writes one JSON object's members into a string, in the order they are given.
pub(crate) struct ObjectWriter<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> ObjectWriter<'o> {
    /// Opens an object.
    pub(crate) fn open(out: &'o mut String) -> Self {
        out.push('{');
        ObjectWriter { out, first: true }
    }

    /// Starts a member and returns the buffer to write its value into.
    pub(crate) fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_string(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A string member.
    pub(crate) fn string(&mut self, key: &str, value: &str) {
        write_string(self.key(key), value);
    }

    /// An integer member.
    pub(crate) fn int(&mut self, key: &str, value: i64) {
        let out = self.key(key);
        let _ = write!(out, "{value}");
    }

    /// A decimal member, as a JSON number with exactly the decimal's digits.
    pub(crate) fn decimal(&mut self, key: &str, value: &Decimal) {
        let out = self.key(key);
        let _ = write!(out, "{value}");
    }

    /// A boolean member.
    pub(crate) fn boolean(&mut self, key: &str, value: bool) {
        self.key(key).push_str(if value { "true" } else { "false" });
    }

    /// A string member, left out when `None`.
    pub(crate) fn opt_string(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.string(key, v);
        }
    }

    /// An integer member, left out when `None`.
    pub(crate) fn opt_int(&mut self, key: &str, value: Option<i64>) {
        if let Some(v) = value {
            self.int(key, v);
        }
    }

    /// An array member whose elements `write` appends, separated by commas.
    pub(crate) fn array<T>(
        &mut self,
        key: &str,
        items: &[T],
        mut write: impl FnMut(&mut String, &T),
    ) {
        let out = self.key(key);
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write(out, item);
        }
        out.push(']');
    }

    /// Closes the object.
    pub(crate) fn close(self) {
        self.out.push('}');
    }

    /// A string member, `null` when `None` (for answers and breakdowns, whose shape is fixed).
    pub(crate) fn text_or_null(&mut self, key: &str, value: Option<&str>) {
        match value {
            Some(v) => self.string(key, v),
            None => self.key(key).push_str("null"),
        }
    }

    /// An integer member, `null` when `None`.
    pub(crate) fn int_or_null(&mut self, key: &str, value: Option<i64>) {
        match value {
            Some(v) => self.int(key, v),
            None => self.key(key).push_str("null"),
        }
    }

    /// A decimal member as a JSON *string* of its exact digits (what JavaScript receives), `null` when `None`.
    pub(crate) fn amount(&mut self, key: &str, value: Option<Decimal>) {
        match value {
            Some(v) => {
                let out = self.key(key);
                let _ = write!(out, "\"{v}\"");
            }
            None => self.key(key).push_str("null"),
        }
    }

    /// An object member written by `write`, `null` when `None`.
    pub(crate) fn object_or_null<T>(
        &mut self,
        key: &str,
        value: Option<&T>,
        write: impl FnOnce(&mut ObjectWriter<'_>, &T),
    ) {
        let out = self.key(key);
        match value {
            Some(v) => {
                let mut inner = ObjectWriter::open(out);
                write(&mut inner, v);
                inner.close();
            }
            None => out.push_str("null"),
        }
    }

    /// An array member of objects, each written by `write`.
    pub(crate) fn objects<T>(
        &mut self,
        key: &str,
        items: &[T],
        write: impl Fn(&mut ObjectWriter<'_>, &T),
    ) {
        self.array(key, items, |out, item| {
            let mut inner = ObjectWriter::open(out);
            write(&mut inner, item);
            inner.close();
        });
    }
}

/// Writes one object with `write` and returns its JSON text.
pub(crate) fn object_text(write: impl FnOnce(&mut ObjectWriter<'_>)) -> String {
    let mut out = String::new();
    let mut w = ObjectWriter::open(&mut out);
    write(&mut w);
    w.close();
    out
}

/// Appends `value` as a JSON string literal.
pub(crate) fn write_string(out: &mut String, value: &str) {
    out.push('"');
    // Copy runs of characters that need no escape in one go; escape the rest.
    let mut start = 0;
    for (at, byte) in value.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            b if b < 0x20 => "",
            _ => continue,
        };
        out.push_str(value.get(start..at).unwrap_or_default());
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04x}", byte);
        } else {
            out.push_str(escape);
        }
        start = at + 1;
    }
    out.push_str(value.get(start..).unwrap_or_default());
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn writes_exact_json() {
        let mut out = String::new();
        let mut w = ObjectWriter::open(&mut out);
        w.string("s", "a\"b\\c\n\u{1}é");
        w.int("i", -7);
        w.decimal("d", &Decimal::from_str("0.0000000001").unwrap());
        w.boolean("b", false);
        w.opt_int("none", None);
        w.array("l", &["x", "y"], |o, s| write_string(o, s));
        w.close();
        assert_eq!(
            out,
            r#"{"s":"a\"b\\c\n\u0001é","i":-7,"d":0.0000000001,"b":false,"l":["x","y"]}"#
        );
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["s"], "a\"b\\c\n\u{1}é");
    }
}
