//! Conflicts kept by the merge, for people to see and resolve. A resolution
//! is an ordinary edit of the field: its version dominates every kept value,
//! so it travels to the other copies and ends the conflict there too.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::i18n::{t, tf, Text};
use crate::model::list::{self, ITEM_DELETED, ITEM_VALUE};
use crate::model::{
    field_label, readable_item, readable_value, record_fields, word_diff, Change, ChangeAction,
    ChangeStamp, Dataset, DiffPiece, EditError, FieldChange, Readable, Record, RecordKind,
    RecordMeta,
};

use super::limits::text_problem;
use super::report::RecordRef;

/// One value a field had on some copy.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictValue {
    /// The field's value as JSON; `null` means absent.
    pub value: Value,
    /// Who wrote it, if known.
    pub change: Option<ChangeStamp>,
}

/// A field written concurrently on two or more copies.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub record: RecordRef,
    /// The record as people know it (name, title, meeting).
    pub title: String,
    pub field: String,
    /// For a conflict on one item of a list: the item's id and its place
    /// (1-based among the items shown; `None` when it is removed now).
    pub item: Option<ItemAt>,
    /// The current (provisional winner) value first, then the others, each
    /// value once. For a list item, `null` is "the item removed".
    pub values: Vec<ConflictValue>,
}

/// An item of a list: its id, and its place among the items shown (1-based;
/// `None` when it is removed now).
pub type ItemAt = (String, Option<usize>);

/// One value of a conflict as a person reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownValue {
    pub shown: Readable,
    /// For a value other than the current one, when both have a value: the
    /// difference from the current value to this one, word by word.
    pub diff: Option<Vec<DiffPiece>>,
}

impl Conflict {
    /// The field (and the item's place) in the interface's language:
    /// "uppdrag, punkt 4".
    pub fn field_text(&self) -> String {
        let place = self.item.as_ref().map(|(_, place)| match place {
            Some(n) => tf(Text::ConflictItemAt, &[n]),
            None => t(Text::ConflictItemRemovedNow).to_owned(),
        });
        format!("{}{}", field_label(&self.field), place.unwrap_or_default())
    }

    /// Where the conflict is, for messages: "uppdrag, punkt 4 i organ
    /// Länsstyrgruppen".
    pub fn place_text(&self) -> String {
        tf(
            Text::ConflictPlace,
            &[&self.field_text(), &self.record.kind_label(), &self.title],
        )
    }

    /// Every value as a person reads it, the current one first; for the
    /// others, the difference from the current one.
    pub fn shown_values(&self, data: &Dataset) -> Vec<ShownValue> {
        let read = |value: &Value| match self.item {
            Some(_) => readable_item(data, &self.field, value),
            None => readable_value(data, &self.field, value),
        };
        let shown: Vec<Readable> = self.values.iter().map(|v| read(&v.value)).collect();
        let current = shown.first().cloned().unwrap_or(Readable::Absent);
        shown
            .into_iter()
            .enumerate()
            .map(|(index, shown)| {
                let both = index > 0 && current != Readable::Absent && shown != Readable::Absent;
                let diff = both.then(|| word_diff(&current.text(), &shown.text()));
                ShownValue { shown, diff }
            })
            .collect()
    }

    /// The text a combined value starts from — the current value, or the
    /// first other value when the current one is absent — when the values
    /// are texts people wrote (absent ones aside); `None` when only keeping
    /// one of the values is offered (names, dates, items with fields).
    pub fn combined_start(&self, data: &Dataset) -> Option<String> {
        let shown = self.shown_values(data);
        let texts = shown
            .iter()
            .all(|v| v.shown.is_text() || v.shown == Readable::Absent);
        if !texts {
            return None;
        }
        shown.into_iter().find_map(|v| match v.shown {
            Readable::Text(text) => Some(text),
            _ => None,
        })
    }
}

