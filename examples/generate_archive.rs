//! A deterministic generator of a realistic ten-year archive (2016–2025) of
//! one county's collaboration structure – Norrbotten – built on top of the
//! built-in data set, plus the same archive edited concurrently by a
//! municipality's copy, for load, import and merge tests.
//!
//! ```text
//! cargo run --release --example generate_archive -- --seed 1 --out target/archive
//! ```
//!
//! Flags: `--seed N` (default 1), `--out DIR` (default `target/archive`) and
//! `--scale F` (default 1.0; multiplies the number of meetings, so 0.05 gives
//! a small archive for quick tests). The same seed and scale always give the
//! same files, byte for byte.
//!
//! Three exchange files are written:
//!
//! - `archive-base.json`: the archive as the region's copy exported it on
//!   2026-01-16 (the common base).
//! - `archive.json`: the region's copy a few weeks later, with edits the
//!   municipality has not seen (about 10 MB).
//! - `archive-concurrent.json`: the base as Luleå kommun's copy imported and
//!   then edited without seeing the region's edits: changed fields (some the
//!   same as the region changed, so a merge gives real conflicts), deletions
//!   and new records.
//!
//! At the end every file is read back with `exchange::parse`, merged into the
//! built-in data, and the two variants are merged both ways.
//!
//! The generator is also compiled into `tests/archive_generator.rs` (with
//! `#[path]`), which runs it at a small scale in debug builds.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use samverkan::exchange::{self, MergeReport, Origin};
use samverkan::model::*;
use serde::Serialize;
use serde_json::Value;

// ---------------------------------------------------------------------------
// Fixed facts of the archive
// ---------------------------------------------------------------------------

const COUNTY: &str = "nb";
const FIRST_YEAR: i32 = 2016;
const LAST_YEAR: i32 = 2025;
/// The copy that has kept the archive: the region's.
pub const REGION_COPY: &str = "copy-archive-region";
pub const REGION_ORG: &str = "Region Norrbotten";
/// The copy that edits the base concurrently: a municipality's.
pub const MUNI_COPY: &str = "copy-archive-lulea";
pub const MUNI_ORG: &str = "Luleå kommun";
pub const BASE_EXPORTED: &str = "2026-01-16T14:30:00Z";
pub const REGION_EXPORTED: &str = "2026-02-13T09:45:00Z";
pub const MUNI_EXPORTED: &str = "2026-02-12T15:10:00Z";
/// The size limit the files must pass, as in the brief.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    pub seed: u64,
    /// Multiplies the number of meetings (and so of §); people, bodies and
    /// agreements do not depend on it.
    pub scale: f64,
}

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

struct Args {
    config: Config,
    out: PathBuf,
}

const USAGE: &str = "usage: generate_archive [--seed N] [--out DIR] [--scale F]\n\
  --seed N   seed of the generator (default 1)\n\
  --out DIR  output directory (default target/archive)\n\
  --scale F  multiplies the number of meetings, 0 < F <= 4 (default 1.0)";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        config: Config {
            seed: 1,
            scale: 1.0,
        },
        out: PathBuf::from("target/archive"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--seed" => {
                args.config.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?;
            }
            "--out" => args.out = PathBuf::from(value("--out")?),
            "--scale" => {
                let scale: f64 = value("--scale")?
                    .parse()
                    .map_err(|e| format!("--scale: {e}"))?;
                if !(scale > 0.0 && scale <= 4.0) {
                    return Err("--scale must be in (0, 4]".into());
                }
                args.config.scale = scale;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(args)
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let archive = generate(&args.config);
    let generated = started.elapsed();

    let files = export_all(&archive);
    let exported = started.elapsed() - generated;
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("cannot create {}: {e}", args.out.display());
        std::process::exit(1);
    }
    for file in &files {
        let path = args.out.join(file.name);
        if let Err(e) = std::fs::write(&path, &file.text) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }

    let verify_started = Instant::now();
    let verification = match verify(&files) {
        Ok(v) => v,
        Err(message) => {
            eprintln!("verification failed: {message}");
            std::process::exit(1);
        }
    };
    let verified = verify_started.elapsed();

    println!(
        "Archive for Norrbotten, seed {}, scale {}",
        args.config.seed, args.config.scale
    );
    println!();
    print_counts(&archive);
    println!();
    println!("Edits after the common base:");
    for (who, stats) in [
        ("region (archive.json)", &archive.region_edits),
        ("Luleå (archive-concurrent.json)", &archive.muni_edits),
    ] {
        println!(
            "  {who:<32} {:>4} changed fields in {:>4} records, {:>3} new records, {:>3} deletions, {:>3} fields also changed by the other copy",
            stats.fields, stats.records, stats.added, stats.deleted, stats.shared_fields
        );
    }
    println!();
    println!("Files in {}:", args.out.display());
    for file in &files {
        println!(
            "  {:<26} {:>11} bytes ({:.1} MB)",
            file.name,
            file.text.len(),
            file.text.len() as f64 / 1_048_576.0
        );
    }
    println!();
    print_verification(&verification);
    println!();
    println!(
        "Time: generation {:.2} s, export {:.2} s, verification {:.2} s",
        generated.as_secs_f64(),
        exported.as_secs_f64(),
        verified.as_secs_f64()
    );
}

fn print_counts(archive: &Archive) {
    let data = &archive.region;
    let kinds = kind_counts(data);
    let people_with_seats: HashSet<&str> = data
        .memberships
        .iter()
        .filter(|m| m.is_live())
        .map(|m| m.person.as_str())
        .collect();
    let paragraph_chars: usize = data.paragraphs.iter().map(paragraph_text_len).sum();
    println!("Records in archive.json (generated = id starts with \"gen-\"):");
    println!(
        "  {:<14} {:>7} {:>10} {:>10} {:>11}",
        "kind", "total", "generated", "built-in", "tombstones"
    );
    for k in &kinds {
        println!(
            "  {:<14} {:>7} {:>10} {:>10} {:>11}",
            k.kind,
            k.total,
            k.generated,
            k.total - k.generated,
            k.deleted
        );
    }
    let meetings_in_range = data
        .meetings
        .iter()
        .filter(|m| {
            m.date
                .value()
                .is_some_and(|d| (FIRST_YEAR..=LAST_YEAR).contains(&d.year()))
        })
        .count();
    let adjusted = data
        .meetings
        .iter()
        .filter(|m| matches!(m.minutes, MinutesState::Adjusted { .. }))
        .count();
    let revisions: usize = data.agreements.iter().map(|a| a.revisions.len()).sum();
    let sections: usize = data.agreements.iter().map(|a| a.sections.len()).sum();
    let bodies_with_relations = data
        .bodies
        .iter()
        .filter(|b| {
            data.relations
                .iter()
                .any(|r| r.from == b.id || r.to == b.id)
        })
        .count();
    println!(
        "  meetings {FIRST_YEAR}–{LAST_YEAR}: {meetings_in_range} ({adjusted} with adjusted minutes); people with memberships: {}; bodies with relations: {bodies_with_relations}",
        people_with_seats.len()
    );
    println!(
        "  agreements: {} with {sections} sections and {revisions} revision notes; § text: {:.1} M characters, {} per § on average",
        data.agreements.len(),
        paragraph_chars as f64 / 1e6,
        paragraph_chars / data.paragraphs.len().max(1)
    );
    let minimums = [
        ("bodies", data.bodies.len(), 20),
        ("people with memberships", people_with_seats.len(), 500),
        ("meetings 2016–2025", meetings_in_range, 600),
        ("§", data.paragraphs.len(), 9000),
        ("agreements", data.agreements.len(), 10),
    ];
    let missed: Vec<String> = minimums
        .iter()
        .filter(|(_, n, min)| n < min)
        .map(|(what, n, min)| format!("{what} {n} < {min}"))
        .collect();
    if missed.is_empty() {
        println!("  the minimums of issue 10 are met (bodies ≥ 20, people with memberships ≥ 500, meetings ≥ 600, § ≥ 9000, agreements ≥ 10)");
    } else {
        println!(
            "  below the minimums of issue 10 (expected at scale < 1): {}",
            missed.join(", ")
        );
    }
}

fn paragraph_text_len(p: &Paragraph) -> usize {
    fn blocks(b: &[Block]) -> usize {
        b.iter()
            .flat_map(|b| b.texts())
            .map(|t| t.chars().count())
            .sum()
    }
    let opt = |s: &Option<String>| s.as_ref().map_or(0, |s| s.chars().count());
    p.title.chars().count()
        + blocks(&p.background)
        + opt(&p.proposal)
        + opt(&p.decision)
        + p.parts
            .iter()
            .map(|part| blocks(&part.background) + opt(&part.proposal) + opt(&part.decision))
            .sum::<usize>()
}

/// Records of one kind in a data set.
pub struct KindCount {
    pub kind: String,
    pub total: usize,
    pub generated: usize,
    pub deleted: usize,
    pub with_conflicts: usize,
    pub fields_in_conflict: usize,
}

/// Counts every record kind generically on the JSON, so that no kind is
/// forgotten.
pub fn kind_counts(data: &Dataset) -> Vec<KindCount> {
    let value = serde_json::to_value(data).unwrap_or(Value::Null);
    let mut out = Vec::new();
    for (kind, records) in value.as_object().into_iter().flatten() {
        let Some(records) = records.as_array() else {
            continue;
        };
        let mut count = KindCount {
            kind: kind.clone(),
            total: records.len(),
            generated: 0,
            deleted: 0,
            with_conflicts: 0,
            fields_in_conflict: 0,
        };
        for r in records {
            if r["id"].as_str().is_some_and(|id| id.starts_with("gen-")) {
                count.generated += 1;
            }
            if r["meta"]["deleted"] == Value::Bool(true) {
                count.deleted += 1;
            }
            if let Some(c) = r["meta"]["conflicts"].as_object() {
                if !c.is_empty() {
                    count.with_conflicts += 1;
                    count.fields_in_conflict += c.len();
                }
            }
        }
        out.push(count);
    }
    out
}

// ---------------------------------------------------------------------------
// Export and verification
// ---------------------------------------------------------------------------

/// One written file.
pub struct Exported {
    pub name: &'static str,
    pub text: String,
}

pub fn region_origin() -> Origin {
    Origin {
        organisation: Some(REGION_ORG.into()),
        copy_id: REGION_COPY.into(),
    }
}

pub fn muni_origin() -> Origin {
    Origin {
        organisation: Some(MUNI_ORG.into()),
        copy_id: MUNI_COPY.into(),
    }
}

/// The three exchange files: base, region, municipality.
pub fn export_all(archive: &Archive) -> Vec<Exported> {
    vec![
        Exported {
            name: "archive-base.json",
            text: exchange::export(&archive.base, region_origin(), BASE_EXPORTED),
        },
        Exported {
            name: "archive.json",
            text: exchange::export(&archive.region, region_origin(), REGION_EXPORTED),
        },
        Exported {
            name: "archive-concurrent.json",
            text: exchange::export(&archive.municipality, muni_origin(), MUNI_EXPORTED),
        },
    ]
}

/// What the checks found.
pub struct Verification {
    /// Records and references per file, as read back.
    pub files: Vec<(&'static str, usize)>,
    /// archive.json merged into the built-in data: records added and changed.
    pub into_built_in: (usize, usize),
    /// archive.json merged with archive-concurrent.json.
    pub merged_records: usize,
    pub records_in_conflict: usize,
    pub fields_in_conflict: usize,
    pub tombstones: usize,
    /// What the merge does to the region's copy.
    pub report: (usize, usize, usize, usize),
}

fn record_total(data: &Dataset) -> usize {
    kind_counts(data).iter().map(|k| k.total).sum()
}

/// Reads every file back as an import would, merges the archive into the
/// built-in data and the two variants with each other (both ways), and
/// checks that the merge converges, keeps the conflicts and the tombstones.
pub fn verify(files: &[Exported]) -> Result<Verification, String> {
    let mut read = Vec::new();
    let mut out_files = Vec::new();
    for file in files {
        let imported = exchange::parse(&file.text, MAX_BYTES)
            .map_err(|e| format!("{} does not read back: {e}", file.name))?;
        let check = imported.data.check_references();
        if !check.is_clean() {
            return Err(format!(
                "{}: {} dangling references, {} duplicate ids; first: {:?}",
                file.name,
                check.dangling.len(),
                check.duplicate_ids.len(),
                check.dangling.first().map(ToString::to_string)
            ));
        }
        out_files.push((file.name, record_total(&imported.data)));
        read.push(imported.data);
    }
    let [base, region, muni] = <[Dataset; 3]>::try_from(read)
        .map_err(|_| "expected three files: base, region, municipality".to_string())?;

    let built_in = samverkan::seed::built_in().map_err(|e| e.to_string())?;
    let into_built_in = exchange::merge(&built_in, &region)
        .map_err(|e| format!("archive.json does not merge into the built-in data: {e}"))?;
    if let Some(c) = kind_counts(&into_built_in)
        .iter()
        .find(|k| k.with_conflicts > 0)
    {
        return Err(format!(
            "archive.json conflicts with the built-in data ({} records of kind {})",
            c.with_conflicts, c.kind
        ));
    }
    let report = MergeReport::compare(&built_in, &into_built_in);
    let into_built_in = (report.added.len(), report.changed.len());

    for (name, variant) in [
        ("archive.json", &region),
        ("archive-concurrent.json", &muni),
    ] {
        let again = exchange::merge(variant, &base).map_err(|e| e.to_string())?;
        if exchange::canonical(&again) != exchange::canonical(variant) {
            return Err(format!(
                "{name} does not descend from the base: merging the base into it changes it"
            ));
        }
    }

    let ab = exchange::merge(&region, &muni).map_err(|e| format!("merge failed: {e}"))?;
    let ba = exchange::merge(&muni, &region).map_err(|e| format!("merge failed: {e}"))?;
    if exchange::canonical(&ab) != exchange::canonical(&ba) {
        return Err("merging the variants gives different results in the two orders".into());
    }
    let check = ab.check_references();
    if !check.is_clean() {
        return Err(format!(
            "the merged data has {} dangling references",
            check.dangling.len()
        ));
    }
    let counts = kind_counts(&ab);
    let records_in_conflict: usize = counts.iter().map(|k| k.with_conflicts).sum();
    let fields_in_conflict: usize = counts.iter().map(|k| k.fields_in_conflict).sum();
    let tombstones: usize = counts.iter().map(|k| k.deleted).sum();
    if records_in_conflict == 0 {
        return Err("the concurrent edits gave no conflicts".into());
    }
    if tombstones == 0 {
        return Err("the merged data has no tombstones".into());
    }
    let report = MergeReport::compare(&region, &ab);
    Ok(Verification {
        files: out_files,
        into_built_in,
        merged_records: counts.iter().map(|k| k.total).sum(),
        records_in_conflict,
        fields_in_conflict,
        tombstones,
        report: (
            report.added.len(),
            report.changed.len(),
            report.deleted.len(),
            report.conflicts.len(),
        ),
    })
}

fn print_verification(v: &Verification) {
    println!("Verification:");
    for (name, records) in &v.files {
        println!(
            "  {name:<26} read back with exchange::parse: {records} records, every reference resolves"
        );
    }
    println!(
        "  archive.json merged into seed::built_in(): {} records added, {} built-in records changed, no conflicts",
        v.into_built_in.0, v.into_built_in.1
    );
    println!(
        "  both variants descend from the base (merging the base into either changes nothing)"
    );
    println!(
        "  merge(archive, concurrent) = merge(concurrent, archive): {} records, {} records with conflicts ({} fields), {} tombstones",
        v.merged_records, v.records_in_conflict, v.fields_in_conflict, v.tombstones
    );
    println!(
        "  import of archive-concurrent.json into the region's copy: {} added, {} changed, {} deleted, {} records in conflict",
        v.report.0, v.report.1, v.report.2, v.report.3
    );
}

// ---------------------------------------------------------------------------
// A small seeded PRNG (SplitMix64)
// ---------------------------------------------------------------------------

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x6a09_e667_f3bc_c908)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1).max(1) as u64)) as i64
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn weighted(&mut self, items: &[(&'static str, u32)]) -> &'static str {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut n = self.below(total as usize) as u32;
        for (item, w) in items {
            if n < *w {
                return item;
            }
            n -= w;
        }
        items[0].0
    }

    /// `x` rounded up or down at random so that the mean is `x`.
    fn round(&mut self, x: f64) -> u32 {
        let floor = x.floor();
        floor as u32 + u32::from(self.chance(x - floor))
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    fn pick_n<T: Clone>(&mut self, items: &[T], n: usize) -> Vec<T> {
        let mut all = items.to_vec();
        self.shuffle(&mut all);
        all.truncate(n);
        all
    }
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid date")
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("a valid time")
}

/// The first Tuesday, Wednesday or Thursday on or after `date`.
fn meeting_day(mut date: NaiveDate) -> NaiveDate {
    while !matches!(date.weekday(), Weekday::Tue | Weekday::Wed | Weekday::Thu) {
        date += Duration::days(1);
    }
    date
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

fn season(date: NaiveDate) -> &'static str {
    match date.month() {
        3..=5 => "våren",
        6..=8 => "sommaren",
        9..=11 => "hösten",
        _ => "vintern",
    }
}

/// "1 680 000".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn ucfirst(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn lcfirst(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // Keep abbreviations such as "SIP" and "LSS".
        Some(_) if chars.clone().next().is_some_and(|n| n.is_uppercase()) => s.to_owned(),
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Replaces `{key}` in `template`.
fn fill(template: impl AsRef<str>, slots: &[(&str, &str)]) -> String {
    let mut out = template.as_ref().to_owned();
    for (key, value) in slots {
        let pattern = format!("{{{key}}}");
        if out.contains(&pattern) {
            out = out.replace(&pattern, value);
        }
    }
    out
}

/// "Anna, Bo och Carl".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} och {last}", rest.join(", ")),
    }
}

fn stamp(
    copy: &str,
    organisation: &str,
    person: Option<&str>,
    at: NaiveDate,
    second: u32,
) -> ChangeStamp {
    // Office hours in UTC, so the times read plausibly in Sweden.
    let second = second % (8 * 3600);
    ChangeStamp {
        copy_id: copy.into(),
        writer: None,
        organisation: Some(organisation.into()),
        person: person.map(Into::into),
        at: format!(
            "{at}T{:02}:{:02}:{:02}Z",
            6 + second / 3600,
            second / 60 % 60,
            second % 60
        ),
    }
}

/// Who registered records in the region's copy in a given year.
fn registrar(date: NaiveDate) -> &'static str {
    match date.year() {
        ..=2018 => "Eva Marklund",
        2019..=2022 => "Kristina Larsson",
        _ => "Jenny Lindbäck",
    }
}

/// Records the fields `change` alters as changed by `stamp` (the app's own
/// `touch_changed`); returns how many fields changed.
fn edit<R: Record + Serialize>(
    record: &mut R,
    stamp: ChangeStamp,
    change: impl FnOnce(&mut R),
) -> usize {
    let before = record_fields(&*record);
    change(record);
    let changed = changed_fields(&before, &record_fields(&*record)).len();
    touch_changed(record, &before, stamp);
    changed
}

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

const FEMALE: &[&str] = &[
    "Anna",
    "Maria",
    "Karin",
    "Eva",
    "Kristina",
    "Lena",
    "Sara",
    "Emma",
    "Malin",
    "Ingrid",
    "Åsa",
    "Helena",
    "Johanna",
    "Annika",
    "Camilla",
    "Linda",
    "Susanne",
    "Ulrika",
    "Jenny",
    "Therese",
    "Sofia",
    "Elin",
    "Ida",
    "Frida",
    "Hanna",
    "Cecilia",
    "Agneta",
    "Birgitta",
    "Marie",
    "Anneli",
    "Carina",
    "Lotta",
    "Katarina",
    "Ann-Christin",
    "Eva-Lena",
    "Gunilla",
    "Monica",
    "Pia",
    "Veronica",
    "Tove",
    "Louise",
    "Josefin",
    "Mikaela",
    "Rebecka",
    "Petra",
    "Yvonne",
    "Marianne",
    "Britt-Marie",
    "Inger",
    "Siv",
    "Tuula",
    "Aino",
    "Kerstin",
    "Margareta",
    "Stina",
    "Linnea",
    "Amanda",
    "Matilda",
    "Nina",
    "Lisa",
    "Marita",
    "Ewa",
    "Gun",
    "Elisabeth",
    "Sanna",
];

const MALE: &[&str] = &[
    "Anders",
    "Lars",
    "Per",
    "Mikael",
    "Johan",
    "Peter",
    "Jonas",
    "Magnus",
    "Stefan",
    "Fredrik",
    "Henrik",
    "Daniel",
    "Tomas",
    "Erik",
    "Karl",
    "Niklas",
    "Patrik",
    "Mattias",
    "Andreas",
    "Christer",
    "Göran",
    "Bengt",
    "Kent",
    "Roger",
    "Jan",
    "Leif",
    "Ulf",
    "Håkan",
    "Björn",
    "Olof",
    "Per-Olof",
    "Lars-Göran",
    "Karl-Erik",
    "Sven",
    "Nils",
    "Gunnar",
    "Kjell",
    "Tommy",
    "Robert",
    "Joakim",
    "Marcus",
    "Simon",
    "Viktor",
    "Oskar",
    "Emil",
    "Gustav",
    "Jesper",
    "Rickard",
    "Tord",
    "Arne",
    "Sture",
    "Glenn",
    "Pekka",
    "Kenneth",
    "Ronny",
    "Hans",
    "Thomas",
    "Martin",
    "Jörgen",
    "Bo",
    "Sören",
    "Åke",
    "Lennart",
    "Mats",
    "Torbjörn",
];

const SURNAMES: &[&str] = &[
    "Lundström",
    "Nilsson",
    "Öberg",
    "Lindqvist",
    "Marklund",
    "Nyström",
    "Holmström",
    "Sandström",
    "Lindbäck",
    "Wikström",
    "Burman",
    "Hedström",
    "Sundqvist",
    "Rönnbäck",
    "Bergström",
    "Lundmark",
    "Nordmark",
    "Granström",
    "Strömberg",
    "Isaksson",
    "Lahti",
    "Keinänen",
    "Pekkari",
    "Niva",
    "Kuoppa",
    "Rova",
    "Labba",
    "Sarri",
    "Mäki",
    "Lantto",
    "Tornberg",
    "Wallgren",
    "Forsman",
    "Degerman",
    "Björk",
    "Fjällström",
    "Mattsson",
    "Persson",
    "Eriksson",
    "Johansson",
    "Karlsson",
    "Andersson",
    "Olsson",
    "Jonsson",
    "Nordin",
    "Engström",
    "Berglund",
    "Sjöberg",
    "Lindgren",
    "Håkansson",
    "Näslund",
    "Boström",
    "Lidström",
    "Sundberg",
    "Lund",
    "Wennberg",
    "Brännström",
    "Ström",
    "Viklund",
    "Sehlstedt",
    "Stenlund",
    "Ylipää",
    "Raattamaa",
    "Kostenniemi",
    "Kalla",
    "Poromaa",
    "Juuso",
    "Alatalo",
    "Jatko",
    "Henriksson",
    "Nordqvist",
    "Lindström",
    "Holmgren",
    "Hedman",
    "Nordlund",
    "Strand",
    "Backman",
    "Lundkvist",
    "Öhlund",
    "Sundström",
    "Nyberg",
    "Vikström",
    "Hägglund",
    "Rosendahl",
    "Palo",
    "Kero",
    "Vinsa",
    "Niemi",
    "Heikkinen",
    "Wiklund",
    "Öqvist",
    "Bäckström",
    "Esberg",
    "Lindmark",
    "Eliasson",
    "Fredriksson",
    "Grahn",
    "Hortlund",
    "Jakobsson",
    "Kallin",
    "Larsson",
    "Mörtberg",
    "Nordström",
    "Pettersson",
    "Rutberg",
    "Segerlund",
    "Talus",
    "Unga",
    "Wästlund",
    "Åström",
    "Östling",
    "Blomkvist",
    "Brodin",
    "Dahlberg",
    "Ekman",
    "Forsgren",
    "Gustafsson",
    "Holm",
    "Jansson",
    "Kemi",
    "Lilja",
    "Manninen",
    "Nordgren",
    "Sjölund",
];

const REGION_PARTIES: &[(&str, u32)] = &[
    ("S", 35),
    ("M", 12),
    ("SJVP", 11),
    ("V", 9),
    ("C", 8),
    ("KD", 6),
    ("L", 4),
    ("SD", 11),
    ("MP", 4),
];

const MUNI_PARTIES: &[(&str, u32)] = &[
    ("S", 62),
    ("V", 10),
    ("M", 9),
    ("C", 8),
    ("KD", 4),
    ("L", 3),
    ("SD", 4),
];

/// The county's municipalities: id and the name used in running text.
const MUNICIPALITIES: &[(&str, &str)] = &[
    ("kn-arjeplog", "Arjeplog"),
    ("kn-arvidsjaur", "Arvidsjaur"),
    ("kn-boden", "Boden"),
    ("kn-gallivare", "Gällivare"),
    ("kn-haparanda", "Haparanda"),
    ("kn-jokkmokk", "Jokkmokk"),
    ("kn-kalix", "Kalix"),
    ("kn-kiruna", "Kiruna"),
    ("kn-lulea", "Luleå"),
    ("kn-pajala", "Pajala"),
    ("kn-pitea", "Piteå"),
    ("kn-alvsbyn", "Älvsbyn"),
    ("kn-overkalix", "Överkalix"),
    ("kn-overtornea", "Övertorneå"),
];

fn town(org: &str) -> &'static str {
    MUNICIPALITIES
        .iter()
        .find(|(id, _)| *id == org)
        .map_or("Luleå", |(_, name)| name)
}

const TOWN_HALLS: &[&str] = &[
    "Stadshuset, Piteå",
    "Kommunhuset, Boden",
    "Stadshuset, Kiruna",
    "Kommunhuset, Gällivare",
    "Folkets hus, Kalix",
    "Stadshuset, Haparanda",
    "Kommunhuset, Jokkmokk",
    "Kommunhuset, Älvsbyn",
    "Kommunhuset, Arvidsjaur",
    "Kulturens hus, Luleå",
    "Stadshuset, Luleå",
];

const SOU: &[(&str, &str)] = &[
    ("SOU 2016:2", "Effektiv vård"),
    ("SOU 2017:47", "Nästa steg på vägen mot en mer jämlik hälsa"),
    ("SOU 2018:39", "God och nära vård – En primärvårdsreform"),
    ("SOU 2019:29", "God och nära vård – Vård i samverkan"),
    (
        "SOU 2020:19",
        "God och nära vård – En reform för ett hållbart hälso- och sjukvårdssystem",
    ),
    (
        "SOU 2020:47",
        "Hållbar socialtjänst – En ny socialtjänstlag",
    ),
    ("SOU 2020:80", "Äldreomsorgen under pandemin"),
    (
        "SOU 2021:34",
        "Börja med barnen! En sammanhållen god och nära vård för barn och unga",
    ),
    ("SOU 2021:93", "Från delar till helhet"),
];

/// A field of work: the phrases the text generator draws on.
struct Area {
    name: &'static str,
    subjects: &'static [&'static str],
    facts: &'static [&'static str],
    goals: &'static [&'static str],
    findings: &'static [&'static str],
}

const PSYK: usize = 0;
const BARN: usize = 1;
const ALDRE: usize = 2;
const MISSBRUK: usize = 3;
const NARA: usize = 4;
const HJALP: usize = 5;
const EHALSA: usize = 6;
const UTSKR: usize = 7;
const SIP: usize = 8;
const VALD: usize = 9;
const SUICID: usize = 10;
const ELEV: usize = 11;
const LSS: usize = 12;
const TAND: usize = 13;
const LAKEM: usize = 14;
const FOLK: usize = 15;
const KOMP: usize = 16;
const COVID: usize = 17;
const PALL: usize = 18;

