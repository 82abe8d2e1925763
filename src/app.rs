//! The application shell: the store, the router, the header and the page.

use leptos::prelude::*;
use leptos_router::components::{Router, A};

use crate::components::{DataNotices, InstallHint, SiteHeader, UpdateBanner};
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
    view! {
        <Router>
            <SiteHeader />
            <DataNotices />
            <UpdateBanner />
            <InstallHint />
            <main id="innehall" tabindex="-1">
                <Show
                    when=move || repo.is_ready()
                    fallback=|| view! { <p class="loading" role="status">"Läser in data …"</p> }
                >
                    <AppRoutes />
                    <UndoBar />
                </Show>
            </main>
            <footer class="site-footer">
                <p>
                    "Samverkan – samverkansstrukturen mellan region och kommuner i Norrbotten och Västerbotten. "
                    "Datan finns i den här webbläsaren och utbyts som filer mellan organisationerna."
                </p>
                <p><A href=Page::Changes.href()>"Ändringar och borttaget"</A></p>
            </footer>
        </Router>
    }
}
