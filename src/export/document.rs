//! One exported passage: the stored fields of an index document, under the schema's field names,
//! in the JSON shape every format starts from.

use serde::Serialize;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use crate::index::schema::{facet_key, hex_id, name_key, Fields, NARRATION_KIND};
use crate::index::PassageIds;

/// A passage as exported. Absent values are left out of the JSON (never `null`).
///
/// Field names are those of [`crate::index::schema`]; `file` (a path on the indexing machine) is
/// not exported.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ExportDoc {
    /// 16 hex digits, stable across runs (hash of article text, span and kind).
    pub passage_id: String,
    /// 16 hex digits shared by copies of one quote across articles (words, case and marks
    /// normalised): for grouping syndicated copies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passage_key: Option<String>,
    /// 16 hex digits: hash of the article text. Shards split on it.
    pub article_id: String,
    /// `direct`, `mixed`, `indirect` or `narration`.
    pub kind: String,
    pub text: String,
    /// The quote text (equal to `text` for a quote; absent for narration).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The search forms of the speaker's names, as newsquote indexes them ([`name_key`]: runs of
    /// a doubled letter collapsed, "Zelenskyy" → "Zelensky"): canonical name first, then the
    /// aliases the index stored (possibly none). Name-analyzed in every engine; a query on it
    /// should pass the name through [`name_key`] too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub speaker: Vec<String>,
    /// Canonical name as one value: facets, `GROUP BY`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_exact: Option<String>,
    /// The key `newsquote speakers` counts under ([`facet_key`]: first and last word of the
    /// name, lower-cased), so that "George W. Bush" and "George Bush" are one speaker: facets,
    /// `GROUP BY`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_facet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Publication date, RFC 3339 at UTC midnight: `2024-06-19T00:00:00Z`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Publisher as one value (equal to `source`): facets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_exact: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The article's path as shown to users (`path#N` for a JSONL record).
    pub path: String,
    /// 1-based line of the passage in the article text.
    pub line: u64,
    /// Byte offsets of the passage in the article text.
    pub start: u64,
    pub end: u64,
    /// Seconds since the epoch of `date` (not serialized; for formats that want a number).
    #[serde(skip)]
    pub date_seconds: Option<i64>,
}

impl ExportDoc {
    /// Reads a passage from its stored document.
    pub fn from_stored(f: &Fields, doc: &TantivyDocument, ids: PassageIds) -> ExportDoc {
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let kind = text(f.kind).unwrap_or_default();
        let passage_text = text(f.text).or_else(|| text(f.quote)).unwrap_or_default();
        let speaker_exact = text(f.speaker_exact);
        // `speaker` holds the canonical name and the aliases; it is stored only by schemas that
        // chose to. Without it, the canonical name is all there is.
        let mut speaker: Vec<String> = speaker_exact.iter().map(|s| name_key(s)).collect();
        for stored in doc.get_all(f.speaker).filter_map(|v| v.as_str()) {
            let key = name_key(stored);
            if !speaker.contains(&key) {
                speaker.push(key);
            }
        }
        let date_seconds = ids.date.map(|d| d.into_timestamp_secs());
        let source = text(f.source);
        ExportDoc {
            passage_id: hex_id(ids.passage_id),
            passage_key: Some(hex_id(ids.passage_key)),
            article_id: hex_id(ids.article_id),
            quote: (kind != NARRATION_KIND).then(|| passage_text.clone()),
            kind,
            text: passage_text,
            speaker,
            speaker_facet: speaker_exact.as_deref().map(facet_key),
            speaker_exact,
            mention: text(f.mention),
            cue: text(f.cue),
            date: date_seconds.map(rfc3339),
            location: text(f.location),
            source_exact: source.clone(),
            source,
            title: text(f.title_text),
            url: text(f.url),
            path: text(f.path).unwrap_or_default(),
            line: ids.line,
            start: ids.start,
            end: ids.end,
            date_seconds,
        }
    }
}

impl ExportDoc {
    /// A 64-bit key unique to this stored passage: FNV-1a over `passage_id`, a NUL byte and
    /// `path`. Two files with the same article text give the same `passage_id`; the key tells
    /// them apart, so that the target engine holds as many documents as the index (Elasticsearch
    /// `_id`, Sphinx document id).
    pub fn export_key(&self) -> u64 {
        fnv1a(
            [self.passage_id.as_bytes(), b"\0", self.path.as_bytes()]
                .into_iter()
                .flatten()
                .copied(),
        )
    }

    /// [`ExportDoc::export_key`] as 16 lower-case hex digits.
    pub fn export_id(&self) -> String {
        format!("{:016x}", self.export_key())
    }
}

/// 64-bit FNV-1a of a byte sequence.
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Formats seconds since the epoch as RFC 3339 in UTC, `YYYY-MM-DDTHH:MM:SSZ`.
pub fn rfc3339(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .map(|t| t.to_string())
        .unwrap_or_default()
}
