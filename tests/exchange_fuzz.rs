//! A fuzz harness for the import path that runs on stable Rust, without
//! dependencies: valid exchange files (the built-in data set, the small
//! fixture files, a small set with merge conflicts) are mutated byte by byte
//! and JSON-aware, and every mutant goes through `parse`.
//!
//! For every input: `parse` does not panic and returns in reasonable time.
//! When it accepts, the data has unique ids and (for a self-contained file)
//! every reference resolves; it merges into the built-in data set without a
//! panic; the merge serialises, has clean references, keeps every record
//! under its id, is the same both ways; the data round-trips through
//! `export_scoped`; and the core's views of it (due list, search, calendar,
//! merge report, conflicts) do not panic. A merge that refuses (a
//! `MergeError`) is counted and its input saved, not failed; failures of
//! known defects are counted under [`KNOWN_DEFECTS`].
//! Where a mutation's effect is known, the result is checked too: a file only
//! laid out differently is accepted as the same data; a byte-level mutant
//! that is accepted holds the data it was made from; changed data without a
//! recomputed checksum is refused; a copied record under a fresh id is
//! accepted; a copied record under the same id is refused as a duplicate.
//!
//! `FUZZ_ITERATIONS` sets the number of inputs (default
//! [`DEFAULT_ITERATIONS`], about 10 s in a debug build), `FUZZ_SEED` the
//! seed. `--nocapture` shows the figures; inputs that broke a check are
//! written to `target/tmp/exchange-fuzz/`.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use samverkan::exchange::{
    canonical, checksum, conflicts, export, export_scoped, merge, parse, ImportError, Imported,
    MergeReport, Origin,
};
use samverkan::model::{BodyBasics, BodyId, ChangeStamp, Dataset};
use serde_json::{json, Value};

const DEFAULT_ITERATIONS: u64 = 300;
/// The limit the app uses (`MAX_IMPORT_BYTES` in `src/repo.rs`).
const LIMIT: usize = 50 * 1024 * 1024;
/// More than this for one `parse` counts as a failure (a debug build reads
/// the built-in file in well under a second).
const SLOW: Duration = Duration::from_secs(10);

/// Failures that come from known defects (see the `defect_` tests in
/// `tests/exchange_fixtures.rs` and below): counted and shown, but they do
/// not fail the run. Remove an entry when its defect is fixed.
const KNOWN_DEFECTS: &[(&str, &str)] = &[];

/// SplitMix64: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

// ---------------------------------------------------------------------------
// The corpus: valid files.

struct Base {
    name: &'static str,
    text: String,
    value: Value,
    data: Dataset,
}

fn origin(copy: &str) -> Origin {
    Origin {
        organisation: Some("Region Norrbotten".into()),
        copy_id: copy.into(),
    }
}

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exchange")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed() -> Dataset {
    samverkan::seed::built_in().expect("the built-in data set reads")
}

/// The small data set edited on two copies without knowing of each other
/// and merged: a file with kept conflicts.
fn with_conflicts(small: &Dataset) -> Dataset {
    let edit = |copy: &str, name: &str, at: &str| {
        let mut d = small.clone();
        let basics = BodyBasics {
            name: name.into(),
            short_name: Some("PSB".into()),
        };
        let stamp = ChangeStamp {
            copy_id: copy.into(),
            writer: None,
            organisation: None,
            person: Some("Åsa Öberg".into()),
            at: at.into(),
        };
        d.update_body_basics(&BodyId::new("nb-psb"), basics, stamp)
            .expect("the body exists");
        d
    };
    let a = edit("kopia-a", "Samverkansberedningen", "2026-11-21T10:00:00Z");
    let b = edit("kopia-b", "Beredningen 😀", "2026-11-21T11:00:00+01:00");
    merge(&a, &b).expect("the two copies merge")
}

