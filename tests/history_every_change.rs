//! One path for every change: planning and cancelling a meeting, recording
//! a review, setting a rotation start, placing and resetting a body in the
//! diagram and resolving a conflict each return a `Change` that the app
//! keeps in the history (as `Repo::edit` does: `History::keep_by` with the
//! stamp), with the fields' values before and after; `undo_last` takes it
//! back and the record is as it was.

use chrono::NaiveDate;
use samverkan::exchange::{conflicts, merge, resolve_conflict};
use samverkan::model::*;
use serde_json::Value;

const BODY: &str = "nb-psb";

fn stamp(at: &str) -> ChangeStamp {
    ChangeStamp {
        copy_id: "c".into(),
        writer: None,
        organisation: Some("Region Norrbotten".into()),
        person: Some("Test Testsson".into()),
        at: format!("2026-11-22T10:00:{at}Z"),
    }
}

fn seed() -> Dataset {
    samverkan::seed::built_in().unwrap()
}

/// Keeps `change` as the app does and checks the entry: attributed, with
/// at least one field whose value changed.
fn keep(history: &mut History, change: Change, at: &str) -> HistoryEntry {
    let id = history.keep_by("tab", change, stamp(at), None);
    let entry = history.entries.iter().find(|e| e.id == id).unwrap().clone();
    assert_eq!(entry.stamp, stamp(at));
    assert!(
        entry.fields.iter().any(|f| f.before != f.after),
        "{entry:?}"
    );
    entry
}

/// Undoes the latest change as the app does (the undo is kept too).
fn undo(data: &mut Dataset, history: &mut History, at: &str) -> Change {
    let (change, undone) = data.undo_last(history, stamp(at)).unwrap();
    history.keep_by("tab", change.clone(), stamp(at), Some(undone));
    change
}

fn fields_of(data: &Dataset, record: &RecordRef) -> Value {
    let all = serde_json::to_value(data).unwrap();
    let found = all[record.kind.field()]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == record.id.as_str())
        .cloned()
        .unwrap_or(Value::Null);
    record_fields(&found)
}

fn planned() -> PlannedMeeting {
    PlannedMeeting {
        body: BodyId::new(BODY),
        date: NaiveDate::from_ymd_opt(2027, 3, 1),
        start: None,
        place: "Luleå".into(),
        kind: MeetingKind::Ordinary,
    }
}

#[test]
fn planning_a_meeting_is_kept_and_undone() {
    let mut data = seed();
    let mut history = History::default();
    let id = MeetingId::new("m1");
    let change = data
        .plan_meeting(planned(), id.clone(), stamp("01"))
        .unwrap();
    let entry = keep(&mut history, change, "01");
    assert_eq!(entry.action, ChangeAction::Created);
    assert_eq!(entry.record.kind, RecordKind::Meetings);
    assert!(entry.fields.iter().any(|f| f.field == "place"));
    undo(&mut data, &mut history, "02");
    assert!(data.meeting(&id).is_none());
    assert!(history.last_undoable("c").is_none());
}

#[test]
fn cancelling_a_planned_meeting_is_kept_and_undone() {
    let mut data = seed();
    let mut history = History::default();
    let id = MeetingId::new("m1");
    let planned = data
        .plan_meeting(planned(), id.clone(), stamp("01"))
        .unwrap();
    keep(&mut history, planned, "01");
    let before = data.meeting(&id).unwrap().clone();
    let change = data
        .cancel_planned_meeting(&id, stamp("02"))
        .unwrap()
        .unwrap();
    let entry = keep(&mut history, change, "02");
    assert_eq!(entry.action, ChangeAction::Deleted);
    assert!(data.meeting(&id).is_none());
    undo(&mut data, &mut history, "03");
    assert_eq!(
        record_fields(data.meeting(&id).unwrap()),
        record_fields(&before)
    );
}

#[test]
fn recording_a_review_is_kept_and_undone() {
    let mut data = seed();
    let mut history = History::default();
    let body = BodyId::new("vb-beredning-barn-unga");
    let before = record_fields(data.body(&body).unwrap());
    let date = NaiveDate::from_ymd_opt(2024, 10, 1).unwrap();
    let change = data
        .record_review(&body, 0, date, stamp("01"))
        .unwrap()
        .unwrap();
    let entry = keep(&mut history, change, "01");
    assert_eq!(
        entry
            .fields
            .iter()
            .map(|f| f.field.as_str())
            .collect::<Vec<_>>(),
        ["reviews"]
    );
    assert_ne!(record_fields(data.body(&body).unwrap()), before);
    undo(&mut data, &mut history, "02");
    assert_eq!(record_fields(data.body(&body).unwrap()), before);
}

