//! What a person recorded about an obligation on "Att göra": handled (a
//! promised report with the § that dealt with it) or dismissed with a reason.
//!
//! The notes are a list on the county's record (`County::due_notes`), so
//! they merge item by item like every list, travel with the county in
//! exchange files, and older copies keep them as an unknown field. An
//! obligation is named by its key (`rules::due::DueItem::key`), which is
//! derived from the records that create it, so every copy computes the same.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::{t, Text};

use super::{Change, ChangeStamp, County, CountyId, Dataset, EditError, ParagraphId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueNoteState {
    /// Done: dealt with (in the § `handled_in`, for a promised report).
    Handled,
    /// Not to be done, for the reason given.
    Dismissed,
}

/// A person's word on one obligation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueNote {
    /// The obligation's key.
    pub item: String,
    /// The obligation as it read when the note was made.
    pub what: String,
    pub state: DueNoteState,
    /// The § that dealt with a promised report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handled_in: Option<ParagraphId>,
    /// Why it was dismissed (required), or a remark.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// The day the note was made.
    pub dated: NaiveDate,
}

fn invalid(field: &'static str, text: Text) -> EditError {
    EditError::Invalid {
        field,
        message: t(text).to_owned(),
    }
}

impl Dataset {
    /// The note on an obligation of a county, if any (the last one made
    /// wins when two copies noted it at once).
    pub fn due_note(&self, county: &CountyId, item: &str) -> Option<&DueNote> {
        self.county(county)?
            .due_notes
            .iter()
            .rev()
            .find(|n| n.item == item)
    }

    /// Records a note on an obligation, replacing an earlier one. Goes
    /// through `save_from`, so it is attributed, in the history, undoable
    /// and exported like any edit.
    pub fn note_due(
        &mut self,
        county: &CountyId,
        note: DueNote,
        stamp: ChangeStamp,
    ) -> Result<Option<Change>, EditError> {
        if note.state == DueNoteState::Dismissed && note.reason.trim().is_empty() {
            return Err(invalid("reason", Text::DueDismissReasonRequired));
        }
        if let Some(paragraph) = &note.handled_in {
            if !self.live_paragraphs().any(|p| &p.id == paragraph) {
                return Err(invalid("handled_in", Text::DueHandledInMissing));
            }
        }
        self.change_due_notes(county, stamp, |notes| {
            notes.retain(|n| n.item != note.item);
            notes.push(note);
        })
    }

    /// Removes the note on an obligation: it is open again.
    pub fn reopen_due(
        &mut self,
        county: &CountyId,
        item: &str,
        stamp: ChangeStamp,
    ) -> Result<Option<Change>, EditError> {
        self.change_due_notes(county, stamp, |notes| notes.retain(|n| n.item != item))
    }

    fn change_due_notes(
        &mut self,
        county: &CountyId,
        stamp: ChangeStamp,
        change: impl FnOnce(&mut Vec<DueNote>),
    ) -> Result<Option<Change>, EditError> {
        let opened: County = self
            .county(county)
            .cloned()
            .ok_or_else(|| EditError::NotFound(county.to_string()))?;
        let mut edited = opened.clone();
        change(&mut edited.due_notes);
        self.save_from(&opened, edited, stamp)
    }
}
