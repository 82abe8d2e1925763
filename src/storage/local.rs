use gloo_storage::{LocalStorage, Storage};

use crate::i18n::{t, Text};

use super::{StorageError, Store};

/// The browser's localStorage. Values are stored as raw strings so that data
/// which cannot be parsed can still be read and set aside.
#[derive(Debug, Default, Clone, Copy)]
pub struct LocalStore;

impl LocalStore {
    /// Checks that localStorage can be used at all (it is blocked in some
    /// private modes and by some settings).
    pub fn open() -> Result<Self, StorageError> {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .map(|_| LocalStore)
            .ok_or_else(|| StorageError::Unavailable(t(Text::StorageLocalMissing).into()))
    }

    /// Only called on a store that `open` has checked.
    fn raw(&self) -> web_sys::Storage {
        LocalStorage::raw()
    }
}

fn from_js(error: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::QuotaExceeded
    } else {
        StorageError::Other(format!("{error:?}"))
    }
}

impl Store for LocalStore {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.raw().get_item(key).map_err(from_js)
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw().set_item(key, value).map_err(from_js)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.raw().remove_item(key).map_err(from_js)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = self.raw();
        let len = storage.length().map_err(from_js)?;
        Ok((0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}
