//! The exchange file: a round trip, and one test per kind of bad input, each
//! checking that the message says what is wrong and where.

use samverkan::exchange::{export, parse, ImportError, Origin};
use samverkan::model::*;
use serde_json::Value;

const LIMIT: usize = 20 * 1024 * 1024;

fn origin() -> Origin {
    Origin {
        organisation: Some("Region Norrbotten".into()),
        copy_id: "kopia-a".into(),
    }
}

fn data() -> Dataset {
    samverkan::seed::built_in().unwrap()
}

fn file() -> String {
    export(&data(), origin(), "2026-11-22T10:00:00+01:00")
}

/// The file with its content changed by `change` and the checksum made to
/// fit again, as a careless (or buggy) exporter would write it.
fn resealed(change: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(&file()).unwrap();
    change(&mut value["data"]);
    value["checksum"] = Value::String(samverkan::exchange::checksum(&value["data"]));
    serde_json::to_string_pretty(&value).unwrap()
}

fn message(text: &str) -> String {
    parse(text, LIMIT).unwrap_err().to_string()
}

#[test]
fn an_exported_file_reads_back_as_the_same_data() {
    let mut d = data();
    let id = BodyId::new("vb-samrad");
    let basics = BodyBasics {
        name: "Samrådet <script>alert(1)</script>".into(),
        short_name: None,
    };
    let stamp = ChangeStamp {
        copy_id: "kopia-a".into(),
        writer: None,
        organisation: None,
        person: None,
        at: "2026-11-22T10:00:00Z".into(),
    };
    d.update_body_basics(&id, basics, stamp).unwrap();
    let text = export(&d, origin(), "2026-11-22T10:00:00+01:00");
    let imported = parse(&text, LIMIT).unwrap();
    assert_eq!(imported.data, d);
    assert_eq!(imported.origin, origin());
    assert_eq!(imported.created_at, "2026-11-22T10:00:00+01:00");
    assert_eq!(imported.schema_version, SCHEMA_VERSION);
    // Stable and human-readable: the same data gives the same text.
    assert_eq!(text, export(&d, origin(), "2026-11-22T10:00:00+01:00"));
    assert!(text.starts_with("{\n  \"format\": \"samverkan-exchange\""));
}

#[test]
fn text_that_is_not_json_is_refused_with_line_and_column() {
    let text = file().replacen(
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        "\"schema_version\": ett",
        1,
    );
    let err = parse(&text, LIMIT).unwrap_err();
    assert!(
        matches!(err, ImportError::NotJson { line: 3, .. }),
        "{err:?}"
    );
    let text = err.to_string();
    assert!(
        text.contains("inte JSON") && text.contains("rad 3, kolumn"),
        "{text}"
    );
}

#[test]
fn another_format_is_refused_and_named() {
    let text = file().replacen("samverkan-exchange", "excalidraw", 1);
    let m = message(&text);
    assert!(
        m.contains("ingen utväxlingsfil") && m.contains("\"excalidraw\""),
        "{m}"
    );
    assert!(message("{\"type\": \"x\"}").contains("`format` är saknas"));
    assert!(message("[1, 2]").contains("ingen utväxlingsfil"));
}

#[test]
fn a_newer_schema_asks_for_an_update() {
    let text = file().replacen(
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        "\"schema_version\": 7",
        1,
    );
    let m = message(&text);
    assert!(
        m.contains("gjord med en nyare version av Samverkan – uppdatera appen")
            && m.contains("schemaversion 7"),
        "{m}"
    );
}

#[test]
fn a_changed_content_fails_the_checksum() {
    let text = file().replacen("Samrådet", "Samrådxt", 1);
    let err = parse(&text, LIMIT).unwrap_err();
    assert!(
        matches!(err, ImportError::ChecksumMismatch { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("Kontrollsumman stämmer inte"));
}

#[test]
fn a_truncated_file_is_called_truncated() {
    let full = file();
    let text = &full[..full.len() * 2 / 3];
    let err = parse(text, LIMIT).unwrap_err();
    assert!(matches!(err, ImportError::Truncated { .. }), "{err:?}");
    let m = err.to_string();
    assert!(m.contains("avkortad") && m.contains("rad "), "{m}");
}

#[test]
fn a_reference_to_a_missing_record_names_record_and_field() {
    let text = resealed(|data| {
        let meeting = data["meetings"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|m| m["id"] == "nb-psb-2021-protokoll")
            .unwrap();
        meeting["body"] = "finns-inte".into();
    });
    let err = parse(&text, LIMIT).unwrap_err();
    assert!(
        matches!(err, ImportError::DanglingReference { .. }),
        "{err:?}"
    );
    let m = err.to_string();
    assert!(
        m.contains("nb-psb-2021-protokoll") && m.contains("body") && m.contains("finns-inte"),
        "{m}"
    );
}

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let text = file();
    let err = parse(&text, 1000).unwrap_err();
    assert_eq!(
        err,
        ImportError::TooLarge {
            size: text.len(),
            limit: 1000
        }
    );
    assert!(err.to_string().contains("gränsen är 1000 byte"));
}

#[test]
fn an_invalid_field_value_names_its_place() {
    let text = resealed(|data| data["bodies"][2]["name"] = 42.into());
    let m = message(&text);
    assert!(
        m.contains("data.bodies[2]") && m.contains("fel typ: heltal `42`, väntat: en text"),
        "{m}"
    );
}

#[test]
fn an_invalid_conflict_value_is_refused_before_a_merge_could_pick_it() {
    let text = resealed(|data| {
        data["bodies"][0]["meta"]["conflicts"] =
            serde_json::json!({"name": [{"value": ["inte", "ett", "namn"]}]});
    });
    let m = message(&text);
    assert!(
        m.contains("data.bodies[0]") && m.contains("meta.conflicts.name[0]"),
        "{m}"
    );
}

#[test]
fn a_duplicate_id_is_refused() {
    let text = resealed(|data| {
        let first = data["bodies"][0].clone();
        data["bodies"].as_array_mut().unwrap().push(first);
    });
    assert!(message(&text).contains("Samma id används två gånger"));
}
