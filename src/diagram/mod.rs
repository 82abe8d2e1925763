//! The structure diagram of one county: its bodies as boxes in horizontal
//! bands by level, its relations as styled edges, laid out here and drawn as
//! SVG. Pure: no UI, no browser; the UI renders [`Layout`] or the string
//! [`to_svg`] makes.
//!
//! The pipeline: [`graph_of_county`] (or a hand-made [`Graph`]) → [`lay_out`]
//! with [`LayoutOptions`] (collapsed bodies, boxes placed by hand, width) →
//! [`Layout`] → [`to_svg`].
//!
//! - `graph` – the input, the bands, and which relations make sub-bodies.
//! - `order` – the order within bands (barycenter sweeps).
//! - `layout` – sizes, rows, placement, labels, crossings.
//! - `route` – edge routes between box borders.
//! - `style` – how each relation kind and band looks; the legend.
//! - `svg` – the standalone SVG.

mod geometry;
mod graph;
mod layout;
mod order;
mod route;
mod style;
mod svg;
mod text;

pub use geometry::{Point, Rect};
pub use graph::{graph_of_county, is_sub_body_relation, Band, Graph, GraphEdge, GraphNode};
pub use layout::{
    lay_out, parallel_overlaps, BandBox, BandLabels, EdgeLabel, EdgeRoute, Layout, LayoutOptions,
    LineKind, Metrics, NodeBox, TextLine, DEFAULT_MAX_WIDTH, PARALLEL_DISTANCE, PARALLEL_LENGTH,
};
pub use style::{
    band_accent, band_fill, contrast_ratio, edge_style, legend, Dash, EdgeStyle, LegendEntry,
    Marker, MarkerDef, MarkerFill, MarkerShape, BOX_FILL, CAPTION_COLOUR, PAGE_FILL, TEXT_COLOUR,
};
pub use svg::{baseline, escape_xml, to_svg, SvgOptions};
pub use text::{text_width, wrap};
