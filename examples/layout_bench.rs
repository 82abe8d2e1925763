//! How long the structure diagram's layout takes for 200 bodies.
//!
//! `cargo run --release --example layout_bench [runs]` lays out a generated
//! structure of 200 bodies (the one the tests use) `runs` times (default 50)
//! and prints the median, fastest and slowest time, and the time of the SVG
//! export. Not a test: timings depend on the machine.

#[path = "../tests/diagram/generated.rs"]
mod generated;

use std::time::{Duration, Instant};

use samverkan::diagram::{lay_out, to_svg, LayoutOptions, SvgOptions};

const BODIES: usize = 200;

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(50);
    let graph = generated::generated_graph(BODIES, 1);
    let options = LayoutOptions::default();

    let mut layout_times = Vec::with_capacity(runs);
    let mut svg_times = Vec::with_capacity(runs);
    let mut layout = lay_out(&graph, &options);
    for _ in 0..runs {
        let start = Instant::now();
        layout = lay_out(std::hint::black_box(&graph), &options);
        layout_times.push(start.elapsed());
        let start = Instant::now();
        let svg = to_svg(std::hint::black_box(&layout), &SvgOptions::default());
        svg_times.push(start.elapsed());
        std::hint::black_box(svg);
    }
    let labelled = layout.edges.iter().filter(|e| e.label.is_some()).count();
    println!(
        "{BODIES} bodies, {} relations ({labelled} labelled), {} crossings, {:.0}×{:.0}",
        graph.edges.len(),
        layout.crossings,
        layout.width,
        layout.height
    );
    println!(
        "lay_out over {runs} runs: median {:?}, fastest {:?}, slowest {:?}",
        median(&mut layout_times),
        layout_times[0],
        layout_times[runs - 1]
    );
    println!("to_svg: median {:?}", median(&mut svg_times));
}
