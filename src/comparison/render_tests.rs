use super::render::{csv, html, json, text};
use super::*;
use crate::kind::InquiryKind;
use crate::language::Language;
use crate::quote::{NotPriced, Quote};
use crate::site::Site;

const INPUT: &str = r#"{"project_id": "p1", "products": [
    {"id": "vm", "cloud_service_type": "s", "resource_type": "t", "resource_spec": "x", "region": "r",
     "subscription_num": 1},
    {"id": "=disk", "cloud_service_type": "s", "resource_type": "t", "resource_spec": "y", "region": "r",
     "subscription_num": 1}]}"#;

fn comparison(language: Language) -> Comparison {
    let input = ComparisonInput::from_json(INPUT).unwrap();
    let ppu = Quote::from_response(
        InquiryKind::OnDemand,
        r#"{"currency": "USD", "product_rating_results": [
            {"id": "vm", "official_website_amount": "876", "amount": "876"},
            {"id": "=disk", "official_website_amount": "10", "amount": "10"}]}"#,
        Site::International,
    )
    .unwrap();
    let period = |list: &str, offer: &str| {
        Quote::from_response(
            InquiryKind::Period,
            &format!(
                r#"{{"currency": "USD", "official_website_rating_result": {{"product_rating_results": [{list}]}},
                "optional_discount_rating_results": [{{"discount_id": "d", "discount_type": 0, "best_offer": 1,
                "product_rating_results": [{offer}]}}]}}"#
            ),
            Site::International,
        )
        .unwrap()
    };
    let mut month = period(
        r#"{"id": "vm", "official_website_amount": "60"}"#,
        r#"{"id": "vm", "amount": "50", "discount_amount": "10"}"#,
    );
    month.failures.push(NotPriced {
        id: "=disk".into(),
        code: "CBC.99003651".into(),
        message: "not sold monthly".into(),
    });
    let year = period(
        r#"{"id": "vm", "official_website_amount": "600"}, {"id": "=disk", "official_website_amount": "12"}"#,
        r#"{"id": "vm", "amount": "540", "discount_amount": "60"}, {"id": "=disk", "amount": "12", "discount_amount": "0"}"#,
    );
    Comparison::of(&input, Ok(ppu), vec![Ok(month), Ok(year)], language)
}

#[test]
fn text_in_english() {
    let expected = "\
Product vm
Mode         Final (whole period)  List / month  Discount / month  Final / month  Saving / month  Saving %  Break-even h / month  Cheapest
pay-per-use               $876.00        $73.00                 —         $73.00
1 month                    $50.00        $60.00            $10.00         $50.00          $23.00    31.51%                   500
1 year                    $540.00        $50.00             $5.00         $45.00          $28.00    38.36%                   450  cheapest

Product =disk
Mode         Final (whole period)      List / month  Discount / month     Final / month     Saving / month  Saving %            Break-even h / month  Cheapest
pay-per-use                $10.00  ≈$0.833333333333                 —  ≈$0.833333333333                                                               cheapest
1 month      not priced (not sold monthly)
1 year                     $12.00             $1.00             $0.00             $1.00  ≈-$0.166666666667      -20%  876 (above the 730 h compared)

Total
Mode         Final (whole period)  List / month  Discount / month  Final / month  Saving / month  Saving %  Break-even h / month  Cheapest
pay-per-use               $876.00        $73.00                 —         $73.00
1 month                    $50.00        $60.00            $10.00         $50.00          $23.00    31.51%                   500
1 year                    $540.00        $50.00             $5.00         $45.00          $28.00    38.36%                   450  cheapest

";
    let out = text(&comparison(Language::English));
    assert_eq!(
        out.split("Pay-per-use is priced").next().unwrap(),
        expected,
        "{out}"
    );
    assert!(out.contains("Totals include the products every mode priced: vm. Left out: =disk."));
    assert!(out.contains("1 year: optional discount"), "{out}");
}

