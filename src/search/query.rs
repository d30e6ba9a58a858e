//! Turning what a person typed into a Tantivy query over passage and quote text.

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, QueryParser, QueryParserError,
};
use tantivy::tokenizer::TokenStream;
use tantivy::Term;

use crate::index::schema::news_analyzer;

use super::SearchError;
use crate::index::PassageIndex;

/// How much a match in quote text weighs against a match in passage text (BM25 boost).
pub const QUOTE_BOOST: f32 = 2.0;

/// How much a word matched in a quote's speaker name weighs (BM25 boost). Low, because the speaker
/// field is a few words long and would otherwise outrank the topic words: in `Kovel sanctions`,
/// "sanctions" in the quote should decide the order among Kovel's quotes.
pub const SPEAKER_BOOST: f32 = 0.5;

/// Parses a user query in Tantivy's syntax over the `text`, `quote` and `speaker` fields, all words
/// required, each in any of the three: `Kovel sanctions` finds Dmitar Kovel's quotes about
/// sanctions, whose text seldom names him, as well as narration that names both.
///
/// What a person types is repaired first (see [`repair`]); if Tantivy's parser still rejects it,
/// the query is read as plain words and phrases, so that anything typed gets results or none, never
/// a parser error. Empty or `*` matches everything. Errors: [`SearchError::Query`] only when even the
/// plain-words reading fails to build (not expected).
pub fn parse_user_query(index: &PassageIndex, typed: &str) -> Result<Box<dyn Query>, SearchError> {
    // Only punctuation (`"`, `:`) and operators (`OR`) ask for no word: nothing matches them. An
    // empty query still means every passage, for searches made only of filters.
    let asks_no_word = |w: &str| {
        matches!(w, "AND" | "OR" | "NOT") || !w.chars().any(|c| c.is_alphanumeric() || c == '*')
    };
    if !typed.trim().is_empty() && typed.split_whitespace().all(asks_no_word) {
        return Ok(Box::new(tantivy::query::EmptyQuery));
    }
    let repaired = repair(typed);
    if repaired.trim().is_empty() || repaired.trim() == "*" {
        return Ok(Box::new(AllQuery));
    }
    let fields = &index.fields;
    let mut parser = QueryParser::for_index(
        &index.index,
        vec![fields.text, fields.quote, fields.speaker],
    );
    parser.set_conjunction_by_default();
    parser.set_field_boost(fields.quote, QUOTE_BOOST);
    parser.set_field_boost(fields.speaker, SPEAKER_BOOST);
    match parser.parse_query(&repaired) {
        Ok(query) => Ok(with_phrase_bonus(index, query, &repaired)),
        // Only exclusions (`-sanctions`, `NOT sanctions`): every passage but those. Read as plain
        // words instead, the query found exactly the passages it excludes.
        Err(QueryParserError::AllButQueryForbidden) => Ok(parser.parse_query_lenient(&repaired).0),
        Err(_) => {
            let words = plain_words(&repaired);
            if words.trim().is_empty() {
                return Ok(Box::new(tantivy::query::EmptyQuery));
            }
            parser
                .parse_query(&words)
                .map_err(|e| SearchError::Query(e.to_string()))
        }
    }
}

/// How much an exact phrase match of a plain multi-word query adds to its BM25 score, relative to
/// the words' own scores.
pub const PHRASE_BONUS: f32 = 1.5;

