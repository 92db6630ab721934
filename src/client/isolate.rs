//! Finding the products that fail a request, pure: when the service refuses a request of several products with
//! an error about one product (an unknown flavour, a wrong unit), the whole request carries no price, though only
//! some of its products are at fault. The client then sends the two halves of the request, and the halves of
//! each half that fails the same way, until each failing group is one product (a culprit) or the budget is
//! spent. Everything else is priced.
//!
//! The cost is bounded. A group is split only when it failed and holds two or more products, and at each depth
//! of the halving at most `f` groups hold one of the `f` culprits, so a request of `n` products costs at most
//! `2·f·⌈log2 n⌉` extra requests (14 per culprit for a request of 100). Whatever the answers, a request costs at
//! most [`MAX_EXTRA_PER_REQUEST`] extra requests and a call at most [`MAX_EXTRA_PER_CALL`]; a group that fails
//! when the budget is spent is reported as one failure naming all its products.
//!
//! The halves are sent a round at a time, each round like the requests of a batch: within the quota and the
//! concurrency limit.

use crate::validate::sort::sort;

/// The error codes that are about one product of the request, not about the request or the account: splitting
/// the request can tell which product. From the error-code tables of the pay-per-use and yearly/monthly
/// rating APIs:
///
/// - `CBC.99006006`: the product (service type, resource type, spec and region) does not exist;
/// - `CBC.99006050`: the usage or size unit does not fit the product;
/// - `CBC.99006055`: the amount asked for is over the product's upper limit;
/// - `CBC.99006074`: the product has no such billing item.
///
/// Not in the list: `CBC.0100` (a parameter, often of the request itself; our validation has checked every
/// product rule already), `CBC.0999`, `CBC.99006024`/`CBC.99006066` (the service could not read its own data:
/// a retry, not a split, may help), the renewal codes (a renewal answer lists its failed resources itself),
/// and every auth, quota or gateway code.
pub const PRODUCT_CODES: [&str; 4] = [
    "CBC.99006006",
    "CBC.99006050",
    "CBC.99006055",
    "CBC.99006074",
];

/// Whether `code` is about one product of the request ([`PRODUCT_CODES`]).
pub fn is_product_level(code: &str) -> bool {
    PRODUCT_CODES.contains(&code)
}

/// Most extra requests spent on one request of the batch: enough to find 4 culprits among 100 products
/// (`2·4·⌈log2 100⌉`).
pub const MAX_EXTRA_PER_REQUEST: usize = 56;

/// Most extra requests spent on one call, whatever the number of its requests: about 10 seconds of the
/// pay-per-use quota.
pub const MAX_EXTRA_PER_CALL: usize = 100;

/// Some products of one request of a batch: positions `start..end` in that request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Group {
    /// The request's position in the batch.
    pub request: usize,
    /// The first product's position in the request.
    pub start: usize,
    /// One past the last product's position in the request.
    pub end: usize,
}

impl Group {
    /// How many products the group holds.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the group holds no product.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The two halves, the first one smaller when the length is odd; neither is empty for two or more products.
    fn halves(self) -> [Group; 2] {
        let middle = self.start + self.len() / 2;
        [
            Group {
                end: middle,
                ..self
            },
            Group {
                start: middle,
                ..self
            },
        ]
    }
}

/// The search for the culprits of one call: which groups to send next, and the budget spent.
#[derive(Debug, Clone, Default)]
pub struct Isolation {
    next: Vec<Group>,
    spent: usize,
    /// Extra requests spent per request of the batch, for the requests that have any.
    per_request: Vec<(usize, usize)>,
}

impl Isolation {
    /// A search with nothing to send yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// `group` (a whole request or a part of one) failed with a product-level error. Returns `true` when that
    /// failure is final (one product, or no budget left to split it), `false` when its halves are queued for
    /// the next round.
    pub fn failed(&mut self, group: Group) -> bool {
        if group.len() < 2 {
            return true;
        }
        let index = match self
            .per_request
            .iter()
            .position(|(r, _)| *r == group.request)
        {
            Some(i) => i,
            None => {
                self.per_request.push((group.request, 0));
                self.per_request.len() - 1
            }
        };
        let Some((_, spent_here)) = self.per_request.get_mut(index) else {
            return true;
        };
        if *spent_here + 2 > MAX_EXTRA_PER_REQUEST || self.spent + 2 > MAX_EXTRA_PER_CALL {
            return true;
        }
        *spent_here += 2;
        self.spent += 2;
        self.next.extend(group.halves());
        false
    }