/// The conflicts on items of a record's lists.
fn item_conflicts(record: &Value) -> Vec<(String, ItemAt, Vec<ConflictValue>)> {
    let Some(meta) = record
        .get("meta")
        .and_then(|m| serde_json::from_value::<RecordMeta>(m.clone()).ok())
    else {
        return vec![];
    };
    let mut out = vec![];
    for field in meta.items.keys() {
        let list = match record.get(field) {
            Some(Value::Array(list)) => list.as_slice(),
            _ => &[],
        };
        let items = list::items_of(list, &meta, field);
        let mut place = 0;
        for item in &items {
            if !item.deleted {
                place += 1;
            }
            if !item.in_conflict() {
                continue;
            }
            let shown =
                |deleted: bool, value: &Value| if deleted { Value::Null } else { value.clone() };
            let value_now = item.value.clone().unwrap_or(Value::Null);
            let mut values = vec![ConflictValue {
                value: shown(item.deleted, &value_now),
                change: item.fields.get(ITEM_VALUE).and_then(|f| f.change.clone()),
            }];
            let mut add = |value: Value, change: Option<ChangeStamp>| {
                if !values.iter().any(|v| v.value == value) {
                    values.push(ConflictValue { value, change });
                }
            };
            for sibling in item.siblings(ITEM_VALUE).into_iter().skip(1) {
                add(sibling.value, sibling.change);
            }
            for sibling in item.siblings(ITEM_DELETED).into_iter().skip(1) {
                let deleted = sibling.value.as_bool().unwrap_or(false);
                add(shown(deleted, &value_now), sibling.change);
            }
            if values.len() > 1 {
                let at = (!item.deleted).then_some(place);
                out.push((field.clone(), (item.id.clone(), at), values));
            }
        }
    }
    out
}

/// Every field in conflict whose kept values differ from the current one
/// (two copies that wrote the same value do not disagree).
pub fn conflicts(data: &Dataset) -> Vec<Conflict> {
    let mut out = Vec::new();
    let Ok(Value::Object(kinds)) = serde_json::to_value(data) else {
        return out;
    };
    for (field, records) in &kinds {
        let Some(kind) = RecordKind::from_field(field) else {
            continue;
        };
        for record in records.as_array().into_iter().flatten() {
            let at = || RecordRef {
                kind,
                id: record
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
            };
            if record.get("meta").and_then(|m| m.get("items")).is_some() {
                for (field, item, values) in item_conflicts(record) {
                    out.push(Conflict {
                        title: at().title(data),
                        record: at(),
                        field,
                        item: Some(item),
                        values,
                    });
                }
            }
            let Some(fields) = record
                .get("meta")
                .and_then(|m| m.get("conflicts"))
                .and_then(Value::as_object)
            else {
                continue;
            };
            let meta = &record["meta"];
            for (field, siblings) in fields {
                let current = if field == "deleted" {
                    Value::Bool(
                        meta.get("deleted")
                            .and_then(Value::as_bool)
                            .unwrap_or(false),
                    )
                } else {
                    record.get(field).cloned().unwrap_or(Value::Null)
                };
                let change = meta
                    .get("fields")
                    .and_then(|f| f.get(field))
                    .and_then(|f| f.get("change"))
                    .and_then(|c| serde_json::from_value(c.clone()).ok());
                let mut values = vec![ConflictValue {
                    value: current,
                    change,
                }];
                for sibling in siblings.as_array().into_iter().flatten() {
                    let value = sibling.get("value").cloned().unwrap_or(Value::Null);
                    if values.iter().any(|v| v.value == value) {
                        continue;
                    }
                    values.push(ConflictValue {
                        value,
                        change: sibling
                            .get("change")
                            .and_then(|c| serde_json::from_value(c.clone()).ok()),
                    });
                }
                if values.len() < 2 {
                    continue;
                }
                out.push(Conflict {
                    title: at().title(data),
                    record: at(),
                    field: field.clone(),
                    item: None,
                    values,
                });
            }
        }
    }
    out
}

