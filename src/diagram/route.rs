//! Edge routes: from a port on the source box's border to a port on the
//! target's, straight or with one bend.
//!
//! Rows of boxes are separated by free horizontal channels. An edge to a box
//! in another row leaves the side facing it (bottom going down, top going
//! up). If the straight line would cross a box, the route bends once: in the
//! channel next to the source or next to the target, at a gap between the
//! boxes of the rows it passes, the nearest such bend that crosses no box.
//! When no single bend clears every box (a box squarely between the two, as
//! LSG between Samrådet and its arbetsutskott), the route passes each row in
//! between through the gap nearest its straight line, the way Sugiyama's
//! dummy nodes do; edges sharing a gap are spread across it. An edge between
//! boxes side by side in one row is a
//! straight line between their facing sides when nothing is between them,
//! and otherwise an arch over the row (or under it) with its bend in the
//! channel. Several edges on one side get ports spread along it, ordered by
//! where the other end is, so parallel relations stay apart and do not cross
//! at the box.

use std::collections::BTreeMap;

use super::geometry::{segment_hits_rect, Point, Rect};

/// A row of boxes as placed: its vertical extent and its boxes left to right.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    pub top: f64,
    pub bottom: f64,
    pub members: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Shape {
    /// Target in a lower (`true`) or higher row.
    Vertical(bool),
    /// Side by side, straight between the facing sides.
    Beside,
    /// Side by side, bending in the channel above the row.
    Over,
    /// Side by side, bending in the channel below the row.
    Under,
}

/// What routing needs to know about the placed boxes.
pub(crate) struct Scene<'a> {
    pub boxes: &'a [Rect],
    /// Rows in top-to-bottom order.
    pub rows: &'a [Row],
    /// The row of each box; `None` for boxes placed by hand.
    pub row_of: &'a [Option<usize>],
    /// Horizontal gap between boxes in a row.
    pub box_gap: f64,
    /// Vertical gap assumed beyond the outermost rows.
    pub row_gap: f64,
    /// Free space around the drawing; routes passing a row on the outside
    /// stay within it.
    pub margin: f64,
}

