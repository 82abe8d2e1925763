//! The chosen body beside the diagram (a bottom sheet on a narrow screen):
//! mandate, composition, this year's chair, members, meetings, agreement
//! and relations, with a link to the body's page.

use chrono::Datelike;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;

use super::super::body::{appointer_text, seats_text};
use super::DiagramState;
use crate::components::{AgreementLink, NextMeeting, PersonLink};
use crate::i18n::{t, tf, Text};
use crate::model::{Body, BodyId, Dataset, MembershipRole, Office, SubstituteKind};
use crate::repo::today;
use crate::routes::Page;
use crate::rules::offices::office_holder;

/// How far one press of a "Flytta" button moves a box (diagram units).
const NUDGE: f64 = 24.0;

/// The panel; empty and hidden while no body is chosen.
#[component]
pub(super) fn SidePanel(
    /// The diagram's shared state.
    state: DiagramState,
) -> impl IntoView {
    let repo = state.repo;
    // Rebuilt only when the chosen body or its own record changes.
    let body = Memo::new(move |_| {
        let id = state.selected.get()?;
        repo.with(|d| d.body(&id).cloned())
    });
    let on_key = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            state.close_panel();
        }
    };
    view! {
        <aside
            node_ref=state.panel
            id=state.panel_dom_id()
            class="diagram-panel"
            aria-labelledby=state.panel_heading_id()
            hidden=move || body.with(Option::is_none)
            on:keydown=on_key
        >
            {move || body.get().map(|body| view! { <PanelContent body state /> })}
        </aside>
    }
}

#[component]
fn PanelContent(body: Body, state: DiagramState) -> impl IntoView {
    let repo = state.repo;
    let today = today();
    let year = today.year();
    let (chair, composition, members, meetings, agreement, relations) = repo.snapshot(|d| {
        (
            chair_lines(d, &body, today),
            composition_lines(d, &body),
            members(d, &body),
            meetings(d, &body.id),
            d.establishing_agreement(&body).map(|a| a.id.clone()),
            relations(d, &body.id),
        )
    });
    let close = move |_| state.close_panel();
    let mandate = (!body.mandate.is_empty()).then(|| {
        let items = body
            .mandate
            .iter()
            .map(|m| view! { <li>{m.clone()}</li> })
            .collect_view();
        view! { <section><h3>{t(Text::FieldMandate)}</h3><ul>{items}</ul></section> }
    });
    let composition = (!composition.is_empty()).then(|| {
        let items = composition
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect_view();
        view! { <section><h3>{t(Text::Composition)}</h3><ul>{items}</ul></section> }
    });
    let chair = {
        let items = chair
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect_view();
        view! { <section><h3>{tf(Text::DiagramChairInYear, &[&year])}</h3><ul>{items}</ul></section> }
    };
    let members = (!members.is_empty()).then(|| {
        let items = members
            .into_iter()
            .map(|(person, role)| view! { <li><PersonLink id=person /> " – " {role}</li> })
            .collect_view();
        view! { <section><h3>{t(Text::DiagramMembers)}</h3><ul>{items}</ul></section> }
    });
    let meetings = (!meetings.is_empty()).then(|| {
        let items = meetings
            .into_iter()
            .map(|(id, title)| view! { <li><A href=Page::Meeting(id).href()>{title}</A></li> })
            .collect_view();
        view! { <section><h3>{t(Text::Meetings)}</h3><ul>{items}</ul></section> }
    });
    let agreement = agreement.map(|id| {
        view! { <section><h3>{t(Text::Agreement)}</h3><p><AgreementLink id /></p></section> }
    });
    let relations = (!relations.is_empty()).then(|| {
        let items = relations
            .into_iter()
            .map(|(words, other, name)| {
                let show = move |_| state.find(other.clone());
                view! {
                    <li>
                        {words} " "
                        <button type="button" class="link-button" on:click=show>{name}</button>
                    </li>
                }
            })
            .collect_view();
        view! { <section><h3>{t(Text::DiagramRelations)}</h3><ul class="panel-relations">{items}</ul></section> }
    });
    view! {
        <header class="panel-header">
            <p class="kicker">{body.level.label()}</p>
            <button type="button" class="secondary" on:click=close>{t(Text::Close)}</button>
            <h2 id=state.panel_heading_id() tabindex="-1">{body.display_name()}</h2>
        </header>
        <p class="panel-link"><A href=Page::Body(body.id.clone()).href()>{t(Text::DiagramOpenBodyPage)}</A></p>
        <CollapseToggle id=body.id.clone() state />
        {mandate}
        {composition}
        {chair}
        {members}
        <NextMeeting body=body.id.clone() />
        {meetings}
        {agreement}
        {relations}
        <Placement id=body.id.clone() state />
    }
}

