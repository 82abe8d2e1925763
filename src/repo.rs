//! The one reactive store of the app: the data set in a signal, provided as
//! context, with intent-named methods that change it through the core and
//! write the result behind to storage.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::prelude::*;
use serde_json::Value;

use crate::exchange::{self, Effect, Ledger, MergeReport, Origin, RecordRef, Scope};
use crate::i18n::{t, tf, Text};
use crate::model::{
    BodyId, Change, ChangeAction, ChangeStamp, CopyIdentity, Dataset, EditError, Editable, History,
    MeetingId, MinutesStep, NewAddendum, PlannedMeeting, RotationStart,
};
use crate::seed;
use crate::storage::{
    keys, open_browser_store, read_stored, BrowserStore, IndexedStore, MemoryStore, Persistence,
    SetAside, StorageError, Stored,
};

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
}

enum Backend {
    Browser(Persistence<BrowserStore>),
    /// Fallback when the browser's storage cannot be used.
    Memory(Persistence<MemoryStore>),
}

impl Backend {
    /// The data set kept in localStorage (by versions before IndexedDB, or
    /// when IndexedDB cannot be used), or the built-in one; and whether it
    /// came from storage.
    fn load_data_set(&mut self, notices: &mut Vec<DataNotice>) -> (Dataset, bool) {
        let loaded = match self {
            Backend::Browser(p) => p.load(|| built_in_or_empty(notices)),
            Backend::Memory(p) => p.load(|| built_in_or_empty(notices)),
        };
        match loaded {
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

    fn forget_data_set(&mut self) {
        let _ = match self {
            Backend::Browser(p) => p.forget_data_set(),
            Backend::Memory(p) => p.forget_data_set(),
        };
    }

    fn forget_value(&mut self, key: &str) {
        let _ = match self {
            Backend::Browser(p) => p.forget_value(key),
            Backend::Memory(p) => p.forget_value(key),
        };
    }

    fn save(&mut self, data: &Dataset) -> Result<(), StorageError> {
        match self {
            Backend::Browser(p) => p.save(data),
            Backend::Memory(p) => p.save(data),
        }
    }

    fn load_value<T: serde::de::DeserializeOwned + Default>(&self, key: &str) -> T {
        match self {
            Backend::Browser(p) => p.load_value(key),
            Backend::Memory(p) => p.load_value(key),
        }
    }

    fn save_value<T: serde::Serialize>(
        &mut self,
        key: &str,
        value: &T,
    ) -> Result<(), StorageError> {
        match self {
            Backend::Browser(p) => p.save_value(key, value),
            Backend::Memory(p) => p.save_value(key, value),
        }
    }
}

/// The largest exchange file accepted (a ten-year county archive is ~10 MB).
const MAX_IMPORT_BYTES: usize = 50 * 1024 * 1024;

/// What an import would do, shown before anything changes.
#[derive(Clone, Debug)]
pub struct ImportPreview {
    pub file_name: String,
    pub origin: Origin,
    pub created_at: String,
    pub scope: Scope,
    /// The records of the file.
    pub incoming: Dataset,
    /// The local data with the whole file merged in.
    pub merged: Dataset,
    pub report: MergeReport,
}

/// An exported file, ready to be offered for download.
pub struct ExportedFile {
    pub name: String,
    pub text: String,
    pub records: usize,
}

/// Where the write-behind of the data set stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Saving {
    Idle,
    Busy,
    /// A change came in while writing: write again when done.
    BusyAndChanged,
    /// Stored data that could not be read could not be set aside either:
    /// never overwrite it.
    Refused,
}

#[derive(Clone, Copy)]
pub struct Repo {
    data: RwSignal<Dataset>,
    /// The stored data has been read (until then pages wait).
    ready: RwSignal<bool>,
    notices: RwSignal<Vec<DataNotice>>,
    /// Small values (copy id, identity, exchange log), and the data set when
    /// IndexedDB cannot be used.
    backend: StoredValue<Backend, LocalStorage>,
    /// The data set, when IndexedDB can be used.
    indexed: StoredValue<Option<IndexedStore>, LocalStorage>,
    saving: StoredValue<Saving>,
    copy_id: StoredValue<String>,
    identity: RwSignal<CopyIdentity>,
    /// The exchange ledger. It lives in IndexedDB beside the data set: it
    /// holds every record version each party is known to have (0.75 M
    /// characters per party with a ten-year archive), more than localStorage
    /// (~5 M characters, 2.6 M in Safari) holds for a region's parties. It
    /// is read just after the first page is drawn (`ledger_read`); only the
    /// exchange page needs it, and that page waits for it.
    ledger: RwSignal<Ledger>,
    ledger_read: RwSignal<bool>,
    /// The data before the last import, for undo (this session only).
    before_import: StoredValue<Option<Dataset>>,
    /// Every change of the data set made here or imported (tracked).
    history: RwSignal<History>,
    /// The stored data's generation this tab last read or wrote; `None`
    /// before anything was stored.
    generation: StoredValue<Option<String>>,
    /// This tab, for naming the generations it writes.
    tab: StoredValue<String>,
    /// Tells the other tabs of this browser when this one has saved.
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    /// How many edit forms are open in this tab. While any is, another
    /// tab's saved changes wait (`held_back`), so the page under the form
    /// is not redrawn and nothing typed is lost.
    open_forms: StoredValue<usize>,
    held_back: RwSignal<bool>,
}

/// The BroadcastChannel the tabs of one browser profile talk over.
const TAB_CHANNEL: &str = "samverkan";

fn built_in_or_empty(notices: &mut Vec<DataNotice>) -> Dataset {
    seed::built_in().unwrap_or_else(|e| {
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
        let identity = backend.load_value(keys::IDENTITY);
        let history = backend.load_value(keys::HISTORY);
        let repo = Repo {
            data: RwSignal::new(Dataset::default()),
            ready: RwSignal::new(false),
            notices: RwSignal::new(notices),
            backend: StoredValue::new_local(backend),
            indexed: StoredValue::new_local(None),
            saving: StoredValue::new(Saving::Idle),
            copy_id: StoredValue::new(copy_id),
            identity: RwSignal::new(identity),
            ledger: RwSignal::new(Ledger::default()),
            ledger_read: RwSignal::new(false),
            before_import: StoredValue::new(None),
            history: RwSignal::new(history),
            generation: StoredValue::new(None),
            tab: StoredValue::new(random_hex()),
            channel: StoredValue::new_local(None),
            open_forms: StoredValue::new(0),
            held_back: RwSignal::new(false),
        };
        provide_context(repo);
        repo.listen_to_other_tabs();
        leptos::task::spawn_local(repo.load());
        repo
    }

    /// Whether the stored data has been read.
    pub fn is_ready(&self) -> bool {
        self.ready.get()
    }

    /// Reads the data set from IndexedDB; on first use there, moves over what
    /// an earlier version kept in localStorage. Without IndexedDB (blocked,
    /// private mode) localStorage keeps the data set as before.
    async fn load(self) {
        let mut notices = Vec::new();
        let data = match IndexedStore::open().await {
            Ok(indexed) => match read_snapshot(&indexed).await {
                Ok(StoredSnapshot {
                    data: Some(raw),
                    history,
                    generation,
                }) => match read_stored(&raw) {
                    Ok(data) => {
                        self.indexed.set_value(Some(indexed));
                        self.history.set(history);
                        self.generation.set_value(generation);
                        data
                    }
                    Err(reason) => {
                        let key = format!("{}{}", keys::QUARANTINE_PREFIX, js_sys::Date::now());
                        let kept_as = indexed
                            .write_value(&key, Stored::Bytes(&raw))
                            .await
                            .ok()
                            .map(|_| key);
                        if kept_as.is_none() {
                            self.saving.set_value(Saving::Refused);
                        }
                        notices.push(DataNotice::SetAside(SetAside { reason, kept_as }));
                        self.indexed.set_value(Some(indexed));
                        built_in_or_empty(&mut notices)
                    }
                },
                Ok(StoredSnapshot { data: None, .. }) => {
                    let (data, restored) = self
                        .backend
                        .try_update_value(|b| b.load_data_set(&mut notices))
                        .unwrap_or_else(|| (built_in_or_empty(&mut notices), false));
                    if restored {
                        let json = serde_json::to_vec(&data).unwrap_or_default();
                        match indexed
                            .write_value(keys::DATASET, Stored::Bytes(&json))
                            .await
                        {
                            Ok(()) => {
                                self.backend.update_value(Backend::forget_data_set);
                                self.indexed.set_value(Some(indexed));
                            }
                            // Stay on localStorage, where the data is.
                            Err(e) => notices.push(DataNotice::StorageUnavailable(e.to_string())),
                        }
                    } else {
                        self.indexed.set_value(Some(indexed));
                    }
                    data
                }
                Err(e) => {
                    notices.push(DataNotice::StorageUnavailable(e.to_string()));
                    self.load_from_backend(&mut notices)
                }
            },
            Err(_) => self.load_from_backend(&mut notices),
        };
        self.data.set(data);
        if !notices.is_empty() {
            self.notices.update(|n| n.extend(notices));
        }
        self.ready.set(true);
        // After the first page is on screen: only the exchange page needs the ledger.
        after_next_paint().await;
        self.read_ledger().await;
    }

    fn load_from_backend(&self, notices: &mut Vec<DataNotice>) -> Dataset {
        self.backend
            .try_update_value(|b| b.load_data_set(notices).0)
            .unwrap_or_else(|| built_in_or_empty(notices))
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

    pub fn dismiss_notice(&self, index: usize) {
        self.notices.update(|n| {
            if index < n.len() {
                n.remove(index);
            }
        });
    }

    fn stamp(&self) -> ChangeStamp {
        self.identity
            .with_untracked(|i| i.stamp(&self.copy_id.get_value(), &now()))
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
        self.backend
            .try_update_value(|b| b.save_value(keys::IDENTITY, &identity))
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

    /// Reads the ledger: from IndexedDB, or where an earlier version (or a
    /// browser without IndexedDB) kept it, localStorage; from there it moves
    /// to IndexedDB.
    async fn read_ledger(self) {
        let indexed = self.indexed.get_value();
        let stored = match &indexed {
            Some(indexed) => indexed.read_bytes(keys::EXCHANGE_LEDGER).await,
            None => Ok(None),
        };
        let (ledger, to_move) = match stored {
            Ok(Some(raw)) => (serde_json::from_slice(&raw).unwrap_or_default(), false),
            Ok(None) => {
                let local: Ledger = self
                    .backend
                    .with_value(|b| b.load_value(keys::EXCHANGE_LEDGER));
                let to_move = indexed.is_some() && local != Ledger::default();
                (local, to_move)
            }
            Err(e) => {
                self.notices
                    .update(|n| n.push(DataNotice::StorageUnavailable(e.to_string())));
                (Ledger::default(), false)
            }
        };
        self.ledger.set(ledger);
        self.ledger_read.set(true);
        if to_move {
            self.save_ledger();
        }
    }

    fn update_ledger(&self, f: impl FnOnce(&mut Ledger)) {
        self.ledger.update(f);
        self.save_ledger();
    }

    /// Writes the ledger behind; in IndexedDB, after which a copy an earlier
    /// version kept in localStorage is removed.
    fn save_ledger(&self) {
        let Some(indexed) = self.indexed.get_value() else {
            let outcome = self.ledger.with_untracked(|ledger| {
                self.backend
                    .try_update_value(|b| b.save_value(keys::EXCHANGE_LEDGER, ledger))
            });
            if let Some(Err(e)) = outcome {
                self.notices
                    .update(|n| n.push(DataNotice::SaveFailed(e.to_string())));
            }
            return;
        };
        let json = self
            .ledger
            .with_untracked(serde_json::to_vec)
            .unwrap_or_default();
        let repo = *self;
        mark_saving(true);
        // Writes start in the order of the changes, so the last one lands last.
        leptos::task::spawn_local(async move {
            match indexed
                .write_value(keys::EXCHANGE_LEDGER, Stored::Bytes(&json))
                .await
            {
                Ok(()) => repo
                    .backend
                    .update_value(|b| b.forget_value(keys::EXCHANGE_LEDGER)),
                Err(e) => repo
                    .notices
                    .update(|n| n.push(DataNotice::SaveFailed(e.to_string()))),
            }
            mark_saving(false);
        });
    }

    fn origin(&self) -> Origin {
        Origin {
            organisation: self.identity.with_untracked(|i| i.organisation.clone()),
            copy_id: self.copy_id.get_value(),
        }
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

    /// Deletes a record (a tombstone that can be undone and travels).
    pub fn delete(&self, record: &RecordRef) -> Result<(), EditError> {
        self.edit(|data, _, stamp| Ok(Some((data.delete_record(record, stamp)?, None))))
    }

    /// Brings a deleted record back.
    pub fn undelete(&self, record: &RecordRef) -> Result<(), EditError> {
        let values = [("deleted".to_owned(), Value::Bool(false))];
        self.edit(|data, _, stamp| {
            Ok(data
                .apply_values(record, &values, ChangeAction::Undeleted, stamp)?
                .map(|c| (c, None)))
        })
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

    /// Moves minutes through the justering workflow.
    pub fn take_minutes_step(
        &self,
        meeting: &MeetingId,
        step: MinutesStep,
    ) -> Result<(), EditError> {
        self.edit(|data, _, stamp| Ok(Some((data.take_minutes_step(meeting, step, stamp)?, None))))
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
    /// the history with this copy's stamp, then data and history are saved
    /// together.
    fn edit(
        &self,
        edit: impl FnOnce(
            &mut Dataset,
            &History,
            ChangeStamp,
        ) -> Result<Option<(Change, Option<String>)>, EditError>,
    ) -> Result<(), EditError> {
        let stamp = self.stamp();
        let for_edit = stamp.clone();
        let mut kept = None;
        let result = self.history.with_untracked(|history| {
            self.change(|data| {
                let change = edit(data, history, for_edit)?;
                let changed = change.is_some();
                kept = change;
                Ok(changed)
            })
        });
        if let Some((change, undoes)) = kept {
            self.history.update(|h| {
                h.keep_by(&self.tab.get_value(), change, stamp, undoes);
            });
        }
        result
    }

    /// Adds a planned meeting to a body; returns its id.
    pub fn plan_meeting(&self, planned: PlannedMeeting) -> Result<MeetingId, EditError> {
        let id = MeetingId::new(format!("{}-{}", planned.body, random_hex()));
        let stamp = self.stamp();
        let new_id = id.clone();
        self.change(|data| data.plan_meeting(planned, new_id, stamp).map(|_| true))?;
        Ok(id)
    }

    /// Removes a planned meeting.
    pub fn cancel_planned_meeting(&self, id: &MeetingId) -> Result<(), EditError> {
        let stamp = self.stamp();
        self.change(|data| data.cancel_planned_meeting(id, stamp))
    }

    /// Records when a body's review rule was last carried out.
    pub fn record_review(
        &self,
        body: &BodyId,
        rule: usize,
        date: NaiveDate,
    ) -> Result<(), EditError> {
        let stamp = self.stamp();
        self.change(|data| data.record_review(body, rule, date, stamp))
    }

    /// Places a body by hand in the structure diagram (top-left corner of
    /// its box, in diagram units).
    pub fn place_body(&self, body: &BodyId, x: f64, y: f64) -> Result<(), EditError> {
        let stamp = self.stamp();
        self.change(|data| data.place_body(body, x, y, stamp))
    }

    /// Returns bodies placed by hand to their computed place in the diagram.
    pub fn reset_positions(&self, bodies: &[BodyId]) -> Result<(), EditError> {
        let stamp = self.stamp();
        self.change(|data| Ok(data.reset_positions(bodies, stamp)))
    }

    /// Records which party held a rotating office in which year.
    pub fn set_rotation_start(
        &self,
        body: &BodyId,
        office_rule: usize,
        start: RotationStart,
    ) -> Result<(), EditError> {
        let stamp = self.stamp();
        self.change(|data| data.set_rotation_start(body, office_rule, start, stamp))
    }

    /// The part of this copy's data that `scope` names, as an exchange file
    /// (pretty JSON), noted in the exchange log.
    pub fn export(&self, scope: Scope) -> ExportedFile {
        let origin = self.origin();
        let now = now();
        let (data, part) = self.data.with_untracked(|data| match &scope {
            Scope::All => (data.clone(), None),
            Scope::County { county } => {
                let name = data.county(county).map(|c| c.name.clone());
                (exchange::county_subset(data, county), name)
            }
            Scope::ChangesFor { party } => {
                let known = self.ledger.with_untracked(|l| l.known_by(party));
                let to = self.ledger.with_untracked(|l| {
                    l.parties
                        .get(party)
                        .and_then(|p| p.organisation.clone())
                        .unwrap_or_else(|| party.clone())
                });
                (
                    exchange::unknown_to(data, &known),
                    Some(format!("ändringar till {to}")),
                )
            }
        });
        let name = exchange::file_name(origin.organisation.as_deref(), part.as_deref(), today());
        let text = exchange::export_scoped(&data, origin, &now, scope.clone());
        let records = exchange::record_count(&data);
        self.update_ledger(|l| l.note_export(&name, &now, scope, &data));
        ExportedFile {
            name,
            text,
            records,
        }
    }

    /// Reads an exchange file and works out what importing it would do,
    /// without changing anything. `progress` hears each step; the page is
    /// given back to the browser between steps.
    pub async fn preview_import(
        &self,
        file_name: &str,
        bytes: &[u8],
        progress: impl Fn(&'static str),
    ) -> Result<ImportPreview, String> {
        progress(t(Text::ImportProgressChecking));
        yield_to_browser().await;
        // The three steps of exchange::parse, each in a task of its own.
        let parsed = exchange::parse_json(bytes, MAX_IMPORT_BYTES).map_err(|e| e.to_string())?;
        yield_to_browser().await;
        let checked = parsed.check().map_err(|e| e.to_string())?;
        yield_to_browser().await;
        let imported = checked.read().map_err(|e| e.to_string())?;
        progress(t(Text::ImportProgressMerging));
        yield_to_browser().await;
        let merged = self
            .data
            .with_untracked(|local| exchange::merge(local, &imported.data))
            .map_err(|e| e.to_string())?;
        exchange::check_merged(&merged).map_err(|e| e.to_string())?;
        progress(t(Text::ImportProgressComparing));
        yield_to_browser().await;
        let report = self
            .data
            .with_untracked(|local| MergeReport::compare(local, &merged));
        Ok(ImportPreview {
            file_name: file_name.to_owned(),
            origin: imported.origin,
            created_at: imported.created_at,
            scope: imported.scope,
            incoming: imported.data,
            merged,
            report,
        })
    }

    /// Swaps in the merged data in one step, without the records the user
    /// left out, keeping the previous data so the import can be undone.
    pub fn apply_import(
        &self,
        preview: ImportPreview,
        left_out: &BTreeSet<RecordRef>,
    ) -> Result<Effect, String> {
        let (merged, report) = if left_out.is_empty() {
            (preview.merged, preview.report)
        } else {
            let taken = exchange::without(&preview.incoming, left_out);
            let merged = self
                .data
                .with_untracked(|local| exchange::merge(local, &taken))
                .map_err(|e| e.to_string())?;
            exchange::check_merged(&merged)
                .map_err(|e| tf(Text::ImportIncludeReferenced, &[&e]))?;
            let report = self
                .data
                .with_untracked(|local| MergeReport::compare(local, &merged));
            (merged, report)
        };
        let effect = Effect::of(&report, left_out.len());
        // Swapped, not copied: the previous data moves to the undo slot.
        let previous = self.data.try_update(|data| std::mem::replace(data, merged));
        self.before_import.set_value(previous);
        self.save_behind();
        self.update_ledger(|l| {
            l.note_import(
                &preview.origin,
                &preview.file_name,
                &now(),
                preview.scope,
                &preview.incoming,
                effect.clone(),
            )
        });
        Ok(effect)
    }

    pub fn can_undo_import(&self) -> bool {
        self.before_import.with_value(Option::is_some)
    }

    /// Restores the data as it was before the last import.
    pub fn undo_import(&self) -> bool {
        let Some(previous) = self.before_import.try_update_value(Option::take).flatten() else {
            return false;
        };
        self.data.set(previous);
        self.save_behind();
        self.update_ledger(Ledger::note_undo);
        true
    }

    /// Keeps `value` in a field in conflict; the choice travels as a change.
    pub fn resolve_conflict(
        &self,
        record: &RecordRef,
        field: &str,
        value: &Value,
    ) -> Result<(), EditError> {
        let stamp = self.stamp();
        self.change(|data| {
            exchange::resolve_conflict(data, record, field, value, stamp).map(|_| true)
        })
    }

    /// Applies a core change. Readers are notified, and the data saved, only
    /// when something changed: a refused change leaves the views (and any
    /// open form with its message) as they are.
    fn change(
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
                    message: t(Text::DataBusy).into(),
                })
            });
        if matches!(result, Ok(true)) {
            self.save_behind();
        }
        result.map(|_| ())
    }

    /// Writes the data after the current event has been handled, so the UI
    /// never waits for storage. With IndexedDB, one write runs at a time and
    /// changes made meanwhile are written together after it.
    fn save_behind(&self) {
        let repo = *self;
        if self.indexed.with_value(Option::is_some) {
            match self.saving.get_value() {
                Saving::Idle => self.saving.set_value(Saving::Busy),
                Saving::Busy => {
                    self.saving.set_value(Saving::BusyAndChanged);
                    return;
                }
                Saving::BusyAndChanged | Saving::Refused => return,
            }
            mark_saving(true);
            leptos::task::spawn_local(async move {
                repo.write_to_indexed().await;
                mark_saving(false);
            });
            return;
        }
        leptos::task::spawn_local(async move {
            let outcome = repo.data.with_untracked(|data| {
                repo.backend.try_update_value(|b| {
                    b.save(data)?;
                    repo.history
                        .with_untracked(|h| b.save_value(keys::HISTORY, h))
                })
            });
            if let Some(Err(e)) = outcome {
                repo.notices
                    .update(|n| n.push(DataNotice::SaveFailed(e.to_string())));
            }
        });
    }
}

impl Repo {
    /// Writes the data set and its history, and only if no other tab has
    /// written since this one last read or wrote; otherwise merges the
    /// stored data in first (the merge loses nothing) and tries again.
    async fn write_to_indexed(self) {
        let Some(indexed) = self.indexed.get_value() else {
            return;
        };
        // Written in a task of its own: serialising a large data set should
        // not lengthen the one that changed it (and drew the change).
        yield_to_browser().await;
        loop {
            let (json, history) = self.data.with_untracked(|data| {
                let history = self.history.with_untracked(serde_json::to_string);
                (
                    serde_json::to_vec(data).unwrap_or_default(),
                    history.unwrap_or_default(),
                )
            });
            let expected = self.generation.get_value();
            let next = next_generation(expected.as_deref(), &self.tab.get_value());
            let writes = [
                (keys::DATASET, Stored::Bytes(&json)),
                (keys::HISTORY, Stored::Text(&history)),
                (keys::GENERATION, Stored::Text(&next)),
            ];
            match indexed
                .write_if_current(keys::GENERATION, expected.as_deref(), &writes)
                .await
            {
                Ok(true) => {
                    self.generation.set_value(Some(next.clone()));
                    self.tell_other_tabs(&next);
                }
                Ok(false) => {
                    // Another tab saved first: take its data in, then write
                    // the union (the loop comes round again).
                    self.saving.set_value(Saving::BusyAndChanged);
                    if let Err(e) = self.absorb_stored(&indexed).await {
                        self.notices.update(|n| n.push(DataNotice::SaveFailed(e)));
                        self.saving.set_value(Saving::Idle);
                        return;
                    }
                }
                Err(e) => self
                    .notices
                    .update(|n| n.push(DataNotice::SaveFailed(e.to_string()))),
            }
            if self.saving.get_value() == Saving::BusyAndChanged {
                self.saving.set_value(Saving::Busy);
            } else {
                self.saving.set_value(Saving::Idle);
                return;
            }
        }
    }

    /// Merges what another tab stored into this tab's data and history.
    async fn absorb_stored(self, indexed: &IndexedStore) -> Result<(), String> {
        let snapshot = read_snapshot(indexed).await.map_err(|e| e.to_string())?;
        if let Some(raw) = snapshot.data {
            let stored = read_stored(&raw)?;
            let merged = self
                .data
                .with_untracked(|local| exchange::merge(local, &stored))
                .map_err(|e| e.to_string())?;
            self.data.maybe_update(|data| {
                let changed = *data != merged;
                if changed {
                    *data = merged;
                }
                changed
            });
        }
        self.history.update(|h| h.absorb(&snapshot.history));
        self.generation.set_value(snapshot.generation);
        Ok(())
    }

    fn tell_other_tabs(&self, generation: &str) {
        self.channel.with_value(|channel| {
            if let Some(channel) = channel {
                let _ = channel.post_message(&wasm_bindgen::JsValue::from_str(generation));
            }
        });
    }

    /// When another tab has saved, takes its changes in (unless this tab is
    /// saving: then its write finds the new generation and merges anyway).
    fn listen_to_other_tabs(&self) {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let Ok(channel) = web_sys::BroadcastChannel::new(TAB_CHANNEL) else {
            return;
        };
        let repo = *self;
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let generation = event.data().as_string();
                if generation.is_none() || generation == repo.generation.get_value() {
                    return;
                }
                if repo.saving.get_value() != Saving::Idle {
                    return;
                }
                if repo.open_forms.get_value() > 0 {
                    repo.held_back.set(true);
                    return;
                }
                repo.take_in_other_tabs();
            },
        );
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The listener lives as long as the page.
        on_message.forget();
        self.channel.set_value(Some(channel));
    }

    /// Reads and merges what the other tabs have stored.
    fn take_in_other_tabs(self) {
        let Some(indexed) = self.indexed.get_value() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Err(e) = self.absorb_stored(&indexed).await {
                self.notices.update(|n| n.push(DataNotice::SaveFailed(e)));
            }
        });
    }

