use leptos::prelude::*;

use crate::model::CopyIdentity;
use crate::repo::Repo;

/// Who keeps this copy: the organisation and, optionally, the person. It is
/// recorded on every change and on every exported file.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let repo = Repo::expect_context();
    let current = repo.identity().get_untracked();
    let organisation = RwSignal::new(current.organisation.clone().unwrap_or_default());
    let person = RwSignal::new(current.person.clone().unwrap_or_default());
    let message = RwSignal::new(None::<(bool, String)>);
    let mut names = repo.snapshot(|d| {
        d.live_organisations()
            .map(|o| o.name.clone())
            .collect::<Vec<_>>()
    });
    names.sort();
    names.dedup();
    let options = names
        .into_iter()
        .map(|name| {
            let label = name.clone();
            view! { <option value=name>{label}</option> }
        })
        .collect_view();

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match CopyIdentity::new(&organisation.get_untracked(), &person.get_untracked()) {
            Ok(identity) => match repo.set_identity(identity) {
                Ok(()) => message.set(Some((
                    true,
                    "Sparat. Dina ändringar märks nu med detta.".into(),
                ))),
                Err(e) => message.set(Some((false, e.to_string()))),
            },
            Err(e) => message.set(Some((false, e.to_string()))),
        }
    };

    view! {
        <h1>"Inställningar"</h1>
        <section aria-labelledby="kopian">
            <h2 id="kopian">"Den här kopian"</h2>
            <p>
                "Regionen och varje kommun har sin egen kopia av datan. Ange vilken organisation "
                "den här kopian tillhör och gärna ditt namn: det visas i historiken och i "
                "exportfilerna så att andra ser vem som ändrat vad."
            </p>
            <form class="edit-form" on:submit=save>
                <label for="organisation">"Organisation"</label>
                <select
                    id="organisation"
                    prop:value=move || organisation.get()
                    on:change=move |ev| organisation.set(event_target_value(&ev))
                >
                    <option value="">"Välj …"</option>
                    {options}
                </select>
                <label for="person">"Ditt namn (frivilligt)"</label>
                <input
                    id="person"
                    type="text"
                    autocomplete="name"
                    prop:value=move || person.get()
                    on:input=move |ev| person.set(event_target_value(&ev))
                />
                <button type="submit">"Spara"</button>
            </form>
            {move || message.get().map(|(ok, text)| {
                let (class, role) = if ok { ("ok", "status") } else { ("error", "alert") };
                view! { <p class=class role=role>{text}</p> }
            })}
            <p class="hint">"Kopians id: " <code>{repo.copy_id()}</code></p>
        </section>
        <super::settings_storage::StorageSection />
    }
}
