use leptos::prelude::*;

use crate::components::Language;
use crate::i18n::{self, t, Lang, Text};
use crate::model::{CopyIdentity, PersonId};
use crate::repo::Repo;

/// Who keeps this copy: the organisation and, optionally, the person. It is
/// recorded on every change and on every exported file.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let repo = Repo::expect_context();
    let current = repo.identity().get_untracked();
    let organisation = RwSignal::new(current.organisation.clone().unwrap_or_default());
    let person = RwSignal::new(current.person.clone().unwrap_or_default());
    let person_id = RwSignal::new(
        current
            .person_id
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
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

    // Who the person is in the register: the signer this copy signs
    // minutes as. Everyone live, by name, with their organisation.
    let mut register = repo.snapshot(|d| {
        d.live_people()
            .map(|p| {
                let label = match &p.organisation {
                    Some(org) => format!("{} ({})", p.name, d.organisation_name(org)),
                    None => p.name.clone(),
                };
                (p.id.to_string(), label)
            })
            .collect::<Vec<_>>()
    });
    register.sort_by(|a, b| a.1.cmp(&b.1));
    let register = register
        .into_iter()
        .map(|(id, label)| view! { <option value=id>{label}</option> })
        .collect_view();
    // Choosing oneself in the register gives the name too, when none is typed.
    let choose_person = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if person.with_untracked(|p| p.trim().is_empty()) && !id.is_empty() {
            let name =
                repo.snapshot(|d| d.person(&PersonId::new(id.clone())).map(|p| p.name.clone()));
            if let Some(name) = name {
                person.set(name);
            }
        }
        person_id.set(id);
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = person_id.get_untracked();
        let chosen = (!chosen.is_empty()).then(|| PersonId::new(chosen));
        match CopyIdentity::new(&organisation.get_untracked(), &person.get_untracked())
            .map(|identity| identity.with_person_id(chosen))
        {
            Ok(identity) => match repo.set_identity(identity) {
                Ok(()) => message.set(Some((true, t(Text::IdentitySaved).into()))),
                Err(e) => message.set(Some((false, e.to_string()))),
            },
            Err(e) => message.set(Some((false, e.to_string()))),
        }
    };

    // The copy's id goes in `<code>` where the text has its {0}.
    let (id_before, id_after) = t(Text::CopyId).split_once("{0}").unwrap_or_default();

    view! {
        <h1>{t(Text::NavSettings)}</h1>
        <LanguageChoice />
        <section aria-labelledby="kopian">
            <h2 id="kopian">{t(Text::ThisCopy)}</h2>
            <p>{t(Text::ThisCopyLead)}</p>
            <form class="edit-form" on:submit=save>
                <label for="organisation">{t(Text::FieldOrganisation)}</label>
                <select
                    id="organisation"
                    prop:value=move || organisation.get()
                    on:change=move |ev| organisation.set(event_target_value(&ev))
                >
                    <option value="">{t(Text::ChooseEllipsis)}</option>
                    {options}
                </select>
                <label for="person">{t(Text::FieldYourName)}</label>
                <input
                    id="person"
                    type="text"
                    autocomplete="name"
                    prop:value=move || person.get()
                    on:input=move |ev| person.set(event_target_value(&ev))
                />
                <label for="registerperson">{t(Text::FieldYouInRegister)}</label>
                <select
                    id="registerperson"
                    prop:value=move || person_id.get()
                    on:change=choose_person
                >
                    <option value="">{t(Text::NobodyChosen)}</option>
                    {register}
                </select>
                <button type="submit">{t(Text::Save)}</button>
            </form>
            {move || message.get().map(|(ok, text)| {
                let (class, role) = if ok { ("ok", "status") } else { ("error", "alert") };
                view! { <p class=class role=role>{text}</p> }
            })}
            <p class="hint">{id_before} <code>{repo.copy_id()}</code> {id_after}</p>
        </section>
        <super::settings_signing::SigningSection />
        <super::settings_storage::StorageSection />
        <super::accessibility::ContactSettings />
    }
}

/// The interface's language: one radio button per language, each named in
/// its own language. Choosing one draws the app again in it.
#[component]
fn LanguageChoice() -> impl IntoView {
    let language = Language::expect_context();
    // The app is drawn again on a change, so the choice is read once.
    let current = i18n::lang();
    let choices = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <label class="choice" lang=lang.code()>
                    <input
                        type="radio"
                        name="sprak"
                        value=lang.code()
                        prop:checked=lang == current
                        on:change=move |_| language.set(lang)
                    />
                    {lang.own_name()}
                </label>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="sprak">
            <h2 id="sprak">{t(Text::LanguageLabel)}</h2>
            <fieldset aria-labelledby="sprak" aria-describedby="sprak-hjalp">
                {choices}
            </fieldset>
            <p class="hint" id="sprak-hjalp">{t(Text::LanguageHint)}</p>
        </section>
    }
}
