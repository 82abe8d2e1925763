//! The offer of a new version, and the reload into it once the data is saved.
//!
//! pwa/register.js watches the service worker and says when a new version is
//! installed and waiting; on the user's word this component waits for the
//! write-behind of the data set to finish and then asks it to switch.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::{t, Text};
use crate::repo::{DataNotice, Repo};

/// Dispatched on `window` by pwa/register.js when a new version is waiting.
const READY_EVENT: &str = "samverkan-update-ready";
/// Set on `<html>` by pwa/register.js too, for a version found before the app listened.
const READY_ATTRIBUTE: &str = "data-update-ready";
/// Dispatched to pwa/register.js: the data is saved, switch to the new version.
const APPLY_EVENT: &str = "samverkan-apply-update";
/// How often to look whether the data has been written.
const SAVE_POLL: Duration = Duration::from_millis(50);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Offer {
    None,
    Shown,
    /// The last save failed: reloading would lose the change; asked again.
    Unsaved,
    /// The user said yes; waiting for the data to be written.
    Saving,
}

fn already_announced() -> bool {
    document()
        .document_element()
        .is_some_and(|html| html.has_attribute(READY_ATTRIBUTE))
}

fn apply_update() {
    if let Ok(event) = web_sys::Event::new(APPLY_EVENT) {
        let _ = window().dispatch_event(&event);
    }
}

/// Runs `then` once no change is being written.
fn when_saved(repo: Repo, then: impl FnOnce() + 'static) {
    if repo.has_unsaved_changes() {
        set_timeout(move || when_saved(repo, then), SAVE_POLL);
    } else {
        then();
    }
}

/// "En ny version av Samverkan finns" with "Ladda om", shown when a new build
/// has been installed in the background.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let repo = Repo::expect_context();
    let offer = RwSignal::new(if already_announced() {
        Offer::Shown
    } else {
        Offer::None
    });
    let listener = window_event_listener_untyped(READY_EVENT, move |_| {
        if offer.get_untracked() == Offer::None {
            offer.set(Offer::Shown);
        }
    });
    on_cleanup(move || listener.remove());

    let save_failed = move || {
        repo.notices()
            .with_untracked(|n| n.iter().any(|n| matches!(n, DataNotice::SaveFailed(_))))
    };
    let reload = move |_| {
        if offer.get_untracked() == Offer::Shown && save_failed() {
            offer.set(Offer::Unsaved);
            return;
        }
        offer.set(Offer::Saving);
        when_saved(repo, apply_update);
    };
    let later = move |_| offer.set(Offer::None);
    let text = move || match offer.get() {
        Offer::Unsaved => t(Text::UpdateUnsaved),
        Offer::Saving => t(Text::UpdateSaving),
        _ => t(Text::UpdateAvailable),
    };
    let label = move || match offer.get() {
        Offer::Unsaved => t(Text::UpdateReloadAnyway),
        _ => t(Text::UpdateReload),
    };

    view! {
        <Show when=move || offer.get() != Offer::None>
            <div class="update-banner" role="status">
                <p>{text}</p>
                <button type="button" on:click=reload disabled=move || offer.get() == Offer::Saving>
                    {label}
                </button>
                <button type="button" class="secondary" on:click=later>
                    {t(Text::UpdateLater)}
                </button>
            </div>
        </Show>
    }
}
