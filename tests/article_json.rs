//! The JSON, JSON Lines and gzip readers on small inputs with exact expected values, and on the
//! public JSON sets under `../shared` (skipped with a message when absent).

use jiff::civil::date;
use newsquote::article::{read_file, Article};
use std::io::Write;
use std::path::{Path, PathBuf};

fn read(path: &Path) -> (Vec<Article>, Vec<String>, Result<(), String>) {
    let mut arts = Vec::new();
    let mut warns = Vec::new();
    let r =
        read_file(path, &mut |a| arts.push(a), &mut |w| warns.push(w)).map_err(|e| e.to_string());
    (arts, warns, r)
}

fn paras(a: &Article) -> Vec<&str> {
    a.paragraphs.iter().map(|p| a.paragraph_text(p)).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn one_article_with_bom() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(
        br#"{"title":"Dam inspection","date":"2021-10-05","text":"\"The dam is safe,\" engineer Yusuf Demir said."}"#,
    );
    let (arts, warns, r) = read(&write(dir.path(), "bom.json", &bytes));
    r.unwrap();
    assert!(warns.is_empty());
    let a = &arts[0];
    assert_eq!(a.title.as_deref(), Some("Dam inspection"));
    assert_eq!(a.published, Some(date(2021, 10, 5)));
    assert_eq!(a.text, "\"The dam is safe,\" engineer Yusuf Demir said.");
    assert_eq!(
        paras(a),
        vec!["\"The dam is safe,\" engineer Yusuf Demir said."]
    );
}

#[test]
fn field_names_and_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"headline":"Summit ends","maintext":"GENEVA, March 3 (Newswire) — Talks ended.\n\n\"We agreed,\" Ilse Varga said.\nShare","date_publish":"2024-03-03 10:00:00","source_domain":"www.newswire.example","link":"https://newswire.example/2024/03/03/summit","authors":["Jane Ito","Omar Fields"]}"#;
    let (arts, _, r) = read(&write(dir.path(), "a.json", json.as_bytes()));
    r.unwrap();
    let a = &arts[0];
    assert_eq!(a.title.as_deref(), Some("Summit ends"));
    assert_eq!(a.source.as_deref(), Some("newswire.example"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://newswire.example/2024/03/03/summit")
    );
    assert_eq!(a.published, Some(date(2024, 3, 3)));
    assert_eq!(a.location.as_deref(), Some("Geneva"));
    assert_eq!(a.authors, vec!["Jane Ito", "Omar Fields"]);
    // The boilerplate "Share" is left out of the text too, so offsets slice what --body prints.
    assert_eq!(
        a.text,
        "GENEVA, March 3 (Newswire) — Talks ended.\n\n\"We agreed,\" Ilse Varga said."
    );
    assert_eq!(
        paras(a),
        vec![
            "GENEVA, March 3 (Newswire) — Talks ended.",
            "\"We agreed,\" Ilse Varga said."
        ]
    );

    let json = r#"{"title":"T","content":"He said `` yes '' to it .","publishedAt":"9/6/17","publisher":{"name":"The Hill"}}"#;
    let (arts, _, r) = read(&write(dir.path(), "b.json", json.as_bytes()));
    r.unwrap();
    assert_eq!(arts[0].text, "He said “yes” to it .");
    assert_eq!(arts[0].published, Some(date(2017, 9, 6)));
    assert_eq!(arts[0].source.as_deref(), Some("The Hill"));

    let json = r#"{"title":"T","articleBody":"<p>First <b>para</b>.</p><p>Second&nbsp;para.</p>","datePublished":"0001-01-01"}"#;
    let (arts, _, r) = read(&write(dir.path(), "c.json", json.as_bytes()));
    r.unwrap();
    assert_eq!(paras(&arts[0]), vec!["First para.", "Second para."]);
    assert_eq!(arts[0].published, None);
}

