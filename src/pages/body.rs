use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::components::A;

use super::body_rules::{BodyDue, Compliance, PlanMeeting, Reviews, RotationStartForm};
use super::edit::{
    BodyForm, BodyRulesForm, DeleteButton, MembershipForm, NewMinutes, RecordHistory, RelationForm,
};
use super::{use_id_param, RecordNotFound};
use crate::components::{
    AgreementLink, Blocks, BodyLink, CalendarExport, ConflictNotice, NextMeeting, OrganisationName,
    PageContents, PersonLink, SourceList,
};
use crate::format;
use crate::i18n::{fill, t, tf, Text};
use crate::model::*;
use crate::repo::{today, Repo};
use crate::routes::Page;
use crate::rules::rotation_holder;

/// A body: mandate, composition, offices, meeting rules, relations, members,
/// meetings and the agreement that establishes it.
#[component]
pub fn BodyPage() -> impl IntoView {
    let id = use_id_param();
    let repo = Repo::expect_context();
    // Only a change of the body itself rebuilds the page; the sections that
    // show other records (members, meetings) follow the data on their own,
    // so forms on the page keep their input and messages.
    let body = Memo::new(move |_| repo.with(|d| d.body(&BodyId::new(id.get())).cloned()));
    move || match body.get() {
        Some(body) => view! { <BodyDetails body /> }.into_any(),
        None => view! { <RecordNotFound what=t(Text::WhatBody) id=id.get() back=Page::Bodies /> }
            .into_any(),
    }
}

#[component]
fn BodyDetails(body: Body) -> impl IntoView {
    let repo = Repo::expect_context();
    let editing = RwSignal::new(false);
    let open_editor = move |_| editing.set(true);
    let (county, owner, agreement) = repo.snapshot(|d| {
        (
            d.county(&body.county)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            body.owner.as_ref().map(|o| d.organisation_name(o)),
            d.establishing_agreement(&body).map(|a| a.id.clone()),
        )
    });
    let editing_rules = RwSignal::new(false);
    let edited = body.clone();
    let editor = move || {
        editing.get().then(|| {
            view! { <BodyForm body=edited.clone() on_done=move |_| editing.set(false) /> }
        })
    };
    let rules_of = body.clone();
    let rules_editor = move || {
        editing_rules.get().then(|| {
            view! { <BodyRulesForm body=rules_of.clone() on_done=move || editing_rules.set(false) /> }
        })
    };
    let navigate = leptos_router::hooks::use_navigate();
    let to_list = Callback::new(move |()| navigate(&Page::Bodies.href(), Default::default()));
    view! {
        <article class="body-page">
            <header class="page-header">
                <p class="kicker">{county} " · " {body.level.label()}</p>
                <h1>{body.display_name()}</h1>
                <ConflictNotice meta=body.meta.clone() />
                {(!body.other_names.is_empty()).then(|| view! { <p class="aka">{tf(Text::AlsoCalled, &[&body.other_names.join(", ")])}</p> })}
                <dl class="facts">
                    {owner.map(|o| view! { <dt>{t(Text::Owner)}</dt><dd>{o}</dd> })}
                    {body.formed.clone().map(|f| view! { <dt>{t(Text::FieldFormed)}</dt><dd>{f}</dd> })}
                    {agreement.map(|id| view! { <dt>{t(Text::Agreement)}</dt><dd><AgreementLink id /></dd> })}
                </dl>
                <NextMeeting body=body.id.clone() />
                <div class="actions edit-only" hidden=move || editing.get() || editing_rules.get()>
                    <button type="button" class="secondary" on:click=open_editor>{t(Text::Edit)}</button>
                    <button type="button" class="secondary" on:click=move |_| editing_rules.set(true)>{t(Text::EditRulesHeading)}</button>
                    <DeleteButton record=body.reference() what=t(Text::DeleteTheBody) on_deleted=to_list />
                </div>
                {editor}
                {rules_editor}
            </header>
            <PageContents />
            {(!body.description.is_empty()).then(|| view! {
                <section id="beskrivning"><h2>{t(Text::Description)}</h2><Blocks blocks=body.description.clone() /></section>
            })}
            {(!body.mandate.is_empty()).then(|| view! {
                <section id="uppdrag">
                    <h2>{t(Text::FieldMandate)}</h2>
                    <ul class="mandate">{body.mandate.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                </section>
            })}
            <Composition body=body.clone() />
            <Offices body=body.clone() />
            <MeetingRules body=body.clone() />
            <Compliance body=body.clone() />
            <Reviews body=body.clone() />
            <BodyDue id=body.id.clone() />
            {(!body.working_order.is_empty()).then(|| view! {
                <section id="arbetsordning"><h2>{t(Text::SectionKindWorkingOrder)}</h2><Blocks blocks=body.working_order.clone() /></section>
            })}
            <Relations id=body.id.clone() />
            <Members id=body.id.clone() />
            <Meetings id=body.id.clone() />
            <RecordHistory record=body.reference() />
            <SourceList sources=body.meta.sources.clone() />
        </article>
    }
}

/// Who appoints the seats of a composition rule, in words.
pub(super) fn appointer_text(d: &Dataset, appointer: &SeatAppointer) -> String {
    match appointer {
        SeatAppointer::Organisation { organisation } => d.organisation_name(organisation),
        SeatAppointer::Municipalities => t(Text::AppointedByMunicipalities).into(),
        SeatAppointer::EachMunicipality => t(Text::AppointedByEachMunicipality).into(),
        SeatAppointer::EachParty => t(Text::AppointedByEachParty).into(),
        SeatAppointer::ExOfficio { body, office } => {
            tf(Text::OfficeInBody, &[&office.label(), &d.body_name(body)])
        }
    }
}

/// A composition rule's seats: "5 ordinarie + 5 ersättare", empty when the
/// source gives no numbers.
pub(super) fn seats_text(rule: &CompositionRule) -> String {
    let seats = rule.seats.map(|n| tf(Text::SeatsRegular, &[&n]));
    let substitutes = rule.substitutes.map(|n| tf(Text::SeatsSubstitutes, &[&n]));
    [seats, substitutes]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" + ")
}

