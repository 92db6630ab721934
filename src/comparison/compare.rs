//! The comparison made from the priced inquiries: per product and in total, each mode's list, discount and
//! final price for its whole period and per month, the saving against pay-per-use, the cheapest mode, and
//! the hours of use per month above which each subscription costs less. Exact; a quotient that does not
//! terminate is rounded to 12 significant digits and marked approximate.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::input::ComparisonInput;
use super::model::Period;
use super::words;
use crate::breakdown::{Amounts, Breakdown, BreakdownOptions, Line, PriceOption, Warning};
use crate::language::Language;
use crate::money::{percent, quotient, sum};
use crate::quote::Quote;

/// Why a whole mode, or one product in it, has no price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The service's error code, or the client's (`NO_PRICE`, `OTHER_CURRENCY`, …).
    pub code: String,
    /// What went wrong, in the comparison's language where it is ours.
    pub message: String,
}

/// A billing mode compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Billing {
    /// Pay-per-use, priced for this many hours (those of the longest period).
    PayPerUse {
        /// Hours priced.
        hours: Decimal,
    },
    /// A subscription for this period.
    Subscription(Period),
}

/// One mode: what it is, how many hours its prices cover, and what its breakdown says of the whole inquiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeSummary {
    /// Pay-per-use, or which subscription.
    pub billing: Billing,
    /// Hours its prices cover.
    pub hours: Decimal,
    /// The optional discounts offered for the whole inquiry (subscriptions), the best offer marked, as the
    /// breakdown lists them; the rows use each product's price as answered.
    pub options: Vec<PriceOption>,
    /// The breakdown's warnings about this mode's answer.
    pub warnings: Vec<Warning>,
    /// Why no product could be priced in this mode, when none could.
    pub failure: Option<Failure>,
}

/// Which of the three monthly amounts were rounded: each one's quotient that did not terminate, rounded to 12
/// significant digits. An absent amount is never rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rounded {
    /// The list price per month.
    pub list: bool,
    /// The discount per month.
    pub discount: bool,
    /// The final price per month.
    pub final_price: bool,
}

impl Rounded {
    /// Every amount rounded, or unknown (past the exact range).
    pub const ALL: Rounded = Rounded {
        list: true,
        discount: true,
        final_price: true,
    };

    /// The names of the rounded amounts, in the JSON document's words (`list`, `discount`, `final`), in that
    /// order.
    pub fn names(self) -> Vec<&'static str> {
        [
            (self.list, "list"),
            (self.discount, "discount"),
            (self.final_price, "final"),
        ]
        .into_iter()
        .filter_map(|(rounded, name)| rounded.then_some(name))
        .collect()
    }
}

/// Money amounts per month, and which of them were rounded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerMonth {
    /// List price, discount and final price per month.
    pub amounts: Amounts,
    /// Each amount's own exactness: true for one whose quotient did not terminate.
    pub rounded: Rounded,
}

impl PerMonth {
    /// Whether all three amounts are exact.
    pub fn exact(&self) -> bool {
        self.rounded == Rounded::default()
    }
}

/// The saving of a mode against pay-per-use, per month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saving {
    /// Pay-per-use's final price per month minus this mode's (negative: it costs more).
    pub per_month: Decimal,
    /// `per_month` as a percentage of pay-per-use's (2 decimals); `None` when pay-per-use costs nothing.
    pub percent: Option<Decimal>,
    /// False when either final price per month it subtracts was rounded.
    pub exact: bool,
}

/// Hours of use per month above which a subscription costs less than paying per use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakEven {
    /// The hours: the subscription's price per month over pay-per-use's price per hour.
    pub hours_per_month: Decimal,
    /// False when the quotient was rounded.
    pub exact: bool,
    /// Whether it falls within the month's hours (else the subscription pays off only past full use).
    pub within_month: bool,
}

/// One mode's prices for a product, or for the total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Priced {
    /// List price, discount and final price for the mode's whole period.
    pub whole: Amounts,
    /// The same per month.
    pub per_month: PerMonth,
    /// Against pay-per-use (subscriptions, when pay-per-use has a final price).
    pub saving: Option<Saving>,
    /// Where the subscription starts to pay off (subscriptions, when pay-per-use has a final price per hour).
    pub break_even: Option<BreakEven>,
}

/// One mode's cell of a product's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Priced.
    Priced(Priced),
    /// Not priced in this mode, and why.
    Failed(Failure),
}

/// One product's row: one cell per mode, in [`Comparison::modes`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductRow {
    /// The product's id.
    pub id: String,
    /// One cell per mode.
    pub cells: Vec<Cell>,
    /// The mode with the lowest final price per month, when any mode priced it.
    pub cheapest: Option<usize>,
}

/// The totals: over the products every mode priced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// The products the totals add up, in input order.
    pub included: Vec<String>,
    /// The products left out because some mode did not price them.
    pub left_out: Vec<String>,
    /// One total per mode (`None` when there is nothing to add or the sum overflows).
    pub cells: Vec<Option<Priced>>,
    /// The mode with the lowest total final price per month.
    pub cheapest: Option<usize>,
}

