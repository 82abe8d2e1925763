//! How relation kinds and bands look. Every kind differs from every other in
//! its line (dash and end marker) as well as in its colour, so the diagram
//! can be read without telling colours apart and when printed in grey.
//! Colours drawn as text keep a contrast of at least 4.5:1 (WCAG AA) against
//! every background they can stand on.

use crate::i18n::{t, Text};
use crate::model::RelationKind;

use super::graph::Band;

/// The line pattern of an edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
    DashDot,
}

impl Dash {
    /// The SVG `stroke-dasharray`, `None` for a solid line.
    pub fn pattern(self) -> Option<&'static str> {
        match self {
            Dash::Solid => None,
            Dash::Dashed => Some("7 4"),
            Dash::Dotted => Some("2 3"),
            Dash::DashDot => Some("9 3 2 3"),
        }
    }
}

/// What an edge ends in at its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Marker {
    /// Filled arrowhead: something goes to the target.
    Arrow,
    /// Open arrowhead: the source steers or takes part in the target.
    OpenArrow,
    /// Filled diamond: the source is part of the target.
    Diamond,
    /// Open diamond: the source is attached to the target.
    OpenDiamond,
    /// Dot: a person or an event links the two.
    Circle,
    /// Nothing: the relation goes both ways.
    None,
}

/// What a marker is filled with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerFill {
    /// The colour of the edge.
    Line,
    /// The fill of the boxes (an open shape).
    Box,
    /// Nothing (an outline).
    None,
}

/// The outline of a marker, in the marker's own coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MarkerShape {
    Path(&'static str),
    Circle { cx: f64, cy: f64, r: f64 },
}

/// How a marker is drawn, so that the standalone SVG and the app draw the
/// same ends: a `viewBox` of `width` × `height` from 0,0, the point that
/// sits on the line's end, and the shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkerDef {
    pub width: f64,
    pub height: f64,
    pub ref_x: f64,
    pub ref_y: f64,
    pub shape: MarkerShape,
    pub fill: MarkerFill,
    /// Outline in the edge's colour, if any.
    pub stroke_width: Option<f64>,
}

impl MarkerDef {
    /// The marker's `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }
}

impl Marker {
    /// How this marker is drawn; `None` for [`Marker::None`].
    pub fn def(self) -> Option<MarkerDef> {
        let path = |w, h, ref_x, ref_y, d, fill, stroke_width| MarkerDef {
            width: w,
            height: h,
            ref_x,
            ref_y,
            shape: MarkerShape::Path(d),
            fill,
            stroke_width,
        };
        Some(match self {
            Marker::Arrow => path(
                10.0,
                10.0,
                10.0,
                5.0,
                "M0 0 L10 5 L0 10 z",
                MarkerFill::Line,
                None,
            ),
            Marker::OpenArrow => path(
                10.0,
                10.0,
                10.0,
                5.0,
                "M1 1 L9.5 5 L1 9",
                MarkerFill::None,
                Some(1.5),
            ),
            Marker::Diamond => path(
                14.0,
                8.0,
                14.0,
                4.0,
                "M0 4 L7 0 L14 4 L7 8 z",
                MarkerFill::Line,
                None,
            ),
            Marker::OpenDiamond => path(
                14.0,
                8.0,
                14.0,
                4.0,
                "M1 4 L7 1 L13 4 L7 7 z",
                MarkerFill::Box,
                Some(1.2),
            ),
            Marker::Circle => MarkerDef {
                width: 8.0,
                height: 8.0,
                ref_x: 8.0,
                ref_y: 4.0,
                shape: MarkerShape::Circle {
                    cx: 4.0,
                    cy: 4.0,
                    r: 3.2,
                },
                fill: MarkerFill::Line,
                stroke_width: None,
            },
            Marker::None => return None,
        })
    }
}

