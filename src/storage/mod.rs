//! The browser edge for persistence, in two layers:
//! - [`StateStore`] (`state.rs`): the async trait the stored state — the
//!   checkpoint and the journal's entries — lives behind: IndexedDB, or
//!   localStorage where IndexedDB cannot be used, or memory (and in native
//!   tests), chosen once by [`open_state_store`].
//! - [`Store`]: a synchronous string key-value store (localStorage in the
//!   browser, [`MemoryStore`] in native tests) under [`Persistence`], which
//!   keeps the small values (copy id, identity, language) and reads what
//!   versions before IndexedDB stored, setting aside what cannot be read.
//!   The journal writes an edit's entry here synchronously (`repo::persist`).

#[cfg(target_arch = "wasm32")]
mod indexed;
#[cfg(target_arch = "wasm32")]
mod local;
mod memory;
mod state;

#[cfg(target_arch = "wasm32")]
pub use indexed::IndexedStore;
#[cfg(target_arch = "wasm32")]
pub use local::LocalStore;
pub use memory::MemoryStore;
pub use state::{check_contract, KeyValueState, Pending, StateStore};

use thiserror::Error;

use crate::i18n::{t, tf, Text};
use crate::model::{Dataset, SCHEMA_VERSION};

/// The storage keys, in one place.
pub mod keys {
    pub const DATASET: &str = "samverkan.dataset";
    pub const COPY_ID: &str = "samverkan.copy-id";
    /// Who keeps this copy (organisation, person).
    pub const IDENTITY: &str = "samverkan.identity";
    /// The exchange log and what each party is known to hold (IndexedDB;
    /// localStorage without it, and in versions before it).
    pub const EXCHANGE_LEDGER: &str = "samverkan.exchange-ledger";
    /// The change history of the data set (IndexedDB, written with it).
    pub const HISTORY: &str = "samverkan.history";
    /// Who wrote the data set last and how many times: a tab that finds
    /// another value than it last saw merges the stored data in first.
    pub const GENERATION: &str = "samverkan.generation";
    /// Prefix of the journal's entries (localStorage, and IndexedDB for
    /// entries too large for it): `samverkan.journal.<entry key>`.
    pub const JOURNAL_PREFIX: &str = "samverkan.journal.";
    /// Prefix of keys holding stored data that could not be read.
    pub const QUARANTINE_PREFIX: &str = "samverkan.quarantine.";
    /// This copy's signing key pair (IndexedDB only: a `CryptoKeyPair`
    /// whose private key the page cannot read out).
    pub const SIGNING_KEY: &str = "samverkan.signing-key";
    /// The parties' keys this copy trusts (`exchange::TrustedKeys`).
    pub const TRUSTED_KEYS: &str = "samverkan.trusted-keys";
    /// The interface's language ("sv", "en").
    pub const LANGUAGE: &str = "samverkan.language";
    /// The accessibility statement's contact (`model::StatementContact`).
    pub const STATEMENT_CONTACT: &str = "samverkan.statement-contact";
    /// Reading or editing mode ("read", "edit"; reading when absent).
    pub const EDIT_MODE: &str = "samverkan.mode";
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error("{}", tf(Text::StorageUnavailable, &[&.0]))]
    Unavailable(String),
    #[error("{}", t(Text::StorageQuotaExceeded))]
    QuotaExceeded,
    #[error("{}", tf(Text::StorageOther, &[&.0]))]
    Other(String),
}

/// A value for IndexedDB. The data set is written as UTF-8 bytes: as a JS
/// string, Swedish text (å, ä, ö) takes two bytes a character, and every
/// write and read converted it between UTF-8 and UTF-16 (the start of an
/// archive spent most of its time there, scripts/bench.sh).
#[derive(Clone, Copy, Debug)]
pub enum Stored<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

