//! The six look-ups as data: their paths, how they page, and the reading of one page of an answer. Pure.

use serde::Deserialize;

use super::model::{
    Conversion, MeasureUnit, ResourceType, ServiceResource, ServiceType, UsageType,
};

/// One of the six product-information APIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lookup {
    /// `GET /v2/products/service-types` (§4.1.1).
    ServiceTypes,
    /// `GET /v2/products/resource-types` (§4.1.2).
    ResourceTypes,
    /// `GET /v2/products/service-resources` (§4.1.3).
    ServiceResources,
    /// `GET /v2/products/usage-types` (§4.1.4).
    UsageTypes,
    /// `GET /v2/bases/measurements` (§4.1.5).
    MeasureUnits,
    /// `GET /v2/bases/conversions` (§4.1.6).
    Conversions,
}

impl Lookup {
    /// The six, in the order of the reference.
    pub const ALL: [Lookup; 6] = [
        Lookup::ServiceTypes,
        Lookup::ResourceTypes,
        Lookup::ServiceResources,
        Lookup::UsageTypes,
        Lookup::MeasureUnits,
        Lookup::Conversions,
    ];

    /// The API's path.
    pub fn path(self) -> &'static str {
        match self {
            Lookup::ServiceTypes => "/v2/products/service-types",
            Lookup::ResourceTypes => "/v2/products/resource-types",
            Lookup::ServiceResources => "/v2/products/service-resources",
            Lookup::UsageTypes => "/v2/products/usage-types",
            Lookup::MeasureUnits => "/v2/bases/measurements",
            Lookup::Conversions => "/v2/bases/conversions",
        }
    }

    /// A short name for messages and cache keys: the path's last segment.
    pub fn name(self) -> &'static str {
        self.path().rsplit('/').next().unwrap_or_default()
    }

    /// The largest `limit` the API takes, which is the page size asked for; `None` for an API that is not
    /// paged (it answers everything at once).
    pub fn page_limit(self) -> Option<u64> {
        match self {
            Lookup::ServiceTypes | Lookup::ResourceTypes => Some(1000),
            Lookup::ServiceResources | Lookup::UsageTypes => Some(100),
            Lookup::MeasureUnits | Lookup::Conversions => None,
        }
    }

    /// Calls per second the gateway allows (§3.3).
    pub fn quota_per_second(self) -> u32 {
        10
    }
}

/// One entry of a look-up's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A service type.
    ServiceType(ServiceType),
    /// A resource type.
    ResourceType(ResourceType),
    /// A resource of a service.
    ServiceResource(ServiceResource),
    /// A usage type.
    UsageType(UsageType),
    /// A unit.
    MeasureUnit(MeasureUnit),
    /// A conversion.
    Conversion(Conversion),
}

impl Entry {
    /// What makes an entry itself: two entries with one key are the same entry seen twice (on two pages).
    pub fn key(&self) -> String {
        match self {
            Entry::ServiceType(e) => e.service_type_code.clone(),
            Entry::ResourceType(e) => e.resource_type_code.clone(),
            Entry::ServiceResource(e) => e.resource_type_code.clone(),
            Entry::UsageType(e) => format!("{}\u{1f}{}", e.resource_type_code, e.code),
            Entry::MeasureUnit(e) => e.measure_id.to_string(),
            Entry::Conversion(e) => format!("{}\u{1f}{}", e.measure_id, e.ref_measure_id),
        }
    }

    /// The entry as a JSON object in the API's field names (a conversion ratio as a decimal string).
    pub fn to_json(&self) -> String {
        let written = match self {
            Entry::ServiceType(e) => serde_json::to_string(e),
            Entry::ResourceType(e) => serde_json::to_string(e),
            Entry::ServiceResource(e) => serde_json::to_string(e),
            Entry::UsageType(e) => serde_json::to_string(e),
            Entry::MeasureUnit(e) => serde_json::to_string(e),
            Entry::Conversion(e) => serde_json::to_string(e),
        };
        // Plain structs of strings and numbers always serialise.
        written.unwrap_or_else(|_| "null".to_owned())
    }
}