impl Scene<'_> {
    /// Boxes other than `skip` whose interior one of the path's segments
    /// passes through.
    fn hits(&self, path: &[Point], skip: [usize; 2]) -> usize {
        let bounds = path
            .iter()
            .fold(Rect::new(path[0].x, path[0].y, 0.0, 0.0), |acc, p| {
                acc.union(&Rect::new(p.x, p.y, 0.0, 0.0))
            });
        let mut count = 0;
        for (i, r) in self.boxes.iter().enumerate() {
            if skip.contains(&i)
                || r.x >= bounds.right()
                || r.right() <= bounds.x
                || r.y >= bounds.bottom()
                || r.bottom() <= bounds.y
            {
                continue;
            }
            let hit = path.windows(2).any(|w| {
                let (lo, hi) = (w[0].y.min(w[1].y), w[0].y.max(w[1].y));
                hi > r.y && lo < r.bottom() && segment_hits_rect(w[0], w[1], r)
            });
            if hit {
                count += 1;
            }
        }
        count
    }

    /// The boxes other than `skip` reaching into the heights between `y0`
    /// and `y1`: all a route between those heights can run into.
    fn obstacles(&self, y0: f64, y1: f64, skip: [usize; 2]) -> Vec<usize> {
        let (lo, hi) = (y0.min(y1), y0.max(y1));
        (0..self.boxes.len())
            .filter(|i| !skip.contains(i) && self.boxes[*i].y < hi && self.boxes[*i].bottom() > lo)
            .collect()
    }

    /// Whether the path keeps out of every box in `among`.
    fn clear(&self, path: &[Point], among: &[usize]) -> bool {
        among.iter().all(|&i| {
            let r = &self.boxes[i];
            !path.windows(2).any(|w| segment_hits_rect(w[0], w[1], r))
        })
    }

    fn row_top(&self, node: usize) -> f64 {
        match self.row_of[node] {
            Some(row) => self.rows[row].top,
            None => self.boxes[node].y,
        }
    }

    fn row_bottom(&self, node: usize) -> f64 {
        match self.row_of[node] {
            Some(row) => self.rows[row].bottom,
            None => self.boxes[node].bottom(),
        }
    }

    /// The middle of the free channel above height `y`.
    fn channel_above(&self, y: f64) -> f64 {
        let previous = self
            .rows
            .iter()
            .map(|r| r.bottom)
            .filter(|&b| b <= y)
            .fold(f64::NAN, f64::max);
        let previous = if previous.is_nan() {
            (y - self.row_gap).max(0.0)
        } else {
            previous
        };
        (previous + y) / 2.0
    }

    /// The middle of the free channel below height `y`.
    fn channel_below(&self, y: f64) -> f64 {
        let next = self
            .rows
            .iter()
            .map(|r| r.top)
            .filter(|&t| t >= y)
            .fold(f64::NAN, f64::min);
        let next = if next.is_nan() {
            y + self.row_gap
        } else {
            next
        };
        (y + next) / 2.0
    }

    /// The gaps of row `r`: before its first box, between boxes, after its
    /// last box.
    fn gaps(&self, r: usize) -> Vec<Gap> {
        let row = &self.rows[r];
        let Some((&first, &last)) = row.members.first().zip(row.members.last()) else {
            return Vec::new();
        };
        let half = (self.box_gap / 2.0).min(self.margin / 2.0);
        let mut gaps = vec![Gap {
            centre: self.boxes[first].x - half,
            half_width: half,
        }];
        for pair in row.members.windows(2) {
            let (a, b) = (self.boxes[pair[0]].right(), self.boxes[pair[1]].x);
            gaps.push(Gap {
                centre: (a + b) / 2.0,
                half_width: (b - a) / 2.0,
            });
        }
        gaps.push(Gap {
            centre: self.boxes[last].right() + half,
            half_width: half,
        });
        gaps
    }

    /// The gap of row `r` nearest to `x` (the left one of two as near).
    fn nearest_gap(&self, r: usize, x: f64) -> Gap {
        self.gaps(r)
            .into_iter()
            .min_by(|a, b| {
                (a.centre - x)
                    .abs()
                    .total_cmp(&(b.centre - x).abs())
                    .then(a.centre.total_cmp(&b.centre))
            })
            .unwrap_or(Gap {
                centre: x,
                half_width: 0.0,
            })
    }

    /// Where a bend can pass the rows strictly between heights `y0` and `y1`:
    /// the gaps between their boxes and just beyond their ends, nearest to the
    /// straight line first.
    fn gap_candidates(&self, y0: f64, y1: f64, x0: f64, x1: f64) -> Vec<f64> {
        let (lo, hi) = (y0.min(y1), y0.max(y1));
        let mut xs = vec![x0, x1];
        for r in (0..self.rows.len()).filter(|&r| self.rows[r].top > lo && self.rows[r].bottom < hi)
        {
            xs.extend(self.gaps(r).iter().map(|g| g.centre));
        }
        let detour = |x: f64| (x - x0).abs() + (x - x1).abs();
        xs.sort_by(|a, b| detour(*a).total_cmp(&detour(*b)).then(a.total_cmp(b)));
        xs.dedup_by(|a, b| (*a - *b).abs() < 0.5);
        xs.truncate(MAX_BEND_CANDIDATES);
        xs
    }
}

/// Bend positions tried per edge, nearest first; enough to find a gap in a
/// few rows without making routing quadratic in the number of boxes.
const MAX_BEND_CANDIDATES: usize = 24;

/// Routes every edge (`(source, target)` box indices, never equal).
pub(crate) fn route(scene: &Scene, edges: &[(usize, usize)]) -> Vec<Vec<Point>> {
    let shapes: Vec<(Shape, Side, Side)> = edges.iter().map(|&(s, t)| shape(scene, s, t)).collect();
    // First with ports ordered by where the other end is, then again with
    // ports ordered by where each route first heads (a gap, a bend), so that
    // routes leaving one side towards the same gap do not cross at the box.
    let first = plan_routes(scene, edges, &shapes, None);
    plan_routes(scene, edges, &shapes, Some(&first))
}

