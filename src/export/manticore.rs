//! Manticore Search and Sphinx 2.2: shard files `shard-0.tsv`, `shard-1.tsv`, … (tsvpipe data) and
//! `sphinx.conf`, a configuration with one plain index per shard (`NAME_0`, `NAME_1`, …) and a
//! `distributed` index `NAME` over them.
//!
//! Passages are split by article, so that an article's quotes stay together: the shard of a
//! passage is its `article_id` (16 hex digits) read as a 64-bit number, modulo the number of
//! shards ([`shard_of`]). The document id is [`ExportDoc::export_key`] with the top bit cleared
//! (unique even when two files hold the same article).
//!
//! `sphinx.conf` is a shell script that prints the configuration (both engines run a configuration
//! file that starts with `#!`), so one file serves one machine or a cluster through environment
//! variables, documented at its top: which shards a node serves (`NEWSQUOTE_SHARDS`), where the
//! others are (`NEWSQUOTE_REMOTE`, as `SHARD=HOST:PORT`), where its files go and where it listens.
//!
//! Analysis: `text`, `quote`, `title`, `speaker`, `location`, `source` are full-text fields,
//! lower-cased and accent-folded by the charset table, stemmed by Snowball English
//! (`libstemmer_english`), with exact word forms indexed too (`index_exact_words`) so that names
//! can be matched unstemmed with `=word`. Everything else is an attribute: strings (`passage_id`,
//! `passage_key`, `article_id`, `kind`, `speaker_exact`, `speaker_facet`, `source_exact`, `mention`, `cue`, `url`, `path`), `date`
//! as a timestamp (0 when undated), `line`, `start`, `end`.
//!
//! A phrase query with a speaker filter, and the speaker counts of `newsquote speakers`:
//! ```sql
//! SELECT passage_id FROM newsquote WHERE MATCH('@text "strategic partnership" @speaker "=kim =jong =un"');
//! SELECT speaker_facet, COUNT(*) AS quotes FROM newsquote WHERE speaker_facet != ''
//!   GROUP BY speaker_facet ORDER BY quotes DESC;
//! ```

use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use super::{for_each_passage, write_file, ExportDoc, ExportError, ExportOptions, ExportSummary};
use super::{ExportFormat, Output};
use crate::index::PassageIndex;

/// File name of the configuration script.
pub const CONFIG_FILE: &str = "sphinx.conf";

/// Name of the data file of shard `k`.
pub fn shard_file_name(k: usize) -> String {
    format!("shard-{k}.tsv")
}

/// Full-text fields, in column order after the document id. `text` is also a string attribute.
pub const FIELDS: [&str; 6] = ["text", "quote", "speaker", "title", "location", "source"];
/// String attributes, in column order after the fields.
pub const STRING_ATTRS: [&str; 11] = [
    "passage_id",
    "passage_key",
    "article_id",
    "kind",
    "speaker_exact",
    "speaker_facet",
    "source_exact",
    "mention",
    "cue",
    "url",
    "path",
];
/// Integer attributes after the strings: `date` (timestamp, 0 when undated), then unsigned ints.
pub const UINT_ATTRS: [&str; 3] = ["line", "start", "end"];

/// Stable hash of a hex id (`article_id`, `passage_id`): its 16 hex digits as a number; another
/// string gets 64-bit FNV-1a of its bytes.
pub fn id_number(id: &str) -> u64 {
    if id.len() <= 16 && !id.is_empty() {
        if let Ok(n) = u64::from_str_radix(id, 16) {
            return n;
        }
    }
    super::document::fnv1a(id.bytes())
}

/// The shard (0-based) of a passage of article `article_id` among `shards`.
pub fn shard_of(article_id: &str, shards: usize) -> usize {
    (id_number(article_id) % shards.max(1) as u64) as usize
}

/// The Sphinx document id of a passage: its [`ExportDoc::export_key`] with the top bit cleared,
/// never 0.
pub fn document_id(doc: &ExportDoc) -> u64 {
    match doc.export_key() & (u64::MAX >> 1) {
        0 => 1,
        n => n,
    }
}

/// One value in a TSV cell: tabs and line breaks become spaces (tsvpipe has no escapes).
fn cell(out: &mut Vec<u8>, value: &str) {
    for b in value.bytes() {
        out.push(match b {
            b'\t' | b'\n' | b'\r' => b' ',
            other => other,
        });
    }
}

