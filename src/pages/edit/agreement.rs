use leptos::prelude::*;

use super::{
    blocks_text, county_options, date_text, first_county, parse_date, refused, text_blocks,
    NewRecordButton,
};
use crate::components::form::*;
use crate::i18n::{t, tf, Text};
use crate::model::*;
use crate::repo::Repo;
use crate::routes::Page;

/// Every section kind, in the order the select offers them.
const SECTION_KINDS: [SectionKind; 21] = [
    SectionKind::Background,
    SectionKind::Parties,
    SectionKind::Values,
    SectionKind::Purpose,
    SectionKind::Goals,
    SectionKind::Priorities,
    SectionKind::Mandate,
    SectionKind::StartingPoints,
    SectionKind::Forms,
    SectionKind::Representation,
    SectionKind::WorkingOrder,
    SectionKind::CaseFlow,
    SectionKind::Support,
    SectionKind::CostSharing,
    SectionKind::FollowUp,
    SectionKind::EffectGoals,
    SectionKind::Responsibilities,
    SectionKind::EntryIntoForce,
    SectionKind::Validity,
    SectionKind::Diagram,
    SectionKind::Other,
];

/// One section as the form edits it.
#[derive(Clone, Debug, Default)]
struct SectionRow {
    number: String,
    title: String,
    kind: String,
    text: String,
    /// The section's blocks, kept as they are (lists and headings included)
    /// while `text` is unchanged.
    blocks: Vec<Block>,
    bodies: Vec<BodyId>,
}

impl SectionRow {
    fn of(section: &Section) -> Self {
        let text = blocks_text(&section.blocks);
        SectionRow {
            number: section.number.clone().unwrap_or_default(),
            title: section.title.clone(),
            kind: enum_value(&section.kind),
            text,
            blocks: section.blocks.clone(),
            bodies: section.bodies.clone(),
        }
    }

    fn blank() -> Self {
        SectionRow {
            kind: enum_value(&SectionKind::Other),
            ..SectionRow::default()
        }
    }

    fn section(self) -> Section {
        let blocks = text_blocks(&self.blocks, &self.text);
        Section {
            number: optional(&self.number),
            title: self.title.trim().to_owned(),
            kind: enum_from(&self.kind).unwrap_or(SectionKind::Other),
            blocks,
            bodies: self.bodies,
        }
    }
}

/// A checkbox for an organisation that can be a party.
#[derive(Clone)]
struct PartyBox {
    id: OrganisationId,
    name: String,
    county: CountyId,
    checked: RwSignal<bool>,
}

/// Every live organisation as a possible party, ticked when it is one, and
/// any party that is no longer live (so it is seen, not dropped silently).
fn party_boxes(data: &Dataset, parties: &[AgreementParty]) -> Vec<PartyBox> {
    let is_party = |id: &OrganisationId| {
        parties.iter().any(
            |p| matches!(p, AgreementParty::Organisation { organisation } if organisation == id),
        )
    };
    let mut boxes: Vec<PartyBox> = data
        .live_organisations()
        .map(|o| PartyBox {
            id: o.id.clone(),
            name: o.name.clone(),
            county: o.county.clone(),
            checked: RwSignal::new(is_party(&o.id)),
        })
        .collect();
    boxes.sort_by(|a, b| a.name.cmp(&b.name));
    for party in parties {
        if let AgreementParty::Organisation { organisation } = party {
            if !boxes.iter().any(|b| &b.id == organisation) {
                boxes.push(PartyBox {
                    id: organisation.clone(),
                    name: organisation.to_string(),
                    county: CountyId::new(""),
                    checked: RwSignal::new(true),
                });
            }
        }
    }
    boxes
}

/// The parties the form's boxes say, in the agreement's order, new ones last.
fn chosen_parties(
    original: &[AgreementParty],
    boxes: &[PartyBox],
    each_municipality: bool,
    county: &CountyId,
) -> Vec<AgreementParty> {
    let ticked = |id: &OrganisationId| {
        boxes
            .iter()
            .any(|b| &b.id == id && b.checked.get_untracked())
    };
    let each = AgreementParty::EachMunicipalityOf {
        county: county.clone(),
    };
    let mut parties: Vec<AgreementParty> = original
        .iter()
        .filter_map(|p| match p {
            AgreementParty::Organisation { organisation } => {
                ticked(organisation).then(|| p.clone())
            }
            AgreementParty::EachMunicipalityOf { .. } => each_municipality.then(|| each.clone()),
        })
        .collect();
    for b in boxes.iter().filter(|b| b.checked.get_untracked()) {
        let party = AgreementParty::Organisation {
            organisation: b.id.clone(),
        };
        if !parties.contains(&party) {
            parties.push(party);
        }
    }
    if each_municipality && !parties.contains(&each) {
        parties.push(each);
    }
    parties
}

