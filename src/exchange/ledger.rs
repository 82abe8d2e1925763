//! The exchange log of a copy: which files were exported and imported, from
//! and to whom, with what effect; and, per party, which record versions the
//! party is known to hold, for exports of only what changed since.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::Dataset;

use super::scope::{known_versions, KnownVersions, Scope};
use super::{MergeReport, Origin};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Export,
    Import,
}

/// What an import did, in counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Effect {
    pub added: usize,
    pub changed: usize,
    pub deleted: usize,
    pub conflicts: usize,
    /// Records of the file the user chose not to take.
    #[serde(default)]
    pub left_out: usize,
}

impl Effect {
    pub fn of(report: &MergeReport, left_out: usize) -> Effect {
        Effect {
            added: report.added.len(),
            changed: report.changed.len(),
            deleted: report.deleted.len(),
            conflicts: report.conflicts.len(),
            left_out,
        }
    }
}

/// One line of the exchange log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// RFC 3339 time of the export or import.
    pub at: String,
    pub direction: Direction,
    pub file_name: String,
    /// The other copy: the origin of an imported file, the party an export
    /// of changes was made for (none for other exports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Origin>,
    pub scope: Scope,
    /// Records in the file.
    pub records: usize,
    /// For imports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
    /// The import was undone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undone: bool,
}

/// Another copy this copy has exchanged files with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// RFC 3339 time of the last exchange.
    pub last_exchange: String,
    pub known: KnownVersions,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    /// Oldest first.
    pub entries: Vec<LogEntry>,
    /// By copy id.
    pub parties: BTreeMap<String, Party>,
}

/// Records in a data set, of every kind.
pub fn record_count(data: &Dataset) -> usize {
    data.documents.len()
        + data.counties.len()
        + data.organisations.len()
        + data.people.len()
        + data.bodies.len()
        + data.relations.len()
        + data.memberships.len()
        + data.agreements.len()
        + data.meetings.len()
        + data.paragraphs.len()
        + data.positions.len()
}

impl Ledger {
    /// Notes an imported file: its origin holds every record of the file at
    /// the file's version, whether or not this copy took them.
    pub fn note_import(
        &mut self,
        origin: &Origin,
        file_name: &str,
        at: &str,
        scope: Scope,
        file_data: &Dataset,
        effect: Effect,
    ) {
        let party = self.party(origin, at);
        party.known.extend(known_versions(file_data));
        self.entries.push(LogEntry {
            at: at.into(),
            direction: Direction::Import,
            file_name: file_name.into(),
            party: Some(origin.clone()),
            scope,
            records: record_count(file_data),
            effect: Some(effect),
            undone: false,
        });
    }

    /// Notes an exported file. An export of changes for a party counts as
    /// delivered: the party is taken to hold what it contains.
    pub fn note_export(&mut self, file_name: &str, at: &str, scope: Scope, exported: &Dataset) {
        let party = match &scope {
            Scope::ChangesFor { party } => {
                let organisation = self.parties.get(party).and_then(|p| p.organisation.clone());
                let origin = Origin {
                    organisation,
                    copy_id: party.clone(),
                };
                self.party(&origin, at)
                    .known
                    .extend(known_versions(exported));
                Some(origin)
            }
            _ => None,
        };
        self.entries.push(LogEntry {
            at: at.into(),
            direction: Direction::Export,
            file_name: file_name.into(),
            party,
            scope,
            records: record_count(exported),
            effect: None,
            undone: false,
        });
    }

