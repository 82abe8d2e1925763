//! A laid-out diagram as one standalone SVG document: bands, edges with
//! their markers and labels, boxes, and a legend of the relation kinds drawn.
//! Styles are written as attributes (so the file looks the same in any SVG
//! viewer) and as classes (so a page can restyle it); text from the data is
//! always escaped.

use std::fmt::Write;

use crate::i18n::{t, Text};

use super::geometry::Rect;
use super::layout::{BandBox, Layout, LineKind, Metrics};
use super::style::{
    band_accent, band_fill, edge_style, EdgeStyle, MarkerFill, MarkerShape, BOX_FILL,
    CAPTION_COLOUR, PAGE_FILL, TEXT_COLOUR,
};
use super::text::text_width;

/// How the SVG is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SvgOptions {
    /// The document's `<title>`, e.g. "Samverkansstruktur i Västerbotten".
    pub title: String,
    /// A longer `<desc>`, if any.
    pub description: Option<String>,
    /// CSS font-family of all text.
    pub font_family: String,
    /// Draw the legend of relation kinds below the diagram.
    pub legend: bool,
    /// Put before every id in the document, so that several diagrams can
    /// share one page.
    pub id_prefix: String,
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self {
            title: t(Text::DiagramTitle).to_owned(),
            description: None,
            font_family:
                "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
                    .to_owned(),
            legend: true,
            id_prefix: "samverkan-".to_owned(),
        }
    }
}

const LEGEND_FONT_SIZE: f64 = 12.0;
const LEGEND_CHAR_WIDTH: f64 = 6.8;
const LEGEND_ROW: f64 = 22.0;
const LEGEND_SAMPLE: f64 = 40.0;

/// `layout` as a standalone SVG document.
pub fn to_svg(layout: &Layout, options: &SvgOptions) -> String {
    let m = &layout.metrics;
    let kinds = layout.kinds();
    let legend = if options.legend && !kinds.is_empty() {
        let styles: Vec<EdgeStyle> = kinds.iter().map(|&k| edge_style(k)).collect();
        Some(legend_positions(&styles, layout.width, m))
    } else {
        None
    };
    let legend_height = legend.as_ref().map_or(0.0, |l| l.height);
    let width = legend
        .as_ref()
        .map_or(layout.width, |l| layout.width.max(l.width));
    let height = layout.height + legend_height;
    let id = |name: &str| escape_xml(&format!("{}{name}", options.id_prefix));

    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="{title_id}">"#,
        w = num(width),
        h = num(height),
        title_id = id("title"),
    );
    let _ = writeln!(
        out,
        r#"<title id="{}">{}</title>"#,
        id("title"),
        escape_text(&options.title)
    );
    if let Some(description) = &options.description {
        let _ = writeln!(out, "<desc>{}</desc>", escape_text(description));
    }
    write_style(&mut out, options, m);
    write_markers(&mut out, &kinds, &options.id_prefix);
    let _ = writeln!(
        out,
        r#"<rect class="page" width="{}" height="{}" fill="{PAGE_FILL}"/>"#,
        num(width),
        num(height)
    );

    out.push_str("<g class=\"bands\">\n");
    for band in &layout.bands {
        let r = band.rect;
        let _ = writeln!(
            out,
            r#"<g class="band {class}"><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="{fill}"/>{label}</g>"#,
            class = band.band.class(),
            x = num(r.x),
            y = num(r.y),
            w = num(r.w),
            h = num(r.h),
            fill = band_fill(band.band),
            label = band_label(band, m),
        );
    }
    out.push_str("</g>\n<g class=\"edges\">\n");
    for (i, edge) in layout.edges.iter().enumerate() {
        if edge.bundled_with.is_some() {
            // Drawn by its bundle's first edge.
            continue;
        }
        let style = edge_style(edge.kind);
        let title: Vec<String> = layout
            .edges
            .iter()
            .enumerate()
            .filter(|(j, e)| *j == i || e.bundled_with == Some(i))
            .map(|(_, e)| {
                let from = layout.node(&e.from).map_or("", |n| n.title.as_str());
                let to = layout.node(&e.to).map_or("", |n| n.title.as_str());
                format!("{from} {} {to}", edge_style(e.kind).label)
            })
            .collect();
        let d: Vec<String> = edge
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                format!(
                    "{}{} {}",
                    if i == 0 { "M" } else { "L" },
                    num(p.x),
                    num(p.y)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            r#"<path class="edge {class}" d="{d}"{stroke}><title>{title}</title></path>"#,
            class = style.class,
            d = d.join(" "),
            stroke = stroke_attributes(&style, &options.id_prefix),
            title = escape_text(&title.join("; ")),
        );
    }
    out.push_str("</g>\n<g class=\"edge-labels\">\n");
    for (edge, label) in layout
        .edges
        .iter()
        .filter_map(|e| e.label.as_ref().map(|l| (e, l)))
    {
        let style = edge_style(edge.kind);
        let r = label.rect;
        let _ = writeln!(
            out,
            r#"<g class="edge-label {class}"><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="3" fill="{BOX_FILL}" fill-opacity="0.92"/><text x="{cx}" y="{ty}" text-anchor="middle" fill="{colour}">{text}</text></g>"#,
            class = style.class,
            x = num(r.x),
            y = num(r.y),
            w = num(r.w),
            h = num(r.h),
            cx = num(r.centre().x),
            ty = num(baseline(r, m.label_font_size)),
            colour = style.colour,
            text = escape_text(&label.text),
        );
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for node in &layout.nodes {
        let r = node.rect;
        let collapsed = if node.collapsed { " collapsed" } else { "" };
        let _ = write!(
            out,
            r#"<g class="node {band}{collapsed}" data-id="{id}"><title>{title}</title><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4" fill="{BOX_FILL}" stroke="{accent}" stroke-width="{sw}"/><text text-anchor="middle">"#,
            band = node.band.class(),
            id = escape_xml(node.id.as_str()),
            title = escape_text(&node.title),
            x = num(r.x),
            y = num(r.y),
            w = num(r.w),
            h = num(r.h),
            accent = band_accent(node.band),
            sw = if node.collapsed { "2.5" } else { "1.5" },
        );
        for line in node.text_lines(m) {
            let class = match line.kind {
                LineKind::Name => "",
                LineKind::Caption => r#" class="caption""#,
                LineKind::Badge => r#" class="badge""#,
            };
            let _ = write!(
                out,
                r#"<tspan{class} x="{x}" y="{y}">{text}</tspan>"#,
                x = num(line.x),
                y = num(line.y),
                text = escape_text(line.text),
            );
        }
        out.push_str("</text></g>\n");
    }
    out.push_str("</g>\n");
    if let Some(legend) = legend {
        write_legend(&mut out, &legend, layout.height, &options.id_prefix);
    }
    out.push_str("</svg>\n");
    out
}

