//! Exchange by file: export this copy's data, import another copy's file
//! with a preview, resolve conflicts, and the log of what was exchanged.

mod conflict_value;
mod conflicts;
mod deletions;
mod export;
mod import;
mod log;
mod refused;
mod signature;
mod unknown;

use crate::i18n::{t, Text};
use crate::repo::Repo;
use leptos::prelude::*;

pub use conflicts::ConflictList;

/// The outcome of the last action, shown at the top of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub ok: bool,
    pub text: String,
}

impl Status {
    pub fn ok(text: impl Into<String>) -> Option<Status> {
        Some(Status {
            ok: true,
            text: text.into(),
        })
    }

    pub fn error(text: impl Into<String>) -> Option<Status> {
        Some(Status {
            ok: false,
            text: text.into(),
        })
    }
}

#[component]
pub fn ExchangePage() -> impl IntoView {
    let repo = Repo::expect_context();
    let status = RwSignal::new(None::<Status>);
    view! {
        <h1>{t(Text::ExchangeHeading)}</h1>
        <p class="lead">
            {t(Text::ExchangeLead)}
        </p>
        <div class="status-line" aria-live="polite">
            {move || status.get().map(|s| {
                let (class, role) = if s.ok { ("ok", "status") } else { ("error", "alert") };
                view! { <p class=class role=role>{s.text}</p> }
            })}
        </div>
        // Export and import note what they do in the exchange ledger, which is
        // read just after the app's first page.
        <Show
            when=move || repo.ledger_ready()
            fallback=|| view! { <p class="loading" role="status">{t(Text::Loading)}</p> }
        >
            <export::ExportSection status />
            <import::ImportSection status />
            <ConflictList status />
            <log::ExchangeLog />
        </Show>
    }
}
