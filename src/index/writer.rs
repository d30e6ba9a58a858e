//! Writing files into the passage index: walk, compare with the manifest, then a pipeline in which
//! one thread reads and decompresses files (streaming JSON Lines) and hands articles through a
//! bounded channel to the worker pool, which extracts quotes and feeds one Tantivy `IndexWriter`.
//!
//! Crash safety: a file's passages are deleted before its new ones are added, and its manifest
//! document is added only after the last of its passages, so any commit (periodic, final, or the
//! one after Ctrl-C) that holds a file's manifest entry holds all of its passages. A file cut off
//! by a crash has no manifest entry and is read again, whole, by the next run.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use super::schema::{Fields, FILE_KIND, NARRATION_KIND};
use super::{IndexError, PassageIndex};
use crate::article::{self, Article, Form};
use crate::quote::{extract_quotes, Quote};

/// How an `index` run behaves.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Tantivy writer memory budget in bytes, shared by its threads.
    pub memory_budget: usize,
    /// Files larger than this many bytes (on disk) are skipped with a warning; JSON Lines files are
    /// streamed and exempt.
    pub max_file_bytes: u64,
    /// Commit after about this many articles, so that a crash or Ctrl-C loses little; 0 commits only
    /// at the end.
    pub commit_every: u64,
    /// Raised from outside (Ctrl-C) to stop early: no new article is read, what was read is
    /// indexed and committed, files cut off are left for the next run.
    pub stop: Option<Arc<AtomicBool>>,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            memory_budget: 256 * 1024 * 1024,
            max_file_bytes: 64 * 1024 * 1024,
            commit_every: 50_000,
            stop: None,
        }
    }
}

/// What an `index` run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexSummary {
    /// Files read and (re)indexed in this run.
    pub indexed: u64,
    /// Files found unchanged since the last run (by size and mtime, or by content hash).
    pub unchanged: u64,
    /// Files that disappeared from the given folders; their passages were deleted.
    pub removed: u64,
    /// Files that could not be read (each got one warning).
    pub skipped: u64,
    /// Articles read from the indexed files (a JSONL file holds many).
    pub articles: u64,
    /// Passages written (quotes + narrative paragraphs).
    pub passages: u64,
    /// Quotes among those passages.
    pub quotes: u64,
    /// Commits made (0 when nothing changed).
    pub commits: u64,
    /// The run was stopped early (Ctrl-C); files not finished are left for the next run.
    pub interrupted: bool,
}

/// One manifest entry: what the index knows of a file.
#[derive(Debug, Clone)]
struct ManifestEntry {
    hash: String,
    size: u64,
    mtime: u64,
}

struct FoundFile {
    path: PathBuf,
    key: String,
    size: u64,
    mtime: u64,
}

/// A file whose articles are on their way through the pipeline. Its manifest document is added by
/// whoever finishes last: the reader (after the last article was sent) or a worker (after the last
/// article was indexed).
struct FileInFlight {
    /// Canonical path: the delete key of the file's passages.
    key: String,
    /// Articles sent and not yet indexed, plus 1 while the reader is still reading.
    pending: AtomicU64,
    /// The manifest document, taken by the one who finishes; `None` once added or when the file
    /// was cut off (Ctrl-C, read error), so that it is read again next time.
    manifest: Mutex<Option<TantivyDocument>>,
}

struct Counters {
    indexed: AtomicU64,
    unchanged: AtomicU64,
    skipped: AtomicU64,
    articles: AtomicU64,
    passages: AtomicU64,
    quotes: AtomicU64,
    since_commit: AtomicU64,
    commits: AtomicU64,
}

