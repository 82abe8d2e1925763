use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{CalendarExport, FactDate};
use crate::i18n::{t, Text};
use crate::model::{Dataset, Meeting};
use crate::repo::{today, Repo};
use crate::routes::Page;
use crate::rules::schedule::upcoming_and_past;

/// All meetings: the coming ones first (soonest first), then those held
/// (latest first).
#[component]
pub fn MeetingList() -> impl IntoView {
    let repo = Repo::expect_context();
    let today = today();
    let tables = move || {
        repo.with(|d| {
            // One pass over the § instead of one per row (an archive has ~10,000).
            let mut paragraphs: HashMap<&str, usize> = HashMap::new();
            for p in d.live_paragraphs() {
                *paragraphs.entry(p.meeting.as_str()).or_default() += 1;
            }
            let (upcoming, past) = upcoming_and_past(d.live_meetings(), today);
            let coming = if upcoming.is_empty() {
                view! { <p>{t(Text::MeetingsNoneUpcoming)}</p> }.into_any()
            } else {
                meeting_table(d, &upcoming, &paragraphs).into_any()
            };
            view! {
                <section id="kommande" aria-labelledby="kommande-rubrik">
                    <h2 id="kommande-rubrik">{t(Text::MeetingsUpcoming)}</h2>
                    {coming}
                </section>
                <section id="tidigare" aria-labelledby="tidigare-rubrik">
                    <h2 id="tidigare-rubrik">{t(Text::MeetingsPast)}</h2>
                    {meeting_table(d, &past, &paragraphs)}
                </section>
            }
        })
    };
    view! {
        <h1>{t(Text::MeetingsHeading)}</h1>
        <CalendarExport />
        {tables}
    }
}

fn meeting_table(
    d: &Dataset,
    meetings: &[&Meeting],
    paragraphs: &HashMap<&str, usize>,
) -> impl IntoView {
    let rows = meetings
        .iter()
        .map(|m| {
            let date = m.date.clone();
            view! {
                <tr>
                    <th scope="row"><A href=Page::Meeting(m.id.clone()).href()><FactDate fact=date brief=true /></A></th>
                    <td data-label=t(Text::Body)>{d.body_name(&m.body)}</td>
                    <td data-label=t(Text::FieldKind)>{m.kind.label()}</td>
                    <td data-label=t(Text::FieldPlace)>{m.place.clone()}</td>
                    <td data-label=t(Text::ColumnParagraphCount)>{paragraphs.get(m.id.as_str()).copied().unwrap_or(0)}</td>
                    <td data-label=t(Text::Minutes)>{m.minutes_state().label()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="stacked">
                <thead><tr>
                    <th scope="col">{t(Text::FieldDate)}</th><th scope="col">{t(Text::Body)}</th><th scope="col">{t(Text::FieldKind)}</th>
                    <th scope="col">{t(Text::FieldPlace)}</th><th scope="col">{t(Text::ColumnParagraphCount)}</th><th scope="col">{t(Text::Minutes)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
