//! Taking an import back without taking back anything done after it: only
//! the fields the import changed, and only where they still hold the value
//! the import wrote, are set back — as an attributed edit, so the undo
//! travels and is in the history.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

use crate::model::{
    changed_fields, record_fields, Change, ChangeAction, ChangeStamp, Dataset, FieldChange, Record,
    RecordKind, RecordRef,
};

use super::MergeError;

/// What an import changed: the records it touched as they were before (those
/// that existed) and as the import left them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportUndo {
    pub before: Dataset,
    pub after: Dataset,
}

/// Sets back, in `data`, what the import of `undo` changed where the record
/// still holds the imported value: a field to its value before the import, a
/// record the import added or brought back to deleted, a record it deleted
/// to live. Returns one change per record set back (for the history and the
/// journal). A record edited after the import keeps that edit.
pub fn undo_import(
    data: &mut Dataset,
    undo: &ImportUndo,
    stamp: &ChangeStamp,
) -> Result<Vec<Change>, MergeError> {
    let mut changes = vec![];
    macro_rules! kind {
        ($($field:ident => $kind:ident),*) => {$(
            changes.extend(undo_kind(
                RecordKind::$kind,
                &mut data.$field,
                &undo.before.$field,
                &undo.after.$field,
                stamp,
            )?);
        )*};
    }
    kind!(
        documents => Documents,
        counties => Counties,
        organisations => Organisations,
        people => People,
        bodies => Bodies,
        relations => Relations,
        memberships => Memberships,
        agreements => Agreements,
        meetings => Meetings,
        paragraphs => Paragraphs,
        positions => Positions
    );
    Ok(changes)
}

