//! Where a person placed a body in the structure diagram, by hand. A record
//! like any other, so a placement travels in exchange files and merges; the
//! diagram falls back to the computed layout for bodies without one.

use serde::{Deserialize, Serialize};

use crate::i18n::{tf, Text};

use super::editing::touch_change;
use super::{
    record_fields, BodyId, Change, ChangeAction, ChangeStamp, Dataset, EditError, FieldError,
    PositionId, Record, RecordMeta,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BodyPosition {
    pub id: PositionId,
    #[serde(default)]
    pub meta: RecordMeta,
    pub body: BodyId,
    /// The box's top-left corner in diagram units.
    pub x: f64,
    pub y: f64,
}

impl BodyPosition {
    /// The one position record a body can have.
    pub fn id_for(body: &BodyId) -> PositionId {
        PositionId::new(format!("pos-{body}"))
    }
}

/// Positions outside this range are refused: they come from a bug or a
/// damaged file, not from dragging.
const LIMIT: f64 = 1.0e6;

/// Why (x, y) cannot be a place in the diagram, if it cannot.
pub(super) fn position_error(x: f64, y: f64) -> Option<FieldError> {
    (!(x.is_finite() && y.is_finite() && x.abs() < LIMIT && y.abs() < LIMIT)).then(|| {
        FieldError::new(
            "position",
            tf(Text::PositionOutside, &[&shown(x), &shown(y)]),
        )
    })
}

/// A coordinate as a message shows it: 1e308 as such, not in 309 digits.
fn shown(v: f64) -> String {
    if v.is_finite() && v.abs() < LIMIT {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

impl Dataset {
    /// The manual position of a body, if someone placed it.
    pub fn position_of(&self, body: &BodyId) -> Option<(f64, f64)> {
        self.positions
            .iter()
            .find(|p| &p.body == body && p.is_live())
            .map(|p| (p.x, p.y))
    }

    /// Places a body by hand at (x, y). Returns the change for the history,
    /// `None` when the body was already there.
    pub fn place_body(
        &mut self,
        body: &BodyId,
        x: f64,
        y: f64,
        stamp: ChangeStamp,
    ) -> Result<Option<Change>, EditError> {
        if let Some(error) = position_error(x, y) {
            return Err(EditError::Invalid {
                field: error.field,
                message: error.message,
            });
        }
        self.body(body)
            .ok_or_else(|| EditError::NotFound(body.to_string()))?;
        let (x, y) = (x.round(), y.round());
        let id = BodyPosition::id_for(body);
        let mut fresh = BodyPosition {
            id: id.clone(),
            meta: RecordMeta::default(),
            body: body.clone(),
            x,
            y,
        };
        let Some(existing) = self.positions.iter_mut().find(|p| p.id == id) else {
            fresh.meta.touch_fields(stamp, &["body", "x", "y"]);
            let change = Change::created(&fresh);
            self.positions.push(fresh);
            return Ok(Some(change));
        };
        let before = record_fields(existing);
        existing.x = x;
        existing.y = y;
        existing.meta.deleted = false;
        Ok(touch_change(
            existing,
            &before,
            ChangeAction::Changed,
            stamp,
        ))
    }

    /// Returns the bodies of `bodies` to their computed place: their
    /// positions become tombstones, so the reset travels too. One change
    /// per position reset.
    pub fn reset_positions(&mut self, bodies: &[BodyId], stamp: ChangeStamp) -> Vec<Change> {
        let mut changes = vec![];
        for position in self
            .positions
            .iter_mut()
            .filter(|p| p.is_live() && bodies.contains(&p.body))
        {
            let before = record_fields(position);
            position.meta.deleted = true;
            changes.extend(touch_change(
                position,
                &before,
                ChangeAction::Deleted,
                stamp.clone(),
            ));
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> ChangeStamp {
        ChangeStamp {
            copy_id: "a".into(),
            writer: None,
            organisation: None,
            person: None,
            at: "2026-11-23T10:00:00Z".into(),
        }
    }

    #[test]
    fn a_body_is_placed_moved_and_reset() {
        let mut data = crate::seed::built_in().unwrap();
        let body = data.bodies[0].id.clone();
        assert_eq!(data.position_of(&body), None);
        let placed = |r: Result<Option<Change>, EditError>| r.map(|c| c.map(|c| c.action));
        assert_eq!(
            placed(data.place_body(&body, 10.4, 20.0, stamp())),
            Ok(Some(ChangeAction::Created))
        );
        assert_eq!(data.position_of(&body), Some((10.0, 20.0)));
        assert_eq!(
            placed(data.place_body(&body, 10.0, 20.0, stamp())),
            Ok(None)
        );
        assert_eq!(
            placed(data.place_body(&body, 30.0, 20.0, stamp())),
            Ok(Some(ChangeAction::Changed))
        );
        assert_eq!(data.positions.len(), 1);
        assert!(data.positions[0].meta.fields.contains_key("x"));
        assert_eq!(
            data.reset_positions(std::slice::from_ref(&body), stamp())
                .len(),
            1
        );
        assert_eq!(data.position_of(&body), None);
        assert!(data.check_references().is_clean());
        assert_eq!(
            placed(data.place_body(&body, 5.0, 5.0, stamp())),
            Ok(Some(ChangeAction::Changed))
        );
        assert_eq!(data.position_of(&body), Some((5.0, 5.0)));
    }

    #[test]
    fn impossible_places_and_unknown_bodies_are_refused() {
        let mut data = crate::seed::built_in().unwrap();
        let body = data.bodies[0].id.clone();
        for (x, y) in [(f64::NAN, 0.0), (0.0, f64::INFINITY), (2.0e6, 0.0)] {
            assert!(data.place_body(&body, x, y, stamp()).is_err());
        }
        let unknown = BodyId::new("finns-inte");
        assert!(matches!(
            data.place_body(&unknown, 1.0, 1.0, stamp()),
            Err(EditError::NotFound(_))
        ));
        assert!(data.positions.is_empty());
    }
}
