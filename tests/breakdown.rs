//! Breakdowns of realistic answers, and each output (text, HTML, CSV, JSON) with exact expected text.

// Test code: a failed unwrap or panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use hwc_price::breakdown::{csv, html, text, Breakdown, BreakdownOptions};
use hwc_price::language::Language;
use hwc_price::quote::asked;
use hwc_price::quote::Quote;
use hwc_price::site::Site;
use hwc_price::{InquiryKind, OnDemandInquiry, RenewalInquiry};

mod common;
use common::quote;

fn fixture(path: &str) -> String {
    common::fixture(path).unwrap()
}

fn english() -> BreakdownOptions {
    BreakdownOptions::new(Language::English)
}

fn codes(b: &Breakdown) -> Vec<&str> {
    b.warnings.iter().map(|w| w.code).collect()
}

#[test]
fn the_reference_example_in_every_output() {
    let answer = fixture("responses/on-demand-4.2.1.json");
    let mut quote =
        Quote::from_response(InquiryKind::OnDemand, &answer, Site::International).unwrap();
    quote.asked = asked::on_demand(
        &OnDemandInquiry::batch_from_json(&fixture("requests/on-demand-4.2.1.json")).unwrap(),
    );
    let b = Breakdown::of(&quote, &english());
    assert_eq!(
        text::render(&b),
        "\
Pay-per-use price (USD)
Item                                    Covers       List price  Discount  Share  Final price
1 (c3.3xlarge.2.linux, ap-southeast-1)  1 × 2 hours       $5.48     $0.00     0%        $5.48
2 (SSD, ap-southeast-1, 10 GB)          1 × 2 hours      $0.028     $0.00     0%       $0.028
3 (5_bgp, ap-southeast-1)               1 × 3 hours       $0.06     $0.00     0%        $0.06
4 (12_sbgp, ap-southeast-1, 1 Mbit/s)   1 × 4 GB          $2.56     $0.00     0%        $2.56
Total                                                    $8.128     $0.00     0%       $8.128
"
    );
    assert_eq!(
        csv::render(&b),
        "\u{FEFF}record,id,product_id,description,covers,discount_type,discount_name,best_offer,currency,list_price,discount,final_price,note\r\n\
line,1,00301-243025-0--0_merge,\"c3.3xlarge.2.linux, ap-southeast-1\",1 × 2 hours,,,,USD,5.48,0.0,5.48,\r\n\
line,2,00301-290407774-0--1,\"SSD, ap-southeast-1, 10 GB\",1 × 2 hours,,,,USD,0.028,0.0,0.028,\r\n\
line,3,00301-238601-0--0_merge,\"5_bgp, ap-southeast-1\",1 × 3 hours,,,,USD,0.06,0.0,0.06,\r\n\
line,4,00301-290407706-0--1,\"12_sbgp, ap-southeast-1, 1 Mbit/s\",1 × 4 GB,,,,USD,2.56,0.0,2.56,\r\n\
total,,,,,,,,USD,8.128,0.0,8.128,\r\n"
    );
    let html = html::render(&b);
    assert!(html.starts_with("<table class=\"hwc-breakdown hwc-on-demand\">\n<caption>Pay-per-use price (USD)</caption>\n<thead><tr><th scope=\"col\">Item</th>"));
    assert!(html.contains("<tfoot><tr class=\"hwc-total\"><th scope=\"row\" colspan=\"2\">Total</th><td class=\"hwc-amount hwc-list\" data-value=\"8.128\">$8.128</td>"));
    assert_eq!(html.matches("<tr class=\"hwc-line\">").count(), 4);
    let json: serde_json::Value = serde_json::from_str(&b.to_json()).unwrap();
    assert_eq!(json["format"], "hwc-price.breakdown");
    assert_eq!(json["version"], 2);
    assert_eq!(
        json["totals"],
        serde_json::json!({"list": "8.128", "discount": "0.0", "final": "8.128"})
    );
    assert_eq!(json["lines"][1]["covers"], "1 × 2 hours");
    assert_eq!(
        json["lines"][1]["asked"],
        serde_json::json!({"cloudServiceType": "hws.service.type.ebs", "resourceType": "hws.resource.type.volume",
            "resourceSpec": "SSD", "region": "ap-southeast-1", "size": "10 GB", "quantity": 1, "usage": "2 hours", "period": null})
    );
    assert!(b.warnings.is_empty(), "{:?}", b.warnings);
}