const AREAS: &[Area] = &[
    Area {
        name: "psykisk hälsa",
        subjects: &[
            "psykisk hälsa och suicidprevention",
            "barn och unga med psykisk ohälsa",
            "personer med psykisk funktionsnedsättning",
            "första linjens vård för barn och unga med psykisk ohälsa",
            "brukarmedverkan inom psykiatri och socialpsykiatri",
            "personer med samsjuklighet",
        ],
        facts: &[
            "Andelen unga i länet som uppger nedsatt psykiskt välbefinnande har ökat de senaste åren, särskilt bland flickor i högstadiet och gymnasiet.",
            "Staten och Sveriges Kommuner och Regioner har tecknat en överenskommelse om insatser inom området psykisk hälsa för {year}, med medel som fördelas till både kommuner och regioner.",
            "Väntetiderna till barn- och ungdomspsykiatrin har under perioden i flera fall överstigit vårdgarantins gräns på 90 dagar.",
            "Länets kommuner och Region Norrbotten har tagit fram en gemensam analys av behoven hos personer med psykisk ohälsa, som ligger till grund för det fortsatta arbetet.",
            "Avvikelserapporteringen visar att samverkan vid in- och utskrivning från den psykiatriska heldygnsvården fortfarande behöver förbättras.",
        ],
        goals: &[
            "att personer med psykisk ohälsa ska få samordnade insatser i rätt tid och på rätt nivå",
            "att fler barn och unga ska få tidiga insatser nära hemmet",
            "att brukarnas och de närståendes erfarenheter ska tas till vara i utvecklingsarbetet",
        ],
        findings: &[
            "antalet samordnade individuella planer inom psykiatrin har ökat jämfört med föregående år",
            "väntetiden till första bedömning har minskat i tre av fyra länsdelar",
            "samtliga kommuner nu har en lokal handlingsplan för psykisk hälsa",
        ],
    },
    Area {
        name: "barn och unga",
        subjects: &[
            "barn och unga i behov av samordnade insatser",
            "tidiga insatser för barn och unga",
            "barn och unga som placeras utanför hemmet",
            "hälsoundersökningar av placerade barn och unga",
            "barnets rättigheter enligt barnkonventionen",
        ],
        facts: &[
            "Barnkonventionen blev svensk lag den 1 januari 2020, vilket innebär att barnets bästa ska beaktas i alla beslut som rör barn.",
            "Allt fler barn och unga är i behov av insatser från socialtjänst, skola och hälso- och sjukvård samtidigt.",
            "Kartläggningen visar att informationsöverföringen mellan elevhälsan, socialtjänsten och barn- och ungdomspsykiatrin behöver stärkas.",
            "Hälsoundersökningar av barn som placeras utanför hemmet genomförs inte i den omfattning som överenskommelsen förutsätter.",
            "Flera kommuner prövar en gemensam modell för tidig samordning kring barn och unga tillsammans med hälsocentralerna.",
        ],
        goals: &[
            "att barn och unga ska få rätt stöd i rätt tid utan att behöva vänta på att huvudmännen kommer överens",
            "att barnets perspektiv ska genomsyra all gemensam planering",
            "att färre barn och unga ska behöva placeras utanför hemmet",
        ],
        findings: &[
            "andelen placerade barn som fått en hälsoundersökning har ökat till {pct} procent",
            "antalet samordnade individuella planer för barn och unga har ökat i samtliga länsdelar",
            "skolfrånvaron har minskat i de skolor som deltar i arbetet",
        ],
    },
    Area {
        name: "vård och omsorg om äldre",
        subjects: &[
            "vård och omsorg om äldre",
            "äldre med omfattande behov av vård och omsorg",
            "trygg och säker hemgång för äldre",
            "fallprevention bland äldre",
            "äldres psykiska hälsa",
        ],
        facts: &[
            "Andelen invånare över 80 år i länet väntas öka kraftigt fram till 2030, samtidigt som den arbetsföra befolkningen minskar.",
            "Många äldre med omfattande behov får insatser från både kommunens hemtjänst, hemsjukvården och primärvården.",
            "Socialstyrelsens öppna jämförelser visar att länet ligger under riket när det gäller läkemedelsgenomgångar för äldre.",
            "Antalet fallskador bland äldre som leder till sjukhusvård är högre i länet än i riket.",
        ],
        goals: &[
            "att äldre ska kunna bo kvar hemma tryggt så länge som möjligt",
            "att äldre ska få en samordnad vård och omsorg med individen i fokus",
            "att antalet undvikbara slutenvårdstillfällen för äldre ska minska",
        ],
        findings: &[
            "antalet undvikbara slutenvårdstillfällen bland äldre har minskat med {pct} procent",
            "andelen äldre med en aktuell läkemedelsgenomgång har ökat",
            "fler kommuner nu erbjuder strukturerade fallriskbedömningar",
        ],
    },
    Area {
        name: "missbruk och beroende",
        subjects: &[
            "personer med missbruk och beroende",
            "samverkansmodellen för missbruk och beroende",
            "spelberoende",
            "läkemedelsassisterad behandling vid opioidberoende",
            "unga med riskbruk",
        ],
        facts: &[
            "Länets kommuner sade upp samverkansavtalet med Beroendecentrum, och avtalet upphörde 2020-01-01.",
            "Ansvaret för personer med missbruk och beroende delas mellan kommunerna och regionen enligt socialtjänstlagen och hälso- och sjukvårdslagen.",
            "Sedan 2018 har kommuner och regioner ett gemensamt ansvar för insatser mot spelberoende.",
            "Behovet av abstinensbehandling och avgiftning i länet har ökat de senaste åren.",
        ],
        goals: &[
            "att personer med missbruk och beroende ska få sammanhållna insatser oavsett huvudman",
            "att ingen ska falla mellan stolarna vid övergången mellan kommunal och regional verksamhet",
            "att tidiga insatser ska nå fler unga med riskbruk",
        ],
        findings: &[
            "antalet personer i läkemedelsassisterad behandling har ökat",
            "väntetiden till bedömning har kortats",
            "samtliga kommuner har utsett kontaktpersoner för samverkan med beroendevården",
        ],
    },
    Area {
        name: "god och nära vård",
        subjects: &[
            "omställningen till en god och nära vård",
            "nära vård och omsorg i länsdelarna",
            "den gemensamma målbilden för nära vård och omsorg",
            "mobila team i glesbygd",
            "digitala vårdmöten i hemmet",
            "primärvårdens uppdrag i den kommunala hälso- och sjukvården",
        ],
        facts: &[
            "Regeringen och SKR har sedan 2018 tecknat årliga överenskommelser om en god och nära vård.",
            "Omställningen innebär att primärvården ska vara navet i vården och att vården i högre grad ska ges nära patienten.",
            "Under våren 2021 genomfördes workshoppar i länsdelarna med deltagare från kommunerna, Region Norrbotten, privata utförare och medborgare.",
            "Länets geografi med långa avstånd ställer särskilda krav på mobila lösningar och digital vård.",
            "Kommunerna och regionen har tagit fram en gemensam färdplan med aktiviteter för omställningen.",
        ],
        goals: &[
            "att vården och omsorgen ska utgå från personens behov och ges så nära personen som möjligt",
            "att primärvården och den kommunala hälso- och sjukvården ska samverka som en helhet",
            "att resurserna ska användas effektivt i hela länet",
        ],
        findings: &[
            "samtliga länsdelar har etablerat lokala samverkansgrupper för nära vård",
            "andelen digitala vårdmöten har ökat med {pct} procent",
            "antalet patienter med en fast vårdkontakt har ökat",
        ],
    },
    Area {
        name: "hjälpmedel",
        subjects: &[
            "hjälpmedelsförsörjningen i länet",
            "samverkansmodellen för hjälpmedel",
            "förskrivning av hjälpmedel",
            "det gemensamma hjälpmedelssortimentet",
        ],
        facts: &[
            "Kommunerna i Norrbotten och Region Norrbotten har under många år haft ett gemensamt samverkansavtal om hjälpmedelsförsörjningen.",
            "En utredning har haft i uppdrag att föreslå en samverkansorganisation för hjälpmedel som är patientsäker och juridiskt korrekt.",
            "Kostnaderna för hjälpmedel har ökat, främst för förbrukningsartiklar och avancerade rullstolar.",
        ],
        goals: &[
            "att länets invånare ska få likvärdig tillgång till hjälpmedel oavsett var de bor",
            "att förskrivningsprocessen ska vara patientsäker och enkel för förskrivarna",
            "att kostnaderna för hjälpmedel ska vara förutsägbara för båda huvudmännen",
        ],
        findings: &[
            "leveranstiden för hjälpmedel i sortimentet har kortats",
            "antalet förskrivare med aktuell behörighet har ökat",
            "kostnadsutvecklingen har legat inom budget",
        ],
    },
    Area {
        name: "e-hälsa och välfärdsteknik",
        subjects: &[
            "e-hälsa och välfärdsteknik",
            "gemensam informationsöverföring",
            "digitala trygghetslarm",
            "journalåtkomst i den kommunala hälso- och sjukvården",
            "det gemensamma IT-stödet för samordnad planering",
        ],
        facts: &[
            "Övergången till digitala trygghetslarm är genomförd i samtliga kommuner.",
            "Det gemensamma IT-stödet för samordnad planering används vid in- och utskrivning från slutenvården i hela länet.",
            "Visionen för e-hälsa 2025 anger att Sverige ska bli bäst i världen på att använda digitaliseringens möjligheter inom vård och omsorg.",
            "Flera kommuner har infört läkemedelsrobotar och digital tillsyn nattetid.",
        ],
        goals: &[
            "att information ska följa patienten på ett säkert sätt mellan huvudmännen",
            "att välfärdsteknik ska öka tryggheten och självständigheten hos den enskilde",
            "att dubbeldokumentation ska undvikas",
        ],
        findings: &[
            "{pct} procent av kommunerna nu använder digital tillsyn",
            "antalet användare av det gemensamma IT-stödet har ökat",
            "avbrotten i informationsöverföringen har minskat",
        ],
    },
    Area {
        name: "utskrivning från sluten vård",
        subjects: &[
            "samverkan vid utskrivning från sluten hälso- och sjukvård",
            "samordnad planering inför hemgång",
            "utskrivningsklara patienter",
            "trygg hemgång",
        ],
        facts: &[
            "Lagen (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård trädde i kraft den 1 januari 2018.",
            "Kommunernas betalningsansvar inträder tre kalenderdagar efter att den slutna vården har meddelat att patienten är utskrivningsklar.",
            "Antalet vårddagar för utskrivningsklara patienter har varierat mellan kommunerna.",
            "En fast vårdkontakt i primärvården ska utses när patienten behöver insatser från både kommunen och regionen efter utskrivning.",
        ],
        goals: &[
            "att patienter ska kunna lämna sjukhuset så snart de är utskrivningsklara",
            "att hemgången ska vara trygg och väl planerad",
            "att ingen ska vårdas på sjukhus längre än nödvändigt",
        ],
        findings: &[
            "den genomsnittliga tiden från utskrivningsklar till hemgång har minskat till {days} dagar",
            "andelen patienter med en samordnad individuell plan efter utskrivning har ökat",
            "betalningsansvaret har tillämpats i färre fall än föregående år",
        ],
    },
    Area {
        name: "samordnad individuell plan",
        subjects: &[
            "samordnad individuell plan",
            "SIP för barn och unga",
            "utbildning i samordnad individuell plan",
            "SIP-samordnare i länet",
        ],
        facts: &[
            "Kommunerna och regionen är sedan 2010 skyldiga att upprätta en samordnad individuell plan när den enskilde behöver insatser från båda huvudmännen.",
            "Den enskilde ska vara delaktig i planeringen och planen upprättas om hen samtycker till det.",
            "Webbutbildningen om SIP har genomförts av över {count} medarbetare i länet.",
        ],
        goals: &[
            "att den enskilde ska uppleva insatserna som en helhet",
            "att fler samordnade individuella planer ska upprättas i tid",
            "att ansvarsfördelningen ska vara tydlig för den enskilde och de närstående",
        ],
        findings: &[
            "antalet upprättade planer har ökat med {pct} procent",
            "andelen planer där den enskilde själv deltagit har ökat",
            "uppföljningen av planerna oftare sker inom utsatt tid",
        ],
    },
    Area {
        name: "våld i nära relationer",
        subjects: &[
            "våld i nära relationer",
            "hedersrelaterat våld och förtryck",
            "barn som upplever våld",
            "det våldsförebyggande arbetet",
        ],
        facts: &[
            "Länsstyrelsen i Norrbottens län har ett samordnande uppdrag för arbetet mot mäns våld mot kvinnor.",
            "Hälso- och sjukvården ska enligt Socialstyrelsens föreskrifter ställa frågor om våld i vissa verksamheter.",
            "Kommunerna ansvarar för stöd och skydd till våldsutsatta och till barn som upplevt våld.",
        ],
        goals: &[
            "att våldsutsatta ska få ett samordnat stöd och skydd",
            "att fler ska få frågan om våld i mötet med vården och socialtjänsten",
            "att barn som upplever våld ska uppmärksammas tidigt",
        ],
        findings: &[
            "fler verksamheter nu rutinmässigt ställer frågor om våld",
            "antalet orosanmälningar från hälso- och sjukvården har ökat",
            "samtliga kommuner har en aktuell handlingsplan mot våld i nära relationer",
        ],
    },
    Area {
        name: "suicidprevention",
        subjects: &[
            "suicidprevention",
            "suicidpreventiva insatser i länet",
            "händelseanalyser efter suicid",
            "utbildning i första hjälpen till psykisk hälsa",
        ],
        facts: &[
            "Norrbotten har under lång tid haft en högre andel suicid än riket, särskilt bland män.",
            "Under {year} har utbildningar i första hjälpen till psykisk hälsa genomförts i samtliga länsdelar.",
            "Regionen och kommunerna har gemensamt tagit fram en rutin för stöd till efterlevande.",
        ],
        goals: &[
            "att antalet suicid i länet ska minska",
            "att fler ska kunna upptäcka och agera vid risk för suicid",
            "att stödet till efterlevande ska vara samordnat",
        ],
        findings: &[
            "antalet personer som genomgått utbildning i första hjälpen till psykisk hälsa har ökat till {count}",
            "samtliga kommuner har utsett kontaktpersoner för suicidprevention",
            "händelseanalyser nu genomförs gemensamt av huvudmännen",
        ],
    },
    Area {
        name: "elevhälsa",
        subjects: &[
            "elevhälsans medicinska insatser",
            "problematisk skolfrånvaro",
            "samverkan mellan elevhälsa och primärvård",
            "elevhälsans psykosociala arbete",
        ],
        facts: &[
            "Skolfrånvaron har ökat efter pandemiåren och en del elever har lång sammanhängande frånvaro.",
            "Elevhälsans medicinska insatser har ett ledningssystem som följs upp av verksamhetschefen.",
            "Samverkan mellan elevhälsa, socialtjänst och barn- och ungdomspsykiatrin är en förutsättning för tidiga insatser.",
        ],
        goals: &[
            "att elever med problematisk frånvaro ska fångas upp tidigt",
            "att elevhälsan och primärvården ska ha tydliga gränsdragningar",
            "att fler elever ska nå gymnasiebehörighet",
        ],
        findings: &[
            "andelen elever med problematisk frånvaro har minskat i de kommuner som deltar",
            "fler elevhälsoteam har regelbundna konsultationer med barn- och ungdomspsykiatrin",
            "överlämningarna mellan skola och vård oftare sker enligt rutin",
        ],
    },
    Area {
        name: "funktionsnedsättning",
        subjects: &[
            "personer med funktionsnedsättning",
            "habilitering för barn och vuxna",
            "personer med neuropsykiatrisk funktionsnedsättning",
            "egenvård i samband med personlig assistans",
        ],
        facts: &[
            "Gränsdragningen mellan egenvård och hälso- och sjukvård i samband med personlig assistans har varit föremål för flera diskussioner.",
            "Habiliteringen i Region Norrbotten har under perioden haft långa väntetider för utredningar.",
            "Antalet barn med beslut om insatser enligt LSS har ökat i länet.",
        ],
        goals: &[
            "att personer med funktionsnedsättning ska få ett samordnat stöd genom hela livet",
            "att gränsdragningen mellan huvudmännen ska vara tydlig",
            "att övergången från barn- till vuxenhabilitering ska vara trygg",
        ],
        findings: &[
            "väntetiden till habiliteringen har minskat",
            "fler egenvårdsbedömningar nu görs enligt den gemensamma rutinen",
            "samtliga kommuner använder den länsgemensamma rutinen för egenvård",
        ],
    },
    Area {
        name: "tandvård",
        subjects: &[
            "munhälsobedömningar och nödvändig tandvård",
            "uppsökande tandvård",
            "munhälsa hos äldre",
        ],
        facts: &[
            "Regionen ansvarar för att personer med stort omvårdnadsbehov erbjuds munhälsobedömning och nödvändig tandvård.",
            "Andelen personer som tackat ja till munhälsobedömning varierar mycket mellan kommunerna.",
            "Omvårdnadspersonalen i kommunerna erbjuds årlig utbildning i munvård.",
        ],
        goals: &[
            "att fler med rätt till nödvändig tandvård ska få det",
            "att munvården i det dagliga omvårdnadsarbetet ska förbättras",
        ],
        findings: &[
            "andelen genomförda munhälsobedömningar har ökat till {pct} procent",
            "fler omvårdnadspersonal har deltagit i munvårdsutbildningen",
        ],
    },
    Area {
        name: "läkemedel",
        subjects: &[
            "läkemedelshantering i kommunal hälso- och sjukvård",
            "läkemedelsgenomgångar för äldre",
            "dosdispensering",
            "läkemedelsförråd i särskilda boenden",
        ],
        facts: &[
            "Ansvaret för läkemedelshanteringen i den kommunala hälso- och sjukvården regleras i Socialstyrelsens föreskrifter.",
            "Övergången till ny leverantör av dosdispenserade läkemedel har krävt gemensamma rutiner.",
            "Läkemedelsgenomgångar ska erbjudas personer över 75 år med fem eller fler läkemedel.",
        ],
        goals: &[
            "att läkemedelsbehandlingen ska vara säker och ändamålsenlig",
            "att ansvarsfördelningen mellan förskrivare och kommunens sjuksköterskor ska vara tydlig",
        ],
        findings: &[
            "antalet avvikelser i läkemedelshanteringen har minskat",
            "andelen äldre med olämpliga läkemedel har minskat till {pct} procent",
        ],
    },
    Area {
        name: "folkhälsa",
        subjects: &[
            "en god och jämlik hälsa",
            "folkhälsoarbetet i länet",
            "levnadsvanor hos barn och unga",
            "det ANDTS-förebyggande arbetet",
        ],
        facts: &[
            "Hälsan i länet är ojämlikt fördelad mellan grupper och mellan länsdelar.",
            "Resultaten från elevenkäten {year} visar att fler unga uppger att de rör sig för lite.",
            "Länets folkhälsostrategi har tagits fram gemensamt av Region Norrbotten, kommunerna och Länsstyrelsen.",
        ],
        goals: &[
            "att skapa samhälleliga förutsättningar för en god och jämlik hälsa",
            "att minska skillnaderna i hälsa mellan länets invånare",
            "att fler barn och unga ska ha goda levnadsvanor",
        ],
        findings: &[
            "andelen rökare har fortsatt att minska",
            "andelen unga som uppger god hälsa har ökat något",
            "skillnaderna i förväntad livslängd mellan kommunerna kvarstår",
        ],
    },
    Area {
        name: "kompetensförsörjning",
        subjects: &[
            "kompetensförsörjningen inom vård och omsorg",
            "utbildningsinsatser för undersköterskor",
            "gemensam introduktion för nyanställda",
            "bemanningen under sommarperioden",
        ],
        facts: &[
            "Många medarbetare inom vård och omsorg går i pension de närmaste tio åren.",
            "Äldreomsorgslyftet har gett anställda möjlighet att utbilda sig på betald arbetstid.",
            "Kostnaden för inhyrd personal har ökat under flera år.",
            "Skyddad yrkestitel för undersköterskor har införts, vilket ställer krav på validering av omvårdnadspersonalens kompetens.",
        ],
        goals: &[
            "att säkra tillgången till personal med rätt kompetens i hela länet",
            "att minska beroendet av inhyrd personal",
            "att fler ska vilja arbeta inom vård och omsorg i länet",
        ],
        findings: &[
            "antalet undersköterskor som validerats har ökat till {count}",
            "kostnaden för inhyrd personal har minskat",
            "personalomsättningen har minskat i de verksamheter som deltagit",
        ],
    },
    Area {
        name: "covid-19",
        subjects: &[
            "hanteringen av covid-19",
            "vaccinationen mot covid-19",
            "smittskyddet i särskilda boenden",
            "tillgången till skyddsutrustning",
        ],
        facts: &[
            "Folkhälsomyndigheten har under perioden skärpt de allmänna råden för att minska smittspridningen.",
            "Besöksförbudet på särskilda boenden för äldre gällde från april till oktober 2020.",
            "Vaccinationen mot covid-19 inleddes på särskilda boenden för äldre i slutet av december 2020.",
            "Tillgången till skyddsutrustning har periodvis varit ansträngd.",
        ],
        goals: &[
            "att skydda de mest sårbara grupperna mot smitta",
            "att samordna huvudmännens insatser och kommunikation",
            "att säkra tillgången till skyddsutrustning och provtagning",
        ],
        findings: &[
            "vaccinationstäckningen bland boende på särskilda boenden uppgår till {pct} procent",
            "samtliga kommuner har rutiner för provtagning av personal",
            "lagerhållningen av skyddsutrustning har säkrats",
        ],
    },
    Area {
        name: "palliativ vård och demens",
        subjects: &[
            "palliativ vård i livets slutskede",
            "personer med demenssjukdom",
            "stöd till anhöriga",
            "brytpunktssamtal i palliativ vård",
        ],
        facts: &[
            "Svenska palliativregistret visar att andelen dokumenterade brytpunktssamtal i länet är lägre än i riket.",
            "Socialstyrelsens nationella riktlinjer för vård och omsorg vid demenssjukdom har reviderats.",
            "Anhöriga som vårdar eller stödjer en närstående har rätt till stöd från kommunen.",
        ],
        goals: &[
            "att alla ska få en värdig vård i livets slutskede",
            "att personer med demenssjukdom ska få en tidig utredning och ett anpassat stöd",
        ],
        findings: &[
            "andelen dokumenterade brytpunktssamtal har ökat till {pct} procent",
            "fler kommuner har inrättat demensteam",
        ],
    },
];

/// Kinds of documents a matter is about: title word, preposition, definite form.
const DOC_TYPES: &[(&str, &str, &str)] = &[
    ("Handlingsplan", "för", "handlingsplanen"),
    ("Länsgemensam handlingsplan", "för", "handlingsplanen"),
    ("Riktlinje", "för", "riktlinjen"),
    ("Länsgemensam rutin", "för", "rutinen"),
    ("Rutin", "för", "rutinen"),
    ("Strategi", "för", "strategin"),
    ("Färdplan", "för", "färdplanen"),
    (
        "Uppdragsbeskrivning",
        "för arbetet med",
        "uppdragsbeskrivningen",
    ),
    ("Projektplan", "för", "projektplanen"),
    ("Kartläggning", "av", "kartläggningen"),
    ("Samverkansrutin", "för", "samverkansrutinen"),
    ("Avsiktsförklaring", "om", "avsiktsförklaringen"),
];

const OPENERS: &[&str] = &[
    "Region Norrbotten och länets kommuner har sedan {since} ett gemensamt arbete kring {subject}.",
    "Ärendet gäller {subject} och har beretts av {prep}.",
    "{Prep} har på uppdrag av {body} arbetat fram ett underlag om {subject}.",
    "Frågan om {subject} har behandlats vid flera tidigare sammanträden.",
    "Inom ramen för överenskommelsen mellan staten och SKR har länet för {year} tilldelats {amount} kronor för arbetet med {area}.",
    "Under {season} {year} har en kartläggning av {subject} genomförts i samtliga länsdelar.",
    "Bakgrunden till ärendet är att huvudmännen behöver en gemensam syn på {subject}.",
    "{fact}",
    "{fact}",
];

const MIDDLES: &[&str] = &[
    "En arbetsgrupp med representanter från {towns} och Region Norrbotten har tagit fram förslaget.",
    "Förslaget har skickats på remiss till länets fjorton kommuner och Region Norrbotten. Svar har inkommit från {n} kommuner och synpunkterna har i huvudsak arbetats in.",
    "Dialogmöten har genomförts i länets fyra länsdelar med deltagare från kommunerna, primärvården och brukarorganisationerna.",
    "Uppföljningen visar att {finding}.",
    "Resultatet för {prevyear} visar att {finding}, men skillnaderna mellan länsdelarna är fortsatt stora.",
    "{Purpose} {goal}.",
    "Arbetet utgår från den gemensamma målbilden och de prioriterade områdena i överenskommelsen om politisk samverkan.",
    "Kostnaderna delas lika mellan Region Norrbotten och kommunerna enligt den modell som gäller för gemensamma utvecklingsmedel.",
    "Diskussion förs om {discussion}.",
    "Gruppen lyfter särskilt {discussion}.",
    "Flera kommuner framhåller att {concern}.",
    "{Town} redogör för hur arbetet har bedrivits lokalt och vilka erfarenheter som har gjorts.",
    "{fact}",
];

const CLOSERS: &[&str] = &[
    "Förslaget avser åren {year}–{year2} och föreslås gälla från och med {date}.",
    "En uppföljning planeras till {season2} {nextyear}.",
    "Förslaget har behandlats av {prep} {prepdate}, som ställt sig bakom det.",
    "Information lämnas även om den fortsatta tidplanen.",
    "Frågan återkommer till {body} när remissvaren har sammanställts.",
    "Underlaget finns som bilaga till protokollet.",
    "Presentationen bifogas protokollet.",
];

const DISCUSSIONS: &[&str] = &[
    "hur resultaten ska spridas till verksamheterna",
    "behovet av gemensam kompetensutveckling",
    "ansvarsfördelningen mellan huvudmännen",
    "finansieringen när de riktade statsbidragen upphör",
    "hur brukarnas och de närståendes perspektiv kan tas till vara",
    "förutsättningarna i länets inlandskommuner",
    "vilka indikatorer som ska användas i uppföljningen",
    "möjligheten att samordna arbetet med andra pågående satsningar",
    "bemanningsläget under sommarperioden",
    "behovet av en gemensam kommunikationsplan",
    "hur de nationella kunskapsstöden kan omsättas lokalt",
    "tidplanen för implementeringen i kommunerna",
];

const CONCERNS: &[&str] = &[
    "avstånden och bemanningsläget gör det svårt att delta i gemensamma utbildningar på plats",
    "ersättningsnivåerna inte täcker de faktiska kostnaderna",
    "tidplanen är snäv för att hinna förankra förslaget politiskt",
    "de små kommunerna behöver stöd för att kunna genomföra arbetet",
    "arbetet måste anpassas efter de lokala förutsättningarna",
];

const NOTED: &[&str] = &[
    "lägga informationen till handlingarna",
    "lägga redovisningen till handlingarna",
    "med godkännande lägga informationen till handlingarna",
    "tacka för informationen och lägga den till handlingarna",
    "notera lägesrapporten och lägga den till handlingarna",
];

const REGION_NEWS: &[&str] = &[
    "arbetet med den regionala utvecklingsstrategin",
    "förändringar i primärvårdens organisation",
    "läget i budgetarbetet inför {nextyear}",
    "bemanningsläget inom hälso- och sjukvården inför sommaren",
    "införandet av nytt vårdinformationssystem",
    "tillgänglighet och väntetider inom specialistvården",
    "utvecklingen av hälsocentralerna i inlandet",
    "den nya organisationen med divisioner och staber",
    "arbetet med en ny modell för ersättning i primärvården",
];

const NK_NEWS: &[&str] = &[
    "förbundets verksamhetsplan för {nextyear}",
    "kommunernas gemensamma arbete med kompetensförsörjning",
    "läget inom socialtjänsten i länets kommuner",
    "det nya uppdraget för samverkansledarna",
    "dialogen med SKR om en ny socialtjänstlag",
    "kommunernas ekonomiska förutsättningar inför {nextyear}",
];

const TOWN_NEWS: &[&str] = &[
    "har startat ett mobilt team tillsammans med hälsocentralen",
    "har infört digital tillsyn nattetid",
    "ser ett ökat tryck på hemtjänsten",
    "har öppnat ett nytt korttidsboende",
    "har svårt att rekrytera sjuksköterskor till sommaren",
    "har påbörjat arbetet med en lokal handlingsplan för psykisk hälsa",
    "har inrättat en familjecentral",
    "har anställt en SIP-samordnare",
    "har ett ökat antal utskrivningsklara patienter som väntar på korttidsplats",
    "har genomfört en utbildningsdag om våld i nära relationer",
];

const NATIONAL_NEWS: &[&str] = &[
    "Socialstyrelsen har publicerat reviderade nationella riktlinjer inom området.",
    "Regeringen har gett Socialstyrelsen i uppdrag att ta fram ett nationellt kunskapsstöd om {subject}.",
    "SKR och staten har tecknat en ny överenskommelse som berör {area}.",
    "Inspektionen för vård och omsorg har granskat samverkan kring {subject} i flera regioner.",
    "Folkhälsomyndigheten har publicerat nya resultat som berör {area}.",
    "E-hälsomyndigheten informerar om förändringar i den nationella läkemedelslistan.",
];

const DEVIATIONS: &[&str] = &[
    "brister i informationsöverföringen vid utskrivning",
    "läkemedelsordinationer som inte har uppdaterats",
    "hjälpmedel som inte har levererats i tid",
    "otydlighet om vem som ansvarar för samordningen",
];

// ---------------------------------------------------------------------------
// The bodies of the archive
// ---------------------------------------------------------------------------

/// Who fills a seat: a municipality (rotating between the county's
/// municipalities), the region, the municipalities' association, or another
/// organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Muni,
    Region,
    Nk,
    Org(&'static str),
}

impl Who {
    fn org(self) -> &'static str {
        match self {
            Who::Muni => "kn-lulea",
            Who::Region => "region-nb",
            Who::Nk => "nb-kommuner",
            Who::Org(org) => org,
        }
    }
}

/// `n` seats of one kind. Seat `i` is held by whoever has the post
/// `titles[i % len]` (number `slot + i / len` of that title) at the seat's
/// organisation: people hold posts, and posts give seats in several bodies.
struct Seat {
    who: Who,
    n: u32,
    titles: &'static [&'static str],
    slot: u32,
}

const fn seat(who: Who, n: u32, titles: &'static [&'static str]) -> Seat {
    Seat {
        who,
        n,
        titles,
        slot: 0,
    }
}

