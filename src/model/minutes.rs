//! The justering workflow of minutes: planned → draft → for adjustment →
//! adjusted (locked), and the recorded addenda (rättelse, tillägg) that are
//! the only changes once adjusted. Also the defaults a new protocol gets:
//! the next § number and the chair and secretary by the body's rules.

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use crate::i18n::{t, tf, Text};

use super::*;

/// A step of the workflow the user can take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MinutesStep {
    /// Start writing the minutes of a planned meeting.
    StartDraft,
    /// The draft is done; the adjusters read it.
    SendForAdjustment,
    /// Back to the secretary for changes.
    ReturnToDraft,
    /// Justerat on `date`: locked from now on.
    Adjust { date: NaiveDate },
}

impl MinutesStep {
    pub fn label(&self) -> &'static str {
        match self {
            MinutesStep::StartDraft => t(Text::StepStartDraft),
            MinutesStep::SendForAdjustment => t(Text::StepSendForAdjustment),
            MinutesStep::ReturnToDraft => t(Text::StepReturnToDraft),
            MinutesStep::Adjust { .. } => t(Text::StepAdjust),
        }
    }
}

/// An addendum as the user writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAddendum {
    pub kind: AddendumKind,
    pub paragraph: Option<u32>,
    pub text: String,
    pub reason: String,
}

fn refuse(field: &'static str, message: impl Into<String>) -> EditError {
    EditError::Rejected(vec![FieldError::new(field, message)])
}

impl Dataset {
    /// The steps open to a meeting's minutes now.
    pub fn minutes_steps(&self, meeting: &Meeting) -> Vec<MinutesStep> {
        match meeting.minutes {
            MinutesState::Planned => vec![MinutesStep::StartDraft],
            MinutesState::Draft => vec![MinutesStep::SendForAdjustment],
            MinutesState::ForAdjustment => vec![
                MinutesStep::ReturnToDraft,
                MinutesStep::Adjust {
                    date: meeting.date.value().copied().unwrap_or(NaiveDate::MIN),
                },
            ],
            MinutesState::Adjusted { .. } => vec![],
        }
    }

