//! The structure diagram of a county: its bodies in bands by level and the
//! relations between them, drawn as SVG from [`crate::diagram`]'s layout.
//! Pan, zoom and drag by pointer, touch and buttons; a side panel for the
//! chosen body; export, print, and the same structure as a nested list.
//!
//! - `viewport` – the `viewBox` arithmetic (pure).
//! - `gesture` – what pointer events mean: tap, pan, drag, pinch (pure).
//! - `canvas` – the SVG, carrying out the gestures.
//! - `toolbar` – the buttons and the find box.
//! - `panel` – the chosen body.
//! - `list` – the structure as a nested list.
//! - `export` – SVG and PNG files, print.

mod canvas;
mod export;
mod gesture;
mod list;
mod panel;
mod toolbar;
mod viewport;

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::diagram::{
    graph_of_county, lay_out, BandLabels, Graph, Layout, LayoutOptions, Point, Rect,
};
use crate::i18n::{t, tf, Text};
use crate::model::{BodyId, CountyId, Dataset, Record};
use crate::repo::Repo;
use crate::routes::Page;

use canvas::Canvas;
use list::StructureList;
use panel::SidePanel;
use toolbar::{Legend, Toolbar};
use viewport::{Screen, ViewBox};

/// `/diagram/:id`, `/diagram` for the first county, and `/diagram/bada`
/// for both side by side.
#[component]
pub fn DiagramPage() -> impl IntoView {
    let repo = Repo::expect_context();
    let params = use_params_map();
    let asked = Memo::new(move |_| params.with(|p| p.get("id")));
    // Only a change of county (or of its name) rebuilds the diagram.
    let shown = Memo::new(move |_| {
        let asked = asked.get();
        repo.with(|d| {
            if asked.as_deref() == Some(Page::BOTH_COUNTIES) {
                return Some(
                    d.live_counties()
                        .map(|c| (c.id.clone(), c.name.clone()))
                        .collect(),
                );
            }
            let county = match &asked {
                Some(id) => d.county(&CountyId::new(id.as_str())),
                None => d.live_counties().next(),
            };
            county
                .filter(|c| c.is_live())
                .map(|c| vec![(c.id.clone(), c.name.clone())])
        })
    });
    move || {
        match shown.get() {
        Some(mut counties) if counties.len() == 1 => {
            let (county, name) = counties.remove(0);
            view! {
                <div class="diagram-single">
                    <CountyDiagram county name side_by_side=false />
                </div>
            }
            .into_any()
        }
        Some(counties) => {
            let diagrams = counties
                .into_iter()
                .map(|(county, name)| view! { <CountyDiagram county name side_by_side=true /> })
                .collect_view();
            view! {
                <div class="diagram-pair-page">
                    <h1>{t(Text::DiagramBothHeading)}</h1>
                    <CountySwitch current=None />
                    <div class="diagram-pair">{diagrams}</div>
                </div>
            }
            .into_any()
        }
        None => view! {
            <super::RecordNotFound what=t(Text::WhatCounty) id=asked.get().unwrap_or_default() back=Page::Overview />
        }
        .into_any(),
    }
    }
}

/// Links to each county's diagram and to both side by side.
#[component]
fn CountySwitch(
    /// The county shown, `None` when both are.
    current: Option<CountyId>,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let counties = repo.snapshot(|d| {
        d.live_counties()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect::<Vec<_>>()
    });
    let both_current = current.is_none().then_some("page");
    let links = counties
        .into_iter()
        .map(|(id, name)| {
            let here = (current.as_ref() == Some(&id)).then_some("page");
            view! { <li><A href=Page::Diagram(Some(id)).href() attr:aria-current=here>{name}</A></li> }
        })
        .collect_view();
    view! {
        <nav aria-label=t(Text::DiagramCountiesNav) class="county-switch">
            <ul>
                {links}
                <li><A href=Page::DiagramBoth.href() attr:aria-current=both_current>{t(Text::DiagramBothSideBySide)}</A></li>
            </ul>
        </nav>
    }
}

