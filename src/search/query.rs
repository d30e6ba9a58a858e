//! Turning what a person typed into a Tantivy query over passage and quote text.

use tantivy::query::{AllQuery, Query, QueryParser};

use super::SearchError;
use crate::index::PassageIndex;

/// How much a match in quote text weighs against a match in passage text (BM25 boost).
pub const QUOTE_BOOST: f32 = 2.0;

/// Parses a user query in Tantivy's syntax over the `text` and `quote` fields, all words required.
///
/// Repairs before parsing: `a AND NOT b` becomes `a -b` (Tantivy's parser yields nothing useful for
/// it); curly quotes typed as phrase marks become straight ones. Empty or `*` matches everything.
/// Errors: [`SearchError::Query`] with the parser's reason.
pub fn parse_user_query(index: &PassageIndex, typed: &str) -> Result<Box<dyn Query>, SearchError> {
    let repaired = repair(typed);
    if repaired.trim().is_empty() || repaired.trim() == "*" {
        return Ok(Box::new(AllQuery));
    }
    let fields = &index.fields;
    let mut parser = QueryParser::for_index(&index.index, vec![fields.text, fields.quote]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(fields.quote, QUOTE_BOOST);
    parser
        .parse_query(&repaired)
        .map_err(|e| SearchError::Query(e.to_string()))
}

/// The textual repairs of [`parse_user_query`].
pub fn repair(typed: &str) -> String {
    let straight: String = typed
        .chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            other => other,
        })
        .collect();
    straight.replace(" AND NOT ", " -")
}
