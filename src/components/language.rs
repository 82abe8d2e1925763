//! The interface's language: chosen with [`LanguageSwitch`], remembered in
//! this browser, and given to every view through `i18n`.

use leptos::prelude::*;

use crate::browser::local_storage;
use crate::i18n::{self, t, Lang, Text};
use crate::storage::keys;

/// The language in use, provided to the app (tracked by the shell, which
/// draws everything again when it changes).
#[derive(Clone, Copy)]
pub struct Language(RwSignal<Lang>);

impl Language {
    /// Reads the remembered language and provides it to the app.
    pub fn provide() -> Language {
        // Stored as JSON (`"en"`); without localStorage (site data blocked)
        // the default, and the choice lasts as long as the page.
        let stored: Lang = local_storage()
            .and_then(|s| s.get_item(keys::LANGUAGE).ok().flatten())
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default();
        apply(stored);
        let language = Language(RwSignal::new(stored));
        provide_context(language);
        language
    }

    pub fn expect_context() -> Language {
        expect_context()
    }

    /// The language in use (tracked).
    pub fn get(&self) -> Lang {
        self.0.get()
    }

    /// Switches the interface to `lang` and remembers it.
    pub fn set(&self, lang: Lang) {
        if let (Some(storage), Ok(raw)) = (local_storage(), serde_json::to_string(&lang)) {
            let _ = storage.set_item(keys::LANGUAGE, &raw);
        }
        apply(lang);
        self.0.set(lang);
    }
}

/// Texts and dates from now on in `lang`, and the page's `lang` attribute.
fn apply(lang: Lang) {
    i18n::set_lang(lang);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// A button to the other language, named in that language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let language = Language::expect_context();
    let other = move || match language.get() {
        Lang::Sv => Lang::En,
        Lang::En => Lang::Sv,
    };
    view! {
        <button
            type="button"
            class="language-switch"
            lang=move || other().code()
            on:click=move |_| language.set(other())
        >
            {move || {
                language.get();
                t(Text::LanguageSwitch)
            }}
        </button>
    }
}
