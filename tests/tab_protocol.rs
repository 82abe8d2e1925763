//! The tab protocol of `samverkan::journal`, run over random interleavings
//! of two and three simulated tabs of one copy: edits, exports, deliveries
//! of "saved" notices, checkpoints (compare-and-set, with the journal cleaned
//! up in a later step), crashes and reloads at every step. The storage is
//! simulated as the browser's is: a journal of entries written in one step
//! each, and one checkpoint written atomically.
//!
//! After every step, opening what is stored must give every edit the app
//! acknowledged (as the field's value or a kept conflict, unless a later
//! edit that had seen it replaced it), every history entry and every
//! exchange-log line. At the end, once every notice is delivered, every tab
//! holds what is stored.
//!
//! Cases: `TAB_PROTOCOL_CASES` (default 64; e.g. 5000 for a long run); a failure shrinks to a minimal
//! schedule and its seed is kept in `proptest-regressions/`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use proptest::prelude::*;
use samverkan::exchange::{canonical, Scope};
use samverkan::journal::{records_of, JournalEntry, Replica, TabSync};
use samverkan::model::{
    BodyBasics, BodyId, ChangeAction, ChangeStamp, Dataset, FieldChange, RecordKind, RecordRef,
    VersionVector,
};

const COPY: &str = "copy-a";

#[derive(Clone, Debug)]
enum Op {
    /// Tab edits the name (field 0) or short name (field 1) of a body.
    Edit {
        tab: usize,
        body: usize,
        field: usize,
    },
    /// Tab exports a file (a line in the exchange log).
    Export { tab: usize },
    /// Tab handles its oldest notice from another tab.
    Deliver { tab: usize },
    /// Tab tries to write a checkpoint.
    Checkpoint { tab: usize },
    /// Tab removes the journal entries its last checkpoint holds.
    Cleanup { tab: usize },
    /// Tab's renderer dies (nothing runs after it).
    Crash { tab: usize },
    /// Tab reloads (or, if it had crashed, is opened again).
    Reload { tab: usize },
}

fn op(tabs: usize) -> impl Strategy<Value = Op> {
    let t = 0..tabs;
    prop_oneof![
        4 => (t.clone(), 0..3usize, 0..2usize).prop_map(|(tab, body, field)| Op::Edit { tab, body, field }),
        1 => t.clone().prop_map(|tab| Op::Export { tab }),
        4 => t.clone().prop_map(|tab| Op::Deliver { tab }),
        2 => t.clone().prop_map(|tab| Op::Checkpoint { tab }),
        2 => t.clone().prop_map(|tab| Op::Cleanup { tab }),
        1 => t.clone().prop_map(|tab| Op::Crash { tab }),
        1 => t.prop_map(|tab| Op::Reload { tab }),
    ]
}

#[derive(Clone, Debug)]
enum Notice {
    Entry(String),
}

struct Tab {
    sync: TabSync,
    replica: Replica,
    writer: Option<String>,
    slot: usize,
    notices: VecDeque<Notice>,
    to_remove: BTreeSet<String>,
}

#[derive(Default)]
struct Storage {
    generation: Option<String>,
    checkpoint: Replica,
    journal: BTreeMap<String, JournalEntry>,
}

/// An edit the app said was saved.
struct Ack {
    body: BodyId,
    field: &'static str,
    value: String,
    version: VersionVector,
}

struct World {
    storage: Storage,
    tabs: Vec<Option<Tab>>,
    acks: Vec<Ack>,
    history_ids: Vec<String>,
    log_files: Vec<String>,
    bodies: Vec<BodyId>,
    loads: usize,
    clock: u64,
}

fn small_data() -> Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let seed = samverkan::seed::built_in().unwrap();
        Dataset {
            schema_version: seed.schema_version,
            bodies: seed.bodies.into_iter().take(3).collect(),
            ..Dataset::default()
        }
    })
    .clone()
}

