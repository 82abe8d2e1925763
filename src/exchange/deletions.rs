//! The deletions an import would make, held to the editor's rule: a record
//! that live records still refer to is not deleted (`Dataset::referrers_of`,
//! the check `Dataset::delete` makes). The preview states what a file
//! deletes and asks for a confirmation above [`CONFIRM_ABOVE`] records or
//! for any [weighty](DeletionReview::weighty) record; the deletions refused
//! are undone on the merged data as an attributed edit of this copy, so the
//! record stays live here and, with the next export, elsewhere too.

use std::collections::BTreeSet;

use crate::model::{Change, ChangeStamp, Dataset, EditError, RecordKind, RecordRef};

/// More deletions than this in one file need an explicit confirmation.
pub const CONFIRM_ABOVE: usize = 5;

/// A deletion the file asks for and the import does not make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedDeletion {
    pub record: RecordRef,
    /// The live records that refer to it (or records whose deletion is
    /// refused and that refer to it).
    pub referrers: Vec<RecordRef>,
}

/// What a file deletes of the receiver's live records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeletionReview {
    /// Deleted by the import, kinds in dependency order.
    pub deleted: Vec<RecordRef>,
    /// Asked for by the file, refused: something live still refers to them.
    pub refused: Vec<RefusedDeletion>,
    /// Whether any deleted record is a county, an organisation, or adjusted
    /// minutes or one of their § — deletions a person should never miss.
    pub weighty: bool,
}

impl DeletionReview {
    /// Compares `local` with `merged` (the file merged into it): the records
    /// live before and deleted after, and of those the ones that records
    /// live after the import still refer to. A refused deletion keeps its
    /// record live, so what it refers to is refused in turn.
    pub fn of(local: &Dataset, merged: &Dataset) -> DeletionReview {
        let was_live: BTreeSet<(RecordKind, &str)> = local
            .record_metas()
            .filter(|(_, _, meta)| !meta.deleted)
            .map(|(kind, id, _)| (kind, id))
            .collect();
        let asked: Vec<RecordRef> = merged
            .deleted_records()
            .into_iter()
            .filter(|r| was_live.contains(&(r.kind, r.id.as_str())))
            .collect();
        if asked.is_empty() {
            return DeletionReview::default();
        }
        let asked_set: BTreeSet<&RecordRef> = asked.iter().collect();
        // Referrers among the records live after the merge and those the
        // file deletes (which may stay live if their deletion is refused).
        let referrers = merged.referrers_of(&asked, |record, deleted| {
            !deleted || asked_set.contains(record)
        });
        let mut refused: BTreeSet<&RecordRef> = BTreeSet::new();
        loop {
            let more: Vec<&RecordRef> = asked
                .iter()
                .filter(|r| !refused.contains(r))
                .filter(|r| {
                    referrers
                        .get(*r)
                        .into_iter()
                        .flatten()
                        .any(|by| !asked_set.contains(by) || refused.contains(by))
                })
                .collect();
            if more.is_empty() {
                break;
            }
            refused.extend(more);
        }
        let keeps_live = |by: &RecordRef| !asked_set.contains(by) || refused.contains(by);
        let deleted: Vec<RecordRef> = asked
            .iter()
            .filter(|r| !refused.contains(r))
            .cloned()
            .collect();
        let weighty = deleted.iter().any(|r| is_weighty(local, r));
        let refused = asked
            .iter()
            .filter(|r| refused.contains(r))
            .map(|r| RefusedDeletion {
                record: r.clone(),
                referrers: referrers
                    .get(r)
                    .into_iter()
                    .flatten()
                    .filter(|by| keeps_live(by))
                    .cloned()
                    .collect(),
            })
            .collect();
        DeletionReview {
            deleted,
            refused,
            weighty,
        }
    }

    /// Whether the import must be confirmed before it is applied.
    pub fn needs_confirmation(&self) -> bool {
        self.deleted.len() > CONFIRM_ABOVE || self.weighty
    }

    /// Undoes, in `merged`, the deletions refused, as edits stamped by this
    /// copy (so the record's tombstone is a newer "live" than the file's
    /// "deleted", here and wherever this copy's data goes). Returns the
    /// changes for the history.
    pub fn keep_refused(
        &self,
        merged: &mut Dataset,
        stamp: &ChangeStamp,
    ) -> Result<Vec<Change>, EditError> {
        let mut changes = vec![];
        for refused in &self.refused {
            changes.push(merged.keep_live(&refused.record, stamp.clone())?);
        }
        Ok(changes)
    }
}

fn is_weighty(local: &Dataset, record: &RecordRef) -> bool {
    let adjusted = |meeting: &str| {
        local
            .meetings
            .iter()
            .any(|m| m.id.as_str() == meeting && m.is_adjusted())
    };
    match record.kind {
        RecordKind::Counties | RecordKind::Organisations => true,
        RecordKind::Meetings => adjusted(&record.id),
        RecordKind::Paragraphs => local
            .paragraphs
            .iter()
            .any(|p| p.id.as_str() == record.id && adjusted(p.meeting.as_str())),
        _ => false,
    }
}
