//! The rules a record must meet before it is saved, one function per record
//! kind, each rule giving the field and a Swedish message that says why.
//! Also what is locked: adjusted minutes and their §.

use std::collections::BTreeSet;

use super::*;

/// What makes a record of a kind valid, and when it may not change.
pub trait Rules {
    /// Every rule the record breaks, in the order of the form's fields.
    fn validate(&self, data: &Dataset) -> Vec<FieldError>;
    /// Why the record cannot be changed or deleted now, if it cannot.
    fn locked(&self, _data: &Dataset) -> Option<String> {
        None
    }
    /// Changes that must go another way than the form (e.g. the minutes'
    /// state, which moves only through the justering steps).
    fn guard_change(_before: &Self, _after: &Self) -> Option<FieldError>
    where
        Self: Sized,
    {
        None
    }
    /// Conditions on a new record beyond `validate`.
    fn guard_new(&self) -> Option<FieldError> {
        None
    }
}

/// The message for any change to adjusted minutes.
pub const LOCKED_MINUTES: &str =
    "Protokollet är justerat och låst. Ändringar görs som rättelse eller tillägg.";

/// Collects the errors of one record.
#[derive(Default)]
struct Check(Vec<FieldError>);

impl Check {
    fn fail(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    fn required(&mut self, field: &'static str, value: &str, message: &str) {
        if value.trim().is_empty() {
            self.fail(field, message);
        }
    }

    fn exists(&mut self, field: &'static str, found: bool, what: &str, id: &str) {
        if !found {
            self.fail(
                field,
                format!("{what} {id} finns inte (den kan ha tagits bort)."),
            );
        }
    }

    fn no_blank_items(&mut self, field: &'static str, items: &[String], what: &str) {
        if let Some(i) = items.iter().position(|s| s.trim().is_empty()) {
            self.fail(
                field,
                format!(
                    "{what} nummer {} är tom; skriv något eller ta bort den.",
                    i + 1
                ),
            );
        }
    }
}

impl Rules for Organisation {
    fn validate(&self, data: &Dataset) -> Vec<FieldError> {
        let mut c = Check::default();
        c.required("name", &self.name, "ange organisationens namn.");
        c.exists(
            "county",
            data.county(&self.county).is_some(),
            "Länet",
            self.county.as_str(),
        );
        if data
            .live_organisations()
            .any(|o| o.id != self.id && o.name.trim().eq_ignore_ascii_case(self.name.trim()))
        {
            c.fail("name", "det finns redan en organisation med det namnet.");
        }
        c.no_blank_items("former_names", &self.former_names, "Det tidigare namnet");
        c.0
    }
}

impl Rules for Person {
    fn validate(&self, data: &Dataset) -> Vec<FieldError> {
        let mut c = Check::default();
        c.required("name", &self.name, "ange personens namn.");
        if let Some(org) = &self.organisation {
            c.exists(
                "organisation",
                data.organisation(org).is_some(),
                "Organisationen",
                org.as_str(),
            );
        }
        c.no_blank_items("name_variants", &self.name_variants, "Stavningen");
        c.0
    }
}

impl Rules for Body {
    fn validate(&self, data: &Dataset) -> Vec<FieldError> {
        let mut c = Check::default();
        c.required("name", &self.name, "ange organets namn.");
        if data.live_bodies().any(|b| {
            b.id != self.id && b.county == self.county && b.name.trim() == self.name.trim()
        }) {
            c.fail("name", "det finns redan ett organ med det namnet i länet.");
        }
        if let Some(short) = &self.short_name {
            if short.chars().count() > 20 {
                c.fail("short_name", "kortnamnet får vara högst 20 tecken.");
            }
        }
        c.exists(
            "county",
            data.county(&self.county).is_some(),
            "Länet",
            self.county.as_str(),
        );
        if let Some(owner) = &self.owner {
            c.exists(
                "owner",
                data.organisation(owner).is_some(),
                "Organisationen",
                owner.as_str(),
            );
        }
        c.no_blank_items("mandate", &self.mandate, "Uppdragspunkten");
        c.no_blank_items("other_names", &self.other_names, "Det andra namnet");
        if let Some(agreement) = &self.established_by {
            c.exists(
                "established_by",
                data.agreement(agreement).is_some(),
                "Överenskommelsen",
                agreement.as_str(),
            );
        }
        if let Some(i) = self
            .composition
            .iter()
            .position(|r| r.text.trim().is_empty())
        {
            c.fail(
                "composition",
                format!("regel nummer {} saknar text.", i + 1),
            );
        }
        if let Some(i) = self
            .meeting_rules
            .iter()
            .position(|r| r.text.trim().is_empty())
        {
            c.fail(
                "meeting_rules",
                format!("regel nummer {} saknar text.", i + 1),
            );
        }
        c.0
    }
}

impl Rules for Relation {
    fn validate(&self, data: &Dataset) -> Vec<FieldError> {
        let mut c = Check::default();
        c.exists(
            "from",
            data.body(&self.from).is_some(),
            "Organet",
            self.from.as_str(),
        );
        c.exists(
            "to",
            data.body(&self.to).is_some(),
            "Organet",
            self.to.as_str(),
        );
        if self.from == self.to {
            c.fail(
                "to",
                "en relation kan inte gå från ett organ till sig självt.",
            );
        }
        if data.relations.iter().any(|r| {
            r.is_live()
                && r.id != self.id
                && r.from == self.from
                && r.to == self.to
                && r.kind == self.kind
        }) {
            c.fail("kind", "relationen finns redan mellan de här organen.");
        }
        c.0
    }
}

impl Rules for Membership {
    fn validate(&self, data: &Dataset) -> Vec<FieldError> {
        let mut c = Check::default();
        c.exists(
            "person",
            data.person(&self.person).is_some(),
            "Personen",
            self.person.as_str(),
        );
        c.exists(
            "body",
            data.body(&self.body).is_some(),
            "Organet",
            self.body.as_str(),
        );
        if let Some(org) = &self.representing {
            c.exists(
                "representing",
                data.organisation(org).is_some(),
                "Organisationen",
                org.as_str(),
            );
        }
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if to < from {
                c.fail(
                    "to",
                    format!(
                        "uppdraget kan inte sluta ({}) före det börjar ({}).",
                        crate::format::date(to),
                        crate::format::date(from)
                    ),
                );
            }
        }
        if let MembershipRole::Substitute {
            for_person: Some(member),
        } = &self.role
        {
            if member == &self.person {
                c.fail("role", "en person kan inte vara ersättare för sig själv.");
            } else {
                c.exists(
                    "role",
                    data.person(member).is_some(),
                    "Personen",
                    member.as_str(),
                );
            }
        }
        c.0
    }
}

