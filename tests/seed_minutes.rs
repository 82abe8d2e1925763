//! The 2021 minutes of Politiska samverkansberedningen (src-004) are in the
//! built-in data set in full: attendance, signatures, agenda and § 1–13.

use chrono::{NaiveDate, NaiveTime};
use samverkan::model::*;
use samverkan::seed;

const MEETING: &str = "nb-psb-2021-protokoll";

fn data() -> Dataset {
    seed::built_in().expect("the built-in data set parses")
}

fn meeting(data: &Dataset) -> &Meeting {
    data.meeting(&MeetingId::new(MEETING))
        .expect("the 2021 minutes are built in")
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

#[test]
fn the_meeting_header_and_its_unknown_and_inferred_facts() {
    let data = data();
    let m = meeting(&data);
    assert_eq!(m.body.as_str(), "nb-psb");
    assert_eq!(m.place, "Digitalt via Microsoft Teams");
    assert_eq!(m.kind, MeetingKind::Ordinary);
    match &m.date {
        Fact::Inferred { value, reason } => {
            assert_eq!(*value, NaiveDate::from_ymd_opt(2021, 5, 27).unwrap());
            assert!(reason.contains("2021-05-27") && reason.contains("2021-04-20"));
        }
        other => panic!("the date is not printed and must be inferred: {other:?}"),
    }
    assert!(matches!(m.start, Fact::Unknown { .. }));
    match &m.minutes {
        MinutesState::Adjusted { date } => assert!(matches!(date, Fact::Unknown { .. })),
        other => panic!("expected adjusted minutes: {other:?}"),
    }
    assert!(m.note.as_deref().is_some_and(|n| !n.is_empty()));
    assert!(m
        .meta
        .sources
        .iter()
        .all(|s| s.document.as_str() == "src-004"));
}

#[test]
fn thirteen_decision_makers_with_their_paragraph_ranges() {
    let data = data();
    let m = meeting(&data);
    assert_eq!(m.decision_makers.len(), 13);
    let region = m
        .decision_makers
        .iter()
        .filter(|d| d.representing.as_str() == "region-nb")
        .count();
    let kommuner = m
        .decision_makers
        .iter()
        .filter(|d| d.representing.as_str() == "nb-kommuner")
        .count();
    assert_eq!((region, kommuner), (8, 5));

    let range = |id: &str| {
        m.decision_makers
            .iter()
            .find(|d| d.person.as_str() == id)
            .unwrap_or_else(|| panic!("{id} is a decision-maker"))
            .paragraphs
    };
    let r = |first, last| Some(ParagraphRange { first, last });
    assert_eq!(range("p-anders-oberg"), r(1, 7));
    assert_eq!(range("p-lennart-astrom"), r(8, 13));
    assert_eq!(range("p-emma-engelmark"), r(1, 7));
    let with_range = m
        .decision_makers
        .iter()
        .filter(|d| d.paragraphs.is_some())
        .count();
    assert_eq!(with_range, 3);

    // Who could decide on § 8: everyone but Anders Öberg and Emma Engelmark.
    let on_8 = m
        .decision_makers
        .iter()
        .filter(|d| d.paragraphs.is_none_or(|r| r.contains(8)))
        .count();
    assert_eq!(on_8, 11);

    let first = &m.decision_makers[0];
    assert_eq!(first.person.as_str(), "p-linda-frohm");
    assert_eq!(first.party.as_deref(), Some("M"));
    assert_eq!(first.role.as_deref(), Some("ordförande"));
    let oberg = m
        .decision_makers
        .iter()
        .find(|d| d.person.as_str() == "p-anders-oberg")
        .unwrap();
    assert_eq!(oberg.party, None, "the list gives Anders Öberg no party");
    let parties: Vec<Option<&str>> = m
        .decision_makers
        .iter()
        .map(|d| d.party.as_deref())
        .collect();
    assert_eq!(
        parties,
        [
            Some("M"),
            Some("SJVP"),
            Some("C"),
            None,
            Some("S"),
            Some("S"),
            Some("SJVP"),
            Some("S"),
            Some("S"),
            Some("S"),
            Some("S"),
            Some("S"),
            Some("S"),
        ]
    );
    for (id, town) in [
        ("p-beatrice-oman", "Boden"),
        ("p-anna-lundberg", "Älvsbyn"),
        ("p-louise-mork", "Piteå"),
        ("p-birgitta-larsson", "Gällivare"),
        ("p-emma-engelmark", "Luleå"),
    ] {
        let d = m
            .decision_makers
            .iter()
            .find(|d| d.person.as_str() == id)
            .unwrap();
        assert!(d.note.as_deref().unwrap().starts_with(town), "{id}");
    }
}

#[test]
fn ten_other_participants_with_titles_as_written() {
    let data = data();
    let m = meeting(&data);
    assert_eq!(m.participants.len(), 10);
    let lakso = &m.participants[1];
    assert_eq!(lakso.person.as_str(), "p-eva-lakso");
    assert_eq!(lakso.role, "Avdelningschef social välfärd");
    for p in &m.participants {
        let person = data.person(&p.person).expect("participant exists");
        assert_eq!(person.title.as_deref(), Some(p.role.as_str()));
        assert!(person.organisation.is_some());
    }
    // 13 decision-makers and 10 other participants, each a person record.
    let mut attending: Vec<&str> = m
        .decision_makers
        .iter()
        .map(|d| d.person.as_str())
        .chain(m.participants.iter().map(|p| p.person.as_str()))
        .collect();
    attending.sort_unstable();
    attending.dedup();
    assert_eq!(attending.len(), 23);
    assert!(attending
        .iter()
        .all(|id| data.person(&PersonId::new(*id)).is_some()));
}

#[test]
fn chair_secretary_adjuster_and_signatures() {
    let data = data();
    let m = meeting(&data);
    assert_eq!(m.chair.as_ref().map(|p| p.as_str()), Some("p-linda-frohm"));
    assert_eq!(
        m.secretary.as_ref().map(|p| p.as_str()),
        Some("p-kristina-larsson")
    );
    let adjusters: Vec<&str> = m.adjusters.iter().map(|p| p.as_str()).collect();
    assert_eq!(adjusters, ["p-beatrice-oman"]);
    let signatures: Vec<(&str, SignatureRole)> = m
        .signatures
        .iter()
        .map(|s| (s.person.as_str(), s.role))
        .collect();
    assert_eq!(
        signatures,
        [
            ("p-kristina-larsson", SignatureRole::Secretary),
            ("p-linda-frohm", SignatureRole::Chair),
            ("p-beatrice-oman", SignatureRole::Adjuster),
        ]
    );
    let all = Some(ParagraphRange { first: 1, last: 13 });
    assert!(m.signatures.iter().all(|s| s.paragraphs == all));
}

#[test]
fn the_name_variant_is_one_person() {
    let data = data();
    let with_variant: Vec<&Person> = data
        .live_people()
        .filter(|p| p.name_variants.iter().any(|v| v == "Beatrice Öhman"))
        .collect();
    assert_eq!(with_variant.len(), 1);
    assert_eq!(with_variant[0].id.as_str(), "p-beatrice-oman");
    assert_eq!(with_variant[0].name, "Beatrice Öman");
    assert!(data.live_people().all(|p| p.name != "Beatrice Öhman"));
    let p1 = &data.paragraphs_of(&MeetingId::new(MEETING))[0];
    assert!(p1.decision.as_deref().unwrap().contains("Beatrice Öhman"));
    let kurt = data.person(&PersonId::new("p-kurt-ake-andersson")).unwrap();
    assert_eq!(kurt.name, "Kurt–Åke Andersson");
}

#[test]
fn the_agenda_with_times_breaks_presenters_and_documents() {
    let data = data();
    let m = meeting(&data);
    assert_eq!(m.agenda.len(), 16);
    let numbered: Vec<u32> = m.agenda.iter().filter_map(|a| a.number).collect();
    assert_eq!(numbered, (1..=13).collect::<Vec<_>>());
    let unnumbered: Vec<&str> = m
        .agenda
        .iter()
        .filter(|a| a.number.is_none())
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(unnumbered, ["Upprop", "Bensträckare", "Lunch"]);

    let slot = |title: &str| {
        let a = m.agenda.iter().find(|a| a.title == title).unwrap();
        (a.start, a.end)
    };
    assert_eq!(
        slot("Bensträckare"),
        (Some(time(11, 15)), Some(time(11, 30)))
    );
    assert_eq!(slot("Lunch"), (Some(time(12, 0)), Some(time(13, 0))));

    let by_number = |n: u32| m.agenda.iter().find(|a| a.number == Some(n)).unwrap();
    let times: Vec<(u32, NaiveTime, NaiveTime)> = m
        .agenda
        .iter()
        .filter_map(|a| Some((a.number?, a.start?, a.end?)))
        .collect();
    assert_eq!(
        times,
        [
            (4, time(10, 15), time(10, 45)),
            (5, time(10, 45), time(11, 0)),
            (6, time(11, 0), time(11, 15)),
            (7, time(11, 30), time(12, 0)),
            (8, time(13, 0), time(13, 45)),
            (9, time(13, 45), time(14, 30)),
        ]
    );
    for n in [1, 2, 3, 10, 11, 12, 13] {
        assert!(by_number(n).start.is_none(), "item {n} has no time");
    }
    // The timed slots follow each other without gaps.
    let timed: Vec<&AgendaItem> = m.agenda.iter().filter(|a| a.start.is_some()).collect();
    for w in timed.windows(2) {
        assert_eq!(w[0].end, w[1].start);
    }

    let presenters =
        |n: u32| -> Vec<&str> { by_number(n).presenters.iter().map(|p| p.as_str()).collect() };
    assert_eq!(presenters(4), ["p-eva-lakso", "p-anders-blomqvist"]);
    assert_eq!(presenters(9), ["p-helena-asklund", "p-karin-nordberg"]);
    assert_eq!(by_number(7).documents.len(), 2);
    assert_eq!(
        by_number(7).documents[0].reference.as_deref(),
        Some("SOU 2021:34")
    );
    assert_eq!(by_number(8).documents.len(), 2);
    assert_eq!(by_number(9).documents.len(), 4);
    assert_eq!(by_number(9).notes.len(), 2);
    assert_eq!(by_number(10).notes.len(), 1);
    assert_eq!(by_number(11).notes.len(), 1);
}

#[test]
fn thirteen_paragraphs_with_proposals_and_decisions() {
    let data = data();
    let paragraphs = data.paragraphs_of(&MeetingId::new(MEETING));
    assert_eq!(paragraphs.len(), 13);
    let numbers: Vec<u32> = paragraphs.iter().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=13).collect::<Vec<_>>());
    for p in &paragraphs {
        assert_eq!(p.id.as_str(), format!("nb-psb-2021-p{}", p.number));
        assert!(!p.title.is_empty());
        assert_eq!(
            p.meta.sources[0].locator.as_deref(),
            Some(&*format!("§ {}", p.number))
        );
    }

    // § 1–10 each record a decision (§ 9 in each of its two parts).
    for p in &paragraphs[..10] {
        if p.number == 9 {
            assert!(p.decision.is_none());
            continue;
        }
        assert!(p.proposal.is_some(), "§ {} has a proposal", p.number);
        assert!(p.decision.is_some(), "§ {} has a decision", p.number);
        assert_ne!(p.decision_kind, DecisionKind::NoDecision);
    }
    for p in &paragraphs[10..] {
        assert_eq!(p.decision_kind, DecisionKind::NoDecision, "§ {}", p.number);
        assert!(p.decision.is_none() && p.proposal.is_none());
        assert!(!p.background.is_empty());
    }

    let kinds: Vec<DecisionKind> = paragraphs.iter().map(|p| p.decision_kind).collect();
    use DecisionKind::*;
    assert_eq!(
        kinds,
        [
            Elected,
            Approved,
            NotedToFile,
            NotedToFile,
            NotedToFile,
            NotedToFile,
            NotedToFile,
            Adopted,
            NotedToFile,
            Approved,
            NoDecision,
            NoDecision,
            NoDecision,
        ]
    );

    // The source's wording is kept, also where it is ungrammatical.
    assert_eq!(
        paragraphs[1].decision.as_deref(),
        Some("Politiska samverkansberedningen beslutar att godkänner dagordningen")
    );
    assert!(paragraphs[0]
        .proposal
        .as_deref()
        .unwrap()
        .starts_with("Beredningen föreslår"));
    assert_eq!(
        paragraphs[2].documents[0].title,
        "Politiska samverkansberedningens protokoll 2021-04-20"
    );
    assert_eq!(paragraphs[3].background.len(), 3);
}

