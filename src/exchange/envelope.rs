//! The exchange file: an envelope (format, schema version, origin, time,
//! checksum) around the data set, written as pretty JSON in a stable order
//! so that two exports can be compared line by line.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::i18n::{in_language, json_error_text, t, tf, Text};
use crate::model::{Dataset, SCHEMA_VERSION};

use super::json::{from_slice_strict, StrictError};
use super::limits::{check_records, faults_text, RecordFault};
use super::scope::Scope;

/// The format name every exchange file carries.
pub const FORMAT: &str = "samverkan-exchange";

/// Which copy a file comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    pub copy_id: String,
}

/// The file as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExchangeFile<D = Dataset> {
    pub format: String,
    pub schema_version: u32,
    pub origin: Origin,
    /// RFC 3339 time of the export.
    pub created_at: String,
    /// Which records the file holds (files without it hold everything).
    #[serde(default)]
    pub scope: Scope,
    /// See [`checksum`].
    pub checksum: String,
    /// The data set (as written: see `FileData`).
    pub data: D,
}

/// A file that passed every check, ready to be merged.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub origin: Origin,
    pub created_at: String,
    pub schema_version: u32,
    pub scope: Scope,
    pub data: Dataset,
}

/// Why a file was refused. Nothing is changed when a file is refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("{}", tf(Text::ImportTooLarge, &[size, limit]))]
    TooLarge { size: usize, limit: usize },
    #[error("{}", tf(Text::ImportNotJson, &[line, column, message]))]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}", tf(Text::ImportTruncated, &[line, column]))]
    Truncated { line: usize, column: usize },
    #[error("{}", tf(Text::ImportNotOurFormat, &[found]))]
    NotOurFormat { found: String },
    #[error("{}", tf(Text::ImportNewerSchema, &[found, supported]))]
    NewerSchema { found: u64, supported: u32 },
    #[error("{}", tf(Text::ImportUnknownSchema, &[found]))]
    UnknownSchema { found: String },
    #[error("{}", tf(Text::ImportChecksum, &[expected, actual]))]
    ChecksumMismatch { expected: String, actual: String },
    #[error("{}", tf(Text::ImportInvalidField, &[path, message]))]
    Invalid { path: String, message: String },
    #[error("{first} ({}).", count_text(*count))]
    DanglingReference { first: String, count: usize },
    #[error("{}", tf(Text::ImportDuplicateId, &[&.0]))]
    DuplicateId(String),
    /// A key twice in one object: serde_json would keep the last one
    /// silently, so the file would mean one thing to a reader and another
    /// to the import. `path` ends with the key (`data`, `data.bodies[0].name`).
    #[error("{}", tf(Text::ImportDuplicateKey, &[path, line, column]))]
    DuplicateKey {
        path: String,
        line: usize,
        column: usize,
    },
    /// Records with faults (id, counters, text limits, counters of the
    /// receiving copy), the first few listed by record and field.
    #[error("{}", faults_text(faults, *count))]
    Records {
        faults: Vec<RecordFault>,
        count: usize,
    },
}

fn count_text(count: usize) -> String {
    if count == 1 {
        t(Text::ImportOneDangling).into()
    } else {
        tf(Text::ImportManyDangling, &[&count])
    }
}

/// A hex FNV-1a (64 bit) over the canonical compact JSON of the data (object
/// keys sorted). It detects damage and careless edits, not tampering: anyone
/// can compute it; a signature would need keys the copies do not share.
pub fn checksum(data: &Value) -> String {
    let mut hash = Fnv1a(0xcbf2_9ce4_8422_2325);
    // Hashed as it is written: an archive's compact JSON is megabytes.
    let _ = serde_json::to_writer(&mut hash, data);
    format!("{:016x}", hash.0)
}

/// FNV-1a over the bytes written to it.
struct Fnv1a(u64);

