//! Showing exact amounts to people: currency symbols, digit grouping, a precision that never hides a small
//! price, and text made safe for terminals (control and bidirectional characters made visible).

use rust_decimal::Decimal;

use crate::json::Digits;
use crate::validate::text::is_hidden_char;

/// The symbol of a currency code, when it has a well-known one.
pub fn symbol(currency: &str) -> Option<&'static str> {
    match currency {
        "USD" => Some("$"),
        "CNY" => Some("¥"),
        "EUR" => Some("€"),
        _ => None,
    }
}

/// `value` for display: trailing zeros trimmed down to two decimals, never fewer, never rounded, so a price
/// of `0.000001` stays visible; the integer part grouped by thousands (`1,234.56`).
pub fn number(value: Decimal) -> String {
    let mut out = String::new();
    write_number(&mut out, value);
    out
}

/// Appends [`number`]`(value)` to `out`.
fn write_number(out: &mut String, value: Decimal) {
    if value.mantissa().unsigned_abs() >= BELOW {
        return write_large_number(out, value);
    }
    // Below 10^26, showing the value normalized with at least two decimals is trimming its exact digits: no
    // arithmetic on the decimal, no allocation.
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    let digits = Digits::of(&value);
    let text = digits.as_str();
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    write_grouped(out, int);
    let frac = frac.trim_end_matches('0');
    out.push('.');
    out.push_str(frac);
    for _ in frac.len()..2 {
        out.push('0');
    }
}

/// Mantissas below this are shown by [`write_number`] from their digits; the value is then below 10^26, and a
/// hundred times it still fits a `Decimal`, so rescaling to two decimals could never have lost any.
const BELOW: u128 = 100_000_000_000_000_000_000_000_000;

/// [`write_number`] of a value whose rescaling to two decimals may not fit (it then keeps fewer decimals).
fn write_large_number(out: &mut String, value: Decimal) {
    let mut v = value.normalize();
    if v.scale() < 2 {
        v.rescale(2);
    }
    if v.is_sign_negative() && !v.is_zero() {
        out.push('-');
    }
    let digits = Digits::of(&v);
    let text = digits.as_str();
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    write_grouped(out, int);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
}

/// Appends the digits `int` grouped by thousands (`1,234`).
fn write_grouped(out: &mut String, int: &str) {
    // Three digits at a time, from the left: the first group holds what is left over.
    let first = match int.len() % 3 {
        0 => 3,
        n => n,
    };
    let mut rest = int;
    let mut group = first;
    while !rest.is_empty() {
        let (head, tail) = rest.split_at(group.min(rest.len()));
        out.push_str(head);
        if !tail.is_empty() {
            out.push(',');
        }
        rest = tail;
        group = 3;
    }
}

/// `value` in `currency` for display: `$1,234.56`, `¥0.000001`, `-€2.00`, or `GBP 3.50` for a currency
/// without a symbol here.
pub fn money(value: Decimal, currency: &str) -> String {
    let mut out = String::with_capacity(16);
    write_money(&mut out, value, currency);
    out
}

/// Appends [`money`]`(value, currency)` to `out`.
pub(crate) fn write_money(out: &mut String, value: Decimal, currency: &str) {
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    match symbol(currency) {
        Some(symbol) => out.push_str(symbol),
        None if currency.is_empty() => {}
        None => {
            out.push_str(currency);
            out.push(' ');
        }
    }
    write_number(out, value.abs());
}

/// A percentage for display: `10%`, `12.5%`.
pub fn percent(value: Decimal) -> String {
    // `value.normalize()` followed by `%`, from the exact digits: trailing zeros of the fraction dropped, and
    // no sign on a zero.
    let mut out = String::with_capacity(8);
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    let digits = Digits::of(&value);
    let text = digits.as_str();
    out.push_str(match text.split_once('.') {
        Some(_) => text.trim_end_matches('0').trim_end_matches('.'),
        None => text,
    });
    out.push('%');
    out
}

