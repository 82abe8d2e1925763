//! The merge of two data sets, field by field, generically on the JSON of
//! the records that differ, so that no record kind needs code of its own.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::Hash;

use serde::{de::DeserializeOwned, Serialize};
use serde_json::{Map, Value};
use thiserror::Error;

use crate::i18n::{json_error_text, tf, Text};
use crate::model::list::{self, ListItem, ITEM_DELETED, ITEM_POS, ITEM_VALUE};
use crate::model::{
    canonical_json, stamp_order, Dataset, FieldVersion, Record, RecordMeta, Sibling,
};

/// A merged record that does not read back as its kind. Records whose
/// fields are independent always do; a kind whose one logical value spans
/// several top-level fields (a flattened enum) could be mixed by concurrent
/// edits, so this is reported instead of guessed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", tf(Text::MergeInvalidRecord, &[&.0]))]
pub struct MergeError(pub String);

/// Merges `remote` into `local`. Records are matched by id within each kind;
/// a record on one side only is taken as it is. Records keep local order,
/// then remote-only records in remote order (the UI relies on document
/// order), so two copies may list the same records in different orders:
/// compare with [`canonical`].
pub fn merge(local: &Dataset, remote: &Dataset) -> Result<Dataset, MergeError> {
    Ok(Dataset {
        schema_version: local.schema_version.max(remote.schema_version),
        documents: merge_kind(&local.documents, &remote.documents)?,
        counties: merge_kind(&local.counties, &remote.counties)?,
        organisations: merge_kind(&local.organisations, &remote.organisations)?,
        people: merge_kind(&local.people, &remote.people)?,
        bodies: merge_kind(&local.bodies, &remote.bodies)?,
        relations: merge_kind(&local.relations, &remote.relations)?,
        memberships: merge_kind(&local.memberships, &remote.memberships)?,
        agreements: merge_kind(&local.agreements, &remote.agreements)?,
        meetings: merge_kind(&local.meetings, &remote.meetings)?,
        paragraphs: merge_kind(&local.paragraphs, &remote.paragraphs)?,
        positions: merge_kind(&local.positions, &remote.positions)?,
        other_kinds: merge_other_kinds(&local.other_kinds, &remote.other_kinds),
    })
}

/// Record kinds this version does not know, merged like the known ones:
/// records matched by id and merged field by field. A value that is not a
/// list of records is kept from the side whose JSON sorts last, the same
/// choice on every copy.
fn merge_other_kinds(
    local: &BTreeMap<String, Value>,
    remote: &BTreeMap<String, Value>,
) -> BTreeMap<String, Value> {
    let mut out = local.clone();
    for (kind, theirs) in remote {
        let merged = match (local.get(kind), theirs) {
            (None, _) => theirs.clone(),
            (Some(ours), _) if ours == theirs => continue,
            (Some(Value::Array(ours)), Value::Array(theirs)) => {
                Value::Array(merge_raw_records(ours, theirs))
            }
            (Some(ours), _) => std::cmp::max_by_key(ours, theirs, canonical_json).clone(),
        };
        out.insert(kind.clone(), merged);
    }
    out
}

fn merge_raw_records(local: &[Value], remote: &[Value]) -> Vec<Value> {
    let id = |r: &Value| r.get("id").and_then(Value::as_str).map(str::to_owned);
    let mut out: Vec<Value> = local.to_vec();
    for theirs in remote {
        let at = id(theirs).and_then(|key| out.iter().position(|r| id(r).as_ref() == Some(&key)));
        match at {
            Some(i) => out[i] = merge_record(&out[i], theirs),
            None if !out.contains(theirs) => out.push(theirs.clone()),
            None => {}
        }
    }
    out
}

/// The records of one kind merged by id. Only records that differ between
/// the two sides go through their JSON (most records of a large archive are
/// the same on both, and are taken as they are). A duplicate id on one side
/// is reported by the integrity check; the merge keeps the first.
fn merge_kind<R>(local: &[R], remote: &[R]) -> Result<Vec<R>, MergeError>
where
    R: Record + Clone + PartialEq + Serialize + DeserializeOwned,
    R::Id: Eq + Hash,
{
    let mut remote_by_id: HashMap<&R::Id, &R> = HashMap::with_capacity(remote.len());
    for record in remote {
        remote_by_id.entry(record.id()).or_insert(record);
    }
    let mut seen: HashSet<&R::Id> = HashSet::with_capacity(local.len().max(remote.len()));
    let mut out = Vec::with_capacity(local.len().max(remote.len()));
    for record in local {
        if !seen.insert(record.id()) {
            continue;
        }
        match remote_by_id.get(record.id()) {
            Some(other) if *other != record => out.push(merge_typed(record, other)?),
            _ => out.push(record.clone()),
        }
    }
    for record in remote {
        if seen.insert(record.id()) {
            out.push(record.clone());
        }
    }
    Ok(out)
}

