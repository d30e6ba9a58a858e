//! `newsquote export`: Quickwit and Elasticsearch outputs validate against the mapping the export
//! wrote (field names, types, date format), and match golden files for a small index.
//!
//! Two small indexes, both in a temporary folder:
//! - one built by `newsquote index` from three fictional wire stories written here: every exported
//!   document is validated against the configuration written beside it (extraction is a moving
//!   target, so nothing here depends on which quotes it finds);
//! - one built from hand-made articles and quotes through the index writer's own
//!   `passage_documents`, whose export is compared byte for byte with `tests/golden/export/`.
//!   `UPDATE_GOLDEN=1 cargo test --test export_format` rewrites the golden files.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use newsquote::article::{Article, Paragraph};
use newsquote::export::{self, ExportFormat, ExportOptions};
use newsquote::index;
use newsquote::quote::{Mention, Quote, QuoteKind};
use newsquote::search::{parse_date_bound, Filters, KindFilter};
use serde_json::Value;

const STORIES: [(&str, &str); 3] = [
    (
        "2024-02-07-tessaly-harbour-deal.txt",
        "Tessaly and Mornholt sign harbour deal\n\nPublished: February 7, 2024\n\n\
MORNHOLT, Feb 7 (Newswire) — Tessaly and Mornholt signed a harbour agreement on Wednesday that \
opens the port of Vask to grain ships from both countries.\n\n\
\"This harbour will feed two nations,\" Tessalian Trade Minister Ilsa Varnholt told reporters \
after the signing.\n\n\
Mornholt's harbour master, Teodor Brask, said the first ships would dock within a month.\n",
    ),
    (
        "2024-05-19-renee-okafor-fisheries.txt",
        "Fisheries talks stall over quotas\n\nPublished: May 19, 2024\n\n\
VASK, May 19 (Newswire) — Talks on fishing quotas in the Grey Sound stalled on Sunday.\n\n\
\"We will not sign away our coastline,\" said Renée Okafor-Lind, the Mornholt negotiator. \
\"Not this year, not next year.\"\n\n\
Ilsa Varnholt said Tessaly was ready to wait.\n",
    ),
    (
        "undated-brask-interview.txt",
        "Harbour master on the new port\n\n\
Teodor Brask has run the port of Vask for eleven years.\n\n\
\"Ships do not care about politics,\" Brask said. \"They care about depth and cranes.\"\n",
    ),
];

fn newsquote(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_newsquote"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("newsquote runs")
}

/// An index of the three stories, built with the binary from relative paths.
fn story_index() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    for (name, text) in STORIES {
        std::fs::write(dir.path().join("docs").join(name), text).unwrap();
    }
    let o = newsquote(dir.path(), &["index", "docs", "--index", "index"]);
    assert!(
        o.status.success(),
        "index failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let index = dir.path().join("index");
    (dir, index)
}

// ---------------------------------------------------------------------------------------------
// A reader for the YAML subset the export writes (block mappings and sequences, JSON scalars).

fn yaml_scalar(text: &str) -> Value {
    serde_json::from_str(text.trim()).unwrap_or_else(|_| Value::String(text.trim().to_string()))
}

/// Parses the lines `lines[*at..]` indented by exactly `indent` into a value.
fn yaml_block(lines: &[(usize, String)], at: &mut usize, indent: usize) -> Value {
    let is_list = lines[*at].1.starts_with("- ");
    if is_list {
        let mut items = Vec::new();
        while *at < lines.len() && lines[*at].0 == indent && lines[*at].1.starts_with("- ") {
            let rest = lines[*at].1[2..].to_string();
            if rest.contains(": ") || rest.ends_with(':') {
                // A mapping item: its first key sits after "- ", the others at indent + 2.
                let mut sub = vec![(indent + 2, rest)];
                *at += 1;
                while *at < lines.len() && lines[*at].0 > indent {
                    sub.push(lines[*at].clone());
                    *at += 1;
                }
                let mut i = 0;
                items.push(yaml_block(&sub, &mut i, indent + 2));
            } else {
                items.push(yaml_scalar(&rest));
                *at += 1;
            }
        }
        Value::Array(items)
    } else {
        let mut map = serde_json::Map::new();
        while *at < lines.len() && lines[*at].0 == indent && !lines[*at].1.starts_with("- ") {
            let line = lines[*at].1.clone();
            let (key, rest) = line.split_once(':').expect("key: value");
            let key = yaml_scalar(key).as_str().unwrap_or(key).to_string();
            *at += 1;
            let value = if rest.trim().is_empty() {
                let inner = lines[*at].0;
                assert!(inner > indent, "a nested block is indented");
                yaml_block(lines, at, inner)
            } else {
                yaml_scalar(rest)
            };
            map.insert(key, value);
        }
        Value::Object(map)
    }
}

