//! Referential integrity of a data set: every id a record points to exists,
//! and no id is used twice within a record kind.

use std::collections::HashSet;
use std::fmt;

use crate::i18n::{t, tf, Text};

use super::*;

/// A reference from one record to a record that does not exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DanglingReference {
    /// The record holding the reference, e.g. "möte nb-psb-2021-05-27".
    pub from: String,
    /// The field, e.g. "decision_makers[3].person".
    pub field: String,
    pub missing: String,
}

impl fmt::Display for DanglingReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tf(
            Text::IntegrityDangling,
            &[&self.from, &self.field, &self.missing],
        ))
    }
}

/// Collects dangling references and duplicate ids.
#[derive(Default)]
pub struct ReferenceCheck {
    pub dangling: Vec<DanglingReference>,
    pub duplicate_ids: Vec<String>,
}

struct Ids<'a> {
    counties: HashSet<&'a str>,
    organisations: HashSet<&'a str>,
    people: HashSet<&'a str>,
    bodies: HashSet<&'a str>,
    agreements: HashSet<&'a str>,
    meetings: HashSet<&'a str>,
    documents: HashSet<&'a str>,
}

impl ReferenceCheck {
    pub fn is_clean(&self) -> bool {
        self.dangling.is_empty() && self.duplicate_ids.is_empty()
    }

    fn expect(&mut self, known: &HashSet<&str>, id: &str, from: &str, field: String) {
        if !known.contains(id) {
            self.dangling.push(DanglingReference {
                from: from.to_owned(),
                field,
                missing: id.to_owned(),
            });
        }
    }

    fn unique<'a, R: Record>(&mut self, kind: &str, records: &'a [R]) -> HashSet<&'a str>
    where
        R::Id: AsRef<str>,
    {
        let mut seen = HashSet::new();
        for record in records {
            if !seen.insert(record.id().as_ref()) {
                self.duplicate_ids
                    .push(format!("{kind} {}", record.id().as_ref()));
            }
        }
        seen
    }
}

macro_rules! impl_as_ref {
    ($($id:ty),*) => {$(
        impl AsRef<str> for $id {
            fn as_ref(&self) -> &str { &self.0 }
        }
    )*};
}
impl_as_ref!(
    CountyId,
    OrganisationId,
    PersonId,
    BodyId,
    RelationId,
    MembershipId,
    AgreementId,
    MeetingId,
    ParagraphId,
    DocumentId,
    PositionId
);

impl Dataset {
    /// Checks every reference between records, including tombstones.
    pub fn check_references(&self) -> ReferenceCheck {
        let mut check = ReferenceCheck::default();
        let ids = Ids {
            counties: check.unique(t(Text::KindCounty), &self.counties),
            organisations: check.unique(t(Text::KindOrganisation), &self.organisations),
            people: check.unique(t(Text::KindPerson), &self.people),
            bodies: check.unique(t(Text::KindBody), &self.bodies),
            agreements: check.unique(t(Text::KindAgreement), &self.agreements),
            meetings: check.unique(t(Text::KindMeeting), &self.meetings),
            documents: check.unique(t(Text::KindDocument), &self.documents),
        };
        check.unique(t(Text::KindRelation), &self.relations);
        check.unique(t(Text::KindMembership), &self.memberships);
        check.unique(t(Text::KindParagraph), &self.paragraphs);
        check.unique(t(Text::KindPositionShort), &self.positions);
        for position in &self.positions {
            let from = format!("{} {}", t(Text::KindPositionShort), position.id);
            check.expect(&ids.bodies, position.body.as_str(), &from, "body".into());
        }

        self.check_sources(&mut check, &ids);
        for org in &self.organisations {
            let from = format!("{} {}", t(Text::KindOrganisation), org.id);
            check.expect(&ids.counties, org.county.as_str(), &from, "county".into());
        }
        for person in &self.people {
            let from = format!("{} {}", t(Text::KindPerson), person.id);
            if let Some(org) = &person.organisation {
                check.expect(
                    &ids.organisations,
                    org.as_str(),
                    &from,
                    "organisation".into(),
                );
            }
            if let Some(org) = &person.municipality {
                check.expect(
                    &ids.organisations,
                    org.as_str(),
                    &from,
                    "municipality".into(),
                );
            }
        }
        for body in &self.bodies {
            self.check_body(&mut check, &ids, body);
        }
        for relation in &self.relations {
            let from = format!("{} {}", t(Text::KindRelation), relation.id);
            check.expect(&ids.bodies, relation.from.as_str(), &from, "from".into());
            check.expect(&ids.bodies, relation.to.as_str(), &from, "to".into());
        }
        for membership in &self.memberships {
            let from = format!("{} {}", t(Text::KindMembership), membership.id);
            check.expect(
                &ids.people,
                membership.person.as_str(),
                &from,
                "person".into(),
            );
            check.expect(&ids.bodies, membership.body.as_str(), &from, "body".into());
            if let Some(org) = &membership.representing {
                check.expect(
                    &ids.organisations,
                    org.as_str(),
                    &from,
                    "representing".into(),
                );
            }
            if let MembershipRole::Substitute {
                for_person: Some(p),
            } = &membership.role
            {
                check.expect(&ids.people, p.as_str(), &from, "for_person".into());
            }
        }
        for agreement in &self.agreements {
            self.check_agreement(&mut check, &ids, agreement);
        }
        for meeting in &self.meetings {
            self.check_meeting(&mut check, &ids, meeting);
        }
        for paragraph in &self.paragraphs {
            let from = format!("{} {}", t(Text::KindParagraph), paragraph.id);
            check.expect(
                &ids.meetings,
                paragraph.meeting.as_str(),
                &from,
                "meeting".into(),
            );
            for (i, p) in paragraph.presenters.iter().enumerate() {
                check.expect(&ids.people, p.as_str(), &from, format!("presenters[{i}]"));
            }
            for (i, p) in paragraph.disqualified.iter().enumerate() {
                check.expect(&ids.people, p.as_str(), &from, format!("disqualified[{i}]"));
            }
            for (i, p) in paragraph.reservations.iter().enumerate() {
                check.expect(&ids.people, p.as_str(), &from, format!("reservations[{i}]"));
            }
            for (i, f) in paragraph.follow_ups.iter().enumerate() {
                if let Some(b) = &f.to_body {
                    check.expect(
                        &ids.bodies,
                        b.as_str(),
                        &from,
                        format!("follow_ups[{i}].to_body"),
                    );
                }
            }
        }
        check
    }

