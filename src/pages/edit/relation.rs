use leptos::prelude::*;

use super::body_options;
use crate::components::form::*;
use crate::i18n::{t, Text};
use crate::model::*;
use crate::repo::Repo;

/// A relation of `body` to another body, in either direction: new when
/// `relation` is `None`.
#[component]
pub fn RelationForm(
    body: BodyId,
    relation: Option<Relation>,
    on_done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let bodies: Vec<(String, String)> = repo
        .snapshot(body_options)
        .into_iter()
        .filter(|(id, _)| id != body.as_str())
        .collect();
    let kinds: Vec<(String, String)> = RelationKind::ALL
        .iter()
        .map(|k| (enum_value(k), k.label().to_owned()))
        .collect();
    let outgoing = relation.as_ref().is_none_or(|r| r.from == body);
    let direction = RwSignal::new(if outgoing { "ut" } else { "in" }.to_owned());
    let other = RwSignal::new(
        relation
            .as_ref()
            .map(|r| {
                if outgoing {
                    r.to.to_string()
                } else {
                    r.from.to_string()
                }
            })
            .unwrap_or_default(),
    );
    let kind = RwSignal::new(enum_value(
        &relation
            .as_ref()
            .map(|r| r.kind)
            .unwrap_or(RelationKind::CoordinatesWith),
    ));
    let note = RwSignal::new(
        relation
            .as_ref()
            .and_then(|r| r.note.clone())
            .unwrap_or_default(),
    );
    let errors: FormErrors = RwSignal::new(None);
    let directions = vec![
        ("ut".to_owned(), t(Text::DirectionOutgoing).to_owned()),
        ("in".to_owned(), t(Text::DirectionIncoming).to_owned()),
    ];
    let done = on_done.clone();
    let this = body.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let other_id = other.get_untracked();
        if other_id.is_empty() {
            errors.set(Some(EditError::Rejected(vec![FieldError::new(
                "to",
                t(Text::EditChooseOtherBody),
            )])));
            return;
        }
        let (from, to) = if direction.get_untracked() == "ut" {
            (this.clone(), BodyId::new(other_id))
        } else {
            (BodyId::new(other_id), this.clone())
        };
        let record = Relation {
            id: relation
                .as_ref()
                .map(|r| r.id.clone())
                .unwrap_or_else(|| RelationId::new(Repo::new_id("relation"))),
            meta: RecordMeta::default(),
            from,
            to,
            kind: enum_from(&kind.get_untracked()).unwrap_or(RelationKind::CoordinatesWith),
            note: optional(&note.get_untracked()),
        };
        let opened = relation.clone().unwrap_or_else(|| record.clone());
        match repo.save(&opened, record) {
            Ok(()) => done(),
            Err(e) => errors.set(Some(e)),
        }
    };
    view! {
        <form class="edit-form" on:submit=save novalidate>
            <h3>{t(Text::FieldRelation)}</h3>
            <FormSummary errors />
            <SelectInput id="relation-riktning" label=t(Text::FieldDirection) value=direction options=directions errors />
            <SelectInput id="relation-typ" label=t(Text::FieldRelation) value=kind options=kinds errors field="kind" />
            <SelectInput id="relation-organ" label=t(Text::FieldOtherBody) value=other options=bodies errors field="to" empty=t(Text::ChooseBody) />
            <TextInput id="relation-not" label=t(Text::FieldSourceWording) value=note errors field="note" multiline=true />
            <FormActions save=t(Text::SaveRelation) on_cancel=move || on_done() />
        </form>
    }
}