#[test]
fn every_output_in_chinese_and_english() {
    let zh = comparison(Language::Chinese);
    assert!(text(&zh).contains("最便宜"));
    assert!(text(&zh).contains("1 年"));
    assert!(
        text(&zh).contains("  876 (超出所比较的 730 小时)\n"),
        "{}",
        text(&zh)
    );
    assert!(html(&zh).contains("<caption><bdi>产品 vm</bdi></caption>"));
    // Chinese sentences follow each other with no space; the assumptions say hours of use, not a month's length.
    assert!(text(&zh).contains("vm。未计入：=disk。"), "{}", text(&zh));
    assert!(
        text(&zh).contains("最长周期，每月使用 730 小时。"),
        "{}",
        text(&zh)
    );
    let en = comparison(Language::English);
    let h = html(&en);
    assert!(
        h.contains("<tr class=\"hwc-cheapest\"><th scope=\"row\">1 year</th>"),
        "{h}"
    );
    assert!(
        h.contains("<tr class=\"hwc-failed\"><th scope=\"row\">1 month</th><td colspan=\"8\""),
        "{h}"
    );
    let c = csv(&en);
    assert!(c.starts_with("\u{feff}record,id,mode,"), "{c}");
    assert!(
        c.contains(
            "\r\nproduct,'=disk,subscription,2,1,USD,,,,,,,,,,,,CBC.99003651: not sold monthly\r\n"
        ),
        "{c}"
    );
    assert!(
        c.contains(
            "\r\nproduct,vm,subscription,3,1,USD,600,60,540,50,5,45,true,,28,38.36,450,cheapest\r\n"
        ),
        "{c}"
    );
    assert!(
        c.contains(
            "\r\ntotal,,subscription,3,1,USD,600,60,540,50,5,45,true,,28,38.36,450,cheapest\r\n"
        ),
        "{c}"
    );
    let doc: serde_json::Value = serde_json::from_str(&json(&en)).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["modes"][2]["period"]["period_type"], 3);
    assert_eq!(
        doc["products"][0]["cells"][2]["breakEven"]["hoursPerMonth"],
        "450"
    );
    assert_eq!(doc["products"][1]["cells"][0]["perMonth"]["exact"], false);
    assert_eq!(doc["products"][1]["cells"][1]["code"], "CBC.99003651");
    assert_eq!(doc["totals"]["leftOut"][0], "=disk");
    assert_eq!(doc["totals"]["cheapest"], 2);
}

/// One product whose monthly amounts are partly exact: pay-per-use's list and discount per month are rounded and
/// its final is not; the year's list is exact and its discount and final are not.
fn partly_exact() -> Comparison {
    let input = ComparisonInput::from_json(
        r#"{"project_id": "p1", "products": [{"id": "vm", "cloud_service_type": "s", "resource_type": "t",
        "resource_spec": "x", "region": "r", "subscription_num": 1}]}"#,
    )
    .unwrap();
    let ppu = Quote::from_response(
        InquiryKind::OnDemand,
        r#"{"currency": "USD", "product_rating_results": [
            {"id": "vm", "official_website_amount": "1000", "discount_amount": "124", "amount": "876"}]}"#,
        Site::International,
    )
    .unwrap();
    let period = |list: &str, discount: &str, fin: &str| {
        Quote::from_response(
            InquiryKind::Period,
            &format!(
                r#"{{"currency": "USD", "official_website_rating_result": {{"product_rating_results": [
                {{"id": "vm", "official_website_amount": "{list}"}}]}},
                "optional_discount_rating_results": [{{"discount_id": "d", "discount_type": 0, "best_offer": 1,
                "product_rating_results": [{{"id": "vm", "amount": "{fin}", "discount_amount": "{discount}"}}]}}]}}"#
            ),
            Site::International,
        )
        .unwrap()
    };
    let month = period("60", "10", "50");
    let year = period("657.63", "78.92", "578.71");
    Comparison::of(
        &input,
        Ok(ppu),
        vec![Ok(month), Ok(year)],
        Language::English,
    )
}

