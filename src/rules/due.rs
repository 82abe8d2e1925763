//! "Att göra": every obligation the rules create, evaluated on a given day
//! and sorted by urgency, with a link target to the record that creates it.

use chrono::{Datelike, NaiveDate};

use super::compliance::{check_year, CheckStatus};
use super::promises::{promises, PromiseStatus};
use super::{follow_ups_due, rotation_holder};
use crate::format;
use crate::i18n::{t, tf, Text};
use crate::model::{
    AgreementId, BodyId, CountyId, Dataset, MeetingId, MeetingRuleKind, MinutesState,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Urgency {
    /// A deadline has passed or a past year fell short.
    Overdue,
    /// Due in the current period and not yet met.
    Open,
    /// The data does not say enough; a person must fill it in.
    NeedsInput,
    /// A coming date.
    Upcoming,
    /// Met or dealt with.
    Done,
}

impl Urgency {
    pub const ALL: [Urgency; 5] = [
        Urgency::Overdue,
        Urgency::Open,
        Urgency::NeedsInput,
        Urgency::Upcoming,
        Urgency::Done,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Urgency::Overdue => t(Text::UrgencyOverdue),
            Urgency::Open => t(Text::UrgencyOpen),
            Urgency::NeedsInput => t(Text::UrgencyNeedsInput),
            Urgency::Upcoming => t(Text::UrgencyUpcoming),
            Urgency::Done => t(Text::UrgencyDone),
        }
    }
}

/// The record an obligation comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DueSource {
    Body(BodyId),
    Agreement(AgreementId),
    Paragraph { meeting: MeetingId, number: u32 },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub county: CountyId,
    pub urgency: Urgency,
    pub date: Option<NaiveDate>,
    /// What is due, in the interface's language.
    pub title: String,
    /// The state of it, in the interface's language.
    pub detail: String,
    pub source: DueSource,
}

/// How far ahead a coming date counts as current.
const SOON_DAYS: i64 = 90;

/// Everything due, for every county, on `today`.
pub fn due_items(data: &Dataset, today: NaiveDate) -> Vec<DueItem> {
    let mut items = Vec::new();
    meeting_rules(data, today, &mut items);
    rotations(data, today, &mut items);
    reviews(data, today, &mut items);
    missing_minutes(data, today, &mut items);
    agreements(data, today, &mut items);
    promised(data, today, &mut items);
    items.sort_by(|a, b| {
        a.urgency
            .cmp(&b.urgency)
            .then(a.date.cmp(&b.date))
            .then(a.title.cmp(&b.title))
    });
    items
}

fn meeting_rules(data: &Dataset, today: NaiveDate, items: &mut Vec<DueItem>) {
    let year = today.year();
    for body in data.live_bodies() {
        for check_year_of in [year, year - 1] {
            for check in check_year(data, body, check_year_of, today) {
                let urgency = match check.status {
                    CheckStatus::Met => Urgency::Done,
                    CheckStatus::Open => Urgency::Open,
                    CheckStatus::Missed => Urgency::Overdue,
                };
                let planned = if check.planned > 0 {
                    tf(Text::DuePlanned, &[&check.planned])
                } else {
                    String::new()
                };
                items.push(DueItem {
                    county: body.county.clone(),
                    urgency,
                    date: NaiveDate::from_ymd_opt(check_year_of, 12, 31),
                    title: format!("{}: {}", body.display_name(), check.rule.text),
                    detail: tf(
                        Text::DueMeetingsHeld,
                        &[&check_year_of, &check.held, &check.required, &planned],
                    ),
                    source: DueSource::Body(body.id.clone()),
                });
            }
        }
    }
}

fn rotations(data: &Dataset, today: NaiveDate, items: &mut Vec<DueItem>) {
    let year = today.year();
    for body in data.live_bodies() {
        for rule in &body.offices {
            let Some(rotation) = &rule.rotation else {
                continue;
            };
            let offices = rule
                .offices
                .iter()
                .map(|o| o.label().to_lowercase())
                .collect::<Vec<_>>()
                .join(t(Text::DueOfficesAnd));
            let title = format!("{}: {offices} {year}", body.display_name());
            let (urgency, detail) = match rotation_holder(rotation, year) {
                Some(party) => (
                    Urgency::Done,
                    tf(Text::DueRotationHeldBy, &[&data.rotation_party_name(party)]),
                ),
                None => (Urgency::NeedsInput, t(Text::DueRotationUnknown).to_owned()),
            };
            items.push(DueItem {
                county: body.county.clone(),
                urgency,
                date: None,
                title,
                detail,
                source: DueSource::Body(body.id.clone()),
            });
        }
    }
}

