//! Differential properties: the one-pass readers (inquiries and answers read from their JSON text with serde
//! visitors) agree with a plain `serde_json::Value` reading kept in `tests/reference/`, on random valid and
//! invalid inputs.
//!
//! * Inquiries: for each kind, the text of a generated value (as `serde_json::to_string` writes it, and
//!   again with its members in documented order) read for one request (`from_json`) and as a batch
//!   (`batch_from_json`). When the reference finds nothing wrong, the crate must read the same draft and
//!   write the same bodies; when it finds violations, the crate must report the same ones as a multiset of
//!   (path, rule, message) (their order is the crate's own, documented on `Violations`). One more property
//!   aims at usage values and whole numbers, and a plain test at the bound on violations listed.
//! * Answers: for each kind, equal values (decimals with their scale), or errors at the same path with the
//!   same message.
//!
//! Disagreements these properties found (and the crate then mended) are pinned by the plain tests at the end.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap or panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod reference;

use std::fmt::Debug;
use std::ops::RangeInclusive;

use hwc_price::inquiry::limits::PRINTED_MAX;
use hwc_price::response::{OnDemandRating, PeriodRating, RenewalRating};
use hwc_price::{
    Decimal, Inquiry, OnDemandDraft, OnDemandInquiry, PeriodDraft, PeriodInquiry, RenewalDraft,
    RenewalInquiry,
};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use reference::{answer, inquiry, same_violations, Scope, Verdict};
use serde_json::{Map, Value};

// ---------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------

/// A JSON number with exactly this text (as serde_json keeps it: exponents written `e+n` / `e-n`).
fn num(text: &str) -> Value {
    let value: Value = serde_json::from_str(text).unwrap();
    assert!(value.is_number(), "{text}");
    value
}

/// Number texts at and around every documented bound, fractional, in exponent form, huge and tiny.
///
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "2",
    "3",
    "4",
    "5",
    "14",
    "15",
    "17",
    "9999",
    "10000",
    "10001",
    "214783647",
    "214783648",
    "2147483647",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "40.0",
    "4e1",
    "4E+1",
    "4e-1",
    "400e-2",
    "2.5",
    "0.5",
    "-0.5",
    "1.50",
    "0.000",
    "1e30",
    "1e-2",
    "1e-10",
    "1e28",
    "1e29",
    "1e400",
    "1e-400",
    "0e-50",
    "0.0000000001",
    "123456789012345678901234567890",
    "1.00000000000000000000000000001",
    "79228162514264337593543950335",
    "79228162514264337593543950336",
    "0.10000000000000000000000000000000000000001",
    "12345678901234567890123456789012345678901234567890",
];

/// Any decimal of up to 28 significant digits, with up to 20 decimal places.
fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i128>(), 0u32..=20)
        .prop_map(|(m, scale)| Decimal::from_i128_with_scale(m % 10i128.pow(28), scale))
}

/// A decimal in exponent form, `e`/`E`, signed or not, an exponent of zero included.
fn exponent() -> impl Strategy<Value = String> {
    let exp = -40i32..=40;
    (-99_999i64..=99_999, 0u32..=3, exp, any::<bool>()).prop_map(|(m, scale, e, upper)| {
        let plus = if e > 0 && upper { "+" } else { "" };
        let mark = if upper { 'E' } else { 'e' };
        format!("{}{mark}{plus}{e}", Decimal::new(m, scale))
    })
}

fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => select(NUMBERS).prop_map(num),
        1 => any::<i64>().prop_map(Value::from),
        2 => decimal().prop_map(|d| num(&d.to_string())),
        2 => exponent().prop_map(|t| num(&t)),
    ]
    .boxed()
}

/// Strings for every text rule: empty, blank, padded, long, hidden characters, numbers and decimals as text.
const STRINGS: &[&str] = &[
    "",
    " ",
    "\t",
    "\n",
    " x",
    "x ",
    " x ",
    "x",
    "a b",
    "Duration",
    "upflow",
    "HALF_PAY",
    "half_pay",
    "ZERO_PAY",
    "NA",
    "NA ",
    "p1",
    "r-1",
    "0.5",
    "1e-10",
    "1E5",
    "-1",
    "0",
    "5",
    " 1.5",
    "1.5 ",
    "abc",
    "1.00000000000000000000000000001",
    "\u{202e}evil",
    "\u{200b}",
    "\u{feff}x",
    "quote\"d",
    "back\\slash",
    "\u{0}NaN",
    "é",
    "中文",
    "ap-southeast-1",
];

fn string() -> BoxedStrategy<String> {
    let chars = vec![
        'a', 'Z', '7', '-', '.', '_', ' ', 'é', '中', '\u{202e}', '"',
    ];
    let lengths = vec![39usize, 40, 41, 63, 64, 65, 399, 400, 401];
    prop_oneof![
        3 => select(STRINGS).prop_map(str::to_owned),
        2 => prop::collection::vec(select(chars), 0..8).prop_map(|c| c.into_iter().collect()),
        1 => (select(vec!['a', 'é', ' ']), select(lengths), any::<bool>()).prop_map(|(c, n, pad)| {
            let mut s: String = std::iter::repeat_n(c, n).collect();
            if pad {
                s.push(' ');
            }
            s
        }),
    ]
    .boxed()
}