impl World {
    fn new(tabs: usize) -> World {
        let data = small_data();
        let bodies = data.bodies.iter().map(|b| b.id.clone()).collect();
        let mut world = World {
            storage: Storage {
                checkpoint: Replica {
                    data,
                    ..Replica::default()
                },
                ..Storage::default()
            },
            tabs: (0..tabs).map(|_| None).collect(),
            acks: vec![],
            history_ids: vec![],
            log_files: vec![],
            bodies,
            loads: 0,
            clock: 0,
        };
        for t in 0..tabs {
            world.open(t);
        }
        world
    }

    fn now(&mut self) -> String {
        self.clock += 1;
        format!(
            "2026-12-07T10:{:02}:{:02}Z",
            (self.clock / 60) % 60,
            self.clock % 60
        )
    }

    /// Opens tab `t`: the lowest writer slot no live tab holds (as the app
    /// takes it with a Web Lock), then the stored state.
    fn open(&mut self, t: usize) {
        let taken: BTreeSet<usize> = self.tabs.iter().flatten().map(|tab| tab.slot).collect();
        let slot = (0..).find(|s| !taken.contains(s)).unwrap();
        let (replica, merged, refused) = Replica::open(
            self.storage.checkpoint.clone(),
            self.storage.journal.values().cloned(),
        );
        assert!(
            refused.is_empty(),
            "entries that did not merge: {refused:?}"
        );
        self.loads += 1;
        let sync = TabSync::opened(
            format!("tab{}", self.loads),
            self.storage.generation.clone(),
            merged,
        );
        self.tabs[t] = Some(Tab {
            sync,
            replica,
            writer: (slot > 0).then(|| format!("{COPY}/{slot}")),
            slot,
            notices: VecDeque::new(),
            to_remove: BTreeSet::new(),
        });
    }

    fn broadcast(&mut self, from: usize, key: &str) {
        for (i, tab) in self.tabs.iter_mut().enumerate() {
            if i != from {
                if let Some(tab) = tab {
                    tab.notices.push_back(Notice::Entry(key.to_owned()));
                }
            }
        }
    }

    fn write_entry(&mut self, t: usize, entry: JournalEntry) {
        let key = entry.key.clone();
        self.storage.journal.insert(key.clone(), entry);
        self.tabs[t].as_mut().unwrap().sync.merged(key.clone());
        self.broadcast(t, &key);
    }

    fn step(&mut self, op: &Op) {
        match *op {
            Op::Edit { tab, body, field } => self.edit(tab, body, field),
            Op::Export { tab } => self.export(tab),
            Op::Deliver { tab } => self.deliver(tab),
            Op::Checkpoint { tab } => self.checkpoint(tab),
            Op::Cleanup { tab } => {
                if let Some(tab) = self.tabs[tab].as_mut() {
                    for key in std::mem::take(&mut tab.to_remove) {
                        self.storage.journal.remove(&key);
                    }
                }
            }
            Op::Crash { tab } => self.tabs[tab] = None,
            Op::Reload { tab } => {
                self.tabs[tab] = None;
                self.open(tab);
            }
        }
    }