fn plan_routes(
    scene: &Scene,
    edges: &[(usize, usize)],
    shapes: &[(Shape, Side, Side)],
    heading: Option<&[Vec<Point>]>,
) -> Vec<Vec<Point>> {
    let ports = ports(scene, edges, shapes, heading);
    let planned: Vec<Planned> = edges
        .iter()
        .zip(shapes)
        .zip(&ports)
        .map(|((&(s, t), &(shape, _, _)), &(p, q))| match shape {
            Shape::Vertical(down) => vertical(scene, s, t, p, q, down),
            Shape::Beside => Planned::Points(vec![p, q]),
            Shape::Over => {
                let y = scene.channel_above(scene.row_top(s).min(scene.row_top(t)));
                Planned::Points(vec![p, Point::new((p.x + q.x) / 2.0, y), q])
            }
            Shape::Under => {
                let y = scene.channel_below(scene.row_bottom(s).max(scene.row_bottom(t)));
                Planned::Points(vec![p, Point::new((p.x + q.x) / 2.0, y), q])
            }
        })
        .collect();
    pass_gaps(scene, share_gaps(scene, planned), &ports)
}

/// What passing a gap another edge already passes costs, in units of
/// detour: an edge goes round by up to this much rather than run along
/// another one through the same gap (a sheaf of parallel lines is what a
/// reader cannot follow; `Layout::parallel_overlaps` counts them).
const GAP_CROWDING: f64 = 120.0;

/// Chooses the gap each edge passes each row through, edge by edge: the
/// nearest to its straight line, counting a gap already taken as
/// [`GAP_CROWDING`] further away per edge in it.
fn share_gaps(scene: &Scene, planned: Vec<Planned>) -> Vec<Planned> {
    let mut users: BTreeMap<(usize, i64), usize> = BTreeMap::new();
    planned
        .into_iter()
        .map(|plan| match plan {
            Planned::Points(points) => Planned::Points(points),
            Planned::Gaps(gaps) => Planned::Gaps(
                gaps.into_iter()
                    .map(|(row, nearest, x)| {
                        let cost = |g: &Gap| {
                            let taken = users.get(&(row, gap_key(*g))).copied().unwrap_or(0);
                            (g.centre - x).abs() + GAP_CROWDING * taken as f64
                        };
                        let gap = scene
                            .gaps(row)
                            .into_iter()
                            .min_by(|a, b| {
                                cost(a)
                                    .total_cmp(&cost(b))
                                    .then(a.centre.total_cmp(&b.centre))
                            })
                            .unwrap_or(nearest);
                        *users.entry((row, gap_key(gap))).or_default() += 1;
                        (row, gap, x)
                    })
                    .collect(),
            ),
        })
        .collect()
}

/// A route as first planned: finished, or passing rows through gaps still to
/// be shared out.
enum Planned {
    Points(Vec<Point>),
    /// For each row passed, in order: the row, the gap, and where the
    /// straight line would cross it (which orders edges within a gap).
    Gaps(Vec<(usize, Gap, f64)>),
}

/// A free vertical passage through a row: its centre and half its width.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Gap {
    centre: f64,
    half_width: f64,
}

/// Spacing of edges that pass through one gap (as far apart as
/// `layout::PARALLEL_DISTANCE`, where the gap is wide enough).
const GAP_SPACING: f64 = 12.0;