/// Names for unknown members: misspellings, fields of the other inquiries, names that render like paths.
const NAMES: &[&str] = &[
    "size_measurement_id",
    "sizeMeasurementId",
    "usageValue",
    "usage_valu",
    "UsageFactor",
    "regoin",
    "ID",
    "Id",
    "idd",
    "colour",
    "period_type",
    "period_num",
    "usage_factor",
    "usage_measure_id",
    "inquiry_precision",
    "fee_installment_mode",
    "resource_ids",
    "resource_id",
    "include_relative_resources",
    "project_id",
    "projectid",
    "product_infos",
    "product_info",
    "product_infos[0]",
    "product_infos[0].id",
    "resource_ids[0]",
    "",
    "x.y",
];

fn name() -> BoxedStrategy<String> {
    prop_oneof![4 => select(NAMES).prop_map(str::to_owned), 1 => string()].boxed()
}

/// Any JSON value, nested a little.
fn junk() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        4 => number(),
        4 => string().prop_map(Value::String),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(Value::Null),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::vec((name(), inner), 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// A whole number from `range`, written `n`, `n.0` or `(100n)e-2`.
fn whole(range: RangeInclusive<i64>) -> BoxedStrategy<Value> {
    (range, 0..4u8)
        .prop_map(|(n, form)| match form {
            0 | 1 => Value::from(n),
            2 => num(&format!("{n}.0")),
            _ => num(&format!("{}e-2", n * 100)),
        })
        .boxed()
}

fn one_of(choices: &[i64]) -> BoxedStrategy<Value> {
    select(choices.to_vec()).prop_map(Value::from).boxed()
}

fn text(choices: &[&'static str]) -> BoxedStrategy<Value> {
    select(choices.to_vec()).prop_map(Value::from).boxed()
}

// ---------------------------------------------------------------------------------------------------------
// Inquiries
// ---------------------------------------------------------------------------------------------------------

/// Some members of an object: name and value, each.
type Part = BoxedStrategy<Vec<(String, Value)>>;

/// A value of the right JSON type for member `key` that breaks a rule: numbers out of range, fractional,
/// huge or in exponent form for whole numbers; empty, blank, padded or long strings for text; numbers and
/// strings that are no exact positive decimal for `usage_value`; any JSON value for lists and booleans.
fn near_miss(key: &str) -> BoxedStrategy<Value> {
    match key {
        "subscription_num" | "resource_size" | "size_measure_id" | "usage_measure_id"
        | "period_type" | "period_num" | "inquiry_precision" => number(),
        "usage_value" => prop_oneof![
            number(),
            string().prop_map(Value::String),
            decimal().prop_map(|d| Value::String(d.to_string())),
            exponent().prop_map(Value::String),
            text(&[
                "abc",
                "1.5.0",
                "+1",
                ".5",
                "5.",
                "0x10",
                "1e",
                "1.00000000000000000000000000001",
                "1e400",
                "1e-400",
                "-0.5",
            ]),
        ]
        .boxed(),
        "product_infos" | "resource_ids" | "include_relative_resources" => junk(),
        _ => string().prop_map(Value::String).boxed(),
    }
}

/// A mandatory member. With `noise`, sometimes absent, null, a near miss or any JSON value instead of
/// `valid`.
fn member(key: &'static str, valid: BoxedStrategy<Value>, noise: u32) -> Part {
    let value = if noise == 0 {
        valid.prop_map(Some).boxed()
    } else {
        prop_oneof![
            60 => valid.prop_map(Some),
            noise => Just(None),
            noise => Just(Some(Value::Null)),
            3 * noise => near_miss(key).prop_map(Some),
            2 * noise => junk().prop_map(Some),
        ]
        .boxed()
    };
    value
        .prop_map(move |v| v.map(|v| (key.to_owned(), v)).into_iter().collect())
        .boxed()
}

/// An optional member: absent, null or `valid`; with `noise`, sometimes a near miss or any JSON value.
fn optional(key: &'static str, valid: BoxedStrategy<Value>, noise: u32) -> Part {
    let given = prop_oneof![
        2 => Just(None),
        1 => Just(Some(Value::Null)),
        3 => valid.prop_map(Some),
    ];
    let value = if noise == 0 {
        given.boxed()
    } else {
        prop_oneof![
            60 => given,
            3 * noise => near_miss(key).prop_map(Some),
            2 * noise => junk().prop_map(Some),
        ]
        .boxed()
    };
    value
        .prop_map(move |v| v.map(|v| (key.to_owned(), v)).into_iter().collect())
        .boxed()
}

/// An object of `parts`; with `noise`, sometimes with unknown members too (which may also replace a known
/// member's value), or not an object at all.
fn object(parts: Vec<Part>, noise: u32) -> BoxedStrategy<Value> {
    let extra = if noise == 0 {
        Just(Vec::new()).boxed()
    } else {
        prop_oneof![
            20 => Just(Vec::new()),
            noise => prop::collection::vec((name(), junk()), 1..3),
        ]
        .boxed()
    };
    let whole = (parts, extra).prop_map(|(parts, extra)| {
        let mut map: Map<String, Value> = parts.into_iter().flatten().collect();
        map.extend(extra);
        Value::Object(map)
    });
    if noise == 0 {
        whole.boxed()
    } else {
        prop_oneof![60 => whole, noise => junk()].boxed()
    }
}

const CODES: &[&str] = &[
    "hws.service.type.ec2",
    "hws.resource.type.vm",
    "c6.large.2.linux",
    "ap-southeast-1",
    "GPSSD",
    "5_bgp",
    "x",
    "中文",
];

/// A positive usage value: a number or a decimal string, plain or in exponent form.
fn usage_value() -> BoxedStrategy<Value> {
    let plain = (1i64..=i64::MAX, 0u32..=12).prop_map(|(m, s)| Decimal::new(m, s).to_string());
    let exp = (1i64..100_000, -12i32..=12).prop_map(|(m, e)| format!("{m}e{e}"));
    (prop_oneof![plain, exp], any::<bool>())
        .prop_map(|(t, quoted)| if quoted { Value::String(t) } else { num(&t) })
        .boxed()
}

/// Which inquiry a generator is for.
#[derive(Debug, Clone, Copy)]
enum Kind {
    OnDemand,
    Period,
}

/// One product line of `kind`.
fn product(kind: Kind, noise: u32) -> BoxedStrategy<Value> {
    let ids = prop_oneof![(0u32..8).prop_map(|n| format!("p{n}")), string()];
    let mut parts = vec![
        member("id", ids.prop_map(Value::String).boxed(), noise),
        member("cloud_service_type", text(CODES), noise),
        member("resource_type", text(CODES), noise),
        member("resource_spec", text(CODES), noise),
        member("region", text(CODES), noise),
        optional("available_zone", text(&["", "ap-southeast-1a"]), noise),
        member("subscription_num", whole(1..=10_000), noise),
    ];
    let pair = (whole(1..=PRINTED_MAX), one_of(&[14, 15, 17])).prop_map(|(size, unit)| {
        vec![
            ("resource_size".to_owned(), size),
            ("size_measure_id".to_owned(), unit),
        ]
    });
    parts.push(if noise == 0 {
        prop_oneof![Just(Vec::new()), pair].boxed()
    } else {
        let apart = (
            optional("resource_size", whole(1..=PRINTED_MAX), noise),
            optional("size_measure_id", whole(0..=9_999), noise),
        )
            .prop_map(|(a, b)| a.into_iter().chain(b).collect());
        prop_oneof![3 => Just(Vec::new()), 3 => pair, 1 => apart].boxed()
    });
    match kind {
        Kind::OnDemand => parts.extend([
            member("usage_factor", text(&["Duration", "upflow"]), noise),
            member("usage_value", usage_value(), noise),
            member("usage_measure_id", whole(0..=9_999), noise),
        ]),
        Kind::Period => parts.extend([
            member("period_type", one_of(&[0, 2, 3, 4]), noise),
            member("period_num", whole(1..=PRINTED_MAX), noise),
        ]),
    }
    object(parts, noise)
}

/// Gives every element of `list` that is an object the id `item-<position>`.
fn number_ids(mut list: Vec<Value>) -> Vec<Value> {
    for (i, item) in list.iter_mut().enumerate() {
        if let Some(map) = item.as_object_mut() {
            map.insert("id".to_owned(), Value::String(format!("item-{i}")));
        }
    }
    list
}

/// `product_infos`: empty, short (ids may repeat), or longer than one request allows (unique ids, with a
/// few lines replaced by noisy ones).
fn products(kind: Kind, noise: u32) -> BoxedStrategy<Value> {
    let short = prop::collection::vec(product(kind, noise), 1..5).prop_map(move |list| {
        if noise == 0 {
            number_ids(list)
        } else {
            list
        }
    });
    let long = (
        prop::collection::vec(product(kind, 0), 95..130),
        prop::collection::vec((any::<Index>(), product(kind, noise)), 0..3),
    )
        .prop_map(|(list, swaps)| {
            let mut list = number_ids(list);
            for (at, p) in swaps {
                let i = at.index(list.len());
                list[i] = p;
            }
            list
        });
    prop_oneof![1 => Just(Vec::new()), 12 => short, 2 => long]
        .prop_map(Value::Array)
        .boxed()
}

fn on_demand(noise: u32) -> BoxedStrategy<Value> {
    let parts = vec![
        member(
            "project_id",
            text(&["p1", "06488a832f55c016b0e337d7"]),
            noise,
        ),
        member("product_infos", products(Kind::OnDemand, noise), noise),
        optional("inquiry_precision", one_of(&[0, 1]), noise),
    ];
    object(parts, noise)
}

fn period(noise: u32) -> BoxedStrategy<Value> {
    let parts = vec![
        member(
            "project_id",
            text(&["p1", "06488a832f55c016b0e337d7"]),
            noise,
        ),
        member("product_infos", products(Kind::Period, noise), noise),
        optional(
            "fee_installment_mode",
            text(&["HALF_PAY", "ZERO_PAY", "NA"]),
            noise,
        ),
    ];
    object(parts, noise)
}

/// `resource_ids`: empty, short (ids may repeat), or about as long as a batch allows (unique ids, with a few
/// replaced by noisy ones).
fn resource_ids(noise: u32) -> BoxedStrategy<Value> {
    // `None`: a fresh id, unique in the list.
    let id = || -> BoxedStrategy<Option<Value>> {
        if noise == 0 {
            Just(None).boxed()
        } else {
            prop_oneof![
                4 => Just(None),
                4 => (0u32..8).prop_map(|n| Some(Value::String(format!("r-{n}")))),
                1 => string().prop_map(|s| Some(Value::String(s))),
                1 => junk().prop_map(Some),
            ]
            .boxed()
        }
    };
    let fill = |list: Vec<Option<Value>>| -> Vec<Value> {
        let fresh = (0..list.len()).map(|i| Value::String(format!("res-{i}")));
        list.into_iter()
            .zip(fresh)
            .map(|(v, fresh)| v.unwrap_or(fresh))
            .collect()
    };
    let short = prop::collection::vec(id(), 1..13).prop_map(fill);
    let long = (
        995usize..1_010,
        prop::collection::vec((any::<Index>(), id()), 0..3),
    )
        .prop_map(move |(len, swaps)| {
            let mut list = vec![None; len];
            for (at, v) in swaps {
                list[at.index(len)] = v;
            }
            fill(list)
        });
    prop_oneof![1 => Just(Vec::new()), 12 => short, 2 => long]
        .prop_map(Value::Array)
        .boxed()
}

fn renewal(noise: u32) -> BoxedStrategy<Value> {
    let term =
        prop_oneof![(Just(2), whole(1..=11)), (Just(3), whole(1..=3)),].prop_map(|(t, n)| {
            vec![
                ("period_type".to_owned(), Value::from(t)),
                ("period_num".to_owned(), n),
            ]
        });
    let term = if noise == 0 {
        term.boxed()
    } else {
        let apart = (
            member("period_type", one_of(&[2, 3]), noise),
            member("period_num", whole(1..=11), noise),
        )
            .prop_map(|(a, b)| a.into_iter().chain(b).collect());
        prop_oneof![3 => term, 1 => apart].boxed()
    };
    let parts = vec![
        member("resource_ids", resource_ids(noise), noise),
        term,
        optional(
            "include_relative_resources",
            any::<bool>().prop_map(Value::Bool).boxed(),
            noise,
        ),
    ];
    object(parts, noise)
}

/// Inquiries from `kind` without noise, with a little and with a lot.
fn noisy(kind: fn(u32) -> BoxedStrategy<Value>) -> impl Strategy<Value = Value> {
    prop_oneof![2 => kind(0), 2 => kind(1), 1 => kind(4)]
}

/// What the properties need of each inquiry type.
trait Checked: Inquiry + Debug {
    type Draft: Clone + Debug + PartialEq;
    /// The reference's verdict.
    fn reference(value: &Value, scope: Scope) -> Verdict<Self::Draft>;
    /// The checked draft, taken back.
    fn take(self) -> Self::Draft;
    /// The drafts of a split batch as one: the first's own fields, every part's list.
    fn join(parts: Vec<Self::Draft>) -> Self::Draft;
    /// The bodies of `draft`, checked by the public API for `scope`.
    fn bodies(draft: Self::Draft, scope: Scope) -> Vec<String>;
}

macro_rules! checked {
    ($inquiry:ty, $draft:ty, $reference:path, $list:ident) => {
        impl Checked for $inquiry {
            type Draft = $draft;

            fn reference(value: &Value, scope: Scope) -> Verdict<$draft> {
                $reference(value, scope)
            }

            fn take(self) -> $draft {
                self.into_draft()
            }

            fn join(parts: Vec<$draft>) -> $draft {
                let mut parts = parts.into_iter();
                let mut whole = parts.next().unwrap_or_default();
                for part in parts {
                    whole.$list.extend(part.$list);
                }
                whole
            }

            fn bodies(draft: $draft, scope: Scope) -> Vec<String> {
                match scope {
                    Scope::Request => vec![<$inquiry>::new(draft).unwrap().body()],
                    Scope::Batch => <$inquiry>::batch(draft)
                        .unwrap()
                        .iter()
                        .map(|i| i.body())
                        .collect(),
                }
            }
        }
    };
}

checked!(
    OnDemandInquiry,
    OnDemandDraft,
    inquiry::on_demand,
    product_infos
);
checked!(PeriodInquiry, PeriodDraft, inquiry::period, product_infos);
checked!(RenewalInquiry, RenewalDraft, inquiry::renewal, resource_ids);

/// Every wire name of the inquiries, in the order the crate writes bodies.
const DOCUMENTED: &[&str] = &[
    "project_id",
    "resource_ids",
    "product_infos",
    "id",
    "cloud_service_type",
    "resource_type",
    "resource_spec",
    "region",
    "available_zone",
    "resource_size",
    "size_measure_id",
    "usage_factor",
    "usage_value",
    "usage_measure_id",
    "period_type",
    "period_num",
    "subscription_num",
    "inquiry_precision",
    "fee_installment_mode",
    "include_relative_resources",
];

/// `value` as JSON text with each object's members in documented order (unknown members last, in reverse),
/// where `serde_json::to_string` writes them in alphabetical order.
fn documented_text(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let rank = |k: &str| DOCUMENTED.iter().position(|d| *d == k);
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_by(|a, b| {
                let (ra, rb) = (rank(a.0), rank(b.0));
                ra.is_none()
                    .cmp(&rb.is_none())
                    .then(ra.cmp(&rb))
                    .then(b.0.cmp(a.0))
            });
            let members: Vec<String> = members
                .into_iter()
                .map(|(k, v)| {
                    format!(
                        "{}:{}",
                        serde_json::to_string(k).unwrap(),
                        documented_text(v)
                    )
                })
                .collect();
            format!("{{{}}}", members.join(","))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(documented_text).collect();
            format!("[{}]", items.join(","))
        }
        scalar => serde_json::to_string(scalar).unwrap(),
    }
}

