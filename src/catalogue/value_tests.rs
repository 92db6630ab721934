use super::*;
use crate::money::parse_decimal;

fn unit(id: i64, name: &str, measure_type: i64) -> MeasureUnit {
    MeasureUnit {
        measure_id: id,
        measure_name: name.into(),
        abbreviation: String::new(),
        measure_type,
    }
}

fn conv(from: i64, to: i64, ratio: i64, measure_type: i64) -> Conversion {
    Conversion {
        measure_id: from,
        ref_measure_id: to,
        conversion_ratio: Decimal::from(ratio),
        measure_type,
    }
}

/// The sandbox's units: day, hour, minute, second; GB and MB of traffic; GB of capacity.
pub(crate) fn sample() -> Catalogue {
    let st = |code: &str| ServiceType {
        service_type_code: code.into(),
        service_type_name: code.into(),
        abbreviation: String::new(),
    };
    let rt = |code: &str, service: &str| ResourceType {
        resource_type_code: code.into(),
        resource_type_name: code.into(),
        resource_type_desc: String::new(),
        service_type_code: service.into(),
    };
    let ut = |code: &str, resource: &str| UsageType {
        code: code.into(),
        name: code.into(),
        resource_type_code: resource.into(),
        service_type_code: String::new(),
        resource_type_name: String::new(),
        service_type_name: String::new(),
    };
    Catalogue::new(
        Language::English,
        vec![st("hws.service.type.ec2"), st("hws.service.type.vpc")],
        vec![
            rt("hws.resource.type.vm", "hws.service.type.ec2"),
            rt("hws.resource.type.bandwidth", "hws.service.type.vpc"),
        ],
        vec![
            ut("Duration", "hws.resource.type.vm"),
            ut("Duration", "hws.resource.type.bandwidth"),
            ut("upflow", "hws.resource.type.bandwidth"),
        ],
        vec![
            unit(0, "Day", 2),
            unit(4, "Hour", 2),
            unit(5, "Minute", 2),
            unit(6, "Second", 2),
            unit(10, "GB", 3),
            unit(11, "MB", 3),
            unit(17, "GB", 7),
        ],
        vec![
            conv(0, 4, 24, 2),
            conv(4, 5, 60, 2),
            conv(5, 6, 60, 2),
            conv(10, 11, 1024, 3),
        ],
    )
}

fn d(text: &str) -> Decimal {
    parse_decimal(text).unwrap()
}

#[test]
fn looks_up_by_code() {
    let c = sample();
    assert!(c.service("hws.service.type.ec2").is_some());
    assert!(c.service("hws.service.type.ecs").is_none());
    let codes: Vec<&str> = c
        .resource_types_of("hws.service.type.vpc")
        .iter()
        .map(|r| r.resource_type_code.as_str())
        .collect();
    assert_eq!(codes, ["hws.resource.type.bandwidth"]);
    assert_eq!(c.usage_types_of("hws.resource.type.bandwidth").len(), 2);
    assert!(c.usage_types_of("nothing").is_empty());
    assert_eq!(c.unit(17).map(|u| u.measure_type), Some(7));
}

#[test]
fn converts_exactly_either_way_over_several_steps() {
    let c = sample();
    assert_eq!(c.convert(d("1"), 0, 6), Ok((d("86400"), true)));
    assert_eq!(c.convert(d("90"), 5, 4), Ok((d("1.5"), true)));
    assert_eq!(c.convert(d("36"), 4, 0), Ok((d("1.5"), true)));
    assert_eq!(
        c.convert(d("0.0000000001"), 0, 4).unwrap().0.to_string(),
        "0.0000000024"
    );
    let (third, exact) = c.convert(d("1"), 6, 0).unwrap();
    assert!(!exact);
    assert_eq!(third.to_string(), "0.0000115740740741");
    assert_eq!(c.convert(d("2048"), 11, 10), Ok((d("2"), true)));
    assert_eq!(
        c.convert(d("1"), 10, 17),
        Err(ConvertError::DifferentTypes {
            from: 10,
            from_type: 3,
            to: 17,
            to_type: 7
        })
    );
    assert_eq!(c.convert(d("1"), 99, 4), Err(ConvertError::UnknownUnit(99)));
    assert_eq!(c.convert(d("5"), 4, 4), Ok((d("5"), true)));
}

#[test]
fn ratios_are_exact_fractions() {
    let c = sample();
    assert_eq!(c.ratio(6, 4), Some((d("1"), d("3600"))));
    assert_eq!(c.ratio(0, 4), Some((d("24"), d("1"))));
    assert_eq!(c.ratio(4, 4), Some((d("1"), d("1"))));
    assert_eq!(c.ratio(10, 4), None, "different measure types");
    assert_eq!(c.ratio(99, 4), None, "unknown unit");
}

#[test]
fn the_document_round_trips_and_refuses_other_versions() {
    let c = sample();
    let text = c.to_json();
    assert!(text.starts_with(
        r#"{"format":"hwc-price-catalogue","version":1,"language":"en_US","serviceTypes":["#
    ));
    assert!(text.contains(r#""conversion_ratio":"24""#));
    assert_eq!(Catalogue::from_json(&text), Ok(c));
    assert!(matches!(
        Catalogue::from_json(&text.replace(r#""version":1"#, r#""version":2"#)),
        Err(DocumentError::Version(_))
    ));
    assert!(matches!(
        Catalogue::from_json("[1"),
        Err(DocumentError::Invalid(_))
    ));
    assert_eq!(
        Catalogue::from_json("{}").map_err(|e| e.to_string()),
        Err(
            r#"a catalogue document must have format "hwc-price-catalogue" and version 1, got format "", version none"#
                .to_owned()
        )
    );
}
