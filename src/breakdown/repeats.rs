//! One priced line per item: an answer that prices an item twice is shown with its first line only, and the
//! repeated ids are named in a warning.

use std::collections::HashSet;

use crate::response::Rating;

/// The ids that `ids` holds more than once, each named once, in order of first repeat.
fn repeats<'a>(ids: impl Iterator<Item = Option<&'a str>>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut named = HashSet::new();
    let mut repeated = Vec::new();
    for id in ids.flatten() {
        if !seen.insert(id) && named.insert(id) {
            repeated.push(id.to_owned());
        }
    }
    repeated
}

/// Keeps the first of the lines that share an id (lines with no id are all kept).
fn first_of_each<T>(lines: &mut Vec<T>, id: fn(&T) -> Option<&str>) {
    let mut seen = HashSet::new();
    let keep: Vec<bool> = lines
        .iter()
        .map(|l| id(l).is_none_or(|id| seen.insert(id.to_owned())))
        .collect();
    let mut keep = keep.into_iter();
    lines.retain(|_| keep.next().unwrap_or(true));
}

/// `rating` with one priced line per item (the first; a repeat would count an item twice), and the ids that
/// repeated; `None` when nothing repeats, which is the rule.
pub(super) fn without_repeats(rating: &Rating) -> Option<(Rating, Vec<String>)> {
    let repeated = match rating {
        Rating::OnDemand(r) => repeats(r.product_rating_results.iter().map(|l| l.id.as_deref())),
        Rating::Period(r) => repeats(
            r.official_website_rating_result
                .iter()
                .flat_map(|l| l.product_rating_results.iter().map(|l| l.id.as_deref())),
        ),
        Rating::Renewal(r) => repeats(
            r.renew_inquiry_results
                .iter()
                .map(|l| l.resource_id.as_deref()),
        ),
    };
    if repeated.is_empty() {
        return None;
    }
    let mut rating = rating.clone();
    match &mut rating {
        Rating::OnDemand(r) => first_of_each(&mut r.product_rating_results, |l| l.id.as_deref()),
        Rating::Period(r) => {
            if let Some(list) = &mut r.official_website_rating_result {
                first_of_each(&mut list.product_rating_results, |l| l.id.as_deref());
            }
        }
        Rating::Renewal(r) => {
            first_of_each(&mut r.renew_inquiry_results, |l| l.resource_id.as_deref());
        }
    }
    Some((rating, repeated))
}
