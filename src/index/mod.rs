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

/// The 64-bit ids of one passage (see [`Fields`]), shown to users with [`schema::hex_id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassageIds {
    pub passage_id: u64,
    pub passage_key: u64,
    pub article_id: u64,
}

/// The fast-field columns that hold the ids of a segment's passages: reading an id this way
/// costs a few nanoseconds, where loading the stored document costs a block decompression.
pub struct IdColumns {
    passage_id: tantivy::columnar::Column<u64>,
    passage_key: tantivy::columnar::Column<u64>,
    article_id: tantivy::columnar::Column<u64>,
}

impl IdColumns {
    /// Opens the columns of one segment. Errors: the index lacks the fast fields (another schema).
    pub fn open(segment: &tantivy::SegmentReader) -> tantivy::Result<IdColumns> {
        let fast = segment.fast_fields();
        Ok(IdColumns {
            passage_id: fast.u64("passage_id")?,
            passage_key: fast.u64("passage_key")?,
            article_id: fast.u64("article_id")?,
        })
    }

    /// The ids of document `doc` of the segment; 0 for a manifest document, which has none.
    pub fn get(&self, doc: tantivy::DocId) -> PassageIds {
        PassageIds {
            passage_id: self.passage_id.first(doc).unwrap_or(0),
            passage_key: self.passage_key.first(doc).unwrap_or(0),
            article_id: self.article_id.first(doc).unwrap_or(0),
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
