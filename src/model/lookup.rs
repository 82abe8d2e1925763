//! What the editor's rules read of the data, answered two ways.
//!
//! A form checks one record: [`Dataset`] answers by scanning its lists,
//! which costs nothing to set up. An import checks every record a file
//! changes, thousands at once: [`Index`] answers each question by hash in
//! constant time, after one pass over the data to build it. Both give the
//! same answers; `tests` holds them to it on the built-in data.

use std::collections::HashMap;

use super::*;

/// The questions `Rules::validate` and `Rules::locked` ask of the data.
/// Only live (not deleted) records count.
pub trait Lookup {
    fn has_county(&self, id: &CountyId) -> bool;
    fn has_organisation(&self, id: &OrganisationId) -> bool;
    fn has_person(&self, id: &PersonId) -> bool;
    fn has_body(&self, id: &BodyId) -> bool;
    fn has_agreement(&self, id: &AgreementId) -> bool;
    fn find_meeting(&self, id: &MeetingId) -> Option<&Meeting>;
    /// The person's name, or the "unknown person" text with the id.
    fn name_of_person(&self, id: &PersonId) -> String;
    /// Whether an organisation other than `except` has this name (trimmed,
    /// ASCII case ignored).
    fn organisation_name_taken(&self, name: &str, except: &OrganisationId) -> bool;
    /// Whether a body of `county` other than `except` has this name (trimmed).
    fn body_name_taken(&self, county: &CountyId, name: &str, except: &BodyId) -> bool;
    /// Whether a relation other than `relation` joins the same bodies the
    /// same way.
    fn relation_taken(&self, relation: &Relation) -> bool;
    /// The numbers of a meeting's § with the ids they belong to, by number.
    fn paragraph_numbers(&self, meeting: &MeetingId) -> Vec<(u32, &ParagraphId)>;
}

fn organisation_name_key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

impl Lookup for Dataset {
    fn has_county(&self, id: &CountyId) -> bool {
        self.county(id).is_some()
    }
    fn has_organisation(&self, id: &OrganisationId) -> bool {
        self.organisation(id).is_some()
    }
    fn has_person(&self, id: &PersonId) -> bool {
        self.person(id).is_some()
    }
    fn has_body(&self, id: &BodyId) -> bool {
        self.body(id).is_some()
    }
    fn has_agreement(&self, id: &AgreementId) -> bool {
        self.agreement(id).is_some()
    }
    fn find_meeting(&self, id: &MeetingId) -> Option<&Meeting> {
        self.meeting(id)
    }
    fn name_of_person(&self, id: &PersonId) -> String {
        self.person_name(id)
    }
    fn organisation_name_taken(&self, name: &str, except: &OrganisationId) -> bool {
        let key = organisation_name_key(name);
        self.live_organisations()
            .any(|o| &o.id != except && organisation_name_key(&o.name) == key)
    }
    fn body_name_taken(&self, county: &CountyId, name: &str, except: &BodyId) -> bool {
        self.live_bodies()
            .any(|b| &b.id != except && &b.county == county && b.name.trim() == name.trim())
    }
    fn relation_taken(&self, relation: &Relation) -> bool {
        self.relations.iter().any(|r| {
            r.is_live()
                && r.id != relation.id
                && r.from == relation.from
                && r.to == relation.to
                && r.kind == relation.kind
        })
    }
    fn paragraph_numbers(&self, meeting: &MeetingId) -> Vec<(u32, &ParagraphId)> {
        self.paragraphs_of(meeting)
            .into_iter()
            .map(|p| (p.number, &p.id))
            .collect()
    }
}

/// The data with every question of [`Lookup`] answered by hash.
pub struct Index<'a> {
    counties: HashMap<&'a CountyId, &'a County>,
    organisations: HashMap<&'a OrganisationId, &'a Organisation>,
    people: HashMap<&'a PersonId, &'a Person>,
    bodies: HashMap<&'a BodyId, &'a Body>,
    agreements: HashMap<&'a AgreementId, &'a Agreement>,
    meetings: HashMap<&'a MeetingId, &'a Meeting>,
    organisation_names: HashMap<String, Vec<&'a OrganisationId>>,
    body_names: HashMap<(&'a CountyId, &'a str), Vec<&'a BodyId>>,
    relations: HashMap<(&'a BodyId, &'a BodyId, RelationKind), Vec<&'a RelationId>>,
    paragraphs: HashMap<&'a MeetingId, Vec<(u32, &'a ParagraphId)>>,
}

/// The live records of a list by id; the first of two with one id wins,
/// as in `Dataset`'s lookups.
fn by_id<R: Record>(records: &[R]) -> HashMap<&R::Id, &R>
where
    R::Id: std::hash::Hash + Eq,
{
    let mut map = HashMap::with_capacity(records.len());
    for record in records.iter().filter(|r| r.is_live()) {
        map.entry(record.id()).or_insert(record);
    }
    map
}

