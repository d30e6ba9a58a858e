//! The passage index: opening or creating it, and writing articles into it incrementally.
//!
//! Each file's manifest entry (content hash, size, mtime) is a document of the index itself
//! (`kind = "file"`), so it is committed together with the file's passages and never runs ahead of
//! them. A file whose size and mtime are unchanged is skipped without reading; otherwise its blake3
//! hash decides.

pub mod schema;
pub mod writer;

use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

pub use schema::{Fields, SCHEMA_VERSION};
pub use writer::{index_paths, IndexOptions, IndexSummary};

/// Errors of opening or writing an index. Messages are one line and name the folder.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("{0}: no index here (run `newsquote index FOLDER --index {0}` first)")]
    Missing(String),
    #[error("{0}: folder is not empty and is not a newsquote index; refusing to write into it")]
    NotAnIndex(String),
    #[error("{0}: {1}; run `newsquote index --rebuild` to rebuild it")]
    Incompatible(String, String),
    #[error(
        "{0}: the index is locked by another newsquote process (is an `index` run still going?)"
    )]
    Locked(String),
    #[error("{0}: {1}")]
    Path(String, String),
    /// Writing or committing failed (a full disk, most often): nothing after the last successful
    /// commit is kept, and the index opens and answers from that commit.
    #[error(
        "{0}: writing the index failed: {1}; the index keeps its last commit, run the same command again once this is fixed"
    )]
    Write(String, String),
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// What the fast-field columns hold about one passage: its 64-bit ids (see [`Fields`]; shown to
/// users with [`schema::hex_id`]), where it stands in its article, and the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassageIds {
    /// Not a column: computed from the article id, the span and the kind with
    /// [`writer::passage_id`] (a column of 64-bit hashes cost 8 bytes per passage, 3.4% of the
    /// allsides index). 0 for a manifest document.
    pub passage_id: u64,
    pub passage_key: u64,
    pub article_id: u64,
    /// 1-based line of the passage in the article text.
    pub line: u64,
    /// Byte offsets of the passage in the article text.
    pub start: u64,
    pub end: u64,
    /// Publication date (UTC midnight of the printed calendar date), when the article has one.
    pub date: Option<tantivy::DateTime>,
}

/// The fast-field columns of a segment's passages: reading a value this way costs a few
/// nanoseconds, where loading the stored document costs a block decompression.
pub struct IdColumns {
    passage_key: tantivy::columnar::Column<u64>,
    article_id: tantivy::columnar::Column<u64>,
    line: tantivy::columnar::Column<u64>,
    start: tantivy::columnar::Column<u64>,
    end: tantivy::columnar::Column<u64>,
    date: tantivy::columnar::Column<tantivy::DateTime>,
    kind: tantivy::columnar::Column<u64>,
    /// The segment's `kind` values by term ordinal (a handful: the quote kinds, narration, file).
    kind_names: Vec<String>,
}

impl IdColumns {
    /// Opens the columns of one segment. Errors: the index lacks the fast fields (another schema).
    pub fn open(segment: &tantivy::SegmentReader) -> tantivy::Result<IdColumns> {
        let fast = segment.fast_fields();
        let kinds = fast.str("kind")?.ok_or_else(|| {
            tantivy::TantivyError::SchemaError("the kind field is not a fast field".into())
        })?;
        let mut kind_names = Vec::with_capacity(kinds.num_terms());
        for ord in 0..kinds.num_terms() as u64 {
            let mut name = String::new();
            kinds.ord_to_str(ord, &mut name)?;
            kind_names.push(name);
        }
        Ok(IdColumns {
            passage_key: fast.u64("passage_key")?,
            article_id: fast.u64("article_id")?,
            line: fast.u64("line")?,
            start: fast.u64("start")?,
            end: fast.u64("end")?,
            date: fast.date("date")?,
            kind: kinds.ords().clone(),
            kind_names,
        })
    }

    /// The grouping key of document `doc` alone (0 for a manifest document): what ranking reads
    /// for every candidate, without the hash [`IdColumns::get`] computes for the passage id.
    pub fn passage_key(&self, doc: tantivy::DocId) -> u64 {
        self.passage_key.first(doc).unwrap_or(0)
    }

    /// The byte length of document `doc`'s span in its article (`end - start`; 0 for a manifest
    /// document).
    pub fn span_bytes(&self, doc: tantivy::DocId) -> u64 {
        let start = self.start.first(doc).unwrap_or(0);
        self.end.first(doc).unwrap_or(0).saturating_sub(start)
    }

    /// The values of document `doc` of the segment; ids and offsets are 0 for a manifest
    /// document, which has none.
    pub fn get(&self, doc: tantivy::DocId) -> PassageIds {
        let article_id = self.article_id.first(doc).unwrap_or(0);
        let start = self.start.first(doc).unwrap_or(0);
        let end = self.end.first(doc).unwrap_or(0);
        let passage_id = if article_id == 0 {
            0
        } else {
            let kind = self
                .kind
                .first(doc)
                .and_then(|ord| self.kind_names.get(ord as usize))
                .map_or("", String::as_str);
            writer::passage_id(article_id, start as usize, end as usize, kind)
        };
        PassageIds {
            passage_id,
            passage_key: self.passage_key.first(doc).unwrap_or(0),
            article_id,
            line: self.line.first(doc).unwrap_or(0),
            start,
            end,
            date: self.date.first(doc),
        }
    }
}

