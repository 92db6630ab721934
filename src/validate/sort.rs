//! The crate's one sorting routine. The standard library's sorts are generic over the element type, and each
//! type sorted was another copy of them (about 2–5 KB each, 37 KB raw in all) in the WebAssembly module. Here
//! the sorting itself works on indexes, one copy for every type, behind a comparison of two indexes; what is
//! generic is only the small wrapper that compares elements and swaps them into the order found.
//!
//! Every sort here is stable (equal elements keep their order), O(n log n) in comparisons (up to 16 elements are
//! sorted by insertion, which needs no merge buffers), and takes O(n) extra memory. A sort of elements with a
//! total order (`Ord` where equal means the same) gives what `sort_unstable` gave.

use std::cmp::Ordering;

/// Sorts `items` in ascending order, stably.
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by `compare`, stably.
pub(crate) fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let swaps = {
        let slice: &[T] = items;
        swaps(
            slice.len(),
            &mut |a, b| match (slice.get(a), slice.get(b)) {
                (Some(x), Some(y)) => compare(x, y),
                _ => Ordering::Equal,
            },
        )
    };
    arrange(items, &swaps);
}

/// Sorts `items` by the key `key` gives each of them (computed once per element), stably.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let swaps = swaps(keys.len(), &mut |a, b| match (keys.get(a), keys.get(b)) {
        (Some(x), Some(y)) => x.cmp(y),
        _ => Ordering::Equal,
    });
    arrange(items, &swaps);
}

/// Makes the swaps that sort `items` (found by [`swaps`]).
fn arrange<T>(items: &mut [T], swaps: &[(usize, usize)]) {
    for &(a, b) in swaps {
        items.swap(a, b);
    }
}

/// Up to this many elements are sorted by insertion (at most 120 comparisons), with no merge buffers.
const SMALL: usize = 16;

/// The swaps that put the elements `0..n` in the order of `compare`, stably.
#[inline(never)]
fn swaps(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<(usize, usize)> {
    let mut swaps = Vec::new();
    if n < 2 {
        return swaps;
    }
    if n <= SMALL {
        // Insertion by neighbouring swaps; `at` says which element each place holds meanwhile.
        let mut at: Vec<usize> = (0..n).collect();
        for i in 1..n {
            let mut j = i;
            while let (Some(&a), Some(&b)) = (at.get(j - 1), at.get(j)) {
                if compare(b, a) != Ordering::Less {
                    break;
                }
                at.swap(j - 1, j);
                swaps.push((j - 1, j));
                j -= 1;
                if j == 0 {
                    break;
                }
            }
        }
        return swaps;
    }
    // Where each element goes, then each element swapped into its place: a swap puts one element where it
    // belongs for good, so there are fewer swaps than elements.
    let mut to = vec![0; n];
    for (place, element) in order(n, compare).into_iter().enumerate() {
        if let Some(slot) = to.get_mut(element) {
            *slot = place;
        }
    }
    for i in 0..n {
        while let Some(&j) = to.get(i) {
            if j == i || j >= n {
                break;
            }
            swaps.push((i, j));
            to.swap(i, j);
        }
    }
    swaps
}

/// The indexes `0..n` in the order that sorts their elements by `compare`, stably: a bottom-up merge sort,
/// with two neighbouring runs already in order passed over in one comparison.
fn order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        to.clear();
        for run in from.chunks(2 * width) {
            let (left, right) = run.split_at(width.min(run.len()));
            // Both halves in order already: nothing to merge.
            if let (Some(&last), Some(&first)) = (left.last(), right.first()) {
                if compare(first, last) != Ordering::Less {
                    to.extend_from_slice(run);
                    continue;
                }
            }
            let (mut l, mut r) = (
                left.iter().copied().peekable(),
                right.iter().copied().peekable(),
            );
            loop {
                let next = match (l.peek(), r.peek()) {
                    // The right one goes first only when it is less: equal elements keep their order.
                    (Some(&a), Some(&b)) if compare(b, a) == Ordering::Less => r.next(),
                    (Some(_), _) => l.next(),
                    (None, _) => r.next(),
                };
                match next {
                    Some(i) => to.push(i),
                    None => break,
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so that the test needs no random source.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut state = seed;
        (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_library_at_every_length() {
        for n in 0..70 {
            for modulo in [1, 3, 1000] {
                let mut ours = numbers(n as u64 + modulo, n, modulo);
                let mut theirs = ours.clone();
                sort(&mut ours);
                theirs.sort_unstable();
                assert_eq!(ours, theirs, "n = {n}, modulo = {modulo}");
            }
        }
    }

    #[test]
    fn equal_keys_keep_their_order() {
        // Both ways of sorting: by insertion (small) and by merging.
        for n in [2, 5, SMALL, SMALL + 1, 500] {
            let values = numbers(n as u64, n, 4);
            let mut ours: Vec<(u64, usize)> = values.iter().copied().zip(0..).collect();
            let mut theirs = ours.clone();
            sort_by_key(&mut ours, |(v, _)| *v);
            theirs.sort_by_key(|(v, _)| *v);
            assert_eq!(ours, theirs, "n = {n}");
            let mut by = values
                .iter()
                .copied()
                .zip(0..)
                .collect::<Vec<(u64, usize)>>();
            sort_by(&mut by, |a, b| b.0.cmp(&a.0));
            theirs.sort_by_key(|b| std::cmp::Reverse(b.0));
            assert_eq!(by, theirs, "n = {n}");
        }
    }

    #[test]
    fn strings_and_descending_input() {
        let mut names = vec!["b", "a", "c", "a", ""];
        sort(&mut names);
        assert_eq!(names, ["", "a", "a", "b", "c"]);
        let mut down: Vec<u32> = (0..100).rev().collect();
        sort(&mut down);
        assert_eq!(down, (0..100).collect::<Vec<_>>());
    }
}
