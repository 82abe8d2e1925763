//! A change of a record's field as people read it on the record's own page:
//! names instead of ids, dates as dates, kinds and roles by their names,
//! yes/no, and a list as its items, each marked added, removed or kept.
//! Never JSON, never cut: both values are shown in full.
//! Used by the change history and the import preview.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::i18n::{t, tf, Text};

use super::*;

/// What happened to one item of a list between two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemMark {
    Added,
    Removed,
    Kept,
}

/// One item of a changed list, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownItem {
    pub text: String,
    pub mark: ItemMark,
}

/// A field's change, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeView {
    /// A single value replaced: both in full.
    Replaced { before: String, after: String },
    /// A list: the items of both versions in order, removed ones where they
    /// stood, each marked.
    Items(Vec<ShownItem>),
}

/// Turns stored values into text, resolving ids to names in one data set.
/// Build it once per page: it indexes every record's id.
pub struct ChangeReader<'a> {
    data: &'a Dataset,
    records: HashMap<&'a str, RecordRef>,
}

impl<'a> ChangeReader<'a> {
    pub fn new(data: &'a Dataset) -> Self {
        let mut records = HashMap::new();
        // Later kinds do not replace earlier ones: a person or a body is a
        // likelier meaning of an id than a position or a document.
        let kinds = [
            RecordKind::People,
            RecordKind::Bodies,
            RecordKind::Organisations,
            RecordKind::Counties,
            RecordKind::Agreements,
            RecordKind::Meetings,
            RecordKind::Paragraphs,
            RecordKind::Memberships,
            RecordKind::Relations,
            RecordKind::Documents,
        ];
        for kind in kinds {
            for (record_kind, id, _) in data.record_metas() {
                if record_kind == kind {
                    records
                        .entry(id)
                        .or_insert_with(|| RecordRef::new(kind, id));
                }
            }
        }
        ChangeReader { data, records }
    }

    /// The change of one field: a list item by item, anything else as its
    /// value before and after.
    pub fn view(&self, change: &FieldChange) -> ChangeView {
        let field = change.field.as_str();
        match (&change.before, &change.after) {
            (Value::Array(_) | Value::Null, Value::Array(_)) | (Value::Array(_), Value::Null) => {
                let items = |value: &Value| value.as_array().cloned().unwrap_or_default();
                ChangeView::Items(
                    list_diff(&items(&change.before), &items(&change.after))
                        .into_iter()
                        .map(|(value, mark)| ShownItem {
                            text: self.value(field, value),
                            mark,
                        })
                        .collect(),
                )
            }
            (before, after) => ChangeView::Replaced {
                before: self.field_value(field, before),
                after: self.field_value(field, after),
            },
        }
    }

    /// A whole field's value as text (a list as its items joined by "; ").
    pub fn field_value(&self, field: &str, value: &Value) -> String {
        if field == "minutes" {
            if let Some(state) = parse::<MinutesState>(value) {
                return state.described();
            }
        }
        self.value(field, value)
    }

    /// A value found under `key` (a field, or a key inside an item).
    fn value(&self, key: &str, value: &Value) -> String {
        match value {
            Value::Null => t(Text::ValueEmpty).into(),
            Value::Bool(true) => t(Text::ValueYes).into(),
            Value::Bool(false) => t(Text::ValueNo).into(),
            Value::Number(n) => n.to_string(),
            Value::String(s) => self.text(key, s),
            Value::Array(items) if items.is_empty() => t(Text::ValueEmpty).into(),
            Value::Array(items) => items
                .iter()
                .map(|item| self.value(key, item))
                .collect::<Vec<_>>()
                .join("; "),
            Value::Object(map) => self.object(key, map),
        }
    }

