//! Helpers shared by the quote tests (`quote_patterns.rs`, `quote_reported.rs`,
//! `quote_speakers.rs`; each includes this with `mod quote_common;`): extraction on a small
//! invented article, with every quote and mention span checked against the text it slices.

// Each test file uses a different part of this module.
#![allow(dead_code)]

use newsquote::article::Article;
use newsquote::quote::{extract_quotes, Quote, QuoteKind};

/// (text, kind, speaker, mention, cue) of one quote.
pub type Row = (
    String,
    QuoteKind,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// An article with one paragraph per non-empty line, as the plain-text reader makes it.
pub fn article(text: &str) -> Article {
    Article::from_line_paragraphs("", text)
}

/// Every quote of `text`, after checking that each quote's and mention's span slices its text.
pub fn quotes(text: &str) -> Vec<Quote> {
    let a = article(text);
    let qs = extract_quotes(&a);
    for q in &qs {
        assert_eq!(q.text, &a.text[q.start..q.end]);
        if let Some(m) = &q.mention {
            assert_eq!(m.text, &a.text[m.start..m.end]);
        }
    }
    qs
}

/// (text, kind, speaker, mention, cue) of every quote of `text`.
pub fn table(text: &str) -> Vec<Row> {
    quotes(text)
        .into_iter()
        .map(|q| (q.text, q.kind, q.speaker, q.mention.map(|m| m.text), q.cue))
        .collect()
}
