//! The rules a record must meet before it is saved, one function per record
//! kind, each rule giving the field and a message (in the interface's
//! language) that says why.
//! Also what is locked: adjusted minutes and their §.

use std::collections::BTreeSet;

use crate::i18n::{t, tf, Text};

use super::*;

/// What makes a record of a kind valid, and when it may not change.
pub trait Rules {
    /// Every rule the record breaks, in the order of the form's fields.
    fn validate(&self, data: &impl Lookup) -> Vec<FieldError>;
    /// Why the record cannot be changed or deleted now, if it cannot.
    fn locked(&self, _data: &impl Lookup) -> Option<String> {
        None
    }
    /// Changes that must go another way than the form (e.g. the minutes'
    /// state, which moves only through the justering steps).
    fn guard_change(_before: &Self, _after: &Self) -> Option<FieldError>
    where
        Self: Sized,
    {
        None
    }
    /// Conditions on a new record beyond `validate`.
    fn guard_new(&self) -> Option<FieldError> {
        None
    }
}

/// The message for any change to adjusted minutes.
/// Kept in Swedish for callers that compare with it; the shown text is
/// [`locked_minutes`].
pub const LOCKED_MINUTES: &str =
    "Protokollet är justerat och låst. Ändringar görs som rättelse eller tillägg.";

/// The message for any change to adjusted minutes, in the current language.
pub fn locked_minutes() -> &'static str {
    t(Text::LockedMinutes)
}

/// Collects the errors of one record.
#[derive(Default)]
struct Check(Vec<FieldError>);

