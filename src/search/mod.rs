//! From a query string plus filters to ranked hits with snippets, and speaker facets.

pub mod args;
pub mod filters;
pub mod highlight;
pub mod query;

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::schema::Value;
use tantivy::{DocAddress, DocSet, Order, TantivyDocument};

use crate::index::schema::{
    facet_key, hex_id, parse_hex_id, passage_bucket, FILE_KIND, NARRATION_KIND,
};
use crate::index::{Fields, IdColumns, PassageIds, PassageIndex};
pub use filters::{parse_date_bound, DateBound, Filters, KindFilter};

/// Errors of a search. Messages are one line, fit for a terminal.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("cannot understand the query: {0}")]
    Query(String),
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// BM25 score, best first (quote text weighs more than narration).
    #[default]
    Relevance,
    /// Publication date, newest first; undated passages last.
    Date,
}

/// One search request.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Tantivy query syntax; empty or `*` matches every passage the filters allow.
    pub query: String,
    pub filters: Filters,
    pub sort: SortOrder,
    pub limit: usize,
    pub offset: usize,
    /// Longest snippet, in characters.
    pub snippet_chars: usize,
}

/// One ranked passage, in the shape `search --json` prints.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    /// 1-based rank including the offset.
    pub rank: usize,
    pub score: f32,
    pub passage_id: String,
    /// `direct`, `mixed`, `indirect` or `narration`.
    pub kind: String,
    pub text: String,
    pub speaker: Option<String>,
    pub mention: Option<String>,
    pub cue: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub location: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub path: String,
    /// 1-based line of the passage in the article text.
    pub line: u64,
    /// Byte offsets of the passage in the article text.
    pub start: u64,
    pub end: u64,
    /// Plain-text excerpt of `text` around the best match.
    pub snippet: String,
    /// `[start, end)` UTF-8 byte ranges into `snippet` of the matched words.
    pub highlights: Vec<[usize; 2]>,
    /// Other articles that carry the same passage (syndicated copies, the same story saved in two
    /// forms), earliest first; the hit itself is the earliest of all.
    pub also_in: Vec<Carrier>,
}

/// An article that carries a passage: where it is and who published it when.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Carrier {
    pub path: String,
    pub source: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// Runs a search and returns the hits of the requested page.
///
/// Errors: [`SearchError::Query`] when the query cannot be parsed even after the repairs of
/// [`query::parse_user_query`].
pub fn search(index: &PassageIndex, request: &SearchRequest) -> Result<Vec<Hit>, SearchError> {
    let searcher = index.searcher()?;
    let text_query = query::parse_user_query(index, &request.query)?;
    ranked(index, &searcher, text_query, request)
}

/// How many passages `text_query` matches under `filters` (copies included).
fn count_matching(
    index: &PassageIndex,
    text_query: Box<dyn tantivy::query::Query>,
    filters: &filters::Filters,
) -> Result<u64, SearchError> {
    let query = filters::apply(&index.fields, text_query, filters)?;
    Ok(index.searcher()?.search(&*query, &Count)? as u64)
}

/// How many passages the request's query and other filters match that have no date, and so are
/// left out by its `--since`/`--until` (0 when it has neither). Counts passages, copies included.
pub fn undated_left_out(index: &PassageIndex, request: &SearchRequest) -> Result<u64, SearchError> {
    if request.filters.since.is_none() && request.filters.until.is_none() {
        return Ok(0);
    }
    let text_query = query::parse_user_query(index, &request.query)?;
    let undated = filters::Filters {
        since: None,
        until: None,
        ..request.filters.clone()
    };
    let any_date = filters::Filters {
        since: Some(filters::DateBound {
            first: jiff::civil::date(1, 1, 1),
            last: jiff::civil::date(9999, 12, 31),
        }),
        ..undated.clone()
    };
    let all = count_matching(index, text_query.box_clone(), &undated)?;
    Ok(all.saturating_sub(count_matching(index, text_query, &any_date)?))
}

