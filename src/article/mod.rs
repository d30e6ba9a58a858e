//! Reading articles: one file in, one or more [`Article`]s out (a JSONL file holds many).
//!
//! Nothing here knows about quotes or Tantivy. Each input form has its own module; dates, datelines,
//! boilerplate and encodings are shared parts.

use std::path::Path;

pub mod boilerplate;
pub mod date;
pub mod dateline;
pub mod decode;
pub mod html;
pub mod json;
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
    /// An article whose paragraphs are the blocks of `text` separated by a blank line (`"\n\n"`),
    /// each trimmed of surrounding whitespace; no title, date or boilerplate detection. For tests and
    /// fuzz targets that need extraction input without a reader's rules.
    pub fn from_blank_line_paragraphs(path: &str, text: &str) -> Article {
        let mut paragraphs = Vec::new();
        let mut pos = 0;
        for chunk in text.split("\n\n") {
            let lead = chunk.len() - chunk.trim_start().len();
            let trimmed = chunk.trim();
            if !trimmed.is_empty() {
                let start = pos + lead;
                paragraphs.push(Paragraph {
                    start,
                    end: start + trimmed.len(),
                });
            }
            pos += chunk.len() + 2;
        }
        Article {
            path: path.to_string(),
            text: text.to_string(),
            paragraphs,
            ..Article::default()
        }
    }

    /// An article with one paragraph per non-empty line of `text` (byte spans without the line's
    /// leading and trailing whitespace), as the plain-text reader splits a body; no title, date or
    /// boilerplate detection. For tests and scorers that measure quote extraction alone.
    pub fn from_line_paragraphs(path: &str, text: &str) -> Article {
        let mut paragraphs = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let trimmed_end = line.trim_end();
            let lead = trimmed_end.len() - trimmed_end.trim_start().len();
            if !trimmed_end.trim().is_empty() {
                paragraphs.push(Paragraph {
                    start: offset + lead,
                    end: offset + trimmed_end.len(),
                });
            }
            offset += line.len();
        }
        Article {
            path: path.to_string(),
            text: text.to_string(),
            paragraphs,
            ..Article::default()
        }
    }

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

/// The input forms, chosen by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `.txt`, `.text`: the plain-text reader.
    Text,
    /// `.json`: one article, or an array of articles.
    Json,
    /// `.jsonl`, `.ndjson`: one article per line, streamed.
    JsonLines,
    /// `.html`, `.htm`, `.xhtml`, `.shtml`: a saved page.
    Html,
}

/// The form of a file and whether it is gzipped, from its name: `x.jsonl.gz` is
/// `(JsonLines, true)`; a bare `x.gz` is taken as HTML (the web-archive habit, as in
/// `../shared/data/html/adbar`). `None` for any other name.
pub fn form_of(path: &Path) -> Option<(Form, bool)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (stem, gz) = match name.strip_suffix(".gz") {
        Some(s) => (s, true),
        None => (name.as_str(), false),
    };
    let ext = stem.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let form = match ext {
        "txt" | "text" => Form::Text,
        "json" => Form::Json,
        "jsonl" | "ndjson" => Form::JsonLines,
        "html" | "htm" | "xhtml" | "shtml" => Form::Html,
        _ if gz => Form::Html,
        _ => return None,
    };
    Some((form, gz))
}

/// Reads every article in one file and hands each to `on_article`, with a non-fatal warning per
/// record or file (lossy decoding, a bad JSONL line, a record without text) to `on_warning`, as
/// one line `path: reason` or `path#N: reason`.
///
/// The input form comes from the name ([`form_of`]); `.gz` files are decompressed on the fly
/// (JSON Lines and top-level JSON arrays streamed, never read whole). Errors: [`ReadError`] when the file as a whole cannot
/// be read: unreadable, empty, binary, invalid JSON (with line and column), a single JSON record
/// without text, a corrupt gzip stream.
pub fn read_file(
    path: &Path,
    on_article: &mut dyn FnMut(Article),
    on_warning: &mut dyn FnMut(String),
) -> Result<(), ReadError> {
    let name = path.display().to_string();
    let io = |source: std::io::Error| ReadError::Io {
        path: name.clone(),
        source,
    };
    let (form, gz) = form_of(path).unwrap_or((Form::Text, false));
    let file = std::fs::File::open(path).map_err(io)?;
    if matches!(form, Form::JsonLines | Form::Json) {
        let reader: Box<dyn std::io::BufRead> = if gz {
            Box::new(std::io::BufReader::with_capacity(
                1 << 16,
                flate2::read::MultiGzDecoder::new(file),
            ))
        } else {
            Box::new(std::io::BufReader::with_capacity(1 << 16, file))
        };
        return if form == Form::Json {
            json::read_json_reader(&name, reader, on_article, on_warning)
        } else {
            json::read_jsonl(&name, reader, on_article, on_warning)
        };
    }
    let mut bytes = Vec::new();
    {
        use std::io::Read;
        if gz {
            flate2::read::MultiGzDecoder::new(file)
                .read_to_end(&mut bytes)
                .map_err(io)?;
        } else {
            let mut file = file;
            file.read_to_end(&mut bytes).map_err(io)?;
        }
    }
    match form {
        Form::Text => {
            let article = text::read_text(&name, &bytes, on_warning)?;
            on_article(article);
        }
        Form::Html => {
            let article = html::read_html(&name, &bytes, on_warning)?;
            on_article(article);
        }
        Form::Json | Form::JsonLines => unreachable!("streamed above"),
    }
    Ok(())
}

/// Whether a file found while walking a folder is one newsquote reads (by name, see [`form_of`]).
pub fn is_supported(path: &Path) -> bool {
    form_of(path).is_some()
}

/// Joins paragraph texts into an article text, a blank line between paragraphs, and returns the
/// text with each paragraph's byte span. Hover cards glued into a paragraph are cut
/// ([`boilerplate::strip_hover_cards`]). Paragraphs that are boilerplate
/// ([`boilerplate::is_boilerplate`]) are left out of the text, so that the text is exactly the
/// body `extract --body` prints and every offset slices it (with them kept in the text, a quote
/// after a dropped line was off by that line's length: 518 of 3,717 quotes in 300 allsides
/// articles).
pub fn join_paragraphs(paras: &[String]) -> (String, Vec<Paragraph>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for p in paras {
        let stripped = boilerplate::strip_hover_cards(p);
        let p = stripped.as_deref().unwrap_or(p);
        if boilerplate::is_boilerplate(p).is_some() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(p);
        spans.push(Paragraph {
            start,
            end: text.len(),
        });
    }
    (text, spans)
}
