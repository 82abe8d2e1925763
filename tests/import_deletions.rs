//! Deletions that come with a file (issue 19): stated in the preview, held
//! to the editor's rule (a record live records refer to is not deleted),
//! confirmed above a threshold, and every one of them can be undone — one
//! record at a time, all at once, or by undoing the import.

use samverkan::exchange::{
    changed_records, merge, undo_import, DeletionReview, ImportUndo, CONFIRM_ABOVE,
};
use samverkan::model::*;
use serde_json::json;

fn stamp(copy: &str) -> ChangeStamp {
    ChangeStamp {
        copy_id: copy.into(),
        writer: None,
        organisation: None,
        person: None,
        at: "2026-12-07T10:00:00Z".into(),
    }
}

fn seed() -> Dataset {
    samverkan::seed::built_in().unwrap()
}

/// `data` with the records `which` picks (by kind and id) deleted by
/// another copy, as a hostile or mistaken file would have them.
fn deleting(data: &Dataset, which: impl Fn(&str, &str) -> bool) -> Dataset {
    let mut json = serde_json::to_value(data).unwrap();
    for (kind, records) in json.as_object_mut().unwrap() {
        let Some(records) = records.as_array_mut() else {
            continue;
        };
        for record in records {
            let id = record["id"].as_str().unwrap().to_owned();
            if !which(kind, &id) {
                continue;
            }
            let meta = record.get("meta").cloned().unwrap_or(json!({}));
            let mut meta: RecordMeta = serde_json::from_value(meta).unwrap();
            meta.deleted = true;
            meta.touch_fields(stamp("other"), &["deleted"]);
            record["meta"] = serde_json::to_value(meta).unwrap();
        }
    }
    serde_json::from_value(json).unwrap()
}

fn live_count(data: &Dataset) -> usize {
    data.record_metas().filter(|(_, _, m)| !m.deleted).count()
}

fn reference(kind: &str, id: &str) -> RecordRef {
    RecordRef::new(RecordKind::from_field(kind).expect("a known kind"), id)
}

#[test]
fn a_file_deleting_everything_is_stated_and_needs_a_confirmation() {
    let local = seed();
    let file = deleting(&local, |_, _| true);
    let merged = merge(&local, &file).unwrap();
    let review = DeletionReview::of(&local, &merged);
    assert_eq!(review.deleted.len(), live_count(&local));
    assert!(review.refused.is_empty(), "{:?}", review.refused);
    assert!(review.weighty);
    assert!(review.needs_confirmation());
    // Kinds in the order they depend on each other: counties before bodies.
    let first_county = review
        .deleted
        .iter()
        .position(|r| r.kind == RecordKind::Counties);
    let first_body = review
        .deleted
        .iter()
        .position(|r| r.kind == RecordKind::Bodies);
    assert!(first_county < first_body);
}

#[test]
fn a_few_deletions_of_plain_records_need_no_confirmation() {
    let local = seed();
    let relations: Vec<String> = local.relations.iter().map(|r| r.id.to_string()).collect();
    assert!(
        relations.len() > CONFIRM_ABOVE,
        "the seed has enough relations"
    );
    let review_of = |n: usize| {
        let file = deleting(&local, |kind, id| {
            kind == "relations" && relations[..n].iter().any(|r| r == id)
        });
        DeletionReview::of(&local, &merge(&local, &file).unwrap())
    };
    let few = review_of(CONFIRM_ABOVE);
    assert_eq!(few.deleted.len(), CONFIRM_ABOVE);
    assert!(!few.weighty && !few.needs_confirmation());
    let many = review_of(CONFIRM_ABOVE + 1);
    assert!(many.needs_confirmation());
}

#[test]
fn one_county_deleted_is_weighty() {
    let mut local = seed();
    // A county nothing refers to (a copy may hold one).
    let mut lonely = local.counties[0].clone();
    lonely.id = CountyId::new("tom");
    lonely.meta = RecordMeta::default();
    local.counties.push(lonely);
    let file = deleting(&local, |kind, id| kind == "counties" && id == "tom");
    let review = DeletionReview::of(&local, &merge(&local, &file).unwrap());
    assert_eq!(review.deleted, vec![reference("counties", "tom")]);
    assert!(review.refused.is_empty());
    assert!(review.needs_confirmation());
}

#[test]
fn a_county_live_records_refer_to_is_not_deleted_and_stays_live_after_the_file_again() {
    let local = seed();
    let file = deleting(&local, |kind, id| kind == "counties" && id == "nb");
    let mut merged = merge(&local, &file).unwrap();
    let review = DeletionReview::of(&local, &merged);
    assert!(review.deleted.is_empty());
    assert_eq!(review.refused.len(), 1);
    let refused = &review.refused[0];
    assert_eq!(refused.record, reference("counties", "nb"));
    assert!(refused
        .referrers
        .iter()
        .any(|r| r.kind == RecordKind::Bodies));
    // Every referrer is live after the merge.
    let live: Vec<RecordRef> = merged
        .record_metas()
        .filter(|(_, _, m)| !m.deleted)
        .map(|(k, id, _)| RecordRef::new(k, id))
        .collect();
    assert!(refused.referrers.iter().all(|r| live.contains(r)));

    let changes = review.keep_refused(&mut merged, &stamp("here")).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].action, ChangeAction::Undeleted);
    assert!(merged.county(&CountyId::new("nb")).is_some());
    // The same file again cannot delete it: this copy's "live" is newer.
    let again = merge(&merged, &file).unwrap();
    assert!(again.county(&CountyId::new("nb")).is_some());
    assert!(DeletionReview::of(&merged, &again).refused.is_empty());
}

