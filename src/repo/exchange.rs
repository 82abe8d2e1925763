//! Exchange files through the store: export (noted in the log), the import
//! preview (nothing changes), applying an import to the data *as it is
//! then*, and undoing it without undoing anything done after it.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::Repo;
use crate::browser::{now, today, yield_to_browser};
use crate::exchange::{
    self, changed_records, undo_import, DeletionReview, Effect, ImportUndo, Ledger, MergeReport,
    Origin, RecordRef, Scope, SignatureStatus, UnknownInFile, Verification,
};
use crate::i18n::{t, tf, Text};
use crate::journal::records_of;
use crate::model::{Dataset, HistoryEntry};
use crate::signing;

/// The largest exchange file accepted (a ten-year county archive is ~10 MB).
const MAX_IMPORT_BYTES: usize = 50 * 1024 * 1024;

/// What an import would do, shown before anything changes.
#[derive(Clone, Debug)]
pub struct ImportPreview {
    pub file_name: String,
    pub origin: Origin,
    pub created_at: String,
    pub scope: Scope,
    /// The records of the file, without those that break the editor's rules.
    pub incoming: Dataset,
    /// The records of the file that break a rule the editor applies, each
    /// named with its field and why (in the interface's language): left out.
    pub refused: Vec<String>,
    /// The data with the file merged in, as it was when the file was read:
    /// for naming the records in the preview only.
    pub merged: Dataset,
    /// What merging the file would do to the data as it was when the file
    /// was read (applying merges into the data as it is then).
    pub report: MergeReport,
    /// The conflicts the data would hold after the import, with their
    /// values, shown before anything is applied.
    pub conflicts: Vec<exchange::Conflict>,
    /// Who signed the file, as far as this copy knows.
    pub signature: SignatureStatus,
    /// What the file deletes, and the deletions refused because live
    /// records refer to the record.
    pub deletions: DeletionReview,
    /// Fields and record kinds of the file this version does not know
    /// (kept and passed on unchanged).
    pub unknown: UnknownInFile,
}

/// An exported file, ready to be offered for download.
pub struct ExportedFile {
    pub name: String,
    pub text: String,
    pub records: usize,
}

impl Repo {
    fn origin(&self) -> Origin {
        Origin {
            organisation: self.identity.with_untracked(|i| i.organisation.clone()),
            copy_id: self.copy_id.get_value(),
        }
    }

    /// Changes the ledger and stores the change with the records and
    /// history entries of the same step.
    fn commit_with_ledger(
        &self,
        records: Dataset,
        history: Vec<HistoryEntry>,
        note: impl FnOnce(&mut Ledger),
    ) {
        let mut changes = Ledger::default();
        self.ledger.update(|ledger| {
            let before = ledger.clone();
            note(ledger);
            changes = ledger.changes_since(&before);
        });
        self.commit(records, history, changes);
    }

    /// The part of this copy's data that `scope` names, as an exchange file
    /// (pretty JSON), noted in the exchange log.
    pub fn export(&self, scope: Scope) -> ExportedFile {
        let origin = self.origin();
        let now = now();
        let (data, part) = self.data.with_untracked(|data| match &scope {
            Scope::All => (data.clone(), None),
            Scope::County { county } => {
                let name = data.county(county).map(|c| c.name.clone());
                (exchange::county_subset(data, county), name)
            }
            Scope::ChangesFor { party } => {
                let known = self.ledger.with_untracked(|l| l.known_by(party));
                let to = self.ledger.with_untracked(|l| {
                    l.parties
                        .get(party)
                        .and_then(|p| p.organisation.clone())
                        .unwrap_or_else(|| party.clone())
                });
                (
                    exchange::unknown_to(data, &known),
                    Some(format!("ändringar till {to}")),
                )
            }
        });
        let name = exchange::file_name(origin.organisation.as_deref(), part.as_deref(), today());
        let text = exchange::export_scoped(&data, origin, &now, scope.clone());
        let records = exchange::record_count(&data);
        self.commit_with_ledger(Dataset::default(), vec![], |l| {
            l.note_export(&name, &now, scope, &data)
        });
        ExportedFile {
            name,
            text,
            records,
        }
    }

