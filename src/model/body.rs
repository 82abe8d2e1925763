//! Collaboration bodies (organ), the relations between them, and the seats
//! people hold in them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::{t, Text};

use super::{
    AgreementId, Block, BodyId, CountyId, Fact, MembershipId, OrganisationId, PersonId, RecordMeta,
    RelationId,
};

/// The level a body works on; the structure diagram draws levels as bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyLevel {
    /// Elected members (förtroendevalda).
    Political,
    /// Officials (tjänstepersoner).
    Officials,
    /// Preparatory body (beredning, arbetsutskott).
    Preparatory,
    /// Council (råd).
    Council,
    /// Task-oriented working group (arbetsgrupp).
    WorkingGroup,
    /// Recurring seminar or conference (ledningsseminarium, temadag).
    Seminar,
    /// Support function such as the regional coordinators.
    Support,
    /// A body of one party, e.g. regionstyrelsen, that the structure draws on.
    PartyBody,
    /// A body outside the structure it coordinates with.
    External,
}

impl BodyLevel {
    pub const ALL: [BodyLevel; 9] = [
        BodyLevel::Political,
        BodyLevel::Officials,
        BodyLevel::Preparatory,
        BodyLevel::Council,
        BodyLevel::WorkingGroup,
        BodyLevel::Seminar,
        BodyLevel::Support,
        BodyLevel::PartyBody,
        BodyLevel::External,
    ];

    pub fn label(self) -> &'static str {
        match self {
            BodyLevel::Political => t(Text::LevelPolitical),
            BodyLevel::Officials => t(Text::LevelOfficials),
            BodyLevel::Preparatory => t(Text::LevelPreparatory),
            BodyLevel::Council => t(Text::LevelCouncil),
            BodyLevel::WorkingGroup => t(Text::LevelWorkingGroup),
            BodyLevel::Seminar => t(Text::LevelSeminar),
            BodyLevel::Support => t(Text::LevelSupport),
            BodyLevel::PartyBody => t(Text::LevelPartyBody),
            BodyLevel::External => t(Text::LevelExternal),
        }
    }
}

/// Who fills the seats a composition rule describes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum SeatAppointer {
    /// One named organisation appoints, e.g. Region Norrbotten.
    Organisation { organisation: OrganisationId },
    /// The municipalities together ("Kommunerna utser").
    Municipalities,
    /// Each municipality for itself ("Varje kommun har en representant").
    EachMunicipality,
    /// Each party for itself ("Respektive part utser").
    EachParty,
    /// The holder of an office in another body sits ex officio.
    ExOfficio { body: BodyId, office: Office },
}

/// How many seats who holds, and where they are drawn from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompositionRule {
    pub appointed_by: SeatAppointer,
    /// Ordinary seats; `None` when the source gives no number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    /// Substitutes (ersättare) that go with the seats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substitutes: Option<u32>,
    /// The body the members are drawn from, e.g. regionstyrelsen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drawn_from: Option<BodyId>,
    /// What kind of person holds the seat, e.g. "socialchefer".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holders: Option<String>,
    /// Only certain organisations get these seats (e.g. Umeå and Skellefteå).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_for: Vec<OrganisationId>,
    /// The seats are an option the appointer may use ("har möjlighet till").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// The rule as the source words it.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubstituteKind {
    /// Each member has a personal substitute (personlig ersättare).
    Personal,
    /// Substitutes step in for any absent ordinary member of their party.
    Group,
}

impl SubstituteKind {
    pub fn label(self) -> &'static str {
        t(match self {
            SubstituteKind::Personal => Text::PersonalSubstitutes,
            SubstituteKind::Group => Text::GroupSubstitutes,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubstituteRule {
    pub kind: SubstituteKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Office {
    Chair,
    ViceChair,
    Secretary,
    /// Föredragande: presents the cases.
    Presenter,
}

impl Office {
    pub fn label(self) -> &'static str {
        match self {
            Office::Chair => t(Text::OfficeChair),
            Office::ViceChair => t(Text::OfficeViceChair),
            Office::Secretary => t(Text::OfficeSecretary),
            Office::Presenter => t(Text::OfficePresenter),
        }
    }
}

/// An office in a particular body, e.g. the chair of LSG.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeRef {
    pub body: BodyId,
    pub office: Office,
}

/// One side of a rotation: an organisation, or the municipalities of a
/// county taken together ("kommunerna"), which have no organisation of their own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RotationParty {
    Organisation(OrganisationId),
    MunicipalitiesOf { municipalities_of: CountyId },
}

/// The year and party a rotation is anchored at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotationStart {
    pub year: i32,
    pub party: RotationParty,
}

