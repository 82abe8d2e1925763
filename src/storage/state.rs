//! Where the stored state lives — the checkpoint (data set, history, exchange
//! ledger, generation) and the journal's entries — behind one async trait,
//! whichever store the browser allows: IndexedDB ([`super::IndexedStore`]),
//! localStorage when IndexedDB cannot be used ([`KeyValueState`] over
//! [`super::LocalStore`]), and memory where neither can and in native tests
//! ([`KeyValueState`] over [`super::MemoryStore`]). The tab protocol
//! (`crate::journal`) and `repo::persist` see only this trait.
//!
//! The futures are boxed so the store can be chosen at run time (`Rc<dyn
//! StateStore>`); the key-value stores do their work when called and return
//! a finished future, so a write to them is done when the call returns.

use std::cell::RefCell;
use std::future::{ready, Future};
use std::pin::Pin;

use super::{StorageError, Store, Stored};

/// A storage operation under way.
pub type Pending<'a, T> = Pin<Box<dyn Future<Output = Result<T, StorageError>> + 'a>>;

pub trait StateStore {
    /// Several values in one consistent read, as UTF-8 bytes.
    fn read_all<'a>(&'a self, keys: &'a [&'a str]) -> Pending<'a, Vec<Option<Vec<u8>>>>;

    /// Every value whose key starts with `prefix`, with its key.
    fn read_prefix<'a>(&'a self, prefix: &'a str) -> Pending<'a, Vec<(String, Vec<u8>)>>;

    /// Writes one value; done when it is stored.
    fn write<'a>(&'a self, key: &'a str, value: Stored<'a>) -> Pending<'a, ()>;

    /// Writes `writes` and removes `removes` at once if the value under
    /// `guard` still is `expected`; `false` means another tab wrote since
    /// `expected` was read, and nothing was written.
    fn write_if_current<'a>(
        &'a self,
        guard: &'a str,
        expected: Option<&'a str>,
        writes: &'a [(&'a str, Stored<'a>)],
        removes: &'a [String],
    ) -> Pending<'a, bool>;

    /// Whether this store is localStorage itself, where the journal's small
    /// entries are written anyway: then a copy of an entry here would be the
    /// same entry again, and keys older versions kept in localStorage are
    /// this store's own, not leftovers to clear.
    fn is_local_storage(&self) -> bool {
        false
    }

    /// One value, as UTF-8 bytes.
    fn read<'a>(&'a self, key: &'a str) -> Pending<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            let mut values = self.read_all(std::slice::from_ref(&key)).await?;
            Ok(values.pop().flatten())
        })
    }
}

/// The state in a string key-value store (localStorage, memory). Bytes are
/// stored as text: every value the app stores is UTF-8 JSON or plain text.
pub struct KeyValueState<S: Store> {
    store: RefCell<S>,
    local_storage: bool,
}

impl<S: Store> KeyValueState<S> {
    /// The state in `store`; `local_storage` says whether it is the
    /// browser's localStorage (see [`StateStore::is_local_storage`]).
    pub fn new(store: S, local_storage: bool) -> Self {
        Self {
            store: RefCell::new(store),
            local_storage,
        }
    }

    fn read_now(&self, key: &str) -> Result<Option<Vec<u8>>, StorageError> {
        Ok(self.store.borrow().read(key)?.map(String::into_bytes))
    }

    fn write_now(&self, key: &str, value: Stored<'_>) -> Result<(), StorageError> {
        let text = match value {
            Stored::Text(text) => std::borrow::Cow::Borrowed(text),
            Stored::Bytes(bytes) => String::from_utf8_lossy(bytes),
        };
        self.store.borrow_mut().write(key, &text)
    }

    /// All or nothing: a write that fails part-way puts back what it
    /// already changed, so the stored state is never half of a checkpoint.
    fn write_all_now(
        &self,
        writes: &[(&str, Stored<'_>)],
        removes: &[String],
    ) -> Result<(), StorageError> {
        let touched: Vec<&str> = writes
            .iter()
            .map(|(key, _)| *key)
            .chain(removes.iter().map(String::as_str))
            .collect();
        let before: Vec<Option<String>> = touched
            .iter()
            .map(|key| self.store.borrow().read(key))
            .collect::<Result<_, _>>()?;
        let outcome = writes
            .iter()
            .try_for_each(|(key, value)| self.write_now(key, *value))
            .and_then(|()| {
                removes
                    .iter()
                    .try_for_each(|key| self.store.borrow_mut().remove(key))
            });
        if outcome.is_err() {
            let mut store = self.store.borrow_mut();
            for (key, value) in touched.iter().zip(&before) {
                let _ = match value {
                    Some(value) => store.write(key, value),
                    None => store.remove(key),
                };
            }
        }
        outcome
    }
}

impl<S: Store> StateStore for KeyValueState<S> {
    fn read_all<'a>(&'a self, keys: &'a [&'a str]) -> Pending<'a, Vec<Option<Vec<u8>>>> {
        let values = keys.iter().map(|key| self.read_now(key)).collect();
        Box::pin(ready(values))
    }

    fn read_prefix<'a>(&'a self, prefix: &'a str) -> Pending<'a, Vec<(String, Vec<u8>)>> {
        let keys = self.store.borrow().keys();
        let found = keys.and_then(|keys| {
            let mut keys: Vec<String> =
                keys.into_iter().filter(|k| k.starts_with(prefix)).collect();
            keys.sort();
            keys.into_iter()
                .filter_map(|key| match self.read_now(&key) {
                    Ok(Some(value)) => Some(Ok((key, value))),
                    Ok(None) => None,
                    Err(e) => Some(Err(e)),
                })
                .collect()
        });
        Box::pin(ready(found))
    }

    fn write<'a>(&'a self, key: &'a str, value: Stored<'a>) -> Pending<'a, ()> {
        Box::pin(ready(self.write_now(key, value)))
    }

    fn write_if_current<'a>(
        &'a self,
        guard: &'a str,
        expected: Option<&'a str>,
        writes: &'a [(&'a str, Stored<'a>)],
        removes: &'a [String],
    ) -> Pending<'a, bool> {
        let current = self.store.borrow().read(guard);
        let outcome = current.and_then(|current| {
            if current.as_deref() != expected {
                return Ok(false);
            }
            self.write_all_now(writes, removes).map(|()| true)
        });
        Box::pin(ready(outcome))
    }

    fn is_local_storage(&self) -> bool {
        self.local_storage
    }
}

