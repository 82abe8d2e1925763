//! The diagram itself: an SVG drawn from the layout, one focusable group
//! per body, with pan, pinch, wheel zoom, double tap and dragging of bodies.

use std::collections::BTreeSet;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::gesture::{Action, Gestures};
use super::viewport::DOUBLE_TAP_ZOOM;
use super::DiagramState;
use crate::components::EditMode;
use crate::diagram::{
    band_accent, band_fill, baseline, edge_style, legend, BandBox, EdgeRoute, Layout, LineKind,
    MarkerFill, MarkerShape, NodeBox, Point, BOX_FILL,
};
use crate::i18n::{tf, Text};
use crate::model::BodyId;

/// A body being dragged: how far from its place, in diagram units.
type DragOffset = Option<(BodyId, f64, f64)>;

/// The SVG canvas.
#[component]
pub(super) fn Canvas(
    /// The diagram's shared state.
    state: DiagramState,
) -> impl IntoView {
    let gestures = StoredValue::new(Gestures::default());
    // A tap opens the panel at once; the click the browser makes of the
    // same touch afterwards must not land on what the panel put there.
    let swallow_click = StoredValue::new(false);
    let drag: RwSignal<DragOffset> = RwSignal::new(None);
    let mode = EditMode::expect_context();
    let related = Memo::new(move |_| {
        let selected = state.selected.get()?;
        Some(state.layout.with(|l| neighbours(l, &selected)))
    });

    let act = move |actions: Vec<Action>| {
        for action in actions {
            if matches!(action, Action::Tap { .. }) {
                swallow_click.set_value(true);
            }
            // Placing a body by hand is an edit: in reading mode a body
            // stays where it is.
            let placing = matches!(action, Action::Drag { .. } | Action::Drop { .. });
            if placing && !mode.is_on_untracked() {
                continue;
            }
            carry_out(state, drag, action);
        }
    };
    let on_touch_end = move |ev: ev::TouchEvent| {
        if ev.touches().length() == 0 && swallow_click.get_value() {
            swallow_click.set_value(false);
            ev.prevent_default();
        }
    };
    let on_down = move |ev: ev::PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        let body = body_of_target(ev.target());
        let actions = gestures
            .try_update_value(|g| g.down(ev.pointer_id(), client_point(&ev), body))
            .unwrap_or_default();
        act(actions);
    };
    let on_move = move |ev: ev::PointerEvent| {
        let actions = gestures
            .try_update_value(|g| g.moved(ev.pointer_id(), client_point(&ev)))
            .unwrap_or_default();
        act(actions);
    };
    let on_up = move |ev: ev::PointerEvent| {
        let actions = gestures
            .try_update_value(|g| g.up(ev.pointer_id(), client_point(&ev), ev.time_stamp()))
            .unwrap_or_default();
        act(actions);
    };
    let on_cancel = move |ev: ev::PointerEvent| {
        let actions = gestures
            .try_update_value(|g| g.cancel(ev.pointer_id()))
            .unwrap_or_default();
        act(actions);
    };
    let on_wheel = move |ev: ev::WheelEvent| {
        ev.prevent_default();
        let unit = match ev.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let factor = (-ev.delta_y() * unit * 0.002).clamp(-0.5, 0.5).exp();
        state.zoom_at(
            Point::new(f64::from(ev.client_x()), f64::from(ev.client_y())),
            factor,
        );
    };

    let prefix = state.prefix();
    let label = tf(Text::DiagramCanvasLabel, &[&state.county_name.get_value()]);
    let markers = markers(&prefix);
    let drawing = move || {
        state.layout.with(|l| {
            view! {
                <g class="bands" aria-hidden="true">{l.bands.iter().map(|b| band(b, l)).collect_view()}</g>
                <g class="edges" aria-hidden="true">
                    {l.edges.iter().filter(|e| e.bundled_with.is_none()).map(|e| edge(e, state, drag, &prefix)).collect_view()}
                </g>
                <g class="edge-labels" aria-hidden="true">
                    {l.edges.iter().map(|e| edge_label(e, l, state)).collect_view()}
                </g>
                <g class="nodes">
                    {reading_order(l).into_iter().map(|n| node(n, l, state, drag, related)).collect_view()}
                </g>
            }
        })
    };
    view! {
        <svg
            node_ref=state.svg
            class="diagram-canvas"
            class:dragging=move || drag.with(Option::is_some)
            class:has-selection=move || related.with(Option::is_some)
            viewBox=move || state.view.get().attribute()
            preserveAspectRatio="xMidYMid meet"
            role="group"
            aria-label=label
            data-county=state.county.get_value().to_string()
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_cancel
            on:touchend=on_touch_end
            on:wheel=on_wheel
        >
            <defs>{markers}</defs>
            {drawing}
        </svg>
    }
}