fn reviews(data: &Dataset, today: NaiveDate, items: &mut Vec<DueItem>) {
    for body in data.live_bodies() {
        for rule in &body.reviews {
            let title = tf(Text::DueReviewTitle, &[&body.display_name(), &rule.what]);
            let (urgency, date, detail) = match rule.last.value() {
                None => (
                    Urgency::NeedsInput,
                    None,
                    t(Text::DueReviewUnknown).to_owned(),
                ),
                Some(last) => {
                    let next = super::add_months(*last, rule.every_years.saturating_mul(12));
                    let urgency = if next < today {
                        Urgency::Overdue
                    } else if (next - today).num_days() <= SOON_DAYS {
                        Urgency::Open
                    } else {
                        Urgency::Upcoming
                    };
                    let detail = tf(
                        Text::DueReviewLastNext,
                        &[&format::date(*last), &format::date(next)],
                    );
                    (urgency, Some(next), detail)
                }
            };
            items.push(DueItem {
                county: body.county.clone(),
                urgency,
                date,
                title,
                detail,
                source: DueSource::Body(body.id.clone()),
            });
        }
    }
}

/// Bodies whose meetings must be minuted: past meetings still only planned.
fn missing_minutes(data: &Dataset, today: NaiveDate, items: &mut Vec<DueItem>) {
    for body in data.live_bodies() {
        let minuted = body
            .meeting_rules
            .iter()
            .any(|r| r.kind == MeetingRuleKind::MinutesRequired);
        if !minuted {
            continue;
        }
        for meeting in data.meetings_of(&body.id) {
            let Some(date) = meeting.date.value() else {
                continue;
            };
            if *date < today && meeting.minutes == MinutesState::Planned {
                items.push(DueItem {
                    county: body.county.clone(),
                    urgency: Urgency::Overdue,
                    date: Some(*date),
                    title: tf(
                        Text::DueMinutesTitle,
                        &[&body.display_name(), &format::date(*date)],
                    ),
                    detail: t(Text::DueMinutesMissing).into(),
                    source: DueSource::Body(body.id.clone()),
                });
            }
        }
    }
}

fn agreements(data: &Dataset, today: NaiveDate, items: &mut Vec<DueItem>) {
    for agreement in data.live_agreements() {
        let source = DueSource::Agreement(agreement.id.clone());
        for due in follow_ups_due(agreement, today) {
            let soon = (due.date - today).num_days() <= SOON_DAYS;
            let urgency = match (due.overdue, soon) {
                (true, _) => Urgency::Overdue,
                (false, true) => Urgency::Open,
                (false, false) => Urgency::Upcoming,
            };
            let detail = if due.overdue {
                tf(Text::DueFollowUpLate, &[&format::date(due.date)])
            } else {
                tf(Text::DueFollowUpNext, &[&format::date(due.date)])
            };
            items.push(DueItem {
                county: agreement.county.clone(),
                urgency,
                date: Some(due.date),
                title: tf(Text::DueFollowUpTitle, &[&agreement.title]),
                detail,
                source: source.clone(),
            });
        }
        let entry_unknown = agreement
            .entry_into_force
            .as_ref()
            .is_none_or(|e| e.date.value().is_none());
        let follows_from_entry = agreement
            .follow_up
            .iter()
            .any(|r| matches!(r, crate::model::FollowUpRule::Every { .. }));
        if entry_unknown && follows_from_entry {
            items.push(DueItem {
                county: agreement.county.clone(),
                urgency: Urgency::NeedsInput,
                date: None,
                title: tf(Text::DueEntryIntoForceTitle, &[&agreement.title]),
                detail: t(Text::DueEntryIntoForceUnknown).into(),
                source,
            });
        }
    }
}