/// How edges of one relation kind are drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EdgeStyle {
    pub dash: Dash,
    pub marker: Marker,
    /// Stroke and label text colour, `#rrggbb`.
    pub colour: &'static str,
    /// CSS class of the edge, `rel-` and the kind: `rel-prepares-cases-for`.
    pub class: &'static str,
    pub stroke_width: f64,
    /// The relation as the model words it, for the legend.
    pub label: &'static str,
    /// A short form written on the edge itself.
    pub short_label: &'static str,
}

impl EdgeStyle {
    /// Id of the SVG marker of this style: `m-prepares-cases-for`.
    pub fn marker_id(&self) -> Option<String> {
        (self.marker != Marker::None).then(|| format!("m-{}", &self.class["rel-".len()..]))
    }
}

/// The style of `kind`.
pub fn edge_style(kind: RelationKind) -> EdgeStyle {
    use RelationKind as K;
    let (dash, marker, colour, class, short_label) = match kind {
        K::PreparesCasesFor => (
            Dash::Solid,
            Marker::Arrow,
            "#1d4f91",
            "rel-prepares-cases-for",
            t(Text::EdgePreparesCases),
        ),
        K::SteeringGroupFor => (
            Dash::Solid,
            Marker::OpenArrow,
            "#8a1c1c",
            "rel-steering-group-for",
            t(Text::EdgeSteeringGroup),
        ),
        K::WorkingCommitteeOf => (
            Dash::Solid,
            Marker::Diamond,
            "#1b5e20",
            "rel-working-committee-of",
            t(Text::EdgeWorkingCommittee),
        ),
        K::SubBodyOf => (
            Dash::Dashed,
            Marker::OpenDiamond,
            "#00645a",
            "rel-sub-body-of",
            t(Text::EdgeSubBody),
        ),
        K::AdjunctTo => (
            Dash::Dotted,
            Marker::OpenArrow,
            "#6a1b9a",
            "rel-adjunct-to",
            t(Text::EdgeAdjunct),
        ),
        K::ChairSitsIn => (
            Dash::Dotted,
            Marker::Circle,
            "#4527a0",
            "rel-chair-sits-in",
            t(Text::EdgeChairSits),
        ),
        K::MayReferTo => (
            Dash::Dashed,
            Marker::Arrow,
            "#0b4a6f",
            "rel-may-refer-to",
            t(Text::EdgeMayRefer),
        ),
        K::SetsMandateOf => (
            Dash::DashDot,
            Marker::Arrow,
            "#8a4500",
            "rel-sets-mandate-of",
            t(Text::EdgeSetsMandate),
        ),
        K::Organises => (
            Dash::DashDot,
            Marker::Circle,
            "#a3124f",
            "rel-organises",
            t(Text::EdgeOrganises),
        ),
        K::CoordinatesWith => (
            Dash::Dashed,
            Marker::None,
            "#455a64",
            "rel-coordinates-with",
            t(Text::EdgeCoordinates),
        ),
        K::Supports => (
            Dash::Dotted,
            Marker::Arrow,
            "#5d4037",
            "rel-supports",
            t(Text::EdgeSupports),
        ),
    };
    EdgeStyle {
        dash,
        marker,
        colour,
        class,
        stroke_width: if kind == K::SteeringGroupFor {
            2.0
        } else {
            1.5
        },
        label: kind.label(),
        short_label,
    }
}

/// One line of the legend.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LegendEntry {
    pub kind: RelationKind,
    pub style: EdgeStyle,
}

/// Every relation kind with its style, in the model's order.
pub fn legend() -> Vec<LegendEntry> {
    RelationKind::ALL
        .into_iter()
        .map(|kind| LegendEntry {
            kind,
            style: edge_style(kind),
        })
        .collect()
}

/// Text on boxes, band names and the legend.
pub const TEXT_COLOUR: &str = "#1a1a1a";
/// The level written small under a body's name.
pub const CAPTION_COLOUR: &str = "#4a4f57";
/// Fill of the boxes and of the edge labels' backgrounds.
pub const BOX_FILL: &str = "#ffffff";
/// Background of the whole drawing.
pub const PAGE_FILL: &str = "#ffffff";

