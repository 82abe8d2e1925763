//! The justering workflow of minutes: planned → draft → for adjustment →
//! adjusted (locked), and the recorded addenda (rättelse, tillägg) that are
//! the only changes once adjusted. Also the defaults a new protocol gets:
//! the next § number and the chair and secretary by the body's rules.
//!
//! Minutes are adjusted by their signers, not by a button: sending them for
//! justering writes the signature block (secretary, chair, each adjuster),
//! and each signer signs their own line in their own copy ("Jag justerar",
//! [`Dataset::sign_minutes`]), or the secretary records a signature given on
//! paper. A signature is an edit of one item of the `signatures` list, so it
//! travels in exchange files, and two signers' concurrent signatures merge
//! item by item without loss. The lock is not a value anyone writes: the
//! minutes *are* adjusted once every line of the block is signed
//! ([`Meeting::minutes_state`]), on the date of the last signature. So the
//! copy that receives the last signature in a file locks exactly as the
//! signer's copy did, and every copy that holds the same signatures agrees.

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use crate::i18n::{t, tf, Text};

use super::*;

/// A step of the workflow the secretary takes. Adjusting is no step: the
/// minutes are adjusted when their signers have signed ([`Justering`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MinutesStep {
    /// Start writing the minutes of a planned meeting.
    StartDraft,
    /// The draft is done; the signers read and sign it.
    SendForAdjustment,
    /// Back to the secretary for changes (signatures given so far lapse).
    ReturnToDraft,
}

impl MinutesStep {
    pub fn label(&self) -> &'static str {
        match self {
            MinutesStep::StartDraft => t(Text::StepStartDraft),
            MinutesStep::SendForAdjustment => t(Text::StepSendForAdjustment),
            MinutesStep::ReturnToDraft => t(Text::StepReturnToDraft),
        }
    }
}