/// Does what a gesture asks.
fn carry_out(state: DiagramState, drag: RwSignal<DragOffset>, action: Action) {
    let screen = state.screen();
    match action {
        Action::Capture(pointer) => {
            if let Some(svg) = state.svg.get_untracked() {
                let _ = svg.set_pointer_capture(pointer);
            }
        }
        Action::Pan { dx, dy } => state.view.update(|v| *v = v.pan_by(dx, dy, screen)),
        Action::Pinch { factor, at, dx, dy } => state.view.update(|v| {
            let moved = v.pan_by(dx, dy, screen);
            let focus = moved.diagram_point(screen, at);
            *v = moved.zoom_at(focus, factor, screen);
        }),
        Action::Drag { body, dx, dy } => {
            let s = state.view.with_untracked(|v| v.scale(screen));
            drag.set(Some((body, dx / s, dy / s)));
        }
        Action::CancelDrag => drag.set(None),
        Action::Drop { body, dx, dy } => {
            drag.set(None);
            let s = state.view.with_untracked(|v| v.scale(screen));
            let place = state.layout.with_untracked(|l| {
                l.node(&body)
                    .map(|n| (n.rect.x + dx / s, n.rect.y + dy / s))
            });
            if let Some((x, y)) = place {
                state.place(&body, x, y);
            }
        }
        Action::Tap { body, at, double } => {
            if let Some(body) = body {
                state.select(Some(body.clone()));
                state.reveal(body, false);
            }
            if double {
                state.zoom_at(at, DOUBLE_TAP_ZOOM);
            }
        }
    }
}

fn client_point(ev: &ev::PointerEvent) -> Point {
    Point::new(f64::from(ev.client_x()), f64::from(ev.client_y()))
}

/// The body whose box the event happened in, if any.
fn body_of_target(target: Option<web_sys::EventTarget>) -> Option<BodyId> {
    let element: web_sys::Element = target?.dyn_into().ok()?;
    let node = element.closest("[data-body]").ok()??;
    node.get_attribute("data-body").map(BodyId::new)
}

/// The chosen body and the bodies it has a drawn relation with.
fn neighbours(layout: &Layout, selected: &BodyId) -> BTreeSet<BodyId> {
    let mut ids = BTreeSet::from([selected.clone()]);
    for e in &layout.edges {
        if &e.from == selected {
            ids.insert(e.to.clone());
        } else if &e.to == selected {
            ids.insert(e.from.clone());
        }
    }
    ids
}

/// Boxes in reading order, which is also the keyboard order: band by band
/// from the top, row by row, left to right.
fn reading_order(layout: &Layout) -> Vec<&NodeBox> {
    let mut nodes: Vec<&NodeBox> = layout.nodes.iter().collect();
    nodes.sort_by(|a, b| {
        (a.band, a.rect.y.round() as i64, a.rect.x.round() as i64).cmp(&(
            b.band,
            b.rect.y.round() as i64,
            b.rect.x.round() as i64,
        ))
    });
    nodes
}

/// The DOM id of the marker drawn at the end of edges of a style.
pub(super) fn marker_dom_id(prefix: &str, marker: &str) -> String {
    format!("{prefix}-{marker}")
}

