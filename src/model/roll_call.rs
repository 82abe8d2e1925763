//! The roll call (upprop) of a meeting: the body's seats on the meeting day
//! (ordinary members and their ersättare), who is present, which ersättare
//! serves for which absent member, who came to a later § or left after one;
//! and the attendance per § it makes: `Meeting::decision_makers` with their
//! § ranges, the shape the minutes print ("Anders Öberg § 1–7").
//!
//! Absence is not stored: an absent member is a seat holder who is not
//! among the decision-makers, so a row is never deleted to say "absent".

use chrono::NaiveDate;

use crate::i18n::{t, Text};

use super::{
    Dataset, DecisionMaker, FieldError, Lookup, Meeting, Membership, MembershipRole,
    OrganisationId, ParagraphRange, PersonId,
};

/// What seat a row of the roll call stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seat {
    /// Chair, vice chair or member: present unless marked absent.
    Ordinary { chair: bool },
    /// An ersättare: a decision-maker only when serving for an absent member.
    Substitute { for_person: Option<PersonId> },
    /// A decision-maker without a seat in the register that day.
    Other,
}

/// One person of the roll call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollCallRow {
    pub person: PersonId,
    pub seat: Seat,
    pub representing: Option<OrganisationId>,
    pub party: Option<String>,
    /// Takes part in the decisions (for an ersättare: serves).
    pub present: bool,
    /// For a serving ersättare: the absent member served for.
    pub serving_for: Option<PersonId>,
    /// "Kom till §": the first § attended, when not the first.
    pub arrived_at: Option<u32>,
    /// "Lämnade efter §": the last § attended, when not the last.
    pub left_after: Option<u32>,
    /// The decision-maker the row was opened from: its role and note stay,
    /// and its range when the row's § are left as they were.
    pub kept: Option<DecisionMaker>,
}

impl RollCallRow {
    /// A row for someone added at the meeting (not holding a seat).
    pub fn other(
        person: PersonId,
        representing: Option<OrganisationId>,
        party: Option<String>,
    ) -> Self {
        RollCallRow {
            person,
            seat: Seat::Other,
            representing,
            party,
            present: true,
            serving_for: None,
            arrived_at: None,
            left_after: None,
            kept: None,
        }
    }

    pub fn is_substitute(&self) -> bool {
        matches!(self.seat, Seat::Substitute { .. })
    }
}

/// Why a roll call cannot be saved as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RollCallError {
    /// Left after a § before the one the person came to.
    LeftBeforeArrived(PersonId),
    /// An ersättare serves for a member who is present.
    ServesForPresent {
        substitute: PersonId,
        member: PersonId,
    },
    /// Two ersättare serve for one member.
    ServedTwice(PersonId),
    /// Nobody says which party the person represents.
    NoParty(PersonId),
}

impl RollCallError {
    /// The message, with people named by `name`.
    pub fn message(&self, name: impl Fn(&PersonId) -> String) -> String {
        use crate::i18n::tf;
        match self {
            RollCallError::LeftBeforeArrived(p) => tf(Text::RollCallLeftBeforeArrived, &[&name(p)]),
            RollCallError::ServesForPresent { substitute, member } => tf(
                Text::RollCallServesForPresent,
                &[&name(substitute), &name(member)],
            ),
            RollCallError::ServedTwice(p) => tf(Text::RollCallServedTwice, &[&name(p)]),
            RollCallError::NoParty(p) => tf(Text::RollCallNoParty, &[&name(p)]),
        }
    }
}

