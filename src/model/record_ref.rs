//! Naming records and fields for people: a record by kind and id, its kind
//! and title, a field's name and a value as short text, in the interface's
//! language.
//! Used by the import preview, the conflict list and the change history.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::i18n::{t, tf, Text};

use super::{Dataset, Record};

/// The kinds of record a data set holds. Stored and exchanged as the data
/// set's field name ("bodies"), so files and stored data are as before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Documents,
    Counties,
    Organisations,
    People,
    Bodies,
    Relations,
    Memberships,
    Agreements,
    Meetings,
    Paragraphs,
    Positions,
}

impl RecordKind {
    /// Every kind, in the data set's order.
    pub const ALL: [RecordKind; 11] = [
        RecordKind::Documents,
        RecordKind::Counties,
        RecordKind::Organisations,
        RecordKind::People,
        RecordKind::Bodies,
        RecordKind::Relations,
        RecordKind::Memberships,
        RecordKind::Agreements,
        RecordKind::Meetings,
        RecordKind::Paragraphs,
        RecordKind::Positions,
    ];

    /// The data set's field holding the kind, e.g. "bodies": the name in
    /// stored data and exchange files.
    pub fn field(self) -> &'static str {
        match self {
            RecordKind::Documents => "documents",
            RecordKind::Counties => "counties",
            RecordKind::Organisations => "organisations",
            RecordKind::People => "people",
            RecordKind::Bodies => "bodies",
            RecordKind::Relations => "relations",
            RecordKind::Memberships => "memberships",
            RecordKind::Agreements => "agreements",
            RecordKind::Meetings => "meetings",
            RecordKind::Paragraphs => "paragraphs",
            RecordKind::Positions => "positions",
        }
    }

    /// The kind whose data set field is `field`; `None` for a field this
    /// version does not know (a newer version's kind).
    pub fn from_field(field: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.field() == field)
    }

    /// The kind in the interface's language, singular.
    pub fn label(self) -> &'static str {
        t(match self {
            RecordKind::Documents => Text::KindDocument,
            RecordKind::Counties => Text::KindCounty,
            RecordKind::Organisations => Text::KindOrganisation,
            RecordKind::People => Text::KindPerson,
            RecordKind::Bodies => Text::KindBody,
            RecordKind::Relations => Text::KindRelation,
            RecordKind::Memberships => Text::KindMembership,
            RecordKind::Agreements => Text::KindAgreement,
            RecordKind::Meetings => Text::KindMeeting,
            RecordKind::Paragraphs => Text::KindParagraph,
            RecordKind::Positions => Text::KindPosition,
        })
    }
}

/// Sorted by the field name, as references were while the kind was a string.
impl Ord for RecordKind {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.field().cmp(other.field())
    }
}

impl PartialOrd for RecordKind {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.field())
    }
}

/// A record by kind and id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: String,
}

impl RecordRef {
    pub fn new(kind: RecordKind, id: impl Into<String>) -> Self {
        RecordRef {
            kind,
            id: id.into(),
        }
    }

    /// The kind in the interface's language, singular.
    pub fn kind_label(&self) -> &'static str {
        self.kind.label()
    }

    /// The record as people know it: its name or title, a meeting by body
    /// and date, a § by number and title; the id if it is not in `data`.
    pub fn title(&self, data: &Dataset) -> String {
        fn find<'a, R: Record<Id: AsRef<str>>>(records: &'a [R], id: &str) -> Option<&'a R> {
            records.iter().find(|r| r.id().as_ref() == id)
        }
        let id = self.id.as_str();
        let found = match self.kind {
            RecordKind::Documents => find(&data.documents, id).map(|r| r.title.clone()),
            RecordKind::Counties => find(&data.counties, id).map(|r| r.name.clone()),
            RecordKind::Organisations => find(&data.organisations, id).map(|r| r.name.clone()),
            RecordKind::People => find(&data.people, id).map(|r| r.name.clone()),
            RecordKind::Bodies => find(&data.bodies, id).map(|r| r.name.clone()),
            RecordKind::Relations => find(&data.relations, id)
                .map(|r| format!("{} → {}", data.body_name(&r.from), data.body_name(&r.to))),
            RecordKind::Memberships => find(&data.memberships, id).map(|r| {
                tf(
                    Text::MembershipIn,
                    &[&data.person_name(&r.person), &data.body_name(&r.body)],
                )
            }),
            RecordKind::Agreements => find(&data.agreements, id).map(|r| r.title.clone()),
            RecordKind::Meetings => find(&data.meetings, id).map(|m| data.meeting_title(m)),
            RecordKind::Paragraphs => {
                find(&data.paragraphs, id).map(|p| format!("§ {} {}", p.number, p.title))
            }
            RecordKind::Positions => find(&data.positions, id).map(|p| data.body_name(&p.body)),
        };
        found.unwrap_or_else(|| id.to_owned())
    }
}

