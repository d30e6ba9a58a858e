//! End-to-end: `newsquote index` then the searches of the first release, through the binary,
//! with exit codes and JSON as users see them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = "sputnik-2024-06-19-putin-kim-talks.txt";

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn run(args: &[&str], index: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsquote"))
        .args(args)
        .arg("--index")
        .arg(index)
        .output()
        .expect("newsquote runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// An index of the seed article alone, so that ranks do not depend on the rest of the corpus.
fn seed_index() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::copy(corpus().join(SEED), docs.join(SEED)).unwrap();
    let index = dir.path().join("index");
    let o = run(&["index", docs.to_str().unwrap()], &index);
    assert!(o.status.success(), "index failed: {}", stderr(&o));
    (dir, index)
}

/// An index of the given (file name, text) articles, written and indexed in a temporary folder.
fn index_of(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for (name, text) in files {
        std::fs::write(docs.join(name), text).unwrap();
    }
    let index = dir.path().join("index");
    let o = run(&["index", docs.to_str().unwrap()], &index);
    assert!(o.status.success(), "index failed: {}", stderr(&o));
    (dir, index)
}

#[test]
fn phrase_and_two_words_rank_the_lede_first() {
    let (_dir, index) = seed_index();
    for query in ["\"strategic partnership\"", "strategic partnership"] {
        let o = run(&["search", query, "--json"], &index);
        assert_eq!(o.status.code(), Some(0), "{query}");
        let hits = json_lines(&o);
        let top = &hits[0];
        assert!(
            top["text"]
                .as_str()
                .unwrap()
                .contains("Comprehensive Strategic Partnership Agreement"),
            "{query}: top hit was {top}"
        );
        assert_eq!(top["kind"], "narration");
        assert_eq!(top["speaker"], serde_json::Value::Null);
        assert_eq!(top["rank"], 1);
    }
}

#[test]
fn speaker_filter_keeps_only_that_speaker() {
    let (_dir, index) = seed_index();
    let o = run(
        &["search", "strategic", "--speaker", "Kim Jong-un", "--json"],
        &index,
    );
    assert_eq!(o.status.code(), Some(0));
    let hits = json_lines(&o);
    assert_eq!(hits.len(), 2, "{hits:?}");
    let texts: Vec<&str> = hits.iter().map(|h| h["text"].as_str().unwrap()).collect();
    assert!(
        texts.iter().any(|t| t.contains("strategic stability")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("strategic communication")),
        "{texts:?}"
    );
    assert!(hits.iter().all(|h| h["speaker"] == "Kim Jong-un"));
}

#[test]
fn no_hits_exit_one() {
    let (_dir, index) = seed_index();
    let o = run(&["search", "strategic", "--speaker", "putin"], &index);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
}

#[test]
fn json_hits_carry_speaker_date_and_highlights() {
    let (_dir, index) = seed_index();
    let o = run(
        &["search", "Moscow", "--speaker", "putin", "--json"],
        &index,
    );
    assert_eq!(o.status.code(), Some(0));
    let hits = json_lines(&o);
    assert!(!hits.is_empty());
    assert!(
        hits.iter().all(|h| h["speaker"] == "Vladimir Putin"),
        "{hits:?}"
    );
    assert!(hits.iter().any(|h| h["text"]
        .as_str()
        .unwrap()
        .contains("held in Russia, in Moscow")));
    for h in &hits {
        assert_eq!(h["date"], "2024-06-19");
        assert_eq!(h["source"], "Sputnik International");
        let snippet = h["snippet"].as_str().unwrap();
        for range in h["highlights"].as_array().unwrap() {
            let (s, e) = (
                range[0].as_u64().unwrap() as usize,
                range[1].as_u64().unwrap() as usize,
            );
            assert_eq!(&snippet[s..e], "Moscow");
        }
    }
}

#[test]
fn second_run_changes_nothing_and_stats_count_passages() {
    let (dir, index) = seed_index();
    let docs = dir.path().join("docs");
    let o = run(&["index", docs.to_str().unwrap()], &index);
    assert!(
        stderr(&o).contains("0 files indexed, 1 unchanged"),
        "{}",
        stderr(&o)
    );
    let o = run(&["stats", "--json"], &index);
    let stats: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(stats["articles"], 1);
    assert_eq!(stats["articles_read"], 1);
    assert_eq!(stats["files"], 1);
    assert!(stats["quotes"].as_u64().unwrap() >= 12, "{stats}");
    assert_eq!(stats["first_date"], "2024-06-19");
}

#[test]
fn added_and_removed_files_are_followed() {
    let (dir, index) = seed_index();
    let docs = dir.path().join("docs");
    let extra = docs.join("extra.txt");
    std::fs::write(
        &extra,
        "Harbour closes\n\n\"The harbour closes at noon,\" port director Ines Valk said.\n",
    )
    .unwrap();
    let o = run(&["index", docs.to_str().unwrap()], &index);
    assert!(
        stderr(&o).contains("1 files indexed, 1 unchanged"),
        "{}",
        stderr(&o)
    );
    let o = run(&["search", "harbour", "--json"], &index);
    assert_eq!(o.status.code(), Some(0));
    std::fs::remove_file(&extra).unwrap();
    let o = run(&["index", docs.to_str().unwrap()], &index);
    assert!(stderr(&o).contains("1 removed"), "{}", stderr(&o));
    let o = run(&["search", "harbour"], &index);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn bad_date_is_a_one_line_error_naming_the_flag() {
    let (_dir, index) = seed_index();
    let o = run(&["search", "strategic", "--since", "2024-13"], &index);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("--since") && err.lines().count() == 1, "{err}");
}

#[test]
fn odd_queries_never_panic() {
    let (_dir, index) = seed_index();
    for q in [
        "text:",
        "(",
        "\"unbalanced",
        "a AND NOT b",
        "-2",
        "https://example.test/x",
    ] {
        let o = run(&["search", q], &index);
        assert!(matches!(o.status.code(), Some(0..=2)), "{q}");
        assert!(!stderr(&o).contains("panicked"), "{q}: {}", stderr(&o));
        assert!(stderr(&o).lines().count() <= 1, "{q}: {}", stderr(&o));
    }
}

#[test]
fn missing_index_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["search", "x"], &dir.path().join("nothing"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no index here"), "{}", stderr(&o));
}

#[test]
fn folder_that_is_not_an_index_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.md"), "mine").unwrap();
    let o = run(
        &["index", corpus().join(SEED).to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a newsquote index"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.md")).unwrap(),
        "mine"
    );
}

