//! A body's next meeting, for its page and the diagram's panel.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::format;
use crate::i18n::{t, Text};
use crate::model::BodyId;
use crate::repo::{today, Repo};
use crate::routes::Page;
use crate::rules::schedule::next_meeting;

/// "Nästa sammanträde: 1 december 2026 kl. 09.30, Luleå (Planerat)", or
/// that none is entered; follows the data.
#[component]
pub fn NextMeeting(
    /// The body.
    body: BodyId,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let today = today();
    let next = move || {
        repo.with(|d| {
            next_meeting(d, &body, today).map(|m| {
                let mut when = m.date.value().map(|d| format::date(*d)).unwrap_or_default();
                if let Some(start) = m.start.value() {
                    when = format!("{when} {}", format::time(*start));
                }
                let place = (!m.place.trim().is_empty()).then(|| format!(", {}", m.place));
                (m.id.clone(), when, place, m.minutes.label())
            })
        })
    };
    view! {
        <p class="next-meeting">
            <strong>{t(Text::NextMeeting)} ": "</strong>
            {move || match next() {
                Some((id, when, place, state)) => view! {
                    <A href=Page::Meeting(id).href()>{when}</A>{place}" (" {state} ")"
                }
                .into_any(),
                None => t(Text::NextMeetingNone).into_any(),
            }}
        </p>
    }
}
