//! The order of the bodies within each band: barycenter sweeps in the manner
//! of Sugiyama, keeping the order with the fewest crossings.
//!
//! Only bodies with at least one drawn relation take part; the caller puts
//! the others after them in graph order. That is what keeps the diagram
//! stable: adding a body without relations changes nothing here, so every
//! other body keeps its place in the order of its band.

use crate::model::BodyId;

use super::geometry::{segments_cross, Point};

/// Up and down sweeps tried; the best order seen is kept.
const SWEEPS: usize = 8;

/// Orders the nodes of each band. `bands[b]` holds the band's connected
/// nodes in their starting order, `band_of` the band of every node, `edges`
/// the drawn relations as node pairs, `ids` every node's id (the tie-break).
pub(crate) fn order_bands(
    mut bands: Vec<Vec<usize>>,
    band_of: &[usize],
    edges: &[(usize, usize)],
    ids: &[&BodyId],
) -> Vec<Vec<usize>> {
    let n = band_of.len();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(u, v) in edges {
        if band_of[u] != band_of[v] {
            neighbours[u].push(v);
            neighbours[v].push(u);
        }
    }
    let mut pos = vec![0.0; n];
    for band in &bands {
        set_positions(band, &mut pos);
    }

    let mut best = bands.clone();
    let mut best_crossings = crossings(&pos, band_of, edges);
    for sweep in 0..SWEEPS {
        if best_crossings == 0 {
            break;
        }
        let down = sweep % 2 == 0;
        let order: Vec<usize> = if down {
            (1..bands.len()).collect()
        } else {
            (0..bands.len().saturating_sub(1)).rev().collect()
        };
        for b in order {
            let mut keyed: Vec<(f64, usize)> = bands[b]
                .iter()
                .map(|&v| {
                    let fixed: Vec<f64> = neighbours[v]
                        .iter()
                        .filter(|&&u| (band_of[u] < b) == down)
                        .map(|&u| pos[u])
                        .collect();
                    let barycenter = if fixed.is_empty() {
                        pos[v]
                    } else {
                        fixed.iter().sum::<f64>() / fixed.len() as f64
                    };
                    (barycenter, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| ids[a.1].cmp(ids[b.1])));
            bands[b] = keyed.into_iter().map(|(_, v)| v).collect();
            set_positions(&bands[b], &mut pos);
        }
        let count = crossings(&pos, band_of, edges);
        if count < best_crossings {
            best_crossings = count;
            best = bands.clone();
        }
    }
    best
}

/// Whether two relations, drawn straight between (position, band) points,
/// cross; relations sharing a body never do.
fn cross(
    pos: &[f64],
    band_of: &[usize],
    (u1, v1): (usize, usize),
    (u2, v2): (usize, usize),
) -> bool {
    if u1 == u2 || u1 == v2 || v1 == u2 || v1 == v2 {
        return false;
    }
    let point = |v: usize| Point::new(pos[v], band_of[v] as f64);
    segments_cross(point(u1), point(v1), point(u2), point(v2))
}

/// Positions in a band spread over 0..1, so that a short band faces the
/// middle of a long one.
fn set_positions(band: &[usize], pos: &mut [f64]) {
    let len = band.len() as f64;
    for (i, &v) in band.iter().enumerate() {
        pos[v] = (i as f64 + 0.5) / len;
    }
}

/// Crossings of the relations drawn as straight lines between (position,
/// band) points: a stand-in for the drawn crossings that depends on the order
/// alone, not on box widths or on where bands wrap.
fn crossings(pos: &[f64], band_of: &[usize], edges: &[(usize, usize)]) -> usize {
    let between: Vec<(usize, usize)> = edges
        .iter()
        .copied()
        .filter(|(u, v)| band_of[*u] != band_of[*v])
        .collect();
    let mut count = 0;
    for (i, &e) in between.iter().enumerate() {
        for &f in &between[i + 1..] {
            if cross(pos, band_of, e, f) {
                count += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sweeps_untangle_a_crossed_pair() {
        let ids: Vec<BodyId> = ["a", "b", "c", "d"].map(BodyId::new).to_vec();
        let id_refs: Vec<&BodyId> = ids.iter().collect();
        // a, b on top; c, d below; a–d and b–c cross in the starting order.
        let bands = vec![vec![0, 1], vec![2, 3]];
        let band_of = [0, 0, 1, 1];
        let edges = [(0, 3), (1, 2)];
        let mut pos = vec![0.0; 4];
        for band in &bands {
            set_positions(band, &mut pos);
        }
        assert_eq!(crossings(&pos, &band_of, &edges), 1);
        let ordered = order_bands(bands, &band_of, &edges, &id_refs);
        assert_eq!(ordered, vec![vec![0, 1], vec![3, 2]]);
    }
}