/// Reads the text of `value` (as `serde_json::to_string` writes it, and with its members in documented
/// order) for one request and as a batch, and compares with the reference.
fn check<I: Checked>(value: &Value) -> Result<(), TestCaseError> {
    let sorted = serde_json::to_string(value).unwrap();
    // What both readers see: the value as its text reads back.
    let value: Value = serde_json::from_str(&sorted).unwrap();
    let documented = documented_text(&value);
    for scope in [Scope::Request, Scope::Batch] {
        let verdict = I::reference(&value, scope);
        for text in [&sorted, &documented] {
            let got = match scope {
                Scope::Request => I::from_json(text).map(|i| vec![i]),
                Scope::Batch => I::batch_from_json(text),
            };
            match (verdict.clone(), got) {
                (Verdict::Valid(draft), Ok(parts)) => {
                    let bodies: Vec<String> = parts.iter().map(Inquiry::body).collect();
                    let read = I::join(parts.into_iter().map(I::take).collect());
                    prop_assert_eq!(&read, &draft, "{:?} of {}", scope, text);
                    prop_assert_eq!(bodies, I::bodies(draft, scope), "{:?} of {}", scope, text);
                }
                (Verdict::Invalid(expected), Err(e)) => {
                    prop_assert_eq!(e.kind(), I::KIND);
                    if let Err(diff) = same_violations(&expected, e.violations().as_slice()) {
                        return Err(TestCaseError::fail(format!("{scope:?} of {text}\n{diff}")));
                    }
                }
                (expected, got) => {
                    return Err(TestCaseError::fail(format!(
                        "{scope:?} of {text}\nreference: {expected:#?}\ncrate: {got:#?}"
                    )));
                }
            }
        }
    }
    Ok(())
}

