//! Changes a person makes through the UI, validated in the core. Each takes
//! the change stamp (who, which copy, when) and, for new records, the id,
//! and returns the [`Change`] for the history (`None`: nothing changed), so
//! it is attributed, listed and undone like a form's save.

use chrono::{NaiveDate, NaiveTime};

use crate::i18n::{t, Text};

use super::editing::touch_change;
use super::*;

/// A meeting entered ahead of time (date, time, place).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedMeeting {
    pub body: BodyId,
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    pub place: String,
    pub kind: MeetingKind,
}

fn invalid(field: &'static str, message: &str) -> EditError {
    EditError::Invalid {
        field,
        message: message.to_owned(),
    }
}

impl Dataset {
    /// Adds a planned meeting with the id `id`.
    pub fn plan_meeting(
        &mut self,
        planned: PlannedMeeting,
        id: MeetingId,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError> {
        self.plan_meeting_with_agenda(planned, vec![], id, stamp)
    }

    /// Adds a planned meeting with its agenda (the kallelse).
    pub fn plan_meeting_with_agenda(
        &mut self,
        planned: PlannedMeeting,
        agenda: Vec<AgendaItem>,
        id: MeetingId,
        stamp: ChangeStamp,
    ) -> Result<Change, EditError> {
        if self.body(&planned.body).is_none() {
            return Err(EditError::NotFound(planned.body.to_string()));
        }
        let date = planned
            .date
            .ok_or_else(|| invalid("datum", t(Text::ValidationMeetingDate)))?;
        let place = planned.place.trim().to_owned();
        if place.is_empty() {
            return Err(invalid("plats", t(Text::ValidationMeetingPlace)));
        }
        if self.meetings.iter().any(|m| m.id == id) {
            return Err(invalid("id", t(Text::PlanMeetingIdTaken)));
        }
        let start = match planned.start {
            Some(time) => Fact::Stated(time),
            None => Fact::Unknown {
                reason: "Ingen tid angiven när mötet planerades.".into(),
            },
        };
        let mut meeting = Meeting {
            id,
            meta: RecordMeta::default(),
            body: planned.body,
            date: Fact::Stated(date),
            start,
            place,
            kind: planned.kind,
            decision_makers: vec![],
            participants: vec![],
            chair: None,
            secretary: None,
            adjusters: vec![],
            signatures: vec![],
            agenda,
            minutes: MinutesState::Planned,
            note: None,
            addenda: vec![],
        };
        // A new record bumps only its record vector: its fields start from the
        // empty vector, like built-in fields, since no other copy has them yet.
        meeting.meta.touch(stamp);
        let change = Change::created(&meeting);
        self.meetings.push(meeting);
        Ok(change)
    }

    /// Removes a planned meeting (a tombstone, so the removal can travel).
    /// Meetings with minutes cannot be removed this way.
    pub fn cancel_planned_meeting(
        &mut self,
        id: &MeetingId,
        stamp: ChangeStamp,
    ) -> Result<Option<Change>, EditError> {
        let meeting = self.meeting_mut(id)?;
        if meeting.minutes != MinutesState::Planned {
            return Err(invalid("protokoll", t(Text::PlanMeetingHasMinutes)));
        }
        let before = record_fields(&*meeting);
        meeting.meta.deleted = true;
        Ok(touch_change(meeting, &before, ChangeAction::Deleted, stamp))
    }

    /// Records when a body's review rule was last carried out.
    pub fn record_review(
        &mut self,
        body: &BodyId,
        rule: usize,
        date: NaiveDate,
        stamp: ChangeStamp,
    ) -> Result<Option<Change>, EditError> {
        let body = self.body_mut(body)?;
        let before = record_fields(&*body);
        let review = body
            .reviews
            .get_mut(rule)
            .ok_or_else(|| invalid("revidering", t(Text::NoSuchReviewRule)))?;
        review.last = Fact::Stated(date);
        Ok(touch_change(body, &before, ChangeAction::Changed, stamp))
    }

    /// Says which party held a rotating office in which year, when the
    /// documents do not.
    pub fn set_rotation_start(
        &mut self,
        body: &BodyId,
        office_rule: usize,
        start: RotationStart,
        stamp: ChangeStamp,
    ) -> Result<Option<Change>, EditError> {
        if !(1900..=2200).contains(&start.year) {
            return Err(invalid("startår", t(Text::YearOutOfRange)));
        }
        let body = self.body_mut(body)?;
        let rotation = body
            .offices
            .get_mut(office_rule)
            .and_then(|rule| rule.rotation.as_mut())
            .ok_or_else(|| invalid("växling", t(Text::NoSuchRotationRule)))?;
        if !rotation.between.contains(&start.party) {
            return Err(invalid("part", t(Text::PartyNotInRotation)));
        }
        let new = Fact::Stated(start);
        if rotation.start == new {
            return Ok(None);
        }
        let before = record_fields(&*body);
        if let Some(rotation) = body
            .offices
            .get_mut(office_rule)
            .and_then(|rule| rule.rotation.as_mut())
        {
            rotation.start = new;
        }
        Ok(touch_change(body, &before, ChangeAction::Changed, stamp))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> ChangeStamp {
        ChangeStamp {
            copy_id: "c".into(),
            writer: None,
            organisation: None,
            person: None,
            at: "2026-11-22T10:00:00Z".into(),
        }
    }

    fn data() -> Dataset {
        crate::seed::built_in().unwrap()
    }

    fn planned(date: Option<&str>, place: &str) -> PlannedMeeting {
        PlannedMeeting {
            body: BodyId::new("nb-psb"),
            date: date.map(|d| d.parse().unwrap()),
            start: NaiveTime::from_hms_opt(10, 0, 0),
            place: place.into(),
            kind: MeetingKind::Ordinary,
        }
    }

    #[test]
    fn planning_a_meeting_validates_each_field() {
        let cases: [(PlannedMeeting, Option<&str>); 4] = [
            (planned(Some("2026-12-01"), "Luleå"), None),
            (planned(None, "Luleå"), Some("datum")),
            (planned(Some("2026-12-01"), "  "), Some("plats")),
            (
                PlannedMeeting {
                    body: BodyId::new("finns-inte"),
                    ..planned(Some("2026-12-01"), "Luleå")
                },
                Some("not found"),
            ),
        ];
        for (input, error) in cases {
            let mut d = data();
            let before = d.clone();
            let result = d.plan_meeting(input.clone(), MeetingId::new("new"), stamp());
            match error {
                None => {
                    assert_eq!(
                        result.map(|c| (c.record.id, c.action)),
                        Ok(("new".to_owned(), ChangeAction::Created))
                    );
                    let m = d.meeting(&MeetingId::new("new")).unwrap();
                    assert_eq!(m.minutes, MinutesState::Planned);
                    assert_eq!(m.meta.version.get("c"), 1);
                }
                Some("not found") => {
                    assert!(matches!(result, Err(EditError::NotFound(_))));
                    assert_eq!(d, before);
                }
                Some(field) => {
                    assert!(
                        matches!(result, Err(EditError::Invalid { field: f, .. }) if f == field),
                        "{input:?}"
                    );
                    assert_eq!(d, before);
                }
            }
        }
    }

    #[test]
    fn only_planned_meetings_can_be_cancelled() {
        let mut d = data();
        d.plan_meeting(
            planned(Some("2026-12-01"), "Luleå"),
            MeetingId::new("new"),
            stamp(),
        )
        .unwrap();
        let cancelled = d.cancel_planned_meeting(&MeetingId::new("new"), stamp());
        assert_eq!(
            cancelled.map(|c| c.map(|c| c.action)),
            Ok(Some(ChangeAction::Deleted))
        );
        assert!(d.meeting(&MeetingId::new("new")).is_none());
        assert!(d
            .meetings
            .iter()
            .any(|m| m.id.as_str() == "new" && m.meta.deleted));
        let cancelled = d.meetings.iter().find(|m| m.id.as_str() == "new").unwrap();
        assert_eq!(cancelled.meta.fields["deleted"].version.get("c"), 1);
        let minuted = MeetingId::new("nb-psb-2021-protokoll");
        assert!(d.cancel_planned_meeting(&minuted, stamp()).is_err());
    }

    #[test]
    fn a_rotation_start_must_name_a_party_of_the_rotation() {
        let mut d = data();
        let samrad = BodyId::new("vb-samrad");
        let index = d
            .body(&samrad)
            .unwrap()
            .offices
            .iter()
            .position(|o| o.rotation.is_some())
            .unwrap();
        let wrong = RotationStart {
            year: 2021,
            party: RotationParty::Organisation(OrganisationId::new("region-nb")),
        };
        assert!(d
            .set_rotation_start(&samrad, index, wrong, stamp())
            .is_err());
        let bad_year = RotationStart {
            year: 21,
            party: RotationParty::Organisation(OrganisationId::new("region-vb")),
        };
        assert!(d
            .set_rotation_start(&samrad, index, bad_year, stamp())
            .is_err());
        let right = RotationStart {
            year: 2021,
            party: RotationParty::Organisation(OrganisationId::new("region-vb")),
        };
        let set = d.set_rotation_start(&samrad, index, right, stamp());
        assert_eq!(
            set.map(|c| c.map(|c| c.fields[0].field.clone())),
            Ok(Some("offices".to_owned()))
        );
        let rotation = d.body(&samrad).unwrap().offices[index]
            .rotation
            .clone()
            .unwrap();
        let kommuner = RotationParty::MunicipalitiesOf {
            municipalities_of: CountyId::new("vb"),
        };
        assert_eq!(
            crate::rules::rotation_holder(&rotation, 2022),
            Some(&kommuner)
        );
    }
}
