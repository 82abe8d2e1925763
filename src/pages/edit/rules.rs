//! The rules of a body as edited: its composition (seats and who appoints
//! them), its offices (chair, secretary…) and its meeting rules. Parts the
//! form does not show (ex officio seats, rotations, the body a rule draws
//! from) are kept as they were.

use leptos::prelude::*;

use super::{organisation_options, with_none};
use crate::components::form::*;
use crate::i18n::{t, tf, Text};
use crate::model::*;
use crate::repo::Repo;

/// A composition rule as edited; `original` keeps what the form does not show.
#[derive(Clone, Debug)]
struct SeatRow {
    text: String,
    seats: String,
    substitutes: String,
    /// "organisation", "municipalities", "each_municipality", "each_party", "ex_officio".
    appointer: String,
    organisation: String,
    original: Option<CompositionRule>,
}

impl SeatRow {
    fn of(rule: &CompositionRule) -> Self {
        let (appointer, organisation) = match &rule.appointed_by {
            SeatAppointer::Organisation { organisation } => {
                ("organisation", organisation.to_string())
            }
            SeatAppointer::Municipalities => ("municipalities", String::new()),
            SeatAppointer::EachMunicipality => ("each_municipality", String::new()),
            SeatAppointer::EachParty => ("each_party", String::new()),
            SeatAppointer::ExOfficio { .. } => ("ex_officio", String::new()),
        };
        SeatRow {
            text: rule.text.clone(),
            seats: rule.seats.map(|n| n.to_string()).unwrap_or_default(),
            substitutes: rule.substitutes.map(|n| n.to_string()).unwrap_or_default(),
            appointer: appointer.into(),
            organisation,
            original: Some(rule.clone()),
        }
    }

    fn blank() -> Self {
        SeatRow {
            text: String::new(),
            seats: String::new(),
            substitutes: String::new(),
            appointer: "each_party".into(),
            organisation: String::new(),
            original: None,
        }
    }

    fn rule(self) -> Result<CompositionRule, EditError> {
        let number = |s: &str, message: Text| -> Result<Option<u32>, EditError> {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            s.parse().map(Some).map_err(|_| {
                EditError::Rejected(vec![FieldError::new("composition", tf(message, &[&s]))])
            })
        };
        let appointed_by = match self.appointer.as_str() {
            "organisation" if !self.organisation.is_empty() => SeatAppointer::Organisation {
                organisation: OrganisationId::new(self.organisation.clone()),
            },
            "organisation" => {
                return Err(EditError::Rejected(vec![FieldError::new(
                    "composition",
                    t(Text::EditChooseAppointer),
                )]))
            }
            "municipalities" => SeatAppointer::Municipalities,
            "each_municipality" => SeatAppointer::EachMunicipality,
            "ex_officio" => match self.original.as_ref().map(|r| r.appointed_by.clone()) {
                Some(kept @ SeatAppointer::ExOfficio { .. }) => kept,
                _ => SeatAppointer::EachParty,
            },
            _ => SeatAppointer::EachParty,
        };
        let base = self.original.clone().unwrap_or(CompositionRule {
            appointed_by: SeatAppointer::EachParty,
            seats: None,
            substitutes: None,
            drawn_from: None,
            holders: None,
            only_for: vec![],
            optional: false,
            text: String::new(),
        });
        Ok(CompositionRule {
            appointed_by,
            seats: number(&self.seats, Text::EditSeatsNumber)?,
            substitutes: number(&self.substitutes, Text::EditSubstitutesNumber)?,
            text: self.text.trim().to_owned(),
            ..base
        })
    }
}

const APPOINTERS: [(&str, Text); 5] = [
    ("organisation", Text::AppointerOrganisation),
    ("municipalities", Text::AppointerMunicipalities),
    ("each_municipality", Text::AppointerEachMunicipality),
    ("each_party", Text::AppointerEachParty),
    ("ex_officio", Text::AppointerExOfficio),
];

/// An office rule as edited.
#[derive(Clone, Debug)]
struct OfficeRow {
    text: String,
    offices: String,
    within: String,
    original: Option<OfficeRule>,
}

