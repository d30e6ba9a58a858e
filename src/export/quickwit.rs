//! Quickwit: `passages.ndjson` (one JSON document per line) and `quickwit-index.yaml`, an index
//! configuration whose `doc_mapping` has the field names and analyzers of our schema, so that the
//! queries people type into `newsquote search` work on the cluster.
//!
//! Analyzers: names (`speaker`, `location`, `source`) get a custom tokenizer `news_name` that is
//! exactly ours (simple tokenizer, remove long, lower-caser, ASCII folding). Text (`text`, `quote`,
//! `title`) gets Quickwit's built-in `en_stem` (simple tokenizer, lower-caser, English stemmer):
//! Quickwit has no stemming filter for custom tokenizers, so accents are not folded there.
//!
//! `date` is the timestamp field when every exported passage has a date: Quickwit rejects a
//! document without its timestamp field, so when some are undated, `date` stays an ordinary fast
//! datetime field and the configuration says why in a comment.
//!
//! Load it with:
//! ```sh
//! quickwit index create --index-config OUT/quickwit-index.yaml
//! quickwit index ingest --index newsquote --input-path OUT/passages.ndjson --force
//! quickwit index search --index newsquote --query '"strategic partnership" AND speaker:"kim jong un"'
//! ```

use serde_json::{json, Value};

use super::{for_each_passage, write_file, ExportError, ExportOptions, ExportSummary, Output};
use crate::index::PassageIndex;

/// File name of the documents.
pub const DATA_FILE: &str = "passages.ndjson";
/// File name of the index configuration.
pub const CONFIG_FILE: &str = "quickwit-index.yaml";
/// Name of the custom tokenizer for names.
pub const NAME_TOKENIZER: &str = "news_name";
/// Quickwit tokenizer for passage, quote and title text.
pub const TEXT_TOKENIZER: &str = "en_stem";

/// Writes the NDJSON documents, then the configuration (which depends on whether all were dated).
/// Errors: [`ExportError::Io`] naming the file.
pub fn export(index: &PassageIndex, options: &ExportOptions) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let mut data = Output::create(&options.out, DATA_FILE)?;
    let mut line = Vec::with_capacity(4096);
    let documents = for_each_passage(index, &options.filters, |doc| {
        if doc.date.is_none() {
            summary.undated += 1;
        }
        line.clear();
        serde_json::to_writer(&mut line, doc).expect("a passage serializes");
        line.push(b'\n');
        data.write(&line)
    })?;
    summary.documents = documents;
    summary.per_shard = vec![documents];
    let all_dated = summary.undated == 0 && documents > 0;
    let config = index_config(&options.index_name, all_dated);
    let mut header = vec![
        "Quickwit index configuration written by `newsquote export --format quickwit`.",
        "  quickwit index create --index-config quickwit-index.yaml",
        "  quickwit index ingest --index INDEX --input-path passages.ndjson --force",
        "Text fields use en_stem (no accent folding in Quickwit's stemming tokenizer); names use",
        "news_name, the same analyzer as newsquote's index.",
    ];
    if !all_dated {
        header.push(
            "No timestamp_field: some passages have no publication date, and Quickwit rejects a",
        );
        header.push("document without its timestamp. `date` is still a fast datetime field.");
    }
    let yaml = super::yaml::to_yaml(&config, &header);
    write_file(&options.out, CONFIG_FILE, &yaml, &mut summary)?;
    let (path, bytes) = data.finish()?;
    summary.bytes += bytes;
    summary.files.push(path);
    Ok(summary)
}

fn text_field(name: &str, tokenizer: &str) -> Value {
    json!({"name": name, "type": "text", "tokenizer": tokenizer, "record": "position",
           "fieldnorms": true, "stored": true, "indexed": true})
}

fn raw_field(name: &str, fast: bool) -> Value {
    json!({"name": name, "type": "text", "tokenizer": "raw", "record": "basic",
           "stored": true, "indexed": true, "fast": fast})
}

fn stored_only(name: &str, kind: &str) -> Value {
    json!({"name": name, "type": kind, "stored": true, "indexed": false})
}

/// The Quickwit index configuration (format version 0.8) for exported passages.
///
/// `timestamp`: declare `date` as the timestamp field (only when every document has a date).
pub fn index_config(index_id: &str, timestamp: bool) -> Value {
    let mut speaker = text_field("speaker", NAME_TOKENIZER);
    speaker["type"] = json!("array<text>");
    let field_mappings = vec![
        raw_field("passage_id", false),
        raw_field("passage_key", true),
        raw_field("article_id", false),
        raw_field("kind", true),
        text_field("text", TEXT_TOKENIZER),
        text_field("quote", TEXT_TOKENIZER),
        speaker,
        raw_field("speaker_exact", true),
        raw_field("speaker_facet", true),
        stored_only("mention", "text"),
        raw_field("cue", false),
        json!({"name": "date", "type": "datetime", "input_formats": ["rfc3339"],
               "output_format": "rfc3339", "fast_precision": "seconds",
               "stored": true, "indexed": true, "fast": true}),
        text_field("location", NAME_TOKENIZER),
        text_field("source", NAME_TOKENIZER),
        raw_field("source_exact", true),
        text_field("title", TEXT_TOKENIZER),
        stored_only("url", "text"),
        raw_field("path", false),
        stored_only("line", "u64"),
        stored_only("start", "u64"),
        stored_only("end", "u64"),
    ];
    let mut doc_mapping = json!({
        "mode": "strict",
        "tokenizers": [{"name": NAME_TOKENIZER, "type": "simple",
                        "filters": ["remove_long", "lower_caser", "ascii_folding"]}],
        "field_mappings": field_mappings,
    });
    if timestamp {
        doc_mapping["timestamp_field"] = json!("date");
    }
    json!({
        "version": "0.8",
        "index_id": index_id,
        "doc_mapping": doc_mapping,
        "search_settings": {"default_search_fields": ["text", "quote"]},
        "indexing_settings": {"commit_timeout_secs": 30},
    })
}
