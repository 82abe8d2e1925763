use leptos::prelude::*;

use crate::model::{BodyBasics, BodyId};
use crate::repo::Repo;

/// A form for a body's name and short name. Invalid input is refused with a
/// message and stays in the form.
#[component]
pub fn EditBodyBasics(
    /// The body edited.
    id: BodyId,
    /// Called after saving or cancelling.
    on_close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let (name, short_name) = repo.snapshot(|d| {
        d.body(&id)
            .map(|b| (b.name.clone(), b.short_name.clone().unwrap_or_default()))
            .unwrap_or_default()
    });
    let name = RwSignal::new(name);
    let short_name = RwSignal::new(short_name);
    let error = RwSignal::new(None::<String>);
    let close = on_close.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let basics = BodyBasics {
            name: name.get_untracked(),
            short_name: Some(short_name.get_untracked()),
        };
        match repo.update_body_basics(&id, basics) {
            Ok(()) => close(),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let cancel = move |_| on_close();
    view! {
        <form class="edit-form" on:submit=save>
            <h2>"Redigera organ"</h2>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <label for="organ-namn">"Namn"</label>
            <input id="organ-namn" type="text" bind:value=name required=false />
            <label for="organ-kortnamn">"Kortnamn"</label>
            <input id="organ-kortnamn" type="text" bind:value=short_name />
            <div class="actions">
                <button type="submit">"Spara"</button>
                <button type="button" class="secondary" on:click=cancel>"Avbryt"</button>
            </div>
        </form>
    }
}
