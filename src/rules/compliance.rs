//! How a body's meetings in a year measure up to its meeting rules.

use chrono::{Datelike, NaiveDate};

use crate::model::{
    Body, BodyId, Dataset, MeetingKind, MeetingRule, MeetingRuleKind, MinutesState,
};

/// One meeting rule checked for one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleCheck {
    pub body: BodyId,
    pub rule: MeetingRule,
    pub year: i32,
    /// Meetings held that count for the rule.
    pub held: u32,
    /// Planned meetings later in the year that would count.
    pub planned: u32,
    pub required: u32,
    pub status: CheckStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckStatus {
    /// The requirement is met.
    Met,
    /// The year is still running and the requirement is not met yet.
    Open,
    /// The year is over and the requirement was not met.
    Missed,
}

/// Whether a meeting took place (or is minuted) rather than only planned.
fn held(state: &MinutesState) -> bool {
    !matches!(state, MinutesState::Planned)
}

fn counts(rule: &MeetingRule, body: &Body, kind: MeetingKind, on: &BodyId) -> bool {
    match rule.kind {
        MeetingRuleKind::MinimumPerYear => {
            on == &body.id && matches!(kind, MeetingKind::Ordinary | MeetingKind::Extra)
        }
        MeetingRuleKind::JointThemeDays | MeetingRuleKind::ThemeConferences => {
            kind == MeetingKind::ThemeDay && (on == &body.id || rule.with.as_ref() == Some(on))
        }
        MeetingRuleKind::Annual => on == &body.id,
        MeetingRuleKind::ExtraOnRequest
        | MeetingRuleKind::MinutesRequired
        | MeetingRuleKind::OnDemand => false,
    }
}

/// The number of meetings a rule requires in a year, if it requires any.
pub fn required_per_year(rule: &MeetingRule) -> Option<u32> {
    match rule.kind {
        MeetingRuleKind::MinimumPerYear
        | MeetingRuleKind::JointThemeDays
        | MeetingRuleKind::ThemeConferences => rule.per_year,
        MeetingRuleKind::Annual => Some(rule.per_year.unwrap_or(1)),
        MeetingRuleKind::ExtraOnRequest
        | MeetingRuleKind::MinutesRequired
        | MeetingRuleKind::OnDemand => None,
    }
}

