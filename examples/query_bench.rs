//! The query benchmark: runs every query of a query set against an index, in process, through the
//! library's [`newsquote::search::search_forgiving`] (what `newsquote search` calls), and prints the
//! distribution of query times in milliseconds and every query that failed.
//!
//! ```sh
//! cargo run --release -- index ../shared/data/allsides/all-articles.jsonl.gz --index /tmp/nq-allsides
//! cargo run --release --example query_bench -- --index /tmp/nq-allsides --queries bench/queries.txt
//! ```
//!
//! Each query runs once as a warm-up, then `--rounds` times (default 5); a query's time is the
//! median of its rounds (wall time of one `search_forgiving` call: checking the index's last
//! commit, parsing, searching, collapsing copies, loading documents, building snippets, and for a
//! query that finds nothing, the respelled second search). The reader is opened once by the
//! warm-up and reused, as in any process that answers more than one query; `newsquote search`
//! itself opens it once per command (measured separately in the README's performance table). The figures printed are over the
//! queries: median, p90, p99 and max, in milliseconds. The query-set format is described at the top
//! of `bench/queries.txt`: `QUERY || key=value ...` with keys speaker, since, until, location,
//! source, kind, sort, limit, offset.
//!
//! Prints a human report on stdout, ending with one `key=value` line (`queries`, `errors`,
//! `median_ms`, `p90_ms`, `p99_ms`, `max_ms`) for scripts. Exit code 1 when any query failed.

use std::path::PathBuf;
use std::time::Instant;

use newsquote::search::{self, parse_date_bound, Filters, KindFilter, SearchRequest, SortOrder};

/// One line of the query set: the request, and the line as written (for the report).
struct Case {
    line: usize,
    written: String,
    request: Result<SearchRequest, String>,
}

/// Splits `key=value key="two words"` into pairs.
fn split_options(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut chars = text.trim().chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return Ok(out);
        }
        let key: String = chars.by_ref().take_while(|&c| c != '=').collect();
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            let mut closed = false;
            for c in chars.by_ref() {
                if c == '"' {
                    closed = true;
                    break;
                }
                value.push(c);
            }
            if !closed {
                return Err(format!("unclosed quote in the value of {key}"));
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                value.push(c);
                chars.next();
            }
        }
        if key.trim().is_empty() || value.is_empty() {
            return Err(format!("bad option near '{key}'"));
        }
        out.push((key.trim().to_string(), value));
    }
}

/// Reads one query-set line into a search request (limit 10, snippets of 240 characters, as the
/// command line's defaults).
fn parse_case(written: &str) -> Result<SearchRequest, String> {
    let (query, options) = match written.split_once(" || ") {
        Some((q, o)) => (q.trim(), o),
        None => (written, ""),
    };
    let mut request = SearchRequest {
        query: query.to_string(),
        filters: Filters::default(),
        sort: SortOrder::Relevance,
        limit: 10,
        offset: 0,
        snippet_chars: 240,
    };
    for (key, value) in split_options(options)? {
        let date = |v: &str| parse_date_bound(v).map(Some);
        match key.as_str() {
            "speaker" => request.filters.speakers.push(value),
            "since" => request.filters.since = date(&value)?,
            "until" => request.filters.until = date(&value)?,
            "location" => request.filters.location = Some(value),
            "source" => request.filters.source = Some(value),
            "kind" => {
                request.filters.kind = match value.as_str() {
                    "any" => KindFilter::Any,
                    "quote" => KindFilter::Quote,
                    "direct" => KindFilter::Direct,
                    "mixed" => KindFilter::Mixed,
                    "indirect" => KindFilter::Indirect,
                    "narration" => KindFilter::Narration,
                    other => return Err(format!("unknown kind {other}")),
                }
            }
            "sort" => {
                request.sort = match value.as_str() {
                    "relevance" => SortOrder::Relevance,
                    "date" => SortOrder::Date,
                    other => return Err(format!("unknown sort {other}")),
                }
            }
            "limit" => request.limit = value.parse().map_err(|_| "bad limit".to_string())?,
            "offset" => request.offset = value.parse().map_err(|_| "bad offset".to_string())?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(request)
}

/// Reads a query set: one query per line; `#` alone or `# ...` is a comment; blank lines skipped.
fn read_cases(path: &PathBuf) -> std::io::Result<Vec<Case>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, l)| !(l.trim().is_empty() || *l == "#" || l.starts_with("# ")))
        .map(|(i, l)| Case {
            line: i + 1,
            written: l.to_string(),
            request: parse_case(l),
        })
        .collect())
}

