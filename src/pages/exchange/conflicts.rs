use leptos::prelude::*;

use super::Status;
use crate::exchange::{self, field_label, value_text, ConflictValue};
use crate::i18n::{t, tf, Text};
use crate::repo::{local_moment, Repo};
use crate::routes::record_href;

fn written_by(value: &ConflictValue) -> String {
    let Some(change) = &value.change else {
        return t(Text::BuiltInValue).into();
    };
    let who = match (&change.organisation, &change.person) {
        (Some(org), Some(person)) => format!("{person}, {org}"),
        (Some(org), None) => org.clone(),
        (None, Some(person)) => person.clone(),
        (None, None) => tf(Text::CopyNamed, &[&change.copy_id]),
    };
    format!("{who}, {}", local_moment(&change.at))
}

/// Fields written on two copies without knowing of each other: every value
/// is kept and shown until a person keeps one.
#[component]
pub fn ConflictList(status: RwSignal<Option<Status>>) -> impl IntoView {
    let repo = Repo::expect_context();
    let list = Memo::new(move |_| repo.with(exchange::conflicts));
    move || {
        let conflicts = list.get();
        let items = conflicts
            .into_iter()
            .map(|conflict| {
                let href = repo.snapshot(|d| record_href(d, &conflict.record));
                let title = match href {
                    Some(href) => view! { <a href=href>{conflict.title.clone()}</a> }.into_any(),
                    None => view! { <span>{conflict.title.clone()}</span> }.into_any(),
                };
                let field = conflict.field.clone();
                let label = field_label(&field).to_owned();
                let item = conflict.item.clone();
                let item_id = item.as_ref().map(|(id, _)| id.clone());
                let place = item.map(|(_, place)| match place {
                    Some(n) => tf(Text::ConflictItemAt, &[&n]),
                    None => t(Text::ConflictItemRemovedNow).to_owned(),
                });
                let values = conflict
                    .values
                    .iter()
                    .enumerate()
                    .map(|(index, value)| {
                        let record = conflict.record.clone();
                        let field = field.clone();
                        let chosen = value.value.clone();
                        let label = label.clone();
                        let text = if item_id.is_some() && chosen.is_null() {
                            t(Text::ConflictItemRemove).to_owned()
                        } else {
                            value_text(&chosen, 300)
                        };
                        let item_id = item_id.clone();
                        let keep = move |_| match repo.resolve_conflict(
                            &record,
                            &field,
                            item_id.as_deref(),
                            &chosen,
                        ) {
                            Ok(()) => status.set(Status::ok(tf(Text::ConflictResolved, &[&label]))),
                            Err(e) => status.set(Status::error(e.to_string())),
                        };
                        let current = (index == 0).then(|| t(Text::ConflictShownNow));
                        view! {
                            <li>
                                <span class="value">{text}</span>
                                <span class="by">{written_by(value)}{current}</span>
                                <button type="button" on:click=keep>{t(Text::ConflictKeep)}</button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="conflict">
                        <p>
                            {conflict.record.kind_label()} " " {title} {t(Text::ConflictFieldWord)}
                            <strong>{label.clone()}</strong>
                            {place}
                        </p>
                        <ul class="values">{values}</ul>
                    </li>
                }
            })
            .collect_view();
        let empty = list.with(Vec::is_empty);
        view! {
            <section aria-labelledby="konflikter">
                <h2 id="konflikter">{t(Text::ConflictsHeading)}</h2>
                {if empty {
                    view! { <p>{t(Text::NoConflicts)}</p> }.into_any()
                } else {
                    view! {
                        <p>
                            {t(Text::ConflictsLead)}
                        </p>
                        <ul class="conflicts">{items}</ul>
                    }
                    .into_any()
                }}
            </section>
        }
    }
}