/// The pale background of a band.
pub fn band_fill(band: Band) -> &'static str {
    match band {
        Band::Political => "#edf2fa",
        Band::Officials => "#edf6ef",
        Band::Preparatory => "#fbf5e8",
        Band::Forums => "#f3eff8",
        Band::Support => "#eef5f6",
        Band::PartyBodies => "#f4f4f4",
        Band::External => "#f9eeee",
    }
}

/// The outline of the boxes in a band (a graphic, so 3:1 is enough; these
/// are darker than that).
pub fn band_accent(band: Band) -> &'static str {
    match band {
        Band::Political => "#2c5282",
        Band::Officials => "#2f6b3a",
        Band::Preparatory => "#7a5a12",
        Band::Forums => "#5b3f86",
        Band::Support => "#2d6670",
        Band::PartyBodies => "#555555",
        Band::External => "#8a3a3a",
    }
}

/// WCAG 2 contrast ratio of two `#rrggbb` colours, `None` if one is not in
/// that form.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let c = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_style_with_its_model_label() {
        let legend = legend();
        assert_eq!(legend.len(), RelationKind::ALL.len());
        for entry in legend {
            assert_eq!(entry.style, edge_style(entry.kind));
            assert_eq!(entry.style.label, entry.kind.label());
            assert!(!entry.style.short_label.is_empty());
            assert!(entry.style.class.starts_with("rel-"));
        }
    }

    #[test]
    fn distinct_kinds_differ_in_line_and_in_colour() {
        for (i, a) in RelationKind::ALL.iter().enumerate() {
            for b in &RelationKind::ALL[i + 1..] {
                let (sa, sb) = (edge_style(*a), edge_style(*b));
                assert_ne!((sa.dash, sa.marker), (sb.dash, sb.marker), "{a:?} / {b:?}");
                assert_ne!(sa.colour, sb.colour, "{a:?} / {b:?}");
                assert_ne!(sa.class, sb.class);
                assert_ne!(sa.short_label, sb.short_label);
            }
        }
    }

    #[test]
    fn text_colours_meet_wcag_aa_on_every_background() {
        let mut backgrounds: Vec<&str> = Band::ALL.into_iter().map(band_fill).collect();
        backgrounds.extend([BOX_FILL, PAGE_FILL]);
        let mut texts: Vec<&str> = legend().iter().map(|e| e.style.colour).collect();
        texts.extend([TEXT_COLOUR, CAPTION_COLOUR]);
        for text in &texts {
            for background in &backgrounds {
                let ratio = contrast_ratio(text, background).expect("hex colours");
                assert!(ratio >= 4.5, "{text} on {background}: {ratio:.2}");
            }
        }
        for band in Band::ALL {
            let ratio = contrast_ratio(band_accent(band), band_fill(band)).unwrap();
            assert!(ratio >= 4.5, "{band:?} outline: {ratio:.2}");
        }
    }

    #[test]
    fn every_marker_but_none_is_drawn_with_its_tip_on_the_line_end() {
        for entry in legend() {
            let def = entry.style.marker.def();
            assert_eq!(def.is_none(), entry.style.marker == Marker::None);
            assert_eq!(def.is_some(), entry.style.marker_id().is_some());
            if let Some(def) = def {
                assert_eq!(def.ref_x, def.width, "{:?}", entry.kind);
                assert_eq!(def.ref_y, def.height / 2.0);
            }
        }
    }

    #[test]
    fn contrast_of_black_on_white_is_21() {
        let ratio = contrast_ratio("#000000", "#ffffff").unwrap();
        assert!((ratio - 21.0).abs() < 1e-9);
        assert_eq!(contrast_ratio("black", "#ffffff"), None);
    }
}