fn corpus() -> Vec<Base> {
    let small_text = fixture("valid.json");
    let small = parse(&small_text, LIMIT)
        .expect("valid.json is accepted")
        .data;
    let texts = [
        (
            "built-in",
            export(&seed(), origin("kopia-a"), "2026-11-22T10:00:00Z"),
        ),
        ("small", small_text),
        ("markup", fixture("markup.json")),
        (
            "conflicts",
            export(
                &with_conflicts(&small),
                origin("kopia-b"),
                "2026-11-22T10:00:00Z",
            ),
        ),
    ];
    texts
        .into_iter()
        .map(|(name, text)| {
            let data = match parse(&text, LIMIT) {
                Ok(imported) => imported.data,
                Err(e) => panic!("the valid file {name} is refused: {e}"),
            };
            let value = serde_json::from_str(&text).expect("JSON");
            Base {
                name,
                text,
                value,
                data,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Mutations.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Mutation {
    // On the bytes.
    BitFlip,
    InsertBytes,
    DeleteBytes,
    Truncate,
    Splice,
    DuplicateSlice,
    // On the JSON.
    Layout,
    DuplicateRecord,
    CopyRecord,
    ReplaceValue,
    RemoveKey,
    Number,
    DeepNesting,
    LongString,
    Unicode,
    Surrogates,
    Conflict,
    Scope,
    Stacked,
}

const BYTE_MUTATIONS: [Mutation; 6] = [
    Mutation::BitFlip,
    Mutation::InsertBytes,
    Mutation::DeleteBytes,
    Mutation::Truncate,
    Mutation::Splice,
    Mutation::DuplicateSlice,
];

/// The single JSON mutations; `Stacked` applies two to four of them.
const JSON_MUTATIONS: [Mutation; 12] = [
    Mutation::ReplaceValue,
    Mutation::RemoveKey,
    Mutation::Number,
    Mutation::DeepNesting,
    Mutation::LongString,
    Mutation::Unicode,
    Mutation::Surrogates,
    Mutation::Conflict,
    Mutation::Scope,
    Mutation::DuplicateRecord,
    Mutation::CopyRecord,
    Mutation::Conflict,
];

/// What the result must be, where the mutation tells.
#[derive(Clone, Debug)]
enum Expect {
    /// Only the general checks.
    Anything,
    /// If accepted, the data is that of one of these bases.
    DataOfBase(Vec<usize>),
    /// Accepted, with the data of this base.
    Accepted(usize),
    /// Accepted (the data is new).
    AcceptedNew,
    /// Refused as a duplicate id.
    Duplicate,
    /// Refused: the data changed and the checksum was not made to fit.
    Refused,
}

struct Case {
    base: usize,
    text: String,
    limit: usize,
    mutation: Mutation,
    resealed: bool,
    expect: Expect,
}

const INTERESTING_BYTES: &[u8] = b"{}[]\",:\\ \n0123456789-+.eEtrufalsn\x00\x7f\xc3\xa5\xf0\x9f";

fn byte_case(rng: &mut Rng, corpus: &[Base], index: usize, mutation: Mutation) -> Case {
    let mut bytes = corpus[index].text.clone().into_bytes();
    let mut bases = vec![index];
    let len = bytes.len();
    match mutation {
        Mutation::BitFlip => {
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(len);
                bytes[at] ^= 1 << rng.below(8);
            }
        }
        Mutation::InsertBytes => {
            let at = rng.below(len + 1);
            let n = 1 + rng.below(16);
            let insert: Vec<u8> = (0..n)
                .map(|_| {
                    if rng.chance(70) {
                        *rng.pick(INTERESTING_BYTES)
                    } else {
                        rng.next() as u8
                    }
                })
                .collect();
            bytes.splice(at..at, insert);
        }
        Mutation::DeleteBytes => {
            let at = rng.below(len);
            let n = (1 + rng.below(64)).min(len - at);
            bytes.drain(at..at + n);
        }
        Mutation::Truncate => {
            bytes.truncate(rng.below(len));
        }
        Mutation::Splice => {
            let other = rng.below(corpus.len());
            let tail = corpus[other].text.as_bytes();
            let from = rng.below(tail.len());
            bytes.truncate(rng.below(len + 1));
            bytes.extend_from_slice(&tail[from..]);
            bases.push(other);
        }
        Mutation::DuplicateSlice => {
            let from = rng.below(len);
            let n = (1 + rng.below(256)).min(len - from);
            let slice = bytes[from..from + n].to_vec();
            let at = rng.below(len + 1);
            bytes.splice(at..at, slice);
        }
        _ => unreachable!("not a byte mutation"),
    }
    // The browser reads a file as text with U+FFFD for what is not UTF-8.
    Case {
        base: index,
        text: String::from_utf8_lossy(&bytes).into_owned(),
        limit: LIMIT,
        mutation,
        resealed: false,
        expect: Expect::DataOfBase(bases),
    }
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

/// The `n`th node in pre-order.
fn nth_mut<'a>(v: &'a mut Value, n: &mut usize) -> Option<&'a mut Value> {
    if *n == 0 {
        return Some(v);
    }
    *n -= 1;
    match v {
        Value::Array(a) => {
            for x in a {
                if let Some(found) = nth_mut(x, n) {
                    return Some(found);
                }
            }
            None
        }
        Value::Object(o) => {
            for x in o.values_mut() {
                if let Some(found) = nth_mut(x, n) {
                    return Some(found);
                }
            }
            None
        }
        _ => None,
    }
}

/// A random node, mostly inside `data` (where the records are), preferring
/// one that `want` accepts.
fn node<'a>(rng: &mut Rng, file: &'a mut Value, want: fn(&Value) -> bool) -> &'a mut Value {
    let inside = rng.chance(85) && file.get("data").is_some();
    let root = if inside { &mut file["data"] } else { file };
    let total = count(root);
    let mut chosen = rng.below(total);
    for _ in 0..30 {
        let mut n = chosen;
        if nth_mut(root, &mut n).is_some_and(|v| want(v)) {
            break;
        }
        chosen = rng.below(total);
    }
    nth_mut(root, &mut chosen).expect("the index is below the count")
}

