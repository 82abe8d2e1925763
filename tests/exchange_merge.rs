//! Property tests of the merge: random edit sequences on copies of the
//! built-in data set, exchanged in random orders. A small seeded PRNG keeps
//! the runs reproducible without a dependency; `SAMVERKAN_MERGE_CASES` sets
//! the number of scenarios for a long run (default 24).

use chrono::NaiveDate;
use samverkan::exchange::{
    canonical, conflicts, export, merge, parse, resolve_conflict, unknown_to, Effect, Ledger,
    MergeReport, Origin, Scope,
};
use samverkan::model::list::items_of;
use samverkan::model::*;
use serde_json::Value;

/// SplitMix64: small, seeded, good enough to pick edits.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

fn seed() -> Dataset {
    samverkan::seed::built_in().expect("the built-in data set reads")
}

fn stamp(copy: &str, clock: u64, edit: u64) -> ChangeStamp {
    // Two edits share a second now and then, so the tiebreak after the time
    // is exercised too.
    let t = chrono::DateTime::from_timestamp(1_780_000_000 + (clock / 2) as i64, 0).unwrap();
    ChangeStamp {
        copy_id: copy.into(),
        writer: None,
        organisation: None,
        person: Some(format!("ändring {edit}")),
        at: t.to_rfc3339(),
    }
}

/// One value a copy wrote to one field (or to one field of one list item:
/// its value, place or deletion), with the version it was written at.
#[derive(Debug, Clone)]
struct Write {
    kind: &'static str,
    id: String,
    field: String,
    /// For a list: the item's id and its field (`value`, `pos`, `deleted`).
    item: Option<(String, String)>,
    value: Value,
    version: VersionVector,
}

fn record(data: &Dataset, kind: &str, id: &str) -> Option<Value> {
    let all = serde_json::to_value(data).unwrap();
    all[kind]
        .as_array()?
        .iter()
        .find(|r| r["id"] == id)
        .cloned()
}

/// The current value and kept conflicts of a field, as (value, version).
fn siblings(record: &Value, field: &str) -> Vec<(Value, VersionVector)> {
    let meta: RecordMeta = serde_json::from_value(record["meta"].clone()).unwrap_or_default();
    let current = record_fields(record)[field].clone();
    let version = meta
        .fields
        .get(field)
        .map(|f| f.version.clone())
        .unwrap_or_default();
    let mut all = vec![(current, version)];
    for s in meta.conflicts.get(field).into_iter().flatten() {
        all.push((s.value.clone(), s.version.clone()));
    }
    all
}

/// The items of the list `field` of a record, as stored.
fn list_items(record: &Value, field: &str) -> Vec<list::ListItem> {
    let meta: RecordMeta = serde_json::from_value(record["meta"].clone()).unwrap_or_default();
    let values = record_fields(record)[field]
        .as_array()
        .cloned()
        .unwrap_or_default();
    items_of(&values, &meta, field)
}

/// The current value and kept conflicts of one field of a list item.
fn item_siblings(record: &Value, field: &str, item: &str, of: &str) -> Vec<(Value, VersionVector)> {
    list_items(record, field)
        .into_iter()
        .find(|i| i.id == item)
        .map(|i| {
            i.siblings(of)
                .into_iter()
                .map(|s| (s.value, s.version))
                .collect()
        })
        .unwrap_or_default()
}

/// The writes `stamp` made to a record.
fn writes_by(data: &Dataset, kind: &'static str, id: &str, stamp: &ChangeStamp) -> Vec<Write> {
    let Some(r) = record(data, kind, id) else {
        return vec![];
    };
    let meta: RecordMeta = serde_json::from_value(r["meta"].clone()).unwrap_or_default();
    let fields = record_fields(&r);
    let mut writes = vec![];
    for (name, f) in &meta.fields {
        if f.change.as_ref() != Some(stamp) {
            continue;
        }
        if fields[name.as_str()].is_array() || meta.items.contains_key(name) {
            // A list is written item by item.
            for item in list_items(&r, name) {
                for (of, version) in &item.fields {
                    if version.change.as_ref() == Some(stamp) {
                        writes.push(Write {
                            kind,
                            id: id.to_owned(),
                            field: name.clone(),
                            item: Some((item.id.clone(), of.clone())),
                            value: item.siblings(of)[0].value.clone(),
                            version: version.version.clone(),
                        });
                    }
                }
            }
        } else {
            writes.push(Write {
                kind,
                id: id.to_owned(),
                field: name.clone(),
                item: None,
                value: fields[name.as_str()].clone(),
                version: f.version.clone(),
            });
        }
    }
    writes
}

