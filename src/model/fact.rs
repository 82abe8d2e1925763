//! A value the sources may state, only imply, or leave out. The built-in data
//! never invents a fact silently: an inferred value carries its reason.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact<T> {
    /// Stated by the source.
    Stated(T),
    /// Not stated, but inferred from the source for the given reason.
    Inferred { value: T, reason: String },
    /// Not known; the reason says what the source does (not) say.
    Unknown { reason: String },
}

impl<T> Fact<T> {
    pub fn value(&self) -> Option<&T> {
        match self {
            Fact::Stated(value) | Fact::Inferred { value, .. } => Some(value),
            Fact::Unknown { .. } => None,
        }
    }

    /// Why the value is inferred or unknown; `None` when it is stated.
    pub fn caveat(&self) -> Option<&str> {
        match self {
            Fact::Stated(_) => None,
            Fact::Inferred { reason, .. } | Fact::Unknown { reason } => Some(reason),
        }
    }
}

impl<T> Default for Fact<T> {
    fn default() -> Self {
        Fact::Unknown {
            reason: String::new(),
        }
    }
}
