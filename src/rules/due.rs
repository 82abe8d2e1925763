//! "Att göra": every obligation the rules create, evaluated on a given day
//! and sorted by urgency, with a link target to the record that creates it.

use chrono::{Datelike, NaiveDate};

use super::compliance::{check_year, CheckStatus};
use super::follow_ups_due;
use super::offices::office_holder;
use super::promises::{promises, PromiseStatus};
use crate::format;
use crate::i18n::{t, tf, Text};
use crate::model::{
    AgreementId, BodyId, CountyId, Dataset, DueNote, DueNoteState, MeetingId, MeetingRuleKind,
    MinutesState,
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
    /// A person dismissed it, with a reason.
    Dismissed,
}

impl Urgency {
    pub const ALL: [Urgency; 6] = [
        Urgency::Overdue,
        Urgency::Open,
        Urgency::NeedsInput,
        Urgency::Upcoming,
        Urgency::Done,
        Urgency::Dismissed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Urgency::Overdue => t(Text::UrgencyOverdue),
            Urgency::Open => t(Text::UrgencyOpen),
            Urgency::NeedsInput => t(Text::UrgencyNeedsInput),
            Urgency::Upcoming => t(Text::UrgencyUpcoming),
            Urgency::Done => t(Text::UrgencyDone),
            Urgency::Dismissed => t(Text::UrgencyDismissed),
        }
    }

    /// Whether the item still asks something of someone.
    pub fn is_open(self) -> bool {
        !matches!(self, Urgency::Done | Urgency::Dismissed)
    }
}

/// What kind of obligation an item is, for filtering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueKind {
    /// Meetings a year against a meeting rule.
    Meetings,
    /// A rotating office.
    Rotation,
    /// A recurring review of mandate or staffing.
    Review,
    /// Minutes of a past meeting.
    Minutes,
    /// An agreement's follow-up (or its missing entry into force).
    Agreement,
    /// A report promised in a § decision.
    Promise,
}

impl DueKind {
    pub const ALL: [DueKind; 6] = [
        DueKind::Meetings,
        DueKind::Rotation,
        DueKind::Review,
        DueKind::Minutes,
        DueKind::Agreement,
        DueKind::Promise,
    ];

    pub fn label(self) -> &'static str {
        t(match self {
            DueKind::Meetings => Text::DueKindMeetings,
            DueKind::Rotation => Text::DueKindRotation,
            DueKind::Review => Text::DueKindReview,
            DueKind::Minutes => Text::DueKindMinutes,
            DueKind::Agreement => Text::DueKindAgreement,
            DueKind::Promise => Text::DueKindPromise,
        })
    }

    /// A stable name, for a filter's value.
    pub fn code(self) -> &'static str {
        match self {
            DueKind::Meetings => "moten",
            DueKind::Rotation => "ordforande",
            DueKind::Review => "revidering",
            DueKind::Minutes => "protokoll",
            DueKind::Agreement => "overenskommelse",
            DueKind::Promise => "aterrapportering",
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
    /// The obligation's stable name, derived from the records that create
    /// it (the same on every copy); notes are kept under it.
    pub key: String,
    pub kind: DueKind,
    pub county: CountyId,
    /// The body it concerns, if one.
    pub body: Option<BodyId>,
    /// The year the obligation belongs to (a year's meetings, a promise of
    /// a § of that year); `None` for standing ones (an agreement's
    /// follow-up, a review).
    pub year: Option<i32>,
    /// What a person recorded about it.
    pub note: Option<DueNote>,
    pub urgency: Urgency,
    pub date: Option<NaiveDate>,
    /// What is due, in the interface's language.
    pub title: String,
    /// The state of it, in the interface's language.
    pub detail: String,
    pub source: DueSource,
}