    fn edit(&mut self, t: usize, body: usize, field: usize) {
        let at = self.now();
        let Some(tab) = self.tabs[t].as_mut() else {
            return;
        };
        let id = self.bodies[body].clone();
        let stamp = ChangeStamp {
            copy_id: COPY.into(),
            writer: tab.writer.clone(),
            organisation: None,
            person: None,
            at: at.clone(),
        };
        let current = tab.replica.data.body(&id).unwrap().clone();
        let value = format!("t{t} {at}");
        let (basics, field_name, before) = if field == 0 {
            (
                BodyBasics {
                    name: value.clone(),
                    short_name: current.short_name.clone(),
                },
                "name",
                serde_json::json!(current.name),
            )
        } else {
            (
                BodyBasics {
                    name: current.name.clone(),
                    short_name: Some(value.clone()),
                },
                "short_name",
                serde_json::json!(current.short_name),
            )
        };
        let changed = tab
            .replica
            .data
            .update_body_basics(&id, basics, stamp.clone())
            .unwrap();
        assert!(changed);
        let record = RecordRef {
            kind: RecordKind::Bodies,
            id: id.to_string(),
        };
        let history_id = tab
            .replica
            .history
            .record(
                &format!("tab{t}"),
                record.clone(),
                ChangeAction::Changed,
                stamp,
                vec![FieldChange {
                    field: field_name.into(),
                    before,
                    after: serde_json::json!(value),
                }],
                None,
            )
            .clone();
        let version = tab.replica.data.body(&id).unwrap().meta.fields[field_name]
            .version
            .clone();
        let entry = JournalEntry {
            key: tab.sync.next_key(),
            records: records_of(&tab.replica.data, &[record]),
            history: vec![history_id.clone()],
            ledger: Default::default(),
        };
        self.write_entry(t, entry);
        self.acks.push(Ack {
            body: id,
            field: field_name,
            value,
            version,
        });
        self.history_ids.push(history_id.id);
    }

    fn export(&mut self, t: usize) {
        let at = self.now();
        let Some(tab) = self.tabs[t].as_mut() else {
            return;
        };
        let before = tab.replica.ledger.clone();
        let file = format!("export-{t}-{at}.json");
        tab.replica
            .ledger
            .note_export(&file, &at, Scope::All, &Dataset::default());
        let entry = JournalEntry {
            key: tab.sync.next_key(),
            ledger: tab.replica.ledger.changes_since(&before),
            ..JournalEntry::default()
        };
        self.write_entry(t, entry);
        self.log_files.push(file);
    }

    fn deliver(&mut self, t: usize) {
        let Some(tab) = self.tabs[t].as_mut() else {
            return;
        };
        let Some(Notice::Entry(key)) = tab.notices.pop_front() else {
            return;
        };
        if !tab.sync.needs(&key) {
            return;
        }
        match self.storage.journal.get(&key) {
            Some(entry) => {
                tab.replica.apply(entry).unwrap();
                tab.sync.merged(key);
            }
            // Gone from the journal: a checkpoint holds it.
            None => {
                tab.replica.absorb(&self.storage.checkpoint).unwrap();
                tab.sync.checkpoint_merged(self.storage.generation.clone());
            }
        }
    }

    fn checkpoint(&mut self, t: usize) {
        let Some(tab) = self.tabs[t].as_mut() else {
            return;
        };
        let plan = tab.sync.plan_checkpoint();
        if self.storage.generation == plan.expected {
            self.storage.generation = Some(plan.next.clone());
            self.storage.checkpoint = tab.replica.clone();
            tab.sync.checkpoint_written(&plan);
            tab.to_remove.extend(plan.removes);
        } else {
            tab.replica.absorb(&self.storage.checkpoint).unwrap();
            tab.sync.checkpoint_merged(self.storage.generation.clone());
        }
    }

    fn stored(&self) -> Replica {
        let (replica, _, refused) = Replica::open(
            self.storage.checkpoint.clone(),
            self.storage.journal.values().cloned(),
        );
        assert!(refused.is_empty());
        replica
    }

