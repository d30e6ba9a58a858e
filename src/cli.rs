//! The command line: every flag in one place, with the help text a newcomer reads, and one
//! function per command.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use newsquote::article;
use newsquote::index::writer::walk_inputs;
use newsquote::index::{self, IndexOptions};
use newsquote::output::{extraction, hits};
use newsquote::quote::extract_quotes;
use newsquote::search::args::FilterArgs;
use newsquote::search::{self, Filters, SearchRequest, SortOrder};

/// What a command found: decides the exit code (0 results, 1 none), as grep and ripgrep do.
pub enum Outcome {
    Found,
    Nothing,
    /// Stopped by Ctrl-C after committing what was read: exit 130, as a shell reports SIGINT.
    Interrupted,
}

#[derive(Parser)]
#[command(
    name = "newsquote",
    version,
    about = "Index a folder of news articles and search who said what, when and where.",
    long_about = "Index a folder of news articles and search who said what, when and where.\n\n\
newsquote reads news articles as people save them (plain text; HTML pages; JSON files, arrays \
and JSON Lines dumps; any of them gzipped), finds every quotation (direct, mixed and reported speech), \
attributes it to a speaker (resolving \"he\", \"Kim\" and \"the North Korean leader\" to the full name \
introduced earlier), and stores each quote and each narrative paragraph as a passage in a Tantivy index.\n\n\
Start with:\n  newsquote index corpus\n  newsquote search \"strategic partnership\"\n  newsquote search strategic --speaker \"Kim Jong-un\"\n\n\
Exit codes: 0 results, 1 no results, 2 error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Index files and folders (incremental: only new or changed files are read).
    Index(IndexArgs),
    /// Search passages: ranked quotes and narrative paragraphs with highlighted matches.
    Search(SearchArgs),
    /// Print the quotes newsquote finds in files, without touching an index.
    Extract(ExtractArgs),
    /// Who is quoted most, on a query or overall.
    Speakers(SpeakersArgs),
    /// Totals of an index: articles, passages, quotes, speakers, date range, size.
    Stats(StatsArgs),
    /// Show one passage (by the `passage_id` of a search hit) with the paragraphs around it.
    Show(ShowArgs),
    /// Export passages for a distributed engine: Quickwit, Elasticsearch/OpenSearch, Manticore.
    Export(newsquote::export::cli::ExportArgs),
}

