//! Checks shared by the fuzz targets: an article's spans are sane and quote extraction keeps its
//! promise (`quote.text == article.text[start..end]`).

use newsquote::article::Article;
use newsquote::quote::extract_quotes;

/// Builds an article from text the way the JSON reader does: paragraphs split on blank lines.
#[allow(dead_code)]
pub fn article_from_text(text: &str) -> Article {
    Article::from_blank_line_paragraphs("fuzz.txt", text)
}

/// Asserts the article's spans lie in its text on character boundaries, then extracts quotes and
/// checks each one slices to its text.
pub fn check_article(article: &Article) {
    let text = &article.text;
    let mut last_end = 0;
    for p in &article.paragraphs {
        assert!(
            p.start <= p.end && p.end <= text.len(),
            "paragraph {p:?} outside text"
        );
        assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        assert!(
            p.start >= last_end,
            "paragraphs overlap or out of order: {p:?}"
        );
        last_end = p.end;
    }
    if let Some(d) = &article.dateline {
        assert!(
            d.start <= d.end && d.end <= text.len(),
            "dateline {d:?} outside text"
        );
    }
    for q in extract_quotes(article) {
        assert!(
            q.start <= q.end && q.end <= text.len(),
            "quote {}..{} outside text",
            q.start,
            q.end
        );
        assert_eq!(
            text.get(q.start..q.end),
            Some(q.text.as_str()),
            "quote does not slice to its text"
        );
        if let Some(m) = &q.mention {
            assert!(m.end <= text.len(), "mention outside text");
        }
    }
}
