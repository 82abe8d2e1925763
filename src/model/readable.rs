//! A field's value as a person reads it: text as text, dates as dates,
//! references by name, yes/no, a list item by its meaningful fields —
//! never ids or JSON, never cut. For conflicts, the import preview and the
//! history. Pure.

use chrono::{NaiveDate, NaiveTime};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::i18n::{t, tf, Text};

use super::{
    field_label, BodyId, BodyLevel, CountyId, Dataset, MeetingId, MeetingKind, MinutesState,
    Office, OrganisationId, PersonId, RelationKind, Signature, SignatureRole,
};

/// A value as a person reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Readable {
    /// Text people wrote (a name, a mandate point, a decision): compared
    /// word by word, and a person can rewrite it.
    Text(String),
    /// A value with a structure, as one line: a date, a name in place of
    /// a reference, yes/no, a list item by its fields.
    Line(String),
    /// A whole list, one line per item.
    List(Vec<String>),
    /// No value: the field is empty, or (for a list item) the item removed.
    Absent,
}

impl Readable {
    /// The value as one text: list items on lines of their own, no value
    /// as "(tomt)".
    pub fn text(&self) -> String {
        match self {
            Readable::Text(text) | Readable::Line(text) => text.clone(),
            Readable::List(items) if items.is_empty() => t(Text::ValueEmpty).into(),
            Readable::List(items) => items.join("\n"),
            Readable::Absent => t(Text::ValueEmpty).into(),
        }
    }

    /// Whether the value is text people wrote.
    pub fn is_text(&self) -> bool {
        matches!(self, Readable::Text(_))
    }
}

/// The value of a record's `field` as a person reads it; `null` is absent.
pub fn readable_value(data: &Dataset, field: &str, value: &Value) -> Readable {
    if field == "minutes" {
        if let Some(state) = minutes_text(value) {
            return Readable::Line(state);
        }
    }
    match value {
        Value::Array(items) => Readable::List(
            items
                .iter()
                .map(|item| readable_item(data, field, item).text())
                .collect(),
        ),
        // A single value reads like an item: text, a name, a date, fields.
        other => readable_item(data, field, other),
    }
}

/// One item of the list `field` as a person reads it: a text as it is, a
/// reference by name, an object by its meaningful fields; `null` is the
/// item removed.
pub fn readable_item(data: &Dataset, field: &str, item: &Value) -> Readable {
    if field == "signatures" {
        if let Ok(line) = serde_json::from_value::<Signature>(item.clone()) {
            return Readable::Line(super::minutes::signature_text(data, &line));
        }
    }
    match item {
        Value::Null => Readable::Absent,
        Value::String(text) => match named(data, field, text) {
            Some(line) => Readable::Line(line),
            None => Readable::Text(text.clone()),
        },
        // A bullet list in running text.
        Value::Array(lines) => Readable::List(
            lines
                .iter()
                .map(|line| part_text(data, field, line))
                .collect(),
        ),
        other => Readable::Line(part_text(data, field, other)),
    }
}

/// The minutes' state by its name (and date).
pub(crate) fn minutes_text(value: &Value) -> Option<String> {
    let state = serde_json::from_value::<MinutesState>(value.clone()).ok()?;
    Some(state.described())
}

/// Fields whose text is the item's name or wording: shown first, without
/// a label.
const LEAD: [&str; 7] = [
    "title", "name", "heading", "person", "what", "payer", "text",
];

/// A part of a value under `key`, as text.
fn part_text(data: &Dataset, key: &str, value: &Value) -> String {
    match value {
        Value::Null => t(Text::ValueEmpty).into(),
        Value::Bool(true) => t(Text::ValueYes).into(),
        Value::Bool(false) => t(Text::ValueNo).into(),
        Value::Number(n) => n.to_string(),
        Value::String(text) => named(data, key, text).unwrap_or_else(|| text.clone()),
        Value::Array(items) if items.is_empty() => t(Text::ValueEmpty).into(),
        Value::Array(items) => items
            .iter()
            .map(|item| part_text(data, key, item))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(map) => fact_text(data, key, map)
            .or_else(|| range_text(value))
            .unwrap_or_else(|| object_text(data, map)),
    }
}

