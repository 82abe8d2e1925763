//! The structure diagram's layout and SVG export, on the built-in counties
//! and on generated structures of 5 to 200 bodies.

#[path = "diagram/generated.rs"]
mod generated;

use std::collections::{BTreeMap, BTreeSet};

use samverkan::diagram::*;
use samverkan::model::*;
use samverkan::seed;

use generated::generated_graph;

const SIZES: [usize; 5] = [5, 20, 50, 100, 200];
/// Boxes keep at least twice this apart.
const SPACING: f64 = 4.0;
const TOLERANCE: f64 = 1e-6;

fn data() -> Dataset {
    seed::built_in().expect("the built-in data set parses")
}

fn counties(data: &Dataset) -> Vec<CountyId> {
    data.live_counties().map(|c| c.id.clone()).collect()
}

fn county_graph(data: &Dataset, county: &str) -> Graph {
    graph_of_county(data, &CountyId::from(county))
}

/// The bodies that should be drawn: every distinct id, less those hidden by
/// collapsed bodies, worked out here independently of the layout.
fn expected_visible(graph: &Graph, collapsed: &BTreeSet<BodyId>) -> BTreeSet<BodyId> {
    let all: BTreeSet<BodyId> = graph.nodes.iter().map(|n| n.id.clone()).collect();
    let mut hidden = BTreeSet::new();
    for root in collapsed {
        if !all.contains(root) || hidden.contains(root) {
            continue;
        }
        let mut stack: Vec<BodyId> = vec![root.clone()];
        let mut seen = BTreeSet::from([root.clone()]);
        while let Some(id) = stack.pop() {
            for child in graph.sub_bodies_of(&id) {
                if seen.insert(child.clone()) {
                    hidden.insert(child.clone());
                    stack.push(child.clone());
                }
            }
        }
    }
    all.difference(&hidden).cloned().collect()
}

/// Everything a layout must hold, whatever the input.
fn check_layout(graph: &Graph, options: &LayoutOptions, layout: &Layout) {
    // Every drawn body exactly once.
    let drawn: Vec<&BodyId> = layout.nodes.iter().map(|n| &n.id).collect();
    let unique: BTreeSet<BodyId> = drawn.iter().map(|id| (*id).clone()).collect();
    assert_eq!(unique.len(), drawn.len(), "a body is drawn twice");
    assert_eq!(unique, expected_visible(graph, &options.collapsed));

    // Boxes never overlap, and keep apart; boxes placed by hand may overlap
    // each other (the user put them there), never a computed one.
    for (i, a) in layout.nodes.iter().enumerate() {
        assert!(a.rect.w > 0.0 && a.rect.h > 0.0);
        assert!(!a.lines.is_empty() && a.lines.len() <= options.metrics.max_lines);
        for b in &layout.nodes[i + 1..] {
            if a.manual && b.manual {
                continue;
            }
            assert!(
                !a.rect.inflate(SPACING).overlaps(&b.rect.inflate(SPACING)),
                "{} {:?} and {} {:?} overlap",
                a.id,
                a.rect,
                b.id,
                b.rect
            );
        }
    }

    // Edges run from border to border; only edges between drawn bodies.
    let boxes: BTreeMap<&BodyId, &NodeBox> = layout.nodes.iter().map(|n| (&n.id, n)).collect();
    for edge in &layout.edges {
        let from = boxes[&edge.from];
        let to = boxes[&edge.to];
        assert!(edge.points.len() >= 2);
        let first = edge.points[0];
        let last = *edge.points.last().unwrap();
        assert!(
            from.rect.on_border(first, TOLERANCE),
            "{} → {}: starts at {first:?}, box {:?}",
            edge.from,
            edge.to,
            from.rect
        );
        assert!(
            to.rect.on_border(last, TOLERANCE),
            "{} → {}: ends at {last:?}, box {:?}",
            edge.from,
            edge.to,
            to.rect
        );
    }
    let drawn_edges = graph
        .edges
        .iter()
        .filter(|e| e.from != e.to && unique.contains(&e.from) && unique.contains(&e.to))
        .count();
    assert_eq!(layout.edges.len(), drawn_edges);

    // Labels keep clear of boxes and of each other.
    let labels: Vec<&EdgeLabel> = layout
        .edges
        .iter()
        .filter_map(|e| e.label.as_ref())
        .collect();
    for (i, label) in labels.iter().enumerate() {
        for node in &layout.nodes {
            assert!(
                !label.rect.overlaps(&node.rect),
                "label {:?} on box {}",
                label.text,
                node.id
            );
        }
        for other in &labels[i + 1..] {
            assert!(
                !label.rect.overlaps(&other.rect),
                "labels {:?} overlap",
                label.text
            );
        }
    }

    // Everything is on the canvas.
    let canvas = Rect::new(0.0, 0.0, layout.width, layout.height);
    let inside = |r: &Rect| {
        r.x >= 0.0 && r.y >= 0.0 && r.right() <= canvas.right() && r.bottom() <= canvas.bottom()
    };
    for node in &layout.nodes {
        assert!(inside(&node.rect), "{} off the canvas", node.id);
    }
    for label in &labels {
        assert!(inside(&label.rect), "label {:?} off the canvas", label.text);
    }
    for edge in &layout.edges {
        for p in &edge.points {
            assert!(inside(&Rect::new(p.x, p.y, 0.0, 0.0)));
        }
    }

    // Bands: top to bottom in band order, holding their computed boxes.
    for pair in layout.bands.windows(2) {
        assert!(pair[0].band < pair[1].band);
        assert!(pair[0].rect.bottom() <= pair[1].rect.y);
    }
    for band in &layout.bands {
        for id in &band.nodes {
            let node = boxes[id];
            assert_eq!(node.band, band.band);
            assert!(!node.manual);
            assert!(band.rect.y <= node.rect.y && node.rect.bottom() <= band.rect.bottom());
        }
    }
    let in_bands: usize = layout.bands.iter().map(|b| b.nodes.len()).sum();
    let manual = layout.nodes.iter().filter(|n| n.manual).count();
    assert_eq!(in_bands + manual, layout.nodes.len());
}