const OFFICE_CHOICES: [(&str, Text); 5] = [
    ("chair", Text::OfficeChair),
    ("chair,vice_chair", Text::OfficesChairAndViceChair),
    ("vice_chair", Text::OfficeViceChair),
    ("secretary", Text::RoleSecretary),
    ("presenter", Text::OfficePresenter),
];

fn offices_value(offices: &[Office]) -> String {
    offices.iter().map(enum_value).collect::<Vec<_>>().join(",")
}

const MEETING_RULE_KINDS: [(MeetingRuleKind, Text); 7] = [
    (
        MeetingRuleKind::MinimumPerYear,
        Text::MeetingRuleMinimumPerYear,
    ),
    (
        MeetingRuleKind::ExtraOnRequest,
        Text::MeetingRuleExtraOnRequest,
    ),
    (
        MeetingRuleKind::JointThemeDays,
        Text::MeetingRuleJointThemeDays,
    ),
    (
        MeetingRuleKind::ThemeConferences,
        Text::MeetingRuleThemeConferences,
    ),
    (MeetingRuleKind::Annual, Text::MeetingRuleAnnual),
    (
        MeetingRuleKind::MinutesRequired,
        Text::MeetingRuleMinutesRequired,
    ),
    (MeetingRuleKind::OnDemand, Text::MeetingRuleOnDemand),
];

/// A meeting rule as edited.
#[derive(Clone, Debug)]
struct MeetingRuleRow {
    kind: String,
    per_year: String,
    text: String,
    original: Option<MeetingRule>,
}

fn options(pairs: &[(&str, Text)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(v, l)| ((*v).to_owned(), t(*l).to_owned()))
        .collect()
}

fn seat_row(items: RwSignal<Vec<SeatRow>>, i: usize, name: &str) -> AnyView {
    let organisations = Repo::expect_context().snapshot(organisation_options);
    view! {
        <div class="row-grid">
            {row_text(items, i, tf(Text::RowRuleText, &[&name]), |r| r.text.clone(), |r, v| r.text = v, true)}
            {row_select(items, i, tf(Text::RowAppointer, &[&name]), options(&APPOINTERS), |r| r.appointer.clone(), |r, v| r.appointer = v)}
            {row_select(items, i, tf(Text::RowAppointingOrganisation, &[&name]),
                with_none(t(Text::NoneChosenParenthesised), organisations),
                |r| r.organisation.clone(), |r, v| r.organisation = v)}
            {row_text(items, i, tf(Text::RowSeats, &[&name]), |r| r.seats.clone(), |r, v| r.seats = v, false)}
            {row_text(items, i, tf(Text::RowSubstitutes, &[&name]), |r| r.substitutes.clone(), |r, v| r.substitutes = v, false)}
        </div>
    }
    .into_any()
}

fn office_row(items: RwSignal<Vec<OfficeRow>>, i: usize, name: &str) -> AnyView {
    let within = vec![
        ("nej".to_owned(), t(Text::NotChosenWithinBody).to_owned()),
        ("ja".to_owned(), t(Text::ChosenWithinBody).to_owned()),
    ];
    view! {
        <div class="row-grid">
            {row_select(items, i, tf(Text::RowOffices, &[&name]), options(&OFFICE_CHOICES), |r| r.offices.clone(), |r, v| r.offices = v)}
            {row_select(items, i, tf(Text::RowHow, &[&name]), within, |r| r.within.clone(), |r, v| r.within = v)}
            {row_text(items, i, tf(Text::RowRuleText, &[&name]), |r| r.text.clone(), |r, v| r.text = v, true)}
        </div>
    }
    .into_any()
}

fn meeting_rule_row(items: RwSignal<Vec<MeetingRuleRow>>, i: usize, name: &str) -> AnyView {
    let kinds = MEETING_RULE_KINDS
        .iter()
        .map(|(k, l)| (enum_value(k), t(*l).to_owned()))
        .collect();
    view! {
        <div class="row-grid">
            {row_select(items, i, tf(Text::RowKind, &[&name]), kinds, |r| r.kind.clone(), |r, v| r.kind = v)}
            {row_text(items, i, tf(Text::RowPerYear, &[&name]), |r| r.per_year.clone(), |r, v| r.per_year = v, false)}
            {row_text(items, i, tf(Text::RowRuleText, &[&name]), |r| r.text.clone(), |r, v| r.text = v, true)}
        </div>
    }
    .into_any()
}

