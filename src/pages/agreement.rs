use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::edit::{AgreementForm, DeleteButton, RecordHistory};
use super::{use_id_param, RecordNotFound};
use crate::components::{
    Blocks, BodyLink, ConflictNotice, FactDate, OrganisationName, PersonLink, SourceList, DATA_LANG,
};
use crate::format;
use crate::i18n::{t, tf, Text};
use crate::model::*;
use crate::repo::{today, Repo};
use crate::routes::{section_anchor, Page};
use crate::rules;

/// An agreement: its facts, the computed dates, and its sections in order.
#[component]
pub fn AgreementPage() -> impl IntoView {
    let id = use_id_param();
    let repo = Repo::expect_context();
    // Only a change of the agreement rebuilds the page, so an open form
    // keeps its input when other records change.
    let agreement =
        Memo::new(move |_| repo.with(|d| d.agreement(&AgreementId::new(id.get())).cloned()));
    move || {
        match agreement.get() {
        Some(agreement) => view! { <AgreementDetails agreement /> }.into_any(),
        None => {
            view! { <RecordNotFound what=t(Text::WhatAgreement) id=id.get() back=Page::Agreements /> }
                .into_any()
        }
    }
    }
}

#[component]
fn AgreementDetails(agreement: Agreement) -> impl IntoView {
    let repo = Repo::expect_context();
    let editing = RwSignal::new(false);
    let navigate = use_navigate();
    let to_list = Callback::new(move |()| navigate(&Page::Agreements.href(), Default::default()));
    let record = agreement.reference();
    let edited = agreement.clone();
    let editor = move || {
        editing.get().then(|| {
            view! { <AgreementForm agreement=edited.clone() on_done={move |_: Option<AgreementId>| editing.set(false)} /> }
        })
    };
    let parties = agreement
        .parties
        .iter()
        .map(|p| match p {
            AgreementParty::Organisation { organisation } => {
                view! { <li><OrganisationName id=organisation.clone() /></li> }.into_any()
            }
            AgreementParty::EachMunicipalityOf { county } => {
                let name =
                    repo.snapshot(|d| d.county(county).map(|c| c.name.clone()).unwrap_or_default());
                view! { <li>{tf(Text::AgreementEachMunicipalityOf, &[&name])}</li> }.into_any()
            }
        })
        .collect_view();
    let signatories = agreement
        .signatories
        .iter()
        .map(|s| view! { <li><PersonLink id=s.person.clone() /> ", " {s.title.clone()} ", " <OrganisationName id=s.organisation.clone() /></li> })
        .collect_view();
    let toc = agreement
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let label = match &s.number {
                Some(n) => format!("{n} {}", s.title),
                None => s.title.clone(),
            };
            view! { <li class=format!("depth-{}", s.depth()) lang=DATA_LANG><a href=format!("#{}", section_anchor(i))>{label}</a></li> }
        })
        .collect_view();
    let sections = agreement
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| view! { <AgreementSection section=s.clone() anchor=section_anchor(i) /> })
        .collect_view();
    view! {
        <article class="agreement-page">
            <header class="page-header">
                <p class="kicker">{t(Text::AgreementKicker)}</p>
                <h1>{agreement.title.clone()}</h1>
                <ConflictNotice meta=agreement.meta.clone() />
                <button type="button" class="secondary edit-only" on:click=move |_| editing.set(true) hidden=move || editing.get()>{t(Text::Edit)}</button>
                <DeleteButton record=record.clone() what=t(Text::DeleteTheAgreement) on_deleted=to_list />
                {editor}
            </header>
            <section class="facts-panel" aria-labelledby="fakta">
                <h2 id="fakta">{t(Text::AgreementFacts)}</h2>
                <dl class="facts">
                    <dt>{t(Text::Parties)}</dt><dd><ul>{parties}</ul></dd>
                    <dt>{t(Text::FieldDate)}</dt><dd><FactDate fact=agreement.date.clone() /></dd>
                    {(!agreement.signatories.is_empty()).then(|| view! { <dt>{t(Text::AgreementSignedBy)}</dt><dd><ul lang=DATA_LANG>{signatories}</ul></dd> })}
                    <EntryFacts agreement=agreement.clone() />
                    {(!agreement.establishes.is_empty()).then(|| view! {
                        <dt>{t(Text::AgreementRegulatesBodies)}</dt>
                        <dd><ul>{agreement.establishes.iter().map(|id| view! { <li><BodyLink id=id.clone() /></li> }).collect_view()}</ul></dd>
                    })}
                    {(!agreement.cost_sharing.is_empty()).then(|| view! {
                        <dt>{t(Text::AgreementCostSharing)}</dt>
                        <dd><ul>{agreement.cost_sharing.iter().map(|c| view! { <li>{c.payer.clone()} ": " {c.percent} " % – " {c.item.clone()}</li> }).collect_view()}</ul></dd>
                    })}
                </dl>
            </section>
            <nav class="toc" aria-label=t(Text::AgreementContents)>
                <h2>{t(Text::AgreementContents)}</h2>
                <ol>{toc}</ol>
            </nav>
            {sections}
            <SourceList sources=agreement.meta.sources.clone() />
            <RecordHistory record />
        </article>
    }
}

