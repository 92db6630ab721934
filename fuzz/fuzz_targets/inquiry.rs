//! Any bytes as an inquiry of each kind, one request or a batch: never a panic, and whatever is accepted
//! writes a body that is accepted again and written the same way.
#![no_main]

use hwc_price::{OnDemandInquiry, PeriodInquiry, RenewalInquiry};
use libfuzzer_sys::fuzz_target;

macro_rules! round_trip {
    ($ty:ty, $text:expr) => {
        if let Ok(inquiry) = <$ty>::from_json($text) {
            let body = inquiry.body();
            let again = <$ty>::from_json(&body).expect("an accepted body is accepted again");
            assert_eq!(again.body(), body);
        }
        if let Ok(parts) = <$ty>::batch_from_json($text) {
            for part in parts {
                let body = part.body();
                assert!(<$ty>::from_json(&body).is_ok(), "each part of a batch fits one request");
            }
        }
    };
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    round_trip!(OnDemandInquiry, text);
    round_trip!(PeriodInquiry, text);
    round_trip!(RenewalInquiry, text);
});