/// Up to `limit` speaker names of the index closest to a `--speaker` value that matched nothing,
/// best first: every word of the value (titles dropped, see [`filters::speaker_as_named`]) must be
/// within one edit of a word of the name (none for words of three letters or fewer, two for words
/// of six or more); names with fewer edits in all come first. "Blaire" gives "Tony Blair"; "Netanyahoo" gives "Benjamin Netanyahu".
pub fn nearest_speakers(
    index: &PassageIndex,
    value: &str,
    limit: usize,
) -> Result<Vec<String>, SearchError> {
    use tantivy::tokenizer::TokenStream;
    let mut analyzer = crate::index::schema::name_analyzer();
    let mut words = |text: &str| -> Vec<Vec<char>> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.chars().collect());
        }
        out
    };
    let wanted = words(&filters::speaker_as_named(value));
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let searcher = index.searcher()?;
    let mut names = HashSet::new();
    for segment in searcher.segment_readers() {
        if let Some(column) = segment.fast_fields().str("speaker_exact")? {
            let mut name = String::new();
            for ord in 0..column.num_terms() as u64 {
                name.clear();
                if column.ord_to_str(ord, &mut name).unwrap_or(false) {
                    names.insert(name.clone());
                }
            }
        }
    }
    let mut scored: Vec<(usize, String)> = names
        .into_iter()
        .filter_map(|name| {
            let have = words(&name);
            let mut total = 0;
            for w in &wanted {
                let budget = match w.len() {
                    0..=3 => 0,
                    4..=5 => 1,
                    _ => 2,
                };
                total += have
                    .iter()
                    .filter_map(|h| query::edit_distance(w, h, budget))
                    .min()?;
            }
            Some((total, name))
        })
        .collect();
    scored.sort();
    Ok(scored.into_iter().take(limit).map(|(_, n)| n).collect())
}

/// Whether any passage of the index has a speaker that `--speaker value` names (the filter alone,
/// without a query).
pub fn speaker_is_known(index: &PassageIndex, value: &str) -> Result<bool, SearchError> {
    let only_speaker = filters::Filters {
        speakers: vec![value.to_string()],
        ..Default::default()
    };
    Ok(count_matching(index, Box::new(tantivy::query::AllQuery), &only_speaker)? > 0)
}

/// What [`search_forgiving`] found.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    pub hits: Vec<Hit>,
    /// The words of the query that no passage holds and the indexed words read in their place
    /// (see [`query::respelled_query`]); empty when the query was taken as typed.
    pub respelled: Vec<query::Respelling>,
}

/// Like [`search`], but a plain-words query that finds nothing because of a misspelt word is run
/// again with the nearest indexed spelling; [`Answer::respelled`] says which words were read
/// otherwise, so that the caller tells the user the hits are not for the words as typed.
pub fn search_forgiving(
    index: &PassageIndex,
    request: &SearchRequest,
) -> Result<Answer, SearchError> {
    let hits = search(index, request)?;
    if !hits.is_empty() || request.offset > 0 {
        return Ok(Answer {
            hits,
            respelled: Vec::new(),
        });
    }
    let searcher = index.searcher()?;
    let Some((corrected, respelled)) = query::respelled_query(index, &searcher, &request.query)
    else {
        return Ok(Answer::default());
    };
    let hits = search(
        index,
        &SearchRequest {
            query: corrected,
            ..request.clone()
        },
    )?;
    Ok(Answer {
        respelled: if hits.is_empty() {
            Vec::new()
        } else {
            respelled
        },
        hits,
    })
}

/// BM25 statistics in which a field's average length is taken over the passages that have the
/// field. Tantivy averages over every document, and each passage fills only one of `text`
/// (narration) and `quote`: on allsides 60% of passages are narration, so the average quote
/// length came out at 40% of the real one, and BM25's length normalisation, which compares a
/// passage with that average, scored a two-word quote about three times a sentence-long one
/// with the same words (a 13-byte "Ferry tariffs" at 3.0 times an 82-byte sentence beginning
/// with them in a test index).
struct PassageStatistics<'a> {
    searcher: &'a tantivy::Searcher,
    /// (field, passages that have it) for the two text fields.
    holders: [(tantivy::schema::Field, u64); 2],
    all: u64,
}

