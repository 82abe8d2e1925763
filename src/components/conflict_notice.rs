use leptos::prelude::*;

use crate::exchange::field_label;
use crate::i18n::{t, Text};
use crate::model::RecordMeta;
use crate::routes::Page;

/// On a record's page: which of its fields hold values from two copies that
/// a person has yet to choose between.
#[component]
pub fn ConflictNotice(meta: RecordMeta) -> impl IntoView {
    let fields: Vec<&str> = meta.fields_in_conflict().map(field_label).collect();
    (!fields.is_empty()).then(|| {
        let href = format!("{}#konflikter", Page::Exchange.href());
        // The fields go in bold where the text has its {0}.
        let (before, after) = t(Text::ConflictNoticeText)
            .split_once("{0}")
            .unwrap_or_default();
        view! {
            <p class="conflict-notice" role="note">
                {before} <strong>{fields.join(", ")}</strong> {after}
                <a href=href>{t(Text::ConflictNoticeLink)}</a>
            </p>
        }
    })
}