const FIELD_NAMES: &[&str] = &[
    "id",
    "meta",
    "name",
    "county",
    "kind",
    "level",
    "body",
    "person",
    "date",
    "from",
    "to",
    "deleted",
    "conflicts",
    "fields",
    "version",
    "value",
    "change",
    "at",
    "copy_id",
    "schema_version",
    "stated",
    "unknown",
    "reason",
    "role",
    "minutes",
    "state",
    "number",
    "text",
    "okänt_fält",
];

const TRICKY_STRINGS: &[&str] = &[
    "",
    " ",
    "åäö ÅÄÖ",
    "😀👩‍👩‍👧‍👦🇸🇪",
    "\u{0}",
    "\u{202e}kcatta\u{202c}",
    "e\u{301}",
    "\u{feff}BOM",
    "\u{fffd}",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "\t\n\r\u{b}\u{c}",
    "<script>alert(1)</script>",
    "\\\"'`",
    "\u{10ffff}",
    "2026-02-30",
    "2026-11-22",
    "2026-11-22T10:00:00Z",
    "99999-12-31",
    "-0001-01-01",
    "25:61:00",
    "10:00:00",
    "nb",
    "region-nb",
    "nb-psb",
    "p-anna",
    "chair",
    "political",
    "region",
    "stated",
    "all",
    "changes_for",
    "samverkan-exchange",
];

fn random_string(rng: &mut Rng) -> String {
    if rng.chance(50) {
        return (*rng.pick(TRICKY_STRINGS)).to_owned();
    }
    (0..rng.below(24))
        .map(|_| match rng.below(4) {
            0 => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}'),
            1 => *rng.pick(&['å', 'ä', 'ö', 'Å', 'Ä', 'Ö', '😀', '"', '\\', '\u{0}']),
            _ => char::from(b'a' + rng.below(26) as u8),
        })
        .collect()
}

fn random_number(rng: &mut Rng) -> Value {
    match rng.below(12) {
        0 => json!(u64::MAX),
        1 => json!(i64::MIN),
        2 => json!(-1),
        3 => json!(0),
        4 => json!(1.0e308),
        5 => json!(-0.5),
        6 => json!(u64::from(u32::MAX) + 1),
        7 => json!(i64::from(i32::MAX) + 1),
        8 => json!(i64::from(i32::MIN) - 1),
        9 => json!(2),
        10 => json!(rng.next()),
        _ => json!(rng.next() as i64),
    }
}

/// A random JSON value of a type other than `not` (0 null … 5 object).
fn random_value(rng: &mut Rng, depth: usize, not: Option<usize>) -> Value {
    let mut kind = rng.below(6);
    while Some(kind) == not || (depth > 3 && kind >= 4) {
        kind = rng.below(6);
    }
    match kind {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => random_number(rng),
        3 => Value::String(random_string(rng)),
        4 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, depth + 1, None))
                .collect(),
        ),
        _ => Value::Object(
            (0..rng.below(4))
                .map(|_| {
                    (
                        (*rng.pick(FIELD_NAMES)).to_owned(),
                        random_value(rng, depth + 1, None),
                    )
                })
                .collect(),
        ),
    }
}

fn type_of(v: &Value) -> usize {
    match v {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) => 4,
        Value::Object(_) => 5,
    }
}

/// The record arrays of the file's data: (kind, number of records).
fn kinds(file: &Value) -> Vec<(String, usize)> {
    file.get("data")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| v.as_array().map(|a| (k.clone(), a.len())))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// A random record: kind and index.
fn record(rng: &mut Rng, file: &Value) -> Option<(String, usize)> {
    let kinds = kinds(file);
    if kinds.is_empty() {
        return None;
    }
    let (kind, n) = rng.pick(&kinds).clone();
    Some((kind, rng.below(n)))
}