struct Copy {
    id: String,
    data: Dataset,
    planned: u64,
    ledger: Ledger,
}

struct World {
    rng: Rng,
    copies: Vec<Copy>,
    clock: u64,
    writes: Vec<Write>,
    /// Exchanges that sent only what the receiver was not known to have.
    partial_exchanges: usize,
    resolutions: usize,
    /// Bodies and rotating office rules edits pick from: few, so that edits
    /// collide often.
    bodies: Vec<BodyId>,
    rotations: Vec<(BodyId, usize, Vec<RotationParty>)>,
}

const NAMES: [&str; 4] = ["Styrgruppen", "Beredningen", "Samrådet", "Ledningsgruppen"];
const PLACES: [&str; 3] = ["Luleå", "Umeå", "Digitalt via Teams"];

impl World {
    fn new(seed_value: u64, copies: usize) -> World {
        let data = seed();
        let bodies: Vec<BodyId> = data.live_bodies().take(3).map(|b| b.id.clone()).collect();
        let rotations = data
            .live_bodies()
            .flat_map(|b| {
                b.offices.iter().enumerate().filter_map(|(i, o)| {
                    o.rotation
                        .as_ref()
                        .map(|r| (b.id.clone(), i, r.between.clone()))
                })
            })
            .take(2)
            .collect();
        World {
            rng: Rng(seed_value),
            copies: (0..copies)
                .map(|i| Copy {
                    id: format!("kopia-{i}"),
                    data: data.clone(),
                    planned: 0,
                    ledger: Ledger::default(),
                })
                .collect(),
            clock: 0,
            writes: vec![],
            partial_exchanges: 0,
            resolutions: 0,
            bodies,
            rotations,
        }
    }