#[test]
fn setting_a_rotation_start_is_kept_and_undone() {
    let mut data = seed();
    let mut history = History::default();
    let body = BodyId::new("vb-samrad");
    let index = data
        .body(&body)
        .unwrap()
        .offices
        .iter()
        .position(|o| o.rotation.is_some())
        .unwrap();
    let before = record_fields(data.body(&body).unwrap());
    let start = RotationStart {
        year: 2021,
        party: RotationParty::Organisation(OrganisationId::new("region-vb")),
    };
    let change = data
        .set_rotation_start(&body, index, start, stamp("01"))
        .unwrap()
        .unwrap();
    keep(&mut history, change, "01");
    undo(&mut data, &mut history, "02");
    assert_eq!(record_fields(data.body(&body).unwrap()), before);
}

#[test]
fn placing_and_moving_a_body_are_kept_and_undone() {
    let mut data = seed();
    let mut history = History::default();
    let body = BodyId::new(BODY);
    let placed = data.place_body(&body, 10.0, 20.0, stamp("01")).unwrap();
    let entry = keep(&mut history, placed.unwrap(), "01");
    assert_eq!(entry.record.kind, RecordKind::Positions);
    let moved = data.place_body(&body, 30.0, 20.0, stamp("02")).unwrap();
    let entry = keep(&mut history, moved.unwrap(), "02");
    let x = entry.fields.iter().find(|f| f.field == "x").unwrap();
    assert_eq!(
        (x.before.as_f64(), x.after.as_f64()),
        (Some(10.0), Some(30.0))
    );
    undo(&mut data, &mut history, "03");
    assert_eq!(data.position_of(&body), Some((10.0, 20.0)));
    undo(&mut data, &mut history, "04");
    assert_eq!(data.position_of(&body), None);
}

#[test]
fn resetting_positions_is_kept_per_body_and_undone() {
    let mut data = seed();
    let mut history = History::default();
    let bodies = [BodyId::new(BODY), data.bodies[1].id.clone()];
    for (i, body) in bodies.iter().enumerate() {
        let placed = data.place_body(body, 5.0, 5.0 + i as f64, stamp("01"));
        keep(&mut history, placed.unwrap().unwrap(), "01");
    }
    let changes = data.reset_positions(&bodies, stamp("02"));
    assert_eq!(changes.len(), 2);
    for change in changes {
        let entry = keep(&mut history, change, "02");
        assert_eq!(entry.action, ChangeAction::Deleted);
    }
    assert_eq!(data.position_of(&bodies[0]), None);
    undo(&mut data, &mut history, "03");
    undo(&mut data, &mut history, "04");
    assert_eq!(data.position_of(&bodies[0]), Some((5.0, 5.0)));
    assert_eq!(data.position_of(&bodies[1]), Some((5.0, 6.0)));
}

#[test]
fn resolving_a_conflict_is_kept_and_undone() {
    let base = seed();
    let id = BodyId::new(BODY);
    let rename = |data: &mut Dataset, name: &str, copy: &str, at: &str| {
        let basics = BodyBasics {
            name: name.into(),
            short_name: None,
        };
        let stamp = ChangeStamp {
            copy_id: copy.into(),
            ..stamp(at)
        };
        data.update_body_basics(&id, basics, stamp).unwrap();
    };
    let (mut a, mut b) = (base.clone(), base.clone());
    rename(&mut a, "Namn A", "a", "01");
    rename(&mut b, "Namn B", "b", "02");
    let mut data = merge(&a, &b).unwrap();
    let conflict = conflicts(&data).remove(0);
    let current = data.body(&id).unwrap().name.clone();
    let other = if current == "Namn A" {
        "Namn B"
    } else {
        "Namn A"
    };
    let record = conflict.record.clone();
    let before = fields_of(&data, &record);

    let mut history = History::default();
    let change = resolve_conflict(
        &mut data,
        &record,
        "name",
        None,
        &Value::from(other),
        stamp("03"),
    )
    .unwrap();
    let entry = keep(&mut history, change, "03");
    assert_eq!(entry.fields.len(), 1);
    assert_eq!(entry.fields[0].before, Value::from(current.as_str()));
    assert_eq!(entry.fields[0].after, Value::from(other));
    assert!(conflicts(&data).is_empty());
    undo(&mut data, &mut history, "04");
    assert_eq!(fields_of(&data, &record), before);
}

#[test]
fn keeping_the_current_value_is_listed_but_leaves_nothing_to_undo() {
    let mut data = seed();
    let body = data.bodies[0].id.clone();
    let record = RecordRef {
        kind: RecordKind::Bodies,
        id: body.to_string(),
    };
    let name = Value::from(data.bodies[0].name.clone());
    let change = resolve_conflict(&mut data, &record, "name", None, &name, stamp("01")).unwrap();
    assert_eq!(change.fields.len(), 1);
    assert_eq!(change.fields[0].before, change.fields[0].after);
    let mut history = History::default();
    history.keep_by("tab", change, stamp("01"), None);
    assert!(history.last_undoable("c").is_none());
}
