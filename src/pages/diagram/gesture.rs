//! What the pointers on the canvas mean: a tap, a pan, a drag of a body, a
//! pinch, a double tap. Pure: the canvas feeds in pointer events (screen
//! pixels, milliseconds) and carries out the [`Action`]s that come back.

use crate::diagram::Point;
use crate::model::BodyId;

/// A press becomes a pan or a drag only after moving this far (CSS px), so
/// that a tap with a finger that wobbles a little still chooses a body.
pub const DRAG_THRESHOLD: f64 = 6.0;
/// Two taps this close in time (ms) and place (px) are a double tap.
const DOUBLE_TAP_MS: f64 = 350.0;
const DOUBLE_TAP_DISTANCE: f64 = 30.0;

/// Something the canvas should do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Keep getting this pointer's events when it leaves the canvas.
    Capture(i32),
    /// Move the drawing by this many screen pixels.
    Pan { dx: f64, dy: f64 },
    /// Move the drawing by (`dx`, `dy`) px, then scale it by `factor` about
    /// the screen point `at`.
    Pinch {
        factor: f64,
        at: Point,
        dx: f64,
        dy: f64,
    },
    /// Show `body` moved by (`dx`, `dy`) px from where it was pressed.
    Drag { body: BodyId, dx: f64, dy: f64 },
    /// Put `body` down moved by (`dx`, `dy`) px.
    Drop { body: BodyId, dx: f64, dy: f64 },
    /// Forget a drag in progress.
    CancelDrag,
    /// A tap at `at`, on `body` if on one; `double` when it is the second
    /// of a double tap.
    Tap {
        body: Option<BodyId>,
        at: Point,
        double: bool,
    },
}

#[derive(Clone, Debug, Default, PartialEq)]
enum Gesture {
    #[default]
    Idle,
    /// Down, not yet moved far enough to be a pan or a drag.
    Press {
        pointer: i32,
        start: Point,
        body: Option<BodyId>,
    },
    Pan {
        pointer: i32,
        last: Point,
    },
    Drag {
        pointer: i32,
        start: Point,
        body: BodyId,
    },
    /// Two pointers: their distance and midpoint at the last event.
    Pinch {
        distance: f64,
        middle: Point,
    },
}

/// The pointers that are down and what they are doing.
#[derive(Clone, Debug, Default)]
pub struct Gestures {
    down: Vec<(i32, Point)>,
    gesture: Gesture,
    last_tap: Option<(f64, Point)>,
}

fn middle(a: Point, b: Point) -> Point {
    Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0)
}

impl Gestures {
    /// A pointer went down at `at`, on `body` if on one.
    pub fn down(&mut self, pointer: i32, at: Point, body: Option<BodyId>) -> Vec<Action> {
        self.down.retain(|(p, _)| *p != pointer);
        self.down.push((pointer, at));
        match self.down.len() {
            1 => {
                self.gesture = Gesture::Press {
                    pointer,
                    start: at,
                    body,
                };
                Vec::new()
            }
            2 => {
                let mut actions = Vec::new();
                if matches!(self.gesture, Gesture::Drag { .. }) {
                    actions.push(Action::CancelDrag);
                }
                let (a, b) = (self.down[0].1, self.down[1].1);
                self.gesture = Gesture::Pinch {
                    distance: a.distance(b),
                    middle: middle(a, b),
                };
                actions.extend(self.down.iter().map(|(p, _)| Action::Capture(*p)));
                actions
            }
            _ => Vec::new(),
        }
    }

