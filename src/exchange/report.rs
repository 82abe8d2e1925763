//! What a merge would do to the local data, for the import preview.

use std::collections::HashMap;
use std::fmt::Display;
use std::hash::Hash;

use serde::Serialize;
use serde_json::Value;

use crate::model::{changed_fields, record_fields, Dataset, Record, RecordKind};
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
    /// Compares `local` with `merged` (the result of merging into it). Kinds
    /// in alphabetical order, records in merged order; only records that
    /// differ are compared field by field.
    pub fn compare(local: &Dataset, merged: &Dataset) -> MergeReport {
        let mut report = MergeReport::default();
        macro_rules! compare {
            ($($field:ident => $kind:ident),*) => {$(
                report.compare_kind(RecordKind::$kind, &local.$field, &merged.$field);
            )*};
        }
        compare!(
            agreements => Agreements,
            bodies => Bodies,
            counties => Counties,
            documents => Documents,
            meetings => Meetings,
            memberships => Memberships,
            organisations => Organisations,
            paragraphs => Paragraphs,
            people => People,
            positions => Positions,
            relations => Relations
        );
        report
    }

    fn compare_kind<R>(&mut self, kind: RecordKind, local: &[R], merged: &[R])
    where
        R: Record + PartialEq + Serialize,
        R::Id: Eq + Hash + Display,
    {
        let mut before: HashMap<&R::Id, &R> = HashMap::with_capacity(local.len());
        for record in local {
            before.entry(record.id()).or_insert(record);
        }
        for record in merged {
            let at = || RecordRef::new(kind, record.id().to_string());
            match before.get(record.id()) {
                None => self.added.push(at()),
                Some(was) if *was != record => {
                    let fields_before = record_fields(*was);
                    let fields_after = record_fields(record);
                    let (deletion, changed): (Vec<_>, Vec<_>) =
                        changed_fields(&fields_before, &fields_after)
                            .into_iter()
                            .map(|field| FieldChange {
                                before: fields_before.get(&field).cloned().unwrap_or(Value::Null),
                                after: fields_after.get(&field).cloned().unwrap_or(Value::Null),
                                field,
                            })
                            .partition(|c| c.field == "deleted");
                    if deletion.iter().any(|c| c.after == Value::Bool(true)) {
                        self.deleted.push(at());
                    }
                    if !changed.is_empty() {
                        self.changed.push((at(), changed));
                    }
                }
                Some(_) => {}
            }
            // Fields in conflict, lists with a conflict on an item included.
            let conflicts: Vec<String> = record
                .meta()
                .fields_in_conflict()
                .map(str::to_owned)
                .collect();
            if !conflicts.is_empty() {
                self.conflicts.push((at(), conflicts));
            }
        }
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
            kind: RecordKind::Bodies,
            id: data.bodies[0].id.to_string(),
        };
        assert_eq!(body.title(&data), data.bodies[0].name);
        assert_eq!(body.kind_label(), "organ");
        let gone = RecordRef {
            kind: RecordKind::People,
            id: "finns-inte".into(),
        };
        assert_eq!(gone.title(&data), "finns-inte");
    }
}
