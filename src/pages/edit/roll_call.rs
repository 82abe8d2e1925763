//! The roll call (upprop) in the meeting form: one labelled row per seat,
//! present/absent in one tap, an ersättare serving for an absent member in
//! one tap, "kom till §" and "lämnade efter §", a new person added inline
//! and other participants picked from the parties' people. The rows are a
//! `model::RollCall`; the form turns it into the attendance per § on save.

use leptos::prelude::*;

use super::meeting_fields::ParticipantRow;
use crate::components::form::FormErrors;
use crate::i18n::{t, tf, Text};
use crate::model::*;
use crate::repo::Repo;

/// The label of a row: name (party), and what seat it is; `added` are
/// the people added inline, not yet saved.
fn row_label(data: &Dataset, added: &[Person], row: &RollCallRow) -> (String, String) {
    let name = match added.iter().find(|p| p.id == row.person) {
        Some(p) => p.name.clone(),
        None => data.person_name(&row.person),
    };
    let name = match &row.party {
        Some(p) => format!("{name} ({p})"),
        None => name,
    };
    let seat = match &row.seat {
        Seat::Ordinary { chair: true } => t(Text::RoleChair).to_lowercase(),
        Seat::Ordinary { chair: false } => String::new(),
        Seat::Substitute {
            for_person: Some(p),
        } => tf(Text::RollCallSubstituteFor, &[&data.person_name(p)]),
        Seat::Substitute { for_person: None } => t(Text::RollCallSubstitute).to_owned(),
        Seat::Other => String::new(),
    };
    let side = row
        .representing
        .as_ref()
        .and_then(|o| data.organisation(o))
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let detail = [seat, side]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    (name, detail)
}

/// A choice of § for "kom till §" / "lämnade efter §".
fn paragraph_select(
    call: RwSignal<RollCall>,
    person: PersonId,
    id: String,
    label: String,
    arrived: bool,
) -> impl IntoView {
    let numbers = call.with_untracked(|c| c.numbers.clone());
    let none = if arrived {
        t(Text::RollCallFromStart)
    } else {
        t(Text::RollCallToEnd)
    };
    let current = {
        let person = person.clone();
        move || -> String {
            call.with(|c| {
                c.rows
                    .iter()
                    .find(|r| r.person == person)
                    .and_then(|r| if arrived { r.arrived_at } else { r.left_after })
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            })
        }
    };
    let change = move |ev| {
        let value: Option<u32> = event_target_value(&ev).parse().ok();
        call.update(|c| {
            let Some(row) = c.rows.iter().find(|r| r.person == person) else {
                return;
            };
            let (a, l) = if arrived {
                (value, row.left_after)
            } else {
                (row.arrived_at, value)
            };
            let person = row.person.clone();
            c.set_paragraphs(&person, a, l);
        })
    };
    let short = if arrived {
        t(Text::RollCallArrivedAt)
    } else {
        t(Text::RollCallLeftAfter)
    };
    let options = numbers
        .into_iter()
        .map(|n| {
            let current = current.clone();
            view! { <option value=n.to_string() prop:selected=move || current() == n.to_string()>{format!("§ {n}")}</option> }
        })
        .collect_view();
    let for_id = id.clone();
    view! {
        <label class="roll-call-paragraph" for=for_id>
            <span>{short}</span>
            <select id=id aria-label=label on:change=change>
                <option value="">{none}</option>
                {options}
            </select>
        </label>
    }
}

