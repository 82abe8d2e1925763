use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{fill, t, Text};
use crate::routes::Page;

/// Shown for an address that matches no page.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>{t(Text::PageNotFound)}</h1>
        <p>{t(Text::PageNotFoundText)}</p>
        <p><A href=Page::Overview.href()>{t(Text::ToOverview)}</A></p>
    }
}

/// Shown when a page's record does not exist (or was deleted).
#[component]
pub fn RecordNotFound(
    /// What was looked for, e.g. `t(Text::WhatBody)`: "Organet".
    what: &'static str,
    /// The id in the address.
    id: String,
    /// Where to go instead.
    back: Page,
) -> impl IntoView {
    // The id goes in `<code>` where the text has its {1}.
    let (before, after) = t(Text::RecordNotFoundText)
        .split_once("{1}")
        .unwrap_or_default();
    let before = fill(before, &[&what]);
    view! {
        <h1>{t(Text::PageNotFound)}</h1>
        <p>{before} <code>{id}</code> {after}</p>
        <p><A href=back.href()>{t(Text::ShowAll)}</A></p>
    }
}
