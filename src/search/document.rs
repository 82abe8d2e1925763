//! What the index holds for each record: one search document per body,
//! agreement, agreement section, person, organisation, meeting and §, with
//! its title, the filters it answers to, and a fingerprint of the record
//! versions it was made from (so an update re-indexes only what changed).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::Datelike;

use super::{HitKind, Target};
use crate::i18n::{tf, Text};
use crate::model::*;

/// Where a word occurs in a document; ranking prefers the title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Role {
    /// The name or title the hit is listed under.
    Title = 1,
    /// Other names: short names, former names, spelling variants.
    Alt = 2,
    /// Running text: mandate, sections, background, proposal, decision …
    Text = 4,
}

/// Which record (and where in the data set's list) a document was made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Body(usize),
    Agreement(usize),
    /// An agreement's section: the agreement's position and the section's.
    Section(usize, usize),
    Person(usize),
    Organisation(usize),
    Meeting(usize),
    Paragraph(usize),
}

/// What a document can be filtered by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Facets {
    pub county: Option<CountyId>,
    pub bodies: Vec<BodyId>,
    pub year: Option<i32>,
}

/// One search document.
#[derive(Clone, Debug)]
pub(crate) struct Doc {
    /// Unique per document, stable across data sets: kind, record id, section.
    pub key: String,
    /// The record's id, to check that `source` still points at it.
    pub id: String,
    pub fingerprint: u64,
    pub kind: HitKind,
    pub target: Target,
    pub source: Source,
    pub title: String,
    /// Where the hit sits, shown under its title (the meeting of a §).
    pub context: Option<String>,
    /// Text from other records that belongs to this one (a person's seats).
    pub extra: Vec<String>,
    pub facets: Facets,
    pub title_chars: u32,
    /// Days since 1 January year 1 (newest first among equals); 0 unknown.
    pub day: i32,
}

/// Lookups by id over one data set, made once per build or update.
pub(crate) struct Lookup<'a> {
    bodies: HashMap<&'a str, &'a Body>,
    meetings: HashMap<&'a str, &'a Meeting>,
    organisations: HashMap<&'a str, &'a Organisation>,
    counties: HashMap<&'a str, &'a County>,
    seats: HashMap<&'a str, Vec<&'a Membership>>,
}

impl<'a> Lookup<'a> {
    pub fn new(data: &'a Dataset) -> Self {
        let mut seats: HashMap<&str, Vec<&Membership>> = HashMap::new();
        for m in data.memberships.iter().filter(|m| m.is_live()) {
            seats.entry(m.person.as_str()).or_default().push(m);
        }
        Self {
            bodies: live_map(&data.bodies, |b| b.id.as_str()),
            meetings: live_map(&data.meetings, |m| m.id.as_str()),
            organisations: live_map(&data.organisations, |o| o.id.as_str()),
            counties: live_map(&data.counties, |c| c.id.as_str()),
            seats,
        }
    }
}

fn live_map<'a, R: Record>(
    records: &'a [R],
    id: impl Fn(&'a R) -> &'a str,
) -> HashMap<&'a str, &'a R> {
    records
        .iter()
        .filter(|r| r.is_live())
        .map(|r| (id(r), r))
        .collect()
}

fn own(meta: &RecordMeta, hasher: &mut DefaultHasher) {
    meta.version.0.hash(hasher);
    meta.deleted.hash(hasher);
}

fn fingerprint(parts: &[Option<&RecordMeta>]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for part in parts {
        match part {
            Some(meta) => own(meta, &mut hasher),
            None => 0u8.hash(&mut hasher),
        }
    }
    hasher.finish()
}

fn day(date: Option<&chrono::NaiveDate>) -> i32 {
    date.map_or(0, |d| d.num_days_from_ce())
}

fn chars(text: &str) -> u32 {
    text.chars().count() as u32
}

