//! The import preview's list of what the file holds that this version does
//! not know ("okända fält"): kept and passed on unchanged, never dropped
//! (`exchange::unknown`).

use leptos::prelude::*;

use crate::exchange::UnknownInFile;
use crate::i18n::{t, tf, Text};
use crate::repo::ImportPreview;

/// Unknown fields by record, and unknown record kinds with their counts.
#[component]
pub fn UnknownInPreview(
    /// What of the file this version does not know.
    unknown: UnknownInFile,
    /// The preview, whose merged data names the records.
    source: RwSignal<Option<ImportPreview>>,
) -> impl IntoView {
    if unknown.is_empty() {
        return None;
    }
    let count = unknown.fields.len() + unknown.kinds.len();
    let records = source.with_untracked(|preview| {
        unknown
            .fields
            .iter()
            .map(|(record, fields)| {
                let title = preview
                    .as_ref()
                    .map_or_else(|| record.id.clone(), |p| record.title(&p.merged));
                let line = format!("{} {title}: {}", record.kind_label(), fields.join(", "));
                view! { <li>{line}</li> }
            })
            .collect_view()
    });
    let kinds = unknown
        .kinds
        .iter()
        .map(|(kind, n)| view! { <li>{tf(Text::PreviewUnknownKind, &[kind, n])}</li> })
        .collect_view();
    Some(view! {
        <section class="import-unknown" aria-labelledby="import-unknown">
            <h4 id="import-unknown">{tf(Text::PreviewUnknownHeading, &[&count])}</h4>
            <p class="hint">{t(Text::PreviewUnknownHint)}</p>
            <ul>{records}{kinds}</ul>
        </section>
    })
}
