//! How the store's state reaches storage and the other tabs, following the
//! core's protocol (`crate::journal`): the stored state is a checkpoint (in
//! IndexedDB: data set, history, exchange ledger and generation, written in
//! one transaction) plus a journal of entries, one per change.
//!
//! - A change's entry goes to localStorage, synchronously, before the
//!   method that made the change returns: a reload, a closed tab or a
//!   crashed renderer right after loses nothing. A copy goes to IndexedDB
//!   right after (`mirror_to_state_store`): it survives the browser dropping
//!   localStorage on a full disk, and its failure reports the full disk. An entry too large for it
//!   (an import) goes to IndexedDB; the page shows "Sparar …" and asks
//!   before being left until that write has committed.
//! - Other tabs hear of a localStorage entry through the `storage` event
//!   (which carries the entry), of an IndexedDB entry through a
//!   BroadcastChannel, and merge it in.
//! - After [`CHECKPOINT_AFTER_ENTRIES`] entries (or an IndexedDB entry) and
//!   a quiet moment, a tab writes a checkpoint if the stored generation is
//!   still the one it holds, and removes the entries the checkpoint holds.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{Backend, DataNotice, Repo, SaveState};
use crate::browser::{after_next_paint, mark_saving, sleep, writes_under_way};
use crate::exchange::{merge_into, Ledger};
use crate::i18n::{t, Text};
use crate::journal::{JournalEntry, Replica, TabSync};
use crate::model::{Dataset, History};
use crate::storage::{
    keys, open_state_store, read_stored, SetAside, StateStore, StorageError, Stored,
};

/// Entries up to this size go to localStorage, written synchronously; an
/// ordinary edit's entry is a few kB. Larger ones go to IndexedDB.
const LOCAL_ENTRY_LIMIT: usize = 256 * 1024;
/// A checkpoint is written once a tab holds this many journal entries.
const CHECKPOINT_AFTER_ENTRIES: usize = 50;
/// …after this long without another change.
const CHECKPOINT_DELAY_MS: i32 = 1500;
/// The BroadcastChannel the tabs of one browser profile talk over.
const TAB_CHANNEL: &str = "samverkan";
const ENTRY_MESSAGE: &str = "entry:";

fn storage_key(entry: &str) -> String {
    format!("{}{entry}", keys::JOURNAL_PREFIX)
}

/// What a failed write tells the user: a full store says what to do about it.
fn failure_message(error: StorageError) -> String {
    match error {
        StorageError::QuotaExceeded => t(Text::SaveFailedStorageFull).to_owned(),
        other => other.to_string(),
    }
}

/// The checkpoint as read from the state store.
struct StoredCheckpoint {
    /// The data set's JSON as UTF-8.
    data: Option<Vec<u8>>,
    history: History,
    generation: Option<String>,
}

async fn read_checkpoint(state: &dyn StateStore) -> Result<StoredCheckpoint, StorageError> {
    let mut values = state
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
    Ok(StoredCheckpoint {
        data,
        history,
        generation,
    })
}

