//! The JSON readers: one article per `.json` file, an array of articles (or a news API response
//! with an `articles`/`data`/`items`/`results` array), and JSON Lines (`.jsonl`, `.ndjson`) read
//! line by line, so a 2 GB dump is never held in memory; a top-level array is streamed entry by
//! entry ([`stream_array`]). Any of these may be gzipped (`.gz`).
//!
//! Field names mapped (first present non-empty value wins; checked on `../shared/data/allsides`
//! and `../shared/data/newsplease`):
//!
//! | Article field | JSON keys |
//! |---|---|
//! | text | `maintext`, `text`, `content_original`, `articleBody`, `article_body`, `body`, `content`, `full_text`, `article`, `story` |
//! | title | `title`, `headline`, `title_page`, `title_rss`, `name` |
//! | published | `date_publish`, `datePublished`, `date_published`, `published_at`, `publishedAt`, `published`, `publish_date`, `pubDate`, `date`, `created_at` |
//! | source | `source`, `source_name`, `publisher`, `site_name`, `siteName`, `outlet`, `source_domain`, `domain` (a `{name}` object is read too) |
//! | url | `url`, `link`, `canonical_url`, `canonicalUrl`, `webUrl` |
//! | authors | `authors`, `author`, `byline`, `creator` (string, list of strings, or objects with `name`) |
//! | location | `location`, `dateline`, else the dateline of the text |
//!
//! The text is split into paragraphs at line breaks and joined again with a blank line between
//! paragraphs, so `text` is what `--body` prints. Text that is HTML (`<p>` tags) is reduced to
//! its paragraphs. Tokenised text with `` and '' quote marks (AllSides `content`) gets curly marks.
//! A record without text is a warning `path#N: no text`; a line that is not JSON is a warning
//! `path#N: invalid JSON: …`, and reading goes on. `N` is the 1-based line (JSONL) or the 1-based
//! position in the array.

use super::Article;
use super::{date, dateline, ReadError};
use serde_json::Value;
use std::io::BufRead;

const TEXT_KEYS: &[&str] = &[
    "maintext",
    "text",
    "content_original",
    "articleBody",
    "article_body",
    "body",
    "content",
    "full_text",
    "article",
    "story",
];
const TITLE_KEYS: &[&str] = &["title", "headline", "title_page", "title_rss", "name"];
const DATE_KEYS: &[&str] = &[
    "date_publish",
    "datePublished",
    "date_published",
    "published_at",
    "publishedAt",
    "published",
    "publish_date",
    "pubDate",
    "date",
    "created_at",
];
const SOURCE_KEYS: &[&str] = &[
    "source",
    "source_name",
    "publisher",
    "site_name",
    "siteName",
    "outlet",
    "source_domain",
    "domain",
];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url", "canonicalUrl", "webUrl"];
const AUTHOR_KEYS: &[&str] = &["authors", "author", "byline", "creator"];

/// A string from a JSON value: a string, a number, or an object's `name`/`title`/`text`.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => ["name", "title", "text", "value", "@value"]
            .iter()
            .find_map(|k| o.get(*k).and_then(as_text)),
        Value::Array(a) => a.iter().find_map(as_text),
        _ => None,
    }
    .map(|s| s.trim().to_string())
    .filter(|s| !s.is_empty())
}

fn first(obj: &serde_json::Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| obj.get(*k).and_then(as_text))
}