    /// A pointer moved to `at`.
    pub fn moved(&mut self, pointer: i32, at: Point) -> Vec<Action> {
        let Some(slot) = self.down.iter_mut().find(|(p, _)| *p == pointer) else {
            return Vec::new(); // hovering
        };
        slot.1 = at;
        let mut actions = Vec::new();
        if let Gesture::Press {
            pointer: p,
            start,
            body,
        } = &self.gesture
        {
            if *p != pointer || at.distance(*start) <= DRAG_THRESHOLD {
                return actions;
            }
            actions.push(Action::Capture(pointer));
            self.gesture = match body.clone() {
                Some(body) => Gesture::Drag {
                    pointer,
                    start: *start,
                    body,
                },
                None => Gesture::Pan {
                    pointer,
                    last: *start,
                },
            };
        }
        match &mut self.gesture {
            Gesture::Pan { pointer: p, last } if *p == pointer => {
                actions.push(Action::Pan {
                    dx: at.x - last.x,
                    dy: at.y - last.y,
                });
                *last = at;
            }
            Gesture::Drag {
                pointer: p,
                start,
                body,
            } if *p == pointer => actions.push(Action::Drag {
                body: body.clone(),
                dx: at.x - start.x,
                dy: at.y - start.y,
            }),
            Gesture::Pinch {
                distance,
                middle: m,
            } if self.down.len() >= 2 => {
                let (a, b) = (self.down[0].1, self.down[1].1);
                let (d, c) = (a.distance(b), middle(a, b));
                if *distance > 0.0 && d > 0.0 {
                    actions.push(Action::Pinch {
                        factor: d / *distance,
                        at: c,
                        dx: c.x - m.x,
                        dy: c.y - m.y,
                    });
                }
                *distance = d;
                *m = c;
            }
            _ => {}
        }
        actions
    }

    /// A pointer went up at `at`, at `time` (ms).
    pub fn up(&mut self, pointer: i32, at: Point, time: f64) -> Vec<Action> {
        if !self.down.iter().any(|(p, _)| *p == pointer) {
            return Vec::new();
        }
        self.down.retain(|(p, _)| *p != pointer);
        let gesture = std::mem::take(&mut self.gesture);
        match gesture {
            Gesture::Press {
                pointer: p, body, ..
            } if p == pointer => {
                let double = self.last_tap.is_some_and(|(t, place)| {
                    time - t <= DOUBLE_TAP_MS && place.distance(at) <= DOUBLE_TAP_DISTANCE
                });
                self.last_tap = if double { None } else { Some((time, at)) };
                vec![Action::Tap { body, at, double }]
            }
            Gesture::Drag {
                pointer: p,
                start,
                body,
            } if p == pointer => vec![Action::Drop {
                body,
                dx: at.x - start.x,
                dy: at.y - start.y,
            }],
            Gesture::Pinch { .. } => {
                // The finger left on the screen pans on from where it is.
                if let [(p, last)] = self.down[..] {
                    self.gesture = Gesture::Pan { pointer: p, last };
                }
                Vec::new()
            }
            other => {
                if !self.down.is_empty() {
                    self.gesture = other;
                }
                Vec::new()
            }
        }
    }

