use leptos::prelude::*;

use crate::i18n::{t, Text};
use crate::model::{Block, SourceRef};
use crate::repo::Repo;

/// The language of the data: the records' text as written (Swedish).
/// Marked on the text that shows it, so that with the interface in English
/// it is still read as Swedish (WCAG 3.1.2, language of parts).
pub const DATA_LANG: &str = "sv";

/// Running text from the documents: paragraphs, bullet lists, sub-headings.
/// Text is always rendered as text, never as markup.
#[component]
pub fn Blocks(
    /// The blocks, in order.
    blocks: Vec<Block>,
    /// The level (3–6) of the blocks' own sub-headings: one below the
    /// heading the blocks sit under, so headings never skip a level.
    #[prop(default = 3)]
    level: u8,
) -> impl IntoView {
    blocks
        .into_iter()
        .map(move |block| match block {
            Block::Paragraph(text) => view! { <p lang=DATA_LANG>{text}</p> }.into_any(),
            Block::List(items) => view! {
                <ul lang=DATA_LANG>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::Heading { heading } => match level {
                ..=3 => view! { <h3 class="subheading" lang=DATA_LANG>{heading}</h3> }.into_any(),
                4 => view! { <h4 class="subheading" lang=DATA_LANG>{heading}</h4> }.into_any(),
                5 => view! { <h5 class="subheading" lang=DATA_LANG>{heading}</h5> }.into_any(),
                _ => view! { <h6 class="subheading" lang=DATA_LANG>{heading}</h6> }.into_any(),
            },
        })
        .collect_view()
}

/// "Källa: <document>, <locator>" for a record's sources.
#[component]
pub fn SourceList(
    /// The record's sources.
    sources: Vec<SourceRef>,
) -> impl IntoView {
    let repo = Repo::expect_context();
    (!sources.is_empty()).then(|| {
        let items = sources
            .into_iter()
            .map(|source| {
                let title = repo.snapshot(|d| {
                    d.document(&source.document)
                        .map(|doc| format!("{} ({})", doc.title, doc.dated))
                        .unwrap_or_else(|| source.document.to_string())
                });
                let locator = source.locator.map(|l| format!(", {l}"));
                view! { <li>{title}{locator}</li> }
            })
            .collect_view();
        view! {
            <aside class="sources" aria-label=t(Text::Sources)>
                <h2>{t(Text::Sources)}</h2>
                <ul>{items}</ul>
            </aside>
        }
    })
}
