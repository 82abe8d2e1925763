//! Editing in the core: one case per validation rule (valid and invalid),
//! the change history with undo and restore, soft deletion, and the
//! justering workflow of minutes with its lock and addenda.

use chrono::NaiveDate;
use samverkan::model::*;

fn stamp(copy: &str) -> ChangeStamp {
    ChangeStamp {
        copy_id: copy.into(),
        writer: None,
        organisation: Some("Region Norrbotten".into()),
        person: Some("Test Testsson".into()),
        at: "2026-11-23T10:00:00Z".into(),
    }
}

fn data() -> Dataset {
    samverkan::seed::built_in().unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn body(data: &Dataset, id: &str) -> Body {
    data.body(&BodyId::new(id)).unwrap().clone()
}

fn new_body(name: &str) -> Body {
    let mut b = body(&data(), "nb-psb");
    b.id = BodyId::new("ny");
    b.name = name.into();
    b.short_name = None;
    b.other_names.clear();
    b
}

fn membership() -> Membership {
    Membership {
        id: MembershipId::new("m-ny"),
        meta: RecordMeta::default(),
        person: data().live_people().next().unwrap().id.clone(),
        body: BodyId::new("nb-psb"),
        role: MembershipRole::Member,
        representing: None,
        from: Some(date("2022-01-01")),
        to: Some(date("2022-12-31")),
        note: None,
    }
}

fn meeting(id: &str) -> Meeting {
    Meeting {
        id: MeetingId::new(id),
        meta: RecordMeta::default(),
        body: BodyId::new("nb-psb"),
        date: Fact::Stated(date("2026-12-01")),
        start: Fact::Unknown {
            reason: "ej angiven".into(),
        },
        place: "Luleå".into(),
        kind: MeetingKind::Ordinary,
        decision_makers: vec![],
        participants: vec![],
        chair: None,
        secretary: None,
        adjusters: vec![],
        signatures: vec![],
        agenda: vec![],
        minutes: MinutesState::Draft,
        note: None,
        addenda: vec![],
    }
}

fn paragraph(meeting: &str, number: u32, title: &str) -> Paragraph {
    Paragraph {
        id: ParagraphId::new(format!("{meeting}-p{number}")),
        meta: RecordMeta::default(),
        meeting: MeetingId::new(meeting),
        number,
        title: title.into(),
        presenters: vec![],
        documents: vec![],
        background: vec![],
        proposal: None,
        decision: Some("Informationen läggs till handlingarna.".into()),
        decision_kind: DecisionKind::NotedToFile,
        parts: vec![],
        follow_ups: vec![],
        disqualified: vec![],
        reservations: vec![],
    }
}

/// The fields a save was refused for (empty when it was accepted).
fn refused_fields<R: Editable>(data: &mut Dataset, record: R) -> Vec<&'static str>
where
    R::Id: std::fmt::Display,
{
    let before = data.clone();
    match data.save(record, stamp("c")) {
        Ok(_) => vec![],
        Err(EditError::Rejected(errors)) => {
            assert_eq!(*data, before, "a refused save changed the data");
            errors.iter().map(|e| e.field).collect()
        }
        Err(other) => panic!("unexpected refusal {other}"),
    }
}

/// A meeting with § 1–3 and one decision-maker attending § `first`–`last`.
fn attendance_refusal(d: &mut Dataset, first: u32, last: u32) -> Vec<&'static str> {
    d.save(meeting("mote-ny"), stamp("c")).unwrap();
    for n in 1..=3 {
        d.save(paragraph("mote-ny", n, "Ärende"), stamp("c"))
            .unwrap();
    }
    let person = d.live_people().next().unwrap().id.clone();
    let mut m = d.meeting(&MeetingId::new("mote-ny")).unwrap().clone();
    m.decision_makers = vec![DecisionMaker {
        person,
        representing: OrganisationId::new("region-nb"),
        party: None,
        role: None,
        paragraphs: Some(ParagraphRange { first, last }),
        note: None,
        serving_for: None,
    }];
    refused_fields(d, m)
}

