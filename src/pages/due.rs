use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::format;
use crate::i18n::{t, tf, Text};
use crate::model::{CountyId, Dataset, DueNote, DueNoteState, ParagraphId};
use crate::repo::{today, Repo};
use crate::routes::{paragraph_anchor, Page};
use crate::rules::due::{due_items, DueItem, DueKind, DueSource, Urgency};

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

/// What the filters keep: empty strings keep everything.
#[derive(Clone, Debug, Default, PartialEq)]
struct Filter {
    county: String,
    body: String,
    kind: String,
}

impl Filter {
    fn keeps(&self, item: &DueItem) -> bool {
        (self.county.is_empty() || item.county.as_str() == self.county)
            && (self.body.is_empty() || item.body.as_ref().is_some_and(|b| b.as_str() == self.body))
            && (self.kind.is_empty() || item.kind.code() == self.kind)
    }
}

/// What is due, per county: what is current by urgency, earlier years
/// summarised; each item can be marked handled or dismissed.
#[component]
pub fn DuePage() -> impl IntoView {
    let repo = Repo::expect_context();
    let today = today();
    let filter = RwSignal::new(Filter::default());
    let items = Memo::new(move |_| repo.with(|d| due_items(d, today)));
    let counties = move || {
        let filter = filter.get();
        let items = items.get();
        let shown = repo.with(|d| {
            d.live_counties()
                .filter(|c| filter.county.is_empty() || c.id.as_str() == filter.county)
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        });
        shown
            .into_iter()
            .map(|(county, name)| {
                let mine: Vec<DueItem> = items
                    .iter()
                    .filter(|i| i.county == county && filter.keeps(i))
                    .cloned()
                    .collect();
                let (earlier, current): (Vec<DueItem>, Vec<DueItem>) =
                    mine.into_iter().partition(|i| i.is_earlier(today));
                let heading = format!("att-gora-{county}");
                let labelled_by = heading.clone();
                let nothing = (current.is_empty() && earlier.is_empty())
                    .then(|| view! { <p>{t(Text::DueNothingShown)}</p> });
                view! {
                    <section class="county" aria-labelledby=labelled_by>
                        <h2 id=heading>{name}</h2>
                        {nothing}
                        {urgency_groups(current, today)}
                        {earlier_years(earlier, today)}
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <h1>{t(Text::NavDue)}</h1>
        <p class="lead">
            {tf(Text::DueLead, &[&format::date(today)])}
        </p>
        <DueFilters filter />
        {counties}
    }
}

/// County, body and kind to show.
#[component]
fn DueFilters(filter: RwSignal<Filter>) -> impl IntoView {
    let repo = Repo::expect_context();
    let choices = Memo::new(move |_| {
        repo.with(|d| {
            let counties: Vec<(String, String)> = d
                .live_counties()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect();
            let bodies: Vec<(String, String, String)> = d
                .live_bodies()
                .map(|b| (b.id.to_string(), b.display_name(), b.county.to_string()))
                .collect();
            (counties, bodies)
        })
    });
    let on_county = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        filter.update(|f| {
            // A body of another county would leave nothing.
            if !value.is_empty() {
                f.body.clear();
            }
            f.county = value;
        });
    };
    let on_body = move |ev: leptos::ev::Event| filter.update(|f| f.body = event_target_value(&ev));
    let on_kind = move |ev: leptos::ev::Event| filter.update(|f| f.kind = event_target_value(&ev));
    let county_options = move || {
        let selected = filter.with(|f| f.county.clone());
        choices.with(|(counties, _)| {
            counties
                .iter()
                .map(|(id, name)| {
                    view! { <option value=id.clone() selected=*id == selected>{name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let body_options = move || {
        let (county, selected) = filter.with(|f| (f.county.clone(), f.body.clone()));
        choices.with(|(_, bodies)| {
            bodies
                .iter()
                .filter(|(_, _, of)| county.is_empty() || *of == county)
                .map(|(id, name, _)| {
                    view! { <option value=id.clone() selected=*id == selected>{name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let kind_options = move || {
        let selected = filter.with(|f| f.kind.clone());
        DueKind::ALL
            .into_iter()
            .map(|k| view! { <option value=k.code() selected=k.code() == selected>{k.label()}</option> })
            .collect_view()
    };
    view! {
        <form class="search-filters due-filters" aria-label=t(Text::DueFilters) on:submit=|ev| ev.prevent_default()>
            <label>
                {t(Text::FieldCounty)} " "
                <select id="att-gora-lan" on:change=on_county>
                    <option value="" selected=move || filter.with(|f| f.county.is_empty())>{t(Text::AllCounties)}</option>
                    {county_options}
                </select>
            </label>
            <label>
                {t(Text::Body)} " "
                <select id="att-gora-organ" on:change=on_body>
                    <option value="" selected=move || filter.with(|f| f.body.is_empty())>{t(Text::AllBodies)}</option>
                    {body_options}
                </select>
            </label>
            <label>
                {t(Text::FieldKind)} " "
                <select id="att-gora-slag" on:change=on_kind>
                    <option value="" selected=move || filter.with(|f| f.kind.is_empty())>{t(Text::DueAllKinds)}</option>
                    {kind_options}
                </select>
            </label>
        </form>
    }
}

fn urgency_groups(items: Vec<DueItem>, today: NaiveDate) -> impl IntoView {
    Urgency::ALL
        .into_iter()
        .filter_map(|urgency| {
            let group: Vec<DueItem> = items
                .iter()
                .filter(|i| i.urgency == urgency)
                .cloned()
                .collect();
            if group.is_empty() {
                return None;
            }
            let rows = group
                .into_iter()
                .map(|item| view! { <DueRow item today /> })
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

/// Obligations of years before this one: counted per year, listed only
/// when opened.
fn earlier_years(items: Vec<DueItem>, today: NaiveDate) -> Option<impl IntoView> {
    if items.is_empty() {
        return None;
    }
    let open = items.iter().filter(|i| i.urgency.is_open()).count();
    let mut years: Vec<i32> = items.iter().filter_map(|i| i.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let per_year = years
        .into_iter()
        .map(|year| {
            let of_year: Vec<DueItem> = items
                .iter()
                .filter(|i| i.year == Some(year))
                .cloned()
                .collect();
            let open = of_year.iter().filter(|i| i.urgency.is_open()).count();
            let heading = tf(Text::DueEarlierYear, &[&year, &of_year.len(), &open]);
            let rows = of_year
                .into_iter()
                .map(|item| {
                    let urgency = item.urgency.label();
                    view! { <DueRow item today urgency /> }
                })
                .collect_view();
            view! {
                <h4>{heading}</h4>
                <ul>{rows}</ul>
            }
        })
        .collect_view();
    Some(view! {
        <details class="due-group due-earlier">
            <summary>{tf(Text::DueEarlierSummary, &[&items.len(), &open])}</summary>
            {per_year}
        </details>
    })
}

/// What the row's form is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Acting {
    No,
    Handling,
    Dismissing,
}

/// The § a promise may have been dealt with in: those of the body's
/// meetings after the meeting that promised it.
fn later_paragraphs(d: &Dataset, item: &DueItem) -> Vec<(ParagraphId, String)> {
    let (DueKind::Promise, Some(body), DueSource::Paragraph { meeting, .. }) =
        (item.kind, &item.body, &item.source)
    else {
        return vec![];
    };
    let promised = d.meeting(meeting).and_then(|m| m.date.value().copied());
    let mut meetings = d.meetings_of(body);
    meetings.reverse();
    meetings
        .into_iter()
        .filter(|m| m.date.value().copied() > promised)
        .flat_map(|m| {
            let date = m.date.value().map(|d| format::date(*d)).unwrap_or_default();
            d.paragraphs_of(&m.id)
                .into_iter()
                .map(move |p| (p.id.clone(), format!("§ {} {} ({date})", p.number, p.title)))
        })
        .collect()
}

/// One obligation with what can be done about it.
#[component]
fn DueRow(
    /// The obligation.
    item: DueItem,
    /// The day the rules were computed for; a note is dated with it.
    today: NaiveDate,
    /// Shown before the title when the row is not under its urgency's heading.
    #[prop(optional)]
    urgency: Option<&'static str>,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let acting = RwSignal::new(Acting::No);
    let reason = RwSignal::new(String::new());
    let paragraph = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let paragraphs = repo.snapshot(|d| later_paragraphs(d, &item));
    let county: CountyId = item.county.clone();
    let key = item.key.clone();
    let what = item.title.clone();
    let save = {
        let (county, key) = (county.clone(), key.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let state = match acting.get_untracked() {
                Acting::No => return,
                Acting::Handling => DueNoteState::Handled,
                Acting::Dismissing => DueNoteState::Dismissed,
            };
            let chosen = paragraph.get_untracked();
            let note = DueNote {
                item: key.clone(),
                what: what.clone(),
                state,
                handled_in: (state == DueNoteState::Handled && !chosen.is_empty())
                    .then(|| ParagraphId::new(chosen.as_str())),
                reason: reason.get_untracked().trim().to_owned(),
                dated: today,
            };
            match repo.note_due(&county, note) {
                Ok(()) => acting.set(Acting::No),
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    let reopen = {
        let (county, key) = (county.clone(), key.clone());
        move |_| {
            if let Err(e) = repo.reopen_due(&county, &key) {
                error.set(Some(e.to_string()));
            }
        }
    };
    let noted = item.note.is_some();
    let open = item.urgency.is_open();
    let choose = move || {
        (acting.get() == Acting::Handling && !paragraphs.is_empty()).then(|| {
            let options = paragraphs
                .iter()
                .map(|(id, label)| view! { <option value=id.to_string()>{label.clone()}</option> })
                .collect_view();
            view! {
                <label>
                    {t(Text::DueHandledInLabel)} " "
                    <select on:change=move |ev| paragraph.set(event_target_value(&ev))>
                        <option value="">{t(Text::DueNoParagraph)}</option>
                        {options}
                    </select>
                </label>
            }
        })
    };
    let reason_label = move || {
        if acting.get() == Acting::Dismissing {
            t(Text::DueReasonLabel)
        } else {
            t(Text::DueRemarkLabel)
        }
    };
    let submit_label = move || {
        if acting.get() == Acting::Dismissing {
            t(Text::DueDismiss)
        } else {
            t(Text::DueMarkHandled)
        }
    };
    let cancel = move |_| {
        acting.set(Acting::No);
        error.set(None);
    };
    let actions = move || {
        (acting.get() == Acting::No).then(|| {
            view! {
                <div class="due-actions">
                    {open.then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| acting.set(Acting::Handling)>{t(Text::DueMarkHandled)}</button>
                        <button type="button" class="secondary" on:click=move |_| acting.set(Acting::Dismissing)>{t(Text::DueDismiss)}</button>
                    })}
                    {noted.then(|| view! {
                        <button type="button" class="secondary" on:click=reopen.clone()>{t(Text::DueReopen)}</button>
                    })}
                </div>
            }
        })
    };
    let form = move || {
        (acting.get() != Acting::No).then(|| {
            view! {
                <form class="inline-form due-note" on:submit=save.clone()>
                    {choose.clone()}
                    <label>
                        {reason_label} " "
                        <input type="text" bind:value=reason />
                    </label>
                    <button type="submit">{submit_label}</button>
                    <button type="button" class="secondary" on:click=cancel>{t(Text::Cancel)}</button>
                </form>
            }
        })
    };
    let date = item
        .date
        .map(|d| view! { <span class="due-date">{format::date(d)}</span> });
    view! {
        <li class="due-item" data-key=item.key.clone()>
            {urgency.map(|u| view! { <strong>{u} ": "</strong> })}
            <A href=source_href(&item.source)>{item.title.clone()}</A>
            <p class="due-detail">{item.detail.clone()} " " {date}</p>
            {actions}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {form}
        </li>
    }
}