/// A `Fact`: its value, with the reason when inferred or unknown.
fn fact_text(data: &Dataset, key: &str, map: &Map<String, Value>) -> Option<String> {
    if map.len() != 1 {
        return None;
    }
    let (tag, inner) = map.iter().next()?;
    let reason = inner.get("reason").and_then(Value::as_str).unwrap_or("");
    let said = |word: Text| match reason {
        "" => t(word).to_owned(),
        reason => format!("{}: {reason}", t(word)),
    };
    match tag.as_str() {
        "stated" => Some(part_text(data, key, inner)),
        "inferred" => {
            let value = part_text(data, key, inner.get("value")?);
            Some(format!("{value} ({})", said(Text::FactInferred)))
        }
        "unknown" => Some(said(Text::FactUnknown)),
        _ => None,
    }
}

/// A range of § numbers as the minutes write it: "§ 1–7".
fn range_text(value: &Value) -> Option<String> {
    let range = serde_json::from_value::<super::ParagraphRange>(value.clone()).ok()?;
    Some(range.to_string())
}

/// An object by its fields: the lead fields first, the others as
/// "label: value"; empty parts left out.
fn object_text(data: &Dataset, map: &Map<String, Value>) -> String {
    let empty = |v: &Value| {
        v.is_null() || v.as_array().is_some_and(Vec::is_empty) || v.as_str() == Some("")
    };
    let mut parts: Vec<String> = LEAD
        .iter()
        .filter_map(|key| map.get(*key).filter(|v| !empty(v)).map(|v| (key, v)))
        .map(|(key, value)| part_text(data, key, value))
        .collect();
    for (key, value) in map {
        if LEAD.contains(&key.as_str()) || empty(value) {
            continue;
        }
        // A § range says what it is ("§ 1–7"); other parts get their label.
        if let Some(range) = range_text(value) {
            parts.push(range);
            continue;
        }
        let text = match value {
            Value::Object(inner) if fact_text(data, key, inner).is_none() => {
                format!("({})", object_text(data, inner))
            }
            other => part_text(data, key, other),
        };
        parts.push(format!("{}: {text}", field_label(key)));
    }
    parts.join("; ")
}

/// What a reference under `key` points at.
#[derive(Clone, Copy)]
enum Target {
    Person,
    Body,
    Organisation,
    County,
    Agreement,
    Meeting,
    Paragraph,
}

fn target(key: &str) -> Option<Target> {
    Some(match key {
        "person" | "presenters" | "adjusters" | "chair" | "secretary" | "for_person"
        | "serving_for" | "disqualified" | "reservations" => Target::Person,
        "body" | "from" | "to" | "drawn_from" | "to_body" | "bodies" | "adopted_by"
        | "addressed_to" | "establishes" | "with" => Target::Body,
        "organisation" | "representing" | "owner" | "municipality" | "only_for" | "between" => {
            Target::Organisation
        }
        "county" | "municipalities_of" => Target::County,
        "established_by" => Target::Agreement,
        "meeting" => Target::Meeting,
        "handled_in" => Target::Paragraph,
        _ => return None,
    })
}

/// A string that is not text people wrote, as they read it: a date, a
/// time, a reference by name, a kind by its label. `None` for text.
fn named(data: &Dataset, key: &str, text: &str) -> Option<String> {
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(crate::format::date(date));
    }
    if matches!(key, "start" | "end") {
        if let Ok(time) = NaiveTime::parse_from_str(text, "%H:%M:%S") {
            return Some(crate::format::time(time));
        }
    }
    if let Some(target) = target(key) {
        return Some(reference_name(data, target, text));
    }
    label_of(key, text)
}

fn reference_name(data: &Dataset, target: Target, id: &str) -> String {
    match target {
        Target::Person => data.person_name(&PersonId::from(id)),
        Target::Body => data.body_name(&BodyId::from(id)),
        Target::Organisation => data.organisation_name(&OrganisationId::from(id)),
        Target::County => data
            .county(&CountyId::from(id))
            .map_or_else(|| tf(Text::UnknownCounty, &[&id]), |c| c.name.clone()),
        Target::Agreement => data
            .agreements
            .iter()
            .find(|a| a.id.as_str() == id)
            .map_or_else(|| id.to_owned(), |a| a.title.clone()),
        Target::Meeting => data
            .meeting(&MeetingId::from(id))
            .map_or_else(|| id.to_owned(), |m| data.meeting_title(m)),
        Target::Paragraph => data
            .paragraphs
            .iter()
            .find(|p| p.id.as_str() == id)
            .map_or_else(|| id.to_owned(), |p| format!("§ {} {}", p.number, p.title)),
    }
}

