//! Lists whose items people edit one by one (a mandate's points, the
//! decision-makers of a meeting, an agenda, an agreement's sections): every
//! top-level array field of a record. Each item has a stable id and a
//! fractional position key, and versions of its own for its value, its
//! position and its deletion, kept in the record's meta (`RecordMeta::items`)
//! beside the plain array, so the record types stay plain `Vec`s.
//!
//! The design is the one of list CRDTs with position keys (as in Figma's
//! and the `fractional-indexing` scheme): items are ordered by (position key,
//! id); an insertion gets a key between its neighbours', a move a new key, a
//! deletion leaves a tombstone. Merging two lists merges item by item with
//! the field merge (`exchange::merge`), so concurrent edits of different items
//! both survive, and two edits of one item, or an edit and a deletion of it,
//! are a conflict on that item only.
//!
//! A list no copy has edited item by item carries no item meta: its items
//! are *implicit*, `~0`, `~1`, … with the field's version, the same on every
//! copy that started from the same data. An implicit list also stands for
//! data of schema 1 and for the values of an old whole-list conflict.
//! Whenever the items are exactly implicit, the meta is left out again, so a
//! list has one representation whichever way it was reached.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::meta::{stamp_order, ChangeStamp, FieldVersion, RecordMeta, Sibling, VersionVector};

/// The item fields that carry versions.
pub const ITEM_VALUE: &str = "value";
pub const ITEM_POS: &str = "pos";
pub const ITEM_DELETED: &str = "deleted";

/// One item of a list field: its identity, place and versions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub id: String,
    /// Position key: items are ordered by (`pos`, `id`).
    pub pos: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    /// A deleted item's last value (a live item's value is in the list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Versions of `value`, `pos` and `deleted`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldVersion>,
    /// Values of `value`, `pos` or `deleted` written concurrently with the
    /// current one, kept until a person decides.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conflicts: BTreeMap<String, Vec<Sibling>>,
}

impl ListItem {
    /// The value and the kept conflicts of one of the item's fields, the
    /// current value first.
    pub fn siblings(&self, field: &str) -> Vec<Sibling> {
        let value = match field {
            ITEM_POS => Value::String(self.pos.clone()),
            ITEM_DELETED => Value::Bool(self.deleted),
            _ => self.value.clone().unwrap_or(Value::Null),
        };
        let version = self.fields.get(field).cloned().unwrap_or_default();
        let mut all = vec![Sibling {
            value,
            version: version.version,
            change: version.change,
        }];
        all.extend(self.conflicts.get(field).cloned().unwrap_or_default());
        all
    }

    /// Whether a person has something to decide on this item (a concurrent
    /// position is settled by the merge alone: the later move wins).
    pub fn in_conflict(&self) -> bool {
        [ITEM_VALUE, ITEM_DELETED].iter().any(|field| {
            self.conflicts.get(*field).is_some_and(|siblings| {
                let current = &self.siblings(field)[0].value;
                siblings.iter().any(|s| s.value != *current)
            })
        })
    }
}

/// The id of the `index`th item of an implicit list.
pub fn implicit_id(index: usize) -> String {
    format!("~{index}")
}

fn implicit_index(id: &str) -> Option<usize> {
    id.strip_prefix('~')?.parse().ok()
}

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

fn digit(c: u8) -> u32 {
    DIGITS.iter().position(|d| *d == c).unwrap_or(0) as u32
}

/// The position key of the `index`th item of an implicit list: four
/// base-36 digits and a middle digit, so keys fit between any two of them
/// and none ends in `0`.
pub fn implicit_pos(index: usize) -> String {
    let mut n = index;
    let mut out = [b'0'; 5];
    for slot in out[..4].iter_mut().rev() {
        *slot = DIGITS[n % 36];
        n /= 36;
    }
    out[4] = b'h';
    String::from_utf8_lossy(&out).into_owned()
}

