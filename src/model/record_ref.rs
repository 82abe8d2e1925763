//! Naming records and fields for people: a record by kind and id, its kind
//! and title, a field's name and a value as short text, in the interface's
//! language.
//! Used by the import preview, the conflict list and the change history.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::i18n::{t, tf, Text};

use super::Dataset;

/// A record by kind (the data set's field name, e.g. "bodies") and id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RecordRef {
    pub kind: String,
    pub id: String,
}

impl RecordRef {
    /// The kind in the interface's language, singular.
    pub fn kind_label(&self) -> &'static str {
        match self.kind.as_str() {
            "documents" => t(Text::KindDocument),
            "counties" => t(Text::KindCounty),
            "organisations" => t(Text::KindOrganisation),
            "people" => t(Text::KindPerson),
            "bodies" => t(Text::KindBody),
            "relations" => t(Text::KindRelation),
            "memberships" => t(Text::KindMembership),
            "agreements" => t(Text::KindAgreement),
            "meetings" => t(Text::KindMeeting),
            "paragraphs" => t(Text::KindParagraph),
            "positions" => t(Text::KindPosition),
            _ => t(Text::KindOther),
        }
    }

    /// The record as people know it: its name or title, a meeting by body
    /// and date, a § by number and title; the id if it is not in `data`.
    pub fn title(&self, data: &Dataset) -> String {
        let id = self.id.as_str();
        let found = match self.kind.as_str() {
            "documents" => data
                .documents
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.title.clone()),
            "counties" => data
                .counties
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "organisations" => data
                .organisations
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "people" => data
                .people
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "bodies" => data
                .bodies
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "relations" => data
                .relations
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| format!("{} → {}", data.body_name(&r.from), data.body_name(&r.to))),
            "memberships" => data
                .memberships
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| {
                    tf(
                        Text::MembershipIn,
                        &[&data.person_name(&r.person), &data.body_name(&r.body)],
                    )
                }),
            "agreements" => data
                .agreements
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.title.clone()),
            "meetings" => data
                .meetings
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|m| data.meeting_title(m)),
            "paragraphs" => data
                .paragraphs
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|p| format!("§ {} {}", p.number, p.title)),
            "positions" => data
                .positions
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|p| data.body_name(&p.body)),
            _ => None,
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
        "signatories" => t(Text::FieldLabelSignatories),
        "entry_into_force" => t(Text::FieldLabelEntryIntoForce),
        "follow_up" => t(Text::FieldLabelFollowUp),
        "establishes" => t(Text::FieldLabelEstablishes),
        "cost_sharing" => t(Text::FieldLabelCostSharing),
        "revisions" => t(Text::FieldLabelRevisions),
        "meeting" => t(Text::FieldLabelMeeting),
        "presenters" => t(Text::FieldLabelPresenters),
        "documents" => t(Text::FieldLabelDocuments),
        "dated" => t(Text::FieldLabelDated),
        "x" => t(Text::FieldLabelX),
        "y" => t(Text::FieldLabelY),
        "for_person" => t(Text::FieldLabelForPerson),
        "appointed_by" => t(Text::FieldLabelAppointedBy),
        "seats" => t(Text::FieldLabelSeats),
        "drawn_from" => t(Text::FieldLabelDrawnFrom),
        "holders" => t(Text::FieldLabelHolders),
        "only_for" => t(Text::FieldLabelOnlyFor),
        "optional" => t(Text::FieldLabelOptional),
        "per_year" => t(Text::FieldLabelPerYear),
        "with" => t(Text::FieldLabelWith),
        "every_years" => t(Text::FieldLabelEveryYears),
        "last" => t(Text::FieldLabelLast),
        "chosen_within" => t(Text::FieldLabelChosenWithin),
        "held_by" => t(Text::FieldLabelHeldBy),
        "rotation" => t(Text::FieldLabelRotation),
        "period_years" => t(Text::FieldLabelPeriodYears),
        "between" => t(Text::FieldLabelBetween),
        "paragraphs" => t(Text::FieldLabelParagraphs),
        "end" => t(Text::FieldLabelEnd),
        "notes" => t(Text::FieldLabelNotes),
        "reference" => t(Text::FieldLabelReference),
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
        "due" => t(Text::FieldLabelDue),
        "to_body" => t(Text::FieldLabelToBody),
        "handled_in" => t(Text::FieldLabelHandledIn),
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