/// Server-provided text made safe for a terminal or a log line: control characters (line breaks included)
/// and bidirectional controls are shown as `<U+202E>`-style marks, so they can neither break the table nor
/// reorder what is shown.
pub fn plain(text: &str) -> String {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        // Printable ASCII: nothing to show differently.
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch.is_control() || is_hidden_char(ch) {
            out.push_str(&format!("<U+{:04X}>", u32::from(ch)));
        } else {
            out.push(ch);
        }
    }
    out
}

/// Columns a string takes in a monospaced terminal: East Asian wide characters take two, combining marks
/// none.
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.chars()
        .map(|ch| {
            let c = u32::from(ch);
            if (0x0300..=0x036F).contains(&c) || (0x200B..=0x200D).contains(&c) {
                0
            } else if (0x1100..=0x115F).contains(&c)
                || (0x2E80..=0xA4CF).contains(&c)
                || (0xAC00..=0xD7A3).contains(&c)
                || (0xF900..=0xFAFF).contains(&c)
                || (0xFE30..=0xFE4F).contains(&c)
                || (0xFF00..=0xFF60).contains(&c)
                || (0xFFE0..=0xFFE6).contains(&c)
                || (0x1F300..=0x1FAFF).contains(&c)
                || (0x20000..=0x3FFFD).contains(&c)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn money_never_hides_a_small_price_and_never_rounds() {
        for (value, currency, shown) in [
            ("1234.56", "USD", "$1,234.56"),
            ("1234.5600", "CNY", "¥1,234.56"),
            ("0.000001", "USD", "$0.000001"),
            ("0.0000000001", "CNY", "¥0.0000000001"),
            ("13.80", "USD", "$13.80"),
            ("12.5", "EUR", "€12.50"),
            ("100", "USD", "$100.00"),
            ("0", "USD", "$0.00"),
            ("-2", "EUR", "-€2.00"),
            ("1234567.891", "GBP", "GBP 1,234,567.891"),
            ("999", "", "999.00"),
            (
                "12345678901234567890.12",
                "USD",
                "$12,345,678,901,234,567,890.12",
            ),
        ] {
            assert_eq!(money(d(value), currency), shown, "{value}");
        }
        assert_eq!(percent(d("12.50")), "12.5%");
    }

    /// What `number` and `percent` showed when they did arithmetic on the decimal (normalize, rescale) and
    /// formatted it with `Display`.
    fn by_arithmetic(value: Decimal) -> (String, String) {
        let mut v = value.normalize();
        if v.scale() < 2 {
            v.rescale(2);
        }
        let sign = if v.is_sign_negative() && !v.is_zero() {
            "-"
        } else {
            ""
        };
        let text = v.abs().to_string();
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let frac = if frac.is_empty() {
            String::new()
        } else {
            format!(".{frac}")
        };
        (
            format!("{sign}{grouped}{frac}"),
            format!("{}%", value.normalize()),
        )
    }

    #[test]
    fn numbers_and_percentages_are_shown_as_by_arithmetic() {
        let max = (1i128 << 96) - 1;
        let mut mantissas = vec![
            0,
            1,
            5,
            10,
            100,
            1200,
            123_456_789,
            max,
            max / 100,
            max / 99,
        ];
        mantissas
            .extend((1..29).flat_map(|k| [10i128.pow(k) - 1, 10i128.pow(k), 10i128.pow(k) + 70]));
        for m in mantissas {
            for scale in 0..=28 {
                for sign in [1, -1] {
                    let value = Decimal::from_i128_with_scale(sign * m, scale);
                    let (shown, share) = by_arithmetic(value);
                    assert_eq!(number(value), shown, "{m} e-{scale}");
                    assert_eq!(percent(value), share, "{m} e-{scale}");
                }
            }
        }
    }

    #[test]
    fn hostile_text_is_made_visible() {
        assert_eq!(plain("a\nb\u{202E}c\td"), "a<U+000A>b<U+202E>c<U+0009>d");
        assert_eq!(plain("<script>\"x\",y"), "<script>\"x\",y");
        assert_eq!(plain("a\u{7f}b~ "), "a<U+007F>b~ ");
        assert_eq!(plain("\u{1f}"), "<U+001F>");
        assert_eq!(width("ab"), 2);
        assert_eq!(width("合同折扣"), 8);
        assert_eq!(width("e\u{301}"), 1);
    }
}
