use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{field_changes, FieldChangeLine};
use crate::i18n::{t, tf, Text};
use crate::model::*;
use crate::repo::{local_moment, Repo};
use crate::routes::record_href;

fn who(stamp: &ChangeStamp) -> String {
    let parts: Vec<&str> = [stamp.organisation.as_deref(), stamp.person.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if parts.is_empty() {
        tf(Text::CopyNamed, &[&stamp.copy_id])
    } else {
        parts.join(" · ")
    }
}

/// One entry: when, who, what, and each field's value before and after.
#[component]
fn EntryView(
    entry: HistoryEntry,
    /// The entry's fields as people read them (see [`field_changes`]).
    fields: Vec<(String, ChangeView)>,
) -> impl IntoView {
    let fields = fields
        .into_iter()
        .map(|(label, change)| view! { <FieldChangeLine label change /> })
        .collect_view();
    view! {
        <p class="entry-head">
            <strong>{entry.action.label()}</strong> " · " {local_moment(&entry.stamp.at)} " · " {who(&entry.stamp)}
        </p>
        <ul class="entry-fields">{fields}</ul>
    }
}

/// The change history of one record, newest first, with a button to set
/// the record back to any earlier version.
#[component]
pub fn RecordHistory(record: RecordRef) -> impl IntoView {
    let repo = Repo::expect_context();
    let message = RwSignal::new(None::<String>);
    let of_record = record.clone();
    let entries = Memo::new(move |_| {
        repo.history()
            .with(|h| h.of(&of_record).cloned().collect::<Vec<_>>())
    });
    move || {
        let list = entries.get();
        if list.is_empty() {
            return None;
        }
        let count = list.len();
        let latest = list.last().map(|e| e.id.clone());
        let read: Vec<Vec<(String, ChangeView)>> = repo.with(|d| {
            let reader = ChangeReader::new(d);
            list.iter()
                .map(|e| field_changes(&reader, &e.fields))
                .collect()
        });
        let items = list
            .into_iter()
            .zip(read)
            .rev()
            .map(|(entry, fields)| {
                let id = entry.id.clone();
                let record = record.clone();
                let restorable = Some(&id) != latest.as_ref();
                let restore = move |_| match repo.restore_version(&record, Some(&id)) {
                    Ok(()) => message.set(Some(t(Text::HistoryVersionRestored).into())),
                    Err(e) => message.set(Some(e.to_string())),
                };
                view! {
                    <li class="history-entry">
                        <EntryView entry fields />
                        {restorable.then(|| view! {
                            <button type="button" class="secondary edit-only" on:click=restore>{t(Text::HistoryRestoreThis)}</button>
                        })}
                    </li>
                }
            })
            .collect_view();
        let first = record.clone();
        let restore_first = move |_| match repo.restore_version(&first, None) {
            Ok(()) => message.set(Some(t(Text::HistoryFirstRestored).into())),
            Err(e) => message.set(Some(e.to_string())),
        };
        Some(view! {
            <details class="record-history">
                <summary>{tf(Text::HistorySummary, &[&count])}</summary>
                <p role="status">{move || message.get()}</p>
                <ol>
                    {items}
                    <li class="history-entry">
                        <p class="entry-head"><strong>{t(Text::HistoryVersionBefore)}</strong></p>
                        <button type="button" class="secondary edit-only" on:click=restore_first>{t(Text::HistoryRestoreThat)}</button>
                    </li>
                </ol>
            </details>
        })
    }
}

/// "Ta bort" with a confirmation step; the deletion can be undone.
#[component]
pub fn DeleteButton(
    record: RecordRef,
    /// What is deleted, e.g. `t(Text::DeleteTheBody)`: "organet".
    what: &'static str,
    #[prop(optional)] on_deleted: Option<Callback<()>>,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let confirm = move |_| match repo.delete(&record) {
        Ok(()) => {
            asking.set(false);
            if let Some(done) = on_deleted {
                done.run(());
            }
        }
        Err(e) => error.set(Some(e.to_string())),
    };
    view! {
        <span class="delete edit-only">
            <button type="button" class="secondary danger" hidden=move || asking.get() on:click=move |_| { error.set(None); asking.set(true) }>
                {tf(Text::DeleteWhat, &[&what])}
            </button>
            {move || asking.get().then(|| view! {
                <span class="confirm" role="group" aria-label=t(Text::DeleteConfirmGroup)>
                    <span>{tf(Text::DeleteQuestion, &[&what])}</span>
                    <button type="button" class="danger" on:click=confirm.clone()>{t(Text::DeleteYes)}</button>
                    <button type="button" class="secondary" on:click=move |_| asking.set(false)>{t(Text::Cancel)}</button>
                </span>
            })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </span>
    }
}

/// The latest change made in this copy, with "Ångra", at the bottom of
/// every page after an edit.
#[component]
pub fn UndoBar() -> impl IntoView {
    let repo = Repo::expect_context();
    let message = RwSignal::new(None::<String>);
    let last = Memo::new(move |_| {
        let copy = repo.copy_id();
        repo.history().with(|h| h.last_undoable(&copy).cloned())
    });
    // Show the bar for changes made during this visit only.
    let shown_from = repo.history().with_untracked(|h| h.entries.len());
    let visible = Memo::new(move |_| {
        repo.history().with(|h| h.entries.len() > shown_from) && last.with(Option::is_some)
    });
    // A message answers the last undo only: the next change, or another
    // page, takes it away (an old error must not stay on screen).
    let undoing = StoredValue::new(false);
    let undo = move |_| {
        undoing.set_value(true);
        match repo.undo_last() {
            Ok(()) => message.set(Some(t(Text::Undone).into())),
            Err(e) => {
                undoing.set_value(false);
                message.set(Some(e.to_string()));
            }
        }
    };
    Effect::new(move |previous: Option<usize>| {
        let count = repo.history().with(|h| h.entries.len());
        if previous.is_some_and(|p| p != count) && !undoing.get_value() {
            message.set(None);
        }
        undoing.set_value(false);
        count
    });
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            message.set(None);
        }
        path
    });
    view! {
        <div class="undo-bar" role="status" hidden=move || !visible.get()>
            {move || last.get().map(|e| {
                let title = repo.with(|d| e.record.title(d));
                view! { <span>{e.action.label()} ": " {e.record.kind_label()} " " {title}</span> }
            })}
            <button type="button" on:click=undo>{t(Text::Undo)}</button>
            <A href="/andringar">{t(Text::AllChanges)}</A>
            <span class="undo-message">{move || message.get()}</span>
        </div>
    }
}

