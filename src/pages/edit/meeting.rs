use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::meeting_fields::{AgendaRow, MakerRow, MeetingFields, ParticipantRow};
use super::{organisation_options, parse_date, person_options, refused, with_none};
use crate::components::form::*;
use crate::i18n::{t, tf, Text};
use crate::model::*;
use crate::repo::{today, Repo};
use crate::routes::Page;

fn agenda_row(items: RwSignal<Vec<AgendaRow>>, i: usize, name: &str) -> AnyView {
    view! {
        <div class="row-grid">
            {row_text(items, i, tf(Text::RowNumber, &[&name]), |r| r.number.clone(), |r, v| r.number = v, false)}
            {row_text(items, i, tf(Text::RowTitle, &[&name]), |r| r.title.clone(), |r, v| r.title = v, false)}
            {row_text(items, i, tf(Text::RowFromTime, &[&name]), |r| r.start.clone(), |r, v| r.start = v, false)}
            {row_text(items, i, tf(Text::RowToTime, &[&name]), |r| r.end.clone(), |r, v| r.end = v, false)}
        </div>
    }
    .into_any()
}

fn maker_row(items: RwSignal<Vec<MakerRow>>, i: usize, name: &str) -> AnyView {
    let (people, organisations) =
        Repo::expect_context().snapshot(|d| (person_options(d), organisation_options(d)));
    view! {
        <div class="row-grid">
            {row_select(items, i, tf(Text::RowPerson, &[&name]), with_none(t(Text::ChoosePerson), people), |r| r.person.clone(), |r, v| r.person = v)}
            {row_select(items, i, tf(Text::RowRepresenting, &[&name]), with_none(t(Text::FieldRepresenting), organisations), |r| r.representing.clone(), |r, v| r.representing = v)}
            {row_text(items, i, tf(Text::RowParty, &[&name]), |r| r.party.clone(), |r, v| r.party = v, false)}
            {row_text(items, i, tf(Text::RowFromParagraph, &[&name]), |r| r.first.clone(), |r, v| r.first = v, false)}
            {row_text(items, i, tf(Text::RowToParagraph, &[&name]), |r| r.last.clone(), |r, v| r.last = v, false)}
        </div>
    }
    .into_any()
}

fn participant_row(items: RwSignal<Vec<ParticipantRow>>, i: usize, name: &str) -> AnyView {
    let people = Repo::expect_context().snapshot(person_options);
    view! {
        <div class="row-grid">
            {row_select(items, i, tf(Text::RowPerson, &[&name]), with_none(t(Text::ChoosePerson), people), |r| r.person.clone(), |r, v| r.person = v)}
            {row_text(items, i, tf(Text::RowRole, &[&name]), |r| r.role.clone(), |r, v| r.role = v, false)}
        </div>
    }
    .into_any()
}

fn kinds() -> Vec<(String, String)> {
    MeetingKind::ALL
        .iter()
        .map(|k| (enum_value(k), k.label().to_owned()))
        .collect()
}

/// The facts of a meeting: when, where, who chairs, keeps the minutes and
/// adjusts them, who decides (with the § each attended) and who else took part.
#[component]
pub fn MeetingForm(
    meeting: Meeting,
    on_done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let people = repo.snapshot(person_options);
    let shown = MeetingFields::of(&meeting);
    let date = RwSignal::new(shown.date);
    let start = RwSignal::new(shown.start);
    let place = RwSignal::new(shown.place);
    let kind = RwSignal::new(shown.kind);
    let chair = RwSignal::new(shown.chair);
    let secretary = RwSignal::new(shown.secretary);
    let adjuster = RwSignal::new(shown.adjuster);
    let second_adjuster = RwSignal::new(shown.second_adjuster);
    let makers = RwSignal::new(shown.makers);
    let participants = RwSignal::new(shown.participants);
    let agenda = RwSignal::new(shown.agenda);
    let errors: FormErrors = RwSignal::new(None);
    let done = on_done.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = MeetingFields {
            date: date.get_untracked(),
            start: start.get_untracked(),
            place: place.get_untracked(),
            kind: kind.get_untracked(),
            chair: chair.get_untracked(),
            secretary: secretary.get_untracked(),
            adjuster: adjuster.get_untracked(),
            second_adjuster: second_adjuster.get_untracked(),
            makers: makers.get_untracked(),
            participants: participants.get_untracked(),
            agenda: agenda.get_untracked(),
        };
        match fields
            .meeting(&meeting)
            .and_then(|record| repo.save(&meeting, record))
        {
            Ok(()) => done(),
            Err(e) => errors.set(Some(e)),
        }
    };
    view! {
        <form class="edit-form" on:submit=save novalidate>
            <h2>{t(Text::MeetingFormHeading)}</h2>
            <FormSummary errors />
            <TextInput id="mote-datum" label=t(Text::FieldDate) value=date errors field="date" kind="date" />
            <TextInput id="mote-tid" label=t(Text::FieldTime) value=start errors field="start" kind="time" />
            <TextInput id="mote-plats" label=t(Text::FieldPlace) value=place errors field="place" />
            <SelectInput id="mote-typ" label=t(Text::FieldType) value=kind options=kinds() errors field="kind" />
            <SelectInput id="mote-ordforande" label=t(Text::RoleChair) value=chair options=people.clone() errors field="chair" empty=t(Text::NoneGiven) />
            <SelectInput id="mote-sekreterare" label=t(Text::RoleSecretary) value=secretary options=people.clone() errors field="secretary" empty=t(Text::NoneGiven) />
            <SelectInput id="mote-justerare" label=t(Text::SignatureAdjuster) value=adjuster options=people.clone() errors field="adjusters" empty=t(Text::NoneGiven) />
            <SelectInput id="mote-justerare-2" label=t(Text::FieldSecondAdjuster) value=second_adjuster options=people.clone() errors field="adjusters" empty=t(Text::NoneChosen) />
            <RowList id="mote-beslutande" label=t(Text::FieldDecisionMakers) item=t(Text::ItemDecisionMaker) items=makers new_item=MakerRow::default row=maker_row errors field="decision_makers" />
            <RowList id="mote-deltagare" label=t(Text::FieldParticipants) item=t(Text::ItemParticipant) items=participants new_item=ParticipantRow::default row=participant_row errors field="participants" />
            <RowList id="mote-dagordning" label=t(Text::FieldAgenda) item=t(Text::ItemAgendaItem) items=agenda new_item=AgendaRow::default row=agenda_row errors field="agenda" />
            <FormActions save=t(Text::Save) on_cancel=move || on_done() />
        </form>
    }
}

