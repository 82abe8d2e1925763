//! "Att göra" on fixed days: the chair rotation's state (met only when a
//! seat of the party whose turn it is covers the day), promised reports
//! (earlier years summarised, the § that is the report not overdue), and a
//! person's notes (handled with the § that dealt with it, dismissed with a
//! reason) — attributed, undoable, and travelling to another copy.

use chrono::NaiveDate;
use samverkan::exchange::merge;
use samverkan::model::*;
use samverkan::rules::due::{due_items, promise_key, DueItem, DueKind, Urgency};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn stamp(copy: &str, at: &str) -> ChangeStamp {
    ChangeStamp {
        copy_id: copy.into(),
        writer: None,
        organisation: Some("Region Norrbotten".into()),
        person: Some("Test Testsson".into()),
        at: format!("2026-11-22T10:00:{at}Z"),
    }
}

fn seed() -> Dataset {
    samverkan::seed::built_in().unwrap()
}

fn find<'a>(items: &'a [DueItem], title: &str, detail: &str) -> &'a DueItem {
    items
        .iter()
        .find(|i| i.title.contains(title) && i.detail.contains(detail))
        .unwrap_or_else(|| panic!("no item {title:?} / {detail:?}"))
}

const PSB_CHAIR: &str = "Politiska samverkansberedningen: ordförande";

#[test]
fn the_rotation_is_met_in_2021_and_needs_a_seat_in_2026() {
    let data = seed();
    let in_2021 = due_items(&data, date("2021-06-15"));
    let chair = find(&in_2021, PSB_CHAIR, "");
    assert_eq!(chair.urgency, Urgency::Done);
    assert_eq!(
        chair.detail,
        "Innehas av Region Norrbotten: Linda Frohm, Kristina Larsson."
    );
    let in_2026 = due_items(&data, date("2026-11-22"));
    let chair = find(&in_2026, PSB_CHAIR, "");
    assert_eq!(chair.urgency, Urgency::NeedsInput, "{}", chair.detail);
    assert!(
        chair.detail.starts_with("Tur: Norrbottens Kommuner."),
        "{}",
        chair.detail
    );
    assert!(!chair.detail.contains("Linda Frohm"));
}

#[test]
fn a_seat_of_the_party_in_turn_makes_the_rotation_met_and_fills_a_new_protokoll() {
    let mut data = seed();
    let psb = BodyId::new("nb-psb");
    assert_eq!(
        data.default_officers(&psb, date("2026-11-20")),
        (None, None)
    );
    assert_eq!(
        data.default_officers(&psb, date("2021-09-20")),
        (
            Some(PersonId::new("p-linda-frohm")),
            Some(PersonId::new("p-kristina-larsson"))
        )
    );
    let seat = |id: &str, person: &str, role| Membership {
        id: MembershipId::new(id),
        meta: RecordMeta::default(),
        person: PersonId::new(person),
        body: psb.clone(),
        role,
        representing: Some(OrganisationId::new("nb-kommuner")),
        from: Some(date("2026-01-01")),
        to: Some(date("2026-12-31")),
        note: None,
    };
    data.save(
        seat("s-ordf", "p-beatrice-oman", MembershipRole::Chair),
        stamp("c", "01"),
    )
    .unwrap();
    let chair = find(&due_items(&data, date("2026-11-22")), PSB_CHAIR, "").clone();
    // The secretary's office rotates with the chair: still one missing.
    assert_eq!(chair.urgency, Urgency::NeedsInput);
    assert!(chair.detail.contains("som sekreterare"), "{}", chair.detail);
    assert!(!chair.detail.contains("som ordförande"), "{}", chair.detail);
    data.save(
        seat("s-sekr", "p-anna-lundberg", MembershipRole::Secretary),
        stamp("c", "02"),
    )
    .unwrap();
    let chair = find(&due_items(&data, date("2026-11-22")), PSB_CHAIR, "").clone();
    assert_eq!(chair.urgency, Urgency::Done);
    assert!(chair.detail.contains("Beatrice"), "{}", chair.detail);
    let (chair, secretary) = data.default_officers(&psb, date("2026-11-20"));
    assert_eq!(chair, Some(PersonId::new("p-beatrice-oman")));
    assert_eq!(secretary, Some(PersonId::new("p-anna-lundberg")));
    // 2027 is the region's turn again: not met by the municipalities' seats.
    let next_year = due_items(&data, date("2027-02-01"));
    assert_eq!(find(&next_year, PSB_CHAIR, "").urgency, Urgency::NeedsInput);
    assert_eq!(
        data.default_officers(&psb, date("2027-02-01")),
        (None, None)
    );
}

