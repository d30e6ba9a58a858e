//! Filters (speaker, dates, location, source, kind) applied around the text query without touching
//! its score: each is a `ConstScoreQuery` with score 0 under `Must`.

use std::ops::Bound;

use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TokenStream;
use tantivy::Term;

use super::SearchError;
use crate::index::schema::{name_analyzer, Fields, FILE_KIND, NARRATION_KIND};
use crate::index::writer::date_value;

/// Which passages a search considers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KindFilter {
    /// Quotes and narrative paragraphs.
    #[default]
    Any,
    /// Quotes of any kind.
    Quote,
    Direct,
    Mixed,
    Indirect,
    Narration,
}

/// A date bound from the command line: `2024`, `2024-06` or `2024-06-19`, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateBound {
    /// First day the bound covers.
    pub first: jiff::civil::Date,
    /// Last day the bound covers.
    pub last: jiff::civil::Date,
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the span of days it names.
///
/// Errors: a one-line explanation naming the accepted forms.
pub fn parse_date_bound(value: &str) -> Result<DateBound, String> {
    let bad = || format!("'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = value.trim().split('-').collect();
    let number = |s: &str| s.parse::<i16>().map_err(|_| bad());
    let (year, month, day) = match parts.as_slice() {
        [y] if y.len() == 4 => (number(y)?, None, None),
        [y, m] if y.len() == 4 => (number(y)?, Some(number(m)? as i8), None),
        [y, m, d] if y.len() == 4 => (number(y)?, Some(number(m)? as i8), Some(number(d)? as i8)),
        _ => return Err(bad()),
    };
    let date = |m, d| jiff::civil::Date::new(year, m, d).map_err(|_| bad());
    Ok(match (month, day) {
        (None, _) => DateBound {
            first: date(1, 1)?,
            last: date(12, 31)?,
        },
        (Some(m), None) => {
            let first = date(m, 1)?;
            DateBound {
                first,
                last: first.last_of_month(),
            }
        }
        (Some(m), Some(d)) => {
            let day = date(m, d)?;
            DateBound {
                first: day,
                last: day,
            }
        }
    })
}

/// What to keep of the passages a query matches.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Any of these speakers (canonical name or any part or alias), case- and accent-insensitive.
    pub speakers: Vec<String>,
    pub since: Option<DateBound>,
    pub until: Option<DateBound>,
    pub location: Option<String>,
    pub source: Option<String>,
    pub kind: KindFilter,
}

/// A query that every word of `value` matches in a name-analyzed field indexed without positions
/// (`location`, `source`), or `None` when the value has no word in it.
fn name_words(field: Field, value: &str) -> Option<Box<dyn Query>> {
    let mut analyzer = name_analyzer();
    let mut stream = analyzer.token_stream(value);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    while stream.advance() {
        let term = Term::from_field_text(field, &stream.token().text);
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
        ));
    }
    (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
}

/// A `--speaker` value as the index names speakers: "Blair, Tony" (catalogue order) is "Tony
/// Blair", and the titles before the name go, as speaker names are stored without them: "Mr
/// Blair", "President Putin", "Foreign Secretary Jack Straw", "House Speaker Nancy Pelosi" and
/// "Secretary of State Hillary Clinton" are "Blair", "Putin", "Jack Straw", "Nancy Pelosi" and
/// "Hillary Clinton". The leading title run is title words (the quote lexicon's
/// `lexicon::class::TITLE`), up to three words before a title word ("House Speaker", "Deputy
/// Foreign Minister", "White House Press Secretary"), and "of" with the words after it up to the
/// last two ("Secretary of State Hillary Clinton", "Minister of Foreign Affairs Johan Varga").
/// A value that would lose every word ("President", "Prime Minister") is kept as typed.
pub fn speaker_as_named(value: &str) -> String {
    let value = match value.split_once(',') {
        Some((last, first)) if !last.trim().is_empty() && !first.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => value.trim().to_string(),
    };
    let words: Vec<&str> = value.split_whitespace().collect();
    let is_title = |w: &str| {
        let lower = w.trim_end_matches('.').to_lowercase();
        crate::quote::lexicon::flags(&lower) & crate::quote::lexicon::class::TITLE != 0
    };
    let mut at = 0;
    let mut after_title = 0;
    while at < words.len() {
        if after_title == at && at > 0 && words[at] == "of" && at + 1 < words.len() {
            // "Secretary of State", "Minister of Foreign Affairs", "Chancellor of the
            // Exchequer": the office's object runs up to the last two words, the usual full name.
            at += 1;
            if words[at] == "the" {
                at += 1;
            }
            while words.len().saturating_sub(at) > 2 {
                at += 1;
            }
            after_title = at.min(words.len());
            break;
        }
        // Up to three qualifiers may stand before a title word ("White House Press Secretary").
        match (at..words.len().min(at + 4)).find(|&i| is_title(words[i])) {
            Some(title) => {
                at = title + 1;
                after_title = at;
            }
            None => break,
        }
    }
    if after_title == 0 || after_title >= words.len() {
        return value;
    }
    words[after_title..].join(" ")
}

