//! The settings page's section on storage: how much the browser lets the app
//! keep, how much it uses, and whether the browser keeps it for good.

use crate::i18n::{lang, t, tf, Lang, Text};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What the browser says about the app's storage.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Estimate {
    usage: f64,
    quota: f64,
}

/// Bytes with one decimal, in the interface's language: "850 B",
/// "12,3 kB", "1,5 MB", "2,0 GB" in Swedish ("12.3 kB" in English).
fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if bytes < 1000.0 {
        return format!("{} B", bytes.max(0.0).round());
    }
    let mut value = bytes / 1000.0;
    let mut unit = 0;
    while value >= 999.95 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let text = format!("{value:.1} {}", UNITS[unit]);
    match lang() {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The share of the quota used, in whole per cent ("<1 %" when some is used).
fn share(estimate: Estimate) -> String {
    if estimate.quota <= 0.0 {
        return t(Text::StorageUnknownShare).into();
    }
    let per_cent = estimate.usage / estimate.quota * 100.0;
    if per_cent > 0.0 && per_cent < 1.0 {
        t(Text::StorageUnderOnePercent).into()
    } else {
        format!("{} %", per_cent.round())
    }
}

/// `navigator.storage`, where the browser has it (only in secure contexts).
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = window().navigator();
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    storage.dyn_into::<web_sys::StorageManager>().ok()
}

async fn estimate() -> Result<Estimate, String> {
    let manager = storage_manager().ok_or(t(Text::StorageNotShown))?;
    let promise = manager
        .estimate()
        .map_err(|_| t(Text::StorageNoAnswer).to_string())?;
    let value = JsFuture::from(promise)
        .await
        .map_err(|_| t(Text::StorageNoAnswer).to_string())?;
    let estimate: web_sys::StorageEstimate = value.unchecked_into();
    Ok(Estimate {
        usage: estimate.get_usage().unwrap_or(0.0),
        quota: estimate.get_quota().unwrap_or(0.0),
    })
}

/// Whether the browser keeps the data even when the disk runs short
/// (`persisted()`), or, with `ask`, after asking for it (`persist()`).
async fn persistence(ask: bool) -> Option<bool> {
    let manager = storage_manager()?;
    let promise = if ask {
        manager.persist()
    } else {
        manager.persisted()
    }
    .ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// "Lagring": storage used and available, and persistent storage.
#[component]
pub fn StorageSection() -> impl IntoView {
    let usage = RwSignal::new(None::<Result<Estimate, String>>);
    let persisted = RwSignal::new(None::<bool>);
    let asked = RwSignal::new(false);
    let refresh = move || {
        leptos::task::spawn_local(async move {
            usage.set(Some(estimate().await));
            persisted.set(persistence(false).await);
        });
    };
    refresh();
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            persisted.set(persistence(true).await);
            asked.set(true);
        });
    };

    let usage_text = move || match usage.get() {
        None => t(Text::StorageReading).to_string(),
        Some(Ok(e)) => tf(
            Text::StorageUsage,
            &[&format_bytes(e.usage), &format_bytes(e.quota), &share(e)],
        ),
        Some(Err(why)) => tf(Text::StorageUsageUnknown, &[&why]),
    };
    let persisted_text = move || match (persisted.get(), asked.get()) {
        (Some(true), _) => t(Text::StoragePersisted),
        (Some(false), false) => t(Text::StorageNotPersisted),
        (Some(false), true) => t(Text::StoragePersistRefused),
        (None, _) => t(Text::StoragePersistUnknown),
    };

    view! {
        <section aria-labelledby="lagring">
            <h2 id="lagring">{t(Text::StorageHeading)}</h2>
            <p class="storage-usage">{usage_text}</p>
            <p class="storage-persisted">{persisted_text}</p>
            <Show when=move || persisted.get() == Some(false)>
                <button type="button" on:click=ask>
                    {t(Text::StorageAskPersist)}
                </button>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::{format_bytes, share, Estimate};

    #[test]
    fn bytes_read_as_swedish_numbers() {
        assert_eq!(format_bytes(0.0), "0 B");
        assert_eq!(format_bytes(850.0), "850 B");
        assert_eq!(format_bytes(12_345.0), "12,3 kB");
        assert_eq!(format_bytes(1_500_000.0), "1,5 MB");
        assert_eq!(format_bytes(999_999.0), "1,0 MB");
        assert_eq!(format_bytes(2e9), "2,0 GB");
    }

    #[test]
    fn share_of_quota_in_per_cent() {
        let e = |usage, quota| Estimate { usage, quota };
        assert_eq!(share(e(5.0, 100.0)), "5 %");
        assert_eq!(share(e(1.0, 1000.0)), "under 1 %");
        assert_eq!(share(e(0.0, 1000.0)), "0 %");
        assert_eq!(share(e(1.0, 0.0)), "okänd andel");
    }

    #[test]
    fn english_numbers_have_a_decimal_point() {
        crate::i18n::set_lang(crate::i18n::Lang::En);
        let e = |usage, quota| Estimate { usage, quota };
        assert_eq!(format_bytes(12_345.0), "12.3 kB");
        assert_eq!(share(e(1.0, 1000.0)), "less than 1 %");
        crate::i18n::set_lang(crate::i18n::Lang::Sv);
    }
}
