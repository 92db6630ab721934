//! Accounting for every item of a batch: which items an answer leaves out, and which parts were priced in
//! another currency than the rest. What is found becomes failed parts that name their items.

use std::collections::HashSet;

use super::error::{FailedPart, Failure};
use crate::response::{MergeError, Rating};

/// A part whose answer is kept: its position, the items it prices, and the attempts it took.
pub(super) struct Rated {
    pub(super) index: usize,
    pub(super) items: Vec<String>,
    pub(super) attempts: u32,
    pub(super) rating: Rating,
}

/// The items of `items` that `rating` does not account for, in order.
pub(super) fn unanswered(items: &[String], rating: &Rating) -> Vec<String> {
    let answered: HashSet<&str> = rating.answered_ids().into_iter().collect();
    items
        .iter()
        .filter(|item| !answered.contains(item.as_str()))
        .cloned()
        .collect()
}

/// Keeps the answers in the currency of the first (a blank currency being the site's); a part priced in another
/// fails with its items, instead of sinking the whole inquiry or being added to amounts in another currency.
pub(super) fn refuse_other_currencies(
    rated: &mut Vec<Rated>,
    failed: &mut Vec<FailedPart>,
    site: &str,
) {
    let currency = |r: &Rated| r.rating.currency().unwrap_or(site).to_owned();
    let Some(first) = rated.first().map(currency) else {
        return;
    };
    let mut refused = HashSet::new();
    rated.retain(|r| {
        let other = currency(r);
        if other == first {
            return true;
        }
        // A part whose items already failed (a renewal's error answer) carries none.
        if !r.items.is_empty() {
            refused.insert(r.index);
            failed.push(FailedPart {
                index: r.index,
                items: r.items.clone(),
                failure: Failure::Inconsistent(MergeError::CurrencyMismatch {
                    first: first.clone(),
                    other,
                }),
                attempts: r.attempts,
            });
        }
        false
    });
    // The whole part fails: any earlier entry for some of its items is replaced.
    if !refused.is_empty() {
        failed.retain(|p| {
            !refused.contains(&p.index) || matches!(p.failure, Failure::Inconsistent(_))
        });
    }
}