/// A position key strictly between `lo` and `hi` (none: before the first,
/// after the last), read as base-36 fractions; it never ends in `0`, so no
/// two keys are the same fraction. With `lo` not below `hi` (two copies
/// gave two items the same key) it is after `lo`.
pub fn pos_between(lo: Option<&str>, hi: Option<&str>) -> String {
    let lo: Vec<u32> = lo.unwrap_or("").bytes().map(digit).collect();
    let hi: Option<Vec<u32>> = hi.map(|h| h.bytes().map(digit).collect());
    let mut out = vec![];
    let mut below_hi = hi.is_none();
    let limit = lo.len() + hi.as_ref().map_or(0, Vec::len) + 2;
    for i in 0.. {
        let a = lo.get(i).copied().unwrap_or(0);
        let b = match &hi {
            Some(h) if !below_hi => h.get(i).copied().unwrap_or(0),
            _ => 36,
        };
        if i > limit || b < a {
            out.push(18);
            break;
        }
        if b > a + 1 {
            out.push((a + b) / 2);
            break;
        }
        out.push(a);
        if b == a + 1 {
            below_hi = true;
        }
    }
    out.iter().map(|d| DIGITS[*d as usize] as char).collect()
}

/// Whether the record holds item meta for the list `field` that fits it
/// (else its items are implicit).
pub fn has_items(list: &[Value], meta: &RecordMeta, field: &str) -> bool {
    meta.items
        .get(field)
        .is_some_and(|items| items.iter().filter(|i| !i.deleted).count() == list.len())
}

/// The items of a list as stored: from the record's item meta when it fits
/// the list, else implicit (the field's version for every item). Each item
/// has its value (`value` is set for live items too).
pub fn items_of(list: &[Value], meta: &RecordMeta, field: &str) -> Vec<ListItem> {
    if let (Some(items), true) = (meta.items.get(field), has_items(list, meta, field)) {
        let mut values = list.iter();
        return items
            .iter()
            .map(|item| {
                let mut item = item.clone();
                if !item.deleted {
                    item.value = values.next().cloned();
                }
                item
            })
            .collect();
    }
    implicit_items(list, &meta.fields.get(field).cloned().unwrap_or_default())
}

/// The items of a list no copy edited item by item.
pub fn implicit_items(list: &[Value], version: &FieldVersion) -> Vec<ListItem> {
    list.iter()
        .enumerate()
        .map(|(i, value)| {
            let mut fields = BTreeMap::new();
            if !version.is_empty() {
                for field in [ITEM_VALUE, ITEM_POS, ITEM_DELETED] {
                    fields.insert(field.to_owned(), version.clone());
                }
            }
            ListItem {
                id: implicit_id(i),
                pos: implicit_pos(i),
                deleted: false,
                value: Some(value.clone()),
                fields,
                conflicts: BTreeMap::new(),
            }
        })
        .collect()
}

/// For an implicit list of `len` items with `version`, what it says of an
/// implicit item `id` it does not hold: deleted (the list was shortened),
/// when the list has a version at all.
pub fn implicit_tombstone(id: &str, len: usize, version: &FieldVersion) -> Option<ListItem> {
    let index = implicit_index(id)?;
    if index < len || version.is_empty() {
        return None;
    }
    Some(ListItem {
        id: id.to_owned(),
        pos: implicit_pos(index),
        deleted: true,
        value: None,
        fields: BTreeMap::from([(ITEM_DELETED.to_owned(), version.clone())]),
        conflicts: BTreeMap::new(),
    })
}

/// The list's own version: everything any of its items has seen, and the
/// latest change among them.
pub fn list_version(items: &[ListItem]) -> FieldVersion {
    let mut version = VersionVector::default();
    let mut change: Option<ChangeStamp> = None;
    for item in items {
        let versions = item.fields.values().map(|f| (&f.version, &f.change));
        let kept = item
            .conflicts
            .values()
            .flatten()
            .map(|s| (&s.version, &s.change));
        for (v, c) in versions.chain(kept) {
            version.merge(v);
            if stamp_order(change.as_ref(), c.as_ref()).is_lt() {
                change = c.clone();
            }
        }
    }
    FieldVersion { version, change }
}

/// Orders items as the list shows them: live by (position, id), then
/// tombstones by id.
pub fn sort_items(items: &mut [ListItem]) {
    items.sort_by(|a, b| (a.deleted, &a.pos, &a.id).cmp(&(b.deleted, &b.pos, &b.id)));
}