/// Indexes every supported file under `paths` (files or folders) into `index`.
///
/// New and changed files are (re)indexed, unchanged ones skipped, files that vanished from under
/// the given folders have their passages deleted. `on_warning` gets one line per problem file;
/// `on_total` the number of files to look at once known, `on_progress` 1 for each file read.
/// Nothing is committed when nothing changed. Errors: [`IndexError::Locked`] when another process
/// writes to the index; [`IndexError::Write`] when writing a segment or a commit failed (a full
/// disk): the index keeps its last successful commit and the next run redoes the rest.
pub fn index_paths(
    index: &PassageIndex,
    paths: &[PathBuf],
    options: &IndexOptions,
    on_warning: &(dyn Fn(String) + Sync),
    on_total: &dyn Fn(u64),
    on_progress: &(dyn Fn(u64) + Sync),
) -> Result<IndexSummary, IndexError> {
    let shown = index.dir.display().to_string();
    let writer: IndexWriter<TantivyDocument> =
        index
            .index
            .writer(options.memory_budget)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => IndexError::Locked(shown.clone()),
                other => IndexError::Tantivy(other),
            })?;
    let fields = &index.fields;
    let manifest = load_manifest(index)?;

    let mut roots = Vec::new();
    let mut found = Vec::new();
    // Files the walk found but could not look at (a link loop, a file that vanished) are skipped.
    let walk_failures = AtomicU64::new(0);
    for path in paths {
        match std::fs::canonicalize(path) {
            Ok(root) => roots.push(root),
            Err(e) => {
                on_warning(format!("{}: {}", path.display(), e));
                continue;
            }
        }
        let counted = |w: String| {
            walk_failures.fetch_add(1, Ordering::Relaxed);
            on_warning(w);
        };
        walk(path, &mut found, &counted);
    }
    let mut seen = HashSet::new();
    found.retain(|f| seen.insert(f.key.clone()));

    let mut summary = IndexSummary::default();
    let mut todo = Vec::new();
    for file in found {
        match manifest.get(&file.key) {
            Some(m) if m.size == file.size && m.mtime == file.mtime => summary.unchanged += 1,
            _ => todo.push(file),
        }
    }
    let partly_indexed = partly_indexed_files(index, &manifest)?;
    let removed: Vec<&String> = manifest
        .keys()
        .chain(&partly_indexed)
        .filter(|k| !seen.contains(*k) && roots.iter().any(|r| Path::new(k).starts_with(r)))
        .collect();
    for key in &removed {
        writer.delete_term(Term::from_field_text(fields.file, key));
    }
    summary.removed = removed.len() as u64;
    on_total(todo.len() as u64);

    let counters = Counters {
        indexed: AtomicU64::new(0),
        unchanged: AtomicU64::new(0),
        skipped: AtomicU64::new(0),
        articles: AtomicU64::new(0),
        passages: AtomicU64::new(0),
        quotes: AtomicU64::new(0),
        since_commit: AtomicU64::new(0),
        commits: AtomicU64::new(0),
    };
    let writer = RwLock::new(writer);
    let failure: Mutex<Option<tantivy::TantivyError>> = Mutex::new(None);
    let fail = |e: tantivy::TantivyError| {
        failure.lock().unwrap().get_or_insert(e);
    };
    let stopped = || {
        options
            .stop
            .as_ref()
            .is_some_and(|s| s.load(Ordering::Relaxed))
    };
    let (sender, receiver) = std::sync::mpsc::sync_channel::<(Arc<FileInFlight>, Article)>(256);

    let finish = |file: &FileInFlight| {
        if file.pending.fetch_sub(1, Ordering::AcqRel) == 1 {
            if let Some(doc) = file.manifest.lock().unwrap().take() {
                if let Err(e) = writer.read().unwrap().add_document(doc) {
                    fail(e);
                }
            }
        }
    };
    let commit_if_due = || {
        let due = options.commit_every > 0
            && counters.since_commit.load(Ordering::Relaxed) >= options.commit_every;
        if !due {
            return;
        }
        let mut w = writer.write().unwrap();
        // Checked again under the lock: another worker may have just committed.
        if counters.since_commit.load(Ordering::Relaxed) >= options.commit_every {
            match commit(&mut w) {
                Ok(()) => {
                    counters.since_commit.store(0, Ordering::Relaxed);
                    counters.commits.fetch_add(1, Ordering::Relaxed);
                }
                Err(e) => fail(e),
            }
        }
    };

    std::thread::scope(|scope| {
        let read_all = {
            let sender = sender;
            let counters = &counters;
            let writer = &writer;
            let manifest = &manifest;
            let finish = &finish;
            move || {
                for file in &todo {
                    if stopped() {
                        break;
                    }
                    read_one(
                        file,
                        manifest.get(&file.key),
                        options,
                        fields,
                        writer,
                        &sender,
                        counters,
                        finish,
                        &stopped,
                        on_warning,
                    );
                    on_progress(1);
                }
            }
        };
        scope.spawn(read_all);
        receiver
            .into_iter()
            .par_bridge()
            .for_each(|(file, article)| {
                let quotes = extract_quotes(&article);
                let mut docs = Vec::with_capacity(quotes.len() + article.paragraphs.len());
                passage_documents(fields, &file.key, &article, &quotes, &mut docs);
                counters
                    .quotes
                    .fetch_add(quotes.len() as u64, Ordering::Relaxed);
                counters
                    .passages
                    .fetch_add(docs.len() as u64, Ordering::Relaxed);
                // One `add_document` per passage, not one `run` batch per article: Tantivy's
                // queue holds 10,000 sends whatever their size, so article batches let about 33
                // times as many passages wait in memory (peak 761 MB instead of about 350 on
                // allsides) for no measurable CPU gain.
                {
                    let w = writer.read().unwrap();
                    for doc in docs {
                        if let Err(e) = w.add_document(doc) {
                            fail(e);
                            break;
                        }
                    }
                }
                counters.since_commit.fetch_add(1, Ordering::Relaxed);
                finish(&file);
                commit_if_due();
            });
    });
    if let Some(e) = failure.into_inner().unwrap() {
        return Err(abandon(writer.into_inner().unwrap(), &index.dir, e));
    }
    summary.indexed = counters.indexed.load(Ordering::Relaxed);
    summary.unchanged += counters.unchanged.load(Ordering::Relaxed);
    summary.skipped =
        counters.skipped.load(Ordering::Relaxed) + walk_failures.load(Ordering::Relaxed);
    summary.articles = counters.articles.load(Ordering::Relaxed);
    summary.passages = counters.passages.load(Ordering::Relaxed);
    summary.quotes = counters.quotes.load(Ordering::Relaxed);
    summary.commits = counters.commits.load(Ordering::Relaxed);
    summary.interrupted = stopped();

    let mut writer = writer.into_inner().unwrap();
    // Passages of a file cut off by Ctrl-C are committed too (without the file's manifest entry,
    // so the next run reads that file again and first deletes them): rolling them back lost every
    // passage of a run over one large JSON Lines file while saying they were committed.
    let changed =
        summary.indexed > 0 || summary.removed > 0 || summary.skipped > 0 || summary.passages > 0;
    if changed || summary.commits > 0 {
        if let Err(e) = commit(&mut writer) {
            return Err(abandon(writer, &index.dir, e));
        }
        summary.commits += 1;
    } else {
        writer.rollback()?;
    }
    writer.wait_merging_threads()?;
    Ok(summary)
}