/// Entry into force, validity, notice and follow-up, with the dates computed for today.
#[component]
fn EntryFacts(agreement: Agreement) -> impl IntoView {
    let today = today();
    let entry = agreement.entry_into_force.clone().map(|e| {
        view! {
            <dt>{t(Text::AgreementEntryIntoForce)}</dt>
            <dd><FactDate fact=e.date />{e.condition.map(|c| view! { <p class="source-text">{c}</p> })}</dd>
        }
    });
    let validity = match &agreement.validity {
        Validity::UntilFurtherNotice => t(Text::AgreementUntilFurtherNotice).to_owned(),
        Validity::Until { date } => tf(Text::AgreementValidUntil, &[&format::date(*date)]),
    };
    let notice = agreement.notice.clone().map(|n| {
        let end = rules::notice_end(&agreement, today)
            .map(format::date)
            .unwrap_or_default();
        let mutual = if n.mutual {
            t(Text::AgreementMutualNoticePeriod)
        } else {
            t(Text::AgreementNoticePeriod)
        };
        let computed = match &n.addressed_to {
            Some(_) => tf(Text::AgreementEndsIfHandledToday, &[&end]),
            None => tf(Text::AgreementEndsIfGivenToday, &[&end]),
        };
        view! {
            <dt>{t(Text::AgreementTermination)}</dt>
            <dd>
                {mutual} " " {format::months(n.months)} "."
                {n.addressed_to.map(|id| view! { {t(Text::AgreementAddressedTo)} <BodyLink id /> "." })}
                <p class="source-text">{n.text}</p>
                <p class="computed">{computed}</p>
                <NoticeCalculator agreement=agreement.clone() />
            </dd>
        }
    });
    let follow_up = (!agreement.follow_up.is_empty()).then(|| {
        let rules_text = agreement
            .follow_up
            .iter()
            .map(|r| match r {
                FollowUpRule::Every { text, .. } | FollowUpRule::NoLaterThan { text, .. } => {
                    view! { <p class="source-text">{text.clone()}</p> }
                }
            })
            .collect_view();
        let due = rules::follow_ups_due(&agreement, today)
            .into_iter()
            .map(|d| {
                let text = if d.overdue {
                    tf(Text::AgreementFollowUpOverdue, &[&format::date(d.date)])
                } else {
                    tf(Text::AgreementNextFollowUp, &[&format::date(d.date)])
                };
                view! { <p class="computed">{text}</p> }
            })
            .collect_view();
        view! { <dt>{t(Text::AgreementFollowUp)}</dt><dd>{rules_text}{due}</dd> }
    });
    view! {
        {entry}
        <dt>{t(Text::AgreementValidity)}</dt><dd>{validity}</dd>
        {notice}
        {follow_up}
    }
}

#[component]
fn AgreementSection(section: Section, anchor: String) -> impl IntoView {
    let heading = match &section.number {
        Some(n) => format!("{n} {}", section.title),
        None => section.title.clone(),
    };
    // The section's own sub-headings sit one level below its heading.
    let level = section.depth().min(3) as u8 + 2;
    let heading = match section.depth() {
        1 => view! { <h2>{heading}</h2> }.into_any(),
        2 => view! { <h3>{heading}</h3> }.into_any(),
        _ => view! { <h4>{heading}</h4> }.into_any(),
    };
    let bodies = (!section.bodies.is_empty()).then(|| {
        view! {
            <p class="section-bodies">{t(Text::AgreementSectionBodies)}
                {section.bodies.iter().map(|id| view! { <BodyLink id=id.clone() /> " " }).collect_view()}
            </p>
        }
    });
    view! {
        <section class="agreement-section" id=anchor lang=DATA_LANG>
            {heading}
            <Blocks blocks=section.blocks.clone() level />
            {bodies}
        </section>
    }
}

/// "If notice were given on …, the agreement would end on …" for any date.
#[component]
fn NoticeCalculator(agreement: Agreement) -> impl IntoView {
    let given = RwSignal::new(today().to_string());
    let addressed = agreement
        .notice
        .as_ref()
        .is_some_and(|n| n.addressed_to.is_some());
    let result = move || {
        let text = given.get();
        match text.parse::<chrono::NaiveDate>() {
            Ok(date) => rules::notice_end(&agreement, date)
                .map(|end| tf(Text::AgreementEndsOn, &[&format::date(end)]))
                .unwrap_or_default(),
            Err(_) => t(Text::AgreementEnterDate).to_owned(),
        }
    };
    let label = if addressed {
        t(Text::AgreementIfLetterHandled)
    } else {
        t(Text::AgreementIfNoticeGiven)
    };
    view! {
        <div class="inline-form notice-calculator">
            <label>{label}
                <input type="date" bind:value=given />
            </label>
            <p class="computed" aria-live="polite">{result}</p>
        </div>
    }
}
