use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::download::offer_file;
use crate::exchange::RecordRef;
use crate::repo::{today, ImportPreview, Repo};

/// Export this copy's data as a file, and import another copy's file with a
/// preview of what it adds, changes and conflicts with.
#[component]
pub fn ExchangePage() -> impl IntoView {
    let repo = Repo::expect_context();
    let preview = RwSignal::new(None::<ImportPreview>);
    let message = RwSignal::new(None::<(bool, String)>);
    let can_undo = RwSignal::new(repo.can_undo_import());

    let export = move |_| {
        let name = format!("samverkan-{}.json", today());
        if let Err(e) = offer_file(&name, "application/json", &repo.export_file()) {
            message.set(Some((false, format!("Filen kunde inte skapas: {e}"))));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input.and_then(|i| i.files()).and_then(|files| files.get(0)) else {
            return;
        };
        let name = file.name();
        preview.set(None);
        message.set(Some((true, format!("Läser {name} …"))));
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let Some(text) = text.ok().and_then(|t| t.as_string()) else {
                message.set(Some((false, format!("Filen {name} kunde inte läsas."))));
                return;
            };
            match repo.preview_import(&text) {
                Ok(p) => {
                    message.set(None);
                    preview.set(Some(p));
                }
                Err(e) => message.set(Some((false, format!("{name}: {e} Ingenting har ändrats.")))),
            }
        });
    };
    let apply = move |_| {
        if let Some(p) = preview.get_untracked() {
            let summary = summary_line(&p);
            repo.apply_import(p);
            preview.set(None);
            can_undo.set(true);
            message.set(Some((true, format!("Importerat: {summary}"))));
        }
    };
    let cancel = move |_| {
        preview.set(None);
        message.set(Some((
            true,
            "Importen avbröts. Ingenting har ändrats.".into(),
        )));
    };
    let undo = move |_| {
        if repo.undo_import() {
            can_undo.set(false);
            message.set(Some((true, "Den senaste importen är ångrad.".into())));
        }
    };

    view! {
        <h1>"Utbyte av data"</h1>
        <p class="lead">
            "Regionen och kommunerna har var sin kopia. Exportera din kopia som en fil och skicka den; "
            "importera andras filer så slås ändringarna ihop utan att någons ändring går förlorad."
        </p>
        {move || message.get().map(|(ok, text)| {
            let role = if ok { "status" } else { "alert" };
            let class = if ok { "ok" } else { "error" };
            view! { <p class=class role=role>{text}</p> }
        })}
        <section aria-labelledby="exportera">
            <h2 id="exportera">"Exportera"</h2>
            <button type="button" on:click=export>"Exportera all data (.json)"</button>
        </section>
        <section aria-labelledby="importera">
            <h2 id="importera">"Importera"</h2>
            <label for="importfil">"Välj en exportfil från en annan kopia"</label>
            <input id="importfil" type="file" accept=".json,application/json" on:change=on_file />
            {move || preview.get().map(|p| view! {
                <ImportSummary preview=p />
                <div class="actions">
                    <button type="button" on:click=apply>"Importera"</button>
                    <button type="button" class="secondary" on:click=cancel>"Avbryt"</button>
                </div>
            })}
            {move || can_undo.get().then(|| view! {
                <p><button type="button" class="secondary" on:click=undo>"Ångra senaste import"</button></p>
            })}
        </section>
    }
}

fn summary_line(p: &ImportPreview) -> String {
    format!(
        "{} nya, {} ändrade, {} borttagna, {} med konflikt.",
        p.report.added.len(),
        p.report.changed.len(),
        p.report.deleted.len(),
        p.report.conflicts.len()
    )
}

fn record_list(title: &'static str, records: Vec<(RecordRef, Vec<String>)>) -> impl IntoView {
    (!records.is_empty()).then(|| {
        let items = records
            .into_iter()
            .map(|(r, fields)| {
                let fields = (!fields.is_empty()).then(|| format!(": {}", fields.join(", ")));
                view! { <li>{r.kind} " " <code>{r.id}</code> {fields}</li> }
            })
            .collect_view();
        view! { <h3>{title}</h3><ul>{items}</ul> }
    })
}

/// What an import would do, before anything changes.
#[component]
fn ImportSummary(preview: ImportPreview) -> impl IntoView {
    let from = match &preview.origin.organisation {
        Some(org) => format!("{org} (kopia {})", preview.origin.copy_id),
        None => format!("kopia {}", preview.origin.copy_id),
    };
    let line = summary_line(&preview);
    let report = preview.report;
    let added = report.added.into_iter().map(|r| (r, Vec::new())).collect();
    let deleted = report
        .deleted
        .into_iter()
        .map(|r| (r, Vec::new()))
        .collect();
    view! {
        <div class="import-preview" aria-live="polite">
            <h3>"Förhandsvisning"</h3>
            <p>"Från " {from} ", exporterad " {preview.created_at} "."</p>
            <p class="computed">{line}</p>
            {record_list("Nya poster", added)}
            {record_list("Ändrade poster (fält)", report.changed)}
            {record_list("Borttagna poster", deleted)}
            {record_list("Samtidiga ändringar som blir konflikter (fält)", report.conflicts)}
        </div>
    }
}
