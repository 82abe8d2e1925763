//! Agreements (överenskommelser) between the region and the municipalities.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::{t, Text};

use super::{AgreementId, Block, BodyId, CountyId, Fact, OrganisationId, PersonId, RecordMeta};

/// What a section of an agreement is about, so rules and views can find it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Background,
    Parties,
    Values,
    Purpose,
    Goals,
    Priorities,
    Mandate,
    StartingPoints,
    Forms,
    Representation,
    WorkingOrder,
    CaseFlow,
    Support,
    CostSharing,
    FollowUp,
    EffectGoals,
    Responsibilities,
    EntryIntoForce,
    Validity,
    Diagram,
    Other,
}

impl SectionKind {
    pub fn label(self) -> &'static str {
        t(match self {
            SectionKind::Background => Text::SectionKindBackground,
            SectionKind::Parties => Text::Parties,
            SectionKind::Values => Text::SectionKindValues,
            SectionKind::Purpose => Text::SectionKindPurpose,
            SectionKind::Goals => Text::SectionKindGoals,
            SectionKind::Priorities => Text::SectionKindPriorities,
            SectionKind::Mandate => Text::FieldMandate,
            SectionKind::StartingPoints => Text::SectionKindStartingPoints,
            SectionKind::Forms => Text::SectionKindForms,
            SectionKind::Representation => Text::SectionKindRepresentation,
            SectionKind::WorkingOrder => Text::SectionKindWorkingOrder,
            SectionKind::CaseFlow => Text::SectionKindCaseFlow,
            SectionKind::Support => Text::SectionKindSupport,
            SectionKind::CostSharing => Text::SectionKindCostSharing,
            SectionKind::FollowUp => Text::SectionKindFollowUp,
            SectionKind::EffectGoals => Text::SectionKindEffectGoals,
            SectionKind::Responsibilities => Text::SectionKindResponsibilities,
            SectionKind::EntryIntoForce => Text::SectionKindEntryIntoForce,
            SectionKind::Validity => Text::SectionKindValidity,
            SectionKind::Diagram => Text::SectionKindDiagram,
            SectionKind::Other => Text::SectionKindOther,
        })
    }
}

/// One section of an agreement, in document order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The document's own numbering, e.g. "5.1.3"; `None` when unnumbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub title: String,
    pub kind: SectionKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// Bodies the section is about, to link from the text to the body pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<BodyId>,
}

impl Section {
    /// Nesting depth from the numbering: "5" is 1, "5.1.3" is 3.
    pub fn depth(&self) -> usize {
        self.number
            .as_deref()
            .map(|n| n.trim_end_matches('.').split('.').count())
            .unwrap_or(1)
    }
}

/// A party to an agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "party")]
pub enum AgreementParty {
    Organisation {
        organisation: OrganisationId,
    },
    /// "var och en av kommunerna i länet".
    EachMunicipalityOf {
        county: CountyId,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    pub person: PersonId,
    pub organisation: OrganisationId,
    /// The title under the signature, as written.
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryIntoForce {
    pub date: Fact<NaiveDate>,
    /// E.g. "under förutsättning att den antagits av kommunförbundets styrelse och regionstyrelsen".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// Bodies whose adoption is the condition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adopted_by: Vec<BodyId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Validity {
    /// Gäller tills vidare.
    UntilFurtherNotice,
    Until {
        date: NaiveDate,
    },
}

/// How the agreement is terminated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub months: u32,
    /// Ömsesidig: either party may give notice.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mutual: bool,
    /// The body the notice is addressed to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressed_to: Option<BodyId>,
    /// The rule as the source words it, including from when the period runs.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum FollowUpRule {
    /// Every `years` years ("vartannat år" is 2).
    Every { years: u32, text: String },
    /// Started no later than `date` ("senast 2023-09-01").
    NoLaterThan { date: NaiveDate, text: String },
}

/// A share of a cost carried by a party.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostShare {
    /// Who pays, as the source says ("kommunerna", "regionen").
    pub payer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<OrganisationId>,
    pub percent: u32,
    /// What the cost is for.
    pub item: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub date: Fact<NaiveDate>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: AgreementId,
    #[serde(default)]
    pub meta: RecordMeta,
    pub county: CountyId,
    pub title: String,
    pub parties: Vec<AgreementParty>,
    pub date: Fact<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<Signatory>,
    pub sections: Vec<Section>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_into_force: Option<EntryIntoForce>,
    pub validity: Validity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_up: Vec<FollowUpRule>,
    /// Bodies the agreement establishes or regulates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub establishes: Vec<BodyId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cost_sharing: Vec<CostShare>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
}
