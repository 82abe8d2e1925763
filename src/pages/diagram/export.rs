//! The diagram as a file (SVG, or PNG rendered by the browser from the same
//! SVG) and on paper (the whole diagram on one landscape page).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::viewport::ViewBox;
use super::DiagramState;
use crate::diagram::{to_svg, SvgOptions};
use crate::download::{offer_blob, offer_file};
use crate::i18n::{t, tf, Text};
use crate::search::fold;

/// PNG pixels per diagram unit: sharp when printed or zoomed.
const PNG_SCALE: f64 = 2.0;

/// The current diagram (collapsed bodies and placed boxes as shown) as a
/// standalone SVG document with its legend, fonts and styles inline.
fn svg_document(state: DiagramState) -> String {
    let name = state.county_name.get_value();
    let (bodies, relations) = state
        .layout
        .with_untracked(|l| (l.nodes.len(), l.edges.len()));
    let options = SvgOptions {
        title: tf(Text::DiagramSvgTitle, &[&name]),
        description: Some(tf(
            Text::DiagramSvgDescription,
            &[
                &bodies,
                &relations,
                &crate::format::date(crate::repo::today()),
            ],
        )),
        ..SvgOptions::default()
    };
    state.layout.with_untracked(|l| to_svg(l, &options))
}

/// "samverkansstruktur-vasterbotten".
fn file_stem(state: DiagramState) -> String {
    let name: String = fold(&state.county_name.get_value())
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("samverkansstruktur-{}", name.trim_matches('-'))
}

pub(super) fn export_svg(state: DiagramState) {
    let name = format!("{}.svg", file_stem(state));
    let outcome = offer_file(&name, "image/svg+xml", &svg_document(state));
    state.status.set(Some(match outcome {
        Ok(()) => tf(Text::DiagramFileSaved, &[&name]),
        Err(e) => tf(Text::DiagramSvgFailed, &[&e]),
    }));
}

/// Draws the SVG onto a canvas (through an image loaded from a blob URL) and
/// offers the canvas as a PNG file. The work finishes in callbacks; the
/// outcome is reported in the status line.
pub(super) fn export_png(state: DiagramState) {
    let status = state.status;
    let name = format!("{}.png", file_stem(state));
    if let Err(e) = start_png(&svg_document(state), name, status) {
        status.set(Some(tf(Text::DiagramPngFailed, &[&e])));
    }
}

fn js_error(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

fn start_png(svg: &str, name: String, status: RwSignal<Option<String>>) -> Result<(), String> {
    let parts = js_sys::Array::of1(&svg.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let image = web_sys::HtmlImageElement::new().map_err(js_error)?;
    status.set(Some(t(Text::DiagramPngCreating).into()));

    let loaded = image.clone();
    let loaded_url = url.clone();
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&loaded_url);
        if let Err(e) = draw_png(&loaded, name, status) {
            status.try_set(Some(tf(Text::DiagramPngFailed, &[&e])));
        }
    });
    let failed_url = url.clone();
    let on_error = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&failed_url);
        status.try_set(Some(tf(
            Text::DiagramPngFailed,
            &[&t(Text::DiagramBrowserCouldNotDraw)],
        )));
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

fn draw_png(
    image: &web_sys::HtmlImageElement,
    name: String,
    status: RwSignal<Option<String>>,
) -> Result<(), String> {
    let (w, h) = (
        f64::from(image.natural_width()),
        f64::from(image.natural_height()),
    );
    if w <= 0.0 || h <= 0.0 {
        return Err(t(Text::DiagramNoSize).into());
    }
    let canvas: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| t(Text::DiagramNoCanvas))?;
    canvas.set_width((w * PNG_SCALE).ceil() as u32);
    canvas.set_height((h * PNG_SCALE).ceil() as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js_error)?
        .ok_or(t(Text::DiagramNo2d))?
        .dyn_into()
        .map_err(|_| t(Text::DiagramNo2d))?;
    context.scale(PNG_SCALE, PNG_SCALE).map_err(js_error)?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, w, h);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, w, h)
        .map_err(js_error)?;
    let on_blob =
        wasm_bindgen::closure::Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            let outcome = match blob {
                Some(blob) => {
                    offer_blob(&name, &blob).map(|()| tf(Text::DiagramFileSaved, &[&name]))
                }
                None => Err(t(Text::DiagramImageEmpty).into()),
            };
            status.try_set(Some(
                outcome.unwrap_or_else(|e| tf(Text::DiagramPngFailed, &[&e])),
            ));
        });
    canvas
        .to_blob_with_type(on_blob.unchecked_ref(), "image/png")
        .map_err(js_error)
}

/// Prints the diagram: the print stylesheet shows only the drawing and its
/// legend, and [`print_fitted`] shows the whole drawing while printing.
pub(super) fn print(state: DiagramState) {
    if let Err(e) = window().print() {
        state
            .status
            .set(Some(tf(Text::DiagramPrintFailed, &[&js_error(e)])));
    }
}

/// Shows the whole diagram while the page is printed (however printing was
/// started), and the view as it was afterwards.
pub(super) fn print_fitted(state: DiagramState) {
    let saved = StoredValue::new(None::<ViewBox>);
    let before = window_event_listener(ev::beforeprint, move |_| {
        saved.set_value(Some(state.view.get_untracked()));
        let whole = state.layout.with_untracked(|l| ViewBox {
            x: 0.0,
            y: 0.0,
            w: l.width,
            h: l.height,
        });
        // Set directly too: printing lays the page out before the next tick.
        if let Some(svg) = state.svg.get_untracked() {
            let _ = svg.set_attribute("viewBox", &whole.attribute());
        }
        state.view.set(whole);
    });
    let after = window_event_listener(ev::afterprint, move |_| {
        if let Some(view) = saved.get_value() {
            state.view.set(view);
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}