/// Relative order of `ids` among the bodies of each band.
fn band_orders(layout: &Layout, ids: &BTreeSet<BodyId>) -> BTreeMap<Band, Vec<BodyId>> {
    layout
        .bands
        .iter()
        .map(|b| {
            let kept: Vec<BodyId> = b
                .nodes
                .iter()
                .filter(|id| ids.contains(*id))
                .cloned()
                .collect();
            (b.band, kept)
        })
        .filter(|(_, kept)| !kept.is_empty())
        .collect()
}

/// A well-formedness check good enough for our own output: tags balance,
/// attribute quotes pair up, `&` only starts a known entity, one root.
fn assert_well_formed(svg: &str) {
    let check_entities = |text: &str| {
        for (i, _) in text.match_indices('&') {
            let rest = &text[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| rest.starts_with(e)),
                "bare & in {:?}",
                &rest[..rest.len().min(20)]
            );
        }
    };
    let mut stack: Vec<&str> = Vec::new();
    let mut roots = 0;
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        assert!(!text.contains('>'), "stray > in {text:?}");
        assert!(
            !stack.is_empty() || text.trim().is_empty(),
            "text outside the root"
        );
        check_entities(text);
        rest = &rest[open..];
        let close = rest.find('>').expect("a tag is closed");
        let tag = &rest[1..close];
        assert_eq!(tag.matches('"').count() % 2, 0, "unpaired quote in <{tag}>");
        check_entities(tag);
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name.trim()), "mismatched </{name}>");
        } else if !tag.starts_with('?') && !tag.starts_with('!') {
            let name = tag
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap();
            assert!(!name.is_empty(), "empty tag name");
            if stack.is_empty() {
                roots += 1;
            }
            if !tag.ends_with('/') {
                stack.push(name);
            }
        }
        rest = &rest[close + 1..];
    }
    assert!(rest.trim().is_empty(), "text after the root");
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    assert_eq!(roots, 1);
}

fn check_svg(layout: &Layout) -> String {
    let svg = to_svg(layout, &SvgOptions::default());
    assert_well_formed(&svg);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
    assert!(svg.contains("<title id=\"samverkan-title\">Samverkansstruktur</title>"));
    assert!(svg.contains("<style>") && svg.contains("font-family:"));
    for node in &layout.nodes {
        let title = format!("<title>{}</title>", escape_xml_text(&node.title));
        assert!(svg.contains(&title), "{title} missing");
        for line in &node.lines {
            assert!(svg.contains(&format!(">{}</tspan>", escape_xml_text(line))));
        }
    }
    for band in &layout.bands {
        for line in &band.label_lines {
            assert!(svg.contains(&format!(">{line}</")), "band name {line:?}");
        }
    }
    // Every marker used is defined.
    for (i, _) in svg.match_indices("marker-end=\"url(#") {
        let id = &svg[i + "marker-end=\"url(#".len()..];
        let id = &id[..id.find(')').unwrap()];
        assert!(
            svg.contains(&format!("<marker id=\"{id}\"")),
            "{id} undefined"
        );
    }
    for kind in layout.kinds() {
        assert!(
            svg.contains(edge_style(kind).label),
            "legend lacks {kind:?}"
        );
    }
    svg
}

