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

    /// Records one more change made by `copy_id`. The count saturates
    /// instead of wrapping: a wrapped count (0) would be seen as older than
    /// the change before it, and the edit lost in the next merge. Imports
    /// keep counts far below the end (`exchange::MAX_COUNTER`).
    pub fn bump(&mut self, copy_id: &str) {
        let count = self.0.entry(copy_id.to_owned()).or_insert(0);
        *count = count.saturating_add(1);
    }

    pub fn get(&self, copy_id: &str) -> u64 {
        self.0.get(copy_id).copied().unwrap_or(0)
    }

    /// Whether `self` has seen every change `other` has (equal counts included).
    pub fn dominates(&self, other: &VersionVector) -> bool {
        other.0.iter().all(|(copy, &n)| self.get(copy) >= n)
    }

    /// Whether `self` has seen everything `other` has and more.
    pub fn strictly_dominates(&self, other: &VersionVector) -> bool {
        // Not `self != other`: {a: 0} and {} have seen the same changes.
        self.dominates(other) && !other.dominates(self)
    }

    /// Neither has seen all of the other's changes: the two were made
    /// without knowing of each other.
    pub fn concurrent_with(&self, other: &VersionVector) -> bool {
        !self.dominates(other) && !other.dominates(self)
    }

    /// The pointwise maximum: everything either has seen.
    pub fn merge(&mut self, other: &VersionVector) {
        for (copy, &n) in &other.0 {
            let entry = self.0.entry(copy.clone()).or_insert(0);
            *entry = (*entry).max(n);
        }
    }
}

/// Who made a change, from which copy, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeStamp {
    /// The copy of the data set (one per browser profile) that made the change.
    pub copy_id: String,
    /// The writer within the copy whose counter the change advanced, when it
    /// is not the copy itself: each open tab of a copy is a writer of its own
    /// (`copy-…/2`), so edits two tabs make at the same moment are told apart
    /// as concurrent instead of one silently replacing the other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub writer: Option<String>,
    /// The organisation the copy belongs to, as the user named it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The person who made the change, if they gave their name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// RFC 3339 time of the change.
    pub at: String,
}

impl ChangeStamp {
    /// The key under which this change counts in version vectors.
    pub fn writer_key(&self) -> &str {
        self.writer.as_deref().unwrap_or(&self.copy_id)
    }
}

fn instant(stamp: &ChangeStamp) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(&stamp.at)
        .ok()
        .map(|t| t.with_timezone(&chrono::Utc))
}

/// The total order of changes that picks winners, the same on every copy:
/// the later change (an unreadable time counts as earliest), then the larger
/// copy id, then the stamp's canonical JSON.
pub fn stamp_order(a: Option<&ChangeStamp>, b: Option<&ChangeStamp>) -> std::cmp::Ordering {
    let key =
        |s: Option<&ChangeStamp>| s.map(|s| (instant(s), s.copy_id.clone(), canonical_json(s)));
    key(a).cmp(&key(b))
}

/// Compact JSON with object keys sorted (serde_json's map is ordered).
pub fn canonical_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// Where a record's content was transcribed from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub document: DocumentId,
    /// Where in the document, e.g. "§ 4" or "5.1.3 Representation".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

/// The version of one field's current value: which changes it has seen and
/// the change that wrote it. A field without an entry has the empty vector
/// (the built-in value every copy starts from).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldVersion {
    #[serde(default, skip_serializing_if = "VersionVector::is_empty")]
    pub version: VersionVector,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<ChangeStamp>,
}

impl FieldVersion {
    pub fn is_empty(&self) -> bool {
        self.version.is_empty() && self.change.is_none()
    }
}

/// A value of a field written concurrently with the field's current value
/// and kept, so that no edit is silently lost, until a person resolves it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sibling {
    /// The field's value as JSON; `null` means absent.
    pub value: serde_json::Value,
    #[serde(default, skip_serializing_if = "VersionVector::is_empty")]
    pub version: VersionVector,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<ChangeStamp>,
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
    /// Per top-level field (and `deleted`), the version of its current value.
    /// `version` above covers them all: it is bumped on every change and is
    /// never below any field's vector.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldVersion>,
    /// Per field, the values written concurrently with the current one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conflicts: BTreeMap<String, Vec<Sibling>>,
    /// Per list field, its items' ids, places and versions (`model::list`);
    /// a list without them has implicit items.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub items: BTreeMap<String, Vec<super::list::ListItem>>,
    /// Fields of the record this version does not know (written by a newer
    /// one), kept as they came: in an exchange file they are at the
    /// record's top level (`exchange::unknown`), the merge treats them as
    /// fields with their versions above, and no form touches them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl RecordMeta {
    /// Marks the record as changed by `stamp`.
    pub fn touch(&mut self, stamp: ChangeStamp) {
        self.version.bump(stamp.writer_key());
        self.last_change = Some(stamp);
    }

    /// Marks the named fields as changed by `stamp`. Each new field vector
    /// dominates the field's current value and every kept conflict, so a local
    /// edit of a field in conflict resolves the conflict, and the resolution
    /// travels like any other edit.
    pub fn touch_fields(&mut self, stamp: ChangeStamp, changed: &[&str]) {
        if changed.is_empty() {
            return;
        }
        self.version.bump(stamp.writer_key());
        for &field in changed {
            let mut version = self
                .fields
                .get(field)
                .map(|f| f.version.clone())
                .unwrap_or_default();
            for sibling in self.conflicts.remove(field).unwrap_or_default() {
                version.merge(&sibling.version);
            }
            version.bump(stamp.writer_key());
            self.version.merge(&version);
            self.fields.insert(
                field.to_owned(),
                FieldVersion {
                    version,
                    change: Some(stamp.clone()),
                },
            );
        }
        self.last_change = Some(stamp);
    }

    /// Fields with kept conflicts. A conflict may hold the same value as the
    /// current one (two copies wrote it independently); the UI can hide those.
    pub fn fields_in_conflict(&self) -> impl Iterator<Item = &str> {
        let lists = self
            .items
            .iter()
            .filter(|(_, items)| items.iter().any(super::list::ListItem::in_conflict))
            .map(|(field, _)| field.as_str());
        self.conflicts
            .iter()
            .filter(|(_, siblings)| !siblings.is_empty())
            .map(|(field, _)| field.as_str())
            .chain(lists)
    }
}

