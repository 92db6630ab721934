//! A reference reader for the differential tests: inquiries and answers read through a `serde_json::Value`
//! tree, as the crate read them until 2681cf2, using only the crate's public API.
//!
//! * [`inquiry`]: a `Value` into the public drafts, recording *shape* violations (wrong type, missing or
//!   null, unknown fields with their advice, inexact numbers) worded as the crate words them; then the rules,
//!   run by the public `new` / `batch`, minus those a shape violation silences (at or inside its path).
//! * [`answer`]: a `Value` into the public answer types, tolerantly; the first value of the wrong kind is an
//!   error with its path.
//! * [`decimal`]: the old exact-decimal parser, so that the reference does not share the current one.

pub mod answer;
pub mod decimal;
pub mod inquiry;
mod read;

use hwc_price::validate::violation::MAX_LISTED;
use hwc_price::{Rule, Violation};

/// Whether an inquiry must fit one request (`from_json`, `new`) or is a batch (`batch_from_json`, `batch`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One request.
    Request,
    /// A batch, split into requests.
    Batch,
}

/// What the reference finds in an inquiry.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict<D> {
    /// No violation: the draft read.
    Valid(D),
    /// Every violation, shape and rules (never truncated), in no particular order.
    Invalid(Vec<Violation>),
}

/// The first `[n]` in a rendered path, plus one; zero for paths with no index (the crate's `first_index`).
fn first_index(path: &str) -> usize {
    let Some(open) = path.find('[') else { return 0 };
    let digits = path
        .get(open + 1..)
        .unwrap_or_default()
        .split(']')
        .next()
        .unwrap_or_default();
    digits.parse::<usize>().map_or(0, |n| n.saturating_add(1))
}

/// A violation as a sortable triple: path, rule code, message.
pub type Triple = (String, &'static str, String);

fn triples<'a>(list: impl IntoIterator<Item = &'a Violation>) -> Vec<Triple> {
    let mut out: Vec<Triple> = list
        .into_iter()
        .map(|v| (v.path.clone(), v.rule.code(), v.message.clone()))
        .collect();
    out.sort();
    out
}

/// What `a` holds that `b` does not, counting repeats (both sorted).
fn minus(a: &[Triple], b: &[Triple]) -> Vec<Triple> {
    let mut rest = b.to_vec();
    a.iter()
        .filter(|t| match rest.iter().position(|r| r == *t) {
            Some(at) => {
                rest.remove(at);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

/// Checks that `got` (the crate's violations) equals `expected` (the reference's) as multisets of
/// (path, rule, message). When more than [`MAX_LISTED`] violations sit inside lists, the crate lists the first
/// [`MAX_LISTED`] of them and counts the rest in one last `truncated` entry: then `got` must hold every
/// violation outside lists, [`MAX_LISTED`] of those inside, and that entry.
pub fn same_violations(expected: &[Violation], got: &[Violation]) -> Result<(), String> {
    let in_lists = expected.iter().filter(|v| first_index(&v.path) > 0).count();
    let want = triples(expected);
    if in_lists <= MAX_LISTED {
        let have = triples(got);
        if want == have {
            return Ok(());
        }
        return Err(format!(
            "only expected: {:#?}\nonly got: {:#?}",
            minus(&want, &have),
            minus(&have, &want)
        ));
    }
    let Some((last, listed)) = got.split_last() else {
        return Err("expected a truncated list, got none".to_owned());
    };
    let omitted = in_lists - MAX_LISTED;
    let note = format!(
        "{omitted} more violations are not listed (the first {MAX_LISTED} inside lists are)"
    );
    if last.rule != Rule::Truncated || last.message != note || !last.path.is_empty() {
        return Err(format!(
            "expected a last entry saying {note:?}, got {last:?}"
        ));
    }
    let have = triples(listed);
    let extra = minus(&have, &want);
    let outside = |list: &[Triple]| -> Vec<Triple> {
        list.iter()
            .filter(|t| first_index(&t.0) == 0)
            .cloned()
            .collect()
    };
    let inside = have.iter().filter(|t| first_index(&t.0) > 0).count();
    if extra.is_empty() && outside(&have) == outside(&want) && inside == MAX_LISTED {
        Ok(())
    } else {
        Err(format!(
            "truncated list differs: {inside} inside lists, not expected: {extra:#?}"
        ))
    }
}
