//! Snippets and highlights: the part of a passage around the best match, with the matched words
//! marked as byte ranges of the snippet.
//!
//! Written here rather than taken from Tantivy's `SnippetGenerator` because a journalist expects a
//! phrase to be highlighted as one span and only where it matched as a phrase (not every later
//! "strategic" of a `"strategic partnership"` query), and snippets that never cut a word in half.

use tantivy::tokenizer::{TextAnalyzer, TokenStream};

/// What to highlight: each entry is a sequence of analyzed terms (one term for a word, several for
/// a phrase or a hyphenated word).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HighlightPlan {
    pub phrases: Vec<Vec<String>>,
}

/// Fields whose words a query may name (`quote:sanctions`) and that are highlighted in passage text.
const TEXT_FIELDS: [&str; 3] = ["text", "quote", "title"];

fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while stream.advance() {
        let t = stream.token();
        tokens.push((t.text.clone(), t.offset_from, t.offset_to));
    }
    tokens
}

/// Reads the words and phrases to highlight out of a (repaired) query string: quoted phrases,
/// plain and `+required` words, words of the text fields; not excluded words (`-oil`), operators
/// (`AND`, `OR`, `NOT`) or words of other fields (`speaker:putin`).
pub fn plan(query: &str, analyzer: &mut TextAnalyzer) -> HighlightPlan {
    let mut phrases = Vec::new();
    let mut push = |text: &str, analyzer: &mut TextAnalyzer| {
        let terms: Vec<String> = analyze(analyzer, text).into_iter().map(|t| t.0).collect();
        if !terms.is_empty() && !phrases.contains(&terms) {
            phrases.push(terms);
        }
    };
    for (i, part) in query.split('"').enumerate() {
        if i % 2 == 1 {
            push(part, analyzer);
            continue;
        }
        for word in part.split_whitespace() {
            let word = word.trim_start_matches(['(', '+']).trim_end_matches(')');
            if word.starts_with('-') || matches!(word, "AND" | "OR" | "NOT") {
                continue;
            }
            let word = match word.split_once(':') {
                Some((field, rest)) if TEXT_FIELDS.contains(&field) => rest,
                Some(_) => continue,
                None => word,
            };
            push(word, analyzer);
        }
    }
    HighlightPlan { phrases }
}

/// A snippet of at most `max_chars` characters of `text` around the best match of `plan`, and the
/// `[start, end)` byte ranges of the matches inside it.
///
/// The best match is the place where a window of `max_chars` covers the most distinct entries of the
/// plan (the first such place on ties); the window is centred on it and cut at spaces, never inside
/// a character or, when the text has spaces, inside a word. Without any match the snippet is the
/// start of the text and the ranges are empty.
pub fn snippet(
    text: &str,
    plan: &HighlightPlan,
    analyzer: &mut TextAnalyzer,
    max_chars: usize,
) -> (String, Vec<[usize; 2]>) {
    let max_chars = max_chars.max(1);
    let tokens = analyze(analyzer, text);
    let mut matches: Vec<(usize, usize, usize)> = Vec::new();
    for (which, phrase) in plan.phrases.iter().enumerate() {
        let n = phrase.len();
        if n == 0 || tokens.len() < n {
            continue;
        }
        for i in 0..=tokens.len() - n {
            if tokens[i..i + n].iter().zip(phrase).all(|(t, p)| &t.0 == p) {
                matches.push((tokens[i].1, tokens[i + n - 1].2, which));
            }
        }
    }
    matches.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for m in matches {
        match kept.last_mut() {
            // Matched words separated only by spaces read as one span ("strategic partnership").
            Some(k)
                if m.0 >= k.1 && text[k.1..m.0].chars().all(char::is_whitespace) && m.0 > k.1 =>
            {
                k.1 = m.1;
            }
            Some(k) if m.0 < k.1 => {}
            _ => kept.push(m),
        }
    }
    let (start, end) = window(text, &kept, max_chars);
    let highlights = kept
        .iter()
        .filter(|m| m.0 >= start && m.1 <= end)
        .map(|m| [m.0 - start, m.1 - start])
        .collect();
    (text[start..end].to_string(), highlights)
}

/// Byte offset `chars` characters after (positive) or before (negative) `from`, clamped to the text.
fn step_chars(text: &str, from: usize, chars: isize) -> usize {
    if chars >= 0 {
        text[from..]
            .char_indices()
            .nth(chars as usize)
            .map_or(text.len(), |(i, _)| from + i)
    } else {
        let back = (-chars) as usize;
        text[..from]
            .char_indices()
            .rev()
            .nth(back - 1)
            .map_or(0, |(i, _)| i)
    }
}