#[test]
fn arrays_and_bad_records() {
    let dir = tempfile::tempdir().unwrap();
    let json =
        r#"[{"title":"A","text":"One."},{"title":"B","text":null},{"title":"C","body":"Three."}]"#;
    let (arts, warns, r) = read(&write(dir.path(), "list.json", json.as_bytes()));
    r.unwrap();
    assert_eq!(
        arts.iter()
            .map(|a| a.path.rsplit('#').next().unwrap())
            .collect::<Vec<_>>(),
        vec!["1", "3"]
    );
    assert_eq!(warns.len(), 1);
    assert!(warns[0].ends_with("list.json#2: no text"), "{warns:?}");

    let api = r#"{"status":"ok","articles":[{"title":"A","content":"One."}]}"#;
    let (arts, _, r) = read(&write(dir.path(), "api.json", api.as_bytes()));
    r.unwrap();
    assert_eq!(arts.len(), 1);

    let (_, _, r) = read(&write(
        dir.path(),
        "cut.json",
        br#"{"title": "Half a record", "text": "\"We are"#,
    ));
    let e = r.unwrap_err();
    assert!(e.contains("cut.json: invalid JSON at line 1:"), "{e}");

    let (_, _, r) = read(&write(dir.path(), "none.json", br#"{"title": "No body"}"#));
    assert!(r.unwrap_err().ends_with("none.json: no text"));
    let (_, _, r) = read(&write(dir.path(), "empty.json", b""));
    assert!(r.unwrap_err().ends_with("empty.json: empty file"));
}

#[test]
fn jsonl_plain_and_gzipped() {
    let dir = tempfile::tempdir().unwrap();
    let lines = "{\"title\":\"A\",\"text\":\"One.\"}\nnot json\n\n{\"title\":\"B\"}\n{\"title\":\"C\",\"content_original\":\"Three.\",\"date\":\"2019-08-25\"}\n";
    let (arts, warns, r) = read(&write(dir.path(), "d.jsonl", lines.as_bytes()));
    r.unwrap();
    assert_eq!(arts.len(), 2);
    assert!(arts[1].path.ends_with("d.jsonl#5"));
    assert_eq!(arts[1].published, Some(date(2019, 8, 25)));
    assert_eq!(warns.len(), 2, "{warns:?}");
    assert!(warns[0].contains("d.jsonl#2: invalid JSON"));
    assert!(warns[1].ends_with("d.jsonl#4: no text"));

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(lines.as_bytes()).unwrap();
    let (arts, warns, r) = read(&write(dir.path(), "d.jsonl.gz", &gz.finish().unwrap()));
    r.unwrap();
    assert_eq!((arts.len(), warns.len()), (2, 2));
    assert!(arts[0].path.ends_with("d.jsonl.gz#1"));

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(br#"{"title":"G","text":"Zipped."}"#).unwrap();
    let (arts, _, r) = read(&write(dir.path(), "g.json.gz", &gz.finish().unwrap()));
    r.unwrap();
    assert_eq!(arts[0].text, "Zipped.");

    let (_, _, r) = read(&write(dir.path(), "bad.json.gz", b"not gzip at all"));
    assert!(r.is_err());
}

fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent", p.display());
        None
    }
}

fn read_tree(dir: &Path) -> (usize, Vec<Article>, Vec<String>, Vec<String>) {
    let (mut files, mut arts, mut warns, mut errs) = (0, Vec::new(), Vec::new(), Vec::new());
    for e in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if !e.file_type().is_file() || !newsquote::article::is_supported(e.path()) {
            continue;
        }
        files += 1;
        let (a, w, r) = read(e.path());
        arts.extend(a);
        warns.extend(w);
        if let Err(err) = r {
            errs.push(err);
        }
    }
    (files, arts, warns, errs)
}

#[test]
fn public_allsides_diplomacy() {
    let Some(dir) = shared("data/allsides/diplomacy") else {
        return;
    };
    let (files, arts, warns, errs) = read_tree(&dir);
    eprintln!(
        "diplomacy: {files} files, {} articles, {} warnings, {} errors",
        arts.len(),
        warns.len(),
        errs.len()
    );
    assert_eq!((files, arts.len()), (300, 300));
    assert!(errs.is_empty() && warns.is_empty());
    let dated = arts.iter().filter(|a| a.published.is_some()).count();
    let titled = arts
        .iter()
        .filter(|a| a.title.is_some() && a.source.is_some() && a.url.is_some())
        .count();
    eprintln!("diplomacy: {dated} dated, {titled} with title, source and url");
    assert!(dated >= 260 && titled == 300);
}

#[test]
fn public_newsplease() {
    let Some(dir) = shared("data/newsplease") else {
        return;
    };
    let (files, arts, warns, errs) = read_tree(&dir);
    eprintln!(
        "newsplease: {files} files, {} articles, {} warnings, {} errors: {errs:?}",
        arts.len(),
        warns.len(),
        errs.len()
    );
    // 933 JSON files: 2 are not JSON, 17 have no text.
    assert_eq!(files, 933);
    assert_eq!(arts.len(), 914);
    assert_eq!(errs.len(), 19);
    let dated = arts.iter().filter(|a| a.published.is_some()).count();
    // 21 records have no `date_publish` (only the download date, which is not a publication date).
    eprintln!("newsplease: {dated} dated");
    assert!(dated >= 890);
}

#[test]
#[ignore = "reads 90 MB of gzipped JSON Lines; run with --ignored"]
fn public_allsides_jsonl_gz() {
    let Some(path) = shared("data/allsides/all-articles.jsonl.gz") else {
        return;
    };
    let (mut n, mut dated) = (0, 0);
    let mut warns = Vec::new();
    let t = std::time::Instant::now();
    read_file(
        &path,
        &mut |a| {
            n += 1;
            dated += a.published.is_some() as usize;
        },
        &mut |w| warns.push(w),
    )
    .unwrap();
    eprintln!(
        "allsides: {n} articles, {dated} dated, {} warnings, {:.1}s",
        warns.len(),
        t.elapsed().as_secs_f64()
    );
    assert_eq!(n, 37554);
    assert!(dated >= 33100);
}

