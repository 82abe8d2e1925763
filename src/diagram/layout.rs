//! Placing boxes in bands and rows, routing the edges and placing their
//! labels: [`lay_out`].

use std::collections::{BTreeMap, BTreeSet};

use crate::i18n::{t, tf, Text};
use crate::model::{BodyId, BodyLevel, RelationKind};

use super::geometry::{point_along, segments_cross, Point, Rect};
use super::graph::{Band, Graph, Visible};
use super::order::order_bands;
use super::route::{route, Row, Scene};
use super::style::edge_style;
use super::text::{text_width, wrap};

/// Sizes the layout works with. Text is measured as characters × an average
/// glyph width (see [`super::text_width`]); the SVG export uses the same numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub font_size: f64,
    /// Estimated average glyph width of box text.
    pub char_width: f64,
    pub line_height: f64,
    /// Box text wraps at this many characters …
    pub max_line_chars: usize,
    /// … onto at most this many lines.
    pub max_lines: usize,
    /// The level written small under the name (see [`NodeBox::caption`]).
    pub caption_font_size: f64,
    pub caption_char_width: f64,
    pub caption_line_height: f64,
    pub box_padding_x: f64,
    pub box_padding_y: f64,
    pub min_box_width: f64,
    pub label_font_size: f64,
    pub label_char_width: f64,
    /// Height of an edge label's background.
    pub label_height: f64,
    pub label_padding_x: f64,
    pub band_label_font_size: f64,
    pub band_label_char_width: f64,
    /// Band names beside the boxes wrap at this many characters …
    pub band_label_max_chars: usize,
    /// … onto lines this far apart.
    pub band_label_line_height: f64,
    /// Horizontal space between boxes in a row.
    pub box_gap: f64,
    /// Vertical space between the rows of one band.
    pub row_gap: f64,
    /// Room at the top of a band for its name.
    pub band_header: f64,
    /// Room below the last row of a band.
    pub band_padding: f64,
    /// Space between two bands.
    pub band_gap: f64,
    /// Space around the whole drawing.
    pub margin: f64,
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            font_size: 13.0,
            char_width: 7.2,
            line_height: 17.0,
            max_line_chars: 24,
            max_lines: 3,
            caption_font_size: 11.0,
            caption_char_width: 6.2,
            caption_line_height: 15.0,
            box_padding_x: 10.0,
            box_padding_y: 8.0,
            min_box_width: 96.0,
            label_font_size: 11.0,
            label_char_width: 6.2,
            label_height: 16.0,
            label_padding_x: 4.0,
            band_label_font_size: 12.0,
            band_label_char_width: 7.4,
            band_label_max_chars: 18,
            band_label_line_height: 16.0,
            box_gap: 28.0,
            row_gap: 56.0,
            band_header: 28.0,
            band_padding: 16.0,
            band_gap: 8.0,
            margin: 16.0,
        }
    }
}

/// A band wider than this wraps onto several rows. 1000 units fit a tablet
/// in landscape (1024–1366 CSS px) at 1:1, so box text stays at its
/// intended size; in portrait the drawing scales down to about 75 %, which
/// is still readable, whereas one unwrapped row of 15 boxes would not be.
pub const DEFAULT_MAX_WIDTH: f64 = 1000.0;

/// Where the bands' names are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BandLabels {
    /// On a line of their own at the top of each band: a narrower drawing.
    #[default]
    Above,
    /// Wrapped, in a column left of the boxes: a lower, wider drawing that
    /// suits a screen about as wide as high (a tablet, either way round)
    /// better than the tall one a dozen bands make with names above.
    Beside,
}

impl BandLabels {
    /// The placement that suits `graph` on a screen about as wide as high:
    /// names beside the boxes when names above would make the drawing
    /// taller than wide (many bands of few bodies), else above. It depends
    /// on the graph alone, so that boxes placed by hand stay put whatever
    /// the screen.
    pub fn suited_to(graph: &Graph) -> BandLabels {
        let above = lay_out(graph, &LayoutOptions::default());
        if above.height > above.width {
            BandLabels::Beside
        } else {
            BandLabels::Above
        }
    }
}

