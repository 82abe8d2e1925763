//! Reading and editing apart. The app opens in reading mode: the record,
//! without edit, delete or add controls. One tap on the header's switch
//! ("Redigeringsläge") turns editing on for the whole app, and it stays on
//! in this browser until switched off.
//!
//! The mode is an attribute of the root element (`data-mode="read"` or
//! `"edit"`), and every edit control carries the class `edit-only`, which
//! the style sheet hides in reading mode (`display: none`: not shown, not
//! focusable, not read out). A form left open while switching to reading
//! mode is hidden, not closed, so nothing typed is lost.

use leptos::prelude::*;

use crate::browser::local_storage;
use crate::i18n::{t, Text};
use crate::storage::keys;

/// Whether editing is on, provided to the app.
#[derive(Clone, Copy)]
pub struct EditMode(RwSignal<bool>);

const EDIT: &str = "edit";
const READ: &str = "read";

impl EditMode {
    /// Reads the remembered mode (reading, when none) and provides it.
    pub fn provide() -> EditMode {
        let on = local_storage()
            .and_then(|s| s.get_item(keys::EDIT_MODE).ok().flatten())
            .is_some_and(|stored| stored == EDIT);
        apply(on);
        let mode = EditMode(RwSignal::new(on));
        provide_context(mode);
        mode
    }

    pub fn expect_context() -> EditMode {
        expect_context()
    }

    /// Whether editing is on (tracked).
    pub fn is_on(&self) -> bool {
        self.0.get()
    }

    /// Whether editing is on, for event handlers (untracked).
    pub fn is_on_untracked(&self) -> bool {
        self.0.get_untracked()
    }

    /// Turns editing on or off and remembers it in this browser (without
    /// localStorage, for as long as the page).
    pub fn set(&self, on: bool) {
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(keys::EDIT_MODE, if on { EDIT } else { READ });
        }
        apply(on);
        self.0.set(on);
    }
}

fn apply(on: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-mode", if on { EDIT } else { READ });
    }
}

/// The header's switch between reading and editing.
#[component]
pub fn EditModeSwitch() -> impl IntoView {
    let mode = EditMode::expect_context();
    view! {
        <button
            type="button"
            role="switch"
            class="mode-switch"
            aria-checked=move || if mode.is_on() { "true" } else { "false" }
            on:click=move |_| mode.set(!mode.is_on())
        >
            <span class="switch-track" aria-hidden="true"><span class="switch-knob"></span></span>
            {t(Text::EditModeLabel)}
        </button>
    }
}
