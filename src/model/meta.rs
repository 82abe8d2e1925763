//! What every record carries besides its content: version information for
//! merging copies, the last change's attribution, a deletion marker
//! (tombstone) and where the content came from.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::ids::DocumentId;

/// How many changes each copy (by copy id) has made to a record. Comparing
/// two vectors tells "newer" from "concurrent".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VersionVector(pub BTreeMap<String, u64>);

impl VersionVector {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Records one more change made by `copy_id`.
    pub fn bump(&mut self, copy_id: &str) {
        *self.0.entry(copy_id.to_owned()).or_insert(0) += 1;
    }

    pub fn get(&self, copy_id: &str) -> u64 {
        self.0.get(copy_id).copied().unwrap_or(0)
    }
}

/// Who made a change, from which copy, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeStamp {
    /// The copy of the data set (one per browser profile) that made the change.
    pub copy_id: String,
    /// The organisation the copy belongs to, as the user named it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The person who made the change, if they gave their name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// RFC 3339 time of the change.
    pub at: String,
}

/// Where a record's content was transcribed from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub document: DocumentId,
    /// Where in the document, e.g. "§ 4" or "5.1.3 Representation".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeta {
    #[serde(default, skip_serializing_if = "VersionVector::is_empty")]
    pub version: VersionVector,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_change: Option<ChangeStamp>,
    /// A deleted record stays as a tombstone so the deletion can travel.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
}

impl RecordMeta {
    /// Marks the record as changed by `stamp`.
    pub fn touch(&mut self, stamp: ChangeStamp) {
        self.version.bump(&stamp.copy_id);
        self.last_change = Some(stamp);
    }
}
