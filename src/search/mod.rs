//! Search over every record kind, in the pure core.
//!
//! - `text.rs`: words, case and diacritics folding (å/ä → a, ö → o), the
//!   spelling-variant key for names (Öhman/Öman).
//! - `document.rs`: one search document per body, agreement, agreement
//!   section, person, organisation, meeting and §, with its filters and a
//!   fingerprint of the record versions it was made from.
//! - `index.rs`: [`SearchIndex`], an inverted index of folded words, built
//!   once and updated record by record.
//! - `query.rs`: matching (every query word must match: AND) and ranking.
//! - `highlight.rs`: titles and excerpts as spans of plain and matched text.
//! - `filter.rs`: county, body and year filters and their choices.
//!
//! The UI turns a [`Target`] into a link and draws [`Span`]s as text and `<mark>`.

mod document;
mod filter;
mod highlight;
mod index;
mod query;
mod text;

pub use filter::{FilterChoices, Filters};
pub use highlight::Span;
pub use index::{SearchIndex, UpdateStats};
pub use query::{Group, Hit, MatchKind, Query, Request, Results};
pub use text::{fold, variant_key};

use crate::i18n::{t, Text};
use crate::model::*;

/// What a hit points at; the UI turns it into a link.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Body(BodyId),
    Agreement {
        agreement: AgreementId,
        section: Option<usize>,
    },
    Meeting(MeetingId),
    Paragraph {
        meeting: MeetingId,
        number: u32,
    },
    Person(PersonId),
    Organisation(OrganisationId),
}

/// The kinds of hits, in the order the results list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HitKind {
    Body = 0,
    Agreement = 1,
    Paragraph = 2,
    Meeting = 3,
    Person = 4,
    Organisation = 5,
}

impl HitKind {
    pub const ALL: [HitKind; 6] = [
        HitKind::Body,
        HitKind::Agreement,
        HitKind::Paragraph,
        HitKind::Meeting,
        HitKind::Person,
        HitKind::Organisation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            HitKind::Body => t(Text::HitBodies),
            HitKind::Agreement => t(Text::HitAgreements),
            HitKind::Paragraph => t(Text::HitParagraphs),
            HitKind::Meeting => t(Text::HitMeetings),
            HitKind::Person => t(Text::HitPeople),
            HitKind::Organisation => t(Text::HitOrganisations),
        }
    }

    /// A stable name for the kind, e.g. for element ids.
    pub fn slug(self) -> &'static str {
        match self {
            HitKind::Body => "organ",
            HitKind::Agreement => "overenskommelser",
            HitKind::Paragraph => "paragrafer",
            HitKind::Meeting => "sammantraden",
            HitKind::Person => "personer",
            HitKind::Organisation => "organisationer",
        }
    }
}

/// Every hit for `text` in `data`, best first within each kind: builds an
/// index for one query. Views keep a [`SearchIndex`] instead.
pub fn search(data: &Dataset, text: &str) -> Vec<Hit> {
    SearchIndex::build(data)
        .search(data, &Request::new(text))
        .groups
        .into_iter()
        .flat_map(|g| g.hits)
        .collect()
}
