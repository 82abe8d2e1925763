//! The in-page contents of a long page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, Text};

/// A list of links to the sections of the `<article>` it stands in: every
/// `section[id]` with an `<h2>` of its own, in page order. Read from the page
/// once it is drawn, so it names exactly the sections the page shows (many
/// are left out when they would be empty). Hidden while there are none.
#[component]
pub fn PageContents() -> impl IntoView {
    let entries = RwSignal::new(Vec::<(String, String)>::new());
    let nav: NodeRef<leptos::html::Nav> = NodeRef::new();
    Effect::new(move |_| {
        let Some(nav) = nav.get() else { return };
        request_animation_frame(move || entries.set(sections_around(&nav)));
    });
    let links = move || {
        entries
            .get()
            .into_iter()
            .map(|(id, heading)| view! { <li><a href=format!("#{id}")>{heading}</a></li> })
            .collect_view()
    };
    view! {
        <nav class="page-contents" aria-labelledby="sidans-innehall" node_ref=nav hidden=move || entries.with(Vec::is_empty)>
            <h2 id="sidans-innehall">{t(Text::PageContents)}</h2>
            <ul>{links}</ul>
        </nav>
    }
}

/// The (id, heading) of each section of the article around `nav`.
fn sections_around(nav: &web_sys::Element) -> Vec<(String, String)> {
    let Some(article) = nav.closest("article").ok().flatten() else {
        return Vec::new();
    };
    // `querySelectorAll` through JS: web-sys's binding needs a feature the
    // build does not otherwise use.
    let headings = js_sys::Reflect::get(&article, &"querySelectorAll".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&article, &"section[id] > h2".into()).ok())
        .map(|list| js_sys::Array::from(&list))
        .unwrap_or_default();
    headings
        .iter()
        .filter_map(|heading| heading.dyn_into::<web_sys::Element>().ok())
        .filter_map(|heading| {
            let section = heading.parent_element()?;
            let text = heading.text_content()?.trim().to_owned();
            (!text.is_empty()).then(|| (section.id(), text))
        })
        .collect()
}