impl Check {
    fn fail(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    fn required(&mut self, field: &'static str, value: &str, message: &str) {
        if value.trim().is_empty() {
            self.fail(field, message);
        }
    }

    fn exists(&mut self, field: &'static str, found: bool, what: &str, id: &str) {
        if !found {
            self.fail(field, tf(Text::ValidationNotFound, &[&what, &id]));
        }
    }

    fn no_blank_items(&mut self, field: &'static str, items: &[String], what: &str) {
        if let Some(i) = items.iter().position(|s| s.trim().is_empty()) {
            self.fail(field, tf(Text::ValidationBlankItem, &[&what, &(i + 1)]));
        }
    }
}

impl Rules for Organisation {
    fn validate(&self, data: &impl Lookup) -> Vec<FieldError> {
        let mut c = Check::default();
        c.required("name", &self.name, t(Text::ValidationOrganisationName));
        c.exists(
            "county",
            data.has_county(&self.county),
            t(Text::WhatCounty),
            self.county.as_str(),
        );
        if data.organisation_name_taken(&self.name, &self.id) {
            c.fail("name", t(Text::ValidationOrganisationExists));
        }
        c.no_blank_items("former_names", &self.former_names, t(Text::WhatFormerName));
        c.0
    }
}

impl Rules for Person {
    fn validate(&self, data: &impl Lookup) -> Vec<FieldError> {
        let mut c = Check::default();
        c.required("name", &self.name, t(Text::ValidationPersonName));
        if let Some(org) = &self.organisation {
            c.exists(
                "organisation",
                data.has_organisation(org),
                t(Text::WhatOrganisation),
                org.as_str(),
            );
        }
        c.no_blank_items("name_variants", &self.name_variants, t(Text::WhatSpelling));
        c.0
    }
}

impl Rules for Body {
    fn validate(&self, data: &impl Lookup) -> Vec<FieldError> {
        let mut c = Check::default();
        c.required("name", &self.name, t(Text::ValidationBodyName));
        if data.body_name_taken(&self.county, &self.name, &self.id) {
            c.fail("name", t(Text::ValidationBodyExists));
        }
        if let Some(short) = &self.short_name {
            if short.chars().count() > 20 {
                c.fail("short_name", t(Text::ValidationShortNameLength));
            }
        }
        c.exists(
            "county",
            data.has_county(&self.county),
            t(Text::WhatCounty),
            self.county.as_str(),
        );
        if let Some(owner) = &self.owner {
            c.exists(
                "owner",
                data.has_organisation(owner),
                t(Text::WhatOrganisation),
                owner.as_str(),
            );
        }
        c.no_blank_items("mandate", &self.mandate, t(Text::WhatMandateItem));
        c.no_blank_items("other_names", &self.other_names, t(Text::WhatOtherName));
        if let Some(agreement) = &self.established_by {
            c.exists(
                "established_by",
                data.has_agreement(agreement),
                t(Text::WhatAgreement),
                agreement.as_str(),
            );
        }
        if let Some(i) = self
            .composition
            .iter()
            .position(|r| r.text.trim().is_empty())
        {
            c.fail("composition", tf(Text::ValidationRuleText, &[&(i + 1)]));
        }
        if let Some(i) = self
            .meeting_rules
            .iter()
            .position(|r| r.text.trim().is_empty())
        {
            c.fail("meeting_rules", tf(Text::ValidationRuleText, &[&(i + 1)]));
        }
        c.0
    }
}

impl Rules for Relation {
    fn validate(&self, data: &impl Lookup) -> Vec<FieldError> {
        let mut c = Check::default();
        c.exists(
            "from",
            data.has_body(&self.from),
            t(Text::WhatBody),
            self.from.as_str(),
        );
        c.exists(
            "to",
            data.has_body(&self.to),
            t(Text::WhatBody),
            self.to.as_str(),
        );
        if self.from == self.to {
            c.fail("to", t(Text::ValidationRelationToItself));
        }
        if data.relation_taken(self) {
            c.fail("kind", t(Text::ValidationRelationExists));
        }
        c.0
    }
}

impl Rules for Membership {
    fn validate(&self, data: &impl Lookup) -> Vec<FieldError> {
        let mut c = Check::default();
        c.exists(
            "person",
            data.has_person(&self.person),
            t(Text::WhatPerson),
            self.person.as_str(),
        );
        c.exists(
            "body",
            data.has_body(&self.body),
            t(Text::WhatBody),
            self.body.as_str(),
        );
        if let Some(org) = &self.representing {
            c.exists(
                "representing",
                data.has_organisation(org),
                t(Text::WhatOrganisation),
                org.as_str(),
            );
        }
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if to < from {
                c.fail(
                    "to",
                    tf(
                        Text::ValidationMembershipEndsBeforeStart,
                        &[&crate::format::date(to), &crate::format::date(from)],
                    ),
                );
            }
        }
        if let MembershipRole::Substitute {
            for_person: Some(member),
        } = &self.role
        {
            if member == &self.person {
                c.fail("role", t(Text::ValidationOwnSubstitute));
            } else {
                c.exists(
                    "role",
                    data.has_person(member),
                    t(Text::WhatPerson),
                    member.as_str(),
                );
            }
        }
        c.0
    }
}

impl Rules for Agreement {
    fn validate(&self, data: &impl Lookup) -> Vec<FieldError> {
        let mut c = Check::default();
        c.required("title", &self.title, t(Text::ValidationAgreementTitle));
        c.exists(
            "county",
            data.has_county(&self.county),
            t(Text::WhatCounty),
            self.county.as_str(),
        );
        if self.parties.is_empty() {
            c.fail("parties", t(Text::ValidationNoParties));
        }
        for party in &self.parties {
            if let AgreementParty::Organisation { organisation } = party {
                c.exists(
                    "parties",
                    data.has_organisation(organisation),
                    t(Text::WhatOrganisation),
                    organisation.as_str(),
                );
            }
        }
        if let Some(i) = self.sections.iter().position(|s| s.title.trim().is_empty()) {
            c.fail("sections", tf(Text::ValidationSectionTitle, &[&(i + 1)]));
        }
        if let Some(notice) = &self.notice {
            if notice.months == 0 {
                c.fail("notice", t(Text::ValidationNoticeMonths));
            }
        }
        for body in &self.establishes {
            c.exists(
                "establishes",
                data.has_body(body),
                t(Text::WhatBody),
                body.as_str(),
            );
        }
        c.0
    }
}