#[test]
fn validation_rules_one_case_each() {
    let d = data();
    let org = d.live_organisations().next().unwrap().clone();
    let person = d.live_people().next().unwrap().clone();
    let relation = d.relations.iter().find(|r| r.is_live()).unwrap().clone();
    let agreement = d.live_agreements().next().unwrap().clone();
    let other_person = d.live_people().nth(1).unwrap().id.clone();

    type Case = (
        &'static str,
        Box<dyn Fn(&mut Dataset) -> Vec<&'static str>>,
        Vec<&'static str>,
    );
    let cases: Vec<Case> = vec![
        (
            "organisation valid",
            Box::new({
                let o = org.clone();
                move |d| refused_fields(d, o.clone())
            }),
            vec![],
        ),
        (
            "organisation without name",
            Box::new({
                let o = org.clone();
                move |d| {
                    refused_fields(
                        d,
                        Organisation {
                            name: " ".into(),
                            ..o.clone()
                        },
                    )
                }
            }),
            vec!["name"],
        ),
        (
            "organisation in unknown county",
            Box::new({
                let o = org.clone();
                move |d| {
                    refused_fields(
                        d,
                        Organisation {
                            county: CountyId::new("xx"),
                            ..o.clone()
                        },
                    )
                }
            }),
            vec!["county"],
        ),
        (
            "person valid",
            Box::new({
                let p = person.clone();
                move |d| refused_fields(d, p.clone())
            }),
            vec![],
        ),
        (
            "person without name",
            Box::new({
                let p = person.clone();
                move |d| {
                    refused_fields(
                        d,
                        Person {
                            name: "".into(),
                            ..p.clone()
                        },
                    )
                }
            }),
            vec!["name"],
        ),
        (
            "person at unknown organisation",
            Box::new({
                let p = person.clone();
                move |d| {
                    refused_fields(
                        d,
                        Person {
                            organisation: Some(OrganisationId::new("nope")),
                            ..p.clone()
                        },
                    )
                }
            }),
            vec!["organisation"],
        ),
        (
            "new body valid",
            Box::new(|d| refused_fields(d, new_body("Nytt råd"))),
            vec![],
        ),
        (
            "body without name",
            Box::new(|d| refused_fields(d, new_body(""))),
            vec!["name"],
        ),
        (
            "body with a taken name",
            Box::new(|d| {
                let taken = body(d, "nb-psb").name;
                refused_fields(d, new_body(&taken))
            }),
            vec!["name"],
        ),
        (
            "body with a blank mandate bullet",
            Box::new(|d| {
                refused_fields(
                    d,
                    Body {
                        mandate: vec!["Bereda ärenden".into(), " ".into()],
                        ..new_body("Nytt råd")
                    },
                )
            }),
            vec!["mandate"],
        ),
        (
            "relation valid",
            Box::new({
                let r = relation.clone();
                move |d| refused_fields(d, r.clone())
            }),
            vec![],
        ),
        (
            "relation to itself",
            Box::new({
                let r = relation.clone();
                move |d| {
                    refused_fields(
                        d,
                        Relation {
                            id: RelationId::new("r-ny"),
                            to: r.from.clone(),
                            ..r.clone()
                        },
                    )
                }
            }),
            vec!["to"],
        ),
        (
            "relation twice",
            Box::new({
                let r = relation.clone();
                move |d| {
                    refused_fields(
                        d,
                        Relation {
                            id: RelationId::new("r-ny"),
                            ..r.clone()
                        },
                    )
                }
            }),
            vec!["kind"],
        ),
        (
            "relation to a missing body",
            Box::new({
                let r = relation.clone();
                move |d| {
                    refused_fields(
                        d,
                        Relation {
                            id: RelationId::new("r-ny"),
                            to: BodyId::new("finns-inte"),
                            ..r.clone()
                        },
                    )
                }
            }),
            vec!["to"],
        ),
        (
            "membership valid",
            Box::new(|d| refused_fields(d, membership())),
            vec![],
        ),
        (
            "membership ending before it starts",
            Box::new(|d| {
                refused_fields(
                    d,
                    Membership {
                        to: Some(date("2021-12-31")),
                        ..membership()
                    },
                )
            }),
            vec!["to"],
        ),
        (
            "substitute for oneself",
            Box::new(|d| {
                let m = membership();
                refused_fields(
                    d,
                    Membership {
                        role: MembershipRole::Substitute {
                            for_person: Some(m.person.clone()),
                        },
                        ..m
                    },
                )
            }),
            vec!["role"],
        ),
        (
            "substitute for another",
            Box::new(move |d| {
                refused_fields(
                    d,
                    Membership {
                        role: MembershipRole::Substitute {
                            for_person: Some(other_person.clone()),
                        },
                        ..membership()
                    },
                )
            }),
            vec![],
        ),
        (
            "agreement valid",
            Box::new({
                let a = agreement.clone();
                move |d| refused_fields(d, a.clone())
            }),
            vec![],
        ),
        (
            "agreement without title",
            Box::new({
                let a = agreement.clone();
                move |d| {
                    refused_fields(
                        d,
                        Agreement {
                            title: "".into(),
                            ..a.clone()
                        },
                    )
                }
            }),
            vec!["title"],
        ),
        (
            "agreement without parties",
            Box::new({
                let a = agreement.clone();
                move |d| {
                    refused_fields(
                        d,
                        Agreement {
                            parties: vec![],
                            ..a.clone()
                        },
                    )
                }
            }),
            vec!["parties"],
        ),
        (
            "agreement section without title",
            Box::new({
                let a = agreement.clone();
                move |d| {
                    let mut a = a.clone();
                    a.sections[0].title = " ".into();
                    refused_fields(d, a)
                }
            }),
            vec!["sections"],
        ),
        (
            "meeting valid",
            Box::new(|d| refused_fields(d, meeting("mote-ny"))),
            vec![],
        ),
        (
            "meeting without place",
            Box::new(|d| {
                refused_fields(
                    d,
                    Meeting {
                        place: "".into(),
                        ..meeting("mote-ny")
                    },
                )
            }),
            vec!["place"],
        ),
        (
            "meeting of a missing body",
            Box::new(|d| {
                refused_fields(
                    d,
                    Meeting {
                        body: BodyId::new("finns-inte"),
                        ..meeting("mote-ny")
                    },
                )
            }),
            vec!["body"],
        ),
        (
            "new meeting already adjusted",
            Box::new(|d| {
                refused_fields(
                    d,
                    Meeting {
                        minutes: MinutesState::Adjusted {
                            date: Fact::Stated(date("2026-12-02")),
                        },
                        ..meeting("mote-ny")
                    },
                )
            }),
            vec!["minutes"],
        ),
        (
            "attendance range outside the §",
            Box::new(|d| attendance_refusal(d, 2, 5)),
            vec!["decision_makers"],
        ),
        (
            "attendance range backwards",
            Box::new(|d| attendance_refusal(d, 3, 2)),
            vec!["decision_makers"],
        ),
        (
            "§ valid",
            Box::new(|d| {
                d.save(meeting("mote-ny"), stamp("c")).unwrap();
                refused_fields(d, paragraph("mote-ny", 1, "Mötets öppnande"))
            }),
            vec![],
        ),
        (
            "§ without title",
            Box::new(|d| {
                d.save(meeting("mote-ny"), stamp("c")).unwrap();
                refused_fields(d, paragraph("mote-ny", 1, " "))
            }),
            vec!["title"],
        ),
        (
            "§ number 0",
            Box::new(|d| {
                d.save(meeting("mote-ny"), stamp("c")).unwrap();
                refused_fields(d, paragraph("mote-ny", 0, "Ärende"))
            }),
            vec!["number"],
        ),
        (
            "§ number taken",
            Box::new(|d| {
                d.save(meeting("mote-ny"), stamp("c")).unwrap();
                d.save(paragraph("mote-ny", 1, "Ärende"), stamp("c"))
                    .unwrap();
                let mut p = paragraph("mote-ny", 1, "Annat");
                p.id = ParagraphId::new("annan");
                refused_fields(d, p)
            }),
            vec!["number"],
        ),
    ];
    for (name, case, expected) in cases {
        let mut d = data();
        assert_eq!(case(&mut d), expected, "{name}");
    }
}

