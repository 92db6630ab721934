//! One product line of a pay-per-use or yearly/monthly inquiry: the fields both APIs share, plus the terms
//! that differ (usage for pay-per-use, a period for yearly/monthly).

use serde_json::{Map, Value};

use super::limits::*;
use super::wire::ObjectWriter;
use super::{check_text, unknown_field_hint, InquiryKind, Level, Scope, TextKind};
use crate::validate::input::Reader;
use crate::validate::violation::{Collector, Rule};
use crate::validate::{IntRule, Path};

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
    /// Wire names of the terms' fields, in body order.
    const FIELDS: &'static [&'static str];
    /// Reads the terms' fields from a product object.
    fn read(r: &mut Reader<'_>, map: &Map<String, Value>, path: &Path<'_>) -> Self;
    /// Checks the terms' rules.
    fn check(&self, c: &mut Collector, path: &Path<'_>);
    /// Writes the terms' fields.
    fn write(&self, w: &mut ObjectWriter<'_>);
}

/// Wire names of the fields every product line has, in body order (the terms go before `subscription_num`).
pub(crate) const COMMON_FIELDS: &[&str] = &[
    "id",
    "cloud_service_type",
    "resource_type",
    "resource_spec",
    "region",
    "available_zone",
    "resource_size",
    "size_measure_id",
    "subscription_num",
];

/// Reads one product line; a placeholder when `value` is not an object (already reported).
fn read_product<T: Terms>(r: &mut Reader<'_>, value: &Value, path: &Path<'_>) -> ProductInfo<T> {
    let Some(map) = r.object(value, path, "a product") else {
        return ProductInfo::default();
    };
    let known: Vec<&str> = COMMON_FIELDS.iter().chain(T::FIELDS).copied().collect();
    r.unknown_fields(
        map,
        path,
        &known,
        crate::validate::input::INQUIRY_FIELD,
        |k| unknown_field_hint(k, T::KIND, Level::Product),
    );
    ProductInfo {
        id: r.required_string(map, "id", path),
        cloud_service_type: r.required_string(map, "cloud_service_type", path),
        resource_type: r.required_string(map, "resource_type", path),
        resource_spec: r.required_string(map, "resource_spec", path),
        region: r.required_string(map, "region", path),
        available_zone: r.optional_string(map, "available_zone", path),
        resource_size: r.optional_int(map, "resource_size", path, &RESOURCE_SIZE),
        size_measure_id: r.optional_int(map, "size_measure_id", path, &MEASURE_ID),
        subscription_num: r.required_int(map, "subscription_num", path, &SUBSCRIPTION_NUM),
        terms: T::read(r, map, path),
    }
}

/// Checks every rule of one product line.
fn check_product<T: Terms>(p: &ProductInfo<T>, c: &mut Collector, path: &Path<'_>) {
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
    match (p.resource_size, p.size_measure_id) {
        (Some(size), None) => c.rule(
            path.key("size_measure_id").render(),
            Rule::Together,
            format!("is required when resource_size is set (resource_size is {size}); give both or neither"),
        ),
        (None, Some(unit)) => c.rule(
            path.key("resource_size").render(),
            Rule::Together,
            format!("is required when size_measure_id is set (size_measure_id is {unit}); give both or neither"),
        ),
        _ => {}
    }
    p.terms.check(c, path);
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

/// Checks an integer against its documented domain; `None` is not checked.
pub(crate) fn check_int(c: &mut Collector, path: &Path<'_>, value: Option<i64>, rule: &IntRule) {
    if let Some(v) = value {
        if !rule.allows(v) {
            c.rule(
                path.render(),
                rule.rule(),
                format!("must be {}, got {v}", rule.expectation()),
            );
        }
    }
}

/// Reads `product_infos` of a product-based inquiry.
pub(crate) fn read_products<T: Terms>(
    r: &mut Reader<'_>,
    map: &Map<String, Value>,
    root: &Path<'_>,
) -> Vec<ProductInfo<T>> {
    let list = root.key("product_infos");
    r.required_array(map, "product_infos", root)
        .iter()
        .enumerate()
        .map(|(i, item)| read_product(r, item, &list.index(i)))
        .collect()
}

/// Checks `product_infos`: the count per request, each line, and that ids are unique.
pub(crate) fn check_products<T: Terms>(
    c: &mut Collector,
    products: &[ProductInfo<T>],
    root: &Path<'_>,
    scope: Scope,
) {
    let list = root.key("product_infos");
    super::check_count(
        c,
        &list,
        products.len(),
        scope,
        (MAX_PRODUCTS_PER_REQUEST, MAX_PRODUCTS_PER_BATCH),
        "product",
    );
    for (i, product) in products.iter().enumerate() {
        check_product(product, c, &list.index(i));
    }
    super::check_unique(c, &list, "id", products.iter().map(|p| p.id.as_str()));
}

/// Writes `product_infos`.
pub(crate) fn write_products<T: Terms>(w: &mut ObjectWriter<'_>, products: &[ProductInfo<T>]) {
    w.array("product_infos", products, |out, p| write_product(p, out));
}