/// One seat of the roll call.
fn roll_call_row(
    call: RwSignal<RollCall>,
    new_people: RwSignal<Vec<Person>>,
    index: usize,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let Some(row) = call.with_untracked(|c| c.rows.get(index).cloned()) else {
        return ().into_any();
    };
    let (name, detail) =
        new_people.with_untracked(|added| repo.snapshot(|d| row_label(d, added, &row)));
    let person = row.person.clone();
    let id = format!("upprop-{index}");
    let present = {
        let person = person.clone();
        move || call.with(|c| c.rows.iter().any(|r| r.person == person && r.present))
    };
    let presence = if row.is_substitute() {
        let absent = {
            let person = person.clone();
            move || {
                call.with(|c| {
                    let serving = c
                        .rows
                        .iter()
                        .find(|r| r.person == person)
                        .and_then(|r| r.serving_for.clone());
                    let mut absent: Vec<PersonId> =
                        c.absent_members().into_iter().cloned().collect();
                    if let Some(s) = &serving {
                        if !absent.contains(s) {
                            absent.push(s.clone());
                        }
                    }
                    (absent, serving)
                })
            }
        };
        let substitute = person.clone();
        let for_person = match &row.seat {
            Seat::Substitute { for_person } => for_person.clone(),
            _ => None,
        };
        let buttons = move || {
            let (absent, serving) = absent();
            let substitute = substitute.clone();
            let mut absent = absent;
            // The personal ersättare's own member first.
            absent.sort_by_key(|p| Some(p) != for_person.as_ref());
            let none = {
                let substitute = substitute.clone();
                let pressed = serving.is_none();
                view! {
                    <button type="button" class="secondary toggle" aria-pressed=pressed.to_string()
                        on:click=move |_| call.update(|c| c.serve_for(&substitute, None))>{t(Text::RollCallNotServing)}</button>
                }
            };
            let serve = absent
                .into_iter()
                .map(|member| {
                    let label = repo.snapshot(|d| d.person_name(&member));
                    let pressed = serving.as_ref() == Some(&member);
                    let substitute = substitute.clone();
                    view! {
                        <button type="button" class="secondary toggle" aria-pressed=pressed.to_string()
                            on:click=move |_| call.update(|c| c.serve_for(&substitute, Some(member.clone())))>
                            {tf(Text::RollCallServesFor, &[&label])}
                        </button>
                    }
                })
                .collect_view();
            view! { {none} {serve} }
        };
        view! { <div class="roll-call-presence" role="group" aria-label=name.clone()>{buttons}</div> }.into_any()
    } else {
        let here = person.clone();
        let away = person.clone();
        let present_pressed = present.clone();
        let absent_pressed = present.clone();
        view! {
            <div class="roll-call-presence" role="group" aria-label=name.clone()>
                <button type="button" class="secondary toggle" aria-label=tf(Text::RollCallPresentFor, &[&name])
                    aria-pressed=move || present_pressed().to_string()
                    on:click=move |_| call.update(|c| c.set_present(&here, true))>{t(Text::RollCallPresent)}</button>
                <button type="button" class="secondary toggle" aria-label=tf(Text::RollCallAbsentFor, &[&name])
                    aria-pressed=move || (!absent_pressed()).to_string()
                    on:click=move |_| call.update(|c| c.set_present(&away, false))>{t(Text::RollCallAbsent)}</button>
            </div>
        }
        .into_any()
    };
    let paragraphs = {
        let present = present.clone();
        let person = person.clone();
        let name = name.clone();
        let id = id.clone();
        move || {
            present().then(|| {
                view! {
                    <div class="roll-call-paragraphs">
                        {paragraph_select(call, person.clone(), format!("{id}-kom"), tf(Text::RollCallArrivedAtFor, &[&name]), true)}
                        {paragraph_select(call, person.clone(), format!("{id}-lamnade"), tf(Text::RollCallLeftAfterFor, &[&name]), false)}
                    </div>
                }
            })
        }
    };
    let class = move || {
        if present() {
            "roll-call-row present"
        } else {
            "roll-call-row absent"
        }
    };
    view! {
        <li class=class data-person=person.to_string()>
            <span class="roll-call-name"><strong>{name.clone()}</strong>
                {(!detail.is_empty()).then(|| view! { <span class="roll-call-seat">{format!(", {detail}")}</span> })}
            </span>
            {presence}
            {paragraphs}
        </li>
    }
    .into_any()
}

/// A person not in the register, added at the meeting as a decision-maker:
/// name, party and the organisation represented make a Person record,
/// saved with the meeting (`new_people`).
#[component]
fn NewDecisionMaker(
    call: RwSignal<RollCall>,
    new_people: RwSignal<Vec<Person>>,
    errors: FormErrors,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let party = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let organisations = repo.snapshot(super::organisation_options);
    let add = move |_| {
        let person = Person {
            id: PersonId::new(Repo::new_id("person")),
            meta: RecordMeta::default(),
            name: name.get_untracked().trim().to_owned(),
            name_variants: vec![],
            party: crate::components::form::optional(&party.get_untracked()),
            title: None,
            organisation: super::chosen(&organisation.get_untracked()),
            municipality: None,
        };
        if person.name.is_empty() {
            return errors.set(Some(super::refused(
                "decision_makers",
                t(Text::ValidationPersonName),
            )));
        }
        call.update(|c| {
            c.add(RollCallRow::other(
                person.id.clone(),
                person.organisation.clone(),
                person.party.clone(),
            ))
        });
        new_people.update(|p| p.push(person));
        name.set(String::new());
        party.set(String::new());
        open.set(false);
    };
    let options = move || {
        organisations
            .iter()
            .map(|(v, l)| view! { <option value=v.clone()>{l.clone()}</option> })
            .collect_view()
    };
    view! {
        <div class="roll-call-new">
            <button type="button" class="secondary" hidden=move || open.get() on:click=move |_| open.set(true)>{t(Text::RollCallAddDecisionMaker)}</button>
            <Show when=move || open.get()>
                <fieldset class="inline-fields">
                    <legend>{t(Text::RollCallNewPerson)}</legend>
                    <label>{t(Text::FieldName)}
                        <input id="upprop-ny-namn" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    </label>
                    <label>{t(Text::FieldParty)}
                        <input id="upprop-ny-parti" type="text" prop:value=move || party.get() on:input=move |ev| party.set(event_target_value(&ev)) />
                    </label>
                    <label>{t(Text::FieldOrganisation)}
                        <select id="upprop-ny-organisation" on:change=move |ev| organisation.set(event_target_value(&ev))>
                            <option value="">{t(Text::RollCallChoose)}</option>
                            {options.clone()}
                        </select>
                    </label>
                    <button type="button" on:click=add>{t(Text::RollCallAddNewPerson)}</button>
                </fieldset>
            </Show>
        </div>
    }
}

