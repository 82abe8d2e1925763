//! The diagram's buttons (every gesture has one, so a single pointer or a
//! keyboard suffices), its find box, and the legend.

use leptos::ev;
use leptos::prelude::*;

use super::export;
use super::viewport::ZOOM_STEP;
use super::DiagramState;
use crate::diagram::{edge_style, Graph};
use crate::i18n::{t, tf, Text};
use crate::model::BodyId;
use crate::search::fold;

/// Zoom, fit, reset, export, print, find.
#[component]
pub(super) fn Toolbar(
    /// The diagram's shared state.
    state: DiagramState,
) -> impl IntoView {
    let zoom_in = move |_| state.zoom(ZOOM_STEP);
    let zoom_out = move |_| state.zoom(1.0 / ZOOM_STEP);
    let fit = move |_| state.fit();
    let reset_view = move |_| {
        state.collapsed.set(Default::default());
        state.select(None);
        state.fit();
    };
    let reset_layout = move |_| {
        let placed: Vec<BodyId> = state.layout.with_untracked(|l| {
            l.nodes
                .iter()
                .filter(|n| n.manual)
                .map(|n| n.id.clone())
                .collect()
        });
        state.reset_positions(&placed);
    };
    let any_manual = move || state.layout.with(|l| l.nodes.iter().any(|n| n.manual));
    // The list on this page (one county or both).
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let list_href = format!("{path}#{}", state.list_dom_id());
    view! {
        <Find state />
        <div class="diagram-tools" role="group" aria-label=t(Text::DiagramViewGroup)>
            <button type="button" class="secondary" on:click=zoom_in>{t(Text::DiagramZoomIn)}</button>
            <button type="button" class="secondary" on:click=zoom_out>{t(Text::DiagramZoomOut)}</button>
            <button type="button" class="secondary" on:click=fit>{t(Text::DiagramFit)}</button>
            <button type="button" class="secondary" on:click=reset_view>{t(Text::DiagramResetView)}</button>
            <button type="button" class="secondary edit-only" on:click=reset_layout disabled=move || !any_manual()>
                {t(Text::DiagramResetLayout)}
            </button>
        </div>
        <div class="diagram-tools" role="group" aria-label=t(Text::DiagramSaveAndPrintGroup)>
            <button type="button" class="secondary" on:click=move |_| export::export_svg(state)>{t(Text::DiagramExportSvg)}</button>
            <button type="button" class="secondary" on:click=move |_| export::export_png(state)>{t(Text::DiagramExportPng)}</button>
            <button type="button" class="secondary" on:click=move |_| export::print(state)>{t(Text::DiagramPrint)}</button>
        </div>
        <p class="diagram-list-link"><a href=list_href>{t(Text::DiagramShowAsList)}</a></p>
        <p class="diagram-status" role="status">{move || state.status.get()}</p>
    }
}

/// The find box: a name (with suggestions) chooses and centres a body.
#[component]
fn Find(state: DiagramState) -> impl IntoView {
    let input_id = format!("{}-find", state.prefix());
    let list_id = format!("{}-names", state.prefix());
    let not_found = RwSignal::new(None::<String>);
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let go = move || {
        let Some(text) = input.get_untracked().map(|i| i.value()) else {
            return;
        };
        if text.trim().is_empty() {
            not_found.set(None);
            return;
        }
        match state.graph.with_untracked(|g| find_body(g, &text)) {
            Some(id) => {
                not_found.set(None);
                state.find(id);
            }
            None => not_found.set(Some(tf(Text::DiagramNoSuchBody, &[&text.trim()]))),
        }
    };
    let on_change = move |_: ev::Event| go();
    let on_key = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            go();
        }
    };
    let options = move || {
        state.graph.with(|g| {
            g.nodes
                .iter()
                .map(|n| view! { <option value=n.display_name()></option> })
                .collect_view()
        })
    };
    let described = format!("{input_id}-message");
    view! {
        <div class="diagram-find">
            <label for=input_id.clone()>{t(Text::DiagramFindBody)}</label>
            <input
                id=input_id
                type="search"
                list=list_id.clone()
                autocomplete="off"
                aria-describedby=described.clone()
                node_ref=input
                on:change=on_change
                on:keydown=on_key
            />
            <datalist id=list_id>{options}</datalist>
            <p id=described class="error" role="status">{move || not_found.get()}</p>
        </div>
    }
}