#[test]
fn several_discounts_on_a_line_unknown_types_tiny_amounts_and_projections() {
    let quote = quote(
        InquiryKind::OnDemand,
        "on-demand-discounts",
        Site::International,
    );
    let mut options = english();
    options.projections = true;
    let b = Breakdown::of(&quote, &options);
    assert_eq!(
        text::render(&b),
        "\
Pay-per-use price (USD)
Item                                   Covers          List price  Discount   Share    Final price
vm (c6.large.2.linux, ap-southeast-1)  1 × 3 hours          $1.50     $0.50  33.33%          $1.00
  - Contract commercial discount (Huawei Cloud): Contract 2026        $0.30
  - Partner authorized discount: Partner                              $0.15
  - Discount type 999                                                 $0.05
tiny (SAS, ap-southeast-1, 1 GB)       2 × 1 day    $0.0000000001     $0.00      0%  $0.0000000001
Total                                               $1.5000000001     $0.50  33.33%  $1.0000000001

Projections (not prices)
                          Per hour                 Per month          Per year
vm                ≈$0.333333333333           ≈$243.333333333        ≈$2,920.00
tiny   ≈$0.00000000000208333333333  ≈$0.00000000152083333333   ≈$0.00000001825
Total             ≈$0.333333333335           ≈$243.333333335  ≈$2,920.00000002
Projections, not prices: the final price per hour of use, times 730 hours a month and 12 months a year; lines not measured in time are not projected.
"
    );
    let vm = &b.lines[0];
    assert_eq!(
        vm.discounts.iter().map(|d| d.type_code).collect::<Vec<_>>(),
        [Some(605), Some(607), Some(999)]
    );
    assert_eq!(vm.discount_percent.unwrap().to_string(), "33.33");
    let exact = quote.clone();
    let mut whole_hours = BreakdownOptions::new(Language::English);
    whole_hours.hours_per_month = "720".parse().unwrap();
    whole_hours.projections = true;
    let p = Breakdown::of(&exact, &whole_hours).lines[1]
        .projection
        .clone()
        .unwrap();
    assert_eq!(p.per_month.to_string(), "0.0000000015");
    assert!(
        !Breakdown::of(&exact, &english())
            .to_json()
            .contains("perHour"),
        "no projections unless asked"
    );
    assert!(b.warnings.is_empty(), "{:?}", b.warnings);
}

#[test]
fn optional_discounts_side_by_side_with_the_best_offer_and_a_defaulted_currency() {
    let quote = quote(InquiryKind::Period, "period-options", Site::International);
    let b = Breakdown::of(&quote, &english());
    assert_eq!(
        text::render(&b),
        "\
Yearly/monthly price (USD)
Item                                   Covers         List price  Discount  Share  Final price
vm (c6.large.2.linux, ap-southeast-1)  1 × 1 year      $1,000.00   $120.00    12%      $880.00
  - Partner authorized discount: Partner                           $120.00
disk (SSD, ap-southeast-1, 100 GB)     2 × 12 months     $200.00    $24.00    12%      $176.00
  - Partner authorized discount: Partner                            $24.00
Total                                                  $1,200.00   $144.00    12%    $1,056.00

Optional discounts
                                                       List price       Discount  Share        Final price
Contract commercial discount (Huawei Cloud): Contract   $1,200.00        $120.00    10%          $1,080.00
Partner authorized discount: Partner [best offer]       $1,200.00        $144.00    12%          $1,056.00
Discount type 700: Promotion                            $1,200.00  $0.0000000001     0%  $1,199.9999999999

Notes
- The answer names no currency; amounts are taken to be in USD, the site's currency.
"
    );
    assert_eq!(codes(&b), ["currency_defaulted"]);
    assert!(!b.list_price_only);
    let csv = csv::render(&b);
    assert!(csv.contains("\r\noption,p-1,,,,607,Partner authorized discount: Partner,true,USD,1200,144.00,1056.00,\r\n"), "{csv}");
    assert!(
        csv.contains(
            "\r\ndiscount,disk,evs-1,,,607,Partner authorized discount: Partner,,USD,,24,,\r\n"
        ),
        "{csv}"
    );
    let html = html::render(&b);
    assert!(html.contains("<tr class=\"hwc-option hwc-best\" data-type=\"607\"><th scope=\"row\">Partner authorized discount: <bdi>Partner</bdi> <strong class=\"hwc-best-mark\">best offer</strong></th>"), "{html}");
}