fn promise<'a>(items: &'a [DueItem], text: &str) -> &'a DueItem {
    items
        .iter()
        .find(|i| i.kind == DueKind::Promise && i.detail.contains(text))
        .unwrap_or_else(|| panic!("no promise {text:?}"))
}

#[test]
fn promises_of_2021_on_fixed_days() {
    let data = seed();
    // In 2021 they are current.
    let autumn = due_items(&data, date("2021-10-15"));
    let profile = promise(&autumn, "grafiska profil");
    assert_eq!(profile.urgency, Urgency::Overdue);
    assert!(!profile.is_earlier(date("2021-10-15")));
    // The § of 2021-05-27 that *is* the report promised for that meeting.
    let report = promise(&autumn, "Utredningen ska rapporteras");
    assert_eq!(report.urgency, Urgency::Done);
    assert_eq!(
        report.detail.rsplit(" – ").next(),
        Some("Återrapporteringen är denna § (vid sammanträdet den gällde).")
    );
    // In 2026 every 2021 promise is an earlier year's, none current, and
    // the report is still not overdue.
    let today = date("2026-11-22");
    let now = due_items(&data, today);
    let promises: Vec<&DueItem> = now.iter().filter(|i| i.kind == DueKind::Promise).collect();
    assert!(promises.len() >= 5, "{}", promises.len());
    for item in &promises {
        assert_eq!(item.year, Some(2021), "{}", item.detail);
        assert!(item.is_earlier(today), "{}", item.detail);
    }
    // Last year's meeting minimum is summarised too; this year's is current.
    let minimum = |year: &str| {
        now.iter()
            .find(|i| i.kind == DueKind::Meetings && i.detail.starts_with(year))
            .unwrap()
    };
    assert!(minimum("2025").is_earlier(today));
    assert!(!minimum("2026").is_earlier(today));
    assert_eq!(
        promise(&now, "Utredningen ska rapporteras").urgency,
        Urgency::Done
    );
    let open_2021 = promises
        .iter()
        .filter(|i| i.urgency == Urgency::Open)
        .count();
    assert!(
        open_2021 > 0,
        "undated 2021 promises stay open, but summarised"
    );
}

