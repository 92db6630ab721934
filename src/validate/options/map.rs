//! Options objects held in Rust: for native callers, and for tests that write options as JSON.

use super::{OptionSource, OptionValue};

/// An options object held in Rust, for native callers and tests.
#[derive(Default)]
pub struct OptionMap(Vec<(String, OptionValue)>);

impl OptionMap {
    /// An empty object.
    pub fn new() -> Self {
        OptionMap(Vec::new())
    }

    /// The object with `key` set to `value` (replacing an earlier value).
    #[must_use]
    pub fn with(mut self, key: &str, value: OptionValue) -> Self {
        self.0.retain(|(k, _)| k != key);
        self.0.push((key.to_owned(), value));
        self
    }
}

impl OptionSource for OptionMap {
    fn keys(&self) -> Result<Vec<String>, String> {
        Ok(self.0.iter().map(|(k, _)| k.clone()).collect())
    }

    fn get(&self, key: &str) -> OptionValue {
        match self.0.iter().find(|(k, _)| k == key) {
            None => OptionValue::Absent,
            Some((_, value)) => value.shallow_copy(),
        }
    }
}

impl OptionValue {
    /// A copy of a scalar; a nested map is copied too.
    fn shallow_copy(&self) -> OptionValue {
        match self {
            OptionValue::Absent => OptionValue::Absent,
            OptionValue::Null => OptionValue::Null,
            OptionValue::Bool(b) => OptionValue::Bool(*b),
            OptionValue::Number(n) => OptionValue::Number(n.clone()),
            OptionValue::Str(s) => OptionValue::Str(s.clone()),
            OptionValue::Object(o) => {
                let mut copy = OptionMap::new();
                for key in o.keys().unwrap_or_default() {
                    copy = copy.with(&key, o.get(&key));
                }
                OptionValue::Object(Box::new(copy))
            }
            OptionValue::Function => OptionValue::Function,
            OptionValue::Other(what) => OptionValue::Other(what),
            OptionValue::Unreadable(t) => OptionValue::Unreadable(t.clone()),
        }
    }
}

/// An options value as JavaScript would pass the JSON `value` (numbers as their text, objects as
/// [`OptionMap`]s, arrays as `an array`): for native callers and tests that write options as JSON.
pub fn js_like(value: &serde_json::Value) -> OptionValue {
    use serde_json::Value;
    match value {
        Value::Null => OptionValue::Null,
        Value::Bool(b) => OptionValue::Bool(*b),
        Value::Number(n) => OptionValue::Number(n.to_string()),
        Value::String(s) => OptionValue::Str(s.clone()),
        Value::Array(_) => OptionValue::Other("an array"),
        Value::Object(map) => {
            let mut object = OptionMap::new();
            for (key, value) in map {
                object = object.with(key, js_like(value));
            }
            OptionValue::Object(Box::new(object))
        }
    }
}
