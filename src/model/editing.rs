//! Creating, changing, deleting and restoring records, the same way for
//! every record kind: validate (see `validation`), refuse what is locked,
//! record which fields changed with their old and new values, and mark the
//! change with its stamp so it travels in exchange files.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::i18n::{t, tf, Text};

use super::validation::Rules;
use super::*;

/// A field the user must correct, and why (in the interface's language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name in the data, e.g. "name" or "to"; forms put the
    /// message next to the input for it.
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = field_label(self.field);
        let mut chars = label.chars();
        let capital: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        write!(f, "{capital}: {}", self.message)
    }
}

/// A record kind the user can edit.
/// Its rules (what is valid, what is locked) are in `validation`.
pub trait Editable: Record + Rules + Serialize + DeserializeOwned + Clone
where
    Self::Id: fmt::Display,
{
    const KIND: RecordKind;
    fn records(data: &Dataset) -> &[Self];
    fn records_mut(data: &mut Dataset) -> &mut Vec<Self>;
    fn reference(&self) -> RecordRef {
        RecordRef::new(Self::KIND, self.id().to_string())
    }
}

/// What one edit did, for the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub record: RecordRef,
    pub action: ChangeAction,
    pub fields: Vec<FieldChange>,
}

impl Change {
    /// What an edit did to `record`: the fields that differ between its
    /// fields `before` and `after` (each as `record_fields` gives them),
    /// with both values.
    pub fn between(record: RecordRef, action: ChangeAction, before: &Value, after: &Value) -> Self {
        Change {
            record,
            action,
            fields: field_changes(before, after),
        }
    }

    /// A record just created: every field it has, from absent.
    pub fn created<R: Editable>(record: &R) -> Self
    where
        R::Id: fmt::Display,
    {
        let mut change = Change::between(
            record.reference(),
            ChangeAction::Created,
            &Value::Object(Default::default()),
            &record_fields(record),
        );
        change.fields.retain(|f| f.field != "deleted");
        change
    }
}

impl History {
    /// Keeps `change` in the history with its stamp; returns the entry id.
    pub fn keep(&mut self, change: Change, stamp: ChangeStamp, undoes: Option<String>) -> String {
        self.keep_by("", change, stamp, undoes)
    }

    /// As [`History::keep`], for one of several writers of a copy (the
    /// app's tabs), whose entries must not share ids.
    pub fn keep_by(
        &mut self,
        writer: &str,
        change: Change,
        stamp: ChangeStamp,
        undoes: Option<String>,
    ) -> String {
        self.record(
            writer,
            change.record,
            change.action,
            stamp,
            change.fields,
            undoes,
        )
        .id
        .clone()
    }
}

/// Marks the fields of `record` that differ from `before` (a
/// `record_fields` snapshot) as changed by `stamp`, and returns them as the
/// change for the history; `None` when nothing changed.
pub(super) fn touch_change<R: Editable>(
    record: &mut R,
    before: &Value,
    action: ChangeAction,
    stamp: ChangeStamp,
) -> Option<Change>
where
    R::Id: fmt::Display,
{
    if !touch_changed(record, before, stamp) {
        return None;
    }
    let after = record_fields(&*record);
    Some(Change::between(record.reference(), action, before, &after))
}

fn field_changes(before: &Value, after: &Value) -> Vec<FieldChange> {
    changed_fields(before, after)
        .into_iter()
        .map(|field| FieldChange {
            before: before.get(&field).cloned().unwrap_or(Value::Null),
            after: after.get(&field).cloned().unwrap_or(Value::Null),
            field,
        })
        .collect()
}