/// One pay-per-use product whose usage value and whole numbers are right or near misses: decimals as
/// numbers and strings, in exponent form, with more than 28 digits; whole numbers fractional, huge, out of
/// range.
fn usage() -> impl Strategy<Value = Value> {
    let either =
        |key: &'static str, valid: BoxedStrategy<Value>| prop_oneof![valid, near_miss(key)];
    (
        either("usage_value", usage_value()),
        either("usage_measure_id", whole(0..=9_999)),
        either("subscription_num", whole(1..=10_000)),
        prop_oneof![Just(None), either("resource_size", whole(1..=PRINTED_MAX)).prop_map(Some)],
    )
        .prop_map(|(value, unit, count, size)| {
            let mut product = serde_json::json!({
                "id": "1", "cloud_service_type": "hws.service.type.ebs", "resource_type": "hws.resource.type.volume",
                "resource_spec": "GPSSD", "region": "ap-southeast-1", "usage_factor": "Duration",
                "usage_value": value, "usage_measure_id": unit, "subscription_num": count,
            });
            if let Some(size) = size {
                product["resource_size"] = size;
                product["size_measure_id"] = Value::from(17);
            }
            serde_json::json!({ "project_id": "p1", "product_infos": [product] })
        })
}

// ---------------------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------------------