    /// One random edit on copy `c`; refused edits change nothing.
    fn edit(&mut self, c: usize) {
        self.clock += 1;
        let edit = self.writes.len() as u64 + self.clock * 1000;
        let stamp = stamp(&self.copies[c].id, self.clock, edit);
        let copy = &mut self.copies[c];
        let touched: Option<(&'static str, String)> = match self.rng.below(7) {
            5 | 6 => {
                // A point of a body's mandate edited, added, removed or moved.
                let body = self.rng.pick(&self.bodies).cloned().unwrap();
                let opened = copy.data.body(&body).cloned();
                opened.and_then(|opened| {
                    let mut mandate = opened.mandate.clone();
                    let len = mandate.len();
                    match self.rng.below(4) {
                        0 if len > 0 => {
                            mandate[self.rng.below(len)] = format!("punkt ändrad ({edit})")
                        }
                        1 => mandate.insert(self.rng.below(len + 1), format!("ny punkt ({edit})")),
                        2 if len > 0 => {
                            mandate.remove(self.rng.below(len));
                        }
                        _ if len > 1 => {
                            let point = mandate.remove(self.rng.below(len));
                            mandate.insert(self.rng.below(len), point);
                        }
                        _ => return None,
                    }
                    let mut edited = opened.clone();
                    edited.mandate = mandate;
                    matches!(
                        copy.data.save_from(&opened, edited, stamp.clone()),
                        Ok(Some(_))
                    )
                    .then(|| ("bodies", body.0))
                })
            }
            4 => {
                // A person resolves a conflict by keeping one of its values.
                let found = conflicts(&copy.data);
                let conflict = self.rng.pick(&found).cloned();
                conflict.and_then(|c| {
                    let kind: &'static str = if c.record.kind == RecordKind::Bodies {
                        "bodies"
                    } else {
                        "meetings"
                    };
                    let value = self.rng.pick(&c.values).unwrap().value.clone();
                    resolve_conflict(
                        &mut copy.data,
                        &c.record,
                        &c.field,
                        c.item.as_ref().map(|(id, _)| id.as_str()),
                        &value,
                        stamp.clone(),
                    )
                    .ok()
                    .map(|_| {
                        self.resolutions += 1;
                        (kind, c.record.id)
                    })
                })
            }
            0 => {
                let body = self.rng.pick(&self.bodies).cloned().unwrap();
                let basics = BodyBasics {
                    name: self.rng.pick(&NAMES).unwrap().to_string(),
                    short_name: self
                        .rng
                        .chance(50)
                        .then(|| format!("K{}", self.rng.below(3))),
                };
                matches!(
                    copy.data.update_body_basics(&body, basics, stamp.clone()),
                    Ok(true)
                )
                .then(|| ("bodies", body.0))
            }
            1 => {
                copy.planned += 1;
                let id = MeetingId::new(format!("{}-m{}", copy.id, copy.planned));
                let planned = PlannedMeeting {
                    body: self.rng.pick(&self.bodies).cloned().unwrap(),
                    date: NaiveDate::from_ymd_opt(2027, 1 + self.rng.below(12) as u32, 1),
                    start: None,
                    place: self.rng.pick(&PLACES).unwrap().to_string(),
                    kind: MeetingKind::Ordinary,
                };
                copy.data
                    .plan_meeting(planned, id.clone(), stamp.clone())
                    .ok()
                    .map(|_| ("meetings", id.0))
            }
            2 => {
                let planned: Vec<MeetingId> = copy
                    .data
                    .live_meetings()
                    .filter(|m| m.minutes == MinutesState::Planned)
                    .map(|m| m.id.clone())
                    .collect();
                let id = self.rng.pick(&planned).cloned();
                id.filter(|id| copy.data.cancel_planned_meeting(id, stamp.clone()).is_ok())
                    .map(|id| ("meetings", id.0))
            }
            _ => {
                let (body, index, between) = self.rng.pick(&self.rotations).cloned().unwrap();
                let start = RotationStart {
                    year: 2019 + self.rng.below(6) as i32,
                    party: self.rng.pick(&between).cloned().unwrap(),
                };
                matches!(
                    copy.data
                        .set_rotation_start(&body, index, start, stamp.clone()),
                    Ok(Some(_))
                )
                .then(|| ("bodies", body.0))
            }
        };
        if let Some((kind, id)) = touched {
            let writes = writes_by(&self.copies[c].data, kind, &id, &stamp);
            self.writes.extend(writes);
        }
    }

    /// Copy `to` imports a file from copy `from`: everything, or (half of
    /// the time) only what `from` does not know `to` to have.
    fn exchange(&mut self, to: usize, from: usize) {
        if to == from {
            return;
        }
        let to_id = self.copies[to].id.clone();
        let file = if self.rng.chance(50) {
            self.partial_exchanges += 1;
            let sender = &mut self.copies[from];
            let changes = unknown_to(&sender.data, &sender.ledger.known_by(&to_id));
            let scope = Scope::ChangesFor { party: to_id };
            sender.ledger.note_export("f.json", "t", scope, &changes);
            changes
        } else {
            self.copies[from].data.clone()
        };
        let origin = Origin {
            organisation: None,
            copy_id: self.copies[from].id.clone(),
        };
        let receiver = &mut self.copies[to];
        receiver.data = merge(&receiver.data, &file).unwrap();
        let effect = Effect::default();
        receiver
            .ledger
            .note_import(&origin, "f.json", "t", Scope::All, &file, effect);
    }

    fn run(&mut self, steps: usize) {
        let n = self.copies.len();
        for _ in 0..steps {
            if self.rng.chance(30) {
                let to = self.rng.below(n);
                let from = self.rng.below(n);
                self.exchange(to, from);
            } else {
                let c = self.rng.below(n);
                self.edit(c);
            }
        }
    }

    /// Every copy imports every other, twice over.
    fn exchange_all(&mut self) {
        let n = self.copies.len();
        for _ in 0..2 {
            for to in 0..n {
                for from in 0..n {
                    if to != from {
                        self.exchange(to, from);
                    }
                }
            }
        }
    }
}

