use leptos::prelude::*;

use super::conflict_value::{written_by, ConflictValueView};
use super::Status;
use crate::components::WordDiff;
use crate::exchange::{self, Conflict, ShownValue};
use crate::i18n::{t, tf, Text};
use crate::repo::Repo;
use crate::routes::record_href;

/// Fields written on two copies without knowing of each other: every value
/// is kept and shown until a person keeps one or writes a combined value.
#[component]
pub fn ConflictList(status: RwSignal<Option<Status>>) -> impl IntoView {
    let repo = Repo::expect_context();
    let list = Memo::new(move |_| repo.with(exchange::conflicts));
    move || {
        let conflicts = list.get();
        let empty = conflicts.is_empty();
        let items = conflicts
            .into_iter()
            .map(|conflict| view! { <ConflictItem conflict status /> })
            .collect_view();
        view! {
            <section aria-labelledby="konflikter">
                <h2 id="konflikter">{t(Text::ConflictsHeading)}</h2>
                {if empty {
                    view! { <p>{t(Text::NoConflicts)}</p> }.into_any()
                } else {
                    view! {
                        <p>{t(Text::ConflictsLead)}</p>
                        <ul class="conflicts">{items}</ul>
                    }
                    .into_any()
                }}
            </section>
        }
    }
}

/// One conflict: where it is, each value as people read it with "Behåll
/// detta", and for texts the editor of a combined value.
#[component]
fn ConflictItem(conflict: Conflict, status: RwSignal<Option<Status>>) -> impl IntoView {
    let repo = Repo::expect_context();
    let (href, shown, start) = repo.snapshot(|d| {
        (
            record_href(d, &conflict.record),
            conflict.shown_values(d),
            conflict.combined_start(d),
        )
    });
    let title = match href {
        Some(href) => view! { <a href=href>{conflict.title.clone()}</a> }.into_any(),
        None => view! { <span>{conflict.title.clone()}</span> }.into_any(),
    };
    let on_item = conflict.item.is_some();
    let item_id = conflict.item.as_ref().map(|(id, _)| id.clone());
    let label = conflict.field_text();
    let values = conflict
        .values
        .iter()
        .zip(shown.iter().cloned())
        .enumerate()
        .map(|(index, (value, shown))| {
            let (record, field, item_id) = (
                conflict.record.clone(),
                conflict.field.clone(),
                item_id.clone(),
            );
            let chosen = value.value.clone();
            let label = label.clone();
            let keep = move |_| match repo.resolve_conflict(
                &record,
                &field,
                item_id.as_deref(),
                &chosen,
            ) {
                Ok(()) => status.set(Status::ok(tf(Text::ConflictResolved, &[&label]))),
                Err(e) => status.set(Status::error(e.to_string())),
            };
            view! {
                <li>
                    <ConflictValueView shown value=value.clone() current=index == 0 on_item />
                    <button type="button" class="edit-only" on:click=keep>{t(Text::ConflictKeep)}</button>
                </li>
            }
        })
        .collect_view();
    let combine = start.map(|start| {
        let others: Vec<(String, ShownValue)> = conflict
            .values
            .iter()
            .zip(shown)
            .skip(1)
            .map(|(value, shown)| (written_by(value), shown))
            .collect();
        let combine = Combine {
            conflict: conflict.clone(),
            start,
            others,
        };
        view! { <CombinedValue combine status /> }
    });
    view! {
        <li class="conflict">
            <p>
                {conflict.record.kind_label()} " " {title} {t(Text::ConflictFieldWord)}
                <strong>{label.clone()}</strong>
            </p>
            <ul class="values">{values}</ul>
            {combine}
        </li>
    }
}

/// What the editor of a combined value starts from.
#[derive(Clone)]
struct Combine {
    conflict: Conflict,
    /// The text the box starts with.
    start: String,
    /// The other values: who wrote each, and its difference from the value
    /// shown now.
    others: Vec<(String, ShownValue)>,
}

/// "Skriv ett sammanvägt värde": a text box that starts as the value shown
/// now, with the other values' differences from it beside it; saving
/// resolves the conflict with the text written.
#[component]
fn CombinedValue(combine: Combine, status: RwSignal<Option<Status>>) -> impl IntoView {
    let open = RwSignal::new(false);
    let combine = StoredValue::new(combine);
    move || {
        if open.get() {
            let combine = combine.get_value();
            view! { <CombinedEditor combine status open /> }.into_any()
        } else {
            view! {
                <p class="edit-only">
                    <button type="button" class="secondary" on:click=move |_| open.set(true)>
                        {t(Text::ConflictWriteCombined)}
                    </button>
                </p>
            }
            .into_any()
        }
    }
}

#[component]
fn CombinedEditor(
    combine: Combine,
    status: RwSignal<Option<Status>>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let Combine {
        conflict,
        start,
        others,
    } = combine;
    let repo = Repo::expect_context();
    // What arrives from other tabs waits while the text is being written.
    repo.hold_other_tabs_while_mounted();
    let text = RwSignal::new(start.clone());
    let box_id = format!(
        "sammanvagt-{}-{}-{}",
        conflict.record.id,
        conflict.field,
        conflict.item.as_ref().map_or("", |(id, _)| id.as_str())
    );
    let label = tf(Text::ConflictCombinedLabel, &[&conflict.field_text()]);
    let rows = (start.chars().count() / 60 + 2).clamp(3, 20);
    let conflict = StoredValue::new(conflict);
    let save = move |_| {
        let written = text.get_untracked();
        match conflict.with_value(|c| repo.combine_conflict(c, &written)) {
            Ok(()) => {
                let place = conflict.with_value(Conflict::field_text);
                open.set(false);
                status.set(Status::ok(tf(Text::ConflictCombinedSaved, &[&place])));
            }
            Err(e) => status.set(Status::error(e.to_string())),
        }
    };
    let others = others
        .into_iter()
        .filter_map(|(by, shown)| {
            shown.diff.map(|pieces| {
                view! {
                    <li>
                        <WordDiff pieces />
                        <span class="by">{by}</span>
                    </li>
                }
            })
        })
        .collect_view();
    view! {
        <div class="combined">
            <div class="combined-text">
                <label for=box_id.clone()>{label}</label>
                <textarea
                    id=box_id
                    rows=rows
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </div>
            <div class="combined-others">
                <p class="hint">{t(Text::ConflictCombinedHint)}</p>
                <ul class="values">{others}</ul>
            </div>
            <p class="actions">
                <button type="button" on:click=save>{t(Text::ConflictCombinedSave)}</button>
                <button type="button" class="secondary" on:click=move |_| open.set(false)>
                    {t(Text::Cancel)}
                </button>
            </p>
        </div>
    }
}
