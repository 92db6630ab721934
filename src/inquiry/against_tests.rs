use crate::catalogue::Catalogue;
use crate::inquiry::{Inquiry, OnDemandInquiry, PeriodInquiry, RenewalInquiry};
use crate::language::Language;
use crate::validate::Rule;

/// A catalogue of three services as the sandbox has them (names in English).
fn catalogue() -> Catalogue {
    let st = |code: &str, name: &str| {
        format!(
            r#"{{"service_type_code":"{code}","service_type_name":"{name}","abbreviation":""}}"#
        )
    };
    let rt = |code: &str, service: &str| {
        format!(
            r#"{{"resource_type_code":"{code}","resource_type_name":"","resource_type_desc":"","service_type_code":"{service}"}}"#
        )
    };
    let ut = |code: &str, resource: &str| {
        format!(r#"{{"code":"{code}","name":"{code}","resource_type_code":"{resource}"}}"#)
    };
    let unit = |id: i64, name: &str, measure_type: i64| {
        format!(
            r#"{{"measure_id":{id},"measure_name":"{name}","abbreviation":"","measure_type":{measure_type}}}"#
        )
    };
    let (ec2, ebs, vpc) = (
        "hws.service.type.ec2",
        "hws.service.type.ebs",
        "hws.service.type.vpc",
    );
    let (vm, volume, bandwidth) = (
        "hws.resource.type.vm",
        "hws.resource.type.volume",
        "hws.resource.type.bandwidth",
    );
    let document = format!(
        r#"{{"format":"hwc-price-catalogue","version":1,"language":"en_US",
        "serviceTypes":[{},{},{}],
        "resourceTypes":[{},{},{}],
        "usageTypes":[{},{},{},{}],
        "measureUnits":[{},{},{},{},{},{},{}],
        "conversions":[]}}"#,
        st(ec2, "Elastic Cloud Server"),
        st(ebs, "Elastic Volume Service"),
        st(vpc, "Virtual Private Cloud"),
        rt(vm, ec2),
        rt(volume, ebs),
        rt(bandwidth, vpc),
        ut("Duration", vm),
        ut("Duration", volume),
        ut("Duration", bandwidth),
        ut("upflow", bandwidth),
        unit(0, "Day", 2),
        unit(1, "USD", 1),
        unit(4, "Hour", 2),
        unit(10, "GB", 3),
        unit(14, "Times", 4),
        unit(15, "Mbit/s", 16),
        unit(17, "GB", 7),
    );
    Catalogue::from_json(&document).unwrap()
}

/// A pay-per-use inquiry of one product with these members (JSON text without braces) replacing the
/// defaults: a cloud server for 730 hours.
fn on_demand(members: &str) -> String {
    let mut product = serde_json::json!({
        "id": "a", "cloud_service_type": "hws.service.type.ec2", "resource_type": "hws.resource.type.vm",
        "resource_spec": "s", "region": "r", "usage_factor": "Duration", "usage_value": 730,
        "usage_measure_id": 4, "subscription_num": 1
    });
    let changes: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&format!("{{{members}}}")).unwrap();
    for (key, value) in changes {
        product[key] = value;
    }
    serde_json::json!({ "project_id": "p", "product_infos": [product] }).to_string()
}

/// The violations (`path: message`, all of rule `catalogue`) of `text` checked against the catalogue.
fn found<I: Inquiry>(text: &str, language: Language) -> Vec<String> {
    match I::read_against(text, false, language, &catalogue()) {
        Ok(_) => vec![],
        Err(e) => e
            .violations()
            .iter()
            .map(|v| {
                assert_eq!(v.rule, Rule::Catalogue, "{v}");
                v.to_string()
            })
            .collect(),
    }
}

