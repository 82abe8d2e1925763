//! Where this copy stands, in one line under the header: connected or not,
//! when each party last exchanged files with it, and whether what the page
//! shows is stored.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::now;
use crate::i18n::{t, tf, Text};
use crate::repo::{Repo, SaveState};
use crate::routes::Page;

/// How many parties the line names (the most recent first); the rest are
/// on the exchange page.
const PARTIES_SHOWN: usize = 3;

/// The status line: connection, last exchange per party, saving.
#[component]
pub fn StatusLine() -> impl IntoView {
    view! {
        <div class="status-bar" role="group" aria-label=t(Text::StatusLineLabel)>
            <Connection />
            <SaveStatus />
            <LastExchanges />
        </div>
    }
}

/// "Uppkopplad" or "Ej uppkopplad …", following the browser's online and
/// offline events.
#[component]
fn Connection() -> impl IntoView {
    let online = RwSignal::new(window().navigator().on_line());
    let on = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let off = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    let class = move || {
        if online.get() {
            "connection online"
        } else {
            "connection offline"
        }
    };
    let text = move || {
        if online.get() {
            t(Text::StatusOnline)
        } else {
            t(Text::StatusOffline)
        }
    };
    view! { <span class=class aria-live="polite" data-connection="">{text}</span> }
}

/// "Luleå kommun: 3 dagar sedan" for the parties exchanged with most
/// recently, or "Inget utbyte än"; a link to the exchange page.
#[component]
fn LastExchanges() -> impl IntoView {
    let repo = Repo::expect_context();
    // Days pass while the app stays open.
    let minute = RwSignal::new(0u32);
    if let Ok(handle) = set_interval_with_handle(
        move || minute.update(|m| *m = m.wrapping_add(1)),
        Duration::from_secs(60),
    ) {
        on_cleanup(move || handle.clear());
    }
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    let parties = move || {
        minute.get();
        let now = now();
        repo.ledger().with(|ledger| {
            let mut parties: Vec<_> = ledger
                .parties
                .iter()
                .map(|(id, p)| {
                    let name = p.organisation.clone().unwrap_or_else(|| id.clone());
                    (p.last_exchange.clone(), name)
                })
                .collect();
            parties.sort_by(|a, b| b.0.cmp(&a.0));
            parties
                .into_iter()
                .take(PARTIES_SHOWN)
                .map(|(at, name)| {
                    let since = crate::format::since(&at, &now, offset)
                        .unwrap_or_else(|| crate::browser::local_moment(&at));
                    tf(Text::StatusExchangeWith, &[&name, &since])
                })
                .collect::<Vec<_>>()
        })
    };
    let list = move || {
        let parties = parties();
        if parties.is_empty() {
            view! { <li>{t(Text::StatusNoExchange)}</li> }.into_any()
        } else {
            parties
                .into_iter()
                .map(|line| view! { <li>{line}</li> })
                .collect_view()
                .into_any()
        }
    };
    view! {
        <span class="exchange-status">
            <span><A href=Page::Exchange.href()>{t(Text::StatusLastExchangesLabel)}</A> ":"</span>
            <ul class="exchanges" data-last-exchanges="">{list}</ul>
        </span>
    }
}

/// Whether what the page shows is stored: "Sparat", "Sparar …" while a
/// large write (an import) is under way, "Inte sparat" after a failure
/// (the notice says why and what to do), "Sparas inte" without storage.
#[component]
fn SaveStatus() -> impl IntoView {
    let repo = Repo::expect_context();
    let state = repo.save_state();
    let class = move || match state.get() {
        SaveState::Saved => "save-status saved",
        SaveState::Saving => "save-status saving",
        SaveState::Failed | SaveState::NotKept => "save-status failed",
    };
    let text = move || match state.get() {
        SaveState::Saved => t(Text::SaveStateSaved),
        SaveState::Saving => t(Text::SaveStateSaving),
        SaveState::Failed => t(Text::SaveStateFailed),
        SaveState::NotKept => t(Text::SaveStateNotKept),
    };
    view! { <span class=class aria-live="polite" aria-atomic="true" data-save-status="">{text}</span> }
}