/// What a member of an answer holds.
#[derive(Debug, Clone, Copy)]
enum Slot {
    /// A string, or a number taken as its text.
    Text,
    /// A business-error or request-id member of an answer's top, read for what it can tell (see
    /// `envelope_members_of_the_wrong_kind_spoil_the_answer`).
    Envelope,
    /// A whole number, or a numeric string.
    Int,
    /// An amount: a number or a decimal string.
    Amount,
    /// A list of objects.
    List(Schema),
    /// An object that may be null.
    Object(Schema),
}

type Schema = &'static [(&'static str, Slot)];

use Slot::{Amount, Envelope, Int, List, Text};

const DISCOUNT: Schema = &[
    ("discount_id", Text),
    ("discount_type", Int),
    ("amount", Amount),
    ("measure_id", Int),
    ("discount_name", Text),
];
const ON_DEMAND_LINE: Schema = &[
    ("id", Text),
    ("product_id", Text),
    ("amount", Amount),
    ("discount_amount", Amount),
    ("official_website_amount", Amount),
    ("measure_id", Int),
    ("discount_rating_results", List(DISCOUNT)),
];
const ON_DEMAND_ANSWER: Schema = &[
    ("amount", Amount),
    ("discount_amount", Amount),
    ("official_website_amount", Amount),
    ("measure_id", Int),
    ("currency", Text),
    ("product_rating_results", List(ON_DEMAND_LINE)),
    ("error_code", Envelope),
    ("error_msg", Envelope),
    ("error_message", Envelope),
    ("request_id", Envelope),
];
const LIST_PRICE_LINE: Schema = &[
    ("id", Text),
    ("product_id", Text),
    ("official_website_amount", Amount),
    ("measure_id", Int),
];
const LIST_PRICE: Schema = &[
    ("official_website_amount", Amount),
    ("installment_official_website_amount", Amount),
    ("measure_id", Int),
    ("product_rating_results", List(LIST_PRICE_LINE)),
];
const DISCOUNTED_LINE: Schema = &[
    ("id", Text),
    ("product_id", Text),
    ("amount", Amount),
    ("official_website_amount", Amount),
    ("discount_amount", Amount),
    ("measure_id", Int),
];
const OPTIONAL_DISCOUNT: Schema = &[
    ("discount_id", Text),
    ("amount", Amount),
    ("official_website_amount", Amount),
    ("discount_amount", Amount),
    ("measure_id", Int),
    ("discount_type", Int),
    ("discount_name", Text),
    ("best_offer", Int),
    ("product_rating_results", List(DISCOUNTED_LINE)),
];
const PERIOD_ANSWER: Schema = &[
    ("official_website_rating_result", Slot::Object(LIST_PRICE)),
    ("optional_discount_rating_results", List(OPTIONAL_DISCOUNT)),
    ("currency", Text),
    ("error_code", Envelope),
    ("error_msg", Envelope),
    ("error_message", Envelope),
    ("request_id", Envelope),
];
const RENEWAL_LINE: Schema = &[("resource_id", Text), ("amount", Amount)];
const FAILED_RESOURCE: Schema = &[
    ("resource_id", Text),
    ("error_code", Text),
    ("error_msg", Text),
    ("error_message", Text),
];
const RENEWAL_ANSWER: Schema = &[
    ("currency", Text),
    ("renew_inquiry_results", List(RENEWAL_LINE)),
    ("official_website_rating_result", Slot::Object(LIST_PRICE)),
    ("optional_discount_rating_results", List(OPTIONAL_DISCOUNT)),
    ("fail_resource_infos", List(FAILED_RESOURCE)),
    ("error_code", Text),
    ("error_msg", Text),
    ("error_message", Text),
    ("request_id", Envelope),
];