/// The § numbers of a meeting's live paragraphs, sorted.
fn paragraph_numbers(data: &impl Lookup, meeting: &MeetingId) -> Vec<u32> {
    let mut numbers: Vec<u32> = data
        .paragraph_numbers(meeting)
        .into_iter()
        .map(|(number, _)| number)
        .collect();
    numbers.sort_unstable();
    numbers
}

/// Whether a protocol's § are numbered continuously: no number twice, no
/// gap. The first number may continue the body's numbering of the year.
pub fn check_numbering(numbers: &[u32]) -> Result<(), FieldError> {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    for pair in sorted.windows(2) {
        if pair[0] == pair[1] {
            return Err(FieldError::new(
                "number",
                tf(Text::ValidationParagraphTwice, &[&pair[0]]),
            ));
        }
        if pair[1] != pair[0] + 1 {
            let missing: Vec<String> = (pair[0] + 1..pair[1]).map(|n| format!("§ {n}")).collect();
            return Err(FieldError::new(
                "number",
                tf(Text::ValidationParagraphGap, &[&missing.join(", ")]),
            ));
        }
    }
    Ok(())
}

impl Rules for Meeting {
    fn validate(&self, data: &impl Lookup) -> Vec<FieldError> {
        let mut c = Check::default();
        c.exists(
            "body",
            data.has_body(&self.body),
            t(Text::WhatBody),
            self.body.as_str(),
        );
        // A date the sources leave out is kept with its reason.
        if let Fact::Unknown { reason } = &self.date {
            if reason.trim().is_empty() {
                c.fail("date", t(Text::ValidationMeetingDate));
            }
        }
        c.required("place", &self.place, t(Text::ValidationMeetingPlace));
        let person_exists = |p: &PersonId| data.has_person(p);
        for (field, person) in [("chair", &self.chair), ("secretary", &self.secretary)] {
            if let Some(person) = person {
                c.exists(
                    field,
                    person_exists(person),
                    t(Text::WhatPerson),
                    person.as_str(),
                );
            }
        }
        for person in &self.adjusters {
            c.exists(
                "adjusters",
                person_exists(person),
                t(Text::WhatPerson),
                person.as_str(),
            );
        }
        let numbers = paragraph_numbers(data, &self.id);
        let mut seen = BTreeSet::new();
        for maker in &self.decision_makers {
            c.exists(
                "decision_makers",
                person_exists(&maker.person),
                t(Text::WhatPerson),
                maker.person.as_str(),
            );
            if !seen.insert(&maker.person) {
                c.fail(
                    "decision_makers",
                    tf(
                        Text::ValidationDecisionMakerTwice,
                        &[&data.name_of_person(&maker.person)],
                    ),
                );
            }
            if let Some(range) = maker.paragraphs {
                let name = data.name_of_person(&maker.person);
                if range.first > range.last {
                    c.fail(
                        "decision_makers",
                        tf(
                            Text::ValidationRangeReversed,
                            &[&name, &range.first, &range.last],
                        ),
                    );
                } else if let (Some(first), Some(last)) = (numbers.first(), numbers.last()) {
                    if range.first < *first || range.last > *last {
                        c.fail(
                            "decision_makers",
                            tf(Text::ValidationRangeOutside, &[&name, &range, first, last]),
                        );
                    }
                }
            }
        }
        for participant in &self.participants {
            c.exists(
                "participants",
                person_exists(&participant.person),
                t(Text::WhatPerson),
                participant.person.as_str(),
            );
        }
        c.0.extend(check_attendance(data, None, self));
        if let Some(held) = self.date.value() {
            for line in &self.signatures {
                let Some(signed) = &line.signed else { continue };
                if signed.date < *held {
                    c.fail(
                        "signatures",
                        tf(
                            Text::MinutesAdjustedBeforeMeeting,
                            &[
                                &crate::format::date(signed.date),
                                &crate::format::date(*held),
                            ],
                        ),
                    );
                }
            }
        }
        if let MinutesState::Adjusted { date } = &self.minutes {
            // A transcribed protocol whose source leaves the date out keeps
            // the reason; the workflow always sets the date.
            let unknown_with_reason =
                matches!(date, Fact::Unknown { reason } if !reason.trim().is_empty());
            match date.value() {
                None if unknown_with_reason => {}
                None => c.fail("minutes", t(Text::ValidationAdjustedNeedsDate)),
                Some(adjusted) => {
                    if let Some(held) = self.date.value() {
                        if adjusted < held {
                            c.fail("minutes", t(Text::ValidationAdjustedBeforeMeeting));
                        }
                    }
                }
            }
        }
        c.0
    }

