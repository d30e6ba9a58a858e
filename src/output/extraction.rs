//! The extraction format of `extract --json` (the shared `eval/FORMAT.md`): one object per article.

use crate::article::Article;
use crate::quote::Quote;
use serde_json::{json, Value};

/// One article and its quotes as a JSON object: `path`, `title`, `source`, `url`, `date`
/// (`YYYY-MM-DD` or null), `location`, `quotes[]` (`text`, `kind`, `start`, `end` as UTF-8 byte
/// offsets into the article text, `speaker`, `mention {text,start,end}`, `cue`), and `body` (the
/// paragraphs joined by a blank line) when `with_body` is set.
pub fn extraction_json(article: &Article, quotes: &[Quote], with_body: bool) -> Value {
    let quotes: Vec<Value> = quotes
        .iter()
        .map(|q| {
            json!({
                "text": q.text,
                "kind": q.kind.as_str(),
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker,
                "mention": q.mention,
                "cue": q.cue,
            })
        })
        .collect();
    let mut object = json!({
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "date": article.published.map(|d| d.to_string()),
        "location": article.location,
        "quotes": quotes,
    });
    if with_body {
        let body: Vec<&str> = article
            .paragraphs
            .iter()
            .map(|p| article.paragraph_text(p))
            .collect();
        object["body"] = Value::String(body.join("\n\n"));
    }
    object
}

/// The same article as a few human-readable lines: metadata, then one line per quote.
pub fn extraction_text(article: &Article, quotes: &[Quote]) -> String {
    let mut out = String::new();
    let date = article
        .published
        .map(|d| d.to_string())
        .unwrap_or_else(|| "no date".into());
    out.push_str(&format!(
        "{}\n  title: {}\n  source: {} | date: {} | location: {}\n  {} quotes\n",
        article.path,
        article.title.as_deref().unwrap_or("-"),
        article.source.as_deref().unwrap_or("-"),
        date,
        article.location.as_deref().unwrap_or("-"),
        quotes.len()
    ));
    for q in quotes {
        out.push_str(&format!(
            "  [{}] {} ({}): {}\n",
            q.kind.as_str(),
            q.speaker.as_deref().unwrap_or("unnamed"),
            q.cue.as_deref().unwrap_or("-"),
            q.text.replace('\n', " ")
        ));
    }
    out
}