/// What the viewer chose, besides the graph itself.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Bodies drawn collapsed: their sub-bodies are hidden (see
    /// [`super::is_sub_body_relation`]).
    pub collapsed: BTreeSet<BodyId>,
    /// Top-left corners of boxes placed by hand. They are used as given
    /// (negative values are clamped to 0 so the drawing starts at 0,0); such
    /// a box leaves the rows of its band, and computed boxes that would fall
    /// on it move right. Positions of bodies not drawn are ignored.
    pub positions: BTreeMap<BodyId, Point>,
    /// The widest the drawing may get before bands wrap onto more rows.
    pub max_width: f64,
    pub band_labels: BandLabels,
    pub metrics: Metrics,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            collapsed: BTreeSet::new(),
            positions: BTreeMap::new(),
            max_width: DEFAULT_MAX_WIDTH,
            band_labels: BandLabels::default(),
            metrics: Metrics::default(),
        }
    }
}

/// One body's box.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    pub id: BodyId,
    pub rect: Rect,
    /// The name wrapped onto lines, as drawn.
    pub lines: Vec<String>,
    /// The whole name, e.g. for a tooltip.
    pub title: String,
    /// The body's level, written small under the name where the band does
    /// not already say it (a band that holds several levels).
    pub caption: Option<&'static str>,
    /// "+3 dolda organ" under the name of a collapsed body.
    pub badge: Option<String>,
    pub level: BodyLevel,
    pub band: Band,
    /// Drawn collapsed (as asked in the options).
    pub collapsed: bool,
    /// Bodies its collapse hides, sub-bodies of sub-bodies included.
    pub hidden_count: usize,
    /// Its direct sub-bodies, drawn or not: whether collapsing it does anything.
    pub sub_bodies: usize,
    /// Placed by hand (see [`LayoutOptions::positions`]).
    pub manual: bool,
}

/// What a line of text in a box is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Name,
    Caption,
    Badge,
}

/// One line of text in a box, centred on `x`, its baseline at `y`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextLine<'a> {
    pub text: &'a str,
    pub kind: LineKind,
    pub x: f64,
    pub y: f64,
}

impl NodeBox {
    /// The box's text as drawn, top to bottom: the name, the caption, the
    /// badge. Every view of the layout places text by this.
    pub fn text_lines(&self, m: &Metrics) -> Vec<TextLine<'_>> {
        let x = self.rect.centre().x;
        let names = self
            .lines
            .iter()
            .map(|l| (l.as_str(), LineKind::Name, m.line_height, m.font_size));
        let caption = self.caption.map(|c| {
            let size = (m.caption_line_height, m.caption_font_size);
            (c, LineKind::Caption, size.0, size.1)
        });
        let badge = self
            .badge
            .as_deref()
            .map(|b| (b, LineKind::Badge, m.line_height, m.font_size));
        let mut top = self.rect.y + m.box_padding_y;
        names
            .chain(caption)
            .chain(badge)
            .map(|(text, kind, height, font_size)| {
                let y = top + height / 2.0 + font_size * 0.35;
                top += height;
                TextLine { text, kind, x, y }
            })
            .collect()
    }
}

/// The text written on an edge and its background.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeLabel {
    pub text: String,
    pub rect: Rect,
}

impl EdgeLabel {
    /// Where the text is centred.
    pub fn centre(&self) -> Point {
        self.rect.centre()
    }
}

/// One relation's line.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeRoute {
    pub from: BodyId,
    pub to: BodyId,
    pub kind: RelationKind,
    /// From the source box's border to the target box's, two or three points.
    pub points: Vec<Point>,
    /// `None` when no free place was found; the legend still names the kind.
    pub label: Option<EdgeLabel>,
    /// The edge (an index into [`Layout::edges`]) whose line this relation
    /// shares: relations between the same two bodies are drawn as one line
    /// (a bundle), with one label naming them all, instead of a sheaf of
    /// parallel lines. Views draw a line only for edges where this is `None`.
    pub bundled_with: Option<usize>,
}

/// One band's background and name.
#[derive(Clone, Debug, PartialEq)]
pub struct BandBox {
    pub band: Band,
    pub label: &'static str,
    pub rect: Rect,
    /// The name as written: one line above the boxes, or wrapped beside them.
    pub label_lines: Vec<String>,
    /// Where the band's name is written.
    pub label_rect: Rect,
    pub rows: usize,
    /// The band's bodies in reading order (row by row, left to right), not
    /// counting those placed by hand.
    pub nodes: Vec<BodyId>,
}