/// Billing modes compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The currency every amount is in.
    pub currency: String,
    /// The language of its sentences.
    pub language: Language,
    /// Hours of use in a month, for the monthly prices and the break-even.
    pub hours_per_month: Decimal,
    /// Pay-per-use first, then each period in input order.
    pub modes: Vec<ModeSummary>,
    /// One row per product, in input order.
    pub products: Vec<ProductRow>,
    /// The totals.
    pub totals: Totals,
}

/// What pricing one mode gave: a quote (perhaps partial), or a failure of the whole mode.
pub type ModePricing = Result<Quote, Failure>;

struct ModeLines {
    lines: HashMap<String, Line>,
    failures: HashMap<String, Failure>,
}

impl Comparison {
    /// The comparison of `input` from its pay-per-use pricing and one pricing per period (in
    /// `input.periods` order), with sentences in `language`.
    pub fn of(
        input: &ComparisonInput,
        pay_per_use: ModePricing,
        subscriptions: Vec<ModePricing>,
        language: Language,
    ) -> Comparison {
        let options = BreakdownOptions::new(language);
        let ppu_hours = input.pay_per_use_hours();
        let currency = std::iter::once(&pay_per_use)
            .chain(&subscriptions)
            .find_map(|q| q.as_ref().ok().map(|q| q.currency.clone()))
            .unwrap_or_default();
        let billings = std::iter::once((Billing::PayPerUse { hours: ppu_hours }, ppu_hours)).chain(
            input.periods.iter().map(|p| {
                let hours = p.hours(input.hours_per_month).unwrap_or(Decimal::ZERO);
                (Billing::Subscription(*p), hours)
            }),
        );
        let mut modes = Vec::new();
        let mut priced = Vec::new();
        for ((billing, hours), result) in
            billings.zip(std::iter::once(pay_per_use).chain(subscriptions))
        {
            let mut summary = ModeSummary {
                billing,
                hours,
                options: Vec::new(),
                warnings: Vec::new(),
                failure: None,
            };
            let mut mode = ModeLines {
                lines: HashMap::new(),
                failures: HashMap::new(),
            };
            match result {
                Ok(quote) if quote.currency != currency => {
                    summary.failure = Some(Failure {
                        code: "OTHER_CURRENCY".into(),
                        message: words::other_currency(language, &quote.currency, &currency),
                    });
                }
                Ok(quote) => {
                    let b = Breakdown::of(&quote, &options);
                    for f in b.failures {
                        if let Some(id) = f.id {
                            mode.failures.insert(
                                id,
                                Failure {
                                    code: f.code.unwrap_or_default(),
                                    message: f.message.unwrap_or_default(),
                                },
                            );
                        }
                    }
                    for line in b.lines {
                        if let Some(id) = line.id.clone() {
                            mode.lines.entry(id).or_insert(line);
                        }
                    }
                    summary.options = b.options;
                    summary.warnings = b.warnings;
                }
                Err(failure) => summary.failure = Some(failure),
            }
            modes.push(summary);
            priced.push(mode);
        }
        let hpm = input.hours_per_month;
        let mut products = Vec::with_capacity(input.products.len());
        let mut included = Vec::new();
        let mut left_out = Vec::new();
        let mut sums: Vec<[Vec<Option<Decimal>>; 3]> = vec![Default::default(); modes.len()];
        for p in &input.products {
            let whole: Vec<Result<Amounts, Failure>> = modes
                .iter()
                .zip(&priced)
                .map(|(m, lines)| amounts_of(m, lines, &p.id, language))
                .collect();
            let cells = cells(&whole, &modes, hpm);
            let all = whole.iter().all(Result::is_ok);
            if all {
                included.push(p.id.clone());
                for (s, w) in sums.iter_mut().zip(&whole) {
                    if let Ok(a) = w {
                        s[0].push(a.list);
                        s[1].push(a.discount);
                        s[2].push(a.final_price);
                    }
                }
            } else {
                left_out.push(p.id.clone());
            }
            let cheapest = cheapest(cells.iter().map(|c| match c {
                Cell::Priced(p) => Some(p),
                Cell::Failed(_) => None,
            }));
            products.push(ProductRow {
                id: p.id.clone(),
                cells,
                cheapest,
            });
        }
        let total_cells = if included.is_empty() {
            vec![None; modes.len()]
        } else {
            let whole: Vec<Result<Amounts, Failure>> = sums
                .into_iter()
                .map(|[l, d, f]| {
                    Ok(Amounts {
                        list: sum(l),
                        discount: sum(d),
                        final_price: sum(f),
                    })
                })
                .collect();
            cells(&whole, &modes, hpm)
                .into_iter()
                .map(|c| match c {
                    Cell::Priced(p) => Some(p),
                    Cell::Failed(_) => None,
                })
                .collect()
        };
        let totals = Totals {
            cheapest: cheapest(total_cells.iter().map(Option::as_ref)),
            included,
            left_out,
            cells: total_cells,
        };
        Comparison {
            currency,
            language,
            hours_per_month: hpm,
            modes,
            products,
            totals,
        }
    }
}