#[test]
fn indexing_the_corpus_reads_every_article_and_skips_its_gold_folder() {
    let dir = tempfile::tempdir().unwrap();
    let articles = std::fs::read_dir(corpus())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count();
    let o = run(
        &["index", corpus().to_str().unwrap()],
        &dir.path().join("index"),
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("warning"), "{err}");
    assert!(
        err.starts_with(&format!("{articles} files indexed, 0 unchanged")),
        "{err}"
    );
}

#[test]
fn hidden_files_and_ignore_file_entries_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("drafts")).unwrap();
    let story = "Port reopens\n\n\"The port reopens on Monday,\" harbour master Ines Valk said.\n";
    std::fs::write(docs.join("story.txt"), story).unwrap();
    std::fs::write(docs.join(".hidden.txt"), story).unwrap();
    std::fs::write(docs.join("drafts/draft.txt"), story).unwrap();
    std::fs::write(
        docs.join(".newsquoteignore"),
        "# not for the index\ndrafts/\n",
    )
    .unwrap();
    let o = run(
        &["index", docs.to_str().unwrap()],
        &dir.path().join("index"),
    );
    assert!(stderr(&o).starts_with("1 files indexed"), "{}", stderr(&o));
}

/// Requests that cannot mean anything are one-line errors with exit 2, not a silent exit 1 or a
/// hit the user did not ask for.
#[test]
fn impossible_requests_are_errors() {
    let (dir, index) = seed_index();
    let o = run(
        &[
            "search", "putin", "--since", "2024-09", "--until", "2024-03",
        ],
        &index,
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "newsquote: --since 2024-09 is after --until 2024-03: no date can match"
    );
    let o = run(&["search", "putin", "--limit", "0"], &index);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("'0' for '--limit"), "{}", stderr(&o));
    let file = dir.path().join("docs").join(SEED);
    let o = run(&["search", "putin"], &file);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).ends_with("is a file, not an index folder\n"),
        "{}",
        stderr(&o)
    );
    let o = Command::new(env!("CARGO_BIN_EXE_newsquote"))
        .args(["extract", "/nonexistent/newsquote-input"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "newsquote: /nonexistent/newsquote-input: no such file or folder"
    );
}