#[test]
fn marking_handled_with_the_paragraph_is_kept_undone_and_travels() {
    let mut data = seed();
    let mut history = History::default();
    let nb = CountyId::new("nb");
    let today = date("2021-12-10");
    // A later meeting with the § that dealt with the graphic profile.
    let planned = PlannedMeeting {
        body: BodyId::new("nb-psb"),
        date: Some(date("2021-12-01")),
        start: None,
        place: "Luleå".into(),
        kind: MeetingKind::Ordinary,
    };
    data.plan_meeting(planned, MeetingId::new("m-dec"), stamp("a", "00"))
        .unwrap();
    let mut later = data.paragraphs[0].clone();
    later.id = ParagraphId::new("p-dec-5");
    later.meta = RecordMeta::default();
    later.meeting = MeetingId::new("m-dec");
    later.number = 5;
    later.title = "Grafisk profil för målbilden".into();
    later.follow_ups = vec![];
    data.paragraphs.push(later);

    let before = due_items(&data, today);
    let item = promise(&before, "grafiska profil").clone();
    assert_eq!(item.urgency, Urgency::Overdue);
    let profile_paragraph = data
        .paragraphs
        .iter()
        .find(|p| {
            p.follow_ups
                .iter()
                .any(|f| f.text.contains("grafiska profil"))
        })
        .unwrap();
    let index = profile_paragraph
        .follow_ups
        .iter()
        .position(|f| f.text.contains("grafiska profil"))
        .unwrap();
    assert_eq!(item.key, promise_key(&profile_paragraph.id, index));

    let note = |state, handled_in: Option<&str>, reason: &str| DueNote {
        item: item.key.clone(),
        what: item.title.clone(),
        state,
        handled_in: handled_in.map(ParagraphId::new),
        reason: reason.into(),
        dated: today,
    };
    // A dismissal needs a reason; a § must exist. Nothing changes.
    let refused = data.note_due(
        &nb,
        note(DueNoteState::Dismissed, None, " "),
        stamp("a", "01"),
    );
    assert!(matches!(
        refused,
        Err(EditError::Invalid {
            field: "reason",
            ..
        })
    ));
    let refused = data.note_due(
        &nb,
        note(DueNoteState::Handled, Some("p-missing"), ""),
        stamp("a", "01"),
    );
    assert!(matches!(
        refused,
        Err(EditError::Invalid {
            field: "handled_in",
            ..
        })
    ));
    assert!(data.county(&nb).unwrap().due_notes.is_empty());

    let copy_before = data.clone();
    let change = data
        .note_due(
            &nb,
            note(DueNoteState::Handled, Some("p-dec-5"), ""),
            stamp("a", "02"),
        )
        .unwrap()
        .expect("a change");
    assert_eq!(change.record, RecordRef::new(RecordKind::Counties, "nb"));
    assert_eq!(change.fields[0].field, "due_notes");
    history.keep_by("tab", change, stamp("a", "02"), None);
    let handled = promise(&due_items(&data, today), "grafiska profil").clone();
    assert_eq!(handled.urgency, Urgency::Done);
    assert!(
        handled
            .detail
            .ends_with("Behandlad i § 5 (1 december 2021); markerad 10 december 2021."),
        "{}",
        handled.detail
    );

    // It travels: a copy that merges this one sees the item handled.
    let other = merge(&copy_before, &data).unwrap();
    assert_eq!(
        promise(&due_items(&other, today), "grafiska profil").urgency,
        Urgency::Done
    );

    // Undo brings it back.
    let (undo, undone) = data.undo_last(&history, stamp("a", "03")).unwrap();
    history.keep_by("tab", undo, stamp("a", "03"), Some(undone));
    assert_eq!(
        promise(&due_items(&data, today), "grafiska profil").urgency,
        Urgency::Overdue
    );

    // Dismissed with a reason, then opened again.
    data.note_due(
        &nb,
        note(DueNoteState::Dismissed, None, "Ingen profil behövs."),
        stamp("a", "04"),
    )
    .unwrap();
    let dismissed = promise(&due_items(&data, today), "grafiska profil").clone();
    assert_eq!(dismissed.urgency, Urgency::Dismissed);
    assert!(dismissed
        .detail
        .ends_with("Avfärdad 10 december 2021: Ingen profil behövs."));
    data.reopen_due(&nb, &item.key, stamp("a", "05")).unwrap();
    assert_eq!(
        promise(&due_items(&data, today), "grafiska profil").urgency,
        Urgency::Overdue
    );
}

#[test]
fn every_item_has_a_distinct_key_and_a_kind_and_body_to_filter_by() {
    let data = seed();
    for day in ["2021-06-15", "2026-11-22"] {
        let items = due_items(&data, date(day));
        let mut keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "{day}: keys repeat");
        for item in &items {
            match item.kind {
                DueKind::Agreement => assert!(item.body.is_none()),
                _ => assert!(item.body.is_some(), "{}", item.title),
            }
        }
        assert!(items.iter().any(|i| i.county.as_str() == "vb"));
        assert!(items.iter().any(|i| i.county.as_str() == "nb"));
    }
}
