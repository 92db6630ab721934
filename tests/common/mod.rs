//! What several integration tests share: fixtures and quotes of saved answers.

use hwc_price::quote::{asked, Quote};
use hwc_price::site::Site;
use hwc_price::{InquiryKind, OnDemandInquiry, PeriodInquiry, RenewalInquiry};

/// The text of `tests/fixtures/<path>`, if it exists.
pub fn fixture(path: &str) -> Option<String> {
    let dir = env!("CARGO_MANIFEST_DIR");
    std::fs::read_to_string(format!("{dir}/tests/fixtures/{path}")).ok()
}

/// A quote of the saved answer `breakdown/<name>.json`, with its inquiry when `<name>.request.json` exists.
pub fn quote(kind: InquiryKind, name: &str, site: Site) -> Quote {
    let answer = fixture(&format!("breakdown/{name}.json")).expect("the answer fixture exists");
    let mut quote =
        Quote::from_response(kind, &answer, site).expect("the fixture is an answer of its kind");
    if let Some(request) = fixture(&format!("breakdown/{name}.request.json")) {
        quote.asked = match kind {
            InquiryKind::OnDemand => asked::on_demand(
                &OnDemandInquiry::batch_from_json(&request).expect("a valid inquiry"),
            ),
            InquiryKind::Period => {
                asked::period(&PeriodInquiry::batch_from_json(&request).expect("a valid inquiry"))
            }
            InquiryKind::Renewal => {
                asked::renewal(&RenewalInquiry::batch_from_json(&request).expect("a valid inquiry"))
            }
        };
    }
    quote
}