impl std::io::Write for Fnv1a {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The exchange file for all of `data`, as pretty JSON.
pub fn export(data: &Dataset, origin: Origin, created_at: &str) -> String {
    export_scoped(data, origin, created_at, Scope::All)
}

/// The exchange file for `data`, the part of a copy that `scope` names.
pub fn export_scoped(data: &Dataset, origin: Origin, created_at: &str, scope: Scope) -> String {
    let mut value = serde_json::to_value(data).unwrap_or(Value::Null);
    let unknown = !super::UnknownInFile::of(data).is_empty();
    if unknown {
        super::unknown::put_back(&mut value);
    }
    let file = ExchangeFile {
        format: FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        origin,
        created_at: created_at.into(),
        scope,
        checksum: checksum(&value),
        data: if unknown {
            FileData::AsFile(value)
        } else {
            FileData::Known(data)
        },
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The data of a file as written: from the data set, its fields in their
/// order, unless it holds fields or kinds this version does not know, which
/// are put back where the file that brought them had them.
#[derive(Serialize)]
#[serde(untagged)]
enum FileData<'a> {
    Known(&'a Dataset),
    AsFile(Value),
}

/// The name of an exported file: `samverkan-<origin>[-<part>]-<date>.json`,
/// lower case, å/ä/ö written a/a/o and anything else but letters and digits
/// as hyphens, so the name survives every mail client and file system.
pub fn file_name(origin: Option<&str>, part: Option<&str>, date: chrono::NaiveDate) -> String {
    let mut name = String::from("samverkan");
    for piece in [origin, part].into_iter().flatten() {
        let slug = crate::format::slug(piece);
        if !slug.is_empty() {
            name.push('-');
            name.push_str(&slug);
        }
    }
    format!("{name}-{date}.json")
}

/// Reads and checks an exchange file: size, JSON, format, schema version,
/// checksum, every record, and that every reference resolves.
pub fn parse(text: &str, max_bytes: usize) -> Result<Imported, ImportError> {
    parse_json(text.as_bytes(), max_bytes)?.check()?.read()
}

/// An exchange file read as JSON and not yet checked: the first of the three
/// steps of [`parse`], which the app runs with a pause between them, so that
/// no step of a large file holds the page for long.
pub struct ParsedFile(Value);

/// A file whose envelope (format, schema version, checksum, origin) is
/// checked; its records are read by [`CheckedFile::read`].
pub struct CheckedFile {
    origin: Origin,
    created_at: String,
    schema_version: u32,
    scope: Scope,
    data: Value,
}

/// The size and the JSON of an exchange file, given as the file's bytes
/// (UTF-8): the first step of [`parse`]. Reading the bytes spares the app
/// decoding the file into a JS string and encoding it back into wasm.
pub fn parse_json(bytes: &[u8], max_bytes: usize) -> Result<ParsedFile, ImportError> {
    if bytes.len() > max_bytes {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        });
    }
    // Some editors begin a UTF-8 file with a byte order mark; it is not JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    from_slice_strict(bytes).map(ParsedFile).map_err(|e| {
        let e = match e {
            StrictError::Json(e) => e,
            StrictError::DuplicateKey { path, line, column } => {
                return ImportError::DuplicateKey { path, line, column }
            }
        };
        if e.is_eof() {
            ImportError::Truncated {
                line: e.line(),
                column: e.column(),
            }
        } else {
            // serde_json's message ends with the place, which we give
            // ourselves, in the interface's language.
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
                message: json_error_text(&e),
            }
        }
    })
}

impl ParsedFile {
    /// Whether the file has a top-level member `key` (a signature block
    /// anywhere but where [`super::split_signed`] looks is refused).
    pub fn has_member(&self, key: &str) -> bool {
        self.0.get(key).is_some()
    }

    /// The envelope and the checksum: the second step of [`parse`].
    pub fn check(self) -> Result<CheckedFile, ImportError> {
        let ParsedFile(mut value) = self;
        let format = value.get("format");
        if format.and_then(Value::as_str) != Some(FORMAT) {
            return Err(ImportError::NotOurFormat {
                found: format.map_or_else(|| t(Text::ImportMissing).to_owned(), Value::to_string),
            });
        }
        let schema_version = match value.get("schema_version").and_then(Value::as_u64) {
            Some(v) if v > u64::from(SCHEMA_VERSION) => {
                return Err(ImportError::NewerSchema {
                    found: v,
                    supported: SCHEMA_VERSION,
                })
            }
            Some(v) if v >= 1 => v as u32,
            _ => {
                // The value as the file has it ("2", 1.5, -1), not "missing".
                return Err(ImportError::UnknownSchema {
                    found: value
                        .get("schema_version")
                        .map_or_else(|| t(Text::ImportMissing).to_owned(), Value::to_string),
                });
            }
        };
        let data = value.get("data").ok_or_else(|| ImportError::Invalid {
            path: "data".into(),
            message: t(Text::ImportMissing).into(),
        })?;
        let expected = value
            .get("checksum")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let actual = checksum(data);
        if expected != actual {
            return Err(ImportError::ChecksumMismatch {
                expected: expected.to_owned(),
                actual,
            });
        }
        let origin: Origin = field(&value, "origin")?;
        let created_at: String = field(&value, "created_at")?;
        let scope: Scope = match value.get("scope") {
            None => Scope::All,
            Some(_) => field(&value, "scope")?,
        };
        let data = value.get_mut("data").map(Value::take).unwrap_or_default();
        Ok(CheckedFile {
            origin,
            created_at,
            schema_version,
            scope,
            data,
        })
    }
}

