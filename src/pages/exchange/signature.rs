use leptos::prelude::*;

use crate::exchange::{Fingerprint, Origin, SignatureStatus};
use crate::i18n::{t, tf, Text};
use crate::repo::{ImportPreview, Repo};

/// Who signed the previewed file: a known key, this copy's own, an unknown
/// key (with the fingerprint to compare and a button to trust it), a known
/// party's changed key (loud; the import waits until the new key is
/// accepted), or no signature.
#[component]
pub fn SignatureNotice(
    /// The preview whose signature is shown; accepting a key updates it.
    source: RwSignal<Option<ImportPreview>>,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let failure = RwSignal::new(None::<String>);
    let origin = source.with_untracked(|p| p.as_ref().map(|p| p.origin.clone()))?;
    let party = party_name(&origin);
    let accept = move |fingerprint: Fingerprint| {
        let origin = origin.clone();
        move |_| match repo.trust_key(&origin, &fingerprint) {
            Ok(()) => source.update(|p| {
                if let Some(p) = p {
                    p.signature = SignatureStatus::Known {
                        organisation: origin.organisation.clone(),
                    };
                }
            }),
            Err(e) => failure.set(Some(tf(Text::SignatureStoreFailed, &[&e]))),
        }
    };
    let notice = move || {
        let status = source.with(|p| p.as_ref().map(|p| p.signature.clone()))?;
        Some(match status {
            SignatureStatus::Known { organisation } => {
                let name = organisation.unwrap_or_else(|| party.clone());
                view! {
                    <p class="file-signature ok" role="status">{tf(Text::SignatureKnown, &[&name])}</p>
                }
                .into_any()
            }
            SignatureStatus::ThisCopy => view! {
                <p class="file-signature ok" role="status">{t(Text::SignatureThisCopy)}</p>
            }
            .into_any(),
            SignatureStatus::Unknown { fingerprint } => view! {
                <div class="file-signature unknown" role="group" aria-labelledby="signatur-fraga">
                    <p>{tf(Text::SignatureUnknown, &[&party])}</p>
                    <p>
                        {t(Text::SignatureFingerprint)} " "
                        <code class="fingerprint">{fingerprint.to_string()}</code>
                    </p>
                    <p id="signatur-fraga"><strong>{t(Text::SignatureCompareQuestion)}</strong></p>
                    <p class="hint">{tf(Text::SignatureCompareHint, &[&party])}</p>
                    <button type="button" on:click=accept(fingerprint)>
                        {t(Text::SignatureAccept)}
                    </button>
                </div>
            }
            .into_any(),
            SignatureStatus::Changed {
                trusted,
                fingerprint,
                organisation,
            } => {
                let name = organisation.unwrap_or_else(|| party.clone());
                view! {
                    <div class="file-signature changed" role="alert">
                        <p><strong>{tf(Text::SignatureChanged, &[&name])}</strong></p>
                        <p>{t(Text::SignatureChangedDetail)}</p>
                        <p>
                            {t(Text::SignatureTrustedFingerprint)} " "
                            <code class="fingerprint">{trusted}</code>
                        </p>
                        <p>
                            {t(Text::SignatureFingerprint)} " "
                            <code class="fingerprint">{fingerprint.to_string()}</code>
                        </p>
                        <button type="button" class="secondary" on:click=accept(fingerprint)>
                            {t(Text::SignatureAcceptNew)}
                        </button>
                    </div>
                }
                .into_any()
            }
            SignatureStatus::Unsigned { claims_this_copy } => view! {
                <div class="file-signature unsigned" role="status">
                    <p><strong>{t(Text::SignatureUnsigned)}</strong></p>
                    {claims_this_copy.then(|| view! { <p>{t(Text::SignatureUnsignedThisCopy)}</p> })}
                </div>
            }
            .into_any(),
            // Refused before a preview is made.
            SignatureStatus::Altered | SignatureStatus::ForeignKeyForThisCopy => ().into_any(),
        })
    };
    Some(view! {
        {notice}
        {move || failure.get().map(|text| view! { <p class="error" role="alert">{text}</p> })}
    })
}

/// The party as the messages name it: its organisation, else its copy id.
fn party_name(origin: &Origin) -> String {
    origin
        .organisation
        .clone()
        .unwrap_or_else(|| origin.copy_id.clone())
}