/// What every [`StateStore`] must do, as checks run on each one: natively on
/// memory (below), in Chromium on IndexedDB and localStorage (`tests/web.rs`).
/// Uses keys under `t.`; returns the first broken promise.
pub async fn check_contract(store: &dyn StateStore) -> Result<(), String> {
    let expect = |ok: bool, what: &str| if ok { Ok(()) } else { Err(what.to_owned()) };
    let failed = |e: StorageError| e.to_string();

    // What an earlier run left (IndexedDB outlives a test in a profile).
    let earlier = ["t.a", "t.b", "t.gen", "t.j.1", "t.j.2"].map(String::from);
    store
        .write_if_current("t.never-written", None, &[], &earlier)
        .await
        .map_err(failed)?;
    store
        .write("t.a", Stored::Text("å"))
        .await
        .map_err(failed)?;
    store
        .write("t.b", Stored::Bytes("ä".as_bytes()))
        .await
        .map_err(failed)?;
    let read = store
        .read_all(&["t.a", "t.b", "t.none"])
        .await
        .map_err(failed)?;
    expect(
        read == vec![
            Some("å".as_bytes().to_vec()),
            Some("ä".as_bytes().to_vec()),
            None,
        ],
        "read_all gives text and bytes as UTF-8, and None for a missing key",
    )?;
    expect(
        store.read("t.a").await.map_err(failed)? == Some("å".as_bytes().to_vec()),
        "read gives one value",
    )?;

    store
        .write("t.j.2", Stored::Text("2"))
        .await
        .map_err(failed)?;
    store
        .write("t.j.1", Stored::Text("1"))
        .await
        .map_err(failed)?;
    let mut entries = store.read_prefix("t.j.").await.map_err(failed)?;
    entries.sort();
    expect(
        entries
            == vec![
                ("t.j.1".into(), b"1".to_vec()),
                ("t.j.2".into(), b"2".to_vec()),
            ],
        "read_prefix gives exactly the keys under the prefix",
    )?;

    let removes = vec!["t.j.1".to_owned()];
    let wrote = store
        .write_if_current(
            "t.gen",
            None,
            &[("t.gen", Stored::Text("g1")), ("t.a", Stored::Text("ny"))],
            &removes,
        )
        .await
        .map_err(failed)?;
    expect(
        wrote,
        "write_if_current writes when the guard holds the expected value",
    )?;
    let after = store
        .read_all(&["t.gen", "t.a", "t.j.1", "t.j.2"])
        .await
        .map_err(failed)?;
    expect(
        after
            == vec![
                Some(b"g1".to_vec()),
                Some(b"ny".to_vec()),
                None,
                Some(b"2".to_vec()),
            ],
        "write_if_current writes and removes together",
    )?;

    let stale = store
        .write_if_current(
            "t.gen",
            None,
            &[("t.a", Stored::Text("stale"))],
            &["t.j.2".to_owned()],
        )
        .await
        .map_err(failed)?;
    expect(
        !stale,
        "write_if_current refuses when another write came first",
    )?;
    let unchanged = store.read_all(&["t.a", "t.j.2"]).await.map_err(failed)?;
    expect(
        unchanged == vec![Some(b"ny".to_vec()), Some(b"2".to_vec())],
        "a refused write_if_current changes nothing",
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;
    use std::task::{Context, Poll, Waker};

    /// Runs a future that needs no waking (the key-value stores finish at once).
    fn finished<T>(future: impl Future<Output = T>) -> T {
        let mut future = std::pin::pin!(future);
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("a key-value store's future was not finished"),
        }
    }

    #[test]
    fn memory_keeps_the_contract() {
        let store = KeyValueState::new(MemoryStore::default(), false);
        finished(check_contract(&store)).unwrap();
    }

    #[test]
    fn a_checkpoint_that_does_not_fit_leaves_the_previous_one_whole() {
        let store = KeyValueState::new(MemoryStore::with_quota(60), false);
        finished(store.write_if_current(
            "gen",
            None,
            &[("gen", Stored::Text("1")), ("data", Stored::Text("old"))],
            &[],
        ))
        .unwrap();
        let too_big = "x".repeat(100);
        let outcome = finished(store.write_if_current(
            "gen",
            Some("1"),
            &[("gen", Stored::Text("2")), ("data", Stored::Text(&too_big))],
            &[],
        ));
        assert_eq!(outcome, Err(StorageError::QuotaExceeded));
        let stored = finished(store.read_all(&["gen", "data"])).unwrap();
        assert_eq!(stored, vec![Some(b"1".to_vec()), Some(b"old".to_vec())]);
    }
}