impl<'a> PassageStatistics<'a> {
    fn new(searcher: &'a tantivy::Searcher, fields: &Fields) -> tantivy::Result<Self> {
        let count = |kinds: &[&str]| -> tantivy::Result<u64> {
            let mut n = 0;
            for kind in kinds {
                n += searcher.doc_freq(&tantivy::Term::from_field_text(fields.kind, kind))?;
            }
            Ok(n)
        };
        Ok(PassageStatistics {
            searcher,
            holders: [
                (fields.text, count(&[NARRATION_KIND])?),
                (fields.quote, count(&["direct", "mixed", "indirect"])?),
            ],
            all: searcher.num_docs(),
        })
    }
}

impl tantivy::query::Bm25StatisticsProvider for PassageStatistics<'_> {
    fn total_num_tokens(&self, field: tantivy::schema::Field) -> tantivy::Result<u64> {
        let tokens = self.searcher.total_num_tokens(field)?;
        // BM25 divides by `total_num_docs`; scaling the tokens by all / holders makes that
        // quotient the holders' average.
        Ok(match self.holders.iter().find(|(f, _)| *f == field) {
            Some(&(_, holders)) if holders > 0 => {
                (tokens as u128 * self.all as u128 / holders as u128) as u64
            }
            _ => tokens,
        })
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.all)
    }

    fn doc_freq(&self, term: &tantivy::Term) -> tantivy::Result<u64> {
        self.searcher.doc_freq(term)
    }
}

/// The most candidates read for one page, as a multiple of the first pool (see `ranked`).
const MAX_POOL_GROWTH: usize = 64;

/// Passages shorter than this many bytes of article text rank lower (see [`length_prior`]).
pub const SHORT_PASSAGE_BYTES: u64 = 100;

/// The factor a passage's relevance score is multiplied by, from the length of its span in the
/// article (`end - start`, bytes): 1 from [`SHORT_PASSAGE_BYTES`] up, the square root of the
/// fraction below (a 25-byte fragment gets 0.5). BM25 normalises term frequency by field length,
/// so a two-word quote ("strategic partnership", `as "fake news`) that is all query words outranks
/// every sentence that says something with them; on 3,000 allsides articles 16 of 48 realistic
/// queries had a passage under 40 characters first.
pub fn length_prior(span_bytes: u64) -> f32 {
    if span_bytes >= SHORT_PASSAGE_BYTES {
        1.0
    } else {
        (span_bytes.max(1) as f32 / SHORT_PASSAGE_BYTES as f32).sqrt()
    }
}

