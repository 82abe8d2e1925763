//! The whole data set of one copy, and the queries and changes on it.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::i18n::{t, tf, Text};

use super::*;

/// The schema version of the data set as stored and as shipped built in.
/// 2: lists carry item ids and versions (`RecordMeta::items`, `model::list`);
/// a schema-1 list reads as implicit items, so its data needs no rewriting,
/// and a copy still on schema 1 refuses a schema-2 file with its message.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything one copy holds. Records keep their document/insertion order;
/// deleted records stay as tombstones and are hidden by the queries below.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dataset {
    pub schema_version: u32,
    pub documents: Vec<SourceDocument>,
    pub counties: Vec<County>,
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    pub bodies: Vec<Body>,
    pub relations: Vec<Relation>,
    pub memberships: Vec<Membership>,
    pub agreements: Vec<Agreement>,
    pub meetings: Vec<Meeting>,
    pub paragraphs: Vec<Paragraph>,
    /// Manual positions in the structure diagram.
    pub positions: Vec<BodyPosition>,
    /// Record kinds this version does not know (from a newer one), by their
    /// key in the data set, kept as they came and merged record by record;
    /// an exchange file has them beside the known kinds (`exchange::unknown`).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub other_kinds: std::collections::BTreeMap<String, serde_json::Value>,
}

/// Records that have an id and meta can be looked up and changed generically.
pub trait Record {
    type Id: PartialEq;
    fn id(&self) -> &Self::Id;
    fn meta(&self) -> &RecordMeta;
    fn meta_mut(&mut self) -> &mut RecordMeta;
    fn is_live(&self) -> bool {
        !self.meta().deleted
    }
}

macro_rules! impl_record {
    ($($ty:ty => $id:ty),* $(,)?) => {$(
        impl Record for $ty {
            type Id = $id;
            fn id(&self) -> &$id { &self.id }
            fn meta(&self) -> &RecordMeta { &self.meta }
            fn meta_mut(&mut self) -> &mut RecordMeta { &mut self.meta }
        }
    )*};
}

impl_record!(
    SourceDocument => DocumentId,
    County => CountyId,
    Organisation => OrganisationId,
    Person => PersonId,
    Body => BodyId,
    Relation => RelationId,
    Membership => MembershipId,
    Agreement => AgreementId,
    Meeting => MeetingId,
    Paragraph => ParagraphId,
    BodyPosition => PositionId,
);

/// Records the fields of `record` that differ from `before` (a
/// [`record_fields`] snapshot taken before the change) as changed by `stamp`.
/// Returns whether any field changed.
pub fn touch_changed<R: Record + Serialize>(
    record: &mut R,
    before: &serde_json::Value,
    stamp: ChangeStamp,
) -> bool {
    let after = record_fields(record);
    let changed = changed_fields(before, &after);
    if changed.is_empty() {
        return false;
    }
    let meta = record.meta_mut();
    let as_list = |value: Option<&serde_json::Value>| match value {
        Some(serde_json::Value::Array(items)) => Some(items.clone()),
        Some(serde_json::Value::Null) | None => Some(vec![]),
        Some(_) => None,
    };
    // Lists are touched item by item (`list::touch_list`), the rest field by field.
    let mut plain: Vec<&str> = vec![];
    let mut lists: Vec<&str> = vec![];
    let serial = meta.version.get(stamp.writer_key()).saturating_add(1);
    for field in &changed {
        let (old, new) = (before.get(field), after.get(field));
        let is_list = old.is_some_and(serde_json::Value::is_array)
            || new.is_some_and(serde_json::Value::is_array)
            || meta.items.contains_key(field.as_str());
        match (is_list, as_list(old), as_list(new)) {
            (true, Some(old), Some(new)) => {
                super::list::touch_list(meta, field, &old, &new, &stamp, serial);
                lists.push(field);
            }
            _ => plain.push(field),
        }
    }
    if plain.is_empty() {
        meta.touch(stamp);
    } else {
        meta.touch_fields(stamp, &plain);
    }
    for field in lists {
        if let Some(version) = meta.fields.get(field).map(|f| f.version.clone()) {
            meta.version.merge(&version);
        }
    }
    true
}

fn find<'a, R: Record>(records: &'a [R], id: &R::Id) -> Option<&'a R> {
    records.iter().find(|r| r.id() == id && r.is_live())
}

