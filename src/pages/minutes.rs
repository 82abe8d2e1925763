use leptos::prelude::*;

use super::edit::{
    Addenda, DeleteButton, MeetingForm, MinutesWorkflow, NewParagraph, OpenParagraph,
    PaperSignature, ParagraphForm, RecordHistory,
};
use super::{use_id_param, RecordNotFound};
use crate::components::{
    Blocks, BodyLink, ConflictNotice, FactDate, FactTime, OrganisationName, PersonLink, SourceList,
    DATA_LANG,
};
use crate::format;
use crate::i18n::{t, tf, Text};
use crate::model::*;
use crate::repo::Repo;
use crate::routes::{paragraph_anchor, Page};

/// A meeting's minutes laid out like a Swedish protokoll.
#[component]
pub fn MinutesPage() -> impl IntoView {
    let id = use_id_param();
    let repo = Repo::expect_context();
    OpenParagraph::provide();
    move || {
        let id = MeetingId::new(id.get());
        match repo.with(|d| d.meeting(&id).cloned()) {
            Some(meeting) => view! { <Minutes meeting /> }.into_any(),
            None => view! { <RecordNotFound what=t(Text::WhatMeeting) id=id.to_string() back=Page::Meetings /> }
                .into_any(),
        }
    }
}

#[component]
fn Minutes(meeting: Meeting) -> impl IntoView {
    let repo = Repo::expect_context();
    let paragraphs = repo.snapshot(|d| {
        d.paragraphs_of(&meeting.id)
            .into_iter()
            .cloned()
            .collect::<Vec<_>>()
    });
    let state = match meeting.minutes_state() {
        MinutesState::Adjusted { date } => match date.value() {
            Some(_) => {
                view! { {t(Text::MinutesAdjustedOn)} <FactDate fact=date.clone() /> }.into_any()
            }
            None => view! { {t(Text::MinutesAdjustedDateUnknown)} }.into_any(),
        },
        other => other.label().into_any(),
    };
    let locked = meeting.is_adjusted();
    // Out for justering, the text stays as the signers read it: back to
    // the draft to change it. Adjusted, only addenda change it.
    let out_for_signing = !locked && meeting.minutes == MinutesState::ForAdjustment;
    let editable = !locked && !out_for_signing;
    let paragraph_views = paragraphs
        .into_iter()
        .map(|p| view! { <ParagraphView paragraph=p editable /> })
        .collect_view();
    let editing = RwSignal::new(false);
    let edited = meeting.clone();
    let editor = move || {
        editing.get().then(
            || view! { <MeetingForm meeting=edited.clone() on_done=move || editing.set(false) /> },
        )
    };
    let navigate = leptos_router::hooks::use_navigate();
    let body_page = Page::Body(meeting.body.clone()).href();
    let to_body = Callback::new(move |()| navigate(&body_page, Default::default()));
    view! {
        <article class="protokoll">
            <header class="protokoll-header">
                <p class="kicker">{tf(Text::MinutesKicker, &[&meeting.kind.label()])}</p>
                <h1>{t(Text::MinutesHeadingPrefix)} <BodyLink id=meeting.body.clone() /></h1>
                <ConflictNotice meta=meeting.meta.clone() />
                <dl class="facts">
                    <dt>{t(Text::FieldDate)}</dt><dd><FactDate fact=meeting.date.clone() /></dd>
                    <dt>{t(Text::FieldTime)}</dt><dd><FactTime fact=meeting.start.clone() /></dd>
                    <dt>{t(Text::FieldPlace)}</dt><dd>{meeting.place.clone()}</dd>
                    <dt>{t(Text::MinutesStatusLabel)}</dt><dd>{state}</dd>
                </dl>
                {meeting.note.clone().map(|n| view! {
                    <details class="caveat"><summary>{t(Text::MinutesSourceNotes)}</summary><p>{n}</p></details>
                })}
            </header>
            {(meeting.minutes == MinutesState::Planned).then(|| view! {
                <p class="lead">{t(Text::MinutesPlannedNoMinutes)}</p>
            })}
            {editable.then(|| view! {
                <div class="actions edit-actions edit-only" hidden=move || editing.get()>
                    <button type="button" class="secondary" on:click=move |_| editing.set(true)>{t(Text::MinutesEditMeeting)}</button>
                    <DeleteButton record=meeting.reference() what=t(Text::DeleteTheMeeting) on_deleted=to_body />
                </div>
            })}
            {out_for_signing.then(|| view! { <p class="hint edit-only">{t(Text::MinutesFrozenForAdjustment)}</p> })}
            {editor}
            <MinutesWorkflow meeting=meeting.clone() />
            <Attendance meeting=meeting.clone() />
            <Signatures meeting=meeting.clone() />
            <Agenda meeting=meeting.clone() />
            <section class="paragrafer" aria-labelledby="paragrafer">
                <h2 id="paragrafer">{t(Text::MinutesParagraphs)}</h2>
                {paragraph_views}
                {editable.then(|| view! { <div class="edit-only"><NewParagraph meeting=meeting.id.clone() /></div> })}
            </section>
            <Addenda meeting=meeting.clone() />
            <RecordHistory record=meeting.reference() />
            <SourceList sources=meeting.meta.sources.clone() />
        </article>
    }
}