/// Finishes the routes through gaps: the edges through one gap are spread
/// across it in the order of where they would have crossed it.
fn pass_gaps(scene: &Scene, planned: Vec<Planned>, ports: &[(Point, Point)]) -> Vec<Vec<Point>> {
    let mut users: BTreeMap<(usize, i64), Vec<(f64, usize)>> = BTreeMap::new();
    for (i, plan) in planned.iter().enumerate() {
        if let Planned::Gaps(gaps) = plan {
            for &(row, gap, x) in gaps {
                users.entry((row, gap_key(gap))).or_default().push((x, i));
            }
        }
    }
    let mut offsets: BTreeMap<(usize, i64, usize), f64> = BTreeMap::new();
    for (&(row, key), list) in &mut users {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let half_width = planned
            .iter()
            .find_map(|plan| match plan {
                Planned::Gaps(gaps) => gaps
                    .iter()
                    .find(|(r, g, _)| *r == row && gap_key(*g) == key)
                    .map(|(_, g, _)| g.half_width),
                Planned::Points(_) => None,
            })
            .unwrap_or(0.0);
        let count = list.len() as f64;
        let spacing = GAP_SPACING.min(2.0 * half_width / (count + 1.0));
        for (j, &(_, edge)) in list.iter().enumerate() {
            let offset = (j as f64 - (count - 1.0) / 2.0) * spacing;
            offsets.insert((row, key, edge), offset);
        }
    }
    planned
        .into_iter()
        .enumerate()
        .map(|(i, plan)| match plan {
            Planned::Points(points) => points,
            Planned::Gaps(gaps) => {
                let (p, q) = ports[i];
                let mut points = vec![p];
                let down = q.y > p.y;
                for (row, gap, _) in gaps {
                    let x = gap.centre + offsets[&(row, gap_key(gap), i)];
                    let r = &scene.rows[row];
                    let (enter, leave) = if down {
                        (r.top, r.bottom)
                    } else {
                        (r.bottom, r.top)
                    };
                    points.push(Point::new(x, enter));
                    points.push(Point::new(x, leave));
                }
                points.push(q);
                points
            }
        })
        .collect()
}

/// Gaps are told apart by their centre in tenths of a unit.
fn gap_key(gap: Gap) -> i64 {
    (gap.centre * 10.0).round() as i64
}

/// Which sides the edge leaves and enters, and how it runs between them.
fn shape(scene: &Scene, s: usize, t: usize) -> (Shape, Side, Side) {
    let (a, b) = (scene.boxes[s], scene.boxes[t]);
    if b.y >= a.bottom() {
        return (Shape::Vertical(true), Side::Bottom, Side::Top);
    }
    if b.bottom() <= a.y {
        return (Shape::Vertical(false), Side::Top, Side::Bottom);
    }
    let right = b.x >= a.right();
    if !right && b.right() > a.x {
        // Boxes placed by hand on top of each other: leave down, enter from above.
        return (Shape::Vertical(true), Side::Bottom, Side::Top);
    }
    let y = (a.y.max(b.y) + a.bottom().min(b.bottom())) / 2.0;
    let (from_x, to_x, from_side, to_side) = if right {
        (a.right(), b.x, Side::Right, Side::Left)
    } else {
        (a.x, b.right(), Side::Left, Side::Right)
    };
    let skip = [s, t];
    let beside = scene.hits(&[Point::new(from_x, y), Point::new(to_x, y)], skip);
    if beside == 0 {
        return (Shape::Beside, from_side, to_side);
    }
    let (ca, cb) = (a.centre().x, b.centre().x);
    let over_y = scene.channel_above(scene.row_top(s).min(scene.row_top(t)));
    let over = scene.hits(
        &[
            Point::new(ca, a.y),
            Point::new((ca + cb) / 2.0, over_y),
            Point::new(cb, b.y),
        ],
        skip,
    );
    let under_y = scene.channel_below(scene.row_bottom(s).max(scene.row_bottom(t)));
    let under = scene.hits(
        &[
            Point::new(ca, a.bottom()),
            Point::new((ca + cb) / 2.0, under_y),
            Point::new(cb, b.bottom()),
        ],
        skip,
    );
    if over <= under && over <= beside {
        (Shape::Over, Side::Top, Side::Top)
    } else if under <= beside {
        (Shape::Under, Side::Bottom, Side::Bottom)
    } else {
        (Shape::Beside, from_side, to_side)
    }
}

/// One edge end on a side of a box, and where the edge heads from there.
struct EdgeEnd {
    towards: f64,
    edge: usize,
    is_source: bool,
}

