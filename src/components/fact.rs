use chrono::{NaiveDate, NaiveTime};
use leptos::prelude::*;

use crate::format;
use crate::model::Fact;

/// A date that may be stated, inferred or unknown. The reason for an
/// inferred or unknown value can be opened; `brief` shows only a marker
/// (for use inside links and table cells).
#[component]
pub fn FactDate(
    /// The date as the sources give it.
    fact: Fact<NaiveDate>,
    /// Show "(härlett)" instead of the expandable reason.
    #[prop(optional)]
    brief: bool,
) -> impl IntoView {
    fact_view(fact, format::date, brief)
}

/// A time that may be stated, inferred or unknown.
#[component]
pub fn FactTime(
    /// The time as the sources give it.
    fact: Fact<NaiveTime>,
) -> impl IntoView {
    fact_view(fact, format::time, false)
}

fn fact_view<T>(fact: Fact<T>, show: fn(T) -> String, brief: bool) -> impl IntoView {
    let (text, marker, reason) = match fact {
        Fact::Stated(value) => return view! { <span>{show(value)}</span> }.into_any(),
        Fact::Inferred { value, reason } => (show(value), "härlett", reason),
        Fact::Unknown { reason } => ("okänt".to_owned(), "varför", reason),
    };
    if brief || reason.is_empty() {
        let marker = (marker == "härlett").then_some(" (härlett)");
        return view! { <span class="uncertain">{text}{marker}</span> }.into_any();
    }
    view! {
        <span class="uncertain">{text}</span>
        <details class="caveat">
            <summary>{marker}</summary>
            <p>{reason}</p>
        </details>
    }
    .into_any()
}