impl DueItem {
    /// The obligation belongs to a year before `today`'s: shown summarised
    /// under earlier years, not among what is current.
    pub fn is_earlier(&self, today: NaiveDate) -> bool {
        self.year.is_some_and(|year| year < today.year())
    }
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
    for item in &mut items {
        apply_note(data, item);
    }
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
                let rule = body
                    .meeting_rules
                    .iter()
                    .position(|r| r == &check.rule)
                    .unwrap_or_default();
                items.push(DueItem {
                    key: format!("moten:{}:{rule}:{check_year_of}", body.id),
                    kind: DueKind::Meetings,
                    county: body.county.clone(),
                    body: Some(body.id.clone()),
                    year: Some(check_year_of),
                    note: None,
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
        for (index, rule) in body.offices.iter().enumerate() {
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
            let holders: Vec<_> = rule
                .offices
                .iter()
                .filter(|o| **o != crate::model::Office::Presenter)
                .map(|o| office_holder(data, body, *o, today))
                .collect();
            let (urgency, detail) = match super::rotation_holder(rotation, year) {
                // The turn is known; it is met only when a seat of that
                // party covers today for every office that rotates.
                Some(party) => {
                    let party = data.rotation_party_name(party);
                    let missing: Vec<String> = holders
                        .iter()
                        .filter(|h| h.person.is_none())
                        .map(|h| h.office.label().to_lowercase())
                        .collect();
                    if missing.is_empty() {
                        let names = holders
                            .iter()
                            .filter_map(|h| h.person.as_ref())
                            .map(|p| data.person_name(p))
                            .collect::<Vec<_>>()
                            .join(", ");
                        (
                            Urgency::Done,
                            tf(Text::DueRotationHeldByPeople, &[&party, &names]),
                        )
                    } else {
                        (
                            Urgency::NeedsInput,
                            tf(
                                Text::DueRotationNoSeat,
                                &[&party, &missing.join(t(Text::DueOfficesOr)), &year],
                            ),
                        )
                    }
                }
                None => (Urgency::NeedsInput, t(Text::DueRotationUnknown).to_owned()),
            };
            items.push(DueItem {
                key: format!("ordforande:{}:{index}:{year}", body.id),
                kind: DueKind::Rotation,
                county: body.county.clone(),
                body: Some(body.id.clone()),
                year: Some(year),
                note: None,
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
        for (index, rule) in body.reviews.iter().enumerate() {
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
            let due = date.map(|d| d.to_string()).unwrap_or_default();
            items.push(DueItem {
                key: format!("revidering:{}:{index}:{due}", body.id),
                kind: DueKind::Review,
                county: body.county.clone(),
                body: Some(body.id.clone()),
                year: None,
                note: None,
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
                    key: format!("protokoll:{}", meeting.id),
                    kind: DueKind::Minutes,
                    county: body.county.clone(),
                    body: Some(body.id.clone()),
                    year: Some(date.year()),
                    note: None,
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
        for (index, due) in follow_ups_due(agreement, today).into_iter().enumerate() {
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
                key: format!("uppfoljning:{}:{index}:{}", agreement.id, due.date),
                kind: DueKind::Agreement,
                county: agreement.county.clone(),
                body: None,
                year: None,
                note: None,
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
                key: format!("ikrafttradande:{}", agreement.id),
                kind: DueKind::Agreement,
                county: agreement.county.clone(),
                body: None,
                year: None,
                note: None,
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
            PromiseStatus::ReportedHere => {
                (Urgency::Done, t(Text::DuePromiseReportedHere).to_owned())
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
            key: promise_key(&check.paragraph_id, check.index),
            kind: DueKind::Promise,
            county: body.county.clone(),
            body: Some(body.id.clone()),
            year: check.year,
            note: None,
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

/// The key of the `index`th follow-up promised in a §.
pub fn promise_key(paragraph: &crate::model::ParagraphId, index: usize) -> String {
    format!("aterrapportering:{paragraph}:{index}")
}

/// What a person recorded overrides what the rules compute.
fn apply_note(data: &Dataset, item: &mut DueItem) {
    let Some(note) = data.due_note(&item.county, &item.key) else {
        return;
    };
    let remark = if note.reason.trim().is_empty() {
        String::new()
    } else {
        format!(" {}", note.reason.trim())
    };
    // A promise keeps what was promised in front of its state.
    let promised = match item.kind {
        DueKind::Promise => item
            .detail
            .rsplit_once(" – ")
            .map(|(text, _)| format!("{text} – "))
            .unwrap_or_default(),
        _ => String::new(),
    };
    item.detail = promised
        + &match note.state {
            DueNoteState::Handled => {
                item.urgency = Urgency::Done;
                let paragraph = note
                    .handled_in
                    .as_ref()
                    .and_then(|id| data.live_paragraphs().find(|p| &p.id == id));
                match paragraph {
                    Some(p) => {
                        let when = data
                            .meeting(&p.meeting)
                            .and_then(|m| m.date.value().copied())
                            .map(format::date)
                            .unwrap_or_default();
                        tf(
                            Text::DueNoteHandledIn,
                            &[&p.number, &when, &format::date(note.dated)],
                        )
                    }
                    None => tf(Text::DueNoteHandled, &[&format::date(note.dated)]),
                }
            }
            DueNoteState::Dismissed => {
                item.urgency = Urgency::Dismissed;
                tf(Text::DueNoteDismissed, &[&format::date(note.dated)])
            }
        }
        + &remark;
    item.note = Some(note.clone());
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
