//! Product lines checked against a product catalogue (rule `catalogue`): the service type is one the
//! catalogue has, the resource type is one of that service's, the usage factor one of that resource type's,
//! and each unit is known and of a measure type that can measure its field.
//!
//! Each product costs a few hash look-ups; only a value found wrong is compared with the catalogue's codes,
//! for "did you mean". A catalogue gathered for some services only says nothing of the usage types of the
//! others' resource types: those are not checked.

use super::limits::MEASURE_ID;
use super::messages;
use super::product::{ProductInfo, Terms};
use crate::catalogue::model::{CURRENCY, DURATION};
use crate::catalogue::Catalogue;
use crate::validate::suggest::closest;
use crate::validate::text::quote;
use crate::validate::violation::{Collector, Rule};
use crate::validate::Path;

/// The usage types listed whole in a message when a `usage_factor` is not one of them: at most this many.
const FEW: usize = 6;
/// The measure type of a currency other than the site's (Hong Kong dollars).
const OTHER_CURRENCY: i64 = 103;
/// The measure type of subscription periods.
const PERIOD: i64 = 10;
/// The measure types of traffic: an amount used, never a size.
const TRAFFIC: i64 = 3;
/// Traffic counted in thousands.
const TRAFFIC_1000: i64 = 40;

/// Checks each product of `products` (at `root.product_infos[i]`) against `catalogue`.
pub(crate) fn check_products_against<T: Terms>(
    c: &mut Collector,
    products: &[ProductInfo<T>],
    root: &Path<'_>,
    catalogue: &Catalogue,
) {
    let list = root.key("product_infos");
    for (i, product) in products.iter().enumerate() {
        let usage = product
            .terms
            .usage()
            .map(|(factor, unit)| (factor, Some(unit)));
        check_product_against(c, product, usage, &list.index(i), catalogue);
    }
}

/// Checks one product (at `at`) against `catalogue`: its service and resource types, its size's unit, and
/// `usage` when it is priced by usage — the usage factor, and the unit of its value when the caller gave one
/// (`None`: the unit is the package's own choice, as the billing-mode comparison's hours are, and is not
/// checked). Shared by the inquiries and the billing-mode comparison's products.
pub(crate) fn check_product_against<T>(
    c: &mut Collector,
    p: &ProductInfo<T>,
    usage: Option<(&str, Option<i64>)>,
    at: &Path<'_>,
    catalogue: &Catalogue,
) {
    let language = c.language();
    let service_code = p.cloud_service_type.as_str();
    let resource = (!p.resource_type.is_empty())
        .then(|| catalogue.resource_type(&p.resource_type))
        .flatten();
    let service = if service_code.is_empty() {
        None
    } else if let Some(service) = catalogue.service(service_code) {
        Some(service)
    } else {
        // A near code, or else the service of the resource type given.
        let meant = closest(service_code, &catalogue.service_codes())
            .or_else(|| resource.map(|r| r.service_type_code.as_str()))
            .map(quote);
        c.rule(
            at.key("cloud_service_type").render(),
            Rule::Catalogue,
            messages::unknown_service(language, &quote(service_code), meant.as_deref()),
        );
        None
    };
    let mut resource_ok = false;
    if let (Some(service), false) = (service, p.resource_type.is_empty()) {
        match resource {
            Some(r) if r.service_type_code == service.service_type_code => resource_ok = true,
            _ => {
                let owner = resource
                    .and_then(|r| catalogue.service(&r.service_type_code))
                    .map(|s| named(&s.service_type_code, &s.service_type_name))
                    .or_else(|| resource.map(|r| r.service_type_code.clone()));
                let theirs = catalogue.resource_types_of(service_code);
                let codes: Vec<&str> = theirs
                    .iter()
                    .map(|r| r.resource_type_code.as_str())
                    .collect();
                let meant = resource
                    .is_none()
                    .then(|| closest(&p.resource_type, &codes))
                    .flatten()
                    .map(quote);
                c.rule(
                    at.key("resource_type").render(),
                    Rule::Catalogue,
                    messages::not_of_service(
                        language,
                        &quote(&p.resource_type),
                        &named(service_code, &service.service_type_name),
                        owner.as_deref(),
                        meant.as_deref(),
                    ),
                );
            }
        }
    }
    // In the order of the fields: the size's unit, the usage factor, the usage's unit.
    let units = !catalogue.units().is_empty();
    if let (Some(unit), true) = (p.size_measure_id, units) {
        let fits = |measure_type: i64| {
            !matches!(
                measure_type,
                CURRENCY | OTHER_CURRENCY | DURATION | PERIOD | TRAFFIC | TRAFFIC_1000
            )
        };
        check_unit(
            c,
            &at.key("size_measure_id"),
            unit,
            catalogue,
            (messages::OF_SIZE, &fits),
        );
    }
    if let Some((factor, _)) = usage {
        if resource_ok && !factor.is_empty() && catalogue.knows_usage_of(&p.resource_type) {
            let theirs = catalogue.usage_types_of(&p.resource_type);
            if !theirs.iter().any(|u| u.code.eq_ignore_ascii_case(factor)) {
                let codes: Vec<&str> = theirs.iter().map(|u| u.code.as_str()).collect();
                let valid = (codes.len() <= FEW).then_some(codes.as_slice());
                let meant = closest(factor, &codes).map(quote);
                c.rule(
                    at.key("usage_factor").render(),
                    Rule::Catalogue,
                    messages::not_a_usage_type(
                        language,
                        &quote(factor),
                        &p.resource_type,
                        valid,
                        meant.as_deref(),
                    ),
                );
            }
        }
    }
    if let (Some((factor, Some(unit))), true) = (usage, units) {
        let what = if factor.eq_ignore_ascii_case("Duration") {
            messages::OF_DURATION
        } else {
            messages::OF_USAGE
        };
        let fits = |measure_type: i64| {
            if factor.eq_ignore_ascii_case("Duration") {
                measure_type == DURATION
            } else {
                !matches!(measure_type, CURRENCY | OTHER_CURRENCY)
            }
        };
        check_unit(
            c,
            &at.key("usage_measure_id"),
            unit,
            catalogue,
            (what, &fits),
        );
    }
}

/// Checks that unit `id` is known and that `fits` its measure type (else says it must be `what`).
fn check_unit(
    c: &mut Collector,
    at: &Path<'_>,
    id: i64,
    catalogue: &Catalogue,
    (what, fits): (crate::language::Words, &dyn Fn(i64) -> bool),
) {
    // Outside the field's domain: the range rule already said so.
    if !MEASURE_ID.allows(id) {
        return;
    }
    let language = c.language();
    match catalogue.unit(id) {
        None => c.rule(
            at.render(),
            Rule::Catalogue,
            messages::unknown_unit(language, id),
        ),
        Some(unit) if !fits(unit.measure_type) => c.rule(
            at.render(),
            Rule::Catalogue,
            messages::cannot_measure(language, what, (id, &unit.measure_name), unit.measure_type),
        ),
        Some(_) => {}
    }
}

/// `code (name)`, or the code alone when the name is empty.
fn named(code: &str, name: &str) -> String {
    if name.is_empty() {
        code.to_owned()
    } else {
        format!("{code} ({name})")
    }
}

#[cfg(test)]
#[path = "against_tests.rs"]
mod tests;
