//! The application shell.
use leptos::prelude::*;

pub fn mount() {
    leptos::mount::mount_to_body(|| view! { <p>"Samverkan"</p> });
}
