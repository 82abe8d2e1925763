//! Lists merge item by item (`model::list`, `exchange::merge`): property
//! tests over copies that fork from one data set, edit, insert, move and
//! delete items of a body's mandate, and exchange in random groupings.
//!
//! Laws: the merge is commutative, associative and idempotent, all copies
//! converge, and no written value is lost: every copy's last value of an
//! item is the item's value or a kept conflict on that item, and concurrent
//! edits of different items both survive without a conflict.
//!
//! Cases: `LIST_MERGE_CASES` (default 64; e.g. 5000 for a long run); a
//! failure shrinks to a small schedule and its seed is kept in
//! `tests/list_merge.proptest-regressions`.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use samverkan::exchange::{canonical, conflicts, merge};
use samverkan::model::list::{items_of, ITEM_VALUE};
use samverkan::model::{BodyId, ChangeStamp, Dataset};
use serde_json::Value;

const BODY: &str = "nb-lansstyrgruppen";

fn seed() -> Dataset {
    samverkan::seed::built_in().unwrap()
}

fn stamp(copy: usize, at: u32) -> ChangeStamp {
    ChangeStamp {
        copy_id: format!("kopia-{copy}"),
        writer: None,
        organisation: None,
        person: None,
        at: format!("2026-12-07T10:{:02}:{:02}Z", at / 60 % 60, at % 60),
    }
}

fn mandate(data: &Dataset) -> Vec<String> {
    data.body(&BodyId::new(BODY)).unwrap().mandate.clone()
}

/// Saves the body with `mandate` as a form does.
fn save_mandate(data: &mut Dataset, mandate: Vec<String>, stamp: ChangeStamp) {
    let opened = data.body(&BodyId::new(BODY)).unwrap().clone();
    let mut edited = opened.clone();
    edited.mandate = mandate;
    data.save_from(&opened, edited, stamp).unwrap();
}

#[derive(Clone, Debug)]
enum Op {
    /// Copy rewrites item `item` (modulo the list's length).
    Edit {
        copy: usize,
        item: usize,
    },
    Insert {
        copy: usize,
        at: usize,
    },
    Delete {
        copy: usize,
        item: usize,
    },
    Move {
        copy: usize,
        from: usize,
        to: usize,
    },
    /// Copy `to` imports what copy `from` holds.
    Exchange {
        from: usize,
        to: usize,
    },
}

fn op(copies: usize) -> impl Strategy<Value = Op> {
    let c = 0..copies;
    prop_oneof![
        3 => (c.clone(), 0..8usize).prop_map(|(copy, item)| Op::Edit { copy, item }),
        2 => (c.clone(), 0..9usize).prop_map(|(copy, at)| Op::Insert { copy, at }),
        1 => (c.clone(), 0..8usize).prop_map(|(copy, item)| Op::Delete { copy, item }),
        1 => (c.clone(), 0..8usize, 0..8usize).prop_map(|(copy, from, to)| Op::Move { copy, from, to }),
        2 => (c.clone(), c).prop_map(|(from, to)| Op::Exchange { from, to }),
    ]
}

/// Runs `ops` on `copies` copies; returns the copies and the values written
/// that no copy replaced or removed while it held them (every value written
/// is unique, so holding it is having seen that write).
fn run(copies: usize, ops: &[Op]) -> (Vec<Dataset>, Vec<String>) {
    let mut data = vec![seed(); copies];
    let mut written: Vec<String> = vec![];
    for (n, op) in ops.iter().enumerate() {
        let at = n as u32 + 1;
        match *op {
            Op::Exchange { from, to } => {
                data[to] = merge(&data[to], &data[from]).unwrap();
            }
            Op::Edit { copy, item } | Op::Delete { copy, item } => {
                let mut list = mandate(&data[copy]);
                if list.is_empty() {
                    continue;
                }
                let i = item % list.len();
                // The edit settles the item's conflict: every value it held was seen.
                let held = item_values(&data[copy], i);
                written.retain(|w| !held.contains(w));
                if matches!(op, Op::Edit { .. }) {
                    list[i] = format!("punkt ändrad av {copy} (steg {n})");
                    written.push(list[i].clone());
                } else {
                    list.remove(i);
                }
                save_mandate(&mut data[copy], list, stamp(copy, at));
            }
            Op::Insert { copy, at: place } => {
                let mut list = mandate(&data[copy]);
                let value = format!("ny punkt av {copy} (steg {n})");
                list.insert(place.min(list.len()), value.clone());
                written.push(value);
                save_mandate(&mut data[copy], list, stamp(copy, at));
            }
            Op::Move { copy, from, to } => {
                let mut list = mandate(&data[copy]);
                if list.len() < 2 {
                    continue;
                }
                let item = list.remove(from % list.len());
                list.insert(to % (list.len() + 1), item);
                save_mandate(&mut data[copy], list, stamp(copy, at));
            }
        }
    }
    (data, written)
}

