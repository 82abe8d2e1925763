use std::collections::BTreeMap;

use super::{StorageError, Store};

/// An in-memory store with an optional quota in characters (key + value),
/// standing in for localStorage in native tests.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn with_quota(chars: usize) -> Self {
        Self {
            entries: BTreeMap::new(),
            quota: Some(chars),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Store for MemoryStore {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.get(key).cloned())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.entries.remove(key);
        Ok(())
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + key.len() + value.len() > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.keys().cloned().collect())
    }
}