#[test]
fn list_prices_only_are_said_so() {
    let answer = r#"{"official_website_rating_result": {"official_website_amount": 99.5, "product_rating_results": [
        {"id": "a", "official_website_amount": 99.5}]}, "optional_discount_rating_results": [], "currency": "EUR"}"#;
    let quote = Quote::from_response(InquiryKind::Period, answer, Site::International).unwrap();
    let b = Breakdown::of(&quote, &english());
    assert!(b.list_price_only);
    assert_eq!(codes(&b), ["list_price_only"]);
    assert_eq!(
        text::render(&b),
        "\
Yearly/monthly price (EUR)
Item   Covers  List price  Discount  Share        Final price
a                  €99.50         —                         —
Total              €99.50         —         (list price only)

Notes
- List prices only: the answer carries no discount results. Discounts may still apply; seeing them needs the bs:discount:view permission.
"
    );
    assert!(csv::render(&b).ends_with("total,,,,,,,,EUR,99.5,,,list price only\r\n"));
    assert_eq!(
        html::render(&b),
        "\
<table class=\"hwc-breakdown hwc-period\">
<caption>Yearly/monthly price (EUR)</caption>
<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Covers</th><th scope=\"col\" class=\"hwc-amount\">List price</th><th scope=\"col\" class=\"hwc-amount\">Discount</th><th scope=\"col\" class=\"hwc-share\">Share</th><th scope=\"col\" class=\"hwc-amount\">Final price</th></tr></thead>
<tbody>
<tr class=\"hwc-line\"><th scope=\"row\"><bdi>a</bdi></th><td class=\"hwc-covers\"></td><td class=\"hwc-amount hwc-list\" data-value=\"99.5\">€99.50</td><td class=\"hwc-amount hwc-discount hwc-missing\">—</td><td class=\"hwc-share\"></td><td class=\"hwc-amount hwc-final hwc-missing\">—</td></tr>
</tbody>
<tfoot><tr class=\"hwc-total\"><th scope=\"row\" colspan=\"2\">Total</th><td class=\"hwc-amount hwc-list\" data-value=\"99.5\">€99.50</td><td class=\"hwc-amount hwc-discount hwc-missing\">—</td><td class=\"hwc-share\"></td><td class=\"hwc-amount hwc-final hwc-list-only\">list price only</td></tr></tfoot>
</table>
<h3 class=\"hwc-heading\">Notes</h3>
<ul class=\"hwc-warnings\">
<li data-code=\"list_price_only\">List prices only: the answer carries no discount results. Discounts may still apply; seeing them needs the bs:discount:view permission.</li>
</ul>
"
    );
    assert_eq!(
        b.to_json(),
        r#"{"format":"hwc-price.breakdown","version":2,"kind":"period","currency":"EUR","language":"en_US","totals":{"list":"99.5","discount":null,"final":null},"discountPercent":null,"listPriceOnly":true,"lines":[{"id":"a","productId":null,"description":null,"covers":null,"asked":null,"list":"99.5","discount":null,"final":null,"discountPercent":null,"discounts":[],"projection":null}],"options":[],"failures":[],"warnings":[{"code":"list_price_only","message":"List prices only: the answer carries no discount results. Discounts may still apply; seeing them needs the bs:discount:view permission."}],"projections":null}"#
    );
}

