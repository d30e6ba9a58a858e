//! The Tantivy schema of the passage index, in one place, with the analyzers it needs.
//!
//! One document per passage (a quote or a narrative paragraph), plus one `kind = "file"` document per
//! indexed file that carries the manifest entry (content hash, size, modification time). Keeping the
//! manifest inside the index means it is committed atomically with the passages it describes.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, STORED,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use tantivy::Index;

/// Version of this schema; an index written with another version must be rebuilt. Also raised when
/// what becomes a passage or how names are analyzed changes, so that an older index is not silently
/// incomplete (3: narration around the quotes of a paragraph; repeated letters collapsed by the
/// name analyzer; 4: offsets and dates in columns, no passage id column).
pub const SCHEMA_VERSION: u32 = 4;

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
///
/// What each field costs was measured on the allsides set (37,554 articles, about a million
/// passages) with `examples/space_usage.rs`: a field indexed on every passage costs CPU at indexing
/// time and bytes in the term dictionary, postings and field norms, so only what a query or a
/// filter reads is indexed, every passage's text is indexed once (narration in `text`, quotes in
/// `quote`), the three 64-bit ids are fast-field columns rather than indexed strings, and the rest
/// is only stored.
#[derive(Debug, Clone)]
pub struct Fields {
    /// 64-bit hash of the passage text with marks, case and spacing normalised: the same quote
    /// carried by several articles (syndication, copies) has one key. Fast field only. See
    /// `writer::passage_key`.
    pub passage_key: Field,
    /// The top [`PASSAGE_BUCKET_BITS`] bits of `passage_key`, indexed: copies of a passage are
    /// found by this term and told apart by the full key. Indexing the full 64-bit key cost a
    /// million unique terms (19 MB, 8% of the index on allsides) for a lookup that 65,536 buckets
    /// of about fifteen passages each serve as well.
    pub passage_bucket: Field,
    /// 64-bit hash of the article text; fast field only (facets count distinct articles with it).
    pub article_id: Field,
    /// Canonical path of the file on disk: the key for incremental updates and deletes.
    pub file: Field,
    pub kind: Field,
    /// Text of a narrative paragraph (indexed with positions, stored). Empty on quote passages.
    pub text: Field,
    /// Text of a quote (indexed with positions, stored). Empty on narration passages.
    pub quote: Field,
    /// Canonical name and aliases, name-analyzed with positions (phrase match on `--speaker`).
    pub speaker: Field,
    /// Canonical name as written, fast and stored: facets.
    pub speaker_exact: Field,
    pub mention: Field,
    pub cue: Field,
    /// Publication date at day precision (UTC midnight of the printed calendar date): a fast
    /// column (sorting, `--since`/`--until` ranges, shown dates), neither indexed nor stored.
    pub date: Field,
    /// Name-analyzed words without positions: `--location` and `--source` require every word.
    pub location: Field,
    pub source: Field,
    /// Publisher as one raw value, fast: facets and counts.
    pub source_exact: Field,
    /// Headline words, indexed without positions on the article's first passage only, so that
    /// `title:word` finds each article whose headline has the word once (a phrase in `title:` does
    /// not match). Indexing it on every passage cost 15 MB and about a tenth of the indexing time
    /// on allsides. Not stored: the headline shown is `title_text`.
    pub title: Field,
    /// The headline as written, stored on every passage.
    pub title_text: Field,
    pub url: Field,
    /// The article's path as shown to users (`path#N` for a JSONL record).
    pub path: Field,
    /// 1-based line of the passage in the article text. This and the offsets are fast columns,
    /// not stored: as stored values (eight bytes each, poorly compressed) they were 14% of the
    /// doc store on 8,000 allsides articles; bit-packed columns take about a third of that, and
    /// the passage id is computed from them (see `IdColumns`).
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

fn text_options(analyzer: &str, record: IndexRecordOption, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_index_option(record)
        // Field norms are a byte per passage; only BM25-scored fields need them.
        .set_fieldnorms(
            record == IndexRecordOption::WithFreqsAndPositions && analyzer == NEWS_ANALYZER,
        );
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// A raw (untokenized) string field: indexed as one term without field norms when `indexed`.
fn raw_options(indexed: bool, stored: bool, fast: bool) -> TextOptions {
    let mut options = TextOptions::default();
    if indexed {
        options = options.set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        );
    }
    if stored {
        options = options.set_stored();
    }
    if fast {
        options = options.set_fast("raw");
    }
    options
}

/// Builds the schema and the field handles.
pub fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let stored_u64 = NumericOptions::default().set_stored();
    let fast_u64 = NumericOptions::default().set_fast();
    let positions = IndexRecordOption::WithFreqsAndPositions;
    let fields = Fields {
        passage_key: b.add_u64_field("passage_key", NumericOptions::default().set_fast()),
        passage_bucket: b.add_u64_field("passage_bucket", NumericOptions::default().set_indexed()),
        article_id: b.add_u64_field("article_id", NumericOptions::default().set_fast()),
        file: b.add_text_field("file", raw_options(true, true, false)),
        kind: b.add_text_field("kind", raw_options(true, true, true)),
        text: b.add_text_field("text", text_options(NEWS_ANALYZER, positions, true)),
        quote: b.add_text_field("quote", text_options(NEWS_ANALYZER, positions, true)),
        speaker: b.add_text_field("speaker", text_options(NAME_ANALYZER, positions, false)),
        speaker_exact: b.add_text_field("speaker_exact", raw_options(false, true, true)),
        mention: b.add_text_field("mention", STORED),
        cue: b.add_text_field("cue", STORED),
        date: b.add_date_field(
            "date",
            DateOptions::default()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        location: b.add_text_field(
            "location",
            text_options(NAME_ANALYZER, IndexRecordOption::Basic, true),
        ),
        source: b.add_text_field(
            "source",
            text_options(NAME_ANALYZER, IndexRecordOption::Basic, true),
        ),
        source_exact: b.add_text_field("source_exact", raw_options(false, false, true)),
        title: b.add_text_field(
            "title",
            text_options(NEWS_ANALYZER, IndexRecordOption::Basic, false),
        ),
        title_text: b.add_text_field("title_text", STORED),
        url: b.add_text_field("url", STORED),
        path: b.add_text_field("path", STORED),
        line: b.add_u64_field("line", fast_u64.clone()),
        start: b.add_u64_field("start", fast_u64.clone()),
        end: b.add_u64_field("end", fast_u64),
        file_hash: b.add_text_field("file_hash", STORED),
        file_size: b.add_u64_field("file_size", stored_u64.clone()),
        file_mtime: b.add_u64_field("file_mtime", stored_u64.clone()),
        file_articles: b.add_u64_field("file_articles", stored_u64),
    };
    (b.build(), fields)
}

/// Bits of a grouping key that make its bucket (see [`Fields::passage_bucket`]).
pub const PASSAGE_BUCKET_BITS: u32 = 16;

/// The bucket of a grouping key: its top [`PASSAGE_BUCKET_BITS`] bits.
pub fn passage_bucket(key: u64) -> u64 {
    key >> (64 - PASSAGE_BUCKET_BITS)
}

/// Shows a 64-bit id (passage, grouping key, article) as users see it: 16 lower-case hex digits.
pub fn hex_id(id: u64) -> String {
    format!("{id:016x}")
}

/// Reads an id shown by [`hex_id`] back; `None` when `text` is not 1 to 16 hex digits.
pub fn parse_hex_id(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || t.len() > 16 {
        return None;
    }
    u64::from_str_radix(t, 16).ok()
}

/// The doc store settings: zstd level 3 in 64 KiB blocks. Passages of one article repeat its
/// title, path, URL, source and location, which zstd over large blocks stores cheaply: on allsides
/// the store went from 236 MB (Tantivy's default, LZ4 in 16 KiB blocks) to 118 MB. Levels 6 and 9
/// and 128 KiB blocks saved 4–9% more of the store on 8,000 allsides articles, for slower
/// compression while indexing and twice the bytes decompressed per stored passage read.
pub fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(3),
        }),
        docstore_blocksize: 64 * 1024,
        ..Default::default()
    }
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