/// The diagram of one county with its toolbar, panel, legend and list.
#[component]
fn CountyDiagram(
    /// The county drawn.
    county: CountyId,
    /// Its name, for headings and file names.
    name: String,
    /// Shown next to another county's diagram: a heading of the second
    /// level, and the tools above the drawing rather than beside it.
    side_by_side: bool,
) -> impl IntoView {
    let repo = Repo::expect_context();
    let state = DiagramState::new(repo, county.clone(), name.clone());
    export::print_fitted(state);
    let heading = if side_by_side {
        view! { <h2 class="diagram-heading">{name}</h2> }.into_any()
    } else {
        // The county's name has its own element, wherever the words put it.
        let (before, after) = t(Text::DiagramHeading)
            .split_once("{0}")
            .unwrap_or_default();
        view! {
            <h1>{before} <span class="county-name">{name}</span> {after}</h1>
            <CountySwitch current=Some(county) />
        }
        .into_any()
    };
    view! {
        <section class="diagram-page" aria-label=tf(Text::DiagramHeading, &[&state.county_name.get_value()])>
            <div class="diagram-side">
                {heading}
                <Toolbar state />
            </div>
            <div class="diagram-stage">
                <Canvas state />
                <SidePanel state />
            </div>
            <Legend state />
            <StructureList state />
        </section>
    }
}

/// Everything the parts of one county's diagram share. Signals are `Copy`,
/// so the whole state is handed to each part.
#[derive(Clone, Copy)]
struct DiagramState {
    repo: Repo,
    county: StoredValue<CountyId>,
    county_name: StoredValue<String>,
    /// The structure drawn (all bodies, collapsed or not).
    graph: Memo<Graph>,
    /// The structure as laid out, with the positions stored in the data.
    layout: Memo<Layout>,
    collapsed: RwSignal<BTreeSet<BodyId>>,
    /// The chosen body: highlighted, its panel open.
    selected: RwSignal<Option<BodyId>>,
    view: RwSignal<ViewBox>,
    svg: NodeRef<leptos::svg::Svg>,
    panel: NodeRef<leptos::html::Aside>,
    /// The outcome of the last action that can fail (export, placing).
    status: RwSignal<Option<String>>,
}

impl DiagramState {
    fn new(repo: Repo, county: CountyId, name: String) -> Self {
        let graph_county = county.clone();
        let graph = Memo::new(move |_| repo.with(|d| graph_of_county(d, &graph_county)));
        let collapsed = RwSignal::new(BTreeSet::new());
        let band_labels = Memo::new(move |_| graph.with(BandLabels::suited_to));
        let layout = Memo::new(move |_| {
            let band_labels = band_labels.get();
            let collapsed = collapsed.get();
            graph.with(|graph| {
                let positions = repo.with(|d| positions_of(d, graph));
                lay_out(
                    graph,
                    &LayoutOptions {
                        collapsed,
                        positions,
                        band_labels,
                        ..LayoutOptions::default()
                    },
                )
            })
        });
        let state = Self {
            repo,
            county: StoredValue::new(county),
            county_name: StoredValue::new(name),
            graph,
            layout,
            collapsed,
            selected: RwSignal::new(None),
            view: RwSignal::new(ViewBox {
                x: 0.0,
                y: 0.0,
                w: 1000.0,
                h: 700.0,
            }),
            svg: NodeRef::new(),
            panel: NodeRef::new(),
            status: RwSignal::new(None),
        };
        // Fit once there is something to fit and the canvas has its size
        // (the data may arrive after the first render).
        let fitted = StoredValue::new(false);
        Effect::new(move |_| {
            let has_nodes = layout.with(|l| !l.nodes.is_empty());
            if state.svg.get().is_some() && has_nodes && !fitted.get_value() {
                fitted.set_value(true);
                state.fit();
            }
        });
        state
    }

    /// Ids in the page start with this, so that two diagrams could share it.
    fn prefix(&self) -> String {
        format!("diagram-{}", self.county.get_value())
    }

    /// The DOM id of a body's box.
    fn node_dom_id(&self, id: &BodyId) -> String {
        format!("{}-node-{id}", self.prefix())
    }

    fn panel_dom_id(&self) -> String {
        format!("{}-panel", self.prefix())
    }

