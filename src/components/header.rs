use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::{focus_content, EditModeSwitch, LanguageSwitch, StatusLine, CONTENT_ID};
use crate::i18n::{t, Text};
use crate::pages::{filters_of, keep_search_index_current, prepare_search_index, search_href};
use crate::repo::Repo;
use crate::routes::Page;
use crate::search::Filters;

const NAV: [(Text, Page); 9] = [
    (Text::NavOverview, Page::Overview),
    (Text::NavDue, Page::Due),
    (Text::NavBodies, Page::Bodies),
    (Text::NavDiagram, Page::Diagram(None)),
    (Text::NavAgreements, Page::Agreements),
    (Text::NavMeetings, Page::Meetings),
    (Text::NavPeople, Page::People),
    (Text::NavExchange, Page::Exchange),
    (Text::NavSettings, Page::Settings),
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
            _ => t(Text::CopyOwnerUnset).into(),
        })
    };
    let navigate = use_navigate();
    let query = use_query_map();
    let location = use_location();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    // Every keystroke goes to the search page's address; on the search page
    // it replaces the entry (one history entry per search, not per letter)
    // and keeps the filters. Nothing is debounced: each address is the text
    // as typed, so the results always answer what the field shows.
    let go = move |text: String, typing: bool| {
        let on_search = location.pathname.with_untracked(|p| p == "/sok");
        if typing && !on_search && text.trim().is_empty() {
            // Clearing the field elsewhere is no search.
            return;
        }
        let filters = if on_search {
            query.with_untracked(filters_of)
        } else {
            Filters::default()
        };
        let options = NavigateOptions {
            replace: typing && on_search,
            scroll: !typing,
            ..Default::default()
        };
        navigate(&search_href(&text, &filters), options);
    };
    keep_search_index_current(repo);
    let on_focus = move |_| repo.snapshot(prepare_search_index);
    let go_typing = go.clone();
    let on_input = move |ev: leptos::ev::Event| go_typing(event_target_value(&ev), true);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = input.get().map(|i| i.value()).unwrap_or_default();
        go(text.trim().to_owned(), false);
    };
    // The field shows the address's query when the address changes by other
    // means (a link, back), but never overwrites what is being typed.
    Effect::new(move |_| {
        let current = query.with(|q| q.get("q").unwrap_or_default());
        let Some(field) = input.get() else { return };
        let focused = document().active_element().is_some_and(|e| {
            let field: &web_sys::Element = &field;
            e == *field
        });
        if !focused && field.value() != current {
            field.set_value(&current);
        }
    });
    // The router would treat the link as a navigation; the skip link only
    // moves the focus (and with it the reading position) to the content.
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_content(None);
    };
    let links = NAV
        .into_iter()
        .map(|(label, page)| view! { <li><A href=page.href()>{t(label)}</A></li> })
        .collect_view();
    view! {
        <header class="site-header">
            <a class="skip-link" href=format!("#{CONTENT_ID}") on:click=skip>{t(Text::SkipToContent)}</a>
            <div class="brand-row">
                <A href=Page::Overview.href() attr:class="brand">{t(Text::AppName)}</A>
                <form class="search-form" role="search" on:submit=on_submit>
                    <label for="sok" class="visually-hidden">{t(Text::SearchLabel)}</label>
                    <input
                        id="sok"
                        type="search"
                        name="q"
                        placeholder=t(Text::SearchFieldPlaceholder)
                        node_ref=input
                        autocomplete="off"
                        on:focus=on_focus
                        on:input=on_input
                    />
                    <button type="submit">{t(Text::SearchButton)}</button>
                </form>
                <A href=Page::Settings.href() attr:class="copy-identity">
                    <span class="visually-hidden">{t(Text::ThisCopyPrefix)}</span>
                    {copy_label}
                </A>
                <EditModeSwitch />
                <LanguageSwitch />
            </div>
            <nav aria-label=t(Text::MainNavigation)>
                <ul>{links}</ul>
            </nav>
            <StatusLine />
        </header>
    }
}
