//! The meeting form's fields as plain text and rows, and the meeting they
//! make: pure, so it is tested natively. The form changes only what it
//! shows; every row keeps the item it was opened from, so what a row does
//! not show (a decision-maker's role and note, an agenda item's notes)
//! survives a save untouched. Who decides is the roll call
//! (`model::RollCall`), which keeps the decision-maker each row came from.

use chrono::NaiveTime;

use super::{chosen, parse_date, refused};
use crate::components::form::{enum_from, enum_value};
use crate::i18n::{t, Text};
use crate::model::*;

/// Another participant as edited.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct ParticipantRow {
    pub person: String,
    pub role: String,
}

/// An agenda item as edited; `original` keeps presenters, documents and notes.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct AgendaRow {
    pub number: String,
    pub title: String,
    pub start: String,
    pub end: String,
    pub original: Option<AgendaItem>,
}

fn time_text(time: Option<NaiveTime>) -> String {
    time.map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default()
}

impl AgendaRow {
    fn of(item: &AgendaItem) -> Self {
        AgendaRow {
            number: item.number.map(|n| n.to_string()).unwrap_or_default(),
            title: item.title.clone(),
            start: time_text(item.start),
            end: time_text(item.end),
            original: Some(item.clone()),
        }
    }

    fn item(&self) -> Result<AgendaItem, EditError> {
        let time = |s: &str| parse_time(s).map_err(|_| refused("agenda", t(Text::EditAgendaTimes)));
        let number = match self.number.trim() {
            "" => None,
            n => Some(
                n.parse::<u32>()
                    .map_err(|_| refused("agenda", t(Text::EditAgendaNumber)))?,
            ),
        };
        if self.title.trim().is_empty() {
            return Err(refused("agenda", t(Text::EditAgendaTitle)));
        }
        let base = self.original.clone().unwrap_or(AgendaItem {
            number: None,
            title: String::new(),
            start: None,
            end: None,
            presenters: vec![],
            documents: vec![],
            notes: vec![],
        });
        Ok(AgendaItem {
            number,
            title: self.title.trim().to_owned(),
            start: time(&self.start)?,
            end: time(&self.end)?,
            ..base
        })
    }
}

/// A time typed as "HH:MM"; empty is none.
pub(super) fn parse_time(text: &str) -> Result<Option<NaiveTime>, EditError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveTime::parse_from_str(text, "%H:%M")
        .map(Some)
        .map_err(|_| refused("start", t(Text::EditTimeFormat)))
}

fn date_shown(meeting: &Meeting) -> String {
    meeting
        .date
        .value()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// What the meeting form shows, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct MeetingFields {
    pub date: String,
    pub start: String,
    pub place: String,
    pub kind: String,
    pub chair: String,
    pub secretary: String,
    pub adjuster: String,
    pub second_adjuster: String,
    pub roll_call: RollCall,
    pub participants: Vec<ParticipantRow>,
    pub agenda: Vec<AgendaRow>,
}

impl MeetingFields {
    /// The form's fields for `meeting` as it is opened, with the roll call
    /// of the body's seats in `data`.
    pub fn of(data: &Dataset, meeting: &Meeting) -> Self {
        let id_text = |p: Option<&PersonId>| p.map(ToString::to_string).unwrap_or_default();
        MeetingFields {
            date: date_shown(meeting),
            start: time_text(meeting.start.value().copied()),
            place: meeting.place.clone(),
            kind: enum_value(&meeting.kind),
            chair: id_text(meeting.chair.as_ref()),
            secretary: id_text(meeting.secretary.as_ref()),
            adjuster: id_text(meeting.adjusters.first()),
            second_adjuster: id_text(meeting.adjusters.get(1)),
            roll_call: RollCall::of(data, meeting),
            participants: meeting
                .participants
                .iter()
                .map(|p| ParticipantRow {
                    person: p.person.to_string(),
                    role: p.role.clone(),
                })
                .collect(),
            agenda: meeting.agenda.iter().map(AgendaRow::of).collect(),
        }
    }