impl BandBox {
    /// The band name's lines as drawn, left-aligned at `x`.
    pub fn text_lines(&self, m: &Metrics) -> Vec<TextLine<'_>> {
        let height = self.label_rect.h / self.label_lines.len().max(1) as f64;
        self.label_lines
            .iter()
            .enumerate()
            .map(|(i, line)| TextLine {
                text: line,
                kind: LineKind::Name,
                x: self.label_rect.x,
                y: self.label_rect.y
                    + i as f64 * height
                    + height / 2.0
                    + m.band_label_font_size * 0.35,
            })
            .collect()
    }
}

/// A laid-out diagram: everything the SVG export or a view needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// Bands that have at least one body, top to bottom.
    pub bands: Vec<BandBox>,
    /// Boxes in graph order.
    pub nodes: Vec<NodeBox>,
    /// Edges in graph order.
    pub edges: Vec<EdgeRoute>,
    /// Points where two edges without a common body cross.
    pub crossings: usize,
    /// Pairs of edges that run along each other somewhere (see
    /// [`parallel_overlaps`]): lines a reader cannot tell apart.
    pub parallel_overlaps: usize,
    pub metrics: Metrics,
}

impl Layout {
    pub fn node(&self, id: &BodyId) -> Option<&NodeBox> {
        self.nodes.iter().find(|n| &n.id == id)
    }

    /// The relation kinds drawn, in the model's order (for the legend).
    pub fn kinds(&self) -> Vec<RelationKind> {
        let kinds: BTreeSet<RelationKind> = self.edges.iter().map(|e| e.kind).collect();
        kinds.into_iter().collect()
    }
}

