use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::Page;

/// Shown for an address that matches no page.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Sidan finns inte"</h1>
        <p>"Adressen leder inte till någon sida i Samverkan."</p>
        <p><A href=Page::Overview.href()>"Till översikten"</A></p>
    }
}

/// Shown when a page's record does not exist (or was deleted).
#[component]
pub fn RecordNotFound(
    /// What was looked for, e.g. "Organet".
    what: &'static str,
    /// The id in the address.
    id: String,
    /// Where to go instead.
    back: Page,
) -> impl IntoView {
    view! {
        <h1>"Sidan finns inte"</h1>
        <p>{what} " med id " <code>{id}</code> " finns inte i den här kopian av datan."</p>
        <p><A href=back.href()>"Visa alla"</A></p>
    }
}
