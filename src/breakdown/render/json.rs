//! The breakdown as JSON: the plain object that `quote.breakdown()` returns, and the versioned document of
//! `toJSON()`. Amounts are exact decimal strings. Every member name is camelCase, as JavaScript names its own
//! objects; the breakdown embeds nothing of the wire's shape.

use crate::breakdown::{Amounts, Breakdown, Projection, JSON_VERSION};
use crate::json::{object_text, ObjectWriter};

impl Breakdown {
    /// The breakdown as JSON, amounts as exact decimal strings.
    pub fn to_plain_json(&self) -> String {
        object_text(|w| self.write(w))
    }

    /// The versioned JSON document: `{ "format": "hwc-price.breakdown", "version": 2, … }`, amounts as exact
    /// decimal strings.
    pub fn to_json(&self) -> String {
        self.to_document(None)
    }

    /// [`to_json`](Self::to_json) with the JSON text of the inquiry priced as its last member, `inquiry` (a
    /// string, so that every number in it stays exact), when given: what it takes to price it again.
    pub fn to_document(&self, inquiry: Option<&str>) -> String {
        object_text(|w| {
            w.string("format", "hwc-price.breakdown");
            w.int("version", i64::from(JSON_VERSION));
            self.write(w);
            if let Some(inquiry) = inquiry {
                w.string("inquiry", inquiry);
            }
        })
    }

    fn write(&self, w: &mut ObjectWriter<'_>) {
        w.string("kind", self.kind.code());
        w.string("currency", &self.currency);
        w.string("language", self.language.header());
        w.object_or_null("totals", Some(&self.totals), write_amounts);
        w.amount("discountPercent", self.discount_percent);
        w.boolean("listPriceOnly", self.list_price_only);
        w.objects("lines", &self.lines, |w, l| {
            w.text_or_null("id", l.id.as_deref());
            w.text_or_null("productId", l.product_id.as_deref());
            w.text_or_null("description", l.description.as_deref());
            w.text_or_null("covers", l.covers.as_deref());
            w.object_or_null("asked", l.asked.as_ref(), |w, a| {
                w.text_or_null("cloudServiceType", a.cloud_service_type.as_deref());
                w.text_or_null("resourceType", a.resource_type.as_deref());
                w.text_or_null("resourceSpec", a.resource_spec.as_deref());
                w.text_or_null("region", a.region.as_deref());
                w.text_or_null("size", a.size.as_deref());
                w.int_or_null("quantity", a.quantity);
                w.text_or_null("usage", a.usage.as_deref());
                w.text_or_null("period", a.period.as_deref());
            });
            write_amounts(w, &l.amounts);
            w.amount("discountPercent", l.discount_percent);
            w.objects("discounts", &l.discounts, |w, d| {
                w.text_or_null("discountId", d.discount_id.as_deref());
                w.int_or_null("typeCode", d.type_code);
                w.string("typeName", &d.type_name);
                w.text_or_null("name", d.name.as_deref());
                w.amount("amount", d.amount);
            });
            w.object_or_null("projection", l.projection.as_ref(), write_projection);
        });
        w.objects("options", &self.options, |w, o| {
            w.text_or_null("discountId", o.discount_id.as_deref());
            w.int_or_null("typeCode", o.type_code);
            w.string("typeName", &o.type_name);
            w.text_or_null("name", o.name.as_deref());
            write_amounts(w, &o.amounts);
            w.amount("discountPercent", o.discount_percent);
            w.boolean("bestOffer", o.best_offer);
        });
        w.objects("failures", &self.failures, |w, f| {
            w.text_or_null("id", f.id.as_deref());
            w.text_or_null("code", f.code.as_deref());
            w.text_or_null("message", f.message.as_deref());
        });
        w.objects("warnings", &self.warnings, |w, x| {
            w.string("code", x.code);
            w.string("message", &x.message);
        });
        w.object_or_null("projections", self.projections.as_ref(), |w, p| {
            w.amount("hoursPerMonth", Some(p.hours_per_month));
            w.string("assumption", &p.assumption);
            w.object_or_null("total", p.total.as_ref(), write_projection);
        });
    }
}

fn write_amounts(w: &mut ObjectWriter<'_>, a: &Amounts) {
    w.amount("list", a.list);
    w.amount("discount", a.discount);
    w.amount("final", a.final_price);
}

fn write_projection(w: &mut ObjectWriter<'_>, p: &Projection) {
    w.amount("perHour", Some(p.per_hour));
    w.amount("perMonth", Some(p.per_month));
    w.amount("perYear", Some(p.per_year));
    w.boolean("exact", p.exact);
}