/// Runs `$body` with `$ty` the editable record type of `$record`'s kind;
macro_rules! by_kind {
    ($record:expr, |$ty:ident| $body:expr) => {{
        macro_rules! arm {
            ($t:ty) => {{
                type $ty = $t;
                $body
            }};
        }
        match $record.kind {
            RecordKind::Organisations => arm!(Organisation),
            RecordKind::People => arm!(Person),
            RecordKind::Bodies => arm!(Body),
            RecordKind::Relations => arm!(Relation),
            RecordKind::Memberships => arm!(Membership),
            RecordKind::Agreements => arm!(Agreement),
            RecordKind::Meetings => arm!(Meeting),
            RecordKind::Paragraphs => arm!(Paragraph),
            RecordKind::Positions => arm!(BodyPosition),
            RecordKind::Counties => arm!(County),
            RecordKind::Documents => arm!(SourceDocument),
        }
    }};
}

fn rejected(error: FieldError) -> EditError {
    EditError::Rejected(vec![error])
}

impl Dataset {
    /// Saves a record from a form: a new one (its id not yet used) or a
    /// change of a live one. Invalid or locked input changes nothing and
    /// says why; saving an unchanged record records nothing (`Ok(None)`).
    pub fn save<R: Editable>(
        &mut self,
        mut record: R,
        stamp: ChangeStamp,
    ) -> Result<Option<Change>, EditError>
    where
        R::Id: fmt::Display,
    {
        let existing = R::records(self).iter().position(|r| r.id() == record.id());
        if let Some(index) = existing {
            let current = &R::records(self)[index];
            if !current.is_live() {
                return Err(EditError::NotFound(record.id().to_string()));
            }
            if let Some(why) = current.locked(self) {
                return Err(EditError::Locked(why));
            }
            if let Some(error) = R::guard_change(current, &record) {
                return Err(rejected(error));
            }
        } else if let Some(error) = record.guard_new() {
            return Err(rejected(error));
        }
        if let Some(why) = record.locked(self) {
            return Err(EditError::Locked(why));
        }
        let errors = record.validate(self);
        if !errors.is_empty() {
            return Err(EditError::Rejected(errors));
        }
        let reference = record.reference();
        match existing {
            Some(index) => {
                let slot = &mut R::records_mut(self)[index];
                let before = record_fields(&*slot);
                *record.meta_mut() = slot.meta().clone();
                *slot = record;
                let after = record_fields(&*slot);
                let fields = field_changes(&before, &after);
                if !touch_changed(slot, &before, stamp) {
                    return Ok(None);
                }
                Ok(Some(Change {
                    record: reference,
                    action: ChangeAction::Changed,
                    fields,
                }))
            }
            None => {
                *record.meta_mut() = RecordMeta::default();
                // A new record bumps only its record vector: its fields start
                // from the empty vector, since no other copy has them yet.
                record.meta_mut().touch(stamp);
                let change = Change::created(&record);
                R::records_mut(self).push(record);
                Ok(Some(change))
            }
        }
    }

    /// Saves what a form changed: only the fields that differ between the
    /// record as the form `opened` it and as `edited` are written, onto the
    /// record as it is now. A field changed meanwhile elsewhere (another
    /// tab, an import) and not touched in the form keeps that change. A new
    /// record (its id not live) is saved whole.
    pub fn save_from<R: Editable>(
        &mut self,
        opened: &R,
        edited: R,
        stamp: ChangeStamp,
    ) -> Result<Option<Change>, EditError>
    where
        R::Id: fmt::Display,
    {
        let Some(current) = R::records(self)
            .iter()
            .find(|r| r.id() == edited.id() && r.is_live())
        else {
            return self.save(edited, stamp);
        };
        let touched: Vec<String> = changed_fields(&record_fields(opened), &record_fields(&edited))
            .into_iter()
            .filter(|field| field != "deleted")
            .collect();
        if touched.is_empty() {
            return Ok(None);
        }
        let to_json = |record: &R| {
            serde_json::to_value(record).map_err(|e| EditError::NotFound(format!("{e}")))
        };
        let mut merged = to_json(current)?;
        let edited = to_json(&edited)?;
        if let (Some(merged), Some(edited)) = (merged.as_object_mut(), edited.as_object()) {
            for field in touched {
                match edited.get(&field) {
                    Some(value) => merged.insert(field, value.clone()),
                    None => merged.remove(&field),
                };
            }
        }
        let merged: R =
            serde_json::from_value(merged).map_err(|e| EditError::NotFound(format!("{e}")))?;
        self.save(merged, stamp)
    }

