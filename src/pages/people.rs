use leptos::prelude::*;
use leptos_router::components::A;

use crate::repo::Repo;
use crate::routes::Page;

/// Everyone in the data, by organisation: who sits where.
#[component]
pub fn PeopleList() -> impl IntoView {
    let repo = Repo::expect_context();
    let groups = move || {
        repo.with(|d| {
            d.live_organisations()
                .filter_map(|org| {
                    let mut people: Vec<_> = d
                        .live_people()
                        .filter(|p| p.organisation.as_ref() == Some(&org.id))
                        .collect();
                    if people.is_empty() {
                        return None;
                    }
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
                                    <td>{p.party.clone()}</td>
                                    <td>{p.title.clone()}</td>
                                    <td>{seats}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let anchor = format!("org-{}", org.id);
                    let labelled_by = anchor.clone();
                    Some(view! {
                        <section aria-labelledby=labelled_by>
                            <h2 id=anchor>{org.name.clone()}</h2>
                            <div class="table-wrap">
                                <table>
                                    <thead><tr>
                                        <th scope="col">"Namn"</th><th scope="col">"Parti"</th>
                                        <th scope="col">"Titel"</th><th scope="col">"Uppdrag"</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        </section>
                    })
                })
                .collect_view()
        })
    };
    view! {
        <h1>"Personer"</h1>
        {groups}
    }
}
