//! The one reactive store of the app: the data set in a signal, provided as
//! context, with intent-named methods that change it through the core.
//!
//! Every change ends in [`Repo::commit`]: one journal entry of the records it
//! touched, its history entries and exchange-log lines, written before the
//! method returns (`persist.rs`); the app shows it as saved only then. How
//! the entries reach the other tabs and get checkpointed is `persist.rs`;
//! exchange files are `exchange.rs`. The protocol itself is the core's
//! (`crate::journal`).

mod exchange;
mod persist;
mod trust;

use std::collections::VecDeque;
use std::rc::Rc;

use chrono::NaiveDate;
use leptos::prelude::*;
use serde_json::Value;

use crate::exchange::{ImportUndo, Ledger, RecordRef};
use crate::journal::{records_of, TabSync};
use crate::model::{
    AgendaItem, BodyId, Change, ChangeStamp, CopyIdentity, CountyId, Dataset, DueNote, EditError,
    Editable, History, HistoryEntry, Justering, Meeting, MeetingId, MinutesStep, NewAddendum,
    ParagraphId, Person, PlannedMeeting, RotationStart,
};
use crate::storage::{KeyValueState, MemoryStore, Persistence, SetAside, StateStore, StorageError};

pub use crate::browser::{local_moment, today};
pub use exchange::{ExportedFile, ImportPreview};

use crate::browser::{new_copy_id, now, random_hex};
use crate::storage::{keys, open_browser_store, BrowserStore};

/// Something the user must know about the state of their data.
#[derive(Clone, Debug, PartialEq)]
pub enum DataNotice {
    /// Stored data could not be read and was kept aside.
    SetAside(SetAside),
    /// Storage cannot be used at all; changes last until the tab closes.
    StorageUnavailable(String),
    /// The last change could not be saved.
    SaveFailed(String),
    /// The built-in data could not be read (a build defect).
    SeedBroken(String),
    /// A change was saved, but storage is full: the next may not be.
    StorageNearlyFull,
}

/// Whether what the page shows is in storage (shown by the header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything shown is stored.
    Saved,
    /// A write is under way ("Sparar …").
    Saving,
    /// The last write failed; the change is only in this tab.
    Failed,
    /// Storage cannot be used: nothing is kept after the tab closes.
    NotKept,
}

/// Where the stored state lives.
enum Backend {
    Browser(Persistence<BrowserStore>),
    /// Fallback when the browser's storage cannot be used.
    Memory(Persistence<MemoryStore>),
}

impl Backend {
    fn with<T>(&mut self, f: impl FnOnce(&mut dyn PersistenceOps) -> T) -> T {
        match self {
            Backend::Browser(p) => f(p),
            Backend::Memory(p) => f(p),
        }
    }

    fn read<T>(&self, f: impl FnOnce(&dyn PersistenceOps) -> T) -> T {
        match self {
            Backend::Browser(p) => f(p),
            Backend::Memory(p) => f(p),
        }
    }
}

/// The operations on `Persistence` the store uses, over either backend.
trait PersistenceOps {
    fn load_data(&mut self, notices: &mut Vec<DataNotice>) -> (Dataset, bool);
    fn forget(&mut self, key: &str);
    fn read_raw(&self, key: &str) -> Option<String>;
    fn write_raw(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Vec<String>;
}

impl<S: crate::storage::Store> PersistenceOps for Persistence<S> {
    fn load_data(&mut self, notices: &mut Vec<DataNotice>) -> (Dataset, bool) {
        match self.load(|| built_in_or_empty(notices)) {
            Ok(loaded) => {
                if let Some(set_aside) = loaded.set_aside {
                    notices.push(DataNotice::SetAside(set_aside));
                }
                (loaded.data, loaded.restored)
            }
            Err(e) => {
                notices.push(DataNotice::StorageUnavailable(e.to_string()));
                (built_in_or_empty(notices), false)
            }
        }
    }

    fn forget(&mut self, key: &str) {
        let _ = self.forget_value(key);
    }

