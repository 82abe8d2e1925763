use chrono::DateTime;
use leptos::prelude::*;

use crate::calendar::{calendar, ics_file_name, Selection, DEFAULT_DURATION_MINUTES};
use crate::download::offer_file;
use crate::format;
use crate::i18n::{t, tf, Text};
use crate::model::BodyId;
use crate::repo::{today, Repo};

/// A button that downloads meetings as an .ics calendar file: the upcoming
/// ones (from today), or all with the box ticked. What was exported, or
/// why nothing was, is said right under the button.
#[component]
pub fn CalendarExport(
    /// Only this body's meetings; all meetings when `None`.
    #[prop(optional)]
    body: Option<BodyId>,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let include_past = RwSignal::new(false);
    let message = RwSignal::new(None::<(bool, String)>);
    // One box per page may carry the id; a body page has one export.
    let box_id = match &body {
        Some(id) => format!("kalender-tidigare-{id}"),
        None => "kalender-tidigare".to_owned(),
    };
    let export = move |_| {
        let now = js_sys::Date::now() as i64;
        let generated_at = DateTime::from_timestamp_millis(now)
            .map(|t| t.naive_utc())
            .unwrap_or_default();
        let selection = Selection {
            body: body.clone(),
            from: (!include_past.get_untracked()).then(today),
        };
        let (name, file) = repo.snapshot(|d| {
            (
                ics_file_name(d, selection.body.as_ref()),
                calendar(d, &selection, generated_at),
            )
        });
        let (Some(first), Some(last)) = (file.first, file.last) else {
            message.set(Some((false, t(Text::CalendarNothingToExport).into())));
            return;
        };
        message.set(Some(
            match offer_file(&name, "text/calendar;charset=utf-8", &file.text) {
                Ok(()) if file.events == 1 => (
                    true,
                    tf(Text::CalendarExportedOne, &[&name, &format::date(first)]),
                ),
                Ok(()) => (
                    true,
                    tf(
                        Text::CalendarExported,
                        &[
                            &file.events,
                            &name,
                            &format::date(first),
                            &format::date(last),
                        ],
                    ),
                ),
                Err(e) => (false, tf(Text::CalendarExportFailed, &[&e])),
            },
        ));
    };
    let label_for = box_id.clone();
    let note = tf(
        Text::CalendarDurationNote,
        &[&(DEFAULT_DURATION_MINUTES / 60)],
    );
    view! {
        <div class="calendar-export">
            <button type="button" class="secondary" on:click=export>{t(Text::CalendarExportButton)}</button>
            <label class="choice" for=label_for>
                <input
                    type="checkbox"
                    id=box_id
                    prop:checked=move || include_past.get()
                    on:change=move |ev| include_past.set(event_target_checked(&ev))
                />
                {t(Text::CalendarIncludePast)}
            </label>
            <p class="hint">{note}</p>
            <div class="status-line" aria-live="polite">
                {move || message.get().map(|(ok, text)| {
                    let (class, role) = if ok { ("ok", "status") } else { ("error", "alert") };
                    view! { <p class=class role=role data-calendar-message="">{text}</p> }
                })}
            </div>
        </div>
    }
}
