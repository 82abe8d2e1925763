//! The part of the diagram on screen: a `viewBox`, and how pan, zoom and
//! fit change it. Pure arithmetic, so it is tested natively; the canvas
//! feeds it pointer positions in CSS pixels.
//!
//! The SVG element shows its `viewBox` with `preserveAspectRatio="xMidYMid
//! meet"`: scaled uniformly to fit the element and centred in it. Every
//! mapping between screen and diagram here follows that rule, so it holds
//! whatever the element's shape.

use crate::diagram::{Point, Rect};

/// Screen pixels per diagram unit are kept within these bounds.
pub const MIN_SCALE: f64 = 0.15;
pub const MAX_SCALE: f64 = 5.0;
/// One press of "Zooma in" or "Zooma ut".
pub const ZOOM_STEP: f64 = 1.25;
/// A double tap zooms in this much.
pub const DOUBLE_TAP_ZOOM: f64 = 1.6;
/// Fitting never enlarges the drawing more than this: a small structure on
/// a large screen stays at a natural size.
const FIT_MAX_SCALE: f64 = 1.4;
/// Room around the drawing when fitted.
const FIT_MARGIN: f64 = 8.0;

/// Where the SVG element is on screen, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl Screen {
    pub fn is_empty(&self) -> bool {
        !(self.width > 0.0 && self.height > 0.0)
    }

    pub fn centre(&self) -> Point {
        Point::new(self.left + self.width / 2.0, self.top + self.height / 2.0)
    }
}