/// A string key-value store (localStorage, or memory in tests).
pub trait Store {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn write(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// Reads a stored data set (JSON, as UTF-8 bytes), or says why it cannot be used.
pub fn read_stored(raw: &[u8]) -> Result<Dataset, String> {
    match serde_json::from_slice::<Dataset>(raw) {
        Ok(data) if data.schema_version <= SCHEMA_VERSION => Ok(data),
        Ok(data) => Err(tf(
            Text::StoredNewerSchema,
            &[&data.schema_version, &SCHEMA_VERSION],
        )),
        Err(e) => Err(tf(
            Text::StoredUnreadable,
            &[&e.line(), &e.column(), &crate::i18n::json_error_text(&e)],
        )),
    }
}

/// Stored data that could not be used, kept aside under `kept_as`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub reason: String,
    /// The key the unreadable data was copied to; `None` if it could not be
    /// copied, in which case it was left where it was and saving is disabled.
    pub kept_as: Option<String>,
}

/// What was found in storage at start.
#[derive(Debug)]
pub struct Loaded {
    pub data: Dataset,
    /// The data came from storage (not the built-in set).
    pub restored: bool,
    pub set_aside: Option<SetAside>,
}

/// The app's persistence, over any `Store`.
pub struct Persistence<S: Store> {
    store: S,
    /// False when saving would overwrite data that could not be set aside.
    saving_allowed: bool,
}

impl<S: Store> Persistence<S> {
    pub fn new(store: S) -> Self {
        Self {
            store,
            saving_allowed: true,
        }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// Loads the stored data set, or the built-in one on first start. Stored
    /// data that cannot be read is never replaced silently: it is copied aside
    /// and reported.
    pub fn load(&mut self, built_in: impl FnOnce() -> Dataset) -> Result<Loaded, StorageError> {
        let Some(raw) = self.store.read(keys::DATASET)? else {
            return Ok(Loaded {
                data: built_in(),
                restored: false,
                set_aside: None,
            });
        };
        let reason = match read_stored(raw.as_bytes()) {
            Ok(data) => {
                return Ok(Loaded {
                    data,
                    restored: true,
                    set_aside: None,
                })
            }
            Err(reason) => reason,
        };
        let kept_as = self.set_aside(&raw);
        self.saving_allowed = kept_as.is_some();
        if kept_as.is_some() {
            // Kept under `kept_as`: taken from where the next start reads, so
            // it is set aside once, not once more at every start.
            let _ = self.store.remove(keys::DATASET);
        }
        Ok(Loaded {
            data: built_in(),
            restored: false,
            set_aside: Some(SetAside { reason, kept_as }),
        })
    }

    fn set_aside(&mut self, raw: &str) -> Option<String> {
        let taken = self.store.keys().unwrap_or_default();
        let key = (1..)
            .map(|n| format!("{}{n}", keys::QUARANTINE_PREFIX))
            .find(|k| !taken.contains(k))?;
        self.store.write(&key, raw).ok().map(|_| key)
    }

    /// Removes the stored data set (after it moved to IndexedDB).
    pub fn forget_data_set(&mut self) -> Result<(), StorageError> {
        self.store.remove(keys::DATASET)
    }

    /// Removes a small value (after it moved to IndexedDB).
    pub fn forget_value(&mut self, key: &str) -> Result<(), StorageError> {
        self.store.remove(key)
    }

    /// Saves the whole data set in one write, so a failed write leaves the
    /// previous state intact.
    pub fn save(&mut self, data: &Dataset) -> Result<(), StorageError> {
        if !self.saving_allowed {
            return Err(StorageError::Other(t(Text::StorageKeptUnreadable).into()));
        }
        let json = serde_json::to_string(data).map_err(|e| StorageError::Other(e.to_string()))?;
        self.store.write(keys::DATASET, &json)
    }

    /// A small value kept under its own key (settings, the exchange log);
    /// missing or unreadable gives the default, which the next save replaces.
    pub fn load_value<T: serde::de::DeserializeOwned + Default>(&self, key: &str) -> T {
        self.store
            .read(key)
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_slice(raw.as_bytes()).ok())
            .unwrap_or_default()
    }

    pub fn save_value<T: serde::Serialize>(
        &mut self,
        key: &str,
        value: &T,
    ) -> Result<(), StorageError> {
        let json = serde_json::to_string(value).map_err(|e| StorageError::Other(e.to_string()))?;
        self.store.write(key, &json)
    }

    /// A value as it is to be stored (a journal entry, already JSON).
    pub fn write_value_raw(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if !self.saving_allowed {
            return Err(StorageError::Other(t(Text::StorageKeptUnreadable).into()));
        }
        self.store.write(key, value)
    }

    /// This copy's id, created on first use.
    pub fn copy_id(&mut self, new_id: impl FnOnce() -> String) -> Result<String, StorageError> {
        if let Some(id) = self.store.read(keys::COPY_ID)? {
            return Ok(id);
        }
        let id = new_id();
        self.store.write(keys::COPY_ID, &id)?;
        Ok(id)
    }

