//! Building a [`Breakdown`] from a [`Quote`]: one function per kind of answer for its lines and totals, then
//! what every breakdown checks (currency, items with no price, list prices only) and the projections.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::words::{assumption, discount_type_name, period_text, quantity, Column, Note};
use super::{projection, repeats};
use super::{
    Amounts, AskedSummary, Breakdown, BreakdownOptions, ItemFailure, Line, LineDiscount,
    PriceOption, Projections, Warning,
};
use crate::kind::InquiryKind;
use crate::money::{percent, sum};
use crate::quote::{Asked, Quote, Terms};
use crate::response::{
    DiscountedLine, OnDemandRating, OptionalDiscount, PeriodRating, Rating, RenewalRating,
};

/// Picks one column of amounts.
type Pick = fn(&Amounts) -> Option<Decimal>;

/// What one kind of answer contributes to a breakdown.
struct Parts {
    lines: Vec<Line>,
    totals: Amounts,
    options: Vec<PriceOption>,
    failures: Vec<ItemFailure>,
    list_price_only: bool,
}

struct Builder<'a> {
    options: &'a BreakdownOptions,
    asked: HashMap<&'a str, &'a Asked>,
    warnings: Vec<Warning>,
}

impl<'a> Builder<'a> {
    fn warn(&mut self, note: Note<'_>) {
        self.warnings.push(Warning {
            code: note.code(),
            message: note.text(self.options.language),
        });
    }

    /// Warns when `parts` (all present) do not add up to `whole`.
    fn check_sum(&mut self, column: Column, parts: Vec<Option<Decimal>>, whole: Option<Decimal>) {
        if parts.is_empty() {
            return;
        }
        let complete = parts.iter().all(Option::is_some);
        match (sum(parts), whole) {
            (Some(sum), Some(whole)) if sum != whole => {
                self.warn(Note::LinesDoNotAddUp { column, sum, whole });
            }
            // Every line has an amount, yet they cannot be added: past the exact range.
            (None, Some(whole)) if complete => self.warn(Note::SumTooLarge { column, whole }),
            _ => {}
        }
    }

    /// What was asked for the item `id`: a description, what the price covers, and the fields.
    fn describe(&self, id: Option<&str>) -> (Option<String>, Option<String>, Option<AskedSummary>) {
        let Some(asked) = id.and_then(|id| self.asked.get(id)) else {
            return (None, None, None);
        };
        let language = self.options.language;
        let catalogue = self.options.catalogue.as_deref();
        let product = asked.product.as_ref();
        let size = product
            .and_then(|p| p.size)
            .map(|(size, measure)| quantity(Decimal::from(size), measure, language, catalogue));
        let description = product.map(|p| match &size {
            Some(size) => format!("{}, {}, {size}", p.resource_spec, p.region),
            None => format!("{}, {}", p.resource_spec, p.region),
        });
        let (usage, period) = match &asked.terms {
            Terms::Usage {
                value, measure_id, ..
            } => (
                Some(quantity(*value, *measure_id, language, catalogue)),
                None,
            ),
            Terms::Period { period_type, num } => {
                (None, Some(period_text(*period_type, *num, language)))
            }
        };
        let what = usage.as_deref().or(period.as_deref()).unwrap_or_default();
        let covers = match product {
            Some(p) => format!("{} × {what}", p.quantity),
            None => what.to_owned(),
        };
        let summary = AskedSummary {
            cloud_service_type: product.map(|p| p.cloud_service_type.clone()),
            resource_type: product.map(|p| p.resource_type.clone()),
            resource_spec: product.map(|p| p.resource_spec.clone()),
            region: product.map(|p| p.region.clone()),
            size,
            quantity: product.map(|p| p.quantity),
            usage,
            period,
        };
        (description, Some(covers), Some(summary))
    }

    fn line_discount(
        &self,
        discount_id: Option<String>,
        type_code: Option<i64>,
        name: Option<String>,
        amount: Option<Decimal>,
    ) -> LineDiscount {
        LineDiscount {
            discount_id,
            type_code,
            type_name: discount_type_name(type_code, self.options.language),
            name,
            amount,
        }
    }

    fn options_of(&self, list: &[OptionalDiscount]) -> Vec<PriceOption> {
        list.iter()
            .map(|o| PriceOption {
                discount_id: o.discount_id.clone(),
                type_code: o.discount_type,
                type_name: discount_type_name(o.discount_type, self.options.language),
                name: o.discount_name.clone(),
                amounts: Amounts {
                    list: o.official_website_amount,
                    discount: o.discount_amount,
                    final_price: o.amount,
                },
                discount_percent: percent(o.discount_amount, o.official_website_amount),
                best_offer: o.best_offer == Some(1),
            })
            .collect()
    }

