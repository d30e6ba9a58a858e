//! The query-side cases from public bug reports (`../shared/cases/BC17.json`, `BC18.json`), as
//! small indexes built here: forgiving queries, and snippets that never split a character.

mod common;

use std::path::Path;

use newsquote::index;
use newsquote::search::{self, Filters, SearchRequest};

struct Fixture {
    speaker: &'static str,
    date: &'static str,
    location: &'static str,
    quote: &'static str,
}

/// Writes one article per fixture quote (dateline, then `"…," Speaker said.`) and indexes them.
fn build(dir: &Path, fixtures: &[Fixture]) -> index::PassageIndex {
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    for (i, f) in fixtures.iter().enumerate() {
        let text = format!(
            "Statement {i}\n\n{}, {} —\n\n\"{},\" {} said.\n",
            f.location.to_uppercase(),
            f.date,
            f.quote,
            f.speaker
        );
        std::fs::write(docs.join(format!("{i}.txt")), text).unwrap();
    }
    let passage_index = index::open_or_create(&dir.join("index"), false).unwrap();
    common::index_folder(&passage_index, &docs);
    passage_index
}

fn query(index: &index::PassageIndex, q: &str, snippet_chars: usize) -> Vec<search::Hit> {
    let request = SearchRequest {
        query: q.to_string(),
        filters: Filters::default(),
        limit: 10,
        snippet_chars,
        ..Default::default()
    };
    search::search(index, &request).unwrap_or_else(|e| panic!("{q}: {e}"))
}

fn bc17() -> Vec<Fixture> {
    vec![
        Fixture {
            speaker: "Leila Haddad",
            date: "2023-02-10",
            location: "Amman",
            quote: "A cease-fire has to hold for at least a week before talks begin.",
        },
        Fixture {
            speaker: "Jon Alder",
            date: "2023-02-11",
            location: "Oslo",
            quote: "We will cease operations at the old plant.",
        },
        Fixture {
            speaker: "Mara Quint",
            date: "2023-02-12",
            location: "Lima",
            quote: "Temperatures fell to -2 degrees and the border talks were paused: nobody could travel.",
        },
        Fixture {
            speaker: "Mara Quint",
            date: "2023-02-12",
            location: "Lima",
            quote: "The budget (draft) is posted at https://example.test/budget for anyone to read.",
        },
    ]
}

#[test]
fn hyphenated_and_curly_quoted_queries_rank_the_exact_word_first() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &bc17());
    for q in ["cease-fire", "\u{201C}cease-fire\u{201D}"] {
        let hits = query(&index, q, 150);
        assert!(!hits.is_empty(), "{q}");
        assert!(
            hits[0].text.contains("A cease-fire has to hold"),
            "{q}: {:?}",
            hits[0]
        );
        assert!(
            hits.iter().all(|h| !h.text.contains("cease operations")),
            "{q}"
        );
    }
}

#[test]
fn punctuation_typed_in_queries_still_finds_the_passage() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &bc17());
    for (q, expected) in [
        ("border talks:", "Temperatures fell"),
        ("-2 degrees", "Temperatures fell"),
        ("budget (draft)", "The budget (draft)"),
        ("https://example.test/budget", "The budget (draft)"),
        ("the \"border talks", "Temperatures fell"),
    ] {
        let hits = query(&index, q, 150);
        assert!(
            hits.iter().any(|h| h.text.contains(expected)),
            "{q}: {hits:?}"
        );
    }
}

#[test]
fn empty_field_and_operators_alone_are_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &bc17());
    for q in [
        "speaker:",
        "text:",
        "(",
        ")",
        "-",
        "AND",
        "\"",
        "cease AND NOT operations",
    ] {
        let _ = query(&index, q, 150);
    }
    let hits = query(&index, "cease AND NOT operations", 150);
    assert!(
        hits.iter().all(|h| !h.text.contains("operations")),
        "{hits:?}"
    );
}

#[test]
fn snippets_never_split_a_character_at_any_length() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(
        dir.path(),
        &[
            Fixture {
                speaker: "Anja Brückner",
                date: "2023-05-02",
                location: "Zürich",
                quote: "„Der Übergang in Zürich öffnet erst im März“ — und bis dahin „gilt der Umweg über Oerlikon“ 🚧.",
            },
            Fixture {
                speaker: "Chen Yu",
                date: "2023-05-03",
                location: "Taipei",
                quote: "“新的市场将在五月开放。”这是“市场”的第二阶段。",
            },
        ],
    );
    for q in ["Zürich", "Oerlikon", "市场"] {
        for chars in [1, 2, 3, 5, 10, 20, 40, 80, 150] {
            for hit in query(&index, q, chars) {
                assert!(!hit.snippet.contains('\u{FFFD}'));
                for [s, e] in &hit.highlights {
                    let word = hit
                        .snippet
                        .get(*s..*e)
                        .unwrap_or_else(|| panic!("{q}/{chars}: bad range"));
                    if q != "市场" {
                        assert_eq!(word.to_lowercase(), q.to_lowercase(), "{q}/{chars}");
                    }
                }
            }
        }
    }
    let hits = query(&index, "Oerlikon", 150);
    assert_eq!(hits.len(), 1);
    let [s, e] = hits[0].highlights[0];
    assert_eq!(&hits[0].snippet[s..e], "Oerlikon");
}