#[test]
fn paragraph_9_has_two_parts_each_with_proposal_and_decision() {
    let data = data();
    let p9 = data.paragraphs_of(&MeetingId::new(MEETING))[8];
    assert_eq!(p9.title, "Information från Länsstyrgruppen");
    assert_eq!(p9.parts.len(), 2);
    for part in &p9.parts {
        assert!(part.proposal.is_some() && part.decision.is_some());
        assert!(part.background.iter().any(|b| b
            == &Block::Heading {
                heading: "Bakgrund".into()
            }));
    }
    let focus = p9.parts[0].background.iter().find_map(|b| match b {
        Block::List(items) => Some(items.len()),
        _ => None,
    });
    assert_eq!(focus, Some(4));
    // The source's typo in the date is kept as written.
    assert!(p9.parts[1]
        .background
        .iter()
        .any(|b| b.texts().iter().any(|t| t.contains("201-12-19"))));
}

#[test]
fn follow_ups_promised_in_the_decisions() {
    let data = data();
    let paragraphs = data.paragraphs_of(&MeetingId::new(MEETING));
    let count: Vec<(u32, usize)> = paragraphs
        .iter()
        .filter(|p| !p.follow_ups.is_empty())
        .map(|p| (p.number, p.follow_ups.len()))
        .collect();
    assert_eq!(count, [(4, 2), (8, 2), (10, 1), (11, 1)]);
    let p4 = paragraphs[3];
    assert_eq!(
        p4.follow_ups[0].due,
        Some(NaiveDate::from_ymd_opt(2021, 5, 27).unwrap())
    );
    assert_eq!(
        p4.follow_ups[0].to_body.as_ref().map(|b| b.as_str()),
        Some("nb-psb")
    );
    assert_eq!(p4.follow_ups[1].due, None);
    assert_eq!(
        paragraphs[9].follow_ups[0].due, None,
        "the year is not stated"
    );
}