#[test]
fn a_cny_renewal_in_chinese_with_string_amounts_and_failures() {
    let mut quote = quote(InquiryKind::Renewal, "renewal-cny", Site::China);
    quote.language = Language::Chinese;
    let b = Breakdown::of(&quote, &BreakdownOptions::new(Language::Chinese));
    assert_eq!(
        text::render(&b),
        "\
续费价格 (CNY)
项目  计费范围       目录价  折扣  折扣率    最终价格
r-1   3个月         ¥800.00     —                   —
r-2   3个月       ¥0.000001     —                   —
合计            ¥800.000001     —          (仅目录价)

询价失败
- r-3: CBC.30050009 The resources have expired and been deleted.

注意
- 仅有目录价：应答中没有折扣结果。折扣仍可能适用；查看折扣需要 bs:discount:view 权限。
"
    );
    let json: serde_json::Value = serde_json::from_str(&b.to_json()).unwrap();
    assert_eq!(json["lines"][0]["list"], "800.0");
    assert_eq!(json["totals"]["list"], "800.000001");
    assert_eq!(json["failures"][0]["code"], "CBC.30050009");
    assert!(csv::render(&b).contains("\r\nfailure,r-3,,,,,,,CNY,,,,CBC.30050009: The resources have expired and been deleted.\r\n"));
}

#[test]
fn lines_that_do_not_add_up_are_reported_never_fixed() {
    let quote = quote(InquiryKind::OnDemand, "on-demand-mismatch", Site::China);
    let b = Breakdown::of(&quote, &english());
    assert_eq!(
        b.totals.list.unwrap().to_string(),
        "10",
        "the total as sent"
    );
    assert_eq!(
        codes(&b),
        [
            "currency_defaulted",
            "lines_do_not_add_up",
            "lines_do_not_add_up"
        ]
    );
    assert_eq!(
        b.warnings[1].message,
        "The lines' list prices add up to 9, but the answer's total is 10; both are shown as the service sent them."
    );
    assert_eq!(b.currency, "CNY");
}

#[test]
fn hostile_strings_are_safe_in_every_output() {
    let quote = quote(InquiryKind::OnDemand, "hostile", Site::International);
    let b = Breakdown::of(&quote, &english());

    let text = text::render(&b);
    assert!(
        text.contains("<script>alert(1)</script>"),
        "text shows the id as it is"
    );
    assert!(
        text.contains("Line1<U+000A>Line2, \"quoted\" <U+202E>gnp.exe & <b>bold</b> 'x'"),
        "{text}"
    );
    assert!(!text.contains('\u{202E}'));
    assert_eq!(
        text.lines().count(),
        5,
        "no line break from the server breaks the table:\n{text}"
    );

    let html = html::render(&b);
    assert!(
        !html.contains("<script>") && !html.contains("<b>"),
        "{html}"
    );
    assert!(html.contains("<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>"));
    assert!(html.contains("<bdi>Line1\nLine2, &quot;quoted&quot; \u{202E}gnp.exe &amp; &lt;b&gt;bold&lt;/b&gt; &#39;x&#39;</bdi>"), "{html}");

    let csv = csv::render(&b);
    assert!(csv.contains("\r\nline,<script>alert(1)</script>,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,,,,,USD,1.5,0.5,1,\r\n"), "{csv}");
    assert!(csv.contains(",605,\"Contract commercial discount (Huawei Cloud): Line1\nLine2, \"\"quoted\"\" \u{202E}gnp.exe & <b>bold</b> 'x'\",,USD,,0.5,,\r\n"), "{csv}");

    let json: serde_json::Value = serde_json::from_str(&b.to_json()).unwrap();
    assert_eq!(json["lines"][0]["id"], "<script>alert(1)</script>");
    assert_eq!(
        json["lines"][0]["discounts"][0]["name"],
        "Line1\nLine2, \"quoted\" \u{202E}gnp.exe & <b>bold</b> 'x'"
    );
}