/// Ends a run after a write error (`first`, the first one seen) and returns the error to report:
/// nothing more is committed, and the index is left as its last commit left it.
///
/// After a worker thread of Tantivy failed (a full disk, a file size limit), `add_document` only
/// says "the index writer was killed"; the worker's own error comes out when its thread is joined,
/// which `prepare_commit` does, so that error is reported when there is one. A commit that could
/// still be prepared is dropped with the writer. Then, best effort, the files this run wrote are
/// deleted, which gives back the space they took: through a freshly opened index, whose garbage
/// collection keeps exactly the last commit's segments (the writer's own index still counts the
/// segments of this run as alive while any of its threads holds one, so it would keep some).
/// Files that a worker thread left running by the failed `prepare_commit` writes after that are
/// left to the next successful commit's garbage collection.
fn abandon(
    mut writer: IndexWriter<TantivyDocument>,
    index_dir: &Path,
    first: tantivy::TantivyError,
) -> IndexError {
    let cause = writer.prepare_commit().err().unwrap_or(first);
    // Dropping the writer joins its threads and releases the index lock.
    drop(writer);
    if let Ok(index) = tantivy::Index::open_in_dir(index_dir) {
        if let Ok(w) = index.writer_with_num_threads::<TantivyDocument>(1, 15_000_000) {
            let _ = w.garbage_collect_files().wait();
        }
    }
    IndexError::write(&index_dir.display().to_string(), cause)
}

fn commit(writer: &mut IndexWriter<TantivyDocument>) -> tantivy::Result<()> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&format!("{{\"schema_version\":{}}}", super::SCHEMA_VERSION));
    prepared.commit()?;
    Ok(())
}

