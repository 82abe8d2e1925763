use leptos::prelude::*;

use super::{chosen, date_text, organisation_options, parse_date, person_options};
use crate::components::form::*;
use crate::i18n::{t, Text};
use crate::model::*;
use crate::repo::Repo;

const ROLES: [(&str, Text); 6] = [
    ("chair", Text::RoleChair),
    ("vice_chair", Text::RoleViceChair),
    ("member", Text::RoleMember),
    ("substitute", Text::RoleSubstitute),
    ("secretary", Text::RoleSecretary),
    ("adjunct", Text::RoleAdjunct),
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
        .map(|(v, l)| ((*v).to_owned(), t(*l).to_owned()))
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
                t(Text::EditChooseSeatHolder),
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
            <h3>{t(Text::MembershipFormHeading)}</h3>
            <FormSummary errors />
            <SelectInput id="uppdrag-person" label=t(Text::FieldPerson) value=person options=people errors field="person" empty=t(Text::ChoosePerson) />
            <SelectInput id="uppdrag-roll" label=t(Text::FieldRole) value=role options=roles errors field="role" />
            {move || (role.get() == "substitute").then(|| view! {
                <SelectInput id="uppdrag-ersattare-for" label=t(Text::FieldSubstituteFor) value=for_person options=substitute_for.clone() errors field="role" empty=t(Text::NoParticularMember) />
            })}
            <SelectInput id="uppdrag-foretrader" label=t(Text::FieldRepresenting) value=representing options=organisations errors field="representing" empty=t(Text::NoneGiven) />
            <TextInput id="uppdrag-fran" label=t(Text::FieldFrom) value=from errors field="from" kind="date" />
            <TextInput id="uppdrag-till" label=t(Text::FieldTo) value=to errors field="to" kind="date" />
            <TextInput id="uppdrag-not" label=t(Text::FieldNote) value=note errors field="note" />
            <FormActions save=t(Text::SaveMembership) on_cancel=move || on_done() />
        </form>
    }
}