fn authors(obj: &serde_json::Map<String, Value>) -> Vec<String> {
    for k in AUTHOR_KEYS {
        let Some(v) = obj.get(*k) else { continue };
        let names: Vec<String> = match v {
            Value::Array(a) => a.iter().filter_map(as_text).collect(),
            Value::String(s) => s
                .split([',', ';'])
                .flat_map(|p| p.split(" and "))
                .map(|p| p.trim().trim_start_matches("By ").trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
            other => as_text(other).into_iter().collect(),
        };
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// Reads one JSON object as an article. `Err` carries the reason ("no text").
pub fn article_from_value(path: &str, v: &Value) -> Result<Article, String> {
    let Value::Object(obj) = v else {
        return Err("not a JSON object".to_string());
    };
    let raw = first(obj, TEXT_KEYS).ok_or_else(|| "no text".to_string())?;
    let paras = split_paragraphs(&raw);
    if paras.is_empty() {
        return Err("no text".to_string());
    }
    let (text, paragraphs) = super::join_paragraphs(&paras);
    let url = first(obj, URL_KEYS).filter(|u| u.contains('/') || u.contains('.'));
    let published = DATE_KEYS
        .iter()
        .find_map(|k| obj.get(*k).and_then(date_of))
        .or_else(|| url.as_deref().and_then(date::from_url));
    let source = first(obj, SOURCE_KEYS).map(|s| {
        let s = super::boilerplate::clean(&s);
        s.strip_prefix("www.").map(str::to_string).unwrap_or(s)
    });
    let (mut location, found) = dateline::locate(&text, &paragraphs);
    if let Some(l) = first(obj, &["location", "dateline"]) {
        location = Some(dateline::normalise_place(&l));
    }
    Ok(Article {
        path: path.to_string(),
        title: first(obj, TITLE_KEYS).map(|t| super::boilerplate::clean(&t)),
        source,
        url,
        published,
        location,
        dateline: found.map(|(_, span)| span),
        authors: authors(obj),
        paragraphs,
        text,
    })
}

/// A date from a JSON value: a string in any form [`date::parse_value`] reads (plus `9/6/17`,
/// month first with a two-digit year, as in AllSides), a Unix timestamp, or a `{$date}` object.
fn date_of(v: &Value) -> Option<jiff::civil::Date> {
    match v {
        Value::Number(n) => n.as_i64().and_then(date::from_timestamp),
        Value::String(s) => date::parse_value(s).or_else(|| date::short_us(s)),
        Value::Object(o) => o.get("$date").and_then(date_of),
        _ => None,
    }
}

/// Paragraphs of a text field: lines, trimmed, empty ones dropped; HTML reduced to its text.
pub fn split_paragraphs(raw: &str) -> Vec<String> {
    let raw = if looks_like_html(raw) {
        super::html::html_fragment_text(raw)
    } else {
        raw.to_string()
    };
    let detok = raw.contains("``") && raw.contains("''");
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            if detok {
                l.replace("`` ", "“")
                    .replace("``", "“")
                    .replace(" ''", "”")
                    .replace("''", "”")
            } else {
                l.to_string()
            }
        })
        .collect()
}

fn looks_like_html(s: &str) -> bool {
    let lower = s.get(..s.len().min(2000)).unwrap_or(s).to_ascii_lowercase();
    lower.contains("<p>")
        || lower.contains("<p ")
        || lower.contains("<br")
        || lower.contains("</div>")
}

/// Reads a whole `.json` document: an object, an array of objects, or an object with an
/// `articles`/`data`/`items`/`results` array. A document with trailing values is read as JSON Lines.
pub fn read_json(
    path: &str,
    bytes: &[u8],
    on_article: &mut dyn FnMut(Article),
    on_warning: &mut dyn FnMut(String),
) -> Result<(), ReadError> {
    let invalid = |reason: String| ReadError::Invalid {
        path: path.to_string(),
        reason,
    };
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(invalid("empty file".to_string()));
    }
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e)
            if e.classify() == serde_json::error::Category::Syntax
                && e.to_string().starts_with("trailing") =>
        {
            return read_jsonl(path, std::io::Cursor::new(bytes), on_article, on_warning);
        }
        Err(e) => {
            return Err(invalid(format!(
                "invalid JSON at line {}:{}: {}",
                e.line(),
                e.column(),
                short(&e)
            )))
        }
    };
    let list = match &value {
        Value::Array(a) => Some(a),
        Value::Object(o) if first(o, TEXT_KEYS).is_none() => {
            ["articles", "data", "items", "results", "documents"]
                .iter()
                .find_map(|k| o.get(*k).and_then(Value::as_array))
        }
        _ => None,
    };
    match list {
        Some(items) => {
            let mut any = false;
            for (i, item) in items.iter().enumerate() {
                let p = format!("{path}#{}", i + 1);
                match article_from_value(&p, item) {
                    Ok(a) => {
                        any = true;
                        on_article(a);
                    }
                    Err(reason) => on_warning(format!("{p}: {reason}")),
                }
            }
            if !any && items.is_empty() {
                return Err(invalid("no articles".to_string()));
            }
            Ok(())
        }
        None => {
            let a = article_from_value(path, &value).map_err(invalid)?;
            on_article(a);
            Ok(())
        }
    }
}

