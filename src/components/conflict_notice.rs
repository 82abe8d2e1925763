use leptos::prelude::*;

use crate::exchange::field_label;
use crate::model::RecordMeta;
use crate::routes::Page;

/// On a record's page: which of its fields hold values from two copies that
/// a person has yet to choose between.
#[component]
pub fn ConflictNotice(meta: RecordMeta) -> impl IntoView {
    let fields: Vec<&str> = meta.fields_in_conflict().map(field_label).collect();
    (!fields.is_empty()).then(|| {
        let href = format!("{}#konflikter", Page::Exchange.href());
        view! {
            <p class="conflict-notice" role="note">
                "Samtidiga ändringar från olika kopior: " <strong>{fields.join(", ")}</strong>
                ". Värdet som visas gäller tills någon väljer. "
                <a href=href>"Lös konflikten"</a>
            </p>
        }
    })
}
