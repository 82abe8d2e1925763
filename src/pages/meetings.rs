use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{CalendarExport, FactDate};
use crate::i18n::{t, Text};
use crate::repo::Repo;
use crate::routes::Page;

/// All meetings, latest first.
#[component]
pub fn MeetingList() -> impl IntoView {
    let repo = Repo::expect_context();
    let rows = move || {
        repo.with(|d| {
            // One pass over the § instead of one per row (an archive has ~10,000).
            let mut paragraphs: HashMap<&str, usize> = HashMap::new();
            for p in d.live_paragraphs() {
                *paragraphs.entry(p.meeting.as_str()).or_default() += 1;
            }
            let mut meetings: Vec<_> = d.live_meetings().collect();
            meetings.sort_by(|a, b| b.date.value().cmp(&a.date.value()));
            meetings
                .into_iter()
                .map(|m| {
                    let date = m.date.clone();
                    view! {
                        <tr>
                            <th scope="row"><A href=Page::Meeting(m.id.clone()).href()><FactDate fact=date brief=true /></A></th>
                            <td>{d.body_name(&m.body)}</td>
                            <td>{m.kind.label()}</td>
                            <td>{m.place.clone()}</td>
                            <td>{paragraphs.get(m.id.as_str()).copied().unwrap_or(0)}</td>
                            <td>{m.minutes_state().label()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h1>{t(Text::MeetingsHeading)}</h1>
        <CalendarExport />
        <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{t(Text::FieldDate)}</th><th scope="col">{t(Text::Body)}</th><th scope="col">{t(Text::FieldKind)}</th>
                    <th scope="col">{t(Text::FieldPlace)}</th><th scope="col">{t(Text::ColumnParagraphCount)}</th><th scope="col">{t(Text::Minutes)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
