//! The Tantivy schema of the passage index, in one place, with the analyzers it needs.
//!
//! One document per passage (a quote or a narrative paragraph), plus one `kind = "file"` document per
//! indexed file that carries the manifest entry (content hash, size, modification time). Keeping the
//! manifest inside the index means it is committed atomically with the passages it describes.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::Index;

/// Version of this schema; an index written with another version must be rebuilt.
pub const SCHEMA_VERSION: u32 = 1;

/// Analyzer for passage, quote and title text: words lower-cased, accents folded, English stems.
pub const NEWS_ANALYZER: &str = "news_en";
/// Analyzer for names (speaker, location, source): lower-cased and folded, not stemmed, so that
/// "Erdoğan" matches "erdogan" and "Kim Jong-un" is the three tokens `kim jong un`.
pub const NAME_ANALYZER: &str = "news_name";

/// The value of `kind` for a file's manifest document.
pub const FILE_KIND: &str = "file";
/// The value of `kind` for a narrative paragraph.
pub const NARRATION_KIND: &str = "narration";

/// Handles to every field, resolved once.
#[derive(Debug, Clone)]
pub struct Fields {
    pub passage_id: Field,
    /// Hash of the passage text with marks, case and spacing normalised: the same quote carried by
    /// several articles (syndication, copies) has one key. See `writer::passage_key`.
    pub passage_key: Field,
    pub article_id: Field,
    /// Canonical path of the file on disk: the key for incremental updates and deletes.
    pub file: Field,
    pub kind: Field,
    pub text: Field,
    pub quote: Field,
    /// Canonical name and aliases, name-analyzed with positions (phrase match on `--speaker`).
    pub speaker: Field,
    /// Canonical name as one raw token, fast: facets.
    pub speaker_exact: Field,
    pub mention: Field,
    pub cue: Field,
    /// Publication date at day precision (UTC midnight of the printed calendar date).
    pub date: Field,
    pub location: Field,
    pub source: Field,
    /// Publisher as one raw token, fast: facets and counts.
    pub source_exact: Field,
    pub title: Field,
    pub url: Field,
    /// The article's path as shown to users (`path#N` for a JSONL record).
    pub path: Field,
    /// 1-based line of the passage in the article text.
    pub line: Field,
    /// Byte offsets of the passage in the article text.
    pub start: Field,
    pub end: Field,
    /// Manifest: blake3 of the file's bytes (hex), size in bytes, mtime in nanoseconds since the epoch (seconds would miss a rewrite of the same size within one second).
    pub file_hash: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    /// Manifest: number of articles read from the file.
    pub file_articles: Field,
}

fn text_options(analyzer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Builds the schema and the field handles.
pub fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let stored_u64 = NumericOptions::default().set_stored();
    let fields = Fields {
        passage_id: b.add_text_field("passage_id", STRING | STORED),
        passage_key: b.add_text_field("passage_key", STRING | STORED | FAST),
        article_id: b.add_text_field("article_id", STRING | STORED),
        file: b.add_text_field("file", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED | FAST),
        text: b.add_text_field("text", text_options(NEWS_ANALYZER, true)),
        quote: b.add_text_field("quote", text_options(NEWS_ANALYZER, false)),
        speaker: b.add_text_field("speaker", text_options(NAME_ANALYZER, false)),
        speaker_exact: b.add_text_field("speaker_exact", STRING | STORED | FAST),
        mention: b.add_text_field("mention", STORED),
        cue: b.add_text_field("cue", STRING | STORED),
        date: b.add_date_field(
            "date",
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored()
                .set_precision(DateTimePrecision::Seconds),
        ),
        location: b.add_text_field("location", text_options(NAME_ANALYZER, true)),
        source: b.add_text_field("source", text_options(NAME_ANALYZER, true)),
        source_exact: b.add_text_field("source_exact", STRING | FAST),
        title: b.add_text_field("title", text_options(NEWS_ANALYZER, true)),
        url: b.add_text_field("url", STORED),
        path: b.add_text_field("path", STRING | STORED),
        line: b.add_u64_field("line", stored_u64.clone()),
        start: b.add_u64_field("start", stored_u64.clone()),
        end: b.add_u64_field("end", stored_u64.clone()),
        file_hash: b.add_text_field("file_hash", STORED),
        file_size: b.add_u64_field("file_size", stored_u64.clone()),
        file_mtime: b.add_u64_field("file_mtime", stored_u64.clone()),
        file_articles: b.add_u64_field("file_articles", stored_u64),
    };
    (b.build(), fields)
}

/// Registers the custom analyzers on an index. Needed after every `Index::create*` and `Index::open*`:
/// Tantivy stores only the analyzer's name.
pub fn register_analyzers(index: &Index) {
    index.tokenizers().register(NEWS_ANALYZER, news_analyzer());
    index.tokenizers().register(NAME_ANALYZER, name_analyzer());
}

/// The analyzer for passage, quote and title text, also used to find the words to highlight.
pub fn news_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The analyzer for names, also used to turn `--speaker` and `--location` values into tokens.
pub fn name_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The form of a name that is indexed and searched in the `speaker` field: runs of one repeated
/// letter collapse to one ("Zelenskyy" and "Zelensky" both become "Zelensky"), so that
/// transliterations that differ only by a doubled letter match; the name analyzer then folds case
/// and accents ("Erdoğan" = "erdogan").
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut previous: Option<char> = None;
    for c in name.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        if c.is_alphabetic() && previous == Some(lower) {
            continue;
        }
        previous = Some(lower);
        out.push(c);
    }
    out
}

/// The key under which facets fold one person's names across articles: the first and last words of
/// the name, so that names differing only by a middle name or initial ("George W. Bush", "George
/// Bush"; "Vladimir Vladimirovich Putin", "Vladimir Putin") count as one speaker. Lower-cased,
/// accents kept (folding is the analyzer's job; facets show the name as written).
pub fn facet_key(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.to_lowercase(),
        [first, .., last] => format!("{} {}", first.to_lowercase(), last.to_lowercase()),
    }
}

/// Resolves the field handles of an opened index, or explains why its schema is not this one.
pub fn fields_of(schema: &Schema) -> Result<Fields, String> {
    let (expected, fields) = build_schema();
    let ours: Vec<_> = expected
        .fields()
        .map(|(_, e)| e.name().to_string())
        .collect();
    let theirs: Vec<_> = schema.fields().map(|(_, e)| e.name().to_string()).collect();
    if ours != theirs {
        return Err("the index was written by another version of newsquote".into());
    }
    Ok(fields)
}