    fn locked(&self, data: &impl Lookup) -> Option<String> {
        // The stored record decides: the form's copy may be older.
        let stored = data.find_meeting(&self.id).unwrap_or(self);
        stored.is_adjusted().then(|| locked_minutes().to_owned())
    }

    fn guard_change(before: &Self, after: &Self) -> Option<FieldError> {
        if before.minutes != after.minutes {
            return Some(FieldError::new(
                "minutes",
                t(Text::ValidationMinutesStateByButtons),
            ));
        }
        if before.signatures != after.signatures {
            return Some(FieldError::new(
                "signatures",
                t(Text::ValidationSignaturesByJustering),
            ));
        }
        (before.addenda != after.addenda)
            .then(|| FieldError::new("addenda", t(Text::ValidationAddendaAfterAdjusted)))
    }

    fn guard_new(&self) -> Option<FieldError> {
        if !matches!(self.minutes, MinutesState::Planned | MinutesState::Draft) {
            return Some(FieldError::new(
                "minutes",
                t(Text::ValidationNewMeetingState),
            ));
        }
        (!self.addenda.is_empty())
            .then(|| FieldError::new("addenda", t(Text::ValidationAddendaAfterAdjusted)))
    }
}

impl Rules for Paragraph {
    fn validate(&self, data: &impl Lookup) -> Vec<FieldError> {
        let mut c = Check::default();
        c.exists(
            "meeting",
            data.find_meeting(&self.meeting).is_some(),
            t(Text::WhatMeeting),
            self.meeting.as_str(),
        );
        if self.number == 0 {
            c.fail("number", t(Text::ValidationParagraphNumberFrom1));
        }
        if data
            .paragraph_numbers(&self.meeting)
            .into_iter()
            .any(|(number, id)| id != &self.id && number == self.number)
        {
            c.fail(
                "number",
                tf(Text::ValidationParagraphExists, &[&self.number]),
            );
        }
        c.required("title", &self.title, t(Text::ValidationParagraphTitle));
        for person in &self.presenters {
            c.exists(
                "presenters",
                data.has_person(person),
                t(Text::WhatPerson),
                person.as_str(),
            );
        }
        if let Some(meeting) = data.find_meeting(&self.meeting) {
            c.0.extend(check_attendance(data, Some(self), meeting));
        }
        for follow_up in &self.follow_ups {
            if follow_up.text.trim().is_empty() {
                c.fail("follow_ups", t(Text::ValidationFollowUpText));
            }
            if let Some(body) = &follow_up.to_body {
                c.exists(
                    "follow_ups",
                    data.has_body(body),
                    t(Text::WhatBody),
                    body.as_str(),
                );
            }
        }
        c.0
    }

    fn locked(&self, data: &impl Lookup) -> Option<String> {
        let meeting = data.find_meeting(&self.meeting)?;
        meeting.is_adjusted().then(|| locked_minutes().to_owned())
    }
}

/// Counties and source documents have no form; they change only when a
/// conflict on them is resolved, which keeps a value some copy had.
macro_rules! no_rules {
    ($($ty:ty),*) => {$(
        impl Rules for $ty {
            fn validate(&self, _data: &impl Lookup) -> Vec<FieldError> {
                vec![]
            }
        }
    )*};
}

no_rules!(County, SourceDocument);

impl Rules for BodyPosition {
    fn validate(&self, data: &impl Lookup) -> Vec<FieldError> {
        let mut c = Check::default();
        if let Some(error) = super::position::position_error(self.x, self.y) {
            c.0.push(error);
        }
        c.exists(
            "body",
            data.has_body(&self.body),
            t(Text::WhatBody),
            self.body.as_str(),
        );
        c.0
    }
}
