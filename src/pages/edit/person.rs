use leptos::prelude::*;

use super::{chosen, organisation_options, NewRecordButton};
use crate::components::form::*;
use crate::i18n::{t, Text};
use crate::model::*;
use crate::repo::Repo;
use crate::routes::Page;

/// (id, name) of the live municipalities, by name: a person's home
/// municipality is one of them.
fn municipality_options(data: &Dataset) -> Vec<(String, String)> {
    let mut municipalities: Vec<(String, String)> = data
        .live_organisations()
        .filter(|o| o.kind == OrganisationKind::Municipality)
        .map(|o| (o.id.to_string(), o.name.clone()))
        .collect();
    municipalities.sort_by(|a, b| a.1.cmp(&b.1));
    municipalities
}

/// The form of a person: new (`person` blank) or existing.
#[component]
pub fn PersonForm(
    person: Person,
    /// Called with the person's id after saving, and with `None` on cancel.
    on_done: impl Fn(Option<PersonId>) + Clone + Send + Sync + 'static,
    #[prop(optional)] heading: &'static str,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let (organisations, municipalities) =
        repo.snapshot(|d| (organisation_options(d), municipality_options(d)));
    let name = RwSignal::new(person.name.clone());
    let name_variants = RwSignal::new(person.name_variants.clone());
    let party = RwSignal::new(person.party.clone().unwrap_or_default());
    let title = RwSignal::new(person.title.clone().unwrap_or_default());
    let organisation = RwSignal::new(
        person
            .organisation
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    let municipality = RwSignal::new(
        person
            .municipality
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    let errors: FormErrors = RwSignal::new(None);
    let done = on_done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let record = Person {
            name: name.get_untracked().trim().to_owned(),
            name_variants: name_variants.get_untracked(),
            party: optional(&party.get_untracked()),
            title: optional(&title.get_untracked()),
            organisation: chosen(&organisation.get_untracked()),
            municipality: chosen(&municipality.get_untracked()),
            ..person.clone()
        };
        let id = record.id.clone();
        match repo.save(&person, record) {
            Ok(()) => done(Some(id)),
            Err(e) => errors.set(Some(e)),
        }
    };
    let heading = if heading.is_empty() {
        t(Text::PersonFormHeading)
    } else {
        heading
    };
    view! {
        <form class="edit-form" on:submit=save novalidate>
            <h2>{heading}</h2>
            <FormSummary errors />
            <TextInput id="person-namn" label=t(Text::FieldName) value=name errors field="name" />
            <TextListInput id="person-stavningar" label=t(Text::FieldNameVariants) item=t(Text::ItemSpelling) items=name_variants errors field="name_variants" />
            <TextInput id="person-parti" label=t(Text::FieldParty) value=party errors field="party" hint=t(Text::HintParty) />
            <TextInput id="person-titel" label=t(Text::FieldJobTitle) value=title errors field="title" hint=t(Text::HintJobTitle) />
            <SelectInput id="person-organisation" label=t(Text::FieldOrganisation) value=organisation options=organisations errors field="organisation" empty=t(Text::NoneGiven) />
            <SelectInput id="person-kommun" label=t(Text::FieldHomeMunicipality) value=municipality options=municipalities errors field="municipality" empty=t(Text::NoneGiven) />
            <FormActions save=t(Text::Save) on_cancel=move || on_done(None) />
        </form>
    }
}

/// "Ny person" on the people list: the form for a new person, then their page.
#[component]
pub fn NewPerson() -> impl IntoView {
    let blank = || Person {
        id: PersonId::new(Repo::new_id("person")),
        meta: RecordMeta::default(),
        name: String::new(),
        name_variants: vec![],
        party: None,
        title: None,
        organisation: None,
        municipality: None,
    };
    view! {
        <NewRecordButton label=t(Text::NewPerson) form={move |done: Callback<Option<String>>| {
            view! {
                <PersonForm person=blank() heading=t(Text::NewPerson) on_done={move |id: Option<PersonId>| done.run(id.map(|id| Page::Person(id).href()))} />
            }
            .into_any()
        }} />
    }
}
