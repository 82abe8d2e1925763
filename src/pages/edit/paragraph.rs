use leptos::prelude::*;

use super::paragraph_fields::ParagraphFields;
use crate::components::form::*;
use crate::i18n::{t, tf, Text};
use crate::model::*;
use crate::repo::Repo;

const DECISION_KINDS: [(DecisionKind, Text); 5] = [
    (DecisionKind::NotedToFile, Text::DecisionKindNotedToFile),
    (DecisionKind::Approved, Text::DecisionKindApproved),
    (DecisionKind::Adopted, Text::DecisionKindAdopted),
    (DecisionKind::Elected, Text::DecisionKindElected),
    (DecisionKind::NoDecision, Text::DecisionKindNoDecision),
];

/// People chosen one by one (föredragande, jäv, reservation): each shown
/// with a button to remove them, and a choice to add one.
#[component]
fn PersonListInput(
    #[prop(into)] id: String,
    label: &'static str,
    people: RwSignal<Vec<PersonId>>,
    /// (id, name) to choose from.
    options: Vec<(String, String)>,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let chosen = move || {
        people
            .get()
            .into_iter()
            .map(|p| {
                let name = repo.snapshot(|d| d.person_name(&p));
                let remove = move |_| people.update(|v| v.retain(|q| q != &p));
                view! {
                    <li>{name.clone()} " "
                        <button type="button" class="secondary icon" aria-label=tf(Text::RemovePerson, &[&name]) on:click=remove>"✕"</button>
                    </li>
                }
            })
            .collect_view()
    };
    let add = move |ev| {
        let value = event_target_value(&ev);
        if !value.is_empty() {
            people.update(|v| {
                let p = PersonId::new(value);
                if !v.contains(&p) {
                    v.push(p);
                }
            });
        }
    };
    let choices = move || {
        let taken = people.get();
        options
            .iter()
            .filter(|(v, _)| !taken.iter().any(|p| p.as_str() == v))
            .map(|(v, l)| view! { <option value=v.clone()>{l.clone()}</option> })
            .collect_view()
    };
    view! {
        <div class="field person-list">
            <label for=id.clone()>{label}</label>
            <ul class="chosen-people">{chosen}</ul>
            <select id=id aria-label=tf(Text::AddPersonTo, &[&label]) prop:value="" on:change=add>
                <option value="">{t(Text::RollCallChoose)}</option>
                {choices}
            </select>
        </div>
    }
}

/// The § whose form opens when the minutes are drawn again after a save:
/// "Spara och nästa §" asks for the next one, so the secretary goes from §
/// to § without reopening each. Provided by the minutes page.
#[derive(Clone, Copy)]
pub struct OpenParagraph(RwSignal<Option<u32>>);

impl OpenParagraph {
    pub fn provide() {
        provide_context(OpenParagraph(RwSignal::new(None)));
    }

    /// Whether the form of § `number` is to open now (once).
    pub fn take(number: u32) -> bool {
        use_context::<OpenParagraph>().is_some_and(|open| {
            let asked = open.0.get_untracked() == Some(number);
            if asked {
                open.0.set(None);
            }
            asked
        })
    }
}

