use leptos::prelude::*;
use leptos_router::components::A;

use crate::format;
use crate::i18n::{t, tf, Text};
use crate::repo::{today, Repo};
use crate::routes::{paragraph_anchor, Page};
use crate::rules::due::{due_items, DueItem, DueSource, Urgency};

/// Where a due item's record is.
pub fn source_href(source: &DueSource) -> String {
    match source {
        DueSource::Body(id) => Page::Body(id.clone()).href(),
        DueSource::Agreement(id) => Page::Agreement(id.clone()).href(),
        DueSource::Paragraph { meeting, number } => format!(
            "{}#{}",
            Page::Meeting(meeting.clone()).href(),
            paragraph_anchor(*number)
        ),
    }
}

/// What is due, per county: overdue, current, missing facts, coming, met.
#[component]
pub fn DuePage() -> impl IntoView {
    let repo = Repo::expect_context();
    let today = today();
    let counties = move || {
        repo.with(|d| {
            let items = due_items(d, today);
            d.live_counties()
                .map(|county| {
                    let mine: Vec<DueItem> = items
                        .iter()
                        .filter(|i| i.county == county.id)
                        .cloned()
                        .collect();
                    let heading = format!("att-gora-{}", county.id);
                    let labelled_by = heading.clone();
                    view! {
                        <section class="county" aria-labelledby=labelled_by>
                            <h2 id=heading>{county.name.clone()}</h2>
                            {urgency_groups(mine)}
                        </section>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h1>{t(Text::NavDue)}</h1>
        <p class="lead">
            {tf(Text::DueLead, &[&format::date(today)])}
        </p>
        {counties}
    }
}

fn urgency_groups(items: Vec<DueItem>) -> impl IntoView {
    Urgency::ALL
        .into_iter()
        .filter_map(|urgency| {
            let group: Vec<&DueItem> = items.iter().filter(|i| i.urgency == urgency).collect();
            if group.is_empty() {
                return None;
            }
            let rows = group
                .into_iter()
                .map(|item| {
                    let date = item
                        .date
                        .map(|d| view! { <span class="due-date">{format::date(d)}</span> });
                    let title = item.title.clone();
                    view! {
                        <li class="due-item">
                            <A href=source_href(&item.source)>{title}</A>
                            <p class="due-detail">{item.detail.clone()} " " {date}</p>
                        </li>
                    }
                })
                .collect_view();
            let class = format!("due-group due-{}", format!("{urgency:?}").to_lowercase());
            Some(view! {
                <div class=class>
                    <h3>{urgency.label()}</h3>
                    <ul>{rows}</ul>
                </div>
            })
        })
        .collect_view()
}