/// Lays out `graph`: bands top to bottom, bodies ordered within their band to
/// cut crossings, wrapped onto rows no wider than `options.max_width`, edges
/// routed between box borders and labelled where there is room. The same
/// graph and options always give the same layout.
pub fn lay_out(graph: &Graph, options: &LayoutOptions) -> Layout {
    let m = &options.metrics;
    let visible = graph.visible(&options.collapsed);
    let mut nodes: Vec<NodeBox> = visible
        .nodes
        .iter()
        .map(|&g| node_box(graph, &visible, g, m))
        .collect();
    let n = nodes.len();
    let local: BTreeMap<usize, usize> = visible
        .nodes
        .iter()
        .enumerate()
        .map(|(k, &g)| (g, k))
        .collect();
    let edges: Vec<(usize, usize, usize)> = visible
        .edges
        .iter()
        .filter_map(|&e| {
            let (from, to) = visible.ends[e]?;
            Some((local[&from], local[&to], e))
        })
        .collect();
    let pairs: Vec<(usize, usize)> = edges.iter().map(|&(s, t, _)| (s, t)).collect();
    let manual: Vec<Option<Point>> = nodes
        .iter()
        .map(|node| {
            options
                .positions
                .get(&node.id)
                .filter(|p| p.x.is_finite() && p.y.is_finite())
                .map(|p| Point::new(p.x.max(0.0), p.y.max(0.0)))
        })
        .collect();

    // Order: bodies with relations by barycenter sweeps, then the rest in
    // graph order, so a new body without relations disturbs nothing.
    let band_of: Vec<usize> = nodes.iter().map(|node| node.band.index()).collect();
    let mut degree = vec![0; n];
    for &(s, t) in &pairs {
        degree[s] += 1;
        degree[t] += 1;
    }
    let mut connected = vec![Vec::new(); Band::ALL.len()];
    for k in 0..n {
        if degree[k] > 0 {
            connected[band_of[k]].push(k);
        }
    }
    let ids: Vec<&BodyId> = nodes.iter().map(|node| &node.id).collect();
    let mut order = order_bands(connected, &band_of, &pairs, &ids);
    for k in 0..n {
        if degree[k] == 0 {
            order[band_of[k]].push(k);
        }
    }

    // Band names, and the column they take when beside the boxes.
    let present: Vec<Band> = Band::ALL
        .into_iter()
        .filter(|b| band_of.contains(&b.index()))
        .collect();
    let beside = options.band_labels == BandLabels::Beside;
    let label_lines: Vec<Vec<String>> = present
        .iter()
        .map(|b| {
            if beside {
                wrap(b.label(), m.band_label_max_chars, 3)
            } else {
                vec![b.label().to_owned()]
            }
        })
        .collect();
    let label_width = |lines: &[String]| {
        lines
            .iter()
            .map(|l| text_width(l, m.band_label_char_width))
            .fold(0.0, f64::max)
            + 8.0
    };
    let column = if beside {
        label_lines
            .iter()
            .map(|lines| label_width(lines))
            .fold(0.0, f64::max)
            + m.box_gap / 2.0
    } else {
        0.0
    };

    // Rows: each band's computed boxes wrapped into balanced rows.
    let content_limit = (options.max_width - 2.0 * m.margin - column).max(m.min_box_width);
    let band_rows: Vec<Vec<Vec<usize>>> = present
        .iter()
        .map(|band| {
            let flow: Vec<usize> = order[band.index()]
                .iter()
                .copied()
                .filter(|&k| manual[k].is_none())
                .collect();
            let widths: Vec<f64> = flow.iter().map(|&k| nodes[k].rect.w).collect();
            wrap_rows(&widths, m.box_gap, content_limit)
                .into_iter()
                .map(|range| flow[range].to_vec())
                .collect()
        })
        .collect();
    let box_widths: Vec<f64> = nodes.iter().map(|node| node.rect.w).collect();
    let row_width = |row: &[usize]| -> f64 {
        row.iter().map(|&k| box_widths[k]).sum::<f64>()
            + m.box_gap * row.len().saturating_sub(1) as f64
    };
    let content_width = band_rows
        .iter()
        .flatten()
        .map(|row| row_width(row))
        .chain(
            label_lines
                .iter()
                .filter(|_| !beside)
                .map(|lines| label_width(lines)),
        )
        .fold(m.min_box_width, f64::max);
    let content_left = m.margin + column;

    // Place bands and rows top to bottom, rows centred.
    let mut rows: Vec<Row> = Vec::new();
    let mut row_of: Vec<Option<usize>> = vec![None; n];
    let mut bands: Vec<BandBox> = Vec::new();
    let mut y = m.margin;
    for ((band, band_rows), lines) in present.iter().zip(&band_rows).zip(label_lines) {
        let top = y;
        let label_height = if beside {
            lines.len() as f64 * m.band_label_line_height
        } else {
            m.band_label_font_size + 6.0
        };
        y += if beside {
            m.band_padding
        } else {
            m.band_header
        };
        for (r, row) in band_rows.iter().enumerate() {
            if r > 0 {
                y += m.row_gap;
            }
            let height = row.iter().map(|&k| nodes[k].rect.h).fold(0.0, f64::max);
            let mut x = content_left + (content_width - row_width(row)) / 2.0;
            for &k in row {
                nodes[k].rect.x = x;
                nodes[k].rect.y = y;
                x += nodes[k].rect.w + m.box_gap;
                row_of[k] = Some(rows.len());
            }
            rows.push(Row {
                top: y,
                bottom: y + height,
                members: row.clone(),
            });
            y += height;
        }
        y += m.band_padding;
        // A band beside its name is at least as high as the name.
        y = y.max(top + label_height + 12.0);
        bands.push(BandBox {
            band: *band,
            label: band.label(),
            rect: Rect::new(m.margin / 2.0, top, 0.0, y - top),
            label_rect: Rect::new(
                m.margin / 2.0 + 8.0,
                top + 6.0,
                label_width(&lines),
                label_height,
            ),
            label_lines: lines,
            rows: band_rows.len(),
            nodes: band_rows
                .iter()
                .flatten()
                .map(|&k| nodes[k].id.clone())
                .collect(),
        });
        y += m.band_gap;
    }
    let bands_bottom = y - m.band_gap;

    // Boxes placed by hand, and computed boxes moved off them.
    let manual_rects: Vec<Rect> = manual
        .iter()
        .zip(&nodes)
        .filter_map(|(p, node)| p.map(|p| Rect::new(p.x, p.y, node.rect.w, node.rect.h)))
        .collect();
    for (k, p) in manual.iter().enumerate() {
        if let Some(p) = p {
            nodes[k].rect.x = p.x;
            nodes[k].rect.y = p.y;
            nodes[k].manual = true;
        }
    }
    if !manual_rects.is_empty() {
        for row in &rows {
            let mut min_x = f64::NEG_INFINITY;
            for &k in &row.members {
                let rect = &mut nodes[k].rect;
                rect.x = rect.x.max(min_x);
                while let Some(blocker) = manual_rects.iter().find(|b| {
                    b.inflate(m.box_gap / 2.0)
                        .overlaps(&rect.inflate(m.box_gap / 2.0))
                }) {
                    rect.x = blocker.right() + m.box_gap;
                }
                min_x = rect.right() + m.box_gap;
            }
        }
    }

    // Edges and their labels.
    let boxes: Vec<Rect> = nodes.iter().map(|node| node.rect).collect();
    let scene = Scene {
        boxes: &boxes,
        rows: &rows,
        row_of: &row_of,
        box_gap: m.box_gap,
        row_gap: m.row_gap,
        margin: m.margin,
    };
    // Relations between the same two bodies share one line: only the first
    // of each pair of bodies (its trunk) is routed and labelled.
    let mut trunk_of: Vec<usize> = Vec::with_capacity(pairs.len());
    for (i, &(s, t)) in pairs.iter().enumerate() {
        let same = |&(a, b): &(usize, usize)| (a, b) == (s, t) || (a, b) == (t, s);
        trunk_of.push(pairs[..i].iter().position(same).unwrap_or(i));
    }
    let trunks: Vec<usize> = (0..pairs.len()).filter(|&i| trunk_of[i] == i).collect();
    let trunk_pairs: Vec<(usize, usize)> = trunks.iter().map(|&i| pairs[i]).collect();
    let trunk_routes = route(&scene, &trunk_pairs);
    let routes: Vec<Vec<Point>> = (0..pairs.len())
        .map(|i| {
            let k = trunks.binary_search(&trunk_of[i]).unwrap_or_default();
            let mut points = trunk_routes[k].clone();
            if pairs[i] != pairs[trunk_of[i]] {
                points.reverse();
            }
            points
        })
        .collect();
    let label_texts: Vec<String> = trunks
        .iter()
        .map(|&i| {
            let mut texts: Vec<&str> = Vec::new();
            for (j, &(_, _, e)) in edges.iter().enumerate() {
                let text = edge_style(graph.edges[e].kind).short_label;
                if trunk_of[j] == i && !texts.contains(&text) {
                    texts.push(text);
                }
            }
            texts.join(" · ")
        })
        .collect();
    // Labels stay within the width the boxes take, so they never widen the
    // drawing beyond what the bands were wrapped for.
    let width = boxes
        .iter()
        .map(Rect::right)
        .fold(content_left + content_width, f64::max)
        + m.margin;
    let width = width.ceil();
    let band_labels: Vec<Rect> = bands.iter().map(|b| b.label_rect).collect();
    let trunk_labels = place_labels(&trunk_routes, &label_texts, &boxes, &band_labels, width, m);
    let labels: Vec<Option<EdgeLabel>> = (0..pairs.len())
        .map(|i| match trunks.binary_search(&i) {
            Ok(k) => trunk_labels[k].clone(),
            Err(_) => None,
        })
        .collect();
    let crossings = count_crossings(&trunk_routes, &trunk_pairs);
    let parallel_overlaps = parallel_overlaps(&trunk_routes);

    // The canvas holds everything; bands span its width.
    let bottom = boxes
        .iter()
        .chain(labels.iter().flatten().map(|l| &l.rect))
        .map(Rect::bottom)
        .chain(routes.iter().flatten().map(|p| p.y))
        .fold(bands_bottom, f64::max);
    let height = (bottom + m.margin).ceil();
    for band in &mut bands {
        band.rect.w = width - m.margin;
    }
    let edges = edges
        .iter()
        .zip(routes)
        .zip(labels)
        .enumerate()
        .map(|(i, ((&(s, t, e), points), label))| EdgeRoute {
            from: nodes[s].id.clone(),
            to: nodes[t].id.clone(),
            kind: graph.edges[e].kind,
            points,
            label,
            bundled_with: (trunk_of[i] != i).then_some(trunk_of[i]),
        })
        .collect();
    Layout {
        width,
        height,
        bands,
        nodes,
        edges,
        crossings,
        parallel_overlaps,
        metrics: *m,
    }
}