/// Reads one file in the reader thread: hash, size limit, delete its old passages, send its
/// articles to the workers, and leave its manifest document to whoever finishes last.
#[allow(clippy::too_many_arguments)]
fn read_one(
    file: &FoundFile,
    known: Option<&ManifestEntry>,
    options: &IndexOptions,
    fields: &Fields,
    writer: &RwLock<IndexWriter<TantivyDocument>>,
    sender: &std::sync::mpsc::SyncSender<(Arc<FileInFlight>, Article)>,
    counters: &Counters,
    finish: &(dyn Fn(&FileInFlight) + Sync),
    stopped: &dyn Fn() -> bool,
    on_warning: &(dyn Fn(String) + Sync),
) {
    let skip = |reason: String| {
        on_warning(reason);
        counters.skipped.fetch_add(1, Ordering::Relaxed);
    };
    let streamed = matches!(article::form_of(&file.path), Some((Form::JsonLines, _)));
    if file.size > options.max_file_bytes && !streamed {
        return skip(format!(
            "{}: {} MB is over the size limit of {} MB (--max-file-size), skipped",
            file.path.display(),
            file.size / 1_000_000,
            options.max_file_bytes / 1_000_000
        ));
    }
    let hash = match hash_file(&file.path) {
        Ok(h) => h,
        Err(e) => return skip(format!("{}: {e}", file.path.display())),
    };
    if known.is_some_and(|m| m.hash == hash) {
        counters.unchanged.fetch_add(1, Ordering::Relaxed);
        return;
    }
    let w = writer.read().unwrap();
    // Always, not only for known files: a run cut off by a crash may have committed some passages
    // of this file without its manifest entry.
    w.delete_term(Term::from_field_text(fields.file, &file.key));
    drop(w);
    let mut manifest = TantivyDocument::default();
    manifest.add_text(fields.kind, FILE_KIND);
    manifest.add_text(fields.file, &file.key);
    manifest.add_text(fields.path, file.path.display().to_string());
    manifest.add_text(fields.file_hash, &hash);
    manifest.add_u64(fields.file_size, file.size);
    manifest.add_u64(fields.file_mtime, file.mtime);
    let in_flight = Arc::new(FileInFlight {
        key: file.key.clone(),
        pending: AtomicU64::new(1),
        manifest: Mutex::new(None),
    });
    let mut articles = 0u64;
    let mut cut_off = false;
    let mut warn = |w: String| on_warning(w);
    let result = article::read_file(
        &file.path,
        &mut |a: Article| {
            if cut_off || stopped() {
                cut_off = true;
                return;
            }
            articles += 1;
            in_flight.pending.fetch_add(1, Ordering::AcqRel);
            if sender.send((in_flight.clone(), a)).is_err() {
                cut_off = true;
            }
        },
        &mut warn,
    );
    counters.articles.fetch_add(articles, Ordering::Relaxed);
    match result {
        Err(e) => {
            skip(e.to_string());
        }
        Ok(()) if !cut_off => {
            manifest.add_u64(fields.file_articles, articles);
            *in_flight.manifest.lock().unwrap() = Some(manifest);
            counters.indexed.fetch_add(1, Ordering::Relaxed);
        }
        Ok(()) => {}
    }
    finish(&in_flight);
}

/// Whether a file found in a folder is a data set's own documentation (`README.txt`, `LICENSE.txt`)
/// rather than an article: such files sit beside article collections (the BBC set has one).
pub fn is_folder_documentation(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "README" | "LICENSE" | "LICENCE" | "COPYING" | "CHANGELOG"
    )
}

/// The name of the file that lists what to leave out of a folder: one name per line, relative to
/// the folder that holds it (`gold/`, `drafts/notes.txt`); blank lines and `#` comments ignored.
pub const IGNORE_FILE: &str = ".newsquoteignore";

fn read_ignore_file(dir: &Path, ignored: &mut HashSet<PathBuf>) {
    let Ok(list) = std::fs::read_to_string(dir.join(IGNORE_FILE)) else {
        return;
    };
    for line in list.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        ignored.insert(dir.join(line.trim_end_matches('/')));
    }
}

/// Walks files and folders (following links, sorted by name) and calls `on_file` for every file
/// newsquote reads: a file named directly is always taken; inside folders, files of a supported
/// form that are not the folder's documentation, not hidden (`.name`), and not listed in a
/// [`IGNORE_FILE`] of a folder above them. Problems (unreadable folders, link loops) go to
/// `on_warning`, one line each, and the walk goes on.
pub fn walk_inputs(
    path: &Path,
    on_file: &mut dyn FnMut(walkdir::DirEntry),
    on_warning: &(dyn Fn(String) + Sync),
) {
    let mut ignored = HashSet::new();
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() > 0
                && (entry.file_name().to_string_lossy().starts_with('.')
                    || ignored.contains(entry.path()))
            {
                return false;
            }
            if entry.file_type().is_dir() {
                read_ignore_file(entry.path(), &mut ignored);
            }
            true
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                let reason = e.io_error().map_or(e.to_string(), |io| io.to_string());
                on_warning(format!("{at}: {reason}"));
                continue;
            }
        };
        let wanted = entry.depth() == 0
            || (article::is_supported(entry.path()) && !is_folder_documentation(entry.path()));
        if entry.file_type().is_file() && wanted {
            on_file(entry);
        }
    }
}

