//! The plain-text reader: a saved copy of a news page (the seed's form) or a "title line, blank
//! line, body" file (BBC, PolNeAR).
//!
//! - `text` is the decoded file itself (see [`super::decode`]): for valid UTF-8, byte for byte, BOM and
//!   non-breaking spaces included, so every paragraph span slices the file. NBSPs become spaces only
//!   in the title, source and location.
//! - Paragraphs are lines (trimmed); in a hard-wrapped file (most lines 55–100 bytes, none longer than
//!   100) they are blocks separated by blank lines. Boilerplate lines ([`super::boilerplate`]), site stamps
//!   ("- Sputnik International, 1920"), date-only lines and lines in another script than the article's
//!   are left out of `paragraphs` (they stay in `text`).
//! - Title: the first remaining line when it is headline-like (at most 30 words and 300 bytes, no
//!   dateline, not a "…, he said." sentence) and is followed by a blank line, or by one short deck
//!   line and then a blank line (PolNeAR's "Headline; \n Deck.").
//!   It stays in `paragraphs` as the first paragraph.
//! - Source: a site stamp, else the agency of the dateline. Date: a date-only line (a publication
//!   stamp before an update stamp), else the stamp's date, else the dateline's. Location: the dateline
//!   city in the first three body paragraphs, else [`super::dateline::lede_place`] there.

use super::boilerplate::{self, clean};
use super::dateline;
use super::decode;
use super::{Article, Paragraph, ReadError};
use regex::Regex;
use std::sync::LazyLock;

/// Reads a plain-text article from raw bytes.
///
/// Errors: [`ReadError::Invalid`] with reason "empty file" or "binary data, not text". Invalid
/// UTF-8 is decoded (lossily or as a legacy encoding) with one warning `path: reason`.
pub fn read_text(
    path: &str,
    bytes: &[u8],
    on_warning: &mut dyn FnMut(String),
) -> Result<Article, ReadError> {
    let decoded = decode::decode(bytes, None).map_err(|e| ReadError::Invalid {
        path: path.to_string(),
        reason: e.reason().to_string(),
    })?;
    if let Some(note) = &decoded.note {
        on_warning(format!("{path}: {note}"));
    }
    let mut article = parse_text(decoded.text);
    article.path = path.to_string();
    Ok(article)
}

/// One line of the file: its trimmed byte span, or `None` for a blank line.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

fn lines(text: &str) -> Vec<Option<Line>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let lead = body.len()
            - body
                .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                .len();
        let trimmed = body
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .trim_end();
        if trimmed.is_empty() {
            out.push(None);
        } else {
            out.push(Some(Line {
                start: offset + lead,
                end: offset + lead + trimmed.len(),
            }));
        }
        offset += raw.len();
    }
    out
}

/// Scripts told apart for the stray-line rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Cjk,
    Other,
}

fn script(c: char) -> Script {
    match c as u32 {
        0x41..=0x24f | 0x1e00..=0x1eff => Script::Latin,
        0x370..=0x3ff => Script::Greek,
        0x400..=0x52f => Script::Cyrillic,
        0x590..=0x5ff => Script::Hebrew,
        0x600..=0x6ff | 0x750..=0x77f => Script::Arabic,
        0x3040..=0x30ff | 0x3400..=0x9fff | 0xac00..=0xd7af => Script::Cjk,
        _ => Script::Other,
    }
}

fn script_counts(s: &str) -> Vec<(Script, usize)> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        let k = script(c);
        match counts.iter_mut().find(|(s, _)| *s == k) {
            Some(e) => e.1 += 1,
            None => counts.push((k, 1)),
        }
    }
    counts
}

fn dominant(s: &str) -> Option<(Script, f64)> {
    let counts = script_counts(s);
    let total: usize = counts.iter().map(|c| c.1).sum();
    counts
        .iter()
        .max_by_key(|c| c.1)
        .map(|&(k, n)| (k, n as f64 / total.max(1) as f64))
}

static SAID_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[,"”]\s*(?:\p{L}+\s+){0,4}(?:said|says|told|added|stated|wrote)\b[^.]*\.$"#)
        .expect("said regex")
});