/// Offices that alternate between parties, one period at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rotation {
    /// Length of one term in years (1 = årsvis/kalenderår).
    pub period_years: u32,
    /// The parties the offices alternate between, in order.
    pub between: Vec<RotationParty>,
    /// Which party held the offices in which year, if known.
    pub start: Fact<RotationStart>,
}

/// How the chair, vice chair, secretary or presenter of a body is chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeRule {
    pub offices: Vec<Office>,
    /// Appointed within the body ("utses inom gruppen").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chosen_within: bool,
    /// Held ex officio by the holder of an office in another body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_by: Option<OfficeRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation: Option<Rotation>,
    /// The rule as the source words it.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingRuleKind {
    /// At least `per_year` ordinary meetings a year.
    MinimumPerYear,
    /// A party may call an extra meeting.
    ExtraOnRequest,
    /// `per_year` joint theme days with the body `with`.
    JointThemeDays,
    /// `per_year` joint conferences with changing themes.
    ThemeConferences,
    /// Held once a year.
    Annual,
    /// Meetings must be minuted.
    MinutesRequired,
    /// Meets when someone calls a meeting.
    OnDemand,
}

impl MeetingRuleKind {
    pub fn label(self) -> &'static str {
        t(match self {
            MeetingRuleKind::MinimumPerYear => Text::MeetingRuleMinimumPerYear,
            MeetingRuleKind::ExtraOnRequest => Text::MeetingRuleExtraOnRequest,
            MeetingRuleKind::JointThemeDays => Text::MeetingRuleJointThemeDays,
            MeetingRuleKind::ThemeConferences => Text::MeetingRuleThemeConferences,
            MeetingRuleKind::Annual => Text::MeetingRuleAnnual,
            MeetingRuleKind::MinutesRequired => Text::MeetingRuleMinutesRequired,
            MeetingRuleKind::OnDemand => Text::MeetingRuleOnDemand,
        })
    }
}

/// A rule about how often and how a body meets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRule {
    pub kind: MeetingRuleKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_year: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<BodyId>,
    /// The rule as the source words it.
    pub text: String,
}

/// A recurring review the body's mandate or staffing must get
/// ("revideras vid behov och minst vartannat år").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRule {
    /// What is reviewed, e.g. "uppdrag och bemanning".
    pub what: String,
    pub every_years: u32,
    /// When it was last reviewed, if known.
    pub last: Fact<NaiveDate>,
    /// The rule as the source words it.
    pub text: String,
}

/// A collaboration body (organ).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Body {
    pub id: BodyId,
    #[serde(default)]
    pub meta: RecordMeta,
    pub county: CountyId,
    pub name: String,
    /// Short name or abbreviation used by the source (LSG, AU).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Other names the sources use for the same body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<String>,
    pub level: BodyLevel,
    /// The party a body belongs to when it is not a joint body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<OrganisationId>,
    /// Purpose and description, as running text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Vec<Block>,
    /// The mandate (uppdrag), one entry per bullet or sentence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mandate: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub composition: Vec<CompositionRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substitutes: Option<SubstituteRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<OfficeRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meeting_rules: Vec<MeetingRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<ReviewRule>,
    /// How the body organises its work (arbetsordning), as running text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub working_order: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established_by: Option<AgreementId>,
    /// When the body was formed, as the source says ("hösten 2012").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formed: Option<String>,
}

