//! Meetings against a day: which are coming and which are held, and a
//! body's next meeting.

use chrono::NaiveDate;

use crate::model::{BodyId, Dataset, Meeting};

/// Meetings split at `today`: the coming ones (today included), soonest
/// first, and the rest, latest first, those with an unknown date last.
pub fn upcoming_and_past<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    today: NaiveDate,
) -> (Vec<&'a Meeting>, Vec<&'a Meeting>) {
    let (mut upcoming, mut past): (Vec<&Meeting>, Vec<&Meeting>) = meetings
        .into_iter()
        .partition(|m| m.date.value().is_some_and(|d| *d >= today));
    upcoming.sort_by(|a, b| a.date.value().cmp(&b.date.value()).then(a.id.cmp(&b.id)));
    past.sort_by(|a, b| b.date.value().cmp(&a.date.value()).then(a.id.cmp(&b.id)));
    (upcoming, past)
}

/// The body's next meeting: the first on or after `today`.
pub fn next_meeting<'a>(data: &'a Dataset, body: &BodyId, today: NaiveDate) -> Option<&'a Meeting> {
    upcoming_and_past(data.live_meetings().filter(|m| &m.body == body), today)
        .0
        .into_iter()
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChangeStamp, MeetingId, MeetingKind, PlannedMeeting};

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn stamp() -> ChangeStamp {
        ChangeStamp {
            copy_id: "c".into(),
            writer: None,
            organisation: None,
            person: None,
            at: "2026-11-22T10:00:00Z".into(),
        }
    }

    fn plan(data: &mut Dataset, id: &str, day: &str) {
        let planned = PlannedMeeting {
            body: BodyId::new("nb-psb"),
            date: Some(date(day)),
            start: None,
            place: "Luleå".into(),
            kind: MeetingKind::Ordinary,
        };
        data.plan_meeting(planned, MeetingId::new(id), stamp())
            .unwrap();
    }

    #[test]
    fn the_next_meeting_is_the_first_on_or_after_the_day() {
        let mut data = crate::seed::built_in().unwrap();
        let psb = BodyId::new("nb-psb");
        // The built-in data holds only the meeting of 27 May 2021.
        let next =
            |data: &Dataset, day| next_meeting(data, &psb, date(day)).map(|m| m.id.to_string());
        assert_eq!(
            next(&data, "2021-05-01").as_deref(),
            Some("nb-psb-2021-protokoll")
        );
        assert_eq!(
            next(&data, "2021-05-27").as_deref(),
            Some("nb-psb-2021-protokoll")
        );
        assert_eq!(next(&data, "2021-05-28"), None);
        plan(&mut data, "m-mars", "2027-03-10");
        plan(&mut data, "m-dec", "2026-12-01");
        plan(&mut data, "m-past", "2026-02-01");
        assert_eq!(next(&data, "2026-11-22").as_deref(), Some("m-dec"));
        assert_eq!(next(&data, "2026-12-02").as_deref(), Some("m-mars"));
        assert_eq!(next(&data, "2027-03-11"), None);
        // Another body's meeting is not this body's next.
        assert_eq!(
            next_meeting(
                &data,
                &BodyId::new("nb-lansstyrgruppen"),
                date("2026-11-22")
            ),
            None
        );
        // A cancelled meeting is not next.
        data.cancel_planned_meeting(&MeetingId::new("m-dec"), stamp())
            .unwrap();
        assert_eq!(next(&data, "2026-11-22").as_deref(), Some("m-mars"));
    }

    #[test]
    fn coming_meetings_soonest_first_then_held_latest_first() {
        let mut data = crate::seed::built_in().unwrap();
        plan(&mut data, "m-b", "2027-03-10");
        plan(&mut data, "m-a", "2026-12-01");
        plan(&mut data, "m-c", "2026-11-22");
        let (upcoming, past) = upcoming_and_past(data.live_meetings(), date("2026-11-22"));
        let ids = |ms: &[&Meeting]| ms.iter().map(|m| m.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&upcoming), ["m-c", "m-a", "m-b"]);
        assert_eq!(
            ids(&past).first().map(String::as_str),
            Some("nb-psb-2021-protokoll")
        );
        assert!(past
            .windows(2)
            .all(|w| w[0].date.value() >= w[1].date.value() || w[1].date.value().is_none()));
    }
}
