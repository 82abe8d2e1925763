//! What a record of an exchange file may hold, so that no file can hurt the
//! copy that reads it: ids from the id characters ([`is_valid_id`]), version
//! counters far from the end of their type ([`MAX_COUNTER`]), texts and words
//! of bounded length ([`MAX_TEXT_CHARS`], [`MAX_WORD_CHARS`]), and no
//! counter of the receiving copy's own that is ahead of what that copy holds
//! ([`check_own_versions`]). Each fault names the record and the field.

use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

use crate::i18n::{tf, Text};
use crate::model::{
    is_valid_id, Dataset, RecordKind, RecordMeta, RecordRef, VersionVector, MAX_ID_CHARS,
};

use super::json::{path_text, Step};
use super::ImportError;

/// The highest version counter a file may hold: 2^53, the largest integer
/// every JSON reader (JavaScript's numbers) reads exactly. One change a
/// second would take 285 million years to get there; a counter near
/// `u64::MAX` can only be made by hand, and would make the next local edit
/// of the record overflow (see `VersionVector::bump`).
pub const MAX_COUNTER: u64 = 1 << 53;

/// The longest text (one string of a record), in chars: about 25 pages. The
/// longest built-in text is 738 chars.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// The longest word (a run of letters and digits, as search cuts words), in
/// chars. The longest built-in word is 25 chars; real Swedish compounds stay
/// well under 60. Search works in time linear in a word's length anyway;
/// the limit keeps the index and the excerpts of a hostile file small.
pub const MAX_WORD_CHARS: usize = 100;

/// How many faults an error lists (it counts them all).
const LISTED: usize = 10;

/// One thing wrong with one record of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordFault {
    /// The record by kind and id (the id as the file has it).
    pub record: RecordRef,
    /// Where in the record, e.g. `id`, `description`, `meta.fields.name.version.kopia-a`.
    pub field: String,
    /// What is wrong, in the interface's language.
    pub problem: String,
}

impl fmt::Display for RecordFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = &self.record.id;
        // An id outside the id characters is shown quoted and escaped, so
        // that an empty id or a line break is visible.
        let id = if is_valid_id(id) {
            id.clone()
        } else {
            format!("{id:?}")
        };
        f.write_str(&tf(
            Text::ImportRecordFault,
            &[&self.record.kind_label(), &id, &self.field, &self.problem],
        ))
    }
}

/// The message of [`ImportError::Records`]: the faults, the first
/// [`LISTED`] of them by record and field.
pub(crate) fn faults_text(faults: &[RecordFault], count: usize) -> String {
    let listed: Vec<String> = faults.iter().take(LISTED).map(|f| f.to_string()).collect();
    if count == 1 {
        tf(Text::ImportOneFault, &[&listed.join("")])
    } else {
        let more = if count > listed.len() { " …" } else { "" };
        tf(Text::ImportManyFaults, &[&count, &listed.join("; "), &more])
    }
}

/// The faults of a file's data (`data` as JSON), record by record: ids,
/// counters and texts. Refused as a whole: a record left out would leave
/// the references to it dangling, and the preview is where a person leaves
/// records out; a file with a bad record is not one to trust in part.
pub(crate) fn check_records(data: &Value) -> Result<(), ImportError> {
    let mut faults = Faults::default();
    for (kind, records) in data.as_object().into_iter().flatten() {
        for record in records.as_array().into_iter().flatten() {
            let Some(id) = record.get("id").and_then(Value::as_str) else {
                continue; // the record's reading says the id is missing
            };
            // A kind this version does not know is not read into the data
            // set, so its records cannot harm it.
            let Some(kind) = RecordKind::from_field(kind) else {
                continue;
            };
            let at = RecordRef::new(kind, id);
            if !is_valid_id(id) {
                faults.add(&at, "id".into(), tf(Text::ImportBadId, &[&MAX_ID_CHARS]));
            }
            texts(record, &mut Vec::new(), &mut |path, problem| {
                faults.add(&at, path, problem)
            });
            counters(record.get("meta"), &mut |path, problem| {
                faults.add(&at, path, problem)
            });
        }
    }
    faults.into_result()
}