const fn seat_at(who: Who, n: u32, titles: &'static [&'static str], slot: u32) -> Seat {
    Seat {
        who,
        n,
        titles,
        slot,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// Politicians with personal substitutes (PSB and its working committee).
    Political,
    /// Officials: chair within the group, minnesanteckningar.
    Officials,
    /// Theme seminars: participants only.
    Seminar,
    /// Bodies of one party or outside the structure: no meetings here.
    None,
}

struct BodyDef {
    id: &'static str,
    name: &'static str,
    short: Option<&'static str>,
    level: BodyLevel,
    /// How the minutes name the body in decisions: "Nätverket beslutar att …".
    def: &'static str,
    /// What the body works with, for its description and mandate.
    subject: &'static str,
    areas: &'static [usize],
    formed: (i32, u32),
    /// The last year with meetings, if the body was wound up.
    until: Option<i32>,
    per_year: f64,
    style: Style,
    seats: &'static [Seat],
    /// The post that keeps the minutes.
    secretary: (Who, &'static str),
    place: &'static str,
    established_by: Option<&'static str>,
}

const NK_PLACE: &str = "Norrbottens Kommuners lokaler, Luleå";
const REGION_PLACE: &str = "Regionhuset, Luleå";
const SUNDERBY: &str = "Sunderby sjukhus, konferensrummet Kallax";
const TEAMS: &str = "Digitalt via Microsoft Teams";

fn body_def_list() -> &'static [BodyDef] {
    use BodyLevel as L;
    use Who::*;
    const ALL: &[usize] = &[
        PSYK, BARN, ALDRE, MISSBRUK, NARA, HJALP, EHALSA, UTSKR, KOMP, FOLK,
    ];
    const DEFS: &[BodyDef] = &[
        BodyDef {
            id: "nb-psb",
            name: "Politiska samverkansberedningen",
            short: None,
            level: L::Political,
            def: "Politiska samverkansberedningen",
            subject: "gemensamma frågor inom hälso- och sjukvård, socialtjänst och skola",
            areas: ALL,
            formed: (2012, 9),
            until: None,
            per_year: 4.3,
            style: Style::Political,
            seats: &[],
            secretary: (Region, "Sekreterare"),
            place: REGION_PLACE,
            established_by: None,
        },
        BodyDef {
            id: "nb-lansstyrgruppen",
            name: "Länsstyrgruppen",
            short: None,
            level: L::Officials,
            def: "Länsstyrgruppen",
            subject:
                "det gemensamma utvecklingsarbetet inom hälso- och sjukvård, socialtjänst och skola",
            areas: ALL,
            formed: (2012, 9),
            until: None,
            per_year: 6.5,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    5,
                    &[
                        "Hälso- och sjukvårdsdirektör",
                        "Divisionschef Närsjukvård",
                        "Divisionschef Psykiatri",
                        "Divisionschef Länssjukvård",
                        "Stabschef hälso- och sjukvård",
                    ],
                ),
                seat(Muni, 5, &["Socialchef"]),
                seat(Muni, 4, &["Barn- och utbildningschef"]),
                seat(
                    Nk,
                    2,
                    &[
                        "Avdelningschef social välfärd",
                        "Avdelningschef utbildning och arbetsmarknad",
                    ],
                ),
            ],
            secretary: (Nk, "Samverkansledare socialtjänst"),
            place: NK_PLACE,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-psb-au",
            name: "Politiska samverkansberedningens arbetsutskott",
            short: Some("PSB AU"),
            level: L::Preparatory,
            def: "Arbetsutskottet",
            subject: "beredningen av ärenden till politiska samverkansberedningen",
            areas: ALL,
            formed: (2017, 2),
            until: None,
            per_year: 4.5,
            style: Style::Political,
            seats: &[],
            secretary: (Region, "Sekreterare"),
            place: REGION_PLACE,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-lsg-au",
            name: "Länsstyrgruppens arbetsutskott",
            short: Some("LSG AU"),
            level: L::Preparatory,
            def: "Arbetsutskottet",
            subject: "beredningen av ärenden till länsstyrgruppen",
            areas: ALL,
            formed: (2017, 1),
            until: None,
            per_year: 5.0,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    2,
                    &["Hälso- och sjukvårdsdirektör", "Divisionschef Närsjukvård"],
                ),
                seat(Muni, 2, &["Socialchef"]),
                seat(Nk, 1, &["Avdelningschef social välfärd"]),
            ],
            secretary: (Nk, "Samverkansledare socialtjänst"),
            place: NK_PLACE,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-samverkansledare",
            name: "Samverkansledarna",
            short: None,
            level: L::Support,
            def: "Samverkansledarna",
            subject: "stödet till länsstyrgruppen och de länsgemensamma nätverken",
            areas: &[NARA, PSYK, BARN],
            formed: (2016, 1),
            until: None,
            per_year: 2.0,
            style: Style::Officials,
            seats: &[
                seat(
                    Nk,
                    2,
                    &[
                        "Samverkansledare socialtjänst",
                        "Samverkansledare barn och utbildning",
                    ],
                ),
                seat(Region, 1, &["Samverkansledare hälso- och sjukvård"]),
            ],
            secretary: (Nk, "Utvecklingsledare"),
            place: NK_PLACE,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-ledningsseminarium",
            name: "Ledningsseminariet för vård, omsorg och skola",
            short: None,
            level: L::Seminar,
            def: "Ledningsseminariet",
            subject: "gemensam kunskapsutveckling för ledningarna i kommunerna och regionen",
            areas: ALL,
            formed: (2016, 1),
            until: None,
            per_year: 1.0,
            style: Style::Seminar,
            seats: &[],
            secretary: (Nk, "Utvecklingsledare"),
            place: "Kulturens hus, Luleå",
            established_by: None,
        },
        BodyDef {
            id: "gen-b-barn-unga",
            name: "Länsnätverket för barn och unga",
            short: None,
            level: L::WorkingGroup,
            def: "Nätverket",
            subject: "barn och unga i behov av samordnade insatser",
            areas: &[BARN, ELEV, PSYK, SIP],
            formed: (2016, 3),
            until: None,
            per_year: 3.0,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    3,
                    &[
                        "Verksamhetschef barn- och ungdomspsykiatri",
                        "Barnhälsovårdsöverläkare",
                        "Verksamhetschef habilitering",
                    ],
                ),
                seat(Muni, 5, &["Enhetschef individ- och familjeomsorg"]),
                seat(Muni, 2, &["Elevhälsochef"]),
                seat(Nk, 1, &["Samverkansledare barn och utbildning"]),
            ],
            secretary: (Nk, "Utvecklingsledare"),
            place: NK_PLACE,
            established_by: Some("gen-a-barn-unga-2018"),
        },
        BodyDef {
            id: "gen-b-psykisk-halsa",
            name: "Länsgruppen för psykisk hälsa",
            short: None,
            level: L::WorkingGroup,
            def: "Länsgruppen",
            subject: "psykisk hälsa hos barn, unga och vuxna",
            areas: &[PSYK, SUICID, MISSBRUK],
            formed: (2016, 2),
            until: None,
            per_year: 3.0,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    3,
                    &[
                        "Verksamhetschef vuxenpsykiatri",
                        "Verksamhetschef barn- och ungdomspsykiatri",
                        "Verksamhetschef primärvård",
                    ],
                ),
                seat(Muni, 5, &["Verksamhetschef socialpsykiatri"]),
                seat_at(Nk, 1, &["Utvecklingsledare"], 1),
            ],
            secretary: (Nk, "Utvecklingsledare"),
            place: NK_PLACE,
            established_by: Some("gen-a-psykisk-2017"),
        },
        BodyDef {
            id: "gen-b-missbruk",
            name: "Samverkansgruppen för missbruk och beroende",
            short: None,
            level: L::WorkingGroup,
            def: "Samverkansgruppen",
            subject: "personer med missbruk och beroende",
            areas: &[MISSBRUK, PSYK],
            formed: (2020, 1),
            until: None,
            per_year: 3.0,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    2,
                    &[
                        "Verksamhetschef beroendecentrum",
                        "Verksamhetschef vuxenpsykiatri",
                    ],
                ),
                seat(Muni, 5, &["Alkohol- och drogsamordnare"]),
                seat(Nk, 1, &["Samverkansledare socialtjänst"]),
            ],
            secretary: (Region, "Utvecklingsledare"),
            place: SUNDERBY,
            established_by: Some("gen-a-psykisk-2020"),
        },
        BodyDef {
            id: "gen-b-nara-vard",
            name: "Styrgruppen för god och nära vård",
            short: None,
            level: L::Officials,
            def: "Styrgruppen",
            subject: "omställningen till en god och nära vård och omsorg",
            areas: &[NARA, ALDRE, UTSKR, EHALSA],
            formed: (2020, 2),
            until: None,
            per_year: 4.0,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    3,
                    &[
                        "Verksamhetsdirektör",
                        "Verksamhetschef primärvård",
                        "Hälso- och sjukvårdsdirektör",
                    ],
                ),
                seat(Muni, 4, &["Förvaltningschef vård och omsorg"]),
                seat(Nk, 1, &["Avdelningschef social välfärd"]),
            ],
            secretary: (Region, "Samordnare nära vård"),
            place: REGION_PLACE,
            established_by: Some("gen-a-nara-vard-2022"),
        },
        BodyDef {
            id: "gen-b-nara-vard-ag",
            name: "Arbetsgruppen för nära vård och omsorg i länsdelarna",
            short: None,
            level: L::WorkingGroup,
            def: "Arbetsgruppen",
            subject: "nära vård och omsorg i länets fyra länsdelar",
            areas: &[NARA, ALDRE, EHALSA],
            formed: (2021, 1),
            until: None,
            per_year: 3.0,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    3,
                    &[
                        "Verksamhetsutvecklare",
                        "Samordnare nära vård",
                        "Enhetschef hälsocentral",
                    ],
                ),
                seat(Muni, 4, &["Medicinskt ansvarig sjuksköterska"]),
                seat(Nk, 1, &["Utvecklingsledare"]),
            ],
            secretary: (Region, "Samordnare nära vård"),
            place: TEAMS,
            established_by: Some("gen-a-nara-vard-2022"),
        },
        BodyDef {
            id: "gen-b-hjalpmedel",
            name: "Hjälpmedelsrådet",
            short: None,
            level: L::Council,
            def: "Hjälpmedelsrådet",
            subject: "hjälpmedelsförsörjningen i länet",
            areas: &[HJALP, LSS],
            formed: (2015, 1),
            until: None,
            per_year: 3.0,
            style: Style::Officials,
            seats: &[
                seat(Region, 2, &["Verksamhetschef", "Hjälpmedelskonsulent"]),
                seat(Muni, 5, &["Enhetschef rehabilitering"]),
                seat_at(Nk, 1, &["Utvecklingsledare"], 3),
            ],
            secretary: (Region, "Hjälpmedelskonsulent"),
            place: SUNDERBY,
            established_by: Some("gen-a-hjalpmedel-2014"),
        },
        BodyDef {
            id: "gen-b-ehalsa",
            name: "Nätverket för e-hälsa och välfärdsteknik",
            short: None,
            level: L::WorkingGroup,
            def: "Nätverket",
            subject: "e-hälsa, välfärdsteknik och gemensam informationsöverföring",
            areas: &[EHALSA, UTSKR],
            formed: (2017, 3),
            until: None,
            per_year: 2.5,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    2,
                    &["IT-strateg", "Informationssäkerhetssamordnare"],
                ),
                seat(Muni, 5, &["Digitaliseringsstrateg"]),
                seat(Nk, 1, &["Projektledare"]),
            ],
            secretary: (Nk, "Projektledare"),
            place: TEAMS,
            established_by: Some("gen-a-ehalsa-2019"),
        },
        BodyDef {
            id: "gen-b-utskrivning",
            name: "Arbetsgruppen för samverkan vid utskrivning",
            short: None,
            level: L::WorkingGroup,
            def: "Arbetsgruppen",
            subject: "samverkan vid utskrivning från sluten hälso- och sjukvård",
            areas: &[UTSKR, SIP, ALDRE],
            formed: (2017, 4),
            until: None,
            per_year: 3.0,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    3,
                    &[
                        "Verksamhetschef primärvård",
                        "Vårdenhetschef medicinkliniken",
                        "Samordnare vårdplanering",
                    ],
                ),
                seat(Muni, 5, &["Enhetschef biståndshandläggning"]),
                seat_at(Nk, 1, &["Utvecklingsledare"], 4),
            ],
            secretary: (Region, "Samordnare vårdplanering"),
            place: SUNDERBY,
            established_by: Some("gen-a-utskrivning-2018"),
        },
        BodyDef {
            id: "gen-b-sip",
            name: "Länsgruppen för samordnad individuell plan",
            short: Some("SIP-gruppen"),
            level: L::WorkingGroup,
            def: "SIP-gruppen",
            subject: "samordnad individuell plan",
            areas: &[SIP, BARN, PSYK],
            formed: (2016, 2),
            until: Some(2021),
            per_year: 2.5,
            style: Style::Officials,
            seats: &[
                seat(Region, 2, &["Samordnare vårdplanering", "Kurator"]),
                seat(Muni, 4, &["SIP-samordnare"]),
                seat_at(Nk, 1, &["Utvecklingsledare"], 4),
            ],
            secretary: (Nk, "Utvecklingsledare"),
            place: NK_PLACE,
            established_by: Some("gen-a-sip-2016"),
        },
        BodyDef {
            id: "gen-b-elevhalsa",
            name: "Nätverket för elevhälsa och barn- och ungdomspsykiatri",
            short: None,
            level: L::WorkingGroup,
            def: "Nätverket",
            subject: "samverkan mellan elevhälsan och barn- och ungdomspsykiatrin",
            areas: &[ELEV, BARN, PSYK],
            formed: (2018, 2),
            until: None,
            per_year: 2.5,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    2,
                    &[
                        "Verksamhetschef barn- och ungdomspsykiatri",
                        "Barnhälsovårdsöverläkare",
                    ],
                ),
                seat(Muni, 5, &["Elevhälsochef"]),
                seat(Nk, 1, &["Samverkansledare barn och utbildning"]),
            ],
            secretary: (Nk, "Samverkansledare barn och utbildning"),
            place: TEAMS,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-aldre",
            name: "Rådet för vård och omsorg om äldre",
            short: None,
            level: L::Council,
            def: "Rådet",
            subject: "vård och omsorg om äldre",
            areas: &[ALDRE, PALL, LAKEM, UTSKR],
            formed: (2016, 1),
            until: None,
            per_year: 3.0,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    3,
                    &[
                        "Överläkare geriatrik",
                        "Verksamhetschef primärvård",
                        "Divisionschef Närsjukvård",
                    ],
                ),
                seat(Muni, 5, &["Förvaltningschef vård och omsorg"]),
                seat(Nk, 1, &["Avdelningschef social välfärd"]),
            ],
            secretary: (Nk, "Utvecklingsledare"),
            place: NK_PLACE,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-demens",
            name: "Demensnätverket i Norrbotten",
            short: None,
            level: L::WorkingGroup,
            def: "Demensnätverket",
            subject: "vård och omsorg vid demenssjukdom",
            areas: &[PALL, ALDRE],
            formed: (2018, 3),
            until: None,
            per_year: 2.0,
            style: Style::Officials,
            seats: &[
                seat(Region, 2, &["Överläkare geriatrik", "Demenssjuksköterska"]),
                seat(Muni, 4, &["Demenssjuksköterska"]),
            ],
            secretary: (Region, "Demenssjuksköterska"),
            place: TEAMS,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-lakemedel",
            name: "Läkemedelsgruppen för kommunal hälso- och sjukvård",
            short: None,
            level: L::WorkingGroup,
            def: "Läkemedelsgruppen",
            subject: "läkemedelshantering i den kommunala hälso- och sjukvården",
            areas: &[LAKEM, ALDRE],
            formed: (2018, 9),
            until: None,
            per_year: 2.0,
            style: Style::Officials,
            seats: &[
                seat(Region, 2, &["Läkemedelsstrateg", "Chefläkare"]),
                seat(Muni, 4, &["Medicinskt ansvarig sjuksköterska"]),
            ],
            secretary: (Region, "Läkemedelsstrateg"),
            place: SUNDERBY,
            established_by: Some("gen-a-lakemedel-2018"),
        },
        BodyDef {
            id: "gen-b-mas",
            name: "Nätverket för medicinskt ansvariga sjuksköterskor",
            short: Some("MAS-nätverket"),
            level: L::WorkingGroup,
            def: "Nätverket",
            subject: "patientsäkerheten i den kommunala hälso- och sjukvården",
            areas: &[LAKEM, UTSKR, PALL, TAND],
            formed: (2014, 1),
            until: None,
            per_year: 3.0,
            style: Style::Officials,
            seats: &[
                seat(Muni, 8, &["Medicinskt ansvarig sjuksköterska"]),
                seat(Region, 1, &["Chefläkare"]),
            ],
            secretary: (Nk, "Utvecklingsledare"),
            place: TEAMS,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-folkhalsa",
            name: "Folkhälsorådet i Norrbotten",
            short: None,
            level: L::Council,
            def: "Folkhälsorådet",
            subject: "en god och jämlik hälsa i länet",
            areas: &[FOLK, SUICID, VALD],
            formed: (2015, 5),
            until: None,
            per_year: 2.5,
            style: Style::Officials,
            seats: &[
                seat(Region, 2, &["Folkhälsostrateg", "Folkhälsodirektör"]),
                seat(Muni, 5, &["Folkhälsosamordnare"]),
                seat(Org("gen-org-lansstyrelsen"), 1, &["Folkhälsohandläggare"]),
                seat(Org("gen-org-ltu"), 1, &["Professor i hälsovetenskap"]),
            ],
            secretary: (Region, "Folkhälsostrateg"),
            place: REGION_PLACE,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-vald",
            name: "Länsnätverket mot våld i nära relationer",
            short: None,
            level: L::WorkingGroup,
            def: "Nätverket",
            subject: "stöd och skydd för våldsutsatta och barn som upplever våld",
            areas: &[VALD, BARN],
            formed: (2019, 2),
            until: None,
            per_year: 2.0,
            style: Style::Officials,
            seats: &[
                seat(
                    Org("gen-org-lansstyrelsen"),
                    1,
                    &["Länssamordnare mot mäns våld mot kvinnor"],
                ),
                seat(Region, 2, &["Kurator", "Verksamhetschef kvinnosjukvård"]),
                seat(Muni, 4, &["Samordnare våld i nära relationer"]),
            ],
            secretary: (
                Org("gen-org-lansstyrelsen"),
                "Länssamordnare mot mäns våld mot kvinnor",
            ),
            place: "Länsstyrelsen, Luleå",
            established_by: Some("gen-a-vald-2020"),
        },
        BodyDef {
            id: "gen-b-suicid",
            name: "Arbetsgruppen för suicidprevention",
            short: None,
            level: L::WorkingGroup,
            def: "Arbetsgruppen",
            subject: "det länsgemensamma suicidpreventiva arbetet",
            areas: &[SUICID, PSYK],
            formed: (2019, 4),
            until: None,
            per_year: 2.5,
            style: Style::Officials,
            seats: &[
                seat(Region, 2, &["Sjuksköterska", "Överläkare psykiatri"]),
                seat(Muni, 4, &["Folkhälsosamordnare"]),
                seat(
                    Org("gen-org-lansstyrelsen"),
                    1,
                    &["Samordnare suicidprevention"],
                ),
            ],
            secretary: (Region, "Folkhälsostrateg"),
            place: TEAMS,
            established_by: Some("gen-a-suicid-2023"),
        },
        BodyDef {
            id: "gen-b-lss",
            name: "Nätverket för funktionshinder och LSS",
            short: None,
            level: L::WorkingGroup,
            def: "Nätverket",
            subject: "stöd till personer med funktionsnedsättning",
            areas: &[LSS, HJALP],
            formed: (2016, 4),
            until: None,
            per_year: 2.0,
            style: Style::Officials,
            seats: &[
                seat(Region, 2, &["Verksamhetschef habilitering", "Kurator"]),
                seat(Muni, 5, &["Enhetschef LSS"]),
            ],
            secretary: (Nk, "Utvecklingsledare"),
            place: NK_PLACE,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-tandvard",
            name: "Arbetsgruppen för uppsökande och nödvändig tandvård",
            short: None,
            level: L::WorkingGroup,
            def: "Arbetsgruppen",
            subject: "munhälsobedömningar och nödvändig tandvård",
            areas: &[TAND, ALDRE],
            formed: (2019, 3),
            until: Some(2023),
            per_year: 2.0,
            style: Style::Officials,
            seats: &[
                seat(Region, 2, &["Tandvårdsstrateg", "Övertandläkare"]),
                seat(Muni, 3, &["Medicinskt ansvarig sjuksköterska"]),
            ],
            secretary: (Region, "Tandvårdsstrateg"),
            place: TEAMS,
            established_by: Some("gen-a-tandvard-2019"),
        },
        BodyDef {
            id: "gen-b-kompetens",
            name: "Kompetensrådet för vård och omsorg",
            short: None,
            level: L::Council,
            def: "Kompetensrådet",
            subject: "kompetensförsörjningen inom vård och omsorg",
            areas: &[KOMP],
            formed: (2018, 1),
            until: None,
            per_year: 2.0,
            style: Style::Officials,
            seats: &[
                seat(Region, 2, &["HR-strateg", "Utbildningssamordnare"]),
                seat(Muni, 4, &["Personalstrateg"]),
                seat(Nk, 1, &["FoU-ledare"]),
                seat(Org("gen-org-ltu"), 1, &["Universitetslektor i omvårdnad"]),
            ],
            secretary: (Nk, "FoU-ledare"),
            place: "Luleå tekniska universitet, Luleå",
            established_by: None,
        },
        BodyDef {
            id: "gen-b-pandemi",
            name: "Regional samverkansgrupp för covid-19",
            short: None,
            level: L::Officials,
            def: "Samverkansgruppen",
            subject: "huvudmännens gemensamma hantering av covid-19",
            areas: &[COVID, ALDRE],
            formed: (2020, 3),
            until: Some(2022),
            per_year: 7.0,
            style: Style::Officials,
            seats: &[
                seat(
                    Region,
                    3,
                    &[
                        "Smittskyddsläkare",
                        "Hälso- och sjukvårdsdirektör",
                        "Beredskapssamordnare",
                    ],
                ),
                seat(Muni, 4, &["Socialchef"]),
                seat(Nk, 1, &["Avdelningschef social välfärd"]),
                seat(Org("gen-org-lansstyrelsen"), 1, &["Beredskapsdirektör"]),
            ],
            secretary: (Region, "Beredskapssamordnare"),
            place: TEAMS,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-ungdomsmottagning",
            name: "Nätverket för ungdomsmottagningar",
            short: None,
            level: L::WorkingGroup,
            def: "Nätverket",
            subject: "ungdomsmottagningarnas uppdrag i länet",
            areas: &[PSYK, FOLK, BARN],
            formed: (2021, 2),
            until: None,
            per_year: 2.0,
            style: Style::Officials,
            seats: &[
                seat(Region, 2, &["Enhetschef ungdomsmottagningen", "Barnmorska"]),
                seat(Muni, 3, &["Kurator"]),
            ],
            secretary: (Region, "Enhetschef ungdomsmottagningen"),
            place: TEAMS,
            established_by: None,
        },
        BodyDef {
            id: "gen-b-samordningsforbund",
            name: "Samordningsförbunden i Norrbotten",
            short: None,
            level: L::External,
            def: "Samordningsförbunden",
            subject: "finansiell samordning av rehabiliteringsinsatser",
            areas: &[],
            formed: (2008, 1),
            until: None,
            per_year: 0.0,
            style: Style::None,
            seats: &[],
            secretary: (Org("gen-org-samordningsforbund"), "Förbundschef"),
            place: "",
            established_by: None,
        },
    ];
    DEFS
}

/// Relations between bodies: from, to, kind, the sentence stating it.
const RELATIONS: &[(&str, &str, RelationKind, &str)] = &[
    ("nb-lansstyrgruppen", "nb-psb", RelationKind::PreparesCasesFor, "Länsstyrgruppen bereder ärenden till politiska samverkansberedningen."),
    ("gen-b-psb-au", "nb-psb", RelationKind::WorkingCommitteeOf, "Arbetsutskottet består av beredningens ordförande och vice ordförande samt en ledamot från vardera parten."),
    ("gen-b-psb-au", "nb-psb", RelationKind::PreparesCasesFor, "Arbetsutskottet bereder ärenden och dagordning inför beredningens sammanträden."),
    ("gen-b-lsg-au", "nb-lansstyrgruppen", RelationKind::WorkingCommitteeOf, "Länsstyrgruppens arbetsutskott utses inom länsstyrgruppen."),
    ("gen-b-lsg-au", "nb-lansstyrgruppen", RelationKind::PreparesCasesFor, "Arbetsutskottet bereder ärenden till länsstyrgruppen."),
    ("gen-b-samverkansledare", "nb-lansstyrgruppen", RelationKind::Supports, "Samverkansledarna stödjer länsstyrgruppen i beredning och uppföljning."),
    ("gen-b-samverkansledare", "nb-psb", RelationKind::Supports, "Samverkansledarna stödjer politiska samverkansberedningen med underlag."),
    ("nb-lansstyrgruppen", "gen-b-ledningsseminarium", RelationKind::Organises, "Länsstyrgruppen planerar och arrangerar ledningsseminariet en gång per år."),
    ("nb-psb", "gen-b-ledningsseminarium", RelationKind::SetsMandateOf, "Politiska samverkansberedningen fastställer programmet för ledningsseminariet."),
    ("gen-b-barn-unga", "nb-lansstyrgruppen", RelationKind::SubBodyOf, "Nätverket är knutet till länsstyrgruppen."),
    ("nb-lansstyrgruppen", "gen-b-barn-unga", RelationKind::SetsMandateOf, "Länsstyrgruppen fastställer nätverkets uppdrag."),
    ("gen-b-psykisk-halsa", "nb-lansstyrgruppen", RelationKind::SubBodyOf, "Länsgruppen för psykisk hälsa är knuten till länsstyrgruppen."),
    ("nb-lansstyrgruppen", "gen-b-psykisk-halsa", RelationKind::SetsMandateOf, "Länsstyrgruppen fastställer länsgruppens uppdrag och handlingsplan."),
    ("gen-b-psykisk-halsa", "nb-lansstyrgruppen", RelationKind::ChairSitsIn, "Länsgruppens ordförande adjungeras till länsstyrgruppen när handlingsplanen behandlas."),
    ("gen-b-missbruk", "gen-b-psykisk-halsa", RelationKind::CoordinatesWith, "Samverkansgruppen samordnar sitt arbete med länsgruppen för psykisk hälsa."),
    ("gen-b-missbruk", "nb-lansstyrgruppen", RelationKind::SubBodyOf, "Samverkansgruppen är knuten till länsstyrgruppen."),
    ("gen-b-nara-vard", "gen-b-nara-vard-ag", RelationKind::SteeringGroupFor, "Styrgruppen är styrgrupp för arbetsgruppen i länsdelarna."),
    ("gen-b-nara-vard", "nb-lansstyrgruppen", RelationKind::CoordinatesWith, "Styrgruppen samordnar omställningen med länsstyrgruppen."),
    ("gen-b-nara-vard", "nb-psb", RelationKind::PreparesCasesFor, "Styrgruppen bereder ärenden om målbild och färdplan till politiska samverkansberedningen."),
    ("gen-b-hjalpmedel", "nb-lansstyrgruppen", RelationKind::AdjunctTo, "Hjälpmedelsrådets ordförande adjungeras vid behov till länsstyrgruppen."),
    ("gen-b-hjalpmedel", "nb-lansstyrgruppen", RelationKind::MayReferTo, "Hjälpmedelsrådet kan bereda frågor om sortiment och avgifter vidare till länsstyrgruppen."),
    ("gen-b-ehalsa", "nb-lansstyrgruppen", RelationKind::SubBodyOf, "Nätverket är knutet till länsstyrgruppen."),
    ("gen-b-ehalsa", "gen-b-utskrivning", RelationKind::CoordinatesWith, "Nätverket samordnar IT-stödet för samordnad planering med arbetsgruppen för utskrivning."),
    ("gen-b-utskrivning", "nb-lansstyrgruppen", RelationKind::SubBodyOf, "Arbetsgruppen är knuten till länsstyrgruppen."),
    ("gen-b-sip", "gen-b-utskrivning", RelationKind::CoordinatesWith, "SIP-gruppen samordnar sitt arbete med arbetsgruppen för utskrivning."),
    ("gen-b-sip", "nb-lansstyrgruppen", RelationKind::SubBodyOf, "SIP-gruppen är knuten till länsstyrgruppen."),
    ("gen-b-elevhalsa", "gen-b-barn-unga", RelationKind::SubBodyOf, "Nätverket är knutet till länsnätverket för barn och unga."),
    ("gen-b-aldre", "nb-lansstyrgruppen", RelationKind::SubBodyOf, "Rådet är knutet till länsstyrgruppen."),
    ("gen-b-aldre", "gen-b-nara-vard", RelationKind::CoordinatesWith, "Rådet samordnar sitt arbete med styrgruppen för god och nära vård."),
    ("gen-b-demens", "gen-b-aldre", RelationKind::SubBodyOf, "Demensnätverket är knutet till rådet för vård och omsorg om äldre."),
    ("gen-b-lakemedel", "gen-b-mas", RelationKind::CoordinatesWith, "Läkemedelsgruppen samordnar sitt arbete med MAS-nätverket."),
    ("gen-b-lakemedel", "gen-b-aldre", RelationKind::SubBodyOf, "Läkemedelsgruppen är knuten till rådet för vård och omsorg om äldre."),
    ("gen-b-mas", "nb-lansstyrgruppen", RelationKind::MayReferTo, "MAS-nätverket kan bereda patientsäkerhetsfrågor vidare till länsstyrgruppen."),
    ("gen-b-folkhalsa", "nb-psb", RelationKind::CoordinatesWith, "Folkhälsorådet samordnar sitt arbete med politiska samverkansberedningen."),
    ("gen-b-vald", "gen-b-folkhalsa", RelationKind::CoordinatesWith, "Nätverket samordnar det våldsförebyggande arbetet med folkhälsorådet."),
    ("gen-b-suicid", "gen-b-psykisk-halsa", RelationKind::SubBodyOf, "Arbetsgruppen är knuten till länsgruppen för psykisk hälsa."),
    ("gen-b-suicid", "gen-b-folkhalsa", RelationKind::CoordinatesWith, "Arbetsgruppen samordnar sitt arbete med folkhälsorådet."),
    ("gen-b-lss", "nb-lansstyrgruppen", RelationKind::SubBodyOf, "Nätverket är knutet till länsstyrgruppen."),
    ("gen-b-tandvard", "gen-b-aldre", RelationKind::SubBodyOf, "Arbetsgruppen är knuten till rådet för vård och omsorg om äldre."),
    ("gen-b-kompetens", "nb-lansstyrgruppen", RelationKind::SubBodyOf, "Kompetensrådet är knutet till länsstyrgruppen."),
    ("gen-b-pandemi", "nb-lansstyrgruppen", RelationKind::CoordinatesWith, "Samverkansgruppen rapporterar lägesbilden till länsstyrgruppen."),
    ("gen-b-pandemi", "nb-psb", RelationKind::PreparesCasesFor, "Samverkansgruppen bereder frågor om pandemins följder till politiska samverkansberedningen."),
    ("gen-b-ungdomsmottagning", "gen-b-psykisk-halsa", RelationKind::SubBodyOf, "Nätverket är knutet till länsgruppen för psykisk hälsa."),
    ("gen-b-samordningsforbund", "nb-lansstyrgruppen", RelationKind::CoordinatesWith, "Samordningsförbunden samordnar insatser för rehabilitering med länsstyrgruppen."),
    ("nb-socialberedningen", "nb-psb", RelationKind::ChairSitsIn, "Socialberedningens ordförande ingår i politiska samverkansberedningen."),
    ("nb-bu-beredningen", "nb-psb", RelationKind::ChairSitsIn, "Barn- och utbildningsberedningens ordförande ingår i politiska samverkansberedningen."),
];

// ---------------------------------------------------------------------------
// The generator: people, posts and seats
// ---------------------------------------------------------------------------

/// The generated archive: the common base and the two concurrent variants.
pub struct Archive {
    pub base: Dataset,
    pub region: Dataset,
    pub municipality: Dataset,
    pub region_edits: EditStats,
    pub muni_edits: EditStats,
}

/// What one copy changed after the base.
#[derive(Clone, Debug, Default)]
pub struct EditStats {
    /// Changed fields, counted per record (the tombstone flag included).
    pub fields: usize,
    /// Existing records changed.
    pub records: usize,
    pub added: usize,
    pub deleted: usize,
    /// Fields that the other copy changed too.
    pub shared_fields: usize,
}

/// Generates the archive for `config`; the same config gives the same data.
pub fn generate(config: &Config) -> Archive {
    let mut g = Gen::new(config);
    g.start_from_built_in();
    g.add_organisations();
    g.add_bodies();
    g.add_relations();
    g.add_political_terms();
    g.add_official_seats();
    g.add_agreements();
    let schedule = g.schedule();
    g.add_meetings(&schedule);
    g.mark_handled_follow_ups();
    g.plan_next_meetings();
    let duplicates = g.add_duplicate_people();
    let base = g.data;
    let mut rng = Rng::new(config.seed.wrapping_add(0x00c0_ffee));
    let (region, municipality, region_edits, muni_edits) =
        concurrent_variants(&base, &duplicates, &mut rng);
    Archive {
        base,
        region,
        municipality,
        region_edits,
        muni_edits,
    }
}

/// The day the archive's own records start: everything before is registered
/// as of this day.
fn archive_start() -> NaiveDate {
    d(2016, 1, 11)
}

/// The day the region started to keep the archive in the app. Records and
/// changes before it are transcribed history: like the built-in records they
/// carry no version (only sources), so the archive reads as the built-in data
/// does. From this day every creation is a `touch` and every change a
/// `touch_changed` by the region's copy.
fn app_start() -> NaiveDate {
    d(2024, 1, 1)
}

/// Marks a new record as made by `stamp`, if it was made in the app.
fn born(meta: &mut RecordMeta, stamp: Option<ChangeStamp>) {
    if let Some(stamp) = stamp {
        meta.touch(stamp);
    }
}

/// Changes a record, recording the change when it was made in the app.
fn change<R: Record + Serialize>(
    record: &mut R,
    stamp: Option<ChangeStamp>,
    f: impl FnOnce(&mut R),
) {
    match stamp {
        Some(stamp) => {
            edit(record, stamp, f);
        }
        None => f(record),
    }
}

/// The last day of the base: the region exported it the day after.
fn base_end() -> NaiveDate {
    d(2026, 1, 15)
}

/// Someone who held a post for a while; the person record is made when the
/// holder first gets a seat.
#[derive(Clone)]
struct Holder {
    person: Option<PersonId>,
    from: NaiveDate,
    to: Option<NaiveDate>,
}

/// Built-in people who hold posts in the generated structure.
/// A post held by a built-in person: organisation, title, slot, person,
/// from, to.
type SeededPost = (
    &'static str,
    &'static str,
    u32,
    &'static str,
    Ymd,
    Option<Ymd>,
);

const SEEDED_POSTS: &[SeededPost] = &[
    (
        "nb-kommuner",
        "Avdelningschef social välfärd",
        0,
        "p-eva-lakso",
        (2018, 9, 1),
        Some((2024, 8, 31)),
    ),
    (
        "nb-kommuner",
        "Avdelningschef utbildning och arbetsmarknad",
        0,
        "p-annica-henriksson",
        (2017, 3, 1),
        Some((2023, 12, 31)),
    ),
    (
        "region-nb",
        "Verksamhetsdirektör",
        0,
        "p-anneli-granberg",
        (2020, 1, 1),
        None,
    ),
    (
        "region-nb",
        "Folkhälsostrateg",
        0,
        "p-joanna-hansson",
        (2016, 5, 1),
        None,
    ),
    (
        "region-nb",
        "Verksamhetschef",
        0,
        "p-anders-blomqvist",
        (2015, 2, 1),
        Some((2023, 6, 30)),
    ),
    (
        "region-nb",
        "Verksamhetsutvecklare",
        0,
        "p-birgitta-salomonsson",
        (2019, 4, 1),
        None,
    ),
    (
        "nb-kommuner",
        "Utvecklingsledare",
        0,
        "p-asa-heikkila",
        (2019, 1, 1),
        Some((2024, 6, 30)),
    ),
    (
        "nb-kommuner",
        "Utvecklingsledare",
        1,
        "p-helena-asklund",
        (2018, 3, 1),
        None,
    ),
    (
        "region-nb",
        "Sjuksköterska",
        0,
        "p-karin-nordberg",
        (2018, 8, 1),
        None,
    ),
    (
        "region-nb",
        "Sekreterare",
        0,
        "p-kristina-larsson",
        (2019, 1, 1),
        Some((2024, 3, 31)),
    ),
];

/// The post of PSB's secretary on the municipalities' side.
const NK_SECRETARY: (&str, &str, u32) = ("nb-kommuner", "Utvecklingsledare", 9);
const REGION_SECRETARY: (&str, &str, u32) = ("region-nb", "Sekreterare", 0);

#[derive(Clone)]
struct Politician {
    person: PersonId,
    representing: &'static str,
    municipality: Option<&'static str>,
}

/// One term of office (mandatperiod) of the political bodies.
struct Term {
    from: NaiveDate,
    ordinary: Vec<Politician>,
    substitutes: HashMap<PersonId, Politician>,
    region_chair: PersonId,
    muni_chair: PersonId,
    au: Vec<Politician>,
    rs_chair: PersonId,
    nk_chair: PersonId,
}

/// A matter followed over several meetings of one body: information,
/// perhaps a proposal for consultation, a decision, a follow-up.
struct Thread {
    id: u64,
    area: usize,
    title: String,
    remiss: bool,
    step: u8,
    /// The § with the decision and its follow-up, once decided.
    decided: Option<(usize, usize, NaiveDate)>,
}

/// What the generator knows about a body while it writes minutes.
struct BodyRt {
    id: BodyId,
    members: Vec<usize>,
    threads: Vec<Thread>,
    last_meeting: Option<NaiveDate>,
}

struct Gen {
    rng: Rng,
    scale: f64,
    data: Dataset,
    names: HashSet<String>,
    ids: HashSet<String>,
    person_ix: HashMap<PersonId, usize>,
    posts: HashMap<(String, String, u32), Vec<Holder>>,
    defs: &'static [BodyDef],
    rt: Vec<BodyRt>,
    terms: Vec<Term>,
    membership_no: usize,
    thread_no: u64,
    /// (§ index, follow-up index, the § that dealt with it, when).
    handled: Vec<(usize, usize, ParagraphId, NaiveDate)>,
    /// Agreements PSB adopts: (date, agreement index).
    adoptions: Vec<(NaiveDate, usize)>,
    docs: HashMap<(usize, i32), DocumentId>,
    psb_rotation: Option<Rotation>,
}

fn body_defs() -> &'static [BodyDef] {
    body_def_list()
}

impl Gen {
    fn new(config: &Config) -> Gen {
        Gen {
            rng: Rng::new(config.seed),
            scale: config.scale,
            data: Dataset::default(),
            names: HashSet::new(),
            ids: HashSet::new(),
            person_ix: HashMap::new(),
            posts: HashMap::new(),
            defs: body_defs(),
            rt: Vec::new(),
            terms: Vec::new(),
            membership_no: 0,
            thread_no: 0,
            handled: Vec::new(),
            adoptions: Vec::new(),
            docs: HashMap::new(),
            psb_rotation: None,
        }
    }

    fn stamp_at(&mut self, date: NaiveDate) -> ChangeStamp {
        let date = date.clamp(archive_start(), base_end());
        let second = self.rng.below(8 * 3600) as u32;
        stamp(REGION_COPY, REGION_ORG, Some(registrar(date)), date, second)
    }

    /// The stamp of something the region's copy did on `date`; `None`
    /// before the archive was kept in the app.
    fn app_stamp(&mut self, date: NaiveDate) -> Option<ChangeStamp> {
        (date >= app_start()).then(|| self.stamp_at(date))
    }

    fn fresh_id(&mut self, base: &str) -> String {
        if self.ids.insert(base.to_owned()) {
            return base.to_owned();
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| self.ids.insert(id.clone()))
            .expect("some suffix is free")
    }

