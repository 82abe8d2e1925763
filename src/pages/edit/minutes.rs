use leptos::prelude::*;

use leptos_router::components::A;

use crate::components::form::*;
use crate::i18n::{t, tf, Text};
use crate::model::*;
use crate::repo::{local_moment, today, Repo};
use crate::routes::Page;

/// Where the minutes stand in the justering workflow: the state, the
/// signature of this copy's person when they have one to give ("Jag
/// justerar", in reading mode too: signing is not editing), and, in editing
/// mode, the secretary's steps.
#[component]
pub fn MinutesWorkflow(meeting: Meeting) -> impl IntoView {
    let repo = Repo::expect_context();
    let errors: FormErrors = RwSignal::new(None);
    let state = meeting.minutes_state();
    let steps = repo.snapshot(|d| d.minutes_steps(&meeting));
    let id = meeting.id.clone();
    let buttons = steps
        .into_iter()
        .map(|step| {
            let id = id.clone();
            let label = step.label();
            let take = move |_| {
                if let Err(e) = repo.take_minutes_step(&id, step.clone()) {
                    errors.set(Some(e));
                }
            };
            view! { <button type="button" class="secondary" on:click=take>{label}</button> }
        })
        .collect_view();
    let explanation = match &state {
        MinutesState::Planned => t(Text::MinutesExplainPlanned),
        MinutesState::Draft => t(Text::MinutesExplainDraft),
        MinutesState::ForAdjustment => t(Text::MinutesExplainForAdjustment),
        MinutesState::Adjusted { .. } => t(Text::LockedMinutes),
    };
    // The state goes in bold where the text has its {0}.
    let (before, after) = t(Text::MinutesStatus).split_once("{0}").unwrap_or_default();
    view! {
        <section class="workflow" aria-labelledby="justering">
            <h2 id="justering">{t(Text::MinutesWorkflowHeading)}</h2>
            <p>{before} <strong>{state.described()}</strong> {after} {explanation}</p>
            <SignAsThisCopy meeting=meeting.clone() errors />
            <FormSummary errors />
            <div class="actions edit-only">{buttons}</div>
        </section>
    }
}

/// "Jag justerar": this copy's person (Inställningar) signs their lines of
/// minutes out for justering, with a date (today unless they say another).
#[component]
fn SignAsThisCopy(meeting: Meeting, errors: FormErrors) -> impl IntoView {
    let repo = Repo::expect_context();
    if meeting.minutes != MinutesState::ForAdjustment || meeting.is_adjusted() {
        return ().into_any();
    }
    let Some(person) = repo.identity().get_untracked().person_id else {
        // The copy does not say who it is: it cannot sign as anyone.
        return view! {
            <p class="hint sign-hint">
                {t(Text::SignIdentityHint)} " " <A href=Page::Settings.href()>{t(Text::NavSettings)}</A> "."
            </p>
        }
        .into_any();
    };
    let roles = meeting.unsigned_roles(&person);
    if roles.is_empty() {
        return ().into_any();
    }
    let name = repo.snapshot(|d| d.person_name(&person));
    let as_what = roles
        .iter()
        .map(|r| r.label().to_lowercase())
        .collect::<Vec<_>>()
        .join(t(Text::JoinAnd));
    let lead = tf(Text::SignLead, &[&name, &as_what]);
    let today = today();
    if let Some(held) = meeting.date.value().filter(|held| **held > today) {
        let not_yet = tf(Text::SignNotYetHeld, &[&crate::format::date(*held)]);
        return view! { <div class="sign"><p>{lead}</p><p class="hint">{not_yet}</p></div> }
            .into_any();
    }
    let label = if roles == [SignatureRole::Secretary] {
        t(Text::SignButtonSecretary)
    } else {
        t(Text::SignButton)
    };
    let date = RwSignal::new(today.format("%Y-%m-%d").to_string());
    let id = meeting.id.clone();
    let sign = move |_| match sign_on(repo, &id, &person, &date.get_untracked(), false) {
        Ok(()) => errors.set(None),
        Err(e) => errors.set(Some(e)),
    };
    view! {
        <div class="sign">
            <p>{lead}</p>
            <div class="sign-row">
                <TextInput id="justeringsdatum" label=t(Text::FieldAdjustDate) value=date errors field="signatures" kind="date" />
                <button type="button" on:click=sign>{label}</button>
            </div>
        </div>
    }
    .into_any()
}

/// Signs `person`'s lines of the signature block on the date typed
/// (YYYY-MM-DD): in this copy, or on paper when `on_paper`.
fn sign_on(
    repo: Repo,
    meeting: &MeetingId,
    person: &PersonId,
    typed: &str,
    on_paper: bool,
) -> Result<(), EditError> {
    let date = typed.parse().map_err(|_| {
        EditError::Rejected(vec![FieldError::new("signatures", t(Text::EditAdjustDate))])
    })?;
    let justering = Justering {
        person: person.clone(),
        date,
        on_paper,
    };
    repo.sign_minutes(meeting, justering)
}