/// A field's name in the interface's language, for showing what changes; unknown fields by
/// their name in the data.
pub fn field_label(field: &str) -> &str {
    match field {
        "name" => t(Text::FieldLabelName),
        "short_name" => t(Text::FieldLabelShortName),
        "title" => t(Text::FieldLabelTitle),
        "deleted" => t(Text::FieldLabelDeleted),
        "date" => t(Text::FieldLabelDate),
        "county" => t(Text::FieldLabelCounty),
        "level" => t(Text::FieldLabelLevel),
        "mandate" => t(Text::FieldLabelMandate),
        "composition" => t(Text::FieldLabelComposition),
        "substitutes" => t(Text::FieldLabelSubstitutes),
        "offices" => t(Text::FieldLabelOffices),
        "meeting_rules" => t(Text::FieldLabelMeetingRules),
        "reviews" => t(Text::FieldLabelReviews),
        "working_order" => t(Text::FieldLabelWorkingOrder),
        "kind" => t(Text::FieldLabelKind),
        "note" => t(Text::FieldLabelNote),
        "role" => t(Text::FieldLabelRole),
        "person" => t(Text::FieldLabelPerson),
        "body" => t(Text::FieldLabelBody),
        "from" => t(Text::FieldLabelFrom),
        "to" => t(Text::FieldLabelTo),
        "minutes" => t(Text::FieldLabelMinutes),
        "agenda" => t(Text::FieldLabelAgenda),
        "decision_makers" => t(Text::FieldLabelDecisionMakers),
        "participants" => t(Text::FieldLabelParticipants),
        "signatures" => t(Text::FieldLabelSignatures),
        "place" => t(Text::FieldLabelPlace),
        "number" => t(Text::FieldLabelNumber),
        "parts" => t(Text::FieldLabelParts),
        "follow_ups" => t(Text::FieldLabelFollowUps),
        "serving_for" => t(Text::FieldLabelServingFor),
        "disqualified" => t(Text::FieldLabelDisqualified),
        "reservations" => t(Text::FieldLabelReservations),
        "sections" => t(Text::FieldLabelSections),
        "parties" => t(Text::FieldLabelParties),
        "organisation" => t(Text::FieldLabelOrganisation),
        "municipality" => t(Text::FieldLabelMunicipality),
        "name_variants" => t(Text::FieldLabelNameVariants),
        "former_names" => t(Text::FieldLabelFormerNames),
        "other_names" => t(Text::FieldLabelOtherNames),
        "party" => t(Text::FieldLabelParty),
        "notice" => t(Text::FieldLabelNotice),
        "validity" => t(Text::FieldLabelValidity),
        "addenda" => t(Text::FieldLabelAddenda),
        "chair" => t(Text::FieldLabelChair),
        "secretary" => t(Text::FieldLabelSecretary),
        "adjusters" => t(Text::FieldLabelAdjusters),
        "start" => t(Text::FieldLabelStart),
        "background" => t(Text::FieldLabelBackground),
        "proposal" => t(Text::FieldLabelProposal),
        "decision" => t(Text::FieldLabelDecision),
        "decision_kind" => t(Text::FieldLabelDecisionKind),
        "owner" => t(Text::FieldLabelOwner),
        "established_by" => t(Text::FieldLabelEstablishedBy),
        "formed" => t(Text::FieldLabelFormed),
        "representing" => t(Text::FieldLabelRepresenting),
        "description" => t(Text::FieldLabelDescription),
        "paragraph" => t(Text::FieldLabelParagraph),
        "reason" => t(Text::FieldLabelReason),
        "text" => t(Text::FieldLabelText),
        "paragraphs" => t(Text::FieldLabelParagraphs),
        "end" => t(Text::FieldLabelEnd),
        "presenters" => t(Text::FieldLabelPresenters),
        "documents" => t(Text::FieldLabelDocuments),
        "notes" => t(Text::FieldLabelNotes),
        "due" => t(Text::FieldLabelDue),
        "to_body" => t(Text::FieldLabelToBody),
        "handled_in" => t(Text::FieldLabelHandledIn),
        "seats" => t(Text::FieldLabelSeats),
        "holders" => t(Text::FieldLabelHolders),
        "drawn_from" => t(Text::FieldLabelDrawnFrom),
        "only_for" => t(Text::FieldLabelOnlyFor),
        "reference" => t(Text::FieldLabelReference),
        "signatories" => t(Text::FieldLabelSignatories),
        "entry_into_force" => t(Text::FieldLabelEntryIntoForce),
        "follow_up" => t(Text::FieldLabelFollowUp),
        "establishes" => t(Text::FieldLabelEstablishes),
        "cost_sharing" => t(Text::FieldLabelCostSharing),
        "revisions" => t(Text::FieldLabelRevisions),
        "meeting" => t(Text::FieldLabelMeeting),
        "dated" => t(Text::FieldLabelDated),
        "x" => t(Text::FieldLabelX),
        "y" => t(Text::FieldLabelY),
        "for_person" => t(Text::FieldLabelForPerson),
        "appointed_by" => t(Text::FieldLabelAppointedBy),
        "optional" => t(Text::FieldLabelOptional),
        "per_year" => t(Text::FieldLabelPerYear),
        "with" => t(Text::FieldLabelWith),
        "every_years" => t(Text::FieldLabelEveryYears),
        "last" => t(Text::FieldLabelLast),
        "chosen_within" => t(Text::FieldLabelChosenWithin),
        "held_by" => t(Text::FieldLabelHeldBy),
        "rotation" => t(Text::FieldLabelRotation),
        "due_notes" => t(Text::FieldLabelDueNotes),
        "period_years" => t(Text::FieldLabelPeriodYears),
        "between" => t(Text::FieldLabelBetween),
        "blocks" => t(Text::FieldLabelBlocks),
        "bodies" => t(Text::FieldLabelBodies),
        "condition" => t(Text::FieldLabelCondition),
        "adopted_by" => t(Text::FieldLabelAdoptedBy),
        "months" => t(Text::FieldLabelMonths),
        "mutual" => t(Text::FieldLabelMutual),
        "addressed_to" => t(Text::FieldLabelAddressedTo),
        "years" => t(Text::FieldLabelYears),
        "percent" => t(Text::FieldLabelPercent),
        "item" => t(Text::FieldLabelItem),
        "recorded" => t(Text::FieldLabelRecorded),
        "office" => t(Text::FieldLabelOffice),
        "year" => t(Text::FieldLabelYear),
        "what" => t(Text::FieldLabelWhat),
        other => other,
    }
}

