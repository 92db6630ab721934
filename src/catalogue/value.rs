//! `Catalogue`: what pricing needs of the product catalogue, gathered once and consulted offline — indexed by
//! code (a lookup per product, never a scan), converted between units exactly, written to and read from a
//! versioned JSON document.

use std::collections::{HashMap, HashSet, VecDeque};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::model::{Conversion, MeasureUnit, ResourceType, ServiceType, UsageType};
use super::paging::MAX_ENTRIES;
use crate::language::Language;
use crate::money::quotient;

/// The `format` of a catalogue document.
pub const FORMAT: &str = "hwc-price-catalogue";
/// The version of the document this crate writes and reads.
pub const VERSION: u32 = 1;
/// Longest catalogue document read: 32 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 32 << 20;

/// Service types, their resource types and usage types, units and conversions, indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    language: Language,
    service_types: Vec<ServiceType>,
    resource_types: Vec<ResourceType>,
    usage_types: Vec<UsageType>,
    units: Vec<MeasureUnit>,
    conversions: Vec<Conversion>,
    service_at: HashMap<String, usize>,
    resource_at: HashMap<String, usize>,
    resources_of: HashMap<String, Vec<usize>>,
    usage_of: HashMap<String, Vec<usize>>,
    unit_at: HashMap<i64, usize>,
    /// Each unit's neighbours: (unit, how many of it make one of this unit, as a fraction).
    edges: HashMap<i64, Vec<(i64, Decimal, Decimal)>>,
}

/// Why a value cannot be converted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    /// A unit the catalogue does not know.
    #[error("unit {0} is not in the catalogue")]
    UnknownUnit(i64),
    /// The units measure different things.
    #[error("unit {from} (measure type {from_type}) and unit {to} (measure type {to_type}) measure different things")]
    DifferentTypes {
        /// The unit converted from.
        from: i64,
        /// Its measure type.
        from_type: i64,
        /// The unit converted to.
        to: i64,
        /// Its measure type.
        to_type: i64,
    },
    /// No chain of conversions joins the units.
    #[error("no conversion leads from unit {from} to unit {to}")]
    NoPath {
        /// The unit converted from.
        from: i64,
        /// The unit converted to.
        to: i64,
    },
    /// The result does not fit an exact decimal.
    #[error("the result overflows an exact decimal")]
    Overflow,
}

/// Why a catalogue document was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// Not JSON of a catalogue document.
    #[error("not a catalogue document: {0}")]
    Invalid(String),
    /// A document of another format or version.
    #[error("a catalogue document must have format \"{FORMAT}\" and version {VERSION}, got {0}")]
    Version(String),
    /// Larger than [`MAX_DOCUMENT_BYTES`] or [`MAX_ENTRIES`] entries per list.
    #[error("the catalogue document is larger than this crate reads ({0})")]
    TooLarge(String),
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Document {
    format: String,
    version: u32,
    language: String,
    service_types: Vec<ServiceType>,
    resource_types: Vec<ResourceType>,
    usage_types: Vec<UsageType>,
    measure_units: Vec<MeasureUnit>,
    conversions: Vec<Conversion>,
}

