use leptos::prelude::*;

use super::{county_options, first_county, NewRecordButton};
use crate::components::form::*;
use crate::i18n::{t, Text};
use crate::model::*;
use crate::repo::Repo;
use crate::routes::organisation_href;

const KINDS: [(OrganisationKind, Text); 4] = [
    (OrganisationKind::Region, Text::OrganisationKindRegion),
    (
        OrganisationKind::Municipality,
        Text::OrganisationKindMunicipality,
    ),
    (
        OrganisationKind::Association,
        Text::OrganisationKindAssociation,
    ),
    (OrganisationKind::Other, Text::OrganisationKindOther),
];

/// The form of an organisation: new (`organisation` blank) or existing.
/// Several can be open on the people list at once, so the DOM ids carry
/// the organisation's id.
#[component]
pub fn OrganisationForm(
    organisation: Organisation,
    /// Called with the organisation's id after saving, and with `None` on cancel.
    on_done: impl Fn(Option<OrganisationId>) + Clone + Send + Sync + 'static,
    #[prop(optional)] heading: &'static str,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let counties = repo.snapshot(county_options);
    let kinds: Vec<(String, String)> = KINDS
        .iter()
        .map(|(k, l)| (enum_value(k), t(*l).to_owned()))
        .collect();
    let name = RwSignal::new(organisation.name.clone());
    let kind = RwSignal::new(enum_value(&organisation.kind));
    let county = RwSignal::new(organisation.county.to_string());
    let former_names = RwSignal::new(organisation.former_names.clone());
    let note = RwSignal::new(organisation.note.clone().unwrap_or_default());
    let errors: FormErrors = RwSignal::new(None);
    let prefix = format!("organisation-{}", organisation.id);
    let done = on_done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let record = Organisation {
            name: name.get_untracked().trim().to_owned(),
            kind: enum_from(&kind.get_untracked()).unwrap_or(organisation.kind),
            county: CountyId::new(county.get_untracked()),
            former_names: former_names.get_untracked(),
            note: optional(&note.get_untracked()),
            ..organisation.clone()
        };
        let id = record.id.clone();
        match repo.save(&organisation, record) {
            Ok(()) => done(Some(id)),
            Err(e) => errors.set(Some(e)),
        }
    };
    let heading = if heading.is_empty() {
        t(Text::OrganisationFormHeading)
    } else {
        heading
    };
    view! {
        <form class="edit-form" on:submit=save novalidate>
            <h3>{heading}</h3>
            <FormSummary errors />
            <TextInput id=format!("{prefix}-namn") label=t(Text::FieldName) value=name errors field="name" />
            <SelectInput id=format!("{prefix}-typ") label=t(Text::FieldType) value=kind options=kinds errors field="kind" />
            <SelectInput id=format!("{prefix}-lan") label=t(Text::FieldCounty) value=county options=counties errors field="county" />
            <TextListInput id=format!("{prefix}-tidigare-namn") label=t(Text::FieldFormerNames) item=t(Text::ItemFormerName) items=former_names errors field="former_names" />
            <TextInput id=format!("{prefix}-not") label=t(Text::FieldNote) value=note errors field="note" multiline=true />
            <FormActions save=t(Text::Save) on_cancel=move || on_done(None) />
        </form>
    }
}

/// "Ny organisation" on the people list: the form for a new organisation,
/// then its place in the list.
#[component]
pub fn NewOrganisation() -> impl IntoView {
    let repo = Repo::expect_context();
    let blank = move || {
        let county = repo.snapshot(first_county);
        Organisation {
            id: OrganisationId::new(Repo::new_id("org")),
            meta: RecordMeta::default(),
            name: String::new(),
            kind: OrganisationKind::Municipality,
            county,
            former_names: vec![],
            note: None,
        }
    };
    view! {
        <NewRecordButton label=t(Text::NewOrganisation) form={move |done: Callback<Option<String>>| {
            view! {
                <OrganisationForm organisation=blank() heading=t(Text::NewOrganisation) on_done={move |id: Option<OrganisationId>| done.run(id.map(|id| organisation_href(&id)))} />
            }
            .into_any()
        }} />
    }
}