impl IndexError {
    /// A [`IndexError::Write`] for the index in `dir`; an I/O error is named by the system's own
    /// words ("No space left on device (os error 28)") rather than Tantivy's wrapper (its document
    /// store reports I/O errors as `InternalError` with the I/O error's text).
    pub fn write(dir: &str, error: tantivy::TantivyError) -> IndexError {
        let reason = match &error {
            tantivy::TantivyError::IoError(io) => io.to_string(),
            tantivy::TantivyError::InternalError(text) => text.clone(),
            tantivy::TantivyError::OpenWriteError(
                tantivy::directory::error::OpenWriteError::IoError { io_error, .. },
            ) => io_error.to_string(),
            other => other.to_string(),
        };
        IndexError::Write(dir.to_string(), reason)
    }
}

/// An open index with its field handles and analyzers registered.
pub struct PassageIndex {
    pub index: Index,
    pub fields: Fields,
    pub dir: PathBuf,
    /// The reader of the last commit seen, and that commit's opstamp: opening a reader costs more
    /// than most queries, so searches in one process share it until the index changes.
    reader: std::sync::Mutex<Option<(u64, IndexReader)>>,
}

impl PassageIndex {
    fn new(index: Index, fields: Fields, dir: &Path) -> PassageIndex {
        PassageIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
            reader: std::sync::Mutex::new(None),
        }
    }

    /// A searcher on the index's last commit. The reader behind it is opened once and reused while
    /// the committed opstamp (read from `meta.json`, a few hundred bytes) stays the same, so a
    /// commit by this or another process is seen by the next call.
    pub fn searcher(&self) -> tantivy::Result<Searcher> {
        let opstamp = self.index.load_metas()?.opstamp;
        let mut cached = self.reader.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((seen, reader)) = cached.as_ref() {
            if *seen == opstamp {
                return Ok(reader.searcher());
            }
        }
        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        *cached = Some((opstamp, reader));
        Ok(searcher)
    }
}

fn is_index_dir(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

/// Opens an existing index for reading. Errors: [`IndexError::Missing`] when `dir` holds no index,
/// [`IndexError::Incompatible`] when it was written with another schema.
pub fn open(dir: &Path) -> Result<PassageIndex, IndexError> {
    let shown = dir.display().to_string();
    if dir.is_file() {
        return Err(IndexError::Path(
            shown,
            "is a file, not an index folder".into(),
        ));
    }
    if !is_index_dir(dir) {
        return Err(IndexError::Missing(shown));
    }
    let index = Index::open_in_dir(dir)?;
    let fields = schema::fields_of(&index.schema())
        .map_err(|e| IndexError::Incompatible(shown.clone(), e))?;
    if let Some(payload) = index.load_metas()?.payload {
        let version = serde_json::from_str::<serde_json::Value>(&payload)
            .ok()
            .and_then(|v| v["schema_version"].as_u64());
        if version != Some(u64::from(SCHEMA_VERSION)) {
            return Err(IndexError::Incompatible(
                shown,
                format!(
                    "the index has schema version {}, this newsquote writes version {SCHEMA_VERSION}",
                    version.map_or("unknown".to_string(), |v| v.to_string())
                ),
            ));
        }
    }
    schema::register_analyzers(&index);
    Ok(PassageIndex::new(index, fields, dir))
}

/// Opens the index in `dir` for writing, creating it when the folder is absent or empty. With
/// `rebuild`, an existing index is deleted first. A non-empty folder that is not an index is refused.
pub fn open_or_create(dir: &Path, rebuild: bool) -> Result<PassageIndex, IndexError> {
    let shown = dir.display().to_string();
    let path_err = |e: std::io::Error| IndexError::Path(shown.clone(), e.to_string());
    if dir.exists() {
        if !dir.is_dir() {
            return Err(IndexError::Path(shown, "not a folder".into()));
        }
        let has_index = is_index_dir(dir);
        let foreign = std::fs::read_dir(dir)
            .map_err(path_err)?
            .filter_map(|e| e.ok())
            .any(|e| e.file_name() != "README.md" && e.file_name() != ".gitkeep");
        if foreign && !has_index {
            return Err(IndexError::NotAnIndex(shown));
        }
        if has_index && !rebuild {
            return open(dir);
        }
        if has_index {
            for entry in std::fs::read_dir(dir).map_err(path_err)?.flatten() {
                let name = entry.file_name();
                if name == "README.md" || name == ".gitkeep" {
                    continue;
                }
                let p = entry.path();
                if p.is_dir() {
                    std::fs::remove_dir_all(&p).map_err(path_err)?;
                } else {
                    std::fs::remove_file(&p).map_err(path_err)?;
                }
            }
        }
    } else {
        std::fs::create_dir_all(dir).map_err(path_err)?;
    }
    let (schema, fields) = schema::build_schema();
    let directory = MmapDirectory::open(dir).map_err(|e| IndexError::Path(shown, e.to_string()))?;
    let index = Index::create(directory, schema, schema::index_settings())?;
    schema::register_analyzers(&index);
    Ok(PassageIndex::new(index, fields, dir))
}