impl Catalogue {
    /// A catalogue of these entries (names in `language`), indexed.
    pub fn new(
        language: Language,
        service_types: Vec<ServiceType>,
        resource_types: Vec<ResourceType>,
        usage_types: Vec<UsageType>,
        units: Vec<MeasureUnit>,
        conversions: Vec<Conversion>,
    ) -> Catalogue {
        let index = |codes: Vec<&String>| -> HashMap<String, usize> {
            let mut at = HashMap::with_capacity(codes.len());
            for (i, code) in codes.into_iter().enumerate() {
                at.entry(code.clone()).or_insert(i);
            }
            at
        };
        let service_at = index(service_types.iter().map(|s| &s.service_type_code).collect());
        let resource_at = index(
            resource_types
                .iter()
                .map(|r| &r.resource_type_code)
                .collect(),
        );
        let mut resources_of: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in resource_types.iter().enumerate() {
            resources_of
                .entry(r.service_type_code.clone())
                .or_default()
                .push(i);
        }
        let mut usage_of: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, u) in usage_types.iter().enumerate() {
            usage_of
                .entry(u.resource_type_code.clone())
                .or_default()
                .push(i);
        }
        let mut unit_at = HashMap::with_capacity(units.len());
        for (i, u) in units.iter().enumerate() {
            unit_at.entry(u.measure_id).or_insert(i);
        }
        let mut edges: HashMap<i64, Vec<(i64, Decimal, Decimal)>> = HashMap::new();
        for c in conversions.iter().filter(|c| !c.conversion_ratio.is_zero()) {
            // 1 measure_id = ratio ref_measure_id: a value in measure_id times ratio is in ref_measure_id.
            edges.entry(c.measure_id).or_default().push((
                c.ref_measure_id,
                c.conversion_ratio,
                Decimal::ONE,
            ));
            edges.entry(c.ref_measure_id).or_default().push((
                c.measure_id,
                Decimal::ONE,
                c.conversion_ratio,
            ));
        }
        Catalogue {
            language,
            service_types,
            resource_types,
            usage_types,
            units,
            conversions,
            service_at,
            resource_at,
            resources_of,
            usage_of,
            unit_at,
            edges,
        }
    }

    /// The language of the names.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Every service type, in the service's order.
    pub fn service_types(&self) -> &[ServiceType] {
        &self.service_types
    }

    /// Every resource type.
    pub fn resource_types(&self) -> &[ResourceType] {
        &self.resource_types
    }

    /// Every usage type.
    pub fn usage_types(&self) -> &[UsageType] {
        &self.usage_types
    }

    /// Every unit.
    pub fn units(&self) -> &[MeasureUnit] {
        &self.units
    }

    /// Every conversion.
    pub fn conversions(&self) -> &[Conversion] {
        &self.conversions
    }

    /// The service type with `code`.
    pub fn service(&self, code: &str) -> Option<&ServiceType> {
        self.service_types.get(*self.service_at.get(code)?)
    }

    /// The resource type with `code`.
    pub fn resource_type(&self, code: &str) -> Option<&ResourceType> {
        self.resource_types.get(*self.resource_at.get(code)?)
    }

    /// The resource types of service `code`.
    pub fn resource_types_of(&self, service: &str) -> Vec<&ResourceType> {
        self.resources_of
            .get(service)
            .map(|at| {
                at.iter()
                    .filter_map(|&i| self.resource_types.get(i))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The usage types of resource type `code`.
    pub fn usage_types_of(&self, resource_type: &str) -> Vec<&UsageType> {
        self.usage_of
            .get(resource_type)
            .map(|at| at.iter().filter_map(|&i| self.usage_types.get(i)).collect())
            .unwrap_or_default()
    }

    /// Whether the catalogue lists usage types of `resource_type` (a catalogue gathered for some services only
    /// has none for the others).
    pub fn knows_usage_of(&self, resource_type: &str) -> bool {
        self.usage_of.contains_key(resource_type)
    }

    /// The unit with `id`.
    pub fn unit(&self, id: i64) -> Option<&MeasureUnit> {
        self.units.get(*self.unit_at.get(&id)?)
    }

    /// Every service type code, for "did you mean".
    pub fn service_codes(&self) -> Vec<&str> {
        self.service_types
            .iter()
            .map(|s| s.service_type_code.as_str())
            .collect()
    }

    /// `value` in unit `from` expressed in unit `to`, through the conversion ratios (either direction, over as
    /// many steps as it takes), exact while the quotients terminate (else rounded to 12 significant digits;
    /// the flag says whether it is exact).
    pub fn convert(
        &self,
        value: Decimal,
        from: i64,
        to: i64,
    ) -> Result<(Decimal, bool), ConvertError> {
        let from_unit = self.unit(from).ok_or(ConvertError::UnknownUnit(from))?;
        let to_unit = self.unit(to).ok_or(ConvertError::UnknownUnit(to))?;
        if from_unit.measure_type != to_unit.measure_type {
            return Err(ConvertError::DifferentTypes {
                from,
                from_type: from_unit.measure_type,
                to,
                to_type: to_unit.measure_type,
            });
        }
        let (num, den) = self
            .factor(from, to)
            .ok_or(ConvertError::NoPath { from, to })?;
        let scaled = value.checked_mul(num).ok_or(ConvertError::Overflow)?;
        quotient(scaled, den).ok_or(ConvertError::Overflow)
    }

    /// How many units `to` make one unit `from`, as an exact fraction (numerator, denominator), through the
    /// conversion ratios: `None` when either unit is unknown, they measure different things, or no chain of
    /// conversions joins them.
    pub fn ratio(&self, from: i64, to: i64) -> Option<(Decimal, Decimal)> {
        let (a, b) = (self.unit(from)?, self.unit(to)?);
        if a.measure_type != b.measure_type {
            return None;
        }
        self.factor(from, to)
    }

    /// How many `to` make one `from`, as a fraction (numerator, denominator): the first path found breadth
    /// first, so the fewest steps.
    fn factor(&self, from: i64, to: i64) -> Option<(Decimal, Decimal)> {
        let mut seen = HashSet::from([from]);
        let mut queue = VecDeque::from([(from, Decimal::ONE, Decimal::ONE)]);
        while let Some((unit, num, den)) = queue.pop_front() {
            if unit == to {
                return Some((num, den));
            }
            for &(next, n, d) in self.edges.get(&unit).into_iter().flatten() {
                if seen.insert(next) {
                    queue.push_back((next, num.checked_mul(n)?, den.checked_mul(d)?));
                }
            }
        }
        None
    }

    /// The versioned JSON document of this catalogue: `{ format, version, language, serviceTypes,
    /// resourceTypes, usageTypes, measureUnits, conversions }`, entries in the API's field names.
    pub fn to_json(&self) -> String {
        let document = Document {
            format: FORMAT.to_owned(),
            version: VERSION,
            language: self.language.header().to_owned(),
            service_types: self.service_types.clone(),
            resource_types: self.resource_types.clone(),
            usage_types: self.usage_types.clone(),
            measure_units: self.units.clone(),
            conversions: self.conversions.clone(),
        };
        serde_json::to_string(&document).unwrap_or_default()
    }

    /// Reads a document written by [`Catalogue::to_json`].
    pub fn from_json(text: &str) -> Result<Catalogue, DocumentError> {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(DocumentError::TooLarge(format!("{} bytes", text.len())));
        }
        #[derive(Deserialize)]
        struct Head {
            format: Option<String>,
            version: Option<u64>,
        }
        let head: Head =
            serde_json::from_str(text).map_err(|e| DocumentError::Invalid(e.to_string()))?;
        if head.format.as_deref() != Some(FORMAT) || head.version != Some(u64::from(VERSION)) {
            let version = head
                .version
                .map_or_else(|| "none".to_owned(), |v| v.to_string());
            return Err(DocumentError::Version(format!(
                "format {:?}, version {version}",
                head.format.unwrap_or_default(),
            )));
        }
        let d: Document =
            serde_json::from_str(text).map_err(|e| DocumentError::Invalid(e.to_string()))?;
        let lists = [
            d.service_types.len(),
            d.resource_types.len(),
            d.usage_types.len(),
            d.measure_units.len(),
            d.conversions.len(),
        ];
        if let Some(n) = lists.into_iter().find(|&n| n > MAX_ENTRIES) {
            return Err(DocumentError::TooLarge(format!("a list of {n} entries")));
        }
        let language = Language::from_option(&d.language).unwrap_or(Language::English);
        Ok(Catalogue::new(
            language,
            d.service_types,
            d.resource_types,
            d.usage_types,
            d.measure_units,
            d.conversions,
        ))
    }
}

#[cfg(test)]
#[path = "value_tests.rs"]
mod tests;