impl CheckedFile {
    /// Every record, and that every reference resolves: the last step of
    /// [`parse`].
    pub fn read(self) -> Result<Imported, ImportError> {
        let data = migrate(self.data, self.schema_version)?;
        let data = records(data)?;
        check_references(&data, self.scope.is_self_contained())?;
        Ok(Imported {
            origin: self.origin,
            created_at: self.created_at,
            schema_version: self.schema_version,
            scope: self.scope,
            data,
        })
    }
}

/// Duplicate ids are refused always; references that do not resolve only
/// when `complete` (a file of changes refers to records the receiver has:
/// those are checked on the merged result, see [`check_merged`]). Values
/// kept in conflicts are checked too, since a person may choose them.
fn check_references(data: &Dataset, complete: bool) -> Result<(), ImportError> {
    let variants = super::conflicts::conflict_variants(data);
    let check = if variants == Dataset::default() {
        data.check_references()
    } else {
        let mut all = data.clone();
        all.extend(variants);
        all.check_references()
    };
    if let Some(duplicate) = check.duplicate_ids.first() {
        return Err(ImportError::DuplicateId(duplicate.clone()));
    }
    match check.dangling.first() {
        Some(first) if complete => Err(ImportError::DanglingReference {
            first: first.to_string(),
            count: check.dangling.len(),
        }),
        _ => Ok(()),
    }
}

/// Checks the data a merge produced: every reference resolves.
pub fn check_merged(merged: &Dataset) -> Result<(), ImportError> {
    check_references(merged, true)
}