    /// The meeting these fields make of `opened`, the meeting as the form
    /// opened it: what the form does not show is kept from it, and a date
    /// or time left as shown keeps its fact (inferred, with its reason).
    /// `name` names people in the messages (the roll call's new people too).
    pub fn meeting(
        &self,
        opened: &Meeting,
        name: impl Fn(&PersonId) -> String,
    ) -> Result<Meeting, EditError> {
        let date = if self.date == date_shown(opened) {
            opened.date.clone()
        } else {
            match parse_date(&self.date, "date")? {
                Some(d) => Fact::Stated(d),
                None => return Err(refused("date", t(Text::ValidationMeetingDate))),
            }
        };
        let start = if self.start == time_text(opened.start.value().copied()) {
            opened.start.clone()
        } else {
            match parse_time(&self.start)? {
                Some(t) => Fact::Stated(t),
                None => Fact::Unknown {
                    reason: t(Text::NoTimeGiven).into(),
                },
            }
        };
        // Two adjusters are shown; any further ones stay.
        let adjusters: Vec<PersonId> = [&self.adjuster, &self.second_adjuster]
            .into_iter()
            .filter_map(|p| chosen(p))
            .chain(opened.adjusters.iter().skip(2).cloned())
            .collect();
        let place = if self.place.trim() == opened.place.trim() {
            opened.place.clone()
        } else {
            self.place.trim().to_owned()
        };
        let chair = chosen(&self.chair);
        let mut decision_makers = self
            .roll_call
            .decision_makers()
            .map_err(|e| refused("decision_makers", &e.message(&name)))?;
        if chair != opened.chair {
            mark_chair(&mut decision_makers, opened.chair.as_ref(), chair.as_ref());
        }
        Ok(Meeting {
            date,
            start,
            place,
            kind: enum_from(&self.kind).unwrap_or(opened.kind),
            chair,
            secretary: chosen(&self.secretary),
            adjusters,
            decision_makers,
            agenda: self
                .agenda
                .iter()
                .map(AgendaRow::item)
                .collect::<Result<_, _>>()?,
            participants: self
                .participants
                .iter()
                .filter(|p| !p.person.is_empty())
                .map(|p| Participant {
                    person: PersonId::new(p.person.clone()),
                    role: p.role.trim().to_owned(),
                })
                .collect(),
            ..opened.clone()
        })
    }
}

