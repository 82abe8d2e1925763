use leptos::prelude::*;

use crate::components::form::*;
use crate::i18n::{t, tf, Text};
use crate::model::*;
use crate::repo::{local_moment, today, Repo};

/// Where the minutes stand in the justering workflow and the steps open
/// now; adjusting asks for the date.
#[component]
pub fn MinutesWorkflow(meeting: Meeting) -> impl IntoView {
    let repo = Repo::expect_context();
    let errors: FormErrors = RwSignal::new(None);
    let adjust_date = RwSignal::new(today().format("%Y-%m-%d").to_string());
    let steps = repo.snapshot(|d| d.minutes_steps(&meeting));
    let id = meeting.id.clone();
    let buttons = steps
        .into_iter()
        .map(|step| {
            let id = id.clone();
            let label = step.label();
            let is_adjust = matches!(step, MinutesStep::Adjust { .. });
            let take = move |_| {
                let step = match &step {
                    MinutesStep::Adjust { .. } => match adjust_date.get_untracked().parse() {
                        Ok(date) => MinutesStep::Adjust { date },
                        Err(_) => {
                            return errors.set(Some(EditError::Rejected(vec![FieldError::new(
                                "minutes",
                                t(Text::EditAdjustDate),
                            )])))
                        }
                    },
                    other => other.clone(),
                };
                if let Err(e) = repo.take_minutes_step(&id, step) {
                    errors.set(Some(e));
                }
            };
            view! {
                <div class="workflow-step">
                    {is_adjust.then(|| view! {
                        <TextInput id="justeringsdatum" label=t(Text::FieldAdjustDate) value=adjust_date errors field="minutes" kind="date" />
                    })}
                    <button type="button" class=if is_adjust { "" } else { "secondary" } on:click=take>{label}</button>
                </div>
            }
        })
        .collect_view();
    let explanation = match &meeting.minutes {
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
            <p>{before} <strong>{meeting.minutes.label()}</strong> {after} {explanation}</p>
            <FormSummary errors />
            <div class="actions">{buttons}</div>
        </section>
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
    let adjusted = matches!(meeting.minutes, MinutesState::Adjusted { .. });
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
                    <button type="button" class="secondary" hidden=move || open.get() on:click=move |_| open.set(true)>{t(Text::NewAddendum)}</button>
                    <Show when=move || open.get()>
                        <form class="edit-form" on:submit=save.clone() novalidate>
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