fn parse_yaml(text: &str) -> Value {
    let lines: Vec<(usize, String)> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| (l.len() - l.trim_start().len(), l.trim_start().to_string()))
        .collect();
    let mut at = 0;
    let value = yaml_block(&lines, &mut at, 0);
    assert_eq!(at, lines.len(), "every YAML line read");
    value
}

// ---------------------------------------------------------------------------------------------
// Validators.

fn is_rfc3339(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|s| s.parse::<jiff::Timestamp>().is_ok() && s.ends_with('Z'))
}

/// Checks every document of a Quickwit export against its configuration; returns the documents.
fn validate_quickwit(out: &Path) -> Vec<Value> {
    let config = parse_yaml(&std::fs::read_to_string(out.join("quickwit-index.yaml")).unwrap());
    let mapping = &config["doc_mapping"];
    assert_eq!(mapping["mode"], "strict");
    let custom: HashSet<&str> = mapping["tokenizers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    let builtin = ["raw", "default", "en_stem", "whitespace", "lowercase"];
    let fields: BTreeMap<&str, &Value> = mapping["field_mappings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap(), f))
        .collect();
    for f in fields.values() {
        if let Some(t) = f.get("tokenizer").and_then(|t| t.as_str()) {
            assert!(
                builtin.contains(&t) || custom.contains(t),
                "unknown tokenizer {t}"
            );
        }
    }
    for f in config["search_settings"]["default_search_fields"]
        .as_array()
        .unwrap()
    {
        assert!(fields.contains_key(f.as_str().unwrap()), "{f} is mapped");
    }
    let timestamp = mapping.get("timestamp_field").and_then(|t| t.as_str());
    if let Some(t) = timestamp {
        assert_eq!(fields[t]["type"], "datetime");
        assert_eq!(fields[t]["fast"], true);
    }
    let data = std::fs::read_to_string(out.join("passages.ndjson")).unwrap();
    let docs: Vec<Value> = data
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    for doc in &docs {
        let object = doc.as_object().expect("an object");
        if let Some(t) = timestamp {
            assert!(object.contains_key(t), "timestamp field in {doc}");
        }
        for (name, value) in object {
            let field = fields
                .get(name.as_str())
                .unwrap_or_else(|| panic!("field {name} is not mapped (strict mode)"));
            let ok = match field["type"].as_str().unwrap() {
                "text" => value.is_string(),
                "array<text>" => value
                    .as_array()
                    .is_some_and(|a| a.iter().all(Value::is_string)),
                "u64" => value.is_u64(),
                "datetime" => {
                    assert_eq!(field["input_formats"], serde_json::json!(["rfc3339"]));
                    is_rfc3339(value)
                }
                other => panic!("type {other} not expected in our mapping"),
            };
            assert!(ok, "{name} = {value} does not fit {}", field["type"]);
        }
    }
    docs
}

/// Checks every action and document of an Elasticsearch export against its mapping; returns the
/// documents.
fn validate_elasticsearch(out: &Path) -> Vec<Value> {
    let definition: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("es-index.json")).unwrap()).unwrap();
    let analyzers = definition["settings"]["analysis"]["analyzer"]
        .as_object()
        .unwrap();
    let mapping = &definition["mappings"];
    assert_eq!(mapping["dynamic"], "strict");
    let properties = mapping["properties"].as_object().unwrap();
    for p in properties.values() {
        if let Some(a) = p.get("analyzer").and_then(|a| a.as_str()) {
            assert!(analyzers.contains_key(a), "analyzer {a} is defined");
        }
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("bulk-")
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "bulk files written");
    let mut ids = HashSet::new();
    let mut docs = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.ends_with('\n'), "a bulk body ends with a newline");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len() % 2, 0, "action and document lines in pairs");
        for pair in lines.chunks(2) {
            let action: Value = serde_json::from_str(pair[0]).unwrap();
            let id = action["index"]["_id"]
                .as_str()
                .expect("index action with _id");
            assert!(ids.insert(id.to_string()), "_id {id} is unique");
            let doc: Value = serde_json::from_str(pair[1]).unwrap();
            for (name, value) in doc.as_object().unwrap() {
                let p = properties
                    .get(name)
                    .unwrap_or_else(|| panic!("field {name} is not mapped (dynamic strict)"));
                let strings = |v: &Value| {
                    v.is_string() || v.as_array().is_some_and(|a| a.iter().all(Value::is_string))
                };
                let ok = match p["type"].as_str().unwrap() {
                    "text" | "keyword" => strings(value),
                    "long" => value.is_i64() || value.is_u64(),
                    "date" => {
                        assert!(p["format"]
                            .as_str()
                            .unwrap()
                            .contains("strict_date_optional_time"));
                        is_rfc3339(value)
                    }
                    other => panic!("type {other} not expected in our mapping"),
                };
                assert!(ok, "{name} = {value} does not fit {}", p["type"]);
            }
            docs.push(doc);
        }
    }
    docs
}

