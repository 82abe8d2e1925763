//! How long a search takes per keystroke on the ten-year archive.
//!
//! `cargo run --release --example search_bench [archive.json]` reads the
//! archive (default `target/archive/archive.json`; make it with
//! `cargo run --release --example generate_archive`), merges it into the
//! built-in data as an import does, builds the search index, and then, for a
//! few queries typed letter by letter, searches every prefix as the search
//! page does (25 hits per kind, highlighted) many times and prints p50/p95
//! per prefix and over all keystrokes. It also times an incremental update
//! after one edit. Not a test: timings depend on the machine.

use std::time::{Duration, Instant};

use samverkan::exchange;
use samverkan::search::{Request, SearchIndex};

const QUERIES: [&str; 5] = [
    "nära vård",
    "suicidprevention",
    "ordförande",
    "Öhman",
    "psykisk hälsa",
];
const RUNS: usize = 30;

fn quantile(times: &mut [Duration], q: f64) -> Duration {
    times.sort();
    times[((times.len() - 1) as f64 * q).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/archive/archive.json".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e} (make it with `cargo run --release --example generate_archive`)");
        std::process::exit(1);
    });
    let imported = exchange::parse(&text, usize::MAX).expect("a valid archive");
    let built_in = samverkan::seed::built_in().expect("the built-in data");
    let data = exchange::merge(&built_in, &imported.data).expect("the archive merges");
    println!(
        "{path}: {} §, {} meetings, {} people, {} bodies",
        data.paragraphs.len(),
        data.meetings.len(),
        data.people.len(),
        data.bodies.len()
    );

    let start = Instant::now();
    let mut index = SearchIndex::build(&data);
    println!(
        "build: {} ({} documents, {} words)",
        ms(start.elapsed()),
        index.len(),
        index.word_count()
    );

    let mut all = Vec::new();
    for query in QUERIES {
        let mut typed = String::new();
        for ch in query.chars() {
            typed.push(ch);
            if ch == ' ' {
                continue;
            }
            let request = Request {
                per_kind: 25,
                ..Request::new(typed.clone())
            };
            let mut times = Vec::with_capacity(RUNS);
            let mut total = 0;
            for _ in 0..RUNS {
                let start = Instant::now();
                let results = index.search(&data, std::hint::black_box(&request));
                times.push(start.elapsed());
                total = results.total;
            }
            all.extend(times.iter().copied());
            println!(
                "  {:<20} {:>6} hits  p50 {:>9}  p95 {:>9}",
                format!("“{typed}”"),
                total,
                ms(quantile(&mut times, 0.5)),
                ms(quantile(&mut times, 0.95))
            );
        }
    }
    println!(
        "every keystroke ({} searches): p50 {}, p95 {}, max {}",
        all.len(),
        ms(quantile(&mut all, 0.5)),
        ms(quantile(&mut all, 0.95)),
        ms(quantile(&mut all, 1.0))
    );

    // One edit: a § changes; the update re-indexes what changed.
    let mut edited = data.clone();
    if let Some(p) = edited.paragraphs.last_mut() {
        p.decision = Some("Beslutet gäller suicidprevention i hela länet.".into());
        p.meta.version.bump("bench");
    }
    let start = Instant::now();
    let stats = index.update(&edited);
    println!("update after one edit: {} ({stats:?})", ms(start.elapsed()));
    let start = Instant::now();
    let stats = index.update(&edited);
    println!(
        "update with nothing changed: {} ({stats:?})",
        ms(start.elapsed())
    );
}