/// How many name words may stand between two words of a `--speaker` value: one, so that "John
/// Kerry" finds "John F. Kerry" (on 3,000 allsides articles, 31 of Kerry's 80 quotes are named
/// that way, and `speakers` counts both forms as one person).
const SPEAKER_SLOP: u32 = 1;

/// A phrase query over a name-analyzed field, or `None` when the value has no word in it. Middle
/// initials in the value are left out ("Donald J. Trump" asks for `donald trump`), and the phrase
/// allows [`SPEAKER_SLOP`] words between its words, so that each form finds the other.
fn name_phrase(field: Field, value: &str) -> Option<Box<dyn Query>> {
    let mut analyzer = name_analyzer();
    let mut stream = analyzer.token_stream(value);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    let initials = words.iter().filter(|w| w.chars().count() == 1).count();
    if words.len() - initials >= 2 {
        words.retain(|w| w.chars().count() > 1);
    }
    let mut terms: Vec<Term> = words
        .iter()
        .map(|w| Term::from_field_text(field, w))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms.remove(0),
            IndexRecordOption::Basic,
        ))),
        _ => {
            let mut phrase = PhraseQuery::new(terms);
            phrase.set_slop(SPEAKER_SLOP);
            Some(Box::new(phrase))
        }
    }
}

fn kind_terms(fields: &Fields, kinds: &[&str]) -> Box<dyn Query> {
    let subqueries = kinds
        .iter()
        .map(|k| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(fields.kind, k),
                IndexRecordOption::Basic,
            ));
            (Occur::Should, q)
        })
        .collect();
    Box::new(BooleanQuery::new(subqueries))
}

fn constant(query: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
}

/// Wraps `text_query` with the filters. A filter value with no word in it (e.g. `--speaker "-"`)
/// matches nothing.
pub fn apply(
    fields: &Fields,
    text_query: Box<dyn Query>,
    filters: &Filters,
) -> Result<Box<dyn Query>, SearchError> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query)];
    let nothing = || -> Box<dyn Query> { Box::new(BooleanQuery::new(Vec::new())) };
    if !filters.speakers.is_empty() {
        let any: Vec<(Occur, Box<dyn Query>)> = filters
            .speakers
            .iter()
            .map(|s| {
                (
                    Occur::Should,
                    name_phrase(fields.speaker, &speaker_as_named(s)).unwrap_or_else(nothing),
                )
            })
            .collect();
        clauses.push(constant(Box::new(BooleanQuery::new(any))));
    }
    for (field, value) in [
        (fields.location, &filters.location),
        (fields.source, &filters.source),
    ] {
        if let Some(v) = value {
            clauses.push(constant(name_words(field, v).unwrap_or_else(nothing)));
        }
    }
    if filters.since.is_some() || filters.until.is_some() {
        let lower = match filters.since {
            Some(b) => Bound::Included(Term::from_field_date(fields.date, date_value(b.first))),
            None => Bound::Unbounded,
        };
        let upper = match filters.until.and_then(|b| b.last.tomorrow().ok()) {
            Some(day) => Bound::Excluded(Term::from_field_date(fields.date, date_value(day))),
            None => Bound::Unbounded,
        };
        clauses.push(constant(Box::new(RangeQuery::new(lower, upper))));
    }
    match filters.kind {
        KindFilter::Any => {}
        KindFilter::Quote => clauses.push(constant(kind_terms(
            fields,
            &["direct", "mixed", "indirect"],
        ))),
        KindFilter::Direct => clauses.push(constant(kind_terms(fields, &["direct"]))),
        KindFilter::Mixed => clauses.push(constant(kind_terms(fields, &["mixed"]))),
        KindFilter::Indirect => clauses.push(constant(kind_terms(fields, &["indirect"]))),
        KindFilter::Narration => clauses.push(constant(kind_terms(fields, &[NARRATION_KIND]))),
    }
    clauses.push((
        Occur::MustNot,
        Box::new(TermQuery::new(
            Term::from_field_text(fields.kind, FILE_KIND),
            IndexRecordOption::Basic,
        )),
    ));
    Ok(Box::new(BooleanQuery::new(clauses)))
}

#[cfg(test)]
mod tests {
    use super::speaker_as_named;

    #[test]
    fn speaker_values_lose_titles_and_catalogue_order() {
        assert_eq!(speaker_as_named("Mr Blair"), "Blair");
        assert_eq!(speaker_as_named("Mr. Blair"), "Blair");
        assert_eq!(
            speaker_as_named("President Vladimir Putin"),
            "Vladimir Putin"
        );
        assert_eq!(speaker_as_named("Blair, Tony"), "Tony Blair");
        assert_eq!(speaker_as_named("Kim Jong-un"), "Kim Jong-un");
        assert_eq!(speaker_as_named("President"), "President");
        assert_eq!(speaker_as_named("Prime Minister"), "Prime Minister");
        assert_eq!(speaker_as_named("House Speaker Maren Dahl"), "Maren Dahl");
        assert_eq!(
            speaker_as_named("Secretary of State Ilse Varga"),
            "Ilse Varga"
        );
        assert_eq!(
            speaker_as_named("Chancellor of the Exchequer Tomas Reyes"),
            "Tomas Reyes"
        );
        assert_eq!(speaker_as_named("Lena Okafor"), "Lena Okafor");
    }
}
