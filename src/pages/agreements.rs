use leptos::prelude::*;
use leptos_router::components::A;

use super::edit::NewAgreement;
use crate::components::FactDate;
use crate::i18n::{t, tf, Text};
use crate::repo::Repo;
use crate::routes::Page;

/// All agreements.
#[component]
pub fn AgreementList() -> impl IntoView {
    let repo = Repo::expect_context();
    let items = move || {
        repo.with(|d| {
            d.live_agreements()
                .map(|a| {
                    let county = d.county(&a.county).map(|c| c.name.clone()).unwrap_or_default();
                    let title = a.title.clone();
                    view! {
                        <li class="card">
                            <A href=Page::Agreement(a.id.clone()).href()>{title}</A>
                            <p class="kicker">{county} " · " <FactDate fact=a.date.clone() brief=true /> " · " {tf(Text::SectionCount, &[&a.sections.len()])}</p>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h1>{t(Text::NavAgreements)}</h1>
        <NewAgreement />
        <ul class="cards">{items}</ul>
    }
}
