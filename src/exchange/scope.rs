//! Which records an export holds: everything, one county, or what a party
//! is not known to have yet.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::{CountyId, Dataset, RecordKind, RecordMeta};

use super::report::RecordRef;

/// What an exchange file holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scope {
    /// Every record of the copy, deletion markers included.
    #[default]
    All,
    /// One county's records and every record they refer to: the file stands
    /// on its own.
    County { county: CountyId },
    /// Only the records a party (by copy id) is not known to have: the file
    /// may refer to records it does not hold, which the receiver has.
    ChangesFor { party: String },
}

impl Scope {
    /// Whether every reference in the file resolves within the file.
    pub fn is_self_contained(&self) -> bool {
        !matches!(self, Scope::ChangesFor { .. })
    }
}

/// Per record ("kind/id"), a fingerprint of the version a party is known to
/// hold. Two copies holding a record at the same version vector hold the
/// same content (they have seen the same writes), so the fingerprint is
/// taken over the record's version vector alone.
pub type KnownVersions = BTreeMap<String, String>;

fn key(kind: &str, id: &str) -> String {
    format!("{kind}/{id}")
}

fn fingerprint(record: &Value) -> String {
    let version = record
        .get("meta")
        .and_then(|m| m.get("version"))
        .cloned()
        .unwrap_or(Value::Null);
    super::checksum(&version)
}

/// [`fingerprint`] from a record's meta, without the record's JSON. An empty
/// vector is not written in the JSON, so it reads as `null`.
fn fingerprint_of(meta: &RecordMeta) -> String {
    if meta.version.is_empty() {
        return super::checksum(&Value::Null);
    }
    super::checksum(&serde_json::to_value(&meta.version).unwrap_or(Value::Null))
}

