//! The edit forms of every record kind, the minutes workflow controls, the
//! change history of a record and deletion. Each form edits a copy of the
//! record in signals and hands the whole record to `Repo::save`, which
//! validates it in the core; a refused save keeps the input and shows the
//! core's messages next to the fields.

mod agreement;
mod body;
mod history;
mod meeting;
mod meeting_fields;
mod membership;
mod minutes;
mod organisation;
mod paragraph;
mod paragraph_fields;
mod person;
mod relation;
mod roll_call;
mod rules;

pub use agreement::{AgreementForm, NewAgreement};
pub use body::{BodyForm, NewBody};
pub use history::{ChangesPage, DeleteButton, RecordHistory, UndoBar};
pub use meeting::{MeetingForm, NewMinutes};
pub use membership::MembershipForm;
pub use minutes::{Addenda, MinutesWorkflow, PaperSignature};
pub use organisation::{NewOrganisation, OrganisationForm};
pub use paragraph::{NewParagraph, OpenParagraph, ParagraphForm};
pub use person::{NewPerson, PersonForm};
pub use relation::RelationForm;
pub use rules::BodyRulesForm;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::form::paragraphs_of;
use crate::i18n::{tf, Text};
use crate::model::*;

/// (id, name) of the live bodies, by county then name.
fn body_options(data: &Dataset) -> Vec<(String, String)> {
    let mut bodies: Vec<&Body> = data.live_bodies().collect();
    bodies.sort_by(|a, b| (&a.county, &a.name).cmp(&(&b.county, &b.name)));
    bodies
        .into_iter()
        .map(|b| {
            let county = data
                .county(&b.county)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            (b.id.to_string(), format!("{} ({county})", b.display_name()))
        })
        .collect()
}

/// (id, name) of the live people, by name.
fn person_options(data: &Dataset) -> Vec<(String, String)> {
    let mut people: Vec<(String, String)> = data
        .live_people()
        .map(|p| {
            let label = match &p.party {
                Some(party) => format!("{} ({party})", p.name),
                None => p.name.clone(),
            };
            (p.id.to_string(), label)
        })
        .collect();
    people.sort_by(|a, b| a.1.cmp(&b.1));
    people
}

/// (id, name) of the live organisations, by name.
fn organisation_options(data: &Dataset) -> Vec<(String, String)> {
    let mut orgs: Vec<(String, String)> = data
        .live_organisations()
        .map(|o| (o.id.to_string(), o.name.clone()))
        .collect();
    orgs.sort_by(|a, b| a.1.cmp(&b.1));
    orgs
}

fn county_options(data: &Dataset) -> Vec<(String, String)> {
    data.live_counties()
        .map(|c| (c.id.to_string(), c.name.clone()))
        .collect()
}

fn agreement_options(data: &Dataset) -> Vec<(String, String)> {
    data.live_agreements()
        .map(|a| (a.id.to_string(), a.title.clone()))
        .collect()
}

/// `Some(id)` for a non-empty select value.
fn chosen<T: for<'a> From<&'a str>>(value: &str) -> Option<T> {
    (!value.trim().is_empty()).then(|| T::from(value.trim()))
}

fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A date typed in a date input; `Err` with a message for text that is no date.
fn parse_date(text: &str, field: &'static str) -> Result<Option<chrono::NaiveDate>, EditError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| {
        EditError::Rejected(vec![FieldError::new(
            field,
            tf(Text::EditNotADate, &[&text]),
        )])
    })
}

/// A refusal of one field, for input the form itself cannot read.
fn refused(field: &'static str, message: &str) -> EditError {
    EditError::Rejected(vec![FieldError::new(field, message)])
}

/// Running text as it is edited: paragraphs with a blank line between.
fn blocks_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(text) => text.clone(),
            Block::List(items) => items
                .iter()
                .map(|i| format!("– {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Heading { heading } => heading.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The text edited back as blocks; untouched text keeps its blocks as
/// they were (lists and headings included).
fn text_blocks(original: &[Block], text: &str) -> Vec<Block> {
    if text == blocks_text(original) {
        return original.to_vec();
    }
    paragraphs_of(text)
        .into_iter()
        .map(Block::Paragraph)
        .collect()
}

/// The county new records start in: the data's first.
fn first_county(data: &Dataset) -> CountyId {
    data.live_counties()
        .next()
        .map(|c| c.id.clone())
        .unwrap_or_else(|| CountyId::new("nb"))
}

/// A "Ny …" button that opens the form for a new record. `form` draws the
/// form, which calls `done` with the saved record's page (then shown) or
/// `None` (cancelled).
#[component]
fn NewRecordButton(
    label: &'static str,
    form: impl Fn(Callback<Option<String>>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let navigate = use_navigate();
    let done = Callback::new(move |page: Option<String>| {
        open.set(false);
        if let Some(page) = page {
            navigate(&page, Default::default());
        }
    });
    view! {
        <div class="new-record edit-only">
            <button type="button" on:click=move |_| open.set(true) hidden=move || open.get()>{label}</button>
            {move || open.get().then(|| form(done))}
        </div>
    }
}

/// `options` after a first, empty choice named `none`.
fn with_none(none: &str, options: Vec<(String, String)>) -> Vec<(String, String)> {
    std::iter::once((String::new(), none.to_owned()))
        .chain(options)
        .collect()
}