    /// Warns about optional discounts that do not cover every line, and about options whose lines do not add
    /// up.
    fn check_options(&mut self, options: &[OptionalDiscount], lines: usize) {
        for o in options {
            let name = o
                .discount_name
                .as_deref()
                .or(o.discount_id.as_deref())
                .unwrap_or_default();
            let covered = o.product_rating_results.len();
            if covered > 0 && covered < lines {
                self.warn(Note::PartialOption {
                    option: name,
                    covered,
                    lines,
                });
            }
            let parts: Vec<_> = o.product_rating_results.iter().map(|p| p.amount).collect();
            if parts.is_empty() {
                continue;
            }
            let complete = parts.iter().all(Option::is_some);
            match (sum(parts), o.amount) {
                (Some(sum), Some(whole)) if sum != whole => {
                    self.warn(Note::OptionDoesNotAddUp {
                        option: name,
                        sum,
                        whole,
                    });
                }
                (None, Some(whole)) if complete => self.warn(Note::SumTooLarge {
                    column: Column::Final,
                    whole,
                }),
                _ => {}
            }
        }
    }

    fn on_demand(&mut self, r: &OnDemandRating) -> Parts {
        let mut lines = Vec::with_capacity(r.product_rating_results.len());
        for l in &r.product_rating_results {
            let (description, covers, asked) = self.describe(l.id.as_deref());
            let discounts: Vec<LineDiscount> = l
                .discount_rating_results
                .iter()
                .map(|d| {
                    self.line_discount(
                        d.discount_id.clone(),
                        d.discount_type,
                        d.discount_name.clone(),
                        d.amount,
                    )
                })
                .collect();
            if !discounts.is_empty() {
                let entries = sum(discounts.iter().map(|d| d.amount));
                if let (Some(entries), Some(discount)) = (entries, l.discount_amount) {
                    if entries != discount {
                        self.warn(Note::DiscountsDoNotAddUp {
                            id: l.id.as_deref().unwrap_or_default(),
                            sum: entries,
                            discount,
                        });
                    }
                }
            }
            lines.push(Line {
                id: l.id.clone(),
                product_id: l.product_id.clone(),
                description,
                covers,
                asked,
                amounts: Amounts {
                    list: l.official_website_amount,
                    discount: l.discount_amount,
                    final_price: l.amount,
                },
                discount_percent: percent(l.discount_amount, l.official_website_amount),
                discounts,
                projection: projection::line(
                    l.id.as_deref().and_then(|id| self.asked.get(id).copied()),
                    l.amount,
                    self.options,
                ),
            });
        }
        let totals = Amounts {
            list: r.official_website_amount,
            discount: r.discount_amount,
            final_price: r.amount,
        };
        let columns: [(Column, Pick); 3] = [
            (Column::List, |a| a.list),
            (Column::Discount, |a| a.discount),
            (Column::Final, |a| a.final_price),
        ];
        for (column, pick) in columns {
            let parts = lines.iter().map(|l| pick(&l.amounts)).collect();
            self.check_sum(column, parts, pick(&totals));
        }
        Parts {
            lines,
            totals,
            options: Vec::new(),
            failures: Vec::new(),
            list_price_only: false,
        }
    }

    fn period(&mut self, r: &PeriodRating) -> Parts {
        let options = self.options_of(&r.optional_discount_rating_results);
        let best = r
            .optional_discount_rating_results
            .iter()
            .find(|o| o.best_offer == Some(1));
        let list = r.official_website_rating_result.as_ref();
        let listed = list.map_or(&[][..], |l| l.product_rating_results.as_slice());
        // The best offer's line of each product, found once (the first, when an id repeats).
        let mut offered: HashMap<Option<&str>, &DiscountedLine> = HashMap::new();
        for p in best.map_or(&[][..], |o| o.product_rating_results.as_slice()) {
            offered.entry(p.id.as_deref()).or_insert(p);
        }
        let mut lines = Vec::with_capacity(listed.len());
        for l in listed {
            let (description, covers, asked) = self.describe(l.id.as_deref());
            let offer = best.zip(offered.get(&l.id.as_deref()).copied());
            let discounts = offer
                .map(|(o, p)| {
                    self.line_discount(
                        o.discount_id.clone(),
                        o.discount_type,
                        o.discount_name.clone(),
                        p.discount_amount,
                    )
                })
                .into_iter()
                .collect();
            let (discount, final_price) =
                offer.map_or((None, None), |(_, p)| (p.discount_amount, p.amount));
            lines.push(Line {
                id: l.id.clone(),
                product_id: l.product_id.clone(),
                description,
                covers,
                asked,
                amounts: Amounts {
                    list: l.official_website_amount,
                    discount,
                    final_price,
                },
                discount_percent: percent(discount, l.official_website_amount),
                discounts,
                projection: None,
            });
        }
        let list_total = list.and_then(|l| l.official_website_amount);
        self.check_sum(
            Column::List,
            lines.iter().map(|l| l.amounts.list).collect(),
            list_total,
        );
        self.check_options(&r.optional_discount_rating_results, lines.len());
        Parts {
            totals: Amounts {
                list: list_total,
                discount: best.and_then(|o| o.discount_amount),
                final_price: best.and_then(|o| o.amount),
            },
            lines,
            list_price_only: options.is_empty(),
            options,
            failures: Vec::new(),
        }
    }