#[derive(Args)]
pub struct ShowArgs {
    /// The passage id, as printed by `search --json` (`passage_id`).
    pub passage_id: String,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Paragraphs to show before and after the passage.
    #[arg(long, default_value_t = 2)]
    pub context: usize,
    /// One JSON object: the hit, `before`, `paragraphs`, `after`.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct IndexArgs {
    /// Files or folders to index. Folders are walked; read are .txt/.text, .html/.htm/.xhtml/.shtml,
    /// .json (one article or an array), .jsonl/.ndjson (one article per line, streamed), each also
    /// gzipped (.gz).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Delete the index and build it again from scratch.
    #[arg(long)]
    pub rebuild: bool,
    /// Writer memory budget in MB.
    #[arg(long, default_value_t = 256, value_name = "MB")]
    pub memory: usize,
    /// Skip files larger than this many MB (JSON Lines files are streamed and exempt).
    #[arg(long, default_value_t = 64, value_name = "MB")]
    pub max_file_size: u64,
    /// Commit after about this many articles, so that a crash or Ctrl-C loses little (0: only at
    /// the end).
    #[arg(long, default_value_t = 50_000, value_name = "N")]
    pub commit_every: u64,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SortArg {
    /// BM25, best first; words in quote text weigh twice words in narration.
    Relevance,
    /// Newest first.
    Date,
}

#[derive(Args)]
#[command(after_help = "Query syntax (Tantivy's):\n  \
words          all words must occur, each in the narration, the quote or the quote's\n                 speaker (stemmed: \"talks\" finds \"talk\"; \"kovel sanctions\" finds\n                 Kovel's quotes on sanctions)\n  \
\"a phrase\"     the words next to each other\n  \
-word          exclude a word;  a AND NOT b  works too\n  \
a OR b         either word\n  \
field:word     search one field: text (narration), quote, speaker, title (headline words)\n\n\
A plain-words query that finds nothing because a word is misspelt (\"Putn\", \"tarrifs\") is run\n\
again with the nearest common spelling, and a note on stderr says which word was read how.\n\n\
Examples:\n  newsquote search '\"strategic partnership\"'\n  newsquote search sanctions --speaker putin --since 2024\n  newsquote search ceasefire --kind quote --sort date --json")]
pub struct SearchArgs {
    /// The query (see below). Use "*" to list everything the filters allow.
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Number of hits to show (at least 1).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: u64,
    /// Number of hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// One JSON object per hit (rank, score, speaker, date, snippet, highlights…).
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ExtractArgs {
    /// Files or folders to read.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// One JSON object per article, in the extraction format (quotes with byte offsets).
    #[arg(long)]
    pub json: bool,
    /// With --json, add the article's main text as `body`.
    #[arg(long)]
    pub body: bool,
}

#[derive(Args)]
pub struct SpeakersArgs {
    /// Only quotes matching this query (all quotes when absent).
    pub query: Option<String>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Number of speakers to show (at least 1).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: u64,
    /// One JSON object per speaker.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct StatsArgs {
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// One JSON object.
    #[arg(long)]
    pub json: bool,
}

fn filters(args: &FilterArgs) -> Result<Filters> {
    args.filters().map_err(anyhow::Error::msg)
}

fn stdout_line(out: &mut impl Write, line: &str) -> std::io::Result<()> {
    out.write_all(line.as_bytes())?;
    if !line.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// `newsquote index`: walk, read, extract, write; progress bar on a terminal; a one-line summary.
pub fn run_index(args: &IndexArgs) -> Result<Outcome> {
    let started = Instant::now();
    if !args.paths.iter().any(|p| p.exists()) {
        for p in &args.paths {
            eprintln!("warning: {}: no such file or folder", p.display());
        }
        anyhow::bail!("nothing to index");
    }
    let passage_index = index::open_or_create(&args.index, args.rebuild)?;
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta}")
            .expect("valid template"),
    );
    let warn = |w: String| bar.suspend(|| eprintln!("warning: {w}"));
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        // A second Ctrl-C ends the process at once (the last commit stays intact).
        let _ = ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
        });
    }
    let options = IndexOptions {
        memory_budget: args.memory.max(16) * 1024 * 1024,
        max_file_bytes: args.max_file_size.saturating_mul(1_000_000),
        commit_every: args.commit_every,
        stop: Some(stop),
    };
    let summary = index::index_paths(
        &passage_index,
        &args.paths,
        &options,
        &warn,
        &|n| bar.set_length(n),
        &|n| bar.inc(n),
    )?;
    bar.finish_and_clear();
    eprintln!(
        "{} files indexed, {} unchanged, {} removed, {} skipped; {} articles, {} passages ({} quotes) in {:.1} s",
        summary.indexed,
        summary.unchanged,
        summary.removed,
        summary.skipped,
        summary.articles,
        summary.passages,
        summary.quotes,
        started.elapsed().as_secs_f64()
    );
    if summary.interrupted {
        eprintln!("interrupted: what was read is committed; run the same command again to finish");
        return Ok(Outcome::Interrupted);
    }
    if summary.indexed + summary.unchanged == 0 && summary.skipped > 0 {
        anyhow::bail!("no file could be indexed");
    }
    if summary.indexed + summary.unchanged + summary.removed == 0 {
        eprintln!(
            "note: no article file was found: newsquote reads .txt, .html/.htm, .json, .jsonl and \
             their .gz forms, and leaves out hidden files, README/LICENSE-like files and paths \
             listed in a .newsquoteignore"
        );
        return Ok(Outcome::Nothing);
    }
    if summary.indexed > 0 && summary.articles == 0 && summary.unchanged == 0 {
        eprintln!(
            "note: the files read held no article text (a JSON record needs a text field such as \
             \"text\", \"body\", \"content\" or \"maintext\")"
        );
        return Ok(Outcome::Nothing);
    }
    Ok(Outcome::Found)
}

