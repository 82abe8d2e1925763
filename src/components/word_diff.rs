use leptos::prelude::*;

use super::DATA_LANG;
use crate::i18n::{t, Text};
use crate::model::DiffPiece;

/// A word-level difference as text: removed words in `<del>`, added words
/// in `<ins>` (struck out and underlined, not told by colour alone), each
/// announced as removed or added to screen readers.
#[component]
pub fn WordDiff(
    /// The pieces from [`crate::model::word_diff`].
    pieces: Vec<DiffPiece>,
) -> impl IntoView {
    let marked = |start: Text, text: String| {
        view! {
            <span class="visually-hidden">{t(start)}</span>
            {text}
            <span class="visually-hidden">{t(Text::DiffEnd)}</span>
        }
    };
    let pieces = pieces
        .into_iter()
        .map(|piece| match piece {
            DiffPiece::Same(text) => text.into_any(),
            DiffPiece::Removed(text) => {
                view! { <del>{marked(Text::DiffRemoved, text)}</del> }.into_any()
            }
            DiffPiece::Added(text) => {
                view! { <ins>{marked(Text::DiffAdded, text)}</ins> }.into_any()
            }
        })
        .collect_view();
    view! { <span class="word-diff" lang=DATA_LANG>{pieces}</span> }
}