/// The hits of `text_query` under the request's filters, sort and page.
fn ranked(
    index: &PassageIndex,
    searcher: &tantivy::Searcher,
    text_query: Box<dyn tantivy::query::Query>,
    request: &SearchRequest,
) -> Result<Vec<Hit>, SearchError> {
    let fields = &index.fields;
    let full = filters::apply(fields, text_query.box_clone(), &request.filters)?;
    let wanted = request.offset + request.limit.max(1);
    // Copies of one passage (syndication, the same story saved twice) collapse into one hit, so
    // more candidates than hits are read.
    let candidates = wanted * 3 + 10;
    let statistics = PassageStatistics::new(searcher, fields)?;
    let mut ids = IdReader::new(searcher);
    let read = |pool: usize, ids: &mut IdReader| -> Result<Vec<(f32, DocAddress)>, SearchError> {
        Ok(match request.sort {
            // The length prior re-ranks BM25's best rather than scoring inside the collector: a
            // custom score would turn off Tantivy's skipping of documents that cannot reach the
            // top.
            SortOrder::Relevance => {
                let mut scored = Vec::with_capacity(pool);
                for (score, address) in searcher.search_with_statistics_provider(
                    &*full,
                    &TopDocs::with_limit(pool).order_by_score(),
                    &statistics,
                )? {
                    let span = ids.columns(address)?.span_bytes(address.doc_id);
                    scored.push((score * length_prior(span), address));
                }
                scored.sort_by(|a, b| b.0.total_cmp(&a.0));
                scored
            }
            SortOrder::Date => searcher
                .search(
                    &*full,
                    &TopDocs::with_limit(pool)
                        .order_by_fast_field::<tantivy::DateTime>("date", Order::Desc),
                )?
                .into_iter()
                .map(|(_, a)| (0.0, a))
                .collect(),
        })
    };
    // Grouping keys come from a fast field: no stored document is loaded for a candidate that
    // turns out to be a copy of a better one. When copies leave fewer groups than the page needs,
    // a pool four times larger is read (eight copies of every article in the scale set left an
    // `--offset 20` page of a common word empty).
    let mut pool = candidates * 2;
    let groups = loop {
        let addresses = read(pool, &mut ids)?;
        let complete = addresses.len() < pool;
        let mut groups: Vec<(f32, u64, DocAddress)> = Vec::new();
        for (score, address) in addresses {
            let key = ids.columns(address)?.passage_key(address.doc_id);
            if !groups.iter().any(|(_, k, _)| *k == key) {
                groups.push((score, key, address));
            }
        }
        if groups.len() >= wanted || complete || pool >= candidates * MAX_POOL_GROWTH {
            break groups;
        }
        pool *= 4;
    };
    let mut analyzer = crate::index::schema::news_analyzer();
    let plan = highlight::plan(&query::repair(&request.query), &mut analyzer);
    // Copies are shown only when they match the query and the filters themselves: a copy of a
    // quote that another article gives to another speaker is not a hit for `--speaker`.
    let matcher = Matcher::new(searcher, &*full)?;
    let mut hits = Vec::new();
    for (i, (score, key, address)) in groups
        .into_iter()
        .enumerate()
        .skip(request.offset)
        .take(request.limit.max(1))
    {
        let mut carriers = carriers_of(searcher, fields, key, &matcher)?;
        if carriers.is_empty() {
            let doc: TantivyDocument = searcher.doc(address)?;
            carriers.push(hit_from_doc(fields, &doc, ids.of(address)?));
        }
        // Relevance shows the earliest copy (the original, as far as dates tell); date order
        // shows the newest, whose date put the hit where it is.
        let shown = match request.sort {
            SortOrder::Relevance => 0,
            SortOrder::Date => carriers
                .iter()
                .enumerate()
                .filter(|(_, c)| c.date.is_some())
                .max_by(|(i, a), (j, b)| (&a.date, j).cmp(&(&b.date, i)))
                .map_or(0, |(i, _)| i),
        };
        let mut hit = carriers.remove(shown);
        hit.rank = i + 1;
        hit.score = score;
        let (snippet, highlights) =
            highlight::snippet(&hit.text, &plan, &mut analyzer, request.snippet_chars);
        hit.snippet = snippet;
        hit.highlights = highlights;
        let mut listed = HashSet::from([hit.path.clone()]);
        hit.also_in = carriers
            .into_iter()
            .filter(|c| listed.insert(c.path.clone()))
            .map(|c| Carrier {
                path: c.path,
                source: c.source,
                date: c.date,
                title: c.title,
                url: c.url,
            })
            .collect();
        hits.push(hit);
    }
    Ok(hits)
}

/// Tells whether given passages match a query, walking each segment's matches once per call.
struct Matcher<'a> {
    searcher: &'a tantivy::Searcher,
    weight: Box<dyn tantivy::query::Weight>,
}

impl<'a> Matcher<'a> {
    fn new(
        searcher: &'a tantivy::Searcher,
        query: &dyn tantivy::query::Query,
    ) -> Result<Matcher<'a>, SearchError> {
        let weight = query.weight(tantivy::query::EnableScoring::disabled_from_searcher(
            searcher,
        ))?;
        Ok(Matcher { searcher, weight })
    }

    /// The addresses among `addresses` that the query matches, in address order.
    fn retain(&self, mut addresses: Vec<DocAddress>) -> Result<Vec<DocAddress>, SearchError> {
        addresses.sort();
        let mut kept = Vec::with_capacity(addresses.len());
        let mut i = 0;
        while i < addresses.len() {
            let segment_ord = addresses[i].segment_ord;
            let reader = self.searcher.segment_reader(segment_ord);
            let mut scorer = self.weight.scorer(reader, 1.0)?;
            while i < addresses.len() && addresses[i].segment_ord == segment_ord {
                let doc = addresses[i].doc_id;
                if scorer.doc() < doc {
                    scorer.seek(doc);
                }
                if scorer.doc() == doc {
                    kept.push(addresses[i]);
                }
                i += 1;
            }
        }
        Ok(kept)
    }
}