    fn fresh_name(&mut self) -> String {
        loop {
            let first = if self.rng.chance(0.55) {
                *self.rng.pick(FEMALE)
            } else {
                *self.rng.pick(MALE)
            };
            let last = *self.rng.pick(SURNAMES);
            let name = if self.rng.chance(0.06) {
                format!("{first} {} {last}", self.rng.pick(SURNAMES))
            } else {
                format!("{first} {last}")
            };
            if self.names.insert(name.clone()) {
                return name;
            }
        }
    }

    fn person(&self, id: &PersonId) -> &Person {
        &self.data.people[self.person_ix[id]]
    }

    fn name(&self, id: &PersonId) -> String {
        self.person(id).name.clone()
    }

    fn new_person(
        &mut self,
        org: &str,
        municipality: Option<&str>,
        title: Option<&str>,
        party: Option<&str>,
        since: NaiveDate,
    ) -> PersonId {
        let name = self.fresh_name();
        let id = PersonId::new(self.fresh_id(&format!("gen-p-{}", samverkan::format::slug(&name))));
        let mut person = Person {
            id: id.clone(),
            meta: RecordMeta::default(),
            name,
            name_variants: vec![],
            party: party.map(Into::into),
            title: title.map(Into::into),
            organisation: Some(OrganisationId::new(org)),
            municipality: municipality.map(OrganisationId::new),
        };
        let stamp = self.app_stamp(since);
        born(&mut person.meta, stamp);
        self.person_ix.insert(id.clone(), self.data.people.len());
        self.data.people.push(person);
        id
    }

    fn politician(&mut self, region: bool, since: NaiveDate) -> Politician {
        if region {
            let party = self.rng.weighted(REGION_PARTIES);
            let person = self.new_person("region-nb", None, None, Some(party), since);
            Politician {
                person,
                representing: "region-nb",
                municipality: None,
            }
        } else {
            let (muni, _) = *self.rng.pick(MUNICIPALITIES);
            self.muni_politician(muni, since)
        }
    }

    fn muni_politician(&mut self, muni: &'static str, since: NaiveDate) -> Politician {
        let party = self.rng.weighted(MUNI_PARTIES);
        let person = self.new_person("nb-kommuner", Some(muni), None, Some(party), since);
        Politician {
            person,
            representing: "nb-kommuner",
            municipality: Some(muni),
        }
    }

    fn bix(&self, id: &str) -> Option<usize> {
        self.rt.iter().position(|b| b.id.as_str() == id)
    }

    // -- the built-in data -------------------------------------------------

    /// The built-in records of the county, ids kept, so that everything the
    /// archive adds refers to them.
    fn start_from_built_in(&mut self) {
        let all = samverkan::seed::built_in().expect("the built-in data set reads");
        let county = CountyId::new(COUNTY);
        let mut data = Dataset {
            schema_version: all.schema_version,
            ..Dataset::default()
        };
        data.documents = all
            .documents
            .into_iter()
            .filter(|d| d.county == county)
            .collect();
        data.counties = all
            .counties
            .into_iter()
            .filter(|c| c.id == county)
            .collect();
        data.organisations = all
            .organisations
            .into_iter()
            .filter(|o| o.county == county)
            .collect();
        let orgs: HashSet<OrganisationId> =
            data.organisations.iter().map(|o| o.id.clone()).collect();
        data.people = all
            .people
            .into_iter()
            .filter(|p| p.organisation.as_ref().is_none_or(|o| orgs.contains(o)))
            .collect();
        data.bodies = all
            .bodies
            .into_iter()
            .filter(|b| b.county == county)
            .collect();
        let bodies: HashSet<BodyId> = data.bodies.iter().map(|b| b.id.clone()).collect();
        data.relations = all
            .relations
            .into_iter()
            .filter(|r| bodies.contains(&r.from))
            .collect();
        data.memberships = all
            .memberships
            .into_iter()
            .filter(|m| bodies.contains(&m.body))
            .collect();
        data.agreements = all
            .agreements
            .into_iter()
            .filter(|a| a.county == county)
            .collect();
        data.meetings = all
            .meetings
            .into_iter()
            .filter(|m| bodies.contains(&m.body))
            .collect();
        let meetings: HashSet<MeetingId> = data.meetings.iter().map(|m| m.id.clone()).collect();
        data.paragraphs = all
            .paragraphs
            .into_iter()
            .filter(|p| meetings.contains(&p.meeting))
            .collect();

        for p in &data.people {
            self.names.insert(p.name.clone());
        }
        for (i, p) in data.people.iter().enumerate() {
            self.person_ix.insert(p.id.clone(), i);
        }
        let ids = data
            .documents
            .iter()
            .map(|r| r.id.0.clone())
            .chain(data.people.iter().map(|r| r.id.0.clone()))
            .chain(data.bodies.iter().map(|r| r.id.0.clone()))
            .chain(data.relations.iter().map(|r| r.id.0.clone()))
            .chain(data.memberships.iter().map(|r| r.id.0.clone()))
            .chain(data.agreements.iter().map(|r| r.id.0.clone()))
            .chain(data.meetings.iter().map(|r| r.id.0.clone()))
            .chain(data.paragraphs.iter().map(|r| r.id.0.clone()));
        self.ids.extend(ids);
        self.psb_rotation = data
            .bodies
            .iter()
            .find(|b| b.id.as_str() == "nb-psb")
            .and_then(|b| b.offices.iter().find_map(|o| o.rotation.clone()));
        self.data = data;
    }

    fn add_organisations(&mut self) {
        let orgs = [
            ("gen-org-lansstyrelsen", "Länsstyrelsen i Norrbottens län", OrganisationKind::Other, "Statlig myndighet; deltar i folkhälso- och våldsförebyggande arbete och i krisberedskap."),
            ("gen-org-ltu", "Luleå tekniska universitet", OrganisationKind::Other, "Deltar i kompetensförsörjning och forskning om vård och omsorg."),
            ("gen-org-samordningsforbund", "Samordningsförbunden i Norrbotten", OrganisationKind::Association, "Förbunden för finansiell samordning av rehabilitering i länets kommuner."),
        ];
        for (id, name, kind, note) in orgs {
            let mut org = Organisation {
                id: OrganisationId::new(id),
                meta: RecordMeta::default(),
                name: name.into(),
                kind,
                county: CountyId::new(COUNTY),
                former_names: vec![],
                note: Some(note.into()),
            };
            let stamp = self.app_stamp(archive_start());
            born(&mut org.meta, stamp);
            self.ids.insert(id.into());
            self.data.organisations.push(org);
        }
    }

    // -- bodies and relations -----------------------------------------------

    fn add_bodies(&mut self) {
        let defs = self.defs;
        for def in defs {
            let id = BodyId::new(def.id);
            self.rt.push(BodyRt {
                id: id.clone(),
                members: vec![],
                threads: vec![],
                last_meeting: None,
            });
            if self.data.bodies.iter().any(|b| b.id == id) {
                continue;
            }
            let body = self.body_record(def);
            self.ids.insert(def.id.into());
            self.data.bodies.push(body);
        }
        // Reviews of the mandate, recorded with the app's own edit.
        for i in 0..self.data.bodies.len() {
            let body = &self.data.bodies[i];
            if body.reviews.is_empty() || !body.id.as_str().starts_with("gen-") {
                continue;
            }
            let id = body.id.clone();
            let formed = self
                .defs
                .iter()
                .find(|d| d.id == id.as_str())
                .map_or(2016, |d| d.formed.0);
            let mut year = formed.max(2016) + 2;
            while year <= 2025 {
                if self.rng.chance(0.7) {
                    let date = meeting_day(d(year, self.rng.range(2, 11) as u32, 12));
                    match self.app_stamp(date + days(3)) {
                        Some(stamp) => {
                            self.data
                                .record_review(&id, 0, date, stamp)
                                .expect("the body has a review rule");
                        }
                        None => self.data.bodies[i].reviews[0].last = Fact::Stated(date),
                    }
                }
                year += 2;
            }
        }
    }

    fn body_record(&mut self, def: &'static BodyDef) -> Body {
        let rng = &mut self.rng;
        let intro = fill(
            rng.pick(&[
                "{name} är ett länsgemensamt forum för {subject} mellan länets fjorton kommuner och Region Norrbotten.",
                "{name} samlar kommunerna och Region Norrbotten kring {subject}.",
                "I {name_lc} möts företrädare för kommunerna och Region Norrbotten för att samordna arbetet med {subject}.",
            ]),
            &[("name", def.name), ("name_lc", &lcfirst(def.name)), ("subject", def.subject)],
        );
        let second = fill(
            rng.pick(&[
                "Gruppen bildades {formed} på uppdrag av länsstyrgruppen och arbetar utifrån de prioriterade områdena i överenskommelsen om politisk samverkan.",
                "Arbetet bedrivs i nära samverkan med de länsgemensamma nätverken och följs upp årligen av länsstyrgruppen.",
                "Gruppen ska bidra till att den enskilde får en sammanhållen vård och omsorg oavsett huvudman.",
            ]),
            &[("formed", &format!("{} {}", formed_season(def.formed.1), def.formed.0))],
        );
        let mandate_pool = [
            format!("Samordna det länsgemensamma arbetet med {}.", def.subject),
            "Bereda ärenden till länsstyrgruppen.".to_owned(),
            "Följa upp och analysera resultat inom området och årligen rapportera till länsstyrgruppen.".to_owned(),
            "Vara ett forum för erfarenhetsutbyte mellan länets kommuner och Region Norrbotten.".to_owned(),
            "Ta fram och revidera gemensamma riktlinjer och rutiner.".to_owned(),
            "Bevaka omvärlden och nationella initiativ inom området.".to_owned(),
            "Ta initiativ till gemensamma utbildningsinsatser.".to_owned(),
            "Identifiera behov av gemensamma utvecklingsarbeten och lämna förslag till prioriteringar.".to_owned(),
        ];
        let n = rng.range(4, 6) as usize;
        let mut mandate = vec![mandate_pool[0].clone()];
        mandate.extend(rng.pick_n(&mandate_pool[1..], n - 1));

        let composition = def
            .seats
            .iter()
            .map(|s| {
                let (appointed_by, who_text) = match s.who {
                    Who::Muni => (SeatAppointer::Municipalities, "Kommunerna utser"),
                    Who::Region => (
                        SeatAppointer::Organisation {
                            organisation: OrganisationId::new("region-nb"),
                        },
                        "Region Norrbotten utser",
                    ),
                    Who::Nk => (
                        SeatAppointer::Organisation {
                            organisation: OrganisationId::new("nb-kommuner"),
                        },
                        "Norrbottens Kommuner utser",
                    ),
                    Who::Org(org) => (
                        SeatAppointer::Organisation {
                            organisation: OrganisationId::new(org),
                        },
                        if org == "gen-org-ltu" {
                            "Luleå tekniska universitet utser"
                        } else {
                            "Länsstyrelsen utser"
                        },
                    ),
                };
                let holders = s.titles.iter().map(|t| lcfirst(t)).collect::<Vec<_>>();
                let holders = join_and(&holders);
                CompositionRule {
                    appointed_by,
                    seats: Some(s.n),
                    substitutes: None,
                    drawn_from: None,
                    holders: Some(holders.clone()),
                    only_for: vec![],
                    optional: false,
                    text: format!(
                        "{who_text} {} ledamöter ({holders}).",
                        samverkan::format::count_word(s.n)
                    ),
                }
            })
            .collect();
        let secretary_text = match def.secretary.0 {
            Who::Region => "Region Norrbotten",
            Who::Nk => "Norrbottens Kommuner",
            Who::Muni => "kommunerna",
            Who::Org(_) => "Länsstyrelsen",
        };
        let mut offices = vec![];
        if def.style == Style::Officials {
            offices.push(OfficeRule {
                offices: vec![Office::Chair, Office::ViceChair],
                chosen_within: true,
                held_by: None,
                rotation: None,
                text:
                    "Ordförande och vice ordförande utses inom gruppen för ett kalenderår i taget."
                        .into(),
            });
        }
        if def.style != Style::None {
            offices.push(OfficeRule {
                offices: vec![Office::Secretary],
                chosen_within: false,
                held_by: None,
                rotation: None,
                text: format!("{secretary_text} svarar för sekreterarfunktionen."),
            });
        }
        let mut meeting_rules = vec![];
        match def.style {
            Style::Officials | Style::Political if def.per_year >= 1.0 => {
                let n = def.per_year.floor() as u32;
                meeting_rules.push(MeetingRule {
                    kind: MeetingRuleKind::MinimumPerYear,
                    per_year: Some(n),
                    with: None,
                    text: format!(
                        "{} sammanträder minst {} gånger per år.",
                        def.def,
                        samverkan::format::count_word(n)
                    ),
                });
                if def.style == Style::Political {
                    meeting_rules.push(MeetingRule {
                        kind: MeetingRuleKind::MinutesRequired,
                        per_year: None,
                        with: None,
                        text: "Sammanträdena ska protokollföras.".into(),
                    });
                }
            }
            Style::Seminar => meeting_rules.push(MeetingRule {
                kind: MeetingRuleKind::Annual,
                per_year: Some(1),
                with: None,
                text: "Ledningsseminariet genomförs en gång per år med ett tema som politiska samverkansberedningen fastställer.".into(),
            }),
            _ => meeting_rules.push(MeetingRule {
                kind: MeetingRuleKind::OnDemand,
                per_year: None,
                with: None,
                text: "Sammanträffar vid behov.".into(),
            }),
        }
        let reviews = if def.style == Style::Officials && def.level != BodyLevel::Preparatory {
            vec![ReviewRule {
                what: "uppdrag och sammansättning".into(),
                every_years: 2,
                last: Fact::Unknown {
                    reason: "Ingen översyn är registrerad ännu.".into(),
                },
                text: "Uppdraget och sammansättningen ses över vid behov och minst vartannat år."
                    .into(),
            }]
        } else {
            vec![]
        };
        let working_order = if def.style == Style::Officials {
            vec![Block::Paragraph(
                rng.pick(&[
                    "Kallelse och handlingar skickas ut senast en vecka före mötet. Minnesanteckningar förs av sekreteraren och skickas till deltagarna inom två veckor.",
                    "Gruppen arbetar efter en årlig verksamhetsplan som fastställs av länsstyrgruppen. Minnesanteckningarna publiceras på samverkansplatsen.",
                    "Mötena hålls växelvis fysiskt och digitalt. Ärenden som kräver beslut av huvudmännen bereds vidare till länsstyrgruppen.",
                ])
                .to_string(),
            )]
        } else {
            vec![]
        };
        let mut body = Body {
            id: BodyId::new(def.id),
            meta: RecordMeta::default(),
            county: CountyId::new(COUNTY),
            name: def.name.into(),
            short_name: def.short.map(Into::into),
            other_names: vec![],
            level: def.level,
            owner: (def.level == BodyLevel::External)
                .then(|| OrganisationId::new("gen-org-samordningsforbund")),
            description: vec![Block::Paragraph(intro), Block::Paragraph(second)],
            mandate,
            composition,
            substitutes: None,
            offices,
            meeting_rules,
            reviews,
            working_order,
            established_by: def.established_by.map(AgreementId::new),
            formed: Some(format!("{} {}", formed_season(def.formed.1), def.formed.0)),
        };
        let stamp = self.app_stamp(d(def.formed.0, def.formed.1, 1));
        born(&mut body.meta, stamp);
        body
    }

    fn add_relations(&mut self) {
        for (from, to, kind, note) in RELATIONS {
            let kind_slug = samverkan::format::slug(&format!("{kind:?}"));
            let short = |id: &str| {
                id.trim_start_matches("gen-b-")
                    .trim_start_matches("nb-")
                    .to_owned()
            };
            let id = self.fresh_id(&format!(
                "gen-rel-{}-{kind_slug}-{}",
                short(from),
                short(to)
            ));
            let formed = [from, to]
                .iter()
                .filter_map(|b| self.defs.iter().find(|d| d.id == **b))
                .map(|d| d.formed.0)
                .max()
                .unwrap_or(2016);
            let mut relation = Relation {
                id: RelationId::new(id),
                meta: RecordMeta::default(),
                from: BodyId::new(*from),
                to: BodyId::new(*to),
                kind: *kind,
                note: Some((*note).into()),
            };
            let stamp = self.app_stamp(d(formed, 3, 1));
            born(&mut relation.meta, stamp);
            self.data.relations.push(relation);
        }
    }

    // -- memberships ------------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    fn add_membership(
        &mut self,
        person: &PersonId,
        body: &str,
        role: MembershipRole,
        representing: Option<&str>,
        from: NaiveDate,
        to: Option<NaiveDate>,
        note: Option<String>,
    ) {
        self.membership_no += 1;
        let short = body.trim_start_matches("gen-b-").trim_start_matches("nb-");
        let id = format!("gen-m-{short}-{:04}", self.membership_no);
        self.ids.insert(id.clone());
        let mut m = Membership {
            id: MembershipId::new(id),
            meta: RecordMeta::default(),
            person: person.clone(),
            body: BodyId::new(body),
            role,
            representing: representing.map(OrganisationId::new),
            from: Some(from),
            to: None,
            note,
        };
        let lead = days(self.rng.range(5, 40));
        let stamp = self.app_stamp(from - lead);
        born(&mut m.meta, stamp);
        // The end of a seat is recorded when it ends, as a later edit.
        if let Some(to) = to {
            if to <= base_end() {
                let lag = days(self.rng.range(1, 30));
                let stamp = self.app_stamp(to + lag);
                change(&mut m, stamp, |m| m.to = Some(to));
            } else {
                m.to = Some(to);
            }
        }
        if let Some(b) = self.bix(body) {
            self.rt[b].members.push(self.data.memberships.len());
        }
        self.data.memberships.push(m);
    }

    fn has_builtin_membership(&self, person: &PersonId, body: &str) -> bool {
        self.data.memberships.iter().any(|m| {
            &m.person == person && m.body.as_str() == body && !m.id.as_str().starts_with("gen-")
        })
    }

    /// The holders of a post over time, generated on first use.
    fn post(&mut self, org: &str, title: &str, slot: u32) -> Vec<Holder> {
        let key = (org.to_owned(), title.to_owned(), slot);
        if let Some(h) = self.posts.get(&key) {
            return h.clone();
        }
        let seeded = SEEDED_POSTS
            .iter()
            .find(|(o, t, s, ..)| *o == org && *t == title && *s == slot);
        let holders = match seeded {
            Some((_, _, _, person, from, to)) => {
                let from = d(from.0, from.1, from.2);
                let to = to.map(|(y, m, dd)| d(y, m, dd));
                let first = d(2009, 1, 1) + days(self.rng.range(0, 700));
                let mut h = self.span(first, Some(from - days(1)));
                h.push(Holder {
                    person: Some(PersonId::new(*person)),
                    from,
                    to,
                });
                if let Some(to) = to {
                    let next = to + days(self.rng.range(1, 45));
                    h.extend(self.span(next, None));
                }
                h
            }
            None => {
                let first = d(2008, 1, 1) + days(self.rng.range(0, 2600));
                self.span(first, None)
            }
        };
        self.posts.insert(key, holders.clone());
        holders
    }

    /// Holders from `from` until `until` (open when `None`).
    fn span(&mut self, mut from: NaiveDate, until: Option<NaiveDate>) -> Vec<Holder> {
        let horizon = d(2026, 6, 30);
        let mut out = vec![];
        loop {
            let to = from + days(self.rng.range(700, 2900));
            match until {
                Some(end) if to >= end => {
                    if from < end {
                        out.push(Holder {
                            person: None,
                            from,
                            to: Some(end),
                        });
                    }
                    break;
                }
                None if to >= horizon => {
                    out.push(Holder {
                        person: None,
                        from,
                        to: None,
                    });
                    break;
                }
                _ => {}
            }
            out.push(Holder {
                person: None,
                from,
                to: Some(to),
            });
            from = to + days(self.rng.range(1, 60));
        }
        out
    }

    /// The people who held a post between `from` and `to`, with the part of
    /// the period each held it; person records are made as needed.
    fn post_spans(
        &mut self,
        org: &str,
        title: &str,
        slot: u32,
        from: NaiveDate,
        to: Option<NaiveDate>,
    ) -> Vec<(PersonId, NaiveDate, Option<NaiveDate>)> {
        let holders = self.post(org, title, slot);
        let end = to.unwrap_or(NaiveDate::MAX);
        let mut out = vec![];
        for (i, h) in holders.iter().enumerate() {
            let h_end = h.to.unwrap_or(NaiveDate::MAX);
            if h.from > end || h_end < from {
                continue;
            }
            let person = match &h.person {
                Some(p) => p.clone(),
                None => {
                    let p = self.new_person(org, None, Some(title), None, h.from.max(from));
                    let key = (org.to_owned(), title.to_owned(), slot);
                    if let Some(list) = self.posts.get_mut(&key) {
                        list[i].person = Some(p.clone());
                    }
                    p
                }
            };
            let s = h.from.max(from);
            let e = match (h.to, to) {
                (None, None) => None,
                (Some(a), None) => Some(a),
                (None, Some(b)) => Some(b),
                (Some(a), Some(b)) => Some(a.min(b)),
            };
            out.push((person, s, e));
        }
        out
    }

    fn post_holder_at(&mut self, post: (&str, &str, u32), date: NaiveDate) -> Option<PersonId> {
        self.post_spans(post.0, post.1, post.2, date, Some(date))
            .into_iter()
            .next()
            .map(|(p, _, _)| p)
    }

    /// The political bodies, one term of office at a time. The 2019–2022
    /// term is the one the built-in minutes of 2021 show.
    fn add_political_terms(&mut self) {
        let builtin = |id: &str| PersonId::new(id);
        let spans = [
            (d(2015, 1, 1), Some(d(2018, 12, 31))),
            (d(2019, 1, 1), Some(d(2022, 12, 31))),
            (d(2023, 1, 1), None),
        ];
        for (t, (from, to)) in spans.into_iter().enumerate() {
            let previous: Vec<Politician> = self
                .terms
                .last()
                .map(|p| p.ordinary.clone())
                .unwrap_or_default();
            let carry = |g: &mut Gen, region: bool| -> Option<Politician> {
                let candidates: Vec<&Politician> = previous
                    .iter()
                    .filter(|p| (p.representing == "region-nb") == region)
                    .collect();
                if candidates.is_empty() || !g.rng.chance(0.4) {
                    return None;
                }
                Some((*g.rng.pick(&candidates)).clone())
            };
            let mut ordinary: Vec<Politician> = vec![];
            let mut substitutes = HashMap::new();
            // The region's five.
            if t == 1 {
                for id in [
                    "p-linda-frohm",
                    "p-erika-sjoo",
                    "p-kurt-ake-andersson",
                    "p-elisabeth-lindberg",
                    "p-johannes-sundelin",
                ] {
                    ordinary.push(Politician {
                        person: builtin(id),
                        representing: "region-nb",
                        municipality: None,
                    });
                }
            } else {
                while ordinary.len() < 5 {
                    let p = match carry(self, true) {
                        Some(p) if !ordinary.iter().any(|o| o.person == p.person) => p,
                        _ => self.politician(true, from),
                    };
                    ordinary.push(p);
                }
            }
            // The municipalities' nine, from nine municipalities.
            let mut munis: Vec<&'static str> = MUNICIPALITIES.iter().map(|(id, _)| *id).collect();
            self.rng.shuffle(&mut munis);
            if t == 1 {
                for (id, muni) in [
                    ("p-beatrice-oman", "kn-boden"),
                    ("p-anna-lundberg", "kn-alvsbyn"),
                    ("p-louise-mork", "kn-pitea"),
                    ("p-birgitta-larsson", "kn-gallivare"),
                    ("p-emma-engelmark", "kn-lulea"),
                ] {
                    ordinary.push(Politician {
                        person: builtin(id),
                        representing: "nb-kommuner",
                        municipality: Some(muni),
                    });
                    munis.retain(|m| *m != muni);
                }
            }
            let mut k = 0;
            while ordinary.len() < 14 {
                let p = match carry(self, false) {
                    Some(p)
                        if !ordinary
                            .iter()
                            .any(|o| o.person == p.person || o.municipality == p.municipality) =>
                    {
                        p
                    }
                    _ => {
                        let mut muni = munis[k % munis.len()];
                        k += 1;
                        while ordinary.iter().any(|o| o.municipality == Some(muni)) {
                            muni = munis[k % munis.len()];
                            k += 1;
                        }
                        self.muni_politician(muni, from)
                    }
                };
                ordinary.push(p);
            }
            // Personal substitutes.
            let builtin_subs = ["p-anders-oberg", "p-johnny-astrom", "p-lennart-astrom"];
            for (i, o) in ordinary.clone().iter().enumerate() {
                let sub = if t == 1 && i < 3 {
                    Politician {
                        person: builtin(builtin_subs[i]),
                        representing: "region-nb",
                        municipality: None,
                    }
                } else if o.representing == "region-nb" {
                    self.politician(true, from)
                } else {
                    self.muni_politician(o.municipality.unwrap_or("kn-lulea"), from)
                };
                substitutes.insert(o.person.clone(), sub);
            }
            let region_chair = ordinary[0].person.clone();
            let muni_chair = ordinary[5].person.clone();
            // The chairs come from the larger parties.
            for (chair, parties) in [(&region_chair, &["S", "M"][..]), (&muni_chair, &["S"][..])] {
                if chair.as_str().starts_with("gen-") {
                    let party = (*self.rng.pick(parties)).to_owned();
                    let ix = self.person_ix[chair];
                    self.data.people[ix].party = Some(party);
                }
            }
            let au = vec![
                ordinary[0].clone(),
                ordinary[5].clone(),
                ordinary[1].clone(),
                ordinary[6].clone(),
            ];
            let (rs_chair, nk_chair) = if t == 0 {
                (builtin("p-maria-stenberg"), builtin("p-britta-flinkfeldt"))
            } else {
                let rs = self.new_person(
                    "region-nb",
                    None,
                    Some("Regionstyrelsens ordförande"),
                    Some("S"),
                    from,
                );
                let (muni, _) = *self.rng.pick(MUNICIPALITIES);
                let nk = self.new_person(
                    "nb-kommuner",
                    Some(muni),
                    Some("Ordförande, Norrbottens Kommuner"),
                    Some("S"),
                    from,
                );
                (rs, nk)
            };

            // Memberships of the term.
            let start = from.max(d(2015, 1, 1));
            for (i, o) in ordinary.iter().enumerate() {
                if !self.has_builtin_membership(&o.person, "nb-psb") {
                    let role = if o.person == region_chair {
                        MembershipRole::Chair
                    } else if o.person == muni_chair {
                        MembershipRole::ViceChair
                    } else {
                        MembershipRole::Member
                    };
                    let note = o.municipality.map(|m| format!("Ledamot för {}.", town(m)));
                    self.add_membership(
                        &o.person,
                        "nb-psb",
                        role,
                        Some(o.representing),
                        start,
                        to,
                        note,
                    );
                }
                let drawn_from = if o.representing == "region-nb" {
                    "nb-regionstyrelsen"
                } else if i < 10 {
                    "nb-socialberedningen"
                } else {
                    "nb-bu-beredningen"
                };
                self.add_membership(
                    &o.person,
                    drawn_from,
                    MembershipRole::Member,
                    Some(o.representing),
                    start,
                    to,
                    None,
                );
                let sub = substitutes[&o.person].clone();
                if !self.has_builtin_membership(&sub.person, "nb-psb") {
                    self.add_membership(
                        &sub.person,
                        "nb-psb",
                        MembershipRole::Substitute {
                            for_person: Some(o.person.clone()),
                        },
                        Some(sub.representing),
                        start,
                        to,
                        None,
                    );
                }
            }
            for (i, a) in au.iter().enumerate() {
                let au_from = start.max(d(2017, 2, 1));
                let role = match i {
                    0 => MembershipRole::Chair,
                    1 => MembershipRole::ViceChair,
                    _ => MembershipRole::Member,
                };
                self.add_membership(
                    &a.person,
                    "gen-b-psb-au",
                    role,
                    Some(a.representing),
                    au_from,
                    to,
                    None,
                );
            }
            if !self.has_builtin_membership(&rs_chair, "nb-regionstyrelsen") {
                self.add_membership(
                    &rs_chair,
                    "nb-regionstyrelsen",
                    MembershipRole::Chair,
                    Some("region-nb"),
                    start,
                    to,
                    None,
                );
            }
            self.add_membership(
                &nk_chair,
                "nb-nk-styrelse",
                MembershipRole::Chair,
                Some("nb-kommuner"),
                start,
                to,
                None,
            );
            self.terms.push(Term {
                from,
                ordinary,
                substitutes,
                region_chair,
                muni_chair,
                au,
                rs_chair,
                nk_chair,
            });
        }
        // The secretaries of PSB and its working committee, by post.
        for (post, rep) in [
            (REGION_SECRETARY, "region-nb"),
            (NK_SECRETARY, "nb-kommuner"),
        ] {
            for (person, from, to) in self.post_spans(post.0, post.1, post.2, d(2015, 1, 1), None) {
                for body in ["nb-psb", "gen-b-psb-au"] {
                    if body == "gen-b-psb-au" && to.is_some_and(|t| t < d(2017, 2, 1)) {
                        continue;
                    }
                    if !self.has_builtin_membership(&person, body) {
                        let from = if body == "gen-b-psb-au" {
                            from.max(d(2017, 2, 1))
                        } else {
                            from
                        };
                        self.add_membership(
                            &person,
                            body,
                            MembershipRole::Secretary,
                            Some(rep),
                            from,
                            to,
                            None,
                        );
                    }
                }
            }
        }
    }

    fn term_at(&self, date: NaiveDate) -> &Term {
        self.terms
            .iter()
            .rev()
            .find(|t| t.from <= date)
            .unwrap_or(&self.terms[0])
    }

    /// The officials' bodies: seats filled from posts, municipal seats
    /// rotating between the municipalities every two to four years.
    fn add_official_seats(&mut self) {
        let defs = self.defs;
        for (b, def) in defs.iter().enumerate() {
            if def.style != Style::Officials {
                continue;
            }
            let start = d(def.formed.0, def.formed.1, 1).max(d(2015, 1, 1));
            let end = def.until.map(|y| d(y, 12, 31));
            let muni_seats: usize = def
                .seats
                .iter()
                .filter(|s| s.who == Who::Muni)
                .map(|s| s.n as usize)
                .sum();
            // Shared rotation periods: (from, to, municipalities).
            let mut periods = vec![];
            let mut from = start;
            loop {
                let to = from + days(self.rng.range(730, 1460));
                let ids: Vec<&'static str> = MUNICIPALITIES.iter().map(|(id, _)| *id).collect();
                let munis = self.rng.pick_n(&ids, muni_seats);
                let last = to >= d(2026, 6, 30) || end.is_some_and(|e| to >= e);
                periods.push((from, if last { end } else { Some(to) }, munis));
                if last {
                    break;
                }
                from = to + days(1);
            }
            let mut k = 0;
            let mut muni_k = 0;
            for s in def.seats {
                for i in 0..s.n {
                    let title = s.titles[i as usize % s.titles.len()];
                    let slot = s.slot + i / s.titles.len() as u32;
                    let role = match k {
                        0 => MembershipRole::Chair,
                        1 if def.seats.iter().map(|s| s.n).sum::<u32>() >= 6 => {
                            MembershipRole::ViceChair
                        }
                        _ => MembershipRole::Member,
                    };
                    k += 1;
                    let assignments: Vec<(&str, NaiveDate, Option<NaiveDate>)> =
                        if s.who == Who::Muni {
                            let list = periods
                                .iter()
                                .map(|(f, t, m)| (m[muni_k], *f, *t))
                                .collect();
                            muni_k += 1;
                            list
                        } else {
                            vec![(s.who.org(), start, end)]
                        };
                    for (org, pf, pt) in assignments {
                        for (person, f, t) in self.post_spans(org, title, slot, pf, pt) {
                            if t.is_some_and(|t| t < d(2016, 1, 1)) {
                                continue;
                            }
                            let note = (s.who == Who::Muni && self.rng.chance(0.25))
                                .then(|| format!("Företräder {} under perioden.", town(org)));
                            self.add_membership(
                                &person,
                                def.id,
                                role.clone(),
                                Some(org),
                                f,
                                t,
                                note,
                            );
                        }
                    }
                }
            }
            let (org, title, slot) = self.secretary_slot(b);
            for (person, f, t) in self.post_spans(org, title, slot, start, end) {
                if t.is_some_and(|t| t < d(2016, 1, 1)) {
                    continue;
                }
                self.add_membership(
                    &person,
                    def.id,
                    MembershipRole::Secretary,
                    Some(org),
                    f,
                    t,
                    None,
                );
            }
        }
    }

    fn secretary_slot(&self, b: usize) -> (&'static str, &'static str, u32) {
        let (who, title) = self.defs[b].secretary;
        let slot = if title.starts_with("Samverkansledare") {
            0
        } else {
            10 + b as u32
        };
        (who.org(), title, slot)
    }
}