/// One marker per relation kind, as the standalone SVG has them.
fn markers(prefix: &str) -> impl IntoView {
    legend()
        .into_iter()
        .filter_map(|entry| {
            let style = entry.style;
            let def = style.marker.def()?;
            let id = marker_dom_id(prefix, &style.marker_id()?);
            let colour = style.colour;
            let fill = match def.fill {
                MarkerFill::Line => colour,
                MarkerFill::Box => BOX_FILL,
                MarkerFill::None => "none",
            };
            let stroke = def.stroke_width.map(|_| colour);
            let shape = match def.shape {
                MarkerShape::Path(d) => view! {
                    <path d=d fill=fill stroke=stroke stroke-width=def.stroke_width />
                }
                .into_any(),
                MarkerShape::Circle { cx, cy, r } => view! {
                    <circle cx=cx cy=cy r=r fill=fill stroke=stroke stroke-width=def.stroke_width />
                }
                .into_any(),
            };
            Some(view! {
                <marker
                    id=id
                    viewBox=def.view_box()
                    refX=def.ref_x
                    refY=def.ref_y
                    markerWidth=def.width
                    markerHeight=def.height
                    markerUnits="userSpaceOnUse"
                    orient="auto"
                >
                    {shape}
                </marker>
            })
        })
        .collect_view()
}

fn band(b: &BandBox, l: &Layout) -> impl IntoView {
    let r = b.rect;
    let size = l.metrics.band_label_font_size;
    let lines = b
        .text_lines(&l.metrics)
        .into_iter()
        .map(|line| view! { <tspan x=line.x y=line.y>{line.text.to_owned()}</tspan> })
        .collect_view();
    view! {
        <g class=format!("band {}", b.band.class())>
            <rect x=r.x y=r.y width=r.w height=r.h rx="6" fill=band_fill(b.band) />
            <text class="band-label" font-size=size>{lines}</text>
        </g>
    }
}

fn path_data(points: &[Point]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}{:.1} {:.1}", if i == 0 { "M" } else { "L" }, p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether an edge touches the chosen body; `None` when none is chosen.
fn touches_selection(state: DiagramState, from: &BodyId, to: &BodyId) -> Option<bool> {
    state
        .selected
        .with(|s| s.as_ref().map(|s| s == from || s == to))
}

fn edge(
    e: &EdgeRoute,
    state: DiagramState,
    drag: RwSignal<DragOffset>,
    prefix: &str,
) -> impl IntoView {
    let style = edge_style(e.kind);
    let marker = style
        .marker_id()
        .map(|m| format!("url(#{})", marker_dom_id(prefix, &m)));
    let (from, to) = (e.from.clone(), e.to.clone());
    let (from2, to2) = (e.from.clone(), e.to.clone());
    let (from3, to3) = (e.from.clone(), e.to.clone());
    view! {
        <path
            data-from=e.from.to_string()
            data-to=e.to.to_string()
            class=format!("edge {}", style.class)
            class:related=move || touches_selection(state, &from, &to) == Some(true)
            class:dimmed=move || touches_selection(state, &from2, &to2) == Some(false)
            class:stale=move || {
                drag.with(|d| d.as_ref().is_some_and(|(b, _, _)| b == &from3 || b == &to3))
            }
            d=path_data(&e.points)
            fill="none"
            stroke=style.colour
            stroke-width=style.stroke_width
            stroke-dasharray=style.dash.pattern()
            marker-end=marker
        />
    }
}

fn edge_label(e: &EdgeRoute, l: &Layout, state: DiagramState) -> Option<impl IntoView> {
    let label = e.label.as_ref()?;
    let style = edge_style(e.kind);
    let r = label.rect;
    let (from, to) = (e.from.clone(), e.to.clone());
    let (from2, to2) = (e.from.clone(), e.to.clone());
    Some(view! {
        <g
            class=format!("edge-label {}", style.class)
            class:related=move || touches_selection(state, &from, &to) == Some(true)
            class:dimmed=move || touches_selection(state, &from2, &to2) == Some(false)
        >
            <rect x=r.x y=r.y width=r.w height=r.h rx="3" fill=BOX_FILL fill-opacity="0.92" />
            <text
                x=r.centre().x
                y=baseline(r, l.metrics.label_font_size)
                text-anchor="middle"
                fill=style.colour
                font-size=l.metrics.label_font_size
            >
                {label.text.clone()}
            </text>
        </g>
    })
}