    /// Marks the last import as undone. What the party holds is unchanged:
    /// undoing takes its records out of this copy, not out of theirs.
    pub fn note_undo(&mut self) {
        if let Some(entry) = self
            .entries
            .iter_mut()
            .rev()
            .find(|e| e.direction == Direction::Import)
        {
            entry.undone = true;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.parties.is_empty()
    }

    /// What `self` holds that `before` does not: new or changed log lines,
    /// and per party the changed details and known versions. Stored with the
    /// change that made it, and merged by the other tabs with [`Ledger::absorb`].
    pub fn changes_since(&self, before: &Ledger) -> Ledger {
        let entries = self
            .entries
            .iter()
            .filter(|e| !before.entries.contains(e))
            .cloned()
            .collect();
        let parties = self
            .parties
            .iter()
            .filter_map(|(id, party)| {
                let old = before.parties.get(id);
                if old == Some(party) {
                    return None;
                }
                let known = party
                    .known
                    .iter()
                    .filter(|(k, v)| old.and_then(|o| o.known.get(*k)) != Some(*v))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                Some((
                    id.clone(),
                    Party {
                        organisation: party.organisation.clone(),
                        last_exchange: party.last_exchange.clone(),
                        known,
                    },
                ))
            })
            .collect();
        Ledger { entries, parties }
    }

    /// Takes in another tab's ledger or changes of one: the union of the log
    /// (a line is the same line when its time, direction and file are;
    /// undone in either is undone) and of what each party is known to hold.
    pub fn absorb(&mut self, other: &Ledger) -> bool {
        let mut changed = false;
        for entry in &other.entries {
            let same = |e: &&mut LogEntry| {
                e.at == entry.at && e.direction == entry.direction && e.file_name == entry.file_name
            };
            match self.entries.iter_mut().find(|e| same(e)) {
                Some(found) => {
                    if entry.undone && !found.undone {
                        found.undone = true;
                        changed = true;
                    }
                }
                None => {
                    let at = self.entries.partition_point(|e| e.at <= entry.at);
                    self.entries.insert(at, entry.clone());
                    changed = true;
                }
            }
        }
        for (id, theirs) in &other.parties {
            let ours = self.parties.entry(id.clone()).or_default();
            let before = ours.clone();
            if theirs.last_exchange >= ours.last_exchange {
                ours.last_exchange = theirs.last_exchange.clone();
                if theirs.organisation.is_some() {
                    ours.organisation = theirs.organisation.clone();
                }
            }
            ours.known
                .extend(theirs.known.iter().map(|(k, v)| (k.clone(), v.clone())));
            changed |= *ours != before;
        }
        changed
    }

    /// What `party` is known to hold; empty for a party never exchanged with.
    pub fn known_by(&self, party: &str) -> KnownVersions {
        self.parties
            .get(party)
            .map(|p| p.known.clone())
            .unwrap_or_default()
    }

    fn party(&mut self, origin: &Origin, at: &str) -> &mut Party {
        let party = self.parties.entry(origin.copy_id.clone()).or_default();
        if origin.organisation.is_some() {
            party.organisation = origin.organisation.clone();
        }
        party.last_exchange = at.into();
        party
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::unknown_to;
    use crate::model::{BodyBasics, ChangeStamp};

    fn origin(copy: &str) -> Origin {
        Origin {
            organisation: Some("Luleå kommun".into()),
            copy_id: copy.into(),
        }
    }

    #[test]
    fn after_an_import_only_later_changes_are_unknown_to_the_sender() {
        let mut data = crate::seed::built_in().unwrap();
        let mut ledger = Ledger::default();
        ledger.note_import(
            &origin("b"),
            "fil.json",
            "2026-11-23T10:00:00Z",
            Scope::All,
            &data,
            Effect::default(),
        );
        assert_eq!(record_count(&unknown_to(&data, &ledger.known_by("b"))), 0);
        let id = data.bodies[0].id.clone();
        let stamp = ChangeStamp {
            copy_id: "a".into(),
            writer: None,
            organisation: None,
            person: None,
            at: "2026-11-23T11:00:00Z".into(),
        };
        let basics = BodyBasics {
            name: "Ändrat".into(),
            short_name: None,
        };
        data.update_body_basics(&id, basics, stamp).unwrap();
        let changes = unknown_to(&data, &ledger.known_by("b"));
        assert_eq!(record_count(&changes), 1);

        ledger.note_export(
            "ut.json",
            "2026-11-23T12:00:00Z",
            Scope::ChangesFor { party: "b".into() },
            &changes,
        );
        assert_eq!(record_count(&unknown_to(&data, &ledger.known_by("b"))), 0);
        assert_eq!(ledger.entries.len(), 2);
        assert_eq!(
            ledger.entries[1]
                .party
                .as_ref()
                .unwrap()
                .organisation
                .as_deref(),
            Some("Luleå kommun")
        );
        assert_eq!(ledger.parties["b"].last_exchange, "2026-11-23T12:00:00Z");
        // A copy never exchanged with gets everything.
        assert_eq!(unknown_to(&data, &ledger.known_by("c")), data);
    }

    #[test]
    fn undo_marks_the_last_import() {
        let mut ledger = Ledger::default();
        let data = Dataset::default();
        for name in ["1.json", "2.json"] {
            ledger.note_import(
                &origin("b"),
                name,
                "t",
                Scope::All,
                &data,
                Effect::default(),
            );
        }
        ledger.note_export("3.json", "t", Scope::All, &data);
        ledger.note_undo();
        let undone: Vec<bool> = ledger.entries.iter().map(|e| e.undone).collect();
        assert_eq!(undone, [false, true, false]);
    }
}
