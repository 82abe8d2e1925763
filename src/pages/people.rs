use leptos::prelude::*;
use leptos_router::components::A;

use super::edit::{DeleteButton, NewOrganisation, NewPerson, OrganisationForm, RecordHistory};
use crate::components::DATA_LANG;
use crate::i18n::{t, tf, Text};
use crate::model::*;
use crate::repo::Repo;
use crate::routes::Page;

/// People sorted by name, as a table: party, title and seats.
fn people_table(d: &Dataset, mut people: Vec<&Person>) -> AnyView {
    people.sort_by(|a, b| a.name.cmp(&b.name));
    let rows = people
        .into_iter()
        .map(|p| {
            let seats = d
                .memberships_of(&p.id)
                .map(|m| format!("{}, {}", m.role.label(), d.body_name(&m.body)))
                .collect::<Vec<_>>()
                .join("; ");
            let name = p.name.clone();
            view! {
                <tr>
                    <th scope="row"><A href=Page::Person(p.id.clone()).href()>{name}</A></th>
                    <td data-label=t(Text::FieldParty)>{p.party.clone()}</td>
                    <td lang=DATA_LANG data-label=t(Text::FieldJobTitle)>{p.title.clone()}</td>
                    <td data-label=t(Text::Appointments)>{seats}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="stacked">
                <thead><tr>
                    <th scope="col">{t(Text::FieldName)}</th><th scope="col">{t(Text::FieldParty)}</th>
                    <th scope="col">{t(Text::FieldJobTitle)}</th><th scope="col">{t(Text::Appointments)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Editing, deleting and the change history of one organisation.
#[component]
fn OrganisationTools(organisation: Organisation) -> impl IntoView {
    let editing = RwSignal::new(false);
    let record = organisation.reference();
    let label = tf(Text::EditOrganisationNamed, &[&organisation.name]);
    let editor = move || {
        editing.get().then(|| {
            view! {
                <OrganisationForm organisation=organisation.clone() on_done={move |_: Option<OrganisationId>| editing.set(false)} />
            }
        })
    };
    view! {
        <div class="record-tools">
            <button type="button" class="secondary edit-only" aria-label=label on:click=move |_| editing.set(true) hidden=move || editing.get()>
                {t(Text::OrganisationFormHeading)}
            </button>
            <DeleteButton record=record.clone() what=t(Text::DeleteTheOrganisation) />
            {editor}
            <RecordHistory record />
        </div>
    }
}

/// Everyone in the data, by organisation: who sits where. Organisations
/// without people follow, so that every organisation has its anchor here
/// and can be edited.
#[component]
pub fn PeopleList() -> impl IntoView {
    let repo = Repo::expect_context();
    let groups = move || {
        repo.with(|d| {
            let (staffed, empty): (Vec<&Organisation>, Vec<&Organisation>) =
                d.live_organisations().partition(|org| {
                    d.live_people()
                        .any(|p| p.organisation.as_ref() == Some(&org.id))
                });
            let groups = staffed
                .into_iter()
                .map(|org| {
                    let people: Vec<&Person> = d
                        .live_people()
                        .filter(|p| p.organisation.as_ref() == Some(&org.id))
                        .collect();
                    let anchor = format!("org-{}", org.id);
                    let labelled_by = anchor.clone();
                    view! {
                        <section aria-labelledby=labelled_by>
                            <h2 id=anchor>{org.name.clone()}</h2>
                            <OrganisationTools organisation=org.clone() />
                            {people_table(d, people)}
                        </section>
                    }
                })
                .collect_view();
            let unattached: Vec<&Person> = d
                .live_people()
                .filter(|p| {
                    p.organisation
                        .as_ref()
                        .is_none_or(|o| d.organisation(o).is_none())
                })
                .collect();
            let unattached = (!unattached.is_empty()).then(|| {
                view! {
                    <section aria-labelledby="org-ingen">
                        <h2 id="org-ingen">{t(Text::WithoutOrganisation)}</h2>
                        {people_table(d, unattached)}
                    </section>
                }
            });
            let empty = (!empty.is_empty()).then(|| {
                let items = empty
                    .into_iter()
                    .map(|org| {
                        view! {
                            <li id=format!("org-{}", org.id)>
                                <span class="org-name">{org.name.clone()}</span>
                                <OrganisationTools organisation=org.clone() />
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section aria-labelledby="utan-personer">
                        <h2 id="utan-personer">{t(Text::OrganisationsWithoutPeople)}</h2>
                        <ul class="organisations">{items}</ul>
                    </section>
                }
            });
            view! { {groups} {unattached} {empty} }
        })
    };
    view! {
        <h1>{t(Text::NavPeople)}</h1>
        <div class="page-actions">
            <NewPerson />
            <NewOrganisation />
        </div>
        {groups}
    }
}
