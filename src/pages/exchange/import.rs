use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::conflict_value::ConflictValueView;
use super::deletions::ImportDeletions;
use super::refused::RefusedRecords;
use super::unknown::UnknownInPreview;
use super::Status;
use crate::components::{field_changes, FieldChangeLine};
use crate::exchange::{field_label, ConflictValue, RecordRef, Scope, ShownValue};
use crate::i18n::{fill, t, tf, Text};
use crate::model::{ChangeReader, ChangeView, Dataset};
use crate::repo::{local_moment, ImportPreview, Repo};

/// How many records each list of the preview shows before "show all".
const SHOWN: usize = 50;

/// Import a file from the file picker or dropped on the page: preview, then
/// take all or some of its records; undo the last import.
#[component]
pub fn ImportSection(status: RwSignal<Option<Status>>) -> impl IntoView {
    let repo = Repo::expect_context();
    let preview = RwSignal::new(None::<ImportPreview>);
    let left_out = RwSignal::new(BTreeSet::<RecordRef>::new());
    let deletions_confirmed = RwSignal::new(false);
    let progress = RwSignal::new(None::<String>);
    let can_undo = RwSignal::new(repo.can_undo_import());
    let dragging = RwSignal::new(false);

    let read = move |file: web_sys::File| {
        let name = file.name();
        preview.set(None);
        left_out.set(BTreeSet::new());
        deletions_confirmed.set(false);
        status.set(None);
        progress.set(Some(tf(Text::ImportReading, &[&name])));
        leptos::task::spawn_local(async move {
            // The bytes, not the text: serde_json reads UTF-8 itself.
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let Some(bytes) = bytes
                .ok()
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            else {
                progress.set(None);
                status.set(Status::error(tf(Text::ImportUnreadable, &[&name])));
                return;
            };
            let result = repo
                .preview_import(&name, &bytes, |step| progress.set(Some(step.to_owned())))
                .await;
            progress.set(None);
            match result {
                Ok(p) => preview.set(Some(p)),
                Err(e) => status.set(Status::error(tf(Text::ImportFileFailed, &[&name, &e]))),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(input) = input else { return };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            read(file);
        }
        // The same file can be picked again after a cancel.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|files| files.get(0));
        match file {
            Some(file) => read(file),
            None => status.set(Status::error(t(Text::ImportNotAFile))),
        }
    };
    let apply = move |_| {
        if preview.with_untracked(|p| p.as_ref().is_some_and(|p| p.signature.awaits_acceptance())) {
            status.set(Status::error(t(Text::ImportAwaitsKey)));
            return;
        }
        // Taken out, not cloned: it holds the whole merged data set.
        let Some(p) = preview.try_update_untracked(Option::take).flatten() else {
            return;
        };
        let chosen = left_out.get_untracked();
        match repo.apply_import(p, &chosen, deletions_confirmed.get_untracked()) {
            Ok(effect) => {
                preview.set(None);
                can_undo.set(true);
                let left_out = if effect.left_out > 0 {
                    tf(Text::ImportLeftOut, &[&effect.left_out])
                } else {
                    String::new()
                };
                status.set(Status::ok(tf(
                    Text::ImportDone,
                    &[
                        &effect.added,
                        &effect.changed,
                        &effect.deleted,
                        &effect.conflicts,
                        &left_out,
                    ],
                )));
            }
            Err(e) => status.set(Status::error(tf(Text::ImportFailed, &[&e]))),
        }
    };
    // Many or weighty deletions are imported only once confirmed.
    let awaiting_confirmation = move || {
        preview.with(|p| p.as_ref().is_some_and(|p| p.deletions.needs_confirmation()))
            && !deletions_confirmed.get()
    };
    let cancel = move |_| {
        preview.set(None);
        status.set(Status::ok(t(Text::ImportCancelled)));
    };
    let undo = move |_| {
        can_undo.set(false);
        match repo.undo_import() {
            Ok(true) => status.set(Status::ok(t(Text::ImportUndone))),
            Ok(false) => status.set(Status::ok(t(Text::ImportUndoneNothing))),
            Err(e) => status.set(Status::error(tf(Text::ImportFailed, &[&e]))),
        }
    };

    view! {
        <section aria-labelledby="importera">
            <h2 id="importera">{t(Text::ImportAction)}</h2>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="importfil">{t(Text::ImportChooseFile)}</label>
                <input id="importfil" type="file" accept=".json,application/json" on:change=on_pick />
                <p class="hint">{t(Text::ImportDropHint)}</p>
            </div>
            {move || progress.get().map(|step| view! {
                <p class="progress" role="status"><span class="spinner" aria-hidden="true"></span>{step}</p>
            })}
            {move || preview.with(Option::is_some).then(|| view! {
                <Preview preview left_out deletions_confirmed />
                <div class="actions">
                    <button type="button" on:click=apply disabled=awaiting_confirmation>
                        {move || if left_out.with(BTreeSet::is_empty) {
                            t(Text::ImportAction).to_string()
                        } else {
                            tf(Text::ImportAllBut, &[&left_out.with(BTreeSet::len)])
                        }}
                    </button>
                    <button type="button" class="secondary" on:click=cancel>{t(Text::Cancel)}</button>
                </div>
            })}
            {move || can_undo.get().then(|| view! {
                <p><button type="button" class="secondary" on:click=undo>{t(Text::ImportUndo)}</button></p>
            })}
        </section>
    }
}

fn scope_text(scope: &Scope, data: &Dataset) -> String {
    match scope {
        Scope::All => t(Text::ScopeAllData).into(),
        Scope::County { county } => tf(
            Text::ScopeCounty,
            &[&data
                .county(county)
                .map_or_else(|| county.to_string(), |c| c.name.clone())],
        ),
        Scope::ChangesFor { .. } => t(Text::ScopeChanges).into(),
    }
}

/// What an import would do, before anything changes; every record can be
/// left out.
#[component]
fn Preview(
    preview: RwSignal<Option<ImportPreview>>,
    left_out: RwSignal<BTreeSet<RecordRef>>,
    deletions_confirmed: RwSignal<bool>,
) -> impl IntoView {
    preview.with_untracked(|p| {
        p.as_ref()
            .map(|p| preview_view(p, preview, left_out, deletions_confirmed))
    })
}

fn preview_view(
    preview: &ImportPreview,
    source: RwSignal<Option<ImportPreview>>,
    left_out: RwSignal<BTreeSet<RecordRef>>,
    deletions_confirmed: RwSignal<bool>,
) -> impl IntoView {
    let from = match &preview.origin.organisation {
        Some(org) => tf(Text::FromCopyOf, &[org, &preview.origin.copy_id]),
        None => tf(Text::FromCopyUnnamed, &[&preview.origin.copy_id]),
    };
    let scope = scope_text(&preview.scope, &preview.merged);
    let report = &preview.report;
    let line = tf(
        Text::PreviewCounts,
        &[
            &report.added.len(),
            &report.changed.len(),
            &preview.deletions.deleted.len(),
            &report.conflicts.len(),
        ],
    );
    // The file's name goes in bold where the text has its {0}.
    let (file_before, file_after) = t(Text::PreviewFile).split_once("{0}").unwrap_or_default();
    let moment = local_moment(&preview.created_at);
    let values: [&dyn std::fmt::Display; 4] = [&"", &from, &moment, &scope];
    let (file_before, file_after) = (fill(file_before, &values), fill(file_after, &values));
    let rows = |records: &[RecordRef]| -> Vec<Row> {
        records
            .iter()
            .map(|r| Row::new(r.clone(), Vec::new()))
            .collect()
    };
    let added = rows(&report.added);
    // The deletions the import makes: those refused are listed apart.
    let deleted = rows(&preview.deletions.deleted);
    let reader = ChangeReader::new(&preview.merged);
    let changed: Vec<Row> = report
        .changed
        .iter()
        .map(|(r, fields)| {
            let details = field_changes(&reader, fields)
                .into_iter()
                .map(|(label, change)| Detail::Change(label, change))
                .collect();
            Row::new(r.clone(), details)
        })
        .collect();
    let conflicts: Vec<Row> = report
        .conflicts
        .iter()
        .map(|(r, fields)| {
            let shown: Vec<ConflictShown> = preview
                .conflicts
                .iter()
                .filter(|c| &c.record == r)
                .map(|c| ConflictShown {
                    place: c.field_text(),
                    on_item: c.item.is_some(),
                    values: c
                        .values
                        .iter()
                        .cloned()
                        .zip(c.shown_values(&preview.merged))
                        .collect(),
                })
                .collect();
            // Fields whose values are all alike are no conflict to show.
            let fields = if shown.is_empty() {
                fields
                    .iter()
                    .map(|f| Detail::Field(field_label(f).to_owned()))
                    .collect()
            } else {
                vec![]
            };
            Row {
                conflicts: shown,
                ..Row::new(r.clone(), fields)
            }
        })
        .collect();
    let nothing = report.is_empty().then(|| {
        view! { <p>{t(Text::PreviewNothingNew)}</p> }
    });
    view! {
        <div class="import-preview">
            <h3>{t(Text::PreviewHeading)}</h3>
            <p>
                {file_before} <strong>{preview.file_name.clone()}</strong> {file_after}
            </p>
            <super::signature::SignatureNotice source />
            <p class="computed">{line}</p>
            <RefusedRecords refused=preview.refused.clone() />
            <ImportDeletions
                review=preview.deletions.clone()
                source
                confirmed=deletions_confirmed
            />
            <UnknownInPreview unknown=preview.unknown.clone() source />
            {nothing}
            <RecordRows title=t(Text::PreviewNew) rows=added source left_out />
            <RecordRows title=t(Text::PreviewChanged) rows=changed source left_out />
            <RecordRows title=t(Text::PreviewDeleted) rows=deleted source left_out />
            <RecordRows title=t(Text::PreviewConflicts) rows=conflicts source left_out />
            {(!report.conflicts.is_empty()).then(|| view! {
                <p class="hint">
                    {t(Text::PreviewConflictHint)}
                </p>
            })}
        </div>
    }
}

/// What the preview says about a record: a field in conflict by name, a
/// changed field with its values.
#[derive(Clone)]
enum Detail {
    Field(String),
    Change(String, ChangeView),
}

#[derive(Clone)]
struct Row {
    record: RecordRef,
    details: Vec<Detail>,
    /// For a record in conflict: each conflict with its values.
    conflicts: Vec<ConflictShown>,
}

/// A conflict the import would leave, as the preview shows it.
#[derive(Clone)]
struct ConflictShown {
    /// The field and item: "uppdrag, punkt 4".
    place: String,
    on_item: bool,
    values: Vec<(ConflictValue, ShownValue)>,
}

impl ConflictShown {
    fn view(&self) -> impl IntoView {
        let on_item = self.on_item;
        let values = self
            .values
            .iter()
            .enumerate()
            .map(|(index, (value, shown))| {
                view! {
                    <li>
                        <ConflictValueView
                            shown=shown.clone()
                            value=value.clone()
                            current=index == 0
                            on_item
                        />
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="conflict">
                <p>{tf(Text::PreviewConflictValues, &[&self.place])}</p>
                <ul class="values">{values}</ul>
            </div>
        }
    }
}

impl Row {
    fn new(record: RecordRef, details: Vec<Detail>) -> Row {
        Row {
            record,
            details,
            conflicts: vec![],
        }
    }

    /// Named when drawn: finding a title searches the data, and only the
    /// rows shown need one.
    fn label(&self, source: RwSignal<Option<ImportPreview>>) -> String {
        let title = source.with_untracked(|p| {
            p.as_ref()
                .map_or_else(|| self.record.id.clone(), |p| self.record.title(&p.merged))
        });
        format!("{} {title}", self.record.kind_label())
    }
}

/// A list of records in the preview, each with a box to leave it out.
#[component]
fn RecordRows(
    title: &'static str,
    rows: Vec<Row>,
    source: RwSignal<Option<ImportPreview>>,
    left_out: RwSignal<BTreeSet<RecordRef>>,
) -> impl IntoView {
    if rows.is_empty() {
        return None;
    }
    let total = rows.len();
    let show_all = RwSignal::new(total <= SHOWN);
    let rows = StoredValue::new(rows);
    let list = move || {
        let limit = if show_all.get() { usize::MAX } else { SHOWN };
        rows.with_value(|rows| {
            rows.iter()
                .take(limit)
                .map(|row| {
                    let record = row.record.clone();
                    let key = record.clone();
                    let toggle = move |_| {
                        left_out.update(|set| {
                            if !set.remove(&key) {
                                set.insert(key.clone());
                            }
                        })
                    };
                    let details = (!row.details.is_empty()).then(|| {
                        let items = row
                            .details
                            .iter()
                            .map(|d| match d.clone() {
                                Detail::Field(name) => view! { <li>{name}</li> }.into_any(),
                                Detail::Change(label, change) => {
                                    view! { <FieldChangeLine label change /> }.into_any()
                                }
                            })
                            .collect_view();
                        view! { <ul class="fields">{items}</ul> }
                    });
                    let conflicts = row.conflicts.iter().map(ConflictShown::view).collect_view();
                    view! {
                        <li>
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    prop:checked=move || !left_out.with(|s| s.contains(&record))
                                    on:change=toggle
                                />
                                {row.label(source)}
                            </label>
                            {details}
                            {conflicts}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    Some(view! {
        <h4>{format!("{title} ({total})")}</h4>
        <ul class="records">{list}</ul>
        {move || (!show_all.get()).then(|| view! {
            <button type="button" class="secondary" on:click=move |_| show_all.set(true)>
                {tf(Text::ShowAllCount, &[&total])}
            </button>
        })}
    })
}
