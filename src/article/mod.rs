//! Reading articles: one file in, one or more [`Article`]s out (a JSONL file holds many).
//!
//! Nothing here knows about quotes or Tantivy. Each input form has its own module; dates, datelines,
//! boilerplate and encodings are shared parts.

use std::path::Path;

pub mod boilerplate;
pub mod date;
pub mod dateline;
pub mod decode;
pub mod text;

/// One paragraph of an article's body: a byte span of [`Article::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte offset of the first character in [`Article::text`].
    pub start: usize,
    /// Byte offset one past the last character in [`Article::text`].
    pub end: usize,
}

/// One news article as read from a file, with its metadata and its body.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The file as given or found while walking; for a JSONL file `path#N` with N the 1-based line.
    pub path: String,
    /// Headline, without a " - Site Name" suffix.
    pub title: Option<String>,
    /// Publisher, e.g. "Sputnik International".
    pub source: Option<String>,
    /// Canonical URL when the input gives one.
    pub url: Option<String>,
    /// Publication date (calendar date as printed by the publisher; no time zone conversion).
    pub published: Option<jiff::civil::Date>,
    /// Dateline city, or the place of the reported event when the lede states it plainly.
    pub location: Option<String>,
    /// The decoded text all byte offsets refer to: for `.txt` the decoded file itself; for HTML and
    /// JSON the main text the reader extracted, paragraphs separated by a blank line.
    pub text: String,
    /// Body paragraphs (title line included when it is part of `text`), boilerplate left out,
    /// in text order, non-overlapping.
    pub paragraphs: Vec<Paragraph>,
    /// The dateline ("GENEVA, March 3 (Newswire) — ") at the start of a body paragraph: its byte
    /// span in `text`, separator and trailing spaces included. Quote finders skip it.
    pub dateline: Option<Paragraph>,
    /// Authors from the input's metadata (JSON `authors`, HTML `author` meta, JSON-LD); the
    /// byline's names, never a location.
    pub authors: Vec<String>,
}

impl Article {
    /// The text of one paragraph.
    pub fn paragraph_text(&self, p: &Paragraph) -> &str {
        &self.text[p.start..p.end]
    }
}

/// Why a file or a record could not be read. Every variant names the file (or `path#line`).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Invalid { path: String, reason: String },
}

/// Reads every article in one file and hands each to `on_article`, with a non-fatal warning per
/// record or file (lossy decoding, a bad JSONL line) to `on_warning`.
///
/// The input form is chosen by extension: `.txt` (and anything else that is text) goes to the
/// plain-text reader. Errors: [`ReadError`] when the file as a whole cannot be read (unreadable,
/// empty, binary).
pub fn read_file(
    path: &Path,
    on_article: &mut dyn FnMut(Article),
    on_warning: &mut dyn FnMut(String),
) -> Result<(), ReadError> {
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let article = text::read_text(&path.display().to_string(), &bytes, on_warning)?;
    on_article(article);
    Ok(())
}

/// Whether a file found while walking a folder is one newsquote reads (by extension).
pub fn is_supported(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt")
    )
}
