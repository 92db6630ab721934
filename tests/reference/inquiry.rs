//! The three inquiries read from a `serde_json::Value` into the public drafts as the crate did at 2681cf2
//! (`src/inquiry/*.rs`: `read`, `read_product`, `read_products`), then checked by the crate's public API
//! (`new` for one request, `batch` for a batch), keeping only the rule violations that no shape violation
//! silences.
//!
//! Adapted to the current crate's documented bounds: a list is read up to its batch bound
//! ([`MAX_PRODUCTS_PER_BATCH`], [`MAX_RESOURCE_IDS_PER_BATCH`]) and the elements past it are only counted
//! (`validate::read`: "elements past it are only counted (skipped without being looked at)").

use hwc_price::inquiry::limits::{
    INQUIRY_PRECISION, MAX_PRODUCTS_PER_BATCH, MAX_PRODUCTS_PER_REQUEST,
    MAX_RESOURCE_IDS_PER_BATCH, MAX_RESOURCE_IDS_PER_REQUEST, MEASURE_ID, RENEW_PERIOD_NUM,
    RENEW_PERIOD_TYPE, RESOURCE_SIZE, SUBSCRIBE_PERIOD_NUM, SUBSCRIBE_PERIOD_TYPE,
    SUBSCRIPTION_NUM,
};
use hwc_price::validate::Path;
use hwc_price::{
    InquiryError, InquiryKind, OnDemandDraft, OnDemandInquiry, PeriodDraft, PeriodInquiry,
    PeriodTerms, ProductInfo, RenewalDraft, RenewalInquiry, Rule, UsageTerms, Violation,
};
use serde_json::{Map, Value};

use super::read::{Reader, Shapes};
use super::{Scope, Verdict};

