//! The rule parts of a body page: this year's compliance, setting an unknown
//! rotation start, and planning meetings.

use chrono::{Datelike, NaiveDate, NaiveTime};
use leptos::prelude::*;

use super::due::source_href;
use crate::i18n::{t, tf, Text};
use crate::model::{
    agenda_from_lines, Body, BodyId, MeetingKind, PlannedMeeting, RotationParty, RotationStart,
};
use crate::repo::{today, Repo};
use crate::rules::compliance::{check_year, CheckStatus};
use crate::rules::due::{due_items, DueSource};
use leptos_router::components::A;

/// Meetings held against the body's meeting rules, this year and last.
#[component]
pub fn Compliance(
    /// The body checked.
    body: Body,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let today = today();
    let has_rules = body
        .meeting_rules
        .iter()
        .any(|r| crate::rules::compliance::required_per_year(r).is_some());
    let rows = move || {
        let checks = repo.with(|d| {
            let mut checks = check_year(d, &body, today.year(), today);
            checks.extend(check_year(d, &body, today.year() - 1, today));
            checks
        });
        checks
            .into_iter()
            .map(|c| {
                let status = match c.status {
                    CheckStatus::Met => t(Text::ComplianceMet),
                    CheckStatus::Open => t(Text::ComplianceOpen),
                    CheckStatus::Missed => t(Text::ComplianceMissed),
                };
                let planned = (c.planned > 0).then(|| tf(Text::CompliancePlanned, &[&c.planned]));
                view! {
                    <li>
                        <strong>{tf(Text::ComplianceCount, &[&c.year, &c.held, &c.required])}</strong>
                        {planned} " – " {status} ". "
                        <span class="source-text">{c.rule.text}</span>
                    </li>
                }
            })
            .collect_view()
    };
    has_rules.then(|| {
        view! {
            <section id="uppfyllelse">
                <h2>{t(Text::ComplianceHeading)}</h2>
                <p>{t(Text::ComplianceLead)}</p>
                <ul class="compliance">{rows}</ul>
            </section>
        }
    })
}

/// Asks for the year and party a rotation starts from, when the documents do not say.
#[component]
pub fn RotationStartForm(
    /// The body with the rotation.
    body: BodyId,
    /// Which of the body's office rules.
    office_rule: usize,
    /// The parties and their names, in rotation order.
    parties: Vec<(RotationParty, String)>,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let year = RwSignal::new(today().year().to_string());
    let party = RwSignal::new(0usize);
    let error = RwSignal::new(None::<String>);
    let choices = parties.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(year) = year.get_untracked().trim().parse::<i32>() else {
            error.set(Some(t(Text::StartYearInvalid).into()));
            return;
        };
        let Some((chosen, _)) = parties.get(party.get_untracked()).cloned() else {
            return;
        };
        let start = RotationStart {
            year,
            party: chosen,
        };
        if let Err(e) = repo.set_rotation_start(&body, office_rule, start) {
            error.set(Some(e.to_string()));
        }
    };
    let options = choices
        .into_iter()
        .enumerate()
        .map(|(i, (_, name))| view! { <option value=i.to_string()>{name}</option> })
        .collect_view();
    let year_id = format!("startar-{office_rule}");
    let party_id = format!("startpart-{office_rule}");
    view! {
        <form class="inline-form edit-only" on:submit=save>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <label>{t(Text::FieldStartYear)}
                <input id=year_id type="number" inputmode="numeric" min="1900" max="2200" bind:value=year />
            </label>
            <label>{t(Text::FieldPartyThatYear)}
                <select id=party_id on:change=move |ev| party.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {options}
                </select>
            </label>
            <button type="submit">{t(Text::SaveStartYear)}</button>
        </form>
    }
}