fn walk(path: &Path, found: &mut Vec<FoundFile>, on_warning: &(dyn Fn(String) + Sync)) {
    walk_inputs(
        path,
        &mut |entry| found_file(entry, found, on_warning),
        on_warning,
    );
}

fn found_file(
    entry: walkdir::DirEntry,
    found: &mut Vec<FoundFile>,
    on_warning: &(dyn Fn(String) + Sync),
) {
    let meta = match entry.metadata() {
        Ok(m) => m,
        Err(e) => {
            on_warning(format!("{}: {e}", entry.path().display()));
            return;
        }
    };
    let key = match std::fs::canonicalize(entry.path()) {
        Ok(k) => k.display().to_string(),
        Err(e) => {
            on_warning(format!("{}: {e}", entry.path().display()));
            return;
        }
    };
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    found.push(FoundFile {
        path: entry.into_path(),
        key,
        size: meta.len(),
        mtime,
    });
}

fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(std::fs::File::open(path)?)?;
    Ok(hasher.finalize().to_hex()[..32].to_string())
}

/// The first 64 bits of the blake3 hash of `parts`, each followed by a NUL byte (big-endian, so
/// that [`crate::index::schema::hex_id`] shows the hash's first 16 hex digits).
fn hash64(parts: &[&[u8]]) -> u64 {
    let mut hasher = blake3::Hasher::new();
    for p in parts {
        hasher.update(p);
        hasher.update(&[0]);
    }
    let bytes = hasher.finalize();
    u64::from_be_bytes(bytes.as_bytes()[..8].try_into().unwrap_or_default())
}

/// Converts a calendar date to the index's date value (UTC midnight of that date).
pub fn date_value(date: jiff::civil::Date) -> DateTime {
    let seconds = date
        .to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0);
    DateTime::from_timestamp_secs(seconds)
}

/// The id of an article: a 64-bit hash of its text (what all offsets refer to).
pub fn article_id(article: &Article) -> u64 {
    hash64(&[article.text.as_bytes()])
}

/// The id of a passage: a 64-bit hash of its article's id, its byte span and its kind.
pub fn passage_id(article_id: u64, start: usize, end: usize, kind: &str) -> u64 {
    hash64(&[
        crate::index::schema::hex_id(article_id).as_bytes(),
        start.to_string().as_bytes(),
        end.to_string().as_bytes(),
        kind.as_bytes(),
    ])
}

/// The grouping key of a passage: a hash of its words, lower-cased, with quote marks, punctuation
/// and spacing ignored, and cut to the first 12 words, so that copies of one quote carried by several
/// articles (curly or straight marks, a reflowed line, a trailing word cut in a long quote) share a key.
pub fn passage_key(text: &str) -> u64 {
    let mut words = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
    {
        words.push_str(&word.to_lowercase());
        words.push(' ');
    }
    hash64(&[words.as_bytes()])
}

