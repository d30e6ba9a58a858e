//! Ctrl-C in the middle of a large JSON Lines file: what was read is committed (it once was rolled
//! back, losing every passage while the CLI said it was committed), and the next run finishes the
//! file without duplicates. The stop is raised from the warning for a broken line, which the reader
//! emits synchronously, so the cut falls at the same article every run.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use newsquote::index::{self, IndexOptions};
use newsquote::search::{self, Filters, SearchRequest};

fn jsonl(articles: usize, broken_at: usize) -> String {
    let mut out = String::new();
    for i in 1..=articles {
        if i == broken_at {
            out.push_str("{\"title\": \"broken\n");
            continue;
        }
        out.push_str(&format!(
            "{{\"title\": \"Harbour note {i}\", \"date\": \"2025-03-04\", \"text\": \"OSLO (Newswire) — The quay{i} ferry sails at noon. \\\"We sail for quay{i},\\\" Ilsa Varnholt said.\"}}\n"
        ));
    }
    out
}

fn hits(index: &index::PassageIndex, query: &str) -> usize {
    let request = SearchRequest {
        query: query.into(),
        filters: Filters::default(),
        limit: 50,
        snippet_chars: 100,
        ..Default::default()
    };
    search::search(index, &request).unwrap().len()
}

#[test]
fn ctrl_c_in_a_jsonl_file_commits_what_was_read_and_the_next_run_finishes_it() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("feed.jsonl"), jsonl(300, 101)).unwrap();
    let passages = index::open_or_create(&dir.path().join("index"), false).unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let options = IndexOptions {
        stop: Some(stop.clone()),
        ..IndexOptions::default()
    };
    let raise = |_: String| stop.store(true, Ordering::Relaxed);
    let first = index::index_paths(
        &passages,
        std::slice::from_ref(&docs),
        &options,
        &raise,
        &|_| {},
        &|_| {},
    )
    .unwrap();
    assert!(first.interrupted);
    assert_eq!(first.indexed, 0, "the cut file is not finished");
    assert_eq!(first.articles, 100);
    let stats = search::stats(&passages).unwrap();
    assert_eq!(stats.files, 0);
    assert_eq!(stats.articles, 100);
    assert_eq!(stats.passages, first.passages);
    assert_eq!(
        hits(&passages, "quay1"),
        2,
        "narration and quote of article 1"
    );
    assert_eq!(hits(&passages, "quay250"), 0);

    let second = index::index_paths(
        &passages,
        &[docs],
        &IndexOptions::default(),
        &|_| {},
        &|_| {},
        &|_| {},
    )
    .unwrap();
    assert!(!second.interrupted);
    assert_eq!(second.indexed, 1);
    let stats = search::stats(&passages).unwrap();
    assert_eq!((stats.files, stats.articles), (1, 299));
    assert_eq!(
        hits(&passages, "quay1"),
        2,
        "no copies left from the first run"
    );
    assert_eq!(hits(&passages, "quay250"), 2);
}

#[test]
fn a_file_cut_off_by_ctrl_c_and_then_deleted_leaves_no_passages() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("feed.jsonl"), jsonl(300, 101)).unwrap();
    let passages = index::open_or_create(&dir.path().join("index"), false).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let options = IndexOptions {
        stop: Some(stop.clone()),
        ..IndexOptions::default()
    };
    let raise = |_: String| stop.store(true, Ordering::Relaxed);
    let first = index::index_paths(
        &passages,
        std::slice::from_ref(&docs),
        &options,
        &raise,
        &|_| {},
        &|_| {},
    )
    .unwrap();
    assert!(first.interrupted);
    assert_eq!(hits(&passages, "quay1"), 2);

    // The cut file has passages but no manifest entry; it is deleted before the next run.
    std::fs::remove_file(docs.join("feed.jsonl")).unwrap();
    let second = index::index_paths(
        &passages,
        &[docs],
        &IndexOptions::default(),
        &|_| {},
        &|_| {},
        &|_| {},
    )
    .unwrap();
    assert_eq!(second.removed, 1);
    let stats = search::stats(&passages).unwrap();
    assert_eq!((stats.files, stats.articles, stats.passages), (0, 0, 0));
    assert_eq!(hits(&passages, "quay1"), 0);
}