/// Element content as the export escapes it (quotes stay).
fn escape_xml_text(text: &str) -> String {
    escape_xml(text)
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
}

#[test]
fn built_in_counties_lay_out_with_every_body_once() {
    let data = data();
    let counties = counties(&data);
    assert!(counties.len() >= 2, "{counties:?}");
    for county in &counties {
        let graph = graph_of_county(&data, county);
        let options = LayoutOptions::default();
        let layout = lay_out(&graph, &options);
        check_layout(&graph, &options, &layout);
        let bodies: BTreeSet<&BodyId> = data.bodies_of_county(county).map(|b| &b.id).collect();
        let drawn: BTreeSet<&BodyId> = layout.nodes.iter().map(|n| &n.id).collect();
        assert_eq!(drawn, bodies, "{county}");
        assert!(
            layout.width <= DEFAULT_MAX_WIDTH,
            "{county}: {}",
            layout.width
        );
        let labelled = layout.edges.iter().filter(|e| e.label.is_some()).count();
        eprintln!(
            "{county}: {} bodies, {} relations, {} crossings, {labelled} labels, {}×{}",
            layout.nodes.len(),
            layout.edges.len(),
            layout.crossings,
            layout.width,
            layout.height
        );
        check_svg(&layout);
    }
}

#[test]
fn vasterbotten_reads_top_down_from_the_political_level() {
    let data = data();
    let layout = lay_out(&county_graph(&data, "vb"), &LayoutOptions::default());
    let bands: Vec<Band> = layout.bands.iter().map(|b| b.band).collect();
    assert_eq!(bands[0], Band::Political);
    assert_eq!(layout.bands[0].label, "Politisk nivå");
    assert_eq!(bands[1], Band::Officials);
    let lsg = layout.node(&BodyId::from("vb-lsg")).unwrap();
    assert_eq!(lsg.lines, ["Länssamverkansgruppen", "(LSG)"]);
    let samrad = layout.node(&BodyId::from("vb-samrad")).unwrap();
    assert!(samrad.rect.bottom() < lsg.rect.y);
    let au = layout.node(&BodyId::from("vb-samrad-au")).unwrap();
    assert!(au.lines.len() >= 2, "{:?}", au.lines);
}

#[test]
fn generated_structures_lay_out_cleanly() {
    for (i, &size) in SIZES.iter().enumerate() {
        for seed in [1, 2, 3] {
            let graph = generated_graph(size, seed * 1000 + i as u64);
            let options = LayoutOptions::default();
            let layout = lay_out(&graph, &options);
            check_layout(&graph, &options, &layout);
            assert_eq!(layout.nodes.len(), size);
            let labelled = layout.edges.iter().filter(|e| e.label.is_some()).count();
            eprintln!(
                "{size} bodies (seed {seed}): {} relations, {} crossings, {labelled} labels, {}×{}",
                layout.edges.len(),
                layout.crossings,
                layout.width,
                layout.height
            );
            check_svg(&layout);
        }
    }
}