    fn read_raw(&self, key: &str) -> Option<String> {
        self.store().read(key).ok().flatten()
    }

    fn write_raw(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.write_value_raw(key, value)
    }

    fn keys(&self) -> Vec<String> {
        self.store().keys().unwrap_or_default()
    }
}

#[derive(Clone, Copy)]
pub struct Repo {
    data: RwSignal<Dataset>,
    /// The stored data has been read (until then pages wait).
    ready: RwSignal<bool>,
    notices: RwSignal<Vec<DataNotice>>,
    save_state: RwSignal<SaveState>,
    /// localStorage: small values (copy id, identity, language), the journal's
    /// entries, and the checkpoint when IndexedDB cannot be used.
    backend: StoredValue<Backend, LocalStorage>,
    /// Where the checkpoint and the journal's entries live (IndexedDB, or
    /// localStorage or memory where it cannot be used); set by `load`.
    state: StoredValue<Rc<dyn StateStore>, LocalStorage>,
    copy_id: StoredValue<String>,
    /// This tab's key in version vectors when it is not the copy id (see
    /// `ChangeStamp::writer`).
    writer: StoredValue<Option<String>>,
    /// This page load, for history and journal keys.
    tab: StoredValue<String>,
    /// Which journal entries and checkpoint this tab's memory holds.
    sync: StoredValue<TabSync>,
    identity: RwSignal<CopyIdentity>,
    /// The exchange log and what each party is known to hold. The stored
    /// one is read just after the first page is drawn (`ledger_read`);
    /// until then this holds only what journal entries brought.
    ledger: RwSignal<Ledger>,
    ledger_read: RwSignal<bool>,
    /// What the last import here changed, for undo (this session only).
    last_import: StoredValue<Option<ImportUndo>>,
    /// Every change of the data set made here or imported (tracked).
    history: RwSignal<History>,
    /// Tells the other tabs of entries written to IndexedDB.
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    /// How many edit forms are open in this tab. While any is, another
    /// tab's saved changes wait (`held`), so the page under the form is not
    /// redrawn and nothing typed is lost.
    open_forms: StoredValue<usize>,
    held: StoredValue<VecDeque<String>>,
    held_back: RwSignal<bool>,
    /// A checkpoint is planned or under way.
    checkpoint_pending: StoredValue<bool>,
}

fn built_in_or_empty(notices: &mut Vec<DataNotice>) -> Dataset {
    crate::seed::built_in().unwrap_or_else(|e| {
        notices.push(DataNotice::SeedBroken(e.to_string()));
        Dataset::default()
    })
}

impl Repo {
    /// Provides the store to the component tree and starts loading the data
    /// (stored, or built in on first start); `is_ready` tells when it is in.
    pub fn provide() -> Self {
        let mut notices = Vec::new();
        let (backend, copy_id) = match open_browser_store() {
            Ok(store) => {
                let mut persistence = Persistence::new(store);
                let copy_id = persistence
                    .copy_id(new_copy_id)
                    .unwrap_or_else(|_| new_copy_id());
                (Backend::Browser(persistence), copy_id)
            }
            Err(e) => {
                notices.push(DataNotice::StorageUnavailable(e.to_string()));
                (
                    Backend::Memory(Persistence::new(MemoryStore::default())),
                    new_copy_id(),
                )
            }
        };
        let identity = match &backend {
            Backend::Browser(p) => p.load_value(keys::IDENTITY),
            Backend::Memory(p) => p.load_value(keys::IDENTITY),
        };
        let tab = random_hex();
        let save_state = if notices.is_empty() {
            SaveState::Saved
        } else {
            SaveState::NotKept
        };
        let repo = Repo {
            data: RwSignal::new(Dataset::default()),
            ready: RwSignal::new(false),
            notices: RwSignal::new(notices),
            save_state: RwSignal::new(save_state),
            backend: StoredValue::new_local(backend),
            state: StoredValue::new_local(Rc::new(KeyValueState::new(
                MemoryStore::default(),
                false,
            ))),
            copy_id: StoredValue::new(copy_id),
            writer: StoredValue::new(None),
            tab: StoredValue::new(tab.clone()),
            sync: StoredValue::new(TabSync::opened(tab, None, [])),
            identity: RwSignal::new(identity),
            ledger: RwSignal::new(Ledger::default()),
            ledger_read: RwSignal::new(false),
            last_import: StoredValue::new(None),
            history: RwSignal::new(History::default()),
            channel: StoredValue::new_local(None),
            open_forms: StoredValue::new(0),
            held: StoredValue::new(VecDeque::new()),
            held_back: RwSignal::new(false),
            checkpoint_pending: StoredValue::new(false),
        };
        provide_context(repo);
        repo.listen_to_other_tabs();
        crate::browser::warn_before_leaving_unsaved();
        leptos::task::spawn_local(repo.load());
        repo
    }

