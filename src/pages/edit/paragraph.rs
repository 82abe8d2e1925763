use leptos::prelude::*;

use super::{blocks_text, text_blocks};
use crate::components::form::*;
use crate::i18n::{t, Text};
use crate::model::*;
use crate::repo::Repo;

const DECISION_KINDS: [(DecisionKind, Text); 5] = [
    (DecisionKind::NotedToFile, Text::DecisionKindNotedToFile),
    (DecisionKind::Approved, Text::DecisionKindApproved),
    (DecisionKind::Adopted, Text::DecisionKindAdopted),
    (DecisionKind::Elected, Text::DecisionKindElected),
    (DecisionKind::NoDecision, Text::DecisionKindNoDecision),
];

/// A § of the minutes: new or existing.
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
    let prefix = format!("p-{}", paragraph.id);
    let number = RwSignal::new(paragraph.number.to_string());
    let title = RwSignal::new(paragraph.title.clone());
    let background = RwSignal::new(blocks_text(&paragraph.background));
    let proposal = RwSignal::new(paragraph.proposal.clone().unwrap_or_default());
    let decision = RwSignal::new(paragraph.decision.clone().unwrap_or_default());
    let kind = RwSignal::new(enum_value(&paragraph.decision_kind));
    let errors: FormErrors = RwSignal::new(None);
    let done = on_done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(n) = number.get_untracked().trim().parse::<u32>() else {
            return errors.set(Some(EditError::Rejected(vec![FieldError::new(
                "number",
                t(Text::EditParagraphNumber),
            )])));
        };
        let record = Paragraph {
            number: n,
            title: title.get_untracked().trim().to_owned(),
            background: text_blocks(&paragraph.background, &background.get_untracked()),
            proposal: optional(&proposal.get_untracked()),
            decision: optional(&decision.get_untracked()),
            decision_kind: enum_from(&kind.get_untracked()).unwrap_or(paragraph.decision_kind),
            ..paragraph.clone()
        };
        match repo.save(&paragraph, record) {
            Ok(()) => done(),
            Err(e) => errors.set(Some(e)),
        }
    };
    view! {
        <form class="edit-form" on:submit=save novalidate>
            <h3>{t(Text::ParagraphFormHeading)}</h3>
            {locked.then(|| view! { <p class="notice">{t(Text::LockedMinutes)}</p> })}
            <FormSummary errors />
            <TextInput id=format!("{prefix}-nummer") label=t(Text::FieldParagraphNumber) value=number errors field="number" kind="number" />
            <TextInput id=format!("{prefix}-rubrik") label=t(Text::FieldHeading) value=title errors field="title" />
            <TextInput id=format!("{prefix}-bakgrund") label=t(Text::SectionKindBackground) value=background errors field="background" multiline=true hint=t(Text::HintBlankLine) />
            <TextInput id=format!("{prefix}-forslag") label=t(Text::FieldProposal) value=proposal errors field="proposal" multiline=true />
            <TextInput id=format!("{prefix}-beslut") label=t(Text::FieldDecision) value=decision errors field="decision" multiline=true />
            <SelectInput id=format!("{prefix}-beslutstyp") label=t(Text::FieldDecisionKind) value=kind options=kinds errors field="decision_kind" />
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
            let paragraph = Paragraph {
                id: ParagraphId::new(Repo::new_id("paragraf")),
                meta: RecordMeta::default(),
                meeting: meeting.clone(),
                number,
                title: String::new(),
                presenters: vec![],
                documents: vec![],
                background: vec![],
                proposal: None,
                decision: None,
                decision_kind: DecisionKind::NotedToFile,
                parts: vec![],
                follow_ups: vec![],
            };
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
