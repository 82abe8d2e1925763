use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::repo::Repo;
use crate::routes::target_href;
use crate::search::{search, Hit, HitKind};

/// Search results for `?q=`, grouped by record kind.
#[component]
pub fn SearchPage() -> impl IntoView {
    let repo = Repo::expect_context();
    let query = use_query_map();
    let text = Memo::new(move |_| query.with(|q| q.get("q").unwrap_or_default()));
    let hits = Memo::new(move |_| repo.with(|d| search(d, &text.get())));
    let results = move || {
        let hits = hits.get();
        if text.get().trim().is_empty() {
            return view! { <p>"Skriv ett eller flera ord i sökfältet."</p> }.into_any();
        }
        if hits.is_empty() {
            return view! { <p role="status">"Inga träffar för ”" {text.get()} "”."</p> }
                .into_any();
        }
        let mut groups: Vec<(HitKind, Vec<Hit>)> = Vec::new();
        for hit in hits.iter().cloned() {
            match groups.last_mut() {
                Some((kind, list)) if *kind == hit.kind => list.push(hit),
                _ => groups.push((hit.kind, vec![hit])),
            }
        }
        let count = hits.len();
        view! {
            <p role="status">{count} " träffar"</p>
            {groups
                .into_iter()
                .map(|(kind, list)| view! {
                    <section>
                        <h2>{kind.label()} " (" {list.len()} ")"</h2>
                        <ul class="hits">
                            {list.into_iter().map(|hit| view! {
                                <li>
                                    <A href=target_href(&hit.target)>{hit.title}</A>
                                    {hit.excerpt.map(|e| view! { <p class="excerpt">{e}</p> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
                .collect_view()}
        }
        .into_any()
    };
    view! {
        <h1>"Sökresultat"</h1>
        {results}
    }
}