    /// Takes a step of the workflow, checking what it needs: § numbered
    /// without gaps before adjustment; chair, an adjuster and a date (not
    /// before the meeting) to adjust. Adjusting fills in the signature
    /// block when it is empty.
    pub fn take_minutes_step(
        &mut self,
        id: &MeetingId,
        step: MinutesStep,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError> {
        let meeting = self
            .meeting(id)
            .ok_or_else(|| EditError::NotFound(id.to_string()))?;
        if let MinutesState::Adjusted { .. } = meeting.minutes {
            return Err(EditError::Locked(locked_minutes().to_owned()));
        }
        let numbers: Vec<u32> = self.paragraphs_of(id).iter().map(|p| p.number).collect();
        let mut changed = meeting.clone();
        changed.minutes = match (&meeting.minutes, &step) {
            (MinutesState::Planned, MinutesStep::StartDraft) => MinutesState::Draft,
            (MinutesState::Draft, MinutesStep::SendForAdjustment) => {
                if numbers.is_empty() {
                    return Err(refuse("minutes", t(Text::MinutesNoParagraphs)));
                }
                check_numbering(&numbers).map_err(|e| EditError::Rejected(vec![e]))?;
                MinutesState::ForAdjustment
            }
            (MinutesState::ForAdjustment, MinutesStep::ReturnToDraft) => MinutesState::Draft,
            (MinutesState::ForAdjustment, MinutesStep::Adjust { date }) => {
                let mut errors = vec![];
                if let Err(e) = check_numbering(&numbers) {
                    errors.push(e);
                }
                if meeting.chair.is_none() {
                    errors.push(FieldError::new("chair", t(Text::MinutesNeedsChair)));
                }
                if meeting.adjusters.is_empty() {
                    errors.push(FieldError::new("adjusters", t(Text::MinutesNeedsAdjuster)));
                }
                if let Some(held) = meeting.date.value() {
                    if date < held {
                        errors.push(FieldError::new(
                            "minutes",
                            tf(
                                Text::MinutesAdjustedBeforeMeeting,
                                &[&crate::format::date(*date), &crate::format::date(*held)],
                            ),
                        ));
                    }
                }
                if !errors.is_empty() {
                    return Err(EditError::Rejected(errors));
                }
                if changed.signatures.is_empty() {
                    changed.signatures = signature_block(meeting);
                }
                MinutesState::Adjusted {
                    date: Fact::Stated(*date),
                }
            }
            (state, step) => {
                return Err(refuse(
                    "minutes",
                    tf(
                        Text::MinutesStepNotAllowed,
                        &[&step.label(), &state.label().to_lowercase()],
                    ),
                ))
            }
        };
        let errors = changed.validate(self);
        if !errors.is_empty() {
            return Err(EditError::Rejected(errors));
        }
        self.replace_meeting(changed, stamp)
    }

    /// Records a correction or addition to adjusted minutes.
    pub fn add_addendum(
        &mut self,
        id: &MeetingId,
        addendum: NewAddendum,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError> {
        let meeting = self
            .meeting(id)
            .ok_or_else(|| EditError::NotFound(id.to_string()))?;
        let mut errors = vec![];
        if !matches!(meeting.minutes, MinutesState::Adjusted { .. }) {
            errors.push(FieldError::new("addenda", t(Text::AddendumNotAdjusted)));
        }
        if addendum.text.trim().is_empty() {
            errors.push(FieldError::new("text", t(Text::AddendumNeedsText)));
        }
        if addendum.reason.trim().is_empty() {
            errors.push(FieldError::new("reason", t(Text::AddendumNeedsReason)));
        }
        if let Some(number) = addendum.paragraph {
            if !self.paragraphs_of(id).iter().any(|p| p.number == number) {
                errors.push(FieldError::new(
                    "paragraph",
                    tf(Text::AddendumNoSuchParagraph, &[&number]),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(EditError::Rejected(errors));
        }
        let mut changed = meeting.clone();
        changed.addenda.push(Addendum {
            kind: addendum.kind,
            paragraph: addendum.paragraph,
            text: addendum.text.trim().to_owned(),
            reason: addendum.reason.trim().to_owned(),
            recorded: stamp.clone(),
        });
        self.replace_meeting(changed, stamp)
    }

    /// Swaps in a meeting changed by the workflow (bypassing the lock and
    /// the guards that keep forms away from the state and the addenda).
    fn replace_meeting(
        &mut self,
        changed: Meeting,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError> {
        let reference = changed.reference();
        let slot = self.meeting_mut(&changed.id)?;
        let before = record_fields(&*slot);
        let meta = slot.meta.clone();
        *slot = Meeting { meta, ..changed };
        let after = record_fields(&*slot);
        touch_changed(slot, &before, stamp);
        let fields = changed_fields(&before, &after)
            .into_iter()
            .map(|field| FieldChange {
                before: before.get(&field).cloned().unwrap_or(Value::Null),
                after: after.get(&field).cloned().unwrap_or(Value::Null),
                field,
            })
            .collect();
        Ok(Change {
            record: reference,
            action: ChangeAction::Changed,
            fields,
        })
    }

    /// The number the next § of a meeting gets: after its last §, or
    /// continuing the body's numbering of the year from its previous
    /// meeting, or 1.
    pub fn next_paragraph_number(&self, id: &MeetingId) -> u32 {
        if let Some(last) = self.paragraphs_of(id).iter().map(|p| p.number).max() {
            return last + 1;
        }
        let Some(meeting) = self.meeting(id) else {
            return 1;
        };
        let Some(date) = meeting.date.value() else {
            return 1;
        };
        self.meetings_of(&meeting.body)
            .into_iter()
            .filter(|m| m.id != *id)
            .filter(|m| {
                m.date
                    .value()
                    .is_some_and(|d| d.year() == date.year() && d < date)
            })
            .flat_map(|m| self.paragraphs_of(&m.id))
            .map(|p| p.number + 1)
            .max()
            .unwrap_or(1)
    }

    /// Who chairs and who keeps the minutes of a body's meeting on `date`:
    /// the holders of those offices that day by `rules::offices` (a seat
    /// that covers the date, from the party whose turn it is when the
    /// office rotates), and nobody when no seat says so.
    pub fn default_officers(
        &self,
        body: &BodyId,
        date: NaiveDate,
    ) -> (Option<PersonId>, Option<PersonId>) {
        let Some(body) = self.body(body) else {
            return (None, None);
        };
        let holder = |office| crate::rules::offices::office_holder(self, body, office, date).person;
        (holder(Office::Chair), holder(Office::Secretary))
    }
}

/// The signature lines of adjusted minutes: secretary, chair, adjusters.
fn signature_block(meeting: &Meeting) -> Vec<Signature> {
    let line = |person: &PersonId, role| Signature {
        person: person.clone(),
        role,
        paragraphs: None,
    };
    meeting
        .secretary
        .iter()
        .map(|p| line(p, SignatureRole::Secretary))
        .chain(meeting.chair.iter().map(|p| line(p, SignatureRole::Chair)))
        .chain(
            meeting
                .adjusters
                .iter()
                .map(|p| line(p, SignatureRole::Adjuster)),
        )
        .collect()
}