/// Merges `remote` into `local` in place, touching only the records `remote`
/// holds: the same result as [`merge`], at a cost that grows with `remote`
/// (a journal entry of one edit, another tab's save), not with `local` (the
/// archive). Nothing changes when a record does not merge. Returns whether
/// anything changed.
pub fn merge_into(local: &mut Dataset, remote: &Dataset) -> Result<bool, MergeError> {
    let documents = merged_changes(&local.documents, &remote.documents)?;
    let counties = merged_changes(&local.counties, &remote.counties)?;
    let organisations = merged_changes(&local.organisations, &remote.organisations)?;
    let people = merged_changes(&local.people, &remote.people)?;
    let bodies = merged_changes(&local.bodies, &remote.bodies)?;
    let relations = merged_changes(&local.relations, &remote.relations)?;
    let memberships = merged_changes(&local.memberships, &remote.memberships)?;
    let agreements = merged_changes(&local.agreements, &remote.agreements)?;
    let meetings = merged_changes(&local.meetings, &remote.meetings)?;
    let paragraphs = merged_changes(&local.paragraphs, &remote.paragraphs)?;
    let positions = merged_changes(&local.positions, &remote.positions)?;
    let mut changed = local.schema_version < remote.schema_version;
    local.schema_version = local.schema_version.max(remote.schema_version);
    changed |= apply_changes(&mut local.documents, documents);
    changed |= apply_changes(&mut local.counties, counties);
    changed |= apply_changes(&mut local.organisations, organisations);
    changed |= apply_changes(&mut local.people, people);
    changed |= apply_changes(&mut local.bodies, bodies);
    changed |= apply_changes(&mut local.relations, relations);
    changed |= apply_changes(&mut local.memberships, memberships);
    changed |= apply_changes(&mut local.agreements, agreements);
    changed |= apply_changes(&mut local.meetings, meetings);
    changed |= apply_changes(&mut local.paragraphs, paragraphs);
    changed |= apply_changes(&mut local.positions, positions);
    if !remote.other_kinds.is_empty() {
        let other_kinds = merge_other_kinds(&local.other_kinds, &remote.other_kinds);
        changed |= other_kinds != local.other_kinds;
        local.other_kinds = other_kinds;
    }
    Ok(changed)
}

/// For each record of `remote` that differs from `local`: where it goes (the
/// index of the local record of that id, or appended) and the merged record.
fn merged_changes<R>(local: &[R], remote: &[R]) -> Result<Vec<(Option<usize>, R)>, MergeError>
where
    R: Record + Clone + PartialEq + Serialize + DeserializeOwned,
    R::Id: Eq + Hash,
{
    if remote.is_empty() {
        return Ok(vec![]);
    }
    // A few records (an edit) are looked up by scanning; many (an import) by an index.
    let index: Option<HashMap<&R::Id, usize>> = (remote.len() > 8).then(|| {
        let mut index = HashMap::with_capacity(local.len());
        for (i, record) in local.iter().enumerate() {
            index.entry(record.id()).or_insert(i);
        }
        index
    });
    let find = |id: &R::Id| match &index {
        Some(index) => index.get(id).copied(),
        None => local.iter().position(|r| r.id() == id),
    };
    let mut seen: HashSet<&R::Id> = HashSet::with_capacity(remote.len());
    let mut out = vec![];
    for record in remote {
        if !seen.insert(record.id()) {
            continue;
        }
        match find(record.id()) {
            Some(i) if local[i] != *record => out.push((Some(i), merge_typed(&local[i], record)?)),
            Some(_) => {}
            None => out.push((None, record.clone())),
        }
    }
    Ok(out)
}