/// Every record with kept conflict values, once per kept value with that
/// value in its field, under an id of its own ("<id> (konfliktvärde
/// <field> <n>)"): checking the references of these checks the values a
/// person may still choose. Empty when nothing is in conflict.
pub fn conflict_variants(data: &Dataset) -> Dataset {
    Dataset {
        schema_version: data.schema_version,
        documents: variants_of(&data.documents),
        counties: variants_of(&data.counties),
        organisations: variants_of(&data.organisations),
        people: variants_of(&data.people),
        bodies: variants_of(&data.bodies),
        relations: variants_of(&data.relations),
        memberships: variants_of(&data.memberships),
        agreements: variants_of(&data.agreements),
        meetings: variants_of(&data.meetings),
        paragraphs: variants_of(&data.paragraphs),
        positions: variants_of(&data.positions),
        other_kinds: Default::default(),
    }
}

fn variants_of<R>(records: &[R]) -> Vec<R>
where
    R: Record + Serialize + DeserializeOwned,
    R::Id: AsRef<str>,
{
    let mut out = Vec::new();
    for record in records.iter().filter(|r| !r.meta().conflicts.is_empty()) {
        let Ok(Value::Object(mut base)) = serde_json::to_value(record) else {
            continue;
        };
        if let Some(meta) = base.get_mut("meta").and_then(Value::as_object_mut) {
            meta.remove("conflicts");
        }
        for (field, siblings) in &record.meta().conflicts {
            if field == "deleted" || field == "id" || field == "meta" {
                continue;
            }
            for (n, sibling) in siblings.iter().enumerate() {
                let mut variant = base.clone();
                let id = tf(
                    Text::ConflictVariantId,
                    &[&record.id().as_ref(), &field, &n],
                );
                variant.insert("id".into(), Value::String(id));
                if sibling.value.is_null() {
                    variant.remove(field);
                } else {
                    variant.insert(field.clone(), sibling.value.clone());
                }
                if let Ok(variant) = serde_json::from_value(Value::Object(variant)) {
                    out.push(variant);
                }
            }
        }
    }
    out
}

/// Resolves a conflict by keeping `value` in `field` of the record: the
/// choice is recorded as a change by `stamp`, which ends the conflict.
/// Returns the change for the history; its field lists the value kept even
/// when it was the current one (the conflict ended; nothing to take back).
/// For a conflict on a list item (`item`: its id), `value` is the item's
/// value, `null` to remove it.
pub fn resolve_conflict(
    data: &mut Dataset,
    record: &RecordRef,
    field: &str,
    item: Option<&str>,
    value: &Value,
    stamp: ChangeStamp,
) -> Result<Change, EditError> {
    let id = record.id.as_str();
    let at = Target { id, field, item };
    let (before, after) = match record.kind {
        RecordKind::Documents => set_field(&mut data.documents, at, value, stamp),
        RecordKind::Counties => set_field(&mut data.counties, at, value, stamp),
        RecordKind::Organisations => set_field(&mut data.organisations, at, value, stamp),
        RecordKind::People => set_field(&mut data.people, at, value, stamp),
        RecordKind::Bodies => set_field(&mut data.bodies, at, value, stamp),
        RecordKind::Relations => set_field(&mut data.relations, at, value, stamp),
        RecordKind::Memberships => set_field(&mut data.memberships, at, value, stamp),
        RecordKind::Agreements => set_field(&mut data.agreements, at, value, stamp),
        RecordKind::Meetings => set_field(&mut data.meetings, at, value, stamp),
        RecordKind::Paragraphs => set_field(&mut data.paragraphs, at, value, stamp),
        RecordKind::Positions => set_field(&mut data.positions, at, value, stamp),
    }?;
    let mut change = Change::between(record.clone(), ChangeAction::Changed, &before, &after);
    if change.fields.is_empty() {
        let kept = before.get(field).cloned().unwrap_or(Value::Null);
        change.fields.push(FieldChange {
            field: field.to_owned(),
            before: kept.clone(),
            after: kept,
        });
    }
    Ok(change)
}

