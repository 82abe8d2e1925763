//! Browser plumbing the store and the pages share: the clock and today's
//! date, random ids, giving the browser its turn, the page's "writes under
//! way" marker, the warning before leaving with unsaved writes, and the
//! writer slot a tab holds (a Web Lock). No data logic lives here.

use chrono::NaiveDate;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The browser's localStorage, or `None` where it cannot be used: blocked
/// site data makes `window.localStorage` throw, which must never stop the app.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The current moment, RFC 3339 (UTC).
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// 48 random bits as 12 hex digits.
pub fn random_hex() -> String {
    let random = (js_sys::Math::random() * 2f64.powi(48)) as u64;
    format!("{random:012x}")
}

pub fn new_copy_id() -> String {
    format!("copy-{}", random_hex())
}

/// Lets the browser handle input and paint before the next step of a long
/// piece of work.
pub async fn yield_to_browser() {
    sleep(0).await;
}

/// Waits `ms` milliseconds (a timer task).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until the browser has drawn a frame (the next animation frame, then
/// a task after it): for work that must not delay the first page.
pub async fn after_next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    yield_to_browser().await;
}

thread_local! {
    /// Writes under way whose content is not yet anywhere else in storage.
    static WRITES_UNDER_WAY: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Marks the page while a write is under way (`data-saving` on the root
/// element, until the last one has ended): the update prompt waits for it,
/// and leaving the page meanwhile asks first.
pub fn mark_saving(on: bool) {
    let under_way = WRITES_UNDER_WAY.with(|count| {
        let next = if on {
            count.get() + 1
        } else {
            count.get().saturating_sub(1)
        };
        count.set(next);
        next
    });
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = if under_way > 0 {
        root.set_attribute("data-saving", "")
    } else {
        root.remove_attribute("data-saving")
    };
}

/// Whether any write is under way.
pub fn writes_under_way() -> bool {
    WRITES_UNDER_WAY.with(|count| count.get() > 0)
}

/// Asks before the page is left while a write is under way (only then:
/// an ordinary edit is in storage before the app shows it as saved).
pub fn warn_before_leaving_unsaved() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_before_unload = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
        |event: web_sys::BeforeUnloadEvent| {
            if writes_under_way() {
                event.prevent_default();
                event.set_return_value("unsaved");
            }
        },
    );
    let _ = window.add_event_listener_with_callback(
        "beforeunload",
        on_before_unload.as_ref().unchecked_ref(),
    );
    on_before_unload.forget();
}

/// Claims the lowest free writer slot of this copy with a Web Lock held for
/// the page's life: no two open tabs hold the same slot, and a closed or
/// crashed tab's slot is free again (so version vectors gain an entry per
/// tab open at once, not per tab ever opened). `None` where the browser has
/// no Web Locks.
pub async fn claim_writer_slot(copy_id: &str) -> Option<usize> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    if locks.is_undefined() || locks.is_null() {
        return None;
    }
    let request: js_sys::Function = js_sys::Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE).ok()?;
    for slot in 0..64usize {
        let name = format!("samverkan.writer.{copy_id}.{slot}");
        let mut granted_resolve = None;
        let granted = js_sys::Promise::new(&mut |resolve, _| granted_resolve = Some(resolve));
        let resolve = granted_resolve?;
        let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
            let held = !lock.is_null() && !lock.is_undefined();
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(held));
            if held {
                // Held until the page goes away.
                js_sys::Promise::new(&mut |_, _| {}).into()
            } else {
                JsValue::UNDEFINED
            }
        });
        let _ = request.call3(&locks, &JsValue::from_str(&name), &options, &callback);
        let held = wasm_bindgen_futures::JsFuture::from(granted)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if held {
            return Some(slot);
        }
    }
    None
}

/// Today's date in the browser's time zone, or the date given by the
/// `?idag=YYYY-MM-DD` query parameter at start (a hook for tests and for
/// looking at what was due on a past day).
pub fn today() -> NaiveDate {
    *TODAY.get_or_init(|| date_from_address().unwrap_or_else(browser_today))
}

static TODAY: std::sync::OnceLock<NaiveDate> = std::sync::OnceLock::new();

fn browser_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

fn date_from_address() -> Option<NaiveDate> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("idag="))?
        .parse()
        .ok()
}

/// A stored moment (RFC 3339) in the browser's time zone, in Swedish.
pub fn local_moment(at: &str) -> String {
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    crate::format::moment(at, offset)
}