impl Body {
    /// "Länssamverkansgruppen (LSG)".
    pub fn display_name(&self) -> String {
        match &self.short_name {
            Some(short) => format!("{} ({short})", self.name),
            None => self.name.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Bereder ärenden till.
    PreparesCasesFor,
    /// Är (politisk) styrgrupp för.
    SteeringGroupFor,
    /// Är arbetsutskott till.
    WorkingCommitteeOf,
    /// Beredning, råd eller arbetsgrupp knuten till.
    SubBodyOf,
    /// Ordföranden adjungeras vid behov till.
    AdjunctTo,
    /// Ordföranden har en plats i.
    ChairSitsIn,
    /// Kan bereda en fråga vidare till.
    MayReferTo,
    /// Fastställer uppdrag eller program för.
    SetsMandateOf,
    /// Planerar och arrangerar.
    Organises,
    /// Samordnar eller synkroniserar sitt arbete med.
    CoordinatesWith,
    /// Stödjer (koordinatorer).
    Supports,
}

impl RelationKind {
    pub const ALL: [RelationKind; 11] = [
        RelationKind::PreparesCasesFor,
        RelationKind::SteeringGroupFor,
        RelationKind::WorkingCommitteeOf,
        RelationKind::SubBodyOf,
        RelationKind::AdjunctTo,
        RelationKind::ChairSitsIn,
        RelationKind::MayReferTo,
        RelationKind::SetsMandateOf,
        RelationKind::Organises,
        RelationKind::CoordinatesWith,
        RelationKind::Supports,
    ];

    /// The relation read from its source body: "LSG bereder ärenden till Samrådet".
    pub fn label(self) -> &'static str {
        match self {
            RelationKind::PreparesCasesFor => t(Text::RelationPreparesCasesFor),
            RelationKind::SteeringGroupFor => t(Text::RelationSteeringGroupFor),
            RelationKind::WorkingCommitteeOf => t(Text::RelationWorkingCommitteeOf),
            RelationKind::SubBodyOf => t(Text::RelationSubBodyOf),
            RelationKind::AdjunctTo => t(Text::RelationAdjunctTo),
            RelationKind::ChairSitsIn => t(Text::RelationChairSitsIn),
            RelationKind::MayReferTo => t(Text::RelationMayReferTo),
            RelationKind::SetsMandateOf => t(Text::RelationSetsMandateOf),
            RelationKind::Organises => t(Text::RelationOrganises),
            RelationKind::CoordinatesWith => t(Text::RelationCoordinatesWith),
            RelationKind::Supports => t(Text::RelationSupports),
        }
    }

    /// The relation read from its target body: "Samrådet får ärenden beredda av LSG".
    pub fn inverse_label(self) -> &'static str {
        match self {
            RelationKind::PreparesCasesFor => t(Text::RelationInvPreparesCasesFor),
            RelationKind::SteeringGroupFor => t(Text::RelationInvSteeringGroupFor),
            RelationKind::WorkingCommitteeOf => t(Text::RelationInvWorkingCommitteeOf),
            RelationKind::SubBodyOf => t(Text::RelationInvSubBodyOf),
            RelationKind::AdjunctTo => t(Text::RelationInvAdjunctTo),
            RelationKind::ChairSitsIn => t(Text::RelationInvChairSitsIn),
            RelationKind::MayReferTo => t(Text::RelationInvMayReferTo),
            RelationKind::SetsMandateOf => t(Text::RelationInvSetsMandateOf),
            RelationKind::Organises => t(Text::RelationInvOrganises),
            RelationKind::CoordinatesWith => t(Text::RelationInvCoordinatesWith),
            RelationKind::Supports => t(Text::RelationInvSupports),
        }
    }
}

/// A directed relation between two bodies; the structure is a graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub id: RelationId,
    #[serde(default)]
    pub meta: RecordMeta,
    pub from: BodyId,
    pub to: BodyId,
    pub kind: RelationKind,
    /// The sentence in the source that states the relation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "role")]
pub enum MembershipRole {
    Chair,
    ViceChair,
    Member,
    /// Personal substitute (personlig ersättare) for a member.
    Substitute {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        for_person: Option<PersonId>,
    },
    Secretary,
    /// Attends on invitation without a seat (adjungerad).
    Adjunct,
}

impl MembershipRole {
    pub fn label(&self) -> &'static str {
        match self {
            MembershipRole::Chair => t(Text::RoleChair),
            MembershipRole::ViceChair => t(Text::RoleViceChair),
            MembershipRole::Member => t(Text::RoleMember),
            MembershipRole::Substitute { .. } => t(Text::RoleSubstitute),
            MembershipRole::Secretary => t(Text::RoleSecretary),
            MembershipRole::Adjunct => t(Text::RoleAdjunct),
        }
    }
}

/// A seat a person holds in a body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Membership {
    pub id: MembershipId,
    #[serde(default)]
    pub meta: RecordMeta,
    pub person: PersonId,
    pub body: BodyId,
    #[serde(flatten)]
    pub role: MembershipRole,
    /// The party (huvudman) the person represents in the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representing: Option<OrganisationId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// What the source says about the seat, e.g. "beslutande i protokollet 2021".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