#[test]
fn a_refused_deletion_keeps_what_the_kept_record_refers_to() {
    let local = seed();
    // Everything deleted but one § of adjusted minutes: its meeting, the
    // meeting's body, that body's county … stay, each named with why.
    let kept = local
        .paragraphs
        .iter()
        .find(|p| {
            local
                .meeting(&p.meeting)
                .is_some_and(|m| matches!(m.minutes, MinutesState::Adjusted { .. }))
        })
        .unwrap()
        .clone();
    let meeting = local.meeting(&kept.meeting).unwrap().clone();
    let file = deleting(&local, |kind, id| {
        !(kind == "paragraphs" && id == kept.id.as_str())
    });
    let mut merged = merge(&local, &file).unwrap();
    let review = DeletionReview::of(&local, &merged);
    let refused = |kind: &str, id: &str| {
        review
            .refused
            .iter()
            .find(|r| r.record == reference(kind, id))
            .unwrap_or_else(|| panic!("{kind} {id} refused"))
            .referrers
            .clone()
    };
    assert_eq!(
        refused("meetings", meeting.id.as_str()),
        vec![reference("paragraphs", kept.id.as_str())]
    );
    assert!(refused("bodies", meeting.body.as_str())
        .contains(&reference("meetings", meeting.id.as_str())));
    assert!(!review.deleted.is_empty());

    review.keep_refused(&mut merged, &stamp("here")).unwrap();
    assert!(merged.meeting(&meeting.id).is_some());
    assert!(merged.body(&meeting.body).is_some());
    assert!(merged.check_references().is_clean());
    // Nothing live refers to a deleted record.
    let deleted = merged.deleted_records();
    let users = merged.referrers_of(&deleted, |_, is_deleted| !is_deleted);
    assert!(users.is_empty(), "{users:?}");
}

#[test]
fn after_a_file_deleted_everything_every_record_can_be_restored() {
    let local = seed();
    let file = deleting(&local, |_, _| true);
    let mut data = merge(&local, &file).unwrap();
    assert_eq!(live_count(&data), 0);

    // One at a time, a § of adjusted minutes needs its meeting first, the
    // meeting its body, the body its county; the message says which.
    let paragraph = local
        .paragraphs
        .iter()
        .find(|p| {
            local
                .meeting(&p.meeting)
                .is_some_and(|m| matches!(m.minutes, MinutesState::Adjusted { .. }))
        })
        .unwrap();
    let meeting = local.meeting(&paragraph.meeting).unwrap();
    let error = data
        .undelete(
            &reference("paragraphs", paragraph.id.as_str()),
            stamp("here"),
        )
        .unwrap_err();
    assert!(error.to_string().contains(meeting.id.as_str()), "{error}");

    let (changes, refused) = data.undelete_all(&stamp("here"));
    assert!(refused.is_empty(), "{refused:?}");
    assert_eq!(changes.len(), live_count(&local));
    assert_eq!(live_count(&data), live_count(&local));
    assert!(data.county(&CountyId::new("nb")).is_some());
    assert!(data
        .meeting(&meeting.id)
        .is_some_and(|m| matches!(m.minutes, MinutesState::Adjusted { .. })));
    // Only the tombstones changed: every record's fields are as before.
    for (kind, id, _) in local.record_metas() {
        let fields = |d: &Dataset| {
            let json = serde_json::to_value(d).unwrap();
            let mut record = json[kind.field()]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == id)
                .unwrap()
                .clone();
            record.as_object_mut().unwrap().remove("meta");
            record
        };
        assert_eq!(fields(&local), fields(&data), "{kind} {id}");
    }
    // And the restoration wins over the file's deletion when the file comes again.
    let again = merge(&data, &file).unwrap();
    assert_eq!(live_count(&again), live_count(&local));
}

#[test]
fn an_adjusted_meeting_deleted_by_a_file_can_be_restored_by_itself() {
    let local = seed();
    let meeting = local
        .meetings
        .iter()
        .find(|m| matches!(m.minutes, MinutesState::Adjusted { .. }))
        .unwrap()
        .clone();
    let file = deleting(&local, |kind, id| {
        kind == "meetings" && id == meeting.id.as_str()
    });
    let mut data = merge(&local, &file).unwrap();
    assert!(data.meeting(&meeting.id).is_none());
    assert!(data
        .deleted_records()
        .contains(&reference("meetings", meeting.id.as_str())));
    let change = data
        .undelete(&reference("meetings", meeting.id.as_str()), stamp("here"))
        .unwrap();
    assert_eq!(change.action, ChangeAction::Undeleted);
    assert!(data.meeting(&meeting.id).is_some());
}

#[test]
fn undoing_an_import_brings_back_what_it_deleted() {
    let local = seed();
    let file = deleting(&local, |_, _| true);
    let mut data = merge(&local, &file).unwrap();
    let undo = ImportUndo {
        before: local.clone(),
        after: changed_records(&local, &data),
    };
    let changes = undo_import(&mut data, &undo, &stamp("here")).unwrap();
    assert_eq!(changes.len(), live_count(&local));
    assert_eq!(live_count(&data), live_count(&local));
    assert!(data.county(&CountyId::new("nb")).is_some());
}
