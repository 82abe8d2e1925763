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
                .map(|(kind, list)| view! { <HitGroup kind list /> })
                .collect_view()}
        }
        .into_any()
    };
    view! {
        <h1>"Sökresultat"</h1>
        {results}
    }
}

/// How many hits of a kind are drawn before "Visa alla": a one-letter
/// query on a ten-year archive finds thousands, and drawing them all is
/// what made it slow (scripts/bench.sh).
const SHOWN_PER_KIND: usize = 25;

/// The hits of one kind, the first ones drawn until the user asks for all.
#[component]
fn HitGroup(kind: HitKind, list: Vec<Hit>) -> impl IntoView {
    let total = list.len();
    let show_all = RwSignal::new(total <= SHOWN_PER_KIND);
    let list = StoredValue::new(list);
    let items = move || {
        let limit = if show_all.get() {
            usize::MAX
        } else {
            SHOWN_PER_KIND
        };
        list.with_value(|list| {
            list.iter()
                .take(limit)
                .map(|hit| {
                    let (title, excerpt) = (hit.title.clone(), hit.excerpt.clone());
                    view! {
                        <li>
                            <A href=target_href(&hit.target)>{title}</A>
                            {excerpt.map(|e| view! { <p class="excerpt">{e}</p> })}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section>
            <h2>{kind.label()} " (" {total} ")"</h2>
            <ul class="hits">{items}</ul>
            {move || (!show_all.get()).then(|| view! {
                <button type="button" class="secondary" on:click=move |_| show_all.set(true)>
                    {format!("Visa alla {total}")}
                </button>
            })}
        </section>
    }
}