fn apply_changes<R: PartialEq>(local: &mut Vec<R>, changes: Vec<(Option<usize>, R)>) -> bool {
    let mut changed = false;
    for (at, record) in changes {
        match at {
            Some(i) if local[i] == record => {}
            Some(i) => {
                local[i] = record;
                changed = true;
            }
            None => {
                local.push(record);
                changed = true;
            }
        }
    }
    changed
}

/// The records of `after` that are new or differ from `before`, by kind and
/// id: what a change of the data set (an import, an undo) has to store.
pub fn changed_records(before: &Dataset, after: &Dataset) -> Dataset {
    Dataset {
        schema_version: after.schema_version,
        documents: changed_of_kind(&before.documents, &after.documents),
        counties: changed_of_kind(&before.counties, &after.counties),
        organisations: changed_of_kind(&before.organisations, &after.organisations),
        people: changed_of_kind(&before.people, &after.people),
        bodies: changed_of_kind(&before.bodies, &after.bodies),
        relations: changed_of_kind(&before.relations, &after.relations),
        memberships: changed_of_kind(&before.memberships, &after.memberships),
        agreements: changed_of_kind(&before.agreements, &after.agreements),
        meetings: changed_of_kind(&before.meetings, &after.meetings),
        paragraphs: changed_of_kind(&before.paragraphs, &after.paragraphs),
        positions: changed_of_kind(&before.positions, &after.positions),
        // A kind this version does not know goes whole when it changed.
        other_kinds: after
            .other_kinds
            .iter()
            .filter(|(kind, value)| before.other_kinds.get(*kind) != Some(*value))
            .map(|(kind, value)| (kind.clone(), value.clone()))
            .collect(),
    }
}

fn changed_of_kind<R>(before: &[R], after: &[R]) -> Vec<R>
where
    R: Record + Clone + PartialEq,
    R::Id: Eq + Hash,
{
    let by_id: HashMap<&R::Id, &R> = before.iter().map(|r| (r.id(), r)).collect();
    after
        .iter()
        .filter(|r| by_id.get(r.id()).is_none_or(|b| *b != *r))
        .cloned()
        .collect()
}

fn merge_typed<R: Serialize + DeserializeOwned>(local: &R, remote: &R) -> Result<R, MergeError> {
    let json = |r: &R| serde_json::to_value(r).map_err(|e| MergeError(json_error_text(&e)));
    serde_json::from_value(merge_record(&json(local)?, &json(remote)?))
        .map_err(|e| MergeError(json_error_text(&e)))
}

/// The data set with every kind's records sorted by id: two data sets hold
/// the same data exactly when their canonical forms are equal.
pub fn canonical(data: &Dataset) -> Dataset {
    let mut data = data.clone();
    data.documents.sort_by(|a, b| a.id.cmp(&b.id));
    data.counties.sort_by(|a, b| a.id.cmp(&b.id));
    data.organisations.sort_by(|a, b| a.id.cmp(&b.id));
    data.people.sort_by(|a, b| a.id.cmp(&b.id));
    data.bodies.sort_by(|a, b| a.id.cmp(&b.id));
    data.relations.sort_by(|a, b| a.id.cmp(&b.id));
    data.memberships.sort_by(|a, b| a.id.cmp(&b.id));
    data.agreements.sort_by(|a, b| a.id.cmp(&b.id));
    data.meetings.sort_by(|a, b| a.id.cmp(&b.id));
    data.paragraphs.sort_by(|a, b| a.id.cmp(&b.id));
    data.positions.sort_by(|a, b| a.id.cmp(&b.id));
    for records in data.other_kinds.values_mut() {
        if let Value::Array(records) = records {
            records.sort_by_key(canonical_json);
        }
    }
    data
}

fn meta_of(record: &Value) -> RecordMeta {
    record
        .get("meta")
        .and_then(|m| serde_json::from_value(m.clone()).ok())
        .unwrap_or_default()
}

/// The current value and the kept conflicts of one field, as siblings.
fn siblings(record: &Value, meta: &RecordMeta, field: &str) -> Vec<Sibling> {
    let value = if field == "deleted" {
        Value::Bool(meta.deleted)
    } else {
        record.get(field).cloned().unwrap_or(Value::Null)
    };
    let version = meta.fields.get(field).cloned().unwrap_or_default();
    let mut all = vec![Sibling {
        value,
        version: version.version,
        change: version.change,
    }];
    all.extend(meta.conflicts.get(field).cloned().unwrap_or_default());
    all
}