/// Builds the passage documents of one article: one per quote, and one narration passage per
/// paragraph: the paragraph as written when it holds no quote, else its words around the quotes
/// with "…" standing for each quote (see [`narration_around_quotes`]). Without the second kind, the
/// narration of a paragraph that holds a quote ("Asked whether Vesk would join the sanctions
/// against Dravonia, Kovel replied: …") could not be found at all.
///
/// `file_key` is the canonical path of the file the article came from (the delete key). A narration
/// passage's `start`..`end` is its paragraph's byte range, quotes included.
pub fn passage_documents(
    fields: &Fields,
    file_key: &str,
    article: &Article,
    quotes: &[Quote],
    out: &mut Vec<TantivyDocument>,
) {
    let article_id = article_id(article);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(article.text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset) as u64;
    let narration: Vec<(usize, usize, Cow<str>)> = article
        .paragraphs
        .iter()
        .filter_map(|p| {
            let text = article.paragraph_text(p);
            let within = |start: usize, end: usize| {
                (start < p.end && end > p.start)
                    .then(|| (start.max(p.start) - p.start, end.min(p.end) - p.start))
            };
            let inside: Vec<(usize, usize)> = quotes
                .iter()
                .filter_map(|q| within(q.start, q.end))
                .collect();
            if inside.is_empty() {
                return Some((p.start, p.end, Cow::Borrowed(text)));
            }
            let mentions: Vec<(usize, usize)> = quotes
                .iter()
                .filter_map(|q| q.mention.as_ref().and_then(|m| within(m.start, m.end)))
                .collect();
            narration_around_quotes(text, &inside, &mentions)
                .map(|rest| (p.start, p.end, Cow::Owned(rest)))
        })
        .collect();
    // The headline is indexed on the article's first passage only (see `Fields::title`).
    let first_start = quotes
        .iter()
        .map(|q| q.start)
        .chain(narration.iter().map(|(start, _, _)| *start))
        .min()
        .unwrap_or(0);
    // A passage's text is indexed once: narration in `text`, a quote in `quote` (see `Fields`).
    let base = |kind: &str, start: usize, end: usize, text_field, text: &str| {
        let mut doc = TantivyDocument::default();
        doc.add_u64(fields.article_id, article_id);
        doc.add_text(fields.file, file_key);
        doc.add_text(fields.kind, kind);
        let key = passage_key(text);
        doc.add_u64(fields.passage_key, key);
        doc.add_u64(
            fields.passage_bucket,
            crate::index::schema::passage_bucket(key),
        );
        doc.add_text(text_field, text);
        doc.add_text(fields.path, &article.path);
        doc.add_u64(fields.line, line_of(start));
        doc.add_u64(fields.start, start as u64);
        doc.add_u64(fields.end, end as u64);
        if let Some(d) = article.published {
            doc.add_date(fields.date, date_value(d));
        }
        if let Some(source) = &article.source {
            doc.add_text(fields.source_exact, source);
        }
        for (field, value) in [
            (fields.location, &article.location),
            (fields.source, &article.source),
            (fields.url, &article.url),
        ] {
            if let Some(v) = value {
                doc.add_text(field, v);
            }
        }
        if let Some(title) = &article.title {
            doc.add_text(fields.title_text, title);
            if start == first_start {
                doc.add_text(fields.title, title);
            }
        }
        doc
    };
    for q in quotes {
        let mut doc = base(q.kind.as_str(), q.start, q.end, fields.quote, &q.text);
        if let Some(speaker) = &q.speaker {
            // The name analyzer folds case, accents and repeated letters itself.
            doc.add_text(fields.speaker, speaker);
            doc.add_text(fields.speaker_exact, speaker);
            for alias in &q.speaker_aliases {
                doc.add_text(fields.speaker, alias);
            }
        }
        if let Some(m) = &q.mention {
            doc.add_text(fields.mention, &m.text);
        }
        if let Some(c) = &q.cue {
            doc.add_text(fields.cue, c);
        }
        out.push(doc);
    }
    for (start, end, text) in narration {
        out.push(base(NARRATION_KIND, start, end, fields.text, &text));
    }
}

/// Fewest words, besides the quotes and their speakers' mentions, that the narration around a
/// paragraph's quotes must have to become a passage: "Kovel said …", "… he said." and "Zelenskyy
/// Vorn said …" (one word besides the mention) carry nothing a search needs that the quote
/// passage's speaker and cue fields do not; "Olvenhal told a joint news conference" does.
pub const MIN_NARRATION_WORDS: usize = 3;

/// Fewest of those words that must also be content words: not a speech cue ("said", "told",
/// "added") and not a function word of the quote lexicon (determiners, pronouns, prepositions,
/// auxiliaries). "\"…,\" he said in a statement." and "\"…,\" he said on CBS. \"…\"" have one
/// and carry nothing the quote passage does not; on 3,000 allsides articles 2,121 narration
/// passages (3.6%) were only such a tag, and they ranked high because they are short.
pub const MIN_NARRATION_CONTENT_WORDS: usize = 2;

