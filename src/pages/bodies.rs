use leptos::prelude::*;
use leptos_router::components::A;

use super::edit::NewBody;
use crate::i18n::{t, Text};
use crate::repo::Repo;
use crate::routes::Page;

/// All bodies, by county and level.
#[component]
pub fn BodyList() -> impl IntoView {
    let repo = Repo::expect_context();
    let rows =
        move || {
            repo.with(|d| {
                let mut bodies: Vec<_> = d.live_bodies().collect();
                bodies.sort_by_key(|b| (b.county.clone(), b.level));
                bodies
                .into_iter()
                .map(|b| {
                    let county = d.county(&b.county).map(|c| c.name.clone()).unwrap_or_default();
                    let agreement = d.establishing_agreement(b).map(|a| {
                        let title = a.title.clone();
                        view! { <A href=Page::Agreement(a.id.clone()).href()>{title}</A> }
                    });
                    let name = b.display_name();
                    view! {
                        <tr>
                            <th scope="row"><A href=Page::Body(b.id.clone()).href()>{name}</A></th>
                            <td data-label=t(Text::FieldCounty)>{county}</td>
                            <td data-label=t(Text::FieldLevel)>{b.level.label()}</td>
                            <td data-label=t(Text::ColumnMandateItems)>{b.mandate.len()}</td>
                            <td data-label=t(Text::Agreement)>{agreement}</td>
                        </tr>
                    }
                })
                .collect_view()
            })
        };
    view! {
        <h1>{t(Text::NavBodies)}</h1>
        <NewBody />
        <div class="table-wrap">
            <table class="stacked">
                <caption>{t(Text::BodiesCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Text::FieldName)}</th>
                        <th scope="col">{t(Text::FieldCounty)}</th>
                        <th scope="col">{t(Text::FieldLevel)}</th>
                        <th scope="col">{t(Text::ColumnMandateItems)}</th>
                        <th scope="col">{t(Text::Agreement)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
