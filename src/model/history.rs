//! The change history of a copy: every change made here (and every change
//! an import brought in) with who, when, which fields and their values
//! before and after. Undo and "restore this version" are computed from it
//! and applied as ordinary, attributed edits, so they travel like any other.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::i18n::{t, Text};

use super::{ChangeStamp, FieldChange, RecordRef};

/// What a history entry did to its record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeAction {
    Created,
    Changed,
    Deleted,
    /// A deleted record brought back.
    Undeleted,
    /// An earlier change taken back.
    Undone,
    /// The record set back to an earlier version.
    Restored,
    /// Came in with an imported file.
    Imported,
}

impl ChangeAction {
    pub fn label(self) -> &'static str {
        match self {
            ChangeAction::Created => t(Text::HistoryCreated),
            ChangeAction::Changed => t(Text::HistoryChanged),
            ChangeAction::Deleted => t(Text::HistoryDeleted),
            ChangeAction::Undeleted => t(Text::HistoryUndeleted),
            ChangeAction::Undone => t(Text::HistoryUndone),
            ChangeAction::Restored => t(Text::HistoryRestored),
            ChangeAction::Imported => t(Text::HistoryImported),
        }
    }
}

/// One change of one record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Unique within the history: the copy id, the writer within the copy
    /// (a tab: two tabs of one copy can change something in the same
    /// millisecond), the time and a sequence number.
    pub id: String,
    pub record: RecordRef,
    pub action: ChangeAction,
    pub stamp: ChangeStamp,
    /// The fields changed, with their values before and after (JSON; `null`
    /// is absent). The tombstone is the field `deleted`.
    pub fields: Vec<FieldChange>,
    /// The entry this one took back (for `Undone`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<String>,
}

/// All entries, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    pub entries: Vec<HistoryEntry>,
}

impl History {
    /// Adds an entry, giving it the next id for its copy and `writer` (the
    /// tab; may be empty).
    pub fn record(
        &mut self,
        writer: &str,
        record: RecordRef,
        action: ChangeAction,
        stamp: ChangeStamp,
        fields: Vec<FieldChange>,
        undoes: Option<String>,
    ) -> &HistoryEntry {
        let next = self.entries.len() + 1;
        let by = if writer.is_empty() {
            stamp.copy_id.clone()
        } else {
            format!("{}~{writer}", stamp.copy_id)
        };
        self.entries.push(HistoryEntry {
            id: format!("{by}#{}#{next}", stamp.at),
            record,
            action,
            stamp,
            fields,
            undoes,
        });
        self.entries.last().expect("just pushed")
    }

    /// The entries of one record, oldest first.
    pub fn of<'a>(&'a self, record: &'a RecordRef) -> impl Iterator<Item = &'a HistoryEntry> {
        self.entries.iter().filter(move |e| &e.record == record)
    }

    /// Whether an entry has been taken back by a later one.
    pub fn is_undone(&self, id: &str) -> bool {
        self.entries.iter().any(|e| e.undoes.as_deref() == Some(id))
    }

    /// The latest change made on this copy that can still be undone: not an
    /// undo itself, not already undone, not an import, and one that changed
    /// a value (resolving a conflict by keeping the current value did not).
    pub fn last_undoable(&self, copy_id: &str) -> Option<&HistoryEntry> {
        self.entries.iter().rev().find(|e| {
            e.stamp.copy_id == copy_id
                && !matches!(e.action, ChangeAction::Undone | ChangeAction::Imported)
                && e.fields.iter().any(|f| f.before != f.after)
                && !self.is_undone(&e.id)
        })
    }

    /// The field values that set `record` back to how it was just after
    /// entry `after` (or before its first entry when `after` is `None`):
    /// for every field a later entry changed, its value before the first
    /// such change.
    pub fn values_at(&self, record: &RecordRef, after: Option<&str>) -> Vec<(String, Value)> {
        let entries: Vec<&HistoryEntry> = self.of(record).collect();
        let start = match after {
            Some(id) => match entries.iter().position(|e| e.id == id) {
                Some(i) => i + 1,
                None => return vec![],
            },
            None => 0,
        };
        let mut values: Vec<(String, Value)> = vec![];
        for entry in &entries[start..] {
            for change in &entry.fields {
                if !values.iter().any(|(f, _)| f == &change.field) {
                    values.push((change.field.clone(), change.before.clone()));
                }
            }
        }
        values
    }

    /// Adds entries this history does not hold yet (from a journal entry or
    /// another tab), each at its place in time order; returns whether any was
    /// new. Costs one scan per entry, not a sort of the whole history.
    pub fn absorb_entries(&mut self, entries: &[HistoryEntry]) -> bool {
        let mut added = false;
        for entry in entries {
            if self.entries.iter().rev().any(|e| e.id == entry.id) {
                continue;
            }
            let at = self.entries.partition_point(|e| {
                (e.stamp.at.as_str(), e.id.as_str()) <= (entry.stamp.at.as_str(), entry.id.as_str())
            });
            self.entries.insert(at, entry.clone());
            added = true;
        }
        added
    }

    /// Adds the entries of another tab's history this one has not seen
    /// (histories only grow, so the union is the newer one).
    pub fn absorb(&mut self, other: &History) {
        for entry in &other.entries {
            if !self.entries.iter().any(|e| e.id == entry.id) {
                self.entries.push(entry.clone());
            }
        }
        self.entries
            .sort_by(|a, b| a.stamp.at.cmp(&b.stamp.at).then_with(|| a.id.cmp(&b.id)));
    }
}