#[component]
fn Composition(body: Body) -> impl IntoView {
    let repo = Repo::expect_context();
    if body.composition.is_empty() && body.substitutes.is_none() {
        return None;
    }
    let rules = body
        .composition
        .iter()
        .map(|rule| {
            let (who, only_for) = repo.snapshot(|d| {
                (
                    appointer_text(d, &rule.appointed_by),
                    rule.only_for.iter().map(|o| d.organisation_name(o)).collect::<Vec<_>>(),
                )
            });
            let numbers = seats_text(rule);
            let (drawn_before, drawn_after) = t(Text::DrawnFrom).split_once("{0}").unwrap_or_default();
            view! {
                <tr>
                    <td data-label=t(Text::ColumnAppointedBy)>{who}{(!only_for.is_empty()).then(|| format!(" ({})", only_for.join(", ")))}</td>
                    <td data-label=t(Text::ColumnSeats)>{if numbers.is_empty() { t(Text::NotStated).to_owned() } else { numbers }}
                        {rule.optional.then(|| t(Text::SeatsOptional))}</td>
                    <td data-label=t(Text::ColumnWho)>{rule.holders.clone()}
                        {rule.drawn_from.clone().map(|id| view! { " " {drawn_before} <BodyLink id /> {drawn_after} })}</td>
                    <td class="source-text" data-label=t(Text::ColumnSourceWording)>{rule.text.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let substitutes = body.substitutes.clone().map(|s| {
        let kind = match s.kind {
            SubstituteKind::Personal => t(Text::PersonalSubstitutes),
            SubstituteKind::Group => t(Text::GroupSubstitutes),
        };
        view! { <p><strong>{kind}</strong> ": " {s.text}</p> }
    });
    Some(view! {
        <section id="sammansattning">
            <h2>{t(Text::Composition)}</h2>
            {(!body.composition.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table class="stacked">
                        <thead><tr>
                            <th scope="col">{t(Text::ColumnAppointedBy)}</th>
                            <th scope="col">{t(Text::ColumnSeats)}</th>
                            <th scope="col">{t(Text::ColumnWho)}</th>
                            <th scope="col">{t(Text::ColumnSourceWording)}</th>
                        </tr></thead>
                        <tbody>{rules}</tbody>
                    </table>
                </div>
            })}
            {substitutes}
        </section>
    })
}

#[component]
fn Offices(body: Body) -> impl IntoView {
    let repo = Repo::expect_context();
    if body.offices.is_empty() {
        return None;
    }
    let year = today().year();
    let rules = body
        .offices
        .iter()
        .enumerate()
        .map(|(index, rule)| {
            let offices = rule.offices.iter().map(|o| o.label()).collect::<Vec<_>>().join(", ");
            let rotation = rule.rotation.as_ref().map(|rotation| {
                let (parties, holder, coming) = repo.snapshot(|d| {
                    (
                        rotation
                            .between
                            .iter()
                            .map(|p| (p.clone(), d.rotation_party_name(p)))
                            .collect::<Vec<_>>(),
                        rotation_holder(rotation, year).map(|p| d.rotation_party_name(p)),
                        (year + 1..=year + 3)
                            .filter_map(|y| rotation_holder(rotation, y).map(|p| format!("{y}: {}", d.rotation_party_name(p))))
                            .collect::<Vec<_>>(),
                    )
                });
                let coming = (!coming.is_empty()).then(|| view! { <p>{tf(Text::RotationThen, &[&coming.join(", ")])}</p> });
                let names = parties.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>().join(t(Text::JoinAnd));
                let period = if rotation.period_years == 1 { t(Text::RotationYearly).to_owned() } else { tf(Text::RotationEveryNYears, &[&rotation.period_years]) };
                let this_year = match holder {
                    Some(holder) => view! {
                        <strong>{year} ": " {holder} "."</strong>
                        {rotation.start.caveat().map(|reason| view! {
                            <details class="caveat"><summary>{t(Text::FactInferred)}</summary><p>{reason.to_owned()}</p></details>
                        })}
                    }
                    .into_any(),
                    None => view! {
                        <strong>{tf(Text::RotationUnknown, &[&year])}</strong>
                        {rotation.start.caveat().filter(|r| !r.is_empty()).map(|reason| view! {
                            <details class="caveat"><summary>{t(Text::FactWhy)}</summary><p>{reason.to_owned()}</p></details>
                        })}
                        <RotationStartForm body=body.id.clone() office_rule=index parties=parties.clone() />
                    }
                    .into_any(),
                };
                view! { <div class="rotation"><p>{tf(Text::RotationText, &[&period, &names])}</p>{this_year}{coming}</div> }
            });
            let held_by = rule.held_by.clone().map(|h| {
                // The body's link goes where the text has its {1}.
                let (before, after) = t(Text::HeldBy).split_once("{1}").unwrap_or_default();
                let before = fill(before, &[&h.office.label()]);
                view! { <p>{before} <BodyLink id=h.body /> {after}</p> }
            });
            view! {
                <li>
                    <strong>{offices}</strong>
                    {rule.chosen_within.then(|| t(Text::ChosenWithinGroup))}
                    <p class="source-text">{rule.text.clone()}</p>
                    {rotation}
                    {held_by}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section id="ordforande">
            <h2>{t(Text::OfficesHeading)}</h2>
            <ul class="rules">{rules}</ul>
        </section>
    })
}

#[component]
fn MeetingRules(body: Body) -> impl IntoView {
    if body.meeting_rules.is_empty() {
        return None;
    }
    // The other body's link goes where the text has its {0}.
    let (before, after) = t(Text::TogetherWith).split_once("{0}").unwrap_or_default();
    let rules = body
        .meeting_rules
        .iter()
        .map(|rule| {
            let with = rule
                .with
                .clone()
                .map(|id| view! { {before} <BodyLink id /> {after} });
            view! { <li>{rule.text.clone()}{with}</li> }
        })
        .collect_view();
    Some(view! {
        <section id="motesregler">
            <h2>{t(Text::MeetingRulesHeading)}</h2>
            <ul class="rules">{rules}</ul>
        </section>
    })
}

/// An open form in a list section: a new record, or one by its id.
#[derive(Clone, Debug, PartialEq)]
enum Editing {
    None,
    New,
    Record(String),
}

#[component]
fn Relations(id: BodyId) -> impl IntoView {
    let repo = Repo::expect_context();
    let editing = RwSignal::new(Editing::None);
    let list_id = id.clone();
    let items = move || {
        let (outgoing, incoming) = repo.with(|d| {
            (
                d.relations_from(&list_id).cloned().collect::<Vec<_>>(),
                d.relations_to(&list_id).cloned().collect::<Vec<_>>(),
            )
        });
        let row = |r: Relation, outgoing: bool| {
            let record = r.reference();
            let edit_id = r.id.to_string();
            let (label, other) = if outgoing {
                (r.kind.label(), r.to.clone())
            } else {
                (r.kind.inverse_label(), r.from.clone())
            };
            view! {
                <li>
                    {label} " " <BodyLink id=other />
                    {r.note.clone().map(|n| view! { <p class="source-text">{n}</p> })}
                    <span class="row-actions edit-only">
                        <button type="button" class="secondary" on:click=move |_| editing.set(Editing::Record(edit_id.clone()))>{t(Text::EditRow)}</button>
                        <DeleteButton record what=t(Text::DeleteTheRelation) />
                    </span>
                </li>
            }
        };
        let out = outgoing.into_iter().map(|r| row(r, true)).collect_view();
        let inc = incoming.into_iter().map(|r| row(r, false)).collect_view();
        view! { <ul class="relations">{out}{inc}</ul> }
    };
    let form_id = id.clone();
    let form = move || {
        let relation = match editing.get() {
            Editing::None => return None,
            Editing::New => None,
            Editing::Record(rid) => repo.snapshot(|d| {
                d.relations
                    .iter()
                    .find(|r| r.id.as_str() == rid && r.is_live())
                    .cloned()
            }),
        };
        Some(
            view! { <RelationForm body=form_id.clone() relation on_done=move || editing.set(Editing::None) /> },
        )
    };
    view! {
        <section id="relationer">
            <h2>{t(Text::RelationsHeading)}</h2>
            {items}
            <div class="edit-only">
                <button type="button" class="secondary" hidden=move || editing.get() != Editing::None on:click=move |_| editing.set(Editing::New)>{t(Text::AddRelation)}</button>
                {form}
            </div>
        </section>
    }
}

#[component]
fn Members(id: BodyId) -> impl IntoView {
    let repo = Repo::expect_context();
    let editing = RwSignal::new(Editing::None);
    let list_id = id.clone();
    let rows = move || {
        let seats = repo.with(|d| d.memberships_in(&list_id).cloned().collect::<Vec<_>>());
        seats
            .into_iter()
            .map(|m| {
                let party = repo.snapshot(|d| d.person(&m.person).and_then(|p| p.party.clone()));
                let period = match (m.from, m.to) {
                    (None, None) => String::new(),
                    (from, to) => format!(
                        "{}–{}",
                        from.map(format::date).unwrap_or_default(),
                        to.map(format::date).unwrap_or_default()
                    ),
                };
                let record = m.reference();
                let edit_id = m.id.to_string();
                view! {
                    <tr>
                        <th scope="row"><PersonLink id=m.person.clone() /></th>
                        <td data-label=t(Text::FieldRole)>{m.role.label()}</td>
                        <td data-label=t(Text::FieldParty)>{party}</td>
                        <td data-label=t(Text::FieldRepresenting)>{m.representing.clone().map(|id| view! { <OrganisationName id /> })}</td>
                        <td data-label=t(Text::ColumnPeriodNote)>{period} " " {m.note.clone()}</td>
                        <td class="row-actions edit-only">
                            <button type="button" class="secondary" on:click=move |_| editing.set(Editing::Record(edit_id.clone()))>{t(Text::EditRow)}</button>
                            <DeleteButton record what=t(Text::DeleteTheMembership) />
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let form_id = id.clone();
    let form = move || {
        let membership = match editing.get() {
            Editing::None => return None,
            Editing::New => None,
            Editing::Record(mid) => repo.snapshot(|d| {
                d.memberships
                    .iter()
                    .find(|m| m.id.as_str() == mid && m.is_live())
                    .cloned()
            }),
        };
        Some(
            view! { <MembershipForm body=form_id.clone() membership on_done=move || editing.set(Editing::None) /> },
        )
    };
    view! {
        <section id="ledamoter">
            <h2>{t(Text::MembersHeading)}</h2>
            <div class="table-wrap">
                <table class="stacked stacked-tablet">
                    <thead><tr>
                        <th scope="col">{t(Text::FieldName)}</th><th scope="col">{t(Text::FieldRole)}</th><th scope="col">{t(Text::FieldParty)}</th>
                        <th scope="col">{t(Text::FieldRepresenting)}</th><th scope="col">{t(Text::ColumnPeriodNote)}</th>
                        <th scope="col" class="edit-only"><span class="visually-hidden">{t(Text::EditRow)}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="edit-only">
                <button type="button" class="secondary" hidden=move || editing.get() != Editing::None on:click=move |_| editing.set(Editing::New)>{t(Text::AddMembership)}</button>
                {form}
            </div>
        </section>
    }
}

#[component]
fn Meetings(id: BodyId) -> impl IntoView {
    let repo = Repo::expect_context();
    let error = RwSignal::new(None::<String>);
    let list_id = id.clone();
    let items = move || {
        let meetings = repo.with(|d| {
            d.meetings_of(&list_id)
                .into_iter()
                .map(|m| {
                    let planned = m.minutes == MinutesState::Planned;
                    (
                        m.id.clone(),
                        d.meeting_title(m),
                        d.paragraphs_of(&m.id).len(),
                        planned,
                        m.place.clone(),
                    )
                })
                .collect::<Vec<_>>()
        });
        meetings
            .into_iter()
            .map(|(meeting, title, count, planned, place)| {
                let cancel_id = meeting.clone();
                let cancel = move |_| {
                    if let Err(e) = repo.cancel_planned_meeting(&cancel_id) {
                        error.set(Some(e.to_string()));
                    }
                };
                let state = if planned { tf(Text::MeetingPlanned, &[&place]) } else { format!("{count} §") };
                view! {
                    <li>
                        <A href=Page::Meeting(meeting).href()>{title}</A> " – " {state}
                        {planned.then(|| view! { " " <button type="button" class="secondary edit-only" on:click=cancel>{t(Text::CancelPlannedMeeting)}</button> })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section id="sammantraden">
            <h2>{t(Text::Meetings)}</h2>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <ul>{items}</ul>
            <div class="edit-only"><NewMinutes body=id.clone() /></div>
            <CalendarExport body=id.clone() />
            <div class="edit-only">
                <h3>{t(Text::PlanMeetingHeading)}</h3>
                <PlanMeeting body=id />
            </div>
        </section>
    }
}