    /// A string: another record by its name, a date as a date, a kind or
    /// role by its name, anything else as it is.
    fn text(&self, key: &str, s: &str) -> String {
        if let Some(record) = self.records.get(s) {
            return record.title(self.data);
        }
        if let Some(label) = enum_label(key, s) {
            return label.into();
        }
        if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return crate::format::date(date);
        }
        s.to_owned()
    }

    fn object(&self, key: &str, map: &Map<String, Value>) -> String {
        // A line of the signature block: who, as what, and when signed.
        if key == "signatures" {
            if let Some(line) = parse::<super::Signature>(&Value::Object(map.clone())) {
                return super::minutes::signature_text(self.data, &line);
            }
        }
        // A fact: its value, with why it is inferred or unknown.
        if map.len() == 1 {
            if let Some(stated) = map.get("stated") {
                return self.value(key, stated);
            }
            if let Some(inferred) = map.get("inferred") {
                let value = inferred.get("value").unwrap_or(&Value::Null);
                let reason = inferred.get("reason").and_then(Value::as_str);
                return tf(
                    Text::ValueInferred,
                    &[&self.value(key, value), &reason.unwrap_or_default()],
                );
            }
            if let Some(unknown) = map.get("unknown") {
                let reason = unknown.get("reason").and_then(Value::as_str);
                return match reason.filter(|r| !r.is_empty()) {
                    Some(reason) => tf(Text::ValueUnknownBecause, &[&reason]),
                    None => t(Text::ValueUnknown).into(),
                };
            }
        }
        // A range of §§.
        if let (Some(first), Some(last), 2) = (
            map.get("first").and_then(Value::as_u64),
            map.get("last").and_then(Value::as_u64),
            map.len(),
        ) {
            return if first == last {
                format!("§ {first}")
            } else {
                format!("§§ {first}–{last}")
            };
        }
        // A rotation party of the municipalities of a county.
        if let (Some(county), 1) = (map.get("municipalities_of"), map.len()) {
            return tf(Text::MunicipalitiesOf, &[&self.value("county", county)]);
        }
        // Who recorded something, from the stamp: not the copy's id.
        if let (Some(at), true) = (
            map.get("at").and_then(Value::as_str),
            map.contains_key("copy_id"),
        ) {
            let who: Vec<&str> = ["organisation", "person"]
                .iter()
                .filter_map(|k| map.get(*k).and_then(Value::as_str))
                .collect();
            let when = at.get(..10).unwrap_or(at);
            return tf(
                Text::ValueRecordedBy,
                &[&who.join(" · "), &self.text("", when)],
            );
        }
        let lead = LEAD_KEYS
            .iter()
            .find(|k| map.get(**k).is_some_and(Value::is_string));
        let mut parts: Vec<String> = lead.map(|k| self.value(k, &map[*k])).into_iter().collect();
        let mut details = Vec::new();
        for (k, v) in map {
            if Some(&k.as_str()) == lead || v.is_null() {
                continue;
            }
            // A tag naming the key that follows it ({"by": "organisation",
            // "organisation": …}) says nothing the value does not.
            if v.as_str().is_some_and(|tag| map.contains_key(tag)) {
                continue;
            }
            let shown = self.value(k, v);
            if TAG_KEYS.contains(&k.as_str()) && v.is_string() {
                parts.push(shown);
            } else {
                details.push(format!("{}: {shown}", field_label(k)));
            }
        }
        let head = parts.join(", ");
        match (head.is_empty(), details.is_empty()) {
            (true, true) => t(Text::ValueEmpty).into(),
            (false, false) => format!("{head} ({})", details.join(", ")),
            (false, true) => head,
            (true, false) => details.join(", "),
        }
    }
}

/// Keys whose value names an item: shown first, without a label.
const LEAD_KEYS: [&str; 8] = [
    "person",
    "name",
    "title",
    "heading",
    "text",
    "what",
    "payer",
    "organisation",
];

/// Keys of tagged kinds (a party, an appointer…) shown by their name only.
const TAG_KEYS: [&str; 5] = ["by", "party", "kind", "role", "office"];

fn parse<T: DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::from_value(value.clone()).ok()
}

/// The name of a kind, role, office or other choice stored as a snake-case
/// word under `key`; `None` when `s` is not one.
fn enum_label(key: &str, s: &str) -> Option<&'static str> {
    fn of<T: DeserializeOwned>(s: &str) -> Option<T> {
        serde_json::from_value(Value::String(s.to_owned())).ok()
    }
    fn tagged<T: DeserializeOwned>(tag: &str, s: &str) -> Option<T> {
        serde_json::from_value(serde_json::json!({ tag: s })).ok()
    }
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return None;
    }
    match key {
        "level" => of::<BodyLevel>(s).map(BodyLevel::label),
        "office" | "offices" => of::<Office>(s).map(Office::label),
        "decision_kind" => of::<DecisionKind>(s).map(DecisionKind::label),
        "state" => tagged::<MinutesState>("state", s).map(|m| m.label()),
        "role" => tagged::<MembershipRole>("role", s)
            .map(|r| r.label())
            .or_else(|| of::<SignatureRole>(s).map(SignatureRole::label)),
        "kind" => of::<RelationKind>(s)
            .map(RelationKind::label)
            .or_else(|| of::<MeetingKind>(s).map(MeetingKind::label))
            .or_else(|| of::<OrganisationKind>(s).map(OrganisationKind::label))
            .or_else(|| of::<SectionKind>(s).map(SectionKind::label))
            .or_else(|| of::<MeetingRuleKind>(s).map(MeetingRuleKind::label))
            .or_else(|| of::<SubstituteKind>(s).map(SubstituteKind::label))
            .or_else(|| of::<AddendumKind>(s).map(AddendumKind::label))
            .or(match s {
                "until_further_notice" => Some(t(Text::AgreementUntilFurtherNotice)),
                "until" => Some(t(Text::ValueValidUntil)),
                "every" => Some(t(Text::ValueFollowUpEvery)),
                "no_later_than" => Some(t(Text::ValueNoLaterThan)),
                _ => None,
            }),
        "by" => match s {
            "organisation" => Some(t(Text::AppointerOrganisation)),
            "municipalities" => Some(t(Text::AppointerMunicipalities)),
            "each_municipality" => Some(t(Text::AppointerEachMunicipality)),
            "each_party" => Some(t(Text::AppointerEachParty)),
            "ex_officio" => Some(t(Text::AppointerExOfficio)),
            _ => None,
        },
        "party" => match s {
            "each_municipality_of" => Some(t(Text::EachMunicipalityInCounty)),
            _ => None,
        },
        _ => None,
    }
}