#[test]
fn every_change_is_recorded_with_old_and_new_values_and_can_be_undone() {
    let mut d = data();
    let mut history = History::default();
    let mut psb = body(&d, "nb-psb");
    let old_name = psb.name.clone();
    psb.name = "Politiska samverkansberedningen i Norrbotten".into();
    psb.mandate.push("Följa upp suicidpreventionen".into());
    let change = d.save(psb, stamp("c")).unwrap().unwrap();
    assert_eq!(change.action, ChangeAction::Changed);
    let fields: Vec<&str> = change.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, vec!["mandate", "name"]);
    assert_eq!(change.fields[1].before, serde_json::json!(old_name));
    history.keep(change, stamp("c"), None);
    let entry = history.entries.last().unwrap();
    assert_eq!(
        entry.stamp.organisation.as_deref(),
        Some("Region Norrbotten")
    );
    assert_eq!(entry.stamp.person.as_deref(), Some("Test Testsson"));

    // Saving the same again records nothing.
    assert_eq!(d.save(body(&d, "nb-psb"), stamp("c")), Ok(None));

    let (undo, undone) = d.undo_last(&history, stamp("c")).unwrap();
    history.keep(undo, stamp("c"), Some(undone));
    assert_eq!(body(&d, "nb-psb").name, old_name);
    assert!(!body(&d, "nb-psb")
        .mandate
        .iter()
        .any(|m| m.contains("suicidpreventionen")));
    // The undo is itself an attributed edit that travels.
    assert!(body(&d, "nb-psb").meta.fields["name"].version.get("c") >= 2);
    assert!(matches!(
        d.undo_last(&history, stamp("c")),
        Err(EditError::Nothing(_))
    ));
}