/// Stores sorted `items` as the list `field` of a record: the array of live
/// values into `list`, the item meta and the list's version into `meta`
/// (no item meta when the items are exactly implicit). Returns the array
/// (`None`: empty, the field is left out).
pub fn store_items(meta: &mut RecordMeta, field: &str, mut items: Vec<ListItem>) -> Option<Value> {
    let version = list_version(&items);
    let list: Vec<Value> = items
        .iter_mut()
        .filter(|item| !item.deleted)
        .map(|item| item.value.take().unwrap_or(Value::Null))
        .collect();
    let implicit = items.iter().enumerate().all(|(i, item)| {
        !item.deleted
            && item.id == implicit_id(i)
            && item.pos == implicit_pos(i)
            && item.conflicts.is_empty()
            && [ITEM_VALUE, ITEM_POS, ITEM_DELETED]
                .iter()
                .all(|f| item.fields.get(*f).cloned().unwrap_or_default() == version)
    });
    meta.conflicts.remove(field);
    if version.is_empty() {
        meta.fields.remove(field);
    } else {
        meta.fields.insert(field.to_owned(), version);
    }
    if implicit {
        meta.items.remove(field);
    } else {
        meta.items.insert(field.to_owned(), items);
    }
    (!list.is_empty()).then_some(Value::Array(list))
}

/// Records a local edit of the list `field` from `before` to `after` by
/// `stamp`: items whose value is unchanged keep their id and place, an item
/// changed in place keeps its id, one moved keeps its id and gets a new
/// key, new items get new ids, removed ones become tombstones. Each touched
/// item's versions dominate everything it held, so the edit settles the
/// item's conflicts (the user edited what the page showed). `serial` makes
/// new ids unique: the record's counter for this writer after the change.
pub fn touch_list(
    meta: &mut RecordMeta,
    field: &str,
    before: &[Value],
    after: &[Value],
    stamp: &ChangeStamp,
    serial: u64,
) {
    let mut items = items_of(before, meta, field);
    // An old whole-list conflict is settled by this edit like any other.
    let mut settled = VersionVector::default();
    for sibling in meta.conflicts.get(field).into_iter().flatten() {
        settled.merge(&sibling.version);
    }
    let (mut live, tombstones): (Vec<ListItem>, Vec<ListItem>) =
        items.drain(..).partition(|item| !item.deleted);
    let plan = align(&live, after);
    let writer = stamp.writer_key();
    let bump = |item: &mut ListItem, field: &str| {
        let mut version = item
            .fields
            .get(field)
            .map(|f| f.version.clone())
            .unwrap_or_default();
        for sibling in item.conflicts.remove(field).unwrap_or_default() {
            version.merge(&sibling.version);
        }
        version.merge(&settled);
        version.bump(writer);
        item.fields.insert(
            field.to_owned(),
            FieldVersion {
                version,
                change: Some(stamp.clone()),
            },
        );
    };

    let mut out: Vec<ListItem> = Vec::with_capacity(after.len() + tombstones.len());
    let mut used = vec![false; live.len()];
    let mut created = 0;
    for (k, source) in plan.iter().enumerate() {
        // The key of the next item after `k` that keeps its place.
        let next_anchor = plan[k + 1..].iter().find_map(|s| match s {
            Source::Kept(i) => Some(live[*i].pos.clone()),
            _ => None,
        });
        let prev = out.last().map(|item: &ListItem| item.pos.clone());
        let fits = |pos: &str| {
            prev.as_deref().is_none_or(|p| pos > p)
                && next_anchor.as_deref().is_none_or(|n| pos < n)
        };
        let item = match *source {
            Source::Kept(i) | Source::Changed(i) | Source::Moved(i) => {
                used[i] = true;
                let mut item = std::mem::take(&mut live[i]);
                if matches!(source, Source::Changed(_)) {
                    item.value = Some(after[k].clone());
                    // The item's deletion too: an edit and a concurrent
                    // deletion of the item are then a conflict, not a
                    // deletion that silently takes the edit with it.
                    bump(&mut item, ITEM_VALUE);
                    bump(&mut item, ITEM_DELETED);
                }
                if !fits(&item.pos) {
                    item.pos = pos_between(prev.as_deref(), next_anchor.as_deref());
                    bump(&mut item, ITEM_POS);
                }
                item
            }
            Source::New => {
                created += 1;
                let mut item = ListItem {
                    id: format!("{writer}.{serial}.{created}"),
                    pos: pos_between(prev.as_deref(), next_anchor.as_deref()),
                    value: Some(after[k].clone()),
                    ..ListItem::default()
                };
                for field in [ITEM_VALUE, ITEM_POS, ITEM_DELETED] {
                    bump(&mut item, field);
                }
                item
            }
        };
        out.push(item);
    }
    for (i, mut item) in live.into_iter().enumerate() {
        if !used[i] {
            item.deleted = true;
            bump(&mut item, ITEM_DELETED);
            out.push(item);
        }
    }
    out.extend(tombstones);
    sort_items(&mut out);
    let _ = store_items(meta, field, out);
}