fn promised(data: &Dataset, today: NaiveDate, items: &mut Vec<DueItem>) {
    for check in promises(data, today) {
        let Some(body) = data.body(&check.body) else {
            continue;
        };
        let (urgency, detail) = match &check.status {
            PromiseStatus::Handled {
                meeting,
                number,
                confirmed,
            } => {
                let when = data
                    .meeting(meeting)
                    .and_then(|m| m.date.value().copied())
                    .map(format::date)
                    .unwrap_or_default();
                let how = if *confirmed {
                    Text::DuePromiseHandled
                } else {
                    Text::DuePromiseProbablyHandled
                };
                (Urgency::Done, tf(how, &[number, &when]))
            }
            PromiseStatus::Pending { overdue: true } => {
                (Urgency::Overdue, t(Text::DuePromiseNotHandled).to_owned())
            }
            PromiseStatus::Pending { overdue: false } if check.follow_up.due.is_some() => {
                (Urgency::Upcoming, t(Text::DuePromiseNotYet).to_owned())
            }
            PromiseStatus::Pending { overdue: false } => {
                (Urgency::Open, t(Text::DuePromiseNoDate).to_owned())
            }
        };
        items.push(DueItem {
            county: body.county.clone(),
            urgency,
            date: check.follow_up.due,
            title: format!("§ {} {}", check.paragraph, check.paragraph_title),
            detail: format!("{} – {detail}", check.follow_up.text),
            source: DueSource::Paragraph {
                meeting: check.meeting,
                number: check.paragraph,
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChangeStamp, MeetingKind, PlannedMeeting};

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn built_in_on(today: &str) -> Vec<DueItem> {
        due_items(&crate::seed::built_in().unwrap(), date(today))
    }

    fn find<'a>(items: &'a [DueItem], needle: &str) -> &'a DueItem {
        items
            .iter()
            .find(|i| i.title.contains(needle))
            .unwrap_or_else(|| panic!("no item with {needle:?}"))
    }

    #[test]
    fn the_built_in_data_in_june_2021() {
        let items = built_in_on("2021-06-15");
        let minimum = items
            .iter()
            .find(|i| i.title.contains("minst fyra gånger per år") && i.detail.starts_with("2021"))
            .expect("this year's minimum");
        assert_eq!(minimum.urgency, Urgency::Open);
        assert_eq!(minimum.detail, "2021: 1 av 4 registrerade.");
        let chair = find(&items, "Politiska samverkansberedningen: ordförande");
        assert_eq!(chair.urgency, Urgency::Done);
        assert!(
            chair.detail.contains("Region Norrbotten"),
            "{}",
            chair.detail
        );
        let samrad_chair = find(&items, "Samråd för vård och omsorg: ordförande");
        assert_eq!(samrad_chair.urgency, Urgency::NeedsInput);
        let nb = find(
            &items,
            "Uppföljning av Överenskommelse om politisk samverkan",
        );
        assert_eq!(
            (nb.urgency, nb.date),
            (Urgency::Upcoming, Some(date("2023-01-01")))
        );
        let vb = find(&items, "Uppföljning av Regional överenskommelse");
        assert_eq!(
            (vb.urgency, vb.date),
            (Urgency::Upcoming, Some(date("2023-09-01")))
        );
        let profile = items
            .iter()
            .find(|i| i.detail.contains("grafiska profil"))
            .expect("the promise in § 8");
        assert_eq!(profile.urgency, Urgency::Upcoming);
        assert_eq!(
            profile.title,
            "§ 8 Målbild Nära vård och omsorg, beslutsärende"
        );
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

    #[test]
    fn beredningar_reviews_every_other_year() {
        let mut data = crate::seed::built_in().unwrap();
        let review = |items: &[DueItem]| {
            items
                .iter()
                .find(|i| {
                    i.title == "Beredning för barn och unga: revidering av uppdrag och bemanning"
                })
                .cloned()
                .expect("review item")
        };
        let unknown = review(&due_items(&data, date("2026-11-22")));
        assert_eq!(unknown.urgency, Urgency::NeedsInput);
        let body = BodyId::new("vb-beredning-barn-unga");
        data.record_review(&body, 0, date("2024-10-01"), stamp())
            .unwrap();
        let cases = [
            ("2025-01-01", Urgency::Upcoming),
            ("2026-08-01", Urgency::Open),
            ("2026-10-02", Urgency::Overdue),
        ];
        for (today, expected) in cases {
            let item = review(&due_items(&data, date(today)));
            assert_eq!(
                (item.urgency, item.date),
                (expected, Some(date("2026-10-01"))),
                "{today}"
            );
        }
    }

    #[test]
    fn a_past_planned_meeting_of_a_minuted_body_lacks_minutes() {
        let mut data = crate::seed::built_in().unwrap();
        let planned = PlannedMeeting {
            body: BodyId::new("nb-psb"),
            date: Some(date("2026-03-01")),
            start: None,
            place: "Luleå".into(),
            kind: MeetingKind::Ordinary,
        };
        data.plan_meeting(planned, MeetingId::new("m"), stamp())
            .unwrap();
        let before = due_items(&data, date("2026-02-01"));
        assert!(!before.iter().any(|i| i.title.contains("protokoll för")));
        let after = due_items(&data, date("2026-03-02"));
        let item = after
            .iter()
            .find(|i| i.title.contains("protokoll för 1 mars 2026"))
            .expect("missing minutes");
        assert_eq!(item.urgency, Urgency::Overdue);
    }

    #[test]
    fn the_built_in_data_today() {
        let items = built_in_on("2026-11-22");
        let vb = find(&items, "Uppföljning av Regional överenskommelse");
        assert_eq!(vb.urgency, Urgency::Overdue);
        assert_eq!(vb.detail, "Skulle ha startat senast 1 september 2023.");
        let nb = find(
            &items,
            "Uppföljning av Överenskommelse om politisk samverkan",
        );
        assert_eq!(nb.date, Some(date("2027-01-01")));
        assert_eq!(nb.urgency, Urgency::Open);
        let chair = find(&items, "Politiska samverkansberedningen: ordförande");
        assert!(
            chair.detail.contains("Norrbottens Kommuner"),
            "{}",
            chair.detail
        );
        let profile = items
            .iter()
            .find(|i| i.detail.contains("grafiska profil"))
            .unwrap();
        assert_eq!(profile.urgency, Urgency::Overdue);
        let last_year = items
            .iter()
            .find(|i| i.detail.starts_with("2025: 0 av 4"))
            .expect("last year's minimum");
        assert_eq!(last_year.urgency, Urgency::Overdue);
        assert!(items.windows(2).all(|w| w[0].urgency <= w[1].urgency));
    }
}
