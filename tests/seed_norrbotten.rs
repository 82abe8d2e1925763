//! The Norrbotten fragment (agreement 2016 and the web page 2019-02-15)
//! matches its sources: counts of mandate bullets, composition, rules and
//! sections, and the agreement's dates and terms.

use chrono::NaiveDate;
use samverkan::model::*;
use samverkan::seed;

fn data() -> Dataset {
    seed::built_in().expect("the built-in data set parses")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn politiska_samverkansberedningen() {
    let data = data();
    let psb = data.body(&BodyId::new("nb-psb")).expect("nb-psb");
    assert_eq!(psb.name, "Politiska samverkansberedningen");
    assert_eq!(psb.short_name, None);
    assert_eq!(psb.level, BodyLevel::Political);
    assert_eq!(psb.formed.as_deref(), Some("hösten 2012"));
    assert_eq!(psb.mandate.len(), 9);
    assert_eq!(
        psb.mandate[8],
        "Vara politisk styrgrupp för länsstyrgruppen inom hälso- och sjukvård, socialtjänst och skola."
    );

    let seats: Vec<(Option<u32>, Option<&str>)> = psb
        .composition
        .iter()
        .map(|c| (c.seats, c.drawn_from.as_ref().map(BodyId::as_str)))
        .collect();
    assert_eq!(
        seats,
        vec![
            (Some(5), Some("nb-regionstyrelsen")),
            (Some(5), Some("nb-socialberedningen")),
            (Some(4), Some("nb-bu-beredningen")),
        ]
    );
    assert_eq!(
        psb.substitutes.as_ref().map(|s| s.kind),
        Some(SubstituteKind::Personal)
    );

    assert_eq!(psb.offices.len(), 1);
    let office = &psb.offices[0];
    assert_eq!(office.offices, vec![Office::Chair, Office::Secretary]);
    let rotation = office.rotation.as_ref().expect("rotation");
    assert_eq!(rotation.period_years, 1);
    assert_eq!(rotation.between.len(), 2);
    // The agreement does not state the start; the 2021 minutes show Region
    // Norrbotten holding the chair and the secretariat that year.
    let start = rotation
        .start
        .value()
        .expect("start inferred from the 2021 minutes");
    assert_eq!(start.year, 2021);
    assert_eq!(start.party, RotationParty::Organisation("region-nb".into()));
    assert!(rotation.start.caveat().is_some(), "the inference says why");
    let holder = |year| match samverkan::rules::rotation_holder(rotation, year) {
        Some(RotationParty::Organisation(org)) => Some(org.as_str()),
        _ => None,
    };
    assert_eq!(holder(2021), Some("region-nb"));
    assert_eq!(holder(2026), Some("nb-kommuner"));
    assert_eq!(holder(2027), Some("region-nb"));

    let kinds: Vec<MeetingRuleKind> = psb.meeting_rules.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        vec![
            MeetingRuleKind::MinutesRequired,
            MeetingRuleKind::MinimumPerYear,
            MeetingRuleKind::ExtraOnRequest,
            MeetingRuleKind::JointThemeDays,
        ]
    );
    assert_eq!(psb.meeting_rules[1].per_year, Some(4));
    assert_eq!(psb.meeting_rules[3].per_year, Some(2));
    assert_eq!(
        psb.meeting_rules[3].with.as_ref().map(BodyId::as_str),
        Some("nb-lansstyrgruppen")
    );

    let agreement = data.establishing_agreement(psb).expect("agreement");
    assert_eq!(agreement.id.as_str(), "nb-overenskommelse-2016");
}

#[test]
fn lansstyrgruppen() {
    let data = data();
    let lsg = data
        .body(&BodyId::new("nb-lansstyrgruppen"))
        .expect("nb-lansstyrgruppen");
    assert_eq!(lsg.name, "Länsstyrgruppen");
    assert_eq!(lsg.short_name, None, "the sources give no short name");
    assert_eq!(lsg.level, BodyLevel::Officials);
    assert_eq!(lsg.mandate.len(), 7);
    let seats: Vec<Option<u32>> = lsg.composition.iter().map(|c| c.seats).collect();
    assert_eq!(seats, vec![Some(5), Some(4), Some(5), None]);
    assert_eq!(lsg.meeting_rules.len(), 1);
    assert_eq!(lsg.meeting_rules[0].kind, MeetingRuleKind::ThemeConferences);
    assert_eq!(lsg.meeting_rules[0].per_year, Some(2));
    assert!(lsg.established_by.is_none());
}

