//! JSON read strictly: an object with the same key twice is refused.
//! serde_json keeps the last of two equal keys without a word, so a file with
//! two `data` objects would show one thing to a person reading it (the
//! first) and import another; a file must mean one thing.
//!
//! One pass over the bytes builds the same [`Value`] `serde_json::from_slice`
//! would (same numbers, same recursion limit), checking each object's keys as
//! they come: linear in the file's size. The place of a duplicate is noted
//! only on the way out of the error, so reading a good file costs nothing
//! more than building the value.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Why strict reading failed.
pub(crate) enum StrictError {
    /// Not JSON (serde_json's error, with its place).
    Json(serde_json::Error),
    /// A key repeated in one object: its path (`data.bodies[0].name`) and
    /// the place in the file where the second one was read.
    DuplicateKey {
        path: String,
        line: usize,
        column: usize,
    },
}

/// Reads `bytes` as JSON, refusing a key repeated within an object.
pub(crate) fn from_slice_strict(bytes: &[u8]) -> Result<Value, StrictError> {
    let duplicate = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let read = Reader {
        duplicate: &duplicate,
    }
    .deserialize(&mut de)
    .and_then(|value| de.end().map(|()| value));
    read.map_err(|e| match duplicate.into_inner() {
        Some(mut path) => {
            path.reverse();
            StrictError::DuplicateKey {
                path: path_text(&path),
                line: e.line(),
                column: e.column(),
            }
        }
        None => StrictError::Json(e),
    })
}

/// A step of a path to a value within JSON: an object's key (owned or
/// borrowed) or an array's index.
pub(crate) enum Step<K> {
    Key(K),
    Index(usize),
}

/// A path as the messages write it: `data.bodies[0].name`.
pub(crate) fn path_text<K: AsRef<str>>(steps: &[Step<K>]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key.as_ref());
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Builds a [`Value`]; `duplicate` holds the path of a repeated key (set
/// where it is found, completed by each enclosing level as the error passes).
#[derive(Clone, Copy)]
struct Reader<'a> {
    duplicate: &'a RefCell<Option<Vec<Step<String>>>>,
}

impl Reader<'_> {
    /// Adds the enclosing step to the path of a duplicate being reported.
    fn outer(self, step: Step<String>) {
        if let Some(path) = self.duplicate.borrow_mut().as_mut() {
            path.push(step);
        }
    }
}

impl<'de> DeserializeSeed<'de> for Reader<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Reader<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // As serde_json's own Value: a float JSON cannot hold becomes null.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        loop {
            match seq.next_element_seed(self) {
                Ok(Some(value)) => out.push(value),
                Ok(None) => return Ok(Value::Array(out)),
                Err(e) => {
                    self.outer(Step::Index(out.len()));
                    return Err(e);
                }
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                *self.duplicate.borrow_mut() = Some(vec![Step::Key(key)]);
                return Err(de::Error::custom("duplicate key"));
            }
            match map.next_value_seed(self) {
                Ok(value) => {
                    out.insert(key, value);
                }
                Err(e) => {
                    self.outer(Step::Key(key));
                    return Err(e);
                }
            }
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duplicate_at(text: &str) -> Option<(String, usize, usize)> {
        match from_slice_strict(text.as_bytes()) {
            Err(StrictError::DuplicateKey { path, line, column }) => Some((path, line, column)),
            _ => None,
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a": [1, -2, 3.5, -0, 1e300, "x\u00e5", true, null, {}], "b": {"c": []},
            "n": 18446744073709551615, "m": 18446744073709551616}"#;
        let strict = from_slice_strict(text.as_bytes()).ok();
        let loose: Value = serde_json::from_str(text).unwrap();
        assert_eq!(strict, Some(loose));
    }

    #[test]
    fn a_repeated_key_is_refused_with_its_path() {
        assert_eq!(
            duplicate_at("{\"data\": {},\n \"data\": {}}"),
            Some(("data".into(), 2, 7))
        );
        assert_eq!(
            duplicate_at(
                r#"{"data": {"bodies": [{"id": "a"}, {"id": "b", "name": "x", "name": "y"}]}}"#
            )
            .map(|d| d.0),
            Some("data.bodies[1].name".into())
        );
        // The same key in different objects is no fault.
        assert_eq!(
            duplicate_at(r#"{"a": {"id": 1}, "b": {"id": 2}, "id": 3}"#),
            None
        );
    }

    #[test]
    fn errors_that_are_not_duplicates_are_serde_json_s() {
        for text in ["{\"a\": }", "[1, 2", "{} x", "[1e400]", &"[".repeat(1000)] {
            match from_slice_strict(text.as_bytes()) {
                Err(StrictError::Json(e)) => {
                    let loose = serde_json::from_str::<Value>(text).unwrap_err();
                    assert_eq!(e.to_string(), loose.to_string(), "{text}");
                }
                _ => panic!("{text}: not serde_json's error"),
            }
        }
    }
}
