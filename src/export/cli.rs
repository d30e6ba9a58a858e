//! The `newsquote export` command: its flags (the filters are those of `search`) and its run.

use std::path::PathBuf;
use std::time::Instant;

use clap::{Args, ValueEnum};

use super::{export, ExportFormat, ExportOptions};
use crate::index;
use crate::search::args::FilterArgs;
use crate::search::Filters;

/// Target engine of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// passages.ndjson + quickwit-index.yaml (Quickwit: Tantivy on a cluster, same query syntax).
    Quickwit,
    /// bulk-NNNNN.ndjson (_bulk API) + es-index.json (settings and mapping); OpenSearch too.
    Elasticsearch,
    /// shard-K.tsv (tsvpipe) + sphinx.conf with a distributed index (Manticore, Sphinx 2.2).
    Manticore,
}

/// Flags of `newsquote export`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
newsquote export --format quickwit --out export/\n  \
newsquote export --format elasticsearch --since 2024 --out export-es/\n  \
newsquote export --format manticore --shards 4 --kind quote --out export-manticore/\n\n\
Each output folder gets the data files and the configuration to load them; the configuration's \
header says how.")]
pub struct ExportArgs {
    /// Target engine.
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Output folder (created if absent; files of the same names are overwritten).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Number of shards: Manticore shard files (passages split by article); Elasticsearch
    /// number_of_shards. Quickwit splits by itself.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub shards: usize,
    /// Index name in the target engine (Quickwit index_id, Elasticsearch index, Manticore
    /// distributed index).
    #[arg(long, default_value = "newsquote", value_name = "NAME")]
    pub name: String,
    #[command(flatten)]
    pub filters: FilterArgs,
}

impl ExportArgs {
    /// The search filters these flags ask for. Errors: a bad `--since`/`--until` date.
    pub fn filters(&self) -> anyhow::Result<Filters> {
        self.filters.filters().map_err(anyhow::Error::msg)
    }
}

/// `newsquote export`: writes the selected passages and the target engine's configuration into
/// `--out`, then one summary line on stderr (documents, shards, MB, MB/s). Returns the number of
/// passages written (0 means nothing matched: exit code 1).
///
/// Errors: no index, bad flags, a file that cannot be written (named in the message).
pub fn run_export(args: &ExportArgs) -> anyhow::Result<u64> {
    let started = Instant::now();
    let passage_index = index::open(&args.index)?;
    let options = ExportOptions {
        format: match args.format {
            FormatArg::Quickwit => ExportFormat::Quickwit,
            FormatArg::Elasticsearch => ExportFormat::Elasticsearch,
            FormatArg::Manticore => ExportFormat::Manticore,
        },
        filters: args.filters()?,
        out: args.out.clone(),
        shards: args.shards,
        index_name: args.name.clone(),
    };
    let summary = export(&passage_index, &options)?;
    let seconds = started.elapsed().as_secs_f64();
    let mb = summary.bytes as f64 / 1e6;
    let shards = if summary.per_shard.len() > 1 {
        let counts: Vec<String> = summary.per_shard.iter().map(u64::to_string).collect();
        format!(" in {} shards ({})", counts.len(), counts.join(" + "))
    } else {
        String::new()
    };
    eprintln!(
        "{} passages{shards} ({} undated) exported to {}: {} files, {:.1} MB in {:.1} s ({:.0} MB/s)",
        summary.documents,
        summary.undated,
        args.out.display(),
        summary.files.len(),
        mb,
        seconds,
        mb / seconds.max(1e-6),
    );
    Ok(summary.documents)
}