/// The items of `before` and `after` in order, each marked: kept (in both,
/// in the same order), removed or added. An edited item is its old version
/// removed and its new one added. Items match by value (a longest common
/// subsequence), so a moved item reads as removed at one place and added at
/// the other.
pub fn list_diff<'v>(before: &'v [Value], after: &'v [Value]) -> Vec<(&'v Value, ItemMark)> {
    let (n, m) = (before.len(), after.len());
    // common[i][j]: the longest common subsequence of before[i..], after[j..].
    let mut common = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            common[i][j] = if before[i] == after[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n.max(m));
    while i < n || j < m {
        if i < n && j < m && before[i] == after[j] {
            out.push((&before[i], ItemMark::Kept));
            i += 1;
            j += 1;
        } else if i < n && (j == m || common[i + 1][j] >= common[i][j + 1]) {
            out.push((&before[i], ItemMark::Removed));
            i += 1;
        } else {
            out.push((&after[j], ItemMark::Added));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn seed() -> Dataset {
        crate::seed::built_in().unwrap()
    }

    fn change(field: &str, before: Value, after: Value) -> FieldChange {
        FieldChange {
            field: field.into(),
            before,
            after,
        }
    }

    fn items(view: ChangeView) -> Vec<(String, ItemMark)> {
        match view {
            ChangeView::Items(items) => items.into_iter().map(|i| (i.text, i.mark)).collect(),
            other => panic!("not a list: {other:?}"),
        }
    }

    #[test]
    fn an_edited_list_item_reads_as_the_old_removed_and_the_new_added_in_place() {
        let before = [json!("a"), json!("b"), json!("c")];
        let after = [json!("a"), json!("B"), json!("c"), json!("d")];
        let marks: Vec<(&Value, ItemMark)> = list_diff(&before, &after);
        assert_eq!(
            marks,
            vec![
                (&json!("a"), ItemMark::Kept),
                (&json!("b"), ItemMark::Removed),
                (&json!("B"), ItemMark::Added),
                (&json!("c"), ItemMark::Kept),
                (&json!("d"), ItemMark::Added),
            ]
        );
        assert!(list_diff(&[], &[]).is_empty());
    }

    #[test]
    fn decision_makers_read_by_name_and_organisation_with_the_change_marked() {
        let data = seed();
        let meeting = data
            .meetings
            .iter()
            .find(|m| m.decision_makers.len() > 1)
            .unwrap();
        let before = serde_json::to_value(&meeting.decision_makers).unwrap();
        let mut after = meeting.decision_makers.clone();
        let gone = after.remove(0);
        let after = serde_json::to_value(&after).unwrap();
        let shown = items(ChangeReader::new(&data).view(&change("decision_makers", before, after)));
        let removed: Vec<&String> = shown
            .iter()
            .filter(|(_, mark)| *mark == ItemMark::Removed)
            .map(|(text, _)| text)
            .collect();
        assert_eq!(removed.len(), 1);
        assert!(
            removed[0].starts_with(&data.person_name(&gone.person)),
            "{removed:?}"
        );
        assert!(
            removed[0].contains(&data.organisation_name(&gone.representing)),
            "{removed:?}"
        );
        assert!(!removed[0].contains(gone.person.as_str()), "{removed:?}");
        assert_eq!(
            shown
                .iter()
                .filter(|(_, mark)| *mark == ItemMark::Kept)
                .count(),
            meeting.decision_makers.len() - 1
        );
    }

    #[test]
    fn long_texts_that_differ_at_the_end_are_shown_in_full() {
        let data = Dataset::default();
        let start = "ord ".repeat(100);
        let view = ChangeReader::new(&data).view(&change(
            "note",
            json!(format!("{start}slut")),
            json!(format!("{start}annat slut")),
        ));
        assert_eq!(
            view,
            ChangeView::Replaced {
                before: format!("{start}slut"),
                after: format!("{start}annat slut"),
            }
        );
    }

    #[test]
    fn dates_facts_yes_no_references_and_states_read_as_on_the_page() {
        let data = seed();
        let reader = ChangeReader::new(&data);
        let relation = &data.relations[0];
        let replaced = |field: &str, before: Value, after: Value| match reader
            .view(&change(field, before, after))
        {
            ChangeView::Replaced { before, after } => (before, after),
            other => panic!("not a value: {other:?}"),
        };
        assert_eq!(
            replaced(
                "date",
                json!({"stated": "2021-05-27"}),
                json!({"stated": "2021-06-03"})
            ),
            ("27 maj 2021".into(), "3 juni 2021".into())
        );
        assert_eq!(
            replaced("deleted", json!(false), json!(true)),
            ("nej".into(), "ja".into())
        );
        assert_eq!(
            replaced("to", json!(relation.from), json!(relation.to)),
            (data.body_name(&relation.from), data.body_name(&relation.to))
        );
        assert_eq!(
            replaced(
                "minutes",
                json!({"state": "draft"}),
                json!({"state": "adjusted", "date": {"stated": "2021-06-01"}})
            ),
            ("Utkast".into(), "Justerat 1 juni 2021".into())
        );
        assert_eq!(
            replaced("level", json!("political"), json!("officials")),
            (
                BodyLevel::Political.label().into(),
                BodyLevel::Officials.label().into()
            )
        );
        let (unknown, _) = replaced(
            "start",
            json!({"unknown": {"reason": "ej angivet"}}),
            json!(null),
        );
        assert_eq!(unknown, "okänt (ej angivet)");
    }

    /// Every field of every record of the built-in data, as a list of new
    /// items or a value set: no JSON, no snake-case word of the data, no
    /// id of another record.
    #[test]
    fn every_field_of_every_built_in_record_reads_without_ids_or_json() {
        let data = seed();
        let reader = ChangeReader::new(&data);
        let ids: std::collections::HashSet<&str> =
            data.record_metas().map(|(_, id, _)| id).collect();
        let mut checked = 0;
        // Prose of the data may cite an id ("protokollet (src-004)"): that
        // is the record's own text, not an id the rendering left unresolved.
        fn prose(value: &Value, ids: &std::collections::HashSet<&str>, out: &mut String) {
            match value {
                Value::String(s) if !ids.contains(s.as_str()) => out.push_str(s),
                Value::Array(items) => items.iter().for_each(|v| prose(v, ids, out)),
                Value::Object(map) => map.values().for_each(|v| prose(v, ids, out)),
                _ => {}
            }
        }
        let mut check = |kind: &str, fields: Value| {
            let mut cited = String::new();
            prose(&fields, &ids, &mut cited);
            for (field, value) in fields.as_object().unwrap() {
                let texts = match reader.view(&change(field, Value::Null, value.clone())) {
                    ChangeView::Replaced { after, .. } => vec![after],
                    ChangeView::Items(items) => items.into_iter().map(|i| i.text).collect(),
                };
                for text in texts {
                    checked += 1;
                    let at = format!("{kind}.{field}: {text}");
                    assert!(
                        !text.contains(['{', '}']) && !text.contains("\":"),
                        "JSON in {at}"
                    );
                    assert!(
                        !field_label(field).contains('_'),
                        "no label for {kind}.{field}"
                    );
                    for word in text.split(|c: char| c.is_whitespace() || ",;:()·".contains(c)) {
                        assert!(!word.contains('_'), "raw word {word:?} in {at}");
                        let unresolved = ids.contains(word) && !cited.contains(word);
                        assert!(!unresolved, "id {word:?} in {at}");
                    }
                }
            }
        };
        macro_rules! all {
            ($($kind:ident),*) => {$(
                for record in &data.$kind {
                    check(stringify!($kind), record_fields(record));
                }
            )*};
        }
        all!(
            documents,
            counties,
            organisations,
            people,
            bodies,
            relations,
            memberships,
            agreements,
            meetings,
            paragraphs,
            positions
        );
        assert!(checked > 1000, "only {checked} values checked");
    }
}