    /// Nothing the app said was saved is missing from what is stored.
    fn check_durable(&self) -> Result<(), TestCaseError> {
        let stored = self.stored();
        for ack in &self.acks {
            let body = stored.data.body(&ack.body).unwrap();
            let current = match ack.field {
                "name" => serde_json::json!(body.name),
                _ => serde_json::json!(body.short_name),
            };
            let mut values = vec![(
                current,
                body.meta
                    .fields
                    .get(ack.field)
                    .map(|f| f.version.clone())
                    .unwrap_or_default(),
            )];
            for sibling in body.meta.conflicts.get(ack.field).into_iter().flatten() {
                values.push((sibling.value.clone(), sibling.version.clone()));
            }
            prop_assert!(
                values.iter().any(|(_, v)| v.dominates(&ack.version)),
                "edit {} of {} {} lost: stored {:?}",
                ack.value,
                ack.body,
                ack.field,
                values
            );
            for (value, version) in &values {
                if *version == ack.version {
                    prop_assert_eq!(
                        value,
                        &serde_json::json!(ack.value),
                        "same version, other value"
                    );
                }
            }
        }
        for id in &self.history_ids {
            prop_assert!(
                stored.history.entries.iter().any(|e| &e.id == id),
                "history entry {} lost",
                id
            );
        }
        for file in &self.log_files {
            prop_assert!(
                stored.ledger.entries.iter().any(|e| &e.file_name == file),
                "log line {} lost",
                file
            );
        }
        Ok(())
    }

    /// Every notice delivered: every live tab holds what is stored.
    fn check_converged(&mut self) -> Result<(), TestCaseError> {
        for t in 0..self.tabs.len() {
            while self.tabs[t]
                .as_ref()
                .is_some_and(|tab| !tab.notices.is_empty())
            {
                self.deliver(t);
            }
        }
        let stored = self.stored();
        for tab in self.tabs.iter().flatten() {
            prop_assert_eq!(canonical(&tab.replica.data), canonical(&stored.data));
            let ids = |r: &Replica| {
                r.history
                    .entries
                    .iter()
                    .map(|e| e.id.clone())
                    .collect::<BTreeSet<_>>()
            };
            prop_assert_eq!(ids(&tab.replica), ids(&stored));
        }
        Ok(())
    }
}

fn cases() -> u32 {
    std::env::var("TAB_PROTOCOL_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

fn run(tabs: usize, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut world = World::new(tabs);
    for op in ops {
        world.step(op);
        world.check_durable()?;
    }
    world.check_converged()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn two_tabs_lose_nothing(ops in prop::collection::vec(op(2), 1..60)) {
        run(2, &ops)?;
    }

    #[test]
    fn three_tabs_lose_nothing(ops in prop::collection::vec(op(3), 1..80)) {
        run(3, &ops)?;
    }
}

/// The case the issue measured: tab B's form is open (it has not taken in
/// tab A's saves), A saves a field twice, B saves the same field. With one
/// counter for both tabs, B's save carried A's version and replaced A's
/// value with no conflict; as writers of their own, both values are kept.
#[test]
fn a_held_back_tab_saving_the_field_another_tab_saved_twice_keeps_both() {
    let ops = [
        Op::Edit {
            tab: 0,
            body: 0,
            field: 0,
        },
        Op::Edit {
            tab: 0,
            body: 0,
            field: 0,
        },
        Op::Edit {
            tab: 1,
            body: 0,
            field: 0,
        },
    ];
    run(2, &ops).unwrap();
    let mut world = World::new(2);
    for op in &ops {
        world.step(op);
    }
    world.check_converged().unwrap();
    let body = world.stored().data.body(&world.bodies[0]).unwrap().clone();
    assert_eq!(body.meta.conflicts.get("name").map(Vec::len), Some(1));
}

/// A checkpoint by a tab that has not merged another tab's entry leaves
/// that entry in the journal; a tab that finds an entry gone merges the
/// checkpoint that holds it.
#[test]
fn a_checkpoint_removes_only_what_it_holds() {
    let ops = [
        Op::Edit {
            tab: 0,
            body: 1,
            field: 1,
        },
        Op::Checkpoint { tab: 1 },
        Op::Cleanup { tab: 1 },
        Op::Deliver { tab: 1 },
        Op::Checkpoint { tab: 1 },
        Op::Cleanup { tab: 1 },
        Op::Crash { tab: 0 },
        Op::Reload { tab: 0 },
    ];
    run(2, &ops).unwrap();
}