#[component]
fn Attendance(meeting: Meeting) -> impl IntoView {
    let mut sides: Vec<OrganisationId> = Vec::new();
    for d in &meeting.decision_makers {
        if !sides.contains(&d.representing) {
            sides.push(d.representing.clone());
        }
    }
    let groups = sides
        .into_iter()
        .map(|side| {
            let rows = meeting
                .decision_makers
                .iter()
                .filter(|d| d.representing == side)
                .map(|d| {
                    let serving = d.serving_for.as_ref().map(|p| {
                        let name = Repo::expect_context().snapshot(|data| data.person_name(p));
                        tf(Text::MinutesServingFor, &[&name])
                    });
                    let details = [d.party.clone().map(|p| format!("({p})")), d.role.clone(), serving, d.note.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ");
                    view! {
                        <li>
                            <PersonLink id=d.person.clone() /> " " <span lang=DATA_LANG>{details}</span>
                            {d.paragraphs.map(|r| view! { " " <span class="range">{r.to_string()}</span> })}
                        </li>
                    }
                })
                .collect_view();
            view! { <div class="side"><h3><OrganisationName id=side /></h3><ul>{rows}</ul></div> }
        })
        .collect_view();
    let others = meeting
        .participants
        .iter()
        .map(|p| view! { <li><PersonLink id=p.person.clone() /> ", " <span lang=DATA_LANG>{p.role.clone()}</span></li> })
        .collect_view();
    view! {
        <section class="attendance" aria-labelledby="beslutande">
            <h2 id="beslutande">{t(Text::MinutesDecisionMakers)}</h2>
            <div class="sides">{groups}</div>
            <h2>{t(Text::MinutesOtherParticipants)}</h2>
            <ul>{others}</ul>
        </section>
    }
}

/// The signature block: each line with its justering (date, on paper)
/// once given; while the minutes are out for justering, the lines still
/// unsigned say so, and in editing mode a signature given on paper can be
/// recorded on each.
#[component]
fn Signatures(meeting: Meeting) -> impl IntoView {
    let repo = Repo::expect_context();
    let signing = meeting.minutes == MinutesState::ForAdjustment;
    // Out for justering, the block as the meeting names its signers now
    // (a line the block gained since it was sent shows, unsigned).
    let lines: Vec<Signature> = if signing {
        meeting
            .signature_block()
            .into_iter()
            .map(|line| Signature {
                signed: meeting.signature_of(&line.person, line.role).cloned(),
                ..line
            })
            .collect()
    } else {
        meeting.signatures.clone()
    };
    let open = signing && !meeting.is_adjusted();
    let lines = lines
        .into_iter()
        .map(|s| {
            let status = match (&s.signed, open) {
                (Some(signed), _) => Some(signed.described()),
                (None, true) => Some(t(Text::SignatureNotYet).to_owned()),
                (None, false) => None,
            };
            let class = if s.signed.is_some() { "signature signed" } else { "signature" };
            let paper = (open && s.signed.is_none()).then(|| {
                let name = repo.snapshot(|d| d.person_name(&s.person));
                view! { " " <PaperSignature meeting=meeting.id.clone() person=s.person.clone() name /> }
            });
            view! {
                <div class=class>
                    <span class="line" aria-hidden="true"></span>
                    <PersonLink id=s.person.clone() /> " | " {s.role.label()}
                    {s.paragraphs.map(|r| view! { " " <span class="range">{r.to_string()}</span> })}
                    {status.map(|text| view! { " – " <span class="signed-status">{text}</span> })}
                    {paper}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="signatures" aria-labelledby="underskrifter">
            <h2 id="underskrifter">{t(Text::MinutesSignatures)}</h2>
            {lines}
        </section>
    }
}

#[component]
fn Agenda(meeting: Meeting) -> impl IntoView {
    let items = meeting
        .agenda
        .iter()
        .map(|item| {
            let time = match (item.start, item.end) {
                (Some(s), Some(e)) => format!("{}–{}", format::time(s), format::time(e)),
                (Some(s), None) => format::time(s),
                _ => String::new(),
            };
            let number = item.number.map(|n| format!("{n}.")).unwrap_or_default();
            let presenters = (!item.presenters.is_empty()).then(|| {
                view! { <p>{t(Text::MinutesPresentedBy)}
                    {item.presenters.iter().map(|p| view! { <PersonLink id=p.clone() /> " " }).collect_view()}
                </p> }
            });
            let documents = (!item.documents.is_empty()).then(|| {
                view! { <p>{t(Text::MinutesDocuments)} {item.documents.iter().map(|d| d.title.clone()).collect::<Vec<_>>().join("; ")}</p> }
            });
            let class = if item.number.is_some() { "agenda-item" } else { "agenda-item break" };
            view! {
                <li class=class>
                    <span class="number">{number}</span>
                    <span class="time">{time}</span>
                    <span class="title" lang=DATA_LANG>{item.title.clone()}</span>
                    {presenters}
                    {documents}
                    {(!item.notes.is_empty()).then(|| view! { <ul lang=DATA_LANG>{item.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="agenda" aria-labelledby="dagordning">
            <h2 id="dagordning">{t(Text::MinutesAgenda)}</h2>
            <ol class="agenda-list">{items}</ol>
        </section>
    }
}

#[component]
fn ParagraphView(paragraph: Paragraph, editable: bool) -> impl IntoView {
    let editing = RwSignal::new(OpenParagraph::take(paragraph.number));
    let edited = paragraph.clone();
    let editor = move || {
        editing.get().then(|| {
            view! { <ParagraphForm paragraph=edited.clone() locked=!editable on_done=move || editing.set(false) /> }
        })
    };
    let record = paragraph.reference();
    let presenters = (!paragraph.presenters.is_empty()).then(|| {
        view! { <p class="presenters">{t(Text::MinutesPresenters)}
            {paragraph.presenters.iter().map(|p| view! { <PersonLink id=p.clone() /> " " }).collect_view()}
        </p> }
    });
    let documents = (!paragraph.documents.is_empty()).then(|| {
        view! { <p class="documents">{t(Text::MinutesDocuments)} {paragraph.documents.iter().map(|d| d.title.clone()).collect::<Vec<_>>().join("; ")}</p> }
    });
    let parts = paragraph
        .parts
        .iter()
        .map(|part| {
            view! {
                <div class="part">
                    <h4 lang=DATA_LANG>{part.title.clone()}</h4>
                    <Blocks blocks=part.background.clone() level=5 />
                    <Decision proposal=part.proposal.clone() decision=part.decision.clone() />
                </div>
            }
        })
        .collect_view();
    let people_line = |label: Text, people: &[PersonId]| {
        (!people.is_empty()).then(|| {
            view! { <p class="paragraph-people">{t(label)}
                {people.iter().map(|p| view! { <PersonLink id=p.clone() /> " " }).collect_view()}
            </p> }
        })
    };
    let disqualified = people_line(Text::MinutesDisqualified, &paragraph.disqualified);
    let reservations = people_line(Text::MinutesReservations, &paragraph.reservations);
    let follow_ups = (!paragraph.follow_ups.is_empty()).then(|| {
        view! {
            <div class="follow-ups">
                <h4>{t(Text::MinutesFollowUp)}</h4>
                <ul>{paragraph.follow_ups.iter().map(|f| view! {
                    <li><span lang=DATA_LANG>{f.text.clone()}</span>{f.due.map(|d| tf(Text::MinutesNoLaterThan, &[&format::date(d)]))}</li>
                }).collect_view()}</ul>
            </div>
        }
    });
    view! {
        <article class="paragraf" id=paragraph_anchor(paragraph.number)>
            <h3><span class="paragraf-number">"§ " {paragraph.number}</span> " " <span lang=DATA_LANG>{paragraph.title.clone()}</span></h3>
            {presenters}
            {documents}
            <Blocks blocks=paragraph.background.clone() level=4 />
            {parts}
            <Decision proposal=paragraph.proposal.clone() decision=paragraph.decision.clone() />
            {disqualified}
            {reservations}
            {follow_ups}
            {editable.then(|| view! {
                <div class="actions edit-actions edit-only" hidden=move || editing.get()>
                    <button type="button" class="secondary" on:click=move |_| editing.set(true)>{tf(Text::MinutesEditParagraph, &[&paragraph.number])}</button>
                    <DeleteButton record what=t(Text::DeleteTheParagraph) />
                </div>
            })}
            {editor}
        </article>
    }
}

/// "Förslag till beslut" and "Beslut", each when present.
#[component]
fn Decision(proposal: Option<String>, decision: Option<String>) -> impl IntoView {
    view! {
        {proposal.map(|p| view! { <h4>{t(Text::FieldProposal)}</h4><p lang=DATA_LANG>{p}</p> })}
        {decision.map(|d| view! { <h4>{t(Text::FieldDecision)}</h4><p class="decision" lang=DATA_LANG>{d}</p> })}
    }
}