/// Reads a `.json` file from a reader. A top-level array is streamed: its entries are
/// deserialized one at a time ([`stream_array`]), so a file of 20,000 articles never sits in
/// memory whole. Anything else (one article, a news API page with an `articles` array, or
/// JSON Lines saved as `.json`) is read whole and handed to [`read_json`]: those are one
/// record or one API page, small by nature.
///
/// Errors: as [`read_json`]; for a streamed array, invalid JSON inside it ends the file with
/// its line and column after the entries before it were handed on, and an I/O error (a corrupt
/// gzip stream) is [`ReadError::Io`].
pub fn read_json_reader(
    path: &str,
    mut reader: impl BufRead,
    on_article: &mut dyn FnMut(Article),
    on_warning: &mut dyn FnMut(String),
) -> Result<(), ReadError> {
    let io = |source: std::io::Error| ReadError::Io {
        path: path.to_string(),
        source,
    };
    // Skip a byte-order mark and leading whitespace to see the first byte.
    let mut at_start = true;
    let first = loop {
        let buf = reader.fill_buf().map_err(io)?;
        if buf.is_empty() {
            break None;
        }
        if at_start && buf.starts_with(b"\xef\xbb\xbf") {
            reader.consume(3);
            at_start = false;
            continue;
        }
        at_start = false;
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                let b = buf[i];
                reader.consume(i);
                break Some(b);
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    };
    if first == Some(b'[') {
        return stream_array(path, reader, on_article, on_warning);
    }
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(io)?;
    read_json(path, &bytes, on_article, on_warning)
}

/// Streams a JSON array of articles: serde_json's `Deserializer` drives a `SeqAccess` visitor
/// that deserializes one entry, hands it on (or warns `path#N: reason`, `N` 1-based) and drops
/// it before reading the next. Memory is one entry plus the reader's buffer. Trailing data
/// after the array is a warning. Errors: invalid JSON (with line and column), an empty array
/// ("no articles"), an I/O error.
pub fn stream_array(
    path: &str,
    reader: impl std::io::Read,
    on_article: &mut dyn FnMut(Article),
    on_warning: &mut dyn FnMut(String),
) -> Result<(), ReadError> {
    use serde::de::Deserializer as _;
    let mut de = serde_json::Deserializer::from_reader(reader);
    let visitor = EntryVisitor {
        path,
        on_article,
        on_warning: &mut *on_warning,
    };
    let entries = de
        .deserialize_seq(visitor)
        .map_err(|e| json_error(path, e))?;
    if let Err(e) = de.end() {
        on_warning(format!(
            "{path}: data after the array at line {}:{} ignored",
            e.line(),
            e.column()
        ));
    }
    if entries == 0 {
        return Err(ReadError::Invalid {
            path: path.to_string(),
            reason: "no articles".to_string(),
        });
    }
    Ok(())
}

/// A serde_json error as a [`ReadError`]: I/O errors as `Io`, the rest as `Invalid` with the
/// line and column.
fn json_error(path: &str, e: serde_json::Error) -> ReadError {
    if e.is_io() {
        return ReadError::Io {
            path: path.to_string(),
            source: e.into(),
        };
    }
    ReadError::Invalid {
        path: path.to_string(),
        reason: format!(
            "invalid JSON at line {}:{}: {}",
            e.line(),
            e.column(),
            short(&e)
        ),
    }
}

/// The visitor of [`stream_array`]: reads the entries of one array, returns how many there were.
struct EntryVisitor<'a> {
    path: &'a str,
    on_article: &'a mut dyn FnMut(Article),
    on_warning: &'a mut dyn FnMut(String),
}

impl<'de> serde::de::Visitor<'de> for EntryVisitor<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of articles")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut n = 0usize;
        while let Some(v) = seq.next_element::<Value>()? {
            n += 1;
            let p = format!("{}#{n}", self.path);
            match article_from_value(&p, &v) {
                Ok(a) => (self.on_article)(a),
                Err(reason) => (self.on_warning)(format!("{p}: {reason}")),
            }
        }
        Ok(n)
    }
}

fn short(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Reads JSON Lines from a buffered reader, one article per line, streaming. Blank lines are
/// skipped; a bad line or a record without text is a warning `path#N: reason`. Errors: only an
/// I/O error (including a corrupt gzip stream) ends the file.
pub fn read_jsonl(
    path: &str,
    mut reader: impl BufRead,
    on_article: &mut dyn FnMut(Article),
    on_warning: &mut dyn FnMut(String),
) -> Result<(), ReadError> {
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        buf.clear();
        let read = reader
            .read_until(b'\n', &mut buf)
            .map_err(|source| ReadError::Io {
                path: format!("{path}#{}", n + 1),
                source,
            })?;
        if read == 0 {
            break;
        }
        n += 1;
        let mut line: &[u8] = &buf;
        if n == 1 {
            line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
        }
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let p = format!("{path}#{n}");
        match serde_json::from_slice::<Value>(line) {
            Ok(v) => match article_from_value(&p, &v) {
                Ok(a) => on_article(a),
                Err(reason) => on_warning(format!("{p}: {reason}")),
            },
            Err(e) => on_warning(format!(
                "{p}: invalid JSON at column {}: {}",
                e.column(),
                short(&e)
            )),
        }
    }
    Ok(())
}
