//! Who holds an office of a body on a day — the one answer the diagram
//! panel, Att göra and a new protokoll's defaults all use.
//!
//! The rotation says whose *turn* it is; a *person* is named only when a
//! seat with the office's role covers the day and, when the office rotates,
//! belongs to the party whose turn it is. A seat without dates in a rotating
//! office covers the terms in which its holder held the office at a meeting
//! of the body (the 2021 minutes name the chair of 2021, not of 2026); with
//! no such meeting it covers any term of its party.

use chrono::{Datelike, NaiveDate};

use super::rotation_holder;
use crate::model::{
    Body, Dataset, Membership, MembershipRole, Office, OrganisationId, OrganisationKind, PersonId,
    Rotation, RotationParty,
};

/// Who holds one office of a body on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeHolding {
    pub office: Office,
    /// The office rotates between parties.
    pub rotates: bool,
    /// The party whose turn it is (rotating offices with a known start).
    pub turn: Option<RotationParty>,
    /// The person holding it, when a seat says so.
    pub person: Option<PersonId>,
}

/// The seat role that holds `office`; the presenter has no seat of its own.
fn seat_role(office: Office) -> Option<MembershipRole> {
    match office {
        Office::Chair => Some(MembershipRole::Chair),
        Office::ViceChair => Some(MembershipRole::ViceChair),
        Office::Secretary => Some(MembershipRole::Secretary),
        Office::Presenter => None,
    }
}

/// The rotation the body's rules give `office`, if it rotates.
pub fn rotation_of(body: &Body, office: Office) -> Option<&Rotation> {
    body.offices
        .iter()
        .filter(|rule| rule.offices.contains(&office))
        .find_map(|rule| rule.rotation.as_ref())
}

/// The term of a rotation a year falls in (terms are counted from the
/// rotation's start year; one calendar year when the start is unknown).
fn term(rotation: &Rotation, year: i32) -> i64 {
    let anchor = rotation.start.value().map_or(0, |s| s.year);
    let period = i64::from(rotation.period_years.max(1));
    (i64::from(year) - i64::from(anchor)).div_euclid(period)
}

/// The party a seat is held for: the one it states, else the holder's organisation.
fn seat_party<'a>(data: &'a Dataset, seat: &'a Membership) -> Option<&'a OrganisationId> {
    seat.representing
        .as_ref()
        .or_else(|| data.person(&seat.person).map(|p| &p.organisation)?.as_ref())
}

/// Whether an organisation is (or speaks for) a rotation party.
pub fn belongs_to(data: &Dataset, org: &OrganisationId, party: &RotationParty) -> bool {
    match party {
        RotationParty::Organisation(id) => id == org,
        RotationParty::MunicipalitiesOf { municipalities_of } => {
            data.organisation(org).is_some_and(|o| {
                matches!(
                    o.kind,
                    OrganisationKind::Municipality | OrganisationKind::Association
                ) && &o.county == municipalities_of
            })
        }
    }
}

/// Whether the person held `office` at `meeting` by the minutes.
fn held_at(meeting: &crate::model::Meeting, office: Office, person: &PersonId) -> bool {
    match office {
        Office::Chair => meeting.chair.as_ref() == Some(person),
        Office::Secretary => meeting.secretary.as_ref() == Some(person),
        Office::ViceChair | Office::Presenter => false,
    }
}

/// Whether `seat` covers `date` for `office`.
fn covers(
    data: &Dataset,
    body: &Body,
    office: Office,
    seat: &Membership,
    rotation: Option<&Rotation>,
    date: NaiveDate,
) -> bool {
    match (seat.from, seat.to, rotation) {
        (None, None, Some(rotation)) => {
            let evidence: Vec<i64> = data
                .meetings_of(&body.id)
                .into_iter()
                .filter(|m| held_at(m, office, &seat.person))
                .filter_map(|m| m.date.value().map(|d| term(rotation, d.year())))
                .collect();
            evidence.is_empty() || evidence.contains(&term(rotation, date.year()))
        }
        (from, to, _) => from.is_none_or(|f| f <= date) && to.is_none_or(|t| t >= date),
    }
}