/// Every document of the live records of `data`, in the data set's order.
pub(crate) fn documents(data: &Dataset) -> Vec<Doc> {
    let look = Lookup::new(data);
    let mut docs = Vec::with_capacity(
        data.bodies.len()
            + data.people.len()
            + data.organisations.len()
            + data.meetings.len()
            + data.paragraphs.len()
            + data
                .agreements
                .iter()
                .map(|a| a.sections.len() + 1)
                .sum::<usize>(),
    );
    let body_name = |id: &BodyId| {
        look.bodies
            .get(id.as_str())
            .map(|b| b.display_name())
            .unwrap_or_else(|| tf(Text::UnknownBody, &[id]))
    };
    let meeting_title = |m: &Meeting| match m.date.value() {
        Some(date) => format!("{} {date}", body_name(&m.body)),
        None => tf(Text::MeetingDateUnknown, &[&body_name(&m.body)]),
    };

    for (at, body) in data.bodies.iter().enumerate().filter(|(_, r)| r.is_live()) {
        let title = body.display_name();
        docs.push(Doc {
            key: format!("organ:{}", body.id),
            id: body.id.to_string(),
            fingerprint: fingerprint(&[Some(&body.meta)]),
            kind: HitKind::Body,
            target: Target::Body(body.id.clone()),
            source: Source::Body(at),
            title_chars: chars(&title),
            title,
            context: None,
            extra: Vec::new(),
            facets: Facets {
                county: Some(body.county.clone()),
                bodies: vec![body.id.clone()],
                year: None,
            },
            day: 0,
        });
    }
    for (at, agreement) in data
        .agreements
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_live())
    {
        let print = fingerprint(&[Some(&agreement.meta)]);
        let mut bodies = agreement.establishes.clone();
        for section in &agreement.sections {
            bodies.extend(section.bodies.iter().cloned());
        }
        bodies.sort();
        bodies.dedup();
        let facets = Facets {
            county: Some(agreement.county.clone()),
            bodies,
            year: agreement.date.value().map(|d| d.year()),
        };
        let day = day(agreement.date.value());
        docs.push(Doc {
            key: format!("avtal:{}", agreement.id),
            id: agreement.id.to_string(),
            fingerprint: print,
            kind: HitKind::Agreement,
            target: Target::Agreement {
                agreement: agreement.id.clone(),
                section: None,
            },
            source: Source::Agreement(at),
            title: agreement.title.clone(),
            title_chars: chars(&agreement.title),
            context: None,
            extra: Vec::new(),
            facets: facets.clone(),
            day,
        });
        for (index, section) in agreement.sections.iter().enumerate() {
            let title = match &section.number {
                Some(n) => format!("{n} {}", section.title),
                None => section.title.clone(),
            };
            docs.push(Doc {
                key: format!("avsnitt:{}:{index}", agreement.id),
                id: agreement.id.to_string(),
                fingerprint: print,
                kind: HitKind::Agreement,
                target: Target::Agreement {
                    agreement: agreement.id.clone(),
                    section: Some(index),
                },
                source: Source::Section(at, index),
                title_chars: chars(&title),
                title,
                context: Some(agreement.title.clone()),
                extra: Vec::new(),
                facets: facets.clone(),
                day,
            });
        }
    }
    for (at, meeting) in data
        .meetings
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_live())
    {
        let body = look.bodies.get(meeting.body.as_str());
        let title = meeting_title(meeting);
        let mut extra = vec![meeting.kind.label().to_owned()];
        if let Some(date) = meeting.date.value() {
            extra.push(crate::format::date(*date));
        }
        docs.push(Doc {
            key: format!("mote:{}", meeting.id),
            id: meeting.id.to_string(),
            fingerprint: fingerprint(&[Some(&meeting.meta), body.map(|b| &b.meta)]),
            kind: HitKind::Meeting,
            target: Target::Meeting(meeting.id.clone()),
            source: Source::Meeting(at),
            title_chars: chars(&title),
            title,
            context: None,
            extra,
            facets: Facets {
                county: body.map(|b| b.county.clone()),
                bodies: vec![meeting.body.clone()],
                year: meeting.date.value().map(|d| d.year()),
            },
            day: day(meeting.date.value()),
        });
    }
    for (at, paragraph) in data
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_live())
    {
        let meeting = look.meetings.get(paragraph.meeting.as_str()).copied();
        let body = meeting.and_then(|m| look.bodies.get(m.body.as_str()));
        let title = format!("§ {} {}", paragraph.number, paragraph.title);
        docs.push(Doc {
            key: format!("paragraf:{}", paragraph.id),
            id: paragraph.id.to_string(),
            fingerprint: fingerprint(&[
                Some(&paragraph.meta),
                meeting.map(|m| &m.meta),
                body.map(|b| &b.meta),
            ]),
            kind: HitKind::Paragraph,
            target: Target::Paragraph {
                meeting: paragraph.meeting.clone(),
                number: paragraph.number,
            },
            source: Source::Paragraph(at),
            title_chars: chars(&title),
            title,
            context: meeting.map(meeting_title),
            extra: Vec::new(),
            facets: Facets {
                county: body.map(|b| b.county.clone()),
                bodies: meeting.map(|m| vec![m.body.clone()]).unwrap_or_default(),
                year: meeting.and_then(|m| m.date.value()).map(|d| d.year()),
            },
            day: day(meeting.and_then(|m| m.date.value())),
        });
    }
    for (at, person) in data.people.iter().enumerate().filter(|(_, r)| r.is_live()) {
        let org = person
            .organisation
            .as_ref()
            .and_then(|o| look.organisations.get(o.as_str()));
        let home = person
            .municipality
            .as_ref()
            .and_then(|o| look.organisations.get(o.as_str()));
        let seats = look.seats.get(person.id.as_str());
        let mut metas = vec![
            Some(&person.meta),
            org.map(|o| &o.meta),
            home.map(|o| &o.meta),
        ];
        let mut extra: Vec<String> = org
            .iter()
            .chain(home.iter())
            .map(|o| o.name.clone())
            .collect();
        let mut bodies = Vec::new();
        for seat in seats.into_iter().flatten() {
            let body = look.bodies.get(seat.body.as_str());
            metas.push(Some(&seat.meta));
            metas.push(body.map(|b| &b.meta));
            extra.push(format!("{}, {}", seat.role.label(), body_name(&seat.body)));
            bodies.push(seat.body.clone());
        }
        bodies.sort();
        bodies.dedup();
        let context = [
            person.title.clone(),
            person.party.clone(),
            org.map(|o| o.name.clone()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        docs.push(Doc {
            key: format!("person:{}", person.id),
            id: person.id.to_string(),
            fingerprint: fingerprint(&metas),
            kind: HitKind::Person,
            target: Target::Person(person.id.clone()),
            source: Source::Person(at),
            title: person.name.clone(),
            title_chars: chars(&person.name),
            context: (!context.is_empty()).then_some(context),
            extra,
            facets: Facets {
                county: org.map(|o| o.county.clone()),
                bodies,
                year: None,
            },
            day: 0,
        });
    }
    for (at, org) in data
        .organisations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_live())
    {
        let county = look.counties.get(org.county.as_str());
        docs.push(Doc {
            key: format!("organisation:{}", org.id),
            id: org.id.to_string(),
            fingerprint: fingerprint(&[Some(&org.meta), county.map(|c| &c.meta)]),
            kind: HitKind::Organisation,
            target: Target::Organisation(org.id.clone()),
            source: Source::Organisation(at),
            title: org.name.clone(),
            title_chars: chars(&org.name),
            context: county.map(|c| c.name.clone()),
            extra: Vec::new(),
            facets: Facets {
                county: Some(org.county.clone()),
                bodies: Vec::new(),
                year: None,
            },
            day: 0,
        });
    }
    docs
}