/// The attendance says who chairs, as the seed protokoll does ("Linda
/// Frohm, ordförande"): when the form names another chair, the new chair's
/// row gets the role (if it has none) and the former chair's row loses it
/// (only the role the app wrote, never one a person typed).
fn mark_chair(makers: &mut [DecisionMaker], before: Option<&PersonId>, now: Option<&PersonId>) {
    let role = t(Text::DraftRoleChair);
    for maker in makers.iter_mut() {
        if Some(&maker.person) == before && maker.role.as_deref() == Some(role) {
            maker.role = None;
        }
        if Some(&maker.person) == now && maker.role.is_none() {
            maker.role = Some(role.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTES: &str = "nb-psb-2021-protokoll";

    #[test]
    fn naming_a_chair_marks_their_row_and_unmarks_the_former_one() {
        let person = |s: &str| PersonId::new(s);
        let row = |p: &str, role: Option<&str>| DecisionMaker {
            person: person(p),
            representing: OrganisationId::new("region-nb"),
            party: None,
            role: role.map(str::to_owned),
            paragraphs: None,
            note: None,
            serving_for: None,
        };
        let mut makers = vec![
            row("p-a", Some("ordförande")),
            row("p-b", None),
            row("p-c", Some("vice ordförande")),
        ];
        mark_chair(&mut makers, Some(&person("p-a")), Some(&person("p-b")));
        let roles: Vec<Option<&str>> = makers.iter().map(|m| m.role.as_deref()).collect();
        assert_eq!(roles, [None, Some("ordförande"), Some("vice ordförande")]);
        // A role a person wrote is theirs: naming them chair keeps it.
        mark_chair(&mut makers, Some(&person("p-b")), Some(&person("p-c")));
        let roles: Vec<Option<&str>> = makers.iter().map(|m| m.role.as_deref()).collect();
        assert_eq!(roles, [None, None, Some("vice ordförande")]);
    }
    const CHAIR: &str = "p-linda-frohm";

    fn stamp() -> ChangeStamp {
        ChangeStamp {
            copy_id: "c".into(),
            writer: None,
            organisation: None,
            person: None,
            at: "2026-11-22T10:00:00Z".into(),
        }
    }

    /// The built-in data with the 2021 minutes back in draft, so the form
    /// may save them.
    fn data() -> Dataset {
        let mut data = crate::seed::built_in().unwrap();
        let meeting = data
            .meetings
            .iter_mut()
            .find(|m| m.id.as_str() == MINUTES)
            .unwrap();
        meeting.minutes = MinutesState::Draft;
        data
    }

    fn opened(data: &Dataset) -> Meeting {
        data.meeting(&MeetingId::new(MINUTES)).unwrap().clone()
    }

    fn chair_row(meeting: &Meeting) -> &DecisionMaker {
        meeting
            .decision_makers
            .iter()
            .find(|m| m.person.as_str() == CHAIR)
            .unwrap()
    }

    #[test]
    fn every_built_in_meeting_comes_back_unchanged_from_its_form() {
        let data = crate::seed::built_in().unwrap();
        for meeting in &data.meetings {
            let fields = MeetingFields::of(&data, meeting);
            assert_eq!(
                fields.meeting(meeting, |p| data.person_name(p)).as_ref(),
                Ok(meeting),
                "{}",
                meeting.id
            );
        }
    }

    #[test]
    fn the_chairs_role_survives_a_save_without_changes() {
        let mut data = data();
        let meeting = opened(&data);
        assert_eq!(chair_row(&meeting).role.as_deref(), Some("ordförande"));
        let edited = MeetingFields::of(&data, &meeting)
            .meeting(&meeting, |p| data.person_name(p))
            .unwrap();
        assert_eq!(data.save_from(&meeting, edited, stamp()), Ok(None));
        assert_eq!(opened(&data), meeting);
    }

    #[test]
    fn the_chairs_role_survives_a_save_that_changes_another_field() {
        let mut data = data();
        let meeting = opened(&data);
        let mut fields = MeetingFields::of(&data, &meeting);
        fields.place = "Luleå".into();
        fields
            .roll_call
            .set_present(&PersonId::new("p-erika-sjoo"), false);
        let edited = fields.meeting(&meeting, |p| data.person_name(p)).unwrap();
        let change = data.save_from(&meeting, edited, stamp()).unwrap().unwrap();
        let changed: Vec<&str> = change.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(changed, ["decision_makers", "place"]);
        let saved = opened(&data);
        assert_eq!(saved.place, "Luleå");
        assert_eq!(
            saved.decision_makers.len(),
            meeting.decision_makers.len() - 1
        );
        assert_eq!(chair_row(&saved), chair_row(&meeting));
        // The member marked absent is still listed in the roll call.
        let again = MeetingFields::of(&data, &saved).roll_call;
        assert_eq!(again.absent_members(), [&PersonId::new("p-erika-sjoo")]);
    }

    #[test]
    fn a_roll_call_the_core_cannot_save_is_refused_with_the_name() {
        let data = data();
        let meeting = opened(&data);
        let mut fields = MeetingFields::of(&data, &meeting);
        fields
            .roll_call
            .set_paragraphs(&PersonId::new("p-erika-sjoo"), Some(5), Some(3));
        let Err(EditError::Rejected(errors)) = fields.meeting(&meeting, |p| data.person_name(p))
        else {
            panic!("refused");
        };
        assert_eq!(errors[0].field, "decision_makers");
        assert!(
            errors[0].message.contains("Erika Sjöö"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn adjusters_beyond_the_two_shown_are_kept() {
        let data = data();
        let mut meeting = opened(&data);
        meeting.adjusters = ["a", "b", "c"].map(PersonId::new).to_vec();
        let mut fields = MeetingFields::of(&data, &meeting);
        fields.adjuster = "x".into();
        let edited = fields.meeting(&meeting, |p| data.person_name(p)).unwrap();
        assert_eq!(
            edited.adjusters,
            ["x", "b", "c"].map(PersonId::new).to_vec()
        );
    }
}