    /// Whether the stored data has been read.
    pub fn is_ready(&self) -> bool {
        self.ready.get()
    }

    pub fn expect_context() -> Self {
        expect_context::<Repo>()
    }

    /// Reads the data set and tracks it: the surrounding closure re-runs
    /// when the data changes. Pages read this way.
    pub fn with<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.data.with(f)
    }

    /// Reads the data set without tracking, for the parts of a view that a
    /// tracking page closure re-creates anyway (component bodies run untracked).
    pub fn snapshot<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.data.with_untracked(f)
    }

    pub fn notices(&self) -> Signal<Vec<DataNotice>> {
        self.notices.into()
    }

    fn notify(&self, notice: DataNotice) {
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice)
            }
        });
    }

    pub fn dismiss_notice(&self, index: usize) {
        self.notices.update(|n| {
            if index < n.len() {
                n.remove(index);
            }
        });
    }

    /// Whether what the page shows is stored (tracked).
    pub fn save_state(&self) -> Signal<SaveState> {
        self.save_state.into()
    }

    fn stamp(&self) -> ChangeStamp {
        let mut stamp = self
            .identity
            .with_untracked(|i| i.stamp(&self.copy_id.get_value(), &now()));
        stamp.writer = self.writer.get_value();
        stamp
    }

    /// Who keeps this copy (tracked).
    pub fn identity(&self) -> Signal<CopyIdentity> {
        self.identity.into()
    }

    pub fn copy_id(&self) -> String {
        self.copy_id.get_value()
    }

    /// Sets who keeps this copy; recorded on every later change.
    pub fn set_identity(&self, identity: CopyIdentity) -> Result<(), StorageError> {
        self.identity.set(identity.clone());
        let json = serde_json::to_string(&identity).unwrap_or_default();
        self.backend
            .try_update_value(|b| b.with(|p| p.write_raw(keys::IDENTITY, &json)))
            .unwrap_or(Ok(()))
    }

    /// The exchange log and the parties exchanged with (tracked).
    pub fn ledger(&self) -> Signal<Ledger> {
        self.ledger.into()
    }

    /// Whether the ledger has been read (tracked); the exchange page waits for it.
    pub fn ledger_ready(&self) -> bool {
        self.ledger_read.get()
    }

    /// The change history (tracked).
    pub fn history(&self) -> Signal<History> {
        self.history.into()
    }

    /// Saves a record from a form (new or changed): the fields the form
    /// changed since it `opened` the record, so a change saved meanwhile
    /// (another tab, an import) is kept; the change goes into the history.
    /// A refused record changes nothing and says why per field.
    pub fn save<R: Editable>(&self, opened: &R, record: R) -> Result<(), EditError>
    where
        R::Id: std::fmt::Display,
    {
        self.edit(|data, _, stamp| Ok(data.save_from(opened, record, stamp)?.map(|c| (c, None))))
    }

    /// Saves a meeting from its form together with the people its roll call
    /// added (new Person records), all or nothing: a meeting the core
    /// refuses leaves the people unsaved too, and the form open.
    pub fn save_meeting_with_people(
        &self,
        people: Vec<Person>,
        opened: &Meeting,
        record: Meeting,
    ) -> Result<(), EditError> {
        self.edit_all(|data, _, stamp| {
            let before = data.people.len();
            let mut changes = vec![];
            let mut saved = Ok(());
            for person in people {
                match data.save_from(&person.clone(), person, stamp.clone()) {
                    Ok(change) => changes.extend(change),
                    Err(e) => {
                        saved = Err(e);
                        break;
                    }
                }
            }
            if saved.is_ok() {
                match data.save_from(opened, record, stamp) {
                    Ok(change) => changes.extend(change),
                    Err(e) => saved = Err(e),
                }
            }
            if let Err(e) = saved {
                // New records only: taking them out again leaves the data as it was.
                data.people.truncate(before);
                return Err(e);
            }
            Ok(changes.into_iter().map(|c| (c, None)).collect())
        })
    }

    /// Deletes a record (a tombstone that can be undone and travels).
    pub fn delete(&self, record: &RecordRef) -> Result<(), EditError> {
        self.edit(|data, _, stamp| Ok(Some((data.delete_record(record, stamp)?, None))))
    }

    /// Brings a deleted record back.
    pub fn undelete(&self, record: &RecordRef) -> Result<(), EditError> {
        self.edit(|data, _, stamp| Ok(Some((data.undelete(record, stamp)?, None))))
    }

    /// Brings back every deleted record that can be (see
    /// `Dataset::undelete_all`); returns how many came back and the records
    /// that stay deleted, each with why.
    pub fn undelete_all(&self) -> (usize, Vec<(RecordRef, EditError)>) {
        let mut refused = vec![];
        let mut count = 0;
        let _ = self.edit_all(|data, _, stamp| {
            let (changes, left) = data.undelete_all(&stamp);
            refused = left;
            count = changes.len();
            Ok(changes.into_iter().map(|c| (c, None)).collect())
        });
        (count, refused)
    }

    /// Takes back the latest change made on this copy.
    pub fn undo_last(&self) -> Result<(), EditError> {
        self.edit(|data, history, stamp| {
            let (change, undone) = data.undo_last(history, stamp)?;
            Ok(Some((change, Some(undone))))
        })
    }

    /// Sets a record back to how it was after history entry `after` (before
    /// its first recorded change for `None`).
    pub fn restore_version(
        &self,
        record: &RecordRef,
        after: Option<&str>,
    ) -> Result<(), EditError> {
        self.edit(|data, history, stamp| {
            Ok(data
                .restore_version(history, record, after, stamp)?
                .map(|c| (c, None)))
        })
    }

    /// Moves minutes through the justering workflow. Starting the minutes
    /// of a planned meeting also makes a draft § of every agenda item and
    /// calls the roll of the seats (`Dataset::start_minutes`): one tap.
    pub fn take_minutes_step(
        &self,
        meeting: &MeetingId,
        step: MinutesStep,
    ) -> Result<(), EditError> {
        if step == MinutesStep::StartDraft {
            return self.edit_all(|data, _, stamp| {
                let new_id = |_| ParagraphId::new(Repo::new_id("paragraf"));
                let changes = data.start_minutes(meeting, new_id, stamp)?;
                Ok(changes.into_iter().map(|c| (c, None)).collect())
            });
        }
        self.edit(|data, _, stamp| Ok(Some((data.take_minutes_step(meeting, step, stamp)?, None))))
    }

    /// Adds a planned meeting with its agenda (the kallelse); returns its id.
    pub fn plan_meeting_with_agenda(
        &self,
        planned: PlannedMeeting,
        agenda: Vec<AgendaItem>,
    ) -> Result<MeetingId, EditError> {
        let id = MeetingId::new(format!("{}-{}", planned.body, random_hex()));
        let new_id = id.clone();
        self.edit(|data, _, stamp| {
            Ok(Some((
                data.plan_meeting_with_agenda(planned, agenda, new_id, stamp)?,
                None,
            )))
        })?;
        Ok(id)
    }

    /// Records a signature of minutes out for justering: this copy's
    /// person signing their own lines, or a signature given on paper.
    pub fn sign_minutes(&self, meeting: &MeetingId, justering: Justering) -> Result<(), EditError> {
        self.edit(|data, _, stamp| {
            Ok(Some((
                data.sign_minutes(meeting, justering, today(), stamp)?,
                None,
            )))
        })
    }

    /// Records a correction or addition to adjusted minutes.
    pub fn add_addendum(
        &self,
        meeting: &MeetingId,
        addendum: NewAddendum,
    ) -> Result<(), EditError> {
        self.edit(|data, _, stamp| Ok(Some((data.add_addendum(meeting, addendum, stamp)?, None))))
    }

    /// A fresh id for a new record of a kind, e.g. "organ-3f2a…".
    pub fn new_id(prefix: &str) -> String {
        format!("{prefix}-{}", random_hex())
    }

    /// Applies a core edit that reports its change; the change is kept in
    /// the history with this copy's stamp, and both are stored together.
    fn edit(
        &self,
        edit: impl FnOnce(
            &mut Dataset,
            &History,
            ChangeStamp,
        ) -> Result<Option<(Change, Option<String>)>, EditError>,
    ) -> Result<(), EditError> {
        self.edit_all(|data, history, stamp| Ok(edit(data, history, stamp)?.into_iter().collect()))
    }

    /// As [`Repo::edit`], for a core edit that changes several records
    /// (one history entry each, all with the same stamp).
    fn edit_all(
        &self,
        edit: impl FnOnce(
            &mut Dataset,
            &History,
            ChangeStamp,
        ) -> Result<Vec<(Change, Option<String>)>, EditError>,
    ) -> Result<(), EditError> {
        let stamp = self.stamp();
        let for_edit = stamp.clone();
        let mut kept = vec![];
        let result = self.history.with_untracked(|history| {
            self.change_data(|data| {
                kept = edit(data, history, for_edit)?;
                Ok(!kept.is_empty())
            })
        });
        if !kept.is_empty() {
            let touched: Vec<RecordRef> = kept.iter().map(|(c, _)| c.record.clone()).collect();
            let entries = kept
                .into_iter()
                .map(|(change, undoes)| self.keep_in_history(change, stamp.clone(), undoes))
                .collect();
            let records = self.data.with_untracked(|d| records_of(d, &touched));
            self.commit(records, entries, Ledger::default());
        }
        result
    }

    /// Keeps a change in this tab's history; returns the entry to store.
    fn keep_in_history(
        &self,
        change: Change,
        stamp: ChangeStamp,
        undoes: Option<String>,
    ) -> HistoryEntry {
        let tab = self.tab.get_value();
        let mut kept = None;
        self.history.update(|h| {
            let id = h.keep_by(&tab, change, stamp, undoes);
            kept = h.entries.iter().rev().find(|e| e.id == id).cloned();
        });
        kept.expect("just kept")
    }

    /// Applies a core change to the data. Readers are notified only when
    /// something changed: a refused change leaves the views (and any open
    /// form with its message) as they are.
    fn change_data(
        &self,
        edit: impl FnOnce(&mut Dataset) -> Result<bool, EditError>,
    ) -> Result<(), EditError> {
        let result = self
            .data
            .try_maybe_update(|data| {
                let result = edit(data);
                (matches!(result, Ok(true)), result)
            })
            .unwrap_or_else(|| {
                Err(EditError::Invalid {
                    field: "data",
                    message: crate::i18n::t(crate::i18n::Text::DataBusy).into(),
                })
            });
        result.map(|_| ())
    }

    /// Adds a planned meeting to a body; returns its id.
    pub fn plan_meeting(&self, planned: PlannedMeeting) -> Result<MeetingId, EditError> {
        let id = MeetingId::new(format!("{}-{}", planned.body, random_hex()));
        let new_id = id.clone();
        self.edit(|data, _, stamp| Ok(Some((data.plan_meeting(planned, new_id, stamp)?, None))))?;
        Ok(id)
    }

    /// Removes a planned meeting.
    pub fn cancel_planned_meeting(&self, id: &MeetingId) -> Result<(), EditError> {
        self.edit(|data, _, stamp| Ok(data.cancel_planned_meeting(id, stamp)?.map(|c| (c, None))))
    }

    /// Records when a body's review rule was last carried out.
    pub fn record_review(
        &self,
        body: &BodyId,
        rule: usize,
        date: NaiveDate,
    ) -> Result<(), EditError> {
        self.edit(|data, _, stamp| {
            Ok(data
                .record_review(body, rule, date, stamp)?
                .map(|c| (c, None)))
        })
    }

    /// Places a body by hand in the structure diagram (top-left corner of
    /// its box, in diagram units).
    pub fn place_body(&self, body: &BodyId, x: f64, y: f64) -> Result<(), EditError> {
        self.edit(|data, _, stamp| Ok(data.place_body(body, x, y, stamp)?.map(|c| (c, None))))
    }

    /// Returns bodies placed by hand to their computed place in the diagram.
    pub fn reset_positions(&self, bodies: &[BodyId]) -> Result<(), EditError> {
        self.edit_all(|data, _, stamp| {
            let changes = data.reset_positions(bodies, stamp);
            Ok(changes.into_iter().map(|c| (c, None)).collect())
        })
    }

    /// Records which party held a rotating office in which year.
    pub fn set_rotation_start(
        &self,
        body: &BodyId,
        office_rule: usize,
        start: RotationStart,
    ) -> Result<(), EditError> {
        self.edit(|data, _, stamp| {
            Ok(data
                .set_rotation_start(body, office_rule, start, stamp)?
                .map(|c| (c, None)))
        })
    }

    /// Marks an obligation of Att göra handled or dismissed.
    pub fn note_due(&self, county: &CountyId, note: DueNote) -> Result<(), EditError> {
        self.edit(|data, _, stamp| Ok(data.note_due(county, note, stamp)?.map(|c| (c, None))))
    }

    /// Opens an obligation of Att göra again (removes its note).
    pub fn reopen_due(&self, county: &CountyId, item: &str) -> Result<(), EditError> {
        self.edit(|data, _, stamp| Ok(data.reopen_due(county, item, stamp)?.map(|c| (c, None))))
    }

    /// Keeps `value` in a field in conflict; the choice travels as a change.
    pub fn resolve_conflict(
        &self,
        record: &RecordRef,
        field: &str,
        item: Option<&str>,
        value: &Value,
    ) -> Result<(), EditError> {
        self.edit(|data, _, stamp| {
            let change =
                crate::exchange::resolve_conflict(data, record, field, item, value, stamp)?;
            Ok(Some((change, None)))
        })
    }

    /// Resolves a conflict on a text with a value the person wrote (e.g.
    /// both versions combined); the value travels as a change.
    pub fn combine_conflict(
        &self,
        conflict: &crate::exchange::Conflict,
        text: &str,
    ) -> Result<(), EditError> {
        self.edit(|data, _, stamp| {
            let change = crate::exchange::resolve_conflict_with_text(data, conflict, text, stamp)?;
            Ok(Some((change, None)))
        })
    }

    /// Marks an edit form open until the calling component is cleaned up:
    /// meanwhile the other tabs' changes wait, and are taken in when the
    /// last form closes.
    pub fn hold_other_tabs_while_mounted(&self) {
        let repo = *self;
        repo.open_forms.update_value(|n| *n += 1);
        on_cleanup(move || {
            repo.open_forms.update_value(|n| *n = n.saturating_sub(1));
            if repo.open_forms.get_value() == 0 {
                repo.take_in_held_back();
            }
        });
    }

    /// Whether another tab has saved changes that wait for the open forms
    /// to close (tracked).
    pub fn other_tabs_held_back(&self) -> bool {
        self.held_back.get()
    }

    /// Whether a write is under way whose content is not yet stored (the
    /// page must not reload yet).
    pub fn has_unsaved_changes(&self) -> bool {
        crate::browser::writes_under_way()
    }
}