#[test]
fn undo_leaves_fields_changed_since_alone() {
    let mut d = data();
    let mut history = History::default();
    let mut psb = body(&d, "nb-psb");
    psb.name = "Första".into();
    history.keep(d.save(psb, stamp("a")).unwrap().unwrap(), stamp("a"), None);
    // Another copy's later edit of the same field (as an import would bring).
    let mut psb = body(&d, "nb-psb");
    psb.name = "Andra".into();
    d.save(psb, stamp("b")).unwrap();
    assert!(matches!(
        d.undo_last(&history, stamp("a")),
        Err(EditError::Nothing(_))
    ));
    assert_eq!(body(&d, "nb-psb").name, "Andra");
}

#[test]
fn an_older_version_can_be_restored() {
    let mut d = data();
    let mut history = History::default();
    let original = body(&d, "nb-psb");
    let mut first = None;
    for name in ["Ett", "Två", "Tre"] {
        let mut b = body(&d, "nb-psb");
        b.name = name.into();
        let id = history.keep(d.save(b, stamp("c")).unwrap().unwrap(), stamp("c"), None);
        first.get_or_insert(id);
    }
    let reference = original.reference();
    let restored = d
        .restore_version(&history, &reference, first.as_deref(), stamp("c"))
        .unwrap()
        .unwrap();
    assert_eq!(restored.action, ChangeAction::Restored);
    assert_eq!(body(&d, "nb-psb").name, "Ett");
    assert_eq!(
        history.values_at(&reference, None),
        vec![("name".to_owned(), serde_json::json!(original.name))]
    );
}

#[test]
fn deleting_is_a_tombstone_that_can_be_undone_and_is_refused_while_in_use() {
    let mut d = data();
    let mut history = History::default();
    // A body with relations and seats cannot go first.
    let refused = d.delete::<Body>(&BodyId::new("nb-psb"), stamp("c"));
    assert!(
        matches!(refused, Err(EditError::InUse(ref m)) if m.contains("hänvisar")),
        "{refused:?}"
    );

    d.save(new_body("Tillfälligt råd"), stamp("c")).unwrap();
    let change = d.delete::<Body>(&BodyId::new("ny"), stamp("c")).unwrap();
    history.keep(change, stamp("c"), None);
    assert!(d.body(&BodyId::new("ny")).is_none());
    let tomb = d.bodies.iter().find(|b| b.id.as_str() == "ny").unwrap();
    assert!(tomb.meta.deleted);
    assert_eq!(tomb.meta.fields["deleted"].version.get("c"), 1);

    let (undo, undone) = d.undo_last(&history, stamp("c")).unwrap();
    assert_eq!(undo.action, ChangeAction::Undone);
    history.keep(undo, stamp("c"), Some(undone));
    assert_eq!(d.body(&BodyId::new("ny")).unwrap().name, "Tillfälligt råd");
}

