//! The quote parts of the bug-report cases in `../shared/cases` (BC01 … BC24), each with its exact
//! expected quote text, kind and speaker.
//!
//! The cases are read at test time from `$CARGO_MANIFEST_DIR/../shared/cases`; when that folder is
//! absent the tests print a message and pass. Articles are built here with one paragraph per
//! non-empty line (what the plain-text reader does), so that these tests exercise `src/quote`
//! alone. HTML and JSON inputs are reduced to their paragraph text by a crude tag stripper: the
//! readers are tested elsewhere.

use newsquote::article::Article;
use newsquote::quote::{extract_quotes, Quote, QuoteKind};
use serde_json::Value;
use std::path::PathBuf;

fn cases_dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/cases");
    if d.is_dir() {
        Some(d)
    } else {
        eprintln!("skipping: {} not found", d.display());
        None
    }
}

fn load(id: &str) -> Option<Value> {
    let d = cases_dir()?;
    let s = std::fs::read_to_string(d.join(format!("{id}.json"))).ok()?;
    Some(serde_json::from_str(&s).expect("case JSON"))
}

fn article(text: &str) -> Article {
    Article::from_line_paragraphs("", text)
}

/// Paragraph text of an HTML snippet: tags removed, block ends become line breaks.
fn html_text(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or(html);
    let body = body
        .split("<section class=\"comments\">")
        .next()
        .unwrap_or(body);
    let mut out = String::new();
    let mut in_tag = false;
    let mut tag = String::new();
    for c in body.chars() {
        match (in_tag, c) {
            (false, '<') => {
                in_tag = true;
                tag.clear();
            }
            (true, '>') => {
                in_tag = false;
                if tag.starts_with("/p") || tag.starts_with("/h1") || tag.starts_with("/div") {
                    out.push('\n');
                }
            }
            (true, c) => tag.push(c),
            (false, c) => out.push(c),
        }
    }
    out
}

/// The comparison of the cases' README: enclosing marks, a trailing comma and the marks that
/// reopen a paragraph removed, whitespace collapsed.
fn norm(s: &str) -> String {
    let marks: &[char] = &['"', '“', '”', '„', '«', '»', '‘', '’', '\'', '‚'];
    let collapsed: Vec<&str> = s.split_whitespace().collect();
    let mut t = collapsed.join(" ");
    for m in ["“", "\"", "„", "«"] {
        t = t.replace(&format!(". {m}"), ". ");
    }
    let t = t.trim_matches(|c: char| marks.contains(&c) || c.is_whitespace());
    let t = t
        .trim_end_matches(',')
        .trim_matches(|c: char| marks.contains(&c) || c.is_whitespace());
    t.to_string()
}

fn kind_of(t: &str) -> QuoteKind {
    match t {
        "direct" => QuoteKind::Direct,
        "partial" | "mixed" => QuoteKind::Mixed,
        _ => QuoteKind::Indirect,
    }
}