/// Reads passage ids from fast fields, opening each segment's columns once.
struct IdReader<'a> {
    searcher: &'a tantivy::Searcher,
    columns: HashMap<u32, IdColumns>,
}

impl<'a> IdReader<'a> {
    fn new(searcher: &'a tantivy::Searcher) -> IdReader<'a> {
        IdReader {
            searcher,
            columns: HashMap::new(),
        }
    }

    /// The columns of the segment `address` is in.
    fn columns(&mut self, address: DocAddress) -> Result<&IdColumns, SearchError> {
        Ok(match self.columns.entry(address.segment_ord) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(IdColumns::open(
                self.searcher.segment_reader(address.segment_ord),
            )?),
        })
    }

    fn of(&mut self, address: DocAddress) -> Result<PassageIds, SearchError> {
        Ok(self.columns(address)?.get(address.doc_id))
    }
}

/// The passages whose grouping key is `key`: those of its bucket (an indexed term, see
/// `Fields::passage_bucket`) whose full key, read from the fast field, is `key`.
fn with_key(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    key: u64,
) -> Result<Vec<DocAddress>, SearchError> {
    let query = tantivy::query::TermQuery::new(
        tantivy::Term::from_field_u64(fields.passage_bucket, passage_bucket(key)),
        tantivy::schema::IndexRecordOption::Basic,
    );
    // The bucket's passages are walked segment by segment with the key column at hand.
    let weight = tantivy::query::Query::weight(
        &query,
        tantivy::query::EnableScoring::disabled_from_searcher(searcher),
    )?;
    let mut found = Vec::new();
    for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
        let keys = segment.fast_fields().u64("passage_key")?;
        let alive = segment.alive_bitset();
        let mut scorer = weight.scorer(segment, 1.0)?;
        let mut doc = scorer.doc();
        while doc != tantivy::TERMINATED {
            if keys.first(doc) == Some(key) && alive.is_none_or(|a| a.is_alive(doc)) {
                found.push(DocAddress::new(segment_ord as u32, doc));
            }
            doc = scorer.advance();
        }
    }
    found.sort();
    Ok(found)
}

/// Most carriers of one passage whose stored documents are read: a boilerplate line carried by
/// thousands of articles would otherwise cost thousands of document loads per query.
pub const MAX_CARRIERS: usize = 64;

/// Every passage with the given grouping key that `matcher`'s query matches, earliest publication
/// first (undated last, then by path): one is the one a hit shows, the rest are listed as
/// `also_in`. When more than [`MAX_CARRIERS`] passages share the key, the earliest
/// [`MAX_CARRIERS`] by date are returned.
fn carriers_of(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    key: u64,
    matcher: &Matcher,
) -> Result<Vec<Hit>, SearchError> {
    let mut addresses = matcher.retain(with_key(searcher, fields, key)?)?;
    if addresses.len() > MAX_CARRIERS {
        let mut dated = Vec::with_capacity(addresses.len());
        let mut columns: HashMap<u32, tantivy::columnar::Column<tantivy::DateTime>> =
            HashMap::new();
        for address in addresses {
            let dates = match columns.entry(address.segment_ord) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(
                    searcher
                        .segment_reader(address.segment_ord)
                        .fast_fields()
                        .date("date")?,
                ),
            };
            let date = dates.first(address.doc_id).map(|d| d.into_timestamp_secs());
            dated.push(((date.is_none(), date), address));
        }
        dated.sort();
        addresses = dated
            .into_iter()
            .take(MAX_CARRIERS)
            .map(|(_, a)| a)
            .collect();
    }
    let mut ids = IdReader::new(searcher);
    let mut carriers = Vec::with_capacity(addresses.len());
    for address in addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        carriers.push(hit_from_doc(fields, &doc, ids.of(address)?));
    }
    carriers.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.path, a.start).cmp(&(
            b.date.is_none(),
            &b.date,
            &b.path,
            b.start,
        ))
    });
    carriers.dedup_by(|a, b| a.passage_id == b.passage_id && a.path == b.path);
    Ok(carriers)
}