#[test]
fn date_bounds_say_how_many_undated_passages_they_leave_out() {
    let (_dir, index) = index_of(&[
        (
            "dated.txt",
            "Ferry fares\n\nPublished: 2024-03-04\n\nHARBOURTON, March 4 (Newswire) — \"Ferry fares will rise in May,\" Ilse Varga said.\n",
        ),
        (
            "undated.txt",
            "Ferry routes\n\n\"Ferry routes to the islands stay open,\" Tomas Reyes said.\n",
        ),
    ]);
    let o = run(
        &[
            "search", "ferry", "--kind", "quote", "--since", "2024", "--json",
        ],
        &index,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits = json_lines(&o);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["text"], "Ferry fares will rise in May");
    assert!(
        stderr(&o).contains("note: 1 matching passage has no date"),
        "{}",
        stderr(&o)
    );
    let o = run(&["search", "ferry", "--kind", "quote", "--json"], &index);
    assert_eq!(json_lines(&o).len(), 2);
    assert!(!stderr(&o).contains("no date"), "{}", stderr(&o));
    let o = run(&["search", "ferry", "--offset", "50"], &index);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no hits from --offset 50 on"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn punctuation_alone_finds_nothing_and_a_dangling_operator_is_dropped() {
    let (_dir, index) = seed_index();
    for query in ["\"", ":", "\u{201c}", "OR", "AND NOT"] {
        let o = run(&["search", query, "--json"], &index);
        assert_eq!(o.status.code(), Some(1), "{query}: {}", stderr(&o));
    }
    let plain = json_lines(&run(&["search", "partnership", "--json"], &index));
    let dangling = json_lines(&run(&["search", "partnership AND", "--json"], &index));
    assert!(!plain.is_empty());
    assert_eq!(dangling.len(), plain.len());
}

#[test]
fn stats_tell_distinct_article_texts_from_articles_read() {
    let story = "Ferry fares\n\n\"Ferry fares will rise in May,\" Ilse Varga said.\n";
    let (_dir, index) = index_of(&[("a.txt", story), ("a-copy.txt", story)]);
    let o = run(&["stats", "--json"], &index);
    let stats: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(stats["articles"], 1, "{stats}");
    assert_eq!(stats["articles_read"], 2, "{stats}");
    let text = stdout(&run(&["stats"], &index));
    assert!(
        text.contains("articles   1 distinct texts (2 read"),
        "{text}"
    );
}

#[test]
fn a_speaker_that_matches_nothing_gets_the_nearest_names() {
    let (_dir, index) = index_of(&[(
        "a.txt",
        "Ferry fares\n\n\"Ferry fares will rise in May,\" harbour master Ilse Varga said.\n",
    )]);
    let o = run(&["search", "ferry", "--speaker", "Ilse Vargas"], &index);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("speakers with a near name: Ilse Varga"),
        "{}",
        stderr(&o)
    );
    let o = run(&["search", "ferry", "--speaker", "Zzzz"], &index);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).contains("near name"), "{}", stderr(&o));
    // A known speaker with no passage for the query: the query is what failed, not the name.
    let o = run(&["search", "tunnel", "--speaker", "Varga"], &index);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).contains("near name"), "{}", stderr(&o));
}