impl Repo {
    /// Opens the stored state: the checkpoint (on first use of IndexedDB,
    /// what an earlier version kept in localStorage is moved over) with every
    /// journal entry merged in.
    pub(super) async fn load(self) {
        let mut notices = Vec::new();
        let copy_id = self.copy_id.get_value();
        let writer = match crate::browser::claim_writer_slot(&copy_id).await {
            Some(0) => None,
            Some(slot) => Some(format!("{copy_id}/{slot}")),
            None => Some(format!("{copy_id}/{}", self.tab.get_value())),
        };
        self.writer.set_value(writer);

        let local_storage_works = self
            .backend
            .with_value(|b| matches!(b, Backend::Browser(_)));
        // Without localStorage the header already says nothing is kept.
        let state = open_state_store(local_storage_works).await;
        self.state.set_value(state.clone());
        // The journal first, then the checkpoint: a checkpoint removes the
        // entries it holds only once it is stored, so an entry gone by the
        // time it is looked for is in the checkpoint read after. (Read the
        // other way round, another tab's checkpoint landing in between would
        // take its entries away from both reads.) Every entry in the state
        // store, and the ones in localStorage (there at once, copied to the
        // state store after).
        let mut found = std::collections::BTreeMap::new();
        match state.read_prefix(keys::JOURNAL_PREFIX).await {
            Ok(stored) => found.extend(stored),
            Err(e) => notices.push(DataNotice::StorageUnavailable(e.to_string())),
        }
        let local_keys: Vec<String> = self
            .backend
            .with_value(|b| b.read(|p| p.keys()))
            .into_iter()
            .filter(|k| k.starts_with(keys::JOURNAL_PREFIX))
            .collect();
        for key in local_keys {
            if let Some(raw) = self.local_raw(&key) {
                found.insert(key, raw.into_bytes());
            }
        }
        let mut generation = None;
        let mut history = History::default();
        let data = match read_checkpoint(&*state).await {
            Ok(StoredCheckpoint {
                data: Some(raw),
                history: stored_history,
                generation: stored_generation,
            }) => match read_stored(&raw) {
                Ok(data) => {
                    history = stored_history;
                    generation = stored_generation;
                    data
                }
                Err(reason) => {
                    let key = format!("{}{}", keys::QUARANTINE_PREFIX, js_sys::Date::now());
                    let kept_as = state
                        .write(&key, Stored::Bytes(&raw))
                        .await
                        .ok()
                        .map(|_| key);
                    let fresh = super::built_in_or_empty(&mut notices);
                    if kept_as.is_some() {
                        // Kept aside: the fresh data takes the checkpoint's
                        // place at once, under the generation found, so that
                        // saving works again and the next start does not set
                        // the same data aside once more.
                        let json = serde_json::to_vec(&fresh).unwrap_or_default();
                        match state.write(keys::DATASET, Stored::Bytes(&json)).await {
                            Ok(()) => generation = stored_generation,
                            Err(e) => notices.push(DataNotice::StorageUnavailable(e.to_string())),
                        }
                    }
                    notices.push(DataNotice::SetAside(SetAside { reason, kept_as }));
                    fresh
                }
            },
            Ok(StoredCheckpoint { data: None, .. }) => {
                history = self.local_value(keys::HISTORY);
                self.move_legacy_data(&*state, &mut notices).await
            }
            Err(e) => {
                notices.push(DataNotice::StorageUnavailable(e.to_string()));
                super::built_in_or_empty(&mut notices)
            }
        };

        let mut entries = vec![];
        for (key, raw) in found {
            match JournalEntry::read(&raw) {
                Ok(entry) => entries.push(entry),
                Err(e) => notices.push(DataNotice::SetAside(SetAside {
                    reason: crate::i18n::tf(
                        Text::StoredUnreadable,
                        &[&e.line(), &e.column(), &crate::i18n::json_error_text(&e)],
                    ),
                    kept_as: Some(key),
                })),
            }
        }
        let checkpoint = Replica {
            data,
            history,
            ledger: Ledger::default(),
        };
        let (replica, merged, refused) = Replica::open(checkpoint, entries);
        for (key, e) in refused {
            notices.push(DataNotice::SetAside(SetAside {
                reason: e.to_string(),
                kept_as: Some(storage_key(&key)),
            }));
        }
        let held = merged.len();
        self.sync
            .set_value(TabSync::opened(self.tab.get_value(), generation, merged));
        self.data.set(replica.data);
        self.history.set(replica.history);
        self.ledger.set(replica.ledger);
        if !notices.is_empty() {
            self.notices.update(|n| n.extend(notices));
        }
        self.ready.set(true);
        // Entries heard of while loading.
        self.take_in_held_back();
        // After the first page is on screen: only the exchange page needs the ledger.
        after_next_paint().await;
        self.read_ledger().await;
        if held > 0 {
            self.schedule_checkpoint(held >= CHECKPOINT_AFTER_ENTRIES);
        }
    }