/// "Dölj underorgan (N)" / "Visa underorgan", for a body that has any.
#[component]
fn CollapseToggle(id: BodyId, state: DiagramState) -> impl IntoView {
    let toggle_id = id.clone();
    let toggle = move |_| state.toggle_collapsed(&toggle_id);
    let shown = move || {
        let collapsed = state.collapsed.with(|c| c.contains(&id));
        let count = state.graph.with(|g| sub_body_count(g, &id));
        (count > 0).then_some((collapsed, count))
    };
    move || {
        shown().map(|(collapsed, count)| {
            let text = if collapsed {
                tf(Text::DiagramShowSubBodies, &[&count])
            } else {
                tf(Text::DiagramHideSubBodies, &[&count])
            };
            view! {
                <button type="button" class="secondary" aria-pressed=if collapsed { "true" } else { "false" } on:click=toggle.clone()>
                    {text}
                </button>
            }
        })
    }
}

/// Moving a box without dragging it (a single-pointer and keyboard way).
#[component]
fn Placement(id: BodyId, state: DiagramState) -> impl IntoView {
    let nudge = move |id: BodyId, dx: f64, dy: f64| {
        move |_: ev::MouseEvent| {
            let place = state
                .layout
                .with_untracked(|l| l.node(&id).map(|n| (n.rect.x + dx, n.rect.y + dy)));
            if let Some((x, y)) = place {
                state.place(&id, x.max(0.0), y.max(0.0));
            }
        }
    };
    let manual = {
        let id = id.clone();
        move || state.layout.with(|l| l.node(&id).is_some_and(|n| n.manual))
    };
    let reset_id = id.clone();
    let reset = move |_| state.reset_positions(std::slice::from_ref(&reset_id));
    view! {
        <section class="placement edit-only">
            <h3>{t(Text::DiagramPlacementHeading)}</h3>
            <p class="hint">{t(Text::DiagramPlacementHint)}</p>
            <div class="nudge" role="group" aria-label=t(Text::DiagramMoveBox)>
                <button type="button" class="secondary" aria-label=t(Text::DiagramMoveLeft) on:click=nudge(id.clone(), -NUDGE, 0.0)>"←"</button>
                <button type="button" class="secondary" aria-label=t(Text::DiagramMoveUp) on:click=nudge(id.clone(), 0.0, -NUDGE)>"↑"</button>
                <button type="button" class="secondary" aria-label=t(Text::DiagramMoveDown) on:click=nudge(id.clone(), 0.0, NUDGE)>"↓"</button>
                <button type="button" class="secondary" aria-label=t(Text::DiagramMoveRight) on:click=nudge(id.clone(), NUDGE, 0.0)>"→"</button>
            </div>
            {move || manual().then(|| view! {
                <button type="button" class="secondary" on:click=reset.clone()>{t(Text::DiagramResetPlacement)}</button>
            })}
        </section>
    }
}

/// Bodies below `id` along sub-body relations, however deep.
fn sub_body_count(graph: &crate::diagram::Graph, id: &BodyId) -> usize {
    let mut seen = std::collections::BTreeSet::from([id]);
    let mut stack = vec![id];
    while let Some(current) = stack.pop() {
        for child in graph.sub_bodies_of(current) {
            if seen.insert(child) {
                stack.push(child);
            }
        }
    }
    seen.len() - 1
}