fn timestamp_field(out: &Path) -> Option<String> {
    let config = parse_yaml(&std::fs::read_to_string(out.join("quickwit-index.yaml")).unwrap());
    config["doc_mapping"]
        .get("timestamp_field")
        .map(|t| t.as_str().unwrap().to_string())
}

fn export_to(index: &Path, format: ExportFormat, out: &Path, filters: Filters) -> u64 {
    let passages = index::open(index).unwrap();
    let mut options = ExportOptions::new(format, out);
    options.filters = filters;
    options.shards = 2;
    export::export(&passages, &options).unwrap().documents
}

#[test]
fn exports_of_a_real_index_validate_against_their_mappings() {
    let (dir, index) = story_index();
    let stats = newsquote(dir.path(), &["stats", "--index", "index", "--json"]);
    let stats: Value = serde_json::from_slice(&stats.stdout).unwrap();
    let passages = stats["passages"].as_u64().unwrap();
    assert!(passages >= 6, "the stories give passages: {stats}");

    let qw = dir.path().join("qw");
    assert_eq!(
        export_to(&index, ExportFormat::Quickwit, &qw, Filters::default()),
        passages
    );
    let qw_docs = validate_quickwit(&qw);
    assert_eq!(qw_docs.len() as u64, passages);
    assert!(
        qw_docs.iter().all(|d| d["kind"] != "file"),
        "no manifest document"
    );
    assert!(qw_docs.iter().any(|d| d["date"] == "2024-02-07T00:00:00Z"));
    // One story is undated: Quickwit would reject it under a timestamp field, so there is none.
    assert!(qw_docs.iter().any(|d| d.get("date").is_none()));
    assert_eq!(timestamp_field(&qw), None);

    let es = dir.path().join("es");
    assert_eq!(
        export_to(&index, ExportFormat::Elasticsearch, &es, Filters::default()),
        passages
    );
    let es_docs = validate_elasticsearch(&es);
    assert_eq!(es_docs, qw_docs, "the same documents in both formats");

    // Filters select what is exported: the dated stories only, then with a date: a timestamp.
    let dated = Filters {
        since: Some(parse_date_bound("2024").unwrap()),
        ..Filters::default()
    };
    let qw2 = dir.path().join("qw-2024");
    let n = export_to(&index, ExportFormat::Quickwit, &qw2, dated);
    let docs = validate_quickwit(&qw2);
    assert_eq!(docs.len() as u64, n);
    assert!(n > 0 && n < passages, "{n} of {passages}");
    assert!(docs.iter().all(|d| d["date"].as_str().unwrap() >= "2024"));
    assert_eq!(timestamp_field(&qw2).as_deref(), Some("date"));

    let narration = Filters {
        kind: KindFilter::Narration,
        ..Filters::default()
    };
    let es2 = dir.path().join("es-narration");
    let n = export_to(&index, ExportFormat::Elasticsearch, &es2, narration);
    let docs = validate_elasticsearch(&es2);
    assert_eq!(docs.len() as u64, n);
    assert!(docs
        .iter()
        .all(|d| d["kind"] == "narration" && d.get("quote").is_none()));
}