/// The TSV row of a passage, newline included.
pub fn tsv_row(doc: &ExportDoc, out: &mut Vec<u8>) {
    out.extend_from_slice(document_id(doc).to_string().as_bytes());
    let none = String::new();
    let opt = |v: &Option<String>| v.as_ref().unwrap_or(&none).clone();
    let fields = [
        doc.text.clone(),
        opt(&doc.quote),
        doc.speaker.join(" ; "),
        opt(&doc.title),
        opt(&doc.location),
        opt(&doc.source),
    ];
    let strings = [
        doc.passage_id.clone(),
        opt(&doc.passage_key),
        doc.article_id.clone(),
        doc.kind.clone(),
        opt(&doc.speaker_exact),
        opt(&doc.speaker_facet),
        opt(&doc.source_exact),
        opt(&doc.mention),
        opt(&doc.cue),
        opt(&doc.url),
        doc.path.clone(),
    ];
    for v in fields.iter().chain(strings.iter()) {
        out.push(b'\t');
        cell(out, v);
    }
    let date = doc.date_seconds.filter(|s| *s > 0).unwrap_or(0);
    for n in [date as u64, doc.line, doc.start, doc.end] {
        out.push(b'\t');
        out.extend_from_slice(n.to_string().as_bytes());
    }
    out.push(b'\n');
}