/// Text spliced into the serialised file in place of a marker string, for
/// what a `Value` cannot hold: numbers out of range, invalid escapes,
/// nesting deeper than the parser takes.
struct Raw(Vec<(String, String)>);

impl Raw {
    fn put(&mut self, at: &mut Value, text: String) {
        let marker = format!("\u{1}raw{}\u{1}", self.0.len());
        *at = Value::String(marker.clone());
        self.0
            .push((serde_json::to_string(&marker).expect("a string"), text));
    }
}

fn deep(rng: &mut Rng) -> String {
    let depth = *rng.pick(&[8, 100, 126, 127, 128, 129, 1000, 100_000]);
    if rng.chance(50) {
        "[".repeat(depth) + &"]".repeat(depth)
    } else {
        "{\"a\":".repeat(depth) + "1" + &"}".repeat(depth)
    }
}

/// Applies one JSON mutation; returns what it tells about the result.
fn mutate_json(rng: &mut Rng, file: &mut Value, raw: &mut Raw, mutation: Mutation) -> Expect {
    match mutation {
        Mutation::ReplaceValue => {
            let at = node(rng, file, |_| true);
            let not = type_of(at);
            *at = random_value(rng, 0, Some(not));
        }
        Mutation::RemoveKey => {
            let at = node(rng, file, |v| v.as_object().is_some_and(|o| !o.is_empty()));
            if let Some(o) = at.as_object_mut() {
                let key = o.keys().nth(rng.below(o.len())).cloned();
                if let Some(key) = key {
                    o.remove(&key);
                }
            }
        }
        Mutation::Number => {
            let at = node(rng, file, Value::is_number);
            if rng.chance(30) {
                let text = *rng.pick(&[
                    "1e400",
                    "-1e400",
                    "123456789012345678901234567890",
                    "-0",
                    "1E+2",
                    "0.0000000000000000000000001",
                    "18446744073709551616",
                    "-9223372036854775809",
                ]);
                raw.put(at, text.to_owned());
            } else {
                *at = random_number(rng);
            }
        }
        Mutation::DeepNesting => {
            let at = node(rng, file, |_| true);
            let text = deep(rng);
            raw.put(at, text);
        }
        Mutation::LongString => {
            let at = node(rng, file, Value::is_string);
            let len = *rng.pick(&[1_000, 100_000, 1_000_000]);
            let unit = *rng.pick(&["a", "å", "😀", "<b>", "\\"]);
            *at = Value::String(unit.repeat(len / unit.len()));
        }
        Mutation::Unicode => {
            let at = node(rng, file, Value::is_string);
            let tricky = random_string(rng);
            *at = match at.as_str() {
                Some(s) if rng.chance(50) => {
                    let mut cut = rng.below(s.len() + 1);
                    while !s.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    Value::String(format!("{}{tricky}{}", &s[..cut], &s[cut..]))
                }
                _ => Value::String(tricky),
            };
        }
        Mutation::Surrogates => {
            let at = node(rng, file, Value::is_string);
            let text = *rng.pick(&[
                r#""\ud800""#,
                r#""\udfff""#,
                r#""a\ud83db""#,
                r#""\ude00\ud83d""#,
                r#""\ud83d\ude00""#,
                r#""\uD83D\uDE00""#,
                r#""\ud83d\u0041""#,
                r#""\u00e5\u00e4\u00f6""#,
                r#""\u0000""#,
                r#""\uZZZZ""#,
                r#""\x41""#,
            ]);
            raw.put(at, text.to_owned());
        }
        Mutation::Conflict => {
            let Some((kind, i)) = record(rng, file) else {
                return Expect::Anything;
            };
            let rec = &file["data"][&kind][i];
            let mut fields: Vec<String> = rec
                .as_object()
                .map(|o| o.keys().filter(|k| *k != "meta").cloned().collect())
                .unwrap_or_default();
            fields.extend(["id", "meta", "deleted", "okänt_fält"].map(String::from));
            let field = rng.pick(&fields).clone();
            // A value another record of the kind has (often valid), or any.
            let n = file["data"][&kind].as_array().map_or(0, Vec::len);
            let other = rng.below(n);
            let value = match file["data"][&kind].get(other).and_then(|r| r.get(&field)) {
                Some(v) if rng.chance(60) => v.clone(),
                _ if field == "deleted" && rng.chance(60) => Value::Bool(rng.chance(50)),
                _ => random_value(rng, 0, None),
            };
            let at = *rng.pick(&[
                "2099-01-01T00:00:00Z",
                "2026-11-22T10:00:00+01:00",
                "1970-01-01T00:00:00Z",
                "igår",
            ]);
            let copy = format!("kopia-{}", rng.below(4));
            let sibling = json!({
                "value": value,
                "version": {copy.clone(): 1 + rng.below(3)},
                "change": {"copy_id": copy, "at": at},
            });
            let rec = &mut file["data"][&kind][i];
            if !rec.is_object() {
                return Expect::Anything;
            }
            if !rec.get("meta").is_some_and(Value::is_object) {
                rec["meta"] = json!({});
            }
            let conflicts = &mut rec["meta"]["conflicts"];
            if !conflicts.is_object() {
                *conflicts = json!({});
            }
            match conflicts[&field].as_array_mut() {
                Some(siblings) => siblings.push(sibling),
                None => conflicts[&field] = json!([sibling]),
            }
        }
        Mutation::Scope => {
            if !file.is_object() {
                return Expect::Anything;
            }
            let scope = match rng.below(5) {
                0 => json!({"kind": "all"}),
                1 => json!({"kind": "changes_for", "party": "kopia-b"}),
                2 => json!({"kind": "county", "county": "nb"}),
                3 => random_value(rng, 0, None),
                _ => {
                    if let Some(o) = file.as_object_mut() {
                        o.remove("scope");
                    }
                    return Expect::Anything;
                }
            };
            file["scope"] = scope;
        }
        Mutation::DuplicateRecord | Mutation::CopyRecord => {
            let Some((kind, i)) = record(rng, file) else {
                return Expect::Anything;
            };
            let mut copy = file["data"][&kind][i].clone();
            let fresh = mutation == Mutation::CopyRecord;
            if !copy.is_object() {
                // An earlier mutation of a stacked case made it something else.
                return Expect::Anything;
            }
            if fresh {
                copy["id"] = Value::String(format!("fuzz-kopia-{}", rng.next()));
            }
            let records = file["data"][&kind].as_array_mut().expect("an array");
            let at = rng.below(records.len() + 1);
            records.insert(at, copy);
            return if fresh {
                Expect::AcceptedNew
            } else {
                Expect::Duplicate
            };
        }
        _ => unreachable!("not a single JSON mutation"),
    }
    Expect::Anything
}