/// Wire names of the fields every product line has.
const PRODUCT_FIELDS: &[&str] = &[
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

/// A list read up to its bound: where it is, how many elements it held, how many were read, and its
/// count rule's bounds and noun.
struct Listed {
    path: &'static str,
    held: usize,
    read: usize,
    bounds: (usize, usize),
    noun: &'static str,
}

impl Listed {
    /// The count rule for a list that held more than was read (the drafts only know what was read).
    fn violation(&self, scope: Scope) -> Option<Violation> {
        let (max, unit) = match scope {
            Scope::Request => (self.bounds.0, "request"),
            Scope::Batch => (self.bounds.1, "batch"),
        };
        (self.held > max).then(|| Violation {
            path: self.path.to_owned(),
            rule: Rule::Count,
            message: format!(
                "must hold at most {max} {}s per {unit}, got {}",
                self.noun, self.held
            ),
        })
    }
}

/// The verdict on `draft`: the shape violations, then the rules' violations that they do not silence.
fn verdict<D>(
    shapes: Shapes,
    draft: D,
    rules: Option<InquiryError>,
    listed: &Listed,
    scope: Scope,
) -> Verdict<D> {
    let mut rules: Vec<Violation> = rules
        .map(|e| e.violations().iter().cloned().collect())
        .unwrap_or_default();
    assert!(
        rules.iter().all(|v| v.rule != Rule::Truncated),
        "the reference cannot see past a truncated list of rule violations"
    );
    if listed.held > listed.read {
        rules.retain(|v| !(v.rule == Rule::Count && v.path == listed.path));
        rules.extend(listed.violation(scope));
    }
    let mut all = shapes.found.clone();
    all.extend(rules.into_iter().filter(|v| !shapes.silences(&v.path)));
    if all.is_empty() {
        Verdict::Valid(draft)
    } else {
        Verdict::Invalid(all)
    }
}

/// Reads the terms of a pay-per-use product line.
fn usage(r: &mut Reader, map: &Map<String, Value>, at: &Path<'_>) -> UsageTerms {
    UsageTerms {
        usage_factor: r.required_string(map, "usage_factor", at),
        usage_value: r.required_decimal(map, "usage_value", at),
        usage_measure_id: r.required_int(map, "usage_measure_id", at, &MEASURE_ID),
    }
}

/// Reads the terms of a yearly/monthly product line.
fn period_terms(r: &mut Reader, map: &Map<String, Value>, at: &Path<'_>) -> PeriodTerms {
    PeriodTerms {
        period_type: r.required_int(map, "period_type", at, &SUBSCRIBE_PERIOD_TYPE),
        period_num: r.required_int(map, "period_num", at, &SUBSCRIBE_PERIOD_NUM),
    }
}

/// How the terms of one kind of product line are read: the kind, the terms' wire names, the reader.
type Terms<T> = (
    InquiryKind,
    &'static [&'static str],
    fn(&mut Reader, &Map<String, Value>, &Path<'_>) -> T,
);

/// Reads one product line; a placeholder when `value` is not an object (reported).
fn product<T: Default>(
    r: &mut Reader,
    value: &Value,
    at: &Path<'_>,
    (kind, fields, terms): Terms<T>,
) -> ProductInfo<T> {
    let Some(map) = r.object(value, at, "a product") else {
        return ProductInfo::default();
    };
    let known: Vec<&str> = PRODUCT_FIELDS.iter().chain(fields).copied().collect();
    r.unknown_fields(map, at, &known, (kind, true));
    ProductInfo {
        id: r.required_string(map, "id", at),
        cloud_service_type: r.required_string(map, "cloud_service_type", at),
        resource_type: r.required_string(map, "resource_type", at),
        resource_spec: r.required_string(map, "resource_spec", at),
        region: r.required_string(map, "region", at),
        available_zone: r.optional_string(map, "available_zone", at),
        resource_size: r.optional_int(map, "resource_size", at, &RESOURCE_SIZE),
        size_measure_id: r.optional_int(map, "size_measure_id", at, &MEASURE_ID),
        subscription_num: r.required_int(map, "subscription_num", at, &SUBSCRIPTION_NUM),
        terms: terms(r, map, at),
    }
}

/// Reads `product_infos`, up to its batch bound.
fn products<T: Default>(
    r: &mut Reader,
    map: &Map<String, Value>,
    root: &Path<'_>,
    terms: Terms<T>,
) -> (Vec<ProductInfo<T>>, Listed) {
    let list = root.key("product_infos");
    let items = r.required_array(map, "product_infos", root);
    let mut read = Vec::new();
    for (i, item) in items.iter().take(MAX_PRODUCTS_PER_BATCH).enumerate() {
        read.push(product(r, item, &list.index(i), terms));
    }
    let listed = Listed {
        path: "product_infos",
        held: items.len(),
        read: read.len(),
        bounds: (MAX_PRODUCTS_PER_REQUEST, MAX_PRODUCTS_PER_BATCH),
        noun: "product",
    };
    (read, listed)
}

/// Reads a pay-per-use inquiry and checks it for `scope`.
pub fn on_demand(value: &Value, scope: Scope) -> Verdict<OnDemandDraft> {
    let mut r = Reader::default();
    let root = Path::Root;
    let Some(map) = r.object(value, &root, "a pay-per-use inquiry") else {
        return Verdict::Invalid(r.shapes.found);
    };
    let kind = InquiryKind::OnDemand;
    let fields = ["project_id", "product_infos", "inquiry_precision"];
    r.unknown_fields(map, &root, &fields, (kind, false));
    let project_id = r.required_string(map, "project_id", &root);
    let terms: Terms<UsageTerms> = (
        kind,
        &["usage_factor", "usage_value", "usage_measure_id"],
        usage,
    );
    let (product_infos, listed) = products(&mut r, map, &root, terms);
    let inquiry_precision = r.optional_int(map, "inquiry_precision", &root, &INQUIRY_PRECISION);
    let draft = OnDemandDraft {
        project_id,
        product_infos,
        inquiry_precision,
    };
    let rules = match scope {
        Scope::Request => OnDemandInquiry::new(draft.clone()).err(),
        Scope::Batch => OnDemandInquiry::batch(draft.clone()).err(),
    };
    verdict(r.shapes, draft, rules, &listed, scope)
}

/// Reads a yearly/monthly inquiry and checks it for `scope`.
pub fn period(value: &Value, scope: Scope) -> Verdict<PeriodDraft> {
    let mut r = Reader::default();
    let root = Path::Root;
    let Some(map) = r.object(value, &root, "a yearly/monthly inquiry") else {
        return Verdict::Invalid(r.shapes.found);
    };
    let kind = InquiryKind::Period;
    let fields = ["project_id", "product_infos", "fee_installment_mode"];
    r.unknown_fields(map, &root, &fields, (kind, false));
    let project_id = r.required_string(map, "project_id", &root);
    let terms: Terms<PeriodTerms> = (kind, &["period_type", "period_num"], period_terms);
    let (product_infos, listed) = products(&mut r, map, &root, terms);
    let fee_installment_mode = r.optional_string(map, "fee_installment_mode", &root);
    let draft = PeriodDraft {
        project_id,
        product_infos,
        fee_installment_mode,
    };
    let rules = match scope {
        Scope::Request => PeriodInquiry::new(draft.clone()).err(),
        Scope::Batch => PeriodInquiry::batch(draft.clone()).err(),
    };
    verdict(r.shapes, draft, rules, &listed, scope)
}

/// Reads a renewal inquiry and checks it for `scope`.
pub fn renewal(value: &Value, scope: Scope) -> Verdict<RenewalDraft> {
    let mut r = Reader::default();
    let root = Path::Root;
    let Some(map) = r.object(value, &root, "a renewal inquiry") else {
        return Verdict::Invalid(r.shapes.found);
    };
    let fields = [
        "resource_ids",
        "period_type",
        "period_num",
        "include_relative_resources",
    ];
    r.unknown_fields(map, &root, &fields, (InquiryKind::Renewal, false));
    let list = root.key("resource_ids");
    let items = r.required_array(map, "resource_ids", &root);
    let mut resource_ids = Vec::new();
    for (i, item) in items.iter().take(MAX_RESOURCE_IDS_PER_BATCH).enumerate() {
        resource_ids.push(r.string(item, &list.index(i)).unwrap_or_default());
    }
    let listed = Listed {
        path: "resource_ids",
        held: items.len(),
        read: resource_ids.len(),
        bounds: (MAX_RESOURCE_IDS_PER_REQUEST, MAX_RESOURCE_IDS_PER_BATCH),
        noun: "resource id",
    };
    let draft = RenewalDraft {
        resource_ids,
        period_type: r.required_int(map, "period_type", &root, &RENEW_PERIOD_TYPE),
        period_num: r.required_int(map, "period_num", &root, &RENEW_PERIOD_NUM),
        include_relative_resources: r.optional_bool(map, "include_relative_resources", &root),
    };
    let rules = match scope {
        Scope::Request => RenewalInquiry::new(draft.clone()).err(),
        Scope::Batch => RenewalInquiry::batch(draft.clone()).err(),
    };
    verdict(r.shapes, draft, rules, &listed, scope)
}