/// A § of the minutes as the secretary writes it: title, föredragande,
/// handlingar, bakgrund, förslag, beslut ("Beslut enligt förslaget" in one
/// tap), återrapportering with a date (it reaches Att göra), jäv and
/// reservation per person; new or existing.
#[component]
pub fn ParagraphForm(
    paragraph: Paragraph,
    on_done: impl Fn() + Clone + Send + Sync + 'static,
    /// The minutes are adjusted: say so before the user types.
    #[prop(optional)]
    locked: bool,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let kinds: Vec<(String, String)> = DECISION_KINDS
        .iter()
        .map(|(k, l)| (enum_value(k), t(*l).to_owned()))
        .collect();
    let (people, deciding) = repo.snapshot(|d| {
        let deciding: Vec<(String, String)> = d
            .meeting(&paragraph.meeting)
            .map(|m| {
                m.decision_makers
                    .iter()
                    .map(|dm| (dm.person.to_string(), d.person_name(&dm.person)))
                    .collect()
            })
            .unwrap_or_default();
        (super::person_options(d), deciding)
    });
    let prefix = format!("p-{}", paragraph.id);
    let shown = ParagraphFields::of(&paragraph);
    let number = RwSignal::new(shown.number);
    let title = RwSignal::new(shown.title);
    let presenters = RwSignal::new(shown.presenters);
    let documents = RwSignal::new(shown.documents);
    let background = RwSignal::new(shown.background);
    let proposal = RwSignal::new(shown.proposal);
    let decision = RwSignal::new(shown.decision);
    let kind = RwSignal::new(shown.kind);
    let follow_up = RwSignal::new(shown.follow_up);
    let follow_up_due = RwSignal::new(shown.follow_up_due);
    let disqualified = RwSignal::new(shown.disqualified);
    let reservations = RwSignal::new(shown.reservations);
    let errors: FormErrors = RwSignal::new(None);
    let open_next = use_context::<OpenParagraph>();
    let next = repo.snapshot(|d| {
        d.paragraphs_of(&paragraph.meeting)
            .iter()
            .map(|p| p.number)
            .find(|n| *n > paragraph.number)
    });
    let go_next = RwSignal::new(false);
    let done = on_done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = ParagraphFields {
            number: number.get_untracked(),
            title: title.get_untracked(),
            presenters: presenters.get_untracked(),
            documents: documents.get_untracked(),
            background: background.get_untracked(),
            proposal: proposal.get_untracked(),
            decision: decision.get_untracked(),
            kind: kind.get_untracked(),
            follow_up: follow_up.get_untracked(),
            follow_up_due: follow_up_due.get_untracked(),
            disqualified: disqualified.get_untracked(),
            reservations: reservations.get_untracked(),
        };
        match fields
            .paragraph(&paragraph)
            .and_then(|record| repo.save(&paragraph, record))
        {
            Ok(()) => {
                if let (true, Some(open), Some(n)) = (go_next.get_untracked(), open_next, next) {
                    open.0.set(Some(n));
                }
                done()
            }
            Err(e) => {
                go_next.set(false);
                errors.set(Some(e))
            }
        }
    };
    let next_button = (open_next.is_some() && next.is_some() && !locked).then(|| {
        view! {
            <button type="submit" class="secondary" on:click=move |_| go_next.set(true)>{t(Text::SaveParagraphNext)}</button>
        }
    });
    let as_proposed = move |_| decision.set(proposal.get_untracked());
    view! {
        <form class="edit-form" on:submit=save novalidate>
            <h3>{t(Text::ParagraphFormHeading)}</h3>
            {locked.then(|| view! { <p class="notice">{t(Text::LockedMinutes)}</p> })}
            <FormSummary errors />
            <TextInput id=format!("{prefix}-nummer") label=t(Text::FieldParagraphNumber) value=number errors field="number" kind="number" />
            <TextInput id=format!("{prefix}-rubrik") label=t(Text::FieldHeading) value=title errors field="title" />
            <PersonListInput id=format!("{prefix}-foredragande") label=t(Text::FieldPresenters) people=presenters options=people />
            <TextInput id=format!("{prefix}-handlingar") label=t(Text::FieldDocumentsLines) value=documents errors field="documents" multiline=true hint=t(Text::HintDocumentsLines) />
            <TextInput id=format!("{prefix}-bakgrund") label=t(Text::SectionKindBackground) value=background errors field="background" multiline=true hint=t(Text::HintBlankLine) />
            <TextInput id=format!("{prefix}-forslag") label=t(Text::FieldProposal) value=proposal errors field="proposal" multiline=true />
            <button type="button" class="secondary" on:click=as_proposed disabled=move || proposal.with(|p| p.trim().is_empty())>{t(Text::DecisionAsProposed)}</button>
            <TextInput id=format!("{prefix}-beslut") label=t(Text::FieldDecision) value=decision errors field="decision" multiline=true />
            <SelectInput id=format!("{prefix}-beslutstyp") label=t(Text::FieldDecisionKind) value=kind options=kinds errors field="decision_kind" />
            <TextInput id=format!("{prefix}-aterrapportering") label=t(Text::FieldFollowUpText) value=follow_up errors field="follow_ups" />
            <TextInput id=format!("{prefix}-aterrapportering-datum") label=t(Text::FieldFollowUpDue) value=follow_up_due errors field="follow_ups" kind="date" />
            <PersonListInput id=format!("{prefix}-jav") label=t(Text::FieldDisqualified) people=disqualified options=deciding.clone() />
            <PersonListInput id=format!("{prefix}-reservation") label=t(Text::FieldReservations) people=reservations options=deciding />
            {next_button}
            <FormActions save=t(Text::SaveParagraph) on_cancel=move || on_done() />
        </form>
    }
}

/// "Ny §" under the minutes: a form numbered after the last §.
#[component]
pub fn NewParagraph(meeting: MeetingId) -> impl IntoView {
    let repo = Repo::expect_context();
    let open = RwSignal::new(false);
    let form = move || {
        open.get().then(|| {
            let number = repo.snapshot(|d| d.next_paragraph_number(&meeting));
            let paragraph = Paragraph::blank(
                ParagraphId::new(Repo::new_id("paragraf")),
                meeting.clone(),
                number,
            );
            view! { <ParagraphForm paragraph on_done=move || open.set(false) /> }
        })
    };
    view! {
        <div class="new-record">
            <button type="button" on:click=move |_| open.set(true) hidden=move || open.get()>{t(Text::NewParagraph)}</button>
            {form}
        </div>
    }
}