    fn local_raw(&self, key: &str) -> Option<String> {
        self.backend.with_value(|b| b.read(|p| p.read_raw(key)))
    }

    fn local_value<T: serde::de::DeserializeOwned + Default>(&self, key: &str) -> T {
        self.backend.with_value(|b| match b {
            Backend::Browser(p) => p.load_value(key),
            Backend::Memory(p) => p.load_value(key),
        })
    }

    /// The data set an earlier version kept in localStorage (or the
    /// built-in one on first start), written to the state store as its first
    /// checkpoint. Until that write succeeds it stays where it is, and a
    /// failed write keeps it there for the next start.
    async fn move_legacy_data(
        &self,
        state: &dyn StateStore,
        notices: &mut Vec<DataNotice>,
    ) -> Dataset {
        let (data, restored) = self
            .backend
            .try_update_value(|b| b.with(|p| p.load_data(notices)))
            .unwrap_or_else(|| (super::built_in_or_empty(notices), false));
        if restored && !state.is_local_storage() {
            let json = serde_json::to_vec(&data).unwrap_or_default();
            let history = self.local_raw(keys::HISTORY);
            let mut writes = vec![(keys::DATASET, Stored::Bytes(&json))];
            if let Some(history) = &history {
                writes.push((keys::HISTORY, Stored::Text(history)));
            }
            match state
                .write_if_current(keys::GENERATION, None, &writes, &[])
                .await
            {
                Ok(_) => self.backend.update_value(|b| {
                    b.with(|p| {
                        p.forget(keys::DATASET);
                        p.forget(keys::HISTORY);
                    })
                }),
                Err(e) => notices.push(DataNotice::StorageUnavailable(e.to_string())),
            }
        }
        data
    }

    /// Reads the stored ledger and merges what journal entries brought into it.
    async fn read_ledger(self) {
        let state = self.state.get_value();
        let stored = state.read(keys::EXCHANGE_LEDGER).await;
        let stored: Ledger = match stored {
            Ok(Some(raw)) => serde_json::from_slice(&raw).unwrap_or_default(),
            // Where versions before IndexedDB kept it.
            Ok(None) => self.local_value(keys::EXCHANGE_LEDGER),
            Err(e) => {
                self.notify(DataNotice::StorageUnavailable(e.to_string()));
                Ledger::default()
            }
        };
        self.ledger.update(|ledger| {
            let mut all = stored;
            all.absorb(ledger);
            *ledger = all;
        });
        self.ledger_read.set(true);
    }

    /// Stores one change: the records it touched, its history entries and
    /// exchange-log lines, as one journal entry. An ordinary edit's entry is
    /// in localStorage when this returns.
    pub(super) fn commit(
        &self,
        records: Dataset,
        history: Vec<crate::model::HistoryEntry>,
        ledger: Ledger,
    ) {
        if self.backend.with_value(|b| matches!(b, Backend::Memory(_))) {
            return;
        }
        let key = self
            .sync
            .try_update_value(|s| s.next_key())
            .unwrap_or_default();
        let entry = JournalEntry {
            key: key.clone(),
            records,
            history,
            ledger,
        };
        if entry.is_empty() {
            return;
        }
        self.sync.update_value(|s| s.merged(key.clone()));
        let json = entry.to_json();
        let at = storage_key(&key);
        let mut local_error = None;
        if json.len() <= LOCAL_ENTRY_LIMIT {
            let written = self
                .backend
                .try_update_value(|b| b.with(|p| p.write_raw(&at, &json)));
            match written {
                Some(Ok(())) => {
                    self.settle_save_state();
                    self.mirror_to_state_store(at, json);
                    self.schedule_checkpoint(false);
                    return;
                }
                Some(Err(e)) => local_error = Some(e),
                None => {}
            }
        }
        let state = self.state.get_value();
        if state.is_local_storage() {
            self.save_failed(local_error.unwrap_or(StorageError::QuotaExceeded));
            return;
        }
        let repo = *self;
        mark_saving(true);
        self.save_state.set(SaveState::Saving);
        leptos::task::spawn_local(async move {
            match state.write(&at, Stored::Bytes(json.as_bytes())).await {
                Ok(()) => {
                    repo.tell_other_tabs(&key);
                    mark_saving(false);
                    repo.settle_save_state();
                    repo.schedule_checkpoint(true);
                }
                Err(e) => {
                    mark_saving(false);
                    repo.save_failed(e);
                }
            }
        });
    }