/// Resolves a conflict on a text with a value a person wrote, e.g. the two
/// versions combined (see [`Conflict::combined_start`]): like
/// [`resolve_conflict`], the new value dominates every value in conflict, so
/// it travels and ends the conflict on the other copies too. Surrounding
/// whitespace is dropped; an empty text is refused (to remove a list item,
/// keep its "removed" value), and so is a text too long for an exchange file.
pub fn resolve_conflict_with_text(
    data: &mut Dataset,
    conflict: &Conflict,
    text: &str,
    stamp: ChangeStamp,
) -> Result<Change, EditError> {
    let text = text.trim();
    let refuse = |message: String| EditError::Invalid {
        field: "värde",
        message,
    };
    if text.is_empty() {
        return Err(refuse(tf(
            Text::ConflictCombinedEmpty,
            &[&conflict.place_text()],
        )));
    }
    if let Some(problem) = text_problem(text) {
        return Err(refuse(tf(
            Text::ConflictCombinedRefused,
            &[&conflict.place_text(), &problem],
        )));
    }
    let item = conflict.item.as_ref().map(|(id, _)| id.as_str());
    resolve_conflict(
        data,
        &conflict.record,
        &conflict.field,
        item,
        &Value::String(text.to_owned()),
        stamp,
    )
}

/// Where a conflict is settled: a record's field, or an item of its list.
#[derive(Clone, Copy)]
struct Target<'a> {
    id: &'a str,
    field: &'a str,
    item: Option<&'a str>,
}