fn window(text: &str, matches: &[(usize, usize, usize)], max_chars: usize) -> (usize, usize) {
    if text.chars().count() <= max_chars {
        return (0, text.len());
    }
    let mut best: Option<(usize, usize)> = None;
    for (i, m) in matches.iter().enumerate() {
        let limit = step_chars(text, m.0, max_chars as isize);
        let mut seen: Vec<usize> = matches[i..]
            .iter()
            .take_while(|x| x.1 <= limit)
            .map(|x| x.2)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        if best.is_none_or(|(_, count)| seen.len() > count) {
            best = Some((i, seen.len()));
        }
    }
    let Some((anchor, _)) = best else {
        let end = step_chars(text, 0, max_chars as isize);
        return (0, cut_back_to_space(text, 0, end));
    };
    let m = matches[anchor];
    let span_chars = text[m.0..m.1].chars().count();
    if span_chars >= max_chars {
        return (m.0, step_chars(text, m.0, max_chars as isize));
    }
    let before = ((max_chars - span_chars) / 2) as isize;
    let mut start = step_chars(text, m.0, -before);
    if start > 0 {
        start = text[start..m.0].find(char::is_whitespace).map_or(m.0, |i| {
            let after = start + i;
            after + text[after..].chars().next().map_or(0, char::len_utf8)
        });
    }
    let end = step_chars(text, start, max_chars as isize);
    let end = if end < text.len() {
        cut_back_to_space(text, m.1, end)
    } else {
        end
    };
    (start, end)
}

/// The last space at or before `end` (and not before `floor`), or `end` when there is none.
fn cut_back_to_space(text: &str, floor: usize, end: usize) -> usize {
    if end >= text.len() || text[end..].starts_with(char::is_whitespace) {
        return end;
    }
    text[floor..end]
        .rfind(char::is_whitespace)
        .map_or(end, |i| floor + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::news_analyzer;

    fn run(text: &str, query: &str, max: usize) -> (String, Vec<String>) {
        let mut a = news_analyzer();
        let p = plan(query, &mut a);
        let (s, h) = snippet(text, &p, &mut a, max);
        let words = h.iter().map(|[x, y]| s[*x..*y].to_string()).collect();
        (s, words)
    }

    #[test]
    fn phrase_is_one_span_and_lone_words_of_it_are_not_marked() {
        let text = "Strategic talks began. The two signed a strategic partnership on Monday.";
        let (_, words) = run(text, "\"strategic partnership\"", 200);
        assert_eq!(words, vec!["strategic partnership"]);
    }

    #[test]
    fn plain_words_are_each_marked_and_stemmed() {
        let (_, words) = run("Sanctions talks resumed; the talk was short.", "talks", 200);
        assert_eq!(words, vec!["talks", "talk"]);
    }

    #[test]
    fn hyphenated_query_word_matches_as_a_phrase() {
        let (_, words) = run(
            "We will cease operations. A cease-fire holds.",
            "cease-fire",
            200,
        );
        assert_eq!(words, vec!["cease-fire"]);
    }

    #[test]
    fn excluded_and_other_field_words_are_not_marked() {
        let (_, words) = run(
            "Oil and gas sanctions from Putin.",
            "sanctions -oil speaker:putin",
            200,
        );
        assert_eq!(words, vec!["sanctions"]);
    }

    #[test]
    fn window_is_cut_at_spaces_and_contains_the_match() {
        let text = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron \
                    pi rho sigma tau upsilon phi chi psi omega Zürich and more words after it here.";
        for max in [1, 5, 10, 20, 40, 80] {
            let (s, words) = run(text, "Zürich", max);
            assert!(text.contains(&s));
            assert!(
                s.chars().count() <= max.max("Zürich".chars().count()),
                "{max}: {s}"
            );
            if max >= 6 {
                assert_eq!(words, vec!["Zürich"], "{max}: {s}");
            }
            if max >= 20 {
                assert!(
                    !s.starts_with(' ') && text.split(' ').any(|w| s.starts_with(w)),
                    "{max}: {s}"
                );
            }
        }
    }

    #[test]
    fn no_match_gives_the_start_of_the_text() {
        let (s, words) = run("One two three four five six.", "absent", 10);
        assert_eq!(s, "One two");
        assert!(words.is_empty());
    }
}