    /// Marks an edit form open until the calling component is cleaned up:
    /// meanwhile the other tabs' changes wait, and are taken in when the
    /// last form closes (a save merges them anyway).
    pub fn hold_other_tabs_while_mounted(&self) {
        let repo = *self;
        repo.open_forms.update_value(|n| *n += 1);
        on_cleanup(move || {
            repo.open_forms.update_value(|n| *n = n.saturating_sub(1));
            if repo.open_forms.get_value() == 0 && repo.held_back.get_untracked() {
                repo.held_back.set(false);
                repo.take_in_other_tabs();
            }
        });
    }

    /// Whether another tab has saved changes that wait for the open forms
    /// to close (tracked).
    pub fn other_tabs_held_back(&self) -> bool {
        self.held_back.get()
    }

    /// Whether a change is still being written to storage (the page must not reload yet).
    pub fn has_unsaved_changes(&self) -> bool {
        writes_under_way()
    }
}

thread_local! {
    /// Writes under way: the data set's and the ledger's.
    static WRITES_UNDER_WAY: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Marks the page while changes are being written (`data-saving` on the
/// root element, until the last of the writes under way has ended), for the
/// update prompt and for tests that reload.
fn mark_saving(on: bool) {
    let under_way = WRITES_UNDER_WAY.with(|count| {
        let next = if on {
            count.get() + 1
        } else {
            count.get().saturating_sub(1)
        };
        count.set(next);
        next
    });
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = if under_way > 0 {
        root.set_attribute("data-saving", "")
    } else {
        root.remove_attribute("data-saving")
    };
}

/// Whether any write is under way (the data set's or the ledger's).
fn writes_under_way() -> bool {
    WRITES_UNDER_WAY.with(|count| count.get() > 0)
}

/// The generation a tab writes next: its own name and one more than the
/// count in the generation it replaces.
fn next_generation(current: Option<&str>, tab: &str) -> String {
    let count = current
        .and_then(|g| g.rsplit(':').next())
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0);
    format!("{tab}:{}", count + 1)
}

/// The data set, its history and its generation, read together.
struct StoredSnapshot {
    /// The data set's JSON as UTF-8.
    data: Option<Vec<u8>>,
    history: History,
    generation: Option<String>,
}

async fn read_snapshot(indexed: &IndexedStore) -> Result<StoredSnapshot, StorageError> {
    let mut values = indexed
        .read_all(&[keys::DATASET, keys::HISTORY, keys::GENERATION])
        .await?
        .into_iter();
    let data = values.next().flatten();
    let history = values
        .next()
        .flatten()
        .and_then(|raw| serde_json::from_slice(&raw).ok())
        .unwrap_or_default();
    let generation = values
        .next()
        .flatten()
        .map(|raw| String::from_utf8_lossy(&raw).into_owned());
    Ok(StoredSnapshot {
        data,
        history,
        generation,
    })
}

fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Lets the browser handle input and paint before the next step of a long
/// piece of work.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until the browser has drawn a frame (the next animation frame, then
/// a task after it): for work that must not delay the first page.
async fn after_next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    yield_to_browser().await;
}

fn random_hex() -> String {
    let random = (js_sys::Math::random() * 2f64.powi(48)) as u64;
    format!("{random:012x}")
}

fn new_copy_id() -> String {
    format!("copy-{}", random_hex())
}

/// Today's date in the browser's time zone, or the date given by the
/// `?idag=YYYY-MM-DD` query parameter at start (a hook for tests and for
/// looking at what was due on a past day).
pub fn today() -> NaiveDate {
    *TODAY.get_or_init(|| date_from_address().unwrap_or_else(browser_today))
}

static TODAY: std::sync::OnceLock<NaiveDate> = std::sync::OnceLock::new();

fn browser_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

fn date_from_address() -> Option<NaiveDate> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("idag="))?
        .parse()
        .ok()
}

/// A stored moment (RFC 3339) in the browser's time zone, in Swedish.
pub fn local_moment(at: &str) -> String {
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    crate::format::moment(at, offset)
}
