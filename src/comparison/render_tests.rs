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
Mode         Final (whole period)      List / month  Discount / month     Final / month     Saving / month  Saving %  Break-even h / month  Cheapest
pay-per-use                $10.00  ≈$0.833333333333                 —  ≈$0.833333333333                                                     cheapest
1 month      not priced (not sold monthly)
1 year                     $12.00             $1.00             $0.00             $1.00  ≈-$0.166666666667      -20%  876 (past the month)

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
    assert!(html(&zh).contains("<caption><bdi>产品 vm</bdi></caption>"));
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
            "\r\nproduct,'=disk,subscription,2,1,USD,,,,,,,,,,,CBC.99003651: not sold monthly\r\n"
        ),
        "{c}"
    );
    assert!(
        c.contains(
            "\r\nproduct,vm,subscription,3,1,USD,600,60,540,50,5,45,true,28,38.36,450,cheapest\r\n"
        ),
        "{c}"
    );
    assert!(
        c.contains(
            "\r\ntotal,,subscription,3,1,USD,600,60,540,50,5,45,true,28,38.36,450,cheapest\r\n"
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
