//! Any bytes as an answer of each API: read, merged with itself, broken down and shown in every output,
//! without a panic; escaping holds in HTML.
#![no_main]

use hwc_price::breakdown::{csv, html, text, Breakdown, BreakdownOptions};
use hwc_price::quote::Quote;
use hwc_price::response::api_error::{classify, read_answer};
use hwc_price::response::{error_body, Rating};
use hwc_price::{InquiryKind, Language, Site};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let _ = classify(200, None, body);
    let _ = classify(502, Some("id"), body);
    let _ = error_body(body);
    for kind in InquiryKind::ALL {
        let _ = read_answer(kind, 200, Some("id"), body);
        let _ = read_answer(kind, 429, None, body);
        let _ = Quote::from_response(kind, body, Site::China);
        let Ok(rating) = Rating::from_json(kind, body) else { continue };
        let _ = Rating::merge(kind, vec![rating.clone(), rating.clone()]);
        let _ = rating.to_json();
        let quote = Quote::from_rating(rating, Site::International);
        for language in [Language::English, Language::Chinese] {
            let mut options = BreakdownOptions::new(language);
            options.projections = true;
            let b = Breakdown::of(&quote, &options);
            let _ = text::render(&b);
            let page = html::render(&b);
            assert!(!page.contains("<script"), "a server string reached the HTML unescaped");
            let _ = csv::render(&b);
            let _ = b.to_json();
        }
    }
});