#[test]
fn each_amount_is_marked_by_its_own_exactness() {
    let c = partly_exact();
    // 1000 and 124 × 730 / 8760 do not terminate, 876 × 730 / 8760 = 73 does; 657.63 / 12 = 54.8025 does,
    // 78.92 / 12 and 578.71 / 12 do not. The month's saving subtracts two exact finals: exact; the year's is not.
    let expected = "\
Product vm
Mode         Final (whole period)     List / month  Discount / month    Final / month   Saving / month  Saving %  Break-even h / month  Cheapest
pay-per-use               $876.00  ≈$83.3333333333   ≈$10.3333333333           $73.00
1 month                    $50.00           $60.00            $10.00           $50.00           $23.00    31.51%                   500
1 year                    $578.71         $54.8025   ≈$6.57666666667  ≈$48.2258333333  ≈$24.7741666667    33.94%        ≈482.258333333  cheapest

";
    let out = text(&c);
    assert!(out.starts_with(expected), "{out}");
    let h = html(&c);
    let cells = |values: &[&str]| {
        values
            .iter()
            .map(|v| format!("<td class=\"hwc-amount\">{v}</td>"))
            .collect::<String>()
    };
    assert!(
        h.contains(&format!(
            "<th scope=\"row\">pay-per-use</th>{}",
            cells(&[
                "$876.00",
                "≈$83.3333333333",
                "≈$10.3333333333",
                "$73.00",
                ""
            ])
        )),
        "{h}"
    );
    assert!(
        h.contains(&format!(
            "<th scope=\"row\">1 month</th>{}",
            cells(&["$50.00", "$60.00", "$10.00", "$50.00", "$23.00", "31.51%", "500"])
        )),
        "{h}"
    );
    assert!(
        h.contains(&format!(
            "<th scope=\"row\">1 year</th>{}",
            cells(&[
                "$578.71",
                "$54.8025",
                "≈$6.57666666667",
                "≈$48.2258333333",
                "≈$24.7741666667",
                "33.94%",
                "≈482.258333333",
                "cheapest"
            ])
        )),
        "{h}"
    );
    let rows: Vec<String> = csv(&c).split("\r\n").map(str::to_owned).collect();
    assert_eq!(
        rows[1..4],
        [
            "product,vm,pay-per-use,,,USD,1000,124,876,83.3333333333,10.3333333333,73,false,\
             list_per_month discount_per_month,,,,",
            "product,vm,subscription,2,1,USD,60,10,50,60,10,50,true,,23,31.51,500,",
            "product,vm,subscription,3,1,USD,657.63,78.92,578.71,54.8025,6.57666666667,48.2258333333,false,\
             discount_per_month final_per_month saving_per_month break_even_hours_per_month,\
             24.7741666667,33.94,482.258333333,cheapest",
        ],
        "{rows:?}"
    );
    let doc: serde_json::Value = serde_json::from_str(&json(&c)).unwrap();
    let cell = &doc["products"][0]["cells"];
    assert_eq!(
        cell[0]["perMonth"],
        serde_json::json!({"list": "83.3333333333", "discount": "10.3333333333", "final": "73",
            "exact": false, "rounded": ["list", "discount"]})
    );
    assert_eq!(cell[1]["perMonth"]["rounded"], serde_json::json!([]));
    assert_eq!(cell[1]["perMonth"]["exact"], true);
    assert_eq!(
        cell[1]["saving"],
        serde_json::json!({"perMonth": "23", "percent": "31.51", "exact": true})
    );
    assert_eq!(
        cell[2]["perMonth"],
        serde_json::json!({"list": "54.8025", "discount": "6.57666666667", "final": "48.2258333333",
            "exact": false, "rounded": ["discount", "final"]})
    );
    assert_eq!(cell[2]["saving"]["exact"], false);
    assert_eq!(
        doc["totals"]["cells"][0]["perMonth"]["rounded"],
        serde_json::json!(["list", "discount"])
    );
}
