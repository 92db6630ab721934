//! Gathering a [`Catalogue`]: the service types, the resource types of the services asked for (all when
//! none are named), their usage types, and every unit and conversion, through the client's look-ups (so
//! through its cache and quota).

use std::rc::Rc;

use super::call::CallOptions;
use super::lookup::{Listing, LookupError, LookupQuery, Lookups};
use super::runtime::Runtime;
use super::shared::Client;
use crate::catalogue::{Catalogue, Entry, Lookup, PagingWarning};
use crate::language::Language;

/// Most services one gathering may name.
pub const MAX_SERVICES: usize = 100;

/// What [`gather`] made, with the warnings of its look-ups.
#[derive(Debug, Clone, PartialEq)]
pub struct Gathered {
    /// The catalogue.
    pub catalogue: Catalogue,
    /// The look-ups' warnings, each with the look-up's name.
    pub warnings: Vec<(&'static str, PagingWarning)>,
}

/// Gathers the catalogue of `services` (every service when `None`) in `language`.
pub async fn gather<R: Runtime>(
    lookups: &Lookups,
    client: &Client,
    rt: &R,
    services: Option<&[String]>,
    language: Language,
    options: &CallOptions,
) -> Result<Gathered, LookupError> {
    let mut warnings = Vec::new();
    let ask = |lookup: Lookup, params: Vec<(&'static str, String)>| {
        let query = LookupQuery::new(lookup, params, language);
        async move { lookups.get(client, rt, &query, options).await }
    };
    let mut note = |listing: &Rc<Listing>, lookup: Lookup| {
        warnings.extend(listing.warnings.iter().map(|w| (lookup.name(), w.clone())));
    };
    let listing = ask(Lookup::ServiceTypes, vec![]).await?;
    note(&listing, Lookup::ServiceTypes);
    let mut service_types: Vec<_> = listing
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::ServiceType(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    let wanted = |code: &str| services.is_none_or(|list| list.iter().any(|s| s == code));
    service_types.retain(|s| wanted(&s.service_type_code));
    let listing = ask(Lookup::ResourceTypes, vec![]).await?;
    note(&listing, Lookup::ResourceTypes);
    let resource_types: Vec<_> = listing
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::ResourceType(r) if wanted(&r.service_type_code) => Some(r.clone()),
            _ => None,
        })
        .collect();
    let mut usage_types = Vec::new();
    let usage_queries: Vec<Vec<(&'static str, String)>> = match services {
        None => vec![vec![]],
        Some(_) => resource_types
            .iter()
            .map(|r| vec![("resource_type_code", r.resource_type_code.clone())])
            .collect(),
    };
    for params in usage_queries {
        let listing = ask(Lookup::UsageTypes, params).await?;
        note(&listing, Lookup::UsageTypes);
        usage_types.extend(listing.entries.iter().filter_map(|e| match e {
            Entry::UsageType(u) => Some(u.clone()),
            _ => None,
        }));
    }
    let listing = ask(Lookup::MeasureUnits, vec![]).await?;
    let units = listing
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::MeasureUnit(u) => Some(u.clone()),
            _ => None,
        })
        .collect();
    let listing = ask(Lookup::Conversions, vec![]).await?;
    let conversions = listing
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::Conversion(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    Ok(Gathered {
        catalogue: Catalogue::new(
            language,
            service_types,
            resource_types,
            usage_types,
            units,
            conversions,
        ),
        warnings,
    })
}
