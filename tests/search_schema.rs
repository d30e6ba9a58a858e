//! Behaviours that follow from how the index stores passages (schema version 3): ids read from
//! fast fields (`show` by id), the headline indexed on an article's first passage only, copies of
//! a passage found through their words and capped, location filters without positions, and a
//! searcher that sees a later commit.

mod common;

use std::path::Path;

use newsquote::index::{self, PassageIndex};
use newsquote::search::{self, Filters, KindFilter, SearchRequest, MAX_CARRIERS};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
}

fn find(index: &PassageIndex, query: &str, filters: Filters) -> Vec<search::Hit> {
    let request = SearchRequest {
        query: query.into(),
        filters,
        limit: 20,
        snippet_chars: 200,
        ..Default::default()
    };
    search::search(index, &request).unwrap()
}

const HARBOUR: &str = "Harbour deal signed in Port Vask\n\n\
PORT VASK, March 4, 2025 (Newswire) — Tessaly and Mornholt signed a grain harbour deal on Tuesday.\n\n\
\"This harbour will feed two nations,\" Ilsa Varnholt said.\n\n\
The first ships are due in May.\n";

#[test]
fn show_finds_a_passage_by_the_id_search_printed() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("docs"), "harbour.txt", HARBOUR);
    let index = index::open_or_create(&dir.path().join("index"), false).unwrap();
    common::index_folder(&index, &dir.path().join("docs"));
    let hits = find(&index, "feed nations", Filters::default());
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].passage_id.len(), 16);
    let context = search::passage_context(&index, &hits[0].passage_id, 1)
        .unwrap()
        .expect("the id search printed is found");
    // The scorers accept the quote with or without the comma inside its marks.
    assert_eq!(
        context.hit.text.trim_end_matches(','),
        "This harbour will feed two nations"
    );
    assert_eq!(context.hit.speaker.as_deref(), Some("Ilsa Varnholt"));
    assert_eq!(
        context.paragraphs,
        vec!["\"This harbour will feed two nations,\" Ilsa Varnholt said."]
    );
    assert_eq!(context.after, vec!["The first ships are due in May."]);
    assert!(search::passage_context(&index, "0123456789abcdef", 1)
        .unwrap()
        .is_none());
    assert!(search::passage_context(&index, "not an id", 1)
        .unwrap()
        .is_none());
}

#[test]
fn title_matches_each_article_once_and_location_needs_every_word() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    write(&docs, "harbour.txt", HARBOUR);
    write(
        &docs,
        "fisheries.txt",
        "Fisheries talks stall\n\nOSLO, March 5, 2025 (Newswire) — Talks on the Grey Sound fisheries stalled.\n\n\
         The harbour at Vask was not discussed.\n",
    );
    let index = index::open_or_create(&dir.path().join("index"), false).unwrap();
    common::index_folder(&index, &docs);

    let by_title = find(&index, "title:harbour", Filters::default());
    assert_eq!(by_title.len(), 1, "{by_title:?}");
    assert_eq!(
        by_title[0].title.as_deref(),
        Some("Harbour deal signed in Port Vask")
    );
    assert_eq!(by_title[0].line, 1);
    // Every passage still shows its article's headline.
    let quote = find(&index, "nations", Filters::default());
    assert_eq!(
        quote[0].title.as_deref(),
        Some("Harbour deal signed in Port Vask")
    );

    let at = |place: &str| Filters {
        location: Some(place.into()),
        kind: KindFilter::Quote,
        ..Default::default()
    };
    assert_eq!(find(&index, "*", at("port vask")).len(), 1);
    assert_eq!(find(&index, "*", at("Vask Port")).len(), 1);
    assert_eq!(find(&index, "*", at("port oslo")).len(), 0);
}

#[test]
fn a_passage_carried_by_many_articles_is_one_hit_with_the_carriers_capped() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    let copies = MAX_CARRIERS + 6;
    for i in 0..copies {
        let day = 1 + i % 28;
        let month = ["January", "February", "March", "April"][i / 28];
        let text = format!(
            "Copy {i}\n\nOSLO, {month} {day}, 2025 (Newswire) — \"The northern quay reopens for barley,\" Ilsa Varnholt said.\n"
        );
        write(&docs, &format!("copy-{i:03}.txt"), &text);
    }
    let index = index::open_or_create(&dir.path().join("index"), false).unwrap();
    common::index_folder(&index, &docs);
    let hits = find(&index, "barley", Filters::default());
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].date.as_deref(), Some("2025-01-01"));
    assert_eq!(hits[0].also_in.len(), MAX_CARRIERS - 1);
    assert_eq!(hits[0].also_in[0].date.as_deref(), Some("2025-01-02"));
}