/// The record's JSON as independent fields: without `id` and `meta`, with
/// the tombstone flag as the field `deleted`.
pub fn record_fields<R: Serialize>(record: &R) -> serde_json::Value {
    let mut value = serde_json::to_value(record).unwrap_or(serde_json::Value::Null);
    if let Some(object) = value.as_object_mut() {
        let deleted = object
            .get("meta")
            .and_then(|m| m.get("deleted"))
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false);
        object.remove("id");
        object.remove("meta");
        object.insert("deleted".into(), serde_json::Value::Bool(deleted));
    }
    value
}

/// The top-level fields that differ between two JSON objects of a record
/// (a missing field and `null` count as the same), sorted; `id` and `meta`
/// are not fields.
pub fn changed_fields(before: &serde_json::Value, after: &serde_json::Value) -> Vec<String> {
    let null = serde_json::Value::Null;
    let empty = serde_json::Map::new();
    let before = before.as_object().unwrap_or(&empty);
    let after = after.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| k.as_str() != "id" && k.as_str() != "meta")
        .filter(|k| before.get(*k).unwrap_or(&null) != after.get(*k).unwrap_or(&null))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn stamp(copy: &str) -> ChangeStamp {
        ChangeStamp {
            copy_id: copy.into(),
            writer: None,
            organisation: None,
            person: None,
            at: "2026-11-22T10:00:00Z".into(),
        }
    }

    fn vv(pairs: &[(&str, u64)]) -> VersionVector {
        VersionVector(pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect())
    }

    #[test]
    fn touching_a_field_in_conflict_resolves_it() {
        let mut meta = RecordMeta::default();
        meta.fields.insert(
            "name".into(),
            FieldVersion {
                version: vv(&[("a", 1)]),
                change: Some(stamp("a")),
            },
        );
        meta.conflicts.insert(
            "name".into(),
            vec![Sibling {
                value: json!("B"),
                version: vv(&[("b", 2)]),
                change: Some(stamp("b")),
            }],
        );
        meta.version = vv(&[("a", 1), ("b", 2)]);
        meta.touch_fields(stamp("c"), &["name"]);
        let name = &meta.fields["name"].version;
        assert_eq!(name, &vv(&[("a", 1), ("b", 2), ("c", 1)]));
        assert!(meta.conflicts.is_empty());
        assert!(meta.version.dominates(name));
        assert_eq!(meta.last_change, Some(stamp("c")));
    }

    #[test]
    fn a_count_at_the_end_saturates_instead_of_wrapping() {
        let mut v = vv(&[("a", u64::MAX)]);
        v.bump("a");
        assert_eq!(v.get("a"), u64::MAX);
    }

    #[test]
    fn touching_no_field_changes_nothing() {
        let mut meta = RecordMeta::default();
        meta.touch_fields(stamp("c"), &[]);
        assert_eq!(meta, RecordMeta::default());
    }

    #[test]
    fn a_missing_field_and_null_are_the_same() {
        let before = json!({"id": "x", "meta": {}, "a": 1, "b": null, "c": [1]});
        let after = json!({"id": "y", "a": 2, "c": [1], "d": "ny"});
        assert_eq!(changed_fields(&before, &after), vec!["a", "d"]);
    }

    #[test]
    fn the_tombstone_is_a_field() {
        let record = json!({"id": "x", "name": "N", "meta": {"deleted": true}});
        assert_eq!(
            record_fields(&record),
            json!({"name": "N", "deleted": true})
        );
    }

    #[test]
    fn meta_without_field_versions_reads_and_writes_as_before() {
        let old = json!({"version": {"a": 2}, "sources": [{"document": "d"}]});
        let meta: RecordMeta = serde_json::from_value(old.clone()).unwrap();
        assert!(meta.fields.is_empty() && meta.conflicts.is_empty());
        assert_eq!(serde_json::to_value(&meta).unwrap(), old);
    }
}
