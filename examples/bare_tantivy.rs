//! The floor for `newsquote index`: the same article bodies indexed by bare Tantivy, and the cost
//! of only reading them.
//!
//! ```sh
//! cargo run --release --example bare_tantivy -- index ../shared/data/allsides/all-articles.jsonl.gz
//! cargo run --release --example bare_tantivy -- read  ../shared/data/allsides/all-articles.jsonl.gz
//! cargo run --release --example bare_tantivy -- index ../shared/data/bbc --index /tmp/bare-bbc
//! ```
//!
//! - `index`: one text field (newsquote's own `news_analyzer`: stemmed English with ASCII
//!   folding; positions indexed, not stored), writer memory budget 256 MB shared by 2 threads
//!   (as `newsquote index`), one commit at the end; the reading happens on the main thread while
//!   the writer threads index.
//! - `read`: the reading floor: open, decompress, split lines and parse the JSON of every record
//!   (or read every file of a folder), nothing else.
//!
//! Inputs: a `.jsonl` / `.jsonl.gz` / `.ndjson` file (the body is the field `content_original`, else
//! `text` or `maintext`), a `.json` file (one object or an array), a `.txt` file (the whole file is
//! the body), or a folder of those (walked). Records without a body are counted and skipped.
//!
//! Prints a human line on stderr and one `key=value` line on stdout: `mode`, `docs`, `skipped`,
//! `bytes` (body text, bytes), `seconds` (wall time, seconds), `mb_per_s` (body MB per second).

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Deserialize;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{doc, Index, IndexWriter};

/// The analyzer name registered on the bare index.
const ANALYZER: &str = "bare_en";

/// What to do with the article bodies.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Read, decompress and parse only.
    Read,
    /// Read and index into bare Tantivy.
    Index,
}

/// The options of one run.
struct Options {
    mode: Mode,
    inputs: Vec<PathBuf>,
    /// Index folder (emptied first); a temporary folder when absent.
    index: Option<PathBuf>,
    /// Writer memory budget, MB.
    memory_mb: usize,
    /// Writer indexing threads.
    threads: usize,
    /// One document per non-empty line of a body instead of one per body: the granularity of
    /// newsquote's passages, to tell the cost of a million small documents from newsquote's own.
    per_paragraph: bool,
    /// Store the body field too (zstd level 3 in 64 KiB blocks, as newsquote's doc store).
    stored: bool,
}

/// The body of one JSON record, whichever field it is in.
#[derive(Deserialize)]
struct Record {
    content_original: Option<String>,
    text: Option<String>,
    maintext: Option<String>,
}

impl Record {
    fn body(self) -> Option<String> {
        self.content_original
            .or(self.text)
            .or(self.maintext)
            .filter(|b| !b.trim().is_empty())
    }
}

/// Counts what a run saw.
#[derive(Default)]
struct Tally {
    docs: u64,
    skipped: u64,
    /// Body text, bytes.
    bytes: u64,
}

fn usage() -> ! {
    eprintln!(
        "usage: bare_tantivy (index|read) PATH... [--index DIR] [--memory MB] [--threads N]\n\
         \x20                                  [--per-paragraph] [--stored]\n\
         index: bare Tantivy indexing of the article bodies (256 MB, 2 threads by default);\n\
         \x20      --per-paragraph: one document per non-empty line; --stored: store the text\n\
         read:  only read, decompress and parse the input"
    );
    std::process::exit(2)
}

fn parse_args() -> Options {
    let mut args = std::env::args().skip(1);
    let mode = match args.next().as_deref() {
        Some("index") => Mode::Index,
        Some("read") => Mode::Read,
        _ => usage(),
    };
    let mut options = Options {
        mode,
        inputs: Vec::new(),
        index: None,
        memory_mb: 256,
        threads: 2,
        per_paragraph: false,
        stored: false,
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--index" => options.index = Some(PathBuf::from(value())),
            "--memory" => options.memory_mb = value().parse().unwrap_or_else(|_| usage()),
            "--threads" => options.threads = value().parse().unwrap_or_else(|_| usage()),
            "--per-paragraph" => options.per_paragraph = true,
            "--stored" => options.stored = true,
            "-h" | "--help" => usage(),
            _ => options.inputs.push(PathBuf::from(arg)),
        }
    }
    if options.inputs.is_empty() {
        usage();
    }
    options
}

/// Calls `on_body` with every article body under `path` (file or folder).
fn for_each_body(
    path: &Path,
    tally: &mut Tally,
    on_body: &mut dyn FnMut(String),
) -> std::io::Result<()> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(path)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file() && !is_documentation(e.path()))
            .map(|e| e.into_path())
            .collect();
        files.sort();
        for file in files {
            for_each_body_in_file(&file, tally, on_body)?;
        }
        Ok(())
    } else {
        for_each_body_in_file(path, tally, on_body)
    }
}