/// For a query of plain words (`strategic partnership`, no quotes or operators), adds an optional
/// phrase clause over passage and quote text, so that passages with the words side by side rank above
/// passages where they are scattered. Other queries are returned unchanged.
fn with_phrase_bonus(
    index: &PassageIndex,
    parsed: Box<dyn Query>,
    repaired: &str,
) -> Box<dyn Query> {
    if !is_plain_words(repaired, &['\'', '.']) {
        return parsed;
    }
    let mut analyzer = news_analyzer();
    let mut stream = analyzer.token_stream(repaired);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    if words.len() < 2 {
        return parsed;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, parsed)];
    for field in [index.fields.text, index.fields.quote] {
        let terms = words
            .iter()
            .map(|w| Term::from_field_text(field, w))
            .collect();
        let phrase: Box<dyn Query> = Box::new(PhraseQuery::new(terms));
        clauses.push((
            Occur::Should,
            Box::new(BoostQuery::new(phrase, PHRASE_BONUS)),
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Repairs the ways people type queries that Tantivy's parser reads otherwise than they meant:
///
/// - curly and guillemet quotes typed as phrase marks become straight quotes;
/// - `a AND NOT b` becomes `a -b` (the parser yields nothing useful for the former);
/// - an unbalanced `"` is dropped (the words stay);
/// - a trailing colon on a word (`talks:`, `speaker:`) is dropped: it is punctuation, not a field;
/// - a leading `-` before a digit (`-2 degrees`) is text, not an exclusion;
/// - a hyphenated compound (`cease-fire`, `e-mail`) also finds its closed form: `(cease-fire OR
///   ceasefire)`, as news writes both;
/// - a URL (`https://…`) becomes its words;
/// - `field:*` (`text:*`) is dropped: Tantivy reads it as "has a value", which only fast fields
///   answer, and every passage has text.
pub fn repair(typed: &str) -> String {
    let straight: String = typed
        .chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            other => other,
        })
        .collect();
    let mut text = straight.replace(" AND NOT ", " -");
    if text.matches('"').count() % 2 == 1 {
        if let Some(last) = text.rfind('"') {
            text.remove(last);
        }
    }
    let words: Vec<String> = text
        .split(' ')
        .filter(|word| !(word.len() > 2 && word.ends_with(":*")))
        .map(|word| {
            if word.contains("://") {
                return plain_words(word);
            }
            let word = word.trim_end_matches(':');
            if is_hyphenated_compound(word) {
                return format!("({word} OR {})", word.replace('-', ""));
            }
            let mut chars = word.chars();
            match (chars.next(), chars.next()) {
                (Some('-'), Some(d)) if d.is_ascii_digit() => word[1..].to_string(),
                _ => word.to_string(),
            }
        })
        .collect();
    let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
    // An operator with nothing on one side ("trump AND", "OR tariffs") joins nothing: Tantivy
    // would read the dangling word as the term "and" and demand it.
    while words
        .last()
        .is_some_and(|w| matches!(*w, "AND" | "OR" | "NOT"))
    {
        words.pop();
    }
    while words.first().is_some_and(|w| matches!(*w, "AND" | "OR")) {
        words.remove(0);
    }
    words.join(" ")
}

/// Letters joined by single hyphens, two parts or more (`cease-fire`, `Jong-un`); not `-word`, not
/// `2-1`, not a field or a phrase.
fn is_hyphenated_compound(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('-') {
        if part.is_empty() || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// The words and phrases of a query with every punctuation mark turned into a space, lower-cased so
/// that `AND`, `OR` and `NOT` are words, not operators.
/// Passages below which an indexed word may be a misspelling (see [`respelled_query`]).
pub const RARE_WORD_PASSAGES: u64 = 50;

/// A misspelt word of a query and the indexed word read in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Respelling {
    /// The word as typed.
    pub typed: String,
    /// The indexed (stemmed) word put in its place.
    pub indexed: String,
}

/// A second reading of a plain-words query that found nothing: each word that no passage or quote
/// holds (after stemming), or fewer than [`RARE_WORD_PASSAGES`] do, is replaced by the nearest
/// indexed word that begins with the same letter (spelling checkers assume the first letter is
/// right) and is within one edit for words of up to five letters, two beyond (see
/// [`nearest_indexed_word`] for the order); a rare word is replaced only by a word twenty times as
/// common. Returns the query to run instead and the
/// respellings, or `None` when the query is not plain words, every word is indexed (a spelling is
/// then not what is missing), or no near word exists.
///
/// Checked on the misspellings of `bench/queries.txt` over allsides ("Putn", "McConel",
/// "goverment shutdown", "tarrifs", "Sen. Shumer", "Ocasio-Cortes", "impeachmnet").
pub fn respelled_query(
    index: &PassageIndex,
    searcher: &tantivy::Searcher,
    typed: &str,
) -> Option<(String, Vec<Respelling>)> {
    let repaired = repair(typed);
    if !is_plain_words(&repaired, &['\'', '.', '-', '\u{2019}']) {
        return None;
    }
    let fields = [index.fields.text, index.fields.quote];
    let mut analyzer = news_analyzer();
    let mut stream = analyzer.token_stream(&repaired);
    let mut replacements: Vec<(usize, usize, String, String)> = Vec::new();
    while stream.advance() {
        let token = stream.token();
        let frequency = fields
            .iter()
            .map(|&f| {
                searcher
                    .doc_freq(&Term::from_field_text(f, &token.text))
                    .unwrap_or(0)
            })
            .max()
            .unwrap_or(0);
        // A word in a few passages may itself be a misspelling that some articles made
        // ("goverment"): it is replaced only by a spelling at least twenty times as common.
        if frequency >= RARE_WORD_PASSAGES {
            continue;
        }
        let written = repaired
            .get(token.offset_from..token.offset_to)?
            .to_string();
        let budget = if written.chars().count() <= 5 { 1 } else { 2 };
        let common_enough = 20 * frequency.max(1);
        match nearest_indexed_word(searcher, &fields, &token.text, budget, common_enough) {
            Some(word) => replacements.push((token.offset_from, token.offset_to, written, word)),
            None if frequency == 0 => return None,
            None => {}
        }
    }
    if replacements.is_empty() {
        return None;
    }
    let mut corrected = repaired.clone();
    for (from, to, _, word) in replacements.iter().rev() {
        corrected.replace_range(*from..*to, word);
    }
    let respellings = replacements
        .into_iter()
        .map(|(_, _, typed, indexed)| Respelling { typed, indexed })
        .collect();
    Some((corrected, respellings))
}

/// The indexed word of `fields` nearest to `word` within `budget` edits, with its first letter and
/// in at least `min_passages` passages; `None` when there is none. Nearest means: fewest edits
/// counted twice, once as written and once with doubled letters read as one ("tarrif" is two edits
/// from "tariff" but zero from it as "tarif"; "shumer" is one from "schumer", two from "summer"),
/// then a word at least as long as the one typed (a dropped letter is a commoner slip than an added
/// one: "putn" is "putin" rather than "put"), then the most passages.
///
/// Scans the term dictionary's range of that first letter in every segment (tens of thousands of
/// terms on allsides: milliseconds, and only for queries that found nothing). Candidates whose stem
/// differs from themselves are skipped, so that the word put back into the query analyzes to
/// itself.
fn nearest_indexed_word(
    searcher: &tantivy::Searcher,
    fields: &[tantivy::schema::Field],
    word: &str,
    budget: usize,
    min_passages: u64,
) -> Option<String> {
    let first = word.chars().next()?;
    let mut low = [0u8; 4];
    let low = first.encode_utf8(&mut low).as_bytes().to_vec();
    let high = char::from_u32(first as u32 + 1)
        .map(|c| c.to_string().into_bytes())
        .unwrap_or_else(|| vec![0xff]);
    let target: Vec<char> = word.chars().collect();
    let target_single = single_letters(&target);
    // word -> (edits with doubled letters as one, edits as written, passages)
    let mut found: std::collections::HashMap<String, (usize, usize, u64)> = Default::default();
    for segment in searcher.segment_readers() {
        for &field in fields {
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            let Ok(mut terms) = inverted.terms().range().ge(&low).lt(&high).into_stream() else {
                continue;
            };
            while terms.advance() {
                let Ok(candidate) = std::str::from_utf8(terms.key()) else {
                    continue;
                };
                let chars: Vec<char> = candidate.chars().collect();
                if chars == target {
                    continue;
                }
                // A stem that begins the typed word, when long enough, is one edit away: a slip
                // late in a long word ("impeachmnet") leaves its stem ("impeach") intact.
                let is_stem_of_typed = chars.len() >= 5
                    && chars.len() * 5 >= target.len() * 3
                    && target.starts_with(&chars);
                let written = if is_stem_of_typed {
                    1
                } else if chars.len().abs_diff(target.len()) > budget {
                    continue;
                } else if let Some(d) = edit_distance(&target, &chars, budget) {
                    d
                } else {
                    continue;
                };
                let single = if is_stem_of_typed {
                    1
                } else {
                    edit_distance(&target_single, &single_letters(&chars), budget)
                        .unwrap_or(written)
                };
                let entry = found
                    .entry(candidate.to_string())
                    .or_insert((single, written, 0));
                entry.2 += u64::from(terms.value().doc_freq);
            }
        }
    }
    let mut analyzer = news_analyzer();
    let shorter = |w: &str| w.chars().count() < target.len();
    let mut ranked: Vec<(usize, bool, std::cmp::Reverse<u64>, String)> = found
        .into_iter()
        .filter(|(_, (_, _, passages))| *passages >= min_passages)
        .map(|(w, (single, written, passages))| {
            (
                single + written,
                shorter(&w),
                std::cmp::Reverse(passages),
                w,
            )
        })
        .collect();
    ranked.sort();
    ranked.into_iter().map(|(_, _, _, w)| w).find(|w| {
        let mut stream = analyzer.token_stream(w);
        stream.advance() && stream.token().text == *w && !stream.advance()
    })
}

/// The letters of a word with each run of one repeated letter read as one.
fn single_letters(word: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(word.len());
    for &c in word {
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    out
}

/// Edits (insert, delete, substitute, swap of neighbours) from `a` to `b`, when at most `budget`.
pub(crate) fn edit_distance(a: &[char], b: &[char], budget: usize) -> Option<usize> {
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; a.len() + 1];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i][0] = i;
        let mut row_min = rows[i][0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
            row_min = row_min.min(d);
        }
        if row_min > budget {
            return None;
        }
    }
    let d = rows[a.len()][b.len()];
    (d <= budget).then_some(d)
}

