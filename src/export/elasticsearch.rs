//! Elasticsearch and OpenSearch: `es-index.json` (settings with our two analyzers, and a strict
//! mapping with the schema's field names) and `_bulk` NDJSON files `bulk-00000.ndjson`, … of at
//! most [`BULK_FILE_BYTES`] each (under the default 100 MB request limit), one
//! `{"index":{"_id":ID}}` action line before each document, `ID` being
//! [`super::ExportDoc::export_id`] (stable, unique per passage and file), so that loading twice
//! replaces instead of duplicating.
//!
//! Analyzers: `news_en` splits on anything not a letter or digit (as Tantivy's simple tokenizer),
//! drops tokens of 64 bytes or more, lower-cases, folds accents and stems with Snowball English
//! (`porter2`, the stemmer Tantivy uses); `news_name` is the same without stemming.
//!
//! Load it with:
//! ```sh
//! curl -XPUT 'localhost:9200/newsquote' -H 'Content-Type: application/json' --data-binary @OUT/es-index.json
//! for f in OUT/bulk-*.ndjson; do
//!   curl -s -XPOST 'localhost:9200/newsquote/_bulk' -H 'Content-Type: application/x-ndjson' --data-binary @"$f" | grep -q '"errors":false' || echo "$f: errors"
//! done
//! ```

use serde_json::{json, Value};

use super::{for_each_passage, write_file, ExportError, ExportOptions, ExportSummary, Output};
use crate::index::PassageIndex;

/// File name of the index settings and mapping.
pub const MAPPING_FILE: &str = "es-index.json";
/// Largest size of one bulk file, in bytes (a file ends at the first document past it).
pub const BULK_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Name of the `n`-th bulk file.
pub fn bulk_file_name(n: usize) -> String {
    format!("bulk-{n:05}.ndjson")
}

/// Writes the mapping, then the bulk files. Errors: [`ExportError::Io`] naming the file.
pub fn export(index: &PassageIndex, options: &ExportOptions) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let mapping = serde_json::to_string_pretty(&index_definition(options.shards))
        .expect("a mapping serializes");
    write_file(&options.out, MAPPING_FILE, &(mapping + "\n"), &mut summary)?;
    let mut current: Option<Output> = None;
    let mut count = 0usize;
    let mut buf = Vec::with_capacity(4096);
    let mut finished = Vec::new();
    let documents = for_each_passage(index, &options.filters, |doc| {
        if doc.date.is_none() {
            summary.undated += 1;
        }
        if current.as_ref().is_some_and(|o| o.bytes >= BULK_FILE_BYTES) {
            finished.push(current.take().expect("open").finish()?);
        }
        let out = match current.as_mut() {
            Some(o) => o,
            None => {
                count += 1;
                current.insert(Output::create(&options.out, &bulk_file_name(count - 1))?)
            }
        };
        buf.clear();
        serde_json::to_writer(&mut buf, &json!({"index": {"_id": doc.export_id()}}))
            .expect("an action serializes");
        buf.push(b'\n');
        serde_json::to_writer(&mut buf, doc).expect("a passage serializes");
        buf.push(b'\n');
        out.write(&buf)
    })?;
    if let Some(o) = current.take() {
        finished.push(o.finish()?);
    }
    for (path, bytes) in finished {
        summary.bytes += bytes;
        summary.files.push(path);
    }
    summary.documents = documents;
    summary.per_shard = vec![documents];
    Ok(summary)
}

fn text(analyzer: &str) -> Value {
    json!({"type": "text", "analyzer": analyzer})
}

fn keyword() -> Value {
    json!({"type": "keyword"})
}

fn stored_long() -> Value {
    json!({"type": "long", "index": false})
}

/// The body of `PUT /INDEX`: settings (shards, analyzers) and the strict mapping.
pub fn index_definition(shards: usize) -> Value {
    json!({
        "settings": {
            "number_of_shards": shards.max(1),
            "analysis": {
                "tokenizer": {
                    "news_words": {"type": "pattern", "pattern": "[^\\p{L}\\p{N}]+"}
                },
                "filter": {
                    "news_long": {"type": "length", "max": 63},
                    "news_stem": {"type": "stemmer", "language": "porter2"}
                },
                "analyzer": {
                    "news_en": {"type": "custom", "tokenizer": "news_words",
                                "filter": ["news_long", "lowercase", "asciifolding", "news_stem"]},
                    "news_name": {"type": "custom", "tokenizer": "news_words",
                                  "filter": ["news_long", "lowercase", "asciifolding"]}
                }
            }
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "passage_id": keyword(),
                "passage_key": keyword(),
                "article_id": keyword(),
                "kind": keyword(),
                "text": text("news_en"),
                "quote": text("news_en"),
                "speaker": text("news_name"),
                "speaker_exact": keyword(),
                "speaker_facet": keyword(),
                "mention": {"type": "text", "index": false},
                "cue": keyword(),
                "date": {"type": "date", "format": "strict_date_optional_time||epoch_second"},
                "location": text("news_name"),
                "source": text("news_name"),
                "source_exact": keyword(),
                "title": text("news_en"),
                "url": {"type": "keyword", "index": false},
                "path": keyword(),
                "line": stored_long(),
                "start": stored_long(),
                "end": stored_long()
            }
        }
    })
}