/// A data folder's README or LICENSE, which is not an article (newsquote skips it too).
fn is_documentation(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_uppercase();
    name.starts_with("README") || name.starts_with("LICENSE")
}

fn for_each_body_in_file(
    path: &Path,
    tally: &mut Tally,
    on_body: &mut dyn FnMut(String),
) -> std::io::Result<()> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let (stem, gz) = match name.strip_suffix(".gz") {
        Some(s) => (s.to_string(), true),
        None => (name.clone(), false),
    };
    let file = std::fs::File::open(path)?;
    let raw: Box<dyn Read> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut emit = |body: Option<String>, tally: &mut Tally| match body {
        Some(b) => {
            tally.docs += 1;
            tally.bytes += b.len() as u64;
            on_body(b);
        }
        None => tally.skipped += 1,
    };
    if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
        let mut reader = BufReader::with_capacity(1 << 16, raw);
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line)? == 0 {
                break;
            }
            if line.trim().is_empty() {
                continue;
            }
            let body = serde_json::from_str::<Record>(&line)
                .ok()
                .and_then(Record::body);
            emit(body, tally);
        }
    } else if stem.ends_with(".json") {
        let mut bytes = Vec::new();
        BufReader::new(raw).read_to_end(&mut bytes)?;
        match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Ok(serde_json::Value::Array(items)) => {
                for item in items {
                    emit(
                        serde_json::from_value::<Record>(item)
                            .ok()
                            .and_then(Record::body),
                        tally,
                    );
                }
            }
            Ok(value) => emit(
                serde_json::from_value::<Record>(value)
                    .ok()
                    .and_then(Record::body),
                tally,
            ),
            Err(_) => emit(None, tally),
        }
    } else if stem.ends_with(".txt") || stem.ends_with(".text") {
        let mut bytes = Vec::new();
        BufReader::new(raw).read_to_end(&mut bytes)?;
        let body = String::from_utf8_lossy(&bytes).into_owned();
        emit(Some(body).filter(|b| !b.trim().is_empty()), tally);
    }
    // Other files (README, LICENSE, HTML) are not bodies: ignored, not counted.
    Ok(())
}

fn main() -> tantivy::Result<()> {
    let options = parse_args();
    let started = Instant::now();
    let mut tally = Tally::default();
    // Keeps a temporary index folder alive until the end of the run.
    let mut _temp: Option<tempfile::TempDir> = None;
    match options.mode {
        Mode::Read => {
            for input in &options.inputs {
                for_each_body(input, &mut tally, &mut |body| {
                    std::hint::black_box(body);
                })?;
            }
        }
        Mode::Index => {
            let dir = match &options.index {
                Some(d) => {
                    if d.exists() {
                        std::fs::remove_dir_all(d)?;
                    }
                    std::fs::create_dir_all(d)?;
                    d.clone()
                }
                None => {
                    let t = tempfile::tempdir()?;
                    let d = t.path().to_path_buf();
                    _temp = Some(t);
                    d
                }
            };
            let mut builder = Schema::builder();
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let mut body_options = TextOptions::default().set_indexing_options(indexing);
            if options.stored {
                body_options = body_options.set_stored();
            }
            let body_field = builder.add_text_field("body", body_options);
            let index = Index::builder()
                .schema(builder.build())
                .settings(newsquote::index::schema::index_settings())
                .create_in_dir(&dir)?;
            index
                .tokenizers()
                .register(ANALYZER, newsquote::index::schema::news_analyzer());
            let mut writer: IndexWriter =
                index.writer_with_num_threads(options.threads, options.memory_mb << 20)?;
            let mut failed: Option<tantivy::TantivyError> = None;
            for input in &options.inputs {
                for_each_body(input, &mut tally, &mut |body| {
                    if failed.is_some() {
                        return;
                    }
                    let added = if options.per_paragraph {
                        body.lines()
                            .filter(|line| !line.trim().is_empty())
                            .try_for_each(|line| {
                                writer.add_document(doc!(body_field => line)).map(drop)
                            })
                    } else {
                        writer.add_document(doc!(body_field => body)).map(drop)
                    };
                    if let Err(e) = added {
                        failed = Some(e);
                    }
                })?;
            }
            if let Some(e) = failed {
                return Err(e);
            }
            writer.commit()?;
            writer.wait_merging_threads()?;
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let mode = match options.mode {
        Mode::Read => "read",
        Mode::Index => "index",
    };
    let mb = tally.bytes as f64 / 1e6;
    eprintln!(
        "bare_tantivy {mode}: {} docs ({} skipped), {mb:.1} MB of body text, {seconds:.2} s, {:.1} MB/s",
        tally.docs,
        tally.skipped,
        mb / seconds
    );
    println!(
        "mode={mode} docs={} skipped={} bytes={} seconds={seconds:.3} mb_per_s={:.1}",
        tally.docs,
        tally.skipped,
        tally.bytes,
        mb / seconds
    );
    Ok(())
}