fn hit_from_doc(f: &Fields, doc: &TantivyDocument, ids: PassageIds) -> Hit {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    Hit {
        rank: 0,
        score: 0.0,
        passage_id: hex_id(ids.passage_id),
        kind: text(f.kind).unwrap_or_default(),
        text: text(f.text).or_else(|| text(f.quote)).unwrap_or_default(),
        speaker: text(f.speaker_exact),
        mention: text(f.mention),
        cue: text(f.cue),
        date: ids.date.map(format_date),
        location: text(f.location),
        title: text(f.title_text),
        source: text(f.source),
        url: text(f.url),
        path: text(f.path).unwrap_or_default(),
        line: ids.line,
        start: ids.start,
        end: ids.end,
        snippet: String::new(),
        highlights: Vec::new(),
        also_in: Vec::new(),
    }
}

/// Formats an index date value as `YYYY-MM-DD` (UTC).
pub fn format_date(value: tantivy::DateTime) -> String {
    jiff::Timestamp::from_second(value.into_timestamp_secs())
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
        .unwrap_or_default()
}

/// Who is quoted most among the passages a query and filters select.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpeakerFacet {
    pub speaker: String,
    /// Number of distinct quotes (copies of one quote in several articles count once).
    pub quotes: u64,
    /// Number of distinct articles quoting the speaker.
    pub articles: u64,
    /// `YYYY-MM-DD`, when any quote is dated.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// Counts quotes per speaker for a query (empty = all) and filters, most quoted first, ties by name.
pub fn speakers(
    index: &PassageIndex,
    query_text: &str,
    filters: &Filters,
    limit: usize,
) -> Result<Vec<SpeakerFacet>, SearchError> {
    let searcher = index.searcher()?;
    let f = &index.fields;
    let mut filters = filters.clone();
    match filters.kind {
        KindFilter::Any => filters.kind = KindFilter::Quote,
        // Narration has no speaker.
        KindFilter::Narration => return Ok(Vec::new()),
        _ => {}
    }
    let q = filters::apply(f, query::parse_user_query(index, query_text)?, &filters)?;
    let addresses = searcher.search(&*q, &DocSetCollector)?;
    #[derive(Default)]
    struct Acc {
        /// Grouping keys of the quotes: copies of one quote (the same story saved twice,
        /// syndication) count once, as `search` shows them once.
        quotes: HashSet<u64>,
        names: HashMap<String, u64>,
        articles: std::collections::HashSet<u64>,
        first: Option<i64>,
        last: Option<i64>,
    }
    impl Acc {
        fn date(&mut self, seconds: Option<i64>) {
            if let Some(s) = seconds {
                self.first = Some(self.first.map_or(s, |x| x.min(s)));
                self.last = Some(self.last.map_or(s, |x| x.max(s)));
            }
        }
    }
    let mut by_segment: HashMap<u32, Vec<tantivy::DocId>> = HashMap::new();
    for address in addresses {
        by_segment
            .entry(address.segment_ord)
            .or_default()
            .push(address.doc_id);
    }
    // Names that differ only by a middle name or initial fold together (see `facet_key`). Counts
    // are read from fast fields and gathered per name ordinal within a segment; the names
    // themselves are looked up once per segment.
    let mut by_speaker: HashMap<String, Acc> = HashMap::new();
    for (segment_ord, docs) in by_segment {
        let segment = searcher.segment_reader(segment_ord);
        let fast = segment.fast_fields();
        let Some(names) = fast.str("speaker_exact")? else {
            continue;
        };
        let articles = fast.u64("article_id")?;
        let keys = fast.u64("passage_key")?;
        let dates = fast.date("date")?;
        let mut by_ord: HashMap<u64, Acc> = HashMap::new();
        for doc in docs {
            let Some(ord) = names.term_ords(doc).next() else {
                continue;
            };
            let acc = by_ord.entry(ord).or_default();
            if let Some(key) = keys.first(doc) {
                acc.quotes.insert(key);
            }
            if let Some(article) = articles.first(doc) {
                acc.articles.insert(article);
            }
            acc.date(dates.first(doc).map(|d| d.into_timestamp_secs()));
        }
        let mut name = String::new();
        for (ord, part) in by_ord {
            name.clear();
            if names.ord_to_str(ord, &mut name).is_err() {
                continue;
            }
            let acc = by_speaker.entry(facet_key(&name)).or_default();
            *acc.names.entry(name.clone()).or_default() += part.quotes.len() as u64;
            acc.quotes.extend(part.quotes);
            acc.articles.extend(part.articles);
            acc.date(part.first);
            acc.date(part.last);
        }
    }
    let mut facets: Vec<SpeakerFacet> = by_speaker
        .into_values()
        .map(|acc| {
            let speaker = acc
                .names
                .iter()
                .max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then(a.0.len().cmp(&b.0.len()))
                        .then(b.0.cmp(a.0))
                })
                .map(|(name, _)| name.clone())
                .unwrap_or_default();
            SpeakerFacet {
                speaker,
                quotes: acc.quotes.len() as u64,
                articles: acc.articles.len() as u64,
                first_date: acc
                    .first
                    .map(|s| format_date(tantivy::DateTime::from_timestamp_secs(s))),
                last_date: acc
                    .last
                    .map(|s| format_date(tantivy::DateTime::from_timestamp_secs(s))),
            }
        })
        .collect();
    facets.sort_by(|a, b| {
        b.quotes
            .cmp(&a.quotes)
            .then_with(|| a.speaker.cmp(&b.speaker))
    });
    facets.truncate(limit);
    Ok(facets)
}

