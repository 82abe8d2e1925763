//! Typed record ids. Every record has a stable id that never changes, so
//! copies of the data set can refer to the same record across exchanges.

use serde::{Deserialize, Serialize};
use std::fmt;

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