/// Other participants picked from the people of the meeting's parties,
/// the role filled in from the person's title.
#[component]
fn PickParticipant(
    call: RwSignal<RollCall>,
    participants: RwSignal<Vec<ParticipantRow>>,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let options = move || {
        let sides: Vec<OrganisationId> = call.with(|c| {
            c.rows
                .iter()
                .filter_map(|r| r.representing.clone())
                .collect()
        });
        let listed: Vec<String> =
            participants.with(|p| p.iter().map(|r| r.person.clone()).collect());
        let deciding: Vec<PersonId> =
            call.with(|c| c.rows.iter().map(|r| r.person.clone()).collect());
        repo.with(|d| {
            let mut people: Vec<(String, String)> = d
                .live_people()
                .filter(|p| p.organisation.as_ref().is_some_and(|o| sides.contains(o)))
                .filter(|p| !listed.contains(&p.id.to_string()) && !deciding.contains(&p.id))
                .map(|p| {
                    let label = match &p.title {
                        Some(title) => format!("{}, {title}", p.name),
                        None => p.name.clone(),
                    };
                    (p.id.to_string(), label)
                })
                .collect();
            people.sort_by(|a, b| a.1.cmp(&b.1));
            people
                .into_iter()
                .map(|(v, l)| view! { <option value=v>{l}</option> })
                .collect_view()
        })
    };
    let pick = move |ev| {
        let id = event_target_value(&ev);
        if id.is_empty() {
            return;
        }
        let role = repo.snapshot(|d| {
            d.person(&PersonId::new(id.clone()))
                .and_then(|p| p.title.clone())
                .unwrap_or_default()
        });
        participants.update(|p| p.push(ParticipantRow { person: id, role }));
    };
    view! {
        <div class="field">
            <label for="upprop-deltagare">{t(Text::RollCallAddParticipant)}</label>
            <p class="hint" id="upprop-deltagare-hjalp">{t(Text::RollCallParticipantHint)}</p>
            <select id="upprop-deltagare" aria-describedby="upprop-deltagare-hjalp" prop:value="" on:change=pick>
                <option value="">{t(Text::RollCallChoose)}</option>
                {options}
            </select>
        </div>
    }
}

/// The roll call of the meeting form.
#[component]
pub fn RollCallInput(
    call: RwSignal<RollCall>,
    participants: RwSignal<Vec<ParticipantRow>>,
    /// People added inline, saved with the meeting.
    new_people: RwSignal<Vec<Person>>,
    errors: FormErrors,
) -> impl IntoView {
    let len = Memo::new(move |_| call.with(|c| c.rows.len()));
    let rows = move || {
        (0..len.get())
            .map(|i| roll_call_row(call, new_people, i))
            .collect_view()
    };
    let message = move || {
        errors.with(|e| {
            e.as_ref()
                .map(|e| e.for_field("decision_makers").join(" "))
                .unwrap_or_default()
        })
    };
    view! {
        <fieldset class="roll-call" id="upprop">
            <legend>{t(Text::RollCallHeading)}</legend>
            <p class="hint">{t(Text::RollCallHint)}</p>
            <ul class="roll-call-rows">{rows}</ul>
            <p class="field-error" role="alert">{message}</p>
            <NewDecisionMaker call new_people errors />
            <PickParticipant call participants />
        </fieldset>
    }
}