/// The notice period typed in the form; the other notice fields stay as
/// they were.
fn notice_from(text: &str, original: Option<&Notice>) -> Result<Option<Notice>, EditError> {
    let Some(text) = optional(text) else {
        return Ok(None);
    };
    let months: u32 = text
        .parse()
        .map_err(|_| refused("notice", t(Text::EditNoticeMonths)))?;
    Ok(Some(match original {
        Some(notice) => Notice {
            months,
            ..notice.clone()
        },
        None => Notice {
            months,
            mutual: false,
            addressed_to: None,
            text: String::new(),
        },
    }))
}

/// The message of the core for a field, under its fieldset.
fn field_message(errors: FormErrors, field: &'static str) -> String {
    errors.with(|e| {
        e.as_ref()
            .map(|e| e.for_field(field).join(" "))
            .unwrap_or_default()
    })
}

/// The sections of an agreement, edited in place: each its number, title,
/// kind and text, moved up or down, removed, or added.
#[component]
fn SectionsInput(sections: RwSignal<Vec<SectionRow>>, errors: FormErrors) -> impl IntoView {
    let len = Memo::new(move |_| sections.with(Vec::len));
    let rows = move || {
        let n = len.get();
        (0..n)
            .map(|i| {
                let row = tf(Text::SectionRow, &[&(i + 1)]);
                let id = format!("overenskommelse-avsnitt-{}", i + 1);
                let get = move |f: fn(&SectionRow) -> String| {
                    sections.with(|v| v.get(i).map(f).unwrap_or_default())
                };
                let set = move |f: fn(&mut SectionRow, String)| {
                    move |ev| {
                        let value = event_target_value(&ev);
                        sections.update(|v| {
                            if let Some(r) = v.get_mut(i) {
                                f(r, value)
                            }
                        })
                    }
                };
                let kinds = SECTION_KINDS
                    .iter()
                    .map(|k| {
                        let value = enum_value(k);
                        let selected = value.clone();
                        view! {
                            <option value=value prop:selected=move || get(|r| r.kind.clone()) == selected>
                                {k.label()}
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    <li>
                        <fieldset class="section-row">
                            <legend>{tf(Text::SectionLegend, &[&(i + 1)])}</legend>
                            <div class="field">
                                <label for=format!("{id}-nummer")>{t(Text::FieldNumberOptional)}</label>
                                <input id=format!("{id}-nummer") type="text" class="short"
                                    prop:value=move || get(|r| r.number.clone()) on:input=set(|r, v| r.number = v) />
                            </div>
                            <div class="field">
                                <label for=format!("{id}-rubrik")>{t(Text::FieldSectionHeading)}</label>
                                <input id=format!("{id}-rubrik") type="text"
                                    prop:value=move || get(|r| r.title.clone()) on:input=set(|r, v| r.title = v) />
                            </div>
                            <div class="field">
                                <label for=format!("{id}-typ")>{t(Text::FieldSectionKind)}</label>
                                <select id=format!("{id}-typ") on:change=set(|r, v| r.kind = v)>{kinds}</select>
                            </div>
                            <div class="field">
                                <label for=format!("{id}-text")>{t(Text::FieldText)}</label>
                                <textarea id=format!("{id}-text") rows="6" aria-describedby="overenskommelse-avsnitt-hjalp"
                                    prop:value=move || get(|r| r.text.clone()) on:input=set(|r, v| r.text = v)></textarea>
                            </div>
                            <RowButtons row first=i == 0 last=i + 1 == n
                                on_up=move || sections.update(|v| move_item(v, i, -1))
                                on_down=move || sections.update(|v| move_item(v, i, 1))
                                on_remove=move || sections.update(|v| { if i < v.len() { v.remove(i); } }) />
                        </fieldset>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="list-field" aria-describedby="overenskommelse-avsnitt-fel">
            <legend>{t(Text::FieldSections)}</legend>
            <p class="hint" id="overenskommelse-avsnitt-hjalp">
                {t(Text::HintSections)}
            </p>
            <ol>{rows}</ol>
            <button type="button" class="secondary" on:click=move |_| sections.update(|v| v.push(SectionRow::blank()))>
                {t(Text::AddSection)}
            </button>
            <p class="field-error" id="overenskommelse-avsnitt-fel">{move || field_message(errors, "sections")}</p>
        </fieldset>
    }
}

/// The form of an agreement: new (`agreement` blank) or existing. What the
/// form does not show (signatories, entry into force, validity, follow-up,
/// cost sharing, revisions) stays as it was.
#[component]
pub fn AgreementForm(
    agreement: Agreement,
    /// Called with the agreement's id after saving, and with `None` on cancel.
    on_done: impl Fn(Option<AgreementId>) + Clone + Send + Sync + 'static,
    #[prop(optional)] heading: &'static str,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let (counties, boxes) =
        repo.snapshot(|d| (county_options(d), party_boxes(d, &agreement.parties)));
    let title = RwSignal::new(agreement.title.clone());
    let county = RwSignal::new(agreement.county.to_string());
    let original_date = date_text(agreement.date.value().copied());
    let date = RwSignal::new(original_date.clone());
    let each_municipality = RwSignal::new(
        agreement
            .parties
            .iter()
            .any(|p| matches!(p, AgreementParty::EachMunicipalityOf { .. })),
    );
    let notice_months = RwSignal::new(
        agreement
            .notice
            .as_ref()
            .map(|n| n.months.to_string())
            .unwrap_or_default(),
    );
    let sections = RwSignal::new(
        agreement
            .sections
            .iter()
            .map(SectionRow::of)
            .collect::<Vec<_>>(),
    );
    let errors: FormErrors = RwSignal::new(None);
    let date_caveat = match &agreement.date {
        Fact::Stated(_) => None,
        Fact::Inferred { reason, .. } => Some(tf(Text::InferredDate, &[reason])),
        Fact::Unknown { reason } if !reason.trim().is_empty() => {
            Some(tf(Text::UnknownDate, &[reason]))
        }
        Fact::Unknown { .. } => None,
    };
    let save_boxes = boxes.clone();
    let done = on_done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let build = || -> Result<Agreement, EditError> {
            let county_id = CountyId::new(county.get_untracked());
            let date_text = date.get_untracked();
            let date_fact = if date_text.trim() == original_date {
                agreement.date.clone()
            } else {
                match parse_date(&date_text, "date")? {
                    Some(d) => Fact::Stated(d),
                    None => Fact::Unknown {
                        reason: t(Text::NoDateGiven).into(),
                    },
                }
            };
            Ok(Agreement {
                title: title.get_untracked().trim().to_owned(),
                parties: chosen_parties(
                    &agreement.parties,
                    &save_boxes,
                    each_municipality.get_untracked(),
                    &county_id,
                ),
                county: county_id,
                date: date_fact,
                notice: notice_from(&notice_months.get_untracked(), agreement.notice.as_ref())?,
                sections: sections
                    .get_untracked()
                    .into_iter()
                    .map(SectionRow::section)
                    .collect(),
                ..agreement.clone()
            })
        };
        let record = match build() {
            Ok(record) => record,
            Err(e) => return errors.set(Some(e)),
        };
        let id = record.id.clone();
        match repo.save(&agreement, record) {
            Ok(()) => done(Some(id)),
            Err(e) => errors.set(Some(e)),
        }
    };
    // Organisations of the chosen county, and any party ticked elsewhere.
    // Ticking does not rebuild the list, so focus stays on the box.
    let party_checks = move || {
        let county = county.get();
        boxes
            .iter()
            .filter(|b| b.county.as_str() == county || b.checked.get_untracked())
            .map(|b| {
                view! {
                    <CheckInput id=format!("overenskommelse-part-{}", b.id) label=b.name.clone() value=b.checked />
                }
            })
            .collect_view()
    };
    let heading = if heading.is_empty() {
        t(Text::AgreementFormHeading)
    } else {
        heading
    };
    view! {
        <form class="edit-form" on:submit=save novalidate>
            <h2>{heading}</h2>
            <FormSummary errors />
            <TextInput id="overenskommelse-rubrik" label=t(Text::FieldHeading) value=title errors field="title" />
            <SelectInput id="overenskommelse-lan" label=t(Text::FieldCounty) value=county options=counties errors field="county" />
            <TextInput id="overenskommelse-datum" label=t(Text::FieldDate) value=date errors field="date" kind="date" />
            {date_caveat.map(|c| view! { <p class="hint">{c}</p> })}
            <fieldset class="list-field" aria-describedby="overenskommelse-parter-fel">
                <legend>{t(Text::Parties)}</legend>
                {party_checks}
                <CheckInput id="overenskommelse-part-kommunerna" label=t(Text::EachMunicipalityInCounty).to_owned() value=each_municipality />
                <p class="field-error" id="overenskommelse-parter-fel">{move || field_message(errors, "parties")}</p>
            </fieldset>
            <TextInput id="overenskommelse-uppsagning" label=t(Text::FieldNoticeMonths) value=notice_months errors field="notice" kind="number" />
            <SectionsInput sections errors />
            <FormActions save=t(Text::Save) on_cancel=move || on_done(None) />
        </form>
    }
}

/// "Ny överenskommelse" on the agreement list: the form for a new
/// agreement, then its page.
#[component]
pub fn NewAgreement() -> impl IntoView {
    let repo = Repo::expect_context();
    let blank = move || {
        let county = repo.snapshot(first_county);
        Agreement {
            id: AgreementId::new(Repo::new_id("overenskommelse")),
            meta: RecordMeta::default(),
            county,
            title: String::new(),
            parties: vec![],
            date: Fact::default(),
            signatories: vec![],
            sections: vec![SectionRow::blank().section()],
            entry_into_force: None,
            validity: Validity::UntilFurtherNotice,
            notice: None,
            follow_up: vec![],
            establishes: vec![],
            cost_sharing: vec![],
            revisions: vec![],
        }
    };
    view! {
        <NewRecordButton label=t(Text::NewAgreement) form={move |done: Callback<Option<String>>| {
            view! {
                <AgreementForm agreement=blank() heading=t(Text::NewAgreement) on_done={move |id: Option<AgreementId>| done.run(id.map(|id| Page::Agreement(id).href()))} />
            }
            .into_any()
        }} />
    }
}
