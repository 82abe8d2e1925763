//! IndexedDB: where the data set lives in the browser. One object store of
//! values by key, text or bytes ([`Stored`]); every write is one transaction,
//! so a write either lands whole or not at all, and it is done only when the
//! transaction completes. A ten-year archive (tens of MB) does not fit
//! localStorage's ~5 M characters; IndexedDB's quota is a share of the disk.

use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::i18n::{t, Text};

use super::{Pending, StateStore, StorageError, Stored};

const DATABASE: &str = "samverkan";
const VERSION: u32 = 1;
const STORE: &str = "values";

#[derive(Clone, Debug)]
pub struct IndexedStore {
    db: IdbDatabase,
}

fn failure(context: &str, error: Option<web_sys::DomException>) -> StorageError {
    match error {
        Some(e) if e.name() == "QuotaExceededError" => StorageError::QuotaExceeded,
        Some(e) => StorageError::Other(format!("{context}: {} ({})", e.name(), e.message())),
        None => StorageError::Other(context.to_owned()),
    }
}

fn js_failure(context: &str, error: JsValue) -> StorageError {
    match error.dyn_into::<web_sys::DomException>() {
        Ok(e) => failure(context, Some(e)),
        Err(other) => StorageError::Other(format!("{context}: {other:?}")),
    }
}

/// Waits for a request to succeed or fail.
async fn finished(request: &IdbRequest) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request
            .result()
            .map_err(|e| js_failure(t(Text::StorageIdbResponse), e)),
        Err(_) => Err(failure("IndexedDB", request.error().ok().flatten())),
    }
}

/// Waits for a transaction to complete (or to be aborted).
async fn committed(tx: &IdbTransaction) -> Result<(), StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    match outcome {
        Ok(_) => Ok(()),
        Err(_) => Err(failure(t(Text::StorageIdbWriteAborted), tx.error())),
    }
}

