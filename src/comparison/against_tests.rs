//! A comparison's products checked against a catalogue with the inquiries' own check (rule `catalogue`), by the
//! comparison's wire paths, in both languages; all at once, after every other rule.

use super::*;
use crate::catalogue::Catalogue;
use crate::language::Language;
use crate::validate::Rule;

/// Two services with a resource type each, the usage types of both, and three units.
fn catalogue() -> Catalogue {
    Catalogue::from_json(CATALOGUE).unwrap()
}

const CATALOGUE: &str = r#"{"format":"hwc-price-catalogue","version":1,"language":"en_US",
        "serviceTypes":[
          {"service_type_code":"hws.service.type.ec2","service_type_name":"Elastic Cloud Server","abbreviation":""},
          {"service_type_code":"hws.service.type.vpc","service_type_name":"Virtual Private Cloud","abbreviation":""}],
        "resourceTypes":[
          {"resource_type_code":"hws.resource.type.vm","resource_type_name":"","resource_type_desc":"","service_type_code":"hws.service.type.ec2"},
          {"resource_type_code":"hws.resource.type.bandwidth","resource_type_name":"","resource_type_desc":"","service_type_code":"hws.service.type.vpc"}],
        "usageTypes":[
          {"code":"Duration","name":"Duration","resource_type_code":"hws.resource.type.vm"},
          {"code":"upflow","name":"upflow","resource_type_code":"hws.resource.type.bandwidth"}],
        "measureUnits":[
          {"measure_id":4,"measure_name":"Hour","abbreviation":"","measure_type":2},
          {"measure_id":15,"measure_name":"Mbit/s","abbreviation":"","measure_type":16},
          {"measure_id":17,"measure_name":"GB","abbreviation":"","measure_type":7}],
        "conversions":[]}"#;

/// A comparison of these products (JSON objects' members, without braces, after a cloud server's defaults).
fn input(products: &[&str]) -> String {
    let products: Vec<String> = products
        .iter()
        .enumerate()
        .map(|(i, members)| {
            let mut product = serde_json::json!({
                "id": format!("p{i}"), "cloud_service_type": "hws.service.type.ec2",
                "resource_type": "hws.resource.type.vm", "resource_spec": "s", "region": "r",
                "subscription_num": 1
            });
            let changes: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&format!("{{{members}}}")).unwrap();
            for (key, value) in changes {
                product[key] = value;
            }
            product.to_string()
        })
        .collect();
    format!(
        r#"{{"project_id": "p", "products": [{}]}}"#,
        products.join(",")
    )
}

/// `path: message` of every violation of `text` read against the catalogue, in `language`.
fn found(text: &str, language: Language) -> Vec<String> {
    found_in(text, language, &catalogue())
}

