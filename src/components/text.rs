use leptos::prelude::*;

use crate::model::{Block, SourceRef};
use crate::repo::Repo;

/// Running text from the documents: paragraphs, bullet lists, sub-headings.
/// Text is always rendered as text, never as markup.
#[component]
pub fn Blocks(
    /// The blocks, in order.
    blocks: Vec<Block>,
) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(text) => view! { <p>{text}</p> }.into_any(),
            Block::List(items) => view! {
                <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::Heading { heading } => {
                view! { <h4 class="subheading">{heading}</h4> }.into_any()
            }
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
            <aside class="sources" aria-label="Källor">
                <h2>"Källor"</h2>
                <ul>{items}</ul>
            </aside>
        }
    })
}
