//! Projections of pay-per-use lines measured in time: the final price per hour of use, per month and per year,
//! exact where the quotient terminates, else rounded to 12 significant digits and marked.

use rust_decimal::Decimal;

use super::{BreakdownOptions, Line, Projection};
use crate::catalogue::model::DURATION;
use crate::catalogue::Catalogue;
use crate::money::{quotient, round_quotient, sum};
use crate::quote::{Asked, Terms};

/// The hour: what projections count in.
const HOUR: i64 = 4;

/// How many hours one unit of a time measure is, as an exact fraction (numerator, denominator): through the
/// catalogue's conversions when it has the unit, else the built-in day 24, hour 1, minute 1/60; `None` for
/// other measures.
fn hours_per_unit(measure_id: i64, catalogue: Option<&Catalogue>) -> Option<(Decimal, Decimal)> {
    if let Some(c) = catalogue {
        if c.unit(measure_id)
            .is_some_and(|u| u.measure_type == DURATION)
        {
            if let Some(ratio) = c.ratio(measure_id, HOUR) {
                return Some(ratio);
            }
        }
    }
    match measure_id {
        0 => Some((Decimal::from(24), Decimal::ONE)),
        HOUR => Some((Decimal::ONE, Decimal::ONE)),
        5 => Some((Decimal::ONE, Decimal::from(60))),
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
    // hours = value × num / den, so the price of an hour is amount × den / (value × num): one division, exact
    // whenever the quotient terminates.
    let (num, den) = hours_per_unit(measure_id, options.catalogue.as_deref())?;
    let hours = value.checked_mul(num)?.checked_mul(quantity)?;
    let amount = final_price?.checked_mul(den)?;
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

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::language::Language;

    fn usage(value: i64, measure_id: i64) -> Asked {
        Asked {
            id: "a".into(),
            product: None,
            terms: Terms::Usage {
                factor: "Duration".into(),
                value: Decimal::from(value),
                measure_id,
            },
        }
    }

    /// Durations (day, hour, minute, second) and a traffic unit, joined second → minute → hour → day.
    fn catalogue() -> Rc<Catalogue> {
        let text = r#"{"format":"hwc-price-catalogue","version":1,"language":"en_US","serviceTypes":[],
            "resourceTypes":[],"usageTypes":[],"measureUnits":[
            {"measure_id":0,"measure_name":"Day","abbreviation":"d","measure_type":2},
            {"measure_id":4,"measure_name":"Hour","abbreviation":"h","measure_type":2},
            {"measure_id":5,"measure_name":"Minute","abbreviation":"min","measure_type":2},
            {"measure_id":6,"measure_name":"Second","abbreviation":"s","measure_type":2},
            {"measure_id":10,"measure_name":"GB","abbreviation":"G","measure_type":3}],
            "conversions":[
            {"measure_id":0,"ref_measure_id":4,"conversion_ratio":"24","measure_type":2},
            {"measure_id":4,"ref_measure_id":5,"conversion_ratio":"60","measure_type":2},
            {"measure_id":5,"ref_measure_id":6,"conversion_ratio":"60","measure_type":2}]}"#;
        Rc::new(Catalogue::from_json(text).unwrap())
    }

    /// (per hour, per month, per year, exact) of `asked` priced `price`, with `catalogue` or none.
    fn projected(
        asked: &Asked,
        price: &str,
        catalogue: Option<Rc<Catalogue>>,
    ) -> Option<(String, String, String, bool)> {
        let mut options = BreakdownOptions::new(Language::English);
        options.projections = true;
        options.catalogue = catalogue;
        line(Some(asked), Some(price.parse().unwrap()), &options).map(|p| {
            (
                p.per_hour.to_string(),
                p.per_month.to_string(),
                p.per_year.to_string(),
                p.exact,
            )
        })
    }

    #[test]
    fn any_duration_unit_the_conversions_reach_exactly() {
        let full = |h: &str, m: &str, y: &str| Some((h.into(), m.into(), y.into(), true));
        assert_eq!(
            projected(&usage(90, 5), "3", None),
            full("2", "1460", "17520")
        );
        assert_eq!(
            projected(&usage(2, 0), "4.8", None),
            full("0.1", "73", "876")
        );
        assert_eq!(
            projected(&usage(1800, 6), "1", None),
            None,
            "seconds: not built in"
        );
        let c = || Some(catalogue());
        assert_eq!(
            projected(&usage(1800, 6), "1", c()),
            full("2", "1460", "17520")
        );
        assert_eq!(
            projected(&usage(7, 0), "1.68", c()),
            full("0.01", "7.3", "87.6")
        );
        assert_eq!(
            projected(&usage(4, 10), "1", c()),
            None,
            "GB is no duration"
        );
        let thirds = projected(&usage(3, 4), "1", c()).unwrap();
        assert_eq!(
            (thirds.0.as_str(), thirds.3),
            ("0.333333333333", false),
            "a quotient that does not terminate is rounded and marked"
        );
    }
}