/// Names of members no answer object has.
const UNKNOWN: &[&str] = &[
    "status",
    "extra",
    "Amount",
    "ID",
    "product_rating_result",
    "x.y",
    "",
    "errorCode",
    "requestId",
];

fn text_value() -> BoxedStrategy<Value> {
    prop_oneof![string().prop_map(Value::String), number()].boxed()
}

/// A value the old reader took for `slot`.
fn valid(slot: Slot, wrong: u32) -> BoxedStrategy<Value> {
    match slot {
        Text | Envelope => text_value(),
        Int => prop_oneof![
            any::<i64>().prop_map(Value::from),
            (-5i64..2_000).prop_map(Value::from),
            (-5i64..2_000).prop_map(|n| Value::String(format!(" {n} "))),
            text(&["", "  ", "+5", "007", "-0"]),
        ]
        .boxed(),
        Amount => prop_oneof![
            decimal().prop_map(|d| num(&d.to_string())),
            decimal().prop_map(|d| Value::String(d.to_string())),
            decimal().prop_map(|d| Value::String(format!(" {d}\t"))),
            exponent().prop_map(|t| num(&t)),
            exponent().prop_map(Value::String),
            text(&["", "  ", "-0", "0e-50"]),
        ]
        .boxed(),
        List(schema) => {
            let element = if wrong == 0 {
                prop_oneof![10 => answer_object(schema, 0), 1 => Just(Value::Null)].boxed()
            } else {
                prop_oneof![
                    10 => answer_object(schema, wrong),
                    1 => Just(Value::Null),
                    wrong => prop_oneof![number(), text_value(), Just(Value::Array(vec![]))],
                ]
                .boxed()
            };
            prop::collection::vec(element, 0..4)
                .prop_map(Value::Array)
                .boxed()
        }
        Slot::Object(schema) => answer_object(schema, wrong),
    }
}