/// Words of the setting of an attribution ("in a written statement", "at a news conference", "on
/// the Senate floor", "in a post on Twitter", "told reporters"): they say where or how the words
/// were said, not what about. Found among the narration passages of 3,000 allsides articles that
/// were only a tag around "…" (976 of them had 8 words or fewer).
const ATTRIBUTION_SETTINGS: &[&str] = &[
    "statement",
    "statements",
    "written",
    "released",
    "issued",
    "interview",
    "interviews",
    "conference",
    "briefing",
    "news",
    "press",
    "floor",
    "speech",
    "remarks",
    "tweet",
    "tweets",
    "tweeted",
    "twitter",
    "facebook",
    "post",
    "posted",
    "email",
    "emailed",
    "letter",
    "television",
    "tv",
    "radio",
    "broadcast",
    "podcast",
    "program",
    "programme",
    "show",
    "appearance",
    "reporters",
    "journalists",
    "telephone",
    "phone",
    "call",
    "video",
];

/// Whether a word of narration says something beyond the attribution (see
/// [`MIN_NARRATION_CONTENT_WORDS`]).
fn is_content_word(word: &str) -> bool {
    use crate::quote::lexicon::{class, flags, single_cue};
    let lower = word.to_lowercase();
    if ATTRIBUTION_SETTINGS.contains(&lower.as_str()) {
        return false;
    }
    let function = class::DET
        | class::PRONOUN
        | class::STOP
        | class::ADVERB
        | class::ADVERBIAL
        | class::INDEF
        | class::PASSIVE;
    flags(&lower) & function == 0 && single_cue(&lower).is_none()
}

