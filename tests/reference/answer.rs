//! The three answers read from a `serde_json::Value` the tolerant way of 2681cf2 (`src/response/read.rs`,
//! `Fields`, and `OnDemandRating::from_json` etc.): unknown fields are ignored, `null` means "not given",
//! amounts are JSON numbers or decimal strings (trimmed; blank is not given), ids are strings or numbers
//! (a number as its text), whole numbers are numbers or numeric strings, and `error_msg` wins over the
//! gateway's `error_message`. A value of the wrong kind ends the reading with its path.
//!
//! Adapted to a one-pass reading: the value that ends the reading is the first wrong one *in the text*
//! (members in their order in the text, depth first), where the old reader took the fields in the order its
//! code named them. `null` as a list element is "not given" too and is left out (its index still counts), as
//! the current reader documents; the old reader refused it.

use hwc_price::response::{
    DiscountRating, DiscountedLine, ErrorBody, FailedResource, ListPrice, ListPriceLine,
    OnDemandLine, OnDemandRating, OptionalDiscount, PeriodRating, RenewalLine, RenewalRating,
};
use hwc_price::validate::Path;
use hwc_price::Decimal;
use serde_json::{Map, Value};

use super::decimal::parse_decimal;
use super::read::describe;

/// Why an answer could not be read: the path of the offending value and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Wire-name path; empty for the whole answer.
    pub path: String,
    /// What was expected and what was seen.
    pub message: String,
}

/// The result of reading one value of an answer.
pub type Read<T> = Result<T, Failure>;

type Object = Map<String, Value>;

fn wrong(at: &Path<'_>, expected: &str, value: &Value) -> Failure {
    Failure {
        path: at.render(),
        message: format!("expected {expected}, got {}", describe(value)),
    }
}

/// An exact amount, from a JSON number or a decimal string (`""` counts as not given).
fn amount(value: &Value, at: &Path<'_>) -> Read<Option<Decimal>> {
    let text = match value {
        Value::Null => return Ok(None),
        Value::Number(n) => n.as_str(),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.trim(),
        other => return Err(wrong(at, "an amount", other)),
    };
    parse_decimal(text).map(Some).map_err(|e| Failure {
        path: at.render(),
        message: format!("{e}: {text}"),
    })
}

/// A string; a number is taken as its text (ids sometimes arrive as numbers).
fn text(value: &Value, at: &Path<'_>) -> Read<Option<String>> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) => Ok(Some(n.as_str().to_owned())),
        other => Err(wrong(at, "a string", other)),
    }
}

/// A whole number, from a JSON number or a numeric string.
fn int(value: &Value, at: &Path<'_>) -> Read<Option<i64>> {
    let text = match value {
        Value::Null => return Ok(None),
        Value::Number(n) => n.as_str(),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.trim(),
        other => return Err(wrong(at, "a whole number", other)),
    };
    text.parse::<i64>()
        .map(Some)
        .map_err(|_| wrong(at, "a whole number", value))
}

/// The objects of a list, each read with `read` (absent or null list: none; null element: left out).
fn list<T>(value: &Value, at: &Path<'_>, read: fn(&Object, &Path<'_>) -> Read<T>) -> Read<Vec<T>> {
    let items = match value {
        Value::Null => return Ok(Vec::new()),
        Value::Array(items) => items,
        other => return Err(wrong(at, "a list", other)),
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let here = at.index(i);
        match item {
            Value::Null => {}
            Value::Object(map) => out.push(read(map, &here)?),
            other => return Err(wrong(&here, "an object", other)),
        }
    }
    Ok(out)
}