fn set_field<R>(
    records: &mut [R],
    Target { id, field, item }: Target<'_>,
    value: &Value,
    stamp: ChangeStamp,
) -> Result<(Value, Value), EditError>
where
    R: Record + Serialize + DeserializeOwned,
    R::Id: AsRef<str>,
{
    let record = records
        .iter_mut()
        .find(|r| r.id().as_ref() == id)
        .ok_or_else(|| EditError::NotFound(id.to_owned()))?;
    let invalid = |message: String| EditError::Invalid {
        field: "värde",
        message,
    };
    let mut json =
        serde_json::to_value(&*record).map_err(|e| invalid(crate::i18n::json_error_text(&e)))?;
    let Some(object) = json.as_object_mut() else {
        return Err(invalid(t(Text::ConflictNotObject).into()));
    };
    if let Some(item) = item {
        let before = record_fields(&*record);
        let mut meta = record.meta().clone();
        let list = match object.get(field) {
            Some(Value::Array(list)) => list.clone(),
            _ => vec![],
        };
        let kept = (!value.is_null()).then(|| value.clone());
        let settled = list::settle_item(&mut meta, field, &list, item, kept, &stamp)
            .ok_or_else(|| EditError::NotFound(format!("{id} {field} {item}")))?;
        match settled {
            Some(list) => object.insert(field.to_owned(), list),
            None => object.remove(field),
        };
        meta.touch(stamp);
        if let Some(version) = meta.fields.get(field).map(|f| f.version.clone()) {
            meta.version.merge(&version);
        }
        object.insert(
            "meta".into(),
            serde_json::to_value(&meta).map_err(|e| invalid(crate::i18n::json_error_text(&e)))?,
        );
        *record =
            serde_json::from_value(json).map_err(|e| invalid(crate::i18n::json_error_text(&e)))?;
        return Ok((before, record_fields(&*record)));
    }
    if field == "deleted" {
        let deleted = value
            .as_bool()
            .ok_or_else(|| invalid(t(Text::ConflictMustBeYesNo).into()))?;
        if let Some(meta) = object.get_mut("meta").and_then(Value::as_object_mut) {
            meta.insert("deleted".into(), Value::Bool(deleted));
        }
    } else if value.is_null() {
        object.remove(field);
    } else {
        object.insert(field.to_owned(), value.clone());
    }
    let before = record_fields(&*record);
    let mut updated: R =
        serde_json::from_value(json).map_err(|e| invalid(crate::i18n::json_error_text(&e)))?;
    updated.meta_mut().touch_fields(stamp, &[field]);
    *record = updated;
    Ok((before, record_fields(&*record)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::merge;
    use crate::model::{BodyBasics, BodyId};

    fn stamp(copy: &str, at: &str) -> ChangeStamp {
        ChangeStamp {
            copy_id: copy.into(),
            writer: None,
            organisation: Some(format!("Org {copy}")),
            person: None,
            at: at.into(),
        }
    }

    fn rename(data: &mut Dataset, id: &BodyId, name: &str, stamp: ChangeStamp) {
        let basics = BodyBasics {
            name: name.into(),
            short_name: None,
        };
        data.update_body_basics(id, basics, stamp).unwrap();
    }

    #[test]
    fn a_conflict_is_listed_and_its_resolution_travels() {
        let base = crate::seed::built_in().unwrap();
        let id = base.bodies[0].id.clone();
        let (mut a, mut b) = (base.clone(), base.clone());
        rename(&mut a, &id, "Namn A", stamp("a", "2026-11-23T10:00:00Z"));
        rename(&mut b, &id, "Namn B", stamp("b", "2026-11-23T11:00:00Z"));
        let mut ab = merge(&a, &b).unwrap();
        let found = conflicts(&ab);
        assert_eq!(found.len(), 1);
        let conflict = &found[0];
        assert_eq!(conflict.field, "name");
        assert_eq!(conflict.title, "Namn B");
        let values: Vec<&Value> = conflict.values.iter().map(|v| &v.value).collect();
        assert_eq!(values, [&Value::from("Namn B"), &Value::from("Namn A")]);
        assert_eq!(
            conflict.values[1]
                .change
                .as_ref()
                .unwrap()
                .organisation
                .as_deref(),
            Some("Org a")
        );

        // B's copy keeps A's value; A's copy, not yet knowing, still has
        // the conflict until it imports the resolution.
        resolve_conflict(
            &mut ab,
            &conflict.record,
            "name",
            None,
            &Value::from("Namn A"),
            stamp("b", "2026-11-23T12:00:00Z"),
        )
        .unwrap();
        assert!(conflicts(&ab).is_empty());
        assert_eq!(ab.body(&id).unwrap().name, "Namn A");
        let a_after = merge(&a, &ab).unwrap();
        assert!(conflicts(&a_after).is_empty());
        assert_eq!(a_after.body(&id).unwrap().name, "Namn A");
        assert_eq!(
            crate::exchange::canonical(&a_after),
            crate::exchange::canonical(&merge(&ab, &a).unwrap())
        );
    }

    #[test]
    fn a_value_that_does_not_fit_the_field_is_refused() {
        let mut data = crate::seed::built_in().unwrap();
        let record = RecordRef {
            kind: RecordKind::Bodies,
            id: data.bodies[0].id.to_string(),
        };
        let before = data.clone();
        let refused = resolve_conflict(
            &mut data,
            &record,
            "name",
            None,
            &serde_json::json!([1, 2]),
            stamp("a", "t"),
        );
        assert!(matches!(refused, Err(EditError::Invalid { .. })));
        assert_eq!(data, before);
    }

    fn save_mandate_point(data: &mut Dataset, point: usize, text: &str, stamp: ChangeStamp) {
        let id = BodyId::new("nb-lansstyrgruppen");
        let opened = data.body(&id).unwrap().clone();
        let mut edited = opened.clone();
        edited.mandate[point] = text.into();
        data.save_from(&opened, edited, stamp).unwrap();
    }

    #[test]
    fn a_conflict_on_a_text_shows_the_word_difference_and_a_combined_value_travels() {
        let base = crate::seed::built_in().unwrap();
        let id = BodyId::new("nb-lansstyrgruppen");
        let (mut region, mut lulea) = (base.clone(), base.clone());
        save_mandate_point(
            &mut region,
            3,
            "Regionens lydelse av punkt fyra",
            stamp("r", "t1"),
        );
        save_mandate_point(
            &mut lulea,
            3,
            "Luleås lydelse av punkt fyra",
            stamp("l", "t2"),
        );
        let mut at_lulea = merge(&lulea, &region).unwrap();
        let found = conflicts(&at_lulea);
        assert_eq!(found.len(), 1);
        let conflict = &found[0];
        assert_eq!(conflict.field_text(), "uppdrag, punkt 4");
        let shown = conflict.shown_values(&at_lulea);
        assert_eq!(shown.len(), 2);
        assert!(shown.iter().all(|v| v.shown.is_text()));
        assert_eq!(shown[0].diff, None, "the current value is not compared");
        let diff = shown[1].diff.as_ref().unwrap();
        assert!(
            diff.contains(&DiffPiece::Same(" lydelse av punkt fyra".into())),
            "{diff:?}"
        );
        let start = conflict.combined_start(&at_lulea).unwrap();
        assert_eq!(Value::from(start.as_str()), conflict.values[0].value);

        let refused = resolve_conflict_with_text(&mut at_lulea, conflict, "  ", stamp("l", "t3"));
        let message = refused.unwrap_err().to_string();
        assert!(message.contains("uppdrag, punkt 4 i organ"), "{message}");
        assert_eq!(conflicts(&at_lulea).len(), 1, "nothing changed");

        let combined = "Regionens och Luleås gemensamma lydelse av punkt fyra";
        let change =
            resolve_conflict_with_text(&mut at_lulea, conflict, combined, stamp("l", "t3"))
                .unwrap();
        assert_eq!(change.fields[0].field, "mandate");
        assert!(conflicts(&at_lulea).is_empty());
        assert_eq!(at_lulea.body(&id).unwrap().mandate[3], combined);
        // The combined value dominates both sides' versions: it wins on the
        // region's copy, whichever way the files are merged, and no
        // conflict is left anywhere.
        let back = [
            merge(&region, &at_lulea).unwrap(),
            merge(&at_lulea, &region).unwrap(),
        ];
        for back in &back {
            assert!(conflicts(back).is_empty());
            assert_eq!(back.body(&id).unwrap().mandate[3], combined);
        }
        let canonical = crate::exchange::canonical;
        assert!(
            canonical(&back[0]) == canonical(&back[1]),
            "same either way"
        );
    }

    #[test]
    fn a_field_in_conflict_can_take_a_combined_text_and_only_texts_can() {
        let base = crate::seed::built_in().unwrap();
        let id = base.bodies[0].id.clone();
        let (mut a, mut b) = (base.clone(), base.clone());
        rename(&mut a, &id, "Namn A", stamp("a", "t1"));
        rename(&mut b, &id, "Namn B", stamp("b", "t2"));
        let mut ab = merge(&a, &b).unwrap();
        let conflict = conflicts(&ab).remove(0);
        assert_eq!(conflict.combined_start(&ab).as_deref(), Some("Namn B"));
        resolve_conflict_with_text(&mut ab, &conflict, " Namn A och B ", stamp("b", "t3")).unwrap();
        assert_eq!(ab.body(&id).unwrap().name, "Namn A och B");
        let a_after = merge(&a, &ab).unwrap();
        assert!(conflicts(&a_after).is_empty());
        assert_eq!(a_after.body(&id).unwrap().name, "Namn A och B");

        // A reference is shown by name and only kept, never rewritten.
        let people = [&base.people[0], &base.people[1]];
        let by_name = Conflict {
            values: people
                .iter()
                .map(|p| ConflictValue {
                    value: Value::from(p.id.as_str()),
                    change: None,
                })
                .collect(),
            field: "chair".into(),
            item: None,
            ..conflict
        };
        let shown = by_name.shown_values(&base);
        assert_eq!(shown[0].shown, Readable::Line(people[0].name.clone()));
        assert_eq!(by_name.combined_start(&base), None);
    }
}