    /// Deletes a record: it stays as a tombstone, so the deletion travels
    /// and can be undone. A record that live records still refer to is not
    /// deleted; the message names them.
    pub fn delete<R: Editable>(
        &mut self,
        id: &R::Id,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError>
    where
        R::Id: fmt::Display,
    {
        let index = R::records(self)
            .iter()
            .position(|r| r.id() == id && r.is_live())
            .ok_or_else(|| EditError::NotFound(id.to_string()))?;
        let current = &R::records(self)[index];
        if let Some(why) = current.locked(self) {
            return Err(EditError::Locked(why));
        }
        let reference = current.reference();
        let users = self.referrers(&reference);
        if !users.is_empty() {
            let shown: Vec<String> = users
                .iter()
                .take(5)
                .map(|r| format!("{} {}", r.kind_label(), r.title(self)))
                .collect();
            let more = users.len().saturating_sub(shown.len());
            let more = if more > 0 {
                tf(Text::InUseAndMore, &[&more])
            } else {
                String::new()
            };
            return Err(EditError::InUse(tf(
                Text::InUseReferrers,
                &[&(shown.join(", ") + &more)],
            )));
        }
        let slot = &mut R::records_mut(self)[index];
        let before = record_fields(&*slot);
        slot.meta_mut().deleted = true;
        touch_changed(slot, &before, stamp);
        Ok(Change {
            record: reference,
            action: ChangeAction::Deleted,
            fields: vec![FieldChange {
                field: "deleted".into(),
                before: Value::Bool(false),
                after: Value::Bool(true),
            }],
        })
    }

    /// [`Dataset::delete`] for a record named by kind and id.
    pub fn delete_record(
        &mut self,
        record: &RecordRef,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError> {
        by_kind!(record, |R| self
            .delete::<R>(&record.id.as_str().into(), stamp))
    }

    /// Live records that refer to `target` by id (any field holding exactly
    /// its id), except diagram positions, which go with the body.
    pub fn referrers(&self, target: &RecordRef) -> Vec<RecordRef> {
        self.referrers_of(std::slice::from_ref(target), |_, deleted| !deleted)
            .remove(target)
            .unwrap_or_default()
    }

    /// For each of `targets`, the records that refer to it by id (any field
    /// holding exactly its id), among the records `counts` admits (given
    /// the record and whether it is deleted). Diagram positions and source
    /// documents never count: a position goes with its body, and documents
    /// only cite. One pass over the data, however many targets: an import
    /// checks all its deletions at once.
    pub fn referrers_of(
        &self,
        targets: &[RecordRef],
        counts: impl Fn(&RecordRef, bool) -> bool,
    ) -> BTreeMap<RecordRef, Vec<RecordRef>> {
        let mut found: BTreeMap<RecordRef, Vec<RecordRef>> = BTreeMap::new();
        let mut by_id: HashMap<&str, Vec<&RecordRef>> = HashMap::new();
        for target in targets {
            by_id.entry(target.id.as_str()).or_default().push(target);
        }
        let Ok(Value::Object(kinds)) = serde_json::to_value(self) else {
            return found;
        };
        for (field, records) in &kinds {
            let Some(kind) = RecordKind::from_field(field) else {
                continue;
            };
            if matches!(kind, RecordKind::Positions | RecordKind::Documents) {
                continue;
            }
            for record in records.as_array().into_iter().flatten() {
                let deleted = record
                    .pointer("/meta/deleted")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                let own =
                    RecordRef::new(kind, record.get("id").and_then(Value::as_str).unwrap_or(""));
                if !counts(&own, deleted) {
                    continue;
                }
                let mut held = BTreeSet::new();
                for (field, value) in record.as_object().into_iter().flatten() {
                    if field != "id" && field != "meta" {
                        strings_in(value, &mut held);
                    }
                }
                for id in held {
                    for target in by_id.get(id).into_iter().flatten() {
                        if **target != own {
                            found
                                .entry((*target).clone())
                                .or_default()
                                .push(own.clone());
                        }
                    }
                }
            }
        }
        found
    }

    /// Sets named fields of a record (by kind and id) to the given JSON
    /// values, as one attributed edit; `deleted` brings a record back or
    /// deletes it. Used by undo and by restoring an older version; the
    /// result is validated like a form.
    pub fn apply_values(
        &mut self,
        record: &RecordRef,
        values: &[(String, Value)],
        action: ChangeAction,
        stamp: ChangeStamp,
    ) -> Result<Option<Change>, EditError> {
        by_kind!(record, |R| self
            .apply_values_to::<R>(&record.id, values, action, stamp))
    }

    fn apply_values_to<R: Editable>(
        &mut self,
        id: &str,
        values: &[(String, Value)],
        action: ChangeAction,
        stamp: ChangeStamp,
    ) -> Result<Option<Change>, EditError>
    where
        R::Id: fmt::Display,
    {
        let index = R::records(self)
            .iter()
            .position(|r| r.id().to_string() == id)
            .ok_or_else(|| EditError::NotFound(id.to_owned()))?;
        let current = &R::records(self)[index];
        if let Some(why) = current.locked(self) {
            return Err(EditError::Locked(why));
        }
        let mut json =
            serde_json::to_value(current).map_err(|e| EditError::NotFound(format!("{id}: {e}")))?;
        let mut deleted = !current.is_live();
        for (field, value) in values {
            match field.as_str() {
                "deleted" => deleted = value.as_bool().unwrap_or(false),
                "id" | "meta" => {}
                _ => {
                    if let Some(object) = json.as_object_mut() {
                        if value.is_null() {
                            object.remove(field);
                        } else {
                            object.insert(field.clone(), value.clone());
                        }
                    }
                }
            }
        }
        let mut changed: R = serde_json::from_value(json).map_err(|e| {
            EditError::Rejected(vec![FieldError::new(
                "data",
                tf(
                    Text::UndoOldVersionDoesNotFit,
                    &[&crate::i18n::json_error_text(&e)],
                ),
            )])
        })?;
        changed.meta_mut().deleted = deleted;
        if !deleted {
            if let Some(why) = changed.locked(self) {
                return Err(EditError::Locked(why));
            }
            let errors = changed.validate(self);
            if !errors.is_empty() {
                return Err(EditError::Rejected(errors));
            }
        }
        let reference = changed.reference();
        let slot = &mut R::records_mut(self)[index];
        let before = record_fields(&*slot);
        *changed.meta_mut() = RecordMeta {
            deleted,
            ..slot.meta().clone()
        };
        *slot = changed;
        let after = record_fields(&*slot);
        let fields = field_changes(&before, &after);
        if !touch_changed(slot, &before, stamp) {
            return Ok(None);
        }
        Ok(Some(Change {
            record: reference,
            action,
            fields,
        }))
    }

    /// The current fields of a record (with `deleted` for the tombstone),
    /// as JSON; `None` if there is no such record.
    fn current_fields(&self, record: &RecordRef) -> Option<Value> {
        let found: Result<Value, EditError> = by_kind!(record, |R| R::records(self)
            .iter()
            .find(|r| r.id().to_string() == record.id)
            .map(record_fields)
            .ok_or_else(|| EditError::NotFound(record.id.clone())));
        found.ok()
    }

    /// Takes back the latest change made on this copy that can still be
    /// undone. Only fields that still hold the value that change wrote are
    /// set back: a later edit (here or from another copy) is never undone
    /// by surprise. Returns the change and the id of the entry undone.
    pub fn undo_last(
        &mut self,
        history: &History,
        stamp: ChangeStamp,
    ) -> Result<(Change, String), EditError> {
        let entry = history
            .last_undoable(&stamp.copy_id)
            .ok_or_else(|| EditError::Nothing(t(Text::UndoNothing).into()))?;
        let values: Vec<(String, Value)> = if entry.action == ChangeAction::Created {
            vec![("deleted".into(), Value::Bool(true))]
        } else {
            let current = self.current_fields(&entry.record).unwrap_or(Value::Null);
            entry
                .fields
                .iter()
                .filter(|f| current.get(&f.field).unwrap_or(&Value::Null) == &f.after)
                .map(|f| (f.field.clone(), f.before.clone()))
                .collect()
        };
        if values.is_empty() {
            return Err(EditError::Nothing(tf(
                Text::UndoChangedSince,
                &[&entry.record.kind_label(), &entry.record.title(self)],
            )));
        }
        let id = entry.id.clone();
        let change = self
            .apply_values(&entry.record, &values, ChangeAction::Undone, stamp)?
            .ok_or_else(|| EditError::Nothing(t(Text::UndoAlreadyUndone).into()))?;
        Ok((change, id))
    }

    /// Sets a record back to how it was just after history entry `after`,
    /// or before its first recorded change when `after` is `None`.
    pub fn restore_version(
        &mut self,
        history: &History,
        record: &RecordRef,
        after: Option<&str>,
        stamp: ChangeStamp,
    ) -> Result<Option<Change>, EditError> {
        let values = history.values_at(record, after);
        if values.is_empty() {
            return Ok(None);
        }
        self.apply_values(record, &values, ChangeAction::Restored, stamp)
    }
}

impl Dataset {
    /// Brings a deleted record back as it was, as an attributed edit that
    /// travels. Refused only when the record would not be valid now (e.g. a
    /// body whose county is deleted: bring that back first); not refused
    /// because it is locked, since only the tombstone changes — which is how
    /// adjusted minutes and their § deleted by a file come back.
    pub fn undelete(
        &mut self,
        record: &RecordRef,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError> {
        by_kind!(record, |R| self.undelete_of::<R>(&record.id, stamp, true))
    }

    /// Takes back the deletion of a record that live records refer to (an
    /// import's deletion refused by the editor's rule): the record was live
    /// before the import, so it is kept as it is, valid or not.
    pub fn keep_live(
        &mut self,
        record: &RecordRef,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError> {
        by_kind!(record, |R| self.undelete_of::<R>(&record.id, stamp, false))
    }

    fn undelete_of<R: Editable>(
        &mut self,
        id: &str,
        stamp: ChangeStamp,
        validate: bool,
    ) -> Result<Change, EditError>
    where
        R::Id: fmt::Display,
    {
        let index = R::records(self)
            .iter()
            .position(|r| r.id().to_string() == id && !r.is_live())
            .ok_or_else(|| EditError::NotFound(id.to_owned()))?;
        let mut back = R::records(self)[index].clone();
        back.meta_mut().deleted = false;
        let errors = if validate {
            back.validate(self)
        } else {
            vec![]
        };
        if !errors.is_empty() {
            return Err(EditError::Rejected(errors));
        }
        let slot = &mut R::records_mut(self)[index];
        let before = record_fields(&*slot);
        slot.meta_mut().deleted = false;
        touch_change(slot, &before, ChangeAction::Undeleted, stamp)
            .ok_or_else(|| EditError::Nothing(t(Text::UndoAlreadyUndone).into()))
    }

    /// Sets a record's tombstone without recording a change (a step of
    /// [`Dataset::undelete_all`], which records the outcome).
    fn set_tombstone(&mut self, record: &RecordRef, deleted: bool) -> Result<(), EditError> {
        by_kind!(record, |R| {
            let slot = R::records_mut(self)
                .iter_mut()
                .find(|r| r.id().to_string() == record.id)
                .ok_or_else(|| EditError::NotFound(record.id.clone()))?;
            slot.meta_mut().deleted = deleted;
            Ok(())
        })
    }

    /// The rules the record breaks as it is now in the data.
    fn errors_of(&self, record: &RecordRef) -> Result<Vec<FieldError>, EditError> {
        by_kind!(record, |R| R::records(self)
            .iter()
            .find(|r| r.id().to_string() == record.id)
            .map(|r| r.validate(self))
            .ok_or_else(|| EditError::NotFound(record.id.clone())))
    }

    /// Records the tombstone of a record set live by `set_tombstone` as an
    /// attributed edit.
    fn touch_undeleted(
        &mut self,
        record: &RecordRef,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError> {
        by_kind!(record, |R| {
            let slot = R::records_mut(self)
                .iter_mut()
                .find(|r| r.id().to_string() == record.id)
                .ok_or_else(|| EditError::NotFound(record.id.clone()))?;
            let mut before = record_fields(&*slot);
            before["deleted"] = Value::Bool(true);
            touch_change(slot, &before, ChangeAction::Undeleted, stamp)
                .ok_or_else(|| EditError::Nothing(t(Text::UndoAlreadyUndone).into()))
        })
    }

    /// Every deleted record, kinds in the order they depend on each other
    /// (counties before the bodies in them, meetings before their §).
    pub fn deleted_records(&self) -> Vec<RecordRef> {
        self.record_metas()
            .filter(|(_, _, meta)| meta.deleted)
            .map(|(kind, id, _)| RecordRef {
                kind: kind.to_owned(),
                id: id.to_owned(),
            })
            .collect()
    }

    /// Brings back every deleted record that can be. Records that refer to
    /// each other (a body and the agreement that establishes it) come back
    /// together: all are set live, then those that break a rule are set
    /// back, until the rest hold. Returns the changes and the records that
    /// stay deleted, each with why.
    pub fn undelete_all(
        &mut self,
        stamp: &ChangeStamp,
    ) -> (Vec<Change>, Vec<(RecordRef, EditError)>) {
        let waiting = self.deleted_records();
        for record in &waiting {
            let _ = self.set_tombstone(record, false);
        }
        let mut refused: Vec<(RecordRef, EditError)> = vec![];
        loop {
            let failing: Vec<(RecordRef, EditError)> = waiting
                .iter()
                .filter(|r| !refused.iter().any(|(gone, _)| gone == *r))
                .filter_map(|r| match self.errors_of(r) {
                    Ok(errors) if errors.is_empty() => None,
                    Ok(errors) => Some((r.clone(), EditError::Rejected(errors))),
                    Err(error) => Some((r.clone(), error)),
                })
                .collect();
            if failing.is_empty() {
                break;
            }
            for (record, _) in &failing {
                let _ = self.set_tombstone(record, true);
            }
            refused.extend(failing);
        }
        let changes = waiting
            .iter()
            .filter(|r| !refused.iter().any(|(gone, _)| gone == *r))
            .filter_map(|r| self.touch_undeleted(r, stamp.clone()).ok())
            .collect();
        (changes, refused)
    }
}

/// Every string in `value`, however deep.
fn strings_in<'a>(value: &'a Value, out: &mut BTreeSet<&'a str>) {
    match value {
        Value::String(s) => {
            out.insert(s);
        }
        Value::Array(items) => items.iter().for_each(|v| strings_in(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings_in(v, out)),
        _ => {}
    }
}

macro_rules! editable {
    ($($ty:ty => $kind:ident, $field:ident);* $(;)?) => {$(
        impl Editable for $ty {
            const KIND: RecordKind = RecordKind::$kind;
            fn records(data: &Dataset) -> &[Self] {
                &data.$field
            }
            fn records_mut(data: &mut Dataset) -> &mut Vec<Self> {
                &mut data.$field
            }
        }
    )*};
}

editable!(
    Organisation => Organisations, organisations;
    Person => People, people;
    Body => Bodies, bodies;
    Relation => Relations, relations;
    Membership => Memberships, memberships;
    Agreement => Agreements, agreements;
    Meeting => Meetings, meetings;
    Paragraph => Paragraphs, paragraphs;
    BodyPosition => Positions, positions;
    County => Counties, counties;
    SourceDocument => Documents, documents;
);
