//! Where an index's bytes go: per component (term dictionary, postings, positions, fast fields,
//! field norms, document store) and per field of any Tantivy index (newsquote's or bare_tantivy's), summed over segments, in bytes and as a share of the
//! total. Used to decide what the schema stores and indexes (see the performance notes in README).
//!
//! ```sh
//! cargo run --release --example space_usage -- /tmp/newsquote-bench/nq-allsides
//! ```

use std::collections::BTreeMap;

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: space_usage INDEX_DIR"))?;
    // Space usage needs no analyzer, so any Tantivy index (bare_tantivy's too) can be read.
    let index = tantivy::Index::open_in_dir(&dir)?;
    let searcher = index.reader()?.searcher();
    let usage = searcher.space_usage()?;
    let total = usage.total().get_bytes().max(1);
    let mut rows: BTreeMap<(&str, String), u64> = BTreeMap::new();
    for segment in usage.segments() {
        for (component, per_field) in [
            ("termdict", segment.termdict()),
            ("postings", segment.postings()),
            ("positions", segment.positions()),
            ("fast_fields", segment.fast_fields()),
            ("fieldnorms", segment.fieldnorms()),
        ] {
            for field in per_field.fields() {
                *rows
                    .entry((component, field.field_name().to_string()))
                    .or_default() += field.total().get_bytes();
            }
        }
        *rows
            .entry(("store", "(all stored fields)".to_string()))
            .or_default() += segment.store().total().get_bytes();
    }
    let mut sorted: Vec<_> = rows.into_iter().collect();
    sorted.sort_by_key(|row| std::cmp::Reverse(row.1));
    println!(
        "{:<12} {:<22} {:>12} {:>6}",
        "component", "field", "bytes", "share"
    );
    for ((component, field), bytes) in sorted.iter().filter(|(_, b)| *b > 0) {
        println!(
            "{component:<12} {field:<22} {bytes:>12} {:>5.1}%",
            100.0 * *bytes as f64 / total as f64
        );
    }
    println!("total {total} bytes");
    Ok(())
}