fn json_case(rng: &mut Rng, corpus: &[Base], index: usize, mutation: Mutation) -> Case {
    let base = &corpus[index];
    let mut file = base.value.clone();
    let mut raw = Raw(Vec::new());
    if mutation == Mutation::Layout {
        let text = match rng.below(3) {
            0 => serde_json::to_string(&file).expect("JSON"),
            1 => shuffled(rng, &file),
            _ => format!(
                "\u{feff}\r\n {}\r\n\t",
                serde_json::to_string_pretty(&file).expect("JSON")
            ),
        };
        // A byte order mark is not JSON; the app reads files with
        // File.text(), which drops it, so only the layout is tested here.
        let text = text.trim_start_matches('\u{feff}').to_owned();
        return Case {
            base: index,
            text,
            limit: LIMIT,
            mutation,
            resealed: false,
            expect: Expect::Accepted(index),
        };
    }
    let mut expect = if mutation == Mutation::Stacked {
        for _ in 0..2 + rng.below(3) {
            let one = *rng.pick(&JSON_MUTATIONS);
            mutate_json(rng, &mut file, &mut raw, one);
        }
        Expect::Anything
    } else {
        mutate_json(rng, &mut file, &mut raw, mutation)
    };
    let resealed = rng.chance(50);
    if resealed && raw.0.is_empty() {
        if let Some(data) = file.get("data") {
            file["checksum"] = Value::String(checksum(data));
        }
    }
    let mut text = if rng.chance(50) {
        serde_json::to_string_pretty(&file)
    } else {
        serde_json::to_string(&file)
    }
    .expect("JSON");
    for (marker, replacement) in &raw.0 {
        text = text.replacen(marker, replacement, 1);
    }
    if resealed && !raw.0.is_empty() {
        text = reseal_text(&text);
    }
    if !resealed {
        // Whether the data changed, as the parser sees it (raw text may sit
        // in the envelope, or spell a value the data already has).
        let data_changed = match serde_json::from_str::<Value>(&text) {
            Ok(v) => v.get("data") != base.value.get("data"),
            Err(_) => true,
        };
        expect = if data_changed {
            Expect::Refused
        } else {
            Expect::DataOfBase(vec![index])
        };
    }
    Case {
        base: index,
        text,
        limit: LIMIT,
        mutation,
        resealed,
        expect,
    }
}