/// The port of every edge end: edges sharing a side are spread along it,
/// keeping clear of corners, in the order of where they head (the next
/// point of a `heading` route, else the other end's centre), then by edge.
fn ports(
    scene: &Scene,
    edges: &[(usize, usize)],
    shapes: &[(Shape, Side, Side)],
    heading: Option<&[Vec<Point>]>,
) -> Vec<(Point, Point)> {
    let mut sides: BTreeMap<(usize, Side), Vec<EdgeEnd>> = BTreeMap::new();
    let key = |towards: Point, side: Side| match side {
        Side::Top | Side::Bottom => towards.x,
        Side::Left | Side::Right => towards.y,
    };
    for (i, (&(s, t), &(_, from_side, to_side))) in edges.iter().zip(shapes).enumerate() {
        let (from_towards, to_towards) = match heading.map(|routes| &routes[i]) {
            Some(route) if route.len() >= 2 => (route[1], route[route.len() - 2]),
            _ => (scene.boxes[t].centre(), scene.boxes[s].centre()),
        };
        sides.entry((s, from_side)).or_default().push(EdgeEnd {
            towards: key(from_towards, from_side),
            edge: i,
            is_source: true,
        });
        sides.entry((t, to_side)).or_default().push(EdgeEnd {
            towards: key(to_towards, to_side),
            edge: i,
            is_source: false,
        });
    }
    let mut ports = vec![(Point::new(0.0, 0.0), Point::new(0.0, 0.0)); edges.len()];
    for ((node, side), mut ends) in sides {
        ends.sort_by(|a, b| {
            a.towards
                .total_cmp(&b.towards)
                .then(a.edge.cmp(&b.edge))
                .then(a.is_source.cmp(&b.is_source))
        });
        let r = scene.boxes[node];
        let (start, len) = match side {
            Side::Top | Side::Bottom => (r.x, r.w),
            Side::Left | Side::Right => (r.y, r.h),
        };
        let inset = (len / 4.0).min(10.0);
        let count = ends.len() as f64;
        for (j, end) in ends.iter().enumerate() {
            let along = start + inset + (len - 2.0 * inset) * (j as f64 + 1.0) / (count + 1.0);
            let p = match side {
                Side::Top => Point::new(along, r.y),
                Side::Bottom => Point::new(along, r.bottom()),
                Side::Left => Point::new(r.x, along),
                Side::Right => Point::new(r.right(), along),
            };
            if end.is_source {
                ports[end.edge].0 = p;
            } else {
                ports[end.edge].1 = p;
            }
        }
    }
    ports
}

