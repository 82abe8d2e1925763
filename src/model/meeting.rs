//! Meetings (sammanträden) and their minutes (protokoll) with numbered §.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::i18n::{t, tf, Text};

use super::{
    Block, BodyId, ChangeStamp, DocumentRef, Fact, MeetingId, OrganisationId, ParagraphId,
    PersonId, RecordMeta,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    Ordinary,
    Extra,
    ThemeDay,
    Seminar,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 4] = [
        MeetingKind::Ordinary,
        MeetingKind::Extra,
        MeetingKind::ThemeDay,
        MeetingKind::Seminar,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::Ordinary => t(Text::MeetingKindOrdinary),
            MeetingKind::Extra => t(Text::MeetingKindExtra),
            MeetingKind::ThemeDay => t(Text::MeetingKindThemeDay),
            MeetingKind::Seminar => t(Text::MeetingKindSeminar),
        }
    }
}

/// An inclusive range of § numbers, e.g. § 1–7.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphRange {
    pub first: u32,
    pub last: u32,
}

impl ParagraphRange {
    pub fn contains(self, number: u32) -> bool {
        (self.first..=self.last).contains(&number)
    }
}

impl std::fmt::Display for ParagraphRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first == self.last {
            write!(f, "§ {}", self.first)
        } else {
            write!(f, "§ {}–{}", self.first, self.last)
        }
    }
}

/// A decision-maker present (beslutande).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionMaker {
    pub person: PersonId,
    /// The party (huvudman) the person represents at the meeting.
    pub representing: OrganisationId,
    /// Party as written in the attendance list; `None` when the list gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Role at the meeting as written, e.g. "ordförande".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The § attended when not all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<ParagraphRange>,
    /// Anything else the list says, e.g. the home municipality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The absent member an ersättare serves for (tjänstgörande ersättare).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serving_for: Option<PersonId>,
}

/// Another participant (övriga deltagare).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub person: PersonId,
    /// Title or role at the meeting as written.
    pub role: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignatureRole {
    Secretary,
    Chair,
    Adjuster,
}

impl SignatureRole {
    pub fn label(self) -> &'static str {
        match self {
            SignatureRole::Secretary => t(Text::SignatureSecretary),
            SignatureRole::Chair => t(Text::SignatureChair),
            SignatureRole::Adjuster => t(Text::SignatureAdjuster),
        }
    }
}

/// A line of the signature block (underskrifter).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub person: PersonId,
    pub role: SignatureRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<ParagraphRange>,
    /// The justering of this line, once given (transcribed minutes, signed
    /// on paper before the app, have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Signed>,
}

/// A justering given: in the signer's own copy, or signed on paper and
/// recorded by the secretary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signed {
    pub date: NaiveDate,
    /// Signed on paper; `recorded` is then whoever wrote it in.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub on_paper: bool,
    /// Who recorded it, from which copy, when.
    pub recorded: ChangeStamp,
}

/// An item of the agenda (dagordning); breaks have no number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presenters: Vec<PersonId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentRef>,
    /// Sub-points and remarks under the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Where the minutes are in the justering workflow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum MinutesState {
    /// A meeting entered ahead of time; no minutes yet.
    Planned,
    Draft,
    ForAdjustment,
    /// Justerat: locked; later changes are only recorded addenda.
    Adjusted {
        date: Fact<NaiveDate>,
    },
}

impl MinutesState {
    /// The state by its name, with the date it was adjusted when known.
    pub fn described(&self) -> String {
        match self {
            MinutesState::Adjusted { date } => match date.value() {
                Some(d) => tf(Text::ValueAdjustedOn, &[&crate::format::date(*d)]),
                None => t(Text::MinutesAdjusted).into(),
            },
            other => other.label().into(),
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            MinutesState::Planned => t(Text::MinutesPlanned),
            MinutesState::Draft => t(Text::MinutesDraft),
            MinutesState::ForAdjustment => t(Text::MinutesForAdjustment),
            MinutesState::Adjusted { .. } => t(Text::MinutesAdjusted),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    #[serde(default)]
    pub meta: RecordMeta,
    pub body: BodyId,
    pub date: Fact<NaiveDate>,
    pub start: Fact<NaiveTime>,
    pub place: String,
    pub kind: MeetingKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decision_makers: Vec<DecisionMaker>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<PersonId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<PersonId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjusters: Vec<PersonId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<Signature>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
    pub minutes: MinutesState,
    /// Remarks on the record as a whole, e.g. how the date was inferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Corrections and additions recorded after the minutes were adjusted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addenda: Vec<Addendum>,
}

/// Whether an addendum corrects the adjusted minutes or adds to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddendumKind {
    /// Rättelse.
    Correction,
    /// Tillägg.
    Addition,
}

impl AddendumKind {
    pub fn label(self) -> &'static str {
        match self {
            AddendumKind::Correction => t(Text::AddendumCorrection),
            AddendumKind::Addition => t(Text::AddendumAddition),
        }
    }
}

/// A recorded correction or addition to adjusted minutes: the only way
/// they change once locked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addendum {
    pub kind: AddendumKind,
    /// The § it concerns, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    pub text: String,
    pub reason: String,
    /// Who recorded it, from which copy, when.
    pub recorded: ChangeStamp,
}

/// The kind of decision, e.g. "lägga till handlingarna".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// Lägga (informationen) till handlingarna.
    NotedToFile,
    Approved,
    Adopted,
    Elected,
    /// The § records no decision (övriga frågor, meddelanden, avslutande).
    NoDecision,
}

impl DecisionKind {
    pub fn label(self) -> &'static str {
        t(match self {
            DecisionKind::NotedToFile => Text::DecisionKindNotedToFile,
            DecisionKind::Approved => Text::DecisionKindApproved,
            DecisionKind::Adopted => Text::DecisionKindAdopted,
            DecisionKind::Elected => Text::DecisionKindElected,
            DecisionKind::NoDecision => Text::DecisionKindNoDecision,
        })
    }
}

/// Something a decision promises to come back to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromisedFollowUp {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The body the report is due to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_body: Option<BodyId>,
    /// The § that dealt with it, once a person has said so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handled_in: Option<ParagraphId>,
}

/// A part of a § that has its own proposal and decision (§ 9 has two).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphPart {
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub background: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

/// A numbered item of the minutes (§).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub id: ParagraphId,
    #[serde(default)]
    pub meta: RecordMeta,
    pub meeting: MeetingId,
    pub number: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presenters: Vec<PersonId>,
    /// Attachments and documents (bilaga, handlingar).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub background: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    pub decision_kind: DecisionKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<ParagraphPart>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<PromisedFollowUp>,
    /// Decision-makers who declared a conflict of interest (jäv) and took
    /// no part in this §.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disqualified: Vec<PersonId>,
    /// Decision-makers who entered a reservation against the decision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reservations: Vec<PersonId>,
}

impl Paragraph {
    /// A new, empty § `number` of `meeting` (a draft to write).
    pub fn blank(id: ParagraphId, meeting: MeetingId, number: u32) -> Paragraph {
        Paragraph {
            id,
            meta: RecordMeta::default(),
            meeting,
            number,
            title: String::new(),
            presenters: vec![],
            documents: vec![],
            background: vec![],
            proposal: None,
            decision: None,
            decision_kind: DecisionKind::NotedToFile,
            parts: vec![],
            follow_ups: vec![],
            disqualified: vec![],
            reservations: vec![],
        }
    }
}