    /// Writes a copy of a localStorage entry to the state store (IndexedDB) too. localStorage
    /// has the entry at once (a reload right after finds it); this copy is
    /// what remains if the browser cannot keep localStorage (Chromium drops
    /// an origin's whole localStorage after repeated failed commits on a full
    /// disk), and its failure is how a full disk is noticed and said.
    fn mirror_to_state_store(&self, at: String, json: String) {
        let state = self.state.get_value();
        if state.is_local_storage() {
            return;
        }
        let repo = *self;
        leptos::task::spawn_local(async move {
            match state.write(&at, Stored::Bytes(json.as_bytes())).await {
                Ok(()) => {}
                Err(StorageError::QuotaExceeded) => repo.notify(DataNotice::StorageNearlyFull),
                Err(e) => repo.notify(DataNotice::SaveFailed(e.to_string())),
            }
        });
    }

    fn settle_save_state(&self) {
        let state = if writes_under_way() {
            SaveState::Saving
        } else {
            SaveState::Saved
        };
        if self.save_state.get_untracked() != state {
            self.save_state.set(state);
        }
    }

    fn save_failed(&self, error: StorageError) {
        self.save_state.set(SaveState::Failed);
        self.notify(DataNotice::SaveFailed(failure_message(error)));
    }

    fn tell_other_tabs(&self, entry: &str) {
        self.channel.with_value(|channel| {
            if let Some(channel) = channel {
                let message = format!("{ENTRY_MESSAGE}{entry}");
                let _ = channel.post_message(&wasm_bindgen::JsValue::from_str(&message));
            }
        });
    }