fn formed_season(month: u32) -> &'static str {
    match month {
        1..=2 => "vintern",
        3..=5 => "våren",
        6..=8 => "sommaren",
        _ => "hösten",
    }
}

// ---------------------------------------------------------------------------
// Agreements
// ---------------------------------------------------------------------------

type Ymd = (i32, u32, u32);

fn ymd((y, m, dd): Ymd) -> NaiveDate {
    d(y, m, dd)
}

enum FollowUpDef {
    Every(u32),
    By(Ymd),
}

struct AgreementDef {
    id: &'static str,
    title: &'static str,
    area: usize,
    date: Ymd,
    in_force: Ymd,
    until: Option<Ymd>,
    notice: Option<u32>,
    follow_up: FollowUpDef,
    establishes: &'static [&'static str],
    cost: &'static [(&'static str, Option<&'static str>, u32, &'static str)],
    revisions: &'static [(Ymd, &'static str)],
    supersedes: Option<&'static str>,
    each_municipality: bool,
}

const SHARED_COST: &[(&str, Option<&str>, u32, &str)] = &[
    (
        "kommunerna",
        None,
        50,
        "gemensamma kostnader enligt bilaga, fördelade mellan kommunerna efter invånarantal",
    ),
    (
        "regionen",
        Some("region-nb"),
        50,
        "gemensamma kostnader enligt bilaga",
    ),
];

const AGREEMENTS: &[AgreementDef] = &[
    AgreementDef {
        id: "gen-a-hjalpmedel-2014",
        title: "Samverkansavtal om hjälpmedelsförsörjning i Norrbottens län",
        area: HJALP,
        date: (2014, 11, 20),
        in_force: (2015, 1, 1),
        until: Some((2021, 12, 31)),
        notice: Some(12),
        follow_up: FollowUpDef::Every(2),
        establishes: &["gen-b-hjalpmedel"],
        cost: SHARED_COST,
        revisions: &[
            ((2017, 6, 1), "Bilagan om sortiment och avgifter reviderad."),
            ((2019, 3, 15), "Prislistan uppdaterad inför 2019."),
            ((2020, 12, 16), "Avtalet uppsagt av Region Norrbotten i december 2020; det upphör 2021-12-31."),
        ],
        supersedes: None,
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-sip-2016",
        title: "Länsgemensam överenskommelse om samordnad individuell plan (SIP)",
        area: SIP,
        date: (2016, 4, 14),
        in_force: (2016, 6, 1),
        until: Some((2021, 12, 31)),
        notice: Some(6),
        follow_up: FollowUpDef::Every(1),
        establishes: &["gen-b-sip"],
        cost: &[],
        revisions: &[((2018, 10, 1), "Anpassad till lagen om samverkan vid utskrivning från sluten hälso- och sjukvård.")],
        supersedes: None,
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-psykisk-2017",
        title: "Överenskommelse om samarbete för personer med psykisk funktionsnedsättning",
        area: PSYK,
        date: (2017, 3, 23),
        in_force: (2017, 5, 1),
        until: Some((2019, 12, 31)),
        notice: Some(6),
        follow_up: FollowUpDef::Every(2),
        establishes: &["gen-b-psykisk-halsa"],
        cost: &[],
        revisions: &[((2018, 5, 15), "Bilaga om ansvarsfördelningen för barn och unga tillagd.")],
        supersedes: None,
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-utskrivning-2018",
        title: "Överenskommelse om samverkan vid utskrivning från sluten hälso- och sjukvård",
        area: UTSKR,
        date: (2017, 12, 7),
        in_force: (2018, 1, 1),
        until: None,
        notice: Some(12),
        follow_up: FollowUpDef::Every(1),
        establishes: &["gen-b-utskrivning"],
        cost: &[],
        revisions: &[
            ((2019, 6, 13), "Rutinen för fast vårdkontakt har arbetats in."),
            ((2021, 11, 18), "Anpassad efter det nya IT-stödet för samordnad planering."),
            ((2023, 5, 25), "Betalningsansvar och ersättningsnivåer uppdaterade."),
        ],
        supersedes: None,
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-barn-unga-2018",
        title: "Överenskommelse om samverkan kring barn och unga i behov av samordnade insatser",
        area: BARN,
        date: (2018, 5, 24),
        in_force: (2018, 7, 1),
        until: None,
        notice: Some(6),
        follow_up: FollowUpDef::Every(2),
        establishes: &["gen-b-barn-unga", "gen-b-elevhalsa"],
        cost: &[],
        revisions: &[
            ((2020, 2, 20), "Anpassad till att barnkonventionen blivit svensk lag."),
            ((2023, 3, 16), "Avsnittet om hälsoundersökningar av placerade barn reviderat."),
        ],
        supersedes: None,
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-lakemedel-2018",
        title: "Överenskommelse om läkemedelshantering i kommunal hälso- och sjukvård",
        area: LAKEM,
        date: (2018, 10, 11),
        in_force: (2019, 1, 1),
        until: None,
        notice: Some(6),
        follow_up: FollowUpDef::Every(2),
        establishes: &["gen-b-lakemedel"],
        cost: &[],
        revisions: &[
            ((2021, 1, 28), "Ny leverantör av dosdispenserade läkemedel."),
            ((2024, 4, 18), "Rutinen för läkemedelsförråd uppdaterad."),
        ],
        supersedes: None,
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-tandvard-2019",
        title: "Överenskommelse om munhälsobedömningar och nödvändig tandvård",
        area: TAND,
        date: (2019, 2, 14),
        in_force: (2019, 4, 1),
        until: Some((2023, 12, 31)),
        notice: Some(6),
        follow_up: FollowUpDef::Every(1),
        establishes: &["gen-b-tandvard"],
        cost: &[("regionen", Some("region-nb"), 100, "munhälsobedömningar och nödvändig tandvård")],
        revisions: &[((2021, 3, 1), "Förlängd efter uppehållet i de uppsökande besöken under pandemin.")],
        supersedes: None,
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-ehalsa-2019",
        title: "Överenskommelse om gemensam informationsöverföring och e-hälsa",
        area: EHALSA,
        date: (2019, 9, 26),
        in_force: (2020, 1, 1),
        until: None,
        notice: Some(12),
        follow_up: FollowUpDef::Every(2),
        establishes: &["gen-b-ehalsa"],
        cost: SHARED_COST,
        revisions: &[((2022, 1, 20), "Kostnadsfördelningen efter invånarantal förtydligad.")],
        supersedes: None,
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-psykisk-2020",
        title: "Överenskommelse om samarbete för personer med psykisk- och neuropsykiatrisk funktionsnedsättning samt för individer med missbruk/beroende av alkohol, droger och spel",
        area: PSYK,
        date: (2019, 12, 19),
        in_force: (2020, 1, 1),
        until: None,
        notice: Some(12),
        follow_up: FollowUpDef::Every(2),
        establishes: &["gen-b-psykisk-halsa", "gen-b-missbruk"],
        cost: &[],
        revisions: &[
            ((2022, 9, 29), "Avsnittet om spelberoende reviderat."),
            ((2024, 10, 17), "Ansvarsfördelningen för läkemedelsassisterad behandling förtydligad."),
        ],
        supersedes: Some("gen-a-psykisk-2017"),
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-vald-2020",
        title: "Överenskommelse om samverkan mot våld i nära relationer",
        area: VALD,
        date: (2020, 9, 24),
        in_force: (2020, 10, 1),
        until: None,
        notice: Some(6),
        follow_up: FollowUpDef::By((2023, 9, 1)),
        establishes: &["gen-b-vald"],
        cost: &[],
        revisions: &[],
        supersedes: None,
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-hjalpmedel-2022",
        title: "Överenskommelse om samverkansmodell för hjälpmedel i Norrbotten",
        area: HJALP,
        date: (2021, 11, 25),
        in_force: (2022, 1, 1),
        until: None,
        notice: Some(12),
        follow_up: FollowUpDef::Every(2),
        establishes: &["gen-b-hjalpmedel"],
        cost: SHARED_COST,
        revisions: &[((2024, 2, 1), "Avsnittet om förskrivningsrätt förtydligat.")],
        supersedes: Some("gen-a-hjalpmedel-2014"),
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-nara-vard-2022",
        title: "Överenskommelse om gemensam färdplan för god och nära vård och omsorg",
        area: NARA,
        date: (2022, 3, 24),
        in_force: (2022, 4, 1),
        until: Some((2026, 12, 31)),
        notice: Some(6),
        follow_up: FollowUpDef::Every(1),
        establishes: &["gen-b-nara-vard", "gen-b-nara-vard-ag"],
        cost: SHARED_COST,
        revisions: &[((2024, 5, 23), "Färdplanens aktiviteter för 2024–2026 uppdaterade.")],
        supersedes: None,
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-suicid-2023",
        title: "Överenskommelse om länsgemensamt arbete med suicidprevention 2023–2026",
        area: SUICID,
        date: (2023, 4, 20),
        in_force: (2023, 5, 1),
        until: Some((2026, 12, 31)),
        notice: None,
        follow_up: FollowUpDef::Every(1),
        establishes: &["gen-b-suicid"],
        cost: &[],
        revisions: &[],
        supersedes: None,
        each_municipality: true,
    },
    AgreementDef {
        id: "gen-a-politisk-samverkan-2024",
        title: "Överenskommelse om politisk samverkan inom hälso- och sjukvård, socialtjänst och skola mellan länets kommuner och Region Norrbotten (reviderad 2023)",
        area: NARA,
        date: (2023, 11, 30),
        in_force: (2024, 1, 1),
        until: None,
        notice: Some(6),
        follow_up: FollowUpDef::Every(2),
        establishes: &["nb-psb", "gen-b-psb-au", "nb-lansstyrgruppen"],
        cost: &[],
        revisions: &[],
        supersedes: Some("nb-overenskommelse-2016"),
        each_municipality: false,
    },
];

const REGION_DUTIES: &[&str] = &[
    "Regionen ansvarar för hälso- och sjukvård på specialistnivå och för primärvårdens insatser inom området.",
    "Regionen utser en fast vårdkontakt i primärvården när den enskilde behöver det.",
    "Regionen ansvarar för att läkare medverkar i samordnad individuell plan när det behövs.",
    "Regionen tillhandahåller konsultativt stöd till kommunernas personal.",
    "Regionen ansvarar för att informera kommunen inför utskrivning från slutenvården.",
];

const MUNI_DUTIES: &[&str] = &[
    "Kommunen ansvarar för insatser enligt socialtjänstlagen och lagen om stöd och service till vissa funktionshindrade.",
    "Kommunen ansvarar för hälso- och sjukvård i ordinärt och särskilt boende upp till och med sjuksköterskenivå.",
    "Kommunen ansvarar för att kalla till samordnad individuell plan när behov finns.",
    "Kommunen ansvarar för elevhälsans insatser i skolan.",
    "Kommunen ansvarar för stöd till anhöriga och närstående.",
];

const JOINT_DUTIES: &[&str] = &[
    "Parterna ansvarar gemensamt för att informera medarbetarna om överenskommelsen.",
    "Parterna ska verka för att den enskilde och de närstående görs delaktiga.",
    "Avvikelser i samverkan rapporteras och hanteras enligt den gemensamma rutinen.",
    "Parterna ska gemensamt följa upp överenskommelsen och redovisa resultatet till länsstyrgruppen.",
    "Parterna ska ha en gemensam plan för kompetensutveckling inom området.",
];

impl Gen {
    fn add_agreements(&mut self) {
        for a in AGREEMENTS {
            let date = ymd(a.date);
            let in_force = ymd(a.in_force);
            let term = self.term_at(date);
            let (rs_chair, nk_chair) = (term.rs_chair.clone(), term.nk_chair.clone());
            let parties = if a.each_municipality {
                vec![
                    AgreementParty::Organisation {
                        organisation: OrganisationId::new("region-nb"),
                    },
                    AgreementParty::EachMunicipalityOf {
                        county: CountyId::new(COUNTY),
                    },
                ]
            } else {
                vec![
                    AgreementParty::Organisation {
                        organisation: OrganisationId::new("nb-kommuner"),
                    },
                    AgreementParty::Organisation {
                        organisation: OrganisationId::new("region-nb"),
                    },
                ]
            };
            let sections = self.agreement_sections(a);
            let notice = a.notice.map(|months| Notice {
                months,
                mutual: true,
                addressed_to: None,
                text: format!(
                    "Överenskommelsen kan sägas upp av var och en av parterna med en uppsägningstid om {}.",
                    samverkan::format::months(months)
                ),
            });
            let follow_up = match a.follow_up {
                FollowUpDef::Every(years) => vec![FollowUpRule::Every {
                    years,
                    text: if years == 1 {
                        "Överenskommelsen ska följas upp årligen.".into()
                    } else {
                        "Parterna ska följa upp överenskommelsen vartannat år.".into()
                    },
                }],
                FollowUpDef::By(by) => vec![FollowUpRule::NoLaterThan {
                    date: ymd(by),
                    text: format!("En uppföljning ska påbörjas senast {}.", ymd(by)),
                }],
            };
            let doc = DocumentId::new(
                self.fresh_id(&format!("gen-doc-{}", a.id.trim_start_matches("gen-a-"))),
            );
            let mut document = SourceDocument {
                id: doc.clone(),
                meta: RecordMeta::default(),
                title: a.title.into(),
                county: CountyId::new(COUNTY),
                kind: "överenskommelse".into(),
                dated: samverkan::format::date(date),
            };
            let stamp = self.app_stamp(date + days(7));
            born(&mut document.meta, stamp.clone());
            self.data.documents.push(document);
            let mut agreement = Agreement {
                id: AgreementId::new(a.id),
                meta: RecordMeta::default(),
                county: CountyId::new(COUNTY),
                title: a.title.into(),
                parties,
                date: Fact::Stated(date),
                signatories: vec![
                    Signatory {
                        person: rs_chair,
                        organisation: OrganisationId::new("region-nb"),
                        title: "Regionstyrelsens ordförande".into(),
                    },
                    Signatory {
                        person: nk_chair,
                        organisation: OrganisationId::new("nb-kommuner"),
                        title: "Ordförande, Norrbottens Kommuner".into(),
                    },
                ],
                sections,
                entry_into_force: Some(EntryIntoForce {
                    date: Fact::Stated(in_force),
                    condition: Some(
                        "under förutsättning att den antagits av regionstyrelsen och kommunförbundets styrelse".into(),
                    ),
                    adopted_by: vec![
                        BodyId::new("nb-regionstyrelsen"),
                        BodyId::new("nb-nk-styrelse"),
                    ],
                }),
                validity: match a.until {
                    Some(until) => Validity::Until { date: ymd(until) },
                    None => Validity::UntilFurtherNotice,
                },
                notice,
                follow_up,
                establishes: a.establishes.iter().map(|b| BodyId::new(*b)).collect(),
                cost_sharing: a
                    .cost
                    .iter()
                    .map(|(payer, org, percent, item)| CostShare {
                        payer: (*payer).into(),
                        organisation: org.map(OrganisationId::new),
                        percent: *percent,
                        item: (*item).into(),
                    })
                    .collect(),
                revisions: vec![],
            };
            agreement.meta.sources = vec![SourceRef {
                document: doc,
                locator: None,
            }];
            born(&mut agreement.meta, stamp);
            // Each revision is an edit of the agreement when it was made.
            for (when, note) in a.revisions {
                let when = ymd(*when);
                if when > base_end() {
                    continue;
                }
                let stamp = self.app_stamp(when + days(2));
                change(&mut agreement, stamp, |a| {
                    a.revisions.push(Revision {
                        date: Fact::Stated(when),
                        note: (*note).into(),
                    })
                });
            }
            self.ids.insert(a.id.into());
            if let Some(old) = a.supersedes {
                // A change to a built-in record is always recorded: every copy
                // has the built-in value, so an unversioned change would
                // conflict with it.
                let stamp = if old.starts_with("gen-") {
                    self.app_stamp(date + days(3))
                } else {
                    Some(self.stamp_at(date + days(3)))
                };
                let title = a.title;
                if let Some(old) = self
                    .data
                    .agreements
                    .iter_mut()
                    .find(|x| x.id.as_str() == old)
                {
                    change(old, stamp, |old| {
                        old.revisions.push(Revision {
                            date: Fact::Stated(date),
                            note: format!(
                                "Ersatt av {} ({}) som gäller från och med {in_force}.",
                                lcfirst(title),
                                a.id
                            ),
                        });
                        if old.validity == Validity::UntilFurtherNotice {
                            old.validity = Validity::Until {
                                date: in_force - days(1),
                            };
                        }
                    });
                }
            }
            if date >= d(FIRST_YEAR, 1, 1) {
                self.adoptions.push((date, self.data.agreements.len()));
            }
            self.data.agreements.push(agreement);
        }
    }

    fn agreement_sections(&mut self, a: &AgreementDef) -> Vec<Section> {
        let area = &AREAS[a.area];
        let year = a.date.0.to_string();
        let fact = |g: &mut Gen| fill(g.rng.pick(area.facts), &[("year", &year)]);
        let mut background = vec![Block::Paragraph(fact(self)), Block::Paragraph(fact(self))];
        if let Some(old) = a.supersedes {
            let old_title = self
                .data
                .agreements
                .iter()
                .find(|x| x.id.as_str() == old)
                .map(|x| x.title.clone())
                .unwrap_or_default();
            background.push(Block::Paragraph(format!(
                "Överenskommelsen ersätter {} och bygger på erfarenheterna från uppföljningen av den.",
                lcfirst(&old_title)
            )));
        }
        background.push(Block::Paragraph(
            "Överenskommelsen har tagits fram av länsstyrgruppen på uppdrag av politiska samverkansberedningen och har varit på remiss hos länets kommuner och Region Norrbotten.".into(),
        ));
        background.dedup();
        let goals: Vec<String> = area
            .goals
            .iter()
            .map(|g| ucfirst(g.trim_start_matches("att ")))
            .map(|g| format!("{g}."))
            .collect();
        let subject = *self.rng.pick(area.subjects);
        let bodies: Vec<BodyId> = a.establishes.iter().map(|b| BodyId::new(*b)).collect();
        let body_names: Vec<String> = a
            .establishes
            .iter()
            .filter_map(|b| self.data.bodies.iter().find(|x| x.id.as_str() == *b))
            .map(|b| lcfirst(&b.name))
            .collect();
        let pick_duties = |g: &mut Gen, pool: &[&str]| -> Vec<String> {
            let n = g.rng.range(3, 4) as usize;
            g.rng
                .pick_n(pool, n)
                .into_iter()
                .map(String::from)
                .collect()
        };
        let region = pick_duties(self, REGION_DUTIES);
        let muni = pick_duties(self, MUNI_DUTIES);
        let joint = pick_duties(self, JOINT_DUTIES);
        let section = |number: &str,
                       title: &str,
                       kind: SectionKind,
                       blocks: Vec<Block>,
                       bodies: Vec<BodyId>| Section {
            number: Some(number.into()),
            title: title.into(),
            kind,
            blocks,
            bodies,
        };
        let mut s = vec![
            section("1", "Bakgrund", SectionKind::Background, background, vec![]),
            section(
                "2",
                "Parter",
                SectionKind::Parties,
                vec![Block::Paragraph(if a.each_municipality {
                    "Överenskommelsen är tecknad mellan Region Norrbotten och var och en av kommunerna i Norrbottens län.".into()
                } else {
                    "Överenskommelsen är tecknad mellan Norrbottens Kommuner, för länets fjorton kommuner, och Region Norrbotten.".into()
                })],
                vec![],
            ),
            section(
                "3",
                "Syfte",
                SectionKind::Purpose,
                vec![Block::Paragraph(format!(
                    "Syftet med överenskommelsen är {}. Den ska ge en gemensam grund för arbetet med {subject}.",
                    area.goals[0]
                ))],
                vec![],
            ),
            section(
                "4",
                "Mål",
                SectionKind::Goals,
                vec![
                    Block::Paragraph("Parterna är överens om följande mål:".into()),
                    Block::List(goals),
                ],
                vec![],
            ),
            section(
                "5",
                "Ansvarsfördelning",
                SectionKind::Responsibilities,
                vec![Block::Paragraph(
                    "Ansvaret följer av lagstiftningen. Avsnittet förtydligar hur parterna fördelar ansvaret inom området.".into(),
                )],
                vec![],
            ),
            section("5.1", "Regionens ansvar", SectionKind::Responsibilities, vec![Block::List(region)], vec![]),
            section("5.2", "Kommunernas ansvar", SectionKind::Responsibilities, vec![Block::List(muni)], vec![]),
            section("5.3", "Gemensamt ansvar", SectionKind::Responsibilities, vec![Block::List(joint)], vec![]),
            section(
                "6",
                "Former för samverkan",
                SectionKind::Forms,
                vec![
                    Block::Paragraph(format!(
                        "Samverkan på länsnivå sker i {}. Lokala samverkansgrupper finns i länets fyra länsdelar.",
                        join_and(&body_names)
                    )),
                    Block::Paragraph("Frågor som inte kan lösas på lokal nivå lyfts till länsstyrgruppen.".into()),
                ],
                bodies,
            ),
        ];
        let mut n = 7;
        if !a.cost.is_empty() {
            let items = a
                .cost
                .iter()
                .map(|(payer, _, percent, item)| {
                    format!("{}: {percent} procent av {item}.", ucfirst(payer))
                })
                .collect();
            s.push(section(
                &n.to_string(),
                "Kostnadsfördelning",
                SectionKind::CostSharing,
                vec![Block::List(items)],
                vec![],
            ));
            n += 1;
        }
        let follow = match a.follow_up {
            FollowUpDef::Every(1) => "Överenskommelsen följs upp årligen. Uppföljningen redovisas för länsstyrgruppen och politiska samverkansberedningen.".to_owned(),
            FollowUpDef::Every(_) => "Parterna ska följa upp överenskommelsen vartannat år. Uppföljningen redovisas för länsstyrgruppen och politiska samverkansberedningen.".to_owned(),
            FollowUpDef::By(by) => format!("En uppföljning av överenskommelsen ska påbörjas senast {}.", ymd(by)),
        };
        s.push(section(
            &n.to_string(),
            "Uppföljning",
            SectionKind::FollowUp,
            vec![Block::Paragraph(follow)],
            vec![],
        ));
        n += 1;
        s.push(section(
            &n.to_string(),
            "Tvister",
            SectionKind::Other,
            vec![Block::Paragraph(
                "Tvister om tolkningen av överenskommelsen ska i första hand lösas i samförstånd mellan parterna på tjänstepersonsnivå. Kan parterna inte enas lyfts frågan till länsstyrgruppen och därefter till politiska samverkansberedningen.".into(),
            )],
            vec![],
        ));
        n += 1;
        let until = match a.until {
            Some(u) => format!(" till och med {}", ymd(u)),
            None => " och tills vidare".into(),
        };
        let mut validity = vec![Block::Paragraph(format!(
            "Överenskommelsen träder i kraft {} under förutsättning att den antagits av regionstyrelsen och kommunförbundets styrelse. Den gäller från och med {}{until}.",
            samverkan::format::date(ymd(a.in_force)),
            ymd(a.in_force)
        ))];
        if let Some(months) = a.notice {
            validity.push(Block::Paragraph(format!(
                "Överenskommelsen kan sägas upp med en ömsesidig uppsägningstid om {}.",
                samverkan::format::months(months)
            )));
        }
        s.push(section(
            &n.to_string(),
            "Giltighetstid och ikraftträdande",
            SectionKind::EntryIntoForce,
            validity,
            vec![],
        ));
        s
    }
}

// ---------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------

struct Slot {
    body: usize,
    date: NaiveDate,
    kind: MeetingKind,
    /// The body's next meeting, for "Nästa möte".
    next: Option<NaiveDate>,
    /// The body's meetings the year after, for the meeting plan.
    next_year: Vec<NaiveDate>,
    last_of_year: bool,
    first_of_year: bool,
    /// Agreements (indices) adopted at this meeting.
    adopts: Vec<usize>,
}

/// Who was there.
#[derive(Default)]
struct Attendance {
    dms: Vec<DecisionMaker>,
    participants: Vec<Participant>,
    chair: Option<PersonId>,
    vice: Option<PersonId>,
    secretary: Option<PersonId>,
    adjuster: Option<PersonId>,
}

/// A § before it is numbered.
#[derive(Default)]
struct Draft {
    title: String,
    presenters: Vec<PersonId>,
    documents: Vec<DocumentRef>,
    background: Vec<Block>,
    proposal: Option<String>,
    decision: Option<String>,
    kind: Option<DecisionKind>,
    parts: Vec<ParagraphPart>,
    follow_ups: Vec<PromisedFollowUp>,
    /// Minutes on the agenda; short items get no time.
    minutes: u32,
    agenda_note: Option<String>,
    /// The thread whose decision this § records.
    decides: Option<u64>,
    /// The earlier § and follow-up this § deals with.
    handles: Option<(usize, usize)>,
}

/// What the text of one meeting's § draws on.
struct Ctx {
    b: usize,
    def: &'static BodyDef,
    date: NaiveDate,
    political: bool,
    body: String,
    body_lc: String,
    prep: String,
}

impl Gen {
    fn region_year(&self, year: i32) -> bool {
        match &self.psb_rotation {
            Some(rotation) => {
                samverkan::rules::rotation_holder(rotation, year)
                    == Some(&RotationParty::Organisation(OrganisationId::new(
                        "region-nb",
                    )))
            }
            None => year % 2 == 1,
        }
    }

    /// Meeting dates spread over the working months of a year.
    fn spread(&mut self, year: i32, n: u32, earliest: NaiveDate) -> Vec<NaiveDate> {
        let months: Vec<u32> = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
            .into_iter()
            .filter(|m| earliest.year() < year || *m >= earliest.month())
            .collect();
        let mut out: Vec<NaiveDate> = vec![];
        for i in 0..n {
            let pos = ((f64::from(i) + 0.5) * months.len() as f64 / f64::from(n.max(1))) as usize;
            let month = months[pos.min(months.len() - 1)];
            let day = self.rng.range(3, 24) as u32;
            let date = meeting_day(d(year, month, day)).max(meeting_day(earliest));
            if out.iter().any(|o| (date - *o).num_days().abs() < 6) || date.year() != year {
                continue;
            }
            out.push(date);
        }
        out
    }

    fn schedule(&mut self) -> Vec<Slot> {
        let defs = self.defs;
        let mut raw: Vec<(usize, NaiveDate, MeetingKind)> = vec![];
        for (b, def) in defs.iter().enumerate() {
            if def.style == Style::None || def.per_year <= 0.0 {
                continue;
            }
            let first = def.formed.0.max(FIRST_YEAR);
            let last = def.until.unwrap_or(LAST_YEAR).min(LAST_YEAR);
            for year in first..=last {
                let earliest = if year == def.formed.0 {
                    d(year, def.formed.1, 1) + days(14)
                } else {
                    d(year, 1, 12)
                };
                let factor = match (def.id, year) {
                    ("gen-b-pandemi", 2020) => 1.3,
                    ("gen-b-pandemi", 2022) => 0.45,
                    (_, 2020) => 0.85,
                    _ => 1.0,
                };
                let kind = if def.style == Style::Seminar {
                    MeetingKind::Seminar
                } else {
                    MeetingKind::Ordinary
                };
                let mut n = self.rng.round(def.per_year * factor * self.scale);
                if def.id == "nb-psb" {
                    let forced: Vec<NaiveDate> = match year {
                        2019 => vec![d(2019, 12, 19)],
                        2020 => vec![d(2020, 12, 16)],
                        2021 => vec![d(2021, 4, 20), d(2021, 12, 1)],
                        _ => vec![],
                    };
                    if year == 2021 {
                        // The built-in meeting of 2021-05-27 is one of them.
                        n = n.saturating_sub(1);
                    }
                    let mut dates =
                        self.spread(year, n.saturating_sub(forced.len() as u32), earliest);
                    let taken: Vec<NaiveDate> =
                        forced.iter().copied().chain([d(2021, 5, 27)]).collect();
                    dates.retain(|x| taken.iter().all(|f| (*x - *f).num_days().abs() > 30));
                    dates.extend(forced);
                    for date in dates {
                        raw.push((b, date, kind));
                    }
                    if self.rng.chance(0.3 * self.scale.min(1.0)) {
                        let date = meeting_day(d(
                            year,
                            self.rng.range(2, 11) as u32,
                            self.rng.range(3, 24) as u32,
                        ));
                        if raw
                            .iter()
                            .all(|(rb, rd, _)| *rb != b || (*rd - date).num_days().abs() > 10)
                        {
                            raw.push((b, date, MeetingKind::Extra));
                        }
                    }
                    continue;
                }
                for date in self.spread(year, n, earliest) {
                    raw.push((b, date, kind));
                }
                if def.id == "nb-lansstyrgruppen" {
                    // Joint theme days with PSB, spring and autumn.
                    let themes = self.rng.round(2.0 * self.scale);
                    for i in 0..themes {
                        let month = if i == 0 { self.rng.range(4, 5) } else { 10 } as u32;
                        let mut date = meeting_day(d(year, month, self.rng.range(4, 22) as u32));
                        // Not in the same week as an ordinary meeting.
                        while raw
                            .iter()
                            .any(|(rb, rd, _)| *rb == b && (*rd - date).num_days().abs() <= 3)
                        {
                            date = meeting_day(date + days(7));
                        }
                        raw.push((b, date, MeetingKind::ThemeDay));
                    }
                }
            }
        }
        raw.sort_by_key(|(b, date, _)| (*date, *b));
        let mut by_body: BTreeMap<usize, Vec<NaiveDate>> = BTreeMap::new();
        for (b, date, kind) in &raw {
            if *kind != MeetingKind::ThemeDay {
                by_body.entry(*b).or_default().push(*date);
            }
        }
        let mut slots: Vec<Slot> = raw
            .into_iter()
            .map(|(b, date, kind)| {
                let dates = by_body.get(&b).cloned().unwrap_or_default();
                let next = dates.iter().find(|x| **x > date).copied();
                let next_year = dates
                    .iter()
                    .filter(|x| x.year() == date.year() + 1)
                    .copied()
                    .collect();
                let last_of_year = next.is_none_or(|n| n.year() > date.year());
                let first_of_year = dates
                    .iter()
                    .rev()
                    .find(|x| **x < date)
                    .is_none_or(|p| p.year() < date.year());
                Slot {
                    body: b,
                    date,
                    kind,
                    next,
                    next_year,
                    last_of_year,
                    first_of_year,
                    adopts: vec![],
                }
            })
            .collect();
        // PSB adopts each agreement at its last meeting before the agreement's date.
        let psb = self.bix("nb-psb");
        for (date, agreement) in self.adoptions.clone() {
            let slot = slots
                .iter_mut()
                .filter(|s| Some(s.body) == psb && s.kind == MeetingKind::Ordinary)
                .filter(|s| s.date <= date && s.date >= date - days(150))
                .last();
            if let Some(slot) = slot {
                slot.adopts.push(agreement);
            }
        }
        slots
    }

    fn add_meetings(&mut self, schedule: &[Slot]) {
        for slot in schedule {
            self.meeting(slot);
        }
    }

    fn doc_for(&mut self, b: usize, year: i32) -> DocumentId {
        if let Some(doc) = self.docs.get(&(b, year)) {
            return doc.clone();
        }
        let defs = self.defs;
        let def = &defs[b];
        let short = def
            .id
            .trim_start_matches("gen-b-")
            .trim_start_matches("nb-");
        let id = DocumentId::new(self.fresh_id(&format!("gen-doc-{short}-{year}")));
        let (word, kind) = if def.style == Style::Political {
            ("Protokoll", "protokoll")
        } else {
            ("Minnesanteckningar", "minnesanteckningar")
        };
        let mut doc = SourceDocument {
            id: id.clone(),
            meta: RecordMeta::default(),
            title: format!("{word}, {} {year}", def.name),
            county: CountyId::new(COUNTY),
            kind: kind.into(),
            dated: year.to_string(),
        };
        let stamp = self.app_stamp(d(year, 1, 20));
        born(&mut doc.meta, stamp);
        self.data.documents.push(doc);
        self.docs.insert((b, year), id.clone());
        id
    }

    fn place(&mut self, def: &BodyDef, date: NaiveDate) -> String {
        let pandemic = date >= d(2020, 3, 16) && date <= d(2021, 9, 30);
        if pandemic && self.rng.chance(0.93) {
            return TEAMS.into();
        }
        if def.style == Style::Political {
            let physical = match self.rng.below(10) {
                0..=3 => REGION_PLACE.to_owned(),
                4..=6 => NK_PLACE.to_owned(),
                _ => (*self.rng.pick(TOWN_HALLS)).to_owned(),
            };
            if date > d(2021, 9, 30) && self.rng.chance(0.35) {
                return format!("{physical}, samt digitalt via Microsoft Teams");
            }
            return physical;
        }
        if def.place != TEAMS && date > d(2021, 9, 30) && self.rng.chance(0.4) {
            return TEAMS.into();
        }
        if def.place == TEAMS && date < d(2020, 3, 16) {
            return if self.rng.chance(0.3) {
                "Digitalt via Skype".into()
            } else {
                NK_PLACE.into()
            };
        }
        def.place.into()
    }