#[test]
fn memberships_for_every_decision_maker_and_the_secretary() {
    let data = data();
    let m = meeting(&data);
    let seats: Vec<&Membership> = data
        .memberships
        .iter()
        .filter(|s| s.id.as_str().starts_with("m-psb-"))
        .collect();
    assert_eq!(seats.len(), 14);
    for d in &m.decision_makers {
        let seat = seats
            .iter()
            .find(|s| s.person == d.person)
            .unwrap_or_else(|| panic!("{} has a seat", d.person));
        assert_eq!(seat.body.as_str(), "nb-psb");
        assert_eq!(seat.representing.as_ref(), Some(&d.representing));
        assert!(seat.from.is_none() && seat.to.is_none());
        assert!(seat.note.is_some());
        let expected = if d.person.as_str() == "p-linda-frohm" {
            MembershipRole::Chair
        } else {
            MembershipRole::Member
        };
        assert_eq!(seat.role, expected);
    }
    let secretary = seats
        .iter()
        .find(|s| s.person.as_str() == "p-kristina-larsson")
        .unwrap();
    assert_eq!(secretary.role, MembershipRole::Secretary);
    assert!(!seats
        .iter()
        .any(|s| matches!(s.role, MembershipRole::Substitute { .. })));
}

#[test]
fn a_countys_meetings_are_those_of_its_bodies_latest_first() {
    let data = data();
    let mut counted = 0;
    for county in data.live_counties() {
        let meetings = data.meetings_of_county(&county.id);
        for meeting in &meetings {
            let body = data.body(&meeting.body).expect("the meeting's body");
            assert_eq!(body.county, county.id, "{} is of {}", meeting.id, county.id);
        }
        let dates: Vec<_> = meetings.iter().map(|m| m.date.value()).collect();
        let mut latest_first = dates.clone();
        latest_first.sort_by(|a, b| b.cmp(a));
        assert_eq!(dates, latest_first, "{}: latest first", county.id);
        counted += meetings.len();
    }
    assert_eq!(counted, data.live_meetings().count());
    assert!(data
        .meetings_of_county(&CountyId::new("nb"))
        .iter()
        .any(|m| m.id.as_str() == MEETING));
}
