use chrono::{NaiveDate, NaiveTime};
use leptos::prelude::*;

use crate::format;
use crate::model::Fact;

/// A date that may be stated, inferred or unknown; the caveat is shown.
#[component]
pub fn FactDate(
    /// The date as the sources give it.
    fact: Fact<NaiveDate>,
) -> impl IntoView {
    fact_view(fact, format::date)
}

/// A time that may be stated, inferred or unknown.
#[component]
pub fn FactTime(
    /// The time as the sources give it.
    fact: Fact<NaiveTime>,
) -> impl IntoView {
    fact_view(fact, format::time)
}

fn fact_view<T>(fact: Fact<T>, show: fn(T) -> String) -> impl IntoView {
    match fact {
        Fact::Stated(value) => view! { <span>{show(value)}</span> }.into_any(),
        Fact::Inferred { value, reason } => view! {
            <span class="inferred">
                {show(value)}
                <small class="caveat">" (härlett: " {reason} ")"</small>
            </span>
        }
        .into_any(),
        Fact::Unknown { reason } => view! {
            <span class="unknown">
                "okänt" <small class="caveat">" (" {reason} ")"</small>
            </span>
        }
        .into_any(),
    }
}