/// The live record with `id`, for changing it; a missing or deleted one is
/// the error every edit reports.
fn find_live_mut<'a, R: Record>(records: &'a mut [R], id: &R::Id) -> Result<&'a mut R, EditError>
where
    R::Id: std::fmt::Display,
{
    records
        .iter_mut()
        .find(|r| r.id() == id && r.is_live())
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

fn live<R: Record>(records: &[R]) -> impl Iterator<Item = &R> {
    records.iter().filter(|r| r.is_live())
}

/// A change the core refused, with a message for the user.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("{}", tf(Text::EditNotFound, &[&.0]))]
    NotFound(String),
    #[error("{}", tf(Text::EditInvalidField, &[&shown_field(field), message]))]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// The input breaks these rules; nothing was saved.
    #[error("{}", join_errors(.0))]
    Rejected(Vec<FieldError>),
    /// The record may not change now (adjusted minutes).
    #[error("{0}")]
    Locked(String),
    /// Other records still refer to the one to delete.
    #[error("{}", tf(Text::EditInUse, &[&.0]))]
    InUse(String),
    /// There was nothing to do (e.g. nothing to undo).
    #[error("{0}")]
    Nothing(String),
}

/// The name of a field in [`EditError::Invalid`] as shown: the name is
/// given in Swedish, and looked up for other languages.
fn shown_field(field: &str) -> &str {
    let text = match field {
        "namn" => Text::FieldLabelName,
        "datum" => Text::FieldLabelDate,
        "plats" => Text::FieldLabelPlace,
        "organisation" => Text::FieldLabelOrganisation,
        "protokoll" => Text::FieldWordMinutes,
        "revidering" => Text::FieldWordReview,
        "startår" => Text::FieldWordStartYear,
        "växling" => Text::FieldWordRotation,
        "part" => Text::FieldWordParty,
        "värde" => Text::FieldWordValue,
        _ => return field,
    };
    t(text)
}

fn join_errors(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

impl EditError {
    /// The messages for one field of a form.
    pub fn for_field(&self, field: &str) -> Vec<String> {
        match self {
            EditError::Rejected(errors) => errors
                .iter()
                .filter(|e| e.field == field)
                .map(|e| e.message.clone())
                .collect(),
            EditError::Invalid { field: f, message } if *f == field => vec![message.clone()],
            _ => vec![],
        }
    }
}

/// The editable basic facts of a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyBasics {
    pub name: String,
    pub short_name: Option<String>,
}