/// Every countable meeting rule of `body`, checked for `year` as seen on `today`.
pub fn check_year(data: &Dataset, body: &Body, year: i32, today: NaiveDate) -> Vec<RuleCheck> {
    body.meeting_rules
        .iter()
        .filter_map(|rule| {
            let required = required_per_year(rule)?;
            let mut held_count = 0;
            let mut planned = 0;
            for meeting in data.live_meetings() {
                let Some(date) = meeting.date.value() else {
                    continue;
                };
                if date.year() != year || !counts(rule, body, meeting.kind, &meeting.body) {
                    continue;
                }
                if held(&meeting.minutes) && *date <= today {
                    held_count += 1;
                } else if *date >= today {
                    planned += 1;
                }
            }
            let status = if held_count >= required {
                CheckStatus::Met
            } else if year < today.year() {
                CheckStatus::Missed
            } else {
                CheckStatus::Open
            };
            Some(RuleCheck {
                body: body.id.clone(),
                rule: rule.clone(),
                year,
                held: held_count,
                planned,
                required,
                status,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn body(rules: Vec<MeetingRule>) -> Body {
        let mut data = crate::seed::built_in().unwrap();
        let mut body = data.bodies.remove(0);
        body.id = BodyId::new("b");
        body.meeting_rules = rules;
        body
    }

    fn meeting(id: &str, on: &str, day: &str, kind: MeetingKind, minutes: MinutesState) -> Meeting {
        Meeting {
            id: MeetingId::new(id),
            meta: RecordMeta::default(),
            body: BodyId::new(on),
            date: Fact::Stated(date(day)),
            start: Fact::Unknown {
                reason: String::new(),
            },
            place: "Luleå".into(),
            kind,
            decision_makers: vec![],
            participants: vec![],
            chair: None,
            secretary: None,
            adjusters: vec![],
            signatures: vec![],
            agenda: vec![],
            minutes,
            note: None,
            addenda: vec![],
        }
    }

    fn minimum(n: u32) -> MeetingRule {
        MeetingRule {
            kind: MeetingRuleKind::MinimumPerYear,
            per_year: Some(n),
            with: None,
            text: String::new(),
        }
    }

    #[test]
    fn meeting_minimum_with_zero_to_six_meetings() {
        let body = body(vec![minimum(4)]);
        let days = [
            "2022-02-01",
            "2022-04-01",
            "2022-06-01",
            "2022-09-01",
            "2022-10-01",
            "2022-12-01",
        ];
        for n in 0..=6 {
            let data = Dataset {
                meetings: days[..n]
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        meeting(
                            &format!("m{i}"),
                            "b",
                            d,
                            MeetingKind::Ordinary,
                            MinutesState::Draft,
                        )
                    })
                    .collect(),
                ..Dataset::default()
            };
            let during = check_year(&data, &body, 2022, date("2022-12-31"));
            let after = check_year(&data, &body, 2022, date("2023-01-10"));
            assert_eq!(during[0].held, n as u32);
            let expected_after = if n >= 4 {
                CheckStatus::Met
            } else {
                CheckStatus::Missed
            };
            let expected_during = if n >= 4 {
                CheckStatus::Met
            } else {
                CheckStatus::Open
            };
            assert_eq!(
                after[0].status, expected_after,
                "{n} meetings, after the year"
            );
            assert_eq!(
                during[0].status, expected_during,
                "{n} meetings, during the year"
            );
        }
    }

    #[test]
    fn planned_theme_and_deleted_meetings_do_not_count_as_held() {
        let body = body(vec![minimum(1)]);
        let mut deleted = meeting(
            "d",
            "b",
            "2022-03-01",
            MeetingKind::Ordinary,
            MinutesState::Draft,
        );
        deleted.meta.deleted = true;
        let data = Dataset {
            meetings: vec![
                meeting(
                    "p",
                    "b",
                    "2022-11-01",
                    MeetingKind::Ordinary,
                    MinutesState::Planned,
                ),
                meeting(
                    "t",
                    "b",
                    "2022-02-01",
                    MeetingKind::ThemeDay,
                    MinutesState::Draft,
                ),
                meeting(
                    "o",
                    "other",
                    "2022-02-01",
                    MeetingKind::Ordinary,
                    MinutesState::Draft,
                ),
                deleted,
            ],
            ..Dataset::default()
        };
        let check = &check_year(&data, &body, 2022, date("2022-06-01"))[0];
        assert_eq!(
            (check.held, check.planned, check.status),
            (0, 1, CheckStatus::Open)
        );
    }

    #[test]
    fn joint_theme_days_count_on_either_body() {
        let rule = MeetingRule {
            kind: MeetingRuleKind::JointThemeDays,
            per_year: Some(2),
            with: Some(BodyId::new("lsg")),
            text: String::new(),
        };
        let body = body(vec![rule]);
        let data = Dataset {
            meetings: vec![
                meeting(
                    "a",
                    "b",
                    "2022-03-01",
                    MeetingKind::ThemeDay,
                    MinutesState::Draft,
                ),
                meeting(
                    "c",
                    "lsg",
                    "2022-10-01",
                    MeetingKind::ThemeDay,
                    MinutesState::Draft,
                ),
                meeting(
                    "d",
                    "lsg",
                    "2022-10-02",
                    MeetingKind::Ordinary,
                    MinutesState::Draft,
                ),
            ],
            ..Dataset::default()
        };
        let check = &check_year(&data, &body, 2022, date("2023-01-01"))[0];
        assert_eq!((check.held, check.status), (2, CheckStatus::Met));
    }

    #[test]
    fn rules_without_a_number_are_not_checked() {
        let rule = MeetingRule {
            kind: MeetingRuleKind::ExtraOnRequest,
            per_year: None,
            with: None,
            text: String::new(),
        };
        let body = body(vec![rule]);
        assert!(check_year(&Dataset::default(), &body, 2022, date("2022-01-01")).is_empty());
    }
}
