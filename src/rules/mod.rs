//! Rules computed from the data with the date passed in: when an agreement
//! came into force, when it is next followed up, and when it would end if
//! notice were given on a given day.

pub mod compliance;
pub mod due;
pub mod offices;
pub mod promises;
pub mod schedule;

use chrono::{Months, NaiveDate};

use crate::model::{Agreement, FollowUpRule};

/// `date` plus `months`, clamped to the end of a shorter month
/// (31 August + 6 months is 28/29 February).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// The day the agreement would end if notice were given (or, where the
/// agreement says so, dealt with) on `given`.
pub fn notice_end(agreement: &Agreement, given: NaiveDate) -> Option<NaiveDate> {
    agreement
        .notice
        .as_ref()
        .map(|notice| add_months(given, notice.months))
}

/// The date the agreement came (or comes) into force, if known.
pub fn in_force_from(agreement: &Agreement) -> Option<NaiveDate> {
    agreement
        .entry_into_force
        .as_ref()
        .and_then(|e| e.date.value().copied())
}

/// A follow-up the agreement requires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpDue {
    pub date: NaiveDate,
    /// The date has passed (for a recurring follow-up this never holds: the
    /// next occurrence is given instead).
    pub overdue: bool,
}

/// The next follow-up on or after `today` for each follow-up rule.
pub fn follow_ups_due(agreement: &Agreement, today: NaiveDate) -> Vec<FollowUpDue> {
    agreement
        .follow_up
        .iter()
        .filter_map(|rule| match rule {
            FollowUpRule::Every { years, .. } => {
                let start = in_force_from(agreement)?;
                let step = years.checked_mul(12).filter(|m| *m > 0)?;
                let mut date = add_months(start, step);
                while date < today {
                    date = add_months(date, step);
                }
                Some(FollowUpDue {
                    date,
                    overdue: false,
                })
            }
            FollowUpRule::NoLaterThan { date, .. } => Some(FollowUpDue {
                date: *date,
                overdue: *date < today,
            }),
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

    fn agreement(entry: &str, follow_up: Vec<FollowUpRule>, months: u32) -> Agreement {
        Agreement {
            id: AgreementId::new("a"),
            meta: RecordMeta::default(),
            county: CountyId::new("nb"),
            title: "Överenskommelse".into(),
            parties: vec![],
            date: Fact::Stated(date("2016-12-01")),
            signatories: vec![],
            sections: vec![],
            entry_into_force: Some(EntryIntoForce {
                date: Fact::Stated(date(entry)),
                condition: None,
                adopted_by: vec![],
            }),
            validity: Validity::UntilFurtherNotice,
            notice: Some(Notice {
                months,
                mutual: true,
                addressed_to: None,
                text: String::new(),
            }),
            follow_up,
            establishes: vec![],
            cost_sharing: vec![],
            revisions: vec![],
        }
    }

    #[test]
    fn month_arithmetic_clamps_to_month_ends() {
        let cases = [
            ("2021-08-31", 6, "2022-02-28"),
            ("2023-08-31", 6, "2024-02-29"),
            ("2024-02-29", 12, "2025-02-28"),
            ("2026-11-22", 6, "2027-05-22"),
            ("2026-01-31", 1, "2026-02-28"),
        ];
        for (from, months, expected) in cases {
            assert_eq!(
                add_months(date(from), months),
                date(expected),
                "{from} + {months}"
            );
        }
    }

    #[test]
    fn notice_end_uses_the_agreements_period() {
        let a = agreement("2017-01-01", vec![], 6);
        assert_eq!(notice_end(&a, date("2026-11-22")), Some(date("2027-05-22")));
    }

    #[test]
    fn every_other_year_from_entry_into_force() {
        let a = agreement(
            "2017-01-01",
            vec![FollowUpRule::Every {
                years: 2,
                text: String::new(),
            }],
            6,
        );
        let cases = [
            ("2017-06-01", "2019-01-01"),
            ("2019-01-01", "2019-01-01"),
            ("2019-01-02", "2021-01-01"),
            ("2026-11-22", "2027-01-01"),
        ];
        for (today, next) in cases {
            let due = follow_ups_due(&a, date(today));
            assert_eq!(
                due,
                vec![FollowUpDue {
                    date: date(next),
                    overdue: false
                }],
                "{today}"
            );
        }
    }

    #[test]
    fn a_deadline_passes() {
        let a = agreement(
            "2020-01-01",
            vec![FollowUpRule::NoLaterThan {
                date: date("2023-09-01"),
                text: String::new(),
            }],
            12,
        );
        assert!(!follow_ups_due(&a, date("2023-09-01"))[0].overdue);
        assert!(follow_ups_due(&a, date("2023-09-02"))[0].overdue);
    }
}

/// Which party holds the rotating offices in `year`, if the start is known.
pub fn rotation_holder(
    rotation: &crate::model::Rotation,
    year: i32,
) -> Option<&crate::model::RotationParty> {
    let start = rotation.start.value()?;
    let parties = &rotation.between;
    let start_index = parties.iter().position(|p| p == &start.party)?;
    let period = i64::from(rotation.period_years.max(1));
    let terms = (i64::from(year) - i64::from(start.year)).div_euclid(period);
    let index = (start_index as i64 + terms).rem_euclid(parties.len() as i64) as usize;
    parties.get(index)
}

#[cfg(test)]
mod rotation_tests {
    use super::*;
    use crate::model::{CountyId, Fact, OrganisationId, Rotation, RotationParty, RotationStart};

    #[test]
    fn yearly_rotation_between_two_parties() {
        let region = RotationParty::Organisation(OrganisationId::new("region"));
        let kommuner = RotationParty::MunicipalitiesOf {
            municipalities_of: CountyId::new("vb"),
        };
        let rotation = Rotation {
            period_years: 1,
            between: vec![region.clone(), kommuner.clone()],
            start: Fact::Inferred {
                value: RotationStart {
                    year: 2021,
                    party: region.clone(),
                },
                reason: String::new(),
            },
        };
        let cases = [
            (2019, &region),
            (2020, &kommuner),
            (2021, &region),
            (2022, &kommuner),
            (2026, &kommuner),
            (2027, &region),
        ];
        for (year, expected) in cases {
            assert_eq!(rotation_holder(&rotation, year), Some(expected), "{year}");
        }
        let unknown = Rotation {
            start: Fact::Unknown {
                reason: String::new(),
            },
            ..rotation
        };
        assert_eq!(rotation_holder(&unknown, 2021), None);
    }
}