/// The box of graph node `g`, sized from its text, not yet placed.
fn node_box(graph: &Graph, visible: &Visible, g: usize, m: &Metrics) -> NodeBox {
    let node = &graph.nodes[g];
    let title = node.display_name();
    let lines = wrap(&title, m.max_line_chars, m.max_lines);
    let hidden_count = visible.hidden_count[g];
    let badge = (visible.collapsed[g] && hidden_count > 0).then(|| match hidden_count {
        1 => t(Text::DiagramOneHidden).to_owned(),
        n => tf(Text::DiagramHidden, &[&n]),
    });
    let band = Band::of(node.level);
    let caption = band.has_several_levels().then(|| node.level.label());
    let text_w = lines
        .iter()
        .chain(&badge)
        .map(|l| text_width(l, m.char_width))
        .chain(caption.map(|c| text_width(c, m.caption_char_width)))
        .fold(0.0, f64::max);
    let line_count = lines.len() + usize::from(badge.is_some());
    let caption_height = if caption.is_some() {
        m.caption_line_height
    } else {
        0.0
    };
    NodeBox {
        id: node.id.clone(),
        rect: Rect::new(
            0.0,
            0.0,
            (text_w + 2.0 * m.box_padding_x).max(m.min_box_width).ceil(),
            line_count as f64 * m.line_height + caption_height + 2.0 * m.box_padding_y,
        ),
        lines,
        title,
        caption,
        badge,
        level: node.level,
        band,
        collapsed: visible.collapsed[g],
        hidden_count,
        sub_bodies: visible.sub_bodies[g],
        manual: false,
    }
}

