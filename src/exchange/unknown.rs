//! Forward compatibility: fields and record kinds this version does not know
//! (a file from a newer version) are kept and passed on unchanged, never
//! dropped — dropping a field while keeping its version entry would, sent
//! back, blank it in the copy that wrote it.
//!
//! In a file they are where the newer version put them: a field at its
//! record's top level, a kind beside the known kinds. In the data set a
//! field waits in `RecordMeta::unknown` (so no form or typed code sees it)
//! and a kind in `Dataset::other_kinds`. [`set_aside`] moves them there when
//! a file is read, [`put_back`] when one is written; the merge lifts the
//! fields to the top level again and merges them like any field.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde_json::{Map, Value};

use crate::model::*;

/// The field names of a record type, as its `Deserialize` names them to
/// `deserialize_struct` (caught by a deserializer that reads nothing).
fn struct_fields<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Catch<'a>(&'a mut &'static [&'static str]);
    impl<'de> Deserializer<'de> for Catch<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("only the field names are read"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("only the field names are read"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Catch(&mut fields));
    fields
}

/// A membership's role is a flattened enum, so its type names no fields to
/// serde: these are its fields, the role's tag and the role's own
/// (`tests`: every field of a membership is in the list).
const MEMBERSHIP_FIELDS: &[&str] = &[
    "id",
    "meta",
    "person",
    "body",
    "role",
    "for_person",
    "representing",
    "from",
    "to",
    "note",
];

/// The fields this version knows of a record kind (by its key in the data
/// set); `None` for a kind it does not know.
fn known_fields(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "documents" => struct_fields::<SourceDocument>(),
        "counties" => struct_fields::<County>(),
        "organisations" => struct_fields::<Organisation>(),
        "people" => struct_fields::<Person>(),
        "bodies" => struct_fields::<Body>(),
        "relations" => struct_fields::<Relation>(),
        "memberships" => MEMBERSHIP_FIELDS,
        "agreements" => struct_fields::<Agreement>(),
        "meetings" => struct_fields::<Meeting>(),
        "paragraphs" => struct_fields::<Paragraph>(),
        "positions" => struct_fields::<BodyPosition>(),
        _ => return None,
    })
}

/// The data of a file as the data set holds it: each record's unknown
/// fields moved into its `meta.unknown`, unknown kinds into `other_kinds`.
/// A `meta.unknown` the file itself holds is not trusted (a field it names
/// could be a known one) and is replaced.
pub fn set_aside(data: &mut Value) {
    let Some(kinds) = data.as_object_mut() else {
        return;
    };
    let dataset_keys = struct_fields::<Dataset>();
    let other: Vec<String> = kinds
        .keys()
        .filter(|k| !dataset_keys.contains(&k.as_str()))
        .cloned()
        .collect();
    let mut other_kinds = Map::new();
    for kind in other {
        if let Some(value) = kinds.remove(&kind) {
            other_kinds.insert(kind, value);
        }
    }
    if !other_kinds.is_empty() {
        kinds.insert("other_kinds".into(), Value::Object(other_kinds));
    }
    for (kind, records) in kinds.iter_mut() {
        let (Some(known), Some(records)) = (known_fields(kind), records.as_array_mut()) else {
            continue;
        };
        for record in records.iter_mut().filter_map(Value::as_object_mut) {
            let names: Vec<String> = record
                .keys()
                .filter(|k| !known.contains(&k.as_str()))
                .cloned()
                .collect();
            let mut unknown = Map::new();
            for name in names {
                if let Some(value) = record.remove(&name) {
                    unknown.insert(name, value);
                }
            }
            if let Some(meta) = record.get_mut("meta").and_then(Value::as_object_mut) {
                meta.remove("unknown");
            }
            if !unknown.is_empty() {
                let meta = record
                    .entry("meta")
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Some(meta) = meta.as_object_mut() {
                    meta.insert("unknown".into(), Value::Object(unknown));
                }
            }
        }
    }
}

