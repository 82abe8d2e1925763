use leptos::prelude::*;

use super::{Status, StatusAt, StatusPlace};
use crate::download::offer_file;
use crate::exchange::Scope;
use crate::i18n::{t, tf, Text};
use crate::model::CountyId;
use crate::repo::{local_moment, Repo};
use crate::signing::sign_export;

/// Export everything, one county, or what a party has not seen yet.
#[component]
pub fn ExportSection(status: RwSignal<Option<Status>>) -> impl IntoView {
    let repo = Repo::expect_context();
    let choice = RwSignal::new("all");
    let counties = repo.snapshot(|d| {
        d.live_counties()
            .map(|c| (c.id.to_string(), c.name.clone()))
            .collect::<Vec<_>>()
    });
    let county = RwSignal::new(counties.first().map(|c| c.0.clone()).unwrap_or_default());
    let parties = Memo::new(move |_| {
        repo.ledger().with(|l| {
            l.parties
                .iter()
                .map(|(id, p)| {
                    let name = p.organisation.clone().unwrap_or_else(|| id.clone());
                    (
                        id.clone(),
                        tf(
                            Text::ExportPartyLast,
                            &[&name, &local_moment(&p.last_exchange)],
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let party = RwSignal::new(String::new());
    Effect::new(move |_| {
        if party.get_untracked().is_empty() {
            if let Some((id, _)) = parties.get().first() {
                party.set(id.clone());
            }
        }
    });

    let export = move |_| {
        let scope = match choice.get_untracked() {
            "county" => Scope::County {
                county: CountyId::new(county.get_untracked()),
            },
            "changes" => {
                let party = party.get_untracked();
                if party.is_empty() {
                    status.set(
                        Status::error(t(Text::ExportChooseParty))
                            .map(|s| s.at(StatusPlace::Export)),
                    );
                    return;
                }
                Scope::ChangesFor { party }
            }
            _ => Scope::All,
        };
        let file = repo.export(scope);
        leptos::task::spawn_local(async move {
            // Signed over its bytes; without a key (no WebCrypto, nothing
            // kept) it goes out unsigned, and the message says so.
            let (text, unsigned) = match sign_export(&file.text).await {
                Ok(signed) => (signed, None),
                Err(why) => (file.text, Some(why)),
            };
            match offer_file(&file.name, "application/json", &text) {
                Ok(()) => {
                    let mut done = tf(Text::ExportDone, &[&file.records, &file.name]);
                    if let Some(why) = unsigned {
                        done = format!("{done} {}", tf(Text::ExportUnsigned, &[&why]));
                    }
                    status.set(Status::ok(done).map(|s| s.at(StatusPlace::Export)))
                }
                Err(e) => status.set(
                    Status::error(tf(Text::ExportFailed, &[&e])).map(|s| s.at(StatusPlace::Export)),
                ),
            }
        });
    };

    let option = move |value: &'static str, label: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="omfattning"
                    value=value
                    prop:checked=move || choice.get() == value
                    on:change=move |_| choice.set(value)
                />
                {label}
            </label>
        }
    };
    let county_options = counties
        .into_iter()
        .map(|(id, name)| view! { <option value=id>{name}</option> })
        .collect_view();

    view! {
        <section aria-labelledby="exportera">
            <h2 id="exportera">{t(Text::ExportHeading)}</h2>
            <fieldset>
                <legend>{t(Text::ExportWhat)}</legend>
                {option("all", t(Text::ExportAll))}
                {option("county", t(Text::ExportCounty))}
                <select
                    aria-label=t(Text::FieldCounty)
                    prop:value=move || county.get()
                    on:change=move |ev| {
                        county.set(event_target_value(&ev));
                        choice.set("county");
                    }
                >
                    {county_options}
                </select>
                {option("changes", t(Text::ExportChanges))}
                <select
                    aria-label=t(Text::PartyLabel)
                    prop:value=move || party.get()
                    prop:disabled=move || parties.with(Vec::is_empty)
                    on:change=move |ev| {
                        party.set(event_target_value(&ev));
                        choice.set("changes");
                    }
                >
                    {move || {
                        let list = parties.get();
                        if list.is_empty() {
                            view! { <option value="">{t(Text::NoExchangesYet)}</option> }.into_any()
                        } else {
                            list.into_iter()
                                .map(|(id, label)| view! { <option value=id>{label}</option> })
                                .collect_view()
                                .into_any()
                        }
                    }}
                </select>
            </fieldset>
            <button type="button" on:click=export>{t(Text::ExportButton)}</button>
            <StatusAt status place=StatusPlace::Export />
        </section>
    }
}