#[test]
fn psb_is_political_steering_group_for_lansstyrgruppen() {
    let data = data();
    let psb = BodyId::new("nb-psb");
    let relation = data
        .relations_from(&psb)
        .find(|r| r.id.as_str() == "nb-rel-psb-styr-lsg")
        .expect("nb-rel-psb-styr-lsg");
    assert_eq!(relation.kind, RelationKind::SteeringGroupFor);
    assert_eq!(relation.to.as_str(), "nb-lansstyrgruppen");
}

#[test]
fn party_bodies_belong_to_their_party() {
    let data = data();
    for (id, owner) in [
        ("nb-regionstyrelsen", "region-nb"),
        ("nb-socialberedningen", "nb-kommuner"),
        ("nb-bu-beredningen", "nb-kommuner"),
        ("nb-nk-styrelse", "nb-kommuner"),
    ] {
        let body = data.body(&BodyId::new(id)).expect(id);
        assert_eq!(body.level, BodyLevel::PartyBody, "{id}");
        assert_eq!(body.owner.as_ref().map(|o| o.as_str()), Some(owner), "{id}");
    }
}

#[test]
fn the_agreement_of_2016() {
    let data = data();
    let agreement = data
        .agreement(&AgreementId::new("nb-overenskommelse-2016"))
        .expect("agreement");
    assert_eq!(agreement.date, Fact::Stated(date(2016, 12, 1)));
    assert_eq!(agreement.parties.len(), 2);
    assert_eq!(agreement.signatories.len(), 2);

    let sections: Vec<(&str, SectionKind)> = agreement
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.kind))
        .collect();
    assert_eq!(
        sections,
        vec![
            ("Bakgrund", SectionKind::Background),
            ("Målbild", SectionKind::Goals),
            ("Prioriterade områden", SectionKind::Priorities),
            ("Uppdrag", SectionKind::Mandate),
            ("Utgångspunkter", SectionKind::StartingPoints),
            ("Former för samarbete", SectionKind::Forms),
            ("Ikraftträdande", SectionKind::EntryIntoForce),
        ]
    );
    let lists = |title: &str| -> Vec<usize> {
        agreement
            .sections
            .iter()
            .find(|s| s.title == title)
            .unwrap()
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::List(items) => Some(items.len()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(lists("Prioriterade områden"), vec![4, 4]);
    assert_eq!(lists("Uppdrag"), vec![9]);
    assert_eq!(lists("Former för samarbete"), vec![7]);
    assert_eq!(lists("Bakgrund"), Vec::<usize>::new());

    let entry = agreement.entry_into_force.as_ref().expect("entry");
    assert_eq!(entry.date, Fact::Stated(date(2017, 1, 1)));
    assert!(entry.condition.is_some());
    let adopted: Vec<&str> = entry.adopted_by.iter().map(BodyId::as_str).collect();
    assert_eq!(adopted, vec!["nb-nk-styrelse", "nb-regionstyrelsen"]);

    assert_eq!(agreement.validity, Validity::UntilFurtherNotice);
    let notice = agreement.notice.as_ref().expect("notice");
    assert_eq!(notice.months, 6);
    assert!(notice.mutual);
    assert!(matches!(
        agreement.follow_up.as_slice(),
        [FollowUpRule::Every { years: 2, .. }]
    ));
    let establishes: Vec<&str> = agreement.establishes.iter().map(BodyId::as_str).collect();
    assert_eq!(establishes, vec!["nb-psb"]);
}

#[test]
fn signatories_and_their_stated_seats() {
    let data = data();
    let stenberg = PersonId::new("p-maria-stenberg");
    let chair = data
        .memberships_of(&stenberg)
        .find(|m| m.body.as_str() == "nb-regionstyrelsen")
        .expect("Maria Stenberg in regionstyrelsen");
    assert_eq!(chair.role, MembershipRole::Chair);
    let flinkfeldt = PersonId::new("p-britta-flinkfeldt");
    assert!(data.person(&flinkfeldt).is_some());
}

#[test]
fn every_norrbotten_record_names_its_source() {
    let data = data();
    for id in [
        "nb-psb",
        "nb-lansstyrgruppen",
        "nb-regionstyrelsen",
        "nb-socialberedningen",
        "nb-bu-beredningen",
        "nb-nk-styrelse",
    ] {
        let body = data.body(&BodyId::new(id)).unwrap();
        assert!(!body.meta.sources.is_empty(), "{id}");
    }
}
