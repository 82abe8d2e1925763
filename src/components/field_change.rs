use leptos::prelude::*;

use crate::i18n::{t, Text};
use crate::model::{field_label, ChangeReader, ChangeView, FieldChange, ItemMark};

/// The changed fields of one record, each as [`FieldChangeLine`] shows it.
pub fn field_changes(reader: &ChangeReader, fields: &[FieldChange]) -> Vec<(String, ChangeView)> {
    fields
        .iter()
        .map(|f| (field_label(&f.field).to_owned(), reader.view(f)))
        .collect()
}

/// One changed field: its name, and its value before and after in full, or
/// a list's items with the added and removed ones marked in words as well
/// as in colour.
#[component]
pub fn FieldChangeLine(
    /// The field's name in the interface's language.
    label: String,
    /// The change as people read it.
    change: ChangeView,
) -> impl IntoView {
    let shown = match change {
        ChangeView::Replaced { before, after } => view! {
            " " <del>{before}</del> " → " <ins>{after}</ins>
        }
        .into_any(),
        ChangeView::Items(items) => {
            let items = items
                .into_iter()
                .map(|item| match item.mark {
                    ItemMark::Added => view! {
                        <li class="added"><ins><span class="visually-hidden">{t(Text::ItemAdded)}</span>{item.text}</ins></li>
                    }
                    .into_any(),
                    ItemMark::Removed => view! {
                        <li class="removed"><del><span class="visually-hidden">{t(Text::ItemRemoved)}</span>{item.text}</del></li>
                    }
                    .into_any(),
                    ItemMark::Kept => view! { <li class="kept">{item.text}</li> }.into_any(),
                })
                .collect_view();
            view! { <ul class="change-items">{items}</ul> }.into_any()
        }
    };
    view! {
        <li class="field-change">
            <span class="field-name">{label}</span> ":" {shown}
        </li>
    }
}