/// Settles a conflict on the item `id` of the list `field`: the item gets
/// `value` (`None`: removed) by `stamp`, with versions that dominate every
/// value it held, so the choice travels and ends the conflict elsewhere too.
/// Returns the list's new array (`None`: empty), or `None` inside when the
/// item is not there.
pub fn settle_item(
    meta: &mut RecordMeta,
    field: &str,
    list: &[Value],
    id: &str,
    value: Option<Value>,
    stamp: &ChangeStamp,
) -> Option<Option<Value>> {
    let mut items = items_of(list, meta, field);
    let item = items.iter_mut().find(|item| item.id == id)?;
    let writer = stamp.writer_key();
    for name in [ITEM_VALUE, ITEM_DELETED] {
        let mut version = VersionVector::default();
        for sibling in item.siblings(name) {
            version.merge(&sibling.version);
        }
        item.conflicts.remove(name);
        version.bump(writer);
        item.fields.insert(
            name.to_owned(),
            FieldVersion {
                version,
                change: Some(stamp.clone()),
            },
        );
    }
    match value {
        Some(value) => {
            item.deleted = false;
            item.value = Some(value);
        }
        None => item.deleted = true,
    }
    sort_items(&mut items);
    Some(store_items(meta, field, items))
}

/// Where each item of the edited list comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    /// The same value in the same order (a longest common subsequence).
    Kept(usize),
    /// Another value in the place of this item.
    Changed(usize),
    /// The same value, elsewhere.
    Moved(usize),
    New,
}

