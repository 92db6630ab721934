//! Reading the three answers (and error bodies) from their JSON text in one pass, tolerantly: unknown fields
//! are ignored, `null` and absent mean "not given", amounts may be JSON numbers or strings, ids may arrive as
//! numbers. A value of the wrong kind ends the reading with its wire-name path.

use rust_decimal::Decimal;

use super::model::*;
use super::recognise::is_result_member;
use super::ResponseError;
use crate::money::parse_decimal;
use crate::validate::read::{read_text, Cx, Each, Members, Mode, Nested, Seen};
use crate::validate::{Path, Rule, Unsendable};

/// What the top of any answer may carry besides its data: a business error and the gateway's request id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Envelope {
    /// `error_code`, and `error_msg` or the gateway's `error_message`.
    pub error: ErrorBody,
    /// The body's `request_id` (gateways put it there; the service uses the `X-Request-Id` header).
    pub request_id: Option<String>,
    /// The top-level result members of any of the three answers that the body has, by name, whatever their
    /// values, each once, in the body's order: what tells which API it answers ([`super::recognise`]).
    pub members: Vec<&'static str>,
}

impl Envelope {
    /// The error, when the answer carries a non-empty `error_code`.
    pub fn error(&self) -> Option<&ErrorBody> {
        self.error
            .error_code
            .as_deref()
            .is_some_and(|c| !c.is_empty())
            .then_some(&self.error)
    }

    /// Notes the member `name` when it is a result member of one of the three answers.
    fn note(&mut self, name: Option<&'static str>) {
        if let Some(name) = name.filter(|n| is_result_member(n)) {
            if !self.members.contains(&name) {
                self.members.push(name);
            }
        }
    }

    /// Reads one of the envelope's members; `false` when `key` is not one.
    fn member(&mut self, key: &str, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) -> bool {
        let here = at.key(key);
        match key {
            "error_code" => self.error.error_code = text(cx, seen, &here),
            "error_msg" => {
                self.error.error_msg = text(cx, seen, &here).or(self.error.error_msg.take())
            }
            "error_message" => {
                let message = text(cx, seen, &here);
                if self.error.error_msg.is_none() {
                    self.error.error_msg = message;
                }
            }
            "request_id" => self.request_id = text(cx, seen, &here),
            _ => return false,
        }
        true
    }
}

/// Wire names of the envelope's members.
const ENVELOPE: [&str; 4] = ["error_code", "error_msg", "error_message", "request_id"];

/// Stops the reading at `at` with "expected `expected`, got …".
fn wrong(cx: &mut Cx, at: &Path<'_>, expected: &str, seen: &Seen<'_>) {
    cx.shape(
        0,
        at,
        Rule::Type,
        format!("expected {expected}, got {}", seen.describe()),
    );
}

/// An exact amount, from a JSON number or a decimal string (`""` counts as not given).
fn amount(cx: &mut Cx, seen: Seen<'_>, at: &Path<'_>) -> Option<Decimal> {
    let seen = cx.look(seen, at);
    let text = match &seen {
        Seen::Null => return None,
        Seen::Number(t) => t.as_ref(),
        Seen::Str(s) if s.trim().is_empty() => return None,
        Seen::Str(s) => s.trim(),
        other => {
            wrong(cx, at, "an amount", other);
            return None;
        }
    };
    match parse_decimal(text) {
        Ok(d) => Some(d),
        Err(e) => {
            cx.shape(0, at, Rule::Decimal, format!("{e}: {text}"));
            None
        }
    }
}

/// A string; a number is taken as its text (ids sometimes arrive as numbers).
fn text(cx: &mut Cx, seen: Seen<'_>, at: &Path<'_>) -> Option<String> {
    match cx.look(seen, at) {
        Seen::Null => None,
        Seen::Str(s) => Some(s.into_owned()),
        Seen::Number(t) => Some(t.into_owned()),
        other => {
            wrong(cx, at, "a string", &other);
            None
        }
    }
}

/// A whole number, from a JSON number or a numeric string.
fn int(cx: &mut Cx, seen: Seen<'_>, at: &Path<'_>) -> Option<i64> {
    let seen = cx.look(seen, at);
    let parsed = match &seen {
        Seen::Null => return None,
        Seen::Number(t) => t.parse::<i64>().ok(),
        Seen::Str(s) if s.trim().is_empty() => return None,
        Seen::Str(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    if parsed.is_none() {
        wrong(cx, at, "a whole number", &seen);
    }
    parsed
}

/// Defines how an answer object is read: each member's position, wire name and kind (`text`, `int` and
/// `amount` members from their exact value, `list` members element by element, `object` members as an
/// object that may be null).
macro_rules! members {
    ($ty:ty { $($index:literal $field:ident: $kind:ident,)* }) => {
        impl Members for $ty {
            fn fields(&self) -> &'static [&'static str] {
                &[$(stringify!($field)),*]
            }

            fn required(&self, _: usize) -> bool {
                false
            }

            #[allow(unreachable_patterns)]
            fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
                match index {
                    $($index => members!(@scalar $kind, self.$field, seen, cx, at, stringify!($field)),)*
                    _ => {}
                }
            }

            #[allow(unreachable_patterns)]
            fn nested(&mut self, index: usize) -> Option<Nested<'_>> {
                match index {
                    $($index => members!(@nested $kind, self.$field, stringify!($field)),)*
                    _ => None,
                }
            }
        }
    };
    (@scalar list, $target:expr, $seen:ident, $cx:ident, $at:ident, $key:expr) => {{}};
    (@scalar object, $target:expr, $seen:ident, $cx:ident, $at:ident, $key:expr) => {{}};
    (@scalar $kind:ident, $target:expr, $seen:ident, $cx:ident, $at:ident, $key:expr) => {
        $target = $kind($cx, $seen, &$at.key($key))
    };
    (@nested list, $target:expr, $key:expr) => {
        Some(Nested::Objects(Box::new(Each::new(&mut $target, "an object"))))
    };
    (@nested object, $target:expr, $key:expr) => {
        Some(Nested::Object(&mut $target))
    };
    (@nested $kind:ident, $target:expr, $key:expr) => {
        None
    };
}

