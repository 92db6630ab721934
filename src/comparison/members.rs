//! The comparison's input as the one-pass JSON reader sees it: its members, its products and its periods,
//! read with the inquiries' limits (`validate::read`).

use rust_decimal::Decimal;

use super::model::{ComparedProduct, Period, MAX_PERIODS};
use super::words;
use crate::inquiry::limits::*;
use crate::language::Words;
use crate::validate::read::{rank, Cx, Each, Members, Nested, Seen};
use crate::validate::scalar::{Need, Place};
use crate::validate::Path;

const FIELDS: &[&str] = &[
    "project_id",
    "products",
    "hoursPerMonth",
    "periods",
    "inquiry_precision",
];
/// The fields every product line has, then pay-per-use's usage factor (the one term a comparison takes).
const PRODUCT_FIELDS: &[&str] = crate::inquiry::product_fields!("usage_factor");
const PERIOD_FIELDS: &[&str] = &["period_type", "period_num"];

#[derive(Default)]
pub(super) struct ProductMembers(pub(super) ComparedProduct);

impl Members for ProductMembers {
    fn fields(&self) -> &'static [&'static str] {
        PRODUCT_FIELDS
    }

    fn not_a_field(&self) -> Words {
        words::NOT_A_FIELD
    }

    fn required(&self, index: usize) -> bool {
        !matches!(index, 5..=7 | 9)
    }

    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        let here = at.key(PRODUCT_FIELDS.get(index).copied().unwrap_or_default());
        let need = if self.required(index) {
            Need::Required
        } else {
            Need::Optional
        };
        let place = Place {
            at: &here,
            rank: rank(index),
            need,
        };
        // The fields every product line has are read as the inquiries read them; then the usage factor.
        if let Some(seen) = crate::inquiry::read_shared(&mut self.0, index, seen, cx, place) {
            self.0.terms = cx.text(seen, place);
        }
    }
}

#[derive(Default)]
pub(super) struct PeriodMembers(pub(super) Period);

impl Members for PeriodMembers {
    fn fields(&self) -> &'static [&'static str] {
        PERIOD_FIELDS
    }

    fn not_a_field(&self) -> Words {
        words::NOT_A_FIELD
    }

    fn required(&self, _index: usize) -> bool {
        true
    }

    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        let here = at.key(PERIOD_FIELDS.get(index).copied().unwrap_or_default());
        let place = Place {
            at: &here,
            rank: rank(index),
            need: Need::Required,
        };
        if index == 0 {
            self.0.period_type = cx
                .int(seen, place, &SUBSCRIBE_PERIOD_TYPE)
                .unwrap_or_default();
        } else {
            self.0.period_num = cx
                .int(seen, place, &SUBSCRIBE_PERIOD_NUM)
                .unwrap_or_default();
        }
    }
}

#[derive(Default)]
pub(super) struct InputMembers {
    pub(super) project_id: String,
    pub(super) products: Vec<ProductMembers>,
    pub(super) listed: usize,
    pub(super) hours_per_month: Option<Decimal>,
    pub(super) periods: Option<Vec<PeriodMembers>>,
    pub(super) periods_listed: usize,
    pub(super) inquiry_precision: Option<i64>,
}

impl Members for InputMembers {
    fn fields(&self) -> &'static [&'static str] {
        FIELDS
    }

    fn not_a_field(&self) -> Words {
        words::NOT_A_FIELD
    }

    fn required(&self, index: usize) -> bool {
        index < 2
    }

    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>) {
        let here = at.key(FIELDS.get(index).copied().unwrap_or_default());
        let need = if index == 0 {
            Need::Required
        } else {
            Need::Optional
        };
        let place = Place {
            at: &here,
            rank: rank(index),
            need,
        };
        match index {
            0 => self.project_id = cx.text(seen, place).unwrap_or_default(),
            2 => self.hours_per_month = cx.decimal(seen, place),
            4 => self.inquiry_precision = cx.int(seen, place, &INQUIRY_PRECISION),
            // A list member given as a scalar: the reader reports its type through `nested`.
            _ => {}
        }
    }

    fn nested(&mut self, index: usize) -> Option<Nested<'_>> {
        match index {
            1 => Some(Nested::Objects(Box::new(
                Each::named(&mut self.products, crate::inquiry::messages::A_PRODUCT)
                    .bounded(MAX_PRODUCTS_PER_BATCH, &mut self.listed),
            ))),
            3 => Some(Nested::Objects(Box::new(
                Each::named(self.periods.get_or_insert_with(Vec::new), words::A_PERIOD)
                    .bounded(MAX_PERIODS, &mut self.periods_listed),
            ))),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    /// The comparison's product has the fields every product line has, in their order, then its usage factor:
    /// the shared reader relies on it.
    #[test]
    fn product_fields_are_the_inquiries_then_the_usage_factor() {
        let shared = crate::inquiry::PRODUCT_FIELDS;
        assert_eq!(&super::PRODUCT_FIELDS[..shared.len()], shared);
        assert_eq!(&super::PRODUCT_FIELDS[shared.len()..], ["usage_factor"]);
    }
}
