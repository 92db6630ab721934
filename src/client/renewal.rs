//! A renewal batch's outcome as one request holding every resource id would give it, however the ids were
//! ordered and split. The service answers a renewal in which some resources fail with their failures listed
//! (`fail_resource_infos`) beside the prices, and with a business error only when every resource of the
//! request fails. A batch split into requests may have a request whose resources all fail, answered with that
//! error, while the others priced theirs: that request's resources become failures listed in the merged answer,
//! as one request would have listed them. When nothing at all was priced, the call fails, with no partial quote.

use std::collections::HashSet;

use super::accounting::Rated;
use super::error::{FailedPart, Failure};
use crate::response::{ApiError, FailedResource, Rating, RenewalRating};

/// The renew-rate business errors that are about the resources asked for, not about the request, the account,
/// the quota or the gateway (from the API's error-code table):
///
/// - `CBC.30050007`: not a primary resource;
/// - `CBC.30050008`: the resource has no such period type or number of periods;
/// - `CBC.30050009`: expired and deleted, or no such resource;
/// - `CBC.30050010`: in an order still to be paid;
/// - `CBC.30050011`: being unsubscribed from or changed;
/// - `CBC.30050013`: cannot be renewed.
///
/// Not in the list: `CBC.30050012` (duplicate ids: about the request), `CBC.0100`, and every auth, quota,
/// gateway or network failure, which stay failures of the call.
pub const RESOURCE_CODES: [&str; 6] = [
    "CBC.30050007",
    "CBC.30050008",
    "CBC.30050009",
    "CBC.30050010",
    "CBC.30050011",
    "CBC.30050013",
];

/// Whether `code` is about the resources of a renewal request ([`RESOURCE_CODES`]).
pub fn is_resource_level(code: &str) -> bool {
    RESOURCE_CODES.contains(&code)
}

/// The renewal answer of `r`, if it is one.
fn renewal(r: &Rated) -> Option<&RenewalRating> {
    match &r.rating {
        Rating::Renewal(rating) => Some(rating),
        _ => None,
    }
}

/// Makes the answers kept (`rated`) and the failures (`failed`) of a renewal batch what one request of all its
/// ids would give: when something was priced, a request refused with a resource-level error
/// ([`RESOURCE_CODES`]) lists each of its resources as failed in the answer (with the answer's own entry for
/// it, else the error's code and message) and is no longer a failure of the call; when nothing was priced,
/// no answer is kept (there is no partial quote), and the resources an answer listed as failed fail the call.
pub(super) fn as_one_request(rated: &mut Vec<Rated>, failed: &mut Vec<FailedPart>) {
    let priced = rated
        .iter()
        .filter_map(renewal)
        .any(|r| !r.renew_inquiry_results.is_empty());
    if !priced {
        for r in std::mem::take(rated) {
            // An error answer carries no items: they are in `failed` already.
            let listed = renewal(&r).map_or(&[][..], |x| x.fail_resource_infos.as_slice());
            for id in &r.items {
                let entry = listed
                    .iter()
                    .find(|f| f.resource_id.as_deref() == Some(id.as_str()));
                let failure = match entry {
                    Some(FailedResource {
                        error_code: Some(code),
                        error_msg,
                        ..
                    }) => Failure::Api(ApiError {
                        status: 200,
                        code: code.clone(),
                        server_message: error_msg.clone(),
                        request_id: None,
                    }),
                    _ => Failure::Unanswered,
                };
                failed.push(FailedPart {
                    index: r.index,
                    items: vec![id.clone()],
                    failure,
                    attempts: r.attempts,
                });
            }
        }
        return;
    }
    let mut kept = Vec::with_capacity(failed.len());
    for part in std::mem::take(failed) {
        let Failure::Api(error) = &part.failure else {
            kept.push(part);
            continue;
        };
        if !is_resource_level(&error.code) {
            kept.push(part);
            continue;
        }
        // The error answer of this request, kept with no items, may list some of its resources itself.
        let answer = rated
            .iter_mut()
            .find(|r| r.index == part.index && r.items.is_empty());
        let listed: HashSet<String> = answer
            .as_ref()
            .and_then(|r| renewal(r))
            .map(|x| {
                x.fail_resource_infos
                    .iter()
                    .filter_map(|f| f.resource_id.clone())
                    .collect()
            })
            .unwrap_or_default();
        let missing = part
            .items
            .iter()
            .filter(|id| !listed.contains(id.as_str()))
            .map(|id| FailedResource {
                resource_id: Some(id.clone()),
                error_code: Some(error.code.clone()),
                error_msg: error.server_message.clone(),
            });
        match answer {
            Some(Rated {
                rating: Rating::Renewal(x),
                ..
            }) => x.fail_resource_infos.extend(missing),
            _ => rated.push(Rated {
                index: part.index,
                items: Vec::new(),
                attempts: part.attempts,
                rating: Rating::Renewal(RenewalRating {
                    fail_resource_infos: missing.collect(),
                    ..RenewalRating::default()
                }),
            }),
        }
    }
    *failed = kept;
}