/// The seats held in `body` on `day` that decide or substitute, one per
/// person (an ordinary seat before an ersättare seat), in register order.
pub fn seats_at<'a>(
    data: &'a Dataset,
    body: &'a super::BodyId,
    day: Option<NaiveDate>,
) -> Vec<&'a Membership> {
    let held = |m: &&Membership| match day {
        Some(day) => m.from.is_none_or(|f| f <= day) && m.to.is_none_or(|t| t >= day),
        None => true,
    };
    let ordinary = |m: &&&Membership| {
        matches!(
            m.role,
            MembershipRole::Chair | MembershipRole::ViceChair | MembershipRole::Member
        )
    };
    let substitute = |m: &&&Membership| matches!(m.role, MembershipRole::Substitute { .. });
    let all: Vec<&Membership> = data.memberships_in(body).filter(held).collect();
    let mut seats: Vec<&Membership> = Vec::new();
    for m in all
        .iter()
        .filter(ordinary)
        .chain(all.iter().filter(substitute))
    {
        if !seats.iter().any(|s| s.person == m.person) {
            seats.push(m);
        }
    }
    seats
}

/// A meeting's roll call as it is being taken.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RollCall {
    pub rows: Vec<RollCallRow>,
    /// The § numbers of the minutes, in order (the choices for "kom till"
    /// and "lämnade efter").
    pub numbers: Vec<u32>,
}

impl RollCall {
    /// The roll call of `meeting` as recorded: its decision-makers in their
    /// order (present, with the § they attended), then the seats not among
    /// them (absent members, ersättare not serving).
    pub fn of(data: &Dataset, meeting: &Meeting) -> RollCall {
        let numbers: Vec<u32> = data
            .paragraphs_of(&meeting.id)
            .iter()
            .map(|p| p.number)
            .collect();
        let seats = seats_at(data, &meeting.body, meeting.date.value().copied());
        let seat_of = |m: &Membership| match &m.role {
            MembershipRole::Substitute { for_person } => Seat::Substitute {
                for_person: for_person.clone(),
            },
            // The meeting's chair (who the rule of offices names for the
            // day, `rules::office_holder`), not every seat with the role.
            _ => Seat::Ordinary {
                chair: meeting.chair.as_ref() == Some(&m.person),
            },
        };
        let party_of = |p: &PersonId| data.person(p).and_then(|p| p.party.clone());
        let (first, last) = bounds(&numbers);
        let mut rows: Vec<RollCallRow> = meeting
            .decision_makers
            .iter()
            .map(|d| {
                let seat = seats
                    .iter()
                    .find(|s| s.person == d.person)
                    .map(|s| seat_of(s))
                    .unwrap_or(Seat::Other);
                let range = d.paragraphs;
                RollCallRow {
                    person: d.person.clone(),
                    seat,
                    representing: Some(d.representing.clone()),
                    party: d.party.clone(),
                    present: true,
                    serving_for: d.serving_for.clone(),
                    arrived_at: range.map(|r| r.first).filter(|f| *f > first),
                    left_after: range.map(|r| r.last).filter(|l| *l < last),
                    kept: Some(d.clone()),
                }
            })
            .collect();
        for seat in seats {
            if rows.iter().any(|r| r.person == seat.person) {
                continue;
            }
            rows.push(RollCallRow {
                person: seat.person.clone(),
                seat: seat_of(seat),
                representing: seat.representing.clone().or_else(|| {
                    data.person(&seat.person)
                        .and_then(|p| p.organisation.clone())
                }),
                party: party_of(&seat.person),
                present: false,
                serving_for: None,
                arrived_at: None,
                left_after: None,
                kept: None,
            });
        }
        RollCall { rows, numbers }
    }

    /// The decision-makers of new minutes: every ordinary member of the
    /// seats held that day, present for all §, those whose party the
    /// register does not say left out (the roll call lists them to add).
    pub fn draft_attendance(data: &Dataset, meeting: &Meeting) -> Vec<DecisionMaker> {
        let mut call = RollCall::of(data, meeting);
        for row in &mut call.rows {
            if row.kept.is_none() {
                row.present =
                    matches!(row.seat, Seat::Ordinary { .. }) && row.representing.is_some();
            }
        }
        call.decision_makers().unwrap_or_default()
    }

    fn row_mut(&mut self, person: &PersonId) -> Option<&mut RollCallRow> {
        self.rows.iter_mut().find(|r| &r.person == person)
    }

