//! Running text as it appears in the documents: paragraphs, bullet lists and
//! sub-headings, in order.

use serde::{Deserialize, Serialize};

/// One block of running text. In JSON a plain string is a paragraph, an array
/// of strings is a bullet list and `{"heading": "..."}` is a sub-heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
    Heading { heading: String },
}

impl Block {
    /// Every piece of text in the block, for search.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Paragraph(text) => vec![text],
            Block::List(items) => items.iter().map(String::as_str).collect(),
            Block::Heading { heading } => vec![heading],
        }
    }
}

/// A document referenced from an agenda item or a § (handling, bilaga).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    pub title: String,
    /// An official reference such as "SOU 2021:34".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}