/// A product's amounts in one mode, or why it has none.
fn amounts_of(
    mode: &ModeSummary,
    lines: &ModeLines,
    id: &str,
    language: Language,
) -> Result<Amounts, Failure> {
    if let Some(f) = &mode.failure {
        return Err(f.clone());
    }
    if let Some(f) = lines.failures.get(id) {
        return Err(f.clone());
    }
    // A subscription answered with list prices only (no optional discount) costs its list price, as the
    // breakdown's total says; its warning is kept in the mode's summary.
    match lines.lines.get(id).map(|l| &l.amounts) {
        Some(a) if a.final_price.is_some() => Ok(a.clone()),
        Some(a) if a.list.is_some() => Ok(Amounts {
            final_price: a.list,
            ..a.clone()
        }),
        _ => Err(Failure {
            code: "NO_PRICE".into(),
            message: words::no_price(language),
        }),
    }
}

/// The cells of one row (or of the totals) from each mode's amounts for its whole period.
fn cells(whole: &[Result<Amounts, Failure>], modes: &[ModeSummary], hpm: Decimal) -> Vec<Cell> {
    let ppu = whole.first().and_then(|w| w.as_ref().ok());
    let ppu_hours = modes.first().map_or(Decimal::ZERO, |m| m.hours);
    let ppu_month = ppu.and_then(|a| monthly(a, ppu_hours, hpm));
    whole
        .iter()
        .zip(modes)
        .enumerate()
        .map(|(i, (w, mode))| match w {
            Err(f) => Cell::Failed(f.clone()),
            Ok(a) => {
                // Past the exact range (not with the input's bounds): no amounts, none of them exact.
                let per_month = monthly(a, mode.hours, hpm).unwrap_or(PerMonth {
                    amounts: Amounts::default(),
                    rounded: Rounded::ALL,
                });
                let subscription = i > 0;
                let saving = subscription
                    .then(|| saving(ppu_month.as_ref()?, &per_month))
                    .flatten();
                let break_even = subscription
                    .then(|| {
                        break_even(
                            ppu?.final_price?,
                            ppu_hours,
                            a.final_price?,
                            mode.hours,
                            hpm,
                        )
                    })
                    .flatten();
                Cell::Priced(Priced {
                    whole: a.clone(),
                    per_month,
                    saving,
                    break_even,
                })
            }
        })
        .collect()
}

/// `amounts` over `hours` hours, made per month of `hpm` hours, each marked rounded on its own.
fn monthly(amounts: &Amounts, hours: Decimal, hpm: Decimal) -> Option<PerMonth> {
    let per = |v: Option<Decimal>| -> Option<(Option<Decimal>, bool)> {
        match v {
            None => Some((None, false)),
            Some(v) => {
                let (q, exact) = quotient(v.checked_mul(hpm)?, hours)?;
                Some((Some(q), !exact))
            }
        }
    };
    let (list, list_rounded) = per(amounts.list)?;
    let (discount, discount_rounded) = per(amounts.discount)?;
    let (final_price, final_rounded) = per(amounts.final_price)?;
    Some(PerMonth {
        amounts: Amounts {
            list,
            discount,
            final_price,
        },
        rounded: Rounded {
            list: list_rounded,
            discount: discount_rounded,
            final_price: final_rounded,
        },
    })
}

/// Pay-per-use's final price per month minus the mode's: exact unless one of those two finals was rounded.
fn saving(ppu: &PerMonth, mode: &PerMonth) -> Option<Saving> {
    let (p, m) = (ppu.amounts.final_price?, mode.amounts.final_price?);
    let per_month = p.checked_sub(m)?.normalize();
    Some(Saving {
        per_month,
        percent: percent(Some(per_month), Some(p)),
        exact: !ppu.rounded.final_price && !mode.rounded.final_price,
    })
}

/// The hours per month at which `ppu_final` (for `ppu_hours` hours) per hour of use costs as much per month
/// as `sub_final` (for `sub_hours` hours): `sub_final × hpm × ppu_hours / (sub_hours × ppu_final)`, one
/// division so at most one rounding.
pub(crate) fn break_even(
    ppu_final: Decimal,
    ppu_hours: Decimal,
    sub_final: Decimal,
    sub_hours: Decimal,
    hpm: Decimal,
) -> Option<BreakEven> {
    if ppu_final <= Decimal::ZERO {
        return None;
    }
    let numerator = sub_final.checked_mul(hpm)?.checked_mul(ppu_hours)?;
    let denominator = sub_hours.checked_mul(ppu_final)?;
    let (hours, exact) = quotient(numerator, denominator)?;
    Some(BreakEven {
        hours_per_month: hours,
        exact,
        within_month: hours <= hpm,
    })
}

/// The first mode with the lowest final price per month.
fn cheapest<'a>(cells: impl Iterator<Item = Option<&'a Priced>>) -> Option<usize> {
    let mut best: Option<(usize, Decimal)> = None;
    for (i, cell) in cells.enumerate() {
        let Some(price) = cell.and_then(|p| p.per_month.amounts.final_price) else {
            continue;
        };
        if best.is_none_or(|(_, b)| price < b) {
            best = Some((i, price));
        }
    }
    best.map(|(i, _)| i)
}
