//! The rating client: sends validated inquiries, splits batches into requests, keeps within each API's quota,
//! retries what may succeed later, finds the products that fail a request, and merges the answers back into
//! one [`Quote`].
//!
//! All I/O goes through a [`Runtime`]: HTTP, the clock, sleeping, randomness, cancellation and progress. The
//! JavaScript bindings supply one over `fetch`; the tests supply a scripted one with a fake clock.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::rc::Rc;

use super::accounting::{refuse_other_currencies, unanswered, Rated};
use super::divide::{to_caller_indexes, Divisible};
use super::error::{CallError, FailedPart, Failure};
use super::isolate::{is_product_level, Group, Isolation};
use super::renewal;
use super::retry::RetryPolicy;
use super::runtime::Runtime;
use super::send::{Job, Sender, Settings};
use super::shared::Client;
use crate::kind::InquiryKind;
use crate::language::Language;
use crate::quote::{Asked, NotPriced, Quote};
use crate::response::Rating;
use crate::site::Site;
use crate::validate::sort::sort_by_key;
use crate::validate::text::Quoted;

/// One request of a batch: its body, the items it carries, and the caller's index of the first.
#[derive(Debug, Clone)]
struct Part {
    items: Vec<String>,
    body: Rc<str>,
    first: usize,
}

/// Makes the body of a request for some items of a request of the batch: (request, first item, end).
type Divide = Rc<dyn Fn(usize, usize, usize) -> Option<String>>;

/// The requests of one inquiry, ready to send: what each carries, and what was asked for each item.
#[derive(Clone)]
pub struct Batch {
    kind: InquiryKind,
    parts: Vec<Part>,
    asked: Vec<Asked>,
    divide: Divide,
}

impl fmt::Debug for Batch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Batch")
            .field("kind", &self.kind)
            .field("parts", &self.parts)
            .field("asked", &self.asked)
            .finish_non_exhaustive()
    }
}

impl Batch {
    /// The requests of `inquiries` (the parts of one batch, in order), kept to send smaller requests when one
    /// must be split.
    pub fn of<I: Divisible + 'static>(inquiries: Vec<I>) -> Batch {
        let mut first = 0;
        let parts = inquiries
            .iter()
            .map(|p| {
                let items: Vec<String> = p.item_ids().into_iter().map(str::to_owned).collect();
                let part = Part {
                    first,
                    body: p.body().into(),
                    items,
                };
                first += part.items.len();
                part
            })
            .collect();
        let asked = I::asked(&inquiries);
        let divide: Divide =
            Rc::new(move |request, start, end| inquiries.get(request)?.body_of(start..end));
        Batch {
            kind: I::KIND,
            parts,
            asked,
            divide,
        }
    }

    /// The ids of every item, in input order: an item's position is the caller's index of it.
    pub fn item_ids(&self) -> Vec<&str> {
        self.asked.iter().map(|a| a.id.as_str()).collect()
    }
}

/// What one call may change of the client's configuration (`None`: the client's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallOptions {
    /// Longest wait for one answer, in milliseconds.
    pub timeout_ms: Option<u64>,
    /// When to try again.
    pub retry: Option<RetryPolicy>,
    /// Whether to split a request that fails with a product-level error to find the failing products.
    pub isolate_failures: Option<bool>,
}

/// The wire name of the list an inquiry's items are in.
fn item_field(kind: InquiryKind) -> &'static str {
    match kind {
        InquiryKind::Renewal => "resource_ids",
        InquiryKind::OnDemand | InquiryKind::Period => "product_infos",
    }
}

/// Says which of the caller's items a failure is about: indexes in the server's message become the caller's,
/// and a product-level failure of one item that the message does not name by index names it first.
fn locate(failure: &mut Failure, field: &str, job: &Job) {
    if let Failure::Api(error) = failure {
        let product_level = is_product_level(&error.code);
        let message = error.server_message.as_deref().unwrap_or_default();
        let mut located = to_caller_indexes(message, field, job.first);
        if let (true, [item]) = (product_level, job.items.as_slice()) {
            let name = format!("{field}[{}]", job.first);
            if !located.contains(&name) {
                let named = format!("{name} (id {})", Quoted(item));
                located = if located.is_empty() {
                    named
                } else {
                    format!("{named}: {located}")
                };
            }
        }
        if !located.is_empty() {
            error.server_message = Some(located);
        }
    }
}

