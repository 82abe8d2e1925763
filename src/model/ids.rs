//! Typed record ids. Every record has a stable id that never changes, so
//! copies of the data set can refer to the same record across exchanges.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest id, in chars. The built-in ids are at most 45; the editor
/// makes `<kind>-<12 hex>` and a meeting `<body id>-<12 hex>`.
pub const MAX_ID_CHARS: usize = 128;

/// Whether `id` is made of the id characters: `[a-z0-9][a-z0-9._-]{0,127}`
/// (lower-case ASCII letters and digits first, then also `.`, `_` and `-`).
/// Every built-in id and every id the editor makes is; an id outside the
/// set (empty, with `/`, `?`, `#`, `%`, spaces, line breaks, upper case or
/// `..`) could not be put into a page address and found again, so the
/// record could not be opened, edited or deleted.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    match bytes.first() {
        Some(first) if first.is_ascii_lowercase() || first.is_ascii_digit() => {}
        _ => return false,
    }
    bytes.len() <= MAX_ID_CHARS
        && bytes.iter().all(|&b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

macro_rules! define_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }
    )*};
}

define_id!(
    /// A county (län), e.g. Norrbotten.
    CountyId,
    /// An organisation: region, municipality or association.
    OrganisationId,
    /// A person.
    PersonId,
    /// A collaboration body (organ).
    BodyId,
    /// A relation between two bodies.
    RelationId,
    /// A seat held by a person in a body.
    MembershipId,
    /// An agreement (överenskommelse).
    AgreementId,
    /// A meeting (sammanträde).
    MeetingId,
    /// A numbered paragraph (§) of a meeting's minutes.
    ParagraphId,
    /// A source document the built-in data was transcribed from.
    DocumentId,
    /// A body's manual position in the structure diagram.
    PositionId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_from_the_id_characters() {
        for id in [
            "nb-psb",
            "src-001",
            "organ-3f2a9c0d1e2b",
            "a",
            "v1.2_x",
            "9",
        ] {
            assert!(is_valid_id(id), "{id}");
        }
        let long = "a".repeat(MAX_ID_CHARS + 1);
        for id in [
            "",
            "/",
            "?q=x",
            "../utbyte",
            "nb-psb\n",
            ".",
            "..",
            "-a",
            "_a",
            "NB-psb",
            "nb psb",
            "nb/psb",
            "nb#1",
            "nb%20",
            "umeå",
            &long,
        ] {
            assert!(!is_valid_id(id), "{id:?}");
        }
        assert!(is_valid_id(&long[1..]));
    }
}
