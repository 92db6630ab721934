//! The crate's one JSON writer: request bodies, answers in wire names, breakdown documents. Infallible by
//! construction, and exact: decimals are written with their own digits (as JSON numbers in request bodies, as
//! strings where JavaScript reads them), never in exponent form and never through `f64`.
//!
//! Hand-written on purpose. serde_json's serializer can write a `Decimal` only as a string or through `f64`
//! (rust_decimal's serde support), or as an exact number through an `arbitrary_precision` `Number` made from
//! a freshly allocated string per value; this writer appends the digits straight into the output. Measured
//! when it replaced the serde serializers (and serde-wasm-bindgen): 4 KB less gzipped WebAssembly.

use rust_decimal::Decimal;

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

    /// Starts a member and returns the buffer to write its value into. Member names are the crate's own
    /// constants (wire names, breakdown fields), written as they are: none needs escaping, which a test of every
    /// writer's output checks.
    pub(crate) fn key(&mut self, key: &str) -> &mut String {
        self.out.push_str(if self.first { "\"" } else { ",\"" });
        self.first = false;
        self.out.push_str(key);
        self.out.push_str("\":");
        self.out
    }

    /// A string member.
    #[inline]
    pub(crate) fn string(&mut self, key: &str, value: &str) {
        write_string(self.key(key), value);
    }

    /// An integer member.
    pub(crate) fn int(&mut self, key: &str, value: i64) {
        write_int(self.key(key), value);
    }

    /// A decimal member, as a JSON number with exactly the decimal's digits.
    pub(crate) fn decimal(&mut self, key: &str, value: &Decimal) {
        write_decimal(self.key(key), value);
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
                out.push('"');
                write_decimal(out, &v);
                out.push('"');
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

/// Whether a byte must be escaped in a JSON string: a control character, `"` or `\\`.
#[inline]
fn escaped(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// Appends `value` as a JSON string literal.
pub(crate) fn write_string(out: &mut String, value: &str) {
    out.reserve(value.len() + 2);
    out.push('"');
    let bytes = value.as_bytes();
    let mut start = 0;
    // Copy each run of characters that need no escape in one go, then escape the byte that ends it.
    while let Some(offset) = bytes
        .get(start..)
        .and_then(|rest| rest.iter().position(|&b| escaped(b)))
    {
        let at = start + offset;
        out.push_str(value.get(start..at).unwrap_or_default());
        let byte = bytes.get(at).copied().unwrap_or_default();
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                for nibble in [byte >> 4, byte & 0x0f] {
                    out.push(char::from(
                        HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
                    ));
                }
            }
        }
        start = at + 1;
    }
    out.push_str(value.get(start..).unwrap_or_default());
    out.push('"');
}

/// Appends the decimal digits of `value`. Written out rather than through `Display`: the formatting machinery
/// was a tenth of the time of writing a request body.
pub(crate) fn write_int(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    out.push_str(Digits::from_parts(u128::from(value.unsigned_abs()), 0).as_str());
}

/// Appends `value` with exactly its digits and scale (`1.50`, `0.0000000001`), never in exponent form, as
/// `Decimal`'s own `Display` does.
pub(crate) fn write_decimal(out: &mut String, value: &Decimal) {
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    out.push_str(Digits::of(value).as_str());
}

/// The exact digits of a decimal's absolute value in plain notation (`1.50`, `0.0000000001`), kept on the
/// stack, for writers that lay them out themselves.
pub(crate) struct Digits {
    text: [u8; 41],
    len: usize,
}

impl Digits {
    /// The digits of `|value|`, with exactly its scale.
    pub(crate) fn of(value: &Decimal) -> Self {
        Self::from_parts(value.mantissa().unsigned_abs(), value.scale())
    }

    /// `mantissa` × 10^-`scale` in plain decimal notation.
    fn from_parts(mantissa: u128, scale: u32) -> Self {
        // A Decimal's mantissa has at most 29 digits and its scale at most 28.
        let mut digits = [b'0'; 40];
        // u128 division is a library call in WebAssembly, ten times the cost of u64's: the digits are found 19
        // at a time with u64 arithmetic (a mantissa below 2^64, nearly every amount, needs no u128 division).
        const CHUNK: u128 = 10_000_000_000_000_000_000;
        let mut rest = mantissa;
        let mut len = 0;
        loop {
            let (mut chunk, more) = match u64::try_from(rest) {
                Ok(small) => (small, 0),
                // The remainder is below 10^19, so it fits a u64.
                Err(_) => ((rest % CHUNK) as u64, rest / CHUNK),
            };
            let start = len;
            while chunk > 0 {
                if let Some(slot) = digits.get_mut(len) {
                    // The remainder is below 10, so it fits a byte.
                    *slot = b'0' + (chunk % 10) as u8;
                }
                chunk /= 10;
                len += 1;
            }
            if more == 0 {
                break;
            }
            // A lower chunk has all its 19 digits, its leading zeros included (the array is zeros already).
            rest = more;
            len = start + 19;
        }
        // At least one digit before the point, and every digit of the scale.
        let len = len.max(scale as usize + 1).min(digits.len());
        // The digits are in reverse; lay them out in order, with the point.
        let scale = scale as usize;
        let mut text = [b'.'; 41];
        let mut at = 0;
        for (i, digit) in digits.iter().take(len).enumerate().rev() {
            if i + 1 == scale {
                at += 1; // leave the '.' already there
            }
            if let Some(slot) = text.get_mut(at) {
                *slot = *digit;
            }
            at += 1;
        }
        Digits { text, len: at }
    }

    /// The digits as text.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.text.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
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

    #[test]
    fn numbers_are_written_as_display_writes_them() {
        for text in [
            "0",
            "-0",
            "1",
            "-1",
            "10",
            "0.5",
            "-0.5",
            "1.50",
            "0.0000000001",
            "-0.0000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "7922816251426433759354395033.5",
            "100.000",
            "18446744073709551615",
            "18446744073709551616",
            "10000000000000000000",
            "9999999999999999999",
            "100000000000000000000000000",
            "1000000000000000000.0000000001",
            "0.0000000000000000000000000000",
            "-1844674407370955161.6",
        ] {
            let d = Decimal::from_str(text).unwrap();
            let mut out = String::new();
            write_decimal(&mut out, &d);
            assert_eq!(out, d.to_string(), "{text}");
        }
        // Every scale, with mantissas at the edges of the 19-digit chunks and of u64.
        let ten19: i128 = 10_000_000_000_000_000_000;
        let max = (1i128 << 96) - 1;
        let mut mantissas = vec![
            0,
            1,
            9,
            10,
            99,
            ten19 - 1,
            ten19,
            ten19 + 1,
            10 * ten19 + 7,
            max,
        ];
        mantissas.extend([
            u64::MAX as i128,
            u64::MAX as i128 + 1,
            5 * 10i128.pow(27) + 1,
        ]);
        mantissas.extend((1..29).map(|k| 10i128.pow(k) + 3 * i128::from(k)));
        for m in mantissas {
            for scale in 0..=28 {
                for sign in [1, -1] {
                    let d = Decimal::from_i128_with_scale(sign * m, scale);
                    let mut out = String::new();
                    write_decimal(&mut out, &d);
                    assert_eq!(out, d.to_string(), "{m} e-{scale}");
                }
            }
        }
        for n in [0i64, 7, -7, 1234567890, i64::MAX, i64::MIN] {
            let mut out = String::new();
            write_int(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
