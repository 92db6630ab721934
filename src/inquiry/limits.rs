//! Every documented bound on the three rating requests, named, with where it comes from.
//!
//! Sections refer to the BSS API reference (`shared/spec/bss-api-reference-excerpt.md`); `NOTES.md` is
//! `shared/spec/NOTES.md`, which settles what the reference contradicts.

use crate::language::Words;
use crate::validate::IntRule;

/// Products in one pay-per-use or yearly/monthly request (§4.2.1, §4.2.2 `product_infos`: at most 100).
pub const MAX_PRODUCTS_PER_REQUEST: usize = 100;

/// Resource ids in one renewal request (§4.2.3 `resource_ids`: 1 to 10).
pub const MAX_RESOURCE_IDS_PER_REQUEST: usize = 10;

/// Products in one batch inquiry, which the client splits into requests of at most 100. Our own bound, not the
/// API's: it keeps a batch to at most 100 requests.
pub const MAX_PRODUCTS_PER_BATCH: usize = 10_000;

/// Resource ids in one batch renewal inquiry, split into requests of at most 10. Our own bound (100 requests).
pub const MAX_RESOURCE_IDS_PER_BATCH: usize = 1_000;

/// `project_id` length in characters (§4.2.1, §4.2.2).
pub const PROJECT_ID_MAX_CHARS: usize = 64;
/// `product_infos[].id` length (§4.2.1 Table 4-18, §4.2.2 Table 4-21).
pub const ID_MAX_CHARS: usize = 64;
/// `cloud_service_type` length (Tables 4-18, 4-21).
pub const CLOUD_SERVICE_TYPE_MAX_CHARS: usize = 400;
/// `resource_type` length (Tables 4-18, 4-21).
pub const RESOURCE_TYPE_MAX_CHARS: usize = 400;
/// `resource_spec` length (Tables 4-18, 4-21).
pub const RESOURCE_SPEC_MAX_CHARS: usize = 400;
/// `region` length (Tables 4-18, 4-21).
pub const REGION_MAX_CHARS: usize = 64;
/// `available_zone` length (Tables 4-18, 4-21).
pub const AVAILABLE_ZONE_MAX_CHARS: usize = 64;
/// `usage_factor` length (Table 4-18).
pub const USAGE_FACTOR_MAX_CHARS: usize = 64;

/// `subscription_num` (Tables 4-18, 4-21: `[1-10000]`).
pub const SUBSCRIPTION_NUM: IntRule = IntRule::Range {
    min: 1,
    max: 10_000,
    note: ("", ""),
};

/// The upper bound that the reference prints for `resource_size` and subscribe-rate `period_num`.
///
/// It reads `[1-214783647]`, one digit short of `i32::MAX` (2147483647). We enforce the bound as printed and
/// say so in the message (NOTES.md, "Limits printed in the doc").
pub const PRINTED_MAX: i64 = 214_783_647;

/// What the messages add to a bound of [`PRINTED_MAX`].
const PRINTED_NOTE: Words = (
    " (the bound printed in the API reference)",
    "（API 参考文档中标注的上限）",
);

/// `resource_size` (Tables 4-18, 4-21).
pub const RESOURCE_SIZE: IntRule = IntRule::Range {
    min: 1,
    max: PRINTED_MAX,
    note: PRINTED_NOTE,
};

/// Measurement unit ids: `usage_measure_id` and `size_measure_id` are integers of at most 4 characters
/// (Table 4-18). Known values: 0 day, 1 currency unit, 4 hour, 10 GB of traffic, 14 amount, 15 Mbit/s,
/// 17 GB of capacity (NOTES.md); the full list comes from `GET /v2/bases/measurements`, so any id in range
/// is accepted.
pub const MEASURE_ID: IntRule = IntRule::Range {
    min: 0,
    max: 9_999,
    note: (
        " (a measurement unit id of at most 4 digits)",
        "（不超过 4 位数字的度量单位 ID）",
    ),
};

/// `inquiry_precision` (§4.2.1): 0 or 1.
pub const INQUIRY_PRECISION: IntRule = IntRule::OneOf(&[
    (0, ("up to 6 decimals", "最多 6 位小数")),
    (1, ("up to 10 decimals", "最多 10 位小数")),
]);

/// Subscribe-rate `period_type` (Table 4-21): the range `[0-4]` leaves out 1, which is no period.
pub const SUBSCRIBE_PERIOD_TYPE: IntRule = IntRule::OneOf(&[
    (0, ("day", "天")),
    (2, ("month", "月")),
    (3, ("year", "年")),
    (4, ("hour", "小时")),
]);

/// Subscribe-rate `period_num` (Table 4-21).
pub const SUBSCRIBE_PERIOD_NUM: IntRule = IntRule::Range {
    min: 1,
    max: PRINTED_MAX,
    note: PRINTED_NOTE,
};

/// Renew-rate `period_type` (§4.2.3): month or year.
pub const RENEW_PERIOD_TYPE: IntRule = IntRule::OneOf(&[(2, ("month", "月")), (3, ("year", "年"))]);

/// Renew-rate `period_num` whatever the period type (§4.2.3 `[1-11]`).
pub const RENEW_PERIOD_NUM: IntRule = IntRule::Range {
    min: 1,
    max: 11,
    note: ("", ""),
};
/// Renew-rate `period_num` for months (§4.2.3).
pub const RENEW_MONTHS: IntRule = IntRule::Range {
    min: 1,
    max: 11,
    note: (
        " for months (period_type 2)",
        "（按月续费，period_type 为 2）",
    ),
};
/// Renew-rate `period_num` for years (§4.2.3).
pub const RENEW_YEARS: IntRule = IntRule::Range {
    min: 1,
    max: 3,
    note: (
        " for years (period_type 3)",
        "（按年续费，period_type 为 3）",
    ),
};

/// Subscribe-rate `fee_installment_mode`, sent by newer official SDKs (NOTES.md).
pub const FEE_INSTALLMENT_MODES: &[&str] = &["HALF_PAY", "ZERO_PAY", "NA"];
