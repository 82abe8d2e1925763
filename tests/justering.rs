//! Justering by the signers (issue 21): each of secretary, chair and
//! adjusters signs their own line, in their own copy or on paper; the
//! minutes lock when the last line is signed, on every copy that holds the
//! signatures, however they arrived; a signature's date is neither before
//! the meeting nor in the future.

use chrono::NaiveDate;
use samverkan::exchange::{canonical, merge, screen};
use samverkan::model::*;

const TODAY: &str = "2026-12-07";
const MEETING: &str = "2026-12-01";

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn stamp(copy: &str, person: &str) -> ChangeStamp {
    ChangeStamp {
        copy_id: copy.into(),
        writer: None,
        organisation: Some("Region Norrbotten".into()),
        person: Some(person.into()),
        at: format!("{TODAY}T10:00:00Z"),
    }
}

/// Minutes with three § sent for justering by the secretary's copy, and
/// who signs them.
struct Minutes {
    data: Dataset,
    id: MeetingId,
    secretary: PersonId,
    chair: PersonId,
    adjusters: Vec<PersonId>,
}

fn sent_for_justering(adjusters: usize) -> Minutes {
    let mut data = samverkan::seed::built_in().unwrap();
    let people: Vec<PersonId> = data
        .live_people()
        .take(2 + adjusters)
        .map(|p| p.id.clone())
        .collect();
    let id = MeetingId::new("mote-justering");
    // A new meeting shaped like a seed one (so this test does not restate
    // every field of the record type).
    let mut meeting = data.meetings[0].clone();
    meeting.id = id.clone();
    meeting.meta = RecordMeta::default();
    meeting.date = Fact::Stated(date(MEETING));
    meeting.minutes = MinutesState::Draft;
    meeting.signatures.clear();
    meeting.addenda.clear();
    meeting.decision_makers.clear();
    meeting.participants.clear();
    meeting.agenda.clear();
    meeting.secretary = Some(people[0].clone());
    meeting.chair = Some(people[1].clone());
    meeting.adjusters = people[2..].to_vec();
    let secretary = stamp("sekreterarens-kopia", "Sekreteraren");
    data.save(meeting, secretary.clone()).unwrap();
    for number in 1..=3 {
        let mut paragraph = data.paragraphs[0].clone();
        paragraph.id = ParagraphId::new(format!("mote-justering-p{number}"));
        paragraph.meta = RecordMeta::default();
        paragraph.meeting = id.clone();
        paragraph.number = number;
        paragraph.title = format!("Ärende {number}");
        data.save(paragraph, secretary.clone()).unwrap();
    }
    data.take_minutes_step(&id, MinutesStep::SendForAdjustment, secretary)
        .unwrap();
    Minutes {
        data,
        id,
        secretary: people[0].clone(),
        chair: people[1].clone(),
        adjusters: people[2..].to_vec(),
    }
}

fn sign(
    data: &mut Dataset,
    id: &MeetingId,
    person: &PersonId,
    on: &str,
    copy: &str,
) -> Result<Change, EditError> {
    let justering = Justering {
        person: person.clone(),
        date: date(on),
        on_paper: false,
    };
    data.sign_minutes(id, justering, date(TODAY), stamp(copy, "Signeraren"))
}

fn meeting<'a>(data: &'a Dataset, id: &MeetingId) -> &'a Meeting {
    data.meeting(id).unwrap()
}