/// A top-level array is streamed entry by entry (`json::stream_array`): many entries, gzipped,
/// with a byte-order mark, entries without text warned as `path#N`, a cut array ending the
/// file with its line and column after the entries before the cut were read.
#[test]
fn arrays_streamed_entry_by_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut json = String::from("\u{feff}\n [");
    for i in 1..=3000 {
        if i > 1 {
            json.push_str(",\n");
        }
        if i % 1000 == 0 {
            json.push_str(&format!(r#"{{"title":"Empty {i}","text":""}}"#));
        } else {
            json.push_str(&format!(
                r#"{{"headline":"Tram line {i} opens","articleBody":"\"It runs every nine minutes,\" said Ilse Marrow.","datePublished":"2023-04-0{}","publisher":{{"name":"Orvane Post"}}}}"#,
                1 + i % 9
            ));
        }
    }
    json.push(']');
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(json.as_bytes()).unwrap();
    let path = write(dir.path(), "many.json.gz", &gz.finish().unwrap());
    let (arts, warns, r) = read(&path);
    r.unwrap();
    assert_eq!(arts.len(), 2997);
    assert_eq!(warns.len(), 3, "{warns:?}");
    assert!(
        warns[0].ends_with("many.json.gz#1000: no text"),
        "{warns:?}"
    );
    assert!(
        warns[2].ends_with("many.json.gz#3000: no text"),
        "{warns:?}"
    );
    let a = &arts[1];
    assert!(a.path.ends_with("many.json.gz#2"), "{}", a.path);
    assert_eq!(a.title.as_deref(), Some("Tram line 2 opens"));
    assert_eq!(a.source.as_deref(), Some("Orvane Post"));
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2023-04-03")
    );
    assert_eq!(a.text, "\"It runs every nine minutes,\" said Ilse Marrow.");

    // Cut in the third entry: two articles read, then the error with its place.
    let cut = "[{\"title\":\"A\",\"text\":\"One.\"},\n{\"title\":\"B\",\"text\":\"Two.\"},\n{\"title\":\"C\",\"te";
    let (arts, _, r) = read(&write(dir.path(), "cut-array.json", cut.as_bytes()));
    assert_eq!(arts.len(), 2);
    let e = r.unwrap_err();
    assert!(e.contains("cut-array.json: invalid JSON at line 3:"), "{e}");

    // Data after the array: the array is read, the rest is a warning.
    let (arts, warns, r) = read(&write(
        dir.path(),
        "tail.json",
        b"[{\"title\":\"A\",\"text\":\"One.\"}]\n{\"x\":1}",
    ));
    r.unwrap();
    assert_eq!(arts.len(), 1);
    assert_eq!(warns.len(), 1);
    assert!(
        warns[0].contains("tail.json: data after the array at line 2:"),
        "{warns:?}"
    );

    let (_, _, r) = read(&write(dir.path(), "none.json", b" [ ] "));
    assert!(r.unwrap_err().ends_with("none.json: no articles"));
}

/// A boilerplate line between paragraphs is left out of the article text, so that the offsets of a
/// quote after it slice the text `extract --body` prints (they were off by the line's length).
#[test]
fn offsets_after_a_dropped_line_slice_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"title":"Ferry talks","text":"OSLO (Newswire) — The ferry talks ended.\n\nAdvertisement\n\n\"We agreed on the timetable,\" Ilse Varga said."}"#;
    let (arts, _, r) = read(&write(dir.path(), "ferry.jsonl", json.as_bytes()));
    r.unwrap();
    let a = &arts[0];
    let quotes = newsquote::quote::extract_quotes(a);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(
        &a.text[quotes[0].start..quotes[0].end],
        "We agreed on the timetable"
    );
    let body = newsquote::output::extraction::extraction_json(a, &quotes, true);
    assert_eq!(body["body"].as_str(), Some(a.text.as_str()));
}

/// A hover card glued into a JSON Lines body (The Hill's, in allsides) is cut from the text.
#[test]
fn hover_cards_are_cut_from_json_text() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"title":"Ferry vote","text":"President Brask Halvor Emil BraskHarbour vote delayed again Ferry fares rise MORE on Monday said the ferry would sail in May."}"#;
    let (arts, _, r) = read(&write(dir.path(), "hill.jsonl", json.as_bytes()));
    r.unwrap();
    assert_eq!(
        arts[0].text,
        "President Brask on Monday said the ferry would sail in May."
    );
}
