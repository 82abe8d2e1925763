use leptos::prelude::*;

use crate::exchange::{Direction, LogEntry, Scope};
use crate::i18n::{t, tf, Text};
use crate::repo::{local_moment, Repo};

fn party_text(entry: &LogEntry) -> String {
    match &entry.party {
        Some(origin) => origin
            .organisation
            .clone()
            .unwrap_or_else(|| tf(Text::CopyNamed, &[&origin.copy_id])),
        None => "–".into(),
    }
}

fn effect_text(entry: &LogEntry) -> String {
    let mut text = match &entry.effect {
        Some(e) => tf(
            Text::LogCounts,
            &[&e.added, &e.changed, &e.deleted, &e.conflicts],
        ),
        None => tf(Text::LogRecords, &[&entry.records]),
    };
    if let Some(e) = entry.effect.as_ref().filter(|e| e.left_out > 0) {
        text.push_str(&tf(Text::LogLeftOut, &[&e.left_out]));
    }
    if entry.undone {
        text.push_str(t(Text::LogUndone));
    }
    text
}

fn scope_text(scope: &Scope) -> &'static str {
    match scope {
        Scope::All => t(Text::LogScopeAll),
        Scope::County { .. } => t(Text::LogScopeCounty),
        Scope::ChangesFor { .. } => t(Text::LogScopeChanges),
    }
}

/// Every file exported and imported, newest first.
#[component]
pub fn ExchangeLog() -> impl IntoView {
    let repo = Repo::expect_context();
    let ledger = repo.ledger();
    move || {
        let rows = ledger.with(|l| {
            l.entries
                .iter()
                .rev()
                .map(|e| {
                    let direction = match e.direction {
                        Direction::Export => t(Text::LogExport),
                        Direction::Import => t(Text::LogImport),
                    };
                    view! {
                        <tr>
                            <td>{local_moment(&e.at)}</td>
                            <td>{direction}</td>
                            <td class="file">{e.file_name.clone()}</td>
                            <td>{party_text(e)}</td>
                            <td>{scope_text(&e.scope)}</td>
                            <td>{effect_text(e)}</td>
                        </tr>
                    }
                })
                .collect_view()
        });
        let empty = ledger.with(|l| l.entries.is_empty());
        view! {
            <section aria-labelledby="logg">
                <h2 id="logg">{t(Text::LogHeading)}</h2>
                {if empty {
                    view! { <p>{t(Text::LogEmpty)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll">
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">{t(Text::ColumnWhen)}</th>
                                        <th scope="col">{t(Text::ColumnWhat)}</th>
                                        <th scope="col">{t(Text::ColumnFile)}</th>
                                        <th scope="col">{t(Text::PartyLabel)}</th>
                                        <th scope="col">{t(Text::ColumnScope)}</th>
                                        <th scope="col">{t(Text::ColumnResult)}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }}
            </section>
        }
    }
}
