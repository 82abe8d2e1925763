use leptos::prelude::*;

use super::{
    agreement_options, chosen, county_options, first_county, organisation_options, NewRecordButton,
};
use crate::components::form::*;
use crate::i18n::{t, Text};
use crate::model::*;
use crate::repo::Repo;
use crate::routes::Page;

/// The form of a body: new (`body` empty) or existing.
#[component]
pub fn BodyForm(
    body: Body,
    /// Called with the body's id after saving, and with `None` on cancel.
    on_done: impl Fn(Option<BodyId>) + Clone + Send + Sync + 'static,
    #[prop(optional)] heading: &'static str,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let (counties, organisations, agreements) = repo.snapshot(|d| {
        (
            county_options(d),
            organisation_options(d),
            agreement_options(d),
        )
    });
    let levels: Vec<(String, String)> = BodyLevel::ALL
        .iter()
        .map(|l| (enum_value(l), l.label().to_owned()))
        .collect();
    let name = RwSignal::new(body.name.clone());
    let short_name = RwSignal::new(body.short_name.clone().unwrap_or_default());
    let level = RwSignal::new(enum_value(&body.level));
    let county = RwSignal::new(body.county.to_string());
    let owner = RwSignal::new(
        body.owner
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    let formed = RwSignal::new(body.formed.clone().unwrap_or_default());
    let established_by = RwSignal::new(
        body.established_by
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    let other_names = RwSignal::new(body.other_names.clone());
    let mandate = RwSignal::new(body.mandate.clone());
    let errors: FormErrors = RwSignal::new(None);
    let done = on_done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let record = Body {
            name: name.get_untracked().trim().to_owned(),
            short_name: optional(&short_name.get_untracked()),
            level: enum_from(&level.get_untracked()).unwrap_or(body.level),
            county: CountyId::new(county.get_untracked()),
            owner: chosen(&owner.get_untracked()),
            formed: optional(&formed.get_untracked()),
            established_by: chosen(&established_by.get_untracked()),
            other_names: other_names.get_untracked(),
            mandate: mandate.get_untracked(),
            ..body.clone()
        };
        let id = record.id.clone();
        match repo.save(&body, record) {
            Ok(()) => done(Some(id)),
            Err(e) => errors.set(Some(e)),
        }
    };
    let heading = if heading.is_empty() {
        t(Text::BodyFormHeading)
    } else {
        heading
    };
    view! {
        <form class="edit-form" on:submit=save novalidate>
            <h2>{heading}</h2>
            <FormSummary errors />
            <TextInput id="organ-namn" label=t(Text::FieldName) value=name errors field="name" />
            <TextInput id="organ-kortnamn" label=t(Text::FieldShortName) value=short_name errors field="short_name" hint=t(Text::HintShortName) />
            <SelectInput id="organ-niva" label=t(Text::FieldLevel) value=level options=levels errors field="level" />
            <SelectInput id="organ-lan" label=t(Text::FieldCounty) value=county options=counties errors field="county" />
            <SelectInput id="organ-huvudman" label=t(Text::FieldBodyOwner) value=owner options=organisations errors field="owner" empty=t(Text::JointBody) />
            <SelectInput id="organ-overenskommelse" label=t(Text::FieldEstablishedBy) value=established_by options=agreements errors field="established_by" empty=t(Text::NoneGiven) />
            <TextInput id="organ-bildades" label=t(Text::FieldFormed) value=formed errors field="formed" hint=t(Text::HintFormed) />
            <TextListInput id="organ-uppdrag" label=t(Text::FieldMandate) item=t(Text::ItemMandate) items=mandate errors field="mandate" multiline=true />
            <TextListInput id="organ-andra-namn" label=t(Text::FieldOtherNames) item=t(Text::ItemName) items=other_names errors field="other_names" />
            <FormActions save=t(Text::Save) on_cancel=move || on_done(None) />
        </form>
    }
}

/// "Nytt organ" on the body list: the form for a new body, then its page.
#[component]
pub fn NewBody() -> impl IntoView {
    let repo = Repo::expect_context();
    let blank = move || {
        let county = repo.snapshot(first_county);
        Body {
            id: BodyId::new(Repo::new_id("organ")),
            meta: RecordMeta::default(),
            county,
            name: String::new(),
            short_name: None,
            other_names: vec![],
            level: BodyLevel::Officials,
            owner: None,
            description: vec![],
            mandate: vec![],
            composition: vec![],
            substitutes: None,
            offices: vec![],
            meeting_rules: vec![],
            reviews: vec![],
            working_order: vec![],
            established_by: None,
            formed: None,
        }
    };
    view! {
        <NewRecordButton label=t(Text::NewBody) form={move |done: Callback<Option<String>>| {
            view! {
                <BodyForm body=blank() heading=t(Text::NewBody) on_done={move |id: Option<BodyId>| done.run(id.map(|id| Page::Body(id).href()))} />
            }
            .into_any()
        }} />
    }
}