#[test]
fn band_names_beside_the_boxes_make_a_lower_drawing_that_holds_the_same() {
    let data = data();
    for county in counties(&data) {
        let graph = graph_of_county(&data, &county);
        let above = lay_out(&graph, &LayoutOptions::default());
        let options = LayoutOptions {
            band_labels: BandLabels::Beside,
            ..LayoutOptions::default()
        };
        let beside = lay_out(&graph, &options);
        check_layout(&graph, &options, &beside);
        check_svg(&beside);
        assert!(
            beside.width <= DEFAULT_MAX_WIDTH,
            "{county}: {}",
            beside.width
        );
        assert!(
            beside.height < above.height,
            "{county}: {} not lower than {}",
            beside.height,
            above.height
        );
        for band in &beside.bands {
            assert!(
                band.label_rect.bottom() <= band.rect.bottom(),
                "{:?}",
                band.band
            );
            for node in &beside.nodes {
                assert!(
                    band.label_rect.right() < node.rect.x,
                    "{:?} name beside {}",
                    band.band,
                    node.id
                );
            }
        }
        eprintln!(
            "{county} beside: {}×{} (above: {}×{})",
            beside.width, beside.height, above.width, above.height
        );
    }
    for (i, &size) in SIZES.iter().enumerate() {
        let graph = generated_graph(size, 7 + i as u64);
        let options = LayoutOptions {
            band_labels: BandLabels::Beside,
            ..LayoutOptions::default()
        };
        let layout = lay_out(&graph, &options);
        check_layout(&graph, &options, &layout);
        assert!(
            layout.width <= DEFAULT_MAX_WIDTH + 1.0,
            "{size}: {}",
            layout.width
        );
    }
}

#[test]
fn the_same_input_gives_the_same_layout() {
    let data = data();
    let mut graphs: Vec<Graph> = counties(&data)
        .iter()
        .map(|c| graph_of_county(&data, c))
        .collect();
    graphs.extend(SIZES.iter().map(|&n| generated_graph(n, 7)));
    for graph in graphs {
        let options = LayoutOptions {
            collapsed: graph
                .nodes
                .iter()
                .step_by(7)
                .map(|n| n.id.clone())
                .collect(),
            ..LayoutOptions::default()
        };
        let a = lay_out(&graph, &options);
        let b = lay_out(&graph.clone(), &options.clone());
        assert_eq!(a, b);
        assert_eq!(
            to_svg(&a, &SvgOptions::default()),
            to_svg(&b, &SvgOptions::default())
        );
    }
}

#[test]
fn collapsing_lsg_hides_its_committee_preparatory_bodies_and_councils() {
    let data = data();
    let graph = county_graph(&data, "vb");
    let options = LayoutOptions {
        collapsed: BTreeSet::from([BodyId::from("vb-lsg")]),
        ..LayoutOptions::default()
    };
    let layout = lay_out(&graph, &options);
    check_layout(&graph, &options, &layout);
    let hidden = [
        "vb-lsg-au",
        "vb-beredning-barn-unga",
        "vb-beredning-vuxna-aldre",
        "vb-hjalpmedelsradet",
        "vb-patientsakerhet",
    ];
    for id in hidden {
        assert!(layout.node(&BodyId::from(id)).is_none(), "{id} is drawn");
        assert!(layout
            .edges
            .iter()
            .all(|e| e.from.as_str() != id && e.to.as_str() != id));
    }
    let lsg = layout.node(&BodyId::from("vb-lsg")).unwrap();
    assert!(lsg.collapsed);
    assert_eq!(lsg.hidden_count, hidden.len());
    assert_eq!(lsg.badge.as_deref(), Some("+5 dolda organ"));
    assert_eq!(lsg.sub_bodies, 5);
    assert!(
        lsg.rect.h
            > lay_out(&graph, &LayoutOptions::default())
                .node(&BodyId::from("vb-lsg"))
                .unwrap()
                .rect
                .h
    );
    // Samrådet's working committee is not LSG's: it stays.
    assert!(layout.node(&BodyId::from("vb-samrad-au")).is_some());
    assert!(layout.node(&BodyId::from("vb-samrad")).is_some());
    let svg = check_svg(&layout);
    assert!(svg.contains("+5 dolda organ"));
    assert!(!svg.contains("Beredning för barn och unga"));
}

#[test]
fn collapsed_bodies_hide_their_sub_bodies_in_generated_structures() {
    for &size in &SIZES[1..] {
        let graph = generated_graph(size, 42);
        let mut rng = generated::Rng::new(size as u64);
        let collapsed: BTreeSet<BodyId> = (0..size / 5)
            .map(|_| generated::id(rng.below(size)))
            .collect();
        let options = LayoutOptions {
            collapsed,
            ..LayoutOptions::default()
        };
        let layout = lay_out(&graph, &options);
        check_layout(&graph, &options, &layout);
        let hidden = graph.nodes.len() - layout.nodes.len();
        let counted: usize = layout.nodes.iter().map(|n| n.hidden_count).sum();
        assert!(counted >= hidden, "{counted} < {hidden}");
        eprintln!(
            "{size} bodies, {} collapsed: {hidden} hidden",
            options.collapsed.len()
        );
    }
}