fn sibling_order(a: &Sibling, b: &Sibling) -> Ordering {
    stamp_order(a.change.as_ref(), b.change.as_ref())
        .then_with(|| canonical_json(&a.value).cmp(&canonical_json(&b.value)))
        .then_with(|| canonical_json(&a.version).cmp(&canonical_json(&b.version)))
}

/// Keeps the siblings no other sibling has seen, without repeats, the
/// winner first and the rest from latest to earliest.
fn resolve(mut all: Vec<Sibling>) -> Vec<Sibling> {
    let dominated: Vec<bool> = all
        .iter()
        .map(|s| {
            all.iter()
                .any(|other| other.version.strictly_dominates(&s.version))
        })
        .collect();
    let mut keep = dominated.iter();
    all.retain(|_| !keep.next().copied().unwrap_or(false));
    all.sort_by(|a, b| sibling_order(b, a));
    all.dedup();
    all
}

fn merge_sources(a: &RecordMeta, b: &RecordMeta) -> Vec<crate::model::SourceRef> {
    if a.sources == b.sources {
        return a.sources.clone();
    }
    // Differing sources: their union in a canonical order, so the result is
    // the same whichever side is local.
    let mut all: Vec<_> = a.sources.iter().chain(&b.sources).cloned().collect();
    all.sort_by_key(canonical_json);
    all.dedup();
    all
}

/// Whether `field` is a list on either side (see `model::list`): an array,
/// item meta, or an old whole-list conflict.
fn is_list(field: &str, sides: [(&Value, &RecordMeta); 2]) -> bool {
    field != "deleted"
        && sides.iter().any(|(record, meta)| {
            record.get(field).is_some_and(Value::is_array)
                || meta.items.contains_key(field)
                || meta
                    .conflicts
                    .get(field)
                    .is_some_and(|kept| kept.iter().any(|s| s.value.is_array()))
        })
}

