//! The decimal policy: every amount and usage value is an exact [`Decimal`], parsed from text and written back
//! as plain decimal text.
//!
//! * Input text follows the JSON number grammar and may use an exponent (`1e-10`), because a JavaScript number
//!   reaches us as its shortest round-trip text, which uses exponent form for very small and very large values.
//! * Parsing never rounds: a value that a `Decimal` cannot hold exactly (more than 28 significant digits, or
//!   out of range) is an error, not a nearby number.
//! * Output never uses an exponent: `Decimal`'s `Display` writes plain digits and keeps the scale (`1.50`).
//! * Arithmetic on received values is checked ([`sum`], [`percent`], [`quotient`]): an overflow is `None`,
//!   never a panic. The one rounding rule: a quotient that does not terminate keeps 12 significant digits
//!   (half to even) and is marked inexact; a percentage keeps 2 decimals (half away from zero).

use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// Why a text is not an exact decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecimalError {
    /// The text is not a number in JSON number syntax.
    #[error("not a decimal number")]
    Syntax,
    /// The number needs more than 28 significant digits or is too large for an exact decimal.
    #[error("more digits than an exact decimal holds (28 significant digits)")]
    TooPrecise,
}

/// The most fractional digits a `Decimal` can carry.
const MAX_SCALE: u32 = 28;

/// Parses `text` (JSON number grammar, exponent allowed) into the exact decimal it denotes.
pub fn parse_decimal(text: &str) -> Result<Decimal, DecimalError> {
    let parts = split_number(text).ok_or(DecimalError::Syntax)?;
    if !parts.has_exponent && parts.int.len() + parts.frac.len() <= 28 {
        // The common case: plain digits that a Decimal always holds exactly, parsed in place.
        return Decimal::from_str_exact(text).map_err(|_| DecimalError::TooPrecise);
    }
    let mut digits: String = parts.int.chars().chain(parts.frac.chars()).collect();
    // value = digits × 10^(-scale)
    let frac_len = i64::try_from(parts.frac.len()).map_err(|_| DecimalError::TooPrecise)?;
    let mut scale = frac_len.saturating_sub(parts.exp);
    if scale < 0 {
        // A positive exponent beyond the fraction: append zeros, guarding against absurd exponents.
        let zeros = usize::try_from(-scale).map_err(|_| DecimalError::TooPrecise)?;
        if zeros > 40 {
            return Err(DecimalError::TooPrecise);
        }
        digits.extend(std::iter::repeat_n('0', zeros));
        scale = 0;
    }
    // Trailing fractional zeros beyond what a Decimal can carry do not change the value.
    while scale > i64::from(MAX_SCALE) && digits.ends_with('0') {
        digits.pop();
        scale -= 1;
    }
    if scale > i64::from(MAX_SCALE) {
        // Leading zeros do not count as significant; `0e-50` is still zero.
        if digits.bytes().all(|b| b == b'0') {
            return Ok(Decimal::ZERO);
        }
        return Err(DecimalError::TooPrecise);
    }
    let scale = usize::try_from(scale).map_err(|_| DecimalError::TooPrecise)?;
    let digits = digits.trim_start_matches('0');
    let mut plain = String::with_capacity(digits.len() + scale + 3);
    if parts.negative {
        plain.push('-');
    }
    if scale == 0 {
        plain.push_str(if digits.is_empty() { "0" } else { digits });
    } else if digits.len() <= scale {
        plain.push_str("0.");
        plain.extend(std::iter::repeat_n('0', scale - digits.len()));
        plain.push_str(digits);
    } else {
        let (int, frac) = digits.split_at(digits.len() - scale);
        plain.push_str(int);
        plain.push('.');
        plain.push_str(frac);
    }
    Decimal::from_str_exact(&plain).map_err(|_| DecimalError::TooPrecise)
}

/// The plain decimal text of `value`, never in exponent form, keeping its scale (`1.50` stays `1.50`).
pub fn to_plain_string(value: &Decimal) -> String {
    value.to_string()
}

/// Whether `text` is in JSON number syntax (exponent allowed).
pub fn is_number_syntax(text: &str) -> bool {
    split_number(text).is_some()
}

struct NumberParts<'a> {
    negative: bool,
    int: &'a str,
    frac: &'a str,
    exp: i64,
    /// Whether the text writes an exponent (even `e0`).
    has_exponent: bool,
}

