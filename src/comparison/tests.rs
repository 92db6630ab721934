#![allow(clippy::panic)] // test code: a panic is a failed test

use rust_decimal::Decimal;

use super::*;
use crate::kind::InquiryKind;
use crate::language::Language;
use crate::quote::{NotPriced, Quote};
use crate::site::Site;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

const INPUT: &str = r#"{"project_id": "p1", "products": [
    {"id": "vm", "cloud_service_type": "hws.service.type.ec2", "resource_type": "hws.resource.type.vm",
     "resource_spec": "c6.large.2.linux", "region": "ap-southeast-1", "subscription_num": 1},
    {"id": "disk", "cloud_service_type": "hws.service.type.ebs", "resource_type": "hws.resource.type.volume",
     "resource_spec": "SATA", "region": "ap-southeast-1", "resource_size": 40, "size_measure_id": 17,
     "subscription_num": 2, "usage_factor": "Duration"}]}"#;

#[test]
fn defaults_and_the_inquiries_made() {
    let input = ComparisonInput::from_json(INPUT).unwrap();
    assert_eq!(input.hours_per_month, d("730"));
    assert_eq!(input.periods, default_periods());
    assert_eq!(input.pay_per_use_hours(), d("8760"));
    let ppu = input.pay_per_use();
    assert_eq!(ppu.len(), 1);
    let body = ppu[0].body();
    assert!(
        body.contains(r#""usage_factor":"Duration","usage_value":8760,"usage_measure_id":4"#),
        "{body}"
    );
    assert!(
        body.contains(r#""resource_size":40,"size_measure_id":17"#),
        "{body}"
    );
    let year = input.subscription(input.periods[1]);
    assert!(year[0].body().contains(r#""period_type":3,"period_num":1"#));
    assert_eq!(year[0].item_ids(), ["vm", "disk"]);
    let hours = ComparisonInput::from_json(
        r#"{"project_id": "p", "products": [{"id": "a", "cloud_service_type": "s", "resource_type": "t",
        "resource_spec": "x", "region": "r", "subscription_num": 1}], "hoursPerMonth": "720.5",
        "periods": [{"period_type": 2, "period_num": 3}]}"#,
    )
    .unwrap();
    assert_eq!(hours.pay_per_use_hours(), d("2161.5"));
    // 250 products: three requests of pay-per-use, three per period.
    let many: Vec<String> = (0..250)
        .map(|i| format!(r#"{{"id": "p{i}", "cloud_service_type": "s", "resource_type": "t", "resource_spec": "x", "region": "r", "subscription_num": 1}}"#))
        .collect();
    let big = ComparisonInput::from_json(&format!(
        r#"{{"project_id": "p", "products": [{}]}}"#,
        many.join(",")
    ))
    .unwrap();
    assert_eq!(big.pay_per_use().len(), 3);
    assert_eq!(big.subscription(big.periods[0]).len(), 3);
}

#[test]
fn every_problem_at_once_by_wire_path_in_both_languages() {
    let bad = r#"{"project_id": " p", "products": [
        {"id": "a", "cloud_service_type": "", "resource_type": "t", "resource_spec": "x", "region": "r",
         "subscription_num": 0, "resource_size": 4},
        {"id": "a", "cloud_service_type": "s", "resource_type": "t", "resource_spec": "x", "region": "r",
         "subscription_num": 1, "usage_facter": "Duration"}],
        "hoursPerMonth": 800, "periods": [{"period_type": 1, "period_num": 1}, {"period_type": 2, "period_num": 1},
        {"period_type": 2, "period_num": 1}], "inquiry_precision": 7}"#;
    let err = ComparisonInput::from_json(bad).unwrap_err();
    let found: Vec<(String, &str)> = err
        .violations
        .iter()
        .map(|v| (v.path.clone(), v.rule.code()))
        .collect();
    let expected = [
        ("products[1].usage_facter", "unknown_field"),
        ("periods[0].period_type", "one_of"),
        ("inquiry_precision", "one_of"),
        ("project_id", "blank"),
        ("products[0].cloud_service_type", "blank"),
        ("products[0].subscription_num", "range"),
        ("products[0].size_measure_id", "together"),
        ("products[1].id", "unique"),
        ("hoursPerMonth", "range"),
        ("periods[2]", "unique"),
    ];
    for (path, rule) in expected {
        assert!(
            found.iter().any(|(p, r)| p == path && *r == rule),
            "{path} {rule} not in {found:?}"
        );
    }
    let text = err.to_string();
    assert!(
        text.starts_with("invalid billing-mode comparison: "),
        "{text}"
    );
    let zh =
        ComparisonInput::read_in(bad, Default::default(), Language::Chinese, None).unwrap_err();
    assert!(zh.to_string().starts_with("计费模式比较无效："), "{zh}");
    assert!(zh.to_string().contains("31 天"), "{zh}");
    let none = ComparisonInput::from_json(r#"{"project_id": "p", "products": [], "periods": []}"#)
        .unwrap_err();
    let paths: Vec<&str> = none.violations.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["products", "periods"]);
    let not_json = ComparisonInput::from_json("[").unwrap_err();
    assert_eq!(
        not_json.violations.iter().next().unwrap().rule.code(),
        "json"
    );
}

fn priced(cell: &Cell) -> &Priced {
    match cell {
        Cell::Priced(p) => p,
        Cell::Failed(f) => panic!("not priced: {f:?}"),
    }
}

fn on_demand(lines: &[(&str, &str, &str)]) -> Quote {
    let results: Vec<String> = lines
        .iter()
        .map(|(id, list, fin)| {
            format!(r#"{{"id": "{id}", "official_website_amount": "{list}", "amount": "{fin}"}}"#)
        })
        .collect();
    let text = format!(
        r#"{{"currency": "USD", "product_rating_results": [{}]}}"#,
        results.join(",")
    );
    Quote::from_response(InquiryKind::OnDemand, &text, Site::International).unwrap()
}

fn period(lines: &[(&str, &str, &str)]) -> Quote {
    let listed: Vec<String> = lines
        .iter()
        .map(|(id, list, _)| format!(r#"{{"id": "{id}", "official_website_amount": "{list}"}}"#))
        .collect();
    let offered: Vec<String> = lines
        .iter()
        .map(|(id, list, fin)| {
            let discount = d(list) - d(fin);
            format!(r#"{{"id": "{id}", "amount": "{fin}", "discount_amount": "{discount}"}}"#)
        })
        .collect();
    let text = format!(
        r#"{{"currency": "USD", "official_website_rating_result": {{"product_rating_results": [{}]}},
        "optional_discount_rating_results": [{{"discount_id": "d1", "discount_type": 0, "best_offer": 1,
        "product_rating_results": [{}]}}]}}"#,
        listed.join(","),
        offered.join(",")
    );
    Quote::from_response(InquiryKind::Period, &text, Site::International).unwrap()
}

#[test]
fn modes_compared_per_product_and_in_total() {
    let input = ComparisonInput::from_json(INPUT).unwrap();
    // A year of the vm pay-per-use: 8760 h at 0.1 = 876; the disk: 8760 h × 2 at 0.001 = 17.52.
    let ppu = on_demand(&[("vm", "876", "876"), ("disk", "17.52", "17.52")]);
    let mut month = period(&[("vm", "60", "50")]);
    month.failures.push(NotPriced {
        id: "disk".into(),
        code: "CBC.99003651".into(),
        message: "not sold monthly".into(),
    });
    let year = period(&[("vm", "600", "540"), ("disk", "12", "12")]);
    let c = Comparison::of(
        &input,
        Ok(ppu),
        vec![Ok(month), Ok(year)],
        Language::English,
    );
    assert_eq!(c.currency, "USD");
    assert_eq!(c.modes.len(), 3);
    let vm = &c.products[0];
    let ppu_vm = priced(&vm.cells[0]);
    assert_eq!(ppu_vm.per_month.amounts.final_price, Some(d("73")));
    assert!(ppu_vm.per_month.exact());
    let month_vm = priced(&vm.cells[1]);
    assert_eq!(month_vm.per_month.amounts.final_price, Some(d("50")));
    assert_eq!(month_vm.per_month.amounts.discount, Some(d("10")));
    let saving = month_vm.saving.as_ref().unwrap();
    assert_eq!(
        (saving.per_month, saving.percent),
        (d("23"), Some(d("31.51")))
    );
    // 0.1 an hour: 50 a month pays off above 500 hours.
    let be = month_vm.break_even.as_ref().unwrap();
    assert_eq!(
        (be.hours_per_month, be.exact, be.within_month),
        (d("500"), true, true)
    );
    let year_vm = priced(&vm.cells[2]);
    assert_eq!(year_vm.per_month.amounts.final_price, Some(d("45")));
    assert_eq!(
        year_vm.break_even.as_ref().unwrap().hours_per_month,
        d("450")
    );
    assert_eq!(vm.cheapest, Some(2));
    // The disk: not sold monthly; a year at 12 costs less than a year of use at 17.52.
    let disk = &c.products[1];
    assert!(matches!(&disk.cells[1], Cell::Failed(f) if f.code == "CBC.99003651"));
    let year_disk = priced(&disk.cells[2]);
    let be = year_disk.break_even.as_ref().unwrap();
    assert_eq!(be.hours_per_month, d("500"));
    assert!(be.within_month);
    // Totals: only the vm is priced in every mode.
    assert_eq!(c.totals.included, ["vm"]);
    assert_eq!(c.totals.left_out, ["disk"]);
    let year_total = c.totals.cells[2].as_ref().unwrap();
    assert_eq!(year_total.whole.final_price, Some(d("540")));
    assert_eq!(c.totals.cheapest, Some(2));
}

#[test]
fn a_whole_mode_failing_or_in_another_currency_keeps_the_rows() {
    let input = ComparisonInput::from_json(INPUT).unwrap();
    let ppu = on_demand(&[("vm", "876", "876"), ("disk", "17.52", "17.52")]);
    let mut year = period(&[("vm", "600", "540"), ("disk", "12", "12")]);
    year.currency = "CNY".into();
    let failed = Failure {
        code: "CBC.0151".into(),
        message: "denied".into(),
    };
    let c = Comparison::of(
        &input,
        Ok(ppu),
        vec![Err(failed), Ok(year)],
        Language::English,
    );
    assert!(matches!(&c.products[0].cells[1], Cell::Failed(f) if f.code == "CBC.0151"));
    assert!(matches!(&c.products[1].cells[2], Cell::Failed(f) if f.code == "OTHER_CURRENCY"));
    assert!(c.totals.included.is_empty());
    assert_eq!(c.totals.cells, vec![None, None, None]);
    assert_eq!(c.products[0].cheapest, Some(0));
}

#[test]
fn quotients_that_do_not_terminate_are_rounded_and_marked() {
    let input = ComparisonInput::from_json(INPUT).unwrap();
    let ppu = on_demand(&[("vm", "1000", "1000"), ("disk", "1", "1")]);
    let month = period(&[("vm", "70", "70"), ("disk", "1", "1")]);
    let year = period(&[("vm", "700", "700"), ("disk", "1", "1")]);
    let c = Comparison::of(
        &input,
        Ok(ppu),
        vec![Ok(month), Ok(year)],
        Language::English,
    );
    let ppu_vm = priced(&c.products[0].cells[0]);
    // 1000 × 730 / 8760 = 83.333…
    assert_eq!(
        ppu_vm.per_month.amounts.final_price,
        Some(d("83.3333333333"))
    );
    assert!(!ppu_vm.per_month.exact());
    let year_vm = priced(&c.products[0].cells[2]);
    // 700 / 12 = 58.333…, but its discount 0 / 12 is exact: each amount is marked on its own.
    assert!(!year_vm.per_month.exact());
    assert_eq!(
        year_vm.per_month.rounded,
        Rounded {
            list: true,
            discount: false,
            final_price: true
        }
    );
    assert!(!year_vm.saving.as_ref().unwrap().exact);
    // 700 × 730 × 8760 / (8760 × 1000) = 511 exactly.
    let be = year_vm.break_even.as_ref().unwrap();
    assert_eq!((be.hours_per_month, be.exact), (d("511"), true));
}

/// The property runs natively only (proptest's random source does not build for wasm32-unknown-unknown).
#[cfg(not(target_arch = "wasm32"))]
mod property {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use crate::comparison::compare::break_even;
    use crate::money::QUOTIENT_DIGITS;

    proptest! {
        /// The break-even hours priced pay-per-use cost the subscription's monthly price, within the rounding of
        /// 12 significant digits.
        #[test]
        fn break_even_hours_cost_the_subscription(
            ppu_cents in 1i64..10_000_000,
            sub_cents in 0i64..10_000_000,
            months in 1i64..36,
            hpm in 1i64..=744,
        ) {
            let ppu_final = Decimal::new(ppu_cents, 2);
            let sub_final = Decimal::new(sub_cents, 2);
            let hpm = Decimal::from(hpm);
            let ppu_hours = hpm * Decimal::from(36);
            let sub_hours = hpm * Decimal::from(months);
            let be = break_even(ppu_final, ppu_hours, sub_final, sub_hours, hpm).unwrap();
            // be × (ppu_final / ppu_hours) = sub_final × hpm / sub_hours, multiplied out so no division rounds.
            let left = be.hours_per_month * ppu_final * sub_hours;
            let right = sub_final * hpm * ppu_hours;
            if be.exact {
                prop_assert_eq!(left, right);
            } else {
                let bound = right * Decimal::new(1, QUOTIENT_DIGITS - 1);
                prop_assert!((left - right).abs() <= bound, "{} vs {}", left, right);
            }
            prop_assert_eq!(be.within_month, be.hours_per_month <= hpm);
        }
    }
}