    /// Marks a person present or absent. An absent member's ersättare stops
    /// serving when the member is back.
    pub fn set_present(&mut self, person: &PersonId, present: bool) {
        if let Some(row) = self.row_mut(person) {
            row.present = present;
            if !present {
                row.serving_for = None;
            }
        }
        if present {
            for row in &mut self.rows {
                if row.serving_for.as_ref() == Some(person) {
                    row.serving_for = None;
                    row.present = false;
                }
            }
        }
    }

    /// An ersättare serves for an absent member (`None`: does not serve).
    pub fn serve_for(&mut self, substitute: &PersonId, member: Option<PersonId>) {
        if let Some(row) = self.row_mut(substitute) {
            row.present = member.is_some();
            row.serving_for = member;
        }
    }

    /// "Kom till §" and "lämnade efter §" of a person.
    pub fn set_paragraphs(
        &mut self,
        person: &PersonId,
        arrived_at: Option<u32>,
        left_after: Option<u32>,
    ) {
        if let Some(row) = self.row_mut(person) {
            row.arrived_at = arrived_at;
            row.left_after = left_after;
        }
    }

    /// Adds a person to the roll call, present; a person already listed is
    /// marked present instead.
    pub fn add(&mut self, row: RollCallRow) {
        match self.row_mut(&row.person) {
            Some(existing) => existing.present = true,
            None => self.rows.push(row),
        }
    }

    /// Ordinary members marked absent, whom an ersättare may serve for.
    pub fn absent_members(&self) -> Vec<&PersonId> {
        self.rows
            .iter()
            .filter(|r| matches!(r.seat, Seat::Ordinary { .. }) && !r.present)
            .map(|r| &r.person)
            .collect()
    }

    /// The attendance per § the roll call makes: the present decision-makers
    /// in the order of the roll call, each with the § attended when not all.
    pub fn decision_makers(&self) -> Result<Vec<DecisionMaker>, RollCallError> {
        let (first, last) = bounds(&self.numbers);
        let mut out = Vec::new();
        for row in self.rows.iter().filter(|r| r.present) {
            if let (Some(a), Some(l)) = (row.arrived_at, row.left_after) {
                if l < a {
                    return Err(RollCallError::LeftBeforeArrived(row.person.clone()));
                }
            }
            if let Some(member) = &row.serving_for {
                let present = self.rows.iter().any(|r| &r.person == member && r.present);
                if present {
                    return Err(RollCallError::ServesForPresent {
                        substitute: row.person.clone(),
                        member: member.clone(),
                    });
                }
                let servers = self
                    .rows
                    .iter()
                    .filter(|r| r.present && r.serving_for.as_ref() == Some(member))
                    .count();
                if servers > 1 {
                    return Err(RollCallError::ServedTwice(member.clone()));
                }
            }
            let served = row
                .serving_for
                .as_ref()
                .and_then(|m| self.rows.iter().find(|r| &r.person == m));
            let representing = row
                .representing
                .clone()
                .or_else(|| served.and_then(|s| s.representing.clone()))
                .ok_or_else(|| RollCallError::NoParty(row.person.clone()))?;
            let kept = row.kept.as_ref();
            let shown = kept.map(|k| {
                (
                    k.paragraphs.map(|r| r.first).filter(|f| *f > first),
                    k.paragraphs.map(|r| r.last).filter(|l| *l < last),
                )
            });
            let paragraphs = if shown == Some((row.arrived_at, row.left_after)) {
                kept.and_then(|k| k.paragraphs)
            } else {
                match (row.arrived_at, row.left_after) {
                    (None, None) => None,
                    (arrived, left) => Some(ParagraphRange {
                        first: arrived.unwrap_or(first),
                        last: left.unwrap_or(last.max(arrived.unwrap_or(first))),
                    }),
                }
            };
            let (role, note) = match kept {
                Some(k) => (k.role.clone(), k.note.clone()),
                None if row.seat == (Seat::Ordinary { chair: true }) => {
                    (Some(t(Text::DraftRoleChair).to_owned()), None)
                }
                None => (None, None),
            };
            out.push(DecisionMaker {
                person: row.person.clone(),
                representing,
                party: row.party.clone(),
                role,
                paragraphs,
                note,
                serving_for: row.serving_for.clone(),
            });
        }
        Ok(out)
    }
}