/// Builds an [`Article`] (without `path`) from decoded text; see the module docs.
pub fn parse_text(text: String) -> Article {
    let all = lines(&text);
    let line_str = |l: &Line| &text[l.start..l.end];

    // Article script, for the stray-line rule.
    let main_script = dominant(&text)
        .filter(|&(_, share)| share >= 0.8)
        .map(|(s, _)| s);

    let mut source: Option<String> = None;
    let mut stamp_date = None;
    let mut published = None;
    let mut updated = None;
    // Which lines are body lines.
    let mut keep = vec![false; all.len()];
    for (i, l) in all.iter().enumerate() {
        let Some(l) = l else { continue };
        let s = line_str(l);
        if let Some(stamp) = boilerplate::site_stamp(s) {
            source.get_or_insert(stamp.source);
            if stamp_date.is_none() {
                stamp_date = stamp.date;
            }
            continue;
        }
        // Date lines first: a labelled one ("Date: June 3, 2024") is also boilerplate, but its
        // date is the article's.
        if let Some((d, is_update)) = boilerplate::date_line(s) {
            let slot = if is_update {
                &mut updated
            } else {
                &mut published
            };
            slot.get_or_insert(d);
            continue;
        }
        if boilerplate::is_boilerplate(s).is_some() {
            continue;
        }
        if let Some(main) = main_script {
            if let Some((k, share)) = dominant(s) {
                let letters: usize = script_counts(s).iter().map(|c| c.1).sum();
                if k != main && share >= 0.5 && letters >= 3 {
                    continue;
                }
            }
        }
        keep[i] = true;
    }

    // Hard-wrapped file: paragraphs are blocks of consecutive kept lines.
    let kept: Vec<Line> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| keep[*i])
        .filter_map(|(_, l)| *l)
        .collect();
    let wrapped = kept.len() >= 5 && {
        let long = kept.iter().filter(|l| l.end - l.start >= 55).count();
        kept.iter().all(|l| l.end - l.start <= 100) && long * 2 >= kept.len()
    };
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut prev_kept = false;
    for (i, l) in all.iter().enumerate() {
        match l {
            Some(l) if keep[i] => {
                if wrapped && prev_kept {
                    if let Some(p) = paragraphs.last_mut() {
                        p.end = l.end;
                    }
                } else {
                    paragraphs.push(Paragraph {
                        start: l.start,
                        end: l.end,
                    });
                }
                prev_kept = true;
            }
            Some(_) => prev_kept = false,
            None => prev_kept = false,
        }
    }
    // `blank_follows[i]`: a blank line follows paragraph i (before the next one), or it is the last.
    let mut blank_follows = vec![false; paragraphs.len()];
    for (i, p) in paragraphs.iter().enumerate() {
        let next_start = paragraphs.get(i + 1).map(|q| q.start).unwrap_or(text.len());
        let between = &text[p.end..next_start];
        blank_follows[i] = between.matches('\n').count() >= 2 || i + 1 == paragraphs.len();
    }

    // Title.
    let mut title = None;
    let mut body_from = 0;
    if let Some(first) = paragraphs.first() {
        let s = &text[first.start..first.end];
        let c = clean(s);
        let headline_like = c.split_whitespace().count() <= 30
            && c.len() <= 300
            && dateline::parse(&c).is_none()
            && !SAID_SENTENCE.is_match(&c)
            && !c.ends_with(':')
            && !c.ends_with(',');
        // A deck (standfirst) line may follow the headline before the blank line.
        let deck = paragraphs.len() > 2
            && !blank_follows[0]
            && blank_follows[1]
            && clean(&text[paragraphs[1].start..paragraphs[1].end])
                .split_whitespace()
                .count()
                <= 30;
        if paragraphs.len() > 1 && headline_like && (blank_follows[0] || deck) {
            title = Some(c.trim_end_matches([';', ' ']).to_string());
            body_from = 1;
        }
    }

    // Dateline and location in the first three body paragraphs.
    let (location, found) = dateline::locate(&text, &paragraphs[body_from..]);
    let (dateline_span, dateline_date, agency) = match found {
        Some((d, span)) => (Some(span), d.date, d.agency),
        None => (None, None, None),
    };
    let source = source.or(agency).map(|s| clean(&s));
    let published = published.or(stamp_date).or(dateline_date).or(updated);
    Article {
        title,
        source,
        published,
        location,
        dateline: dateline_span,
        paragraphs,
        text,
        ..Default::default()
    }
}
