//! A budget check: is a breakdown's final total above a budget? Exact: the budget is an exact decimal, never a
//! float, and the comparison and the excess are exact.

use rust_decimal::Decimal;

use crate::breakdown::Breakdown;
use crate::language::Language;
use crate::money::{parse_decimal, percent};
use crate::validate::{bags, InvalidOptions, OptionValue, Rule, Violations};

/// The result of comparing a final total with a budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetCheck {
    /// The budget.
    pub budget: Decimal,
    /// The final total, `None` when the answer did not give one.
    pub total: Option<Decimal>,
    /// Whether the total is above the budget (a total equal to the budget is within it; an unknown total is
    /// not above it).
    pub over: bool,
    /// Total minus budget when over, else `None`.
    pub excess: Option<Decimal>,
    /// `excess` as a percentage of the budget, 2 decimals; `None` when not over or the budget is 0.
    pub excess_percent: Option<Decimal>,
}

/// Reads a budget as JavaScript gives it: a decimal string or a number (through its shortest round-trip
/// text), 0 or more. Anything else is a violation at path `budget`, said in `language`.
pub fn read_budget(value: &OptionValue, language: Language) -> Result<Decimal, InvalidOptions> {
    let parsed = match value {
        OptionValue::Str(text) | OptionValue::Number(text) => parse_decimal(text.trim()).ok(),
        _ => None,
    };
    let invalid = |violations| InvalidOptions {
        violations,
        language,
        what: bags::BUDGET,
    };
    match parsed {
        Some(budget) if !budget.is_sign_negative() || budget.is_zero() => Ok(budget),
        Some(budget) => Err(invalid(Violations::one(
            "budget",
            Rule::Range,
            format!(
                "{} {budget}",
                language.pick("must be 0 or more, got", "应大于或等于 0，实际为")
            ),
        ))),
        None => Err(invalid(Violations::one(
            "budget",
            Rule::Decimal,
            language
                .pick(
                    "must be a decimal amount such as \"1500\" or \"99.95\"",
                    "应为十进制金额，例如 \"1500\" 或 \"99.95\"",
                )
                .to_owned(),
        ))),
    }
}

/// Compares `total` with `budget`.
pub fn check(total: Option<Decimal>, budget: Decimal) -> BudgetCheck {
    let excess = total
        .filter(|t| *t > budget)
        .and_then(|t| t.checked_sub(budget));
    BudgetCheck {
        budget,
        total,
        over: total.is_some_and(|t| t > budget),
        excess_percent: percent(excess, Some(budget)),
        excess,
    }
}

impl Breakdown {
    /// Compares the final total (the best offer's when there are optional discounts) with `budget`.
    pub fn check_budget(&self, budget: Decimal) -> BudgetCheck {
        check(self.totals.final_price, budget)
    }
}

impl BudgetCheck {
    /// The check as JSON: `{ "budget", "total", "over", "excess", "excessPercent" }`, amounts as exact decimal
    /// strings.
    pub fn to_json(&self) -> String {
        crate::json::object_text(|w| {
            w.amount("budget", Some(self.budget));
            w.amount("total", self.total);
            w.boolean("over", self.over);
            w.amount("excess", self.excess);
            w.amount("excessPercent", self.excess_percent);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        parse_decimal(text).unwrap()
    }

    #[test]
    fn a_total_above_the_budget_is_over_by_an_exact_excess() {
        let c = check(Some(d("1259.12")), d("1259.11"));
        assert!(c.over);
        assert_eq!(c.excess, Some(d("0.01")));
        assert_eq!(c.excess_percent, Some(d("0")));
        // Equal is within; a hair under is within; tiny amounts are not lost to floats.
        assert!(!check(Some(d("1259.12")), d("1259.12")).over);
        assert!(!check(Some(d("0.1")), d("0.10000000000000000000000001")).over);
        assert!(check(Some(d("0.30000000000000000000000001")), d("0.3")).over);
        let c = check(Some(d("150")), d("100"));
        assert_eq!((c.excess, c.excess_percent), (Some(d("50")), Some(d("50"))));
        assert_eq!(check(Some(d("1")), Decimal::ZERO).excess_percent, None);
        let unknown = check(None, d("10"));
        assert!(!unknown.over);
        assert_eq!(
            unknown.to_json(),
            r#"{"budget":"10","total":null,"over":false,"excess":null,"excessPercent":null}"#
        );
    }

    #[test]
    fn budgets_are_exact_decimals_of_zero_or_more() {
        let en = Language::English;
        assert_eq!(
            read_budget(&OptionValue::Str("1500".into()), en),
            Ok(d("1500"))
        );
        assert_eq!(
            read_budget(&OptionValue::Number("1e-7".into()), en),
            Ok(d("0.0000001"))
        );
        assert_eq!(
            read_budget(&OptionValue::Str(" 0 ".into()), en),
            Ok(Decimal::ZERO)
        );
        let negative = read_budget(&OptionValue::Str("-1".into()), en).unwrap_err();
        assert_eq!(
            negative.violations.as_slice()[0].to_string(),
            "budget: must be 0 or more, got -1"
        );
        for (i, bad) in [
            OptionValue::Str("lots".into()),
            OptionValue::Str("1,500".into()),
            OptionValue::Number("NaN".into()),
            OptionValue::Bool(true),
            OptionValue::Absent,
        ]
        .iter()
        .enumerate()
        {
            let e = read_budget(bad, en).unwrap_err();
            assert_eq!(e.violations.as_slice()[0].rule, Rule::Decimal, "case {i}");
        }
    }
}