    /// The browser took a pointer away (a system gesture, a lost capture).
    pub fn cancel(&mut self, pointer: i32) -> Vec<Action> {
        if !self.down.iter().any(|(p, _)| *p == pointer) {
            return Vec::new();
        }
        self.down.retain(|(p, _)| *p != pointer);
        let was_dragging = matches!(self.gesture, Gesture::Drag { .. });
        self.gesture = match self.down[..] {
            [(p, last)] if matches!(self.gesture, Gesture::Pinch { .. }) => {
                Gesture::Pan { pointer: p, last }
            }
            _ => Gesture::Idle,
        };
        if was_dragging {
            vec![Action::CancelDrag]
        } else {
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    fn body() -> Option<BodyId> {
        Some(BodyId::new("vb-lsg"))
    }

    #[test]
    fn a_press_that_hardly_moves_is_a_tap_on_the_body() {
        let mut g = Gestures::default();
        assert!(g.down(1, p(100.0, 100.0), body()).is_empty());
        assert!(
            g.moved(1, p(103.0, 102.0)).is_empty(),
            "within the threshold"
        );
        assert_eq!(
            g.up(1, p(103.0, 102.0), 1000.0),
            [Action::Tap {
                body: body(),
                at: p(103.0, 102.0),
                double: false
            }]
        );
    }

    #[test]
    fn moving_a_body_drags_it_and_drops_it_where_it_was_let_go() {
        let mut g = Gestures::default();
        g.down(1, p(100.0, 100.0), body());
        let actions = g.moved(1, p(120.0, 90.0));
        assert_eq!(
            actions,
            [
                Action::Capture(1),
                Action::Drag {
                    body: body().unwrap(),
                    dx: 20.0,
                    dy: -10.0
                }
            ]
        );
        assert_eq!(
            g.up(1, p(150.0, 130.0), 1000.0),
            [Action::Drop {
                body: body().unwrap(),
                dx: 50.0,
                dy: 30.0
            }]
        );
    }

    #[test]
    fn moving_on_the_background_pans_step_by_step() {
        let mut g = Gestures::default();
        g.down(1, p(0.0, 0.0), None);
        assert_eq!(
            g.moved(1, p(10.0, 0.0)),
            [Action::Capture(1), Action::Pan { dx: 10.0, dy: 0.0 }]
        );
        assert_eq!(g.moved(1, p(15.0, 5.0)), [Action::Pan { dx: 5.0, dy: 5.0 }]);
        assert!(g.up(1, p(15.0, 5.0), 10.0).is_empty(), "a pan is no tap");
    }

    #[test]
    fn two_quick_taps_in_one_place_are_a_double_tap() {
        let mut g = Gestures::default();
        g.down(1, p(50.0, 50.0), None);
        g.up(1, p(50.0, 50.0), 1000.0);
        g.down(2, p(55.0, 52.0), None);
        let second = g.up(2, p(55.0, 52.0), 1200.0);
        assert!(matches!(second[..], [Action::Tap { double: true, .. }]));
        // A third tap starts over.
        g.down(3, p(55.0, 52.0), None);
        let third = g.up(3, p(55.0, 52.0), 1300.0);
        assert!(matches!(third[..], [Action::Tap { double: false, .. }]));
        // Too slow.
        g.down(4, p(55.0, 52.0), None);
        let late = g.up(4, p(55.0, 52.0), 2000.0);
        assert!(matches!(late[..], [Action::Tap { double: false, .. }]));
    }

    #[test]
    fn two_fingers_pinch_and_the_one_left_pans_on() {
        let mut g = Gestures::default();
        g.down(1, p(100.0, 100.0), body());
        let second = g.down(2, p(200.0, 100.0), None);
        assert_eq!(second, [Action::Capture(1), Action::Capture(2)]);
        let spread = g.moved(2, p(300.0, 100.0));
        match &spread[..] {
            [Action::Pinch { factor, at, dx, dy }] => {
                assert!((factor - 2.0).abs() < 1e-9);
                assert_eq!(*at, p(200.0, 100.0));
                assert_eq!((*dx, *dy), (50.0, 0.0));
            }
            other => panic!("{other:?}"),
        }
        assert!(g.up(2, p(300.0, 100.0), 10.0).is_empty(), "no tap, no drop");
        assert_eq!(
            g.moved(1, p(110.0, 100.0)),
            [Action::Pan { dx: 10.0, dy: 0.0 }]
        );
    }

    #[test]
    fn a_second_finger_during_a_drag_cancels_it() {
        let mut g = Gestures::default();
        g.down(1, p(0.0, 0.0), body());
        g.moved(1, p(20.0, 0.0));
        let actions = g.down(2, p(100.0, 0.0), None);
        assert_eq!(actions[0], Action::CancelDrag);
        let mut g = Gestures::default();
        g.down(1, p(0.0, 0.0), body());
        g.moved(1, p(20.0, 0.0));
        assert_eq!(g.cancel(1), [Action::CancelDrag]);
        assert!(g.up(1, p(20.0, 0.0), 0.0).is_empty());
    }

    #[test]
    fn hovering_does_nothing() {
        let mut g = Gestures::default();
        assert!(g.moved(7, p(1.0, 1.0)).is_empty());
        assert!(g.up(7, p(1.0, 1.0), 0.0).is_empty());
    }
}
