//! From kallelse to protokoll: the agenda of a planned meeting as the
//! secretary types it (one item per line, a time first if wanted), and
//! starting the minutes, which turns every agenda item into a draft § that
//! carries its title, presenters and documents, and calls the roll of the
//! body's seats.

use chrono::NaiveTime;

use super::*;

/// A time at the start of an agenda line: "9.00", "09:00".
fn leading_time(word: &str) -> Option<NaiveTime> {
    let word = word.replace('.', ":");
    NaiveTime::parse_from_str(&word, "%H:%M").ok()
}

/// The agenda typed one item per line: "09.00 Mötets öppnande",
/// "09.00–09.30 Lägesbild", or just a title. Items are numbered in order;
/// blank lines are skipped.
pub fn agenda_from_lines(text: &str) -> Vec<AgendaItem> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, line)| {
            let (first, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let (start, end) = match first.split_once(['–', '-']) {
                Some((a, b)) => (leading_time(a), leading_time(b)),
                None => (leading_time(first), None),
            };
            let title = if start.is_some() && !rest.trim().is_empty() {
                rest.trim()
            } else {
                line
            };
            let (start, end) = if title == line {
                (None, None)
            } else {
                (start, end)
            };
            AgendaItem {
                number: Some(i as u32 + 1),
                title: title.to_owned(),
                start,
                end,
                presenters: vec![],
                documents: vec![],
                notes: vec![],
            }
        })
        .collect()
}

/// The draft § of the agenda's numbered items (breaks have no number),
/// numbered from `first`, each with the item's title, presenters and
/// documents; `id` names the nth new §.
pub fn paragraphs_from_agenda(
    meeting: &Meeting,
    first: u32,
    mut id: impl FnMut(u32) -> ParagraphId,
) -> Vec<Paragraph> {
    meeting
        .agenda
        .iter()
        .filter(|item| item.number.is_some())
        .enumerate()
        .map(|(i, item)| {
            let number = first + i as u32;
            Paragraph {
                title: item.title.clone(),
                presenters: item.presenters.clone(),
                documents: item.documents.clone(),
                ..Paragraph::blank(id(number), meeting.id.clone(), number)
            }
        })
        .collect()
}

impl Dataset {
    /// Starts the minutes of a planned meeting in one step: the draft
    /// state; a § for every agenda item (unless the minutes already have
    /// §); chair and secretary by the seats when not set; and the roll call
    /// of the seats held that day when nobody is recorded as deciding. One
    /// change per record, all with `stamp`.
    pub fn start_minutes(
        &mut self,
        id: &MeetingId,
        paragraph_id: impl FnMut(u32) -> ParagraphId,
        stamp: ChangeStamp,
    ) -> Result<Vec<Change>, EditError> {
        let mut changes =
            vec![self.take_minutes_step(id, MinutesStep::StartDraft, stamp.clone())?];
        let meeting = self
            .meeting(id)
            .cloned()
            .ok_or_else(|| EditError::NotFound(id.to_string()))?;
        let mut started = meeting.clone();
        if let Some(day) = meeting.date.value().copied() {
            let (chair, secretary) = self.default_officers(&meeting.body, day);
            started.chair = started.chair.or(chair);
            started.secretary = started.secretary.or(secretary);
        }
        if started.decision_makers.is_empty() {
            started.decision_makers = RollCall::draft_attendance(self, &started);
        }
        if started != meeting {
            changes.extend(self.save_from(&meeting, started, stamp.clone())?);
        }
        if self.paragraphs_of(id).is_empty() {
            let first = self.next_paragraph_number(id);
            for paragraph in paragraphs_from_agenda(&meeting, first, paragraph_id) {
                changes.extend(self.save_from(&paragraph.clone(), paragraph, stamp.clone())?);
            }
        }
        Ok(changes)
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

    fn time(s: &str) -> Option<NaiveTime> {
        Some(NaiveTime::parse_from_str(s, "%H:%M").unwrap())
    }

    #[test]
    fn agenda_lines_with_and_without_times() {
        let items = agenda_from_lines(
            "09.00 Mötets öppnande\n\n 09:15–10.00 Lägesbild e-hälsa \nÖvriga frågor\n14 kommuner",
        );
        let got: Vec<_> = items
            .iter()
            .map(|i| (i.number, i.title.as_str(), i.start, i.end))
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), "Mötets öppnande", time("09:00"), None),
                (Some(2), "Lägesbild e-hälsa", time("09:15"), time("10:00")),
                (Some(3), "Övriga frågor", None, None),
                (Some(4), "14 kommuner", None, None),
            ]
        );
    }

    /// A planned meeting of Politiska samverkansberedningen with three
    /// agenda items, the second with a presenter and a document.
    fn planned() -> (Dataset, MeetingId) {
        let mut data = crate::seed::built_in().unwrap();
        let id = MeetingId::new("kallelse");
        let mut agenda = agenda_from_lines("09.00 Mötets öppnande\nLägesbild\nAvslutning");
        agenda[1].presenters = vec![PersonId::new("p-anneli-granberg")];
        agenda[1].documents = vec![DocumentRef {
            title: "Lägesrapport".into(),
            reference: None,
        }];
        let planned = PlannedMeeting {
            body: BodyId::new("nb-psb"),
            date: "2026-05-27".parse().ok(),
            start: None,
            place: "Teams".into(),
            kind: MeetingKind::Ordinary,
        };
        data.plan_meeting_with_agenda(planned, agenda, id.clone(), stamp())
            .unwrap();
        (data, id)
    }

    #[test]
    fn starting_the_minutes_makes_a_draft_paragraph_of_every_agenda_item() {
        let (mut data, id) = planned();
        let changes = data
            .start_minutes(&id, |n| ParagraphId::new(format!("p{n}")), stamp())
            .unwrap();
        // The state, the officers and roll call, three §.
        assert_eq!(changes.len(), 5);
        let meeting = data.meeting(&id).unwrap();
        assert_eq!(meeting.minutes, MinutesState::Draft);
        assert_eq!(meeting.decision_makers.len(), 13);
        // 2026 is Norrbottens Kommuner's turn to chair, and no seat of theirs
        // holds the office: nobody is pre-filled (`rules::office_holder`).
        assert_eq!(meeting.chair, None);
        let paragraphs = data.paragraphs_of(&id);
        let titles: Vec<(u32, &str)> = paragraphs
            .iter()
            .map(|p| (p.number, p.title.as_str()))
            .collect();
        assert_eq!(
            titles,
            [(1, "Mötets öppnande"), (2, "Lägesbild"), (3, "Avslutning")]
        );
        assert_eq!(paragraphs[1].presenters[0].as_str(), "p-anneli-granberg");
        assert_eq!(paragraphs[1].documents[0].title, "Lägesrapport");
        // Started once: the step is no longer open.
        assert!(data
            .start_minutes(&id, |n| ParagraphId::new(format!("q{n}")), stamp())
            .is_err());
        assert_eq!(data.paragraphs_of(&id).len(), 3);
    }
}