/// Writes one TSV file per shard, then the configuration. Errors: [`ExportError::Io`].
pub fn export(index: &PassageIndex, options: &ExportOptions) -> Result<ExportSummary, ExportError> {
    debug_assert_eq!(options.format, ExportFormat::Manticore);
    let mut summary = ExportSummary::default();
    let shards = options.shards.max(1);
    let mut outputs = (0..shards)
        .map(|k| Output::create(&options.out, &shard_file_name(k)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut per_shard = vec![0u64; shards];
    let mut row = Vec::with_capacity(4096);
    let documents = for_each_passage(index, &options.filters, |doc| {
        if doc.date.is_none() {
            summary.undated += 1;
        }
        let k = shard_of(&doc.article_id, shards);
        per_shard[k] += 1;
        row.clear();
        tsv_row(doc, &mut row);
        outputs[k].write(&row)
    })?;
    let out_dir = std::path::absolute(&options.out).unwrap_or_else(|_| options.out.clone());
    let config = config_script(&out_dir, &options.index_name, shards);
    let config_path = write_file(&options.out, CONFIG_FILE, &config, &mut summary)?;
    make_executable(&config_path)?;
    for o in outputs {
        let (path, bytes) = o.finish()?;
        summary.bytes += bytes;
        summary.files.push(path);
    }
    summary.documents = documents;
    summary.per_shard = per_shard;
    Ok(summary)
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<(), ExportError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .map_err(ExportError::io(path))
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> Result<(), ExportError> {
    Ok(())
}

/// The `charset_table`: digits, Latin letters lower-cased with accents folded (`É` → `e`, as
/// Tantivy's ASCII folding), other Latin letters of Latin-1 and Latin Extended-A/B kept, Greek and
/// Cyrillic lower-cased. Characters outside the table separate words.
pub fn charset_table() -> String {
    let mut parts = vec!["0..9".to_string(), "A..Z->a..z".into(), "a..z".into()];
    let extra: &[(char, char)] = &[
        ('Ø', 'o'),
        ('ø', 'o'),
        ('Đ', 'd'),
        ('đ', 'd'),
        ('Ł', 'l'),
        ('ł', 'l'),
        ('ı', 'i'),
        ('Ħ', 'h'),
        ('ħ', 'h'),
    ];
    for code in 0xC0u32..=0x24F {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        if !c.is_alphabetic() {
            continue;
        }
        let base = c.nfd().next().filter(|b| b.is_ascii_alphabetic());
        let folded = base
            .map(|b| b.to_ascii_lowercase())
            .or_else(|| extra.iter().find(|(from, _)| *from == c).map(|(_, to)| *to));
        match folded {
            Some(to) => parts.push(format!("U+{code:X}->{to}")),
            None => {
                let lower: Vec<char> = c.to_lowercase().collect();
                if lower.len() == 1 && lower[0] != c && (0xC0..=0x24F).contains(&(lower[0] as u32))
                {
                    parts.push(format!("U+{code:X}->U+{:X}", lower[0] as u32));
                } else {
                    parts.push(format!("U+{code:X}"));
                }
            }
        }
    }
    parts.push("U+391..U+3A1->U+3B1..U+3C1".into());
    parts.push("U+3A3..U+3A9->U+3C3..U+3C9".into());
    parts.push("U+3B1..U+3C9".into());
    parts.push("U+410..U+42F->U+430..U+44F".into());
    parts.push("U+430..U+44F".into());
    parts.push("U+401->U+451".into());
    parts.push("U+451".into());
    parts.join(", ")
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The configuration script for `shards` shards of data in `out_dir` (absolute).
pub fn config_script(out_dir: &Path, name: &str, shards: usize) -> String {
    let all: Vec<String> = (0..shards).map(|k| k.to_string()).collect();
    let fields: String = FIELDS
        .iter()
        .map(|f| {
            if *f == "text" {
                "  tsvpipe_field_string = text\n".to_string()
            } else {
                format!("  tsvpipe_field = {f}\n")
            }
        })
        .collect();
    let strings: String = STRING_ATTRS
        .iter()
        .map(|a| format!("  tsvpipe_attr_string = {a}\n"))
        .collect();
    let uints: String = UINT_ATTRS
        .iter()
        .map(|a| format!("  tsvpipe_attr_uint = {a}\n"))
        .collect();
    let charset = charset_table();
    let dist_threads = shards.clamp(1, 8);
    let export_dir = shell_quote(&out_dir.display().to_string());
    let shard_list = all.join(" ");
    format!(
        r##"#!/bin/sh
# Manticore Search / Sphinx 2.2 configuration written by `newsquote export --format manticore`:
# {shards} shard(s) {name}_0 … {name}_{last} of passages split by article, and a distributed
# index `{name}` over them. This file is a shell script that prints the configuration; both
# engines run a configuration file that starts with #!.
#
# One machine (all shards local, searched in parallel):
#   indexer --config sphinx.conf --all && searchd --config sphinx.conf
#   mysql -h127.0.0.1 -P9306 -e "SELECT passage_id, speaker_exact FROM {name} WHERE MATCH('@text \"strategic partnership\"')"
#
# Several machines: on each, serve some shards and name where the others are, e.g. on node B
#   NEWSQUOTE_SHARDS=1 indexer --config sphinx.conf --all && NEWSQUOTE_SHARDS=1 searchd --config sphinx.conf
# and on node A, which answers queries for the whole distributed index:
#   export NEWSQUOTE_SHARDS=0 NEWSQUOTE_REMOTE="1=nodeb:9312"; indexer --config sphinx.conf --all; searchd --config sphinx.conf
#
# Environment (all optional):
#   NEWSQUOTE_EXPORT  folder of the shard files (default: the folder the export wrote)
#   NEWSQUOTE_DATA    folder for this node's index files, log and pid (default: $NEWSQUOTE_EXPORT/data)
#   NEWSQUOTE_SHARDS  shards this node indexes and serves (default: all, "{shard_list}")
#   NEWSQUOTE_REMOTE  shards served by other nodes: SHARD=HOST:PORT ... (their API address)
#   NEWSQUOTE_LISTEN  this node's API address, used by agents (default 127.0.0.1:9312)
#   NEWSQUOTE_SQL     this node's SphinxQL address, MySQL protocol (default 127.0.0.1:9306)
#
# Passages go to shard (article_id as a hexadecimal number) mod {shards}; the document id is
# FNV-1a 64 of passage_id, a NUL byte and path, with its top bit cleared.
set -e
EXPORT=${{NEWSQUOTE_EXPORT:-{export_dir}}}
DATA=${{NEWSQUOTE_DATA:-$EXPORT/data}}
SHARDS=${{NEWSQUOTE_SHARDS:-{shard_list}}}
LISTEN=${{NEWSQUOTE_LISTEN:-127.0.0.1:9312}}
SQL=${{NEWSQUOTE_SQL:-127.0.0.1:9306}}
mkdir -p "$DATA"
for k in $SHARDS; do
cat <<EOF
source {name}_$k
{{
  type = tsvpipe
  tsvpipe_command = cat "$EXPORT/shard-$k.tsv"
{fields}{strings}  tsvpipe_attr_timestamp = date
{uints}}}

index {name}_$k
{{
  source = {name}_$k
  path = $DATA/{name}_$k
  docinfo = extern
  morphology = libstemmer_english
  index_exact_words = 1
  min_word_len = 1
  html_strip = 0
  charset_table = {charset}
}}

EOF
done
echo "index {name}"
echo "{{"
echo "  type = distributed"
for k in $SHARDS; do echo "  local = {name}_$k"; done
for r in ${{NEWSQUOTE_REMOTE:-}}; do echo "  agent = ${{r#*=}}:{name}_${{r%%=*}}"; done
echo "}}"
cat <<EOF

indexer
{{
  mem_limit = 256M
}}

searchd
{{
  listen = $LISTEN
  listen = $SQL:mysql41
  log = $DATA/searchd.log
  query_log = $DATA/query.log
  pid_file = $DATA/searchd.pid
  binlog_path =
  collation_server = binary
  dist_threads = {dist_threads}
  max_children = 30
  read_timeout = 5
}}
EOF
"##,
        last = shards - 1,
    )
}
