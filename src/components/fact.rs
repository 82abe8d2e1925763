use chrono::{NaiveDate, NaiveTime};
use leptos::prelude::*;

use crate::format;
use crate::i18n::{t, Text};
use crate::model::Fact;

/// A date that may be stated, inferred or unknown. The reason for an
/// inferred or unknown value can be opened; `brief` shows only a marker
/// (for use inside links and table cells).
#[component]
pub fn FactDate(
    /// The date as the sources give it.
    fact: Fact<NaiveDate>,
    /// Show "(härlett)" ("(inferred)") instead of the expandable reason.
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
    let (text, inferred, reason) = match fact {
        Fact::Stated(value) => return view! { <span>{show(value)}</span> }.into_any(),
        Fact::Inferred { value, reason } => (show(value), true, reason),
        Fact::Unknown { reason } => (t(Text::FactUnknown).to_owned(), false, reason),
    };
    if brief || reason.is_empty() {
        let marker = inferred.then(|| format!(" ({})", t(Text::FactInferred)));
        return view! { <span class="uncertain">{text}{marker}</span> }.into_any();
    }
    let marker = t(if inferred {
        Text::FactInferred
    } else {
        Text::FactWhy
    });
    view! {
        <span class="uncertain">{text}</span>
        <details class="caveat">
            <summary>{marker}</summary>
            <p>{reason}</p>
        </details>
    }
    .into_any()
}
