//! The body of a request for some of the items of another: what splitting a failed request to find its failing
//! products sends. A subset of a valid request is valid; it is checked again all the same, and a subset that
//! somehow is not gives no body.

use std::ops::Range;

use crate::inquiry::{OnDemandInquiry, PeriodInquiry, RenewalInquiry};
use crate::quote::Described;

/// An inquiry whose items can be sent in smaller requests.
pub trait Divisible: Described {
    /// The exact body of a request for the items at `range` of this one, or `None` if there is none.
    fn body_of(&self, range: Range<usize>) -> Option<String>;
}

impl Divisible for OnDemandInquiry {
    fn body_of(&self, range: Range<usize>) -> Option<String> {
        let mut draft = self.draft().clone();
        draft.product_infos = draft.product_infos.get(range)?.to_vec();
        Some(OnDemandInquiry::new(draft).ok()?.body())
    }
}

impl Divisible for PeriodInquiry {
    fn body_of(&self, range: Range<usize>) -> Option<String> {
        let mut draft = self.draft().clone();
        draft.product_infos = draft.product_infos.get(range)?.to_vec();
        Some(PeriodInquiry::new(draft).ok()?.body())
    }
}

impl Divisible for RenewalInquiry {
    fn body_of(&self, range: Range<usize>) -> Option<String> {
        let mut draft = self.draft().clone();
        draft.resource_ids = draft.resource_ids.get(range)?.to_vec();
        Some(RenewalInquiry::new(draft).ok()?.body())
    }
}

/// Rewrites `field[k]` in `text` (a server's message about a request whose first item is the caller's item
/// number `first`) as `field[first + k]`: the index in the caller's whole inquiry, not in one request.
pub(crate) fn to_caller_indexes(text: &str, field: &str, first: usize) -> String {
    let open = format!("{field}[");
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(at) = rest.find(&open) {
        let (before, after) = rest.split_at(at + open.len());
        out.push_str(before);
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let (number, tail) = after.split_at(digits);
        match number.parse::<usize>() {
            Ok(k) if tail.starts_with(']') => out.push_str(&(first.saturating_add(k)).to_string()),
            _ => out.push_str(number),
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_in_a_message_become_the_callers() {
        let cases = [
            (
                "no price for product_infos[0].: x",
                150,
                "no price for product_infos[150].: x",
            ),
            (
                "product_infos[3] and product_infos[12]",
                100,
                "product_infos[103] and product_infos[112]",
            ),
            (
                "product_infos[] product_infos[x] product_infos[7",
                5,
                "product_infos[] product_infos[x] product_infos[7",
            ),
            ("nothing here", 9, "nothing here"),
            ("产品 product_infos[1]", 200, "产品 product_infos[201]"),
        ];
        for (text, first, want) in cases {
            assert_eq!(to_caller_indexes(text, "product_infos", first), want);
        }
    }

    #[test]
    fn a_subset_of_a_request_is_a_request() {
        let parts = RenewalInquiry::batch_from_json(
            r#"{"resource_ids": ["a", "b", "c"], "period_type": 2, "period_num": 1}"#,
        )
        .unwrap();
        let body = parts[0].body_of(1..3).unwrap();
        assert!(body.contains(r#"["b","c"]"#), "{body}");
        assert_eq!(parts[0].body_of(2..9), None);
    }
}