/// A kind's label, for the fields that hold one of the model's kinds.
fn label_of(key: &str, text: &str) -> Option<String> {
    fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
        serde_json::from_value(Value::String(text.to_owned())).ok()
    }
    let label = match key {
        "level" => parse::<BodyLevel>(text).map(BodyLevel::label),
        "office" | "offices" => parse::<Office>(text).map(Office::label),
        "kind" => parse::<MeetingKind>(text)
            .map(MeetingKind::label)
            .or_else(|| parse::<RelationKind>(text).map(RelationKind::label)),
        "role" => parse::<SignatureRole>(text).map(SignatureRole::label),
        _ => None,
    };
    label.map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn seed() -> Dataset {
        crate::seed::built_in().unwrap()
    }

    #[test]
    fn a_text_is_shown_whole_and_can_be_rewritten() {
        let data = seed();
        let long = "Följa upp samverkan. ".repeat(400);
        let shown = readable_item(&data, "mandate", &json!(long));
        assert_eq!(shown, Readable::Text(long.clone()));
        assert!(shown.is_text());
        assert_eq!(shown.text().chars().count(), long.chars().count());
        assert_eq!(
            readable_value(&data, "name", &json!("Länsstyrgruppen")),
            Readable::Text("Länsstyrgruppen".into())
        );
    }

    #[test]
    fn references_are_shown_by_name() {
        let data = seed();
        let person = &data.people[0];
        let body = &data.bodies[0];
        let shown = readable_value(&data, "chair", &json!(person.id.as_str()));
        assert_eq!(shown, Readable::Line(person.name.clone()));
        assert!(!shown.is_text());
        let relation_end = readable_value(&data, "from", &json!(body.id.as_str()));
        assert_eq!(relation_end.text(), body.display_name());
        let presenters = readable_value(&data, "presenters", &json!([person.id.as_str()]));
        assert_eq!(presenters, Readable::List(vec![person.name.clone()]));
    }

    #[test]
    fn dates_read_as_dates_and_facts_by_their_value() {
        let data = seed();
        assert_eq!(
            readable_value(&data, "from", &json!("2021-05-27")).text(),
            "27 maj 2021"
        );
        assert_eq!(
            readable_value(&data, "date", &json!({"stated": "2021-05-27"})).text(),
            "27 maj 2021"
        );
        let inferred = json!({"inferred": {"value": "2021-05-27", "reason": "enligt kallelsen"}});
        assert_eq!(
            readable_value(&data, "date", &inferred).text(),
            "27 maj 2021 (härlett: enligt kallelsen)"
        );
        assert_eq!(readable_value(&data, "deleted", &json!(true)).text(), "ja");
        assert_eq!(
            readable_value(&data, "note", &Value::Null),
            Readable::Absent
        );
        assert_eq!(readable_value(&data, "note", &Value::Null).text(), "(tomt)");
    }

    #[test]
    fn an_item_with_fields_reads_as_the_item_never_as_json() {
        let data = seed();
        let person = &data.people[0];
        let org = &data.organisations[0];
        let maker = json!({
            "person": person.id.as_str(),
            "representing": org.id.as_str(),
            "role": "ordförande",
        });
        let shown = readable_item(&data, "decision_makers", &maker).text();
        assert_eq!(
            shown,
            format!(
                "{}; företräder: {}; roll: ordförande",
                person.name, org.name
            )
        );
        let agenda = json!({"number": 3, "title": "Ekonomi", "start": "10:15:00", "presenters": [person.id.as_str()]});
        let shown = readable_item(&data, "agenda", &agenda).text();
        assert!(shown.starts_with("Ekonomi; "), "{shown}");
        assert!(shown.contains("10:15"), "{shown}");
        assert!(
            shown.contains(&format!("föredragande: {}", person.name)),
            "{shown}"
        );
        let attended = json!({"person": person.id.as_str(), "representing": org.id.as_str(), "paragraphs": {"first": 1, "last": 7}});
        let shown = readable_item(&data, "decision_makers", &attended).text();
        assert!(shown.contains("; § 1–7;"), "{shown}");
        assert!(!shown.contains('{') && !shown.contains('"'), "{shown}");
        assert!(!shown.contains(person.id.as_str()), "{shown}");
        assert_eq!(
            readable_item(&data, "mandate", &Value::Null),
            Readable::Absent
        );
    }

    #[test]
    fn kinds_read_by_their_labels() {
        let data = seed();
        assert_eq!(
            readable_value(&data, "level", &json!("political")).text(),
            BodyLevel::Political.label()
        );
        assert_eq!(
            readable_value(&data, "minutes", &json!({"state": "draft"})).text(),
            MinutesState::Draft.label()
        );
    }
}