#[test]
fn undoing_a_creation_deletes_the_record() {
    let mut d = data();
    let mut history = History::default();
    let change = d.save(new_body("Nytt råd"), stamp("c")).unwrap().unwrap();
    assert_eq!(change.action, ChangeAction::Created);
    assert!(change
        .fields
        .iter()
        .any(|f| f.field == "name" && f.after == "Nytt råd"));
    history.keep(change, stamp("c"), None);
    d.undo_last(&history, stamp("c")).unwrap();
    assert!(d.body(&BodyId::new("ny")).is_none());
}

fn minutes_with(d: &mut Dataset, numbers: &[u32]) -> MeetingId {
    let id = MeetingId::new("mote-ny");
    d.save(meeting("mote-ny"), stamp("c")).unwrap();
    for &n in numbers {
        d.save(paragraph("mote-ny", n, "Ärende"), stamp("c"))
            .unwrap();
    }
    id
}

fn ready_for_adjustment(d: &mut Dataset, id: &MeetingId) {
    let people: Vec<PersonId> = d.live_people().take(3).map(|p| p.id.clone()).collect();
    let mut m = d.meeting(id).unwrap().clone();
    m.chair = Some(people[0].clone());
    m.secretary = Some(people[1].clone());
    m.adjusters = vec![people[2].clone()];
    d.save(m, stamp("c")).unwrap();
}

/// Every line of the signature block signed on `on`, each by its signer.
fn sign_all(d: &mut Dataset, id: &MeetingId, on: &str) {
    let block = d.meeting(id).unwrap().signature_block();
    for line in block {
        let justering = Justering {
            person: line.person.clone(),
            date: date(on),
            on_paper: false,
        };
        d.sign_minutes(id, justering, date("2026-12-07"), stamp("c"))
            .unwrap();
    }
}

#[test]
fn justering_moves_draft_to_adjusted_and_locks() {
    let mut d = data();
    let id = minutes_with(&mut d, &[1, 2, 3]);
    ready_for_adjustment(&mut d, &id);
    // The state does not change through the form.
    let mut sneaky = d.meeting(&id).unwrap().clone();
    sneaky.minutes = MinutesState::ForAdjustment;
    assert!(matches!(
        d.save(sneaky, stamp("c")),
        Err(EditError::Rejected(_))
    ));
    // Signing a draft is no justering.
    let chair = d.meeting(&id).unwrap().chair.clone().unwrap();
    let early_signature = Justering {
        person: chair,
        date: date("2026-12-03"),
        on_paper: false,
    };
    assert!(d
        .sign_minutes(&id, early_signature, date("2026-12-07"), stamp("c"))
        .is_err());
    d.take_minutes_step(&id, MinutesStep::SendForAdjustment, stamp("c"))
        .unwrap();
    assert_eq!(
        d.meeting(&id).unwrap().signatures.len(),
        3,
        "signature block written when sent"
    );
    sign_all(&mut d, &id, "2026-12-03");
    let m = d.meeting(&id).unwrap();
    assert_eq!(
        m.minutes_state(),
        MinutesState::Adjusted {
            date: Fact::Stated(date("2026-12-03"))
        }
    );
    assert!(m.is_adjusted());

    // Locked: no edits of the meeting or its §, no new §, no deletion.
    let mut p = d.paragraphs_of(&id)[0].clone();
    p.title = "Ändrad".into();
    assert_eq!(
        d.save(p, stamp("c")),
        Err(EditError::Locked(LOCKED_MINUTES.into()))
    );
    assert!(matches!(
        d.save(paragraph("mote-ny", 4, "Ny"), stamp("c")),
        Err(EditError::Locked(_))
    ));
    let mut m = d.meeting(&id).unwrap().clone();
    m.place = "Boden".into();
    assert!(matches!(d.save(m, stamp("c")), Err(EditError::Locked(_))));
    let first = d.paragraphs_of(&id)[0].id.clone();
    assert!(matches!(
        d.delete::<Paragraph>(&first, stamp("c")),
        Err(EditError::Locked(_))
    ));
    assert!(d.minutes_steps(d.meeting(&id).unwrap()).is_empty());
}