members!(DiscountRating {
    0 discount_id: text,
    1 discount_type: int,
    2 amount: amount,
    3 measure_id: int,
    4 discount_name: text,
});

members!(OnDemandLine {
    0 id: text,
    1 product_id: text,
    2 amount: amount,
    3 discount_amount: amount,
    4 official_website_amount: amount,
    5 measure_id: int,
    6 discount_rating_results: list,
});

members!(ListPriceLine {
    0 id: text,
    1 product_id: text,
    2 official_website_amount: amount,
    3 measure_id: int,
});

members!(ListPrice {
    0 official_website_amount: amount,
    1 installment_official_website_amount: amount,
    2 measure_id: int,
    3 product_rating_results: list,
});

members!(DiscountedLine {
    0 id: text,
    1 product_id: text,
    2 amount: amount,
    3 official_website_amount: amount,
    4 discount_amount: amount,
    5 measure_id: int,
});

members!(OptionalDiscount {
    0 discount_id: text,
    1 amount: amount,
    2 official_website_amount: amount,
    3 discount_amount: amount,
    4 measure_id: int,
    5 discount_type: int,
    6 discount_name: text,
    7 best_offer: int,
    8 product_rating_results: list,
});

members!(RenewalLine {
    0 resource_id: text,
    1 amount: amount,
});

impl Members for FailedResource {
    fn fields(&self) -> &'static [&'static str] {
        &["resource_id", "error_code", "error_msg", "error_message"]
    }

    fn required(&self, _: usize) -> bool {
        false
    }

    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        let key = self.fields().get(index).copied().unwrap_or_default();
        let value = text(cx, seen, &at.key(key));
        match index {
            0 => self.resource_id = value,
            1 => self.error_code = value,
            // `error_msg` wins over the gateway's `error_message`, whichever comes first.
            2 => self.error_msg = value.or(self.error_msg.take()),
            _ => {
                if self.error_msg.is_none() {
                    self.error_msg = value;
                }
            }
        }
    }
}

/// The data members of an answer: after the envelope's four, in [`Answer`]'s member positions.
trait Data: Default {
    /// Wire names of the envelope's members, then the data's, then the other APIs' top-level result members,
    /// which are only noted (their values skipped) to tell which API an answer comes from.
    const FIELDS: &'static [&'static str];
    /// Reads the scalar data member `FIELDS[index]` (at least 4).
    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>);
    /// The nested data member `FIELDS[index]`, if it is one.
    fn nested(&mut self, index: usize) -> Option<Nested<'_>>;
}

/// An answer being read: its data and its envelope.
#[derive(Debug, Default)]
pub(crate) struct Answer<R> {
    pub(crate) rating: R,
    pub(crate) envelope: Envelope,
}

impl<R: Data> Members for Answer<R> {
    fn fields(&self) -> &'static [&'static str] {
        R::FIELDS
    }

    fn required(&self, _: usize) -> bool {
        false
    }

    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        self.envelope.note(R::FIELDS.get(index).copied());
        match ENVELOPE.get(index) {
            // The envelope is read for what it can tell: a member of an unexpected kind is left out, and never
            // spoils the answer (as `error_body` reads it).
            Some(key) => {
                let mut lenient = Cx::new(Mode::Tolerant, Unsendable::default());
                self.envelope.member(key, seen, &mut lenient, at);
            }
            None => self.rating.scalar(index, seen, cx, at),
        }
    }

    fn nested(&mut self, index: usize) -> Option<Nested<'_>> {
        self.envelope.note(R::FIELDS.get(index).copied());
        self.rating.nested(index)
    }
}

