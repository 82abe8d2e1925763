//! A hint for iPad and iPhone users to put the app on the home screen: Safari
//! deletes a website's stored data after seven days without a visit, but not
//! that of an app on the home screen.

use crate::browser::local_storage;
use crate::i18n::{t, Text};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// localStorage key: the user closed the hint (a preference of this browser, not data).
const DISMISSED_KEY: &str = "samverkan.install-hint-dismissed";

/// Whether a user agent is an iPhone, iPod or iPad. iPadOS Safari says
/// "Macintosh" by default; unlike a Mac it has a touch screen.
fn is_ios(user_agent: &str, max_touch_points: i32) -> bool {
    ["iPhone", "iPad", "iPod"]
        .iter()
        .any(|d| user_agent.contains(d))
        || (user_agent.contains("Macintosh") && max_touch_points > 1)
}

fn should_show() -> bool {
    let navigator = window().navigator();
    let ios = is_ios(
        &navigator.user_agent().unwrap_or_default(),
        navigator.max_touch_points(),
    );
    // navigator.standalone: Safari's own flag for an app started from the home screen.
    let standalone = js_sys::Reflect::get(&navigator, &JsValue::from_str("standalone"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let dismissed = local_storage()
        .and_then(|s| s.get_item(DISMISSED_KEY).ok().flatten())
        .is_some();
    ios && !standalone && !dismissed
}

/// Tells Safari users on iPad/iPhone how to install the app, until closed.
#[component]
pub fn InstallHint() -> impl IntoView {
    let shown = RwSignal::new(should_show());
    let dismiss = move |_| {
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(DISMISSED_KEY, "1");
        }
        shown.set(false);
    };
    // Safari's menu item goes in bold where the text has its {0}.
    let (before, after) = t(Text::InstallHintText)
        .split_once("{0}")
        .unwrap_or_default();
    view! {
        <Show when=move || shown.get()>
            <aside class="install-hint" aria-labelledby="installera">
                <h2 id="installera">{t(Text::InstallHintHeading)}</h2>
                <p>
                    {before}
                    <strong>{t(Text::InstallHintMenuItem)}</strong>
                    {after}
                </p>
                <button type="button" on:click=dismiss>
                    {t(Text::Close)}
                </button>
            </aside>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::is_ios;

    #[test]
    fn ipads_that_say_macintosh_count_as_ios_but_macs_do_not() {
        let ipad_os = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
        assert!(is_ios(ipad_os, 5));
        assert!(!is_ios(ipad_os, 0), "a Mac");
        assert!(is_ios(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15",
            5
        ));
        assert!(is_ios("Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X)", 5));
        assert!(!is_ios(
            "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36",
            0
        ));
        assert!(!is_ios(
            "Mozilla/5.0 (Linux; Android 14; Tablet) Chrome/120.0",
            10
        ));
    }
}