fn first_message(result: Result<Change, EditError>) -> String {
    match result {
        Err(EditError::Rejected(errors)) => errors[0].message.clone(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn sending_writes_the_block_and_the_last_signature_locks() {
    let Minutes {
        mut data,
        id,
        secretary,
        chair,
        adjusters,
    } = sent_for_justering(2);
    let block = &meeting(&data, &id).signatures;
    assert_eq!(block.len(), 4, "secretary, chair and two adjusters");
    assert!(block.iter().all(|line| line.signed.is_none()));
    assert_eq!(
        meeting(&data, &id).minutes_state(),
        MinutesState::ForAdjustment
    );

    sign(&mut data, &id, &secretary, "2026-12-02", "a").unwrap();
    sign(&mut data, &id, &chair, "2026-12-04", "b").unwrap();
    sign(&mut data, &id, &adjusters[0], "2026-12-03", "c").unwrap();
    // One adjuster still to sign: open, and the text can still change
    // only through the draft.
    assert!(!meeting(&data, &id).is_adjusted());
    assert_eq!(
        data.minutes_steps(meeting(&data, &id)),
        vec![MinutesStep::ReturnToDraft]
    );
    assert_eq!(
        meeting(&data, &id).unsigned_roles(&adjusters[1]),
        vec![SignatureRole::Adjuster]
    );

    let change = sign(&mut data, &id, &adjusters[1], "2026-12-03", "d").unwrap();
    assert_eq!(
        change.fields[0].field, "signatures",
        "the signature is the change"
    );
    let m = meeting(&data, &id);
    assert_eq!(
        m.minutes_state(),
        MinutesState::Adjusted {
            date: Fact::Stated(date("2026-12-04"))
        },
        "adjusted on the date of the last signature given"
    );
    assert!(data.minutes_steps(m).is_empty());

    // Locked: no more signatures, no edits, no new §, only addenda.
    assert!(matches!(
        sign(&mut data, &id, &adjusters[1], "2026-12-05", "d"),
        Err(EditError::Locked(_))
    ));
    let mut changed = meeting(&data, &id).clone();
    changed.place = "Boden".into();
    assert!(matches!(
        data.save(changed, stamp("a", "x")),
        Err(EditError::Locked(_))
    ));
    let mut p = data.paragraphs_of(&id)[0].clone();
    p.title = "Ändrad".into();
    assert!(matches!(
        data.save(p, stamp("a", "x")),
        Err(EditError::Locked(_))
    ));
    let addendum = NewAddendum {
        kind: AddendumKind::Correction,
        paragraph: Some(2),
        text: "Rättat.".into(),
        reason: "Skrivfel.".into(),
    };
    data.add_addendum(&id, addendum, stamp("a", "x")).unwrap();
}

#[test]
fn a_date_before_the_meeting_or_in_the_future_is_refused_with_a_message() {
    let Minutes {
        mut data,
        id,
        chair,
        ..
    } = sent_for_justering(1);
    let before = first_message(sign(&mut data, &id, &chair, "2026-11-30", "b"));
    assert!(before.contains("före sammanträdet"), "{before}");
    assert!(before.contains("1 december 2026"), "{before}");
    // Eleven days ahead, as the issue saw accepted.
    let future = first_message(sign(&mut data, &id, &chair, "2026-12-18", "b"));
    assert!(future.contains("i framtiden"), "{future}");
    assert!(future.contains("7 december 2026"), "{future}");
    // The meeting day and today are both good days to sign.
    sign(&mut data, &id, &chair, MEETING, "b").unwrap();
    let Minutes {
        mut data,
        id,
        chair,
        ..
    } = sent_for_justering(1);
    sign(&mut data, &id, &chair, TODAY, "b").unwrap();
    assert!(check_signing_date(meeting(&data, &id), date(TODAY), date(TODAY)).is_ok());
}

#[test]
fn only_the_named_signers_sign_each_once_and_only_when_sent() {
    let Minutes {
        mut data,
        id,
        chair,
        adjusters,
        ..
    } = sent_for_justering(1);
    let outsider = data
        .live_people()
        .find(|p| {
            p.id != chair
                && !adjusters.contains(&p.id)
                && meeting(&data, &id).secretary.as_ref() != Some(&p.id)
        })
        .unwrap()
        .id
        .clone();
    let refused = first_message(sign(&mut data, &id, &outsider, TODAY, "x"));
    assert!(refused.contains("skriver inte under"), "{refused}");
    sign(&mut data, &id, &chair, TODAY, "b").unwrap();
    let again = first_message(sign(&mut data, &id, &chair, TODAY, "b"));
    assert!(again.contains("redan skrivit under"), "{again}");

    // Back to the draft: the signatures given lapse; sent again, the block
    // is unsigned and a draft cannot be signed.
    data.take_minutes_step(&id, MinutesStep::ReturnToDraft, stamp("a", "x"))
        .unwrap();
    assert!(meeting(&data, &id).signatures.is_empty());
    let draft = first_message(sign(&mut data, &id, &adjusters[0], TODAY, "c"));
    assert!(draft.contains("inte skickat för justering"), "{draft}");
    data.take_minutes_step(&id, MinutesStep::SendForAdjustment, stamp("a", "x"))
        .unwrap();
    assert!(meeting(&data, &id)
        .signatures
        .iter()
        .all(|s| s.signed.is_none()));
}

#[test]
fn the_form_cannot_sign_nor_send_without_chair_and_adjuster() {
    let Minutes { mut data, id, .. } = sent_for_justering(1);
    let mut forged = meeting(&data, &id).clone();
    for line in &mut forged.signatures {
        line.signed = Some(Signed {
            date: date(TODAY),
            on_paper: false,
            recorded: stamp("a", "x"),
        });
    }
    match data.save(forged, stamp("a", "x")) {
        Err(EditError::Rejected(errors)) => assert_eq!(errors[0].field, "signatures"),
        other => panic!("a form may not sign: {other:?}"),
    }
    data.take_minutes_step(&id, MinutesStep::ReturnToDraft, stamp("a", "x"))
        .unwrap();
    let mut unnamed = meeting(&data, &id).clone();
    unnamed.chair = None;
    unnamed.adjusters.clear();
    data.save(unnamed, stamp("a", "x")).unwrap();
    match data.take_minutes_step(&id, MinutesStep::SendForAdjustment, stamp("a", "x")) {
        Err(EditError::Rejected(errors)) => {
            let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
            assert_eq!(fields, ["chair", "adjusters"]);
        }
        other => panic!("sending needs chair and adjuster: {other:?}"),
    }
}

#[test]
fn a_signature_on_paper_is_recorded_as_such_with_its_date() {
    let Minutes {
        mut data,
        id,
        chair,
        ..
    } = sent_for_justering(1);
    let paper = Justering {
        person: chair.clone(),
        date: date("2026-12-02"),
        on_paper: true,
    };
    let change = data
        .sign_minutes(
            &id,
            paper,
            date(TODAY),
            stamp("sekreterarens-kopia", "Sekreteraren"),
        )
        .unwrap();
    // The history shows the line signed, in words.
    let ChangeView::Items(items) = ChangeReader::new(&data).view(&change.fields[0]) else {
        panic!("the signatures change as a list");
    };
    assert!(
        items.iter().any(|i| i.mark == ItemMark::Added
            && i.text
                .ends_with("ordförande – justerat på papper 2 december 2026")),
        "{items:?}"
    );
    let signed = meeting(&data, &id)
        .signature_of(&chair, SignatureRole::Chair)
        .unwrap()
        .clone();
    assert!(signed.on_paper);
    assert_eq!(signed.date, date("2026-12-02"));
    assert_eq!(signed.recorded.person.as_deref(), Some("Sekreteraren"));
    assert_eq!(signed.described(), "justerat på papper 2 december 2026");
    // The history reads the line as a person would.
    let line = meeting(&data, &id)
        .signatures
        .iter()
        .find(|s| s.person == chair)
        .unwrap();
    let shown = readable_item(&data, "signatures", &serde_json::to_value(line).unwrap()).text();
    assert!(
        shown.ends_with("ordförande – justerat på papper 2 december 2026"),
        "{shown}"
    );
    // A paper date is held to the same rules.
    let Minutes {
        mut data,
        id,
        chair,
        ..
    } = sent_for_justering(1);
    let late = Justering {
        person: chair,
        date: date("2026-12-30"),
        on_paper: true,
    };
    assert!(data
        .sign_minutes(&id, late, date(TODAY), stamp("a", "x"))
        .is_err());
}

#[test]
fn two_adjusters_signing_at_once_in_their_own_copies_both_count() {
    let Minutes {
        mut data,
        id,
        secretary,
        chair,
        adjusters,
    } = sent_for_justering(2);
    sign(
        &mut data,
        &id,
        &secretary,
        "2026-12-02",
        "sekreterarens-kopia",
    )
    .unwrap();
    sign(&mut data, &id, &chair, "2026-12-02", "sekreterarens-kopia").unwrap();
    // The file goes to both adjusters; each signs in their own copy.
    let mut first = data.clone();
    let mut second = data.clone();
    sign(&mut first, &id, &adjusters[0], "2026-12-03", "justerare-1").unwrap();
    sign(&mut second, &id, &adjusters[1], "2026-12-05", "justerare-2").unwrap();
    assert!(!meeting(&first, &id).is_adjusted());
    assert!(!meeting(&second, &id).is_adjusted());

    let one_way = merge(&first, &second).unwrap();
    let other_way = merge(&second, &first).unwrap();
    assert_eq!(canonical(&one_way), canonical(&other_way));
    let merged = meeting(&one_way, &id);
    assert!(
        merged.meta.conflicts.is_empty()
            && merged
                .meta
                .items
                .values()
                .all(|items| items.iter().all(|i| i.conflicts.is_empty())),
        "two signatures of two lines are no conflict"
    );
    for adjuster in &adjusters {
        assert!(merged
            .signature_of(adjuster, SignatureRole::Adjuster)
            .is_some());
    }
    assert_eq!(
        merged.minutes_state(),
        MinutesState::Adjusted {
            date: Fact::Stated(date("2026-12-05"))
        }
    );
}

#[test]
fn the_lock_comes_with_the_last_signature_in_a_file_the_same_on_both_copies() {
    let Minutes {
        data,
        id,
        secretary,
        chair,
        adjusters,
    } = sent_for_justering(1);
    // The secretary's copy: signs, records the chair's paper signature,
    // and sends the file.
    let mut office = data.clone();
    sign(
        &mut office,
        &id,
        &secretary,
        "2026-12-02",
        "sekreterarens-kopia",
    )
    .unwrap();
    let paper = Justering {
        person: chair.clone(),
        date: date("2026-12-02"),
        on_paper: true,
    };
    office
        .sign_minutes(
            &id,
            paper,
            date(TODAY),
            stamp("sekreterarens-kopia", "Sekreteraren"),
        )
        .unwrap();
    // The adjuster's copy had the built-in data only; it imports the file
    // (with the editor's rules, as the app does), signs, sends it back.
    let seed = samverkan::seed::built_in().unwrap();
    let mut adjuster_copy = screen(&seed, &office).unwrap();
    assert!(
        adjuster_copy.refused.is_empty(),
        "{:?}",
        adjuster_copy.refused
    );
    assert!(!meeting(&adjuster_copy.merged, &id).is_adjusted());
    sign(
        &mut adjuster_copy.merged,
        &id,
        &adjusters[0],
        "2026-12-03",
        "justerarens-kopia",
    )
    .unwrap();
    let theirs = adjuster_copy.merged;
    assert!(
        meeting(&theirs, &id).is_adjusted(),
        "locked where the last signer signed"
    );

    let back = screen(&office, &theirs).unwrap();
    assert!(
        back.refused.is_empty(),
        "the signature is taken in: {:?}",
        back.refused
    );
    let ours = back.merged;
    let here = meeting(&ours, &id);
    let there = meeting(&theirs, &id);
    assert_eq!(here.minutes_state(), there.minutes_state());
    assert_eq!(
        here.minutes_state(),
        MinutesState::Adjusted {
            date: Fact::Stated(date("2026-12-03"))
        }
    );
    let signed = here
        .signature_of(&adjusters[0], SignatureRole::Adjuster)
        .unwrap();
    assert_eq!(signed.recorded.copy_id, "justerarens-kopia");
    assert!(!signed.on_paper);
    assert_eq!(here.signatures, there.signatures);
    assert_eq!(
        here.meta.version, there.meta.version,
        "both copies hold the same edits"
    );

    // Once locked, a file cannot change the signatures any more.
    let mut rewritten = ours.clone();
    let m = rewritten.meetings.iter_mut().find(|m| m.id == id).unwrap();
    let before = record_fields(&*m);
    m.signatures.retain(|s| s.role != SignatureRole::Adjuster);
    touch_changed(m, &before, stamp("hostile", "x"));
    let refused = screen(&ours, &rewritten).unwrap();
    assert_eq!(refused.refused.len(), 1);
    assert!(meeting(&refused.merged, &id).is_adjusted());
}

#[test]
fn a_signature_not_the_last_can_be_undone_and_travels_as_a_change() {
    let Minutes {
        mut data,
        id,
        chair,
        ..
    } = sent_for_justering(1);
    let mut history = History::default();
    let change = sign(&mut data, &id, &chair, TODAY, "b").unwrap();
    history.keep(change, stamp("b", "x"), None);
    assert!(meeting(&data, &id)
        .signature_of(&chair, SignatureRole::Chair)
        .is_some());
    data.undo_last(&history, stamp("b", "x")).unwrap();
    assert!(meeting(&data, &id)
        .signature_of(&chair, SignatureRole::Chair)
        .is_none());
}

#[test]
fn signatures_read_from_files_without_them_and_round_trip() {
    let line: Signature =
        serde_json::from_str(r#"{"person": "p-anna", "role": "adjuster"}"#).unwrap();
    assert_eq!(line.signed, None);
    let signed = Signature {
        signed: Some(Signed {
            date: date(TODAY),
            on_paper: false,
            recorded: stamp("a", "Anna"),
        }),
        ..line
    };
    let json = serde_json::to_string(&signed).unwrap();
    assert!(!json.contains("on_paper"), "false is left out: {json}");
    assert_eq!(serde_json::from_str::<Signature>(&json).unwrap(), signed);
}
