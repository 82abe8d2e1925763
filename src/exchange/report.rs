//! What a merge would do to the local data, for the import preview.

use std::collections::HashMap;

use serde_json::Value;

use crate::model::Dataset;

/// A record by kind (the data set's field name, e.g. "bodies") and id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordRef {
    pub kind: String,
    pub id: String,
}

impl RecordRef {
    /// The kind in Swedish, singular.
    pub fn kind_label(&self) -> &'static str {
        match self.kind.as_str() {
            "documents" => "källdokument",
            "counties" => "län",
            "organisations" => "organisation",
            "people" => "person",
            "bodies" => "organ",
            "relations" => "relation",
            "memberships" => "uppdrag",
            "agreements" => "överenskommelse",
            "meetings" => "möte",
            "paragraphs" => "paragraf",
            "positions" => "placering i diagrammet",
            _ => "post",
        }
    }

    /// The record as people know it: its name or title, a meeting by body
    /// and date, a § by number and title; the id if it is not in `data`.
    pub fn title(&self, data: &Dataset) -> String {
        let id = self.id.as_str();
        let found = match self.kind.as_str() {
            "documents" => data
                .documents
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.title.clone()),
            "counties" => data
                .counties
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "organisations" => data
                .organisations
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "people" => data
                .people
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "bodies" => data
                .bodies
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "relations" => data
                .relations
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| format!("{} → {}", data.body_name(&r.from), data.body_name(&r.to))),
            "memberships" => data
                .memberships
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| {
                    format!(
                        "{} i {}",
                        data.person_name(&r.person),
                        data.body_name(&r.body)
                    )
                }),
            "agreements" => data
                .agreements
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.title.clone()),
            "meetings" => data
                .meetings
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|m| data.meeting_title(m)),
            "paragraphs" => data
                .paragraphs
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|p| format!("§ {} {}", p.number, p.title)),
            "positions" => data
                .positions
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|p| data.body_name(&p.body)),
            _ => None,
        };
        found.unwrap_or_else(|| id.to_owned())
    }
}

/// A field's name in Swedish, for showing what changes; unknown fields by
/// their name in the data.
pub fn field_label(field: &str) -> &str {
    match field {
        "name" => "namn",
        "short_name" => "kortnamn",
        "title" => "rubrik",
        "deleted" => "borttagen",
        "date" => "datum",
        "county" => "län",
        "level" => "nivå",
        "mandate" => "uppdrag",
        "composition" => "sammansättning",
        "substitutes" => "ersättare",
        "offices" => "ordförande och sekreterare",
        "meeting_rules" => "mötesregler",
        "reviews" => "översyner",
        "working_order" => "arbetsordning",
        "kind" => "typ",
        "note" => "anteckning",
        "role" => "roll",
        "person" => "person",
        "body" => "organ",
        "from" => "från",
        "to" => "till",
        "minutes" => "protokollets status",
        "agenda" => "dagordning",
        "decision_makers" => "beslutande",
        "participants" => "övriga deltagare",
        "signatures" => "underskrifter",
        "place" => "plats",
        "number" => "nummer",
        "parts" => "innehåll",
        "follow_ups" => "återrapporteringar",
        "sections" => "avsnitt",
        "parties" => "parter",
        "organisation" => "organisation",
        "municipality" => "kommun",
        other => other,
    }
}

/// A field's value as short text: strings as they are, yes/no, "(tomt)"
/// for absent, anything structured as compact JSON cut at `max` characters.
pub fn value_text(value: &Value, max: usize) -> String {
    let text = match value {
        Value::Null => return "(tomt)".into(),
        Value::Bool(true) => return "ja".into(),
        Value::Bool(false) => return "nej".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    };
    if text.chars().count() > max {
        let cut: String = text.chars().take(max).collect();
        format!("{cut} …")
    } else {
        text
    }
}

/// One field whose value a merge changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    /// The values as JSON; `null` means absent.
    pub before: Value,
    pub after: Value,
}

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
