//! Inputs that once crashed, hung or blew up a reader or quote extraction, found by the fuzz
//! targets in `fuzz/` (see `fuzz/run.sh`) or by the bad-input tests, kept inline so that each stays
//! fixed. Every case runs the same checks as the fuzz targets, with a time bound.

use std::sync::mpsc;
use std::time::Duration;

use newsquote::article::{self, Article};
use newsquote::quote::extract_quotes;

/// Builds an article from text with paragraphs split on blank lines (as the fuzz target does).
fn article_from_text(text: &str) -> Article {
    Article::from_blank_line_paragraphs("regression.txt", text)
}

/// The fuzz targets' checks: spans inside the text, quotes slice to their text.
fn check_article(article: &Article) {
    let text = &article.text;
    for p in &article.paragraphs {
        assert!(
            p.start <= p.end && p.end <= text.len(),
            "{p:?} outside text"
        );
        assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
    }
    for q in extract_quotes(article) {
        assert!(q.end <= text.len(), "quote outside text");
        assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()));
    }
}

/// Runs `f` on another thread and fails when it takes longer than `secs`.
fn within(secs: u64, what: &str, f: impl FnOnce() + Send + 'static) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        f();
        let _ = tx.send(());
    });
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(()) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: still running after {secs} s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

fn text_case(bytes: &'static [u8]) {
    if let Ok(a) = article::text::read_text("case.txt", bytes, &mut |_| {}) {
        check_article(&a);
    }
}

fn json_case(bytes: Vec<u8>) {
    let mut articles = Vec::new();
    let _ = article::json::read_json("case.json", &bytes, &mut |a| articles.push(a), &mut |_| {});
    for a in &articles {
        check_article(a);
    }
}

fn html_case(bytes: Vec<u8>) {
    if let Ok(a) = article::html::read_html("case.html", &bytes, &mut |_| {}) {
        check_article(&a);
    }
}

fn quotes_case(text: &str) {
    check_article(&article_from_text(text));
}

/// 100k nested `<div>`s: html5ever's tree builder scans the open-element stack for every start
/// tag (`close_p_element_in_button_scope` → `in_scope_named`), quadratic in depth: about 80 s of
/// CPU in `article::html::read_html` → `parse_html` → `Document::from`. The reader should refuse
/// or flatten pages nested deeper than browsers render (a few hundred levels).
#[test]
fn html_100k_nested_divs_in_bounded_time() {
    let n = 100_000;
    let page = format!(
        "<html><body>{}<p>\"Deep,\" said Ann Lee.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    within(20, "read_html on 100k nested <div>", move || {
        html_case(page.into_bytes())
    });
}

/// serde_json's recursion limit turns 100k `[` into an error, not a stack overflow.
#[test]
fn json_100k_nested_arrays() {
    within(20, "read_json on 100k nested [", || {
        json_case(vec![b'['; 100_000])
    });
}

#[test]
fn empty_and_tiny_inputs() {
    for bytes in [
        &b""[..],
        b"\"",
        b"\xef\xbb\xbf",
        b"\n\n\n",
        b"\xff",
        b"\"\"\n\n\"",
    ] {
        text_case(bytes);
        json_case(bytes.to_vec());
        html_case(bytes.to_vec());
        quotes_case(&String::from_utf8_lossy(bytes));
    }
}