#[test]
fn manticore_shards_split_by_article_and_hold_every_passage() {
    let (dir, index) = story_index();
    let out = dir.path().join("manticore");
    let passages = index::open(&index).unwrap();
    let mut options = ExportOptions::new(ExportFormat::Manticore, &out);
    options.shards = 2;
    let summary = export::export(&passages, &options).unwrap();
    assert_eq!(summary.per_shard.iter().sum::<u64>(), summary.documents);
    let columns = 1
        + newsquote::export::manticore::FIELDS.len()
        + newsquote::export::manticore::STRING_ATTRS.len()
        + 1
        + newsquote::export::manticore::UINT_ATTRS.len();
    let mut ids = HashSet::new();
    for k in 0..2 {
        let text = std::fs::read_to_string(out.join(format!("shard-{k}.tsv"))).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len() as u64, summary.per_shard[k]);
        for row in rows {
            let cells: Vec<&str> = row.split('\t').collect();
            assert_eq!(cells.len(), columns, "{row}");
            let id: u64 = cells[0].parse().unwrap();
            assert!(id > 0 && id < 1 << 63);
            assert!(ids.insert(id), "document ids are unique");
            let article = cells[1 + newsquote::export::manticore::FIELDS.len() + 2];
            assert_eq!(newsquote::export::manticore::shard_of(article, 2), k);
        }
    }
    let config = std::fs::read_to_string(out.join("sphinx.conf")).unwrap();
    assert!(config.starts_with("#!/bin/sh\n"));
    assert!(config.contains("type = distributed"));
    // The script prints a configuration: run it when a shell is at hand.
    if let Ok(o) = Command::new("sh").arg(out.join("sphinx.conf")).output() {
        let printed = String::from_utf8(o.stdout).unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        for k in 0..2 {
            assert!(printed.contains(&format!("index newsquote_{k}\n")));
            assert!(printed.contains(&format!("  local = newsquote_{k}\n")));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Golden files, from hand-made passages (independent of quote extraction).

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export")
}

fn article(path: &str, text: &str, date: Option<&str>, location: Option<&str>) -> Article {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        paragraphs.push(Paragraph {
            start,
            end: start + part.len(),
        });
        start += part.len() + 2;
    }
    Article {
        path: path.into(),
        title: Some(text.lines().next().unwrap().to_string()),
        source: Some("Newswire".into()),
        url: Some(format!("https://newswire.example/{path}")),
        published: date.map(|d| d.parse().unwrap()),
        location: location.map(str::to_string),
        text: text.into(),
        paragraphs,
        ..Article::default()
    }
}

fn quote(a: &Article, content: &str, kind: QuoteKind, speaker: &str, mention: &str) -> Quote {
    let start = a.text.find(content).unwrap();
    let m = a.text.find(mention).unwrap();
    Quote {
        text: content.into(),
        kind,
        start,
        end: start + content.len(),
        speaker: Some(speaker.into()),
        speaker_aliases: vec![speaker.split(' ').next_back().unwrap().to_string()],
        mention: Some(Mention {
            text: mention.into(),
            start: m,
            end: m + mention.len(),
        }),
        cue: Some("said".into()),
    }
}

