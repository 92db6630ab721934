//! The entries of the six product-information look-ups, in the API's own field names (§4.1.1–4.1.6).
//!
//! Read tolerantly, as answers are: unknown members are ignored, and a `null` or missing text is empty. A
//! conversion ratio is an exact decimal (a JSON number, or a string as this crate writes it).

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::money::{parse_decimal, to_plain_string};
use crate::validate::read::{ScalarSeed, Seen};

/// A text member: `null` or missing reads as empty.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// A ratio: a JSON number (its exact digits) or a decimal string; never through `f64`. Read with the crate's
/// own scalar visitor rather than as a `serde_json::Value`, whose reader and maps would be in the WebAssembly
/// module for this one member.
fn ratio<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    use serde::de::{DeserializeSeed, Error};
    let digits = match ScalarSeed.deserialize(d)? {
        Seen::Number(n) => n.into_owned(),
        Seen::Str(s) => s.into_owned(),
        _ => return Err(D::Error::custom("conversion_ratio must be a number")),
    };
    parse_decimal(&digits)
        .map_err(|_| D::Error::custom(format!("conversion_ratio {digits} is not a decimal")))
}

fn ratio_text<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&to_plain_string(value))
}

/// A cloud service type (§4.1.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceType {
    /// Code, such as `hws.service.type.ec2`.
    #[serde(default, deserialize_with = "text")]
    pub service_type_code: String,
    /// Name, in the language asked for.
    #[serde(default, deserialize_with = "text")]
    pub service_type_name: String,
    /// Abbreviation, such as `ECS`.
    #[serde(default, deserialize_with = "text")]
    pub abbreviation: String,
}

/// A resource type (§4.1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceType {
    /// Code, such as `hws.resource.type.vm`.
    #[serde(default, deserialize_with = "text")]
    pub resource_type_code: String,
    /// Name, in the language asked for.
    #[serde(default, deserialize_with = "text")]
    pub resource_type_name: String,
    /// Description.
    #[serde(default, deserialize_with = "text")]
    pub resource_type_desc: String,
    /// The service it belongs to.
    #[serde(default, deserialize_with = "text")]
    pub service_type_code: String,
}

/// A resource of a cloud service type (§4.1.3: the `basic_info` of each entry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceResource {
    /// Resource type code.
    #[serde(default, deserialize_with = "text")]
    pub resource_type_code: String,
    /// The service it belongs to.
    #[serde(default, deserialize_with = "text")]
    pub product_owner_service: String,
    /// Name.
    #[serde(default, deserialize_with = "text")]
    pub name: String,
    /// Description.
    #[serde(default, deserialize_with = "text")]
    pub description: String,
}

/// A usage type of a resource type (§4.1.4): what `usage_factor` may be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageType {
    /// Code, such as `Duration`: the value of `usage_factor`.
    #[serde(default, deserialize_with = "text")]
    pub code: String,
    /// Name.
    #[serde(default, deserialize_with = "text")]
    pub name: String,
    /// The resource type it measures.
    #[serde(default, deserialize_with = "text")]
    pub resource_type_code: String,
    /// The service of that resource type.
    #[serde(default, deserialize_with = "text")]
    pub service_type_code: String,
    /// The resource type's name.
    #[serde(default, deserialize_with = "text")]
    pub resource_type_name: String,
    /// The service's name.
    #[serde(default, deserialize_with = "text")]
    pub service_type_name: String,
}

/// A measurement unit (§4.1.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureUnit {
    /// Id: the value of `usage_measure_id`, `size_measure_id`, `measure_id`.
    pub measure_id: i64,
    /// Name, such as `GB`.
    #[serde(default, deserialize_with = "text")]
    pub measure_name: String,
    /// Abbreviation.
    #[serde(default, deserialize_with = "text")]
    pub abbreviation: String,
    /// What it measures: 1 currency, 2 duration, 3 traffic, 4 quantity, 7 capacity, 16 bandwidth, …
    pub measure_type: i64,
}

/// How many of one unit make one of another (§4.1.6): `1 measure_id = conversion_ratio ref_measure_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversion {
    /// The larger unit.
    pub measure_id: i64,
    /// The unit it is expressed in.
    pub ref_measure_id: i64,
    /// How many `ref_measure_id` make one `measure_id` (written as a decimal string).
    #[serde(deserialize_with = "ratio", serialize_with = "ratio_text")]
    pub conversion_ratio: Decimal,
    /// The measure type of both units.
    pub measure_type: i64,
}

/// The measure type of durations.
pub const DURATION: i64 = 2;
/// The measure type of currencies.
pub const CURRENCY: i64 = 1;

#[cfg(test)]
mod tests {
    use super::*;

    /// A conversion with `ratio` as its `conversion_ratio`, read as a look-up answer is: its ratio's exact
    /// text, or serde_json's error (with its position).
    fn read(ratio: &str) -> String {
        let text = format!(
            r#"{{"measure_id": 4, "ref_measure_id": 5, "conversion_ratio": {ratio}, "measure_type": 2}}"#
        );
        match serde_json::from_str::<Conversion>(&text) {
            Ok(c) => to_plain_string(&c.conversion_ratio),
            Err(e) => e.to_string(),
        }
    }

    /// The results, errors and their positions included, are those the ratio gave when it was read as a
    /// `serde_json::Value`.
    #[test]
    fn a_ratio_is_a_number_or_a_decimal_string_read_exactly() {
        let cases = [
            "24",
            "1.50",
            "1e3",
            "0.000000000000000000001",
            r#""60""#,
            r#""0.5""#,
            r#""x""#,
            "true",
            "null",
            "[1, 2]",
            r#"{"a": 1}"#,
            "[1, 2",
        ];
        let got: Vec<String> = cases.iter().map(|c| read(c)).collect();
        let want = [
            "24",
            "1.50",
            "1000",
            "0.000000000000000000001",
            "60",
            "0.5",
            "conversion_ratio x is not a decimal at line 1 column 62",
            "conversion_ratio must be a number at line 1 column 63",
            "conversion_ratio must be a number at line 1 column 63",
            "conversion_ratio must be a number at line 1 column 65",
            "conversion_ratio must be a number at line 1 column 67",
            "expected `,` or `]` at line 1 column 81",
        ];
        assert_eq!(got, want);
    }
}
