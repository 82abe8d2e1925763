//! Forward compatibility (issue 19): fields and record kinds this version
//! does not know — a file from a newer version — are kept, merged like the
//! others and passed on unchanged, never dropped; their version entries stay
//! with their values, so sending them back blanks nothing.

use samverkan::exchange::{canonical, export, merge, merge_into, parse, Origin, UnknownInFile};
use samverkan::model::*;
use serde_json::{json, Value};

const LIMIT: usize = 50 * 1024 * 1024;

fn origin(copy: &str) -> Origin {
    Origin {
        organisation: None,
        copy_id: copy.into(),
    }
}

fn stamp(copy: &str, at: &str) -> Value {
    json!({"copy_id": copy, "at": at})
}

/// A file as a newer version writes it: the county has a field `flag`
/// (versioned like any field) and there is a kind `widgets`.
fn newer_file(flag: &str, counter: u64) -> String {
    let s = stamp("ny", "2026-12-01T10:00:00Z");
    let data = json!({
        "schema_version": SCHEMA_VERSION,
        "counties": [{"id": "nb", "name": "Norrbotten", "flag": flag,
            "meta": {"version": {"ny": counter}, "last_change": s,
                "fields": {"flag": {"version": {"ny": counter}, "change": s}}}}],
        "widgets": [{"id": "w1", "size": 3, "meta": {"version": {"ny": 1}}}],
    });
    let file = json!({
        "format": samverkan::exchange::FORMAT,
        "schema_version": SCHEMA_VERSION,
        "origin": {"copy_id": "ny"},
        "created_at": "2026-12-01T10:00:00Z",
        "checksum": samverkan::exchange::checksum(&data),
        "data": data,
    });
    serde_json::to_string_pretty(&file).unwrap()
}

fn county_json(text: &str) -> Value {
    let file: Value = serde_json::from_str(text).unwrap();
    file["data"]["counties"][0].clone()
}

#[test]
fn unknown_fields_and_kinds_are_read_named_and_written_back_unchanged() {
    let imported = parse(&newer_file("blå", 1), LIMIT).unwrap();
    let unknown = UnknownInFile::of(&imported.data);
    assert_eq!(unknown.fields.len(), 1);
    assert_eq!(unknown.fields[0].0.id, "nb");
    assert_eq!(unknown.fields[0].1, vec!["flag".to_owned()]);
    assert_eq!(unknown.kinds, vec![("widgets".to_owned(), 1)]);

    let again = export(&imported.data, origin("here"), "2026-12-02T10:00:00Z");
    let county = county_json(&again);
    assert_eq!(county["flag"], "blå");
    assert_eq!(
        county["meta"]["fields"]["flag"]["version"],
        json!({"ny": 1})
    );
    assert!(county["meta"].get("unknown").is_none());
    let file: Value = serde_json::from_str(&again).unwrap();
    assert_eq!(
        file["data"]["widgets"],
        json!([{"id": "w1", "size": 3, "meta": {"version": {"ny": 1}}}])
    );
    // And that file reads again as the same data (the checksum holds).
    assert_eq!(parse(&again, LIMIT).unwrap().data, imported.data);
}

#[test]
fn a_copy_that_merges_and_edits_keeps_the_unknown_field_and_passes_it_on() {
    let local = samverkan::seed::built_in().unwrap();
    let imported = parse(&newer_file("blå", 1), LIMIT).unwrap();
    let mut merged = merge(&local, &imported.data).unwrap();
    let county = merged.county(&CountyId::new("nb")).unwrap();
    assert_eq!(county.meta.unknown["flag"], "blå");
    assert_eq!(county.name, "Norrbotten");
    assert_eq!(merged.other_kinds["widgets"][0]["size"], 3);

    // A local edit of a known field leaves the unknown one as it is.
    let mut record = merged.county(&CountyId::new("nb")).unwrap().clone();
    let before = record_fields(&record);
    record.name = "Norrbottens län".into();
    let edit: ChangeStamp = serde_json::from_value(stamp("here", "2026-12-03T10:00:00Z")).unwrap();
    touch_changed(&mut record, &before, edit);
    let at = merged
        .counties
        .iter()
        .position(|c| c.id.as_str() == "nb")
        .unwrap();
    merged.counties[at] = record;

    // Sent back to the newer copy: the flag is there with its own version.
    let back = export(&merged, origin("here"), "2026-12-03T10:00:00Z");
    let file: Value = serde_json::from_str(&back).unwrap();
    let counties = file["data"]["counties"].as_array().unwrap();
    let county = counties.iter().find(|c| c["id"] == "nb").unwrap();
    assert_eq!(county["flag"], "blå");
    assert_eq!(county["name"], "Norrbottens län");
    assert_eq!(
        county["meta"]["fields"]["flag"]["version"],
        json!({"ny": 1})
    );
}

#[test]
fn unknown_fields_merge_like_known_ones_both_ways() {
    let base = samverkan::seed::built_in().unwrap();
    let old = parse(&newer_file("blå", 1), LIMIT).unwrap().data;
    let new = parse(&newer_file("röd", 2), LIMIT).unwrap().data;
    let here = merge(&base, &old).unwrap();
    // The newer value replaces the older, whichever side holds which.
    let ab = merge(&here, &new).unwrap();
    let ba = merge(&new, &here).unwrap();
    assert_eq!(canonical(&ab), canonical(&ba));
    let county = ab.county(&CountyId::new("nb")).unwrap();
    assert_eq!(county.meta.unknown["flag"], "röd");
    assert!(county.meta.conflicts.is_empty());
    // Merging in place gives the same.
    let mut into = here.clone();
    assert!(merge_into(&mut into, &new).unwrap());
    assert_eq!(canonical(&into), canonical(&ab));
    // And merging again changes nothing.
    assert_eq!(canonical(&merge(&ab, &new).unwrap()), canonical(&ab));
}

#[test]
fn unknown_kinds_merge_record_by_record() {
    let mut a = Dataset::default();
    a.other_kinds.insert(
        "widgets".into(),
        json!([{"id": "w1", "size": 1, "meta": {"version": {"x": 1},
            "fields": {"size": {"version": {"x": 1}}}}}]),
    );
    let mut b = Dataset::default();
    b.other_kinds.insert(
        "widgets".into(),
        json!([{"id": "w1", "size": 2, "meta": {"version": {"x": 2},
            "fields": {"size": {"version": {"x": 2}}}}},
            {"id": "w2", "size": 5}]),
    );
    let ab = merge(&a, &b).unwrap();
    assert_eq!(canonical(&ab), canonical(&merge(&b, &a).unwrap()));
    let widgets = ab.other_kinds["widgets"].as_array().unwrap();
    assert_eq!(widgets.len(), 2);
    assert_eq!(widgets[0]["size"], 2);
}

#[test]
fn stored_data_keeps_them_too() {
    let imported = parse(&newer_file("blå", 1), LIMIT).unwrap();
    let stored = serde_json::to_string(&imported.data).unwrap();
    let back: Dataset = serde_json::from_str(&stored).unwrap();
    assert_eq!(back, imported.data);
}
