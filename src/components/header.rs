use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::repo::Repo;
use crate::routes::Page;

const NAV: [(&str, Page); 8] = [
    ("Översikt", Page::Overview),
    ("Att göra", Page::Due),
    ("Organ", Page::Bodies),
    ("Diagram", Page::Diagram(None)),
    ("Överenskommelser", Page::Agreements),
    ("Möten", Page::Meetings),
    ("Personer", Page::People),
    ("Utbyte", Page::Exchange),
];

/// The header on every page: the app's name, the search field and the main navigation.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let repo = Repo::expect_context();
    let identity = repo.identity();
    let copy_label = move || {
        identity.with(|i| match (&i.organisation, &i.person) {
            (Some(org), Some(person)) => format!("{org} · {person}"),
            (Some(org), None) => org.clone(),
            _ => "Ange vems kopia detta är".into(),
        })
    };
    let navigate = use_navigate();
    let query = use_query_map();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = input.get().map(|i| i.value()).unwrap_or_default();
        navigate(
            &Page::Search(text.trim().to_owned()).href(),
            Default::default(),
        );
    };
    let current_query = move || query.with(|q| q.get("q").unwrap_or_default());
    let links = NAV
        .into_iter()
        .map(|(label, page)| view! { <li><A href=page.href()>{label}</A></li> })
        .collect_view();
    view! {
        <header class="site-header">
            <a class="skip-link" href="#innehall">"Hoppa till innehållet"</a>
            <div class="brand-row">
                <A href=Page::Overview.href() attr:class="brand">"Samverkan"</A>
                <form class="search-form" role="search" on:submit=on_submit>
                    <label for="sok" class="visually-hidden">"Sök"</label>
                    <input
                        id="sok"
                        type="search"
                        name="q"
                        placeholder="Sök organ, personer, paragrafer…"
                        node_ref=input
                        prop:value=current_query
                    />
                    <button type="submit">"Sök"</button>
                </form>
                <A href=Page::Settings.href() attr:class="copy-identity">
                    <span class="visually-hidden">"Den här kopian: "</span>
                    {copy_label}
                </A>
            </div>
            <nav aria-label="Huvudmeny">
                <ul>{links}</ul>
            </nav>
        </header>
    }
}