    fn renewal(&mut self, r: &RenewalRating) -> Parts {
        let options = self.options_of(&r.optional_discount_rating_results);
        let best = r
            .optional_discount_rating_results
            .iter()
            .find(|o| o.best_offer == Some(1));
        let lines: Vec<Line> = r
            .renew_inquiry_results
            .iter()
            .map(|l| {
                let (description, covers, asked) = self.describe(l.resource_id.as_deref());
                Line {
                    id: l.resource_id.clone(),
                    product_id: None,
                    description,
                    covers,
                    asked,
                    amounts: Amounts {
                        list: l.amount,
                        discount: None,
                        final_price: None,
                    },
                    discount_percent: None,
                    discounts: Vec::new(),
                    projection: None,
                }
            })
            .collect();
        let list_total = r
            .official_website_rating_result
            .as_ref()
            .and_then(|l| l.official_website_amount);
        self.check_sum(
            Column::Renewal,
            lines.iter().map(|l| l.amounts.list).collect(),
            list_total,
        );
        let failures = r
            .fail_resource_infos
            .iter()
            .map(|f| ItemFailure {
                id: f.resource_id.clone(),
                code: f.error_code.clone(),
                message: f.error_msg.clone(),
            })
            .collect();
        if let Some(code) = &r.error.error_code {
            let message = r.error.error_msg.as_deref().unwrap_or_default();
            self.warn(Note::AnswerError { code, message });
        }
        Parts {
            totals: Amounts {
                list: list_total,
                discount: best.and_then(|o| o.discount_amount),
                final_price: best.and_then(|o| o.amount),
            },
            list_price_only: options.is_empty() && !lines.is_empty(),
            lines,
            options,
            failures,
        }
    }
}

impl Breakdown {
    /// The breakdown of `quote`.
    pub fn of(quote: &Quote, options: &BreakdownOptions) -> Breakdown {
        let mut b = Builder {
            options,
            asked: quote.asked.iter().map(|a| (a.id.as_str(), a)).collect(),
            warnings: Vec::new(),
        };
        if quote.currency_defaulted {
            b.warn(Note::CurrencyDefaulted {
                currency: &quote.currency,
            });
        }
        let deduplicated = repeats::without_repeats(&quote.rating);
        let rating = match &deduplicated {
            Some((rating, repeated)) => {
                b.warn(Note::RepeatedLines { ids: repeated });
                rating
            }
            None => &quote.rating,
        };
        let mut parts = match rating {
            Rating::OnDemand(r) => b.on_demand(r),
            Rating::Period(r) => b.period(r),
            Rating::Renewal(r) => b.renewal(r),
        };
        if !quote.asked.is_empty() {
            let unasked: Vec<String> = parts
                .lines
                .iter()
                .filter_map(|l| l.id.as_deref())
                .filter(|id| !b.asked.contains_key(id))
                .map(str::to_owned)
                .collect();
            if !unasked.is_empty() {
                b.warn(Note::UnaskedLines { ids: &unasked });
            }
        }
        // The call's failures (a partial quote's) join the answer's own, once per item.
        let listed: HashSet<String> = parts.failures.iter().filter_map(|f| f.id.clone()).collect();
        parts.failures.extend(
            quote
                .failures
                .iter()
                .filter(|f| !listed.contains(&f.id))
                .map(|f| ItemFailure {
                    id: Some(f.id.clone()),
                    code: Some(f.code.clone()),
                    message: Some(f.message.clone()),
                }),
        );
        let answered: HashSet<&str> = parts
            .lines
            .iter()
            .filter_map(|l| l.id.as_deref())
            .chain(parts.failures.iter().filter_map(|f| f.id.as_deref()))
            .collect();
        for asked in &quote.asked {
            if !answered.contains(asked.id.as_str()) {
                b.warn(Note::NoPrice { id: &asked.id });
            }
        }
        if parts.list_price_only {
            b.warn(Note::ListPriceOnly);
        }
        let projections =
            (options.projections && quote.kind() == InquiryKind::OnDemand).then(|| Projections {
                hours_per_month: options.hours_per_month,
                assumption: assumption(options.hours_per_month, options.language),
                total: projection::total(&parts.lines),
            });
        Breakdown {
            kind: quote.kind(),
            currency: quote.currency.clone(),
            language: options.language,
            discount_percent: percent(parts.totals.discount, parts.totals.list),
            totals: parts.totals,
            list_price_only: parts.list_price_only,
            lines: parts.lines,
            options: parts.options,
            failures: parts.failures,
            warnings: b.warnings,
            projections,
        }
    }
}
