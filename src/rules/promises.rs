//! Follow-ups promised in § decisions ("återrapportera till sammanträdet
//! 2021-05-27"), and whether a later meeting dealt with them.

use chrono::{Datelike, NaiveDate};

use crate::model::{BodyId, Dataset, MeetingId, Paragraph, ParagraphId, PromisedFollowUp};
use crate::search::fold;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromiseStatus {
    /// A later § dealt with it: recorded by a person (`confirmed`) or found
    /// by its title (a suggestion to confirm).
    Handled {
        meeting: MeetingId,
        number: u32,
        confirmed: bool,
    },
    /// The § that records it is itself the report: the promise was due at
    /// (or before) the meeting of the body it was promised to, e.g. "ska
    /// rapporteras till beredningen 2021-05-27" in a § of 2021-05-27.
    ReportedHere,
    /// Not dealt with in any later meeting in the data.
    Pending { overdue: bool },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PromiseCheck {
    pub meeting: MeetingId,
    /// The § that records the promise, and which of its follow-ups it is.
    pub paragraph_id: ParagraphId,
    pub index: usize,
    /// The year the promise belongs to: of its due date, else of its meeting.
    pub year: Option<i32>,
    pub paragraph: u32,
    pub paragraph_title: String,
    pub follow_up: PromisedFollowUp,
    /// The body expected to deal with it.
    pub body: BodyId,
    pub status: PromiseStatus,
}

/// Words of a title that identify its matter ("samverkansmodell", "hjälpmedel").
fn key_words(title: &str) -> Vec<String> {
    fold(title)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .map(str::to_owned)
        .collect()
}

/// A later § is taken to deal with the matter when it shares at least two
/// key words of the original § title (or all, if it has fewer).
fn same_matter(original: &str, later: &Paragraph) -> bool {
    let wanted = key_words(original);
    if wanted.is_empty() {
        return false;
    }
    let found = key_words(&later.title);
    let shared = wanted.iter().filter(|w| found.contains(w)).count();
    shared >= wanted.len().min(2)
}

fn find_paragraph(data: &Dataset, id: &ParagraphId) -> Option<(MeetingId, u32)> {
    data.live_paragraphs()
        .find(|p| &p.id == id)
        .map(|p| (p.meeting.clone(), p.number))
}

/// Every promised follow-up with its status on `today`.
pub fn promises(data: &Dataset, today: NaiveDate) -> Vec<PromiseCheck> {
    let mut out = Vec::new();
    for paragraph in data.live_paragraphs() {
        let Some(origin) = data.meeting(&paragraph.meeting) else {
            continue;
        };
        let origin_date = origin.date.value().copied();
        for (index, follow_up) in paragraph.follow_ups.iter().enumerate() {
            let body = follow_up
                .to_body
                .clone()
                .unwrap_or_else(|| origin.body.clone());
            let explicit = follow_up
                .handled_in
                .as_ref()
                .and_then(|id| find_paragraph(data, id))
                .map(|(meeting, number)| PromiseStatus::Handled {
                    meeting,
                    number,
                    confirmed: true,
                });
            let found = || {
                data.meetings_of(&body)
                    .into_iter()
                    .filter(|m| m.id != origin.id)
                    .filter(|m| match (m.date.value(), origin_date) {
                        (Some(later), Some(first)) => *later > first,
                        _ => false,
                    })
                    .flat_map(|m| data.paragraphs_of(&m.id))
                    .find(|later| same_matter(&paragraph.title, later))
                    .map(|later| PromiseStatus::Handled {
                        meeting: later.meeting.clone(),
                        number: later.number,
                        confirmed: false,
                    })
            };
            let reported_here = body == origin.body
                && matches!((follow_up.due, origin_date), (Some(due), Some(held)) if due <= held);
            let status = explicit
                .or_else(|| reported_here.then_some(PromiseStatus::ReportedHere))
                .or_else(found)
                .unwrap_or(PromiseStatus::Pending {
                    overdue: follow_up.due.is_some_and(|due| due < today),
                });
            out.push(PromiseCheck {
                meeting: paragraph.meeting.clone(),
                paragraph_id: paragraph.id.clone(),
                index,
                year: follow_up.due.or(origin_date).map(|d| d.year()),
                paragraph: paragraph.number,
                paragraph_title: paragraph.title.clone(),
                follow_up: follow_up.clone(),
                body,
                status,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn meeting(id: &str, day: &str) -> Meeting {
        let mut m = crate::seed::built_in().unwrap().meetings.remove(0);
        m.id = MeetingId::new(id);
        m.body = BodyId::new("psb");
        m.date = Fact::Stated(date(day));
        m
    }

    fn paragraph(id: &str, meeting: &str, number: u32, title: &str) -> Paragraph {
        Paragraph {
            title: title.into(),
            ..Paragraph::blank(ParagraphId::new(id), MeetingId::new(meeting), number)
        }
    }

    fn data(later_title: Option<&str>, due: Option<&str>, handled_in: Option<&str>) -> Dataset {
        let mut first = paragraph(
            "p4",
            "m1",
            4,
            "Samverkansmodell hjälpmedel – information om nuläge",
        );
        first.follow_ups.push(PromisedFollowUp {
            text: "Återkomma med en färdig rapport.".into(),
            due: due.map(date),
            to_body: None,
            handled_in: handled_in.map(ParagraphId::new),
        });
        let mut paragraphs = vec![first, paragraph("p1", "m2", 1, "Val av justerare")];
        if let Some(title) = later_title {
            paragraphs.push(paragraph("p7", "m2", 7, title));
        }
        Dataset {
            meetings: vec![meeting("m1", "2021-05-27"), meeting("m2", "2021-09-20")],
            paragraphs,
            ..Dataset::default()
        }
    }

    #[test]
    fn promised_reports_matched_to_later_meetings() {
        let handled = |meeting: &str, number, confirmed| PromiseStatus::Handled {
            meeting: MeetingId::new(meeting),
            number,
            confirmed,
        };
        let cases = [
            (
                Some("Samverkansmodell hjälpmedel – rapport"),
                None,
                None,
                "2021-10-01",
                handled("m2", 7, false),
            ),
            (
                Some("Hjälpmedel och samverkansmodell"),
                None,
                None,
                "2021-10-01",
                handled("m2", 7, false),
            ),
            (
                Some("Folkhälsa"),
                Some("2021-09-20"),
                None,
                "2021-10-01",
                PromiseStatus::Pending { overdue: true },
            ),
            (
                Some("Folkhälsa"),
                Some("2021-12-01"),
                None,
                "2021-10-01",
                PromiseStatus::Pending { overdue: false },
            ),
            (
                None,
                None,
                None,
                "2030-01-01",
                PromiseStatus::Pending { overdue: false },
            ),
            (
                Some("Folkhälsa"),
                Some("2021-09-20"),
                Some("p1"),
                "2021-10-01",
                handled("m2", 1, true),
            ),
        ];
        for (later, due, handled_in, today, expected) in cases {
            let checks = promises(&data(later, due, handled_in), date(today));
            assert_eq!(checks.len(), 1);
            assert_eq!(
                checks[0].status, expected,
                "{later:?} due {due:?} on {today}"
            );
        }
    }

    #[test]
    fn the_paragraph_that_is_the_report_is_not_overdue() {
        // Promised in December 2020 "to be reported to the meeting of
        // 2021-05-27", recorded in the § of that meeting that reports it.
        let d = data(None, Some("2021-05-27"), None);
        let checks = promises(&d, date("2026-11-22"));
        assert_eq!(checks[0].status, PromiseStatus::ReportedHere);
        assert_eq!(checks[0].year, Some(2021));
        // Due after the meeting it is recorded in: still to come.
        let later = data(None, Some("2021-06-01"), None);
        assert_eq!(
            promises(&later, date("2026-11-22"))[0].status,
            PromiseStatus::Pending { overdue: true }
        );
        // The built-in § 4 of 2021-05-27 is such a report.
        let built_in = crate::seed::built_in().unwrap();
        let p4 = promises(&built_in, date("2026-11-22"))
            .into_iter()
            .find(|c| c.paragraph_id.as_str() == "nb-psb-2021-p4" && c.index == 0)
            .unwrap();
        assert_eq!(p4.status, PromiseStatus::ReportedHere);
    }

    #[test]
    fn an_earlier_meeting_does_not_deal_with_a_later_promise() {
        let mut d = data(Some("Samverkansmodell hjälpmedel"), None, None);
        d.meetings[1].date = Fact::Stated(date("2021-01-10"));
        let checks = promises(&d, date("2021-10-01"));
        assert_eq!(checks[0].status, PromiseStatus::Pending { overdue: false });
    }
}