/// Faults as they are found: the first [`LISTED`], and how many.
#[derive(Default)]
struct Faults {
    listed: Vec<RecordFault>,
    count: usize,
}

impl Faults {
    fn add(&mut self, record: &RecordRef, field: String, problem: String) {
        self.count += 1;
        if self.listed.len() < LISTED {
            self.listed.push(RecordFault {
                record: record.clone(),
                field,
                problem,
            });
        }
    }

    fn into_result(self) -> Result<(), ImportError> {
        if self.count == 0 {
            Ok(())
        } else {
            Err(ImportError::Records {
                faults: self.listed,
                count: self.count,
            })
        }
    }
}

/// Every string (and object key) of `value` checked against the text limits.
fn texts<'a>(
    value: &'a Value,
    path: &mut Vec<Step<&'a str>>,
    fault: &mut impl FnMut(String, String),
) {
    match value {
        Value::String(text) => {
            if let Some(problem) = text_problem(text) {
                fault(path_text(path), problem);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                texts(item, path, fault);
                path.pop();
            }
        }
        Value::Object(object) => {
            for (key, item) in object {
                path.push(Step::Key(key.as_str()));
                if let Some(problem) = text_problem(key) {
                    fault(path_text(path), problem);
                }
                texts(item, path, fault);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Why `text` is too long, if it is: one pass over its chars.
pub fn text_problem(text: &str) -> Option<String> {
    if text.len() <= MAX_WORD_CHARS {
        return None; // no more chars than bytes
    }
    let (mut chars, mut run, mut longest) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if c.is_alphanumeric() {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    if chars > MAX_TEXT_CHARS {
        Some(tf(Text::ImportTextTooLong, &[&chars, &MAX_TEXT_CHARS]))
    } else if longest > MAX_WORD_CHARS {
        Some(tf(Text::ImportWordTooLong, &[&longest, &MAX_WORD_CHARS]))
    } else {
        None
    }
}

/// Every version counter of a record's meta (the record's vector, each
/// field's and each kept conflict value's) checked against [`MAX_COUNTER`].
fn counters(meta: Option<&Value>, fault: &mut impl FnMut(String, String)) {
    let Some(meta) = meta else { return };
    let mut check = |path: String, vector: Option<&Value>| {
        for (key, count) in vector.and_then(Value::as_object).into_iter().flatten() {
            let too_high = match count.as_u64() {
                Some(n) => n > MAX_COUNTER,
                None => count.as_f64().is_some_and(|n| n > MAX_COUNTER as f64),
            };
            if too_high {
                fault(
                    format!("{path}.{key}"),
                    tf(Text::ImportCounterTooHigh, &[count, &MAX_COUNTER]),
                );
            }
        }
    };
    check("meta.version".into(), meta.get("version"));
    for (field, version) in meta
        .get("fields")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        check(
            format!("meta.fields.{field}.version"),
            version.get("version"),
        );
    }
    let conflicts = meta.get("conflicts").and_then(Value::as_object);
    for (field, siblings) in conflicts.into_iter().flatten() {
        for (i, sibling) in siblings.as_array().into_iter().flatten().enumerate() {
            check(
                format!("meta.conflicts.{field}[{i}].version"),
                sibling.get("version"),
            );
        }
    }
    // The versions of list items (`model::list`), the same way.
    let lists = meta.get("items").and_then(Value::as_object);
    for (field, items) in lists.into_iter().flatten() {
        for (i, item) in items.as_array().into_iter().flatten().enumerate() {
            let at = format!("meta.items.{field}[{i}]");
            let versions = item.get("fields").and_then(Value::as_object);
            for (name, version) in versions.into_iter().flatten() {
                check(
                    format!("{at}.fields.{name}.version"),
                    version.get("version"),
                );
            }
            let kept = item.get("conflicts").and_then(Value::as_object);
            for (name, siblings) in kept.into_iter().flatten() {
                for (k, sibling) in siblings.as_array().into_iter().flatten().enumerate() {
                    check(
                        format!("{at}.conflicts.{name}[{k}].version"),
                        sibling.get("version"),
                    );
                }
            }
        }
    }
}

/// Whether a version-vector key counts the changes of `copy_id`: the copy
/// itself or one of its writers (`copy-…/2`, one per tab).
fn is_own(key: &str, copy_id: &str) -> bool {
    key.strip_prefix(copy_id)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Refuses a file that puts a counter of the receiving copy (`copy_id`, or
/// a writer `copy_id/N` of it) higher than the receiver holds for that
/// record. Only the copy itself makes changes under its own id, so every
/// own change a file can rightly hold is one the copy already has; a higher
/// counter is a change in this copy's name it never made, which would win
/// over the copy's real edits of the field (and a counter near the end of
/// its type would make the next edit overflow).
///
/// Refused, not ignored: lowering the file's counters would change what
/// its values mean (a forged value could pass as concurrent or as older,
/// and the merge would treat the same file differently on different
/// copies), and a copy that lost its own data and gets it back from a
/// partner is better told than silently patched. The message names the
/// record and the field.
pub fn check_own_versions(
    local: &Dataset,
    incoming: &Dataset,
    copy_id: &str,
) -> Result<(), ImportError> {
    let mut held: Option<HashMap<(RecordKind, &str), &RecordMeta>> = None;
    let mut faults = Faults::default();
    for (kind, id, meta) in incoming.record_metas() {
        let vectors = std::iter::once(("meta.version".to_owned(), &meta.version))
            .chain(meta.fields.iter().map(|(f, v)| (f.clone(), &v.version)))
            .chain(meta.conflicts.iter().flat_map(|(f, siblings)| {
                siblings
                    .iter()
                    .enumerate()
                    .map(move |(i, s)| (format!("meta.conflicts.{f}[{i}]"), &s.version))
            }))
            .chain(meta.items.iter().flat_map(|(f, items)| {
                items.iter().enumerate().flat_map(move |(i, item)| {
                    let versions = item.fields.iter().map(|(n, v)| (n, &v.version));
                    let kept = item
                        .conflicts
                        .iter()
                        .flat_map(|(n, siblings)| siblings.iter().map(move |s| (n, &s.version)));
                    versions
                        .chain(kept)
                        .map(move |(n, v)| (format!("meta.items.{f}[{i}].{n}"), v))
                })
            }));
        for (field, vector) in vectors {
            for (key, &count) in own_entries(vector, copy_id) {
                let held = held.get_or_insert_with(|| {
                    local
                        .record_metas()
                        .map(|(kind, id, meta)| ((kind, id), meta))
                        .collect()
                });
                let have = held.get(&(kind, id)).map_or(0, |m| m.version.get(key));
                if count > have {
                    faults.add(
                        &RecordRef::new(kind, id),
                        field.clone(),
                        tf(Text::ImportOwnCounter, &[&key, &count, &have]),
                    );
                }
            }
        }
    }
    faults.into_result()
}

fn own_entries<'a>(
    vector: &'a VersionVector,
    copy_id: &'a str,
) -> impl Iterator<Item = (&'a String, &'a u64)> + 'a {
    vector.0.iter().filter(move |(key, _)| is_own(key, copy_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_keys_are_the_copy_and_its_writers() {
        assert!(is_own("copy-a1", "copy-a1"));
        assert!(is_own("copy-a1/2", "copy-a1"));
        assert!(!is_own("copy-a12", "copy-a1"));
        assert!(!is_own("copy-b", "copy-a1"));
    }

    #[test]
    fn text_limits_are_counted_in_chars() {
        assert_eq!(text_problem(&"å".repeat(MAX_WORD_CHARS)), None);
        assert!(text_problem(&"å".repeat(MAX_WORD_CHARS + 1)).is_some());
        let words = "ord ".repeat(MAX_TEXT_CHARS / 4);
        assert_eq!(text_problem(&words), None);
        assert!(text_problem(&(words + "x")).is_some());
    }
}
