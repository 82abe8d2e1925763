//! The parties' keys this copy trusts, kept with the copy's other small
//! values (localStorage): read when a file is checked, written when the user
//! accepts a key after comparing its fingerprint.

use leptos::prelude::*;

use super::Repo;
use crate::browser::now;
use crate::exchange::{Fingerprint, Origin, TrustedKeys};
use crate::storage::{keys, StorageError};

impl Repo {
    /// The keys this copy trusts, per party.
    pub fn trusted_keys(&self) -> TrustedKeys {
        self.backend
            .with_value(|b| b.read(|p| p.read_raw(keys::TRUSTED_KEYS)))
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default()
    }

    /// Trusts `fingerprint` as the key of the copy `origin` names (replacing
    /// the key trusted for it before).
    pub fn trust_key(
        &self,
        origin: &Origin,
        fingerprint: &Fingerprint,
    ) -> Result<(), StorageError> {
        let mut trusted = self.trusted_keys();
        trusted.accept(origin, fingerprint, &now());
        let json = serde_json::to_string(&trusted).unwrap_or_default();
        self.backend
            .try_update_value(|b| b.with(|p| p.write_raw(keys::TRUSTED_KEYS, &json)))
            .unwrap_or(Ok(()))
    }
}