/// The analyzer for names, also used to turn `--speaker` and `--location` values into tokens:
/// lower-cased, accents folded, and runs of one repeated letter collapsed (see [`name_key`]), so
/// that a name typed among the query words ("Brekke levy") meets the indexed speaker ("breke").
pub fn name_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CollapseRepeatedLetters)
        .build()
}

/// Token filter: runs of one repeated letter become one letter ("zelenskyy" → "zelensky"), as
/// [`name_key`] does to a whole name.
#[derive(Clone)]
pub struct CollapseRepeatedLetters;

impl TokenFilter for CollapseRepeatedLetters {
    type Tokenizer<T: Tokenizer> = CollapseRepeatedLettersFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        CollapseRepeatedLettersFilter(tokenizer)
    }
}

/// The tokenizer [`CollapseRepeatedLetters`] wraps around another.
#[derive(Clone)]
pub struct CollapseRepeatedLettersFilter<T>(T);

impl<T: Tokenizer> Tokenizer for CollapseRepeatedLettersFilter<T> {
    type TokenStream<'a> = CollapseRepeatedLettersStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CollapseRepeatedLettersStream(self.0.token_stream(text))
    }
}

/// The token stream of [`CollapseRepeatedLettersFilter`].
pub struct CollapseRepeatedLettersStream<S>(S);

impl<S: TokenStream> TokenStream for CollapseRepeatedLettersStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let text = &mut self.0.token_mut().text;
        let mut previous: Option<char> = None;
        text.retain(|c| {
            let repeated = c.is_alphabetic() && previous == Some(c);
            previous = Some(c);
            !repeated
        });
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

/// A name with runs of one repeated letter collapsed ("Zelenskyy" and "Zelensky" both become
/// "Zelensky"), as the name analyzer does to each token: for engines the index is exported to,
/// which do not have that analyzer, so that transliterations that differ only by a doubled letter
/// match there too.
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

/// Resolves the field handles of an opened index, or explains why its schema is not this one
/// (field names, types and options are compared).
pub fn fields_of(schema: &Schema) -> Result<Fields, String> {
    let (expected, fields) = build_schema();
    let describe = |s: &Schema| -> Vec<String> {
        s.fields()
            .map(|(_, e)| serde_json::to_string(e).unwrap_or_default())
            .collect()
    };
    if describe(&expected) != describe(schema) {
        return Err("the index was written by another version of newsquote".into());
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn name_analyzer_folds_case_accents_and_repeated_letters() {
        let mut names = name_analyzer();
        assert_eq!(
            tokens(&mut names, "Zelenskyy Brekke-Åhlund Kim Jong-un 2011"),
            ["zelensky", "breke", "ahlund", "kim", "jong", "un", "2011"]
        );
        // The same words as `name_key` gives a whole name before analysis.
        assert_eq!(
            tokens(&mut names, &name_key("Zelenskyy Brekke")),
            tokens(&mut names, "Zelenskyy Brekke")
        );
    }
}
