//! A plain-words query that finds nothing because of a misspelt word is read again with the
//! nearest common indexed spelling, and says so; queries that match, or that fail for another
//! reason, are left as typed.

mod common;

use std::path::Path;

use newsquote::index::{self, PassageIndex};
use newsquote::search::query::Respelling;
use newsquote::search::{self, Filters, SearchRequest};

fn build(dir: &Path) -> PassageIndex {
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    // 24 articles on grain tariffs, one with the rarer look-alike "terrific".
    for i in 0..24 {
        let text = format!(
            "Grain talks, part {i}\n\nMORNHOLT, May {}, 2025 (Newswire) — \"The tariffs on barley hurt both ports,\" Ilsa Varnholt said.\n",
            1 + i
        );
        std::fs::write(docs.join(format!("tariffs-{i:02}.txt")), text).unwrap();
    }
    std::fs::write(
        docs.join("harvest.txt"),
        "Harvest\n\nMORNHOLT, June 2, 2025 (Newswire) — \"The harvest was terrific,\" Oren Tal said.\n",
    )
    .unwrap();
    let passage_index = index::open_or_create(&dir.join("index"), false).unwrap();
    common::index_folder(&passage_index, &docs);
    passage_index
}

fn ask(index: &PassageIndex, query: &str, filters: Filters) -> search::Answer {
    let request = SearchRequest {
        query: query.into(),
        filters,
        limit: 5,
        snippet_chars: 200,
        ..Default::default()
    };
    search::search_forgiving(index, &request).unwrap()
}

#[test]
fn a_misspelt_word_is_read_as_the_nearest_common_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path());
    let answer = ask(&index, "tarrifs barley", Filters::default());
    assert_eq!(
        answer.respelled,
        vec![Respelling {
            typed: "tarrifs".into(),
            indexed: "tariff".into()
        }]
    );
    assert_eq!(answer.hits.len(), 1, "copies of one quote are one hit");
    assert_eq!(answer.hits[0].speaker.as_deref(), Some("Ilsa Varnholt"));
    assert!(answer.hits[0].snippet.contains("The tariffs on barley"));
}

#[test]
fn a_query_that_matches_or_fails_for_another_reason_is_left_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path());
    let answer = ask(&index, "tariffs", Filters::default());
    assert!(answer.respelled.is_empty());
    assert_eq!(answer.hits.len(), 1);

    // Every word is indexed; the speaker filter is why nothing matches.
    let nobody = Filters {
        speakers: vec!["Nobody Here".into()],
        ..Default::default()
    };
    let answer = ask(&index, "tariffs", nobody);
    assert!(answer.respelled.is_empty());
    assert!(answer.hits.is_empty());

    // No indexed word is near enough.
    let answer = ask(&index, "xqzvv", Filters::default());
    assert!(answer.respelled.is_empty());
    assert!(answer.hits.is_empty());
}
