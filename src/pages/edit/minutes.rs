use leptos::prelude::*;

use crate::components::form::*;
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
                                "ange justeringsdatum som ÅÅÅÅ-MM-DD.",
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
                        <TextInput id="justeringsdatum" label="Justeringsdatum" value=adjust_date errors field="minutes" kind="date" />
                    })}
                    <button type="button" class=if is_adjust { "" } else { "secondary" } on:click=take>{label}</button>
                </div>
            }
        })
        .collect_view();
    let explanation = match &meeting.minutes {
        MinutesState::Planned => "Sammanträdet är planerat. Börja skriva protokollet när mötet hålls.",
        MinutesState::Draft => "Protokollet är ett utkast och kan ändras fritt. Skicka det för justering när alla § är skrivna.",
        MinutesState::ForAdjustment => "Protokollet väntar på justering. Justera med datum, eller skicka tillbaka för ändringar.",
        MinutesState::Adjusted { .. } => LOCKED_MINUTES,
    };
    view! {
        <section class="workflow" aria-labelledby="justering">
            <h2 id="justering">"Justering"</h2>
            <p>"Status: " <strong>{meeting.minutes.label()}</strong> ". " {explanation}</p>
            <FormSummary errors />
            <div class="actions">{buttons}</div>
        </section>
    }
}

const KINDS: [(AddendumKind, &str); 2] = [
    (AddendumKind::Correction, "Rättelse"),
    (AddendumKind::Addition, "Tillägg"),
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
        .map(|(k, l)| (enum_value(k), (*l).to_owned()))
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
                        {a.paragraph.map(|n| format!(" till § {n}"))}
                        " – " {local_moment(&a.recorded.at)} {(!by.is_empty()).then(|| format!(", {by}"))}</p>
                    <p>{a.text.clone()}</p>
                    <p class="reason">"Skäl: " {a.reason.clone()}</p>
                </li>
            }
        })
        .collect_view();
    let has_addenda = !meeting.addenda.is_empty();
    (adjusted || has_addenda).then(|| {
        view! {
            <section class="addenda" aria-labelledby="rattelser">
                <h2 id="rattelser">"Rättelser och tillägg"</h2>
                {(!has_addenda).then(|| view! { <p>"Inga rättelser eller tillägg."</p> })}
                <ol>{recorded}</ol>
                {adjusted.then(|| view! {
                    <button type="button" class="secondary" hidden=move || open.get() on:click=move |_| open.set(true)>"Ny rättelse eller tillägg"</button>
                    <Show when=move || open.get()>
                        <form class="edit-form" on:submit=save.clone() novalidate>
                            <h3>"Rättelse eller tillägg"</h3>
                            <FormSummary errors />
                            <SelectInput id="tillagg-typ" label="Typ" value=kind options=kinds.clone() errors />
                            <SelectInput id="tillagg-paragraf" label="Gäller" value=paragraph options=numbers.clone() errors field="paragraph" empty="Hela protokollet" />
                            <TextInput id="tillagg-text" label="Text" value=text errors field="text" multiline=true />
                            <TextInput id="tillagg-skal" label="Skäl" value=reason errors field="reason" />
                            <FormActions save="För in" on_cancel=move || open.set(false) />
                        </form>
                    </Show>
                })}
            </section>
        }
    })
}