/// Brings the data of a file written with an older schema to the current
/// one: a chain of pure steps on the JSON, `if from < N { data = vN_1_to_vN(data) }`.
/// 1 → 2 has no step: schema 2 only adds item meta to lists, and a list
/// without it reads as implicit items (`model::list`); a whole-list conflict
/// of schema 1 is merged item by item when the file is merged
/// (`tests/exchange_fixtures.rs` imports version-1 fixtures, conflicts included).
fn migrate(mut data: Value, from: u32) -> Result<Value, ImportError> {
    debug_assert!(from <= SCHEMA_VERSION, "newer schemas are refused before");
    if let Some(object) = data.as_object_mut() {
        object.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
    Ok(data)
}

fn field<T: serde::de::DeserializeOwned>(value: &Value, name: &str) -> Result<T, ImportError> {
    let raw = value.get(name).cloned().unwrap_or(Value::Null);
    serde_json::from_value(raw).map_err(|e| ImportError::Invalid {
        path: name.into(),
        message: in_language(&e.to_string()),
    })
}

/// Reads the data set record by record, so that an invalid record is named
/// by its place (`data.bodies[3]`, id) and not only by serde's message. A
/// kept conflict value is tried in its field too, since the merge may make
/// it the current value.
fn records(mut data: Value) -> Result<Dataset, ImportError> {
    if !data.is_object() {
        return Err(ImportError::Invalid {
            path: "data".into(),
            message: t(Text::ImportMustBeObject).into(),
        });
    }
    // Ids, counters and the lengths of texts first: a file past these
    // limits is not read further.
    check_records(&data)?;
    // What this version does not know is kept aside, not dropped.
    super::unknown::set_aside(&mut data);
    let kinds = data.as_object().into_iter().flatten();
    // The whole set is read at once; only when that fails is each record
    // read on its own, to say which one is at fault.
    let whole = Dataset::deserialize(&data);
    for (kind, records) in kinds {
        let Some(records) = records.as_array() else {
            continue;
        };
        for (index, record) in records.iter().enumerate() {
            let id = record
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or(t(Text::ImportWithoutId));
            let at = || format!("data.{kind}[{index}] (id {id})");
            if whole.is_err() {
                read_one(kind, record).map_err(|(field, message)| ImportError::Invalid {
                    path: match field {
                        Some(field) => format!("data.{kind}[{index}].{field} (id {id})"),
                        None => at(),
                    },
                    message,
                })?;
            }
            let meta = record.get("meta");
            for part in ["fields", "conflicts"] {
                let names = meta.and_then(|m| m.get(part)).and_then(Value::as_object);
                if let Some(name) = names
                    .into_iter()
                    .flat_map(|n| n.keys())
                    .find(|n| *n == "id" || *n == "meta")
                {
                    return Err(ImportError::Invalid {
                        path: format!("{}.meta.{part}.{name}", at()),
                        message: tf(Text::ImportNotVersionedField, &[name]),
                    });
                }
            }
            let conflicts = meta
                .and_then(|m| m.get("conflicts"))
                .and_then(Value::as_object);
            let Some(conflicts) = conflicts.filter(|c| !c.is_empty()) else {
                continue;
            };
            // Each kept value is tried in its field, on the record without
            // its conflicts (a record with many would make this quadratic).
            let mut base = record.clone();
            if let Some(meta) = base.get_mut("meta").and_then(Value::as_object_mut) {
                meta.remove("conflicts");
            }
            for (name, siblings) in conflicts {
                for (n, sibling) in siblings.as_array().into_iter().flatten().enumerate() {
                    let value = sibling.get("value").cloned().unwrap_or(Value::Null);
                    if name == "deleted" {
                        if !value.is_boolean() {
                            return Err(ImportError::Invalid {
                                path: format!("{}.meta.conflicts.deleted[{n}]", at()),
                                message: t(Text::ImportMustBeBool).into(),
                            });
                        }
                        continue;
                    }
                    let mut variant = base.clone();
                    if let Some(object) = variant.as_object_mut() {
                        if value.is_null() {
                            object.remove(name);
                        } else {
                            object.insert(name.clone(), value);
                        }
                    }
                    read_one(kind, &variant).map_err(|(_, message)| ImportError::Invalid {
                        path: format!("{}.meta.conflicts.{name}[{n}]", at()),
                        message,
                    })?;
                }
            }
        }
    }
    whole.map_err(|e| ImportError::Invalid {
        path: "data".into(),
        message: in_language(&e.to_string()),
    })
}

/// Reads one record of `kind`; on failure, the field at fault (where it
/// can be told) and the message in the interface's language.
fn read_one(kind: &str, record: &Value) -> Result<(), (Option<String>, String)> {
    let error = match try_read(kind, record) {
        Ok(()) => return Ok(()),
        Err(e) => e,
    };
    Err((field_at_fault(kind, record, &error), in_language(&error)))
}

/// serde's (English) message for a record of `kind` that does not read.
fn try_read(kind: &str, record: &Value) -> Result<(), String> {
    let mut one = serde_json::Map::new();
    one.insert(kind.to_owned(), Value::Array(vec![record.clone()]));
    serde_json::from_value::<Dataset>(Value::Object(one))
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The field whose value makes a record fail with `error`: serde says what
/// is wrong but not where. A record reads its fields in order and stops at
/// the first bad one, so taking the culprit away changes the error (to
/// "missing", or none), and taking any other field away does not.
fn field_at_fault(kind: &str, record: &Value, error: &str) -> Option<String> {
    if error.starts_with("missing field ") {
        return None; // the message names it
    }
    let fields = record.as_object()?;
    fields.keys().find_map(|field| {
        let mut without = fields.clone();
        without.remove(field);
        let changed = try_read(kind, &Value::Object(without)).err().as_deref() != Some(error);
        changed.then(|| field.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_origin_part_and_date_in_plain_letters() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            file_name(Some("Luleå kommun"), None, date),
            "samverkan-lulea-kommun-2026-11-23.json"
        );
        assert_eq!(
            file_name(
                Some("Region Västerbotten"),
                Some("ändringar för Umeå"),
                date
            ),
            "samverkan-region-vasterbotten-andringar-for-umea-2026-11-23.json"
        );
        assert_eq!(
            file_name(None, Some("//"), date),
            "samverkan-2026-11-23.json"
        );
    }

    #[test]
    fn the_checksum_ignores_layout_and_key_order() {
        let a: Value = serde_json::from_str(r#"{"b": 1, "a": [1, 2]}"#).unwrap();
        let b: Value = serde_json::from_str("{\"a\":[1,2],\n \"b\":1}").unwrap();
        assert_eq!(checksum(&a), checksum(&b));
        let c: Value = serde_json::from_str(r#"{"a": [2, 1], "b": 1}"#).unwrap();
        assert_ne!(checksum(&a), checksum(&c));
        assert_eq!(checksum(&a).len(), 16);
    }
}
