//! The archive generator of `examples/generate_archive.rs`, run small in a
//! debug build: the same seed gives the same files, every file reads back as
//! an import would, and the two concurrent variants merge (both ways alike)
//! with conflicts and tombstones. The example itself is compiled in as a
//! module, so the test and the example share one generator.

#[path = "../examples/generate_archive.rs"]
#[allow(dead_code)]
mod generate_archive;

use generate_archive::{export_all, generate, verify, Archive, Config};

fn small(seed: u64) -> Archive {
    generate(&Config { seed, scale: 0.02 })
}

#[test]
fn the_same_seed_gives_the_same_archive() {
    let first = small(7);
    let again = small(7);
    assert!(
        first.base == again.base,
        "the base differs between two runs"
    );
    assert!(first.region == again.region, "the region's variant differs");
    assert!(
        first.municipality == again.municipality,
        "the municipality's variant differs"
    );
    let other = small(8);
    assert!(
        first.region != other.region,
        "another seed gives another archive"
    );
}

#[test]
fn the_files_read_back_and_the_variants_merge_with_conflicts() {
    let archive = small(3);
    assert!(archive.muni_edits.shared_fields > 0);
    assert!(archive.muni_edits.deleted > 0 && archive.muni_edits.added > 0);
    let files = export_all(&archive);
    let checked = verify(&files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(checked.files.len(), 3);
    assert!(checked.records_in_conflict > 0);
    assert!(checked.tombstones > 0);
}

/// The generated archive is data the editor could have made: imported into
/// the built-in data (and the region's variant into a copy holding the
/// base), no record breaks a rule the import checks (`exchange::screen`).
/// Also how long the check takes at this size, printed.
#[test]
fn the_archive_breaks_none_of_the_editors_rules() {
    let archive = small(5);
    let built_in = samverkan::seed::built_in().unwrap();
    let start = std::time::Instant::now();
    let screened = samverkan::exchange::screen(&built_in, &archive.base).unwrap();
    let took = start.elapsed();
    assert!(
        screened.refused.is_empty(),
        "{} refused, the first: {:?}",
        screened.refused.len(),
        screened.refused.first()
    );
    eprintln!(
        "screen of {} paragraphs, {} meetings: {took:?} (debug build)",
        archive.base.paragraphs.len(),
        archive.base.meetings.len()
    );
    // The region's concurrent variant is made by the generator, not through
    // the editor: some of its memberships end before they begin (one side
    // of a concurrent change of `from` and `to`); those are left out.
    let region = samverkan::exchange::screen(&screened.merged, &archive.region).unwrap();
    let fields: std::collections::BTreeSet<(&str, &str)> = region
        .refused
        .iter()
        .map(|r| (r.fault.record.kind.field(), r.fault.field.as_str()))
        .collect();
    eprintln!(
        "region variant: {} left out, by kind and field {fields:?}",
        region.refused.len()
    );
}
