//! The chair rotations of both counties, across many years, as the built-in
//! data states them (Norrbotten: inferred from the 2021 minutes; Västerbotten:
//! unknown until a person gives the start).

use samverkan::model::*;
use samverkan::rules::rotation_holder;

fn rotation(data: &Dataset, body: &str) -> (usize, Rotation) {
    let body = data.body(&BodyId::new(body)).expect("body");
    body.offices
        .iter()
        .enumerate()
        .find_map(|(i, rule)| rule.rotation.clone().map(|r| (i, r)))
        .expect("a rotation rule")
}

fn holder(rotation: &Rotation, year: i32) -> Option<String> {
    rotation_holder(rotation, year).map(|party| match party {
        RotationParty::Organisation(org) => org.to_string(),
        RotationParty::MunicipalitiesOf { municipalities_of } => {
            format!("kommunerna-{municipalities_of}")
        }
    })
}

#[test]
fn norrbotten_chair_and_secretariat_alternate_from_2021() {
    let data = samverkan::seed::built_in().unwrap();
    let (_, psb) = rotation(&data, "nb-psb");
    let cases = [
        (2017, "region-nb"),
        (2018, "nb-kommuner"),
        (2019, "region-nb"),
        (2020, "nb-kommuner"),
        (2021, "region-nb"),
        (2022, "nb-kommuner"),
        (2023, "region-nb"),
        (2024, "nb-kommuner"),
        (2025, "region-nb"),
        (2026, "nb-kommuner"),
        (2030, "nb-kommuner"),
        (2031, "region-nb"),
    ];
    for (year, expected) in cases {
        assert_eq!(holder(&psb, year).as_deref(), Some(expected), "{year}");
    }
}

#[test]
fn vasterbotten_rotation_is_unknown_until_a_start_is_given() {
    let mut data = samverkan::seed::built_in().unwrap();
    for body in ["vb-samrad", "vb-lsg"] {
        let (index, before) = rotation(&data, body);
        for year in 2019..=2030 {
            assert_eq!(holder(&before, year), None, "{body} {year}");
        }
        let start = RotationStart {
            year: 2020,
            party: RotationParty::MunicipalitiesOf {
                municipalities_of: CountyId::new("vb"),
            },
        };
        let stamp = ChangeStamp {
            copy_id: "test".into(),
            writer: None,
            organisation: Some("Region Västerbotten".into()),
            person: None,
            at: "2026-11-22T12:00:00Z".into(),
        };
        data.set_rotation_start(&BodyId::new(body), index, start, stamp)
            .unwrap();
        let (_, after) = rotation(&data, body);
        for (year, expected) in [
            (2019, "region-vb"),
            (2020, "kommunerna-vb"),
            (2021, "region-vb"),
            (2022, "kommunerna-vb"),
            (2029, "region-vb"),
            (2030, "kommunerna-vb"),
        ] {
            assert_eq!(
                holder(&after, year).as_deref(),
                Some(expected),
                "{body} {year}"
            );
        }
    }
}
