//! One product line of a pay-per-use or yearly/monthly inquiry: the fields both APIs share, plus the terms
//! that differ (usage for pay-per-use, a period for yearly/monthly).

use super::fields::{self, unknown_field_hint, Level};
use super::limits::*;
use super::rules::{check_count, check_int, check_text, check_unique};
use super::rules::{Scope, TextKind};
use crate::json::ObjectWriter;
use crate::kind::InquiryKind;
use crate::language::Language;
use crate::validate::read::{rank, Cx, Each, Members, Nested, Seen};
use crate::validate::scalar::{Need, Place};
use crate::validate::violation::{Collector, Rule};
use crate::validate::Path;

/// One product to price, in the API's wire field names (`DemandProductInfo` / `PeriodProductInfo`).
///
/// `T` holds what differs between the APIs: [`UsageTerms`](super::UsageTerms) for pay-per-use,
/// [`PeriodTerms`](super::PeriodTerms) for yearly/monthly. On the wire its fields sit beside the others.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProductInfo<T> {
    /// Caller-chosen id that ties a result to this product; unique within an inquiry, 1–64 characters.
    pub id: String,
    /// Cloud service type code, e.g. `hws.service.type.ec2`; at most 400 characters.
    pub cloud_service_type: String,
    /// Resource type code, e.g. `hws.resource.type.vm`; at most 400 characters.
    pub resource_type: String,
    /// Resource specification, e.g. `c6.large.2.linux`, `GPSSD`, `5_bgp`; at most 400 characters.
    pub resource_spec: String,
    /// Region code, e.g. `ap-southeast-1`; at most 64 characters.
    pub region: String,
    /// Availability zone, e.g. `ap-southeast-1a`; at most 64 characters. `None` or `""`: not a filter.
    pub available_zone: Option<String>,
    /// Capacity of a linear product (disk GB, bandwidth Mbit/s): 1–214783647; given together with
    /// `size_measure_id`.
    pub resource_size: Option<i64>,
    /// Unit of `resource_size`: 15 Mbit/s, 17 GB, 14 amount; given together with `resource_size`.
    pub size_measure_id: Option<i64>,
    /// How many of this product: 1–10000.
    pub subscription_num: i64,
    /// What the price covers: usage (pay-per-use) or a period (yearly/monthly).
    pub terms: T,
}

impl<T> ProductInfo<T> {
    /// A product with one subscription and no size or availability zone.
    pub fn new(
        id: impl Into<String>,
        cloud_service_type: impl Into<String>,
        resource_type: impl Into<String>,
        resource_spec: impl Into<String>,
        region: impl Into<String>,
        terms: T,
    ) -> Self {
        ProductInfo {
            id: id.into(),
            cloud_service_type: cloud_service_type.into(),
            resource_type: resource_type.into(),
            resource_spec: resource_spec.into(),
            region: region.into(),
            available_zone: None,
            resource_size: None,
            size_measure_id: None,
            subscription_num: 1,
            terms,
        }
    }

    /// Sets the capacity and its unit (e.g. `40`, `17` for a 40 GB disk).
    #[must_use]
    pub fn with_size(mut self, resource_size: i64, size_measure_id: i64) -> Self {
        self.resource_size = Some(resource_size);
        self.size_measure_id = Some(size_measure_id);
        self
    }

    /// Sets the availability zone.
    #[must_use]
    pub fn with_available_zone(mut self, available_zone: impl Into<String>) -> Self {
        self.available_zone = Some(available_zone.into());
        self
    }

    /// Sets how many of this product.
    #[must_use]
    pub fn with_subscription_num(mut self, subscription_num: i64) -> Self {
        self.subscription_num = subscription_num;
        self
    }
}

/// What differs between the product lines of the two product-based APIs.
pub(crate) trait Terms: Default {
    /// The inquiry these terms belong to.
    const KIND: InquiryKind;
    /// Wire names of every field of a product line with these terms (`fields::ON_DEMAND_PRODUCT` or
    /// `fields::PERIOD_PRODUCT`).
    const ALL_FIELDS: &'static [&'static str];
    /// Reads the terms' own field number `index` from its exact JSON value.
    fn read(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, place: Place<'_, '_>);
    /// Checks the terms' rules.
    fn check(&self, c: &mut Collector, path: &Path<'_>);
    /// Writes the terms' fields.
    fn write(&self, w: &mut ObjectWriter<'_>);
    /// The usage factor and the unit of its value, for terms of usage.
    fn usage(&self) -> Option<(&str, i64)> {
        None
    }
}

/// A product line being read.
#[derive(Default)]
pub(crate) struct ProductMembers<T>(pub(crate) ProductInfo<T>);

impl<T: Terms> Members for ProductMembers<T> {
    fn fields(&self) -> &'static [&'static str] {
        T::ALL_FIELDS
    }

    fn required(&self, index: usize) -> bool {
        !matches!(index, 5..=7)
    }

    fn hint(&self, key: &str, language: Language) -> Option<String> {
        unknown_field_hint(key, T::KIND, Level::Product, language)
    }

    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        let key = T::ALL_FIELDS.get(index).copied().unwrap_or_default();
        let here = at.key(key);
        let need = if self.required(index) {
            Need::Required
        } else {
            Need::Optional
        };
        let place = Place {
            at: &here,
            rank: rank(index),
            need,
        };
        if let Some(seen) = read_shared(&mut self.0, index, seen, cx, place) {
            let p = &mut self.0;
            p.terms.read(index - fields::PRODUCT.len(), seen, cx, place);
        }
    }
}