#[test]
fn manual_positions_are_honoured_and_other_boxes_make_room() {
    let data = data();
    let graph = county_graph(&data, "vb");
    let automatic = lay_out(&graph, &LayoutOptions::default());
    // Put the coordinators where LSG is, and Samrådet far to the right.
    let lsg = automatic.node(&BodyId::from("vb-lsg")).unwrap().rect;
    let positions = BTreeMap::from([
        (BodyId::from("vb-koordinatorer"), Point::new(lsg.x, lsg.y)),
        (BodyId::from("vb-samrad"), Point::new(1400.0, 30.0)),
        (BodyId::from("vb-lsg-au"), Point::new(-50.0, f64::NAN)),
    ]);
    let options = LayoutOptions {
        positions,
        ..LayoutOptions::default()
    };
    let layout = lay_out(&graph, &options);
    check_layout(&graph, &options, &layout);
    let coordinators = layout.node(&BodyId::from("vb-koordinatorer")).unwrap();
    assert!(coordinators.manual);
    assert_eq!((coordinators.rect.x, coordinators.rect.y), (lsg.x, lsg.y));
    let samrad = layout.node(&BodyId::from("vb-samrad")).unwrap();
    assert_eq!((samrad.rect.x, samrad.rect.y), (1400.0, 30.0));
    assert!(layout.width >= samrad.rect.right());
    let au = layout.node(&BodyId::from("vb-lsg-au")).unwrap();
    assert!(!au.manual, "a position that is not a number is ignored");
    assert_ne!(layout.node(&BodyId::from("vb-lsg")).unwrap().rect, lsg);

    for &size in &SIZES {
        let graph = generated_graph(size, 99);
        let positions: BTreeMap<BodyId, Point> = (0..size)
            .step_by(4)
            .map(|i| {
                (
                    generated::id(i),
                    Point::new(i as f64 * 37.0, i as f64 * 11.0),
                )
            })
            .collect();
        let options = LayoutOptions {
            positions: positions.clone(),
            ..LayoutOptions::default()
        };
        let layout = lay_out(&graph, &options);
        check_layout(&graph, &options, &layout);
        for (id, p) in positions {
            let node = layout.node(&id).unwrap();
            assert!(node.manual);
            assert_eq!((node.rect.x, node.rect.y), (p.x, p.y));
        }
    }
}

#[test]
fn adding_an_unrelated_body_keeps_the_order_of_the_others() {
    let data = data();
    let mut graphs: Vec<Graph> = counties(&data)
        .iter()
        .map(|c| graph_of_county(&data, c))
        .collect();
    graphs.extend(SIZES.iter().map(|&n| generated_graph(n, 5)));
    for graph in graphs {
        let before = lay_out(&graph, &LayoutOptions::default());
        let ids: BTreeSet<BodyId> = graph.nodes.iter().map(|n| n.id.clone()).collect();
        for level in BodyLevel::ALL {
            let mut grown = graph.clone();
            grown.nodes.push(GraphNode {
                id: BodyId::from("nytt-organ"),
                name: "Nytt samverkansorgan för något helt annat".into(),
                short_name: None,
                level,
            });
            let after = lay_out(&grown, &LayoutOptions::default());
            check_layout(&grown, &LayoutOptions::default(), &after);
            assert_eq!(
                band_orders(&before, &ids),
                band_orders(&after, &ids),
                "adding a body at {level:?} reordered a band"
            );
            assert!(after.node(&BodyId::from("nytt-organ")).is_some());
        }
    }
}

#[test]
fn names_with_markup_are_escaped_in_the_svg() {
    let graph = Graph {
        nodes: vec![
            GraphNode {
                id: BodyId::from("a\"><script>"),
                name: "</text><script>alert(1)</script> & \"x\" 'y'".into(),
                short_name: Some("<b>".into()),
                level: BodyLevel::Political,
            },
            GraphNode {
                id: BodyId::from("b"),
                name: "Råd för\u{0} kontroll\u{7}tecken".into(),
                short_name: None,
                level: BodyLevel::Council,
            },
        ],
        edges: vec![GraphEdge {
            from: BodyId::from("b"),
            to: BodyId::from("a\"><script>"),
            kind: RelationKind::PreparesCasesFor,
        }],
    };
    let layout = lay_out(&graph, &LayoutOptions::default());
    let svg = check_svg(&layout);
    assert!(!svg.contains("<script>"));
    assert!(!svg.contains('\u{0}') && !svg.contains('\u{7}'));
    assert!(svg.contains("&lt;/text&gt;&lt;script&gt;"));
    assert!(svg.contains("data-id=\"a&quot;&gt;&lt;script&gt;\""));
}

