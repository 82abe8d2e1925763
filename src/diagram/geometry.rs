//! Points, rectangles and the few intersection tests the layout needs.
//! Coordinates are SVG user units (CSS pixels at 1:1), y grows downwards.

/// A point in diagram coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// An axis-aligned rectangle: top-left corner, width and height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Self { x, y, w, h }
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn centre(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// The rectangle grown by `by` on every side.
    pub fn inflate(&self, by: f64) -> Rect {
        Rect::new(
            self.x - by,
            self.y - by,
            self.w + 2.0 * by,
            self.h + 2.0 * by,
        )
    }

    /// Whether the interiors overlap; rectangles that only touch do not.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether `p` lies on the outline, within `tolerance`.
    pub fn on_border(&self, p: Point, tolerance: f64) -> bool {
        let within_x = p.x >= self.x - tolerance && p.x <= self.right() + tolerance;
        let within_y = p.y >= self.y - tolerance && p.y <= self.bottom() + tolerance;
        let on_vertical =
            (p.x - self.x).abs() <= tolerance || (p.x - self.right()).abs() <= tolerance;
        let on_horizontal =
            (p.y - self.y).abs() <= tolerance || (p.y - self.bottom()).abs() <= tolerance;
        (on_vertical && within_y) || (on_horizontal && within_x)
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect::new(
            x,
            y,
            self.right().max(other.right()) - x,
            self.bottom().max(other.bottom()) - y,
        )
    }
}

/// Whether the segment a–b passes through the interior of `r` (Liang–Barsky
/// clipping); running along the outline or touching a corner does not count.
pub(crate) fn segment_hits_rect(a: Point, b: Point, r: &Rect) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.x - r.x),
        (dx, r.right() - a.x),
        (-dy, a.y - r.y),
        (dy, r.bottom() - a.y),
    ] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                if t >= t1 {
                    return false;
                }
                t0 = t0.max(t);
            } else {
                if t <= t0 {
                    return false;
                }
                t1 = t1.min(t);
            }
        }
    }
    t1 - t0 > 1e-9
}

fn orientation(a: Point, b: Point, c: Point) -> f64 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

/// Whether segments a–b and c–d cross at a single point inside both;
/// touching ends and collinear overlaps are not crossings.
pub(crate) fn segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    const EPS: f64 = 1e-9;
    let d1 = orientation(a, b, c);
    let d2 = orientation(a, b, d);
    let d3 = orientation(c, d, a);
    let d4 = orientation(c, d, b);
    ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS))
        && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS))
}

/// The point at fraction `t` (0..=1) of the polyline's length.
pub(crate) fn point_along(points: &[Point], t: f64) -> Point {
    let total: f64 = points.windows(2).map(|w| w[0].distance(w[1])).sum();
    let mut left = total * t.clamp(0.0, 1.0);
    for w in points.windows(2) {
        let len = w[0].distance(w[1]);
        if left <= len && len > 0.0 {
            let f = left / len;
            return Point::new(
                w[0].x + (w[1].x - w[0].x) * f,
                w[0].y + (w[1].y - w[0].y) * f,
            );
        }
        left -= len;
    }
    points.last().copied().unwrap_or(Point::new(0.0, 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_through_touching_and_beside_a_rectangle() {
        let r = Rect::new(10.0, 10.0, 20.0, 10.0);
        let p = Point::new;
        assert!(segment_hits_rect(p(0.0, 15.0), p(40.0, 15.0), &r));
        assert!(
            segment_hits_rect(p(15.0, 12.0), p(16.0, 13.0), &r),
            "inside"
        );
        assert!(
            !segment_hits_rect(p(0.0, 10.0), p(40.0, 10.0), &r),
            "along the top"
        );
        assert!(
            !segment_hits_rect(p(20.0, 20.0), p(20.0, 40.0), &r),
            "from the border out"
        );
        assert!(
            !segment_hits_rect(p(0.0, 0.0), p(10.0, 10.0), &r),
            "to a corner"
        );
        assert!(!segment_hits_rect(p(0.0, 30.0), p(40.0, 25.0), &r), "below");
    }

    #[test]
    fn crossing_needs_a_point_inside_both_segments() {
        let p = Point::new;
        assert!(segments_cross(
            p(0.0, 0.0),
            p(10.0, 10.0),
            p(0.0, 10.0),
            p(10.0, 0.0)
        ));
        assert!(!segments_cross(
            p(0.0, 0.0),
            p(10.0, 10.0),
            p(10.0, 10.0),
            p(20.0, 0.0)
        ));
        assert!(!segments_cross(
            p(0.0, 0.0),
            p(10.0, 0.0),
            p(5.0, 0.0),
            p(15.0, 0.0)
        ));
        assert!(!segments_cross(
            p(0.0, 0.0),
            p(10.0, 10.0),
            p(6.0, 4.0),
            p(20.0, 0.0)
        ));
    }

    #[test]
    fn border_and_point_along() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(r.on_border(Point::new(10.0, 5.0), 0.01));
        assert!(!r.on_border(Point::new(5.0, 5.0), 0.01));
        assert!(!r.on_border(Point::new(10.0, 12.0), 0.01));
        let line = [
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
        ];
        assert_eq!(point_along(&line, 0.75), Point::new(10.0, 5.0));
        assert_eq!(point_along(&line, 1.0), Point::new(10.0, 10.0));
    }
}