/// "Nytt protokoll" on a body's page: date, place and kind, then the
/// minutes page of a draft whose chair, secretary and decision-makers come
/// from the seats held that day (and the chair rotation).
#[component]
pub fn NewMinutes(body: BodyId) -> impl IntoView {
    let repo = Repo::expect_context();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let date = RwSignal::new(today().format("%Y-%m-%d").to_string());
    let place = RwSignal::new(String::new());
    let kind = RwSignal::new(enum_value(&MeetingKind::Ordinary));
    let errors: FormErrors = RwSignal::new(None);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day: NaiveDate = match parse_date(&date.get_untracked(), "date") {
            Ok(Some(d)) => d,
            Ok(None) => return errors.set(Some(refused("date", t(Text::ValidationMeetingDate)))),
            Err(e) => return errors.set(Some(e)),
        };
        let meeting = repo.snapshot(|d| draft_minutes(d, &body, day));
        let meeting = Meeting {
            place: place.get_untracked().trim().to_owned(),
            kind: enum_from(&kind.get_untracked()).unwrap_or(MeetingKind::Ordinary),
            ..meeting
        };
        let id = meeting.id.clone();
        match repo.save(&meeting.clone(), meeting) {
            Ok(()) => {
                open.set(false);
                navigate(&Page::Meeting(id).href(), Default::default());
            }
            Err(e) => errors.set(Some(e)),
        }
    };
    view! {
        <div class="new-record">
            <button type="button" on:click=move |_| open.set(true) hidden=move || open.get()>{t(Text::NewMinutes)}</button>
            <Show when=move || open.get()>
                <form class="edit-form" on:submit=save.clone() novalidate>
                    <h3>{t(Text::NewMinutes)}</h3>
                    <FormSummary errors />
                    <TextInput id="nytt-mote-datum" label=t(Text::FieldDate) value=date errors field="date" kind="date" />
                    <TextInput id="nytt-mote-plats" label=t(Text::FieldPlace) value=place errors field="place" hint=t(Text::HintMeetingPlace) />
                    <SelectInput id="nytt-mote-typ" label=t(Text::FieldType) value=kind options=kinds() errors field="kind" />
                    <FormActions save=t(Text::CreateMinutes) on_cancel=move || open.set(false) />
                </form>
            </Show>
        </div>
    }
}

/// A draft protocol for `body` on `day`, with officers and decision-makers
/// from the seats held that day.
fn draft_minutes(data: &Dataset, body: &BodyId, day: NaiveDate) -> Meeting {
    let (chair, secretary) = data.default_officers(body, day);
    let decision_makers = data
        .memberships_in(body)
        .filter(|m| m.from.is_none_or(|f| f <= day) && m.to.is_none_or(|t| t >= day))
        .filter(|m| {
            matches!(
                m.role,
                MembershipRole::Chair | MembershipRole::ViceChair | MembershipRole::Member
            )
        })
        .filter_map(|m| {
            let representing = m
                .representing
                .clone()
                .or_else(|| data.person(&m.person).and_then(|p| p.organisation.clone()))?;
            Some(DecisionMaker {
                person: m.person.clone(),
                representing,
                party: data.person(&m.person).and_then(|p| p.party.clone()),
                role: (chair.as_ref() == Some(&m.person))
                    .then(|| t(Text::DraftRoleChair).to_owned()),
                paragraphs: None,
                note: None,
            })
        })
        .fold(Vec::<DecisionMaker>::new(), |mut all, maker| {
            // A person with two seats decides once.
            if !all.iter().any(|m| m.person == maker.person) {
                all.push(maker);
            }
            all
        });
    Meeting {
        id: MeetingId::new(Repo::new_id(body.as_str())),
        meta: RecordMeta::default(),
        body: body.clone(),
        date: Fact::Stated(day),
        start: Fact::Unknown {
            reason: t(Text::NoTimeGiven).into(),
        },
        place: String::new(),
        kind: MeetingKind::Ordinary,
        decision_makers,
        participants: vec![],
        chair,
        secretary,
        adjusters: vec![],
        signatures: vec![],
        agenda: vec![],
        minutes: MinutesState::Draft,
        note: None,
        addenda: vec![],
    }
}