#[test]
fn an_empty_structure_is_an_empty_drawing() {
    let layout = lay_out(&Graph::default(), &LayoutOptions::default());
    assert!(layout.nodes.is_empty() && layout.edges.is_empty() && layout.bands.is_empty());
    assert_eq!(layout.crossings, 0);
    let svg = to_svg(&layout, &SvgOptions::default());
    assert_well_formed(&svg);
    assert!(!svg.contains("Förklaring"));
}

#[test]
fn wide_bands_wrap_into_rows_within_the_width() {
    let graph = Graph {
        nodes: (0..15)
            .map(|i| GraphNode {
                id: BodyId::new(format!("r{i:02}")),
                name: format!("Samverkansråd nummer {i}"),
                short_name: None,
                level: BodyLevel::Council,
            })
            .collect(),
        edges: vec![],
    };
    let layout = lay_out(&graph, &LayoutOptions::default());
    check_layout(&graph, &LayoutOptions::default(), &layout);
    assert!(layout.width <= DEFAULT_MAX_WIDTH);
    assert!(layout.bands[0].rows >= 3, "{} rows", layout.bands[0].rows);
    let ids: Vec<&str> = layout.bands[0].nodes.iter().map(|id| id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "bodies without relations keep graph order");
}

/// Crossings and parallel overlaps of both counties, with the layout's own
/// metrics (`Layout::crossings`, `Layout::parallel_overlaps`). Before issue
/// 20, with every relation its own line: Norrbotten 0 crossings, 0 parallel
/// overlaps; Västerbotten 11 crossings, 30 parallel overlaps (22 lines, a
/// sheaf of three between LSG and each of its four sub-bodies). Relations
/// between the same two bodies are now one line with one label (vb: 5
/// crossings, 14 parallel overlaps, 13 lines), and edges passing a row
/// spread over its gaps instead of sharing one 6 units apart (vb: 8
/// crossings, 6 parallel overlaps).
#[test]
fn both_counties_have_few_crossings_and_no_parallel_bundles() {
    let data = data();
    for (county, max_crossings, max_parallel) in [("nb", 0, 0), ("vb", 8, 6)] {
        let layout = lay_out(&county_graph(&data, county), &LayoutOptions::default());
        let lines: Vec<&EdgeRoute> = layout
            .edges
            .iter()
            .filter(|e| e.bundled_with.is_none())
            .collect();
        eprintln!(
            "{county}: {} crossings, {} parallel overlaps, {} lines for {} relations",
            layout.crossings,
            layout.parallel_overlaps,
            lines.len(),
            layout.edges.len()
        );
        for (i, a) in lines.iter().enumerate() {
            for b in &lines[i + 1..] {
                if parallel_overlaps(&[a.points.clone(), b.points.clone()]) > 0 {
                    eprintln!(
                        "  along: {}→{} {:?} / {}→{} {:?}",
                        a.from, a.to, a.points, b.from, b.to, b.points
                    );
                }
            }
        }
        assert!(
            layout.crossings <= max_crossings,
            "{county}: {}",
            layout.crossings
        );
        assert!(
            layout.parallel_overlaps <= max_parallel,
            "{county}: {}",
            layout.parallel_overlaps
        );
        // Every relation is drawn: by its own line or by its bundle's, and
        // the bundle's label names every kind in it.
        for (i, edge) in layout.edges.iter().enumerate() {
            let trunk = edge.bundled_with.unwrap_or(i);
            let line = &layout.edges[trunk];
            assert!(line.bundled_with.is_none());
            let same_pair = (line.from == edge.from && line.to == edge.to)
                || (line.from == edge.to && line.to == edge.from);
            assert!(
                same_pair,
                "{} → {} bundled with another pair",
                edge.from, edge.to
            );
            if let Some(label) = &line.label {
                assert!(
                    label.text.contains(edge_style(edge.kind).short_label),
                    "{:?} lacks {:?}",
                    label.text,
                    edge.kind
                );
            }
        }
    }
}
