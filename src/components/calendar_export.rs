use chrono::DateTime;
use leptos::prelude::*;

use crate::calendar::{ics_file_name, meetings_ics};
use crate::download::offer_file;
use crate::i18n::{t, tf, Text};
use crate::model::BodyId;
use crate::repo::Repo;

/// A button that downloads meetings as an .ics calendar file.
#[component]
pub fn CalendarExport(
    /// Only this body's meetings; all meetings when `None`.
    #[prop(optional)]
    body: Option<BodyId>,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let error = RwSignal::new(None::<String>);
    let export = move |_| {
        let now = js_sys::Date::now() as i64;
        let generated_at = DateTime::from_timestamp_millis(now)
            .map(|t| t.naive_utc())
            .unwrap_or_default();
        let (name, ics) = repo.snapshot(|d| {
            (
                ics_file_name(d, body.as_ref()),
                meetings_ics(d, body.as_ref(), generated_at),
            )
        });
        error.set(offer_file(&name, "text/calendar;charset=utf-8", &ics).err());
    };
    view! {
        <button type="button" class="secondary" on:click=export>{t(Text::CalendarExportButton)}</button>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{tf(Text::CalendarExportFailed, &[&e])}</p> })}
    }
}
