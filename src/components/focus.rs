//! Where the keyboard focus goes when the page changes without a page load.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The id of `<main>`, the target of the skip link.
pub const CONTENT_ID: &str = "innehall";

/// Focuses the element with `id`, or `<main>` when there is none. An element
/// that is not focusable by itself (a § or a section) is made a focus target
/// (`tabindex="-1"`) first, so that the next Tab continues inside it.
pub fn focus_content(id: Option<&str>) {
    let document = document();
    let target = id
        .filter(|id| !id.is_empty())
        .and_then(|id| document.get_element_by_id(id))
        .or_else(|| document.get_element_by_id(CONTENT_ID));
    let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    if target.tab_index() < 0 && !target.has_attribute("tabindex") {
        let _ = target.set_attribute("tabindex", "-1");
    }
    let _ = target.focus();
}

/// After every navigation inside the app, moves the focus to the new page's
/// content, or to the element the address's `#fragment` names. Without it
/// the focus stays on the link that was followed, often gone with the old
/// page, and the next Tab starts over from the top of the document.
/// The reading position is set here too, not by the focus: a new page opens
/// at its top with the header, menu and search in view (focusing `<main>`
/// would scroll them away), and a fragment (a § search hit, a section of
/// the contents) is scrolled to its top edge, heading included (the
/// target's `scroll-margin-top` leaves a little room above it).
/// Not while someone types: the header's search navigates on each keystroke.
/// Renders nothing; place it once inside the router.
#[component]
pub fn NavigationFocus() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<(String, String)>| {
        let current = (location.pathname.get(), location.hash.get());
        let hash = current.1.trim_start_matches('#').to_owned();
        match previous {
            Some(previous) if previous != current && !typing() => {
                // After the new page has been drawn.
                request_animation_frame(move || arrive(&hash));
            }
            // A link from outside to a § or a section: once the data is
            // read and the page drawn (a few frames), go there too.
            None if !hash.is_empty() => arrive_when_drawn(hash, FRAMES_TO_WAIT),
            _ => {}
        }
        current
    });
}

/// About two seconds of frames: how long a first load may take to draw the
/// element an address's fragment names.
const FRAMES_TO_WAIT: u32 = 120;

fn arrive_when_drawn(fragment: String, frames: u32) {
    request_animation_frame(move || {
        if document().get_element_by_id(&fragment).is_some() {
            arrive(&fragment);
        } else if frames > 0 {
            arrive_when_drawn(fragment, frames - 1);
        }
    });
}

/// Focuses and shows the fragment's element, or the top of the new page.
fn arrive(fragment: &str) {
    let document = document();
    let target = (!fragment.is_empty())
        .then(|| document.get_element_by_id(fragment))
        .flatten()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
    match target {
        Some(target) => {
            focus_without_scrolling(&target);
            target.scroll_into_view_with_bool(true);
        }
        None => {
            if let Some(main) = document
                .get_element_by_id(CONTENT_ID)
                .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
            {
                focus_without_scrolling(&main);
            }
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// `element.focus({ preventScroll: true })`, made a focus target first.
fn focus_without_scrolling(element: &web_sys::HtmlElement) {
    if element.tab_index() < 0 && !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &true.into());
    let focus = js_sys::Reflect::get(element, &"focus".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match focus {
        Some(focus) => {
            let _ = focus.call1(element, &options);
        }
        None => {
            let _ = element.focus();
        }
    }
}

/// Whether the focus is in a text field or a list box.
fn typing() -> bool {
    document().active_element().is_some_and(|e| {
        matches!(
            e.tag_name().to_ascii_lowercase().as_str(),
            "input" | "textarea" | "select"
        )
    })
}