/// The `p`-th percentile (0–100) of sorted values, nearest rank.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn usage() -> ! {
    eprintln!("usage: query_bench [--index DIR] [--queries FILE] [--rounds N] [--slowest N]");
    std::process::exit(2)
}

fn main() {
    let mut index_dir = PathBuf::from("index");
    let mut queries = PathBuf::from("bench/queries.txt");
    let mut rounds = 5usize;
    let mut slowest = 10usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--index" => index_dir = PathBuf::from(value()),
            "--queries" => queries = PathBuf::from(value()),
            "--rounds" => rounds = value().parse::<usize>().unwrap_or_else(|_| usage()).max(1),
            "--slowest" => slowest = value().parse().unwrap_or_else(|_| usage()),
            _ => usage(),
        }
    }
    let index = match newsquote::index::open(&index_dir) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("query_bench: {e}");
            std::process::exit(2)
        }
    };
    let cases = match read_cases(&queries) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("query_bench: {}: {e}", queries.display());
            std::process::exit(2)
        }
    };

    // Per query: median time of the rounds in ms, hits of the first run, or the error.
    let mut timed: Vec<(f64, usize, &Case)> = Vec::new();
    let mut errors: Vec<(&Case, String)> = Vec::new();
    for case in &cases {
        let request = match &case.request {
            Ok(r) => r,
            Err(e) => {
                errors.push((case, format!("bad line in the query set: {e}")));
                continue;
            }
        };
        let first = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            search::search_forgiving(&index, request)
        }));
        let hits = match first {
            Ok(Ok(answer)) => answer.hits.len(),
            Ok(Err(e)) => {
                errors.push((case, e.to_string()));
                continue;
            }
            Err(_) => {
                errors.push((case, "panicked".to_string()));
                continue;
            }
        };
        let mut times: Vec<f64> = (0..rounds)
            .map(|_| {
                let started = Instant::now();
                let result = search::search_forgiving(&index, request);
                let ms = started.elapsed().as_secs_f64() * 1e3;
                std::hint::black_box(result.ok());
                ms
            })
            .collect();
        times.sort_by(|a, b| a.total_cmp(b));
        timed.push((times[times.len() / 2], hits, case));
    }

    let mut ms: Vec<f64> = timed.iter().map(|t| t.0).collect();
    ms.sort_by(|a, b| a.total_cmp(b));
    let no_hits = timed.iter().filter(|t| t.1 == 0).count();
    println!(
        "query_bench: {} queries from {} on {} ({} rounds each, median per query)",
        cases.len(),
        queries.display(),
        index_dir.display(),
        rounds
    );
    println!(
        "  median {:.2} ms   p90 {:.2} ms   p99 {:.2} ms   max {:.2} ms   mean {:.2} ms",
        percentile(&ms, 50.0),
        percentile(&ms, 90.0),
        percentile(&ms, 99.0),
        ms.last().copied().unwrap_or(f64::NAN),
        ms.iter().sum::<f64>() / ms.len().max(1) as f64
    );
    println!(
        "  {} ran, {} with no hit, {} errors",
        timed.len(),
        no_hits,
        errors.len()
    );
    let mut by_time: Vec<&(f64, usize, &Case)> = timed.iter().collect();
    by_time.sort_by(|a, b| b.0.total_cmp(&a.0));
    if slowest > 0 {
        println!("  slowest:");
        for (t, hits, case) in by_time.iter().take(slowest) {
            println!(
                "    {t:8.2} ms  {hits:3} hits  line {:3}: {}",
                case.line, case.written
            );
        }
    }
    if no_hits > 0 {
        println!("  no hit:");
        for (_, _, case) in timed.iter().filter(|t| t.1 == 0) {
            println!("    line {:3}: {}", case.line, case.written);
        }
    }
    if !errors.is_empty() {
        println!("  errors:");
        for (case, e) in &errors {
            println!("    line {:3}: {}  ->  {e}", case.line, case.written);
        }
    }
    println!(
        "queries={} errors={} median_ms={:.3} p90_ms={:.3} p99_ms={:.3} max_ms={:.3}",
        cases.len(),
        errors.len(),
        percentile(&ms, 50.0),
        percentile(&ms, 90.0),
        percentile(&ms, 99.0),
        ms.last().copied().unwrap_or(f64::NAN)
    );
    if !errors.is_empty() {
        std::process::exit(1);
    }
}