/// The body `text` names: the whole name (with or without short name), the
/// short name, or else the first whose name contains it; case, å/ä/ö and
/// surrounding space do not matter.
pub(super) fn find_body(graph: &Graph, text: &str) -> Option<BodyId> {
    let wanted = fold(text.trim());
    if wanted.is_empty() {
        return None;
    }
    let exact = graph.nodes.iter().find(|n| {
        fold(&n.display_name()) == wanted
            || fold(&n.name) == wanted
            || n.short_name.as_deref().is_some_and(|s| fold(s) == wanted)
    });
    exact
        .or_else(|| {
            graph
                .nodes
                .iter()
                .find(|n| fold(&n.display_name()).contains(&wanted))
        })
        .map(|n| n.id.clone())
}

/// The relation kinds drawn, each with a sample of its line.
#[component]
pub(super) fn Legend(
    /// The diagram's shared state.
    state: DiagramState,
) -> impl IntoView {
    let prefix = state.prefix();
    let heading_id = format!("{prefix}-legend");
    let labelled_by = heading_id.clone();
    let entries = move || {
        state.layout.with(|l| {
            l.kinds()
                .into_iter()
                .map(|kind| {
                    let style = edge_style(kind);
                    let marker = style
                        .marker_id()
                        .map(|m| format!("url(#{})", super::canvas::marker_dom_id(&prefix, &m)));
                    view! {
                        <li>
                            <svg class="legend-sample" viewBox="0 0 48 12" width="48" height="12" aria-hidden="true">
                                <path
                                    d="M2 6 L46 6"
                                    fill="none"
                                    stroke=style.colour
                                    stroke-width=style.stroke_width
                                    stroke-dasharray=style.dash.pattern()
                                    marker-end=marker
                                />
                            </svg>
                            " " {style.label}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="diagram-legend" aria-labelledby=labelled_by>
            <h2 id=heading_id>
                {t(Text::DiagramLegendHeading)}
                <span class="visually-hidden">" – " {state.county_name.get_value()}</span>
            </h2>
            <ul>{entries}</ul>
            <p class="hint">{t(Text::DiagramHint)}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::GraphNode;
    use crate::model::BodyLevel;

    fn graph() -> Graph {
        let node = |id: &str, name: &str, short: Option<&str>| GraphNode {
            id: BodyId::new(id),
            name: name.into(),
            short_name: short.map(Into::into),
            level: BodyLevel::Officials,
        };
        Graph {
            nodes: vec![
                node("au", "Arbetsutskott till Länssamverkansgruppen", Some("AU")),
                node("lsg", "Länssamverkansgruppen", Some("LSG")),
                node("hjm", "Hjälpmedelsrådet", None),
            ],
            edges: Vec::new(),
        }
    }

    #[test]
    fn a_whole_name_wins_over_a_part_of_another() {
        let g = graph();
        assert_eq!(
            find_body(&g, "Länssamverkansgruppen"),
            Some(BodyId::new("lsg"))
        );
        assert_eq!(
            find_body(&g, " länssamverkansgruppen (lsg) "),
            Some(BodyId::new("lsg"))
        );
        assert_eq!(find_body(&g, "lsg"), Some(BodyId::new("lsg")));
    }

    #[test]
    fn a_part_finds_the_first_and_letters_fold() {
        let g = graph();
        assert_eq!(find_body(&g, "hjalpmedel"), Some(BodyId::new("hjm")));
        assert_eq!(find_body(&g, "samverkans"), Some(BodyId::new("au")));
        assert_eq!(find_body(&g, "finns inte"), None);
        assert_eq!(find_body(&g, "  "), None);
    }
}