/// The checksum made to fit a text that may hold what a `Value` cannot: if
/// the text parses, its checksum string is replaced in place.
fn reseal_text(text: &str) -> String {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return text.to_owned();
    };
    let (Some(old), Some(data)) = (
        value.get("checksum").and_then(Value::as_str),
        value.get("data"),
    ) else {
        return text.to_owned();
    };
    text.replacen(&format!("\"{old}\""), &format!("\"{}\"", checksum(data)), 1)
}

/// Compact JSON with every object's keys in a random order.
fn shuffled(rng: &mut Rng, v: &Value) -> String {
    match v {
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(|x| shuffled(rng, x)).collect();
            format!("[{}]", items.join(","))
        }
        Value::Object(o) => {
            let mut entries: Vec<(&String, &Value)> = o.iter().collect();
            for i in (1..entries.len()).rev() {
                entries.swap(i, rng.below(i + 1));
            }
            let items: Vec<String> = entries
                .into_iter()
                .map(|(k, x)| format!("{}: {}", Value::String(k.clone()), shuffled(rng, x)))
                .collect();
            format!("{{ {} }}", items.join(", "))
        }
        other => other.to_string(),
    }
}

fn make_case(rng: &mut Rng, corpus: &[Base]) -> Case {
    // The small files are cheap; the built-in one is where the variety is.
    let index = if rng.chance(35) {
        0
    } else {
        1 + rng.below(corpus.len() - 1)
    };
    let mut case = match rng.below(100) {
        0..=39 => {
            let m = *rng.pick(&BYTE_MUTATIONS);
            byte_case(rng, corpus, index, m)
        }
        40..=44 => json_case(rng, corpus, index, Mutation::Layout),
        45..=54 => json_case(rng, corpus, index, Mutation::Stacked),
        _ => {
            let m = *rng.pick(&JSON_MUTATIONS);
            json_case(rng, corpus, index, m)
        }
    };
    if rng.chance(3) {
        case.limit = rng.below(case.text.len());
    }
    case
}

// ---------------------------------------------------------------------------
// The checks.