fn cases() -> u64 {
    std::env::var("SAMVERKAN_MERGE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

fn m(a: &Dataset, b: &Dataset) -> Dataset {
    merge(a, b).expect("merged records read back")
}

/// No write is lost: each is the current value or a kept conflict, unless a
/// value that has seen it replaced it.
fn assert_no_lost_write(data: &Dataset, writes: &[Write], case: u64) {
    let all = serde_json::to_value(data).unwrap();
    let find = |kind: &str, id: &str| {
        all[kind]
            .as_array()
            .and_then(|records| records.iter().find(|r| r["id"] == id))
            .cloned()
    };
    for w in writes {
        let r = find(w.kind, &w.id)
            .unwrap_or_else(|| panic!("fall {case}: {} {} saknas", w.kind, w.id));
        let kept = match &w.item {
            Some((item, of)) => item_siblings(&r, &w.field, item, of),
            None => siblings(&r, &w.field),
        };
        let survives = kept
            .iter()
            .any(|(value, version)| version == &w.version && value == &w.value);
        let replaced = kept
            .iter()
            .any(|(_, version)| version.strictly_dominates(&w.version));
        assert!(
            survives || replaced,
            "fall {case}: skrivningen {w:?} har försvunnit; kvar: {kept:?}"
        );
    }
}

#[test]
fn merge_is_commutative_associative_and_idempotent() {
    for case in 0..cases() {
        let mut world = World::new(case, 3);
        world.run(30);
        let [a, b, c] = [0, 1, 2].map(|i| world.copies[i].data.clone());
        assert_eq!(
            canonical(&m(&a, &b)),
            canonical(&m(&b, &a)),
            "fall {case}: kommutativ"
        );
        assert_eq!(
            canonical(&m(&m(&a, &b), &c)),
            canonical(&m(&a, &m(&b, &c))),
            "fall {case}: associativ"
        );
        assert_eq!(m(&a, &a), a, "fall {case}: idempotent");
        let ab = m(&a, &b);
        assert_eq!(
            m(&ab, &b),
            ab,
            "fall {case}: att läsa in samma fil igen ändrar inget"
        );
        let again = MergeReport::compare(&ab, &m(&ab, &a));
        assert!(again.added.is_empty() && again.changed.is_empty() && again.deleted.is_empty());
    }
}

/// The in-place merge the journal uses (`merge_into`, cost of the smaller
/// side) gives exactly what `merge` gives, record order included, whether
/// `remote` is a whole copy or only the records one change touched.
#[test]
fn merge_into_is_merge_in_place() {
    for case in 0..cases() {
        let mut world = World::new(case, 3);
        world.run(30);
        let [a, b] = [0, 1].map(|i| world.copies[i].data.clone());
        let mut into = a.clone();
        let changed = samverkan::exchange::merge_into(&mut into, &b).unwrap();
        assert_eq!(into, m(&a, &b), "fall {case}: merge_into == merge");
        assert_eq!(
            changed,
            into != a,
            "fall {case}: reports a change exactly when there is one"
        );
        // Only the records b changed relative to a, as a journal entry holds them.
        let part = samverkan::exchange::changed_records(&a, &b);
        let mut from_part = a.clone();
        samverkan::exchange::merge_into(&mut from_part, &part).unwrap();
        assert_eq!(
            canonical(&from_part),
            canonical(&m(&a, &b)),
            "fall {case}: a part merges as the whole"
        );
    }
}

#[test]
fn copies_that_exchanged_both_ways_converge_and_lose_no_write() {
    let (mut edits, mut conflicts) = (0, 0);
    for case in 0..cases() {
        let copies = 2 + (case % 2) as usize;
        let mut world = World::new(1000 + case, copies);
        world.run(40);
        let (a, b) = (world.copies[0].data.clone(), world.copies[1].data.clone());
        assert_eq!(
            canonical(&m(&a, &b)),
            canonical(&m(&b, &a)),
            "fall {case}: två kopior som läst in varandras filer"
        );
        world.exchange_all();
        let first = canonical(&world.copies[0].data);
        for copy in &world.copies[1..] {
            assert_eq!(canonical(&copy.data), first, "fall {case}: {}", copy.id);
        }
        for copy in &world.copies {
            assert_no_lost_write(&copy.data, &world.writes, case);
        }
        assert!(first.check_references().is_clean());
        let origin = Origin {
            organisation: None,
            copy_id: world.copies[0].id.clone(),
        };
        let file = export(&world.copies[0].data, origin, "2026-11-23T00:00:00Z");
        let read = parse(&file, usize::MAX).expect("an exported file reads back");
        assert_eq!(
            read.data, world.copies[0].data,
            "fall {case}: export → import"
        );
        edits += world.writes.len();
        conflicts += MergeReport::compare(&seed(), &first)
            .conflicts
            .iter()
            .map(|(_, fields)| fields.len())
            .sum::<usize>();
    }
    eprintln!(
        "{} fall, {edits} skrivna fältvärden, {conflicts} fält i konflikt vid slutet",
        cases()
    );
    assert!(edits > 0 && conflicts > 0, "the scenarios make conflicts");
}

/// The region and four municipalities edit, delete and exchange partially
/// in random order, then everyone exchanges with everyone.
#[test]
fn five_copies_end_equal_with_no_lost_write() {
    let scenarios = cases().div_ceil(6);
    let (mut operations, mut partial, mut resolutions, mut item_writes) = (0, 0, 0, 0);
    for case in 0..scenarios {
        let mut world = World::new(5000 + case, 5);
        world.run(80);
        world.exchange_all();
        operations += 80 + 2 * 5 * 4;
        let first = canonical(&world.copies[0].data);
        for copy in &world.copies {
            assert_eq!(canonical(&copy.data), first, "fall {case}: {}", copy.id);
            assert_no_lost_write(&copy.data, &world.writes, case);
        }
        partial += world.partial_exchanges;
        resolutions += world.resolutions;
        item_writes += world.writes.iter().filter(|w| w.item.is_some()).count();
    }
    eprintln!(
        "5 kopior: {scenarios} fall, {operations} operationer \
         (varav {partial} utbyten av bara ändringar, {resolutions} lösta konflikter, \
         {item_writes} skrivningar av listpunkter)"
    );
    assert!(partial > 0 && resolutions > 0 && item_writes > 0);
}

fn at(copy: &str, at: &str) -> ChangeStamp {
    ChangeStamp {
        copy_id: copy.into(),
        writer: None,
        organisation: None,
        person: None,
        at: at.into(),
    }
}

fn samrad() -> (BodyId, usize, Vec<RotationParty>) {
    let d = seed();
    let id = BodyId::new("vb-samrad");
    let body = d.body(&id).unwrap();
    let index = body
        .offices
        .iter()
        .position(|o| o.rotation.is_some())
        .unwrap();
    let between = body.offices[index].rotation.clone().unwrap().between;
    (id, index, between)
}

fn rename(d: &mut Dataset, id: &BodyId, name: &str, stamp: ChangeStamp) {
    let short_name = d.body(id).unwrap().short_name.clone();
    let basics = BodyBasics {
        name: name.into(),
        short_name,
    };
    assert_eq!(d.update_body_basics(id, basics, stamp), Ok(true));
}

#[test]
fn a_concurrent_edit_of_one_field_gives_the_same_winner_everywhere_and_a_conflict() {
    let (id, _, _) = samrad();
    let (mut a, mut b) = (seed(), seed());
    rename(
        &mut a,
        &id,
        "Samrådet A",
        at("a", "2026-11-22T10:00:00+01:00"),
    );
    rename(&mut b, &id, "Samrådet B", at("b", "2026-11-22T09:30:00Z"));
    let (a2, b2) = (m(&a, &b), m(&b, &a));
    for d in [&a2, &b2] {
        let body = d.body(&id).unwrap();
        assert_eq!(body.name, "Samrådet B", "den senare ändringen vinner");
        assert_eq!(body.meta.conflicts["name"].len(), 1);
        assert_eq!(body.meta.conflicts["name"][0].value, "Samrådet A");
        assert_eq!(body.meta.version.get("a"), 1);
        assert_eq!(body.meta.version.get("b"), 1);
    }
    let report = MergeReport::compare(&a, &a2);
    assert_eq!(report.changed.len(), 1);
    let fields: Vec<&str> = report.changed[0]
        .1
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(fields, ["name"]);
    assert_eq!(report.changed[0].1[0].before, "Samrådet A");
    assert_eq!(report.changed[0].1[0].after, "Samrådet B");
    assert_eq!(report.conflicts[0].1, vec!["name".to_string()]);

    // A person on copy A resolves it; the resolution travels and clears the
    // conflict on B as well.
    let mut a3 = a2.clone();
    rename(&mut a3, &id, "Samrådet", at("a", "2026-11-23T08:00:00Z"));
    assert!(a3.body(&id).unwrap().meta.conflicts.is_empty());
    let b3 = m(&b2, &a3);
    let body = b3.body(&id).unwrap();
    assert_eq!(body.name, "Samrådet");
    assert!(body.meta.conflicts.is_empty());
    assert_eq!(canonical(&b3), canonical(&m(&a3, &b2)));
}

#[test]
fn concurrent_edits_of_different_fields_of_one_record_both_survive() {
    let (id, index, between) = samrad();
    let (mut a, mut b) = (seed(), seed());
    rename(&mut a, &id, "Samrådet A", at("a", "2026-11-22T10:00:00Z"));
    let start = RotationStart {
        year: 2021,
        party: between[0].clone(),
    };
    assert_eq!(
        b.set_rotation_start(&id, index, start.clone(), at("b", "2026-11-22T11:00:00Z"))
            .map(|c| c.is_some()),
        Ok(true)
    );
    for d in [m(&a, &b), m(&b, &a)] {
        let body = d.body(&id).unwrap();
        assert_eq!(body.name, "Samrådet A");
        let rotation = body.offices[index].rotation.as_ref().unwrap();
        assert_eq!(rotation.start, Fact::Stated(start.clone()));
        assert!(body.meta.conflicts.is_empty());
    }
}

#[test]
fn a_delete_concurrent_with_an_edit_keeps_both_facts() {
    let mut a = seed();
    let planned = PlannedMeeting {
        body: BodyId::new("nb-psb"),
        date: NaiveDate::from_ymd_opt(2027, 3, 1),
        start: None,
        place: "Luleå".into(),
        kind: MeetingKind::Ordinary,
    };
    let id = MeetingId::new("a-m1");
    a.plan_meeting(planned, id.clone(), at("a", "2026-11-22T10:00:00Z"))
        .unwrap();
    let mut b = m(&seed(), &a);
    a.cancel_planned_meeting(&id, at("a", "2026-11-22T11:00:00Z"))
        .unwrap();
    let meeting = b.meetings.iter_mut().find(|x| x.id == id).unwrap();
    let before = record_fields(&*meeting);
    meeting.place = "Umeå".into();
    assert!(touch_changed(
        meeting,
        &before,
        at("b", "2026-11-22T11:30:00Z")
    ));
    for d in [m(&a, &b), m(&b, &a)] {
        let meeting = d.meetings.iter().find(|x| x.id == id).unwrap();
        assert!(meeting.meta.deleted, "the deletion travels");
        assert_eq!(meeting.place, "Umeå", "and so does the edit");
        assert!(meeting.meta.conflicts.is_empty());
    }
    let report = MergeReport::compare(&b, &m(&b, &a));
    assert_eq!(report.deleted.len(), 1);
    assert_eq!(report.deleted[0].id, "a-m1");
}

#[test]
fn a_record_only_one_copy_has_arrives_whole() {
    let mut a = seed();
    let planned = PlannedMeeting {
        body: BodyId::new("nb-psb"),
        date: NaiveDate::from_ymd_opt(2027, 3, 1),
        start: None,
        place: "Luleå".into(),
        kind: MeetingKind::Ordinary,
    };
    a.plan_meeting(
        planned,
        MeetingId::new("a-m1"),
        at("a", "2026-11-22T10:00:00Z"),
    )
    .unwrap();
    let b = m(&seed(), &a);
    assert_eq!(
        b.meeting(&MeetingId::new("a-m1")),
        a.meeting(&MeetingId::new("a-m1"))
    );
    let report = MergeReport::compare(&seed(), &b);
    assert_eq!(report.added.len(), 1);
    assert!(report.changed.is_empty() && report.deleted.is_empty());
}