    fn panel_heading_id(&self) -> String {
        format!("{}-panel-heading", self.prefix())
    }

    /// The nested list's section, which the toolbar links to.
    fn list_dom_id(&self) -> String {
        format!("lista-{}", self.county.get_value())
    }

    /// Where the SVG element is on screen.
    fn screen(&self) -> Screen {
        self.svg
            .get_untracked()
            .map(|svg| {
                let r = svg.get_bounding_client_rect();
                Screen {
                    left: r.left(),
                    top: r.top(),
                    width: r.width(),
                    height: r.height(),
                }
            })
            .unwrap_or(Screen {
                left: 0.0,
                top: 0.0,
                width: 0.0,
                height: 0.0,
            })
    }

    /// The part of the SVG element no open panel covers: left of a side
    /// panel, above a bottom sheet.
    fn visible_screen(&self) -> Screen {
        let screen = self.screen();
        let Some(panel) = self.panel_rect() else {
            return screen;
        };
        let mut visible = screen;
        if panel.left > screen.left + 1.0 {
            visible.width = (panel.left - screen.left).clamp(0.0, screen.width);
        } else {
            visible.height = (panel.top - screen.top).clamp(0.0, screen.height);
        }
        if visible.width < 40.0 || visible.height < 40.0 {
            screen
        } else {
            visible
        }
    }

    /// Where the open panel is on screen.
    fn panel_rect(&self) -> Option<Screen> {
        let p = self.panel.get_untracked()?.get_bounding_client_rect();
        (p.width() > 0.0 && p.height() > 0.0).then(|| Screen {
            left: p.left(),
            top: p.top(),
            width: p.width(),
            height: p.height(),
        })
    }

    /// With a bottom sheet open, scrolls the page so that the canvas starts
    /// at the top of the window, where the sheet leaves it in view.
    fn scroll_canvas_above_sheet(&self) {
        let screen = self.screen();
        let Some(panel) = self.panel_rect() else {
            return;
        };
        let sheet = panel.left <= screen.left + 1.0;
        if sheet && (screen.top < 0.0 || panel.top - screen.top < screen.height / 2.0) {
            window().scroll_by_with_x_and_y(0.0, screen.top - 8.0);
        }
    }

    fn bounds(&self) -> Rect {
        self.layout
            .with_untracked(|l| Rect::new(0.0, 0.0, l.width, l.height))
    }

    fn fit(&self) {
        self.view.set(ViewBox::fit(self.bounds(), self.screen()));
    }

    fn zoom(&self, factor: f64) {
        let screen = self.screen();
        self.view.update(|v| *v = v.zoom(factor, screen));
    }

    fn zoom_at(&self, client: Point, factor: f64) {
        let screen = self.screen();
        self.view.update(|v| {
            let focus = v.diagram_point(screen, client);
            *v = v.zoom_at(focus, factor, screen);
        });
    }

    fn select(&self, id: Option<BodyId>) {
        self.selected.set(id);
    }

    /// Shows `id` (after the panel has been drawn): centred in the part of
    /// the canvas the panel leaves free when it is not already in view.
    fn reveal(&self, id: BodyId, centre: bool) {
        let state = *self;
        request_animation_frame(move || {
            let Some(rect) = state.layout.with_untracked(|l| l.node(&id).map(|n| n.rect)) else {
                return;
            };
            state.scroll_canvas_above_sheet();
            let screen = state.screen();
            let visible = state.visible_screen();
            state.view.update(|v| {
                *v = if centre {
                    let at_least_natural = if v.scale(screen) < 1.0 {
                        v.zoom_at(rect.centre(), 1.0 / v.scale(screen), screen)
                    } else {
                        *v
                    };
                    at_least_natural.put(rect.centre(), visible.centre(), screen)
                } else {
                    v.reveal(rect.inflate(8.0), screen, visible)
                };
            });
        });
    }

    /// Finds a body: shown (its collapsed parents opened), chosen, centred.
    fn find(&self, id: BodyId) {
        let hidden_by: Vec<BodyId> = self.graph.with_untracked(|g| {
            self.collapsed
                .get_untracked()
                .into_iter()
                .filter(|c| hides(g, c, &id))
                .collect()
        });
        if !hidden_by.is_empty() {
            self.collapsed.update(|c| {
                for parent in &hidden_by {
                    c.remove(parent);
                }
            });
        }
        self.select(Some(id.clone()));
        self.reveal(id, true);
    }

