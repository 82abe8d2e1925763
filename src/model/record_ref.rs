//! Naming records and fields for people: a record by kind and id, its kind
//! and title in Swedish, a field's Swedish name and a value as short text.
//! Used by the import preview, the conflict list and the change history.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Dataset;

/// A record by kind (the data set's field name, e.g. "bodies") and id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RecordRef {
    pub kind: String,
    pub id: String,
}

impl RecordRef {
    /// The kind in Swedish, singular.
    pub fn kind_label(&self) -> &'static str {
        match self.kind.as_str() {
            "documents" => "källdokument",
            "counties" => "län",
            "organisations" => "organisation",
            "people" => "person",
            "bodies" => "organ",
            "relations" => "relation",
            "memberships" => "uppdrag",
            "agreements" => "överenskommelse",
            "meetings" => "möte",
            "paragraphs" => "paragraf",
            "positions" => "placering i diagrammet",
            _ => "post",
        }
    }

    /// The record as people know it: its name or title, a meeting by body
    /// and date, a § by number and title; the id if it is not in `data`.
    pub fn title(&self, data: &Dataset) -> String {
        let id = self.id.as_str();
        let found = match self.kind.as_str() {
            "documents" => data
                .documents
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.title.clone()),
            "counties" => data
                .counties
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "organisations" => data
                .organisations
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "people" => data
                .people
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "bodies" => data
                .bodies
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.name.clone()),
            "relations" => data
                .relations
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| format!("{} → {}", data.body_name(&r.from), data.body_name(&r.to))),
            "memberships" => data
                .memberships
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| {
                    format!(
                        "{} i {}",
                        data.person_name(&r.person),
                        data.body_name(&r.body)
                    )
                }),
            "agreements" => data
                .agreements
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|r| r.title.clone()),
            "meetings" => data
                .meetings
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|m| data.meeting_title(m)),
            "paragraphs" => data
                .paragraphs
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|p| format!("§ {} {}", p.number, p.title)),
            "positions" => data
                .positions
                .iter()
                .find(|r| r.id.as_str() == id)
                .map(|p| data.body_name(&p.body)),
            _ => None,
        };
        found.unwrap_or_else(|| id.to_owned())
    }
}

/// A field's name in Swedish, for showing what changes; unknown fields by
/// their name in the data.
pub fn field_label(field: &str) -> &str {
    match field {
        "name" => "namn",
        "short_name" => "kortnamn",
        "title" => "rubrik",
        "deleted" => "borttagen",
        "date" => "datum",
        "county" => "län",
        "level" => "nivå",
        "mandate" => "uppdrag",
        "composition" => "sammansättning",
        "substitutes" => "ersättare",
        "offices" => "ordförande och sekreterare",
        "meeting_rules" => "mötesregler",
        "reviews" => "översyner",
        "working_order" => "arbetsordning",
        "kind" => "typ",
        "note" => "anteckning",
        "role" => "roll",
        "person" => "person",
        "body" => "organ",
        "from" => "från",
        "to" => "till",
        "minutes" => "protokollets status",
        "agenda" => "dagordning",
        "decision_makers" => "beslutande",
        "participants" => "övriga deltagare",
        "signatures" => "underskrifter",
        "place" => "plats",
        "number" => "nummer",
        "parts" => "innehåll",
        "follow_ups" => "återrapporteringar",
        "sections" => "avsnitt",
        "parties" => "parter",
        "organisation" => "organisation",
        "municipality" => "kommun",
        "name_variants" => "andra stavningar",
        "former_names" => "tidigare namn",
        "other_names" => "andra namn",
        "party" => "parti",
        "notice" => "uppsägningstid",
        "validity" => "giltighet",
        "addenda" => "rättelser och tillägg",
        "chair" => "ordförande",
        "secretary" => "sekreterare",
        "adjusters" => "justerare",
        "start" => "tid",
        "background" => "bakgrund",
        "proposal" => "förslag till beslut",
        "decision" => "beslut",
        "decision_kind" => "typ av beslut",
        "owner" => "huvudman",
        "established_by" => "inrättat genom",
        "formed" => "bildades",
        "representing" => "företräder",
        "description" => "beskrivning",
        "paragraph" => "paragraf",
        "reason" => "skäl",
        "text" => "text",
        other => other,
    }
}

/// A field's value as people read it in the history: the minutes' state by
/// its name (and date), a list by its items' names or titles, a fact by
/// its value; anything else as [`value_text`].
pub fn describe_value(field: &str, value: &Value, max: usize) -> String {
    if field == "minutes" {
        if let Ok(state) = serde_json::from_value::<super::MinutesState>(value.clone()) {
            return match state {
                super::MinutesState::Adjusted { date } => match date.value() {
                    Some(d) => format!("Justerat {}", crate::format::date(*d)),
                    None => "Justerat".into(),
                },
                other => other.label().into(),
            };
        }
    }
    let named = |item: &Value| -> Option<String> {
        ["name", "title", "text", "person"]
            .iter()
            .find_map(|key| item.get(key).and_then(Value::as_str).map(str::to_owned))
            .or_else(|| item.as_str().map(str::to_owned))
    };
    let text = match value {
        Value::Array(items) if items.is_empty() => "(tomt)".into(),
        Value::Array(items) => match items.iter().map(named).collect::<Option<Vec<_>>>() {
            Some(names) => names.join("; "),
            None => format!("{} poster", items.len()),
        },
        Value::Object(map) if map.len() == 1 && map.contains_key("stated") => {
            return value_text(&map["stated"], max)
        }
        _ => return value_text(value, max),
    };
    value_text(&Value::String(text), max)
}

/// A field's value as short text: strings as they are, yes/no, "(tomt)"
/// for absent, anything structured as compact JSON cut at `max` characters.
pub fn value_text(value: &Value, max: usize) -> String {
    let text = match value {
        Value::Null => return "(tomt)".into(),
        Value::Bool(true) => return "ja".into(),
        Value::Bool(false) => return "nej".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    };
    if text.chars().count() > max {
        let cut: String = text.chars().take(max).collect();
        format!("{cut} …")
    } else {
        text
    }
}

/// One field whose value a merge changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    /// The values as JSON; `null` means absent.
    pub before: Value,
    pub after: Value,
}
