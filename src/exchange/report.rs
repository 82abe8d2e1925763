//! What a merge would do to the local data, for the import preview.

use std::collections::HashMap;

use serde_json::Value;

use crate::model::Dataset;

/// A record by kind (the data set's field name, e.g. "bodies") and id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RecordRef {
    pub kind: String,
    pub id: String,
}

/// The effect of a merge on the local data: records added, changed (with
/// the fields whose values changed), deleted, and the fields in conflict
/// afterwards.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: Vec<RecordRef>,
    pub changed: Vec<(RecordRef, Vec<String>)>,
    pub deleted: Vec<RecordRef>,
    pub conflicts: Vec<(RecordRef, Vec<String>)>,
}

impl MergeReport {
    /// Compares `local` with `merged` (the result of merging into it).
    pub fn compare(local: &Dataset, merged: &Dataset) -> MergeReport {
        let local = serde_json::to_value(local).unwrap_or(Value::Null);
        let merged = serde_json::to_value(merged).unwrap_or(Value::Null);
        let mut report = MergeReport::default();
        let Some(kinds) = merged.as_object() else {
            return report;
        };
        for (kind, records) in kinds {
            let Some(records) = records.as_array() else {
                continue;
            };
            let before: HashMap<&str, &Value> = local
                .get(kind)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|r| Some((r.get("id")?.as_str()?, r)))
                .collect();
            for record in records {
                let Some(id) = record.get("id").and_then(Value::as_str) else {
                    continue;
                };
                let at = RecordRef {
                    kind: kind.clone(),
                    id: id.to_owned(),
                };
                let was = before.get(id);
                let fields_after = crate::model::record_fields(record);
                match was {
                    None => report.added.push(at.clone()),
                    Some(was) => {
                        let fields_before = crate::model::record_fields(was);
                        let mut changed =
                            crate::model::changed_fields(&fields_before, &fields_after);
                        if changed.iter().any(|f| f == "deleted")
                            && fields_after["deleted"] == Value::Bool(true)
                        {
                            report.deleted.push(at.clone());
                        }
                        changed.retain(|f| f != "deleted");
                        if !changed.is_empty() {
                            report.changed.push((at.clone(), changed));
                        }
                    }
                }
                let in_conflict: Vec<String> = record
                    .get("meta")
                    .and_then(|m| m.get("conflicts"))
                    .and_then(Value::as_object)
                    .map(|c| c.keys().cloned().collect())
                    .unwrap_or_default();
                if !in_conflict.is_empty() {
                    report.conflicts.push((at, in_conflict));
                }
            }
        }
        report
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.deleted.is_empty()
            && self.conflicts.is_empty()
    }
}