impl Dataset {
    /// Every record's kind (as the exchange format names it), id and meta,
    /// deletion markers included.
    pub fn record_metas(&self) -> impl Iterator<Item = (RecordKind, &str, &RecordMeta)> + '_ {
        macro_rules! of {
            ($field:ident, $kind:ident) => {
                self.$field
                    .iter()
                    .map(|r| (RecordKind::$kind, r.id.as_str(), &r.meta))
            };
        }
        of!(documents, Documents)
            .chain(of!(counties, Counties))
            .chain(of!(organisations, Organisations))
            .chain(of!(people, People))
            .chain(of!(bodies, Bodies))
            .chain(of!(relations, Relations))
            .chain(of!(memberships, Memberships))
            .chain(of!(agreements, Agreements))
            .chain(of!(meetings, Meetings))
            .chain(of!(paragraphs, Paragraphs))
            .chain(of!(positions, Positions))
    }

    /// Appends the records of `other` (used to assemble the built-in set
    /// from one fragment per source document).
    pub fn extend(&mut self, other: Dataset) {
        self.documents.extend(other.documents);
        self.counties.extend(other.counties);
        self.organisations.extend(other.organisations);
        self.people.extend(other.people);
        self.bodies.extend(other.bodies);
        self.relations.extend(other.relations);
        self.memberships.extend(other.memberships);
        self.agreements.extend(other.agreements);
        self.meetings.extend(other.meetings);
        self.paragraphs.extend(other.paragraphs);
        self.positions.extend(other.positions);
    }

    pub fn county(&self, id: &CountyId) -> Option<&County> {
        find(&self.counties, id)
    }
    pub fn organisation(&self, id: &OrganisationId) -> Option<&Organisation> {
        find(&self.organisations, id)
    }
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        find(&self.people, id)
    }
    pub fn body(&self, id: &BodyId) -> Option<&Body> {
        find(&self.bodies, id)
    }
    pub fn agreement(&self, id: &AgreementId) -> Option<&Agreement> {
        find(&self.agreements, id)
    }
    pub fn meeting(&self, id: &MeetingId) -> Option<&Meeting> {
        find(&self.meetings, id)
    }
    pub fn document(&self, id: &DocumentId) -> Option<&SourceDocument> {
        find(&self.documents, id)
    }

    pub fn live_counties(&self) -> impl Iterator<Item = &County> {
        live(&self.counties)
    }
    pub fn live_organisations(&self) -> impl Iterator<Item = &Organisation> {
        live(&self.organisations)
    }
    pub fn live_people(&self) -> impl Iterator<Item = &Person> {
        live(&self.people)
    }
    pub fn live_bodies(&self) -> impl Iterator<Item = &Body> {
        live(&self.bodies)
    }
    pub fn live_agreements(&self) -> impl Iterator<Item = &Agreement> {
        live(&self.agreements)
    }
    pub fn live_meetings(&self) -> impl Iterator<Item = &Meeting> {
        live(&self.meetings)
    }
    pub fn live_documents(&self) -> impl Iterator<Item = &SourceDocument> {
        live(&self.documents)
    }
    pub fn live_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        live(&self.paragraphs)
    }

    pub fn bodies_of_county<'a>(&'a self, county: &'a CountyId) -> impl Iterator<Item = &'a Body> {
        self.live_bodies().filter(move |b| &b.county == county)
    }

    /// Relations leaving `body`.
    pub fn relations_from<'a>(&'a self, body: &'a BodyId) -> impl Iterator<Item = &'a Relation> {
        live(&self.relations).filter(move |r| &r.from == body)
    }

    /// Relations arriving at `body`.
    pub fn relations_to<'a>(&'a self, body: &'a BodyId) -> impl Iterator<Item = &'a Relation> {
        live(&self.relations).filter(move |r| &r.to == body)
    }

    pub fn memberships_in<'a>(&'a self, body: &'a BodyId) -> impl Iterator<Item = &'a Membership> {
        live(&self.memberships).filter(move |m| &m.body == body)
    }

    pub fn memberships_of<'a>(
        &'a self,
        person: &'a PersonId,
    ) -> impl Iterator<Item = &'a Membership> {
        live(&self.memberships).filter(move |m| &m.person == person)
    }

    /// The body's meetings, latest first (unknown dates last).
    pub fn meetings_of(&self, body: &BodyId) -> Vec<&Meeting> {
        let mut meetings: Vec<&Meeting> =
            self.live_meetings().filter(|m| &m.body == body).collect();
        meetings.sort_by(|a, b| b.date.value().cmp(&a.date.value()));
        meetings
    }

    /// The meetings of the county's bodies, latest first (unknown dates last).
    pub fn meetings_of_county(&self, county: &CountyId) -> Vec<&Meeting> {
        let mut meetings: Vec<&Meeting> = self
            .live_meetings()
            .filter(|m| self.body(&m.body).is_some_and(|b| &b.county == county))
            .collect();
        meetings.sort_by(|a, b| b.date.value().cmp(&a.date.value()));
        meetings
    }

    /// The meeting's § in number order.
    pub fn paragraphs_of(&self, meeting: &MeetingId) -> Vec<&Paragraph> {
        let mut paragraphs: Vec<&Paragraph> = self
            .live_paragraphs()
            .filter(|p| &p.meeting == meeting)
            .collect();
        paragraphs.sort_by_key(|p| p.number);
        paragraphs
    }

    /// Meetings a person took part in, in any role.
    pub fn meetings_attended_by<'a>(
        &'a self,
        person: &'a PersonId,
    ) -> impl Iterator<Item = &'a Meeting> {
        self.live_meetings().filter(move |m| {
            m.decision_makers.iter().any(|d| &d.person == person)
                || m.participants.iter().any(|p| &p.person == person)
        })
    }

    /// The agreement that establishes the body, if any.
    pub fn establishing_agreement(&self, body: &Body) -> Option<&Agreement> {
        body.established_by
            .as_ref()
            .and_then(|id| self.agreement(id))
            .or_else(|| {
                self.live_agreements()
                    .find(|a| a.establishes.contains(&body.id))
            })
    }

    /// The live body with `id`, for changing it.
    pub fn body_mut(&mut self, id: &BodyId) -> Result<&mut Body, EditError> {
        find_live_mut(&mut self.bodies, id)
    }

    /// The live meeting with `id`, for changing it.
    pub fn meeting_mut(&mut self, id: &MeetingId) -> Result<&mut Meeting, EditError> {
        find_live_mut(&mut self.meetings, id)
    }

    /// "Politiska samverkansberedningen 2021-05-27".
    pub fn meeting_title(&self, meeting: &Meeting) -> String {
        let body = self.body_name(&meeting.body);
        match meeting.date.value() {
            Some(date) => format!("{body} {date}"),
            None => tf(Text::MeetingDateUnknown, &[&body]),
        }
    }

    pub fn body_name(&self, id: &BodyId) -> String {
        self.body(id)
            .map(Body::display_name)
            .unwrap_or_else(|| tf(Text::UnknownBody, &[id]))
    }

    pub fn person_name(&self, id: &PersonId) -> String {
        self.person(id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| tf(Text::UnknownPerson, &[id]))
    }

    pub fn rotation_party_name(&self, party: &RotationParty) -> String {
        match party {
            RotationParty::Organisation(id) => self.organisation_name(id),
            RotationParty::MunicipalitiesOf { municipalities_of } => {
                match self.county(municipalities_of) {
                    Some(county) => tf(Text::MunicipalitiesOf, &[&county.name]),
                    None => tf(
                        Text::MunicipalitiesOf,
                        &[&tf(Text::UnknownCounty, &[municipalities_of])],
                    ),
                }
            }
        }
    }

    pub fn organisation_name(&self, id: &OrganisationId) -> String {
        self.organisation(id)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| tf(Text::UnknownOrganisation, &[id]))
    }

    /// Changes a body's name and short name, recording who changed it.
    /// Returns whether anything changed; a refused change changes nothing.
    pub fn update_body_basics(
        &mut self,
        id: &BodyId,
        basics: BodyBasics,
        stamp: ChangeStamp,
    ) -> Result<bool, EditError> {
        let name = basics.name.trim().to_owned();
        if name.is_empty() {
            return Err(EditError::Invalid {
                field: "namn",
                message: t(Text::BodyNeedsName).into(),
            });
        }
        let short_name = basics
            .short_name
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        let body = self.body_mut(id)?;
        if body.name == name && body.short_name == short_name {
            return Ok(false);
        }
        let before = record_fields(&*body);
        body.name = name;
        body.short_name = short_name;
        Ok(touch_changed(body, &before, stamp))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> ChangeStamp {
        ChangeStamp {
            copy_id: "copy-a".into(),
            writer: None,
            organisation: Some("Region Norrbotten".into()),
            person: None,
            at: "2026-11-22T10:00:00Z".into(),
        }
    }

    fn body(id: &str) -> Body {
        Body {
            id: BodyId::new(id),
            meta: RecordMeta::default(),
            county: CountyId::new("nb"),
            name: "Länsstyrgruppen".into(),
            short_name: None,
            other_names: vec![],
            level: BodyLevel::Officials,
            owner: None,
            description: vec![],
            mandate: vec![],
            composition: vec![],
            substitutes: None,
            offices: vec![],
            meeting_rules: vec![],
            reviews: vec![],
            working_order: vec![],
            established_by: None,
            formed: None,
        }
    }

    fn data_with_body() -> Dataset {
        Dataset {
            bodies: vec![body("lsg")],
            ..Dataset::default()
        }
    }

    #[test]
    fn updating_a_body_bumps_its_version_and_records_who() {
        let mut data = data_with_body();
        let basics = BodyBasics {
            name: " Länsstyrgruppen ".into(),
            short_name: Some("LSG".into()),
        };
        let changed = data
            .update_body_basics(&BodyId::new("lsg"), basics, stamp())
            .unwrap();
        assert!(changed);
        let body = data.body(&BodyId::new("lsg")).unwrap();
        assert_eq!(body.short_name.as_deref(), Some("LSG"));
        assert_eq!(body.name, "Länsstyrgruppen");
        assert_eq!(body.meta.version.get("copy-a"), 1);
        assert_eq!(body.meta.last_change, Some(stamp()));
        assert_eq!(body.meta.fields["short_name"].version.get("copy-a"), 1);
        assert!(!body.meta.fields.contains_key("name"));
    }

    #[test]
    fn an_unchanged_save_does_not_bump_the_version() {
        let mut data = data_with_body();
        let basics = BodyBasics {
            name: "Länsstyrgruppen".into(),
            short_name: Some("  ".into()),
        };
        let changed = data
            .update_body_basics(&BodyId::new("lsg"), basics, stamp())
            .unwrap();
        assert!(!changed);
        assert!(data.bodies[0].meta.version.is_empty());
    }

    #[test]
    fn a_body_without_a_name_is_refused_and_nothing_changes() {
        let mut data = data_with_body();
        let before = data.clone();
        let basics = BodyBasics {
            name: "   ".into(),
            short_name: None,
        };
        let err = data
            .update_body_basics(&BodyId::new("lsg"), basics, stamp())
            .unwrap_err();
        assert!(matches!(err, EditError::Invalid { field: "namn", .. }));
        assert_eq!(data, before);
    }

    #[test]
    fn deleted_records_are_hidden_from_queries() {
        let mut data = data_with_body();
        data.bodies[0].meta.deleted = true;
        assert!(data.body(&BodyId::new("lsg")).is_none());
        assert_eq!(data.live_bodies().count(), 0);
        let err = data
            .update_body_basics(
                &BodyId::new("lsg"),
                BodyBasics {
                    name: "X".into(),
                    short_name: None,
                },
                stamp(),
            )
            .unwrap_err();
        assert_eq!(err, EditError::NotFound("lsg".into()));
    }
}