/// Splits JSON number text into sign, integer digits, fraction digits and exponent.
fn split_number(text: &str) -> Option<NumberParts<'_>> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // One pass over the bytes: digits, at most one '.', then an optional exponent.
    let bytes = rest.as_bytes();
    let mut point = None;
    let mut mantissa_end = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => {}
            b'.' if point.is_none() => point = Some(i),
            b'e' | b'E' => {
                mantissa_end = i;
                break;
            }
            _ => return None,
        }
    }
    let (mantissa, exponent) = rest.split_at(mantissa_end);
    let (int, frac) = match point {
        Some(at) => {
            let frac = mantissa.get(at + 1..).unwrap_or_default();
            if frac.is_empty() {
                return None;
            }
            (mantissa.get(..at).unwrap_or_default(), frac)
        }
        None => (mantissa, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    let exp = match exponent.get(1..) {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !all_digits(digits) {
                return None;
            }
            // Saturate: an exponent this large is rejected later as too precise or too large.
            let magnitude = i64::from_str(digits)
                .unwrap_or(i64::MAX / 2)
                .min(i64::MAX / 2);
            if e.starts_with('-') {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    Some(NumberParts {
        negative,
        int,
        frac,
        exp,
        has_exponent: !exponent.is_empty(),
    })
}

/// The exact sum of `values`, or `None` if any is missing or the sum overflows.
pub fn sum(values: impl IntoIterator<Item = Option<Decimal>>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v?))
}

/// `part` as a percentage of `whole`, rounded half away from zero to 2 decimals; `None` for a zero whole.
pub fn percent(part: Option<Decimal>, whole: Option<Decimal>) -> Option<Decimal> {
    let (part, whole) = (part?, whole?);
    if whole.is_zero() {
        return None;
    }
    let share = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    Some(
        share
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            .normalize(),
    )
}

/// Significant digits kept of a quotient that does not terminate.
pub const QUOTIENT_DIGITS: u32 = 12;

/// `value` rounded to [`QUOTIENT_DIGITS`] significant digits (half to even), trailing zeros dropped.
pub fn round_quotient(value: Decimal) -> Decimal {
    value
        .round_sf_with_strategy(QUOTIENT_DIGITS, RoundingStrategy::MidpointNearestEven)
        .unwrap_or(value)
        .normalize()
}

/// `a / b`, and whether it is exact; a quotient that does not terminate is rounded by [`round_quotient`].
/// `None` when `b` is zero or the quotient overflows.
pub fn quotient(a: Decimal, b: Decimal) -> Option<(Decimal, bool)> {
    if let Some(q) = exact_quotient(a, b) {
        return Some((q.normalize(), true));
    }
    let q = a.checked_div(b)?;
    Some((round_quotient(q), false))
}

/// `a / b` when its decimal expansion terminates and fits a `Decimal`, else `None`. Decided on the mantissas:
/// once their fraction is reduced, a denominator of only 2s and 5s terminates (a product's rounding can never
/// pass for exactness here, as multiplying a rounded quotient back may).
fn exact_quotient(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (ma, mb) = (a.mantissa(), b.mantissa());
    if mb == 0 {
        return None;
    }
    let g = gcd(ma.unsigned_abs(), mb.unsigned_abs());
    let (n, mut d) = (ma.unsigned_abs() / g, mb.unsigned_abs() / g);
    let (mut twos, mut fives) = (0u32, 0u32);
    while d % 2 == 0 {
        d /= 2;
        twos += 1;
    }
    while d % 5 == 0 {
        d /= 5;
        fives += 1;
    }
    if d != 1 {
        return None;
    }
    // n / (2^twos · 5^fives) = n · 2^(k - twos) · 5^(k - fives) / 10^k.
    let k = twos.max(fives);
    let factor = 2u128
        .checked_pow(k - twos)?
        .checked_mul(5u128.checked_pow(k - fives)?)?;
    let mut m = n.checked_mul(factor)?;
    let mut scale = i64::from(k) + i64::from(a.scale()) - i64::from(b.scale());
    while scale < 0 {
        m = m.checked_mul(10)?;
        scale += 1;
    }
    if scale > 28 || m >= 1u128 << 96 {
        return None;
    }
    let magnitude = i128::try_from(m).ok()?;
    let signed = if (ma < 0) != (mb < 0) {
        -magnitude
    } else {
        magnitude
    };
    Decimal::try_from_i128_with_scale(signed, u32::try_from(scale).ok()?).ok()
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> String {
        to_plain_string(&parse_decimal(text).unwrap())
    }

    #[test]
    fn keeps_exact_digits() {
        let cases = [
            ("0", "0"),
            ("0.00", "0.00"),
            ("10", "10"),
            ("100.5", "100.5"),
            ("2", "2"),
            ("1.50", "1.50"),
            ("0.0000000001", "0.0000000001"),
            ("1.0000000001", "1.0000000001"),
            ("-3.25", "-3.25"),
            ("1e-10", "0.0000000001"),
            ("1E-10", "0.0000000001"),
            ("1.5e-7", "0.00000015"),
            ("1e3", "1000"),
            ("1.25e+2", "125"),
            ("1.2345e2", "123.45"),
            ("1e0", "1"),
            ("1.5E-0", "1.5"),
            ("4e+0", "4"),
            ("123e-2", "1.23"),
            ("0e-50", "0"),
            (
                "1.000000000000000000000000000000000e0",
                "1.0000000000000000000000000000",
            ),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
            (
                "0.0000000000000000000000000001",
                "0.0000000000000000000000000001",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(plain(input), expected, "input {input}");
        }
    }

    #[test]
    fn never_rounds() {
        for input in [
            "0.00000000000000000000000000001",
            "1.00000000000000000000000000001",
            "79228162514264337593543950336",
            "1e29",
            "1e999999999999999999999",
            "1e-999999999999999999999",
        ] {
            assert_eq!(
                parse_decimal(input),
                Err(DecimalError::TooPrecise),
                "input {input}"
            );
        }
    }

    #[test]
    fn checked_arithmetic_and_the_rounding_rule() {
        let d = |t: &str| Decimal::from_str(t).unwrap();
        assert_eq!(sum([Some(d("0.1")), Some(d("0.2"))]), Some(d("0.3")));
        assert_eq!(sum([Some(d("1")), None]), None);
        assert_eq!(sum([Some(Decimal::MAX), Some(Decimal::ONE)]), None);
        assert_eq!(percent(Some(Decimal::ONE), Some(d("3"))), Some(d("33.33")));
        assert_eq!(percent(Some(d("1")), Some(d("8"))), Some(d("12.5")));
        assert_eq!(percent(Some(Decimal::ONE), Some(Decimal::ZERO)), None);
        assert_eq!(quotient(d("1"), d("4")), Some((d("0.25"), true)));
        assert_eq!(quotient(d("1"), d("3")), Some((d("0.333333333333"), false)));
        assert_eq!(quotient(d("2"), d("3")), Some((d("0.666666666667"), false)));
        assert_eq!(quotient(d("1"), Decimal::ZERO), None);
    }

    #[test]
    fn rejects_what_is_not_a_json_number() {
        for input in [
            "", "-", "abc", "1.", ".5", "01", "+1", "1e", "1e+", "0x10", "1,5", " 1", "1 ", "NaN",
            "Infinity", "1..2", "--1", "1e1.5",
        ] {
            assert_eq!(
                parse_decimal(input),
                Err(DecimalError::Syntax),
                "input {input:?}"
            );
            assert!(!is_number_syntax(input));
        }
    }

    #[test]
    fn a_quotient_is_exact_only_when_it_terminates_and_fits() {
        let q = |a: &str, b: &str| quotient(parse_decimal(a).unwrap(), parse_decimal(b).unwrap());
        // 511000 / 8760 = 58.333…: a rounded quotient multiplied back can round to 511000; it is not exact.
        let (value, exact) = q("511000", "8760").unwrap();
        assert!(!exact, "{value}");
        assert_eq!(value.to_string(), "58.3333333333");
        for (a, b, want) in [
            ("1", "8", "0.125"),
            ("1.5", "0.03", "50"),
            ("-7", "0.2", "-35"),
            ("0", "3", "0"),
            ("730", "730", "1"),
        ] {
            assert_eq!(
                q(a, b).map(|(v, e)| (v.to_string(), e)),
                Some((want.to_owned(), true)),
                "{a}/{b}"
            );
        }
        assert!(!q("1", "3").unwrap().1);
        // Terminating, but past 28 decimal places: rounded, and said so.
        assert!(!q("1", "1180591620717411303424").unwrap().1);
        assert_eq!(q("1", "0"), None);
    }
}