/// Reads member `index` of the fields every product line has ([`fields::PRODUCT`], in their order) into `p`;
/// for an index past them (a term of the line's kind) the value comes back unread. Shared with the billing-mode
/// comparison's products.
pub(crate) fn read_shared<'s, T>(
    p: &mut ProductInfo<T>,
    index: usize,
    seen: Seen<'s>,
    cx: &mut Cx,
    place: Place<'_, '_>,
) -> Option<Seen<'s>> {
    match index {
        0 => p.id = cx.text(seen, place).unwrap_or_default(),
        1 => p.cloud_service_type = cx.text(seen, place).unwrap_or_default(),
        2 => p.resource_type = cx.text(seen, place).unwrap_or_default(),
        3 => p.resource_spec = cx.text(seen, place).unwrap_or_default(),
        4 => p.region = cx.text(seen, place).unwrap_or_default(),
        5 => p.available_zone = cx.text(seen, place),
        6 => p.resource_size = cx.int(seen, place, &RESOURCE_SIZE),
        7 => p.size_measure_id = cx.int(seen, place, &MEASURE_ID),
        8 => p.subscription_num = cx.int(seen, place, &SUBSCRIPTION_NUM).unwrap_or_default(),
        _ => return Some(seen),
    }
    None
}

/// Reads `product_infos` into `items`: at most [`MAX_PRODUCTS_PER_BATCH`] products, the rest only counted
/// into `len`. An element that is not an object (reported) reads as an empty product, so that positions still
/// match.
pub(crate) fn products<'v, T: Terms>(
    items: &'v mut Vec<ProductMembers<T>>,
    len: &'v mut usize,
) -> Nested<'v> {
    Nested::Objects(Box::new(
        Each::named(items, super::messages::A_PRODUCT).bounded(MAX_PRODUCTS_PER_BATCH, len),
    ))
}

/// Checks every rule of one product line.
fn check_product<T: Terms>(p: &ProductInfo<T>, c: &mut Collector, path: &Path<'_>) {
    check_shared(p, c, path);
    p.terms.check(c, path);
}

/// Checks the rules of the fields every product line has, whatever its terms (the billing-mode comparison's
/// products too).
pub(crate) fn check_shared<T>(p: &ProductInfo<T>, c: &mut Collector, path: &Path<'_>) {
    check_text(c, &path.key("id"), &p.id, ID_MAX_CHARS, TextKind::Label);
    let codes = [
        (
            "cloud_service_type",
            &p.cloud_service_type,
            CLOUD_SERVICE_TYPE_MAX_CHARS,
        ),
        ("resource_type", &p.resource_type, RESOURCE_TYPE_MAX_CHARS),
        ("resource_spec", &p.resource_spec, RESOURCE_SPEC_MAX_CHARS),
        ("region", &p.region, REGION_MAX_CHARS),
    ];
    for (key, value, max) in codes {
        check_text(c, &path.key(key), value, max, TextKind::Code);
    }
    if let Some(zone) = &p.available_zone {
        check_text(
            c,
            &path.key("available_zone"),
            zone,
            AVAILABLE_ZONE_MAX_CHARS,
            TextKind::OptionalCode,
        );
    }
    check_int(
        c,
        &path.key("resource_size"),
        p.resource_size,
        &RESOURCE_SIZE,
    );
    check_int(
        c,
        &path.key("size_measure_id"),
        p.size_measure_id,
        &MEASURE_ID,
    );
    check_int(
        c,
        &path.key("subscription_num"),
        Some(p.subscription_num),
        &SUBSCRIPTION_NUM,
    );
    let language = c.language();
    match (p.resource_size, p.size_measure_id) {
        (Some(size), None) => c.rule(
            path.key("size_measure_id").render(),
            Rule::Together,
            super::messages::together(language, "resource_size", size),
        ),
        (None, Some(unit)) => c.rule(
            path.key("resource_size").render(),
            Rule::Together,
            super::messages::together(language, "size_measure_id", unit),
        ),
        _ => {}
    }
}

/// Writes one product line as a JSON object.
fn write_product<T: Terms>(p: &ProductInfo<T>, out: &mut String) {
    let mut w = ObjectWriter::open(out);
    w.string("id", &p.id);
    w.string("cloud_service_type", &p.cloud_service_type);
    w.string("resource_type", &p.resource_type);
    w.string("resource_spec", &p.resource_spec);
    w.string("region", &p.region);
    w.opt_string("available_zone", p.available_zone.as_deref());
    w.opt_int("resource_size", p.resource_size);
    w.opt_int("size_measure_id", p.size_measure_id);
    p.terms.write(&mut w);
    w.int("subscription_num", p.subscription_num);
    w.close();
}

/// Checks `product_infos`: the count per request, each line, and that ids are unique.
pub(crate) fn check_products<T: Terms>(
    c: &mut Collector,
    products: &[ProductInfo<T>],
    root: &Path<'_>,
    scope: Scope,
    listed: usize,
) {
    let list = root.key("product_infos");
    check_count(
        c,
        &list,
        listed,
        scope,
        (MAX_PRODUCTS_PER_REQUEST, MAX_PRODUCTS_PER_BATCH),
        super::messages::PRODUCT,
    );
    for (i, product) in products.iter().enumerate() {
        check_product(product, c, &list.index(i));
    }
    check_unique(c, &list, "id", products.iter().map(|p| p.id.as_str()));
}

/// Writes `product_infos`.
pub(crate) fn write_products<T: Terms>(w: &mut ObjectWriter<'_>, products: &[ProductInfo<T>]) {
    w.array("product_infos", products, |out, p| write_product(p, out));
}
