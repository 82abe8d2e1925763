use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::edit::{DeleteButton, PersonForm, RecordHistory};
use super::{use_id_param, RecordNotFound};
use crate::components::{BodyLink, ConflictNotice, OrganisationName, SourceList, DATA_LANG};
use crate::i18n::{fill, t, tf, Text};
use crate::model::*;
use crate::repo::Repo;
use crate::routes::{paragraph_anchor, Page};

/// A person: who they are and where they sit, attend, sign and present.
#[component]
pub fn PersonPage() -> impl IntoView {
    let id = use_id_param();
    let repo = Repo::expect_context();
    // Only a change of the person rebuilds the page, so an open form keeps
    // its input when other records change.
    let person = Memo::new(move |_| repo.with(|d| d.person(&PersonId::new(id.get())).cloned()));
    move || match person.get() {
        Some(person) => view! { <PersonDetails person /> }.into_any(),
        None => view! { <RecordNotFound what=t(Text::WhatPerson) id=id.get() back=Page::People /> }
            .into_any(),
    }
}

/// One line of a person's part in a meeting.
struct Appearance {
    meeting: MeetingId,
    title: String,
    role: String,
}

fn appearances(d: &Dataset, person: &PersonId) -> Vec<Appearance> {
    let mut out = Vec::new();
    for meeting in d.meetings_attended_by(person) {
        let title = d.meeting_title(meeting);
        let role = meeting
            .decision_makers
            .iter()
            .find(|m| &m.person == person)
            .map(|m| match m.paragraphs {
                Some(range) => tf(Text::DecidingParagraphs, &[&range]),
                None => t(Text::Deciding).to_owned(),
            })
            .or_else(|| {
                meeting
                    .participants
                    .iter()
                    .find(|p| &p.person == person)
                    .map(|p| p.role.clone())
            })
            .unwrap_or_default();
        out.push(Appearance {
            meeting: meeting.id.clone(),
            title,
            role,
        });
    }
    out
}

#[component]
fn PersonDetails(person: Person) -> impl IntoView {
    let repo = Repo::expect_context();
    let editing = RwSignal::new(false);
    let navigate = use_navigate();
    let to_list = Callback::new(move |()| navigate(&Page::People.href(), Default::default()));
    let record = person.reference();
    let edited = person.clone();
    let editor = move || {
        editing.get().then(|| {
            view! { <PersonForm person=edited.clone() on_done={move |_: Option<PersonId>| editing.set(false)} /> }
        })
    };
    let (seats, meetings, presented, signed) = repo.snapshot(|d| {
        let seats = d.memberships_of(&person.id).cloned().collect::<Vec<_>>();
        let presented = d
            .live_paragraphs()
            .filter(|p| p.presenters.contains(&person.id))
            .map(|p| (p.meeting.clone(), p.number, p.title.clone()))
            .collect::<Vec<_>>();
        let signed = d
            .live_agreements()
            .filter(|a| a.signatories.iter().any(|s| s.person == person.id))
            .map(|a| (a.id.clone(), a.title.clone()))
            .collect::<Vec<_>>();
        (seats, appearances(d, &person.id), presented, signed)
    });
    // The body's link goes where the text has its {1}.
    let (seat_before, seat_after) = t(Text::OfficeInBody).split_once("{1}").unwrap_or_default();
    let seats = seats
        .into_iter()
        .map(|m| {
            let role = fill(seat_before, &[&m.role.label()]);
            view! { <li>{role} <BodyLink id=m.body /> {seat_after} {m.note.map(|n| format!(" – {n}"))}</li> }
        })
        .collect_view();
    let meetings = meetings
        .into_iter()
        .map(|a| view! { <li><A href=Page::Meeting(a.meeting).href()>{a.title}</A> " – " <span lang=DATA_LANG>{a.role}</span></li> })
        .collect_view();
    let presented = presented
        .into_iter()
        .map(|(meeting, number, title)| {
            let href = format!(
                "{}#{}",
                Page::Meeting(meeting).href(),
                paragraph_anchor(number)
            );
            view! { <li><a href=href>"§ " {number} " " {title}</a></li> }
        })
        .collect_view();
    let signed = signed
        .into_iter()
        .map(|(id, title)| view! { <li><A href=Page::Agreement(id).href()>{title}</A></li> })
        .collect_view();
    view! {
        <article class="person-page">
            <header class="page-header">
                <p class="kicker">{t(Text::FieldPerson)}</p>
                <h1>{person.name.clone()}</h1>
                <ConflictNotice meta=person.meta.clone() />
                {(!person.name_variants.is_empty()).then(|| view! { <p class="aka">{tf(Text::AlsoSpelled, &[&person.name_variants.join(", ")])}</p> })}
                <dl class="facts">
                    {person.party.clone().map(|p| view! { <dt>{t(Text::FieldParty)}</dt><dd>{p}</dd> })}
                    {person.title.clone().map(|title| view! { <dt>{t(Text::FieldJobTitle)}</dt><dd lang=DATA_LANG>{title}</dd> })}
                    {person.organisation.clone().map(|id| view! { <dt>{t(Text::FieldOrganisation)}</dt><dd><OrganisationName id /></dd> })}
                    {person.municipality.clone().map(|id| view! { <dt>{t(Text::OrganisationKindMunicipality)}</dt><dd><OrganisationName id /></dd> })}
                </dl>
                <button type="button" class="secondary edit-only" on:click=move |_| editing.set(true) hidden=move || editing.get()>{t(Text::Edit)}</button>
                <DeleteButton record=record.clone() what=t(Text::DeleteThePerson) on_deleted=to_list />
                {editor}
            </header>
            <section id="uppdrag"><h2>{t(Text::Appointments)}</h2><ul>{seats}</ul></section>
            <section id="moten"><h2>{t(Text::Meetings)}</h2><ul>{meetings}</ul></section>
            <section id="foredragningar"><h2>{t(Text::Presentations)}</h2><ul>{presented}</ul></section>
            <section id="underskrifter"><h2>{t(Text::SignedAgreements)}</h2><ul>{signed}</ul></section>
            <SourceList sources=person.meta.sources.clone() />
            <RecordHistory record />
        </article>
    }
}