#[test]
fn adjusted_minutes_change_only_by_recorded_addenda() {
    let mut d = data();
    let id = minutes_with(&mut d, &[1, 2]);
    let addendum = NewAddendum {
        kind: AddendumKind::Correction,
        paragraph: Some(2),
        text: "Beslutet gäller från 1 januari.".into(),
        reason: "Skrivfel i beslutet.".into(),
    };
    // Not while the minutes are a draft.
    assert!(d.add_addendum(&id, addendum.clone(), stamp("c")).is_err());
    ready_for_adjustment(&mut d, &id);
    d.take_minutes_step(&id, MinutesStep::SendForAdjustment, stamp("c"))
        .unwrap();
    sign_all(&mut d, &id, "2026-12-01");
    let missing_reason = NewAddendum {
        reason: " ".into(),
        ..addendum.clone()
    };
    assert!(
        matches!(d.add_addendum(&id, missing_reason, stamp("c")), Err(EditError::Rejected(e)) if e[0].field == "reason")
    );
    let wrong_paragraph = NewAddendum {
        paragraph: Some(9),
        ..addendum.clone()
    };
    assert!(d.add_addendum(&id, wrong_paragraph, stamp("c")).is_err());
    let change = d.add_addendum(&id, addendum, stamp("c")).unwrap();
    assert_eq!(change.fields[0].field, "addenda");
    let m = d.meeting(&id).unwrap();
    assert_eq!(m.addenda.len(), 1);
    assert_eq!(
        m.addenda[0].recorded.person.as_deref(),
        Some("Test Testsson")
    );
    assert_eq!(m.addenda[0].paragraph, Some(2));
}

#[test]
fn paragraph_numbering_must_be_continuous_before_adjustment() {
    assert!(check_numbering(&[1, 2, 3]).is_ok());
    assert!(
        check_numbering(&[5, 6]).is_ok(),
        "may continue the year's numbering"
    );
    assert!(check_numbering(&[1, 3])
        .unwrap_err()
        .message
        .contains("§ 2 saknas"));
    assert!(check_numbering(&[1, 2, 2])
        .unwrap_err()
        .message
        .contains("två gånger"));
    let mut d = data();
    let id = minutes_with(&mut d, &[1, 2, 4]);
    let refused = d.take_minutes_step(&id, MinutesStep::SendForAdjustment, stamp("c"));
    assert!(matches!(refused, Err(EditError::Rejected(e)) if e[0].message.contains("§ 3 saknas")));
    assert_eq!(d.next_paragraph_number(&id), 5);
}

#[test]
fn a_new_protocol_continues_the_year_and_takes_officers_from_the_seats() {
    let mut d = data();
    let id = minutes_with(&mut d, &[]);
    // PSB's 2021 minutes hold § from 1; a 2026 meeting starts again at 1.
    assert_eq!(d.next_paragraph_number(&id), 1);
    let minuted = d
        .meetings
        .iter()
        .find(|m| !d.paragraphs_of(&m.id).is_empty())
        .unwrap()
        .clone();
    let last = d
        .paragraphs_of(&minuted.id)
        .iter()
        .map(|p| p.number)
        .max()
        .unwrap();
    let mut later = meeting("senare");
    later.body = minuted.body.clone();
    later.date = Fact::Stated(*minuted.date.value().unwrap() + chrono::Days::new(30));
    d.save(later, stamp("c")).unwrap();
    assert_eq!(d.next_paragraph_number(&MeetingId::new("senare")), last + 1);

    // Officers: the chair seat held on the day.
    let seat = d
        .memberships
        .iter()
        .find(|m| m.is_live() && m.role == MembershipRole::Chair)
        .unwrap()
        .clone();
    let on = seat.from.unwrap_or(date("2021-06-01"));
    let (chair, _) = d.default_officers(&seat.body, on);
    assert!(chair.is_some());
}