/// Whether `query` is words only: letters, digits and the `extra` characters, and none of the
/// operators AND, OR, NOT.
fn is_plain_words(query: &str, extra: &[char]) -> bool {
    query.split_whitespace().all(|w| {
        w.chars().all(|c| c.is_alphanumeric() || extra.contains(&c))
            && !matches!(w, "AND" | "OR" | "NOT")
    })
}

fn plain_words(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '"' {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::{edit_distance, repair};

    #[test]
    fn repair_offers_the_closed_form_of_a_hyphenated_compound() {
        assert_eq!(
            repair("cease-fire talks"),
            "(cease-fire OR ceasefire) talks"
        );
        assert_eq!(repair("Kim Jong-un"), "Kim (Jong-un OR Jongun)");
        assert_eq!(repair("tariffs AND"), "tariffs");
        assert_eq!(repair("OR tariffs NOT"), "tariffs");
        assert_eq!(repair("tariffs OR quotas"), "tariffs OR quotas");
        assert_eq!(
            repair("-sanctions 2-1 \"cease-fire\""),
            "-sanctions 2-1 \"cease-fire\""
        );
    }

    fn distance(a: &str, b: &str) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        edit_distance(&a, &b, 2)
    }

    #[test]
    fn edit_distance_counts_a_swap_as_one_edit() {
        assert_eq!(distance("putn", "putin"), Some(1));
        assert_eq!(distance("tarrif", "tariff"), Some(2));
        assert_eq!(distance("impeachmnet", "impeachment"), Some(1));
        assert_eq!(distance("shumer", "schumer"), Some(1));
        assert_eq!(distance("brexit", "brexit"), Some(0));
        assert_eq!(distance("putin", "pelosi"), None);
    }
}