#[test]
fn items_without_a_price_are_named() {
    let mut quote = quote(InquiryKind::Renewal, "renewal-cny", Site::China);
    quote.asked.extend(asked::renewal(
        &RenewalInquiry::batch_from_json(
            r#"{"resource_ids": ["r-9"], "period_type": 3, "period_num": 1}"#,
        )
        .unwrap(),
    ));
    let b = Breakdown::of(&quote, &english());
    assert_eq!(codes(&b), ["no_price", "list_price_only"]);
    let asked = b.lines[0].asked.clone().unwrap();
    assert_eq!(
        (asked.period.as_deref(), asked.usage, asked.region),
        (Some("3 months"), None, None)
    );
    assert_eq!(
        b.warnings[0].message,
        "The answer has no price for \"r-9\"."
    );
}

/// A pay-per-use answer in US dollars with lines `(id, amount)` and the total `total`.
fn on_demand_answer(lines: &[(&str, &str)], total: &str) -> Quote {
    let lines: Vec<String> = lines
        .iter()
        .map(|(id, amount)| {
            format!(r#"{{"id":"{id}","amount":{amount},"discount_amount":0,"official_website_amount":{amount},"measure_id":1}}"#)
        })
        .collect();
    let answer = format!(
        r#"{{"currency":"USD","amount":{total},"discount_amount":0,"official_website_amount":{total},"measure_id":1,"product_rating_results":[{}]}}"#,
        lines.join(",")
    );
    Quote::from_response(InquiryKind::OnDemand, &answer, Site::International).unwrap()
}

#[test]
fn an_item_priced_twice_is_shown_once_and_named() {
    let quote = on_demand_answer(&[("p1", "1"), ("p2", "2"), ("p1", "1"), ("p1", "1")], "5");
    let b = Breakdown::of(&quote, &english());
    let ids: Vec<_> = b.lines.iter().map(|l| l.id.as_deref().unwrap()).collect();
    assert_eq!(ids, ["p1", "p2"]);
    assert_eq!(
        codes(&b),
        [
            "repeated_line",
            "lines_do_not_add_up",
            "lines_do_not_add_up"
        ]
    );
    assert_eq!(
        b.warnings[0].message,
        "The answer prices \"p1\" more than once; only the first line of each is shown."
    );
}

#[test]
fn lines_the_inquiry_did_not_ask_for_are_named() {
    let mut quote = on_demand_answer(&[("p1", "1"), ("zz", "2")], "3");
    quote.asked = asked::on_demand(
        &OnDemandInquiry::batch_from_json(&fixture("requests/on-demand-4.2.1.json")).unwrap(),
    );
    quote.asked.retain(|a| a.id == "1");
    quote.asked[0].id = "p1".to_owned();
    let b = Breakdown::of(&quote, &english());
    assert_eq!(codes(&b), ["unasked_line"]);
    assert_eq!(
        b.warnings[0].message,
        "The answer prices \"zz\", which the inquiry did not ask for; shown as the service sent them."
    );
    // Without the inquiry nothing can be said of it.
    quote.asked.clear();
    assert!(Breakdown::of(&quote, &english()).warnings.is_empty());
}

#[test]
fn lines_adding_up_past_the_exact_range_are_reported() {
    let huge = "70000000000000000000000000000";
    let quote = on_demand_answer(&[("p1", huge), ("p2", huge)], "1");
    let b = Breakdown::of(&quote, &english());
    assert_eq!(
        b.totals.final_price.unwrap().to_string(),
        "1",
        "the total as sent"
    );
    assert_eq!(codes(&b), ["lines_do_not_add_up", "lines_do_not_add_up"]);
    assert_eq!(
        b.warnings[0].message,
        "The lines' list prices add up to more than an exact decimal holds, but the answer's total is 1; both are shown as the service sent them."
    );
}