/// A signature given on paper, recorded by the secretary: the date, then
/// "För in justeringen". Editing mode only.
#[component]
pub fn PaperSignature(meeting: MeetingId, person: PersonId, name: String) -> impl IntoView {
    let repo = Repo::expect_context();
    let open = RwSignal::new(false);
    let errors: FormErrors = RwSignal::new(None);
    let date = RwSignal::new(today().format("%Y-%m-%d").to_string());
    let input_id = format!("papper-{person}");
    let label = tf(Text::SignOnPaperLabel, &[&name]);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match sign_on(repo, &meeting, &person, &date.get_untracked(), true) {
            Ok(()) => open.set(false),
            Err(e) => errors.set(Some(e)),
        }
    };
    view! {
        <span class="paper-signature edit-only">
            <button type="button" class="secondary" hidden=move || open.get() on:click=move |_| open.set(true)>
                {t(Text::SignOnPaper)}
            </button>
            <Show when=move || open.get()>
                <form class="inline-form" on:submit=record.clone() novalidate>
                    <FormSummary errors />
                    <label for=input_id.clone()>{label.clone()}</label>
                    <input id=input_id.clone() type="date" bind:value=date />
                    <button type="submit">{t(Text::SignOnPaperSave)}</button>
                    <button type="button" class="secondary" on:click=move |_| open.set(false)>{t(Text::Cancel)}</button>
                </form>
            </Show>
        </span>
    }
}

const KINDS: [(AddendumKind, Text); 2] = [
    (AddendumKind::Correction, Text::AddendumCorrection),
    (AddendumKind::Addition, Text::AddendumAddition),
];

/// The recorded corrections and additions of adjusted minutes, and the
/// form to record one.
#[component]
pub fn Addenda(meeting: Meeting) -> impl IntoView {
    let repo = Repo::expect_context();
    let adjusted = meeting.is_adjusted();
    let open = RwSignal::new(false);
    let kind = RwSignal::new(enum_value(&AddendumKind::Correction));
    let paragraph = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let errors: FormErrors = RwSignal::new(None);
    let numbers: Vec<(String, String)> = repo.snapshot(|d| {
        d.paragraphs_of(&meeting.id)
            .iter()
            .map(|p| (p.number.to_string(), format!("§ {} {}", p.number, p.title)))
            .collect()
    });
    let kinds: Vec<(String, String)> = KINDS
        .iter()
        .map(|(k, l)| (enum_value(k), t(*l).to_owned()))
        .collect();
    let id = meeting.id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let addendum = NewAddendum {
            kind: enum_from(&kind.get_untracked()).unwrap_or(AddendumKind::Correction),
            paragraph: paragraph.get_untracked().parse().ok(),
            text: text.get_untracked(),
            reason: reason.get_untracked(),
        };
        match repo.add_addendum(&id, addendum) {
            Ok(()) => open.set(false),
            Err(e) => errors.set(Some(e)),
        }
    };
    let recorded = meeting
        .addenda
        .iter()
        .map(|a| {
            let by = [a.recorded.organisation.clone(), a.recorded.person.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            view! {
                <li class="addendum">
                    <p><strong>{a.kind.label()}</strong>
                        {a.paragraph.map(|n| tf(Text::AddendumToParagraph, &[&n]))}
                        " – " {local_moment(&a.recorded.at)} {(!by.is_empty()).then(|| format!(", {by}"))}</p>
                    <p>{a.text.clone()}</p>
                    <p class="reason">{tf(Text::AddendumReason, &[&a.reason])}</p>
                </li>
            }
        })
        .collect_view();
    let has_addenda = !meeting.addenda.is_empty();
    (adjusted || has_addenda).then(|| {
        view! {
            <section class="addenda" aria-labelledby="rattelser">
                <h2 id="rattelser">{t(Text::AddendaHeading)}</h2>
                {(!has_addenda).then(|| view! { <p>{t(Text::NoAddenda)}</p> })}
                <ol>{recorded}</ol>
                {adjusted.then(|| view! {
                    <button type="button" class="secondary edit-only" hidden=move || open.get() on:click=move |_| open.set(true)>{t(Text::NewAddendum)}</button>
                    <Show when=move || open.get()>
                        <form class="edit-form edit-only" on:submit=save.clone() novalidate>
                            <h3>{t(Text::AddendumFormHeading)}</h3>
                            <FormSummary errors />
                            <SelectInput id="tillagg-typ" label=t(Text::FieldType) value=kind options=kinds.clone() errors />
                            <SelectInput id="tillagg-paragraf" label=t(Text::FieldAppliesTo) value=paragraph options=numbers.clone() errors field="paragraph" empty=t(Text::WholeMinutes) />
                            <TextInput id="tillagg-text" label=t(Text::FieldText) value=text errors field="text" multiline=true />
                            <TextInput id="tillagg-skal" label=t(Text::FieldReason) value=reason errors field="reason" />
                            <FormActions save=t(Text::RecordAddendum) on_cancel=move || open.set(false) />
                        </form>
                    </Show>
                })}
            </section>
        }
    })
}