/// Totals of an index, in the shape `stats --json` prints.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    /// Files fully indexed (those with a manifest entry).
    pub files: u64,
    /// Distinct article texts among the passages (copies of one text count once), including those
    /// of a file a Ctrl-C cut off.
    pub articles: u64,
    /// Articles read from the fully indexed files, copies included: what `index` reported.
    pub articles_read: u64,
    pub passages: u64,
    pub quotes: u64,
    pub speakers: u64,
    pub sources: u64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Size of the index folder on disk, in bytes.
    pub index_bytes: u64,
}

/// Computes the totals of an index.
pub fn stats(index: &PassageIndex) -> Result<Stats, SearchError> {
    let searcher = index.searcher()?;
    let f = &index.fields;
    let kind_query = |kind: &str| {
        tantivy::query::TermQuery::new(
            tantivy::Term::from_field_text(f.kind, kind),
            tantivy::schema::IndexRecordOption::Basic,
        )
    };
    let files = searcher.search(&kind_query(FILE_KIND), &DocSetCollector)?;
    // Counted from the passages, not from the files' manifest entries: a file cut off by Ctrl-C has
    // passages but no entry yet.
    let mut article_ids = std::collections::HashSet::new();
    for segment in searcher.segment_readers() {
        let ids = segment.fast_fields().u64("article_id")?;
        for doc in segment.doc_ids_alive() {
            if let Some(id) = ids.first(doc) {
                article_ids.insert(id);
            }
        }
    }
    let articles = article_ids.len() as u64;
    let mut articles_read = 0;
    for address in &files {
        let doc: TantivyDocument = searcher.doc(*address)?;
        articles_read += doc
            .get_first(f.file_articles)
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
    }
    let narration = searcher.search(&kind_query(NARRATION_KIND), &Count)?;
    let all = searcher.search(&tantivy::query::AllQuery, &Count)?;
    let passages = (all - files.len()) as u64;
    let quotes = passages - narration as u64;
    let distinct = |name: &str| -> Result<u64, SearchError> {
        let mut values = std::collections::HashSet::new();
        for segment in searcher.segment_readers() {
            if let Some(column) = segment.fast_fields().str(name)? {
                let mut buf = String::new();
                for ord in 0..column.num_terms() as u64 {
                    buf.clear();
                    if column.ord_to_str(ord, &mut buf).is_ok() {
                        values.insert(buf.clone());
                    }
                }
            }
        }
        Ok(values.len() as u64)
    };
    let (mut first, mut last): (Option<i64>, Option<i64>) = (None, None);
    for segment in searcher.segment_readers() {
        let dates = segment.fast_fields().date("date")?;
        for doc in segment.doc_ids_alive() {
            if let Some(d) = dates.first(doc) {
                let s = d.into_timestamp_secs();
                first = Some(first.map_or(s, |x| x.min(s)));
                last = Some(last.map_or(s, |x| x.max(s)));
            }
        }
    }
    let index_bytes = walkdir::WalkDir::new(&index.dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    let date = |s: Option<i64>| s.map(|s| format_date(tantivy::DateTime::from_timestamp_secs(s)));
    Ok(Stats {
        files: files.len() as u64,
        articles,
        articles_read,
        passages,
        quotes,
        speakers: distinct("speaker_exact")?,
        sources: distinct("source_exact")?,
        first_date: date(first),
        last_date: date(last),
        index_bytes,
    })
}

/// A passage with the paragraphs around it, for `newsquote show`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PassageContext {
    pub hit: Hit,
    /// Up to the requested number of paragraphs before the passage's paragraph, in text order.
    pub before: Vec<String>,
    /// The paragraph (or paragraphs, for a multi-paragraph quote) that hold the passage.
    pub paragraphs: Vec<String>,
    pub after: Vec<String>,
    /// Why the paragraphs could not be shown (the file changed or vanished since indexing).
    pub note: Option<String>,
}

