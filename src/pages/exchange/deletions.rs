//! The import preview's statement of what a file deletes: how many records
//! of which kinds, the deletions refused because live records refer to the
//! record (as in the editor), and the confirmation many or weighty
//! deletions need before "Importera" (rule in `exchange::DeletionReview`).

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::exchange::{DeletionReview, RecordRef, CONFIRM_ABOVE};
use crate::i18n::{t, tf, Text};
use crate::model::Dataset;
use crate::model::RecordKind;
use crate::repo::ImportPreview;

/// "län: 1, organ: 12, …", kinds in the order of the data set.
fn by_kind(records: &[RecordRef]) -> String {
    let mut counts: BTreeMap<usize, (&'static str, usize)> = BTreeMap::new();
    let mut order: Vec<RecordKind> = vec![];
    for record in records {
        let at = order
            .iter()
            .position(|k| *k == record.kind)
            .unwrap_or_else(|| {
                order.push(record.kind);
                order.len() - 1
            });
        counts.entry(at).or_insert((record.kind_label(), 0)).1 += 1;
    }
    counts
        .values()
        .map(|(kind, n)| format!("{kind}: {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn named(record: &RecordRef, data: &Dataset) -> String {
    format!("{} {}", record.kind_label(), record.title(data))
}

/// The deletions of an import, stated before anything changes.
/// The preview's merged data names the records; `confirmed` is set by the confirmation box,
/// shown only when the deletions need one.
#[component]
pub fn ImportDeletions(
    /// What the file deletes and what is refused.
    review: DeletionReview,
    /// The preview, whose merged data names the records.
    source: RwSignal<Option<ImportPreview>>,
    /// Whether the person has confirmed the deletions.
    confirmed: RwSignal<bool>,
) -> impl IntoView {
    if review.deleted.is_empty() && review.refused.is_empty() {
        return None;
    }
    let count = review.deleted.len();
    let kinds = by_kind(&review.deleted);
    let needs_confirmation = review.needs_confirmation();
    let refused = (!review.refused.is_empty()).then(|| {
        let items = source.with_untracked(|preview| {
            let data = preview.as_ref().map(|p| &p.merged);
            review
                .refused
                .iter()
                .map(|r| {
                    let name = |r: &RecordRef| data.map_or_else(|| r.id.clone(), |d| named(r, d));
                    let users: Vec<String> = r.referrers.iter().take(5).map(name).collect();
                    let more = r.referrers.len().saturating_sub(users.len());
                    let users = if more > 0 {
                        users.join(", ") + &tf(Text::InUseAndMore, &[&more])
                    } else {
                        users.join(", ")
                    };
                    let line = tf(Text::PreviewDeletionRefused, &[&name(&r.record), &users]);
                    view! { <li>{line}</li> }
                })
                .collect_view()
        });
        view! {
            <h4>{tf(Text::PreviewDeletionsRefusedHeading, &[&review.refused.len()])}</h4>
            <p>{t(Text::PreviewDeletionsRefusedHint)}</p>
            <ul class="refused-deletions">{items}</ul>
        }
    });
    let confirm = needs_confirmation.then(|| {
        view! {
            <p class="hint">{tf(Text::PreviewDeletionsWhyConfirm, &[&CONFIRM_ABOVE])}</p>
            <label class="choice confirm-deletions">
                <input
                    type="checkbox"
                    prop:checked=move || confirmed.get()
                    on:change=move |_| confirmed.update(|c| *c = !*c)
                />
                {tf(Text::PreviewDeletionsConfirm, &[&count])}
            </label>
        }
    });
    Some(view! {
        <section class="import-deletions" role="group" aria-labelledby="import-deletions">
            <h4 id="import-deletions">{tf(Text::PreviewDeletionsHeading, &[&count])}</h4>
            {(count > 0).then(|| view! { <p>{tf(Text::PreviewDeletionsByKind, &[&kinds])}</p> })}
            {refused}
            {confirm}
        </section>
    })
}
