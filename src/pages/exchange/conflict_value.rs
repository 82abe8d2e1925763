//! One value of a conflict as a person reads it, for the conflict list and
//! the import preview.

use leptos::prelude::*;

use crate::components::{WordDiff, DATA_LANG};
use crate::exchange::{ConflictValue, ShownValue};
use crate::i18n::{t, tf, Text};
use crate::model::Readable;
use crate::repo::local_moment;

/// Who wrote a value, and when.
pub fn written_by(value: &ConflictValue) -> String {
    let Some(change) = &value.change else {
        return t(Text::BuiltInValue).into();
    };
    let who = match (&change.organisation, &change.person) {
        (Some(org), Some(person)) => format!("{person}, {org}"),
        (Some(org), None) => org.clone(),
        (None, Some(person)) => person.clone(),
        (None, None) => tf(Text::CopyNamed, &[&change.copy_id]),
    };
    format!("{who}, {}", local_moment(&change.at))
}

/// The value whole (a list item by item), or what its absence means: the
/// field empty, or for a list item the item removed.
pub fn value_view(shown: &Readable, on_item: bool) -> AnyView {
    match shown {
        Readable::Text(text) | Readable::Line(text) => {
            view! { <span class="value" lang=DATA_LANG>{text.clone()}</span> }.into_any()
        }
        Readable::List(items) if !items.is_empty() => {
            let items = items
                .iter()
                .map(|item| view! { <li>{item.clone()}</li> })
                .collect_view();
            view! { <ul class="value" lang=DATA_LANG>{items}</ul> }.into_any()
        }
        Readable::List(_) | Readable::Absent => {
            let text = if on_item {
                Text::ConflictItemRemove
            } else {
                Text::ValueEmpty
            };
            view! { <span class="value">{t(text)}</span> }.into_any()
        }
    }
}

/// A value of a conflict: the value, its difference from the value shown
/// now (for the others), and who wrote it.
#[component]
pub fn ConflictValueView(
    shown: ShownValue,
    value: ConflictValue,
    /// Whether it is the value shown now (the first).
    current: bool,
    /// Whether the conflict is on a list item (no value = the item removed).
    on_item: bool,
) -> impl IntoView {
    let diff = shown.diff.clone().map(|pieces| {
        view! {
            <p class="diff">
                <span class="diff-lead">{t(Text::ConflictDiffLead)}</span> " "
                <WordDiff pieces />
            </p>
        }
    });
    view! {
        {value_view(&shown.shown, on_item)}
        {diff}
        <span class="by">{written_by(&value)}{current.then(|| t(Text::ConflictShownNow))}</span>
    }
}
