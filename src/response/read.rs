//! A tolerant reader over an answer's JSON: unknown fields are ignored, `null` and absent mean "not given",
//! and amounts may be JSON numbers or strings. A value of the wrong kind is an error with its path.

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::ResponseError;
use crate::money::parse_decimal;
use crate::validate::input::describe;
use crate::validate::Path;

/// The fields of one JSON object of an answer.
pub(crate) struct Fields<'v, 'p> {
    map: &'v Map<String, Value>,
    path: &'p Path<'p>,
}

fn error(path: &Path<'_>, expected: &str, value: &Value) -> ResponseError {
    ResponseError {
        path: path.render(),
        message: format!("expected {expected}, got {}", describe(value)),
    }
}

impl<'v, 'p> Fields<'v, 'p> {
    /// `value` as an object.
    pub(crate) fn of(value: &'v Value, path: &'p Path<'p>) -> Result<Self, ResponseError> {
        match value {
            Value::Object(map) => Ok(Fields { map, path }),
            other => Err(error(path, "an object", other)),
        }
    }

    fn get(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// An exact amount, from a JSON number or a decimal string (`""` counts as not given).
    pub(crate) fn amount(&self, key: &str) -> Result<Option<Decimal>, ResponseError> {
        let text = match self.get(key) {
            None => return Ok(None),
            Some(Value::Number(n)) => n.as_str(),
            Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
            Some(Value::String(s)) => s.trim(),
            Some(other) => return Err(error(&self.path.key(key), "an amount", other)),
        };
        parse_decimal(text).map(Some).map_err(|e| ResponseError {
            path: self.path.key(key).render(),
            message: format!("{e}: {text}"),
        })
    }

    /// A string; a number is taken as its text (ids sometimes arrive as numbers).
    pub(crate) fn text(&self, key: &str) -> Result<Option<String>, ResponseError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.as_str().to_owned())),
            Some(other) => Err(error(&self.path.key(key), "a string", other)),
        }
    }

    /// A whole number, from a JSON number or a numeric string.
    pub(crate) fn int(&self, key: &str) -> Result<Option<i64>, ResponseError> {
        let value = match self.get(key) {
            None => return Ok(None),
            Some(v) => v,
        };
        let text = match value {
            Value::Number(n) => n.as_str(),
            Value::String(s) if s.trim().is_empty() => return Ok(None),
            Value::String(s) => s.trim(),
            other => return Err(error(&self.path.key(key), "a whole number", other)),
        };
        text.parse::<i64>()
            .map(Some)
            .map_err(|_| error(&self.path.key(key), "a whole number", value))
    }

    /// The elements of a list (absent or null: none).
    pub(crate) fn list(&self, key: &str) -> Result<&'v [Value], ResponseError> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(error(&self.path.key(key), "a list", other)),
        }
    }

    /// A nested object, if given.
    pub(crate) fn object(&self, key: &str) -> Option<&'v Value> {
        self.get(key)
    }

    /// The path of this object.
    pub(crate) fn path(&self) -> &'p Path<'p> {
        self.path
    }
}

/// Reads each element of `items` (at `list`) with `read`.
pub(crate) fn each<T>(
    items: &[Value],
    list: &Path<'_>,
    read: impl Fn(&Fields<'_, '_>) -> Result<T, ResponseError>,
) -> Result<Vec<T>, ResponseError> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = list.index(i);
            read(&Fields::of(item, &at)?)
        })
        .collect()
}