/// Composition, offices and meeting rules of a body.
#[component]
pub fn BodyRulesForm(
    body: Body,
    on_done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let seats = RwSignal::new(body.composition.iter().map(SeatRow::of).collect::<Vec<_>>());
    let offices = RwSignal::new(
        body.offices
            .iter()
            .map(|o| OfficeRow {
                text: o.text.clone(),
                offices: offices_value(&o.offices),
                within: if o.chosen_within { "ja" } else { "nej" }.into(),
                original: Some(o.clone()),
            })
            .collect::<Vec<_>>(),
    );
    let meeting_rules = RwSignal::new(
        body.meeting_rules
            .iter()
            .map(|m| MeetingRuleRow {
                kind: enum_value(&m.kind),
                per_year: m.per_year.map(|n| n.to_string()).unwrap_or_default(),
                text: m.text.clone(),
                original: Some(m.clone()),
            })
            .collect::<Vec<_>>(),
    );
    let errors: FormErrors = RwSignal::new(None);
    let done = on_done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let build = || -> Result<Body, EditError> {
            let composition = seats
                .get_untracked()
                .into_iter()
                .map(SeatRow::rule)
                .collect::<Result<Vec<_>, _>>()?;
            let office_rules = offices
                .get_untracked()
                .into_iter()
                .map(|row| {
                    let chosen: Vec<Office> =
                        row.offices.split(',').filter_map(enum_from).collect();
                    let base = row.original.unwrap_or(OfficeRule {
                        offices: vec![],
                        chosen_within: false,
                        held_by: None,
                        rotation: None,
                        text: String::new(),
                    });
                    OfficeRule {
                        offices: chosen,
                        chosen_within: row.within == "ja",
                        text: row.text.trim().to_owned(),
                        ..base
                    }
                })
                .collect();
            let rules = meeting_rules
                .get_untracked()
                .into_iter()
                .map(|row| {
                    let per_year = match row.per_year.trim() {
                        "" => None,
                        n => Some(n.parse::<u32>().map_err(|_| {
                            EditError::Rejected(vec![FieldError::new(
                                "meeting_rules",
                                tf(Text::EditPerYearNumber, &[&n]),
                            )])
                        })?),
                    };
                    let kind = enum_from(&row.kind).unwrap_or(MeetingRuleKind::OnDemand);
                    Ok(MeetingRule {
                        kind,
                        per_year,
                        with: row.original.and_then(|m| m.with),
                        text: row.text.trim().to_owned(),
                    })
                })
                .collect::<Result<Vec<_>, EditError>>()?;
            Ok(Body {
                composition,
                offices: office_rules,
                meeting_rules: rules,
                ..body.clone()
            })
        };
        match build().and_then(|record| repo.save(&body, record)) {
            Ok(()) => done(),
            Err(e) => errors.set(Some(e)),
        }
    };
    view! {
        <form class="edit-form wide" on:submit=save novalidate>
            <h2>{t(Text::EditRulesHeading)}</h2>
            <FormSummary errors />
            <RowList id="regler-sammansattning" label=t(Text::Composition) item=t(Text::ItemSeatRule) items=seats new_item=SeatRow::blank row=seat_row errors field="composition" />
            <RowList id="regler-uppdrag" label=t(Text::OfficesHeading) item=t(Text::ItemOfficeRule) items=offices
                new_item=|| OfficeRow { text: String::new(), offices: "chair".into(), within: "ja".into(), original: None }
                row=office_row errors field="offices" />
            <RowList id="regler-moten" label=t(Text::Meetings) item=t(Text::ItemMeetingRule) items=meeting_rules
                new_item=|| MeetingRuleRow { kind: enum_value(&MeetingRuleKind::MinimumPerYear), per_year: String::new(), text: String::new(), original: None }
                row=meeting_rule_row errors field="meeting_rules" />
            <FormActions save=t(Text::SaveRules) on_cancel=move || on_done() />
        </form>
    }
}