    /// The groups to send in the next round, in batch order; empty when the search is over.
    pub fn next_round(&mut self) -> Vec<Group> {
        let mut round = std::mem::take(&mut self.next);
        sort(&mut round);
        round
    }

    /// Extra requests queued so far.
    pub fn spent(&self) -> usize {
        self.spent
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Runs the search on one request of `n` products whose `culprits` fail any group holding them. Returns
    /// the final failing groups, the priced groups and the extra requests sent.
    fn search(n: usize, culprits: &BTreeSet<usize>) -> (Vec<Group>, Vec<Group>, usize) {
        let mut iso = Isolation::new();
        let whole = Group {
            request: 0,
            start: 0,
            end: n,
        };
        let fails = |g: &Group| culprits.range(g.start..g.end).next().is_some();
        let (mut failed, mut priced, mut sent) = (Vec::new(), Vec::new(), 0);
        if !fails(&whole) {
            return (failed, vec![whole], 0);
        }
        if iso.failed(whole) {
            failed.push(whole);
        }
        loop {
            let round = iso.next_round();
            if round.is_empty() {
                break;
            }
            for g in round {
                sent += 1;
                if !fails(&g) {
                    priced.push(g);
                } else if iso.failed(g) {
                    failed.push(g);
                }
            }
        }
        assert_eq!(sent, iso.spent());
        (failed, priced, sent)
    }

    #[test]
    fn one_culprit_among_a_hundred_costs_fourteen_requests_at_most() {
        let (failed, priced, sent) = search(100, &BTreeSet::from([57]));
        assert_eq!(
            failed,
            [Group {
                request: 0,
                start: 57,
                end: 58
            }]
        );
        assert_eq!(priced.iter().map(Group::len).sum::<usize>(), 99);
        assert!(sent <= 14, "{sent}");
        assert!(is_product_level("CBC.99006006") && !is_product_level("CBC.0100"));
    }

    #[test]
    fn a_request_where_everything_fails_stops_at_the_budget() {
        let all: BTreeSet<usize> = (0..100).collect();
        let (failed, priced, sent) = search(100, &all);
        assert!(priced.is_empty());
        assert_eq!(sent, MAX_EXTRA_PER_REQUEST);
        assert_eq!(failed.iter().map(Group::len).sum::<usize>(), 100);
    }

    #[test]
    fn the_call_budget_holds_across_requests() {
        let mut iso = Isolation::new();
        for request in 0..10 {
            let _ = iso.failed(Group {
                request,
                start: 0,
                end: 100,
            });
        }
        loop {
            let round = iso.next_round();
            if round.is_empty() {
                break;
            }
            for g in round {
                let _ = iso.failed(g);
            }
        }
        assert_eq!(iso.spent(), MAX_EXTRA_PER_CALL);
        assert!(iso.failed(Group {
            request: 11,
            start: 0,
            end: 1
        }));
    }

    /// The property runs natively only (proptest's random source does not build for wasm32-unknown-unknown).
    #[cfg(not(target_arch = "wasm32"))]
    mod property {
        use super::*;
        use proptest::prelude::*;

        fn log2_ceil(n: usize) -> usize {
            (usize::BITS - n.saturating_sub(1).leading_zeros()) as usize
        }

        proptest! {
            #[test]
            fn finds_exactly_the_culprits_within_the_bound(
                n in 1usize..=100,
                picks in proptest::collection::vec(0usize..100, 0..6),
            ) {
                let culprits: BTreeSet<usize> = picks.into_iter().filter(|&c| c < n).collect();
                let (failed, priced, sent) = search(n, &culprits);
                let f = culprits.len();
                prop_assert!(sent <= 2 * f * log2_ceil(n), "{sent} > 2·{f}·⌈log2 {n}⌉");
                prop_assert!(sent <= MAX_EXTRA_PER_REQUEST);
                // Every product is either priced or failed, once.
                let mut covered: Vec<usize> = failed.iter().chain(&priced).flat_map(|g| g.start..g.end).collect();
                covered.sort_unstable();
                prop_assert_eq!(covered, (0..n).collect::<Vec<_>>());
                // No priced group holds a culprit; with few culprits, each failure is one culprit.
                prop_assert!(priced.iter().all(|g| culprits.range(g.start..g.end).next().is_none()));
                if f <= 4 {
                    let found: BTreeSet<usize> = failed.iter().map(|g| g.start).collect();
                    prop_assert!(failed.iter().all(|g| g.len() == 1));
                    prop_assert_eq!(found, culprits);
                }
            }
        }
    }
}