/// Finds a passage by its id and reads its article again to show `around` paragraphs on each side.
/// Returns `Ok(None)` when no passage has that id.
pub fn passage_context(
    index: &PassageIndex,
    passage_id: &str,
    around: usize,
) -> Result<Option<PassageContext>, SearchError> {
    let searcher = index.searcher()?;
    let f = &index.fields;
    let Some(wanted) = parse_hex_id(passage_id) else {
        return Ok(None);
    };
    // Passage ids are a fast-field column, not an indexed term: `show` scans the column, a few
    // milliseconds per million passages.
    let mut located = None;
    'segments: for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
        let columns = IdColumns::open(segment)?;
        for doc in segment.doc_ids_alive() {
            let ids = columns.get(doc);
            if ids.passage_id == wanted {
                located = Some((DocAddress::new(segment_ord as u32, doc), ids));
                break 'segments;
            }
        }
    }
    let Some((address, ids)) = located else {
        return Ok(None);
    };
    let doc: TantivyDocument = searcher.doc(address)?;
    let mut hit = hit_from_doc(f, &doc, ids);
    hit.snippet = hit.text.clone();
    let file = doc
        .get_first(f.file)
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string();
    let article_id = ids.article_id;
    let mut found = None;
    let _ = crate::article::read_file(
        std::path::Path::new(&file),
        &mut |a| {
            if found.is_none() && crate::index::writer::article_id(&a) == article_id {
                found = Some(a);
            }
        },
        &mut |_| {},
    );
    let mut context = PassageContext {
        hit,
        before: Vec::new(),
        paragraphs: Vec::new(),
        after: Vec::new(),
        note: None,
    };
    let Some(article) = found else {
        context.note = Some(format!("{file} changed or vanished since it was indexed"));
        return Ok(Some(context));
    };
    let (start, end) = (context.hit.start as usize, context.hit.end as usize);
    let ps = &article.paragraphs;
    let first = ps.iter().position(|p| p.end > start).unwrap_or(ps.len());
    let last = ps
        .iter()
        .rposition(|p| p.start < end)
        .map_or(first, |i| i.max(first));
    let text = |range: std::ops::Range<usize>| -> Vec<String> {
        ps[range]
            .iter()
            .map(|p| article.paragraph_text(p).to_string())
            .collect()
    };
    context.before = text(first.saturating_sub(around)..first);
    context.paragraphs = text(first..(last + 1).min(ps.len()));
    context.after = text((last + 1).min(ps.len())..(last + 1 + around).min(ps.len()));
    Ok(Some(context))
}
