//! Per-article quote extraction speed (`newsquote::quote::extract_quotes`), in MB/s of article
//! text on one core.
//!
//! ```sh
//! cargo bench --bench extract            # all groups
//! cargo bench --bench extract -- bbc     # one group
//! ```
//!
//! Inputs, read once before timing (reading is not measured):
//! - `bbc`: the 2,225 plain-text BBC articles of `../shared/data/bbc` (about 5 MB of text);
//! - `allsides`: the first 2,000 records of `../shared/data/allsides/all-articles.jsonl.gz`;
//! - `corpus`: the project's own `corpus/` (always present).
//!
//! A group whose data is absent is skipped with a message. Throughput is the sum of
//! `Article::text` lengths in bytes, so criterion's `thrpt` line is MB/s of article text; the time
//! per article (µs) is printed once per group.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsquote::article::{self, Article};
use newsquote::index::writer::is_folder_documentation;
use newsquote::quote::extract_quotes;

/// The allocator of the `newsquote` binary (see src/main.rs), so that the figure is the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Records of the allsides file used by the `allsides` group.
const ALLSIDES_RECORDS: usize = 2_000;

fn shared_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data")
}

/// Every article in the supported files under `dir`, in path order.
fn read_folder(dir: &Path) -> Vec<Article> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_type().is_file()
                && article::is_supported(e.path())
                && !is_folder_documentation(e.path())
        })
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let mut articles = Vec::new();
    for f in files {
        // Unreadable files (one BBC file is not valid UTF-8 and still reads, lossily) are skipped.
        let _ = article::read_file(&f, &mut |a| articles.push(a), &mut |_| {});
    }
    articles
}

/// The first `n` records of a gzipped JSON Lines file, read through the project's JSONL reader.
fn read_jsonl_head(path: &Path, n: usize) -> Vec<Article> {
    let Ok(file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let mut reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let mut head = Vec::new();
    for _ in 0..n {
        if reader.read_until(b'\n', &mut head).unwrap_or(0) == 0 {
            break;
        }
    }
    let mut articles = Vec::new();
    let name = path.display().to_string();
    let _ = article::json::read_jsonl(&name, &head[..], &mut |a| articles.push(a), &mut |_| {});
    articles
}

fn bench_group(c: &mut Criterion, name: &str, articles: &[Article]) {
    if articles.is_empty() {
        eprintln!("extract/{name}: no input found, skipped");
        return;
    }
    let bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    let started = Instant::now();
    let quotes: usize = articles.iter().map(|a| extract_quotes(a).len()).sum();
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "extract/{name}: {} articles, {:.2} MB of text, {quotes} quotes; one pass {:.3} s = {:.1} µs per article, {:.1} MB/s",
        articles.len(),
        bytes as f64 / 1e6,
        seconds,
        seconds * 1e6 / articles.len() as f64,
        bytes as f64 / 1e6 / seconds
    );
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(8));
    group.bench_function(format!("{name} ({} articles)", articles.len()), |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| std::hint::black_box(extract_quotes(a)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn extraction(c: &mut Criterion) {
    let data = shared_data();
    let bbc = data.join("bbc");
    if bbc.is_dir() {
        bench_group(c, "bbc", &read_folder(&bbc));
    } else {
        eprintln!("extract/bbc: {} absent, skipped", bbc.display());
    }
    let allsides = data.join("allsides/all-articles.jsonl.gz");
    if allsides.is_file() {
        bench_group(c, "allsides", &read_jsonl_head(&allsides, ALLSIDES_RECORDS));
    } else {
        eprintln!("extract/allsides: {} absent, skipped", allsides.display());
    }
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    bench_group(c, "corpus", &read_folder(&corpus));
}

criterion_group!(benches, extraction);
criterion_main!(benches);
