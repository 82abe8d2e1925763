//! The diagram's structure as a nested list: bands, their bodies (linked to
//! their pages), and each body's relations in words. The same information
//! as the drawing, for screen readers and for reading without zooming.

use leptos::prelude::*;
use leptos_router::components::A;

use super::DiagramState;
use crate::diagram::{Band, Graph, GraphNode};
use crate::i18n::{t, Text};
use crate::routes::Page;

/// The list, in a section the toolbar links to.
#[component]
pub(super) fn StructureList(
    /// The diagram's shared state.
    state: DiagramState,
) -> impl IntoView {
    let heading_id = format!("{}-heading", state.list_dom_id());
    let labelled_by = heading_id.clone();
    let bands = move || {
        state.graph.with(|g| {
            Band::ALL
                .into_iter()
                .filter_map(|band| {
                    let bodies: Vec<&GraphNode> = g
                        .nodes
                        .iter()
                        .filter(|n| Band::of(n.level) == band)
                        .collect();
                    (!bodies.is_empty()).then(|| {
                        let items = bodies.into_iter().map(|n| body_item(g, n)).collect_view();
                        view! {
                            <li>
                                <h3>{band.label()}</h3>
                                <ul>{items}</ul>
                            </li>
                        }
                    })
                })
                .collect_view()
        })
    };
    view! {
        <section id=state.list_dom_id() class="structure-list" aria-labelledby=labelled_by>
            <h2 id=heading_id>
                {t(Text::DiagramListHeading)}
                <span class="visually-hidden">" – " {state.county_name.get_value()}</span>
            </h2>
            <ul class="bands">{bands}</ul>
        </section>
    }
}

/// A body with its relations to other bodies of the structure.
fn body_item(graph: &Graph, node: &GraphNode) -> impl IntoView {
    let name_of = |id| {
        graph
            .nodes
            .iter()
            .find(|n| &n.id == id)
            .map(GraphNode::display_name)
            .unwrap_or_default()
    };
    let relations: Vec<String> = graph
        .edges
        .iter()
        .filter_map(|e| {
            if e.from == node.id {
                Some(format!("{} {}", e.kind.label(), name_of(&e.to)))
            } else if e.to == node.id {
                Some(format!("{} {}", e.kind.inverse_label(), name_of(&e.from)))
            } else {
                None
            }
        })
        .collect();
    let relations = (!relations.is_empty()).then(|| {
        let items = relations
            .into_iter()
            .map(|r| view! { <li>{r}</li> })
            .collect_view();
        view! { <ul class="relations">{items}</ul> }
    });
    let href = Page::Body(node.id.clone()).href();
    let name = node.display_name();
    let level = node.level.label();
    view! {
        <li>
            <A href=href>{name}</A>
            " – " {level}
            {relations}
        </li>
    }
}