/// A nested object, if given.
fn object<T>(
    value: &Value,
    at: &Path<'_>,
    read: fn(&Object, &Path<'_>) -> Read<T>,
) -> Read<Option<T>> {
    match value {
        Value::Null => Ok(None),
        Value::Object(map) => read(map, at).map(Some),
        other => Err(wrong(at, "an object", other)),
    }
}

/// Calls `each` with every member of `map` in order, with its path; the first error ends the walk.
fn members(
    map: &Object,
    at: &Path<'_>,
    mut each: impl FnMut(&str, &Value, &Path<'_>) -> Read<()>,
) -> Read<()> {
    for (key, value) in map {
        each(key, value, &at.key(key))?;
    }
    Ok(())
}

fn discount(map: &Object, at: &Path<'_>) -> Read<DiscountRating> {
    let mut d = DiscountRating::default();
    members(map, at, |key, v, here| {
        match key {
            "discount_id" => d.discount_id = text(v, here)?,
            "discount_type" => d.discount_type = int(v, here)?,
            "amount" => d.amount = amount(v, here)?,
            "measure_id" => d.measure_id = int(v, here)?,
            "discount_name" => d.discount_name = text(v, here)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(d)
}

fn on_demand_line(map: &Object, at: &Path<'_>) -> Read<OnDemandLine> {
    let mut l = OnDemandLine::default();
    members(map, at, |key, v, here| {
        match key {
            "id" => l.id = text(v, here)?,
            "product_id" => l.product_id = text(v, here)?,
            "amount" => l.amount = amount(v, here)?,
            "discount_amount" => l.discount_amount = amount(v, here)?,
            "official_website_amount" => l.official_website_amount = amount(v, here)?,
            "measure_id" => l.measure_id = int(v, here)?,
            "discount_rating_results" => l.discount_rating_results = list(v, here, discount)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(l)
}

fn list_price_line(map: &Object, at: &Path<'_>) -> Read<ListPriceLine> {
    let mut l = ListPriceLine::default();
    members(map, at, |key, v, here| {
        match key {
            "id" => l.id = text(v, here)?,
            "product_id" => l.product_id = text(v, here)?,
            "official_website_amount" => l.official_website_amount = amount(v, here)?,
            "measure_id" => l.measure_id = int(v, here)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(l)
}

fn list_price(map: &Object, at: &Path<'_>) -> Read<ListPrice> {
    let mut p = ListPrice::default();
    members(map, at, |key, v, here| {
        match key {
            "official_website_amount" => p.official_website_amount = amount(v, here)?,
            "installment_official_website_amount" => {
                p.installment_official_website_amount = amount(v, here)?
            }
            "measure_id" => p.measure_id = int(v, here)?,
            "product_rating_results" => p.product_rating_results = list(v, here, list_price_line)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(p)
}

fn discounted_line(map: &Object, at: &Path<'_>) -> Read<DiscountedLine> {
    let mut l = DiscountedLine::default();
    members(map, at, |key, v, here| {
        match key {
            "id" => l.id = text(v, here)?,
            "product_id" => l.product_id = text(v, here)?,
            "amount" => l.amount = amount(v, here)?,
            "official_website_amount" => l.official_website_amount = amount(v, here)?,
            "discount_amount" => l.discount_amount = amount(v, here)?,
            "measure_id" => l.measure_id = int(v, here)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(l)
}

fn optional_discount(map: &Object, at: &Path<'_>) -> Read<OptionalDiscount> {
    let mut o = OptionalDiscount::default();
    members(map, at, |key, v, here| {
        match key {
            "discount_id" => o.discount_id = text(v, here)?,
            "amount" => o.amount = amount(v, here)?,
            "official_website_amount" => o.official_website_amount = amount(v, here)?,
            "discount_amount" => o.discount_amount = amount(v, here)?,
            "measure_id" => o.measure_id = int(v, here)?,
            "discount_type" => o.discount_type = int(v, here)?,
            "discount_name" => o.discount_name = text(v, here)?,
            "best_offer" => o.best_offer = int(v, here)?,
            "product_rating_results" => o.product_rating_results = list(v, here, discounted_line)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(o)
}

fn failed_resource(map: &Object, at: &Path<'_>) -> Read<FailedResource> {
    let mut f = FailedResource::default();
    let mut gateway_message = None;
    members(map, at, |key, v, here| {
        match key {
            "resource_id" => f.resource_id = text(v, here)?,
            "error_code" => f.error_code = text(v, here)?,
            "error_msg" => f.error_msg = text(v, here)?,
            "error_message" => gateway_message = text(v, here)?,
            _ => {}
        }
        Ok(())
    })?;
    f.error_msg = f.error_msg.or(gateway_message);
    Ok(f)
}

fn renewal_line(map: &Object, at: &Path<'_>) -> Read<RenewalLine> {
    let mut l = RenewalLine::default();
    members(map, at, |key, v, here| {
        match key {
            "resource_id" => l.resource_id = text(v, here)?,
            "amount" => l.amount = amount(v, here)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(l)
}

/// Parses an answer's text; its top must be an object.
fn top(text: &str) -> Read<Object> {
    let value: Value = serde_json::from_str(text).map_err(|e| Failure {
        path: String::new(),
        message: format!("not JSON: {e}"),
    })?;
    match value {
        Value::Object(map) => Ok(map),
        other => Err(wrong(&Path::Root, "an object", &other)),
    }
}

/// Reads a pay-per-use answer (its business-error members are not fields of the rating: ignored).
pub fn on_demand(json: &str) -> Read<OnDemandRating> {
    let map = top(json)?;
    let mut r = OnDemandRating::default();
    members(&map, &Path::Root, |key, v, here| {
        match key {
            "amount" => r.amount = amount(v, here)?,
            "discount_amount" => r.discount_amount = amount(v, here)?,
            "official_website_amount" => r.official_website_amount = amount(v, here)?,
            "measure_id" => r.measure_id = int(v, here)?,
            "currency" => r.currency = text(v, here)?,
            "product_rating_results" => r.product_rating_results = list(v, here, on_demand_line)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(r)
}

/// Reads a yearly/monthly answer (its business-error members are not fields of the rating: ignored).
pub fn period(json: &str) -> Read<PeriodRating> {
    let map = top(json)?;
    let mut r = PeriodRating::default();
    members(&map, &Path::Root, |key, v, here| {
        match key {
            "official_website_rating_result" => {
                r.official_website_rating_result = object(v, here, list_price)?
            }
            "optional_discount_rating_results" => {
                r.optional_discount_rating_results = list(v, here, optional_discount)?
            }
            "currency" => r.currency = text(v, here)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(r)
}

/// Reads a renewal answer, with the business error at its top.
pub fn renewal(json: &str) -> Read<RenewalRating> {
    let map = top(json)?;
    let mut r = RenewalRating::default();
    let mut gateway_message = None;
    members(&map, &Path::Root, |key, v, here| {
        match key {
            "currency" => r.currency = text(v, here)?,
            "renew_inquiry_results" => r.renew_inquiry_results = list(v, here, renewal_line)?,
            "official_website_rating_result" => {
                r.official_website_rating_result = object(v, here, list_price)?
            }
            "optional_discount_rating_results" => {
                r.optional_discount_rating_results = list(v, here, optional_discount)?
            }
            "fail_resource_infos" => r.fail_resource_infos = list(v, here, failed_resource)?,
            // The business error at the top is read for what it can tell: a member of another kind is left
            // out (the crate decided so on purpose: one stray member must not make the answer unreadable).
            "error_code" => r.error.error_code = text(v, here).ok().flatten(),
            "error_msg" => r.error.error_msg = text(v, here).ok().flatten(),
            "error_message" => gateway_message = text(v, here).ok().flatten(),
            _ => {}
        }
        Ok(())
    })?;
    r.error = ErrorBody {
        error_code: r.error.error_code,
        error_msg: r.error.error_msg.or(gateway_message),
    };
    Ok(r)
}