fn as_list(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

/// Merges the list `field` item by item: every item's value, position and
/// deletion like a field of its own. A side without item meta has implicit
/// items, and so has each value of an old whole-list conflict. Returns the
/// merged array (`None`: empty) and puts the items into `meta`.
fn merge_list(
    field: &str,
    sides: [(&Value, &RecordMeta); 2],
    meta: &mut RecordMeta,
) -> Option<Value> {
    let mut found: Vec<ListItem> = vec![];
    // The implicit lists among the sides: their length and version.
    let mut implicit: Vec<(usize, FieldVersion)> = vec![];
    for (record, side) in sides {
        let list = as_list(record.get(field));
        let items = list::items_of(list, side, field);
        if !list::has_items(list, side, field) {
            implicit.push((
                list.len(),
                side.fields.get(field).cloned().unwrap_or_default(),
            ));
        }
        found.extend(items);
        for kept in side.conflicts.get(field).into_iter().flatten() {
            let version = FieldVersion {
                version: kept.version.clone(),
                change: kept.change.clone(),
            };
            let list = as_list(Some(&kept.value));
            found.extend(list::implicit_items(list, &version));
            implicit.push((list.len(), version));
        }
    }
    let mut by_id: BTreeMap<String, [Vec<Sibling>; 3]> = BTreeMap::new();
    for item in &found {
        let entry = by_id.entry(item.id.clone()).or_default();
        for (slot, name) in entry.iter_mut().zip(ITEM_FIELDS) {
            slot.extend(item.siblings(name));
        }
    }
    for (id, entry) in by_id.iter_mut() {
        for (len, version) in &implicit {
            if let Some(tombstone) = list::implicit_tombstone(id, *len, version) {
                entry[2].extend(tombstone.siblings(ITEM_DELETED));
            }
        }
    }
    let mut items: Vec<ListItem> = by_id
        .into_iter()
        .map(|(id, all)| {
            let mut item = ListItem {
                id,
                ..ListItem::default()
            };
            for (siblings, name) in all.into_iter().zip(ITEM_FIELDS) {
                let mut kept = resolve(siblings).into_iter();
                let Some(winner) = kept.next() else { continue };
                let rest: Vec<Sibling> = kept.collect();
                match name {
                    ITEM_POS => item.pos = winner.value.as_str().unwrap_or_default().to_owned(),
                    ITEM_DELETED => item.deleted = winner.value.as_bool().unwrap_or(false),
                    _ => item.value = Some(winner.value),
                }
                let version = FieldVersion {
                    version: winner.version,
                    change: winner.change,
                };
                if !version.is_empty() {
                    item.fields.insert(name.to_owned(), version);
                }
                if !rest.is_empty() {
                    item.conflicts.insert(name.to_owned(), rest);
                }
            }
            item
        })
        .collect();
    list::sort_items(&mut items);
    list::store_items(meta, field, items)
}

const ITEM_FIELDS: [&str; 3] = [ITEM_VALUE, ITEM_POS, ITEM_DELETED];

/// `record` with the fields its version does not know (`meta.unknown`)
/// at its top level, where the merge treats them like the others; and
/// their names.
fn lift_unknown(record: &Value) -> (Cow<'_, Value>, Vec<String>) {
    let unknown = record
        .get("meta")
        .and_then(|m| m.get("unknown"))
        .and_then(Value::as_object);
    let Some(unknown) = unknown.filter(|u| !u.is_empty()) else {
        return (Cow::Borrowed(record), vec![]);
    };
    let names = unknown.keys().cloned().collect();
    let mut lifted = record.clone();
    if let Some(object) = lifted.as_object_mut() {
        for (name, value) in unknown {
            object.entry(name.clone()).or_insert_with(|| value.clone());
        }
        if let Some(meta) = object.get_mut("meta").and_then(Value::as_object_mut) {
            meta.remove("unknown");
        }
    }
    (Cow::Owned(lifted), names)
}

fn merge_record(local: &Value, remote: &Value) -> Value {
    if local == remote {
        return local.clone();
    }
    let ((local, mut unknown), (remote, theirs)) = (lift_unknown(local), lift_unknown(remote));
    unknown.extend(theirs);
    let (local, remote) = (local.as_ref(), remote.as_ref());
    let (lm, rm) = (meta_of(local), meta_of(remote));
    let empty = Map::new();
    let lo = local.as_object().unwrap_or(&empty);
    let ro = remote.as_object().unwrap_or(&empty);
    let mut fields: BTreeSet<&str> = lo
        .keys()
        .chain(ro.keys())
        .map(String::as_str)
        .filter(|k| *k != "id" && *k != "meta")
        .collect();
    fields.insert("deleted");
    for meta in [&lm, &rm] {
        fields.extend(meta.fields.keys().map(String::as_str));
        fields.extend(meta.conflicts.keys().map(String::as_str));
        fields.extend(meta.items.keys().map(String::as_str));
    }
    // The id is what matches the records and meta is not a field: versions
    // or conflicts under those names are damage, not values.
    fields.retain(|f| *f != "id" && *f != "meta");

    let mut version = lm.version.clone();
    version.merge(&rm.version);
    let last_change = match stamp_order(lm.last_change.as_ref(), rm.last_change.as_ref()) {
        Ordering::Less => rm.last_change.clone(),
        _ => lm.last_change.clone(),
    };
    let mut meta = RecordMeta {
        version,
        last_change,
        deleted: false,
        sources: merge_sources(&lm, &rm),
        fields: Default::default(),
        conflicts: Default::default(),
        items: Default::default(),
        unknown: Default::default(),
    };

    let mut out = Map::new();
    if let Some(id) = lo.get("id") {
        out.insert("id".into(), id.clone());
    }
    for field in fields {
        if is_list(field, [(local, &lm), (remote, &rm)]) {
            if let Some(list) = merge_list(field, [(local, &lm), (remote, &rm)], &mut meta) {
                out.insert(field.to_owned(), list);
            }
            continue;
        }
        let mut all = siblings(local, &lm, field);
        all.extend(siblings(remote, &rm, field));
        let mut kept = resolve(all).into_iter();
        let Some(winner) = kept.next() else { continue };
        let rest: Vec<Sibling> = kept.collect();
        let version = FieldVersion {
            version: winner.version,
            change: winner.change,
        };
        if !version.is_empty() {
            meta.fields.insert(field.to_owned(), version);
        }
        if !rest.is_empty() {
            meta.conflicts.insert(field.to_owned(), rest);
        }
        if field == "deleted" {
            meta.deleted = winner.value.as_bool().unwrap_or(false);
        } else if !winner.value.is_null() {
            out.insert(field.to_owned(), winner.value);
        }
    }
    for name in unknown {
        if let Some(value) = out.remove(&name) {
            meta.unknown.insert(name, value);
        }
    }
    out.insert(
        "meta".into(),
        serde_json::to_value(&meta).unwrap_or(Value::Null),
    );
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChangeStamp, VersionVector};
    use serde_json::json;

    fn vv(pairs: &[(&str, u64)]) -> VersionVector {
        VersionVector(pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect())
    }

    fn stamp(copy: &str, at: &str) -> ChangeStamp {
        ChangeStamp {
            copy_id: copy.into(),
            writer: None,
            organisation: None,
            person: None,
            at: at.into(),
        }
    }

    fn sibling(value: Value, v: VersionVector, copy: &str, at: &str) -> Sibling {
        Sibling {
            value,
            version: v,
            change: Some(stamp(copy, at)),
        }
    }

    #[test]
    fn a_value_that_has_seen_another_replaces_it() {
        let old = sibling(json!("a"), vv(&[("x", 1)]), "x", "2026-01-01T00:00:00Z");
        let new = sibling(
            json!("b"),
            vv(&[("x", 1), ("y", 1)]),
            "y",
            "2025-01-01T00:00:00Z",
        );
        assert_eq!(resolve(vec![old, new.clone()]), vec![new]);
    }

    #[test]
    fn concurrent_values_are_all_kept_the_latest_first() {
        let a = sibling(
            json!("a"),
            vv(&[("x", 1)]),
            "x",
            "2026-01-01T10:00:00+01:00",
        );
        let b = sibling(json!("b"), vv(&[("y", 1)]), "y", "2026-01-01T09:30:00Z");
        assert_eq!(
            resolve(vec![a.clone(), b.clone()]),
            vec![b.clone(), a.clone()]
        );
        assert_eq!(resolve(vec![b.clone(), a.clone(), b.clone()]), vec![b, a]);
    }

    #[test]
    fn an_unreadable_time_counts_as_earliest() {
        let a = sibling(json!("a"), vv(&[("x", 1)]), "x", "igår");
        let b = sibling(json!("b"), vv(&[("y", 1)]), "y", "2000-01-01T00:00:00Z");
        assert_eq!(resolve(vec![a.clone(), b.clone()])[0], b);
    }

    #[test]
    fn version_vectors_compare_and_merge() {
        let a = vv(&[("x", 2)]);
        let b = vv(&[("x", 1), ("y", 1)]);
        assert!(a.concurrent_with(&b));
        assert!(!a.dominates(&b));
        let mut m = a.clone();
        m.merge(&b);
        assert_eq!(m, vv(&[("x", 2), ("y", 1)]));
        assert!(m.strictly_dominates(&a) && m.strictly_dominates(&b));
        assert!(m.dominates(&m) && !m.strictly_dominates(&m));
        assert!(m.dominates(&VersionVector::default()));
    }

    #[test]
    fn a_record_on_one_side_only_is_taken_as_is() {
        let data = |counties: Value| -> Dataset {
            serde_json::from_value(json!({ "counties": counties })).unwrap()
        };
        let a = data(json!([{"id": "a", "name": "A"}, {"id": "c", "name": "C"}]));
        let b = data(json!([{"id": "b", "name": "B"}, {"id": "c", "name": "C"}]));
        assert_eq!(
            merge(&a, &b).unwrap(),
            data(
                json!([{"id": "a", "name": "A"}, {"id": "c", "name": "C"}, {"id": "b", "name": "B"}])
            )
        );
    }

    #[test]
    fn concurrent_edits_of_one_field_keep_both_values() {
        let a = json!({"id": "r", "name": "A", "meta": {"version": {"x": 1},
            "fields": {"name": {"version": {"x": 1}, "change": {"copy_id": "x", "at": "2026-01-01T00:00:00Z"}}}}});
        let b = json!({"id": "r", "name": "B", "meta": {"version": {"y": 1},
            "fields": {"name": {"version": {"y": 1}, "change": {"copy_id": "y", "at": "2026-01-02T00:00:00Z"}}}}});
        let ab = merge_record(&a, &b);
        assert_eq!(ab, merge_record(&b, &a));
        assert_eq!(ab["name"], "B");
        assert_eq!(ab["meta"]["conflicts"]["name"][0]["value"], "A");
        assert_eq!(ab["meta"]["version"], json!({"x": 1, "y": 1}));
        assert_eq!(merge_record(&ab, &ab), ab);
    }
}