impl<'a> Index<'a> {
    /// One pass over `data`.
    pub fn new(data: &'a Dataset) -> Self {
        let mut organisation_names: HashMap<String, Vec<&OrganisationId>> = HashMap::new();
        for o in data.live_organisations() {
            organisation_names
                .entry(organisation_name_key(&o.name))
                .or_default()
                .push(&o.id);
        }
        let mut body_names: HashMap<(&CountyId, &str), Vec<&BodyId>> = HashMap::new();
        for b in data.live_bodies() {
            body_names
                .entry((&b.county, b.name.trim()))
                .or_default()
                .push(&b.id);
        }
        let mut relations: HashMap<_, Vec<&RelationId>> = HashMap::new();
        for r in data.relations.iter().filter(|r| r.is_live()) {
            relations
                .entry((&r.from, &r.to, r.kind))
                .or_default()
                .push(&r.id);
        }
        let mut paragraphs: HashMap<&MeetingId, Vec<(u32, &ParagraphId)>> = HashMap::new();
        for p in data.live_paragraphs() {
            paragraphs
                .entry(&p.meeting)
                .or_default()
                .push((p.number, &p.id));
        }
        for numbers in paragraphs.values_mut() {
            // Stable, as `paragraphs_of` sorts.
            numbers.sort_by_key(|(number, _)| *number);
        }
        Index {
            counties: by_id(&data.counties),
            organisations: by_id(&data.organisations),
            people: by_id(&data.people),
            bodies: by_id(&data.bodies),
            agreements: by_id(&data.agreements),
            meetings: by_id(&data.meetings),
            organisation_names,
            body_names,
            relations,
            paragraphs,
        }
    }
}

impl Lookup for Index<'_> {
    fn has_county(&self, id: &CountyId) -> bool {
        self.counties.contains_key(id)
    }
    fn has_organisation(&self, id: &OrganisationId) -> bool {
        self.organisations.contains_key(id)
    }
    fn has_person(&self, id: &PersonId) -> bool {
        self.people.contains_key(id)
    }
    fn has_body(&self, id: &BodyId) -> bool {
        self.bodies.contains_key(id)
    }
    fn has_agreement(&self, id: &AgreementId) -> bool {
        self.agreements.contains_key(id)
    }
    fn find_meeting(&self, id: &MeetingId) -> Option<&Meeting> {
        self.meetings.get(id).copied()
    }
    fn name_of_person(&self, id: &PersonId) -> String {
        self.people
            .get(id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| crate::i18n::tf(crate::i18n::Text::UnknownPerson, &[id]))
    }
    fn organisation_name_taken(&self, name: &str, except: &OrganisationId) -> bool {
        self.organisation_names
            .get(&organisation_name_key(name))
            .is_some_and(|ids| ids.iter().any(|id| *id != except))
    }
    fn body_name_taken(&self, county: &CountyId, name: &str, except: &BodyId) -> bool {
        self.body_names
            .get(&(county, name.trim()))
            .is_some_and(|ids| ids.iter().any(|id| *id != except))
    }
    fn relation_taken(&self, relation: &Relation) -> bool {
        self.relations
            .get(&(&relation.from, &relation.to, relation.kind))
            .is_some_and(|ids| ids.iter().any(|id| **id != relation.id))
    }
    fn paragraph_numbers(&self, meeting: &MeetingId) -> Vec<(u32, &ParagraphId)> {
        self.paragraphs.get(meeting).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every question asked of every record of the built-in data (and of
    /// ids it does not hold) gets the same answer from both.
    #[test]
    fn the_index_answers_as_the_dataset_does() {
        let mut data = crate::seed::built_in().expect("the built-in data set");
        // A deleted record must not count in either.
        data.bodies[0].meta.deleted = true;
        let index = Index::new(&data);
        let missing = "finns-inte";
        assert!(!index.has_person(&missing.into()) && !data.has_person(&missing.into()));
        for c in &data.counties {
            assert_eq!(index.has_county(&c.id), data.has_county(&c.id));
        }
        for o in &data.organisations {
            assert_eq!(index.has_organisation(&o.id), data.has_organisation(&o.id));
            let other = OrganisationId::from(missing);
            assert_eq!(
                index.organisation_name_taken(&o.name.to_uppercase(), &other),
                data.organisation_name_taken(&o.name.to_uppercase(), &other)
            );
            assert_eq!(
                index.organisation_name_taken(&o.name, &o.id),
                data.organisation_name_taken(&o.name, &o.id)
            );
        }
        for p in &data.people {
            assert_eq!(index.has_person(&p.id), data.has_person(&p.id));
            assert_eq!(index.name_of_person(&p.id), data.name_of_person(&p.id));
        }
        for b in &data.bodies {
            assert_eq!(index.has_body(&b.id), data.has_body(&b.id));
            assert_eq!(
                index.body_name_taken(&b.county, &b.name, &b.id),
                data.body_name_taken(&b.county, &b.name, &b.id)
            );
            let other = BodyId::from(missing);
            assert_eq!(
                index.body_name_taken(&b.county, &format!(" {} ", b.name), &other),
                data.body_name_taken(&b.county, &format!(" {} ", b.name), &other)
            );
        }
        for a in &data.agreements {
            assert_eq!(index.has_agreement(&a.id), data.has_agreement(&a.id));
        }
        for r in &data.relations {
            assert_eq!(index.relation_taken(r), data.relation_taken(r));
            let mut twin = r.clone();
            twin.id = missing.into();
            assert_eq!(index.relation_taken(&twin), data.relation_taken(&twin));
        }
        for m in &data.meetings {
            assert_eq!(
                index.find_meeting(&m.id).map(|m| &m.id),
                data.find_meeting(&m.id).map(|m| &m.id)
            );
            assert_eq!(
                index.paragraph_numbers(&m.id),
                data.paragraph_numbers(&m.id)
            );
        }
    }
}