/// Lines up the edited list with the live items: the longest common
/// subsequence of equal values keeps its items; then equal values elsewhere
/// are moves; then, between two kept items, the rest pair up in order as
/// changes.
fn align(live: &[ListItem], after: &[Value]) -> Vec<Source> {
    let old: Vec<&Value> = live
        .iter()
        .map(|i| i.value.as_ref().unwrap_or(&Value::Null))
        .collect();
    let (n, m) = (old.len(), after.len());
    let mut plan = vec![Source::New; m];
    let mut taken = vec![false; n];
    // Common prefix and suffix first: most edits touch one item.
    let mut start = 0;
    while start < n && start < m && *old[start] == after[start] {
        plan[start] = Source::Kept(start);
        taken[start] = true;
        start += 1;
    }
    let mut end = 0;
    while end < n - start && end < m - start && *old[n - 1 - end] == after[m - 1 - end] {
        plan[m - 1 - end] = Source::Kept(n - 1 - end);
        taken[n - 1 - end] = true;
        end += 1;
    }
    let (old_mid, new_mid) = (start..n - end, start..m - end);
    if old_mid.len() * new_mid.len() <= 250_000 {
        // Longest common subsequence of the middle (dynamic programming).
        let (a, b) = (old_mid.len(), new_mid.len());
        let mut table = vec![0u32; (a + 1) * (b + 1)];
        for i in (0..a).rev() {
            for j in (0..b).rev() {
                table[i * (b + 1) + j] = if *old[start + i] == after[start + j] {
                    table[(i + 1) * (b + 1) + j + 1] + 1
                } else {
                    table[(i + 1) * (b + 1) + j].max(table[i * (b + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a && j < b {
            if *old[start + i] == after[start + j] {
                plan[start + j] = Source::Kept(start + i);
                taken[start + i] = true;
                i += 1;
                j += 1;
            } else if table[(i + 1) * (b + 1) + j] >= table[i * (b + 1) + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    // Moves: an unmatched new value equal to an unmatched old one.
    for j in 0..m {
        if plan[j] == Source::New {
            if let Some(i) = (0..n).find(|&i| !taken[i] && *old[i] == after[j]) {
                plan[j] = Source::Moved(i);
                taken[i] = true;
            }
        }
    }
    // Changes: in each gap between kept items, old and new pair up in order.
    let mut j = 0;
    let mut lower = 0; // the first old index after the last kept item
    while j < m {
        if let Source::Kept(i) = plan[j] {
            lower = i + 1;
            j += 1;
            continue;
        }
        let gap_end = (j..m)
            .find(|&k| matches!(plan[k], Source::Kept(_)))
            .unwrap_or(m);
        let upper = match plan.get(gap_end) {
            Some(Source::Kept(i)) => *i,
            _ => n,
        };
        let mut free = (lower..upper)
            .filter(|&i| !taken[i])
            .collect::<Vec<_>>()
            .into_iter();
        for slot in &mut plan[j..gap_end] {
            if *slot == Source::New {
                if let Some(i) = free.next() {
                    *slot = Source::Changed(i);
                    taken[i] = true;
                }
            }
        }
        j = gap_end;
    }
    plan
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
            at: "2026-12-07T10:00:00Z".into(),
        }
    }

    fn values(list: &[&str]) -> Vec<Value> {
        list.iter().map(|s| json!(s)).collect()
    }

    fn edit(meta: &mut RecordMeta, before: &[&str], after: &[&str], serial: u64) -> Vec<ListItem> {
        touch_list(
            meta,
            "l",
            &values(before),
            &values(after),
            &stamp("a"),
            serial,
        );
        items_of(&values(after), meta, "l")
    }

    #[test]
    fn keys_fall_between_their_neighbours() {
        let cases = [
            (None, None),
            (Some("0001h"), Some("0002h")),
            (Some("0001h"), None),
            (None, Some("0001h")),
            (Some("000z"), Some("0010h")),
            (Some("0001h"), Some("0001i")),
            (Some("zzz"), None),
        ];
        for (lo, hi) in cases {
            let key = pos_between(lo, hi);
            assert!(lo.is_none_or(|l| key.as_str() > l), "{key} > {lo:?}");
            assert!(hi.is_none_or(|h| key.as_str() < h), "{key} < {hi:?}");
            assert!(!key.ends_with('0'), "{key}");
        }
        let mut keys: Vec<String> = (0..2000).map(implicit_pos).collect();
        let sorted = keys.clone();
        keys.sort();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn a_changed_item_keeps_its_id_and_the_others_stay_implicit_in_place() {
        let mut meta = RecordMeta::default();
        let items = edit(&mut meta, &["a", "b", "c", "d"], &["a", "b", "C", "d"], 1);
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["~0", "~1", "~2", "~3"]);
        assert!(items[2].fields[ITEM_VALUE].version.get("a") == 1);
        assert!(!items[3].fields.contains_key(ITEM_VALUE));
    }

    #[test]
    fn an_insertion_gets_a_new_id_between_its_neighbours() {
        let mut meta = RecordMeta::default();
        let items = edit(&mut meta, &["a", "b"], &["a", "x", "b"], 7);
        assert_eq!(items[1].id, "a.7.1");
        assert!(items[0].pos < items[1].pos && items[1].pos < items[2].pos);
        assert_eq!(items[2].id, "~1");
    }

    #[test]
    fn a_removed_item_stays_as_a_tombstone_and_a_moved_one_keeps_its_id() {
        let mut meta = RecordMeta::default();
        let items = edit(&mut meta, &["a", "b", "c"], &["c", "a"], 1);
        let live: Vec<(&str, bool)> = items.iter().map(|i| (i.id.as_str(), i.deleted)).collect();
        assert_eq!(live, [("~2", false), ("~0", false), ("~1", true)]);
        assert_eq!(items[2].value, Some(json!("b")));
    }

    #[test]
    fn an_unchanged_list_edited_back_reads_as_implicit_again_only_if_untouched() {
        let mut meta = RecordMeta::default();
        edit(&mut meta, &["a"], &["a"], 1);
        assert!(meta.items.is_empty() && meta.fields.is_empty());
    }
}
