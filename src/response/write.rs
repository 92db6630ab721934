//! Answers written back as JSON in wire names, for JavaScript: every amount an exact decimal string, absent
//! values `null`.

use super::model::{ListPrice, OptionalDiscount};
use super::Rating;
use crate::json::{object_text, ObjectWriter};

impl Rating {
    /// The answer as JSON text in wire names, every amount an exact decimal string, absent values `null`.
    pub fn to_json(&self) -> String {
        object_text(|w| match self {
            Rating::OnDemand(r) => {
                w.amount("amount", r.amount);
                w.amount("discount_amount", r.discount_amount);
                w.amount("official_website_amount", r.official_website_amount);
                w.int_or_null("measure_id", r.measure_id);
                w.text_or_null("currency", r.currency.as_deref());
                w.objects(
                    "product_rating_results",
                    &r.product_rating_results,
                    |w, l| {
                        w.text_or_null("id", l.id.as_deref());
                        w.text_or_null("product_id", l.product_id.as_deref());
                        w.amount("amount", l.amount);
                        w.amount("discount_amount", l.discount_amount);
                        w.amount("official_website_amount", l.official_website_amount);
                        w.int_or_null("measure_id", l.measure_id);
                        w.objects(
                            "discount_rating_results",
                            &l.discount_rating_results,
                            |w, d| {
                                w.text_or_null("discount_id", d.discount_id.as_deref());
                                w.int_or_null("discount_type", d.discount_type);
                                w.amount("amount", d.amount);
                                w.int_or_null("measure_id", d.measure_id);
                                w.text_or_null("discount_name", d.discount_name.as_deref());
                            },
                        );
                    },
                );
            }
            Rating::Period(r) => {
                write_list_price(w, r.official_website_rating_result.as_ref());
                write_options(w, &r.optional_discount_rating_results);
                w.text_or_null("currency", r.currency.as_deref());
            }
            Rating::Renewal(r) => {
                w.text_or_null("currency", r.currency.as_deref());
                w.objects("renew_inquiry_results", &r.renew_inquiry_results, |w, l| {
                    w.text_or_null("resource_id", l.resource_id.as_deref());
                    w.amount("amount", l.amount);
                });
                write_list_price(w, r.official_website_rating_result.as_ref());
                write_options(w, &r.optional_discount_rating_results);
                w.objects("fail_resource_infos", &r.fail_resource_infos, |w, f| {
                    w.text_or_null("resource_id", f.resource_id.as_deref());
                    w.text_or_null("error_code", f.error_code.as_deref());
                    w.text_or_null("error_msg", f.error_msg.as_deref());
                });
                w.text_or_null("error_code", r.error.error_code.as_deref());
                w.text_or_null("error_msg", r.error.error_msg.as_deref());
            }
        })
    }
}

fn write_list_price(w: &mut ObjectWriter<'_>, list: Option<&ListPrice>) {
    w.object_or_null("official_website_rating_result", list, |w, l| {
        w.amount("official_website_amount", l.official_website_amount);
        w.amount(
            "installment_official_website_amount",
            l.installment_official_website_amount,
        );
        w.int_or_null("measure_id", l.measure_id);
        w.objects(
            "product_rating_results",
            &l.product_rating_results,
            |w, p| {
                w.text_or_null("id", p.id.as_deref());
                w.text_or_null("product_id", p.product_id.as_deref());
                w.amount("official_website_amount", p.official_website_amount);
                w.int_or_null("measure_id", p.measure_id);
            },
        );
    });
}

fn write_options(w: &mut ObjectWriter<'_>, options: &[OptionalDiscount]) {
    w.objects("optional_discount_rating_results", options, |w, o| {
        w.text_or_null("discount_id", o.discount_id.as_deref());
        w.amount("amount", o.amount);
        w.amount("official_website_amount", o.official_website_amount);
        w.amount("discount_amount", o.discount_amount);
        w.int_or_null("measure_id", o.measure_id);
        w.int_or_null("discount_type", o.discount_type);
        w.text_or_null("discount_name", o.discount_name.as_deref());
        w.int_or_null("best_offer", o.best_offer);
        w.objects(
            "product_rating_results",
            &o.product_rating_results,
            |w, p| {
                w.text_or_null("id", p.id.as_deref());
                w.text_or_null("product_id", p.product_id.as_deref());
                w.amount("amount", p.amount);
                w.amount("official_website_amount", p.official_website_amount);
                w.amount("discount_amount", p.discount_amount);
                w.int_or_null("measure_id", p.measure_id);
            },
        );
    });
}