/// Entries as a JSON array.
pub fn entries_json(entries: &[Entry]) -> String {
    let mut out = String::from("[");
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&e.to_json());
    }
    out.push(']');
    out
}

/// One page of an answer: its entries and the total the service reported (when it did).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// `total_count`.
    pub total_count: Option<u64>,
    /// The entries, in the order given.
    pub entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Answer<T> {
    #[serde(default)]
    total_count: Option<u64>,
    #[serde(
        default = "Vec::new",
        alias = "service_types",
        alias = "resource_types"
    )]
    #[serde(alias = "usage_types", alias = "measure_units", alias = "conversions")]
    items: Vec<T>,
}

#[derive(Deserialize)]
struct Info {
    basic_info: ServiceResource,
}

#[derive(Deserialize)]
struct Infos {
    #[serde(default)]
    total_count: Option<u64>,
    #[serde(default)]
    infos: Vec<Info>,
}

/// Why a success answer is not a page of its look-up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an answer of {lookup}: {detail}")]
pub struct PageError {
    /// The look-up's name.
    pub lookup: &'static str,
    /// What serde said, with where.
    pub detail: String,
}

/// Reads one success answer of `lookup`, once.
pub fn read_page(lookup: Lookup, body: &str) -> Result<Page, PageError> {
    fn list<T: for<'de> Deserialize<'de>>(
        body: &str,
        wrap: fn(T) -> Entry,
    ) -> serde_json::Result<Page> {
        let a: Answer<T> = serde_json::from_str(body)?;
        Ok(Page {
            total_count: a.total_count,
            entries: a.items.into_iter().map(wrap).collect(),
        })
    }
    let read = match lookup {
        Lookup::ServiceTypes => list(body, Entry::ServiceType),
        Lookup::ResourceTypes => list(body, Entry::ResourceType),
        Lookup::UsageTypes => list(body, Entry::UsageType),
        Lookup::MeasureUnits => list(body, Entry::MeasureUnit),
        Lookup::Conversions => list(body, Entry::Conversion),
        Lookup::ServiceResources => serde_json::from_str::<Infos>(body).map(|a| Page {
            total_count: a.total_count,
            entries: a
                .infos
                .into_iter()
                .map(|i| Entry::ServiceResource(i.basic_info))
                .collect(),
        }),
    };
    read.map_err(|e| PageError {
        lookup: lookup.name(),
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_answer_tolerantly() {
        let page = read_page(
            Lookup::ServiceTypes,
            r#"{"total_count": 1, "service_types": [{"service_type_name": "WeLink", "service_type_code": "hws.service.type.workplace", "abbreviation": null, "extra": 1}]}"#,
        )
        .unwrap();
        assert_eq!(page.total_count, Some(1));
        assert_eq!(page.entries[0].key(), "hws.service.type.workplace");
        assert!(page.entries[0].to_json().contains(r#""abbreviation":"""#));
        let infos = read_page(
            Lookup::ServiceResources,
            r#"{"total_count": 1, "infos": [{"basic_info": {"resource_type_code": "hws.resource.type.ip", "product_owner_service": "hws.service.type.vpc", "name": "EIP", "description": "EIP"}}]}"#,
        )
        .unwrap();
        assert_eq!(infos.entries[0].key(), "hws.resource.type.ip");
        let conversions = read_page(
            Lookup::Conversions,
            r#"{"conversions": [{"measure_id": 10, "ref_measure_id": 11, "conversion_ratio": 1024, "measure_type": 3}]}"#,
        )
        .unwrap();
        assert_eq!(conversions.total_count, None);
        assert!(conversions.entries[0]
            .to_json()
            .contains(r#""conversion_ratio":"1024""#));
        let err = read_page(
            Lookup::MeasureUnits,
            r#"{"measure_units": [{"measure_id": "x"}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.lookup, "measurements");
        assert!(read_page(Lookup::UsageTypes, "42").is_err());
    }
}