/// Who chairs the body on `today`: whose turn it is by the rotation (or
/// ex officio, or chosen within), and the person only when a seat of that
/// party covers the day (`rules::offices`), so the panel, Att göra and a
/// new protokoll agree.
fn chair_lines(d: &Dataset, body: &Body, today: chrono::NaiveDate) -> Vec<String> {
    let year = today.year();
    let holding = office_holder(d, body, Office::Chair, today);
    let mut lines = Vec::new();
    for rule in body
        .offices
        .iter()
        .filter(|r| r.offices.contains(&Office::Chair))
    {
        if let Some(rotation) = &rule.rotation {
            match crate::rules::rotation_holder(rotation, year) {
                Some(party) => {
                    let mut line = format!("{year}: {}", d.rotation_party_name(party));
                    if rotation.start.caveat().is_some() {
                        line.push_str(t(Text::DiagramDerivedFromRotation));
                    }
                    lines.push(line);
                    if holding.person.is_none() {
                        lines.push(tf(
                            Text::DiagramNoChairSeat,
                            &[&d.rotation_party_name(party), &year],
                        ));
                    }
                }
                None => lines.push(tf(Text::DiagramRotationStartUnknown, &[&year])),
            }
        } else if let Some(held) = &rule.held_by {
            lines.push(tf(
                Text::OfficeInBody,
                &[&held.office.label(), &d.body_name(&held.body)],
            ));
        } else if rule.chosen_within {
            lines.push(t(Text::DiagramChosenWithinGroup).into());
        } else {
            lines.push(rule.text.clone());
        }
    }
    if let Some(person) = &holding.person {
        lines.push(tf(Text::DiagramChairIs, &[&d.person_name(person)]));
    }
    if lines.is_empty() {
        lines.push(t(Text::DiagramChairUnknown).into());
    }
    lines
}

fn composition_lines(d: &Dataset, body: &Body) -> Vec<String> {
    let mut lines: Vec<String> = body
        .composition
        .iter()
        .map(|rule| {
            let who = appointer_text(d, &rule.appointed_by);
            let seats = seats_text(rule);
            let holders = rule
                .holders
                .as_ref()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            if seats.is_empty() {
                format!("{who}{holders}: {}", rule.text)
            } else {
                format!("{who}: {seats}{holders}")
            }
        })
        .collect();
    if let Some(s) = &body.substitutes {
        let kind = match s.kind {
            SubstituteKind::Personal => t(Text::PersonalSubstitutes),
            SubstituteKind::Group => t(Text::GroupSubstitutes),
        };
        lines.push(format!("{kind}: {}", s.text));
    }
    lines
}

/// The seats, each with its role; an office (chair, secretary) someone
/// else holds today by `rules::offices` is shown with the years the minutes
/// show its holder in it ("Ordförande 2021"), so the list does not name a
/// second chair.
fn members(d: &Dataset, body: &Body) -> Vec<(crate::model::PersonId, String)> {
    let today = today();
    d.memberships_in(&body.id)
        .map(|m| {
            let party = d
                .person(&m.person)
                .and_then(|p| p.party.clone())
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            let office = match m.role {
                MembershipRole::Chair => Some(Office::Chair),
                MembershipRole::ViceChair => Some(Office::ViceChair),
                MembershipRole::Secretary => Some(Office::Secretary),
                _ => None,
            };
            let mut role = m.role.label().to_owned();
            if let Some(office) = office {
                let holds =
                    office_holder(d, body, office, today).person.as_ref() == Some(&m.person);
                if !holds && m.from.is_none() && m.to.is_none() {
                    let mut years: Vec<i32> = d
                        .meetings_of(&body.id)
                        .into_iter()
                        .filter(|meeting| match office {
                            Office::Chair => meeting.chair.as_ref() == Some(&m.person),
                            Office::Secretary => meeting.secretary.as_ref() == Some(&m.person),
                            _ => false,
                        })
                        .filter_map(|meeting| meeting.date.value().map(|d| d.year()))
                        .collect();
                    years.sort_unstable();
                    years.dedup();
                    if !years.is_empty() {
                        let years: Vec<String> = years.iter().map(i32::to_string).collect();
                        role = format!("{role} {}", years.join(", "));
                    }
                }
            }
            (m.person.clone(), format!("{role}{party}"))
        })
        .collect()
}

/// The body's meetings, the coming ones first.
fn meetings(d: &Dataset, id: &BodyId) -> Vec<(crate::model::MeetingId, String)> {
    let (upcoming, past) = crate::rules::schedule::upcoming_and_past(d.meetings_of(id), today());
    upcoming
        .into_iter()
        .chain(past)
        .map(|m| (m.id.clone(), d.meeting_title(m)))
        .collect()
}

/// The body's relations in words, each with the other body.
fn relations(d: &Dataset, id: &BodyId) -> Vec<(&'static str, BodyId, String)> {
    let outgoing = d
        .relations_from(id)
        .map(|r| (r.kind.label(), r.to.clone(), d.body_name(&r.to)));
    let incoming = d
        .relations_to(id)
        .map(|r| (r.kind.inverse_label(), r.from.clone(), d.body_name(&r.from)));
    outgoing.chain(incoming).collect()
}
