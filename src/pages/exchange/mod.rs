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

/// The outcome of the last action, shown where it was taken: at the top
/// of the page, or under the export button. One at a time, so a new
/// outcome replaces the old one wherever that stood.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub ok: bool,
    pub text: String,
    pub place: StatusPlace,
}

/// Where a [`Status`] is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusPlace {
    /// At the top of the page (import, conflicts).
    #[default]
    Top,
    /// Next to the export button.
    Export,
}

impl Status {
    pub fn ok(text: impl Into<String>) -> Option<Status> {
        Some(Status {
            ok: true,
            text: text.into(),
            place: StatusPlace::Top,
        })
    }

    pub fn error(text: impl Into<String>) -> Option<Status> {
        Some(Status {
            ok: false,
            text: text.into(),
            place: StatusPlace::Top,
        })
    }

    /// The same outcome, shown at `place`.
    pub fn at(self, place: StatusPlace) -> Status {
        Status { place, ..self }
    }
}

/// The status of `place`, if the last outcome belongs there.
#[component]
pub fn StatusAt(status: RwSignal<Option<Status>>, place: StatusPlace) -> impl IntoView {
    view! {
        <div class="status-line" aria-live="polite">
            {move || status.get().filter(|s| s.place == place).map(|s| {
                let (class, role) = if s.ok { ("ok", "status") } else { ("error", "alert") };
                view! { <p class=class role=role>{s.text}</p> }
            })}
        </div>
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
        <StatusAt status place=StatusPlace::Top />
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
