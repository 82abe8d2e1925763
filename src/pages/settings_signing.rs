//! The settings page's section on signing: this copy's key fingerprint, to
//! be read aloud to the parties, and the parties' keys this copy trusts.

use leptos::prelude::*;

use crate::i18n::{t, tf, Text};
use crate::repo::{local_moment, Repo};
use crate::signing::copy_key;

#[component]
pub fn SigningSection() -> impl IntoView {
    let repo = Repo::expect_context();
    let own = RwSignal::new(None::<Result<(String, &'static str), String>>);
    leptos::task::spawn_local(async move {
        let key = copy_key().await;
        let _ = own.try_set(Some(
            key.map(|key| (key.fingerprint.to_string(), key.algorithm.name())),
        ));
    });
    let own_key = move || {
        own.get().map(|key| match key {
            Ok((fingerprint, algorithm)) => view! {
                <p>
                    {t(Text::SigningOwnFingerprint)} " "
                    <code class="fingerprint" id="eget-fingeravtryck">{fingerprint}</code>
                </p>
                <p class="hint">{tf(Text::SigningAlgorithm, &[&algorithm])}</p>
            }
            .into_any(),
            Err(why) => view! { <p class="error" role="alert">{why}</p> }.into_any(),
        })
    };
    let trusted = repo.trusted_keys();
    let parties = if trusted.parties.is_empty() {
        view! { <p>{t(Text::SigningTrustedNone)}</p> }.into_any()
    } else {
        let rows = trusted
            .parties
            .into_iter()
            .map(|(copy, key)| {
                let party = key.organisation.unwrap_or_else(|| copy.clone());
                view! {
                    <tr>
                        <td>{party} " " <code>{copy}</code></td>
                        <td><code class="fingerprint">{key.fingerprint}</code></td>
                        <td>{local_moment(&key.accepted_at)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t(Text::SigningColumnParty)}</th>
                        <th scope="col">{t(Text::SigningColumnFingerprint)}</th>
                        <th scope="col">{t(Text::SigningColumnAccepted)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="signering">
            <h2 id="signering">{t(Text::SigningHeading)}</h2>
            <p>{t(Text::SigningLead)}</p>
            {move || own.with(Option::is_none).then(|| view! {
                <p class="loading">{t(Text::SigningLoading)}</p>
            })}
            {own_key}
            <h3>{t(Text::SigningTrustedHeading)}</h3>
            {parties}
        </section>
    }
}