fn write_style(out: &mut String, options: &SvgOptions, m: &Metrics) {
    let _ = writeln!(
        out,
        "<style>\ntext {{ font-family: {font}; fill: {TEXT_COLOUR}; }}\n\
         .node text {{ font-size: {fs}px; }}\n\
         .node .badge {{ font-style: italic; }}\n\
         .node .caption {{ font-size: {cs}px; fill: {CAPTION_COLOUR}; }}\n\
         .band-label {{ font-size: {bs}px; font-weight: 600; }}\n\
         .edge-label text {{ font-size: {ls}px; }}\n\
         .legend text {{ font-size: {LEGEND_FONT_SIZE}px; }}\n\
         .legend .heading {{ font-weight: 600; }}\n</style>",
        font = escape_text(&options.font_family),
        fs = num(m.font_size),
        cs = num(m.caption_font_size),
        bs = num(m.band_label_font_size),
        ls = num(m.label_font_size),
    );
}

/// One marker per relation kind drawn: SVG 1.1 markers cannot take the
/// colour of the line that uses them.
fn write_markers(out: &mut String, kinds: &[crate::model::RelationKind], prefix: &str) {
    out.push_str("<defs>\n");
    for &kind in kinds {
        let style = edge_style(kind);
        let (Some(marker_id), Some(def)) = (style.marker_id(), style.marker.def()) else {
            continue;
        };
        let c = style.colour;
        let fill = match def.fill {
            MarkerFill::Line => c,
            MarkerFill::Box => BOX_FILL,
            MarkerFill::None => "none",
        };
        let stroke = def.stroke_width.map_or(String::new(), |w| {
            format!(r#" stroke="{c}" stroke-width="{}""#, num(w))
        });
        let shape = match def.shape {
            MarkerShape::Path(d) => format!(r#"<path d="{d}" fill="{fill}"{stroke}/>"#),
            MarkerShape::Circle { cx, cy, r } => format!(
                r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}"{stroke}/>"#,
                num(cx),
                num(cy),
                num(r)
            ),
        };
        let _ = writeln!(
            out,
            r#"<marker id="{id}" viewBox="{view}" refX="{ref_x}" refY="{ref_y}" markerWidth="{mw}" markerHeight="{mh}" markerUnits="userSpaceOnUse" orient="auto">{shape}</marker>"#,
            id = escape_xml(&format!("{prefix}{marker_id}")),
            view = def.view_box(),
            ref_x = num(def.ref_x),
            ref_y = num(def.ref_y),
            mw = num(def.width),
            mh = num(def.height),
        );
    }
    out.push_str("</defs>\n");
}

fn stroke_attributes(style: &EdgeStyle, prefix: &str) -> String {
    let mut attributes = format!(
        r#" fill="none" stroke="{}" stroke-width="{}""#,
        style.colour,
        num(style.stroke_width)
    );
    if let Some(pattern) = style.dash.pattern() {
        let _ = write!(attributes, r#" stroke-dasharray="{pattern}""#);
    }
    if let Some(marker_id) = style.marker_id() {
        let _ = write!(
            attributes,
            r#" marker-end="url(#{})""#,
            escape_xml(&format!("{prefix}{marker_id}"))
        );
    }
    attributes
}

struct LegendPositions {
    entries: Vec<(EdgeStyle, f64, f64)>,
    width: f64,
    height: f64,
}

/// Legend entries flowed left to right in rows as wide as the diagram (at
/// least wide enough for the longest entry).
fn legend_positions(styles: &[EdgeStyle], width: f64, m: &Metrics) -> LegendPositions {
    let entry_width =
        |s: &EdgeStyle| LEGEND_SAMPLE + 8.0 + text_width(s.label, LEGEND_CHAR_WIDTH) + 24.0;
    let widest = styles.iter().map(entry_width).fold(0.0, f64::max);
    let limit = (width - 2.0 * m.margin).max(widest);
    let (mut x, mut y) = (0.0, LEGEND_ROW);
    let mut entries = Vec::new();
    for style in styles {
        let w = entry_width(style);
        if x > 0.0 && x + w > limit {
            x = 0.0;
            y += LEGEND_ROW;
        }
        entries.push((*style, m.margin + x, y));
        x += w;
    }
    LegendPositions {
        entries,
        width: limit + 2.0 * m.margin,
        height: y + LEGEND_ROW + m.margin,
    }
}

fn write_legend(out: &mut String, legend: &LegendPositions, top: f64, prefix: &str) {
    let _ = writeln!(
        out,
        r#"<g class="legend" transform="translate(0 {})"><text class="heading" x="{}" y="{}">{}</text>"#,
        num(top),
        num(legend.entries.first().map_or(0.0, |e| e.1)),
        num(LEGEND_FONT_SIZE),
        t(Text::DiagramLegendHeading),
    );
    for (style, x, y) in &legend.entries {
        let mid = y + LEGEND_ROW / 2.0;
        let _ = writeln!(
            out,
            r#"<g class="legend-entry {class}"><path d="M{x0} {my} L{x1} {my}"{stroke}/><text x="{tx}" y="{ty}">{label}</text></g>"#,
            class = style.class,
            x0 = num(*x),
            x1 = num(x + LEGEND_SAMPLE),
            my = num(mid),
            stroke = stroke_attributes(style, prefix),
            tx = num(x + LEGEND_SAMPLE + 8.0),
            ty = num(mid + LEGEND_FONT_SIZE * 0.35),
            label = escape_text(style.label),
        );
    }
    out.push_str("</g>\n");
}

/// A band's name: one `<text>`, with a `<tspan>` per line when wrapped.
fn band_label(band: &BandBox, m: &Metrics) -> String {
    let lines = band.text_lines(m);
    if let [line] = &lines[..] {
        return format!(
            r#"<text class="band-label" x="{}" y="{}">{}</text>"#,
            num(line.x),
            num(line.y),
            escape_text(line.text)
        );
    }
    let spans: String = lines
        .iter()
        .map(|line| {
            format!(
                r#"<tspan x="{}" y="{}">{}</tspan>"#,
                num(line.x),
                num(line.y),
                escape_text(line.text)
            )
        })
        .collect();
    format!(r#"<text class="band-label">{spans}</text>"#)
}

/// The baseline that centres one line of `font_size` text vertically in `r`.
pub fn baseline(r: Rect, font_size: f64) -> f64 {
    r.y + r.h / 2.0 + font_size * 0.35
}

/// A coordinate with at most one decimal, no "-0".
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        "0".to_owned()
    } else if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Whether XML 1.0 allows `c` in a document at all.
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` safe as element content: `&`, `<` and `>` escaped, characters XML
/// does not allow dropped. Quotes are kept, so CSS in `<style>` reads the same
/// in an SVG file and inline in HTML.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| allowed_in_xml(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// `text` safe anywhere in XML, attribute values included.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| allowed_in_xml(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_quotes_and_forbidden_characters() {
        assert_eq!(
            escape_xml("Råd & <LSG> \"a\" 'b'\u{0}\u{7}"),
            "Råd &amp; &lt;LSG&gt; &quot;a&quot; &apos;b&apos;"
        );
        assert_eq!(
            escape_text("'Segoe UI' & <x>"),
            "'Segoe UI' &amp; &lt;x&gt;"
        );
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(12.36), "12.4");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(-3.5), "-3.5");
    }
}