/// A value of the wrong kind for `slot`; `None` where the generator must not give one.
fn wrong_kind(slot: Slot) -> Option<BoxedStrategy<Value>> {
    let containers = || {
        prop_oneof![
            any::<bool>().prop_map(Value::Bool),
            Just(serde_json::json!([1])),
            Just(serde_json::json!({"amount": 1})),
        ]
    };
    Some(match slot {
        Text | Envelope => containers().boxed(),
        Int => prop_oneof![
            containers(),
            text(&["2.5", "abc", "1e3", "9223372036854775808", "- 1"]),
            select(vec!["2.5", "1e3", "9223372036854775808", "-0.0"]).prop_map(num),
        ]
        .boxed(),
        Amount => prop_oneof![
            containers(),
            text(&[
                "abc",
                "1.2.3",
                "- 1",
                "0x10",
                "1e-400",
                "1.00000000000000000000000000001",
            ]),
            select(vec!["1e400", "123456789012345678901234567890"]).prop_map(num),
        ]
        .boxed(),
        List(_) => {
            prop_oneof![number(), text_value(), Just(serde_json::json!({"id": "x"}))].boxed()
        }
        Slot::Object(_) => {
            prop_oneof![number(), text_value(), Just(serde_json::json!([{}]))].boxed()
        }
    })
}

/// An answer object of `schema`; members of the wrong kind weigh `wrong` (none when 0).
fn answer_object(schema: Schema, wrong: u32) -> BoxedStrategy<Value> {
    let members: Vec<BoxedStrategy<Option<(String, Value)>>> = schema
        .iter()
        .map(|&(key, slot)| {
            let given = prop_oneof![
                3 => Just(None),
                1 => Just(Some(Value::Null)),
                10 => valid(slot, wrong).prop_map(Some),
            ];
            let value = match wrong_kind(slot) {
                Some(bad) if wrong > 0 => {
                    prop_oneof![14 => given, wrong => bad.prop_map(Some)].boxed()
                }
                _ => given.boxed(),
            };
            value
                .prop_map(move |v| v.map(|v| (key.to_owned(), v)))
                .boxed()
        })
        .collect();
    let names = prop_oneof![3 => select(UNKNOWN).prop_map(str::to_owned), 1 => string()];
    let extra = prop_oneof![
        6 => Just(Vec::new()),
        1 => prop::collection::vec((names, junk()), 1..3),
    ];
    (members, extra)
        .prop_map(|(members, extra)| {
            let mut map: Map<String, Value> = extra.into_iter().collect();
            map.extend(members.into_iter().flatten());
            Value::Object(map)
        })
        .boxed()
}

/// Answers of `schema`, right or with values of the wrong kind; sometimes not an object (never `null`: see
/// `a_null_answer_says_what_it_is`).
fn answers(schema: Schema) -> impl Strategy<Value = Value> {
    let not_object = prop_oneof![number(), text_value(), Just(serde_json::json!([]))];
    prop_oneof![
        3 => answer_object(schema, 0),
        3 => answer_object(schema, 1),
        1 => not_object,
    ]
}