/// The roll call's rules, which `Rules::validate` adds to its own: for a §
/// (`paragraph`), whoever it marks with jäv or a reservation decides at the
/// meeting, and is not both; for the meeting (`None`), an ersättare serves
/// for a person in the register.
pub fn check_attendance(
    data: &impl Lookup,
    paragraph: Option<&super::Paragraph>,
    meeting: &Meeting,
) -> Vec<FieldError> {
    use crate::i18n::tf;
    let mut errors = Vec::new();
    if let Some(paragraph) = paragraph {
        let deciding = |p: &PersonId| meeting.decision_makers.iter().any(|d| &d.person == p);
        for (field, people) in [
            ("disqualified", &paragraph.disqualified),
            ("reservations", &paragraph.reservations),
        ] {
            for p in people.iter().filter(|p| !deciding(p)) {
                errors.push(FieldError::new(
                    field,
                    tf(Text::ValidationNotDeciding, &[&data.name_of_person(p)]),
                ));
            }
        }
        for p in paragraph
            .reservations
            .iter()
            .filter(|p| paragraph.disqualified.contains(p))
        {
            errors.push(FieldError::new(
                "reservations",
                tf(
                    Text::ValidationDisqualifiedReserves,
                    &[&data.name_of_person(p)],
                ),
            ));
        }
        return errors;
    }
    for d in &meeting.decision_makers {
        if let Some(p) = &d.serving_for {
            if !data.has_person(p) {
                errors.push(FieldError::new(
                    "decision_makers",
                    tf(
                        Text::ValidationServingForUnknown,
                        &[&data.name_of_person(&d.person)],
                    ),
                ));
            }
        }
    }
    errors
}