/// A signature to record: `person` signs their lines of the signature block
/// on `date`, in their own copy, or on paper (recorded by the secretary).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Justering {
    pub person: PersonId,
    pub date: NaiveDate,
    pub on_paper: bool,
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
        match meeting.minutes_state() {
            MinutesState::Planned => vec![MinutesStep::StartDraft],
            MinutesState::Draft => vec![MinutesStep::SendForAdjustment],
            MinutesState::ForAdjustment => vec![MinutesStep::ReturnToDraft],
            MinutesState::Adjusted { .. } => vec![],
        }
    }

    /// Takes a step of the workflow, checking what it needs: to send the
    /// minutes for justering, § numbered without gaps, a chair and at least
    /// one adjuster; sending writes the signature block afresh (every line
    /// unsigned) and going back to the draft clears it.
    pub fn take_minutes_step(
        &mut self,
        id: &MeetingId,
        step: MinutesStep,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError> {
        let meeting = self
            .meeting(id)
            .ok_or_else(|| EditError::NotFound(id.to_string()))?;
        if meeting.is_adjusted() {
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
                if !errors.is_empty() {
                    return Err(EditError::Rejected(errors));
                }
                changed.signatures = meeting.signature_block();
                MinutesState::ForAdjustment
            }
            (MinutesState::ForAdjustment, MinutesStep::ReturnToDraft) => {
                // A signature is given to the text as sent; a changed text
                // is sent and signed again.
                changed.signatures.clear();
                MinutesState::Draft
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

    /// Records a signature: `justering.person` signs every line of the
    /// signature block that is theirs and unsigned, on a date neither before
    /// the meeting nor after `today`. The minutes must be out for justering.
    /// The last signature adjusts and locks them (see
    /// [`Meeting::minutes_state`]).
    pub fn sign_minutes(
        &mut self,
        id: &MeetingId,
        justering: Justering,
        today: NaiveDate,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError> {
        let meeting = self
            .meeting(id)
            .ok_or_else(|| EditError::NotFound(id.to_string()))?;
        if meeting.is_adjusted() {
            return Err(EditError::Locked(locked_minutes().to_owned()));
        }
        if meeting.minutes != MinutesState::ForAdjustment {
            return Err(refuse("signatures", t(Text::MinutesNotForAdjustment)));
        }
        let Justering {
            person,
            date,
            on_paper,
        } = justering;
        let name = self.person_name(&person);
        let roles: Vec<SignatureRole> = meeting
            .signature_block()
            .into_iter()
            .filter(|line| line.person == person)
            .map(|line| line.role)
            .collect();
        if roles.is_empty() {
            return Err(refuse("signatures", tf(Text::MinutesNotASigner, &[&name])));
        }
        if let Err(message) = check_signing_date(meeting, date, today) {
            return Err(refuse("signatures", message));
        }
        let signed = Signed {
            date,
            on_paper,
            recorded: stamp.clone(),
        };
        let mut changed = meeting.clone();
        let mut newly = 0;
        for role in roles {
            let lines = &mut changed.signatures;
            let mine = |l: &Signature| l.person == person && l.role == role;
            if lines.iter().any(|l| mine(l) && l.signed.is_some()) {
                continue;
            }
            match lines.iter_mut().find(|l| mine(l)) {
                Some(line) => line.signed = Some(signed.clone()),
                None => lines.push(Signature {
                    person: person.clone(),
                    role,
                    paragraphs: None,
                    signed: Some(signed.clone()),
                }),
            }
            newly += 1;
        }
        if newly == 0 {
            return Err(refuse(
                "signatures",
                tf(Text::MinutesAlreadySigned, &[&name]),
            ));
        }
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
        if !meeting.is_adjusted() {
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

/// Whether `date` can be the date of a signature of `meeting`: not before
/// the meeting, not after `today`. The message says which and why.
pub fn check_signing_date(
    meeting: &Meeting,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(), String> {
    let shown = crate::format::date;
    if let Some(held) = meeting.date.value() {
        if date < *held {
            return Err(tf(
                Text::MinutesAdjustedBeforeMeeting,
                &[&shown(date), &shown(*held)],
            ));
        }
    }
    if date > today {
        return Err(tf(
            Text::MinutesSignedInFuture,
            &[&shown(date), &shown(today)],
        ));
    }
    Ok(())
}

impl Meeting {
    /// The lines the minutes need signed, as the meeting names its officers
    /// now: secretary, chair, each adjuster.
    pub fn signature_block(&self) -> Vec<Signature> {
        let line = |person: &PersonId, role| Signature {
            person: person.clone(),
            role,
            paragraphs: None,
            signed: None,
        };
        self.secretary
            .iter()
            .map(|p| line(p, SignatureRole::Secretary))
            .chain(self.chair.iter().map(|p| line(p, SignatureRole::Chair)))
            .chain(
                self.adjusters
                    .iter()
                    .map(|p| line(p, SignatureRole::Adjuster)),
            )
            .collect()
    }

    /// The signature of `person` as `role`, when given.
    pub fn signature_of(&self, person: &PersonId, role: SignatureRole) -> Option<&Signed> {
        self.signatures
            .iter()
            .filter(|s| s.person == *person && s.role == role)
            .find_map(|s| s.signed.as_ref())
    }

    /// The date of the last signature, once every line of the signature
    /// block is signed.
    pub fn signed_by_all(&self) -> Option<NaiveDate> {
        let block = self.signature_block();
        if block.is_empty() {
            return None;
        }
        block
            .iter()
            .map(|line| self.signature_of(&line.person, line.role).map(|s| s.date))
            .collect::<Option<Vec<NaiveDate>>>()?
            .into_iter()
            .max()
    }

    /// The state of the minutes as it stands: minutes out for justering are
    /// adjusted, on the date of the last signature, once secretary, chair
    /// and every adjuster have signed. Derived from the signatures alone, so
    /// every copy holding them shows the same lock, however they arrived.
    pub fn minutes_state(&self) -> MinutesState {
        if self.minutes == MinutesState::ForAdjustment {
            if let Some(date) = self.signed_by_all() {
                return MinutesState::Adjusted {
                    date: Fact::Stated(date),
                };
            }
        }
        self.minutes.clone()
    }

    /// Adjusted and so locked: changed only by addenda.
    pub fn is_adjusted(&self) -> bool {
        match self.minutes {
            MinutesState::Adjusted { .. } => true,
            MinutesState::ForAdjustment => self.signed_by_all().is_some(),
            _ => false,
        }
    }

    /// The lines of the signature block `person` has still to sign.
    pub fn unsigned_roles(&self, person: &PersonId) -> Vec<SignatureRole> {
        if self.minutes != MinutesState::ForAdjustment || self.is_adjusted() {
            return vec![];
        }
        self.signature_block()
            .into_iter()
            .filter(|line| line.person == *person && self.signature_of(person, line.role).is_none())
            .map(|line| line.role)
            .collect()
    }
}

impl Signed {
    /// "justerat 24 november 2026", or "justerat på papper …".
    pub fn described(&self) -> String {
        let text = if self.on_paper {
            Text::SignedOnPaper
        } else {
            Text::SignedOn
        };
        tf(text, &[&crate::format::date(self.date)])
    }
}

/// A line of the signature block as a person reads it: who, as what, and
/// when signed.
pub(crate) fn signature_text(data: &Dataset, line: &Signature) -> String {
    let mut text = format!(
        "{}, {}",
        data.person_name(&line.person),
        line.role.label().to_lowercase()
    );
    if let Some(range) = line.paragraphs {
        text.push_str(&format!(" {range}"));
    }
    if let Some(signed) = &line.signed {
        text.push_str(&format!(" – {}", signed.described()));
    }
    text
}