    fn members_at(&self, b: usize, date: NaiveDate) -> Vec<Membership> {
        self.rt[b]
            .members
            .iter()
            .map(|&i| &self.data.memberships[i])
            .filter(|m| m.from.is_none_or(|f| f <= date) && m.to.is_none_or(|t| t >= date))
            .cloned()
            .collect()
    }

    /// Officials of the bodies that work with `area`, on `date`.
    fn experts(&mut self, area: usize, date: NaiveDate, n: usize) -> Vec<PersonId> {
        let defs = self.defs;
        let mut pool: Vec<PersonId> = vec![];
        for (b, def) in defs.iter().enumerate() {
            if def.style == Style::Officials && def.areas.contains(&area) {
                pool.extend(
                    self.members_at(b, date)
                        .into_iter()
                        .filter(|m| m.role != MembershipRole::Secretary)
                        .map(|m| m.person),
                );
            }
        }
        pool.sort();
        pool.dedup();
        let n = if self.rng.chance(0.7) { 1 } else { n };
        self.rng.pick_n(&pool, n)
    }

    fn decision_maker(
        &self,
        person: &PersonId,
        representing: &str,
        role: Option<&str>,
        note: Option<String>,
    ) -> DecisionMaker {
        DecisionMaker {
            person: person.clone(),
            representing: OrganisationId::new(representing),
            party: self.person(person).party.clone(),
            role: role.map(Into::into),
            paragraphs: None,
            note,
            serving_for: None,
        }
    }

    fn political_attendance(&mut self, b: usize, date: NaiveDate) -> Attendance {
        let region_year = self.region_year(date.year());
        let term = self.term_at(date);
        let list = if self.defs[b].id == "nb-psb" {
            term.ordinary.clone()
        } else {
            term.au.clone()
        };
        let substitutes = term.substitutes.clone();
        let (chair, vice) = if region_year {
            (term.region_chair.clone(), term.muni_chair.clone())
        } else {
            (term.muni_chair.clone(), term.region_chair.clone())
        };
        let secretary = if region_year {
            self.post_holder_at(REGION_SECRETARY, date)
        } else {
            self.post_holder_at(NK_SECRETARY, date)
        };
        let mut att = Attendance {
            chair: Some(chair.clone()),
            vice: Some(vice),
            secretary: secretary.clone(),
            ..Attendance::default()
        };
        for p in &list {
            let note = p.municipality.map(|m| town(m).to_owned());
            if p.person == chair || self.rng.chance(0.87) {
                let role = (p.person == chair).then_some("ordförande");
                att.dms
                    .push(self.decision_maker(&p.person, p.representing, role, note));
            } else if let Some(sub) = substitutes.get(&p.person) {
                if self.rng.chance(0.7) {
                    let mut text = format!("tjänstgörande ersättare för {}", self.name(&p.person));
                    if let Some(m) = p.municipality {
                        text = format!("{}, {text}", town(m));
                    }
                    att.dms.push(self.decision_maker(
                        &sub.person,
                        sub.representing,
                        Some("ersättare"),
                        Some(text),
                    ));
                }
            }
        }
        let chair_side = list
            .iter()
            .find(|p| p.person == chair)
            .map_or("region-nb", |p| p.representing);
        let candidates: Vec<usize> = att
            .dms
            .iter()
            .enumerate()
            .filter(|(_, dm)| dm.representing.as_str() != chair_side && dm.person != chair)
            .map(|(i, _)| i)
            .collect();
        if !candidates.is_empty() {
            let i = *self.rng.pick(&candidates);
            att.dms[i].role = Some("justerare".into());
            att.adjuster = Some(att.dms[i].person.clone());
        }
        if let Some(s) = secretary {
            att.participants.push(Participant {
                person: s,
                role: "Sekreterare".into(),
            });
        }
        for post in [
            ("nb-kommuner", "Samverkansledare socialtjänst", 0),
            ("nb-kommuner", "Samverkansledare barn och utbildning", 0),
            ("region-nb", "Samverkansledare hälso- och sjukvård", 0),
        ] {
            if self.rng.chance(0.6) {
                if let Some(p) = self.post_holder_at(post, date) {
                    att.participants.push(Participant {
                        person: p,
                        role: post.1.into(),
                    });
                }
            }
        }
        att
    }

    fn officials_attendance(&mut self, b: usize, date: NaiveDate) -> Attendance {
        let members = self.members_at(b, date);
        let holder = |role: MembershipRole| {
            members
                .iter()
                .find(|m| m.role == role)
                .map(|m| m.person.clone())
        };
        let mut att = Attendance {
            chair: holder(MembershipRole::Chair).or_else(|| {
                members
                    .iter()
                    .find(|m| m.role != MembershipRole::Secretary)
                    .map(|m| m.person.clone())
            }),
            vice: holder(MembershipRole::ViceChair),
            secretary: holder(MembershipRole::Secretary),
            ..Attendance::default()
        };
        for m in &members {
            if m.role == MembershipRole::Secretary {
                continue;
            }
            let is_chair = att.chair.as_ref() == Some(&m.person);
            if !is_chair && !self.rng.chance(0.8) {
                continue;
            }
            if att.dms.iter().any(|dm| dm.person == m.person) {
                continue;
            }
            let role = match (is_chair, &m.role) {
                (true, _) => Some("ordförande"),
                (false, MembershipRole::ViceChair) => Some("vice ordförande"),
                _ => None,
            };
            let representing = m
                .representing
                .as_ref()
                .map_or("region-nb", |o| o.as_str())
                .to_owned();
            let title = self.person(&m.person).title.clone().unwrap_or_default();
            let note = if representing.starts_with("kn-") {
                Some(format!("{title}, {}", town(&representing)))
            } else if title.is_empty() {
                None
            } else {
                Some(title)
            };
            let mut dm = self.decision_maker(&m.person, &representing, role, note);
            dm.party = None;
            att.dms.push(dm);
        }
        if self.rng.chance(0.4) {
            let candidates: Vec<usize> = (0..att.dms.len())
                .filter(|i| Some(&att.dms[*i].person) != att.chair.as_ref())
                .collect();
            if !candidates.is_empty() {
                let i = *self.rng.pick(&candidates);
                att.dms[i].role = Some("justerare".into());
                att.adjuster = Some(att.dms[i].person.clone());
            }
        }
        if let Some(s) = &att.secretary {
            att.participants.push(Participant {
                person: s.clone(),
                role: "Sekreterare".into(),
            });
        }
        att
    }

    /// Theme days and seminars: everyone is a participant.
    fn theme_attendance(&mut self, b: usize, date: NaiveDate) -> Attendance {
        let lsg = self.bix("nb-lansstyrgruppen").unwrap_or(b);
        let own = self.members_at(b, date);
        let lsg_members = self.members_at(lsg, date);
        let mut att = Attendance {
            secretary: own
                .iter()
                .find(|m| m.role == MembershipRole::Secretary)
                .map(|m| m.person.clone()),
            chair: lsg_members
                .iter()
                .find(|m| m.role == MembershipRole::Chair)
                .map(|m| m.person.clone()),
            ..Attendance::default()
        };
        if let Some(s) = &att.secretary {
            att.participants.push(Participant {
                person: s.clone(),
                role: "Sekreterare".into(),
            });
        }
        for m in lsg_members {
            if m.role == MembershipRole::Secretary || !self.rng.chance(0.7) {
                continue;
            }
            let role = self
                .person(&m.person)
                .title
                .clone()
                .unwrap_or_else(|| "Ledamot, länsstyrgruppen".into());
            if !att.participants.iter().any(|p| p.person == m.person) {
                att.participants.push(Participant {
                    person: m.person,
                    role,
                });
            }
        }
        let politicians = self.term_at(date).ordinary.clone();
        for p in politicians {
            if self.rng.chance(0.5) {
                att.participants.push(Participant {
                    person: p.person,
                    role: "Ledamot, politiska samverkansberedningen".into(),
                });
            }
        }
        att
    }

    fn ctx(&self, b: usize, date: NaiveDate) -> Ctx {
        let defs = self.defs;
        let def = &defs[b];
        let prep = match def.id {
            "nb-psb" => "länsstyrgruppen".to_owned(),
            "nb-lansstyrgruppen" => "länsstyrgruppens arbetsutskott".to_owned(),
            "gen-b-psb-au" => "länsstyrgruppen".to_owned(),
            "gen-b-lsg-au" => "samverkansledarna".to_owned(),
            _ => format!("en arbetsgrupp inom {}", lcfirst(def.def)),
        };
        Ctx {
            b,
            def,
            date,
            political: def.style == Style::Political,
            body: def.def.into(),
            body_lc: lcfirst(def.def),
            prep,
        }
    }

    fn meeting(&mut self, slot: &Slot) {
        let b = slot.body;
        let defs = self.defs;
        let def: &'static BodyDef = &defs[b];
        let date = slot.date;
        let ctx = self.ctx(b, date);
        let mut att = match (slot.kind, def.style) {
            (MeetingKind::ThemeDay | MeetingKind::Seminar, _) => self.theme_attendance(b, date),
            (_, Style::Political) => self.political_attendance(b, date),
            _ => self.officials_attendance(b, date),
        };
        let drafts = match slot.kind {
            MeetingKind::ThemeDay | MeetingKind::Seminar => self.theme_drafts(&ctx, slot, &att),
            MeetingKind::Extra => self.extra_drafts(&ctx, &att),
            MeetingKind::Ordinary => self.regular_drafts(&ctx, slot, &att),
        };
        let n = drafts.len() as u32;

        // Some arrive late or leave early.
        if n >= 6 {
            for dm in att.dms.iter_mut() {
                if Some(&dm.person) != att.chair.as_ref() && self.rng.chance(0.06) {
                    dm.paragraphs = Some(if self.rng.chance(0.5) {
                        ParagraphRange {
                            first: 1,
                            last: self.rng.range(3, i64::from(n) - 2) as u32,
                        }
                    } else {
                        ParagraphRange {
                            first: self.rng.range(3, i64::from(n) - 1) as u32,
                            last: n,
                        }
                    });
                }
            }
        }
        // Presenters who are not decision makers take part as participants.
        for draft in &drafts {
            for p in &draft.presenters {
                let known = att.dms.iter().any(|dm| &dm.person == p)
                    || att.participants.iter().any(|x| &x.person == p);
                if !known {
                    let role = self
                        .person(p)
                        .title
                        .clone()
                        .unwrap_or_else(|| "Föredragande".into());
                    att.participants.push(Participant {
                        person: p.clone(),
                        role,
                    });
                }
            }
        }

        let short = def
            .id
            .trim_start_matches("gen-b-")
            .trim_start_matches("nb-");
        let mid = MeetingId::new(self.fresh_id(&format!("gen-mt-{short}-{date}")));
        let doc = self.doc_for(b, date.year());
        let place = self.place(def, date);
        let timed = ctx.political
            || def.id == "nb-lansstyrgruppen"
            || slot.kind != MeetingKind::Ordinary
            || self.rng.chance(0.55);
        let start = match (ctx.political, place == TEAMS) {
            (true, _) => *self.rng.pick(&[t(9, 30), t(10, 0), t(9, 0), t(10, 0)]),
            (false, true) => *self.rng.pick(&[t(8, 30), t(9, 0), t(13, 0), t(13, 30)]),
            (false, false) => *self.rng.pick(&[t(9, 0), t(9, 30), t(10, 0), t(13, 0)]),
        };
        // The sent-out agenda is registered for the political bodies, the
        // county steering group and theme days; for the networks only now
        // and then, their notes follow the agenda anyway.
        let with_agenda = ctx.political
            || def.id == "nb-lansstyrgruppen"
            || slot.kind != MeetingKind::Ordinary
            || self.rng.chance(0.35);
        let agenda = if with_agenda {
            self.agenda(&drafts, start, ctx.political, timed)
        } else {
            vec![]
        };
        let start_fact = if self.rng.chance(0.03) {
            Fact::Unknown {
                reason: "Starttiden framgår inte av protokollet.".into(),
            }
        } else {
            Fact::Stated(start)
        };
        let date_fact = if date.year() < 2019 && self.rng.chance(0.02) {
            Fact::Inferred {
                value: date,
                reason: "Datumet är inte tryckt i protokollet; det framgår av kallelsen och justeringsdatumet.".into(),
            }
        } else {
            Fact::Stated(date)
        };
        let word = if ctx.political {
            "Protokoll"
        } else {
            "Minnesanteckningar"
        };
        let mut meeting = Meeting {
            id: mid.clone(),
            meta: RecordMeta::default(),
            body: BodyId::new(def.id),
            date: date_fact,
            start: start_fact,
            place,
            kind: slot.kind,
            decision_makers: vec![],
            participants: vec![],
            chair: None,
            secretary: None,
            adjusters: vec![],
            signatures: vec![],
            agenda: vec![],
            minutes: MinutesState::Planned,
            note: None,
            addenda: vec![],
        };
        meeting.meta.sources = vec![SourceRef {
            document: doc.clone(),
            locator: Some(format!("{word} {date}")),
        }];
        // In the app a meeting is planned ahead, minuted after the meeting
        // and adjusted later: three edits with the app's own `touch` and
        // `touch_changed`. Before the app, the meeting is transcribed history.
        let planned = date - days(self.rng.range(14, 45));
        let plan_stamp = self.app_stamp(planned);
        born(&mut meeting.meta, plan_stamp);
        let registered = date + days(self.rng.range(1, 5));
        let adjusted_on = date + days(self.rng.range(5, 18));
        let adjusted = date <= d(2025, 11, 30) || (date <= d(2025, 12, 10) && self.rng.chance(0.7));
        let note = if slot.kind == MeetingKind::ThemeDay {
            Some(
                "Gemensam temadag för länsstyrgruppen och politiska samverkansberedningen."
                    .to_owned(),
            )
        } else if self.rng.chance(0.04) {
            Some((*self.rng.pick(&[
                "Sammanträdet hölls digitalt på grund av väderläget.",
                "Sammanträdet förkortades; punkter som inte hanns med flyttades till nästa möte.",
                "Protokollet justerades digitalt.",
                "Ledamöterna från inlandskommunerna deltog digitalt.",
            ]))
            .to_owned())
        } else {
            None
        };
        let before = record_fields(&meeting);
        meeting.decision_makers = att.dms.clone();
        meeting.participants = att.participants.clone();
        meeting.chair = att.chair.clone();
        meeting.secretary = att.secretary.clone();
        meeting.adjusters = att.adjuster.iter().cloned().collect();
        meeting.agenda = agenda;
        meeting.note = note;
        meeting.minutes = if adjusted || self.rng.chance(0.6) {
            MinutesState::ForAdjustment
        } else {
            MinutesState::Draft
        };
        let reg_stamp = self.app_stamp(registered);
        if let Some(stamp) = reg_stamp.clone() {
            if meeting.meta.version.is_empty() {
                meeting.meta.touch(stamp);
            } else {
                touch_changed(&mut meeting, &before, stamp);
            }
        }
        if adjusted {
            let all = ParagraphRange { first: 1, last: n };
            let mut signatures = vec![];
            if let Some(s) = &att.secretary {
                signatures.push(Signature {
                    person: s.clone(),
                    role: SignatureRole::Secretary,
                    paragraphs: Some(all),
                    signed: None,
                });
            }
            if let Some(c) = &att.chair {
                signatures.push(Signature {
                    person: c.clone(),
                    role: SignatureRole::Chair,
                    paragraphs: Some(all),
                    signed: None,
                });
            }
            if let Some(a) = &att.adjuster {
                signatures.push(Signature {
                    person: a.clone(),
                    role: SignatureRole::Adjuster,
                    paragraphs: Some(all),
                    signed: None,
                });
            }
            let stamp = self.app_stamp(adjusted_on);
            change(&mut meeting, stamp, |m| {
                m.minutes = MinutesState::Adjusted {
                    date: Fact::Stated(adjusted_on),
                };
                m.signatures = signatures;
            });
        }
        self.data.meetings.push(meeting);

        let first_index = self.data.paragraphs.len();
        for (i, draft) in drafts.into_iter().enumerate() {
            let number = i as u32 + 1;
            let index = first_index + i;
            if let Some(thread) = draft.decides {
                if !draft.follow_ups.is_empty() {
                    if let Some(t) = self.rt[b].threads.iter_mut().find(|t| t.id == thread) {
                        t.decided = Some((index, 0, date));
                    }
                }
            }
            let pid = ParagraphId::new(format!("{mid}-p{number}"));
            if let Some((p, f)) = draft.handles {
                self.handled.push((p, f, pid.clone(), registered));
            }
            let mut paragraph = Paragraph {
                id: pid,
                meta: RecordMeta::default(),
                meeting: mid.clone(),
                number,
                title: draft.title,
                presenters: draft.presenters,
                documents: draft.documents,
                background: draft.background,
                proposal: draft.proposal,
                decision: draft.decision,
                decision_kind: draft.kind.unwrap_or(DecisionKind::NoDecision),
                parts: draft.parts,
                follow_ups: draft.follow_ups,
                disqualified: vec![],
                reservations: vec![],
            };
            // The meeting names the minutes as its source; the § are found
            // in them by number, so they carry no source of their own.
            born(&mut paragraph.meta, reg_stamp.clone());
            self.data.paragraphs.push(paragraph);
        }
        if slot.kind != MeetingKind::ThemeDay {
            self.rt[b].last_meeting = Some(date);
        }
    }

    fn agenda(
        &mut self,
        drafts: &[Draft],
        start: NaiveTime,
        political: bool,
        timed: bool,
    ) -> Vec<AgendaItem> {
        let mut items = vec![];
        if political {
            items.push(AgendaItem {
                number: None,
                title: "Upprop".into(),
                start: None,
                end: None,
                presenters: vec![],
                documents: vec![],
                notes: vec![],
            });
        }
        let mut clock = start;
        let mut had_coffee = false;
        let mut had_lunch = clock >= t(12, 0);
        for (i, draft) in drafts.iter().enumerate() {
            let long = draft.minutes > 5;
            if timed && long && !had_coffee && clock >= t(10, 15) && clock < t(11, 30) {
                let end = clock + Duration::minutes(15);
                items.push(AgendaItem {
                    number: None,
                    title: (*self.rng.pick(&["Kaffe", "Bensträckare", "Fika"])).into(),
                    start: Some(clock),
                    end: Some(end),
                    presenters: vec![],
                    documents: vec![],
                    notes: vec![],
                });
                clock = end;
                had_coffee = true;
            }
            if timed && long && !had_lunch && clock >= t(11, 50) {
                let lunch = clock.max(t(12, 0));
                let end = lunch + Duration::minutes(60);
                items.push(AgendaItem {
                    number: None,
                    title: "Lunch".into(),
                    start: Some(lunch),
                    end: Some(end),
                    presenters: vec![],
                    documents: vec![],
                    notes: vec![],
                });
                clock = end;
                had_lunch = true;
            }
            let end = clock + Duration::minutes(i64::from(draft.minutes));
            items.push(AgendaItem {
                number: Some(i as u32 + 1),
                title: draft.title.clone(),
                start: (timed && long).then_some(clock),
                end: (timed && long).then_some(end),
                presenters: draft.presenters.clone(),
                // The utsänd dagordning lists the documents of some items.
                documents: if self.rng.chance(0.3) {
                    draft.documents.clone()
                } else {
                    vec![]
                },
                notes: draft.agenda_note.iter().cloned().collect(),
            });
            clock = end;
        }
        items
    }
}

// ---------------------------------------------------------------------------
// The text of the minutes
// ---------------------------------------------------------------------------

type Words = Vec<(&'static str, String)>;

fn say(template: impl AsRef<str>, words: &Words) -> String {
    let refs: Vec<(&str, &str)> = words.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &refs)
}

fn doc(title: impl Into<String>) -> DocumentRef {
    DocumentRef {
        title: title.into(),
        reference: None,
    }
}

impl Gen {
    /// The words one § draws on, chosen once so that its sentences agree.
    fn words(&mut self, ctx: &Ctx, area: usize, subject: &str) -> Words {
        let a = &AREAS[area];
        let year = ctx.date.year();
        let r = &mut self.rng;
        let pct = r.range(12, 94).to_string();
        let count = thousands(r.range(12, 240) as u64 * 10);
        let days_ = r.range(2, 6).to_string();
        let numbers: [(&str, &str); 4] = [
            ("year", &year.to_string()),
            ("pct", &pct),
            ("count", &count),
            ("days", &days_),
        ];
        let fact = fill(r.pick(a.facts), &numbers);
        let finding = fill(r.pick(a.findings), &numbers);
        let goal = (*r.pick(a.goals)).to_owned();
        let n_towns = r.range(2, 3) as usize;
        let towns: Vec<String> = r
            .pick_n(MUNICIPALITIES, n_towns)
            .into_iter()
            .map(|(_, name)| name.to_owned())
            .collect();
        let town_name = r.pick(MUNICIPALITIES).1.to_owned();
        let ahead = ctx.date + days(r.range(30, 100));
        let from = d(ahead.year(), ahead.month(), 1);
        let prepdate = ctx.date - days(r.range(14, 40));
        vec![
            ("subject", subject.to_owned()),
            ("area", a.name.to_owned()),
            ("Prep", ucfirst(&ctx.prep)),
            ("prep", ctx.prep.clone()),
            ("body", ctx.body_lc.clone()),
            ("since", (year - r.range(1, 6) as i32).to_string()),
            ("year2", (year + 2).to_string()),
            ("year", year.to_string()),
            ("prevyear", (year - 1).to_string()),
            ("nextyear", (year + 1).to_string()),
            ("season2", (*r.pick(&["våren", "hösten"])).to_owned()),
            ("season", season(ctx.date).to_owned()),
            ("amount", thousands(r.range(8, 240) as u64 * 50_000)),
            ("towns", join_and(&towns)),
            ("Town", town_name),
            ("n", r.range(6, 14).to_string()),
            ("date", from.to_string()),
            ("prepdate", prepdate.to_string()),
            ("goal", goal),
            ("Purpose", (*r.pick(&["Syftet är", "Målet är"])).to_owned()),
            ("finding", finding),
            ("fact", fact),
            ("discussion", (*r.pick(DISCUSSIONS)).to_owned()),
            ("concern", (*r.pick(CONCERNS)).to_owned()),
        ]
    }

    /// A background of a few sentences in one or two blocks, now and then
    /// with sub-headings and a list, as the minutes write them.
    fn background(
        &mut self,
        ctx: &Ctx,
        area: usize,
        subject: &str,
        middles: usize,
        closer: bool,
    ) -> Vec<Block> {
        let w = self.words(ctx, area, subject);
        // A § states its fact, finding, goal and so on once.
        const ONCE: [&str; 5] = ["{fact}", "{finding}", "{goal}", "{discussion}", "{concern}"];
        let mut said: HashSet<&str> = HashSet::new();
        let mut fresh = |template: &str| {
            let words: Vec<&str> = ONCE
                .iter()
                .copied()
                .filter(|k| template.contains(k))
                .collect();
            if words.iter().any(|k| said.contains(k)) {
                return false;
            }
            said.extend(words);
            true
        };
        let opener = *self.rng.pick(OPENERS);
        fresh(opener);
        let mut sentences = vec![say(opener, &w)];
        for _ in 0..middles {
            let middle = *self.rng.pick(MIDDLES);
            if fresh(middle) {
                sentences.push(say(middle, &w));
            }
        }
        if (2020..=2021).contains(&ctx.date.year()) && self.rng.chance(0.2) {
            sentences.push(format!(
                "Med anledning av covid-19-pandemin har delar av arbetet fått skjutas upp under {}.",
                ctx.date.year()
            ));
        }
        if closer {
            sentences.push(say(self.rng.pick(CLOSERS), &w));
        }
        let mut seen = HashSet::new();
        sentences.retain(|s| seen.insert(s.clone()));
        let structured = self.rng.chance(0.12) && sentences.len() >= 3;
        let mut blocks = vec![];
        if structured {
            blocks.push(Block::Heading {
                heading: "Bakgrund".into(),
            });
            blocks.push(Block::Paragraph(sentences.remove(0)));
            blocks.push(Block::Heading {
                heading: "Aktuellt".into(),
            });
            blocks.push(Block::Paragraph(sentences.join(" ")));
        } else if sentences.len() >= 3 && self.rng.chance(0.6) {
            let split = self.rng.range(1, sentences.len() as i64 - 1) as usize;
            let rest = sentences.split_off(split);
            blocks.push(Block::Paragraph(sentences.join(" ")));
            blocks.push(Block::Paragraph(rest.join(" ")));
        } else {
            blocks.push(Block::Paragraph(sentences.join(" ")));
        }
        if self.rng.chance(0.1) {
            let items = self
                .rng
                .pick_n(AREAS[area].subjects, 3)
                .into_iter()
                .map(ucfirst)
                .collect();
            blocks.push(Block::Paragraph(
                (*self.rng.pick(&[
                    "Arbetet är inriktat på följande områden:",
                    "Fokus för det fortsatta arbetet ligger inom dessa områden:",
                    "Följande delar ingår:",
                ]))
                .into(),
            ));
            blocks.push(Block::List(items));
        }
        blocks
    }

    /// A proposal and the decision on it; `follow` is a promise the
    /// decision adds.
    fn decide(&mut self, ctx: &Ctx, what: &str, follow: Option<&str>) -> (String, String) {
        let proposers: &[&str] = if ctx.political {
            &[
                "Ordförande föreslår {body_lc} att {what}.",
                "{body} föreslås besluta att {what}.",
                "Arbetsutskottet föreslår {body_lc} att {what}.",
                "Länsstyrgruppen föreslår {body_lc} att {what}.",
                "Ordförande föreslår {body_lc} att {what}.",
            ]
        } else {
            &[
                "Ordförande föreslår {body_lc} att {what}.",
                "{body} föreslås besluta att {what}.",
                "Förslag till beslut: att {what}.",
                "Ordförande föreslår att {body_lc} beslutar att {what}.",
            ]
        };
        let slots = [
            ("body_lc", ctx.body_lc.as_str()),
            ("body", ctx.body.as_str()),
            ("what", what),
        ];
        let proposal = fill(self.rng.pick(proposers), &slots);
        let decision = match follow {
            Some(follow) => format!("{} beslutar att {what}, samt att {follow}.", ctx.body),
            None if self.rng.chance(0.2) => {
                format!("{} beslutar i enlighet med förslaget.", ctx.body)
            }
            None => format!("{} beslutar att {what}.", ctx.body),
        };
        (proposal, decision)
    }

    /// A promise to report back, as the decision words it and as a follow-up.
    fn promise(&mut self, ctx: &Ctx, title: &str) -> (String, PromisedFollowUp) {
        let due = ctx.date + days(self.rng.range(150, 330));
        let month = format!("{} {}", samverkan::format::month(due), due.year());
        let dated = self.rng.chance(0.85);
        let clause = match self.rng.below(3) {
            0 => format!(
                "ge {} i uppdrag att återkomma med en uppföljning senast {due}",
                ctx.prep
            ),
            1 => format!("återrapportering ska ske till {} senast {due}", ctx.body_lc),
            _ => format!(
                "uppdra åt {} att redovisa hur arbetet fortskrider vid sammanträdet i {month}",
                ctx.prep
            ),
        };
        let text = if dated {
            format!(
                "{}: återrapportering till {} senast {due}.",
                ucfirst(title),
                ctx.body_lc
            )
        } else {
            format!(
                "{}: återrapportering till {} (inget datum anges).",
                ucfirst(title),
                ctx.body_lc
            )
        };
        (
            clause,
            PromisedFollowUp {
                text,
                due: dated.then_some(due),
                to_body: Some(BodyId::new(ctx.def.id)),
                handled_in: None,
            },
        )
    }

    fn area_for(&mut self, ctx: &Ctx) -> usize {
        let pandemic = (2020..=2022).contains(&ctx.date.year());
        let areas: Vec<usize> = ctx
            .def
            .areas
            .iter()
            .copied()
            .filter(|a| *a != COVID || pandemic)
            .collect();
        if areas.is_empty() {
            NARA
        } else {
            *self.rng.pick(&areas)
        }
    }

    // -- the standing items ---------------------------------------------

    fn d_adjuster(&mut self, ctx: &Ctx, person: &PersonId) -> Draft {
        let p = self.person(person);
        let side = match p.organisation.as_ref().map(|o| o.as_str()) {
            Some("region-nb") => "Region Norrbotten",
            _ => "Norrbottens Kommuner",
        };
        let who = match &p.party {
            Some(party) => format!("{} ({party}), {side},", p.name),
            None => format!("{}, {side},", p.name),
        };
        Draft {
            title: "Val av justerare".into(),
            proposal: Some(format!(
                "Ordförande föreslår att {who} utses till justerare."
            )),
            decision: Some(format!(
                "{} beslutar att {who} utses till justerare.",
                ctx.body
            )),
            kind: Some(DecisionKind::Elected),
            minutes: 3,
            ..Draft::default()
        }
    }

    fn d_agenda(&mut self, ctx: &Ctx) -> Draft {
        let addition = self.rng.chance(0.2);
        let extra = if addition {
            let area = self.area_for(ctx);
            let subject = *self.rng.pick(AREAS[area].subjects);
            format!(" med tillägg av en övrig fråga om {subject}")
        } else {
            String::new()
        };
        Draft {
            title: "Godkännande av dagordning".into(),
            background: vec![Block::Paragraph(
                "Ordförande presenterar utsänd dagordning.".into(),
            )],
            proposal: Some(format!(
                "Ordförande föreslår {} att godkänna dagordningen{extra}.",
                ctx.body_lc
            )),
            decision: Some(format!(
                "{} beslutar att godkänna dagordningen{extra}.",
                ctx.body
            )),
            kind: Some(DecisionKind::Approved),
            minutes: 2,
            ..Draft::default()
        }
    }

    fn d_previous(&mut self, ctx: &Ctx, previous: NaiveDate) -> Draft {
        let (title, word) = if ctx.political {
            ("Föregående mötesprotokoll", "protokoll")
        } else {
            ("Föregående minnesanteckningar", "minnesanteckningar")
        };
        let genitive = if ctx.body.ends_with('s') {
            ctx.body.clone()
        } else {
            format!("{}s", ctx.body)
        };
        Draft {
            title: title.into(),
            documents: vec![doc(format!("{genitive} {word} {previous}"))],
            proposal: Some(format!(
                "Ordförande föreslår {} att lägga föregående {word} {previous}, med godkännande, till handlingarna.",
                ctx.body_lc
            )),
            decision: Some(format!(
                "{} beslutar att lägga föregående {word} {previous}, med godkännande, till handlingarna.",
                ctx.body
            )),
            kind: Some(DecisionKind::NotedToFile),
            minutes: 3,
            ..Draft::default()
        }
    }

    fn d_opening(&mut self) -> Draft {
        let text = *self.rng.pick(&[
            "Ordförande hälsar välkommen och öppnar mötet.",
            "Ordförande hälsar välkommen och öppnar mötet. En kort presentationsrunda genomförs eftersom gruppen har nya deltagare.",
            "Mötet öppnas. Dagordningen godkänns utan ändringar.",
            "Ordförande öppnar mötet och går igenom dagordningen, som godkänns.",
        ]);
        Draft {
            title: "Mötets öppnande".into(),
            background: vec![Block::Paragraph(text.into())],
            kind: Some(DecisionKind::NoDecision),
            minutes: 5,
            ..Draft::default()
        }
    }

    fn d_election(&mut self, ctx: &Ctx, chair: &PersonId, vice: &PersonId) -> Draft {
        let (c, v) = (self.name(chair), self.name(vice));
        let year = ctx.date.year();
        Draft {
            title: format!("Val av ordförande och vice ordförande för {year}"),
            proposal: Some(format!(
                "Ordförande föreslår att {c} väljs till ordförande och {v} till vice ordförande för {year}."
            )),
            decision: Some(format!(
                "{} beslutar att välja {c} till ordförande och {v} till vice ordförande för {year}.",
                ctx.body
            )),
            kind: Some(DecisionKind::Elected),
            minutes: 5,
            ..Draft::default()
        }
    }

    fn d_other_questions(&mut self, ctx: &Ctx) -> Draft {
        let mut draft = Draft {
            title: "Övriga frågor".into(),
            kind: Some(DecisionKind::NoDecision),
            minutes: 5,
            ..Draft::default()
        };
        if self.rng.chance(0.55) {
            draft.background = vec![Block::Paragraph(
                (*self
                    .rng
                    .pick(&["Inga övriga frågor.", "Inga övriga frågor anmäldes."]))
                .into(),
            )];
            return draft;
        }
        let area = self.area_for(ctx);
        let subject = *self.rng.pick(AREAS[area].subjects);
        let wish = format!("Information om {subject}.");
        draft.background = vec![
            Block::Paragraph("Önskemål om ärenden att behandla vid kommande sammanträden:".into()),
            Block::List(vec![wish]),
        ];
        draft.follow_ups.push(PromisedFollowUp {
            text: format!("Önskemål om information om {subject} vid kommande sammanträde (inget datum anges)."),
            due: None,
            to_body: Some(BodyId::new(ctx.def.id)),
            handled_in: None,
        });
        draft
    }

