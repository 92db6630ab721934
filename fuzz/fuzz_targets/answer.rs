//! Any bytes as an answer of each API: read, merged with itself, broken down and shown in every output,
//! without a panic; escaping holds in HTML; a breakdown shows each item once; what the answer accounts for
//! is what its lines name.
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
            let mut shown = std::collections::HashSet::new();
            for id in b.lines.iter().filter_map(|l| l.id.as_deref()) {
                assert!(shown.insert(id), "item {id:?} shown twice");
                assert!(quote.rating.answered_ids().contains(&id), "a line the answer does not name");
            }
            let _ = text::render(&b);
            let page = html::render(&b);
            assert!(!page.contains("<script"), "a server string reached the HTML unescaped");
            let _ = csv::render(&b);
            let _ = b.to_json();
        }
    }
});