    /// Reads an exchange file and works out what importing it would do,
    /// without changing anything. `progress` hears each step; the page is
    /// given back to the browser between steps.
    pub async fn preview_import(
        &self,
        file_name: &str,
        bytes: &[u8],
        progress: impl Fn(&'static str),
    ) -> Result<ImportPreview, String> {
        progress(t(Text::ImportProgressChecking));
        yield_to_browser().await;
        // The signature before anything else: nothing of an altered file is read.
        let verification = signing::verify_file(bytes).await?;
        if verification == Verification::Invalid {
            return Err(t(Text::SignatureAltered).into());
        }
        // The three steps of exchange::parse, each in a task of its own.
        let parsed = exchange::parse_json(bytes, MAX_IMPORT_BYTES).map_err(|e| e.to_string())?;
        if verification == Verification::Unsigned && parsed.has_member("signature") {
            return Err(t(Text::SignatureElsewhere).into());
        }
        yield_to_browser().await;
        let checked = parsed.check().map_err(|e| e.to_string())?;
        yield_to_browser().await;
        let imported = checked.read().map_err(|e| e.to_string())?;
        let signature = self.assess_signature(&imported.origin, verification).await;
        if signature.refused() {
            return Err(tf(
                Text::SignatureForeignKeyForThisCopy,
                &[&imported.origin.copy_id],
            ));
        }
        progress(t(Text::ImportProgressMerging));
        yield_to_browser().await;
        let copy_id = self.copy_id();
        let screened = self.data.with_untracked(|local| {
            exchange::check_own_versions(local, &imported.data, &copy_id)
                .map_err(|e| e.to_string())?;
            exchange::screen(local, &imported.data).map_err(|e| e.to_string())
        })?;
        let refused = screened.refused.iter().map(|r| r.to_string()).collect();
        let merged = screened.merged;
        exchange::check_merged(&merged).map_err(|e| e.to_string())?;
        progress(t(Text::ImportProgressComparing));
        yield_to_browser().await;
        let (report, deletions) = self.data.with_untracked(|local| {
            (
                MergeReport::compare(local, &merged),
                DeletionReview::of(local, &merged),
            )
        });
        let unknown = UnknownInFile::of(&imported.data);
        let conflicts = if report.conflicts.is_empty() {
            vec![]
        } else {
            yield_to_browser().await;
            exchange::conflicts(&merged)
        };
        Ok(ImportPreview {
            file_name: file_name.to_owned(),
            origin: imported.origin,
            created_at: imported.created_at,
            scope: imported.scope,
            incoming: screened.incoming,
            refused,
            merged,
            report,
            conflicts,
            signature,
            deletions,
            unknown,
        })
    }

    /// What a file's signature means here: this copy's key and the keys it
    /// trusts against the origin the file names.
    async fn assess_signature(
        &self,
        origin: &Origin,
        verification: Verification,
    ) -> SignatureStatus {
        let own_key = match verification {
            Verification::Valid(_) => signing::copy_key().await.ok().map(|k| k.fingerprint),
            _ => None,
        };
        exchange::assess(
            origin,
            verification,
            &self.copy_id(),
            own_key.as_ref(),
            &self.trusted_keys(),
        )
    }

    /// Merges the file into the data as it is now (an edit saved meanwhile,
    /// here or in another tab, is merged with, never overwritten), without
    /// the records the user left out and without the deletions of records
    /// that live records refer to; stores the records that changed with the
    /// log line, and keeps what changed so the import can be undone. Many or
    /// weighty deletions (`DeletionReview::needs_confirmation`) are made only
    /// when `deletions_confirmed`.
    pub fn apply_import(
        &self,
        preview: ImportPreview,
        left_out: &BTreeSet<RecordRef>,
        deletions_confirmed: bool,
    ) -> Result<Effect, String> {
        let without_left_out;
        let taken = if left_out.is_empty() {
            &preview.incoming
        } else {
            without_left_out = exchange::without(&preview.incoming, left_out);
            &without_left_out
        };
        // Checked again: the data may have changed since the preview (a
        // record that breaks a rule now is left out too).
        let copy_id = self.copy_id();
        let screened = self.data.with_untracked(|local| {
            exchange::check_own_versions(local, taken, &copy_id).map_err(|e| e.to_string())?;
            exchange::screen(local, taken).map_err(|e| e.to_string())
        })?;
        let mut merged = screened.merged;
        let refused = preview.refused.len() + screened.refused.len();
        let deletions = self
            .data
            .with_untracked(|local| DeletionReview::of(local, &merged));
        if deletions.needs_confirmation() && !deletions_confirmed {
            return Err(tf(
                Text::ImportDeletionsUnconfirmed,
                &[&deletions.deleted.len()],
            ));
        }
        let stamp = self.stamp();
        let kept_live = deletions
            .keep_refused(&mut merged, &stamp)
            .map_err(|e| e.to_string())?;
        exchange::check_merged(&merged).map_err(|e| {
            if left_out.is_empty() {
                e.to_string()
            } else {
                tf(Text::ImportIncludeReferenced, &[&e])
            }
        })?;
        let (report, changed, before) = self.data.with_untracked(|local| {
            let changed = changed_records(local, &merged);
            let refs = record_refs(&changed);
            (
                MergeReport::compare(local, &merged),
                changed,
                records_of(local, &refs),
            )
        });
        let effect = Effect::of(&report, left_out.len() + refused);
        self.data.set(merged);
        self.last_import.set_value(Some(ImportUndo {
            before,
            after: changed.clone(),
        }));
        let history: Vec<HistoryEntry> = kept_live
            .into_iter()
            .map(|change| self.keep_in_history(change, stamp.clone(), None))
            .collect();
        let at = now();
        self.commit_with_ledger(changed, history, |l| {
            l.note_import(
                &preview.origin,
                &preview.file_name,
                &at,
                preview.scope,
                &preview.incoming,
                effect.clone(),
            )
        });
        Ok(effect)
    }

    pub fn can_undo_import(&self) -> bool {
        self.last_import.with_value(Option::is_some)
    }

    /// Sets back what the last import here changed, where it still holds the
    /// imported value (an edit made after the import is kept); the undo is
    /// an attributed change of each record, in the history. `Ok(false)`:
    /// nothing was left to undo.
    pub fn undo_import(&self) -> Result<bool, String> {
        let Some(undo) = self.last_import.try_update_value(Option::take).flatten() else {
            return Ok(false);
        };
        let stamp = self.stamp();
        let mut outcome = Ok(vec![]);
        self.data.maybe_update(|data| {
            outcome = undo_import(data, &undo, &stamp);
            matches!(&outcome, Ok(changes) if !changes.is_empty())
        });
        let changes = outcome.map_err(|e| e.to_string())?;
        let refs: Vec<RecordRef> = changes.iter().map(|c| c.record.clone()).collect();
        let history: Vec<HistoryEntry> = changes
            .into_iter()
            .map(|change| self.keep_in_history(change, stamp.clone(), None))
            .collect();
        if refs.is_empty() {
            self.ledger.update(Ledger::note_undo);
            return Ok(false);
        }
        let records = self.data.with_untracked(|d| records_of(d, &refs));
        self.commit_with_ledger(records, history, Ledger::note_undo);
        Ok(true)
    }
}

/// Every record of a (partial) data set, by kind and id.
fn record_refs(data: &Dataset) -> Vec<RecordRef> {
    data.record_metas()
        .map(|(kind, id, _)| RecordRef::new(kind, id))
        .collect()
}
