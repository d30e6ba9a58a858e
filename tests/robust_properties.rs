//! Properties of quote extraction on random news-like text (words, names, quote marks of every
//! kind, apostrophes, newlines, cue verbs): spans slice to the quote text, extraction is
//! deterministic, quotes stay inside one paragraph unless the multi-paragraph pattern continues
//! them, and a megabyte of quote marks is handled in reasonable time with sane output.

use std::time::Instant;

use newsquote::article::Article;
use newsquote::quote::{extract_quotes, Quote};
use proptest::prelude::*;

/// The marks a continued (multi-paragraph) quotation may start a paragraph with: every double and
/// single mark the marks module pairs (» and › open in Danish and German style, ” in Swedish), and
/// the TeX-style "``" of some wire feeds (its first backtick).
const OPENING: &[char] = &[
    '"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{201f}', '\u{ab}', '\u{bb}', '\u{ff02}', '\'',
    '\u{2018}', '\u{2019}', '\u{201a}', '\u{2039}', '\u{203a}', '`',
];

/// Builds an article from text with paragraphs split on blank lines (as the JSON reader does).
fn article_from_text(text: &str) -> Article {
    Article::from_blank_line_paragraphs("prop.txt", text)
}

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        // words and names
        "the",
        "minister",
        "talks",
        "will",
        "continue",
        "in",
        "Geneva",
        "next",
        "week",
        "Ana",
        "Ruiz",
        "Kim Jong-un",
        "Vladimir Putin",
        "O'Brien",
        "Mr.",
        "Dr.",
        "the spokesman",
        "he",
        "she",
        "they",
        "government",
        "ceasefire",
        "sanctions",
        "U.S.",
        "1990s",
        "20%",
        // apostrophes
        "don't",
        "it's",
        "we're",
        "'90s",
        "rock 'n' roll",
        "Jones'",
        "can\u{2019}t",
        // cue verbs and frames
        "said",
        "says",
        "told reporters",
        "added",
        "according to",
        "warned",
        "insisted",
        "said:",
        "said that",
        "pointed out",
        "asked",
        "—",
        "(",
        ")",
        // punctuation
        ",",
        ".",
        ";",
        ":",
        "?",
        "!",
        "...",
        "\u{2026}",
        // quote marks of all kinds
        "\"",
        "\"",
        "\u{201c}",
        "\u{201d}",
        "\u{2018}",
        "\u{2019}",
        "'",
        "\u{ab}",
        "\u{bb}",
        "\u{201e}",
        "\u{2039}",
        "\u{203a}",
        "``",
        "''",
        "\u{300c}",
        "\u{300d}",
        // line structure
        "\n",
        "\n\n",
        "\n\n",
        " \n\n  ",
    ])
}

/// Random text: pieces joined by spaces, sometimes glued (so marks touch words).
fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), any::<bool>()), 0..120).prop_map(|parts| {
        let mut s = String::new();
        for (p, glue) in parts {
            if !s.is_empty() && !glue {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

fn check_spans(article: &Article, quotes: &[Quote]) -> Result<(), TestCaseError> {
    let text = &article.text;
    for q in quotes {
        prop_assert!(
            q.start <= q.end && q.end <= text.len(),
            "{q:?} outside text"
        );
        prop_assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()));
        if let Some(m) = &q.mention {
            prop_assert!(
                m.start <= m.end && m.end <= text.len(),
                "{m:?} outside text"
            );
            prop_assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
        }
    }
    Ok(())
}

/// Index of the paragraph holding byte `pos`, if any.
fn para_at(article: &Article, pos: usize) -> Option<usize> {
    article
        .paragraphs
        .iter()
        .position(|p| p.start <= pos && pos <= p.end)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn quote_spans_slice_to_the_quote_text(text in news_text()) {
        let article = article_from_text(&text);
        let quotes = extract_quotes(&article);
        check_spans(&article, &quotes)?;
    }

    #[test]
    fn extraction_is_deterministic(text in news_text()) {
        let article = article_from_text(&text);
        let first = extract_quotes(&article);
        let second = extract_quotes(&article);
        prop_assert_eq!(&first, &second);
        let again = extract_quotes(&article_from_text(&text));
        prop_assert_eq!(first, again);
    }

    /// A quote lies in one paragraph, or continues over the next ones only when each of them
    /// opens with a quote mark (the multi-paragraph convention).
    #[test]
    fn quotes_do_not_cross_a_blank_line_without_a_new_opening_mark(text in news_text()) {
        let article = article_from_text(&text);
        for q in extract_quotes(&article) {
            let first = para_at(&article, q.start);
            let last = para_at(&article, q.end);
            prop_assert!(first.is_some(), "{q:?} starts outside every paragraph");
            prop_assert!(last.is_some(), "{q:?} ends outside every paragraph");
            let (first, last) = (first.unwrap(), last.unwrap());
            for j in first + 1..=last {
                let para = article.paragraph_text(&article.paragraphs[j]);
                prop_assert!(
                    para.starts_with(OPENING),
                    "{:?} runs from paragraph {} into paragraph {} ({:?}) which does not open \
                     with a quote mark",
                    q.text, first, j, para
                );
            }
        }
    }
}

/// One paragraph of about 1 MB made of `unit` repeated, with the elapsed time printed.
fn megabyte_paragraph(name: &str, unit: &str) {
    let text = unit.repeat(1_000_000 / unit.len());
    let article = article_from_text(&text);
    let started = Instant::now();
    let quotes = extract_quotes(&article);
    let took = started.elapsed();
    eprintln!(
        "1 MB paragraph of {name}: {} quotes in {:.3} s",
        quotes.len(),
        took.as_secs_f64()
    );
    let marks = text
        .chars()
        .filter(|c| "\"\u{201c}\u{201d}\u{2018}\u{2019}'\u{ab}\u{bb}".contains(*c))
        .count();
    assert!(
        quotes.len() <= marks / 2 + 1,
        "{name}: more quotes than mark pairs"
    );
    for q in &quotes {
        assert!(q.end <= text.len());
        assert_eq!(&text[q.start..q.end], q.text, "{name}");
    }
    assert_eq!(
        extract_quotes(&article),
        quotes,
        "{name}: not deterministic"
    );
}

#[test]
fn megabyte_of_straight_double_quotes() {
    megabyte_paragraph("straight double quotes", "\"");
}

#[test]
fn megabyte_of_curly_pairs() {
    megabyte_paragraph("curly pairs", "\u{201c}\u{201d}");
}

#[test]
fn megabyte_of_unbalanced_openers() {
    megabyte_paragraph("unbalanced curly openers", "\u{201c}");
}

#[test]
fn megabyte_of_mixed_marks_and_words() {
    megabyte_paragraph(
        "mixed marks and words",
        "\"yes,\" he said 'no' \u{201c}maybe\u{201d} \u{ab}ok\u{bb} don't ",
    );
}

#[test]
fn megabyte_of_quoted_speech_with_cues() {
    megabyte_paragraph(
        "quoted speech with cues",
        "\"We will not back down,\" Ana Ruiz said. ",
    );
}

#[test]
fn megabyte_of_apostrophes() {
    megabyte_paragraph("apostrophes and single quotes", "' it's '");
}