/// The values of the `index`th live item of the mandate, current and kept.
fn item_values(data: &Dataset, index: usize) -> Vec<String> {
    let body = data.body(&BodyId::new(BODY)).unwrap();
    let list: Vec<Value> = body
        .mandate
        .iter()
        .map(|s| Value::from(s.as_str()))
        .collect();
    items_of(&list, &body.meta, "mandate")
        .into_iter()
        .filter(|item| !item.deleted)
        .nth(index)
        .map(|item| {
            item.siblings(ITEM_VALUE)
                .into_iter()
                .filter_map(|s| s.value.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Every value of the body's mandate items, current or kept in a conflict.
fn every_value(data: &Dataset) -> Vec<String> {
    let body = data.body(&BodyId::new(BODY)).unwrap();
    let list: Vec<Value> = body
        .mandate
        .iter()
        .map(|s| Value::from(s.as_str()))
        .collect();
    let mut out = vec![];
    for item in items_of(&list, &body.meta, "mandate") {
        if !item.deleted || item.in_conflict() {
            out.extend(
                item.siblings(ITEM_VALUE)
                    .into_iter()
                    .filter_map(|s| s.value.as_str().map(str::to_owned)),
            );
        }
    }
    out
}

fn cases() -> u32 {
    std::env::var("LIST_MERGE_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn merging_is_commutative_associative_and_idempotent(ops in prop::collection::vec(op(3), 1..24)) {
        let (data, _) = run(3, &ops);
        let (a, b, c) = (&data[0], &data[1], &data[2]);
        let ab = merge(a, b).unwrap();
        prop_assert_eq!(canonical(&ab), canonical(&merge(b, a).unwrap()));
        prop_assert_eq!(
            canonical(&merge(&ab, c).unwrap()),
            canonical(&merge(a, &merge(b, c).unwrap()).unwrap())
        );
        prop_assert_eq!(canonical(&merge(&ab, &ab).unwrap()), canonical(&ab));
        prop_assert_eq!(canonical(&merge(&ab, b).unwrap()), canonical(&ab));
    }

    #[test]
    fn copies_converge_and_no_written_item_is_lost(ops in prop::collection::vec(op(3), 1..30)) {
        let (data, written) = run(3, &ops);
        let all = data.iter().skip(1).fold(data[0].clone(), |acc, d| merge(&acc, d).unwrap());
        let everywhere: Vec<Dataset> = data.iter().map(|d| merge(d, &all).unwrap()).collect();
        for d in &everywhere[1..] {
            prop_assert_eq!(canonical(d), canonical(&everywhere[0]));
        }
        let values = every_value(&all);
        for value in &written {
            prop_assert!(values.contains(value), "{:?} is gone: {:?}", value, values);
        }
    }
}

/// The walkthrough of the issue: the region changes point 3 of
/// Länsstyrgruppen's mandate, Luleå point 4; after exchanging files both
/// copies hold both edits and no conflict.
#[test]
fn different_points_of_one_mandate_both_survive_without_a_conflict() {
    let base = seed();
    let mut region = base.clone();
    let mut lulea = base.clone();
    let mut list = mandate(&base);
    assert!(list.len() >= 4, "the mandate has at least four points");
    list[2] = format!("{} (regionens ändring)", list[2]);
    save_mandate(&mut region, list, stamp(0, 1));
    let mut list = mandate(&base);
    list[3] = format!("{} (Luleås ändring)", list[3]);
    save_mandate(&mut lulea, list, stamp(1, 2));

    let at_region = merge(&region, &lulea).unwrap();
    let at_lulea = merge(&lulea, &region).unwrap();
    assert_eq!(canonical(&at_region), canonical(&at_lulea));
    let points = mandate(&at_region);
    assert!(points[2].ends_with("(regionens ändring)"), "{points:?}");
    assert!(points[3].ends_with("(Luleås ändring)"), "{points:?}");
    assert_eq!(points.len(), mandate(&base).len());
    assert!(
        conflicts(&at_region).is_empty(),
        "{:?}",
        conflicts(&at_region)
    );
}

/// The same point edited differently on two copies: one conflict, on that
/// point only, with both texts; keeping one ends it on both copies.
#[test]
fn one_point_edited_on_two_copies_is_one_conflict_on_that_point() {
    let base = seed();
    let (mut region, mut lulea) = (base.clone(), base.clone());
    let mut list = mandate(&base);
    list[3] = "Regionens text".into();
    save_mandate(&mut region, list, stamp(0, 1));
    let mut list = mandate(&base);
    list[3] = "Luleås text".into();
    list[1] = format!("{} (Luleå)", list[1]);
    save_mandate(&mut lulea, list, stamp(1, 2));

    let mut merged = merge(&region, &lulea).unwrap();
    let found = conflicts(&merged);
    assert_eq!(found.len(), 1, "{found:?}");
    let conflict = &found[0];
    assert_eq!(conflict.field, "mandate");
    assert_eq!(
        conflict.item.as_ref().and_then(|(_, place)| *place),
        Some(4)
    );
    let texts: Vec<&Value> = conflict.values.iter().map(|v| &v.value).collect();
    assert!(
        texts.contains(&&Value::from("Regionens text"))
            && texts.contains(&&Value::from("Luleås text"))
    );
    assert!(
        mandate(&merged)[1].ends_with("(Luleå)"),
        "the other point is merged"
    );

    samverkan::exchange::resolve_conflict(
        &mut merged,
        &conflict.record,
        "mandate",
        conflict.item.as_ref().map(|(id, _)| id.as_str()),
        &Value::from("Gemensam text"),
        stamp(0, 3),
    )
    .unwrap();
    assert!(conflicts(&merged).is_empty());
    let back_at_lulea = merge(&lulea, &merged).unwrap();
    assert!(conflicts(&back_at_lulea).is_empty());
    assert_eq!(mandate(&back_at_lulea)[3], "Gemensam text");
}

/// An edit of a point on one copy and its deletion on another: a conflict
/// on that point, the edit kept as a value to choose.
#[test]
fn an_edit_against_a_deletion_of_one_point_is_a_conflict() {
    let base = seed();
    let (mut region, mut lulea) = (base.clone(), base.clone());
    let mut list = mandate(&base);
    list[0] = "Ändrad punkt".into();
    save_mandate(&mut region, list, stamp(0, 1));
    let mut list = mandate(&base);
    list.remove(0);
    save_mandate(&mut lulea, list, stamp(1, 2));
    let merged = merge(&region, &lulea).unwrap();
    let found = conflicts(&merged);
    assert_eq!(found.len(), 1, "{found:?}");
    let values: Vec<&Value> = found[0].values.iter().map(|v| &v.value).collect();
    assert!(values.contains(&&Value::from("Ändrad punkt")), "{values:?}");
    assert!(
        values.contains(&&Value::Null),
        "removing it is a choice: {values:?}"
    );
}

/// Concurrent insertions at the same place both survive, in the same
/// order on every copy.
#[test]
fn concurrent_insertions_both_survive_in_one_order() {
    let base = seed();
    let (mut a, mut b) = (base.clone(), base.clone());
    let mut list = mandate(&base);
    list.insert(1, "Ny från A".into());
    save_mandate(&mut a, list, stamp(0, 1));
    let mut list = mandate(&base);
    list.insert(1, "Ny från B".into());
    save_mandate(&mut b, list, stamp(1, 2));
    let ab = mandate(&merge(&a, &b).unwrap());
    let ba = mandate(&merge(&b, &a).unwrap());
    assert_eq!(ab, ba);
    assert_eq!(ab.len(), mandate(&base).len() + 2);
    assert!(ab.contains(&"Ny från A".to_owned()) && ab.contains(&"Ny från B".to_owned()));
}

/// A whole-list conflict kept by the version before schema 2 (two mandates
/// as siblings) merges item by item with a copy of today: every point of
/// both sides is kept; the points the two sides hold differently are each a
/// conflict of their own (a whole-list version cannot tell which side
/// changed a point), the others are no conflict at all.
#[test]
fn an_old_whole_list_conflict_is_merged_item_by_item() {
    use samverkan::model::{FieldVersion, Sibling, VersionVector};
    let base = seed();
    let mut old = base.clone();
    let body = old.bodies.iter_mut().find(|b| b.id.0 == BODY).unwrap();
    let vv = |copy: &str| VersionVector([(copy.to_owned(), 1)].into_iter().collect());
    let mut theirs = body.mandate.clone();
    theirs[1] = "Deras punkt 2".into();
    body.mandate[4] = "Vår punkt 5".into();
    body.meta.version = VersionVector(
        [("a".to_owned(), 1), ("b".to_owned(), 1)]
            .into_iter()
            .collect(),
    );
    body.meta.fields.insert(
        "mandate".into(),
        FieldVersion {
            version: vv("a"),
            change: Some(stamp(0, 1)),
        },
    );
    body.meta.conflicts.insert(
        "mandate".into(),
        vec![Sibling {
            value: serde_json::to_value(&theirs).unwrap(),
            version: vv("b"),
            change: Some(stamp(1, 2)),
        }],
    );
    let merged = merge(&old, &base).unwrap();
    assert_eq!(mandate(&merged).len(), mandate(&base).len());
    let values = every_value(&merged);
    assert!(values.contains(&"Deras punkt 2".to_owned()), "{values:?}");
    assert!(values.contains(&"Vår punkt 5".to_owned()), "{values:?}");
    let places: Vec<Option<usize>> = conflicts(&merged)
        .iter()
        .map(|c| c.item.as_ref().and_then(|(_, place)| *place))
        .collect();
    assert_eq!(places, [Some(2), Some(5)]);
}
