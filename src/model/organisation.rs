use serde::{Deserialize, Serialize};

use crate::i18n::{t, Text};

use super::{CountyId, DocumentId, OrganisationId, PersonId, RecordMeta};

/// A county (län) whose region and municipalities collaborate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct County {
    pub id: CountyId,
    #[serde(default)]
    pub meta: RecordMeta,
    pub name: String,
    /// What people recorded about the county's obligations on Att göra.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub due_notes: Vec<super::DueNote>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    Region,
    Municipality,
    /// E.g. Norrbottens Kommuner, the association of the county's municipalities.
    Association,
    /// E.g. SKR or a government commission mentioned in the minutes.
    Other,
}

impl OrganisationKind {
    pub fn label(self) -> &'static str {
        t(match self {
            OrganisationKind::Region => Text::OrganisationKindRegion,
            OrganisationKind::Municipality => Text::OrganisationKindMunicipality,
            OrganisationKind::Association => Text::OrganisationKindAssociation,
            OrganisationKind::Other => Text::OrganisationKindOther,
        })
    }
}

/// A party or principal (part, huvudman).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: OrganisationId,
    #[serde(default)]
    pub meta: RecordMeta,
    pub name: String,
    pub kind: OrganisationKind,
    pub county: CountyId,
    /// Earlier names, e.g. "landstinget" for the region.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A person as named in a source; spelling variants are kept, not merged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    #[serde(default)]
    pub meta: RecordMeta,
    pub name: String,
    /// Other spellings found in the sources (Öman/Öhman).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_variants: Vec<String>,
    /// Party abbreviation as written (S, M, C, SJVP).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Title as written, e.g. "Verksamhetsdirektör".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The organisation the person represents or works for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<OrganisationId>,
    /// Home municipality when the person represents an association, e.g. Boden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<OrganisationId>,
}

/// A source document the built-in data set was transcribed from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceDocument {
    pub id: DocumentId,
    #[serde(default)]
    pub meta: RecordMeta,
    pub title: String,
    pub county: CountyId,
    /// What kind of document it is, in Swedish (överenskommelse, webbsida, protokoll).
    pub kind: String,
    /// Date or period as the document gives it.
    pub dated: String,
}