impl Client {
    /// Prices an inquiry: the parts of one batch (of any kind), in order.
    pub async fn price<R: Runtime, I: Divisible + Clone + 'static>(
        &self,
        rt: &R,
        inquiries: &[I],
    ) -> Result<Quote, CallError> {
        let batch = Batch::of(inquiries.to_vec());
        self.price_batch(rt, batch, &CallOptions::default()).await
    }

    /// Prices a batch made by [`Batch::of`], with `options` for this call. Not generic in the inquiry type, so
    /// that the WebAssembly module holds one copy of the sending machinery, not one per kind.
    ///
    /// A request refused with a product-level error ([`super::isolate::PRODUCT_CODES`]) is split, unless
    /// `isolate_failures` is off, to price the rest and name each failing product (at most
    /// `2·f·⌈log2 n⌉` extra requests for `f` failing products among `n`; see [`super::isolate`]).
    pub async fn price_batch<R: Runtime>(
        &self,
        rt: &R,
        batch: Batch,
        options: &CallOptions,
    ) -> Result<Quote, CallError> {
        let Batch {
            kind,
            parts,
            asked,
            divide,
        } = batch;
        let settings = Settings {
            timeout_ms: options.timeout_ms.unwrap_or(self.config().timeout_ms),
            retry: options.retry.unwrap_or(self.config().retry),
            isolate_failures: options
                .isolate_failures
                .unwrap_or(self.config().isolate_failures),
        };
        let field = item_field(kind);
        let sender = Sender {
            client: self,
            rt,
            kind,
            settings,
            url: self.config().endpoint.url(kind),
            done: Cell::new(0),
            total: Cell::new(parts.len()),
            isolation: RefCell::new(Isolation::new()),
            stop: Cell::new(false),
        };
        let mut jobs: Vec<Job> = parts
            .iter()
            .enumerate()
            .map(|(request, part)| Job {
                group: Group {
                    request,
                    start: 0,
                    end: part.items.len(),
                },
                items: part.items.clone(),
                body: Rc::clone(&part.body),
                first: part.first,
            })
            .collect();
        // The request of each job sent (a job's number is its position here), for the failures' order.
        let mut request_of = Vec::new();
        // Each job's place in input order: its request, then the caller's index of its first item.
        let mut order_of: Vec<(usize, usize)> = Vec::new();
        let (mut rated, mut failed) = (Vec::new(), Vec::new());
        let (mut attempts, mut sent, mut request_ids) = (0, 0, Vec::new());
        while !jobs.is_empty() {
            let outcomes = sender.send_all(&jobs).await;
            // Groups split this round, with the failure that made them split.
            let mut split = Vec::new();
            for (job, outcome) in jobs.into_iter().zip(outcomes) {
                let index = request_of.len();
                request_of.push(job.group.request);
                order_of.push((job.group.request, job.first));
                attempts += outcome.attempts;
                sent += usize::from(outcome.sent);
                let failed_part = |items, failure| FailedPart {
                    index,
                    items,
                    failure,
                    attempts: outcome.attempts,
                };
                match outcome.result {
                    Ok((rating, request_id)) => {
                        request_ids.extend(request_id.map(|id| (index, id)));
                        let missing = unanswered(&job.items, &rating);
                        if !job.items.is_empty() && missing.len() == job.items.len() {
                            // Nothing of this request is priced: its totals, if any, are not added.
                            failed.push(failed_part(job.items, Failure::Unanswered));
                            continue;
                        }
                        if !missing.is_empty() {
                            failed.push(failed_part(missing, Failure::Unanswered));
                        }
                        rated.push(Rated {
                            index,
                            items: job.items,
                            attempts: outcome.attempts,
                            rating,
                        });
                    }
                    Err((mut failure, rating)) => {
                        locate(&mut failure, field, &job);
                        // Its halves are queued and counted in the progress's total already.
                        if outcome.split {
                            split.push((job.group, failure, outcome.attempts));
                            continue;
                        }
                        // A renewal answer with an error code may still list per-resource failures: keep them
                        // (its items are all in `failed` already, so it carries none).
                        rated.extend(rating.map(|rating| Rated {
                            index,
                            items: Vec::new(),
                            attempts: outcome.attempts,
                            rating,
                        }));
                        failed.push(failed_part(job.items, failure));
                    }
                }
            }
            let round = sender.isolation.borrow_mut().next_round();
            let planned = sender.total.get();
            jobs = Vec::with_capacity(round.len());
            for group in round {
                let part = parts.get(group.request);
                let items = part.and_then(|p| p.items.get(group.start..group.end));
                let body = divide(group.request, group.start, group.end);
                match (part, items, body) {
                    (Some(part), Some(items), Some(body)) => jobs.push(Job {
                        group,
                        items: items.to_vec(),
                        body: body.into(),
                        first: part.first + group.start,
                    }),
                    // No smaller request can be made: the items fail as their group did.
                    (_, items, _) => {
                        let parent = split.iter().find(|(g, _, _)| {
                            g.request == group.request
                                && g.start <= group.start
                                && group.end <= g.end
                        });
                        if let (Some((_, failure, attempts)), Some(items)) = (parent, items) {
                            sender.total.set(sender.total.get().saturating_sub(1));
                            request_of.push(group.request);
                            order_of
                                .push((group.request, part.map_or(0, |p| p.first) + group.start));
                            failed.push(FailedPart {
                                index: request_of.len() - 1,
                                items: items.to_vec(),
                                failure: failure.clone(),
                                attempts: *attempts,
                            });
                        }
                    }
                }
            }
            // Groups that could not be sent are not coming: the total says so.
            if sender.total.get() < planned {
                rt.progress(sender.done.get(), sender.total.get());
            }
        }
        // Answers in input order, so that the merged answer lists the items as the caller did.
        sort_by_key(&mut rated, |r| order_of.get(r.index).copied());
        sort_by_key(&mut request_ids, |(index, _)| order_of.get(*index).copied());
        let request_ids = request_ids.into_iter().map(|(_, id)| id).collect();
        refuse_other_currencies(
            &mut rated,
            &mut failed,
            self.config().endpoint.site().currency(),
        );
        if kind == InquiryKind::Renewal {
            renewal::as_one_request(&mut rated, &mut failed);
            sort_by_key(&mut rated, |r| order_of.get(r.index).copied());
        }
        let merged = self.merge(kind, rated, &mut failed);
        // In input order: by request, then by the caller's index of the first item; then each failure says
        // its request's position in the batch.
        let position: HashMap<&str, usize> = asked
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        sort_by_key(&mut failed, |p| {
            (
                request_of.get(p.index).copied(),
                p.items
                    .first()
                    .and_then(|id| position.get(id.as_str()).copied()),
            )
        });
        for p in &mut failed {
            p.index = request_of.get(p.index).copied().unwrap_or(p.index);
        }
        let (language, site) = (self.config().language, self.config().endpoint.site());
        let items = asked.len();
        let quote = merged.map(|rating| Quote {
            requests: sent,
            attempts,
            request_ids,
            asked,
            language,
            // A partial quote says what was not priced, and why.
            failures: not_priced(&failed, language, site),
            ..Quote::from_rating(rating, site)
        });
        match quote {
            Some(quote) if failed.is_empty() => Ok(quote),
            partial => Err(CallError {
                kind,
                failed,
                requests: sent,
                items,
                partial,
            }),
        }
    }

    /// Merges the answers kept into one. When they cannot be added up, every job that was priced fails with the
    /// reason, and replaces any entry for some of its items.
    fn merge(
        &self,
        kind: InquiryKind,
        mut rated: Vec<Rated>,
        failed: &mut Vec<FailedPart>,
    ) -> Option<Rating> {
        match rated.len() {
            0 => None,
            // One answer is the answer: nothing to merge.
            1 => rated.pop().map(|r| r.rating),
            _ => {
                let (carried, ratings): (Vec<_>, Vec<_>) = rated
                    .into_iter()
                    .map(|r| ((r.index, r.items, r.attempts), r.rating))
                    .unzip();
                match Rating::merge(kind, ratings) {
                    Ok(rating) => Some(rating),
                    Err(merge) => {
                        let carried: Vec<_> = carried
                            .into_iter()
                            .filter(|(_, items, _)| !items.is_empty())
                            .collect();
                        let whole: HashSet<usize> = carried.iter().map(|(i, _, _)| *i).collect();
                        failed.retain(|p| !whole.contains(&p.index));
                        failed.extend(carried.into_iter().map(|(index, items, attempts)| {
                            FailedPart {
                                index,
                                items,
                                failure: Failure::Inconsistent(merge.clone()),
                                attempts,
                            }
                        }));
                        None
                    }
                }
            }
        }
    }
}

/// Each item of `failed`, with its failure's code and message.
fn not_priced(failed: &[FailedPart], language: Language, site: Site) -> Vec<NotPriced> {
    failed
        .iter()
        .flat_map(|part| {
            let (code, message) = (part.failure.code(), part.failure.message(language, site));
            part.items.iter().map(move |id| NotPriced {
                id: id.clone(),
                code: code.to_owned(),
                message: message.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "call_tests/mod.rs"]
mod tests;
