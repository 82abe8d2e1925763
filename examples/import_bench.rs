//! How long each step of an import takes natively, on the ten-year archive:
//! the core's share of the browser figures in BENCHMARKS.md, without the
//! browser (wasm is slower by a factor; the ratios between steps hold).
//!
//! `cargo run --release --example import_bench [DIR]` reads `archive.json`
//! and `archive-concurrent.json` from DIR (default `target/archive`; make
//! them with `cargo run --release --example generate_archive`) and prints,
//! as the median of a few runs: parsing JSON alone (the reference, as
//! `JSON.parse` is in the browser), then parse + check of the exchange file,
//! the merge into the built-in data, the integrity check, the preview's
//! report, writing the data set as stored and reading it back; and the same
//! for merging the concurrent variant into a copy that holds the archive.
//! Not a test: timings depend on the machine.

use std::time::{Duration, Instant};

use samverkan::exchange::{self, MergeReport};
use samverkan::model::Dataset;

const RUNS: usize = 5;

/// Runs `step` RUNS times; the median time and the last result.
fn timed<T>(step: impl Fn() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = step();
        times.push(start.elapsed());
        last = Some(out);
    }
    times.sort();
    (times[RUNS / 2], last.expect("RUNS > 0"))
}

fn row(what: &str, time: Duration, reference: Duration) {
    let ms = time.as_secs_f64() * 1000.0;
    let ratio = time.as_secs_f64() / reference.as_secs_f64();
    println!("| {what} | {ms:.1} ms | {ratio:.1}× |");
}

fn read(dir: &str, name: &str) -> String {
    let path = format!("{dir}/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e} (make it with `cargo run --release --example generate_archive`)");
        std::process::exit(2);
    })
}

/// Every step of importing `text` into `local`; returns the merged data.
fn import(label: &str, text: &str, local: &Dataset) -> Dataset {
    let mib = text.len() as f64 / (1024.0 * 1024.0);
    println!("\n{label} ({mib:.1} MiB)\n");
    println!("| step | median of {RUNS} | × JSON parse |");
    println!("|---|---|---|");
    let (json, _) = timed(|| serde_json::from_str::<serde_json::Value>(text).map(drop));
    row("JSON parse to a value (reference)", json, json);
    let (parse, imported) = timed(|| exchange::parse(text, usize::MAX).expect("the archive reads"));
    row("parse + check of the exchange file", parse, json);
    let (merge, merged) = timed(|| exchange::merge(local, &imported.data).expect("the merge"));
    row("merge", merge, json);
    let (rules, screened) = timed(|| exchange::screen(local, &imported.data).expect("the merge"));
    row("merge + the editor's rules (screen)", rules, json);
    if !screened.refused.is_empty() {
        println!(
            "({} records break a rule and are left out)",
            screened.refused.len()
        );
    }
    let (check, _) = timed(|| exchange::check_merged(&merged).expect("the merged data is whole"));
    row("integrity of the merged data", check, json);
    let (report, report_out) = timed(|| MergeReport::compare(local, &merged));
    row("report for the preview", report, json);
    let (write, stored) = timed(|| serde_json::to_vec(&merged).expect("serialises"));
    row(
        "write the data set as stored (JSON, UTF-8 bytes)",
        write,
        json,
    );
    let (load, _) = timed(|| samverkan::storage::read_stored(&stored).expect("reads back"));
    row("read the stored data set (start)", load, json);
    row(
        "preview: parse + merge + integrity + report",
        parse + merge + check + report,
        json,
    );
    println!(
        "\n{} new, {} changed, {} deleted, {} in conflict; stored {:.1} MiB",
        report_out.added.len(),
        report_out.changed.len(),
        report_out.deleted.len(),
        report_out.conflicts.len(),
        stored.len() as f64 / (1024.0 * 1024.0)
    );
    merged
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/archive".into());
    let archive = read(&dir, "archive.json");
    let concurrent = read(&dir, "archive-concurrent.json");
    let built_in = samverkan::seed::built_in().expect("the built-in data reads");
    let holding_archive = import(
        "Import of archive.json into the built-in data",
        &archive,
        &built_in,
    );
    import(
        "Import of archive-concurrent.json into a copy holding the archive",
        &concurrent,
        &holding_archive,
    );
}
