//! The Västerbotten agreement (source document 003) as transcribed into the
//! built-in data set: its bodies, relations and agreement facts.

use chrono::NaiveDate;
use samverkan::model::*;
use samverkan::seed;

fn data() -> Dataset {
    seed::built_in().expect("the built-in data set parses")
}

fn body<'a>(data: &'a Dataset, id: &str) -> &'a Body {
    data.body(&BodyId::from(id))
        .unwrap_or_else(|| panic!("organ {id} saknas"))
}

fn agreement(data: &Dataset) -> &Agreement {
    data.agreement(&AgreementId::from("vb-overenskommelse-2020"))
        .expect("överenskommelsen 2020 finns")
}

#[test]
fn all_bodies_of_vasterbotten() {
    let data = data();
    let ids: Vec<&str> = data
        .live_bodies()
        .filter(|b| b.county.as_str() == "vb")
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(ids.len(), 15, "{ids:?}");
    for id in [
        "vb-samrad",
        "vb-samrad-au",
        "vb-regionledningsmotet",
        "vb-ledningsseminarium",
        "vb-sarskilda-samrad",
        "vb-lsg",
        "vb-lsg-au",
        "vb-beredning-barn-unga",
        "vb-beredning-vuxna-aldre",
        "vb-hjalpmedelsradet",
        "vb-patientsakerhet",
        "vb-koordinatorer",
        "vb-samordningsforbund",
        "vb-kommunstyrelserna",
        "vb-regionstyrelsen",
    ] {
        assert!(ids.contains(&id), "{id} saknas");
    }
    assert_eq!(body(&data, "vb-lsg").short_name.as_deref(), Some("LSG"));
    assert_eq!(body(&data, "vb-lsg").level, BodyLevel::Officials);
    assert_eq!(body(&data, "vb-samrad").level, BodyLevel::Political);
    assert_eq!(
        body(&data, "vb-koordinatorer")
            .owner
            .as_ref()
            .map(|o| o.as_str()),
        Some("region-vb")
    );
}

#[test]
fn relations_between_the_bodies() {
    let data = data();
    let vb: Vec<&Relation> = data
        .relations
        .iter()
        .filter(|r| r.id.as_str().starts_with("vb-rel-"))
        .collect();
    assert_eq!(vb.len(), 22);
    let count = |kind: RelationKind| vb.iter().filter(|r| r.kind == kind).count();
    assert_eq!(count(RelationKind::PreparesCasesFor), 1);
    assert_eq!(count(RelationKind::WorkingCommitteeOf), 2);
    assert_eq!(count(RelationKind::MayReferTo), 1);
    assert_eq!(count(RelationKind::SetsMandateOf), 6);
    assert_eq!(count(RelationKind::Organises), 1);
    assert_eq!(count(RelationKind::Supports), 2);
    assert_eq!(count(RelationKind::SubBodyOf), 4);
    assert_eq!(count(RelationKind::ChairSitsIn), 2);
    assert_eq!(count(RelationKind::AdjunctTo), 2);
    assert_eq!(count(RelationKind::CoordinatesWith), 1);
    assert!(
        vb.iter().all(|r| r.note.is_some()),
        "varje relation har sin mening"
    );
    assert!(vb.iter().any(|r| r.from.as_str() == "vb-lsg"
        && r.to.as_str() == "vb-samrad"
        && r.kind == RelationKind::PreparesCasesFor));
}

#[test]
fn composition_of_samradet_and_lsg() {
    let data = data();
    let seats = |id: &str| -> Vec<(Option<u32>, Option<u32>, bool)> {
        body(&data, id)
            .composition
            .iter()
            .map(|r| (r.seats, r.substitutes, r.optional))
            .collect()
    };
    assert_eq!(
        seats("vb-samrad"),
        vec![
            (Some(1), Some(1), false),
            (Some(2), Some(2), true),
            (Some(3), Some(3), false)
        ]
    );
    assert_eq!(
        seats("vb-lsg"),
        vec![
            (Some(1), Some(1), false),
            (Some(2), Some(2), true),
            (Some(4), Some(4), false),
            (Some(1), None, false),
            (Some(1), None, false)
        ]
    );
    let samrad = body(&data, "vb-samrad");
    assert_eq!(
        samrad.substitutes.as_ref().map(|s| s.kind),
        Some(SubstituteKind::Group)
    );
    let presenter = samrad
        .offices
        .iter()
        .find(|o| o.offices == [Office::Presenter])
        .expect("föredragande");
    assert_eq!(
        presenter.held_by,
        Some(OfficeRef {
            body: BodyId::from("vb-lsg"),
            office: Office::Chair
        })
    );
    let rotation = samrad.offices[0].rotation.as_ref().expect("växling");
    assert_eq!(rotation.period_years, 1);
    assert_eq!(
        rotation.between,
        vec![
            RotationParty::Organisation("region-vb".into()),
            RotationParty::MunicipalitiesOf {
                municipalities_of: "vb".into()
            },
        ]
    );
    assert!(rotation.start.value().is_none());
}

#[test]
fn the_agreement_of_2020() {
    let data = data();
    let agreement = agreement(&data);
    assert_eq!(agreement.sections.len(), 35);
    let numbers: Vec<&str> = agreement
        .sections
        .iter()
        .filter_map(|s| s.number.as_deref())
        .collect();
    assert_eq!(numbers.first(), Some(&"1"));
    assert_eq!(numbers.last(), Some(&"11"));
    assert!(numbers.contains(&"5.4") && numbers.contains(&"6.3"));
    assert!(agreement.date.value().is_none());
    assert_eq!(agreement.validity, Validity::UntilFurtherNotice);

    let notice = agreement.notice.as_ref().expect("uppsägning");
    assert_eq!(notice.months, 12);
    assert_eq!(
        notice.addressed_to.as_ref().map(|b| b.as_str()),
        Some("vb-samrad")
    );
    assert!(notice
        .text
        .contains("tolv månader efter det att en sådan skrivelse behandlats"));

    let follow_up_section = agreement
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::FollowUp)
        .expect("uppföljning");
    assert_eq!(follow_up_section.number.as_deref(), Some("9"));
    assert_eq!(
        agreement.follow_up,
        vec![FollowUpRule::NoLaterThan {
            date: NaiveDate::from_ymd_opt(2023, 9, 1).unwrap(),
            text: follow_up_section.blocks[0].texts()[0].to_owned(),
        }]
    );
    let shares: Vec<(&str, u32)> = agreement
        .cost_sharing
        .iter()
        .map(|c| (c.payer.as_str(), c.percent))
        .collect();
    assert_eq!(shares, vec![("kommunerna", 50), ("regionen", 50)]);
    assert!(agreement
        .cost_sharing
        .iter()
        .all(|c| c.item.contains("2.0 årsarbetare")));
    assert_eq!(agreement.establishes.len(), 11);

    let effect_goals = agreement
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::EffectGoals)
        .expect("effektmål");
    assert!(matches!(&effect_goals.blocks[1], Block::List(goals) if goals.len() == 5));
}