/// Boxes of `widths` split into consecutive rows no wider than `limit`
/// (a box wider than that gets a row of its own), as few rows as greedy
/// filling needs, with the width spread evenly over them: 7 boxes that need
/// two rows become 4 + 3, not 6 + 1.
fn wrap_rows(widths: &[f64], gap: f64, limit: f64) -> Vec<std::ops::Range<usize>> {
    let greedy = |limit: f64| {
        let mut rows = Vec::new();
        let mut start = 0;
        let mut width = 0.0;
        for (i, &w) in widths.iter().enumerate() {
            if i > start && width + gap + w > limit {
                rows.push(start..i);
                start = i;
                width = w;
            } else {
                width += if i > start { gap + w } else { w };
            }
        }
        if start < widths.len() {
            rows.push(start..widths.len());
        }
        rows
    };
    let fewest = greedy(limit);
    if fewest.len() <= 1 {
        return fewest;
    }
    let total = widths.iter().sum::<f64>() + gap * widths.len().saturating_sub(1) as f64;
    let mut target = total / fewest.len() as f64;
    while target < limit {
        let rows = greedy(target);
        if rows.len() <= fewest.len() {
            return rows;
        }
        target += 8.0;
    }
    fewest
}

/// Candidate places along an edge, in the order tried: the middle first,
/// then outwards; on the line, then beside it.
const LABEL_FRACTIONS: [f64; 9] = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88];

/// Greedy label placement: each edge in turn takes the first candidate that
/// keeps clear of every box, band name and label placed before it, within
/// the drawing's `width`.
fn place_labels(
    routes: &[Vec<Point>],
    texts: &[String],
    boxes: &[Rect],
    band_labels: &[Rect],
    width: f64,
    m: &Metrics,
) -> Vec<Option<EdgeLabel>> {
    let mut placed: Vec<Rect> = Vec::new();
    routes
        .iter()
        .zip(texts)
        .map(|(points, text)| {
            let w = text_width(text, m.label_char_width) + 2.0 * m.label_padding_x;
            let h = m.label_height;
            let offsets = [
                (0.0, 0.0),
                (w / 2.0 + 4.0, 0.0),
                (-w / 2.0 - 4.0, 0.0),
                (0.0, -h / 2.0 - 3.0),
                (0.0, h / 2.0 + 3.0),
            ];
            // Every candidate lies within the route's bounds grown by the
            // label's size: only what reaches in there can be in the way.
            let reach = points
                .iter()
                .fold(Rect::new(points[0].x, points[0].y, 0.0, 0.0), |acc, p| {
                    acc.union(&Rect::new(p.x, p.y, 0.0, 0.0))
                })
                .inflate(w + h + 8.0);
            let near: Vec<Rect> = boxes
                .iter()
                .map(|b| b.inflate(2.0))
                .chain(band_labels.iter().copied())
                .chain(placed.iter().map(|l| l.inflate(1.0)))
                .filter(|r| r.overlaps(&reach))
                .collect();
            let free = |r: &Rect| {
                r.x >= 0.0
                    && r.y >= 0.0
                    && r.right() <= width
                    && !near.iter().any(|b| b.overlaps(r))
            };
            let rect = LABEL_FRACTIONS
                .iter()
                .flat_map(|&t| {
                    let c = point_along(points, t);
                    offsets.iter().map(move |(dx, dy)| {
                        Rect::new(c.x + dx - w / 2.0, c.y + dy - h / 2.0, w, h)
                    })
                })
                .find(|r| free(r))?;
            placed.push(rect);
            Some(EdgeLabel {
                text: text.clone(),
                rect,
            })
        })
        .collect()
}