    fn check_sources(&self, check: &mut ReferenceCheck, ids: &Ids) {
        let metas = self
            .counties
            .iter()
            .map(|r| (format!("{} {}", t(Text::KindCounty), r.id), &r.meta))
            .chain(
                self.organisations
                    .iter()
                    .map(|r| (format!("{} {}", t(Text::KindOrganisation), r.id), &r.meta)),
            )
            .chain(
                self.people
                    .iter()
                    .map(|r| (format!("{} {}", t(Text::KindPerson), r.id), &r.meta)),
            )
            .chain(
                self.bodies
                    .iter()
                    .map(|r| (format!("{} {}", t(Text::KindBody), r.id), &r.meta)),
            )
            .chain(
                self.relations
                    .iter()
                    .map(|r| (format!("{} {}", t(Text::KindRelation), r.id), &r.meta)),
            )
            .chain(
                self.memberships
                    .iter()
                    .map(|r| (format!("{} {}", t(Text::KindMembership), r.id), &r.meta)),
            )
            .chain(
                self.agreements
                    .iter()
                    .map(|r| (format!("{} {}", t(Text::KindAgreement), r.id), &r.meta)),
            )
            .chain(
                self.meetings
                    .iter()
                    .map(|r| (format!("{} {}", t(Text::KindMeeting), r.id), &r.meta)),
            )
            .chain(
                self.paragraphs
                    .iter()
                    .map(|r| (format!("{} {}", t(Text::KindParagraph), r.id), &r.meta)),
            );
        for (from, meta) in metas {
            for (i, source) in meta.sources.iter().enumerate() {
                check.expect(
                    &ids.documents,
                    source.document.as_str(),
                    &from,
                    format!("meta.sources[{i}].document"),
                );
            }
        }
    }

    fn check_body(&self, check: &mut ReferenceCheck, ids: &Ids, body: &Body) {
        let from = format!("{} {}", t(Text::KindBody), body.id);
        check.expect(&ids.counties, body.county.as_str(), &from, "county".into());
        if let Some(owner) = &body.owner {
            check.expect(&ids.organisations, owner.as_str(), &from, "owner".into());
        }
        if let Some(a) = &body.established_by {
            check.expect(&ids.agreements, a.as_str(), &from, "established_by".into());
        }
        for (i, rule) in body.composition.iter().enumerate() {
            match &rule.appointed_by {
                SeatAppointer::Organisation { organisation } => check.expect(
                    &ids.organisations,
                    organisation.as_str(),
                    &from,
                    format!("composition[{i}].appointed_by"),
                ),
                SeatAppointer::ExOfficio { body, .. } => check.expect(
                    &ids.bodies,
                    body.as_str(),
                    &from,
                    format!("composition[{i}].appointed_by"),
                ),
                _ => {}
            }
            if let Some(b) = &rule.drawn_from {
                check.expect(
                    &ids.bodies,
                    b.as_str(),
                    &from,
                    format!("composition[{i}].drawn_from"),
                );
            }
            for (j, org) in rule.only_for.iter().enumerate() {
                check.expect(
                    &ids.organisations,
                    org.as_str(),
                    &from,
                    format!("composition[{i}].only_for[{j}]"),
                );
            }
        }
        for (i, rule) in body.offices.iter().enumerate() {
            if let Some(held) = &rule.held_by {
                check.expect(
                    &ids.bodies,
                    held.body.as_str(),
                    &from,
                    format!("offices[{i}].held_by"),
                );
            }
            if let Some(rotation) = &rule.rotation {
                let start = rotation
                    .start
                    .value()
                    .map(|s| (&s.party, "start".to_owned()));
                let parties = rotation
                    .between
                    .iter()
                    .enumerate()
                    .map(|(j, party)| (party, format!("between[{j}]")))
                    .chain(start);
                for (party, field) in parties {
                    let field = format!("offices[{i}].rotation.{field}");
                    match party {
                        RotationParty::Organisation(org) => {
                            check.expect(&ids.organisations, org.as_str(), &from, field)
                        }
                        RotationParty::MunicipalitiesOf { municipalities_of } => {
                            check.expect(&ids.counties, municipalities_of.as_str(), &from, field)
                        }
                    }
                }
            }
        }
        for (i, rule) in body.meeting_rules.iter().enumerate() {
            if let Some(b) = &rule.with {
                check.expect(
                    &ids.bodies,
                    b.as_str(),
                    &from,
                    format!("meeting_rules[{i}].with"),
                );
            }
        }
    }

