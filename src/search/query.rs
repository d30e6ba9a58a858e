//! Turning what a person typed into a Tantivy query over passage and quote text.

use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, QueryParser};
use tantivy::tokenizer::TokenStream;
use tantivy::Term;

use crate::index::schema::news_analyzer;

use super::SearchError;
use crate::index::PassageIndex;

/// How much a match in quote text weighs against a match in passage text (BM25 boost).
pub const QUOTE_BOOST: f32 = 2.0;

/// Parses a user query in Tantivy's syntax over the `text` and `quote` fields, all words required.
///
/// What a person types is repaired first (see [`repair`]); if Tantivy's parser still rejects it,
/// the query is read as plain words and phrases, so that anything typed gets results or none, never
/// a parser error. Empty or `*` matches everything. Errors: [`SearchError::Query`] only when even the
/// plain-words reading fails to build (not expected).
pub fn parse_user_query(index: &PassageIndex, typed: &str) -> Result<Box<dyn Query>, SearchError> {
    let repaired = repair(typed);
    if repaired.trim().is_empty() || repaired.trim() == "*" {
        return Ok(Box::new(AllQuery));
    }
    let fields = &index.fields;
    let mut parser = QueryParser::for_index(&index.index, vec![fields.text, fields.quote]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(fields.quote, QUOTE_BOOST);
    match parser.parse_query(&repaired) {
        Ok(query) => Ok(with_phrase_bonus(index, query, &repaired)),
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
    let plain = repaired.split_whitespace().all(|w| {
        w.chars()
            .all(|c| c.is_alphanumeric() || c == '\'' || c == '.')
            && !matches!(w, "AND" | "OR" | "NOT")
    });
    if !plain {
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
/// - a URL (`https://…`) becomes its words.
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
        .map(|word| {
            if word.contains("://") {
                return plain_words(word);
            }
            let word = word.trim_end_matches(':');
            let mut chars = word.chars();
            match (chars.next(), chars.next()) {
                (Some('-'), Some(d)) if d.is_ascii_digit() => word[1..].to_string(),
                _ => word.to_string(),
            }
        })
        .collect();
    words.join(" ")
}

/// The words and phrases of a query with every punctuation mark turned into a space, lower-cased so
/// that `AND`, `OR` and `NOT` are words, not operators.
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