    /// Hears of the other tabs' entries: localStorage's `storage` event
    /// (with the entry), and the BroadcastChannel for IndexedDB entries.
    pub(super) fn listen_to_other_tabs(&self) {
        let repo = *self;
        if let Some(window) = web_sys::window() {
            let on_storage = Closure::<dyn FnMut(web_sys::StorageEvent)>::new(
                move |event: web_sys::StorageEvent| {
                    let (Some(key), Some(value)) = (event.key(), event.new_value()) else {
                        return;
                    };
                    if let Some(entry) = key.strip_prefix(keys::JOURNAL_PREFIX) {
                        repo.hear(entry.to_owned(), Some(value));
                    }
                },
            );
            let _ = window
                .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
            // The listener lives as long as the page.
            on_storage.forget();
            // Every change is in the journal already; when the page is hidden
            // (a tablet put away, a tab closed) is a good moment to fold the
            // journal into a checkpoint, so the next start reads less. Cut
            // short, it leaves the stored state as it was.
            let on_hidden = Closure::<dyn FnMut()>::new(move || {
                let hidden = web_sys::window()
                    .and_then(|w| w.document())
                    .is_some_and(|d| d.hidden());
                if hidden && !repo.checkpoint_pending.get_value() {
                    repo.checkpoint_pending.set_value(true);
                    leptos::task::spawn_local(async move {
                        repo.checkpoint().await;
                        repo.checkpoint_pending.set_value(false);
                    });
                }
            });
            if let Some(document) = window.document() {
                let _ = document.add_event_listener_with_callback(
                    "visibilitychange",
                    on_hidden.as_ref().unchecked_ref(),
                );
            }
            on_hidden.forget();
        }
        let Ok(channel) = web_sys::BroadcastChannel::new(TAB_CHANNEL) else {
            return;
        };
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let message = event.data().as_string().unwrap_or_default();
                if let Some(entry) = message.strip_prefix(ENTRY_MESSAGE) {
                    repo.hear(entry.to_owned(), None);
                }
            },
        );
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        self.channel.set_value(Some(channel));
    }

    /// Another tab wrote the entry `key` (`value`: its JSON, when the event
    /// carried it). Taken in now, or once loading is done and no form is open.
    fn hear(&self, key: String, value: Option<String>) {
        if !self.sync.with_value(|s| s.needs(&key)) {
            return;
        }
        if !self.ready.get_untracked() || self.open_forms.get_value() > 0 {
            self.held.update_value(|h| h.push_back(key));
            if self.ready.get_untracked() {
                self.held_back.set(true);
            }
            return;
        }
        let repo = *self;
        leptos::task::spawn_local(async move { repo.take_in(key, value).await });
    }

    /// Takes in what waited for the open forms to close (or for the load).
    pub(super) fn take_in_held_back(&self) {
        let keys: Vec<String> = self
            .held
            .try_update_value(|h| h.drain(..).collect())
            .unwrap_or_default();
        if self.held_back.get_untracked() {
            self.held_back.set(false);
        }
        if keys.is_empty() {
            return;
        }
        let repo = *self;
        leptos::task::spawn_local(async move {
            for key in keys {
                repo.take_in(key, None).await;
            }
            repo.schedule_checkpoint(false);
        });
    }

    /// Reads and merges another tab's entry; if it is gone from the
    /// journal, a checkpoint holds it: that is merged instead.
    async fn take_in(self, key: String, value: Option<String>) {
        if !self.sync.with_value(|s| s.needs(&key)) {
            return;
        }
        let at = storage_key(&key);
        let mut raw = value
            .or_else(|| self.local_raw(&at))
            .map(String::into_bytes);
        if raw.is_none() {
            let state = self.state.get_value();
            raw = state.read(&at).await.ok().flatten();
        }
        match raw {
            Some(raw) => match JournalEntry::read(&raw) {
                Ok(entry) => self.apply_entry(&entry),
                Err(e) => self.notify(DataNotice::SaveFailed(e.to_string())),
            },
            None => {
                if let Err(e) = self.absorb_stored_checkpoint().await {
                    self.notify(DataNotice::SaveFailed(e));
                }
            }
        }
    }

    fn apply_entry(&self, entry: &JournalEntry) {
        let mut outcome = Ok(false);
        self.data.maybe_update(|data| {
            outcome = merge_into(data, &entry.records);
            matches!(outcome, Ok(true))
        });
        if let Err(e) = outcome {
            // Not marked as merged: it stays in the journal.
            self.notify(DataNotice::SaveFailed(e.to_string()));
            return;
        }
        if !entry.history.is_empty() {
            self.history.update(|h| {
                h.absorb_entries(&entry.history);
            });
        }
        if !entry.ledger.is_empty() {
            self.ledger.update(|l| {
                l.absorb(&entry.ledger);
            });
        }
        self.sync.update_value(|s| s.merged(entry.key.clone()));
    }

    /// Merges the stored checkpoint (another tab wrote it) into memory.
    async fn absorb_stored_checkpoint(self) -> Result<(), String> {
        let state = self.state.get_value();
        let snapshot = read_checkpoint(&*state).await.map_err(|e| e.to_string())?;
        let ledger = state
            .read(keys::EXCHANGE_LEDGER)
            .await
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_slice(&raw).ok())
            .unwrap_or_default();
        let data = match snapshot.data {
            Some(raw) => read_stored(&raw)?,
            None => Dataset::default(),
        };
        let generation = snapshot.generation;
        let stored = Replica {
            data,
            history: snapshot.history,
            ledger,
        };
        let mut outcome = Ok(false);
        self.data.maybe_update(|data| {
            outcome = merge_into(data, &stored.data);
            matches!(outcome, Ok(true))
        });
        outcome.map_err(|e| e.to_string())?;
        self.history.update(|h| {
            h.absorb_entries(&stored.history.entries);
        });
        self.ledger.update(|l| {
            l.absorb(&stored.ledger);
        });
        self.sync.update_value(|s| s.checkpoint_merged(generation));
        Ok(())
    }

    /// Plans a checkpoint once this tab holds enough entries (`soon`: after
    /// an IndexedDB entry, whatever the count), after a quiet moment.
    pub(super) fn schedule_checkpoint(&self, soon: bool) {
        let held = self.sync.with_value(|s| s.entries_held());
        if held == 0 || (!soon && held < CHECKPOINT_AFTER_ENTRIES) {
            return;
        }
        if self.checkpoint_pending.get_value() {
            return;
        }
        self.checkpoint_pending.set_value(true);
        let repo = *self;
        leptos::task::spawn_local(async move {
            sleep(CHECKPOINT_DELAY_MS).await;
            repo.checkpoint().await;
            repo.checkpoint_pending.set_value(false);
        });
    }

    /// Writes what this tab holds as the checkpoint, if no other tab has
    /// written one since this tab last read or wrote it (else merges that
    /// one first), and removes the journal entries it holds.
    async fn checkpoint(self) {
        for _ in 0..3 {
            if !self.ledger_read.get_untracked() || self.open_forms.get_value() > 0 {
                // Tried again when the forms close (take_in_held_back).
                return;
            }
            if self.sync.with_value(|s| s.entries_held()) == 0 {
                return;
            }
            let plan = self.sync.with_value(|s| s.plan_checkpoint());
            // Serialised at once, so it holds exactly the entries planned.
            let data = self
                .data
                .with_untracked(serde_json::to_vec)
                .unwrap_or_default();
            let history = self
                .history
                .with_untracked(serde_json::to_string)
                .unwrap_or_default();
            let ledger = self
                .ledger
                .with_untracked(serde_json::to_vec)
                .unwrap_or_default();
            let local_removes: Vec<String> = plan.removes.iter().map(|k| storage_key(k)).collect();
            let writes = [
                (keys::DATASET, Stored::Bytes(&data)),
                (keys::HISTORY, Stored::Text(&history)),
                (keys::EXCHANGE_LEDGER, Stored::Bytes(&ledger)),
                (keys::GENERATION, Stored::Text(&plan.next)),
            ];
            let state = self.state.get_value();
            let written = state
                .write_if_current(
                    keys::GENERATION,
                    plan.expected.as_deref(),
                    &writes,
                    &local_removes,
                )
                .await;
            match written {
                Ok(true) => {
                    self.sync.update_value(|s| s.checkpoint_written(&plan));
                    // The entries' localStorage copies, and the ledger where
                    // versions before IndexedDB kept it.
                    if !state.is_local_storage() {
                        self.backend.update_value(|b| {
                            b.with(|p| {
                                for key in &local_removes {
                                    p.forget(key);
                                }
                                p.forget(keys::EXCHANGE_LEDGER);
                            })
                        });
                    }
                    return;
                }
                Ok(false) => {
                    if let Err(e) = self.absorb_stored_checkpoint().await {
                        self.notify(DataNotice::SaveFailed(e));
                        return;
                    }
                }
                Err(e) => {
                    // Nothing is lost: the journal still holds every entry.
                    self.notify(DataNotice::SaveFailed(failure_message(e)));
                    return;
                }
            }
        }
    }
}