/// Reads the text of `value` with the reference and the crate, and compares.
fn check_answer<T: PartialEq + Debug>(
    value: &Value,
    reference: fn(&str) -> answer::Read<T>,
    read: fn(&str) -> Result<T, hwc_price::response::ResponseError>,
) -> Result<(), TestCaseError> {
    let text = serde_json::to_string(value).unwrap();
    match (reference(&text), read(&text)) {
        (Ok(expected), Ok(got)) => {
            // Debug shows each decimal's scale, which `==` does not compare.
            prop_assert_eq!(format!("{expected:?}"), format!("{got:?}"), "{}", text);
            prop_assert_eq!(expected, got);
        }
        (Err(expected), Err(got)) => {
            prop_assert_eq!(&expected.path, &got.path, "{}", text);
            prop_assert_eq!(&expected.message, &got.message, "{}", text);
        }
        (expected, got) => {
            return Err(TestCaseError::fail(format!(
                "{text}\nreference: {expected:#?}\ncrate: {got:#?}"
            )));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn on_demand_inquiries_read_as_a_value_reader_reads_them(value in noisy(on_demand)) {
        check::<OnDemandInquiry>(&value)?;
    }

    #[test]
    fn period_inquiries_read_as_a_value_reader_reads_them(value in noisy(period)) {
        check::<PeriodInquiry>(&value)?;
    }

    #[test]
    fn renewal_inquiries_read_as_a_value_reader_reads_them(value in noisy(renewal)) {
        check::<RenewalInquiry>(&value)?;
    }

    #[test]
    fn usage_values_and_whole_numbers_read_as_a_value_reader_reads_them(value in usage()) {
        check::<OnDemandInquiry>(&value)?;
    }

    #[test]
    fn on_demand_answers_read_as_a_value_reader_reads_them(value in answers(ON_DEMAND_ANSWER)) {
        check_answer(&value, answer::on_demand, OnDemandRating::from_json)?;
    }

    #[test]
    fn period_answers_read_as_a_value_reader_reads_them(value in answers(PERIOD_ANSWER)) {
        check_answer(&value, answer::period, PeriodRating::from_json)?;
    }

    #[test]
    fn renewal_answers_read_as_a_value_reader_reads_them(value in answers(RENEWAL_ANSWER)) {
        check_answer(&value, answer::renewal, RenewalRating::from_json)?;
    }
}

/// More violations inside lists than are listed: the crate lists the first ones and counts the rest; every
/// one it lists is one the reference finds. (Unknown members, which leave the drafts as they are, so that the
/// rules the reference runs through the public API stay under the bound themselves.)
#[test]
fn more_violations_than_are_listed_are_counted_the_same() {
    let mut product = serde_json::json!({
        "id": "same", "cloud_service_type": "hws.service.type.ec2", "resource_type": "hws.resource.type.vm",
        "resource_spec": "c6.large.2.linux", "region": "ap-southeast-1", "usage_factor": "Duration",
        "usage_value": 1, "usage_measure_id": 4, "subscription_num": 1,
    });
    for k in 0..11 {
        product[format!("extra_{k}")] = Value::from(k);
    }
    let value = serde_json::json!({ "project_id": " p1", "product_infos": vec![product; 100] });
    let Verdict::Invalid(expected) = inquiry::on_demand(&value, Scope::Request) else {
        panic!("unknown members and repeated ids are violations");
    };
    // 1100 unknown members, 99 repeated ids, and the padded project id.
    assert_eq!(expected.len(), 1_100 + 99 + 1);
    let err = OnDemandInquiry::from_json(&value.to_string()).unwrap_err();
    let last = err.violations().as_slice().last().unwrap();
    assert_eq!(last.rule, hwc_price::Rule::Truncated, "{last:?}");
    check::<OnDemandInquiry>(&value).unwrap();
}

// ---------------------------------------------------------------------------------------------------------
// Disagreements found, minimal. Each asserts the reference's answer; the generators leave these inputs out.
// ---------------------------------------------------------------------------------------------------------

/// A pay-per-use inquiry with one product whose `key` is `value` (JSON text).
fn one_product(key: &str, value: &str) -> Value {
    let mut product = serde_json::json!({
        "id": "1", "cloud_service_type": "s", "resource_type": "t", "resource_spec": "u", "region": "r",
        "usage_factor": "Duration", "usage_value": 1, "usage_measure_id": 4, "subscription_num": 1,
    });
    product[key] = serde_json::from_str(value).unwrap();
    serde_json::json!({ "project_id": "p1", "product_infos": [product] })
}

/// `5e0`, `5E+0`, `5e-0` are exact decimals (5). Found by these properties: `money::parse_decimal` once took
/// a written exponent of zero for no exponent and refused the text as too precise.
#[test]
fn an_exponent_of_zero_is_an_exact_decimal() {
    for (key, value) in [
        ("usage_value", "1e0"),
        ("usage_value", "\"1e0\""),
        ("usage_value", "1.5E-0"),
        ("usage_measure_id", "4e0"),
    ] {
        let inquiry = one_product(key, value);
        assert!(matches!(
            inquiry::on_demand(&inquiry, Scope::Request),
            Verdict::Valid(_)
        ));
        check::<OnDemandInquiry>(&inquiry).unwrap();
    }
}

/// The same in answers: `{"amount": 1e0}` reads as 1.
#[test]
fn an_amount_with_an_exponent_of_zero_reads() {
    let amount = serde_json::json!({ "amount": num("1e0") });
    check_answer(&amount, answer::on_demand, OnDemandRating::from_json).unwrap();
}

/// An answer's `error_code`, `error_msg`, `error_message` and `request_id` are read for what they can tell: a
/// value of another kind (`true`, `[]`, `{}`) is left out and never makes the answer unreadable (found by
/// these properties; the one-pass reader once stopped at such a member).
#[test]
fn envelope_members_of_the_wrong_kind_spoil_the_answer() {
    let request_id = serde_json::json!({ "request_id": true });
    check_answer(&request_id, answer::on_demand, OnDemandRating::from_json).unwrap();
    check_answer(&request_id, answer::period, PeriodRating::from_json).unwrap();
    check_answer(&request_id, answer::renewal, RenewalRating::from_json).unwrap();
    let error_code = serde_json::json!({ "amount": 1, "error_code": [] });
    check_answer(&error_code, answer::on_demand, OnDemandRating::from_json).unwrap();
    check_answer(&error_code, answer::period, PeriodRating::from_json).unwrap();
}

/// An answer that is `null` is refused at the top with what it is: "expected an object, got null".
#[test]
fn a_null_answer_says_what_it_is() {
    check_answer(&Value::Null, answer::on_demand, OnDemandRating::from_json).unwrap();
}
