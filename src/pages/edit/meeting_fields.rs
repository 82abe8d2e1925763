//! The meeting form's fields as plain text and rows, and the meeting they
//! make: pure, so it is tested natively. The form changes only what it
//! shows; every row keeps the item it was opened from, so what a row does
//! not show (a decision-maker's role and note, an agenda item's presenters,
//! documents and notes) survives a save untouched.

use chrono::NaiveTime;

use super::{chosen, parse_date, refused};
use crate::components::form::{enum_from, enum_value, optional};
use crate::i18n::{t, Text};
use crate::model::*;

/// A decision-maker row as edited; `original` keeps the role and note.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct MakerRow {
    pub person: String,
    pub representing: String,
    pub party: String,
    pub first: String,
    pub last: String,
    pub original: Option<DecisionMaker>,
}

impl MakerRow {
    fn of(maker: &DecisionMaker) -> Self {
        MakerRow {
            person: maker.person.to_string(),
            representing: maker.representing.to_string(),
            party: maker.party.clone().unwrap_or_default(),
            first: maker
                .paragraphs
                .map(|r| r.first.to_string())
                .unwrap_or_default(),
            last: maker
                .paragraphs
                .map(|r| r.last.to_string())
                .unwrap_or_default(),
            original: Some(maker.clone()),
        }
    }

    fn maker(&self) -> Result<DecisionMaker, EditError> {
        let number = |s: &str| s.trim().parse::<u32>().ok();
        let paragraphs = match (self.first.trim(), self.last.trim()) {
            ("", "") => None,
            (first, last) => {
                let first = number(first);
                let last = number(last).or(first);
                match (first, last) {
                    (Some(first), Some(last)) => Some(ParagraphRange { first, last }),
                    _ => return Err(refused("decision_makers", t(Text::EditParagraphRange))),
                }
            }
        };
        let Some(representing) = chosen::<OrganisationId>(&self.representing) else {
            return Err(refused("decision_makers", t(Text::EditMakerRepresenting)));
        };
        let person = PersonId::new(self.person.clone());
        // The role and note are the person's: a row given another person
        // starts without them.
        let (role, note) = match &self.original {
            Some(kept) if kept.person == person => (kept.role.clone(), kept.note.clone()),
            _ => (None, None),
        };
        Ok(DecisionMaker {
            person,
            representing,
            party: optional(&self.party),
            role,
            paragraphs,
            note,
        })
    }
}

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
    pub makers: Vec<MakerRow>,
    pub participants: Vec<ParticipantRow>,
    pub agenda: Vec<AgendaRow>,
}

impl MeetingFields {
    /// The form's fields for `meeting` as it is opened.
    pub fn of(meeting: &Meeting) -> Self {
        let id_text = |p: Option<&PersonId>| p.map(ToString::to_string).unwrap_or_default();
        MeetingFields {
            date: meeting
                .date
                .value()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            start: time_text(meeting.start.value().copied()),
            place: meeting.place.clone(),
            kind: enum_value(&meeting.kind),
            chair: id_text(meeting.chair.as_ref()),
            secretary: id_text(meeting.secretary.as_ref()),
            adjuster: id_text(meeting.adjusters.first()),
            second_adjuster: id_text(meeting.adjusters.get(1)),
            makers: meeting.decision_makers.iter().map(MakerRow::of).collect(),
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
    pub fn meeting(&self, opened: &Meeting) -> Result<Meeting, EditError> {
        let shown = MeetingFields::of(opened);
        let date = if self.date == shown.date {
            opened.date.clone()
        } else {
            match parse_date(&self.date, "date")? {
                Some(d) => Fact::Stated(d),
                None => return Err(refused("date", t(Text::ValidationMeetingDate))),
            }
        };
        let start = if self.start == shown.start {
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
        Ok(Meeting {
            date,
            start,
            place,
            kind: enum_from(&self.kind).unwrap_or(opened.kind),
            chair: chosen(&self.chair),
            secretary: chosen(&self.secretary),
            adjusters,
            decision_makers: self
                .makers
                .iter()
                .filter(|r| !r.person.is_empty())
                .map(MakerRow::maker)
                .collect::<Result<_, _>>()?,
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

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTES: &str = "nb-psb-2021-protokoll";
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
            let fields = MeetingFields::of(meeting);
            assert_eq!(
                fields.meeting(meeting).as_ref(),
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
        let edited = MeetingFields::of(&meeting).meeting(&meeting).unwrap();
        assert_eq!(data.save_from(&meeting, edited, stamp()), Ok(None));
        assert_eq!(opened(&data), meeting);
    }

    #[test]
    fn the_chairs_role_survives_a_save_that_changes_another_field() {
        let mut data = data();
        let meeting = opened(&data);
        let mut fields = MeetingFields::of(&meeting);
        fields.place = "Luleå".into();
        let other = fields
            .makers
            .iter_mut()
            .find(|r| r.person != CHAIR)
            .unwrap();
        other.party = "S".into();
        let edited = fields.meeting(&meeting).unwrap();
        let change = data.save_from(&meeting, edited, stamp()).unwrap().unwrap();
        let changed: Vec<&str> = change.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(changed, ["decision_makers", "place"]);
        let saved = opened(&data);
        assert_eq!(saved.place, "Luleå");
        assert_eq!(chair_row(&saved), chair_row(&meeting));
    }

    #[test]
    fn a_row_keeps_its_hidden_fields_when_moved_and_drops_them_for_another_person() {
        let meeting = opened(&data());
        let mut fields = MeetingFields::of(&meeting);
        let chair = fields.makers.remove(0);
        assert_eq!(chair.person, CHAIR);
        fields.makers.push(chair.clone());
        let moved = fields.meeting(&meeting).unwrap();
        assert_eq!(moved.decision_makers.last(), Some(chair_row(&meeting)));

        let mut fields = MeetingFields::of(&meeting);
        fields.makers[0].person = "p-erika-sjoo".into();
        let replaced = fields.meeting(&meeting).unwrap();
        assert_eq!(replaced.decision_makers[0].role, None);
    }

    #[test]
    fn adjusters_beyond_the_two_shown_are_kept() {
        let mut meeting = opened(&data());
        meeting.adjusters = ["a", "b", "c"].map(PersonId::new).to_vec();
        let mut fields = MeetingFields::of(&meeting);
        fields.adjuster = "x".into();
        let edited = fields.meeting(&meeting).unwrap();
        assert_eq!(
            edited.adjusters,
            ["x", "b", "c"].map(PersonId::new).to_vec()
        );
    }
}