    /// Characters used by the app's keys, as the browser counts its quota.
    pub fn used_chars(&self) -> usize {
        self.store
            .keys()
            .unwrap_or_default()
            .iter()
            .filter(|k| k.starts_with("samverkan."))
            .filter_map(|k| self.store.read(k).ok().flatten().map(|v| k.len() + v.len()))
            .sum()
    }
}

/// Opens where the stored state lives: IndexedDB when the browser allows
/// it; else localStorage (when `local_storage_works`); else memory, which
/// keeps nothing past the tab.
pub async fn open_state_store(local_storage_works: bool) -> std::rc::Rc<dyn StateStore> {
    #[cfg(target_arch = "wasm32")]
    {
        if let Ok(indexed) = IndexedStore::open().await {
            return std::rc::Rc::new(indexed);
        }
        if local_storage_works {
            return std::rc::Rc::new(KeyValueState::new(LocalStore, true));
        }
    }
    let _ = local_storage_works;
    std::rc::Rc::new(KeyValueState::new(MemoryStore::default(), false))
}

/// The store the app runs on: localStorage in the browser, memory elsewhere
/// (native builds only compile the UI; they never run it).
#[cfg(target_arch = "wasm32")]
pub type BrowserStore = LocalStore;
#[cfg(not(target_arch = "wasm32"))]
pub type BrowserStore = MemoryStore;

/// Opens the browser's store, or says why it cannot be used.
pub fn open_browser_store() -> Result<BrowserStore, StorageError> {
    #[cfg(target_arch = "wasm32")]
    return LocalStore::open();
    #[cfg(not(target_arch = "wasm32"))]
    Ok(MemoryStore::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, BodyBasics, ChangeStamp};

    fn built_in() -> Dataset {
        crate::seed::built_in().unwrap()
    }

    fn edited() -> Dataset {
        let mut data = built_in();
        let id = data.bodies[0].id.clone();
        let body: &Body = data.body(&id).unwrap();
        let basics = BodyBasics {
            name: format!("{} (ändrad)", body.name),
            short_name: None,
        };
        let stamp = ChangeStamp {
            copy_id: "a".into(),
            writer: None,
            organisation: None,
            person: None,
            at: "2026-11-22T10:00:00Z".into(),
        };
        data.update_body_basics(&id, basics, stamp).unwrap();
        data
    }

    #[test]
    fn first_start_gives_the_built_in_data_and_writes_nothing() {
        let mut p = Persistence::new(MemoryStore::default());
        let loaded = p.load(built_in).unwrap();
        assert!(!loaded.restored);
        assert!(loaded.set_aside.is_none());
        assert_eq!(loaded.data, built_in());
        assert!(p.store().keys().unwrap().is_empty());
    }

    #[test]
    fn a_saved_change_is_loaded_again() {
        let mut p = Persistence::new(MemoryStore::default());
        p.save(&edited()).unwrap();
        let loaded = p.load(built_in).unwrap();
        assert!(loaded.restored);
        assert_eq!(loaded.data, edited());
    }

    #[test]
    fn unreadable_data_is_set_aside_not_replaced() {
        let mut store = MemoryStore::default();
        store.write(keys::DATASET, "{\"bodies\": [tru").unwrap();
        let mut p = Persistence::new(store);
        let loaded = p.load(built_in).unwrap();
        let set_aside = loaded.set_aside.expect("reported");
        assert!(set_aside.reason.contains("rad 1"), "{}", set_aside.reason);
        let key = set_aside.kept_as.expect("copied aside");
        assert_eq!(
            p.store().read(&key).unwrap().as_deref(),
            Some("{\"bodies\": [tru")
        );
        assert_eq!(loaded.data, built_in());
        // Set aside once: the next start finds nothing to set aside, and
        // saving works again.
        let again = p.load(built_in).unwrap();
        assert_eq!(again.set_aside, None);
        p.save(&edited()).unwrap();
        assert_eq!(p.load(built_in).unwrap().data, edited());
        let aside = |p: &Persistence<MemoryStore>| {
            p.store()
                .keys()
                .unwrap()
                .into_iter()
                .filter(|k| k.starts_with(keys::QUARANTINE_PREFIX))
                .count()
        };
        assert_eq!(aside(&p), 1);
    }

    #[test]
    fn data_from_a_newer_schema_is_set_aside_with_a_message() {
        let mut newer = built_in();
        newer.schema_version = SCHEMA_VERSION + 1;
        let mut store = MemoryStore::default();
        store
            .write(keys::DATASET, &serde_json::to_string(&newer).unwrap())
            .unwrap();
        let mut p = Persistence::new(store);
        let loaded = p.load(built_in).unwrap();
        assert!(loaded.set_aside.unwrap().reason.contains("Uppdatera appen"));
    }

    #[test]
    fn when_unreadable_data_cannot_be_set_aside_saving_is_refused() {
        let mut store = MemoryStore::with_quota(40);
        store.write(keys::DATASET, "not json at all").unwrap();
        let mut p = Persistence::new(store);
        let loaded = p.load(built_in).unwrap();
        assert_eq!(loaded.set_aside.unwrap().kept_as, None);
        assert!(p.save(&edited()).is_err());
        assert_eq!(
            p.store().read(keys::DATASET).unwrap().as_deref(),
            Some("not json at all")
        );
    }

    #[test]
    fn a_write_over_quota_is_refused_and_the_previous_state_stays() {
        let small = built_in();
        let size = serde_json::to_string(&small).unwrap().len() + keys::DATASET.len();
        let mut p = Persistence::new(MemoryStore::with_quota(size + 5));
        p.save(&small).unwrap();
        let mut big = edited();
        big.bodies[0]
            .description
            .push(crate::model::Block::Paragraph("x".repeat(100)));
        assert_eq!(p.save(&big), Err(StorageError::QuotaExceeded));
        assert_eq!(p.load(built_in).unwrap().data, small);
    }

    #[test]
    fn the_copy_id_is_created_once() {
        let mut p = Persistence::new(MemoryStore::default());
        assert_eq!(p.copy_id(|| "first".into()).unwrap(), "first");
        assert_eq!(p.copy_id(|| "second".into()).unwrap(), "first");
    }
}