/// The data set's JSON as a file holds it: the inverse of [`set_aside`].
pub fn put_back(data: &mut Value) {
    let Some(kinds) = data.as_object_mut() else {
        return;
    };
    for records in kinds.values_mut().filter_map(Value::as_array_mut) {
        for record in records.iter_mut().filter_map(Value::as_object_mut) {
            let unknown = record
                .get_mut("meta")
                .and_then(Value::as_object_mut)
                .and_then(|meta| meta.remove("unknown"));
            if let Some(Value::Object(unknown)) = unknown {
                for (name, value) in unknown {
                    record.entry(name).or_insert(value);
                }
            }
        }
    }
    if let Some(Value::Object(other)) = kinds.remove("other_kinds") {
        for (kind, value) in other {
            kinds.entry(kind).or_insert(value);
        }
    }
}

/// What of a file this version does not know, for the import preview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnknownInFile {
    /// Records with fields this version does not know, and those fields.
    pub fields: Vec<(RecordRef, Vec<String>)>,
    /// Kinds this version does not know, and how many records each holds.
    pub kinds: Vec<(String, usize)>,
}

impl UnknownInFile {
    pub fn of(data: &Dataset) -> UnknownInFile {
        let fields = data
            .record_metas()
            .filter(|(_, _, meta)| !meta.unknown.is_empty())
            .map(|(kind, id, meta)| {
                let reference = RecordRef {
                    kind: kind.to_owned(),
                    id: id.to_owned(),
                };
                (reference, meta.unknown.keys().cloned().collect())
            })
            .collect();
        let kinds = data
            .other_kinds
            .iter()
            .map(|(kind, value)| (kind.clone(), value.as_array().map_or(1, Vec::len)))
            .collect();
        UnknownInFile { fields, kinds }
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.kinds.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_known_fields_are_those_of_the_record_types() {
        let body = known_fields("bodies").unwrap();
        assert!(body.contains(&"id") && body.contains(&"meta") && body.contains(&"name"));
        assert!(known_fields("widgets").is_none());
        // Every field a membership can have is known.
        let membership = Membership {
            id: MembershipId::new("m"),
            meta: RecordMeta::default(),
            person: PersonId::new("p"),
            body: BodyId::new("b"),
            role: MembershipRole::Substitute {
                for_person: Some(PersonId::new("q")),
            },
            representing: Some(OrganisationId::new("o")),
            from: Some("2021-01-01".parse().unwrap()),
            to: Some("2022-01-01".parse().unwrap()),
            note: Some("n".into()),
        };
        let json = serde_json::to_value(&membership).unwrap();
        for key in json.as_object().unwrap().keys() {
            assert!(MEMBERSHIP_FIELDS.contains(&key.as_str()), "{key}");
        }
    }

    #[test]
    fn set_aside_and_put_back_are_inverse() {
        let file = json!({
            "schema_version": 2,
            "counties": [{"id": "c", "name": "C", "colour": "blå", "meta": {"unknown": {"name": "X"}}}],
            "widgets": [{"id": "w", "size": 3}],
        });
        let mut data = file.clone();
        set_aside(&mut data);
        assert_eq!(
            data["counties"][0]["meta"]["unknown"],
            json!({"colour": "blå"})
        );
        assert_eq!(data["counties"][0]["name"], "C");
        assert_eq!(
            data["other_kinds"],
            json!({"widgets": [{"id": "w", "size": 3}]})
        );
        let read: Dataset = serde_json::from_value(data.clone()).unwrap();
        let stored = serde_json::to_value(&read).unwrap();
        assert_eq!(stored["counties"], data["counties"]);
        assert_eq!(stored["other_kinds"], data["other_kinds"]);
        put_back(&mut data);
        let mut expected = file;
        expected["counties"][0]["meta"] = json!({});
        assert_eq!(data, expected);
    }
}