    fn d_messages(&mut self, ctx: &Ctx) -> Draft {
        let mut draft = Draft {
            title: "Meddelanden".into(),
            kind: Some(DecisionKind::NoDecision),
            minutes: 3,
            ..Draft::default()
        };
        if self.rng.chance(0.4) {
            draft.background = vec![Block::Paragraph("Inga meddelanden.".into())];
            return draft;
        }
        let n = self.rng.range(1, 3);
        let mut items = vec![];
        for _ in 0..n {
            let when = ctx.date - days(self.rng.range(10, 60));
            let area = self.area_for(ctx);
            let subject = *self.rng.pick(AREAS[area].subjects);
            items.push(match self.rng.below(4) {
                0 => format!(
                    "Protokollsutdrag från regionstyrelsen {when} § {}.",
                    self.rng.range(80, 260)
                ),
                1 => format!("Skrivelse från Socialstyrelsen om {subject}."),
                2 => format!("Minnesanteckningar från länsstyrgruppen {when}."),
                _ => format!("Inbjudan till regional konferens om {subject}."),
            });
        }
        items.sort();
        items.dedup();
        draft.background = vec![Block::List(items)];
        draft
    }

    fn d_closing(&mut self) -> Draft {
        Draft {
            title: "Sammanträdets avslutande".into(),
            background: vec![Block::Paragraph(
                (*self.rng.pick(&[
                    "Ordförande tackar för deltagandet och avslutar sammanträdet.",
                    "Ordförande tackar alla för ett givande möte och avslutar sammanträdet.",
                ]))
                .into(),
            )],
            kind: Some(DecisionKind::NoDecision),
            minutes: 2,
            ..Draft::default()
        }
    }

    fn d_next(&mut self, slot: &Slot, place: &str) -> Draft {
        let text = match slot.next {
            Some(next) => format!(
                "Nästa möte hålls {}. Plats: {place}.",
                samverkan::format::date(next)
            ),
            None => "Datum för nästa möte meddelas senare.".into(),
        };
        Draft {
            title: "Nästa möte".into(),
            background: vec![Block::Paragraph(text)],
            kind: Some(DecisionKind::NoDecision),
            minutes: 2,
            ..Draft::default()
        }
    }

    fn d_meeting_plan(&mut self, ctx: &Ctx, slot: &Slot) -> Draft {
        let year = ctx.date.year() + 1;
        let mut draft = Draft {
            title: format!("Sammanträdesplan {year}"),
            kind: Some(DecisionKind::Approved),
            minutes: 5,
            ..Draft::default()
        };
        let dates: Vec<String> = slot
            .next_year
            .iter()
            .map(|x| samverkan::format::date(*x))
            .collect();
        draft.background = if dates.is_empty() {
            vec![Block::Paragraph(format!(
                "Sammanträdesdagarna för {year} samordnas med huvudmännens egna sammanträdesplaner och meddelas senare."
            ))]
        } else {
            vec![
                Block::Paragraph(format!("Förslag till sammanträdesdagar för {year}:")),
                Block::List(dates),
            ]
        };
        let (p, d) = self.decide(
            ctx,
            &format!("godkänna sammanträdesplanen för {year}"),
            None,
        );
        draft.proposal = Some(p);
        draft.decision = Some(d);
        draft
    }

    fn d_budget(&mut self, ctx: &Ctx) -> Draft {
        let year = ctx.date.year() + 1;
        let amount = thousands(self.rng.range(24, 60) as u64 * 100_000);
        let w = self.words(ctx, NARA, "den gemensamma samverkansorganisationen");
        let title = format!(
            "Verksamhetsplan och budget {year} för den gemensamma samverkansorganisationen"
        );
        let (p, d) = self.decide(
            ctx,
            &format!("anta verksamhetsplan och budget för {year}"),
            None,
        );
        Draft {
            title,
            documents: vec![doc(format!("Verksamhetsplan och budget {year}"))],
            background: vec![
                Block::Paragraph(format!(
                    "Förslaget till verksamhetsplan omfattar de gemensamma prioriteringarna för {year}. Budgeten uppgår till {amount} kronor och finansieras lika av Region Norrbotten och kommunerna."
                )),
                Block::Paragraph(say(self.rng.pick(MIDDLES), &w)),
            ],
            proposal: Some(p),
            decision: Some(d),
            kind: Some(DecisionKind::Adopted),
            minutes: 20,
            ..Draft::default()
        }
    }

    fn d_annual_report(&mut self, ctx: &Ctx) -> Draft {
        let year = ctx.date.year() - 1;
        let area = self.area_for(ctx);
        let subject = *self.rng.pick(AREAS[area].subjects);
        let background = self.background(ctx, area, subject, 2, false);
        let what = format!("godkänna verksamhetsberättelsen för {year}");
        let (p, d) = self.decide(ctx, &what, None);
        Draft {
            title: format!("Verksamhetsberättelse {year}"),
            documents: vec![doc(format!("Verksamhetsberättelse {year}"))],
            background,
            proposal: Some(p),
            decision: Some(d),
            kind: Some(DecisionKind::Approved),
            minutes: 15,
            ..Draft::default()
        }
    }

    fn d_adopt_agreement(&mut self, ctx: &Ctx, index: usize) -> Draft {
        let a = &self.data.agreements[index];
        let title = a.title.clone();
        let in_force = a
            .entry_into_force
            .as_ref()
            .and_then(|e| e.date.value().copied())
            .unwrap_or(ctx.date);
        let area = AGREEMENTS
            .iter()
            .find(|x| x.id == a.id.as_str())
            .map_or(NARA, |x| x.area);
        let w = self.words(ctx, area, AREAS[area].subjects[0]);
        let what = format!(
            "anta {} och rekommendera respektive huvudman att fatta likalydande beslut",
            lcfirst(&title)
        );
        let (_, decision) = self.decide(ctx, &what, None);
        Draft {
            title: title.clone(),
            documents: vec![doc(title.clone()), doc("Remissammanställning")],
            background: vec![
                Block::Paragraph(format!(
                    "Förslaget till {} har tagits fram av länsstyrgruppen och har varit på remiss hos länets kommuner och Region Norrbotten.",
                    lcfirst(&title)
                )),
                Block::Paragraph(say("{fact} Syftet är {goal}.", &w)),
                Block::Paragraph(format!("Överenskommelsen föreslås gälla från och med {in_force}.")),
            ],
            proposal: Some(format!(
                "Länsstyrgruppen föreslår politiska samverkansberedningen att {what}."
            )),
            decision: Some(decision.replace(" i enlighet med förslaget", &format!(" att {what}"))),
            kind: Some(DecisionKind::Adopted),
            minutes: 30,
            agenda_note: Some("Beslutsärende".into()),
            ..Draft::default()
        }
    }

    // -- matters followed over several meetings ---------------------------

    fn new_thread(&mut self, ctx: &Ctx) -> usize {
        let area = self.area_for(ctx);
        let subject = *self.rng.pick(AREAS[area].subjects);
        let (kind, prep, _) = *self.rng.pick(DOC_TYPES);
        let periodic = matches!(
            kind,
            "Handlingsplan"
                | "Länsgemensam handlingsplan"
                | "Strategi"
                | "Färdplan"
                | "Projektplan"
        );
        let period = if periodic && self.rng.chance(0.6) {
            let y = ctx.date.year() + i32::from(ctx.date.month() > 8);
            format!(" {y}–{}", y + 2)
        } else {
            String::new()
        };
        let title = format!("{kind} {prep} {subject}{period}");
        self.thread_no += 1;
        self.rt[ctx.b].threads.push(Thread {
            id: self.thread_no,
            area,
            title,
            remiss: self.rng.chance(0.45),
            step: 0,
            decided: None,
        });
        self.rt[ctx.b].threads.len() - 1
    }

    fn advance_thread(&mut self, ctx: &Ctx, ti: usize) -> Draft {
        let (id, area, title, remiss, mut step, decided) = {
            let t = &self.rt[ctx.b].threads[ti];
            (t.id, t.area, t.title.clone(), t.remiss, t.step, t.decided)
        };
        if step == 1 && !remiss {
            step = 2;
        }
        let title_lc = lcfirst(&title);
        let subject = *self.rng.pick(AREAS[area].subjects);
        let experts = self.experts(area, ctx.date, 2);
        let mut draft = Draft {
            presenters: experts,
            minutes: 5 * self.rng.range(3, 9) as u32,
            ..Draft::default()
        };
        match step {
            0 => {
                draft.title = match self.rng.below(3) {
                    0 => format!("{title} – information"),
                    1 => format!("Information om arbetet med {title_lc}"),
                    _ => format!("{title}, lägesrapport"),
                };
                let closer = self.rng.chance(0.5);
                draft.background = self.background(ctx, area, subject, 1, closer);
                let what = *self.rng.pick(NOTED);
                let (p, d) = self.decide(ctx, what, None);
                draft.proposal = Some(p);
                draft.decision = Some(d);
                draft.kind = Some(DecisionKind::NotedToFile);
                draft.agenda_note = self.rng.chance(0.3).then(|| "Informationsärende".into());
            }
            1 => {
                draft.title = format!("{title} – förslag inför remiss");
                draft.documents = vec![doc(format!("Förslag: {title}"))];
                draft.background = self.background(ctx, area, subject, 1, true);
                let what = format!(
                    "godkänna att förslaget till {title_lc} skickas på remiss till huvudmännen"
                );
                let (p, d) = self.decide(ctx, &what, None);
                draft.proposal = Some(p);
                draft.decision = Some(d);
                draft.kind = Some(DecisionKind::Approved);
            }
            2 => {
                draft.title = format!("{title}, beslutsärende");
                draft.documents = vec![doc(title.clone())];
                if remiss {
                    draft.documents.push(doc("Remissammanställning"));
                }
                draft.background = self.background(ctx, area, subject, 2, true);
                let adopt = self.rng.chance(0.7);
                let what = if adopt {
                    fill(
                        self.rng.pick(&[
                            "anta {t}",
                            "anta {t} och rekommendera respektive huvudman att fatta likalydande beslut",
                            "fastställa {t}",
                            "anta {t} och skicka den för beslut till respektive huvudman",
                        ]),
                        &[("t", &title_lc)],
                    )
                } else {
                    fill(
                        self.rng.pick(&[
                            "godkänna {t}",
                            "ställa sig bakom {t}",
                            "godkänna {t} och uppdra åt {p} att verkställa beslutet",
                        ]),
                        &[("t", &title_lc), ("p", &ctx.prep)],
                    )
                };
                let promise = if self.rng.chance(0.85) {
                    Some(self.promise(ctx, &title))
                } else {
                    None
                };
                let (p, d) = self.decide(ctx, &what, promise.as_ref().map(|(c, _)| c.as_str()));
                draft.proposal = Some(p);
                draft.decision = Some(d);
                draft.kind = Some(if adopt {
                    DecisionKind::Adopted
                } else {
                    DecisionKind::Approved
                });
                draft.follow_ups = promise.into_iter().map(|(_, f)| f).collect();
                draft.decides = Some(id);
                draft.agenda_note = self.rng.chance(0.4).then(|| "Beslutsärende".into());
            }
            _ => {
                draft.title = format!("Uppföljning av {title_lc}");
                let w = self.words(ctx, area, subject);
                let mut blocks = self.background(ctx, area, subject, 1, false);
                blocks.push(Block::Paragraph(say(
                    "Uppföljningen visar att {finding}. Arbetet fortsätter enligt plan och nästa uppföljning sker {season2} {nextyear}.",
                    &w,
                )));
                draft.background = blocks;
                let what = *self.rng.pick(&[
                    "godkänna uppföljningen och lägga den till handlingarna",
                    "lägga redovisningen till handlingarna",
                ]);
                let (p, d) = self.decide(ctx, what, None);
                draft.proposal = Some(p);
                draft.decision = Some(d);
                draft.kind = Some(DecisionKind::NotedToFile);
                draft.handles = decided.map(|(p, f, _)| (p, f));
            }
        }
        let threads = &mut self.rt[ctx.b].threads;
        let done = step >= 3 || (step == 2 && draft.follow_ups.is_empty());
        if done {
            threads.remove(ti);
        } else {
            threads[ti].step = step + 1;
        }
        draft
    }

    // -- items on their own ---------------------------------------------

    fn d_item(&mut self, ctx: &Ctx, used: &mut HashSet<u64>) -> Draft {
        let r = self.rng.unit();
        let ready: Vec<usize> = self.rt[ctx.b]
            .threads
            .iter()
            .enumerate()
            .filter(|(_, t)| !used.contains(&t.id))
            .filter(|(_, t)| {
                t.step < 3
                    || t.decided
                        .is_some_and(|(_, _, dd)| ctx.date >= dd + days(120))
            })
            .map(|(i, _)| i)
            .collect();
        if r < 0.42 && !ready.is_empty() {
            let ti = *self.rng.pick(&ready);
            let id = self.rt[ctx.b].threads[ti].id;
            used.insert(id);
            if self.rng.chance(0.05) {
                // Dropped: its follow-up, if any, stays open.
                self.rt[ctx.b].threads.remove(ti);
            } else {
                return self.advance_thread(ctx, ti);
            }
        }
        if r < 0.62 && self.rt[ctx.b].threads.len() < 4 {
            let ti = self.new_thread(ctx);
            used.insert(self.rt[ctx.b].threads[ti].id);
            return self.advance_thread(ctx, ti);
        }
        self.standalone(ctx)
    }

    fn children(&self, b: usize, date: NaiveDate) -> Vec<usize> {
        let id = self.defs[b].id;
        let mut children = RELATIONS
            .iter()
            .filter(|(_, to, kind, _)| {
                *to == id
                    && matches!(
                        kind,
                        RelationKind::SubBodyOf
                            | RelationKind::WorkingCommitteeOf
                            | RelationKind::PreparesCasesFor
                    )
            })
            .filter_map(|(from, ..)| self.bix(from))
            .filter(|c| {
                let def = &self.defs[*c];
                def.style == Style::Officials
                    && d(def.formed.0, def.formed.1, 1) < date
                    && def.until.is_none_or(|u| u >= date.year())
            })
            .collect::<Vec<_>>();
        children.sort_unstable();
        children.dedup();
        children
    }

    fn standalone(&mut self, ctx: &Ctx) -> Draft {
        let covid = ctx.date >= d(2020, 3, 1) && ctx.date <= d(2022, 4, 30);
        let children = self.children(ctx.b, ctx.date);
        let central =
            ctx.political || ctx.def.id == "nb-lansstyrgruppen" || ctx.def.id == "gen-b-lsg-au";
        let year = ctx.date.year();
        let sou: Vec<&(&str, &str)> = SOU
            .iter()
            .filter(|(r, _)| {
                let y: i32 = r[4..8].parse().unwrap_or(0);
                y <= year && y >= year - 2
            })
            .collect();
        let agreement = self.data.agreements.iter().position(|a| {
            a.establishes.iter().any(|b| b.as_str() == ctx.def.id)
                && a.entry_into_force
                    .as_ref()
                    .and_then(|e| e.date.value())
                    .is_some_and(|f| *f < ctx.date)
                && match &a.validity {
                    Validity::Until { date } => *date > ctx.date,
                    Validity::UntilFurtherNotice => true,
                }
        });
        let weights = [
            if central { 3 } else { 1 },             // 0 information from a party
            2,                                       // 1 news from the municipalities
            2,                                       // 2 the world around
            if sou.is_empty() { 0 } else { 1 },      // 3 a government report
            if central { 2 } else { 1 },             // 4 state grants
            if children.is_empty() { 0 } else { 4 }, // 5 report from a sub-body
            if ctx.political { 0 } else { 2 },       // 6 deviations
            2,                                       // 7 dialogue
            if covid {
                if ctx.def.id == "gen-b-pandemi" {
                    12
                } else {
                    4
                }
            } else {
                0
            }, // 8 covid-19
            if agreement.is_some() { 1 } else { 0 }, // 9 follow-up of an agreement
            4,                                       // 10 information on a subject
        ];
        let total: usize = weights.iter().sum();
        let mut pick = self.rng.below(total);
        let mut kind = 10;
        for (i, w) in weights.iter().enumerate() {
            if pick < *w {
                kind = i;
                break;
            }
            pick -= w;
        }
        let area = self.area_for(ctx);
        let subject = *self.rng.pick(AREAS[area].subjects);
        let mut draft = Draft {
            minutes: 5 * self.rng.range(2, 6) as u32,
            kind: Some(DecisionKind::NotedToFile),
            ..Draft::default()
        };
        let w = self.words(ctx, area, subject);
        match kind {
            0 => {
                let region = self.rng.chance(0.5);
                let (org, news, post) = if region {
                    (
                        "Region Norrbotten",
                        REGION_NEWS,
                        ("region-nb", "Hälso- och sjukvårdsdirektör", 0),
                    )
                } else {
                    (
                        "Norrbottens Kommuner",
                        NK_NEWS,
                        ("nb-kommuner", "Avdelningschef social välfärd", 0),
                    )
                };
                draft.title = format!("Information från {org}");
                let n1 = say(self.rng.pick(news), &w);
                let n2 = say(self.rng.pick(news), &w);
                let mut text = format!("{org} informerar om {n1}.");
                if n2 != n1 {
                    text.push_str(&format!(" Vidare lämnas information om {n2}."));
                }
                draft.background = vec![
                    Block::Paragraph(text),
                    Block::Paragraph(say(self.rng.pick(MIDDLES), &w)),
                ];
                draft.presenters = self.post_holder_at(post, ctx.date).into_iter().collect();
            }
            1 => {
                draft.title = if central {
                    "Aktuellt från kommunerna"
                } else {
                    "Aktuellt från deltagarna"
                }
                .into();
                let n = self.rng.range(3, 4) as usize;
                let towns = self.rng.pick_n(MUNICIPALITIES, n);
                let items = towns
                    .iter()
                    .map(|(_, name)| format!("{name} {}.", self.rng.pick(TOWN_NEWS)))
                    .collect();
                draft.background = vec![
                    Block::Paragraph(
                        "Deltagarna delger varandra aktuella frågor från sina verksamheter:".into(),
                    ),
                    Block::List(items),
                ];
                draft.kind = Some(DecisionKind::NoDecision);
            }
            2 => {
                draft.title = "Omvärldsbevakning".into();
                let n = self.rng.range(2, 3) as usize;
                let items = self
                    .rng
                    .pick_n(NATIONAL_NEWS, n)
                    .into_iter()
                    .map(|s| say(s, &w))
                    .collect();
                draft.background = vec![
                    Block::Paragraph(
                        "Samverkansledarna redogör för aktuella frågor i omvärlden:".into(),
                    ),
                    Block::List(items),
                ];
                draft.presenters = self
                    .post_holder_at(
                        ("nb-kommuner", "Samverkansledare socialtjänst", 0),
                        ctx.date,
                    )
                    .into_iter()
                    .collect();
            }
            3 => {
                let (reference, title) = **self.rng.pick(&sou);
                draft.title = format!("Presentation av betänkandet ”{title}”");
                draft.documents = vec![DocumentRef {
                    title: title.into(),
                    reference: Some(reference.into()),
                }];
                draft.background = vec![
                    Block::Paragraph(format!(
                        "Presentation av betänkandet {title} ({reference}) och vad förslagen kan innebära för länets huvudmän."
                    )),
                    Block::Paragraph(say("Diskussion förs om {discussion}. {fact}", &w)),
                ];
                draft.presenters = self.experts(area, ctx.date, 1);
                draft.minutes = 30;
            }
            4 => {
                let amount = thousands(self.rng.range(20, 400) as u64 * 50_000);
                let shared = thousands(self.rng.range(4, 60) as u64 * 50_000);
                draft.title = format!("Statsbidrag {year} – {}", AREAS[area].name);
                draft.documents = vec![doc(format!(
                    "Förslag till fördelning av länsgemensamma medel {year}"
                ))];
                let uses = self.rng.pick_n(
                    &[
                        format!("Kompetensutveckling inom {subject}"),
                        "Stöd till lokala utvecklingsarbeten i länsdelarna".to_owned(),
                        "Uppföljning och analys".to_owned(),
                        "Brukarmedverkan och brukarrevisioner".to_owned(),
                        "Gemensam samordnarfunktion".to_owned(),
                    ],
                    3,
                );
                draft.background = vec![
                    Block::Paragraph(format!(
                        "Staten och SKR har tecknat en överenskommelse om {} för {year}. Norrbottens andel uppgår till {amount} kronor, varav {shared} kronor avser länsgemensamma insatser.",
                        AREAS[area].name
                    )),
                    Block::Paragraph("Förslaget till fördelning av de länsgemensamma medlen omfattar:".into()),
                    Block::List(uses),
                ];
                let (p, d) = self.decide(
                    ctx,
                    "godkänna fördelningen av de länsgemensamma medlen enligt bilaga",
                    None,
                );
                draft.proposal = Some(p);
                draft.decision = Some(d);
                draft.kind = Some(DecisionKind::Approved);
                return draft;
            }
            5 => {
                let c = *self.rng.pick(&children);
                let defs = self.defs;
                let child = &defs[c];
                let presenters: Vec<PersonId> = self
                    .members_at(c, ctx.date)
                    .into_iter()
                    .filter(|m| m.role == MembershipRole::Chair)
                    .map(|m| m.person)
                    .collect();
                draft.presenters = presenters;
                if ctx.political && child.id == "nb-lansstyrgruppen" && self.rng.chance(0.5) {
                    draft.title = "Information från Länsstyrgruppen".into();
                    let n = self.rng.range(2, 3);
                    for _ in 0..n {
                        let area = self.area_for(ctx);
                        let subject = *self.rng.pick(AREAS[area].subjects);
                        let background = self.background(ctx, area, subject, 1, false);
                        let what = *self.rng.pick(NOTED);
                        let (p, d) = self.decide(ctx, what, None);
                        draft.parts.push(ParagraphPart {
                            title: ucfirst(subject),
                            background,
                            proposal: Some(p),
                            decision: Some(d),
                        });
                    }
                    draft.minutes = 30;
                    return draft;
                }
                draft.title = format!("Rapport från {}", lcfirst(child.name));
                let meetings = self.rng.range(1, 3);
                let child_area = *self.rng.pick(child.areas);
                let topic = *self.rng.pick(AREAS[child_area].subjects);
                let held = if meetings == 1 {
                    "ett möte".to_owned()
                } else {
                    format!("{} möten", samverkan::format::count_word(meetings as u32))
                };
                draft.background = vec![
                    Block::Paragraph(format!(
                        "{} har sedan förra sammanträdet haft {held}. Arbetet har främst handlat om {topic}.",
                        child.name,
                    )),
                    Block::Paragraph(say("Uppföljningen visar att {finding}. Diskussion förs om {discussion}.", &w)),
                ];
            }
            6 => {
                let n = self.rng.range(3, 40);
                draft.title = format!(
                    "Avvikelser i samverkan {}",
                    if ctx.date.month() <= 6 {
                        format!("andra halvåret {}", year - 1)
                    } else {
                        format!("första halvåret {year}")
                    }
                );
                draft.background = vec![Block::Paragraph(format!(
                    "Under perioden har {n} avvikelser i samverkan mellan huvudmännen rapporterats, varav flertalet rör {}. Avvikelserna har återkopplats till berörda verksamheter.",
                    self.rng.pick(DEVIATIONS)
                ))];
            }
            7 => {
                draft.title = format!("Dialog om {subject}");
                let n = self.rng.range(2, 3) as usize;
                let points = self
                    .rng
                    .pick_n(DISCUSSIONS, n)
                    .into_iter()
                    .map(|p| format!("{}.", ucfirst(p)))
                    .collect();
                draft.background = vec![
                    Block::Paragraph(format!(
                        "{} för en dialog om {subject}. Följande synpunkter framkommer:",
                        ctx.body
                    )),
                    Block::List(points),
                    Block::Paragraph("Dialogen tas med i det fortsatta arbetet.".into()),
                ];
                draft.kind = Some(DecisionKind::NoDecision);
            }
            8 => {
                draft.title = (*self.rng.pick(&[
                    "Covid-19 – lägesbild",
                    "Lägesbild covid-19",
                    "Covid-19 – samverkan mellan huvudmännen",
                ]))
                .into();
                let covid = &AREAS[COVID];
                let fact = fill(self.rng.pick(covid.facts), &[("year", &year.to_string())]);
                let finding = fill(
                    self.rng.pick(covid.findings),
                    &[("pct", &self.rng.range(60, 97).to_string())],
                );
                draft.background = vec![
                    Block::Paragraph(format!(
                        "Smittskyddsläkaren redogör för smittläget i länet. {fact}"
                    )),
                    Block::Paragraph(format!(
                        "Rapporteringen visar att {finding}. {}",
                        say(self.rng.pick(MIDDLES), &w)
                    )),
                ];
                draft.presenters = self
                    .post_holder_at(("region-nb", "Smittskyddsläkare", 0), ctx.date)
                    .into_iter()
                    .collect();
            }
            9 => {
                let a = &self.data.agreements[agreement.unwrap_or(0)];
                let title = lcfirst(&a.title);
                draft.title = format!("Uppföljning av {title}");
                draft.documents = vec![doc(format!("Uppföljning {} – {}", year - 1, a.title))];
                draft.background = vec![Block::Paragraph(say(
                    "Enligt överenskommelsen ska den följas upp regelbundet. Uppföljningen för {prevyear} visar att {finding}. Diskussion förs om {discussion}.",
                    &w,
                ))];
                let (p, d) = self.decide(
                    ctx,
                    "godkänna uppföljningen och lägga den till handlingarna",
                    None,
                );
                draft.proposal = Some(p);
                draft.decision = Some(d);
                return draft;
            }
            _ => {
                draft.title = match self.rng.below(3) {
                    0 => format!("Information om {subject}"),
                    1 => format!("{} – information om nuläge", ucfirst(subject)),
                    _ => format!("Lägesrapport: {subject}"),
                };
                let middles = self.rng.range(1, 2) as usize;
                let closer = self.rng.chance(0.3);
                draft.background = self.background(ctx, area, subject, middles, closer);
                draft.presenters = self.experts(area, ctx.date, 2);
            }
        }
        if draft.kind == Some(DecisionKind::NotedToFile) {
            let what = *self.rng.pick(NOTED);
            let (p, d) = self.decide(ctx, what, None);
            draft.proposal = Some(p);
            draft.decision = Some(d);
        }
        draft
    }

    // -- whole meetings -------------------------------------------------

    fn regular_drafts(&mut self, ctx: &Ctx, slot: &Slot, att: &Attendance) -> Vec<Draft> {
        let mut drafts = vec![];
        let previous = self.rt[ctx.b].last_meeting;
        if ctx.political {
            if let Some(adjuster) = &att.adjuster {
                drafts.push(self.d_adjuster(ctx, adjuster));
            }
            drafts.push(self.d_agenda(ctx));
            if let Some(previous) = previous {
                drafts.push(self.d_previous(ctx, previous));
            }
        } else {
            drafts.push(self.d_opening());
            if let Some(previous) = previous {
                if self.rng.chance(0.8) {
                    drafts.push(self.d_previous(ctx, previous));
                }
            }
            if slot.first_of_year && self.rng.chance(0.5) {
                if let (Some(chair), Some(vice)) = (&att.chair, &att.vice) {
                    drafts.push(self.d_election(ctx, chair, vice));
                }
            }
        }
        for &a in &slot.adopts {
            drafts.push(self.d_adopt_agreement(ctx, a));
        }
        if slot.first_of_year && ctx.date.month() <= 4 && self.rng.chance(0.5) {
            drafts.push(self.d_annual_report(ctx));
        }
        let items = self.rng.range(7, 11);
        let mut used = HashSet::new();
        for _ in 0..items {
            drafts.push(self.d_item(ctx, &mut used));
        }
        if slot.last_of_year && ctx.date.month() >= 9 {
            drafts.push(self.d_meeting_plan(ctx, slot));
            if ctx.political || ctx.def.id == "nb-lansstyrgruppen" {
                drafts.push(self.d_budget(ctx));
            }
        }
        drafts.push(self.d_other_questions(ctx));
        if ctx.political {
            drafts.push(self.d_messages(ctx));
            drafts.push(self.d_closing());
        } else {
            let place = self.defs[ctx.b].place;
            drafts.push(self.d_next(slot, place));
            if self.rng.chance(0.3) {
                drafts.push(self.d_closing());
            }
        }
        drafts
    }

    fn extra_drafts(&mut self, ctx: &Ctx, att: &Attendance) -> Vec<Draft> {
        let mut drafts = vec![];
        if let Some(adjuster) = &att.adjuster {
            drafts.push(self.d_adjuster(ctx, adjuster));
        }
        drafts.push(self.d_agenda(ctx));
        let area = self.area_for(ctx);
        let subject = *self.rng.pick(AREAS[area].subjects);
        let background = self.background(ctx, area, subject, 2, true);
        let (reference, sou_title) = *self.rng.pick(SOU);
        let what = format!("anta yttrandet över remissen {sou_title} ({reference}) och överlämna det till respektive huvudman");
        let (p, d) = self.decide(ctx, &what, None);
        drafts.push(Draft {
            title: format!("Yttrande över remiss: {sou_title}"),
            documents: vec![DocumentRef {
                title: sou_title.into(),
                reference: Some(reference.into()),
            }],
            background,
            proposal: Some(p),
            decision: Some(d),
            kind: Some(DecisionKind::Adopted),
            minutes: 40,
            agenda_note: Some("Extra sammanträde med anledning av remisstiden".into()),
            ..Draft::default()
        });
        drafts.push(self.d_closing());
        drafts
    }

    fn theme_drafts(&mut self, ctx: &Ctx, slot: &Slot, att: &Attendance) -> Vec<Draft> {
        let area = self.area_for(ctx);
        let theme = *self.rng.pick(AREAS[area].subjects);
        let chair = att
            .chair
            .as_ref()
            .map_or("Ordförande".to_owned(), |c| self.name(c));
        let day = if slot.kind == MeetingKind::Seminar {
            "seminariet"
        } else {
            "temadagen"
        };
        let mut drafts = vec![Draft {
            title: "Inledning och syfte med dagen".into(),
            background: vec![Block::Paragraph(format!(
                "{chair} hälsar välkommen. Temat för {day} är {theme}. Syftet är att ge politiker och tjänstepersoner en gemensam bild av läget och av vad som behöver göras."
            ))],
            kind: Some(DecisionKind::NoDecision),
            minutes: 15,
            ..Draft::default()
        }];
        let n = self.rng.range(2, 4);
        for _ in 0..n {
            let subject = *self.rng.pick(AREAS[area].subjects);
            drafts.push(Draft {
                title: format!("Tema: {}", ucfirst(subject)),
                presenters: self.experts(area, ctx.date, 2),
                background: self.background(ctx, area, subject, 2, false),
                kind: Some(DecisionKind::NoDecision),
                minutes: 45,
                ..Draft::default()
            });
        }
        let w = self.words(ctx, area, theme);
        let questions = self
            .rng
            .pick_n(
                &[
                    "Vad fungerar bra i samverkan kring {subject} i dag?",
                    "Var uppstår glappen mellan huvudmännen?",
                    "Vilka gemensamma insatser bör prioriteras {nextyear}?",
                    "Hur kan den enskildes perspektiv stärkas?",
                    "Hur kan vi använda de gemensamma resurserna bättre i glesbygden?",
                ],
                3,
            )
            .into_iter()
            .map(|q| say(q, &w))
            .collect();
        drafts.push(Draft {
            title: "Gruppdiskussioner".into(),
            background: vec![
                Block::Paragraph("Deltagarna diskuterar i blandade grupper med representanter från kommunerna och regionen utifrån frågorna:".into()),
                Block::List(questions),
            ],
            kind: Some(DecisionKind::NoDecision),
            minutes: 60,
            ..Draft::default()
        });
        let mut summary = Draft {
            title: "Sammanfattning och fortsatt arbete".into(),
            background: vec![Block::Paragraph(say(
                "Gruppdiskussionerna sammanfattas. Deltagarna lyfter särskilt {discussion}. {Prep} tar med sig synpunkterna i det fortsatta arbetet med {subject}.",
                &w,
            ))],
            kind: Some(DecisionKind::NoDecision),
            minutes: 20,
            ..Draft::default()
        };
        if self.rng.chance(0.5) {
            summary.follow_ups.push(PromisedFollowUp {
                text: format!("Länsstyrgruppen tar med sig gruppdiskussionerna om {theme} i det fortsatta arbetet (inget datum anges)."),
                due: None,
                to_body: Some(BodyId::new("nb-lansstyrgruppen")),
                handled_in: None,
            });
        }
        drafts.push(summary);
        drafts
    }
}

// ---------------------------------------------------------------------------
// Finishing the base
// ---------------------------------------------------------------------------