impl IndexedStore {
    /// Opens (and on first use creates) the database.
    pub async fn open() -> Result<IndexedStore, StorageError> {
        let unavailable = |why: &str| StorageError::Unavailable(format!("IndexedDB: {why}"));
        let factory = web_sys::window()
            .ok_or_else(|| unavailable(t(Text::StorageIdbNoWindow)))?
            .indexed_db()
            .map_err(|_| unavailable(t(Text::StorageIdbBlocked)))?
            .ok_or_else(|| unavailable(t(Text::StorageIdbMissing)))?;
        let request = factory
            .open_with_u32(DATABASE, VERSION)
            .map_err(|e| js_failure(t(Text::StorageIdbCannotOpen), e))?;
        let upgrade = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            move |event: web_sys::Event| {
                let db = event
                    .target()
                    .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                    .and_then(|r| r.result().ok())
                    .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
                if let Some(db) = db {
                    if !db.object_store_names().contains(STORE) {
                        let _ = db.create_object_store(STORE);
                    }
                }
            },
        );
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let result = finished(&request).await;
        request.set_onupgradeneeded(None);
        drop(upgrade);
        let db = result?
            .dyn_into::<IdbDatabase>()
            .map_err(|_| unavailable(t(Text::StorageIdbUnexpected)))?;
        Ok(IndexedStore { db })
    }

    fn transaction(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, StorageError> {
        self.db
            .transaction_with_str_and_mode(STORE, mode)
            .map_err(|e| js_failure(t(Text::StorageIdbTransaction), e))
    }

    pub async fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self
            .read_bytes(key)
            .await?
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned()))
    }

    /// The value under `key` as UTF-8 bytes, whether it was stored as text
    /// or as bytes.
    pub async fn read_bytes(&self, key: &str) -> Result<Option<Vec<u8>>, StorageError> {
        Ok(self.read_all(&[key]).await?.pop().flatten())
    }

    /// Writes one text value; done when the transaction has committed.
    pub async fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.write_value(key, Stored::Text(value)).await
    }

    /// Writes one value; done when the transaction has committed.
    pub async fn write_value(&self, key: &str, value: Stored<'_>) -> Result<(), StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite)?;
        let store = tx
            .object_store(STORE)
            .map_err(|e| js_failure("IndexedDB", e))?;
        store
            .put_with_key(&js_value(value), &JsValue::from_str(key))
            .map_err(|e| js_failure(t(Text::StorageIdbWrite), e))?;
        committed(&tx).await
    }

    /// The object under `key` as IndexedDB keeps it (a structured clone,
    /// e.g. a `CryptoKeyPair` whose private key cannot be read out).
    pub async fn read_object(&self, key: &str) -> Result<Option<JsValue>, StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = tx
            .object_store(STORE)
            .map_err(|e| js_failure("IndexedDB", e))?;
        let request = store
            .get(&JsValue::from_str(key))
            .map_err(|e| js_failure(t(Text::StorageIdbRead), e))?;
        let value = finished(&request).await?;
        Ok((!value.is_undefined()).then_some(value))
    }

    /// Stores `value` under `key` unless something is stored there already
    /// (two tabs making a key at once keep the first). Returns whether it
    /// was stored.
    pub async fn add_object(&self, key: &str, value: &JsValue) -> Result<bool, StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite)?;
        let store = tx
            .object_store(STORE)
            .map_err(|e| js_failure("IndexedDB", e))?;
        let request = store
            .add_with_key(value, &JsValue::from_str(key))
            .map_err(|e| js_failure(t(Text::StorageIdbWrite), e))?;
        // An existing key fails the request (ConstraintError) and aborts the transaction.
        let added = finished(&request).await.is_ok();
        if !added {
            return Ok(false);
        }
        committed(&tx).await.map(|()| true)
    }

    /// Writes several values in one transaction if the value under `guard`
    /// still is `expected` (checked inside the same transaction, so another
    /// tab cannot write in between). Returns whether it wrote; `false`
    /// means another tab wrote since `expected` was read.
    pub async fn write_if_current(
        &self,
        guard: &str,
        expected: Option<&str>,
        writes: &[(&str, Stored<'_>)],
        removes: &[String],
    ) -> Result<bool, StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite)?;
        let store = tx
            .object_store(STORE)
            .map_err(|e| js_failure("IndexedDB", e))?;
        let request = store
            .get(&JsValue::from_str(guard))
            .map_err(|e| js_failure(t(Text::StorageIdbRead), e))?;
        let current = finished(&request).await?.as_string();
        if current.as_deref() != expected {
            let _ = tx.abort();
            return Ok(false);
        }
        for (key, value) in writes {
            store
                .put_with_key(&js_value(*value), &JsValue::from_str(key))
                .map_err(|e| js_failure(t(Text::StorageIdbWrite), e))?;
        }
        for key in removes {
            store
                .delete(&JsValue::from_str(key))
                .map_err(|e| js_failure(t(Text::StorageIdbWrite), e))?;
        }
        committed(&tx).await.map(|()| true)
    }

    /// Every value whose key starts with `prefix`, with its key, in one
    /// transaction.
    pub async fn read_prefix(&self, prefix: &str) -> Result<Vec<(String, Vec<u8>)>, StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = tx
            .object_store(STORE)
            .map_err(|e| js_failure("IndexedDB", e))?;
        let range = web_sys::IdbKeyRange::bound(
            &JsValue::from_str(prefix),
            &JsValue::from_str(&format!("{prefix}\u{ffff}")),
        )
        .map_err(|e| js_failure(t(Text::StorageIdbRead), e))?;
        let keys = store
            .get_all_keys_with_key(&range)
            .map_err(|e| js_failure(t(Text::StorageIdbRead), e))?;
        let values = store
            .get_all_with_key(&range)
            .map_err(|e| js_failure(t(Text::StorageIdbRead), e))?;
        let keys: js_sys::Array = finished(&keys).await?.unchecked_into();
        let values: js_sys::Array = finished(&values).await?.unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| Some((k.as_string()?, bytes_of(&v)?)))
            .collect())
    }

    /// Reads several values in one transaction (a consistent snapshot), as
    /// UTF-8 bytes.
    pub async fn read_all(&self, keys: &[&str]) -> Result<Vec<Option<Vec<u8>>>, StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = tx
            .object_store(STORE)
            .map_err(|e| js_failure("IndexedDB", e))?;
        let requests = keys
            .iter()
            .map(|key| {
                store
                    .get(&JsValue::from_str(key))
                    .map_err(|e| js_failure(t(Text::StorageIdbRead), e))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut values = Vec::with_capacity(requests.len());
        for request in &requests {
            values.push(bytes_of(&finished(request).await?));
        }
        Ok(values)
    }
}

impl StateStore for IndexedStore {
    fn read_all<'a>(&'a self, keys: &'a [&'a str]) -> Pending<'a, Vec<Option<Vec<u8>>>> {
        Box::pin(IndexedStore::read_all(self, keys))
    }

    fn read_prefix<'a>(&'a self, prefix: &'a str) -> Pending<'a, Vec<(String, Vec<u8>)>> {
        Box::pin(IndexedStore::read_prefix(self, prefix))
    }

    fn write<'a>(&'a self, key: &'a str, value: Stored<'a>) -> Pending<'a, ()> {
        Box::pin(self.write_value(key, value))
    }

    fn write_if_current<'a>(
        &'a self,
        guard: &'a str,
        expected: Option<&'a str>,
        writes: &'a [(&'a str, Stored<'a>)],
        removes: &'a [String],
    ) -> Pending<'a, bool> {
        Box::pin(IndexedStore::write_if_current(
            self, guard, expected, writes, removes,
        ))
    }
}

fn js_value(value: Stored<'_>) -> JsValue {
    match value {
        Stored::Text(text) => JsValue::from_str(text),
        // Copied out of the wasm memory into an array of its own.
        Stored::Bytes(bytes) => js_sys::Uint8Array::from(bytes).into(),
    }
}

/// A stored value as UTF-8 bytes: text (as every version before bytes
/// stored it) or bytes; `None` when nothing, or something else, is stored.
fn bytes_of(value: &JsValue) -> Option<Vec<u8>> {
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Some(bytes.to_vec());
    }
    value.as_string().map(String::into_bytes)
}