fn outcome(result: &Result<Imported, ImportError>) -> String {
    match result {
        Ok(_) => "accepted".into(),
        Err(e) => {
            let debug = format!("{e:?}");
            debug
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("?")
                .to_owned()
        }
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// Everything that must hold for an accepted file: the problems found, and
/// the merge's refusal if it refused.
fn check_accepted(seed: &Dataset, imported: &Imported) -> (Vec<String>, Option<String>) {
    let mut problems = Vec::new();
    let data = &imported.data;
    let check = data.check_references();
    if !check.duplicate_ids.is_empty() {
        problems.push(format!(
            "accepted with duplicate ids {:?}",
            check.duplicate_ids
        ));
    }
    let complete = imported.scope.is_self_contained();
    if complete && !check.dangling.is_empty() {
        problems.push(format!(
            "accepted with a dangling reference: {}",
            check.dangling[0]
        ));
    }
    let run = |what: &str, problems: &mut Vec<String>, f: &mut dyn FnMut()| {
        if let Err(p) = catch_unwind(AssertUnwindSafe(f)) {
            problems.push(format!("{what} panicked: {}", panic_message(p.as_ref())));
        }
    };

    // Round trip: what was accepted, written again, reads as the same data.
    run("export and parse again", &mut problems, &mut || {
        let scope = imported.scope.clone();
        let text = export_scoped(data, imported.origin.clone(), &imported.created_at, scope);
        match parse(&text, usize::MAX) {
            Ok(again) if &again.data == data => {}
            Ok(_) => panic!("the data changed on the round trip"),
            Err(e) => panic!("the re-export was refused: {e}"),
        }
    });

    let mut merged = None;
    run("merge into the built-in data", &mut problems, &mut || {
        merged = Some(merge(seed, data));
    });
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    let now = today.and_hms_opt(10, 0, 0).expect("a time");
    let views = |d: &Dataset, problems: &mut Vec<String>| {
        run("the due list", problems, &mut || {
            samverkan::rules::due::due_items(d, today);
        });
        run("search", problems, &mut || {
            samverkan::search::search(d, "sam å");
        });
        run("the calendar", problems, &mut || {
            samverkan::calendar::meetings_ics(d, None, now);
        });
        run("the conflict list", problems, &mut || {
            conflicts(d);
        });
    };
    views(data, &mut problems);
    let refused = match &merged {
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    };
    // A merge may refuse a record it cannot read back (see MergeError);
    // counted, not a failure.
    if let Some(Ok(merged)) = merged {
        if let Err(e) = serde_json::to_string(&merged) {
            problems.push(format!("the merged data does not serialise: {e}"));
        }
        let check = merged.check_references();
        if !check.duplicate_ids.is_empty() || (complete && !check.dangling.is_empty()) {
            let first = check
                .duplicate_ids
                .first()
                .cloned()
                .or_else(|| check.dangling.first().map(ToString::to_string));
            problems.push(format!(
                "the merge of an accepted file breaks references: {}",
                first.unwrap_or_default()
            ));
        }
        let mut before = ids(seed);
        before.extend(ids(data));
        let after = ids(&merged);
        if after != before {
            let lost: Vec<&String> = before.difference(&after).collect();
            let new: Vec<&String> = after.difference(&before).collect();
            problems.push(format!(
                "the merge of an accepted file renames or loses records: {lost:?} → {new:?}"
            ));
        }
        run("the merge report", &mut problems, &mut || {
            MergeReport::compare(seed, &merged);
        });
        views(&merged, &mut problems);
        run(
            "the merge the other way",
            &mut problems,
            &mut || match merge(data, seed) {
                Ok(other) if canonical(&other) == canonical(&merged) => {}
                Ok(_) => panic!("merge(seed, file) and merge(file, seed) differ"),
                Err(e) => panic!("only one way merges: {e}"),
            },
        );
    }
    (problems, refused)
}

/// Every record as "kind/id".
fn ids(data: &Dataset) -> BTreeSet<String> {
    let Ok(Value::Object(kinds)) = serde_json::to_value(data) else {
        return BTreeSet::new();
    };
    let mut out = BTreeSet::new();
    for (kind, records) in &kinds {
        for record in records.as_array().into_iter().flatten() {
            if let Some(id) = record.get("id").and_then(Value::as_str) {
                out.insert(format!("{kind}/{id}"));
            }
        }
    }
    out
}

#[derive(Default)]
struct Stats {
    by_mutation: BTreeMap<Mutation, BTreeMap<String, u64>>,
    by_outcome: BTreeMap<String, u64>,
    merge_refused: Vec<String>,
    known: BTreeMap<&'static str, u64>,
    slowest: (Duration, String),
    failures: Vec<String>,
}

fn save(case: &Case, iteration: u64, saved: &mut usize) -> String {
    if *saved >= 50 {
        return "(not saved: too many)".into();
    }
    *saved += 1;
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("exchange-fuzz");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{iteration}-{:?}.json", case.mutation));
    match std::fs::write(&path, &case.text) {
        Ok(()) => path.display().to_string(),
        Err(e) => format!("(not saved: {e})"),
    }
}

#[test]
fn mutated_exchange_files_never_break_the_import() {
    let iterations = env_number("FUZZ_ITERATIONS", DEFAULT_ITERATIONS);
    let seed_value = env_number("FUZZ_SEED", 0x5a3e_7c0d_e11a_2026);
    let mut rng = Rng(seed_value);
    let corpus = corpus();
    let seed = seed();
    let mut stats = Stats::default();
    let mut saved = 0;
    let started = Instant::now();

    for iteration in 0..iterations {
        let case = make_case(&mut rng, &corpus);
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| parse(&case.text, case.limit)));
        let took = t.elapsed();
        let label = format!(
            "#{iteration} {:?} of {} (resealed: {})",
            case.mutation, corpus[case.base].name, case.resealed
        );
        if took > stats.slowest.0 {
            stats.slowest = (took, label.clone());
        }
        let mut problems = Vec::new();
        if took > SLOW {
            problems.push(format!("parse took {took:?}"));
        }
        let result = match result {
            Ok(result) => result,
            Err(p) => {
                let path = save(&case, iteration, &mut saved);
                stats.failures.push(format!(
                    "{label}: parse panicked: {} — input {path}",
                    panic_message(p.as_ref())
                ));
                continue;
            }
        };
        let what = outcome(&result);
        *stats.by_outcome.entry(what.clone()).or_default() += 1;
        *stats
            .by_mutation
            .entry(case.mutation)
            .or_default()
            .entry(what)
            .or_default() += 1;

        if case.limit < case.text.len() {
            if !matches!(result, Err(ImportError::TooLarge { .. })) {
                problems.push(format!("over the limit but {}", outcome(&result)));
            }
        } else {
            match (&case.expect, &result) {
                (Expect::Anything, _) => {}
                (Expect::DataOfBase(bases), Ok(imported)) => {
                    if !bases.iter().any(|&b| corpus[b].data == imported.data) {
                        problems.push("accepted with data that no valid file holds".into());
                    }
                }
                (Expect::DataOfBase(_), Err(_)) => {}
                (Expect::Accepted(b), Ok(imported)) => {
                    if corpus[*b].data != imported.data {
                        problems.push("a relaid file reads as other data".into());
                    }
                }
                (Expect::Accepted(_) | Expect::AcceptedNew, Err(e)) => {
                    problems.push(format!("a valid file is refused: {e}"));
                }
                (Expect::AcceptedNew, Ok(_)) => {}
                (Expect::Duplicate, Err(ImportError::DuplicateId(_))) => {}
                (Expect::Duplicate, other) => {
                    problems.push(format!(
                        "a duplicated record is not refused as such: {}",
                        outcome(other)
                    ));
                }
                (Expect::Refused, Ok(_)) => {
                    problems.push("changed data accepted without a fitting checksum".into());
                }
                (Expect::Refused, Err(_)) => {}
            }
        }
        if let Ok(imported) = &result {
            let (found, merge_refused) = check_accepted(&seed, imported);
            problems.extend(found);
            if let Some(e) = merge_refused {
                let path = save(&case, iteration, &mut saved);
                stats
                    .merge_refused
                    .push(format!("{label}: {e} — input {path}"));
            }
        }
        problems.retain(|p| {
            let known = KNOWN_DEFECTS.iter().find(|(start, _)| p.starts_with(start));
            if let Some((start, _)) = known {
                *stats.known.entry(start).or_default() += 1;
            }
            known.is_none()
        });
        if !problems.is_empty() {
            let path = save(&case, iteration, &mut saved);
            for p in problems {
                stats.failures.push(format!("{label}: {p} — input {path}"));
            }
        }
    }

    let elapsed = started.elapsed();
    eprintln!(
        "exchange fuzz: {iterations} inputs in {elapsed:.1?} (seed {seed_value:#x}), \
         slowest parse {:.1?} ({})",
        stats.slowest.0, stats.slowest.1
    );
    for (what, n) in &stats.by_outcome {
        eprintln!("  {what:<20} {n}");
    }
    eprintln!(
        "  accepted, but the merge refused: {}",
        stats.merge_refused.len()
    );
    for note in stats.merge_refused.iter().take(5) {
        eprintln!("    {note}");
    }
    for (start, n) in &stats.known {
        let why = KNOWN_DEFECTS
            .iter()
            .find(|(s, _)| s == start)
            .map_or("", |(_, why)| why);
        eprintln!("  KNOWN DEFECT ({why}): {start} — {n} inputs");
    }
    eprintln!("by mutation:");
    for (mutation, outcomes) in &stats.by_mutation {
        let line: Vec<String> = outcomes.iter().map(|(k, n)| format!("{k} {n}")).collect();
        eprintln!("  {:<16} {}", format!("{mutation:?}"), line.join(", "));
    }
    for f in &stats.failures {
        eprintln!("FAILURE {f}");
    }
    assert!(
        stats.failures.is_empty(),
        "{} failures, the first: {}",
        stats.failures.len(),
        stats.failures[0]
    );
}

