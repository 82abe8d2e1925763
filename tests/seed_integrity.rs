//! The built-in data set: it loads, every reference resolves, and its counts
//! match the source documents.

use samverkan::model::*;
use samverkan::seed;

fn data() -> Dataset {
    seed::built_in().expect("the built-in data set parses")
}

#[test]
fn every_reference_resolves_and_ids_are_unique() {
    let check = data().check_references();
    let problems: Vec<String> = check
        .dangling
        .iter()
        .map(|d| d.to_string())
        .chain(check.duplicate_ids.iter().map(|d| format!("dubblett: {d}")))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn both_counties_with_their_municipalities() {
    let data = data();
    let municipalities = |county: &str| {
        data.live_organisations()
            .filter(|o| o.kind == OrganisationKind::Municipality && o.county.as_str() == county)
            .count()
    };
    assert_eq!(municipalities("nb"), 14);
    assert_eq!(municipalities("vb"), 15);
}

#[test]
fn round_trips_through_serde_unchanged() {
    let data = data();
    let json = serde_json::to_string(&data).unwrap();
    let back: Dataset = serde_json::from_str(&json).unwrap();
    assert_eq!(back, data);
}
