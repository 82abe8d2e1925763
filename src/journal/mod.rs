//! How a change becomes durable, and how the tabs of one copy share their
//! changes, as pure state (no browser types): the storage layer in
//! `storage/` and the store in `repo.rs` follow it; `tests/tab_protocol.rs`
//! runs it over random interleavings of tabs, writes, reloads and crashes.
//!
//! The design is a write-ahead journal with rare checkpoints:
//!
//! - Every change is one [`JournalEntry`]: the records it touched (whole,
//!   with their versions), its history entries and its exchange-log lines,
//!   under a key no other entry has. It is written in one step the moment the
//!   change is made, before the app says "Sparat". Its size is the change's,
//!   whatever the size of the archive.
//! - The stored state is a *checkpoint* (the whole data set, history and
//!   ledger, with a generation) plus the journal. Opening the copy merges
//!   every journal entry into the checkpoint with the exchange merge, which is
//!   commutative, associative and idempotent: the order of entries does not
//!   matter, and an entry merged twice changes nothing. So the stored state
//!   is always one the app can open, and a crash at any step loses nothing
//!   that was written.
//! - Another tab hears of an entry (its key) and merges it in the same way.
//!   Every tab is a writer of its own in version vectors (see
//!   [`crate::model::ChangeStamp::writer`]), so edits two tabs make at the same
//!   moment are concurrent values (a kept conflict), never one counter
//!   mistaken for the other.
//! - Now and then a tab writes a checkpoint of what it holds and removes the
//!   journal entries that checkpoint contains. The checkpoint is written only
//!   if the stored generation is still the one the tab last read or wrote
//!   (compare-and-set); otherwise the tab first merges the stored checkpoint
//!   in. Only entries the tab has merged are removed, so an entry another tab
//!   wrote meanwhile stays in the journal until a checkpoint holds it.

mod protocol;

pub use protocol::{CheckpointPlan, TabSync};

use serde::{Deserialize, Serialize};

use crate::exchange::{merge_into, Ledger, MergeError};
use crate::model::{Dataset, History, HistoryEntry, RecordKind, RecordRef};

/// One durable change: what it wrote, to be merged into what is stored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct JournalEntry {
    /// Unique among all entries ever written by any tab of the copy.
    pub key: String,
    /// The records the change touched, whole, with their versions.
    pub records: Dataset,
    /// Its entries in the change history.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
    /// Its lines in the exchange log and what the parties are known to hold.
    #[serde(skip_serializing_if = "Ledger::is_empty")]
    pub ledger: Ledger,
}

impl JournalEntry {
    pub fn is_empty(&self) -> bool {
        crate::exchange::record_count(&self.records) == 0
            && self.history.is_empty()
            && self.ledger.is_empty()
    }

    /// Reads an entry as stored (JSON as UTF-8).
    pub fn read(raw: &[u8]) -> Result<JournalEntry, serde_json::Error> {
        serde_json::from_slice(raw)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What a tab holds in memory, and what a checkpoint stores.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Replica {
    pub data: Dataset,
    pub history: History,
    pub ledger: Ledger,
}

impl Replica {
    /// Merges a journal entry in; returns whether the data set changed (the
    /// history and ledger only grow).
    pub fn apply(&mut self, entry: &JournalEntry) -> Result<bool, MergeError> {
        let changed = merge_into(&mut self.data, &entry.records)?;
        self.history.absorb_entries(&entry.history);
        self.ledger.absorb(&entry.ledger);
        Ok(changed)
    }

    /// Merges another replica in (a stored checkpoint another tab wrote).
    pub fn absorb(&mut self, other: &Replica) -> Result<bool, MergeError> {
        let changed = merge_into(&mut self.data, &other.data)?;
        self.history.absorb_entries(&other.history.entries);
        self.ledger.absorb(&other.ledger);
        Ok(changed)
    }

    /// The stored state opened: the checkpoint with every journal entry
    /// merged in, in any order. An entry that does not merge is returned
    /// with the reason and left in the journal (it is never removed unmerged).
    pub fn open(
        checkpoint: Replica,
        journal: impl IntoIterator<Item = JournalEntry>,
    ) -> (Replica, Vec<String>, Vec<(String, MergeError)>) {
        let mut replica = checkpoint;
        let mut merged = vec![];
        let mut refused = vec![];
        for entry in journal {
            match replica.apply(&entry) {
                Ok(_) => merged.push(entry.key),
                Err(e) => refused.push((entry.key, e)),
            }
        }
        (replica, merged, refused)
    }
}

/// The records of `data` named by `refs` (those that exist), as a partial
/// data set: what an edit of those records stores.
pub fn records_of(data: &Dataset, refs: &[RecordRef]) -> Dataset {
    let wanted: std::collections::HashSet<(RecordKind, &str)> =
        refs.iter().map(|r| (r.kind, r.id.as_str())).collect();
    macro_rules! pick {
        ($field:ident, $kind:ident) => {
            if refs.iter().any(|r| r.kind == RecordKind::$kind) {
                data.$field
                    .iter()
                    .filter(|r| wanted.contains(&(RecordKind::$kind, r.id.as_str())))
                    .cloned()
                    .collect()
            } else {
                vec![]
            }
        };
    }
    Dataset {
        schema_version: data.schema_version,
        documents: pick!(documents, Documents),
        counties: pick!(counties, Counties),
        organisations: pick!(organisations, Organisations),
        people: pick!(people, People),
        bodies: pick!(bodies, Bodies),
        relations: pick!(relations, Relations),
        memberships: pick!(memberships, Memberships),
        agreements: pick!(agreements, Agreements),
        meetings: pick!(meetings, Meetings),
        paragraphs: pick!(paragraphs, Paragraphs),
        positions: pick!(positions, Positions),
        // Unknown kinds change only by import, which stores them itself.
        other_kinds: Default::default(),
    }
}
