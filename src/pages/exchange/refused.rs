//! The records of an import that break the editor's rules: listed with the
//! field and why, and left out of the import (no box to take them in).

use leptos::prelude::*;

use crate::i18n::{t, tf, Text};

/// The refused records of an import preview; nothing when there are none.
#[component]
pub fn RefusedRecords(
    /// One line per record: kind, title, field and why.
    refused: Vec<String>,
) -> impl IntoView {
    (!refused.is_empty()).then(|| {
        let heading = tf(Text::PreviewRefused, &[&refused.len()]);
        let items = refused
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect_view();
        view! {
            <div class="refused" role="alert">
                <h4>{heading}</h4>
                <p class="hint">{t(Text::PreviewRefusedHint)}</p>
                <ul class="records">{items}</ul>
            </div>
        }
    })
}
