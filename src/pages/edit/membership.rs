use leptos::prelude::*;

use super::{chosen, date_text, organisation_options, parse_date, person_options};
use crate::components::form::*;
use crate::model::*;
use crate::repo::Repo;

const ROLES: [(&str, &str); 6] = [
    ("chair", "Ordförande"),
    ("vice_chair", "Vice ordförande"),
    ("member", "Ledamot"),
    ("substitute", "Ersättare"),
    ("secretary", "Sekreterare"),
    ("adjunct", "Adjungerad"),
];

fn role_value(role: &MembershipRole) -> &'static str {
    match role {
        MembershipRole::Chair => "chair",
        MembershipRole::ViceChair => "vice_chair",
        MembershipRole::Member => "member",
        MembershipRole::Substitute { .. } => "substitute",
        MembershipRole::Secretary => "secretary",
        MembershipRole::Adjunct => "adjunct",
    }
}

/// A seat in `body`: new when `membership` is `None`.
#[component]
pub fn MembershipForm(
    body: BodyId,
    membership: Option<Membership>,
    on_done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let (people, organisations) = repo.snapshot(|d| (person_options(d), organisation_options(d)));
    let roles: Vec<(String, String)> = ROLES
        .iter()
        .map(|(v, l)| ((*v).to_owned(), (*l).to_owned()))
        .collect();
    let m = membership.clone();
    let person = RwSignal::new(m.as_ref().map(|m| m.person.to_string()).unwrap_or_default());
    let role = RwSignal::new(
        m.as_ref()
            .map(|m| role_value(&m.role))
            .unwrap_or("member")
            .to_owned(),
    );
    let for_person = RwSignal::new(match m.as_ref().map(|m| &m.role) {
        Some(MembershipRole::Substitute {
            for_person: Some(p),
        }) => p.to_string(),
        _ => String::new(),
    });
    let representing = RwSignal::new(
        m.as_ref()
            .and_then(|m| m.representing.as_ref())
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    let from = RwSignal::new(date_text(m.as_ref().and_then(|m| m.from)));
    let to = RwSignal::new(date_text(m.as_ref().and_then(|m| m.to)));
    let note = RwSignal::new(m.as_ref().and_then(|m| m.note.clone()).unwrap_or_default());
    let errors: FormErrors = RwSignal::new(None);
    let done = on_done.clone();
    let substitute_for = people.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = parse_date(&from.get_untracked(), "from")
            .and_then(|f| parse_date(&to.get_untracked(), "to").map(|t| (f, t)));
        let (from_date, to_date) = match parsed {
            Ok(dates) => dates,
            Err(e) => return errors.set(Some(e)),
        };
        let Some(person_id) = chosen::<PersonId>(&person.get_untracked()) else {
            return errors.set(Some(EditError::Rejected(vec![FieldError::new(
                "person",
                "välj vem som har uppdraget.",
            )])));
        };
        let role = match role.get_untracked().as_str() {
            "chair" => MembershipRole::Chair,
            "vice_chair" => MembershipRole::ViceChair,
            "substitute" => MembershipRole::Substitute {
                for_person: chosen(&for_person.get_untracked()),
            },
            "secretary" => MembershipRole::Secretary,
            "adjunct" => MembershipRole::Adjunct,
            _ => MembershipRole::Member,
        };
        let record = Membership {
            id: membership
                .as_ref()
                .map(|m| m.id.clone())
                .unwrap_or_else(|| MembershipId::new(Repo::new_id("uppdrag"))),
            meta: RecordMeta::default(),
            person: person_id,
            body: body.clone(),
            role,
            representing: chosen(&representing.get_untracked()),
            from: from_date,
            to: to_date,
            note: optional(&note.get_untracked()),
        };
        let opened = membership.clone().unwrap_or_else(|| record.clone());
        match repo.save(&opened, record) {
            Ok(()) => done(),
            Err(e) => errors.set(Some(e)),
        }
    };
    view! {
        <form class="edit-form" on:submit=save novalidate>
            <h3>"Uppdrag i organet"</h3>
            <FormSummary errors />
            <SelectInput id="uppdrag-person" label="Person" value=person options=people errors field="person" empty="Välj person" />
            <SelectInput id="uppdrag-roll" label="Roll" value=role options=roles errors field="role" />
            {move || (role.get() == "substitute").then(|| view! {
                <SelectInput id="uppdrag-ersattare-for" label="Personlig ersättare för" value=for_person options=substitute_for.clone() errors field="role" empty="Ingen särskild ledamot" />
            })}
            <SelectInput id="uppdrag-foretrader" label="Företräder" value=representing options=organisations errors field="representing" empty="Ingen angiven" />
            <TextInput id="uppdrag-fran" label="Från" value=from errors field="from" kind="date" />
            <TextInput id="uppdrag-till" label="Till" value=to errors field="to" kind="date" />
            <TextInput id="uppdrag-not" label="Anteckning" value=note errors field="note" />
            <FormActions save="Spara uppdrag" on_cancel=move || on_done() />
        </form>
    }
}
