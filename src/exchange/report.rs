//! What a merge would do to the local data, for the import preview.

use std::collections::HashMap;

use serde_json::Value;

use crate::model::Dataset;
pub use crate::model::{field_label, value_text, FieldChange, RecordRef};

/// The effect of a merge on the local data: records added, changed (with
/// the fields whose values changed, before and after), deleted, and the
/// fields in conflict afterwards.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: Vec<RecordRef>,
    pub changed: Vec<(RecordRef, Vec<FieldChange>)>,
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
                        let changed: Vec<FieldChange> =
                            crate::model::changed_fields(&fields_before, &fields_after)
                                .into_iter()
                                .map(|field| FieldChange {
                                    before: fields_before
                                        .get(&field)
                                        .cloned()
                                        .unwrap_or(Value::Null),
                                    after: fields_after.get(&field).cloned().unwrap_or(Value::Null),
                                    field,
                                })
                                .collect();
                        let (deletion, changed): (Vec<_>, Vec<_>) =
                            changed.into_iter().partition(|c| c.field == "deleted");
                        if deletion.iter().any(|c| c.after == Value::Bool(true)) {
                            report.deleted.push(at.clone());
                        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_read_as_short_text() {
        let cases = [
            (json!(null), "(tomt)"),
            (json!(true), "ja"),
            (json!(false), "nej"),
            (json!("Samrådet"), "Samrådet"),
            (json!(3), "3"),
            (json!(["a"]), "[\"a\"]"),
            (json!("abcdefghij"), "abcdefgh …"),
        ];
        for (value, text) in cases {
            assert_eq!(value_text(&value, 8), text, "{value}");
        }
        assert_eq!(field_label("short_name"), "kortnamn");
        assert_eq!(field_label("okänt_fält"), "okänt_fält");
    }

    #[test]
    fn records_are_named_as_people_know_them() {
        let data = crate::seed::built_in().unwrap();
        let body = RecordRef {
            kind: "bodies".into(),
            id: data.bodies[0].id.to_string(),
        };
        assert_eq!(body.title(&data), data.bodies[0].name);
        assert_eq!(body.kind_label(), "organ");
        let gone = RecordRef {
            kind: "people".into(),
            id: "finns-inte".into(),
        };
        assert_eq!(gone.title(&data), "finns-inte");
    }
}
