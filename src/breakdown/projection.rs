//! Projections of pay-per-use lines measured in time: the final price per hour of use, per month and per year,
//! exact where the quotient terminates, else rounded to 12 significant digits and marked.

use rust_decimal::Decimal;

use super::{BreakdownOptions, Line, Projection};
use crate::money::{quotient, round_quotient, sum};
use crate::quote::{Asked, Terms};

/// How many hours one unit of a time measure is: day 24, hour 1; `None` for other measures.
fn hours_per_unit(measure_id: i64) -> Option<Decimal> {
    match measure_id {
        0 => Some(Decimal::from(24)),
        4 => Some(Decimal::ONE),
        _ => None,
    }
}

/// The projection of a pay-per-use line: its final price per hour of use, per month and per year.
pub(super) fn line(
    asked: Option<&Asked>,
    final_price: Option<Decimal>,
    options: &BreakdownOptions,
) -> Option<Projection> {
    if !options.projections {
        return None;
    }
    let asked = asked?;
    let Terms::Usage {
        value, measure_id, ..
    } = asked.terms
    else {
        return None;
    };
    let quantity = Decimal::from(asked.product.as_ref().map_or(1, |p| p.quantity));
    let hours = value
        .checked_mul(hours_per_unit(measure_id)?)?
        .checked_mul(quantity)?;
    let amount = final_price?;
    let month = amount.checked_mul(options.hours_per_month)?;
    let (per_hour, exact_hour) = quotient(amount, hours)?;
    let (per_month, exact_month) = quotient(month, hours)?;
    let (per_year, exact_year) = quotient(month.checked_mul(Decimal::from(12))?, hours)?;
    Some(Projection {
        per_hour,
        per_month,
        per_year,
        exact: exact_hour && exact_month && exact_year,
    })
}

/// The sum of the lines' projections, when every line has one.
pub(super) fn total(lines: &[Line]) -> Option<Projection> {
    let all: Vec<&Projection> = lines
        .iter()
        .map(|l| l.projection.as_ref())
        .collect::<Option<_>>()?;
    if all.is_empty() {
        return None;
    }
    let exact = all.iter().all(|p| p.exact);
    let total = |f: fn(&Projection) -> Decimal| {
        sum(all.iter().map(|p| Some(f(p)))).map(|s| {
            if exact {
                s.normalize()
            } else {
                round_quotient(s)
            }
        })
    };
    Some(Projection {
        per_hour: total(|p| p.per_hour)?,
        per_month: total(|p| p.per_month)?,
        per_year: total(|p| p.per_year)?,
        exact,
    })
}