    fn toggle_collapsed(&self, id: &BodyId) {
        self.collapsed.update(|c| {
            if !c.remove(id) {
                c.insert(id.clone());
            }
        });
    }

    /// Closes the panel and gives focus back to the body's box.
    fn close_panel(&self) {
        if let Some(id) = self.selected.get_untracked() {
            self.select(None);
            self.focus_node(&id);
        }
    }

    /// Moves keyboard focus to the panel's heading, once it is drawn.
    fn focus_panel(&self) {
        let heading = self.panel_heading_id();
        request_animation_frame(move || {
            let element = document()
                .get_element_by_id(&heading)
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(element) = element {
                let _ = element.focus();
            }
        });
    }

    /// Stores a box's new top-left corner with the data.
    fn place(&self, id: &BodyId, x: f64, y: f64) {
        match self.repo.place_body(id, x, y) {
            Ok(()) => self.status.set(None),
            Err(e) => self.status.set(Some(tf(Text::DiagramPlaceFailed, &[&e]))),
        }
    }

    /// Returns boxes to their computed place.
    fn reset_positions(&self, ids: &[BodyId]) {
        if ids.is_empty() {
            return;
        }
        match self.repo.reset_positions(ids) {
            Ok(()) => self.status.set(Some(t(Text::DiagramLayoutReset).into())),
            Err(e) => self
                .status
                .set(Some(tf(Text::DiagramLayoutResetFailed, &[&e]))),
        }
    }

    /// Moves keyboard focus to a body's box.
    fn focus_node(&self, id: &BodyId) {
        let dom_id = self.node_dom_id(id);
        request_animation_frame(move || {
            let node = document()
                .get_element_by_id(&dom_id)
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::SvgElement>(e).ok());
            if let Some(node) = node {
                let _ = node.focus();
            }
        });
    }
}

/// The stored positions of the graph's bodies.
fn positions_of(d: &Dataset, graph: &Graph) -> std::collections::BTreeMap<BodyId, Point> {
    graph
        .nodes
        .iter()
        .filter_map(|n| {
            d.position_of(&n.id)
                .map(|(x, y)| (n.id.clone(), Point::new(x, y)))
        })
        .collect()
}

/// Whether collapsing `parent` hides `id`: `id` lies below it along
/// sub-body relations.
fn hides(graph: &Graph, parent: &BodyId, id: &BodyId) -> bool {
    let mut seen = BTreeSet::from([parent]);
    let mut stack = vec![parent];
    while let Some(current) = stack.pop() {
        for child in graph.sub_bodies_of(current) {
            if child == id {
                return true;
            }
            if seen.insert(child) {
                stack.push(child);
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::{GraphEdge, GraphNode};
    use crate::model::{BodyLevel, RelationKind};

    #[test]
    fn a_collapsed_body_hides_what_lies_below_it_only() {
        let node = |id: &str| GraphNode {
            id: BodyId::new(id),
            name: id.into(),
            short_name: None,
            level: BodyLevel::Preparatory,
        };
        let edge = |from: &str, to: &str, kind| GraphEdge {
            from: BodyId::new(from),
            to: BodyId::new(to),
            kind,
        };
        let graph = Graph {
            nodes: vec![
                node("lsg"),
                node("beredning"),
                node("grupp"),
                node("samrad"),
            ],
            edges: vec![
                edge("beredning", "lsg", RelationKind::SubBodyOf),
                edge("grupp", "beredning", RelationKind::SubBodyOf),
                edge("lsg", "samrad", RelationKind::PreparesCasesFor),
            ],
        };
        let id = BodyId::new;
        assert!(hides(&graph, &id("lsg"), &id("grupp")));
        assert!(hides(&graph, &id("beredning"), &id("grupp")));
        assert!(!hides(&graph, &id("grupp"), &id("lsg")));
        assert!(!hides(&graph, &id("samrad"), &id("lsg")));
    }
}