fn undo_kind<R>(
    kind: RecordKind,
    records: &mut [R],
    before: &[R],
    after: &[R],
    stamp: &ChangeStamp,
) -> Result<Vec<Change>, MergeError>
where
    R: Record + Serialize + DeserializeOwned,
    R::Id: std::fmt::Display,
{
    let mut changes = vec![];
    for imported in after {
        let Some(index) = records.iter().position(|r| r.id() == imported.id()) else {
            continue;
        };
        let earlier = before.iter().find(|r| r.id() == imported.id());
        let was = match earlier {
            Some(r) => record_fields(r),
            // Added by the import: only its existence is set back.
            None => serde_json::json!({ "deleted": true }),
        };
        let wrote = record_fields(imported);
        let now = record_fields(&records[index]);
        let null = Value::Null;
        let mut fields = changed_fields(&was, &wrote);
        if earlier.is_none() {
            fields.retain(|f| f == "deleted");
        }
        // A field whose value the import left but to which it added a
        // conflict: set "back" to its value, which resolves the conflict.
        if let Some(earlier) = earlier {
            for (field, siblings) in &imported.meta().conflicts {
                let had = earlier.meta().conflicts.get(field);
                let has = records[index].meta().conflicts.get(field);
                if had != Some(siblings) && has == Some(siblings) && !fields.contains(field) {
                    fields.push(field.clone());
                }
            }
        }
        let set_back: Vec<FieldChange> = fields
            .into_iter()
            .filter(|f| now.get(f).unwrap_or(&null) == wrote.get(f).unwrap_or(&null))
            .map(|f| FieldChange {
                before: wrote.get(&f).cloned().unwrap_or(Value::Null),
                after: was.get(&f).cloned().unwrap_or(Value::Null),
                field: f,
            })
            .collect();
        if set_back.is_empty() {
            continue;
        }
        let mut json = serde_json::to_value(&records[index])
            .map_err(|e| MergeError(crate::i18n::json_error_text(&e)))?;
        let mut deleted = records[index].meta().deleted;
        for change in &set_back {
            match change.field.as_str() {
                "deleted" => deleted = change.after.as_bool().unwrap_or(false),
                field => {
                    if let Some(object) = json.as_object_mut() {
                        if change.after.is_null() {
                            object.remove(field);
                        } else {
                            object.insert(field.to_owned(), change.after.clone());
                        }
                    }
                }
            }
        }
        let mut record: R = serde_json::from_value(json)
            .map_err(|e| MergeError(crate::i18n::json_error_text(&e)))?;
        record.meta_mut().deleted = deleted;
        let names: Vec<&str> = set_back.iter().map(|c| c.field.as_str()).collect();
        record.meta_mut().touch_fields(stamp.clone(), &names);
        records[index] = record;
        changes.push(Change {
            record: RecordRef::new(kind, imported.id().to_string()),
            action: ChangeAction::Undone,
            fields: set_back,
        });
    }
    Ok(changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::{changed_records, merge};
    use crate::journal::records_of;
    use crate::model::BodyBasics;

    fn stamp(copy: &str, at: &str) -> ChangeStamp {
        ChangeStamp {
            copy_id: copy.into(),
            writer: None,
            organisation: None,
            person: None,
            at: at.into(),
        }
    }

    fn basics(name: &str, short: Option<&str>) -> BodyBasics {
        BodyBasics {
            name: name.into(),
            short_name: short.map(Into::into),
        }
    }

    /// Imports `file` into `local`, returning the result and its undo.
    fn import(local: &Dataset, file: &Dataset) -> (Dataset, ImportUndo) {
        let merged = merge(local, file).unwrap();
        let after = changed_records(local, &merged);
        let refs: Vec<RecordRef> = after
            .bodies
            .iter()
            .map(|b| RecordRef {
                kind: RecordKind::Bodies,
                id: b.id.to_string(),
            })
            .collect();
        let before = records_of(local, &refs);
        (merged, ImportUndo { before, after })
    }

    #[test]
    fn undo_sets_back_the_import_but_keeps_an_edit_made_after_it() {
        let seed = crate::seed::built_in().unwrap();
        let (a, b) = (seed.bodies[0].id.clone(), seed.bodies[1].id.clone());
        let mut remote = seed.clone();
        remote
            .update_body_basics(
                &a,
                basics("Från filen A", None),
                stamp("r", "2026-12-01T10:00:00Z"),
            )
            .unwrap();
        remote
            .update_body_basics(
                &b,
                basics("Från filen B", None),
                stamp("r", "2026-12-01T10:00:01Z"),
            )
            .unwrap();
        let (mut local, undo) = import(&seed, &remote);
        // After the import, this copy edits body B again.
        local
            .update_body_basics(
                &b,
                basics("Efter importen", None),
                stamp("l", "2026-12-02T10:00:00Z"),
            )
            .unwrap();
        let changes = undo_import(&mut local, &undo, &stamp("l", "2026-12-03T10:00:00Z")).unwrap();
        assert_eq!(changes.len(), 1);
        assert_eq!(local.body(&a).unwrap().name, seed.body(&a).unwrap().name);
        assert_eq!(local.body(&b).unwrap().name, "Efter importen");
    }

    #[test]
    fn undo_deletes_a_record_the_import_added_and_restores_one_it_deleted() {
        let seed = crate::seed::built_in().unwrap();
        let mut remote = seed.clone();
        let mut added = remote.bodies[0].clone();
        added.id = crate::model::BodyId::new("nytt-organ".to_owned());
        remote.bodies.push(added.clone());
        let gone = remote.bodies[2].id.clone();
        remote.bodies[2].meta.deleted = true;
        remote.bodies[2]
            .meta
            .touch_fields(stamp("r", "2026-12-01T10:00:00Z"), &["deleted"]);
        let (mut local, undo) = import(&seed, &remote);
        assert!(local.body(&added.id).is_some());
        undo_import(&mut local, &undo, &stamp("l", "2026-12-03T10:00:00Z")).unwrap();
        assert!(local
            .bodies
            .iter()
            .any(|b| b.id == added.id && b.meta.deleted));
        assert!(local.bodies.iter().any(|b| b.id == gone && !b.meta.deleted));
    }

    #[test]
    fn undo_takes_back_a_conflict_the_import_brought() {
        let seed = crate::seed::built_in().unwrap();
        let a = seed.bodies[0].id.clone();
        let mut remote = seed.clone();
        remote
            .update_body_basics(
                &a,
                basics("Namn", Some("NLSG")),
                stamp("r", "2026-12-01T10:00:00Z"),
            )
            .unwrap();
        let mut local = seed.clone();
        local
            .update_body_basics(
                &a,
                basics("Namn", Some("LSG")),
                stamp("l", "2026-12-01T11:00:00Z"),
            )
            .unwrap();
        let before_import = local.clone();
        let (mut imported, undo) = import(&local, &remote);
        assert!(!imported.body(&a).unwrap().meta.conflicts.is_empty());
        undo_import(&mut imported, &undo, &stamp("l", "2026-12-03T10:00:00Z")).unwrap();
        let body = imported.body(&a).unwrap();
        assert!(body.meta.conflicts.is_empty(), "{:?}", body.meta.conflicts);
        assert_eq!(body.short_name, before_import.body(&a).unwrap().short_name);
    }
}