impl Data for OnDemandRating {
    const FIELDS: &'static [&'static str] = &[
        "error_code",
        "error_msg",
        "error_message",
        "request_id",
        "amount",
        "discount_amount",
        "official_website_amount",
        "measure_id",
        "currency",
        "product_rating_results",
        // Another API's, only noted.
        "official_website_rating_result",
        "optional_discount_rating_results",
        "renew_inquiry_results",
        "fail_resource_infos",
    ];

    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        let key = Self::FIELDS.get(index).copied().unwrap_or_default();
        let here = at.key(key);
        match index {
            4 => self.amount = amount(cx, seen, &here),
            5 => self.discount_amount = amount(cx, seen, &here),
            6 => self.official_website_amount = amount(cx, seen, &here),
            7 => self.measure_id = int(cx, seen, &here),
            8 => self.currency = text(cx, seen, &here),
            _ => {}
        }
    }

    fn nested(&mut self, index: usize) -> Option<Nested<'_>> {
        (index == 9).then(|| {
            Nested::Objects(Box::new(Each::new(
                &mut self.product_rating_results,
                "an object",
            )))
        })
    }
}

impl Data for PeriodRating {
    const FIELDS: &'static [&'static str] = &[
        "error_code",
        "error_msg",
        "error_message",
        "request_id",
        "official_website_rating_result",
        "optional_discount_rating_results",
        "currency",
        // Other APIs', only noted.
        "amount",
        "discount_amount",
        "official_website_amount",
        "measure_id",
        "product_rating_results",
        "renew_inquiry_results",
        "fail_resource_infos",
    ];

    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        if index == 6 {
            self.currency = text(cx, seen, &at.key("currency"));
        }
    }

    fn nested(&mut self, index: usize) -> Option<Nested<'_>> {
        match index {
            4 => Some(Nested::Object(&mut self.official_website_rating_result)),
            5 => Some(Nested::Objects(Box::new(Each::new(
                &mut self.optional_discount_rating_results,
                "an object",
            )))),
            _ => None,
        }
    }
}

impl Data for RenewalRating {
    const FIELDS: &'static [&'static str] = &[
        "error_code",
        "error_msg",
        "error_message",
        "request_id",
        "currency",
        "renew_inquiry_results",
        "official_website_rating_result",
        "optional_discount_rating_results",
        "fail_resource_infos",
        // Another API's, only noted.
        "amount",
        "discount_amount",
        "official_website_amount",
        "measure_id",
        "product_rating_results",
    ];

    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        if index == 4 {
            self.currency = text(cx, seen, &at.key("currency"));
        }
    }

    fn nested(&mut self, index: usize) -> Option<Nested<'_>> {
        match index {
            5 => Some(Nested::Objects(Box::new(Each::new(
                &mut self.renew_inquiry_results,
                "an object",
            )))),
            6 => Some(Nested::Object(&mut self.official_website_rating_result)),
            7 => Some(Nested::Objects(Box::new(Each::new(
                &mut self.optional_discount_rating_results,
                "an object",
            )))),
            8 => Some(Nested::Objects(Box::new(Each::new(
                &mut self.fail_resource_infos,
                "an object",
            )))),
            _ => None,
        }
    }
}

/// Reads an answer of data `R` from its JSON text, with its envelope.
fn read_answer<R: Data>(text: &str) -> Result<Answer<R>, ResponseError> {
    let mut cx = Cx::new(Mode::Tolerant, Unsendable::default());
    let mut answer = Answer::<R>::default();
    if read_text(text, &mut cx, "an answer", &mut answer) && !cx.is_stopped() {
        return Ok(answer);
    }
    let (path, message) = cx
        .into_stopped()
        .unwrap_or_else(|| (String::new(), "unreadable".to_owned()));
    Err(ResponseError { path, message })
}

/// Reads a pay-per-use answer.
pub(crate) fn on_demand(text: &str) -> Result<Answer<OnDemandRating>, ResponseError> {
    read_answer(text)
}

/// Reads a yearly/monthly answer.
pub(crate) fn period(text: &str) -> Result<Answer<PeriodRating>, ResponseError> {
    read_answer(text)
}

/// Reads a renewal answer; its envelope's error is also kept in the rating (renew-rate reports business
/// failures with HTTP 200).
pub(crate) fn renewal(text: &str) -> Result<Answer<RenewalRating>, ResponseError> {
    let mut answer = read_answer::<RenewalRating>(text)?;
    answer.rating.error = answer.envelope.error.clone();
    Ok(answer)
}

/// Only the envelope, of any body.
#[derive(Debug, Default)]
struct EnvelopeOnly(Envelope);

impl Members for EnvelopeOnly {
    fn fields(&self) -> &'static [&'static str] {
        &ENVELOPE
    }

    fn required(&self, _: usize) -> bool {
        false
    }

    fn scalar(&mut self, index: usize, seen: Seen<'_>, _: &mut Cx, at: &Path<'_>) {
        // A member of an unexpected type is only left out: an error body is read for what it can tell.
        let mut lenient = Cx::new(Mode::Tolerant, Unsendable::default());
        let key = ENVELOPE.get(index).copied().unwrap_or_default();
        self.0.member(key, seen, &mut lenient, at);
    }
}

/// The envelope of an error body; `None` when the body is not a JSON object.
pub(crate) fn envelope(text: &str) -> Option<Envelope> {
    let mut cx = Cx::new(Mode::Tolerant, Unsendable::default());
    let mut envelope = EnvelopeOnly::default();
    read_text(text, &mut cx, "an answer", &mut envelope).then_some(envelope.0)
}