#[test]
fn a_search_after_another_commit_sees_it() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    write(&docs, "harbour.txt", HARBOUR);
    let index = index::open_or_create(&dir.path().join("index"), false).unwrap();
    common::index_folder(&index, &docs);
    assert_eq!(find(&index, "barley", Filters::default()).len(), 0);
    write(
        &docs,
        "quay.txt",
        "Quay\n\nOSLO, March 6, 2025 (Newswire) — \"Barley goes first,\" Ilsa Varnholt said.\n",
    );
    common::index_folder(&index, &docs);
    let hits = find(&index, "barley", Filters::default());
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].text.trim_end_matches(','), "Barley goes first");
}

#[test]
fn narration_around_a_quote_is_found_with_the_quote_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    write(
        &docs,
        "levy.txt",
        "Levy vote delayed\n\nPORT VASK, March 7, 2025 (Newswire) — The harbour board met on Friday.\n\n\
         Asked whether Tessaly would join the barley levy against Mornholt, Varnholt replied: \"Our position has not changed.\"\n\n\
         \"We decide with our partners,\" she said.\n",
    );
    let index = index::open_or_create(&dir.path().join("index"), false).unwrap();
    common::index_folder(&index, &docs);

    let hits = find(&index, "barley levy", Filters::default());
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].kind, "narration");
    assert_eq!(
        hits[0].text,
        "Asked whether Tessaly would join the barley levy against Mornholt, Varnholt replied: \"…\""
    );
    assert_eq!(hits[0].line, 5);
    // The quote is its own passage, and its words are not found again in the narration.
    let quote = find(&index, "position changed", Filters::default());
    assert_eq!(quote.len(), 1, "{quote:?}");
    assert_eq!(quote[0].kind, "direct");
    assert_eq!(quote[0].speaker.as_deref(), Some("Varnholt"));
    // "… she said." is two words: no narration passage for it.
    let said = find(
        &index,
        "she said",
        Filters {
            kind: KindFilter::Narration,
            ..Default::default()
        },
    );
    assert!(said.is_empty(), "{said:?}");
}

fn story(date: &str, body: &str) -> String {
    format!("Quay notes\n\nOSLO, {date}, 2025 (Newswire) — The council met.\n\n{body}\n")
}

/// Copies of a passage are shown only when they match the query and filters themselves, the hit
/// shown under date order is the newest copy, and `also_in` never lists the hit's own article.
#[test]
fn copies_shown_must_match_the_filters_and_the_sort() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    let shared = "\"The northern quay reopens for barley in May,\"";
    write(
        &docs,
        "a.txt",
        &story("January 5", &format!("{shared} Ilsa Varnholt said.")),
    );
    // A later article gives the same words to someone else, twice.
    write(
        &docs,
        "b.txt",
        &story(
            "March 9",
            &format!("{shared} Tomas Brekke said.\n\n{shared} Brekke said again."),
        ),
    );
    write(
        &docs,
        "c.txt",
        &story(
            "February 2",
            "\"Barley prices fell all winter,\" Ilsa Varnholt said.",
        ),
    );
    let index = index::open_or_create(&dir.path().join("index"), false).unwrap();
    common::index_folder(&index, &docs);

    let quotes = Filters {
        kind: KindFilter::Quote,
        ..Default::default()
    };
    let all = find(&index, "northern quay", quotes.clone());
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].speaker.as_deref(), Some("Ilsa Varnholt"));
    assert_eq!(all[0].date.as_deref(), Some("2025-01-05"));
    let also: Vec<&str> = all[0].also_in.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        also.len(),
        1,
        "b.txt once, though it holds the quote twice: {also:?}"
    );
    assert!(also[0].ends_with("b.txt"), "{also:?}");

    let by_brekke = find(
        &index,
        "northern quay",
        Filters {
            speakers: vec!["Brekke".into()],
            ..quotes.clone()
        },
    );
    assert_eq!(by_brekke.len(), 1, "{by_brekke:?}");
    assert_eq!(by_brekke[0].speaker.as_deref(), Some("Tomas Brekke"));
    assert_eq!(by_brekke[0].date.as_deref(), Some("2025-03-09"));
    assert!(
        by_brekke[0].also_in.is_empty(),
        "{:?}",
        by_brekke[0].also_in
    );

    let request = SearchRequest {
        query: "barley".into(),
        filters: quotes,
        sort: search::SortOrder::Date,
        limit: 20,
        snippet_chars: 200,
        ..Default::default()
    };
    let dated: Vec<Option<String>> = search::search(&index, &request)
        .unwrap()
        .into_iter()
        .map(|h| h.date)
        .collect();
    assert_eq!(
        dated,
        [
            Some("2025-03-09".to_string()),
            Some("2025-02-02".to_string())
        ]
    );
}