/// Every change in this copy, newest first, and the deleted records with
/// a way to bring each back.
#[component]
pub fn ChangesPage() -> impl IntoView {
    let repo = Repo::expect_context();
    let message = RwSignal::new(None::<String>);
    let undo = move |_| match repo.undo_last() {
        Ok(()) => message.set(Some(t(Text::LatestChangeUndone).into())),
        Err(e) => message.set(Some(e.to_string())),
    };
    let recent = move || {
        let entries: Vec<HistoryEntry> = repo
            .history()
            .with(|h| h.entries.iter().rev().take(100).cloned().collect());
        if entries.is_empty() {
            return view! { <p>{t(Text::NoChangesYet)}</p> }.into_any();
        }
        let read: Vec<_> = repo.with(|d| {
            let reader = ChangeReader::new(d);
            entries
                .iter()
                .map(|e| {
                    let fields = field_changes(&reader, &e.fields);
                    (e.record.title(d), record_href(d, &e.record), fields)
                })
                .collect()
        });
        let items = entries
            .into_iter()
            .zip(read)
            .map(|(entry, (title, href, fields))| {
                let name = format!("{} {title}", entry.record.kind_label());
                let link = match href {
                    Some(href) => view! { <A href=href>{name}</A> }.into_any(),
                    None => name.into_any(),
                };
                view! { <li class="history-entry"><p class="entry-record">{link}</p><EntryView entry fields /></li> }
            })
            .collect_view();
        view! { <ol class="changes">{items}</ol> }.into_any()
    };
    let restore_all = move |_| {
        let (count, refused) = repo.undelete_all();
        let text = if refused.is_empty() {
            tf(Text::RestoredAll, &[&count])
        } else {
            let why: Vec<String> = refused
                .iter()
                .map(|(record, error)| {
                    let title = repo.with(|d| record.title(d));
                    format!("{} {title}: {error}", record.kind_label())
                })
                .collect();
            format!(
                "{} {}",
                tf(Text::RestoredAllExcept, &[&count, &refused.len()]),
                why.join("; ")
            )
        };
        message.set(Some(text));
    };
    let any_deleted = move || repo.with(|d| d.record_metas().any(|(_, _, m)| m.deleted));
    let deleted = move || {
        repo.with(Dataset::deleted_records)
            .into_iter()
            .map(|record| {
                let title = repo.with(|d| record.title(d));
                let label = format!("{} {title}", record.kind_label());
                let bring_back = record.clone();
                let restore = move |_| match repo.undelete(&bring_back) {
                    Ok(()) => message.set(Some(t(Text::RecordRestored).into())),
                    Err(e) => message.set(Some(e.to_string())),
                };
                view! {
                    <li>{label.clone()} " "
                        <button type="button" class="secondary edit-only" aria-label=tf(Text::RestoreWhat, &[&label]) on:click=restore>{t(Text::Restore)}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <article>
            <h1>{t(Text::ChangesHeading)}</h1>
            <p>{t(Text::ChangesLead)}</p>
            <button type="button" class="edit-only" on:click=undo>{t(Text::UndoLatestChange)}</button>
            <p role="status">{move || message.get()}</p>
            <section>
                <h2>{t(Text::DeletedHeading)}</h2>
                <Show when=any_deleted fallback=|| view! { <p>{t(Text::DeletedNone)}</p> }>
                    <button type="button" class="secondary edit-only" on:click=restore_all>{t(Text::RestoreAll)}</button>
                </Show>
                <ul class="deleted-records">{deleted}</ul>
            </section>
            <section>
                <h2>{t(Text::LatestChangesHeading)}</h2>
                {recent}
            </section>
        </article>
    }
}