/// The record at `at` if it is still the one with `id`, else the one with
/// `id` wherever it is now.
fn located<'a, R>(
    records: &'a [R],
    at: usize,
    id: &str,
    id_of: impl Fn(&R) -> &str,
) -> Option<&'a R> {
    match records.get(at) {
        Some(r) if id_of(r) == id => Some(r),
        _ => records.iter().find(|r| id_of(r) == id),
    }
}

fn blocks<'a>(blocks: &'a [Block], f: &mut impl FnMut(Role, &'a str)) {
    for block in blocks {
        match block {
            Block::Paragraph(text) | Block::Heading { heading: text } => f(Role::Text, text),
            Block::List(items) => items.iter().for_each(|item| f(Role::Text, item)),
        }
    }
}

/// Calls `f` with every piece of text of the document, its title first.
pub(crate) fn for_each_field<'a>(
    doc: &'a Doc,
    data: &'a Dataset,
    mut f: impl FnMut(Role, &'a str),
) {
    f(Role::Title, &doc.title);
    let id = doc.id.as_str();
    match doc.source {
        Source::Body(at) => {
            let Some(body) = located(&data.bodies, at, id, |r| r.id.as_str()) else {
                return;
            };
            for name in &body.other_names {
                f(Role::Alt, name);
            }
            for item in &body.mandate {
                f(Role::Text, item);
            }
            blocks(&body.description, &mut f);
            for rule in &body.composition {
                f(Role::Text, &rule.text);
            }
            if let Some(rule) = &body.substitutes {
                f(Role::Text, &rule.text);
            }
            for rule in &body.offices {
                f(Role::Text, &rule.text);
            }
            for rule in &body.meeting_rules {
                f(Role::Text, &rule.text);
            }
            for rule in &body.reviews {
                f(Role::Text, &rule.text);
            }
            blocks(&body.working_order, &mut f);
        }
        Source::Agreement(at) => {
            let Some(agreement) = located(&data.agreements, at, id, |r| r.id.as_str()) else {
                return;
            };
            if let Some(condition) = agreement
                .entry_into_force
                .as_ref()
                .and_then(|e| e.condition.as_deref())
            {
                f(Role::Text, condition);
            }
            if let Some(notice) = &agreement.notice {
                f(Role::Text, &notice.text);
            }
            for rule in &agreement.follow_up {
                match rule {
                    FollowUpRule::Every { text, .. } | FollowUpRule::NoLaterThan { text, .. } => {
                        f(Role::Text, text)
                    }
                }
            }
            for revision in &agreement.revisions {
                f(Role::Text, &revision.note);
            }
        }
        Source::Section(at, index) => {
            let Some(section) = located(&data.agreements, at, id, |r| r.id.as_str())
                .and_then(|a| a.sections.get(index))
            else {
                return;
            };
            blocks(&section.blocks, &mut f);
        }
        Source::Person(at) => {
            let Some(person) = located(&data.people, at, id, |r| r.id.as_str()) else {
                return;
            };
            for name in &person.name_variants {
                f(Role::Alt, name);
            }
            for text in person.title.iter().chain(&person.party) {
                f(Role::Text, text);
            }
        }
        Source::Organisation(at) => {
            let Some(org) = located(&data.organisations, at, id, |r| r.id.as_str()) else {
                return;
            };
            for name in &org.former_names {
                f(Role::Alt, name);
            }
            if let Some(note) = &org.note {
                f(Role::Text, note);
            }
        }
        Source::Meeting(at) => {
            let Some(meeting) = located(&data.meetings, at, id, |r| r.id.as_str()) else {
                return;
            };
            f(Role::Text, &meeting.place);
            for item in &meeting.agenda {
                f(Role::Text, &item.title);
                for document in &item.documents {
                    f(Role::Text, &document.title);
                }
                for note in &item.notes {
                    f(Role::Text, note);
                }
            }
        }
        Source::Paragraph(at) => {
            let Some(p) = located(&data.paragraphs, at, id, |r| r.id.as_str()) else {
                return;
            };
            blocks(&p.background, &mut f);
            for text in p.proposal.iter().chain(&p.decision) {
                f(Role::Text, text);
            }
            for document in &p.documents {
                f(Role::Text, &document.title);
            }
            for part in &p.parts {
                f(Role::Text, &part.title);
                blocks(&part.background, &mut f);
                for text in part.proposal.iter().chain(&part.decision) {
                    f(Role::Text, text);
                }
            }
            for follow_up in &p.follow_ups {
                f(Role::Text, &follow_up.text);
            }
        }
    }
    for text in &doc.extra {
        f(Role::Text, text);
    }
}