/// The first and last § of the minutes (1 and the largest number when
/// there are none yet, so every range typed is kept as typed).
fn bounds(numbers: &[u32]) -> (u32, u32) {
    match (numbers.first(), numbers.last()) {
        (Some(first), Some(last)) => (*first, *last),
        _ => (1, u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    const MINUTES: &str = "nb-psb-2021-protokoll";

    fn pid(s: &str) -> PersonId {
        PersonId::new(s)
    }

    /// The built-in data with a new draft of Politiska samverkansberedningen
    /// with § 1–3 and one ersättare seat, for Anders Öberg.
    fn draft() -> (Dataset, Meeting) {
        let mut data = crate::seed::built_in().unwrap();
        let mut meeting = data.meeting(&MeetingId::new(MINUTES)).unwrap().clone();
        meeting.id = MeetingId::new("ny");
        meeting.date = Fact::Stated("2026-05-27".parse().unwrap());
        meeting.decision_makers = vec![];
        meeting.minutes = MinutesState::Draft;
        meeting.chair = None;
        let template = data
            .paragraphs_of(&MeetingId::new(MINUTES))
            .first()
            .map(|p| (*p).clone())
            .unwrap();
        for number in 1..=3 {
            let mut p = template.clone();
            p.id = ParagraphId::new(format!("ny-{number}"));
            p.meeting = meeting.id.clone();
            p.number = number;
            data.paragraphs.push(p);
        }
        let mut seat = data
            .memberships
            .iter()
            .find(|m| m.person.as_str() == "p-erika-sjoo")
            .unwrap()
            .clone();
        seat.id = MembershipId::new("ersattare");
        seat.person = pid("p-anneli-granberg");
        seat.role = MembershipRole::Substitute {
            for_person: Some(pid("p-anders-oberg")),
        };
        data.memberships.push(seat);
        meeting.decision_makers = RollCall::draft_attendance(&data, &meeting);
        data.meetings.push(meeting.clone());
        (data, meeting)
    }

    fn range(first: u32, last: u32) -> Option<ParagraphRange> {
        Some(ParagraphRange { first, last })
    }

    #[test]
    fn a_fresh_roll_call_lists_the_seats_with_the_members_present() {
        let (data, meeting) = draft();
        let call = RollCall::of(&data, &meeting);
        assert_eq!(call.numbers, [1, 2, 3]);
        assert_eq!(call.rows.len(), 14, "13 seats and one ersättare");
        let present = call.rows.iter().filter(|r| r.present).count();
        assert_eq!(present, 13);
        let substitute = call.rows.last().unwrap();
        assert_eq!(substitute.person, pid("p-anneli-granberg"));
        assert!(substitute.is_substitute() && !substitute.present);
        let makers = call.decision_makers().unwrap();
        assert_eq!(makers.len(), 13);
        assert!(makers.iter().all(|m| m.paragraphs.is_none()));
        // Nobody chairs in 2026 by the rule of offices: no one is marked.
        assert!(makers.iter().all(|m| m.role.is_none()), "{makers:?}");
        // The meeting's chair, when it has one, is.
        let mut chaired = meeting.clone();
        chaired.chair = Some(pid("p-linda-frohm"));
        chaired.decision_makers.clear();
        let makers = RollCall::draft_attendance(&data, &chaired);
        let chair = makers.iter().find(|m| m.person.as_str() == "p-linda-frohm");
        assert_eq!(chair.unwrap().role.as_deref(), Some("ordförande"));
    }

    #[test]
    fn two_absent_one_ersattare_serving_one_leaving_after_paragraph_2() {
        let (data, meeting) = draft();
        let mut call = RollCall::of(&data, &meeting);
        call.set_present(&pid("p-anders-oberg"), false);
        call.set_present(&pid("p-louise-mork"), false);
        assert_eq!(
            call.absent_members(),
            [&pid("p-anders-oberg"), &pid("p-louise-mork")]
        );
        call.serve_for(&pid("p-anneli-granberg"), Some(pid("p-anders-oberg")));
        call.set_paragraphs(&pid("p-emma-engelmark"), None, Some(2));
        call.set_paragraphs(&pid("p-johnny-astrom"), Some(2), None);
        let makers = call.decision_makers().unwrap();
        assert_eq!(makers.len(), 12, "13 seats, 2 absent, 1 ersättare");
        let by = |p: &str| makers.iter().find(|m| m.person.as_str() == p);
        assert!(by("p-anders-oberg").is_none());
        assert!(by("p-louise-mork").is_none());
        let serving = by("p-anneli-granberg").unwrap();
        assert_eq!(serving.serving_for, Some(pid("p-anders-oberg")));
        assert_eq!(serving.representing.as_str(), "region-nb");
        assert_eq!(serving.paragraphs, None);
        // As the seed prints "Emma Engelmark § 1-7": the § attended.
        assert_eq!(by("p-emma-engelmark").unwrap().paragraphs, range(1, 2));
        assert_eq!(by("p-johnny-astrom").unwrap().paragraphs, range(2, 3));
        assert_eq!(by("p-erika-sjoo").unwrap().paragraphs, None);

        // Saved and opened again, the roll call is the same.
        let mut saved = meeting.clone();
        saved.decision_makers = makers.clone();
        let again = RollCall::of(&data, &saved);
        assert_eq!(again.decision_makers().unwrap(), makers);
        assert_eq!(
            again.absent_members(),
            [&pid("p-anders-oberg"), &pid("p-louise-mork")]
        );
        let emma = again
            .rows
            .iter()
            .find(|r| r.person.as_str() == "p-emma-engelmark")
            .unwrap();
        assert_eq!((emma.arrived_at, emma.left_after), (None, Some(2)));
    }

    #[test]
    fn the_member_back_ends_the_ersattare_serving() {
        let (data, meeting) = draft();
        let mut call = RollCall::of(&data, &meeting);
        call.set_present(&pid("p-anders-oberg"), false);
        call.serve_for(&pid("p-anneli-granberg"), Some(pid("p-anders-oberg")));
        call.set_present(&pid("p-anders-oberg"), true);
        let makers = call.decision_makers().unwrap();
        assert_eq!(makers.len(), 13);
        assert!(makers.iter().all(|m| m.serving_for.is_none()));
    }

    #[test]
    fn impossible_roll_calls_are_refused() {
        let (data, meeting) = draft();
        let mut call = RollCall::of(&data, &meeting);
        call.set_paragraphs(&pid("p-erika-sjoo"), Some(3), Some(2));
        assert_eq!(
            call.decision_makers(),
            Err(RollCallError::LeftBeforeArrived(pid("p-erika-sjoo")))
        );
        let mut call = RollCall::of(&data, &meeting);
        call.serve_for(&pid("p-anneli-granberg"), Some(pid("p-anders-oberg")));
        assert_eq!(
            call.decision_makers(),
            Err(RollCallError::ServesForPresent {
                substitute: pid("p-anneli-granberg"),
                member: pid("p-anders-oberg"),
            })
        );
    }

    #[test]
    fn the_seed_minutes_come_back_unchanged_from_their_roll_call() {
        let data = crate::seed::built_in().unwrap();
        for meeting in &data.meetings {
            let call = RollCall::of(&data, meeting);
            assert_eq!(
                call.decision_makers().as_ref(),
                Ok(&meeting.decision_makers),
                "{}",
                meeting.id
            );
        }
        let minutes = data.meeting(&MeetingId::new(MINUTES)).unwrap();
        let call = RollCall::of(&data, minutes);
        let lennart = call
            .rows
            .iter()
            .find(|r| r.person.as_str() == "p-lennart-astrom")
            .unwrap();
        assert_eq!((lennart.arrived_at, lennart.left_after), (Some(8), None));
        let anders = call
            .rows
            .iter()
            .find(|r| r.person.as_str() == "p-anders-oberg")
            .unwrap();
        assert_eq!((anders.arrived_at, anders.left_after), (None, Some(7)));
    }

    #[test]
    fn a_person_added_at_the_meeting_decides_for_the_party_given() {
        let (data, meeting) = draft();
        let mut call = RollCall::of(&data, &meeting);
        call.add(RollCallRow::other(
            pid("p-ny"),
            Some(OrganisationId::new("nb-kommuner")),
            Some("V".into()),
        ));
        let makers = call.decision_makers().unwrap();
        let added = makers.last().unwrap();
        assert_eq!(
            (added.person.as_str(), added.representing.as_str()),
            ("p-ny", "nb-kommuner")
        );
        assert_eq!(added.party.as_deref(), Some("V"));
        call.add(RollCallRow::other(pid("p-utan-part"), None, None));
        assert_eq!(
            call.decision_makers(),
            Err(RollCallError::NoParty(pid("p-utan-part")))
        );
    }

    #[test]
    fn jav_and_reservation_are_for_decision_makers_and_not_both() {
        let data = crate::seed::built_in().unwrap();
        let meeting = data.meeting(&MeetingId::new(MINUTES)).unwrap().clone();
        let mut paragraph = (*data.paragraphs_of(&meeting.id)[0]).clone();
        assert_eq!(check_attendance(&data, Some(&paragraph), &meeting), []);
        paragraph.disqualified = vec![pid("p-erika-sjoo")];
        paragraph.reservations = vec![pid("p-erika-sjoo"), pid("p-anneli-granberg")];
        let fields: Vec<&str> = check_attendance(&data, Some(&paragraph), &meeting)
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["reservations", "reservations"]);
        let mut meeting = meeting;
        meeting.decision_makers[0].serving_for = Some(pid("finns-inte"));
        assert_eq!(check_attendance(&data, None, &meeting).len(), 1);
    }
}