impl Rules for Agreement {
    fn validate(&self, data: &Dataset) -> Vec<FieldError> {
        let mut c = Check::default();
        c.required("title", &self.title, "ange överenskommelsens rubrik.");
        c.exists(
            "county",
            data.county(&self.county).is_some(),
            "Länet",
            self.county.as_str(),
        );
        if self.parties.is_empty() {
            c.fail("parties", "ange minst en part.");
        }
        for party in &self.parties {
            if let AgreementParty::Organisation { organisation } = party {
                c.exists(
                    "parties",
                    data.organisation(organisation).is_some(),
                    "Organisationen",
                    organisation.as_str(),
                );
            }
        }
        if let Some(i) = self.sections.iter().position(|s| s.title.trim().is_empty()) {
            c.fail(
                "sections",
                format!("avsnitt nummer {} saknar rubrik.", i + 1),
            );
        }
        if let Some(notice) = &self.notice {
            if notice.months == 0 {
                c.fail("notice", "uppsägningstiden måste vara minst en månad.");
            }
        }
        for body in &self.establishes {
            c.exists(
                "establishes",
                data.body(body).is_some(),
                "Organet",
                body.as_str(),
            );
        }
        c.0
    }
}

/// The § numbers of a meeting's live paragraphs, sorted.
fn paragraph_numbers(data: &Dataset, meeting: &MeetingId) -> Vec<u32> {
    let mut numbers: Vec<u32> = data
        .paragraphs_of(meeting)
        .iter()
        .map(|p| p.number)
        .collect();
    numbers.sort_unstable();
    numbers
}