/// Crossing points between the segments of edges that share no body.
/// Segments are swept in order of their left end, so only segments whose
/// horizontal extents overlap are compared.
fn count_crossings(routes: &[Vec<Point>], pairs: &[(usize, usize)]) -> usize {
    struct Segment {
        edge: usize,
        a: Point,
        b: Point,
        left: f64,
        right: f64,
        top: f64,
        bottom: f64,
    }
    let mut segments: Vec<Segment> = routes
        .iter()
        .enumerate()
        .flat_map(|(edge, points)| {
            points.windows(2).map(move |w| Segment {
                edge,
                a: w[0],
                b: w[1],
                left: w[0].x.min(w[1].x),
                right: w[0].x.max(w[1].x),
                top: w[0].y.min(w[1].y),
                bottom: w[0].y.max(w[1].y),
            })
        })
        .collect();
    segments.sort_by(|s, t| s.left.total_cmp(&t.left));
    let mut count = 0;
    for (i, s) in segments.iter().enumerate() {
        for t in segments[i + 1..].iter().take_while(|t| t.left <= s.right) {
            if t.top > s.bottom || s.top > t.bottom || s.edge == t.edge {
                continue;
            }
            let (p, q) = (pairs[s.edge], pairs[t.edge]);
            if p.0 == q.0 || p.0 == q.1 || p.1 == q.0 || p.1 == q.1 {
                continue;
            }
            if segments_cross(s.a, s.b, t.a, t.b) {
                count += 1;
            }
        }
    }
    count
}

/// Segments closer than this (diagram units, about the height of a line
/// of label text) …
pub const PARALLEL_DISTANCE: f64 = 12.0;
/// … side by side for longer than this, and within about 6° of parallel,
/// run along each other.
pub const PARALLEL_LENGTH: f64 = 16.0;

/// The number of pairs of routes that run along each other for a stretch:
/// some segment of one is nearly parallel to a segment of the other, closer
/// than [`PARALLEL_DISTANCE`], side by side for more than
/// [`PARALLEL_LENGTH`]. A bundle of such lines is what a reader cannot
/// follow; edges that share a body count too, since they look the same.
pub fn parallel_overlaps(routes: &[Vec<Point>]) -> usize {
    let segments: Vec<(usize, Point, Point)> = routes
        .iter()
        .enumerate()
        .flat_map(|(edge, points)| points.windows(2).map(move |w| (edge, w[0], w[1])))
        .filter(|(_, a, b)| a.distance(*b) > 1e-9)
        .collect();
    let mut pairs = BTreeSet::new();
    for (i, &(e, a, b)) in segments.iter().enumerate() {
        for &(f, c, d) in &segments[i + 1..] {
            if e != f && !pairs.contains(&(e.min(f), e.max(f))) && run_along(a, b, c, d) {
                pairs.insert((e.min(f), e.max(f)));
            }
        }
    }
    pairs.len()
}