#[test]
fn the_built_in_data_meets_every_rule() {
    fn check<R: Editable>(d: &Dataset) -> Vec<String>
    where
        R::Id: std::fmt::Display,
    {
        R::records(d)
            .iter()
            .filter(|r| r.is_live())
            .flat_map(|r| {
                r.validate(d)
                    .into_iter()
                    .map(move |e| format!("{} {}: {e}", R::KIND, r.id()))
            })
            .collect()
    }
    let d = data();
    let mut errors = vec![];
    errors.extend(check::<Organisation>(&d));
    errors.extend(check::<Person>(&d));
    errors.extend(check::<Body>(&d));
    errors.extend(check::<Relation>(&d));
    errors.extend(check::<Membership>(&d));
    errors.extend(check::<Agreement>(&d));
    errors.extend(check::<Meeting>(&d));
    errors.extend(check::<Paragraph>(&d));
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn history_values_read_as_words() {
    use serde_json::json;
    let d = Dataset::default();
    let reader = ChangeReader::new(&d);
    let adjusted = json!({"state": "adjusted", "date": {"stated": "2026-11-23"}});
    assert_eq!(
        reader.field_value("minutes", &adjusted),
        "Justerat 23 november 2026"
    );
    assert_eq!(
        reader.field_value("minutes", &json!({"state": "for_adjustment"})),
        "För justering"
    );
    assert_eq!(
        reader.field_value("mandate", &json!(["Bereda", "Följa upp"])),
        "Bereda; Följa upp"
    );
    assert_eq!(
        reader.field_value(
            "sections",
            &json!([{"title": "Villkor", "kind": "background"}])
        ),
        "Villkor, Bakgrund"
    );
    assert_eq!(
        reader.field_value("date", &json!({"stated": "2021-05-27"})),
        "27 maj 2021"
    );
    assert_eq!(
        reader.field_value("name", &serde_json::Value::Null),
        "(tomt)"
    );
}

#[test]
fn a_form_writes_only_the_fields_its_user_changed() {
    let mut d = data();
    // Two forms open on the same body (two tabs, or a form left open
    // while an import came in).
    let opened = body(&d, "nb-psb");
    let mut in_other_tab = opened.clone();
    in_other_tab.name = "Namn från andra fliken".into();
    d.save_from(&opened, in_other_tab, stamp("a")).unwrap();

    let mut in_this_form = opened.clone();
    in_this_form.short_name = Some("NY".into());
    let change = d
        .save_from(&opened, in_this_form, stamp("a"))
        .unwrap()
        .unwrap();
    let fields: Vec<&str> = change.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["short_name"]);
    let saved = body(&d, "nb-psb");
    assert_eq!(saved.name, "Namn från andra fliken");
    assert_eq!(saved.short_name.as_deref(), Some("NY"));

    // A form that changed nothing records nothing, even though the record
    // has changed since it was opened.
    assert_eq!(d.save_from(&opened, opened.clone(), stamp("a")), Ok(None));
    // A field cleared in the form is cleared.
    let mut cleared = saved.clone();
    cleared.short_name = None;
    d.save_from(&saved, cleared, stamp("a")).unwrap();
    assert_eq!(body(&d, "nb-psb").short_name, None);
    // A new record is saved whole.
    let new = new_body("Nytt organ");
    d.save_from(&new, new.clone(), stamp("a")).unwrap().unwrap();
    assert_eq!(body(&d, "ny").name, "Nytt organ");
}

/// Two tabs of one copy share the copy id; changes they make in the same
/// millisecond were given the same history id, and merging the tabs'
/// histories kept only one of them (tests/e2e/tabs.test.mjs, now and then).
#[test]
fn two_tabs_of_one_copy_changing_in_the_same_millisecond_keep_both_history_entries() {
    let mut a = data();
    let mut b = data();
    let mut psb = body(&a, "nb-psb");
    psb.name = "Namn från flik A".into();
    let from_a = a.save(psb, stamp("c")).unwrap().unwrap();
    let mut psb = body(&b, "nb-psb");
    psb.short_name = Some("FLIK-B".into());
    let from_b = b.save(psb, stamp("c")).unwrap().unwrap();

    let mut history_a = History::default();
    let mut history_b = History::default();
    let id_a = history_a.keep_by("tab-a", from_a, stamp("c"), None);
    let id_b = history_b.keep_by("tab-b", from_b, stamp("c"), None);
    assert_ne!(id_a, id_b);
    history_a.absorb(&history_b);
    history_b.absorb(&history_a);
    assert_eq!(history_a.entries.len(), 2);
    assert_eq!(history_a, history_b);
}