/// A small index written directly: two articles, three quotes, narration (one paragraph of it around
/// a quote), one manifest document.
fn golden_index(dir: &Path) -> PathBuf {
    let path = dir.join("golden-index");
    let passages = index::open_or_create(&path, false).unwrap();
    let f = &passages.fields;
    let first = article(
        "docs/harbour.txt",
        "Tessaly and Mornholt sign harbour deal\n\nThe port of Vask opens to grain ships.\n\n\
\"This harbour will feed two nations,\" Ilsa Varnholt said.",
        Some("2024-02-07"),
        Some("Mornholt"),
    );
    let second = article(
        "docs/fisheries.txt",
        "Fisheries talks stall\n\nRenée Okafor-Lind, the negotiator for the northern fleets, said the Grey Sound\twas not for sale.\n\n\
Zelenskyy Vorn said talks would resume.",
        None,
        None,
    );
    let quotes_first = vec![quote(
        &first,
        "This harbour will feed two nations,",
        QuoteKind::Direct,
        "Ilsa Varnholt",
        "Ilsa Varnholt",
    )];
    let quotes_second = vec![
        quote(
            &second,
            "the Grey Sound\twas not for sale",
            QuoteKind::Indirect,
            "Renée Okafor-Lind",
            "Renée Okafor-Lind",
        ),
        quote(
            &second,
            "talks would resume",
            QuoteKind::Indirect,
            "Zelenskyy Vorn",
            "Zelenskyy Vorn",
        ),
    ];
    let mut docs = Vec::new();
    index::writer::passage_documents(f, "/abs/docs/harbour.txt", &first, &quotes_first, &mut docs);
    index::writer::passage_documents(
        f,
        "/abs/docs/fisheries.txt",
        &second,
        &quotes_second,
        &mut docs,
    );
    let mut manifest = tantivy::TantivyDocument::default();
    manifest.add_text(f.kind, "file");
    manifest.add_text(f.file, "/abs/docs/harbour.txt");
    manifest.add_text(f.path, "docs/harbour.txt");
    docs.push(manifest);
    let mut writer: tantivy::IndexWriter = passages
        .index
        .writer_with_num_threads(1, 20_000_000)
        .unwrap();
    for d in docs {
        writer.add_document(d).unwrap();
    }
    writer.commit().unwrap();
    path
}

/// Lines of a file in a stable order (segment order is not part of the contract).
fn sorted_lines(text: &str, pairs: bool) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut records: Vec<String> = if pairs {
        lines.chunks(2).map(|c| c.join("\n")).collect()
    } else {
        lines.iter().map(|l| l.to_string()).collect()
    };
    records.sort();
    records.join("\n") + "\n"
}

fn check_golden(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_GOLDEN=1", path.display()));
    assert_eq!(
        actual, expected,
        "{name} differs from the golden file; if the change is intended, run \
         UPDATE_GOLDEN=1 cargo test --test export_format and review the diff"
    );
}

#[test]
fn small_index_exports_match_golden_files() {
    let dir = tempfile::tempdir().unwrap();
    let index = golden_index(dir.path());
    let qw = dir.path().join("qw");
    assert_eq!(
        export_to(&index, ExportFormat::Quickwit, &qw, Filters::default()),
        7
    );
    validate_quickwit(&qw);
    let es = dir.path().join("es");
    export_to(&index, ExportFormat::Elasticsearch, &es, Filters::default());
    validate_elasticsearch(&es);
    let read = |p: PathBuf| std::fs::read_to_string(p).unwrap();
    check_golden("quickwit-index.yaml", &read(qw.join("quickwit-index.yaml")));
    check_golden(
        "passages.ndjson",
        &sorted_lines(&read(qw.join("passages.ndjson")), false),
    );
    check_golden("es-index.json", &read(es.join("es-index.json")));
    check_golden(
        "bulk-00000.ndjson",
        &sorted_lines(&read(es.join("bulk-00000.ndjson")), true),
    );
    let mc = dir.path().join("mc");
    export_to(&index, ExportFormat::Manticore, &mc, Filters::default());
    let shards: String = (0..2)
        .map(|k| read(mc.join(format!("shard-{k}.tsv"))))
        .collect();
    check_golden("manticore-shards.tsv", &sorted_lines(&shards, false));
}