/// Whether segment c–d runs along segment a–b (see [`parallel_overlaps`]).
fn run_along(a: Point, b: Point, c: Point, d: Point) -> bool {
    let len = a.distance(b);
    let (ux, uy) = ((b.x - a.x) / len, (b.y - a.y) / len);
    let other = c.distance(d);
    let (vx, vy) = ((d.x - c.x) / other, (d.y - c.y) / other);
    // sin of the angle between them.
    if (ux * vy - uy * vx).abs() > 0.1 {
        return false;
    }
    let along = |p: Point| (p.x - a.x) * ux + (p.y - a.y) * uy;
    let across = |p: Point| ((p.x - a.x) * uy - (p.y - a.y) * ux).abs();
    let (from, to) = (along(c).min(along(d)), along(c).max(along(d)));
    let shared = to.min(len) - from.max(0.0);
    if shared <= PARALLEL_LENGTH {
        return false;
    }
    // The distance where they are side by side: at both ends of the shared stretch.
    let at = |t: f64| {
        let k = (t - along(c)) / (along(d) - along(c));
        Point::new(c.x + (d.x - c.x) * k, c.y + (d.y - c.y) * k)
    };
    let lo = from.max(0.0);
    let hi = to.min(len);
    across(at(lo)) < PARALLEL_DISTANCE && across(at(hi)) < PARALLEL_DISTANCE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::GraphNode;

    #[test]
    fn routes_running_along_each_other_are_counted_once_per_pair() {
        let p = Point::new;
        let routes = vec![
            vec![p(0.0, 0.0), p(0.0, 100.0)],
            // 6 apart, along 80 of it, twice (two segments): one pair.
            vec![p(6.0, 10.0), p(6.0, 50.0), p(6.0, 90.0)],
            // Far off, and crossing at a right angle: not along.
            vec![p(40.0, 0.0), p(40.0, 100.0)],
            vec![p(-20.0, 50.0), p(60.0, 50.0)],
            // Close but only for 10 units.
            vec![p(-5.0, 95.0), p(-5.0, 105.0)],
        ];
        assert_eq!(parallel_overlaps(&routes), 1);
        assert!(!run_along(
            p(0.0, 0.0),
            p(100.0, 0.0),
            p(0.0, 20.0),
            p(100.0, 20.0)
        ));
        assert!(run_along(
            p(0.0, 0.0),
            p(100.0, 0.0),
            p(100.0, 3.0),
            p(0.0, 4.0)
        ));
    }

    fn node(id: &str, level: BodyLevel) -> GraphNode {
        GraphNode {
            id: BodyId::new(id),
            name: format!("Organet {id}"),
            short_name: None,
            level,
        }
    }

    #[test]
    fn a_box_says_its_level_only_where_the_band_does_not() {
        let graph = Graph {
            nodes: vec![
                node("samrad", BodyLevel::Political),
                node("rad", BodyLevel::Council),
            ],
            edges: Vec::new(),
        };
        let m = Metrics::default();
        let layout = lay_out(&graph, &LayoutOptions::default());
        let political = layout.node(&BodyId::new("samrad")).unwrap();
        let council = layout.node(&BodyId::new("rad")).unwrap();
        assert_eq!(political.caption, None);
        assert_eq!(council.caption, Some("Råd"));
        assert_eq!(
            council.rect.h - political.rect.h,
            m.caption_line_height,
            "the caption adds one small line"
        );
        let lines = council.text_lines(&m);
        let kinds: Vec<LineKind> = lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LineKind::Name, LineKind::Caption]);
        assert!(lines.iter().all(|l| l.x == council.rect.centre().x));
        assert!(lines[0].y < lines[1].y);
        assert!(lines
            .iter()
            .all(|l| l.y > council.rect.y && l.y < council.rect.bottom()));
    }

    #[test]
    fn names_go_beside_the_boxes_of_a_tall_structure_only() {
        let tall = Graph {
            nodes: [
                BodyLevel::Political,
                BodyLevel::Officials,
                BodyLevel::Preparatory,
                BodyLevel::Seminar,
                BodyLevel::Support,
                BodyLevel::PartyBody,
                BodyLevel::External,
            ]
            .into_iter()
            .enumerate()
            .map(|(i, level)| node(&format!("b{i}"), level))
            .collect(),
            edges: Vec::new(),
        };
        assert_eq!(BandLabels::suited_to(&tall), BandLabels::Beside);
        let wide = Graph {
            nodes: (0..6)
                .map(|i| node(&format!("b{i}"), BodyLevel::PartyBody))
                .collect(),
            edges: Vec::new(),
        };
        assert_eq!(BandLabels::suited_to(&wide), BandLabels::Above);
    }

    #[test]
    fn rows_are_balanced() {
        let widths = [100.0; 7];
        let rows = wrap_rows(&widths, 10.0, 650.0);
        assert_eq!(rows, vec![0..4, 4..7]);
        assert_eq!(wrap_rows(&widths, 10.0, 2000.0), vec![0..7]);
        assert_eq!(wrap_rows(&[900.0, 50.0], 10.0, 500.0), vec![0..1, 1..2]);
        assert!(wrap_rows(&[], 10.0, 500.0).is_empty());
    }
}