    fn check_agreement(&self, check: &mut ReferenceCheck, ids: &Ids, agreement: &Agreement) {
        let from = format!("{} {}", t(Text::KindAgreement), agreement.id);
        check.expect(
            &ids.counties,
            agreement.county.as_str(),
            &from,
            "county".into(),
        );
        for (i, party) in agreement.parties.iter().enumerate() {
            match party {
                AgreementParty::Organisation { organisation } => check.expect(
                    &ids.organisations,
                    organisation.as_str(),
                    &from,
                    format!("parties[{i}]"),
                ),
                AgreementParty::EachMunicipalityOf { county } => check.expect(
                    &ids.counties,
                    county.as_str(),
                    &from,
                    format!("parties[{i}]"),
                ),
            }
        }
        for (i, s) in agreement.signatories.iter().enumerate() {
            check.expect(
                &ids.people,
                s.person.as_str(),
                &from,
                format!("signatories[{i}].person"),
            );
            check.expect(
                &ids.organisations,
                s.organisation.as_str(),
                &from,
                format!("signatories[{i}].organisation"),
            );
        }
        for (i, b) in agreement.establishes.iter().enumerate() {
            check.expect(&ids.bodies, b.as_str(), &from, format!("establishes[{i}]"));
        }
        for (i, section) in agreement.sections.iter().enumerate() {
            for (j, b) in section.bodies.iter().enumerate() {
                check.expect(
                    &ids.bodies,
                    b.as_str(),
                    &from,
                    format!("sections[{i}].bodies[{j}]"),
                );
            }
        }
        if let Some(entry) = &agreement.entry_into_force {
            for (i, b) in entry.adopted_by.iter().enumerate() {
                check.expect(
                    &ids.bodies,
                    b.as_str(),
                    &from,
                    format!("entry_into_force.adopted_by[{i}]"),
                );
            }
        }
        if let Some(notice) = &agreement.notice {
            if let Some(b) = &notice.addressed_to {
                check.expect(&ids.bodies, b.as_str(), &from, "notice.addressed_to".into());
            }
        }
        for (i, share) in agreement.cost_sharing.iter().enumerate() {
            if let Some(org) = &share.organisation {
                check.expect(
                    &ids.organisations,
                    org.as_str(),
                    &from,
                    format!("cost_sharing[{i}].organisation"),
                );
            }
        }
    }

    fn check_meeting(&self, check: &mut ReferenceCheck, ids: &Ids, meeting: &Meeting) {
        let from = format!("{} {}", t(Text::KindMeeting), meeting.id);
        check.expect(&ids.bodies, meeting.body.as_str(), &from, "body".into());
        for (i, d) in meeting.decision_makers.iter().enumerate() {
            check.expect(
                &ids.people,
                d.person.as_str(),
                &from,
                format!("decision_makers[{i}].person"),
            );
            check.expect(
                &ids.organisations,
                d.representing.as_str(),
                &from,
                format!("decision_makers[{i}].representing"),
            );
            if let Some(p) = &d.serving_for {
                check.expect(
                    &ids.people,
                    p.as_str(),
                    &from,
                    format!("decision_makers[{i}].serving_for"),
                );
            }
        }
        for (i, p) in meeting.participants.iter().enumerate() {
            check.expect(
                &ids.people,
                p.person.as_str(),
                &from,
                format!("participants[{i}].person"),
            );
        }
        for (field, person) in [("chair", &meeting.chair), ("secretary", &meeting.secretary)] {
            if let Some(p) = person {
                check.expect(&ids.people, p.as_str(), &from, field.into());
            }
        }
        for (i, p) in meeting.adjusters.iter().enumerate() {
            check.expect(&ids.people, p.as_str(), &from, format!("adjusters[{i}]"));
        }
        for (i, s) in meeting.signatures.iter().enumerate() {
            check.expect(
                &ids.people,
                s.person.as_str(),
                &from,
                format!("signatures[{i}].person"),
            );
        }
        for (i, item) in meeting.agenda.iter().enumerate() {
            for (j, p) in item.presenters.iter().enumerate() {
                check.expect(
                    &ids.people,
                    p.as_str(),
                    &from,
                    format!("agenda[{i}].presenters[{j}]"),
                );
            }
        }
    }
}
