//! Merging the answers of a split batch into one answer, as if the whole inquiry had been priced at once:
//! lines in input order, totals summed exactly, optional discounts matched by id across the parts.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::{ListPrice, OnDemandRating, OptionalDiscount, PeriodRating, RenewalRating};

/// Why answers could not be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// Two parts of one inquiry were priced in different currencies.
    #[error("the parts of the inquiry were priced in different currencies ({first} and {other})")]
    CurrencyMismatch {
        /// The currency of the first part that named one.
        first: String,
        /// A different currency of a later part.
        other: String,
    },
    /// A sum does not fit an exact decimal.
    #[error("a total does not fit an exact decimal")]
    Overflow,
}

/// `a + b` where either may be missing; exact, or an error on overflow.
fn add(a: Option<Decimal>, b: Option<Decimal>) -> Result<Option<Decimal>, MergeError> {
    match (a, b) {
        (Some(a), Some(b)) => a.checked_add(b).map(Some).ok_or(MergeError::Overflow),
        (a, b) => Ok(a.or(b)),
    }
}

/// The one currency of all parts; blank or missing currencies (the site's default) do not conflict.
fn currency<'a>(
    currencies: impl Iterator<Item = &'a Option<String>>,
) -> Result<Option<String>, MergeError> {
    let mut found: Option<&String> = None;
    let mut any: Option<&Option<String>> = None;
    for c in currencies {
        any.get_or_insert(c);
        let Some(named) = c.as_ref().filter(|s| !s.trim().is_empty()) else {
            continue;
        };
        match found {
            Some(first) if first != named => {
                return Err(MergeError::CurrencyMismatch {
                    first: first.clone(),
                    other: named.clone(),
                })
            }
            _ => found = Some(named),
        }
    }
    Ok(found.cloned().or_else(|| any.cloned().flatten()))
}

fn merge_list_price(
    a: Option<ListPrice>,
    b: Option<ListPrice>,
) -> Result<Option<ListPrice>, MergeError> {
    Ok(match (a, b) {
        (Some(mut a), Some(b)) => {
            a.official_website_amount = add(a.official_website_amount, b.official_website_amount)?;
            a.installment_official_website_amount = add(
                a.installment_official_website_amount,
                b.installment_official_website_amount,
            )?;
            a.measure_id = a.measure_id.or(b.measure_id);
            a.product_rating_results.extend(b.product_rating_results);
            Some(a)
        }
        (a, b) => a.or(b),
    })
}

/// Optional discounts of all parts, matched by discount id and type in order of first appearance.
fn merge_discounts(parts: Vec<Vec<OptionalDiscount>>) -> Result<Vec<OptionalDiscount>, MergeError> {
    let mut merged: Vec<OptionalDiscount> = Vec::new();
    // Where each (id, type) is in `merged`, so that matching stays linear in the discounts.
    let mut at: HashMap<(Option<String>, Option<i64>), usize> = HashMap::new();
    for part in parts {
        for d in part {
            let key = (d.discount_id.clone(), d.discount_type);
            let same = at.get(&key).and_then(|&i| merged.get_mut(i));
            match same {
                Some(m) => {
                    m.amount = add(m.amount, d.amount)?;
                    m.official_website_amount =
                        add(m.official_website_amount, d.official_website_amount)?;
                    m.discount_amount = add(m.discount_amount, d.discount_amount)?;
                    m.product_rating_results.extend(d.product_rating_results);
                }
                None => {
                    at.insert(key, merged.len());
                    merged.push(d);
                }
            }
        }
    }
    mark_best_offer(&mut merged);
    Ok(merged)
}

/// Marks the best offer the way the API defines it: the largest discount among commercial (605, 606) and
/// partner (607) discounts, a commercial one on a tie; promotions and others never.
fn mark_best_offer(discounts: &mut [OptionalDiscount]) {
    let eligible = |d: &OptionalDiscount| matches!(d.discount_type, Some(605..=607));
    let commercial = |d: &OptionalDiscount| matches!(d.discount_type, Some(605 | 606));
    let mut best: Option<usize> = None;
    for (i, d) in discounts.iter().enumerate().filter(|(_, d)| eligible(d)) {
        let better = match best.and_then(|b| discounts.get(b)) {
            None => true,
            Some(b) => {
                let (mine, theirs) = (
                    d.discount_amount.unwrap_or_default(),
                    b.discount_amount.unwrap_or_default(),
                );
                mine > theirs || (mine == theirs && commercial(d) && !commercial(b))
            }
        };
        if better {
            best = Some(i);
        }
    }
    for (i, d) in discounts.iter_mut().enumerate() {
        d.best_offer = Some(i64::from(Some(i) == best));
    }
}

impl OnDemandRating {
    /// The answers of a split batch as one answer.
    pub fn merge(parts: Vec<OnDemandRating>) -> Result<OnDemandRating, MergeError> {
        if parts.len() == 1 {
            return Ok(parts.into_iter().next().unwrap_or_default());
        }
        let currency = currency(parts.iter().map(|p| &p.currency))?;
        let mut merged = OnDemandRating {
            currency,
            ..OnDemandRating::default()
        };
        for part in parts {
            merged.amount = add(merged.amount, part.amount)?;
            merged.discount_amount = add(merged.discount_amount, part.discount_amount)?;
            merged.official_website_amount =
                add(merged.official_website_amount, part.official_website_amount)?;
            merged.measure_id = merged.measure_id.or(part.measure_id);
            merged
                .product_rating_results
                .extend(part.product_rating_results);
        }
        Ok(merged)
    }
}

impl PeriodRating {
    /// The answers of a split batch as one answer; the best offer is chosen again over the merged discounts.
    pub fn merge(parts: Vec<PeriodRating>) -> Result<PeriodRating, MergeError> {
        if parts.len() == 1 {
            return Ok(parts.into_iter().next().unwrap_or_default());
        }
        let currency = currency(parts.iter().map(|p| &p.currency))?;
        let mut list = None;
        let mut discounts = Vec::new();
        for part in parts {
            list = merge_list_price(list, part.official_website_rating_result)?;
            discounts.push(part.optional_discount_rating_results);
        }
        Ok(PeriodRating {
            official_website_rating_result: list,
            optional_discount_rating_results: merge_discounts(discounts)?,
            currency,
        })
    }
}

impl RenewalRating {
    /// The answers of a split batch as one answer, failures of every part kept.
    pub fn merge(parts: Vec<RenewalRating>) -> Result<RenewalRating, MergeError> {
        if parts.len() == 1 {
            return Ok(parts.into_iter().next().unwrap_or_default());
        }
        let currency = currency(parts.iter().map(|p| &p.currency))?;
        let mut merged = RenewalRating {
            currency,
            ..RenewalRating::default()
        };
        let mut discounts = Vec::new();
        for part in parts {
            merged
                .renew_inquiry_results
                .extend(part.renew_inquiry_results);
            merged.fail_resource_infos.extend(part.fail_resource_infos);
            merged.official_website_rating_result = merge_list_price(
                merged.official_website_rating_result,
                part.official_website_rating_result,
            )?;
            discounts.push(part.optional_discount_rating_results);
        }
        merged.optional_discount_rating_results = merge_discounts(discounts)?;
        Ok(merged)
    }
}