#[test]
fn many_kept_conflict_values_are_read_in_reasonable_time() {
    // Each kept conflict value is checked by reading a copy of the whole
    // record, its conflicts included: n values cost n². Measured on this
    // test's file: 1 000 values (46 KB) ≈ 6 s in a debug build; 4 000
    // values (190 KB) ≈ 55 s in a release build (opt-level "z", as the app
    // ships). A file of a few MB, far below the 50 MB limit, would stall the
    // browser tab for hours.
    const VALUES: u64 = 1000;
    let text = fixture("valid.json");
    let mut file: Value = serde_json::from_str(&text).expect("JSON");
    let siblings: Vec<Value> = (0..VALUES)
        .map(|i| json!({"value": format!("namn {i}"), "version": {"kopia-b": i + 1}}))
        .collect();
    file["data"]["bodies"][0]["meta"]["conflicts"] = json!({ "name": siblings });
    file["checksum"] = Value::String(checksum(&file["data"]));
    let text = serde_json::to_string(&file).expect("JSON");
    let started = Instant::now();
    let result = parse(&text, LIMIT);
    let took = started.elapsed();
    assert!(result.is_ok(), "{:?}", result.err());
    // Reading the 2 KB file takes a few ms; linear work would take well
    // under a second here.
    assert!(
        took < Duration::from_secs(1),
        "{} KB with {VALUES} kept conflict values took {took:.1?}",
        text.len() / 1024
    );
}
