use leptos::prelude::*;

use crate::exchange::{Direction, LogEntry, Scope};
use crate::repo::{local_moment, Repo};

fn party_text(entry: &LogEntry) -> String {
    match &entry.party {
        Some(origin) => origin
            .organisation
            .clone()
            .unwrap_or_else(|| format!("kopia {}", origin.copy_id)),
        None => "–".into(),
    }
}

fn effect_text(entry: &LogEntry) -> String {
    let mut text = match &entry.effect {
        Some(e) => format!(
            "{} nya, {} ändrade, {} borttagna, {} konflikter",
            e.added, e.changed, e.deleted, e.conflicts
        ),
        None => format!("{} poster", entry.records),
    };
    if let Some(e) = entry.effect.as_ref().filter(|e| e.left_out > 0) {
        text.push_str(&format!(", {} utelämnade", e.left_out));
    }
    if entry.undone {
        text.push_str(" – ångrad");
    }
    text
}

fn scope_text(scope: &Scope) -> &'static str {
    match scope {
        Scope::All => "allt",
        Scope::County { .. } => "ett län",
        Scope::ChangesFor { .. } => "ändringar",
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
                        Direction::Export => "Export",
                        Direction::Import => "Import",
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
                <h2 id="logg">"Utbyteslogg"</h2>
                {if empty {
                    view! { <p>"Inga filer har exporterats eller importerats ännu."</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll">
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">"När"</th>
                                        <th scope="col">"Vad"</th>
                                        <th scope="col">"Fil"</th>
                                        <th scope="col">"Part"</th>
                                        <th scope="col">"Omfattning"</th>
                                        <th scope="col">"Resultat"</th>
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
