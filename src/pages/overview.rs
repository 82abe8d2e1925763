use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{AgreementLink, BodyLink};
use crate::i18n::{t, tf, Text};
use crate::model::{BodyLevel, County, Dataset};
use crate::repo::Repo;
use crate::routes::Page;

/// The counties and their collaboration structures.
#[component]
pub fn Overview() -> impl IntoView {
    let repo = Repo::expect_context();
    let counties = move || {
        repo.with(|d| d.live_counties().cloned().collect::<Vec<_>>())
            .into_iter()
            .map(|county| view! { <CountyStructure county /> })
            .collect_view()
    };
    let documents = move || {
        repo.with(|d| {
            d.live_documents()
                .map(|doc| view! { <li>{doc.title.clone()} " – " <span lang="sv">{doc.kind.clone()}</span> ", " {doc.dated.clone()}</li> })
                .collect_view()
        })
    };
    view! {
        <h1>{t(Text::OverviewHeading)}</h1>
        <p class="lead">
            {t(Text::OverviewLead)}
        </p>
        <div class="counties">{counties}</div>
        <section aria-labelledby="kallor">
            <h2 id="kallor">{t(Text::SourceDocuments)}</h2>
            <p>{t(Text::SourceDocumentsLead)}</p>
            <ul>{documents}</ul>
        </section>
    }
}

/// One county: its bodies by level, its agreements and its meetings.
#[component]
fn CountyStructure(
    /// The county shown.
    county: County,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let heading_id = format!("lan-{}", county.id);
    let (levels, agreements, (meetings, meeting_count)) =
        repo.snapshot(|d| county_parts(d, &county));
    let levels = levels
        .into_iter()
        .map(|(level, bodies)| {
            let items = bodies
                .into_iter()
                .map(|(id, relations)| {
                    view! {
                        <li>
                            <BodyLink id />
                            {(!relations.is_empty()).then(|| view! { <span class="relation-summary">" – " {relations.join("; ")}</span> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class=format!("level level-{level:?}").to_lowercase()>
                    <h3>{level.label()}</h3>
                    <ul>{items}</ul>
                </div>
            }
        })
        .collect_view();
    let agreements = agreements
        .into_iter()
        .map(|id| view! { <li><AgreementLink id /></li> })
        .collect_view();
    let meetings = meetings
        .into_iter()
        .map(|(id, title)| view! { <li><A href=Page::Meeting(id).href()>{title}</A></li> })
        .collect_view();
    let labelled_by = heading_id.clone();
    view! {
        <section class="county" aria-labelledby=labelled_by>
            <h2 id=heading_id>{county.name.clone()}</h2>
            <div class="structure">{levels}</div>
            <h3>{t(Text::NavAgreements)}</h3>
            <ul>{agreements}</ul>
            <h3>{t(Text::LatestMinutes)}</h3>
            <ul>{meetings}</ul>
            {(meeting_count > LATEST_MEETINGS).then(|| view! {
                <p><A href=Page::Meetings.href()>{tf(Text::AllMeetingsCount, &[&meeting_count])}</A></p>
            })}
        </section>
    }
}

/// How many of a county's meetings the overview lists, latest first: a
/// ten-year archive has hundreds, which belong on the meeting list.
const LATEST_MEETINGS: usize = 6;

type CountyParts = (
    Vec<(BodyLevel, Vec<(crate::model::BodyId, Vec<String>)>)>,
    Vec<crate::model::AgreementId>,
    (Vec<(crate::model::MeetingId, String)>, usize),
);

fn county_parts(d: &Dataset, county: &County) -> CountyParts {
    let levels = BodyLevel::ALL
        .into_iter()
        .filter_map(|level| {
            let bodies: Vec<_> = d
                .bodies_of_county(&county.id)
                .filter(|b| b.level == level)
                .map(|b| {
                    let relations = d
                        .relations_from(&b.id)
                        .map(|r| format!("{} {}", r.kind.label(), d.body_name(&r.to)))
                        .collect();
                    (b.id.clone(), relations)
                })
                .collect();
            (!bodies.is_empty()).then_some((level, bodies))
        })
        .collect();
    let agreements = d
        .live_agreements()
        .filter(|a| a.county == county.id)
        .map(|a| a.id.clone())
        .collect();
    let meetings = d.meetings_of_county(&county.id);
    let latest = meetings
        .iter()
        .take(LATEST_MEETINGS)
        .map(|m| (m.id.clone(), d.meeting_title(m)))
        .collect();
    (levels, agreements, (latest, meetings.len()))
}