/// A field's value as short text: strings as they are, yes/no, "(tomt)"
/// for absent, anything structured as compact JSON cut at `max` characters.
pub fn value_text(value: &Value, max: usize) -> String {
    let text = match value {
        Value::Null => return t(Text::ValueEmpty).into(),
        Value::Bool(true) => return t(Text::ValueYes).into(),
        Value::Bool(false) => return t(Text::ValueNo).into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    };
    if text.chars().count() > max {
        let cut: String = text.chars().take(max).collect();
        format!("{cut} …")
    } else {
        text
    }
}

/// One field whose value a merge changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    /// The values as JSON; `null` means absent.
    pub before: Value,
    pub after: Value,
}

#[cfg(test)]
mod kind_tests {
    use super::*;

    /// Stored data and exchange files name a kind by the data set's field,
    /// and references sort as they did while the kind was that string.
    #[test]
    fn a_kind_is_stored_as_its_data_set_field_and_sorts_by_it() {
        let fields = serde_json::to_value(Dataset::default()).unwrap();
        for kind in RecordKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.field());
            assert_eq!(RecordKind::from_field(kind.field()), Some(kind));
            assert!(
                fields.get(kind.field()).is_some(),
                "{kind} is a data set field"
            );
        }
        assert_eq!(RecordKind::from_field("newer_kind"), None);
        let mut sorted = RecordKind::ALL;
        sorted.sort();
        let mut names = RecordKind::ALL.map(RecordKind::field);
        names.sort();
        assert_eq!(sorted.map(RecordKind::field), names);
    }
}