const SPELLINGS: &[(&str, &str)] = &[
    ("Kristina", "Christina"),
    ("Karin", "Carin"),
    ("Mikael", "Michael"),
    ("Lindqvist", "Lindkvist"),
    ("Sundqvist", "Sundkvist"),
    ("Nordqvist", "Nordkvist"),
    ("Eriksson", "Ericsson"),
    ("Karlsson", "Carlsson"),
    ("Johansson", "Johanson"),
    ("Nilsson", "Nilson"),
    ("Persson", "Pehrsson"),
    ("Andersson", "Anderson"),
    ("Fredrik", "Fredric"),
    ("Katarina", "Catarina"),
    ("Öhlund", "Ölund"),
    ("Lundkvist", "Lundqvist"),
];

fn spelling_variant(name: &str) -> Option<String> {
    SPELLINGS
        .iter()
        .find(|(from, _)| name.contains(from))
        .map(|(from, to)| name.replacen(from, to, 1))
}

impl Gen {
    /// Records, with the app's own edit, which later § dealt with a promise.
    fn mark_handled_follow_ups(&mut self) {
        for (p, f, by, when) in std::mem::take(&mut self.handled) {
            let at = when + days(self.rng.range(1, 10));
            if at > base_end() {
                continue;
            }
            let open = self.data.paragraphs[p]
                .follow_ups
                .get(f)
                .is_some_and(|x| x.handled_in.is_none());
            if !open {
                continue;
            }
            let stamp = self.app_stamp(at);
            change(&mut self.data.paragraphs[p], stamp, |x| {
                x.follow_ups[f].handled_in = Some(by)
            });
        }
    }

    /// The next meetings, entered ahead of time with the app's `plan_meeting`.
    fn plan_next_meetings(&mut self) {
        let defs = self.defs;
        for def in defs {
            if def.style == Style::None || def.until.is_some() || def.per_year <= 0.0 {
                continue;
            }
            let n = if def.per_year >= 4.0 { 2 } else { 1 };
            for i in 0..n {
                let month = (1 + 2 * i + self.rng.range(0, 1)) as u32;
                let date = meeting_day(d(2026, month, self.rng.range(12, 24) as u32));
                let place = self.place(def, date);
                let short = def
                    .id
                    .trim_start_matches("gen-b-")
                    .trim_start_matches("nb-");
                let id = MeetingId::new(self.fresh_id(&format!("gen-mt-{short}-{date}")));
                let day = self.rng.range(1, 19) as u32;
                let stamp = self.stamp_at(d(2025, 12, day));
                let planned = PlannedMeeting {
                    body: BodyId::new(def.id),
                    date: Some(date),
                    start: Some(*self.rng.pick(&[t(9, 0), t(9, 30), t(13, 0)])),
                    place,
                    kind: if def.style == Style::Seminar {
                        MeetingKind::Seminar
                    } else {
                        MeetingKind::Ordinary
                    },
                };
                self.data
                    .plan_meeting(planned, id, stamp)
                    .expect("the body exists and the meeting is valid");
            }
        }
    }

    /// A few people registered twice under another spelling, as happens when
    /// attendance lists are typed in by different people. The municipality's
    /// copy deletes them later.
    fn add_duplicate_people(&mut self) -> Vec<PersonId> {
        let candidates: Vec<usize> = self
            .data
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.id.as_str().starts_with("gen-p-") && spelling_variant(&p.name).is_some()
            })
            .map(|(i, _)| i)
            .collect();
        let mut out = vec![];
        for i in self.rng.pick_n(&candidates, 6) {
            let original = self.data.people[i].clone();
            let Some(name) = spelling_variant(&original.name) else {
                continue;
            };
            if !self.names.insert(name.clone()) {
                continue;
            }
            let id =
                PersonId::new(self.fresh_id(&format!("gen-p-{}", samverkan::format::slug(&name))));
            let mut person = Person {
                id: id.clone(),
                meta: RecordMeta::default(),
                name,
                ..original
            };
            let year = self.rng.range(2019, 2025) as i32;
            let month = self.rng.range(1, 11) as u32;
            let stamp = self.app_stamp(d(year, month, 15));
            born(&mut person.meta, stamp);
            self.person_ix.insert(id.clone(), self.data.people.len());
            self.data.people.push(person);
            out.push(id);
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Concurrent edits after the base
// ---------------------------------------------------------------------------

/// One copy editing its own copy of the base.
struct Editor {
    data: Dataset,
    copy: &'static str,
    organisation: &'static str,
    person: &'static str,
    first_day: NaiveDate,
    stats: EditStats,
    touched: HashSet<String>,
}

impl Editor {
    fn new(
        base: &Dataset,
        copy: &'static str,
        organisation: &'static str,
        person: &'static str,
    ) -> Editor {
        Editor {
            data: base.clone(),
            copy,
            organisation,
            person,
            first_day: d(2026, 1, 19),
            stats: EditStats::default(),
            touched: HashSet::new(),
        }
    }

    fn stamp(&self, rng: &mut Rng) -> ChangeStamp {
        let day = self.first_day + days(rng.range(0, 22));
        stamp(
            self.copy,
            self.organisation,
            Some(self.person),
            day,
            rng.below(8 * 3600) as u32,
        )
    }

    /// Changes one record with the app's `touch_changed` and counts it.
    fn apply<R: Record + Serialize>(
        &mut self,
        rng: &mut Rng,
        key: String,
        shared: bool,
        pick: impl FnOnce(&mut Dataset) -> &mut R,
        change: impl FnOnce(&mut R),
    ) {
        let stamp = self.stamp(rng);
        let record = pick(&mut self.data);
        let deleted_before = record.meta().deleted;
        let changed = edit(record, stamp, change);
        let deleted = !deleted_before && record.meta().deleted;
        if changed == 0 {
            return;
        }
        self.stats.fields += changed;
        if shared {
            self.stats.shared_fields += changed;
        }
        if deleted {
            self.stats.deleted += 1;
        }
        if self.touched.insert(key) {
            self.stats.records += 1;
        }
    }
}

fn indices<R>(records: &[R], keep: impl Fn(&R) -> bool) -> Vec<usize> {
    records
        .iter()
        .enumerate()
        .filter(|(_, r)| keep(r))
        .map(|(i, _)| i)
        .collect()
}

/// Takes `n` of `pool` at random and removes them from it, so that the
/// region's, the municipality's and the shared edits pick different records.
fn take(rng: &mut Rng, pool: &mut Vec<usize>, n: usize) -> Vec<usize> {
    rng.shuffle(pool);
    let n = n.min(pool.len());
    pool.drain(..n).collect()
}

const REGION_TITLES: &[&str] = &[
    "Biträdande förvaltningschef",
    "Utvecklingschef",
    "Tf. verksamhetschef",
    "Strateg",
    "Områdeschef",
];
const MUNI_TITLES: &[&str] = &[
    "Verksamhetsutvecklare",
    "Enhetschef",
    "Kvalitetsstrateg",
    "Förvaltningschef",
    "Samordnare",
];

/// The region's copy and Luleå kommun's copy, each edited from the base
/// without seeing the other's edits: both descend from the base and each has
/// changes the other has not seen, so their version vectors are concurrent.
fn concurrent_variants(
    base: &Dataset,
    duplicates: &[PersonId],
    rng: &mut Rng,
) -> (Dataset, Dataset, EditStats, EditStats) {
    let mut region = Editor::new(base, REGION_COPY, REGION_ORG, "Jenny Lindbäck");
    let mut muni = Editor::new(base, MUNI_COPY, MUNI_ORG, "Sara Nordmark");

    let gen = |id: &str| id.starts_with("gen-");
    let mut paragraphs = indices(&base.paragraphs, |p| {
        gen(p.id.as_str()) && p.decision.is_some()
    });
    let mut meetings = indices(&base.meetings, |m| {
        gen(m.id.as_str()) && matches!(m.minutes, MinutesState::Adjusted { .. })
    });
    let open_minutes = indices(&base.meetings, |m| {
        gen(m.id.as_str()) && matches!(m.minutes, MinutesState::ForAdjustment | MinutesState::Draft)
    });
    let mut planned = indices(&base.meetings, |m| m.minutes == MinutesState::Planned);
    let mut people = indices(&base.people, |p| {
        gen(p.id.as_str()) && p.title.is_some() && p.party.is_none()
    });
    let lulea = OrganisationId::new("kn-lulea");
    let mut lulea_people = indices(&base.people, |p| {
        gen(p.id.as_str())
            && (p.organisation.as_ref() == Some(&lulea) || p.municipality.as_ref() == Some(&lulea))
    });
    let mut current = indices(&base.memberships, |m| gen(m.id.as_str()) && m.to.is_none());
    let mut ended = indices(&base.memberships, |m| gen(m.id.as_str()) && m.to.is_some());
    let mut agreements = indices(&base.agreements, |a| gen(a.id.as_str()));
    let mut bodies = indices(&base.bodies, |b| {
        gen(b.id.as_str()) && b.level != BodyLevel::External
    });
    let mut relations = indices(&base.relations, |r| {
        gen(r.id.as_str()) && r.kind == RelationKind::CoordinatesWith
    });
    let duplicates = indices(&base.people, |p| duplicates.contains(&p.id));

    // -- the same fields, changed differently by both ---------------------
    for i in take(rng, &mut paragraphs, 24) {
        let key = format!("paragraphs:{}", base.paragraphs[i].id);
        region.apply(
            rng,
            key.clone(),
            true,
            |x| &mut x.paragraphs[i],
            |p| {
                p.background.push(Block::Paragraph(
                    "Kompletterande underlag har lämnats av Region Norrbotten efter sammanträdet."
                        .into(),
                ))
            },
        );
        muni.apply(rng, key, true, |x| &mut x.paragraphs[i], |p| {
            p.background.push(Block::Paragraph(
                "Luleå kommun har i efterhand lämnat synpunkter på underlaget, som finns som bilaga.".into(),
            ))
        });
    }
    for i in take(rng, &mut meetings, 8) {
        let key = format!("meetings:{}", base.meetings[i].id);
        region.apply(
            rng,
            key.clone(),
            true,
            |x| &mut x.meetings[i],
            |m| m.note = Some("Protokollet har kompletterats med bilagor i efterhand.".into()),
        );
        muni.apply(
            rng,
            key,
            true,
            |x| &mut x.meetings[i],
            |m| m.note = Some("Ledamöterna från Luleå deltog digitalt.".into()),
        );
    }
    for i in take(rng, &mut current, 6) {
        let key = format!("memberships:{}", base.memberships[i].id);
        region.apply(
            rng,
            key.clone(),
            true,
            |x| &mut x.memberships[i],
            |m| m.to = Some(d(2025, 12, 31)),
        );
        muni.apply(
            rng,
            key,
            true,
            |x| &mut x.memberships[i],
            |m| m.to = Some(d(2026, 1, 31)),
        );
    }
    for i in take(rng, &mut people, 5) {
        let key = format!("people:{}", base.people[i].id);
        let a = (*rng.pick(REGION_TITLES)).to_owned();
        let b = (*rng.pick(MUNI_TITLES)).to_owned();
        region.apply(
            rng,
            key.clone(),
            true,
            |x| &mut x.people[i],
            |p| p.title = Some(a),
        );
        muni.apply(rng, key, true, |x| &mut x.people[i], |p| p.title = Some(b));
    }
    for i in take(rng, &mut agreements, 2) {
        let key = format!("agreements:{}", base.agreements[i].id);
        region.apply(
            rng,
            key.clone(),
            true,
            |x| &mut x.agreements[i],
            |a| {
                a.revisions.push(Revision {
                    date: Fact::Stated(d(2026, 1, 22)),
                    note: "Bilagan med kontaktuppgifter uppdaterad.".into(),
                })
            },
        );
        muni.apply(rng, key, true, |x| &mut x.agreements[i], |a| {
            a.revisions.push(Revision {
                date: Fact::Stated(d(2026, 1, 28)),
                note: "Luleå kommun har antagit överenskommelsen med ett tillägg om lokal samverkansgrupp.".into(),
            })
        });
    }
    for i in take(rng, &mut bodies, 2) {
        let key = format!("bodies:{}", base.bodies[i].id);
        region.apply(
            rng,
            key.clone(),
            true,
            |x| &mut x.bodies[i],
            |b| {
                b.mandate.push(
                    "Årligen redovisa en lägesbild till politiska samverkansberedningen.".into(),
                )
            },
        );
        muni.apply(
            rng,
            key,
            true,
            |x| &mut x.bodies[i],
            |b| {
                b.mandate
                    .push("Stödja de lokala samverkansgrupperna i länsdelarna.".into())
            },
        );
    }
    // The minutes still open at the base: both adjust some, on different days.
    let mut sections: HashMap<&MeetingId, u32> = HashMap::new();
    for p in &base.paragraphs {
        let n = sections.entry(&p.meeting).or_default();
        *n = (*n).max(p.number);
    }
    let last_of = |i: usize| sections.get(&base.meetings[i].id).copied().unwrap_or(1);
    let mut open = open_minutes.clone();
    let both = take(rng, &mut open, 2);
    for &i in &both {
        let key = format!("meetings:{}", base.meetings[i].id);
        for (editor, day) in [(&mut region, 21), (&mut muni, 26)] {
            editor.apply(
                rng,
                key.clone(),
                true,
                |x| &mut x.meetings[i],
                |m| adjust(m, d(2026, 1, day), last_of(i)),
            );
        }
    }
    // A planned meeting both cancel.
    for i in take(rng, &mut planned, 1) {
        let key = format!("meetings:{}", base.meetings[i].id);
        let stamp = region.stamp(rng);
        let id = base.meetings[i].id.clone();
        if region
            .data
            .cancel_planned_meeting(&id, stamp)
            .is_ok_and(|c| c.is_some())
        {
            region.stats.fields += 1;
            region.stats.shared_fields += 1;
            region.stats.deleted += 1;
            region.stats.records += usize::from(region.touched.insert(key.clone()));
        }
        muni.apply(
            rng,
            key,
            true,
            |x| &mut x.meetings[i],
            |m| m.meta.deleted = true,
        );
    }

    // -- the region's own edits -------------------------------------------
    for i in take(rng, &mut paragraphs, 40) {
        let key = format!("paragraphs:{}", base.paragraphs[i].id);
        if rng.chance(0.5) {
            region.apply(
                rng,
                key,
                false,
                |x| &mut x.paragraphs[i],
                |p| {
                    p.documents
                        .push(doc("Protokollsutdrag till respektive huvudman"))
                },
            );
        } else {
            region.apply(
                rng,
                key,
                false,
                |x| &mut x.paragraphs[i],
                |p| {
                    if let Some(decision) = &mut p.decision {
                        decision.push_str(" Beslutet expedieras till respektive huvudman.");
                    }
                },
            );
        }
    }
    for i in open {
        let key = format!("meetings:{}", base.meetings[i].id);
        region.apply(
            rng,
            key,
            false,
            |x| &mut x.meetings[i],
            |m| adjust(m, d(2026, 1, 23), last_of(i)),
        );
    }
    for i in take(rng, &mut people, 15) {
        let key = format!("people:{}", base.people[i].id);
        let title = (*rng.pick(REGION_TITLES)).to_owned();
        region.apply(
            rng,
            key,
            false,
            |x| &mut x.people[i],
            |p| p.title = Some(title),
        );
    }
    for i in take(rng, &mut current, 20) {
        let key = format!("memberships:{}", base.memberships[i].id);
        region.apply(
            rng,
            key,
            false,
            |x| &mut x.memberships[i],
            |m| m.to = Some(d(2025, 12, 31)),
        );
    }
    for i in take(rng, &mut bodies.clone(), 4) {
        if base.bodies[i].reviews.is_empty() {
            continue;
        }
        let key = format!("bodies:{}", base.bodies[i].id);
        let id = base.bodies[i].id.clone();
        let stamp = region.stamp(rng);
        if region
            .data
            .record_review(&id, 0, d(2026, 1, 20), stamp)
            .is_ok_and(|c| c.is_some())
        {
            region.stats.fields += 1;
            region.stats.records += usize::from(region.touched.insert(key));
        }
    }
    for i in take(rng, &mut planned, 1) {
        let key = format!("meetings:{}", base.meetings[i].id);
        let stamp = region.stamp(rng);
        let id = base.meetings[i].id.clone();
        if region
            .data
            .cancel_planned_meeting(&id, stamp)
            .is_ok_and(|c| c.is_some())
        {
            region.stats.fields += 1;
            region.stats.deleted += 1;
            region.stats.records += usize::from(region.touched.insert(key));
        }
    }
    // New: meetings planned for the spring, and new members.
    let planned_bodies = ["nb-psb", "nb-lansstyrgruppen", "gen-b-nara-vard"];
    for (k, body) in planned_bodies.iter().enumerate() {
        let date = meeting_day(d(2026, 5, 5 + 7 * k as u32));
        let short = body.trim_start_matches("gen-b-").trim_start_matches("nb-");
        let stamp = region.stamp(rng);
        let planned = PlannedMeeting {
            body: BodyId::new(*body),
            date: Some(date),
            start: Some(t(9, 30)),
            place: REGION_PLACE.into(),
            kind: MeetingKind::Ordinary,
        };
        if region
            .data
            .plan_meeting(
                planned,
                MeetingId::new(format!("gen-mt-{short}-{date}-r")),
                stamp,
            )
            .is_ok()
        {
            region.stats.added += 1;
        }
    }
    let lsg = base
        .bodies
        .iter()
        .find(|b| b.id.as_str() == "nb-lansstyrgruppen")
        .map(|b| b.id.clone());
    for (k, (name, title)) in [
        ("Ylva Bergqvist", "Divisionschef Närsjukvård"),
        ("Tobias Kangas", "Stabschef hälso- och sjukvård"),
        ("Maja Öberg Lind", "Samverkansledare hälso- och sjukvård"),
    ]
    .into_iter()
    .enumerate()
    {
        let stamp = region.stamp(rng);
        let id = PersonId::new(format!("gen-p-{}-r", samverkan::format::slug(name)));
        let mut person = Person {
            id: id.clone(),
            meta: RecordMeta::default(),
            name: name.into(),
            name_variants: vec![],
            party: None,
            title: Some(title.into()),
            organisation: Some(OrganisationId::new("region-nb")),
            municipality: None,
        };
        person.meta.touch(stamp.clone());
        region.data.people.push(person);
        if let Some(lsg) = &lsg {
            let mut m = Membership {
                id: MembershipId::new(format!("gen-m-lansstyrgruppen-r{k}")),
                meta: RecordMeta::default(),
                person: id,
                body: lsg.clone(),
                role: MembershipRole::Member,
                representing: Some(OrganisationId::new("region-nb")),
                from: Some(d(2026, 2, 1)),
                to: None,
                note: Some("Ersätter tidigare ledamot från 2026-02-01.".into()),
            };
            m.meta.touch(stamp);
            region.data.memberships.push(m);
            region.stats.added += 1;
        }
        region.stats.added += 1;
    }

    // -- Luleå's own edits ------------------------------------------------
    let lulea_names: Vec<PersonId> = lulea_people
        .iter()
        .map(|&i| base.people[i].id.clone())
        .collect();
    for i in take(rng, &mut paragraphs, 140) {
        let key = format!("paragraphs:{}", base.paragraphs[i].id);
        match rng.below(3) {
            0 => {
                let text = format!("Luleå kommun framhåller att {}.", rng.pick(CONCERNS));
                muni.apply(
                    rng,
                    key,
                    false,
                    |x| &mut x.paragraphs[i],
                    |p| p.background.push(Block::Paragraph(text)),
                );
            }
            1 if !lulea_names.is_empty() => {
                let who = rng.pick(&lulea_names).clone();
                muni.apply(
                    rng,
                    key,
                    false,
                    |x| &mut x.paragraphs[i],
                    |p| {
                        if !p.presenters.contains(&who) {
                            p.presenters.push(who)
                        }
                    },
                );
            }
            _ => {
                muni.apply(
                    rng,
                    key,
                    false,
                    |x| &mut x.paragraphs[i],
                    |p| p.documents.push(doc("Luleå kommuns yttrande")),
                );
            }
        }
    }
    for i in take(rng, &mut meetings, 40) {
        let key = format!("meetings:{}", base.meetings[i].id);
        let guest = (!lulea_names.is_empty()).then(|| rng.pick(&lulea_names).clone());
        muni.apply(
            rng,
            key,
            false,
            |x| &mut x.meetings[i],
            |m| {
                if let Some(dm) = m
                    .decision_makers
                    .iter_mut()
                    .find(|dm| dm.representing.as_str().starts_with("kn-") || dm.note.is_some())
                {
                    let note = dm.note.take().unwrap_or_default();
                    dm.note = Some(if note.is_empty() {
                        "deltog digitalt".into()
                    } else {
                        format!("{note}, deltog digitalt")
                    });
                } else if let Some(guest) = guest {
                    if !m.participants.iter().any(|p| p.person == guest) {
                        m.participants.push(Participant {
                            person: guest,
                            role: "Adjungerad från Luleå kommun".into(),
                        });
                    }
                }
            },
        );
    }
    for i in take(rng, &mut lulea_people, 30) {
        let key = format!("people:{}", base.people[i].id);
        let name = base.people[i].name.clone();
        let variant = spelling_variant(&name);
        match variant {
            Some(v) => muni.apply(
                rng,
                key,
                false,
                |x| &mut x.people[i],
                |p| p.name_variants.push(v),
            ),
            None => {
                let title = (*rng.pick(MUNI_TITLES)).to_owned();
                muni.apply(
                    rng,
                    key,
                    false,
                    |x| &mut x.people[i],
                    |p| p.title = Some(title),
                );
            }
        }
    }
    for i in take(rng, &mut current, 25) {
        let key = format!("memberships:{}", base.memberships[i].id);
        if rng.chance(0.6) {
            muni.apply(
                rng,
                key,
                false,
                |x| &mut x.memberships[i],
                |m| m.note = Some("Uppgiften bekräftad av Luleå kommun i januari 2026.".into()),
            );
        } else {
            muni.apply(
                rng,
                key,
                false,
                |x| &mut x.memberships[i],
                |m| m.to = Some(d(2026, 3, 31)),
            );
        }
    }
    for i in take(rng, &mut agreements, 2) {
        let key = format!("agreements:{}", base.agreements[i].id);
        muni.apply(
            rng,
            key,
            false,
            |x| &mut x.agreements[i],
            |a| {
                a.revisions.push(Revision {
                    date: Fact::Stated(d(2026, 1, 29)),
                    note: "Kommunstyrelsen i Luleå har tagit del av uppföljningen.".into(),
                })
            },
        );
    }
    for i in take(rng, &mut bodies, 4) {
        let key = format!("bodies:{}", base.bodies[i].id);
        let name = format!(
            "{} (Luleås benämning)",
            base.bodies[i]
                .short_name
                .clone()
                .unwrap_or_else(|| base.bodies[i].name.clone())
        );
        muni.apply(
            rng,
            key,
            false,
            |x| &mut x.bodies[i],
            |b| b.other_names.push(name),
        );
    }
    // Deletions: duplicates, seats registered by mistake, outdated relations,
    // a planned meeting.
    for &i in &duplicates {
        let key = format!("people:{}", base.people[i].id);
        muni.apply(
            rng,
            key,
            false,
            |x| &mut x.people[i],
            |p| p.meta.deleted = true,
        );
    }
    for i in take(rng, &mut ended, 8) {
        let key = format!("memberships:{}", base.memberships[i].id);
        muni.apply(
            rng,
            key,
            false,
            |x| &mut x.memberships[i],
            |m| m.meta.deleted = true,
        );
    }
    for i in take(rng, &mut relations, 5) {
        let key = format!("relations:{}", base.relations[i].id);
        muni.apply(
            rng,
            key,
            false,
            |x| &mut x.relations[i],
            |r| r.meta.deleted = true,
        );
    }
    for i in take(rng, &mut planned, 1) {
        let key = format!("meetings:{}", base.meetings[i].id);
        muni.apply(
            rng,
            key,
            false,
            |x| &mut x.meetings[i],
            |m| m.meta.deleted = true,
        );
    }
    add_local_group(&mut muni, rng);

    (region.data, muni.data, region.stats, muni.stats)
}

/// Adjusts (justerar) minutes of `last` §.
fn adjust(m: &mut Meeting, on: NaiveDate, last: u32) {
    let all = ParagraphRange { first: 1, last };
    m.minutes = MinutesState::Adjusted {
        date: Fact::Stated(on),
    };
    let mut signatures = vec![];
    if let Some(s) = &m.secretary {
        signatures.push(Signature {
            person: s.clone(),
            role: SignatureRole::Secretary,
            paragraphs: Some(all),
            signed: None,
        });
    }
    if let Some(c) = &m.chair {
        signatures.push(Signature {
            person: c.clone(),
            role: SignatureRole::Chair,
            paragraphs: Some(all),
            signed: None,
        });
    }
    for a in &m.adjusters {
        signatures.push(Signature {
            person: a.clone(),
            role: SignatureRole::Adjuster,
            paragraphs: Some(all),
            signed: None,
        });
    }
    m.signatures = signatures;
}

/// New records in Luleå's copy: a local group for nära vård with its people,
/// seats, relation, source document and first two meetings.
fn add_local_group(e: &mut Editor, rng: &mut Rng) {
    let body_id = BodyId::new("gen-b-lulea-nara-vard");
    let stamp = e.stamp(rng);
    let mut body = Body {
        id: body_id.clone(),
        meta: RecordMeta::default(),
        county: CountyId::new(COUNTY),
        name: "Lokal samverkansgrupp för nära vård i Luleå".into(),
        short_name: None,
        other_names: vec![],
        level: BodyLevel::WorkingGroup,
        owner: None,
        description: vec![Block::Paragraph(
            "Gruppen samlar Luleå kommun och hälsocentralerna i Luleå kring omställningen till en god och nära vård.".into(),
        )],
        mandate: vec![
            "Omsätta den länsgemensamma färdplanen för nära vård i Luleå.".into(),
            "Följa upp samverkan vid utskrivning och i hemsjukvården lokalt.".into(),
            "Rapportera till arbetsgruppen för nära vård och omsorg i länsdelarna.".into(),
        ],
        composition: vec![],
        substitutes: None,
        offices: vec![],
        meeting_rules: vec![MeetingRule {
            kind: MeetingRuleKind::MinimumPerYear,
            per_year: Some(6),
            with: None,
            text: "Gruppen träffas minst sex gånger per år.".into(),
        }],
        reviews: vec![],
        working_order: vec![],
        established_by: None,
        formed: Some("januari 2026".into()),
    };
    body.meta.touch(stamp.clone());
    e.data.bodies.push(body);
    let mut relation = Relation {
        id: RelationId::new("gen-rel-lulea-nara-vard-sub-body-of-nara-vard-ag"),
        meta: RecordMeta::default(),
        from: body_id.clone(),
        to: BodyId::new("gen-b-nara-vard-ag"),
        kind: RelationKind::SubBodyOf,
        note: Some("Den lokala gruppen är knuten till arbetsgruppen för nära vård och omsorg i länsdelarna.".into()),
    };
    relation.meta.touch(stamp.clone());
    e.data.relations.push(relation);
    let mut document = SourceDocument {
        id: DocumentId::new("gen-doc-lulea-nara-vard-2026"),
        meta: RecordMeta::default(),
        title: "Minnesanteckningar, Lokal samverkansgrupp för nära vård i Luleå 2026".into(),
        county: CountyId::new(COUNTY),
        kind: "minnesanteckningar".into(),
        dated: "2026".into(),
    };
    document.meta.touch(stamp.clone());
    e.data.documents.push(document.clone());
    e.stats.added += 3;

    let members = [
        ("Sara Nordmark", "Utvecklingsledare", "kn-lulea"),
        ("Henrik Wikberg", "Enhetschef hemsjukvård", "kn-lulea"),
        (
            "Lena Sandlund",
            "Medicinskt ansvarig sjuksköterska",
            "kn-lulea",
        ),
        (
            "Mats Rönnqvist",
            "Verksamhetschef hälsocentral",
            "region-nb",
        ),
        ("Elin Bäckman", "Distriktssköterska", "region-nb"),
        ("Anna Kuusela", "Biståndshandläggare", "kn-lulea"),
    ];
    let mut people = vec![];
    for (k, (name, title, org)) in members.iter().enumerate() {
        let id = PersonId::new(format!("gen-p-{}-l", samverkan::format::slug(name)));
        let stamp = e.stamp(rng);
        let mut person = Person {
            id: id.clone(),
            meta: RecordMeta::default(),
            name: (*name).into(),
            name_variants: vec![],
            party: None,
            title: Some((*title).into()),
            organisation: Some(OrganisationId::new(*org)),
            municipality: None,
        };
        person.meta.touch(stamp.clone());
        e.data.people.push(person);
        let role = match k {
            0 => MembershipRole::Secretary,
            1 => MembershipRole::Chair,
            _ => MembershipRole::Member,
        };
        let mut m = Membership {
            id: MembershipId::new(format!("gen-m-lulea-nara-vard-{k}")),
            meta: RecordMeta::default(),
            person: id.clone(),
            body: body_id.clone(),
            role,
            representing: Some(OrganisationId::new(*org)),
            from: Some(d(2026, 1, 15)),
            to: None,
            note: None,
        };
        m.meta.touch(stamp);
        e.data.memberships.push(m);
        e.stats.added += 2;
        people.push((id, *org, *title));
    }
    for (n, date) in [d(2026, 1, 21), d(2026, 2, 4)].into_iter().enumerate() {
        let mid = MeetingId::new(format!("gen-mt-lulea-nara-vard-{date}"));
        let stamp = e.stamp(rng);
        let subjects = rng.pick_n(AREAS[NARA].subjects, 3);
        let mut titles = vec!["Mötets öppnande".to_owned()];
        titles.extend(subjects.iter().map(|s| format!("Information om {s}")));
        titles.push("Samverkan vid utskrivning i Luleå – lägesbild".into());
        titles.push("Övriga frågor".into());
        titles.push("Nästa möte".into());
        let mut meeting = Meeting {
            id: mid.clone(),
            meta: RecordMeta::default(),
            body: body_id.clone(),
            date: Fact::Stated(date),
            start: Fact::Stated(t(13, 0)),
            place: "Stadshuset, Luleå".into(),
            kind: MeetingKind::Ordinary,
            decision_makers: people
                .iter()
                .skip(1)
                .map(|(p, org, title)| DecisionMaker {
                    person: p.clone(),
                    representing: OrganisationId::new(*org),
                    party: None,
                    role: (p.as_str().contains("wikberg")).then(|| "ordförande".into()),
                    paragraphs: None,
                    note: Some((*title).into()),
                    serving_for: None,
                })
                .collect(),
            participants: vec![Participant {
                person: people[0].0.clone(),
                role: "Sekreterare".into(),
            }],
            chair: Some(people[1].0.clone()),
            secretary: Some(people[0].0.clone()),
            adjusters: vec![],
            signatures: vec![],
            agenda: titles
                .iter()
                .enumerate()
                .map(|(i, title)| AgendaItem {
                    number: Some(i as u32 + 1),
                    title: title.clone(),
                    start: None,
                    end: None,
                    presenters: vec![],
                    documents: vec![],
                    notes: vec![],
                })
                .collect(),
            minutes: if n == 0 {
                MinutesState::Adjusted {
                    date: Fact::Stated(date + days(6)),
                }
            } else {
                MinutesState::Draft
            },
            note: None,
            addenda: vec![],
        };
        meeting.meta.sources = vec![SourceRef {
            document: document.id.clone(),
            locator: Some(format!("Minnesanteckningar {date}")),
        }];
        meeting.meta.touch(stamp.clone());
        e.data.meetings.push(meeting);
        e.stats.added += 1;
        for (i, title) in titles.iter().enumerate() {
            let number = i as u32 + 1;
            let area = &AREAS[NARA];
            let background = match i {
                0 => vec![Block::Paragraph(
                    "Ordförande hälsar välkommen och öppnar mötet.".into(),
                )],
                _ => vec![Block::Paragraph(format!(
                    "{} Luleå {}. Diskussion förs om {}.",
                    rng.pick(area.facts),
                    rng.pick(TOWN_NEWS),
                    rng.pick(DISCUSSIONS)
                ))],
            };
            let decided = i > 0 && i + 2 < titles.len();
            let mut paragraph = Paragraph {
                id: ParagraphId::new(format!("{mid}-p{number}")),
                meta: RecordMeta::default(),
                meeting: mid.clone(),
                number,
                title: title.clone(),
                presenters: vec![],
                documents: vec![],
                background,
                proposal: decided.then(|| {
                    "Ordförande föreslår gruppen att lägga informationen till handlingarna.".into()
                }),
                decision: decided
                    .then(|| "Gruppen beslutar att lägga informationen till handlingarna.".into()),
                decision_kind: if decided {
                    DecisionKind::NotedToFile
                } else {
                    DecisionKind::NoDecision
                },
                parts: vec![],
                follow_ups: vec![],
                disqualified: vec![],
                reservations: vec![],
            };
            paragraph.meta.sources = vec![SourceRef {
                document: document.id.clone(),
                locator: Some(format!("§ {number}")),
            }];
            paragraph.meta.touch(stamp.clone());
            e.data.paragraphs.push(paragraph);
            e.stats.added += 1;
        }
    }
}
