//! The settings page's section on signing: this copy's key fingerprint, to
//! be read aloud to the parties, its key file, and the parties' keys this
//! copy trusts (accepted from a signed file or read from a key file).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::download::offer_file;
use crate::exchange::{key_file, read_key_file, Origin, TrustedKeys};
use crate::i18n::{t, tf, Text};
use crate::repo::{local_moment, Repo};
use crate::signing::{copy_key, fingerprint, CopyKey};

#[component]
pub fn SigningSection() -> impl IntoView {
    let repo = Repo::expect_context();
    let own = RwSignal::new(None::<Result<CopyKey, String>>);
    let trusted = RwSignal::new(repo.trusted_keys());
    let message = RwSignal::new(None::<(bool, String)>);
    leptos::task::spawn_local(async move {
        let _ = own.try_set(Some(copy_key().await));
    });
    let origin = move || Origin {
        organisation: repo.identity().with_untracked(|i| i.organisation.clone()),
        copy_id: repo.copy_id(),
    };
    let save_key_file = move |_| {
        let Some(Ok(key)) = own.get_untracked() else {
            return;
        };
        let origin = origin();
        let name = crate::exchange::file_name(
            origin.organisation.as_deref(),
            Some("nyckel"),
            crate::browser::today(),
        );
        if let Err(e) = offer_file(
            &name,
            "application/json",
            &key_file(&origin, key.algorithm, &key.public_key),
        ) {
            message.set(Some((false, e)));
        }
    };
    let read_key = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        if let Some(input) = input {
            input.set_value("");
        }
        leptos::task::spawn_local(async move {
            let name = file.name();
            let outcome = async {
                let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                    .await
                    .map_err(|_| tf(Text::ImportUnreadable, &[&name]))?;
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                let key = read_key_file(&bytes).map_err(|e| e.to_string())?;
                if key.origin.copy_id == repo.copy_id() {
                    return Err(t(Text::SigningKeyFileOwn).to_owned());
                }
                let fingerprint = fingerprint(&key.public_key).await?;
                repo.trust_key(&key.origin, &fingerprint)
                    .map_err(|e| e.to_string())?;
                let party = key.origin.organisation.unwrap_or(key.origin.copy_id);
                Ok(tf(Text::SigningKeyFileAccepted, &[&party, &fingerprint]))
            }
            .await;
            let _ = message.try_set(Some(match outcome {
                Ok(text) => (true, text),
                Err(why) => (false, tf(Text::SigningKeyFileRefused, &[&name, &why])),
            }));
            let _ = trusted.try_set(repo.trusted_keys());
        });
    };
    let own_key = move || {
        own.get().map(|key| match key {
            Ok(key) => view! {
                <p>
                    {t(Text::SigningOwnFingerprint)} " "
                    <code class="fingerprint" id="eget-fingeravtryck">{key.fingerprint.to_string()}</code>
                </p>
                <p class="hint">{tf(Text::SigningAlgorithm, &[&key.algorithm.name()])}</p>
                <p>
                    <button type="button" class="secondary" on:click=save_key_file>
                        {t(Text::SigningSaveKeyFile)}
                    </button>
                </p>
                <p class="hint">{t(Text::SigningKeyFileHint)}</p>
            }
            .into_any(),
            Err(why) => view! { <p class="error" role="alert">{why}</p> }.into_any(),
        })
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
            {move || trusted.with(trusted_table)}
            <label for="nyckelfil">{t(Text::SigningReadKeyFile)}</label>
            <input id="nyckelfil" type="file" accept=".json,application/json" on:change=read_key />
            {move || message.get().map(|(ok, text)| {
                let (class, role) = if ok { ("ok", "status") } else { ("error", "alert") };
                view! { <p class=class role=role>{text}</p> }
            })}
        </section>
    }
}

/// The parties' trusted keys: party, fingerprint, when accepted.
fn trusted_table(trusted: &TrustedKeys) -> AnyView {
    if trusted.parties.is_empty() {
        return view! { <p>{t(Text::SigningTrustedNone)}</p> }.into_any();
    }
    let rows = trusted
        .parties
        .iter()
        .map(|(copy, key)| {
            let party = key.organisation.clone().unwrap_or_else(|| copy.clone());
            view! {
                <tr>
                    <td>{party} " " <code>{copy.clone()}</code></td>
                    <td><code class="fingerprint">{key.fingerprint.clone()}</code></td>
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
}
