use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::{AgreementId, BodyId, OrganisationId, PersonId};
use crate::repo::Repo;
use crate::routes::Page;

/// A link to a body page, showing the body's name.
#[component]
pub fn BodyLink(
    /// The body linked to.
    id: BodyId,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let name = repo.snapshot(|d| d.body_name(&id));
    view! { <A href=Page::Body(id).href()>{name}</A> }
}

/// A link to a person's page, showing their name.
#[component]
pub fn PersonLink(
    /// The person linked to.
    id: PersonId,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let name = repo.snapshot(|d| d.person_name(&id));
    view! { <A href=Page::Person(id).href()>{name}</A> }
}

/// A link to an agreement, showing its title.
#[component]
pub fn AgreementLink(
    /// The agreement linked to.
    id: AgreementId,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let title = repo.snapshot(|d| {
        d.agreement(&id)
            .map(|a| a.title.clone())
            .unwrap_or_else(|| id.to_string())
    });
    view! { <A href=Page::Agreement(id).href()>{title}</A> }
}

/// An organisation's name.
#[component]
pub fn OrganisationName(
    /// The organisation shown.
    id: OrganisationId,
) -> impl IntoView {
    let repo = Repo::expect_context();
    repo.snapshot(|d| d.organisation_name(&id))
}