/// `newsquote search`.
pub fn run_search(args: &SearchArgs) -> Result<Outcome> {
    let passage_index = index::open(&args.index)?;
    let request = SearchRequest {
        query: args.query.clone(),
        filters: filters(&args.filters)?,
        sort: match args.sort {
            SortArg::Relevance => SortOrder::Relevance,
            SortArg::Date => SortOrder::Date,
        },
        limit: args.limit as usize,
        offset: args.offset,
        snippet_chars: 240,
    };
    let answer = search::search_forgiving(&passage_index, &request)?;
    if !answer.respelled.is_empty() {
        eprintln!(
            "note: nothing matched {}; showing passages for the nearest common spelling: {}",
            answer
                .respelled
                .iter()
                .map(|r| format!("\"{}\"", r.typed))
                .collect::<Vec<_>>()
                .join(", "),
            answer
                .respelled
                .iter()
                .map(|r| format!("{} → {}", r.typed, r.indexed))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let found = answer.hits;
    if found.is_empty() && request.offset > 0 {
        eprintln!(
            "note: no hits from --offset {} on; a smaller offset shows the last page",
            request.offset
        );
    }
    if found.is_empty() {
        for value in &request.filters.speakers {
            if search::speaker_is_known(&passage_index, value)? {
                continue;
            }
            let near = search::nearest_speakers(&passage_index, value, 3)?;
            if !near.is_empty() && !near.iter().any(|n| n.eq_ignore_ascii_case(value)) {
                eprintln!(
                    "note: no quote matched --speaker \"{value}\"; speakers with a near name: {}",
                    near.join("; ")
                );
            }
        }
    }
    let undated = search::undated_left_out(&passage_index, &request)?;
    if undated > 0 {
        let (noun, verb, left) = if undated == 1 {
            ("passage", "has", "is")
        } else {
            ("passages", "have", "are")
        };
        eprintln!(
            "note: {undated} matching {noun} {verb} no date and {left} left out by --since/--until"
        );
    }
    let colour = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    for hit in &found {
        let text = if args.json {
            hits::hit_json(hit)
        } else {
            hits::hit_text(hit, colour)
        };
        stdout_line(&mut out, &text)?;
    }
    Ok(if found.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

/// `newsquote extract`.
pub fn run_extract(args: &ExtractArgs) -> Result<Outcome> {
    let mut out = std::io::stdout().lock();
    let mut any = false;
    let mut failure: Option<std::io::Error> = None;
    if let Some(missing) = args.paths.iter().find(|p| !p.exists()) {
        anyhow::bail!("{}: no such file or folder", missing.display());
    }
    for root in &args.paths {
        let mut on_file = |entry: walkdir::DirEntry| {
            if failure.is_some() {
                return;
            }
            let result = article::read_file(
                entry.path(),
                &mut |a| {
                    if failure.is_some() {
                        return;
                    }
                    any = true;
                    let quotes = extract_quotes(&a);
                    let text = if args.json {
                        extraction::extraction_json(&a, &quotes, args.body).to_string()
                    } else {
                        extraction::extraction_text(&a, &quotes)
                    };
                    if let Err(e) = stdout_line(&mut out, &text) {
                        failure = Some(e);
                    }
                },
                &mut |w| eprintln!("warning: {w}"),
            );
            if let Err(e) = result {
                eprintln!("warning: {e}");
            }
        };
        walk_inputs(root, &mut on_file, &|w| eprintln!("warning: {w}"));
        if let Some(e) = failure.take() {
            return Err(e.into());
        }
    }
    Ok(if any {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}

/// `newsquote speakers`.
pub fn run_speakers(args: &SpeakersArgs) -> Result<Outcome> {
    let passage_index = index::open(&args.index)?;
    let facets = search::speakers(
        &passage_index,
        args.query.as_deref().unwrap_or(""),
        &filters(&args.filters)?,
        args.limit as usize,
    )?;
    let mut out = std::io::stdout().lock();
    if args.json {
        for f in &facets {
            stdout_line(&mut out, &serde_json::to_string(f)?)?;
        }
    } else if !facets.is_empty() {
        stdout_line(&mut out, &hits::speakers_text(&facets))?;
    }
    Ok(if facets.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

/// `newsquote stats`.
pub fn run_stats(args: &StatsArgs) -> Result<Outcome> {
    let passage_index = index::open(&args.index)?;
    let stats = search::stats(&passage_index).context("reading the index")?;
    let mut out = std::io::stdout().lock();
    let text = if args.json {
        serde_json::to_string(&stats)?
    } else {
        hits::stats_text(&stats)
    };
    stdout_line(&mut out, &text)?;
    Ok(Outcome::Found)
}

/// `newsquote show`.
pub fn run_show(args: &ShowArgs) -> Result<Outcome> {
    let passage_index = index::open(&args.index)?;
    let Some(context) = search::passage_context(&passage_index, &args.passage_id, args.context)?
    else {
        eprintln!("no passage with id {}", args.passage_id);
        return Ok(Outcome::Nothing);
    };
    let text = if args.json {
        serde_json::to_string(&context)?
    } else {
        hits::context_text(&context, std::io::stdout().is_terminal())
    };
    stdout_line(&mut std::io::stdout().lock(), &text)?;
    Ok(Outcome::Found)
}