/// Checks every expected quote of a case against the extraction; returns the extraction.
fn check(id: &str, text: &str, expected: &Value) -> Vec<Quote> {
    let art = article(text);
    let got = extract_quotes(&art);
    for q in &got {
        assert_eq!(
            q.text,
            &art.text[q.start..q.end],
            "{id}: text must be the slice"
        );
    }
    let show = || {
        got.iter()
            .map(|q| format!("  {:?} {:?} <- {:?}", q.kind, q.text, q.speaker))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for e in expected.as_array().unwrap() {
        let want = norm(e["quote"].as_str().unwrap());
        let kind = kind_of(e.get("type").and_then(Value::as_str).unwrap_or("direct"));
        let speaker = e["speaker"].as_str();
        let found = got.iter().find(|q| {
            let t = norm(&q.text);
            // A partial quote is stored with the paraphrase it sits in (FORMAT.md: "mixed").
            (t == want
                || kind == QuoteKind::Mixed && q.kind == QuoteKind::Mixed && t.contains(&want))
                && q.kind == kind
        });
        let Some(q) = found else {
            panic!("{id}: missing {kind:?} quote {want:?}; got:\n{}", show());
        };
        assert_eq!(
            q.speaker.as_deref(),
            speaker,
            "{id}: speaker of {want:?}; got:\n{}",
            show()
        );
    }
    got
}

fn text_case(id: &str) -> Option<(Value, Vec<Quote>)> {
    let c = load(id)?;
    let text = c["input"].as_str().unwrap().to_string();
    let got = check(id, &text, &c["expected"]["quotes"]);
    Some((c, got))
}

#[test]
fn bc01_multi_paragraph_quote() {
    let Some((_, got)) = text_case("BC01") else {
        return;
    };
    let multi = got
        .iter()
        .find(|q| q.text.starts_with("The crews"))
        .unwrap();
    assert!(multi.text.ends_with("into the autumn."), "{:?}", multi.text);
    assert!(
        multi.text.contains("\n\n“The eastbound"),
        "paragraph breaks and reopening marks kept"
    );
    assert!(got.iter().all(|q| !q.text.contains("Council member")));
    assert_eq!(got.len(), 4, "{got:#?}");
}

#[test]
fn bc03_role_noun_resolves_to_earlier_name() {
    let Some((_, got)) = text_case("BC03") else {
        return;
    };
    assert!(got
        .iter()
        .all(|q| q.speaker.as_deref() != Some("Bram Hollis")));
    let direct = got.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
    assert_eq!(direct.mention.as_ref().unwrap().text, "the minister");
}

#[test]
fn bc05_partial_quote_and_apostrophes() {
    let Some((_, got)) = text_case("BC05") else {
        return;
    };
    for q in &got {
        assert!(
            !q.text.starts_with("t worried") && !q.text.ends_with("wasn"),
            "{q:?}"
        );
        assert!(!q.text.contains("players"), "{q:?}");
    }
}

#[test]
fn bc07_german_and_french_marks() {
    let Some((_, got)) = text_case("BC07") else {
        return;
    };
    assert!(got.iter().all(|q| q.text != "vorsichtig"), "{got:#?}");
    assert!(
        got.iter().all(|q| !q.text.contains("Gewerkschaft")),
        "no run-away quote"
    );
    let fr = got.iter().find(|q| q.text.starts_with("Nous")).unwrap();
    assert_eq!(fr.text, "Nous rouvrirons la ligne avant l’été");
}

#[test]
fn bc09_other_speech_verbs_and_inversion() {
    let Some((_, got)) = text_case("BC09") else {
        return;
    };
    assert_eq!(got.len(), 3);
    let cues: Vec<_> = got.iter().map(|q| q.cue.clone().unwrap()).collect();
    assert_eq!(cues, ["complained", "sighed", "insisted"]);
}

#[test]
fn bc13_dotted_dates_inside_quotes() {
    text_case("BC13");
}

#[test]
fn bc11_html_dateline_paragraph() {
    let Some(c) = load("BC11") else { return };
    let text = html_text(c["input"].as_str().unwrap());
    let got = check("BC11", &text, &c["expected"]["quotes"]);
    assert!(got.iter().all(|q| q.speaker.as_deref() != Some("Jane Ito")));
    assert!(got.iter().all(|q| !q.text.contains("WIREFEED")));
}

#[test]
fn bc15_html_quote() {
    let Some(c) = load("BC15") else { return };
    let text = html_text(c["input"].as_str().unwrap());
    check("BC15", &text, &c["expected"]["quotes"]);
}

#[test]
fn bc21_encodings_quote_text() {
    let Some(c) = load("BC21") else { return };
    let per = &c["expected"]["per_file"];
    // The JSON record's text, the windows-1252 page as decoded, and the boundary file.
    check(
        "BC21 bom",
        "\"The dam is safe,\" engineer Yusuf Demir said.",
        &per["bom.json"]["quotes"],
    );
    check(
        "BC21 cp1252",
        "“We're ready to start,” said Ana Ruiz.",
        &per["cp1252.html"]["quotes"],
    );
    let boundary = format!(
        "{}\n\n“Everything is on schedule,” said Lotte Brandt.",
        "x".repeat(4095)
    );
    check("BC21 boundary", &boundary, &per["boundary.txt"]["quotes"]);
}

#[test]
fn bc22_good_file_in_a_bad_folder() {
    let Some(c) = load("BC22") else { return };
    let good = c["input"]["folder"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "good.txt")
        .unwrap();
    check(
        "BC22",
        good["utf8"].as_str().unwrap(),
        &c["expected"]["quotes"],
    );
}

#[test]
fn bc24_same_quote_in_three_forms() {
    let Some(c) = load("BC24") else { return };
    let hit = &c["expected"]["hit"];
    let want = Value::Array(vec![hit.clone()]);
    for f in c["input"]["folder"].as_array().unwrap() {
        let raw = f["utf8"].as_str().unwrap();
        let text = if raw.starts_with("<html") {
            html_text(raw)
        } else if raw.starts_with('{') {
            let v: Value = serde_json::from_str(raw).unwrap();
            v["text"].as_str().unwrap().to_string()
        } else {
            raw.to_string()
        };
        check("BC24", &text, &want);
    }
}
