//! The application shell: the store, the router, the header and the page.

use leptos::prelude::*;
use leptos_router::components::{Router, A};

use crate::components::{
    DataNotices, EditMode, InstallHint, Language, NavigationFocus, SiteHeader, UpdateBanner,
    CONTENT_ID,
};
use crate::i18n::{t, Text};
use crate::pages::edit::UndoBar;
use crate::repo::Repo;
use crate::routes::{AppRoutes, Page};

/// Mounts the app on the page's body.
pub fn mount() {
    // Fix "today" before the router rewrites the address.
    crate::repo::today();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let repo = Repo::provide();
    let language = Language::provide();
    EditMode::provide();
    // A change of language draws the whole interface again in it (the
    // router keeps the address; the data stays as it is).
    move || {
        language.get();
        view! {
        <Router>
            <NavigationFocus />
            <SiteHeader />
            <DataNotices />
            <UpdateBanner />
            <InstallHint />
            <main id=CONTENT_ID tabindex="-1">
                <Show
                    when=move || repo.is_ready()
                    fallback=|| view! { <p class="loading" role="status">{t(Text::Loading)}</p> }
                >
                    <AppRoutes />
                    <UndoBar />
                </Show>
            </main>
            <footer class="site-footer">
                <p>
                    {t(Text::FooterAbout)}
                </p>
                <ul class="footer-links">
                    <li><A href=Page::Changes.href()>{t(Text::FooterChanges)}</A></li>
                    <li><A href=Page::Accessibility.href()>{t(Text::FooterAccessibility)}</A></li>
                </ul>
            </footer>
        </Router>
        }
    }
}