/// The words of a paragraph around its quotes: each quote's byte range (relative to `paragraph`,
/// in any order, possibly overlapping) becomes "…" and whitespace is collapsed. `None` when fewer
/// than [`MIN_NARRATION_WORDS`] words (runs of letters or digits) lie outside both the quotes and
/// the `mentions` ranges (the speakers' names, which stay in the text), or fewer than
/// [`MIN_NARRATION_CONTENT_WORDS`] of them are content words. Ranges are byte offsets on
/// character boundaries (quote and mention spans are).
pub fn narration_around_quotes(
    paragraph: &str,
    quotes: &[(usize, usize)],
    mentions: &[(usize, usize)],
) -> Option<String> {
    let mut ranges = quotes.to_vec();
    ranges.sort_unstable();
    let mut rest = String::with_capacity(paragraph.len() / 2);
    let mut words = 0;
    let mut content_words = 0;
    let mut at = 0;
    let mut keep = |from: usize, to: usize, rest: &mut String| {
        let piece = &paragraph[from..to];
        rest.push_str(piece);
        let mut in_word = false;
        for (i, c) in piece.char_indices() {
            let starts_word = c.is_alphanumeric() && !in_word;
            in_word = c.is_alphanumeric();
            let offset = from + i;
            if starts_word && !mentions.iter().any(|&(s, e)| offset >= s && offset < e) {
                words += 1;
                let word_end = piece[i..]
                    .find(|c: char| !c.is_alphanumeric())
                    .map_or(piece.len(), |n| i + n);
                if content_words < MIN_NARRATION_CONTENT_WORDS
                    && is_content_word(&piece[i..word_end])
                {
                    content_words += 1;
                }
            }
        }
    };
    for (start, end) in ranges {
        if end <= at {
            continue;
        }
        if start >= at {
            keep(at, start, &mut rest);
            rest.push('…');
        }
        at = end;
    }
    keep(at, paragraph.len(), &mut rest);
    (words >= MIN_NARRATION_WORDS && content_words >= MIN_NARRATION_CONTENT_WORDS)
        .then(|| rest.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Files that have passages in the index but no manifest entry: a run stopped (Ctrl-C, a kill)
/// after a periodic commit and before the file's last article. If such a file is then deleted,
/// its passages must go too, and the manifest does not know of it (the crash test found the
/// orphans: one article and 51 passages more than a clean build). One term per file is read from
/// the `file` field's dictionary; a term whose documents are all deleted stays there until a merge,
/// so only terms that still match a passage count.
fn partly_indexed_files(
    index: &PassageIndex,
    manifest: &HashMap<String, ManifestEntry>,
) -> Result<Vec<String>, IndexError> {
    let searcher = index.searcher()?;
    let field = index.fields.file;
    let mut keys = HashSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut terms = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while terms.advance() {
            if let Ok(key) = std::str::from_utf8(terms.key()) {
                if !manifest.contains_key(key) {
                    keys.insert(key.to_string());
                }
            }
        }
    }
    let mut alive = Vec::new();
    for key in keys {
        let query = TermQuery::new(Term::from_field_text(field, &key), IndexRecordOption::Basic);
        if searcher.search(&query, &tantivy::collector::Count)? > 0 {
            alive.push(key);
        }
    }
    Ok(alive)
}

fn load_manifest(index: &PassageIndex) -> Result<HashMap<String, ManifestEntry>, IndexError> {
    let f = &index.fields;
    let searcher = index.searcher()?;
    let query = TermQuery::new(
        Term::from_field_text(f.kind, FILE_KIND),
        IndexRecordOption::Basic,
    );
    let addresses = searcher.search(&query, &DocSetCollector)?;
    let mut manifest = HashMap::with_capacity(addresses.len());
    for address in addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let number = |field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
        manifest.insert(
            text(f.file),
            ManifestEntry {
                hash: text(f.file_hash),
                size: number(f.file_size),
                mtime: number(f.file_mtime),
            },
        );
    }
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::narration_around_quotes;

    #[test]
    fn narration_around_quotes_keeps_the_words_and_marks_each_quote() {
        let paragraph = "Asked about the levy, Varnholt said:  \u{201c}No.\u{201d} Later she added, \u{201c}Never.\u{201d}";
        let no = paragraph.find("No.").unwrap();
        let never = paragraph.find("Never.").unwrap();
        let quotes = [(never, never + "Never.".len()), (no, no + "No.".len())];
        assert_eq!(
            narration_around_quotes(paragraph, &quotes, &[]).as_deref(),
            Some("Asked about the levy, Varnholt said: \u{201c}…\u{201d} Later she added, \u{201c}…\u{201d}")
        );
        let short = "\u{201c}We agree,\u{201d} he said.";
        assert_eq!(narration_around_quotes(short, &[(3, 12)], &[]), None);
        // Overlapping and nested ranges are one gap.
        assert_eq!(
            narration_around_quotes(
                "levy two three four dredging costs",
                &[(5, 14), (9, 19)],
                &[]
            )
            .as_deref(),
            Some("levy … dredging costs")
        );
        // The speaker's name does not count: "Zelenskyy Vorn said …" is one word besides it.
        let named = "Zelenskyy Vorn said talks would resume.";
        let dashed =
            "\u{2014} \u{2014} Ann Lee \u{2014} said: \u{201c}Yes.\u{201d} Later, after lunch at the quay.";
        let lee = dashed.find("Ann").unwrap();
        let yes = dashed.find("Yes.").unwrap();
        assert_eq!(
            narration_around_quotes(dashed, &[(yes, yes + 4)], &[(lee, lee + 7)]).as_deref(),
            Some("\u{2014} \u{2014} Ann Lee \u{2014} said: \u{201c}…\u{201d} Later, after lunch at the quay.")
        );
        assert_eq!(
            narration_around_quotes(&dashed[..yes + 7], &[(yes, yes + 4)], &[(lee, lee + 7)]),
            None
        );
        assert_eq!(
            narration_around_quotes(named, &[(20, 38)], &[(0, 14)]),
            None
        );
        assert_eq!(
            narration_around_quotes(named, &[(20, 38)], &[]).as_deref(),
            Some("Zelenskyy Vorn said ….")
        );
        // An attribution with its circumstances is no passage; with a subject matter it is.
        let tag = "\u{201c}The port stays shut,\u{201d} he said in a statement on Monday.";
        let port = tag.find("The port").unwrap();
        let shut = port + "The port stays shut,".len();
        assert_eq!(narration_around_quotes(tag, &[(port, shut)], &[]), None);
        let on_air = "\u{201c}No.\u{201d} she told CBS. \u{201c}Never.\u{201d}";
        let no = on_air.find("No.").unwrap();
        let never = on_air.find("Never.").unwrap();
        assert_eq!(
            narration_around_quotes(on_air, &[(no, no + 3), (never, never + 6)], &[]),
            None
        );
        for setting in [
            "\u{201c}The port stays shut,\u{201d} he said in a written statement.",
            "\u{201c}The port stays shut,\u{201d} he said on the Senate floor.",
            "\u{201c}The port stays shut,\u{201d} he said in a statement released on Twitter.",
        ] {
            assert_eq!(
                narration_around_quotes(setting, &[(port, shut)], &[]),
                None,
                "{setting}"
            );
        }
        let briefing = "\u{201c}The port stays shut,\u{201d} he told a briefing on dredging costs.";
        assert_eq!(
            narration_around_quotes(briefing, &[(port, shut)], &[]).as_deref(),
            Some("\u{201c}…\u{201d} he told a briefing on dredging costs.")
        );
    }
}