/// A form to enter a coming meeting (date, time, place, kind).
#[component]
pub fn PlanMeeting(
    /// The body that meets.
    body: BodyId,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let date = RwSignal::new(String::new());
    let time = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let kind = RwSignal::new(MeetingKind::Ordinary);
    let agenda = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let time_text = time.get_untracked();
        let start = if time_text.trim().is_empty() {
            None
        } else {
            match NaiveTime::parse_from_str(time_text.trim(), "%H:%M") {
                Ok(t) => Some(t),
                Err(_) => {
                    message.set(Some((false, t(Text::PlanTimeInvalid).into())));
                    return;
                }
            }
        };
        let planned = PlannedMeeting {
            body: body.clone(),
            date: date.get_untracked().parse::<NaiveDate>().ok(),
            start,
            place: place.get_untracked(),
            kind: kind.get_untracked(),
        };
        match repo.plan_meeting_with_agenda(planned, agenda_from_lines(&agenda.get_untracked())) {
            Ok(_) => {
                message.set(Some((true, t(Text::MeetingPlannedDone).into())));
                date.set(String::new());
                time.set(String::new());
                agenda.set(String::new());
            }
            Err(e) => message.set(Some((false, e.to_string()))),
        }
    };
    let kinds = MeetingKind::ALL;
    let on_kind = move |ev| {
        let index: usize = event_target_value(&ev).parse().unwrap_or(0);
        kind.set(kinds.get(index).copied().unwrap_or(MeetingKind::Ordinary));
    };
    let options = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| view! { <option value=i.to_string()>{k.label()}</option> })
        .collect_view();
    view! {
        <form class="inline-form plan-meeting" on:submit=save aria-label=t(Text::PlanMeetingHeading)>
            <label for="plan-datum">{t(Text::FieldDate)} <input id="plan-datum" type="date" bind:value=date /></label>
            <label for="plan-tid">{t(Text::FieldTime)} <input id="plan-tid" type="time" bind:value=time /></label>
            <label for="plan-plats">{t(Text::FieldPlace)} <input id="plan-plats" type="text" bind:value=place /></label>
            <label for="plan-slag">{t(Text::FieldKind)} <select id="plan-slag" on:change=on_kind>{options}</select></label>
            <div class="wide">
                <label for="plan-dagordning">{t(Text::FieldAgendaLines)}</label>
                <span class="hint" id="plan-dagordning-hjalp">{t(Text::HintAgendaLines)}</span>
                <textarea id="plan-dagordning" rows="4" aria-describedby="plan-dagordning-hjalp"
                    prop:value=move || agenda.get() on:input=move |ev| agenda.set(event_target_value(&ev))></textarea>
            </div>
            <button type="submit">{t(Text::Plan)}</button>
            {move || message.get().map(|(ok, text)| {
                let role = if ok { "status" } else { "alert" };
                let class = if ok { "ok" } else { "error" };
                view! { <p class=class role=role>{text}</p> }
            })}
        </form>
    }
}

/// What the body's decisions promised to come back to, and where that stands.
#[component]
pub fn BodyDue(
    /// The body.
    id: BodyId,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let today = today();
    let items = move || {
        repo.with(|d| {
            due_items(d, today)
                .into_iter()
                .filter(|item| match &item.source {
                    DueSource::Paragraph { meeting, .. } => {
                        d.meeting(meeting).is_some_and(|m| m.body == id)
                    }
                    DueSource::Body(_) | DueSource::Agreement(_) => false,
                })
                .map(|item| {
                    let title = item.title.clone();
                    view! {
                        <li>
                            <strong>{item.urgency.label()} ": "</strong>
                            <A href=source_href(&item.source)>{title}</A>
                            " – " {item.detail.clone()}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    move || {
        let items = items();
        (!items.is_empty()).then(|| {
            view! {
                <section id="aterrapportering">
                    <h2>{t(Text::BodyDueHeading)}</h2>
                    <ul class="compliance">{items}</ul>
                </section>
            }
        })
    }
}

/// The body's review rules, when each was last done, and a form to record it.
#[component]
pub fn Reviews(
    /// The body.
    body: Body,
) -> impl IntoView {
    let repo = Repo::expect_context();
    (!body.reviews.is_empty()).then(|| {
        let rules = body
            .reviews
            .iter()
            .enumerate()
            .map(|(index, rule)| {
                let id = body.id.clone();
                let date = RwSignal::new(today().to_string());
                let error = RwSignal::new(None::<String>);
                let save = move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let Ok(done) = date.get_untracked().parse::<NaiveDate>() else {
                        error.set(Some(t(Text::ReviewDateInvalid).into()));
                        return;
                    };
                    if let Err(e) = repo.record_review(&id, index, done) {
                        error.set(Some(e.to_string()));
                    }
                };
                let last = match rule.last.value() {
                    Some(d) => tf(Text::ReviewLast, &[&crate::format::date(*d)]),
                    None => t(Text::ReviewLastUnknown).to_owned(),
                };
                view! {
                    <li>
                        <span class="source-text">{rule.text.clone()}</span>
                        <p><strong>{last}</strong></p>
                        <form class="inline-form edit-only" on:submit=save>
                            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                            <label>{t(Text::FieldRevised)}
                                <input type="date" bind:value=date />
                            </label>
                            <button type="submit">{t(Text::SaveReview)}</button>
                        </form>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section id="revidering">
                <h2>{t(Text::ReviewsHeading)}</h2>
                <ul class="rules">{rules}</ul>
            </section>
        }
    })
}