/// A route between rows: straight if that crosses no box, else the nearest
/// one-bend route that crosses none, else through the gaps of the rows in
/// between.
fn vertical(scene: &Scene, s: usize, t: usize, p: Point, q: Point, down: bool) -> Planned {
    let straight = vec![p, q];
    // Bends stay between the two ends' heights, so these are all the boxes
    // any candidate can run into.
    let among = scene.obstacles(p.y, q.y, [s, t]);
    if scene.clear(&straight, &among) {
        return Planned::Points(straight);
    }
    let between = |y: f64| (y - p.y) * (y - q.y) < 0.0;
    let (near_source, near_target) = if down {
        (
            scene.channel_below(scene.row_bottom(s)),
            scene.channel_above(scene.row_top(t)),
        )
    } else {
        (
            scene.channel_above(scene.row_top(s)),
            scene.channel_below(scene.row_bottom(t)),
        )
    };
    let bend_heights: Vec<f64> = [near_source, near_target]
        .into_iter()
        .filter(|&y| between(y))
        .collect();
    for x in scene.gap_candidates(p.y, q.y, p.x, q.x) {
        for &y in &bend_heights {
            let path = vec![p, Point::new(x, y), q];
            if scene.clear(&path, &among) {
                return Planned::Points(path);
            }
        }
    }
    let (lo, hi) = (p.y.min(q.y), p.y.max(q.y));
    let mut passed: Vec<usize> = (0..scene.rows.len())
        .filter(|&r| scene.rows[r].top > lo && scene.rows[r].bottom < hi)
        .collect();
    if !down {
        passed.reverse();
    }
    if passed.is_empty() {
        // Only boxes placed by hand are in the way: nothing to pass through.
        return Planned::Points(straight);
    }
    Planned::Gaps(
        passed
            .into_iter()
            .map(|r| {
                let row = &scene.rows[r];
                let mid = (row.top + row.bottom) / 2.0;
                let x = p.x + (q.x - p.x) * (mid - p.y) / (q.y - p.y);
                (r, scene.nearest_gap(r, x), x)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scene_rows(boxes: &[Rect]) -> Vec<Row> {
        // One row per distinct top, boxes left to right.
        let mut rows: Vec<Row> = Vec::new();
        for (i, b) in boxes.iter().enumerate() {
            match rows.iter_mut().find(|r| r.top == b.y) {
                Some(row) => {
                    row.bottom = row.bottom.max(b.bottom());
                    row.members.push(i);
                }
                None => rows.push(Row {
                    top: b.y,
                    bottom: b.bottom(),
                    members: vec![i],
                }),
            }
        }
        rows
    }

    #[test]
    fn a_box_squarely_in_the_way_is_passed_through_the_gap_beside_it() {
        let boxes = [
            Rect::new(100.0, 0.0, 100.0, 30.0),
            Rect::new(100.0, 80.0, 100.0, 30.0),
            Rect::new(100.0, 160.0, 100.0, 30.0),
        ];
        let rows = scene_rows(&boxes);
        let row_of = [Some(0), Some(1), Some(2)];
        let scene = Scene {
            boxes: &boxes,
            rows: &rows,
            row_of: &row_of,
            box_gap: 20.0,
            row_gap: 50.0,
            margin: 20.0,
        };
        let routes = route(&scene, &[(0, 2), (0, 1)]);
        assert_eq!(
            routes[0].len(),
            4,
            "through the gap beside the middle box: {:?}",
            routes[0]
        );
        assert_eq!(scene.hits(&routes[0], [0, 2]), 0);
        assert_eq!(
            routes[1].len(),
            2,
            "the neighbour below is reached straight"
        );
        assert_eq!(routes[1][0].y, 30.0);
        assert_eq!(routes[1][1].y, 80.0);
    }

    #[test]
    fn a_box_partly_in_the_way_is_avoided_with_one_bend() {
        let boxes = [
            Rect::new(100.0, 0.0, 100.0, 30.0),
            Rect::new(145.0, 80.0, 100.0, 30.0),
            Rect::new(100.0, 160.0, 100.0, 30.0),
        ];
        let rows = scene_rows(&boxes);
        let row_of = [Some(0), Some(1), Some(2)];
        let scene = Scene {
            boxes: &boxes,
            rows: &rows,
            row_of: &row_of,
            box_gap: 20.0,
            row_gap: 50.0,
            margin: 20.0,
        };
        let routes = route(&scene, &[(0, 2)]);
        assert_eq!(routes[0].len(), 3, "one bend: {:?}", routes[0]);
        assert_eq!(scene.hits(&routes[0], [0, 2]), 0);
    }

    #[test]
    fn boxes_side_by_side_join_straight_or_arch_over_the_row() {
        let boxes = [
            Rect::new(0.0, 50.0, 80.0, 30.0),
            Rect::new(100.0, 50.0, 80.0, 30.0),
            Rect::new(200.0, 50.0, 80.0, 30.0),
        ];
        let rows = scene_rows(&boxes);
        let row_of = [Some(0), Some(0), Some(0)];
        let scene = Scene {
            boxes: &boxes,
            rows: &rows,
            row_of: &row_of,
            box_gap: 20.0,
            row_gap: 50.0,
            margin: 20.0,
        };
        let routes = route(&scene, &[(0, 1), (0, 2)]);
        assert_eq!(
            routes[0],
            vec![Point::new(80.0, 65.0), Point::new(100.0, 65.0)]
        );
        assert_eq!(routes[1].len(), 3);
        assert!(routes[1][1].y < 50.0, "over the row: {:?}", routes[1]);
        assert_eq!(scene.hits(&routes[1], [0, 2]), 0);
    }
}