/// The SVG `viewBox`: the diagram rectangle mapped onto the element.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl ViewBox {
    /// The value of the `viewBox` attribute.
    pub fn attribute(&self) -> String {
        let r = |v: f64| (v * 100.0).round() / 100.0;
        format!("{} {} {} {}", r(self.x), r(self.y), r(self.w), r(self.h))
    }

    /// Screen pixels per diagram unit on `screen`.
    pub fn scale(&self, screen: Screen) -> f64 {
        if screen.is_empty() || self.w <= 0.0 || self.h <= 0.0 {
            return 1.0;
        }
        (screen.width / self.w).min(screen.height / self.h)
    }

    /// Where the viewBox's top-left corner lands on screen (the letterbox
    /// offset of "meet").
    fn origin(&self, screen: Screen) -> Point {
        let s = self.scale(screen);
        Point::new(
            screen.left + (screen.width - self.w * s) / 2.0,
            screen.top + (screen.height - self.h * s) / 2.0,
        )
    }

    /// The diagram point under the screen point `client`.
    pub fn diagram_point(&self, screen: Screen, client: Point) -> Point {
        let s = self.scale(screen);
        let o = self.origin(screen);
        Point::new(self.x + (client.x - o.x) / s, self.y + (client.y - o.y) / s)
    }

    /// The screen point showing the diagram point `p`.
    pub fn screen_point(&self, screen: Screen, p: Point) -> Point {
        let s = self.scale(screen);
        let o = self.origin(screen);
        Point::new(o.x + (p.x - self.x) * s, o.y + (p.y - self.y) * s)
    }

    /// The whole of `content`, as large as fits `screen` (up to a natural
    /// size) and centred. Without a screen size, just the content.
    pub fn fit(content: Rect, screen: Screen) -> ViewBox {
        let c = content.inflate(FIT_MARGIN);
        if screen.is_empty() || c.w <= 0.0 || c.h <= 0.0 {
            return ViewBox {
                x: c.x,
                y: c.y,
                w: c.w.max(1.0),
                h: c.h.max(1.0),
            };
        }
        let scale = (screen.width / c.w)
            .min(screen.height / c.h)
            .clamp(MIN_SCALE, FIT_MAX_SCALE);
        let (w, h) = (screen.width / scale, screen.height / scale);
        let centre = c.centre();
        ViewBox {
            x: centre.x - w / 2.0,
            y: centre.y - h / 2.0,
            w,
            h,
        }
    }

    /// Zoomed by `factor` (> 1 closer) so that the diagram point `focus`
    /// stays where it is on screen; the scale stays within bounds.
    pub fn zoom_at(&self, focus: Point, factor: f64, screen: Screen) -> ViewBox {
        if !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let scale = self.scale(screen);
        let factor = (scale * factor).clamp(MIN_SCALE, MAX_SCALE) / scale;
        let (w, h) = (self.w / factor, self.h / factor);
        ViewBox {
            x: focus.x - (focus.x - self.x) / factor,
            y: focus.y - (focus.y - self.y) / factor,
            w,
            h,
        }
    }

    /// Zoomed by `factor` about the middle of the view.
    pub fn zoom(&self, factor: f64, screen: Screen) -> ViewBox {
        let centre = Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0);
        self.zoom_at(centre, factor, screen)
    }

    /// Moved with a finger that moved by (`dx`, `dy`) screen pixels: the
    /// drawing follows the finger.
    pub fn pan_by(&self, dx: f64, dy: f64, screen: Screen) -> ViewBox {
        let s = self.scale(screen);
        ViewBox {
            x: self.x - dx / s,
            y: self.y - dy / s,
            ..*self
        }
    }

    /// Moved so that the diagram point `p` shows at the screen point `at`,
    /// at the same scale.
    pub fn put(&self, p: Point, at: Point, screen: Screen) -> ViewBox {
        let now = self.screen_point(screen, p);
        self.pan_by(at.x - now.x, at.y - now.y, screen)
    }

    /// Moved, if need be, so that `target` (diagram units) shows inside the
    /// `visible` part of the screen (the part no panel covers); centred
    /// there when it was not fully inside.
    pub fn reveal(&self, target: Rect, screen: Screen, visible: Screen) -> ViewBox {
        let top_left = self.screen_point(screen, Point::new(target.x, target.y));
        let bottom_right = self.screen_point(screen, Point::new(target.right(), target.bottom()));
        let inside = top_left.x >= visible.left
            && top_left.y >= visible.top
            && bottom_right.x <= visible.left + visible.width
            && bottom_right.y <= visible.top + visible.height;
        if inside {
            *self
        } else {
            self.put(target.centre(), visible.centre(), screen)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: Screen = Screen {
        left: 10.0,
        top: 100.0,
        width: 800.0,
        height: 400.0,
    };

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    fn close_points(a: Point, b: Point) -> bool {
        close(a.x, b.x) && close(a.y, b.y)
    }

    #[test]
    fn screen_and_diagram_map_both_ways_with_letterboxing() {
        // A square view on a wide screen: scale 1, 200 px bars left and right.
        let view = ViewBox {
            x: 0.0,
            y: 0.0,
            w: 400.0,
            h: 400.0,
        };
        assert!(close(view.scale(SCREEN), 1.0));
        let p = view.diagram_point(SCREEN, Point::new(210.0, 100.0));
        assert!(close_points(p, Point::new(0.0, 0.0)), "{p:?}");
        let q = Point::new(123.0, 45.0);
        assert!(close_points(
            view.diagram_point(SCREEN, view.screen_point(SCREEN, q)),
            q
        ));
    }

    #[test]
    fn fit_shows_everything_centred_and_keeps_the_screen_shape() {
        let content = Rect::new(0.0, 0.0, 600.0, 800.0);
        let view = ViewBox::fit(content, SCREEN);
        assert!(close(view.w / view.h, 2.0), "same shape as the screen");
        assert!(view.x <= 0.0 && view.y <= 0.0);
        assert!(view.x + view.w >= 600.0 && view.y + view.h >= 800.0);
        let centre = Point::new(view.x + view.w / 2.0, view.y + view.h / 2.0);
        assert!(close_points(centre, Point::new(300.0, 400.0)));
    }

    #[test]
    fn fit_does_not_blow_a_small_drawing_up() {
        let view = ViewBox::fit(Rect::new(0.0, 0.0, 100.0, 50.0), SCREEN);
        assert!(close(view.scale(SCREEN), FIT_MAX_SCALE));
        let no_size = ViewBox::fit(
            Rect::new(0.0, 0.0, 100.0, 50.0),
            Screen {
                left: 0.0,
                top: 0.0,
                width: 0.0,
                height: 0.0,
            },
        );
        assert!(close(no_size.w, 100.0 + 2.0 * FIT_MARGIN));
    }

    #[test]
    fn zooming_keeps_the_focus_in_place_and_stays_within_bounds() {
        let view = ViewBox::fit(Rect::new(0.0, 0.0, 600.0, 300.0), SCREEN);
        let focus = Point::new(150.0, 80.0);
        let before = view.screen_point(SCREEN, focus);
        let zoomed = view.zoom_at(focus, 2.0, SCREEN);
        assert!(close(zoomed.scale(SCREEN), view.scale(SCREEN) * 2.0));
        assert!(close_points(zoomed.screen_point(SCREEN, focus), before));

        let far_in = (0..40).fold(view, |v, _| v.zoom(ZOOM_STEP, SCREEN));
        assert!(close(far_in.scale(SCREEN), MAX_SCALE));
        let far_out = (0..40).fold(view, |v, _| v.zoom(1.0 / ZOOM_STEP, SCREEN));
        assert!(close(far_out.scale(SCREEN), MIN_SCALE));
        assert_eq!(view.zoom(f64::NAN, SCREEN), view);
    }

    #[test]
    fn panning_follows_the_finger() {
        let view = ViewBox::fit(Rect::new(0.0, 0.0, 600.0, 300.0), SCREEN);
        let p = Point::new(100.0, 100.0);
        let before = view.screen_point(SCREEN, p);
        let moved = view.pan_by(30.0, -20.0, SCREEN);
        let after = moved.screen_point(SCREEN, p);
        assert!(close(after.x - before.x, 30.0) && close(after.y - before.y, -20.0));
    }

    #[test]
    fn reveal_centres_a_hidden_target_in_the_visible_part() {
        let view = ViewBox {
            x: 0.0,
            y: 0.0,
            w: 800.0,
            h: 400.0,
        };
        // A panel covers the right half of the screen.
        let visible = Screen {
            width: 400.0,
            ..SCREEN
        };
        let shown = Rect::new(50.0, 50.0, 100.0, 40.0);
        assert_eq!(view.reveal(shown, SCREEN, visible), view);
        let covered = Rect::new(600.0, 200.0, 100.0, 40.0);
        let moved = view.reveal(covered, SCREEN, visible);
        assert!(close_points(
            moved.screen_point(SCREEN, covered.centre()),
            visible.centre()
        ));
    }
}
