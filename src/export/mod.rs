//! Exporting the passage index to an engine built for a cluster, without re-extracting anything.
//!
//! One Tantivy index serves one machine; past that, the passages newsquote already extracted,
//! attributed and dated can be handed to [Quickwit](quickwit) (Tantivy underneath, same query
//! syntax), to [Elasticsearch or OpenSearch](elasticsearch), or to [Manticore Search or Sphinx](manticore)
//! split into shards. Each format module writes its data files and the configuration (mapping) that
//! indexes them with the same field names and, as far as the engine allows, the same analyzers as
//! [`crate::index::schema`].
//!
//! Export streams: passages are read segment by segment, document by document from the doc store
//! and written through buffered writers, so memory stays flat whatever the size of the index. The
//! search filters ([`Filters`]) select what is exported; manifest documents (`kind = "file"`) never
//! are.

pub mod cli;
pub mod document;
pub mod elasticsearch;
pub mod manticore;
pub mod quickwit;
pub mod yaml;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tantivy::query::{AllQuery, EnableScoring};
use tantivy::{DocSet, TantivyDocument, TERMINATED};

use crate::index::{IdColumns, IndexError, PassageIndex};
use crate::search::{filters, Filters, SearchError};
pub use document::ExportDoc;

/// The engine an export is meant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// NDJSON documents plus a Quickwit index configuration (YAML).
    Quickwit,
    /// `_bulk` NDJSON files plus the index settings and mapping (JSON), for Elasticsearch and
    /// OpenSearch.
    Elasticsearch,
    /// Tab-separated shards plus a Manticore Search / Sphinx 2.2 configuration with a
    /// `distributed` index over the shards.
    Manticore,
}

/// What to export, and where.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub format: ExportFormat,
    /// Which passages: the same filters as `search`.
    pub filters: Filters,
    /// Output folder, created when absent; files of the same name in it are overwritten.
    pub out: PathBuf,
    /// Number of shards: Manticore shard files (passages split by article), Elasticsearch
    /// `number_of_shards`. Ignored by Quickwit (it splits by itself). At least 1.
    pub shards: usize,
    /// Name of the index in the target engine (Quickwit `index_id`, Elasticsearch index,
    /// Manticore distributed index; shards are `NAME_0`, `NAME_1`, …).
    pub index_name: String,
}

impl ExportOptions {
    /// Options with no filter, one shard and the index name `newsquote`.
    pub fn new(format: ExportFormat, out: impl Into<PathBuf>) -> Self {
        ExportOptions {
            format,
            filters: Filters::default(),
            out: out.into(),
            shards: 1,
            index_name: "newsquote".into(),
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Passages written.
    pub documents: u64,
    /// Passages without a publication date among them.
    pub undated: u64,
    /// Bytes written, all files together.
    pub bytes: u64,
    /// Every file written, configuration first.
    pub files: Vec<PathBuf>,
    /// Passages per shard (one entry unless the format shards).
    pub per_shard: Vec<u64>,
}

/// Errors of an export. Messages are one line and name the file or folder.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}")]
    Usage(String),
}

impl ExportError {
    fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + '_ {
        move |e| ExportError::Io(path.display().to_string(), e)
    }
}

/// Exports the passages of `index` that `options.filters` select, in `options.format`, into
/// `options.out`.
///
/// Errors: [`ExportError::Usage`] for a bad option (no shard, index name with characters the
/// engines refuse), [`ExportError::Io`] naming the file that could not be written, index errors.
pub fn export(index: &PassageIndex, options: &ExportOptions) -> Result<ExportSummary, ExportError> {
    if options.shards == 0 {
        return Err(ExportError::Usage("--shards must be at least 1".into()));
    }
    let name = &options.index_name;
    let valid = name.len() >= 3
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid {
        return Err(ExportError::Usage(format!(
            "index name '{name}': use at least 3 characters a-z, 0-9 or _, starting with a letter"
        )));
    }
    std::fs::create_dir_all(&options.out).map_err(ExportError::io(&options.out))?;
    match options.format {
        ExportFormat::Quickwit => quickwit::export(index, options),
        ExportFormat::Elasticsearch => elasticsearch::export(index, options),
        ExportFormat::Manticore => manticore::export(index, options),
    }
}

/// Calls `each` with every passage the filters select, segment by segment, in doc-id order,
/// never holding more than one document (and the doc store's block cache) in memory.
/// Manifest documents are skipped. Returns the number of passages visited.
///
/// Errors: index errors, or the first error `each` returns (the walk stops there).
pub fn for_each_passage(
    index: &PassageIndex,
    filters: &Filters,
    mut each: impl FnMut(&ExportDoc) -> Result<(), ExportError>,
) -> Result<u64, ExportError> {
    let searcher = index.searcher()?;
    let fields = &index.fields;
    let query = filters::apply(fields, Box::new(AllQuery), filters)?;
    let weight = query.weight(EnableScoring::disabled_from_searcher(&searcher))?;
    let mut visited = 0;
    for segment in searcher.segment_readers() {
        let store = segment
            .get_store_reader(4)
            .map_err(|e| ExportError::Io(index.dir.display().to_string(), e))?;
        let alive = segment.alive_bitset();
        let ids = IdColumns::open(segment)?;
        let mut scorer = weight.scorer(segment, 1.0)?;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                let stored: TantivyDocument = store.get(doc)?;
                let passage = ExportDoc::from_stored(fields, &stored, ids.get(doc));
                each(&passage)?;
                visited += 1;
            }
            doc = scorer.advance();
        }
    }
    Ok(visited)
}

/// A buffered output file that counts the bytes written to it.
pub(crate) struct Output {
    pub path: PathBuf,
    writer: BufWriter<File>,
    pub bytes: u64,
}

impl Output {
    /// Creates (truncates) `dir/name`.
    pub fn create(dir: &Path, name: &str) -> Result<Output, ExportError> {
        let path = dir.join(name);
        let file = File::create(&path).map_err(ExportError::io(&path))?;
        Ok(Output {
            writer: BufWriter::with_capacity(1 << 20, file),
            path,
            bytes: 0,
        })
    }

    /// Writes all of `data`.
    pub fn write(&mut self, data: &[u8]) -> Result<(), ExportError> {
        self.bytes += data.len() as u64;
        self.writer
            .write_all(data)
            .map_err(ExportError::io(&self.path))
    }

    /// Flushes and closes the file; returns its path and size in bytes.
    pub fn finish(mut self) -> Result<(PathBuf, u64), ExportError> {
        self.writer.flush().map_err(ExportError::io(&self.path))?;
        Ok((self.path, self.bytes))
    }
}

/// Writes a whole small file (configuration, mapping, README) at once.
pub(crate) fn write_file(
    dir: &Path,
    name: &str,
    content: &str,
    summary: &mut ExportSummary,
) -> Result<PathBuf, ExportError> {
    let path = dir.join(name);
    std::fs::write(&path, content).map_err(ExportError::io(&path))?;
    summary.bytes += content.len() as u64;
    summary.files.push(path.clone());
    Ok(path)
}