fn found_in(text: &str, language: Language, catalogue: &Catalogue) -> Vec<String> {
    match ComparisonInput::read_in(text, Default::default(), language, Some(catalogue)) {
        Ok(_) => vec![],
        Err(e) => e.violations.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn products_that_fit_the_catalogue_pass() {
    let text = input(&[
        "",
        r#""usage_factor": "duration""#,
        r#""usage_factor": "DURATION", "resource_size": 5, "size_measure_id": 15"#,
    ]);
    assert_eq!(found(&text, Language::English), Vec::<String>::new());
    // Without a catalogue, nothing of the kind is checked.
    let wrong = input(&[r#""cloud_service_type": "hws.service.type.ecs""#]);
    assert!(ComparisonInput::read_in(&wrong, Default::default(), Language::English, None).is_ok());
}

#[test]
fn every_catalogue_problem_by_the_comparisons_paths_with_did_you_mean() {
    let text = input(&[
        "",
        r#""cloud_service_type": "hws.service.type.ecs""#,
        r#""resource_type": "hws.resource.type.bandwidth""#,
        r#""usage_factor": "upflow", "resource_size": 40, "size_measure_id": 4"#,
        // The pay-per-use line is priced with "Duration" when no usage factor is given: that is what is checked.
        r#""cloud_service_type": "hws.service.type.vpc", "resource_type": "hws.resource.type.bandwidth""#,
    ]);
    let err = ComparisonInput::read_in(
        &text,
        Default::default(),
        Language::English,
        Some(&catalogue()),
    )
    .unwrap_err();
    assert!(err.violations.iter().all(|v| v.rule == Rule::Catalogue));
    assert_eq!(
        found(&text, Language::English),
        [
            "products[1].cloud_service_type: is not a service type of the catalogue, got \"hws.service.type.ecs\"; did you mean \"hws.service.type.ec2\"?",
            "products[2].resource_type: is not a resource type of hws.service.type.ec2 (Elastic Cloud Server), got \"hws.resource.type.bandwidth\", which belongs to hws.service.type.vpc (Virtual Private Cloud)",
            "products[3].size_measure_id: must be a unit of size (capacity, bandwidth or quantity), not of time, traffic or money, got 4 (Hour, measure type 2)",
            "products[3].usage_factor: is not a usage type of hws.resource.type.vm, got \"upflow\"; must be one of Duration",
            "products[4].usage_factor: is not a usage type of hws.resource.type.bandwidth, got \"Duration\"; must be one of upflow",
        ]
    );
    let zh = found(&text, Language::Chinese);
    assert_eq!(zh.len(), 5);
    assert_eq!(
        zh[0],
        "products[1].cloud_service_type: 不是目录中的云服务类型，实际为 \"hws.service.type.ecs\"；是否应为 \"hws.service.type.ec2\"？"
    );
    assert!(
        zh[3].starts_with("products[3].usage_factor: 不是 hws.resource.type.vm 的使用量类型"),
        "{}",
        zh[3]
    );
}

#[test]
fn catalogue_problems_come_with_every_other_rule_at_once() {
    let text = input(&[r#""subscription_num": 0, "resource_type": "hws.resource.type.wm""#]);
    let paths: Vec<(String, &str)> = ComparisonInput::read_in(
        &text,
        Default::default(),
        Language::English,
        Some(&catalogue()),
    )
    .unwrap_err()
    .violations
    .iter()
    .map(|v| (v.path.clone(), v.rule.code()))
    .collect();
    assert_eq!(
        paths,
        [
            ("products[0].subscription_num".to_owned(), "range"),
            ("products[0].resource_type".to_owned(), "catalogue"),
        ]
    );
    // Built in Rust: the same check.
    let built = ComparisonInput::from_json(&input(&[r#""resource_type": "hws.resource.type.wm""#]))
        .unwrap();
    let err = built.validate_against(&catalogue()).unwrap_err();
    assert_eq!(
        err.violations.iter().next().unwrap().path,
        "products[0].resource_type"
    );
}

#[test]
fn pay_per_use_is_compared_by_the_hour_which_measures_duration_only() {
    // upflow is a usage type of the bandwidth, but the comparison prices pay-per-use in hours (unit 4).
    let upflow = input(&[
        r#""cloud_service_type": "hws.service.type.vpc", "resource_type": "hws.resource.type.bandwidth",
           "usage_factor": "upflow""#,
    ]);
    assert_eq!(
        found(&upflow, Language::English),
        ["products[0].usage_factor: pay-per-use is compared by the hour (unit 4, Hour), which measures only \"Duration\", got \"upflow\""]
    );
    assert_eq!(
        found(&upflow, Language::Chinese),
        ["products[0].usage_factor: 按需按小时比较（单位 4，Hour），小时只能计量 \"Duration\"，实际为 \"upflow\""]
    );
    let err = ComparisonInput::read_in(
        &upflow,
        Default::default(),
        Language::English,
        Some(&catalogue()),
    )
    .unwrap_err();
    assert_eq!(err.violations.iter().next().unwrap().rule, Rule::Catalogue);
    // Built in Rust: the same check.
    let built = ComparisonInput::from_json(&upflow).unwrap();
    assert!(built.validate_against(&catalogue()).is_err());
    // The hour itself: unknown to the catalogue, or not a duration there; said at the (defaulted) usage factor.
    let server = input(&[""]);
    let no_hour = Catalogue::from_json(&CATALOGUE.replace(
        r#"{"measure_id":4,"measure_name":"Hour","abbreviation":"","measure_type":2},"#,
        "",
    ))
    .unwrap();
    assert_eq!(
        found_in(&server, Language::English, &no_hour),
        ["products[0].usage_factor: pay-per-use is compared by the hour (unit 4), which is not a unit of the catalogue"]
    );
    let odd_hour = Catalogue::from_json(&CATALOGUE.replace(
        r#""measure_name":"Hour","abbreviation":"","measure_type":2"#,
        r#""measure_name":"GB","abbreviation":"","measure_type":3"#,
    ))
    .unwrap();
    assert_eq!(
        found_in(&server, Language::English, &odd_hour),
        ["products[0].usage_factor: pay-per-use is compared by the hour (unit 4), but the catalogue's unit 4 is GB, of measure type 3, not a unit of duration"]
    );
    // A catalogue without units says nothing of them.
    let no_units = Catalogue::from_json(&CATALOGUE.replace(
        r#"{"measure_id":4,"measure_name":"Hour","abbreviation":"","measure_type":2},
          {"measure_id":15,"measure_name":"Mbit/s","abbreviation":"","measure_type":16},
          {"measure_id":17,"measure_name":"GB","abbreviation":"","measure_type":7}"#,
        "",
    ))
    .unwrap();
    assert!(no_units.units().is_empty());
    assert_eq!(
        found_in(&upflow, Language::English, &no_units),
        Vec::<String>::new()
    );
}