fn as_object(data: &Dataset) -> Map<String, Value> {
    match serde_json::to_value(data) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn from_object(map: Map<String, Value>) -> Dataset {
    serde_json::from_value(Value::Object(map)).unwrap_or_default()
}

fn id_of(record: &Value) -> Option<&str> {
    record.get("id").and_then(Value::as_str)
}

/// The version fingerprint of every record of `data`.
pub fn known_versions(data: &Dataset) -> KnownVersions {
    data.record_metas()
        .map(|(kind, id, meta)| (key(kind.field(), id), fingerprint_of(meta)))
        .collect()
}

/// The records of `data` whose current version is not the one in `known`.
pub fn unknown_to(data: &Dataset, known: &KnownVersions) -> Dataset {
    keep_records(data, |kind, record| {
        id_of(record).is_none_or(|id| known.get(&key(kind, id)) != Some(&fingerprint(record)))
    })
}

/// `data` without the given records.
pub fn without(data: &Dataset, left_out: &BTreeSet<RecordRef>) -> Dataset {
    if left_out.is_empty() {
        return data.clone();
    }
    keep_records(data, |kind, record| {
        let kind = RecordKind::from_field(kind);
        id_of(record)
            .zip(kind)
            .is_none_or(|(id, kind)| !left_out.contains(&RecordRef::new(kind, id)))
    })
}

fn keep_records(data: &Dataset, mut keep: impl FnMut(&str, &Value) -> bool) -> Dataset {
    let mut map = as_object(data);
    for (kind, records) in map.iter_mut() {
        if let Value::Array(records) = records {
            records.retain(|r| keep(kind, r));
        }
    }
    from_object(map)
}

/// One county's records, with every record they refer to (people from other
/// counties, source documents), so the result passes the reference check.
pub fn county_subset(data: &Dataset, county: &CountyId) -> Dataset {
    let bodies: HashSet<&str> = data
        .bodies
        .iter()
        .filter(|b| &b.county == county)
        .map(|b| b.id.as_str())
        .collect();
    let meetings: HashSet<&str> = data
        .meetings
        .iter()
        .filter(|m| bodies.contains(m.body.as_str()))
        .map(|m| m.id.as_str())
        .collect();
    let mut subset = Dataset {
        schema_version: data.schema_version,
        counties: data
            .counties
            .iter()
            .filter(|c| &c.id == county)
            .cloned()
            .collect(),
        organisations: data
            .organisations
            .iter()
            .filter(|o| &o.county == county)
            .cloned()
            .collect(),
        bodies: data
            .bodies
            .iter()
            .filter(|b| bodies.contains(b.id.as_str()))
            .cloned()
            .collect(),
        relations: data
            .relations
            .iter()
            .filter(|r| bodies.contains(r.from.as_str()) || bodies.contains(r.to.as_str()))
            .cloned()
            .collect(),
        memberships: data
            .memberships
            .iter()
            .filter(|m| bodies.contains(m.body.as_str()))
            .cloned()
            .collect(),
        agreements: data
            .agreements
            .iter()
            .filter(|a| &a.county == county)
            .cloned()
            .collect(),
        meetings: data
            .meetings
            .iter()
            .filter(|m| meetings.contains(m.id.as_str()))
            .cloned()
            .collect(),
        positions: data
            .positions
            .iter()
            .filter(|p| bodies.contains(p.body.as_str()))
            .cloned()
            .collect(),
        // Kinds this version does not know cannot be told by county; they
        // go whole, so that they are passed on and never dropped.
        other_kinds: data.other_kinds.clone(),
        paragraphs: data
            .paragraphs
            .iter()
            .filter(|p| meetings.contains(p.meeting.as_str()))
            .cloned()
            .collect(),
        ..Dataset::default()
    };
    add_referenced(data, &mut subset);
    subset
}

/// Adds to `subset` the records of `data` that its records refer to, until
/// every reference resolves (or refers to nothing `data` has either).
fn add_referenced(data: &Dataset, subset: &mut Dataset) {
    let all = as_object(data);
    loop {
        let missing: BTreeSet<String> = subset
            .check_references()
            .dangling
            .into_iter()
            .map(|d| d.missing)
            .collect();
        if missing.is_empty() {
            return;
        }
        let mut map = as_object(subset);
        let mut added = false;
        for (kind, records) in &all {
            for record in records.as_array().into_iter().flatten() {
                let Some(id) = id_of(record) else { continue };
                if !missing.contains(id) {
                    continue;
                }
                let target = map
                    .entry(kind.clone())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(target) = target {
                    if !target.iter().any(|r| id_of(r) == Some(id)) {
                        target.push(record.clone());
                        added = true;
                    }
                }
            }
        }
        *subset = from_object(map);
        if !added {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BodyBasics, ChangeStamp};

    fn seed() -> Dataset {
        crate::seed::built_in().unwrap()
    }

    #[test]
    fn fingerprints_from_the_meta_are_those_of_the_records_json() {
        let mut data = seed();
        data.bodies[0].meta.version = Default::default();
        data.bodies[1].meta.version.0.insert("copy-x".into(), 3);
        data.people[0].meta.version.0.insert("copy-y".into(), 1);
        let from_json: KnownVersions = as_object(&data)
            .iter()
            .flat_map(|(kind, records)| {
                records
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(move |r| Some((key(kind, id_of(r)?), fingerprint(r))))
            })
            .collect();
        assert!(from_json.len() > 100);
        assert_eq!(known_versions(&data), from_json);
    }

    #[test]
    fn a_county_subset_stands_on_its_own_and_holds_only_that_county() {
        let data = seed();
        for county in &data.counties {
            let subset = county_subset(&data, &county.id);
            assert!(subset.check_references().is_clean(), "{}", county.id);
            assert_eq!(subset.counties.len(), 1);
            assert!(subset.bodies.iter().all(|b| b.county == county.id));
            assert_eq!(
                subset.bodies.len(),
                data.bodies.iter().filter(|b| b.county == county.id).count()
            );
            assert!(subset.organisations.len() < data.organisations.len());
        }
    }

    #[test]
    fn only_records_changed_since_the_known_versions_are_unknown() {
        let mut data = seed();
        let known = known_versions(&data);
        assert_eq!(unknown_to(&data, &known), Dataset::default_with(&data));
        let id = data.bodies[2].id.clone();
        data.update_body_basics(
            &id,
            BodyBasics {
                name: "Nytt namn".into(),
                short_name: None,
            },
            ChangeStamp {
                copy_id: "a".into(),
                writer: None,
                organisation: None,
                person: None,
                at: "2026-11-23T10:00:00Z".into(),
            },
        )
        .unwrap();
        let changed = unknown_to(&data, &known);
        assert_eq!(changed.bodies.len(), 1);
        assert_eq!(changed.bodies[0].id, id);
        assert!(changed.meetings.is_empty() && changed.people.is_empty());
        assert_eq!(unknown_to(&data, &KnownVersions::new()), data);
    }

    #[test]
    fn records_can_be_left_out_by_reference() {
        let data = seed();
        let id = data.bodies[0].id.to_string();
        let left_out = BTreeSet::from([RecordRef {
            kind: RecordKind::Bodies,
            id: id.clone(),
        }]);
        let rest = without(&data, &left_out);
        assert_eq!(rest.bodies.len(), data.bodies.len() - 1);
        assert!(rest.bodies.iter().all(|b| b.id.as_str() != id));
        assert_eq!(rest.meetings, data.meetings);
    }

    impl Dataset {
        /// An empty data set with `other`'s schema version.
        fn default_with(other: &Dataset) -> Dataset {
            Dataset {
                schema_version: other.schema_version,
                ..Dataset::default()
            }
        }
    }
}