/// What a screen reader says for a box.
fn node_label(n: &NodeBox) -> String {
    let mut label = format!("{}, {}", n.title, n.level.label());
    if let Some(badge) = &n.badge {
        label.push_str(&format!(", {}", badge.trim_start_matches('+')));
    }
    label
}

fn node(
    n: &NodeBox,
    l: &Layout,
    state: DiagramState,
    drag: RwSignal<DragOffset>,
    related: Memo<Option<BTreeSet<BodyId>>>,
) -> impl IntoView {
    let id = n.id.clone();
    let r = n.rect;
    let m = &l.metrics;
    let text_lines = n.text_lines(m);
    let count = text_lines.len();
    let lines = text_lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let (class, size) = match line.kind {
                LineKind::Name => ("name", m.font_size),
                LineKind::Caption => ("caption", m.caption_font_size),
                LineKind::Badge => ("badge", m.font_size),
            };
            // A space ends every line but the last, so the box's text reads
            // "Politiska samverkansberedningen", not "Politiskasamverkans…":
            // its accessible name must contain the visible words (WCAG 2.5.3).
            let text = if i + 1 < count {
                format!("{} ", line.text)
            } else {
                line.text.to_owned()
            };
            view! { <tspan class=class x=line.x y=line.y font-size=size>{text}</tspan> }
        })
        .collect_view();

    let is_selected = {
        let id = id.clone();
        move || state.selected.with(|s| s.as_ref() == Some(&id))
    };
    let is_dimmed = {
        let id = id.clone();
        move || related.with(|r| r.as_ref().is_some_and(|r| !r.contains(&id)))
    };
    let is_related = {
        let id = id.clone();
        move || {
            related.with(|r| r.as_ref().is_some_and(|r| r.contains(&id)))
                && state.selected.with(|s| s.as_ref() != Some(&id))
        }
    };
    let transform = {
        let id = id.clone();
        move || {
            drag.with(|d| match d {
                Some((body, dx, dy)) if body == &id => format!("translate({dx:.1} {dy:.1})"),
                _ => String::new(),
            })
        }
    };
    let on_key = {
        let id = id.clone();
        move |ev: ev::KeyboardEvent| match ev.key().as_str() {
            "Enter" | " " => {
                ev.prevent_default();
                state.select(Some(id.clone()));
                state.reveal(id.clone(), false);
                state.focus_panel();
            }
            "Escape" => state.select(None),
            _ => {}
        }
    };
    let on_focus = {
        let id = id.clone();
        move |ev: ev::FocusEvent| {
            // Only keyboard focus moves the view; a tap or a drag must not.
            let by_keyboard = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| e.matches(":focus-visible").unwrap_or(false));
            if by_keyboard {
                state.reveal(id.clone(), false);
            }
        }
    };
    let expanded = is_selected.clone();
    view! {
        <g
            class=format!("node {}", n.band.class())
            class:collapsed=n.collapsed
            class:manual=n.manual
            class:selected=is_selected
            class:related=is_related
            class:dimmed=is_dimmed
            id=state.node_dom_id(&id)
            data-body=id.to_string()
            data-x=format!("{:.0}", r.x)
            data-y=format!("{:.0}", r.y)
            tabindex="0"
            role="button"
            aria-label=node_label(n)
            aria-expanded=move || if expanded() { "true" } else { "false" }
            aria-controls=state.panel_dom_id()
            transform=transform
            on:keydown=on_key
            on:focus=on_focus
        >
            <title>{n.title.clone()}</title>
            <rect
                class="box"
                x=r.x
                y=r.y
                width=r.w
                height=r.h
                rx="4"
                fill=BOX_FILL
                stroke=band_accent(n.band)
                stroke-width=if n.collapsed { 2.5 } else { 1.5 }
            />
            <text text-anchor="middle">{lines}</text>
        </g>
    }
}
