//! The exact-decimal parser as it was before the one-pass readers (`src/money.rs` at 2681cf2), kept here so
//! that the reference does not share the crate's current parser (and whatever that parser gets wrong).

use hwc_price::Decimal;
use std::fmt;
use std::str::FromStr;

/// Why a text is not an exact decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    /// The text is not a number in JSON number syntax.
    Syntax,
    /// The number needs more than 28 significant digits or is too large for an exact decimal.
    TooPrecise,
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecimalError::Syntax => "not a decimal number",
            DecimalError::TooPrecise => {
                "more digits than an exact decimal holds (28 significant digits)"
            }
        })
    }
}

/// The most fractional digits a `Decimal` can carry.
const MAX_SCALE: u32 = 28;

/// Parses `text` (JSON number grammar, exponent allowed) into the exact decimal it denotes.
pub fn parse_decimal(text: &str) -> Result<Decimal, DecimalError> {
    let parts = split_number(text).ok_or(DecimalError::Syntax)?;
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

struct NumberParts<'a> {
    negative: bool,
    int: &'a str,
    frac: &'a str,
    exp: i64,
}

/// Splits JSON number text into sign, integer digits, fraction digits and exponent.
fn split_number(text: &str) -> Option<NumberParts<'_>> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mantissa_end = rest.find(['e', 'E']).unwrap_or(rest.len());
    let (mantissa, exponent) = rest.split_at(mantissa_end);
    let (int, frac) = match mantissa.split_once('.') {
        Some((int, frac)) => {
            if frac.is_empty() {
                return None;
            }
            (int, frac)
        }
        None => (mantissa, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty()
        || !all_digits(int)
        || !all_digits(frac)
        || (int.len() > 1 && int.starts_with('0'))
    {
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
    })
}