/// Who holds `office` of `body` on `date`.
pub fn office_holder(
    data: &Dataset,
    body: &Body,
    office: Office,
    date: NaiveDate,
) -> OfficeHolding {
    let rotation = rotation_of(body, office);
    let turn = rotation.and_then(|r| rotation_holder(r, date.year()).cloned());
    let person = seat_role(office).and_then(|role| {
        data.memberships_in(&body.id)
            .filter(|seat| seat.role == role)
            .filter(|seat| covers(data, body, office, seat, rotation, date))
            .find(|seat| match &turn {
                Some(party) => {
                    seat_party(data, seat).is_some_and(|org| belongs_to(data, org, party))
                }
                None => true,
            })
            .map(|seat| seat.person.clone())
    });
    OfficeHolding {
        office,
        rotates: rotation.is_some(),
        turn,
        person,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BodyId, MembershipId, RecordMeta};

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn psb(data: &Dataset) -> Body {
        data.body(&BodyId::new("nb-psb")).unwrap().clone()
    }

    fn seat(id: &str, person: &str, role: MembershipRole, org: &str) -> Membership {
        Membership {
            id: MembershipId::new(id),
            meta: RecordMeta::default(),
            person: PersonId::new(person),
            body: BodyId::new("nb-psb"),
            role,
            representing: Some(OrganisationId::new(org)),
            from: None,
            to: None,
            note: None,
        }
    }

    #[test]
    fn the_2021_chair_is_not_the_2026_chair() {
        let data = crate::seed::built_in().unwrap();
        let body = psb(&data);
        let in_2021 = office_holder(&data, &body, Office::Chair, date("2021-05-27"));
        assert_eq!(
            in_2021.turn,
            Some(RotationParty::Organisation(OrganisationId::new(
                "region-nb"
            )))
        );
        assert_eq!(in_2021.person, Some(PersonId::new("p-linda-frohm")));
        let secretary = office_holder(&data, &body, Office::Secretary, date("2021-12-31"));
        assert_eq!(secretary.person, Some(PersonId::new("p-kristina-larsson")));

        let in_2026 = office_holder(&data, &body, Office::Chair, date("2026-11-22"));
        assert!(in_2026.rotates);
        assert_eq!(
            in_2026.turn,
            Some(RotationParty::Organisation(OrganisationId::new(
                "nb-kommuner"
            )))
        );
        assert_eq!(
            in_2026.person, None,
            "Linda Frohm chaired for the region in 2021"
        );
        // The region's next turn is not hers either: the seat is known for 2021 only.
        let in_2027 = office_holder(&data, &body, Office::Chair, date("2027-03-01"));
        assert_eq!(in_2027.person, None);
        assert_eq!(
            office_holder(&data, &body, Office::Secretary, date("2026-11-22")).person,
            None
        );
    }

    #[test]
    fn a_seat_counts_only_for_its_dates_and_the_party_whose_turn_it_is() {
        let mut data = crate::seed::built_in().unwrap();
        // A municipal politician in the chair from 2026 …
        let mut kommun = seat(
            "s1",
            "p-beatrice-oman",
            MembershipRole::Chair,
            "nb-kommuner",
        );
        kommun.from = Some(date("2026-01-01"));
        kommun.to = Some(date("2026-12-31"));
        // … and a region seat with dates covering 2026, out of turn.
        let mut region = seat("s2", "p-erika-sjoo", MembershipRole::Chair, "region-nb");
        region.from = Some(date("2025-01-01"));
        data.memberships.push(region);
        let body = psb(&data);
        let chair =
            |data: &Dataset, day| office_holder(data, &body, Office::Chair, date(day)).person;
        assert_eq!(
            chair(&data, "2026-06-01"),
            None,
            "the region's seat is out of turn"
        );
        assert_eq!(
            chair(&data, "2025-06-01"),
            Some(PersonId::new("p-erika-sjoo"))
        );
        data.memberships.push(kommun);
        assert_eq!(
            chair(&data, "2026-06-01"),
            Some(PersonId::new("p-beatrice-oman"))
        );
        assert_eq!(
            chair(&data, "2027-01-01"),
            Some(PersonId::new("p-erika-sjoo"))
        );
        assert_eq!(
            chair(&data, "2028-01-01"),
            None,
            "2028 is the municipalities' turn"
        );
    }

    #[test]
    fn a_body_without_rotation_names_the_seat_that_covers_the_day() {
        let data = crate::seed::built_in().unwrap();
        let board = data.body(&BodyId::new("nb-regionstyrelsen")).unwrap();
        let holding = office_holder(&data, board, Office::Chair, date("2026-11-22"));
        assert!(!holding.rotates);
        assert_eq!(holding.turn, None);
        assert_eq!(holding.person, Some(PersonId::new("p-maria-stenberg")));
    }
}