#[test]
fn each_rule_passes_and_fails() {
    let cases: &[(&str, &[&str])] = &[
        ("", &[]),
        (r#""usage_factor": "duration""#, &[]),
        (r#""resource_size": 40, "size_measure_id": 17"#, &[]),
        (
            r#""cloud_service_type": "hws.service.type.ecs""#,
            &["product_infos[0].cloud_service_type: is not a service type of the catalogue, got \"hws.service.type.ecs\"; did you mean \"hws.service.type.ec2\"?"],
        ),
        (
            r#""cloud_service_type": "compute""#,
            &["product_infos[0].cloud_service_type: is not a service type of the catalogue, got \"compute\"; did you mean \"hws.service.type.ec2\"?"],
        ),
        (
            r#""cloud_service_type": "compute", "resource_type": "x""#,
            &["product_infos[0].cloud_service_type: is not a service type of the catalogue, got \"compute\""],
        ),
        (
            r#""resource_type": "hws.resource.type.volume", "usage_factor": "upflow""#,
            &["product_infos[0].resource_type: is not a resource type of hws.service.type.ec2 (Elastic Cloud Server), got \"hws.resource.type.volume\", which belongs to hws.service.type.ebs (Elastic Volume Service)"],
        ),
        (
            r#""resource_type": "hws.resource.type.wm""#,
            &["product_infos[0].resource_type: is not a resource type of hws.service.type.ec2 (Elastic Cloud Server), got \"hws.resource.type.wm\"; did you mean \"hws.resource.type.vm\"?"],
        ),
        (
            r#""usage_factor": "upflow""#,
            &["product_infos[0].usage_factor: is not a usage type of hws.resource.type.vm, got \"upflow\"; must be one of Duration"],
        ),
        (
            r#""usage_measure_id": 99"#,
            &["product_infos[0].usage_measure_id: is not a unit of the catalogue, got 99"],
        ),
        (
            r#""usage_measure_id": 10"#,
            &["product_infos[0].usage_measure_id: must be a unit of duration (usage_factor Duration), got 10 (GB, measure type 3)"],
        ),
        (
            r#""cloud_service_type": "hws.service.type.vpc", "resource_type": "hws.resource.type.bandwidth", "usage_factor": "upflow", "usage_measure_id": 1"#,
            &["product_infos[0].usage_measure_id: must be a unit of usage, not of money, got 1 (USD, measure type 1)"],
        ),
        (
            r#""resource_size": 40, "size_measure_id": 4"#,
            &["product_infos[0].size_measure_id: must be a unit of size (capacity, bandwidth or quantity), not of time, traffic or money, got 4 (Hour, measure type 2)"],
        ),
        (
            r#""resource_size": 40, "size_measure_id": 10"#,
            &["product_infos[0].size_measure_id: must be a unit of size (capacity, bandwidth or quantity), not of time, traffic or money, got 10 (GB, measure type 3)"],
        ),
        (
            r#""resource_size": 40, "size_measure_id": 18"#,
            &["product_infos[0].size_measure_id: is not a unit of the catalogue, got 18"],
        ),
    ];
    for (members, expected) in cases {
        assert_eq!(
            found::<OnDemandInquiry>(&on_demand(members), Language::English),
            *expected,
            "{members}"
        );
    }
}

#[test]
fn every_problem_at_once_in_order_and_in_chinese() {
    let text = on_demand(
        r#""resource_type": "hws.resource.type.wm", "usage_measure_id": 99, "resource_size": 5, "size_measure_id": 0"#,
    );
    assert_eq!(
        found::<OnDemandInquiry>(&text, Language::Chinese),
        [
            "product_infos[0].resource_type: 不是 hws.service.type.ec2 (Elastic Cloud Server) 的资源类型，实际为 \"hws.resource.type.wm\"；是否应为 \"hws.resource.type.vm\"？",
            "product_infos[0].size_measure_id: 应为规格大小单位（容量、带宽或数量），不能是时间、流量或货币单位，实际为 0（Day，度量类型 2）",
            "product_infos[0].usage_measure_id: 不是目录中的度量单位，实际为 99",
        ]
    );
}

#[test]
fn other_rules_come_first_and_a_bad_shape_is_said_once() {
    let text = on_demand(r#""usage_measure_id": "4", "cloud_service_type": "x", "id": """#);
    let e =
        OnDemandInquiry::read_against(&text, false, Language::English, &catalogue()).unwrap_err();
    let rules: Vec<(&str, Rule)> = e
        .violations()
        .iter()
        .map(|v| (v.path.as_str(), v.rule))
        .collect();
    assert_eq!(
        rules,
        [
            ("product_infos[0].usage_measure_id", Rule::Type),
            ("product_infos[0].id", Rule::Blank),
            ("product_infos[0].cloud_service_type", Rule::Catalogue),
        ]
    );
}

#[test]
fn without_a_catalogue_nothing_changes() {
    let text = on_demand(r#""cloud_service_type": "x", "usage_measure_id": 99"#);
    assert!(OnDemandInquiry::from_json(&text).is_ok());
    assert!(OnDemandInquiry::read_against(&text, false, Language::English, &catalogue()).is_err());
}

#[test]
fn yearly_monthly_products_and_drafts_built_in_rust() {
    let period = serde_json::json!({ "project_id": "p", "product_infos": [{
        "id": "d", "cloud_service_type": "hws.service.type.ebs", "resource_type": "hws.resource.type.vm",
        "resource_spec": "SSD", "region": "r", "resource_size": 40, "size_measure_id": 17,
        "period_type": 2, "period_num": 1, "subscription_num": 1
    }]})
    .to_string();
    assert_eq!(
        found::<PeriodInquiry>(&period, Language::English),
        ["product_infos[0].resource_type: is not a resource type of hws.service.type.ebs (Elastic Volume Service), got \"hws.resource.type.vm\", which belongs to hws.service.type.ec2 (Elastic Cloud Server)"]
    );
    let draft = PeriodInquiry::from_json(&period).unwrap().into_draft();
    assert!(PeriodInquiry::new_against(draft, &catalogue()).is_err());
    let renewal = r#"{"resource_ids":["r1"],"period_type":2,"period_num":1}"#;
    assert!(RenewalInquiry::read_against(renewal, false, Language::English, &catalogue()).is_ok());
}

#[test]
fn a_catalogue_without_usage_types_of_a_resource_leaves_its_usage_unchecked() {
    let mut document: serde_json::Value = serde_json::from_str(&catalogue().to_json()).unwrap();
    document["usageTypes"] = serde_json::json!([]);
    let bare = Catalogue::from_json(&document.to_string()).unwrap();
    let text = on_demand(r#""usage_factor": "colour""#);
    assert!(OnDemandInquiry::read_against(&text, false, Language::English, &bare).is_ok());
    assert!(OnDemandInquiry::read_against(&text, false, Language::English, &catalogue()).is_err());
}