/// Whether a protocol's § are numbered continuously: no number twice, no
/// gap. The first number may continue the body's numbering of the year.
pub fn check_numbering(numbers: &[u32]) -> Result<(), FieldError> {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    for pair in sorted.windows(2) {
        if pair[0] == pair[1] {
            return Err(FieldError::new(
                "number",
                format!("§ {} finns två gånger i protokollet.", pair[0]),
            ));
        }
        if pair[1] != pair[0] + 1 {
            let missing: Vec<String> = (pair[0] + 1..pair[1]).map(|n| format!("§ {n}")).collect();
            return Err(FieldError::new(
                "number",
                format!(
                    "{} saknas; numreringen ska vara löpande.",
                    missing.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

impl Rules for Meeting {
    fn validate(&self, data: &Dataset) -> Vec<FieldError> {
        let mut c = Check::default();
        c.exists(
            "body",
            data.body(&self.body).is_some(),
            "Organet",
            self.body.as_str(),
        );
        // A date the sources leave out is kept with its reason.
        if let Fact::Unknown { reason } = &self.date {
            if reason.trim().is_empty() {
                c.fail("date", "ange ett datum för sammanträdet.");
            }
        }
        c.required(
            "place",
            &self.place,
            "ange var sammanträdet hålls (t.ex. ”Digitalt via Teams”).",
        );
        let person_exists = |p: &PersonId| data.person(p).is_some();
        for (field, person) in [("chair", &self.chair), ("secretary", &self.secretary)] {
            if let Some(person) = person {
                c.exists(field, person_exists(person), "Personen", person.as_str());
            }
        }
        for person in &self.adjusters {
            c.exists(
                "adjusters",
                person_exists(person),
                "Personen",
                person.as_str(),
            );
        }
        let numbers = paragraph_numbers(data, &self.id);
        let mut seen = BTreeSet::new();
        for maker in &self.decision_makers {
            c.exists(
                "decision_makers",
                person_exists(&maker.person),
                "Personen",
                maker.person.as_str(),
            );
            if !seen.insert(&maker.person) {
                c.fail(
                    "decision_makers",
                    format!(
                        "{} står två gånger bland de beslutande.",
                        data.person_name(&maker.person)
                    ),
                );
            }
            if let Some(range) = maker.paragraphs {
                let name = data.person_name(&maker.person);
                if range.first > range.last {
                    c.fail(
                        "decision_makers",
                        format!(
                            "{name}: § {} kommer efter § {}; ange det första först.",
                            range.first, range.last
                        ),
                    );
                } else if let (Some(first), Some(last)) = (numbers.first(), numbers.last()) {
                    if range.first < *first || range.last > *last {
                        c.fail(
                            "decision_makers",
                            format!(
                                "{name}: {range} ligger utanför protokollets § {first}–{last}."
                            ),
                        );
                    }
                }
            }
        }
        for participant in &self.participants {
            c.exists(
                "participants",
                person_exists(&participant.person),
                "Personen",
                participant.person.as_str(),
            );
        }
        if let MinutesState::Adjusted { date } = &self.minutes {
            // A transcribed protocol whose source leaves the date out keeps
            // the reason; the workflow always sets the date.
            let unknown_with_reason =
                matches!(date, Fact::Unknown { reason } if !reason.trim().is_empty());
            match date.value() {
                None if unknown_with_reason => {}
                None => c.fail(
                    "minutes",
                    "ett justerat protokoll måste ha ett justeringsdatum.",
                ),
                Some(adjusted) => {
                    if let Some(held) = self.date.value() {
                        if adjusted < held {
                            c.fail(
                                "minutes",
                                "protokollet kan inte justeras före sammanträdet.",
                            );
                        }
                    }
                }
            }
        }
        c.0
    }

    fn locked(&self, data: &Dataset) -> Option<String> {
        // The stored state decides: the form's copy may be older.
        let stored = data
            .meeting(&self.id)
            .map(|m| &m.minutes)
            .unwrap_or(&self.minutes);
        matches!(stored, MinutesState::Adjusted { .. }).then(|| LOCKED_MINUTES.to_owned())
    }

    fn guard_change(before: &Self, after: &Self) -> Option<FieldError> {
        if before.minutes != after.minutes {
            return Some(FieldError::new(
                "minutes",
                "protokollets status ändras med knapparna för justering, inte i formuläret.",
            ));
        }
        (before.addenda != after.addenda).then(|| {
            FieldError::new(
                "addenda",
                "rättelser och tillägg förs in när protokollet är justerat.",
            )
        })
    }

    fn guard_new(&self) -> Option<FieldError> {
        if !matches!(self.minutes, MinutesState::Planned | MinutesState::Draft) {
            return Some(FieldError::new(
                "minutes",
                "ett nytt sammanträde börjar som planerat eller som utkast till protokoll.",
            ));
        }
        (!self.addenda.is_empty()).then(|| {
            FieldError::new(
                "addenda",
                "rättelser och tillägg förs in när protokollet är justerat.",
            )
        })
    }
}

impl Rules for Paragraph {
    fn validate(&self, data: &Dataset) -> Vec<FieldError> {
        let mut c = Check::default();
        c.exists(
            "meeting",
            data.meeting(&self.meeting).is_some(),
            "Sammanträdet",
            self.meeting.as_str(),
        );
        if self.number == 0 {
            c.fail("number", "paragrafnumret börjar på 1.");
        }
        if data
            .paragraphs_of(&self.meeting)
            .iter()
            .any(|p| p.id != self.id && p.number == self.number)
        {
            c.fail(
                "number",
                format!("§ {} finns redan i protokollet.", self.number),
            );
        }
        c.required("title", &self.title, "ange paragrafens rubrik.");
        for person in &self.presenters {
            c.exists(
                "presenters",
                data.person(person).is_some(),
                "Personen",
                person.as_str(),
            );
        }
        for follow_up in &self.follow_ups {
            if follow_up.text.trim().is_empty() {
                c.fail("follow_ups", "en återrapportering saknar text.");
            }
            if let Some(body) = &follow_up.to_body {
                c.exists(
                    "follow_ups",
                    data.body(body).is_some(),
                    "Organet",
                    body.as_str(),
                );
            }
        }
        c.0
    }

    fn locked(&self, data: &Dataset) -> Option<String> {
        let meeting = data.meeting(&self.meeting)?;
        matches!(meeting.minutes, MinutesState::Adjusted { .. }).then(|| LOCKED_MINUTES.to_owned())
    }
}
