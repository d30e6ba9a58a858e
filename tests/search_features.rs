//! Search features on small indexes built here: speaker filter across spellings, inclusive date
//! bounds, date sort, phrase ranking, speaker facets, and one hit for a quote carried by several
//! articles. Articles are written as `Title`, blank line, `CITY, date (Source) — "…," Name said.`

mod common;

use std::path::Path;

use newsquote::index::{self, PassageIndex};
use newsquote::search::{self, parse_date_bound, Filters, KindFilter, SearchRequest, SortOrder};

/// (file name, source, date as "June 30, 2024", speaker, quote)
type Story<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

fn build(dir: &Path, stories: &[Story]) -> PassageIndex {
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    for (name, source, date, speaker, quote) in stories {
        let text = format!(
            "Statement on {date}\n\nOSLO, {date} ({source}) — \"{quote},\" {speaker} said.\n"
        );
        std::fs::write(docs.join(name), text).unwrap();
    }
    let passage_index = index::open_or_create(&dir.join("index"), false).unwrap();
    common::index_folder(&passage_index, &docs);
    passage_index
}

fn quotes(index: &PassageIndex, q: &str, filters: Filters, sort: SortOrder) -> Vec<search::Hit> {
    let request = SearchRequest {
        query: q.into(),
        filters: Filters {
            kind: KindFilter::Quote,
            ..filters
        },
        sort,
        limit: 20,
        snippet_chars: 200,
        ..Default::default()
    };
    search::search(index, &request).unwrap()
}

fn speakers(names: &[&str]) -> Filters {
    Filters {
        speakers: names.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

#[test]
fn speaker_filter_ignores_case_accents_doubled_letters_and_takes_any_of_several() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(
        dir.path(),
        &[
            (
                "a.txt",
                "Newswire",
                "June 3, 2024",
                "Recep Erdoğan",
                "The corridor stays open",
            ),
            (
                "b.txt",
                "Newswire",
                "June 4, 2024",
                "Volodymyr Zelenskyy",
                "The corridor must stay open",
            ),
            (
                "c.txt",
                "Newswire",
                "June 5, 2024",
                "Mara Quint",
                "The corridor is closed to trucks",
            ),
        ],
    );
    let who = |hits: Vec<search::Hit>| -> Vec<String> {
        let mut v: Vec<String> = hits.into_iter().filter_map(|h| h.speaker).collect();
        v.sort();
        v
    };
    assert_eq!(
        who(quotes(
            &index,
            "corridor",
            speakers(&["erdogan"]),
            SortOrder::Relevance
        )),
        ["Recep Erdoğan"]
    );
    assert_eq!(
        who(quotes(
            &index,
            "corridor",
            speakers(&["ERDOĞAN"]),
            SortOrder::Relevance
        )),
        ["Recep Erdoğan"]
    );
    assert_eq!(
        who(quotes(
            &index,
            "corridor",
            speakers(&["zelensky"]),
            SortOrder::Relevance
        )),
        ["Volodymyr Zelenskyy"]
    );
    assert_eq!(
        who(quotes(
            &index,
            "corridor",
            speakers(&["Recep Erdogan", "Quint"]),
            SortOrder::Relevance
        )),
        ["Mara Quint", "Recep Erdoğan"]
    );
    assert!(quotes(
        &index,
        "corridor",
        speakers(&["Recep Quint"]),
        SortOrder::Relevance
    )
    .is_empty());
}

#[test]
fn date_bounds_are_inclusive_and_date_sort_is_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(
        dir.path(),
        &[
            (
                "a.txt",
                "Newswire",
                "December 31, 2023",
                "Mara Quint",
                "Tariffs rise on the first of the month",
            ),
            (
                "b.txt",
                "Newswire",
                "January 1, 2024",
                "Mara Quint",
                "Tariffs rise today",
            ),
            (
                "c.txt",
                "Newswire",
                "June 30, 2024",
                "Mara Quint",
                "Tariffs fall next week",
            ),
            (
                "d.txt",
                "Newswire",
                "July 1, 2024",
                "Mara Quint",
                "Tariffs fall today",
            ),
        ],
    );
    let filters = Filters {
        since: Some(parse_date_bound("2024").unwrap()),
        until: Some(parse_date_bound("2024-06").unwrap()),
        ..Default::default()
    };
    let hits = quotes(&index, "tariffs", filters, SortOrder::Date);
    let dates: Vec<_> = hits.iter().map(|h| h.date.clone().unwrap()).collect();
    assert_eq!(dates, ["2024-06-30", "2024-01-01"]);
    let filters = Filters {
        until: Some(parse_date_bound("2023-12-31").unwrap()),
        ..Default::default()
    };
    let hits = quotes(&index, "tariffs", filters, SortOrder::Date);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].date.as_deref(), Some("2023-12-31"));
    let all = quotes(&index, "tariffs", Filters::default(), SortOrder::Date);
    let dates: Vec<_> = all.iter().map(|h| h.date.clone().unwrap()).collect();
    assert_eq!(
        dates,
        ["2024-07-01", "2024-06-30", "2024-01-01", "2023-12-31"]
    );
}

#[test]
fn invalid_dates_are_refused_with_the_accepted_forms() {
    for bad in ["2024-13", "24", "2024-02-30", "June 2024", ""] {
        let e = parse_date_bound(bad).unwrap_err();
        assert!(e.contains("YYYY-MM-DD"), "{bad}: {e}");
    }
    let b = parse_date_bound("2024-02").unwrap();
    assert_eq!(
        (b.first.to_string(), b.last.to_string()),
        ("2024-02-01".into(), "2024-02-29".into())
    );
}

#[test]
fn words_side_by_side_rank_above_scattered_words() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(
        dir.path(),
        &[
            (
                "a.txt",
                "Newswire",
                "June 3, 2024",
                "Mara Quint",
                "Trade grew while the strategic reserve held, a partnership said",
            ),
            (
                "b.txt",
                "Newswire",
                "June 4, 2024",
                "Ivo Petrov",
                "We signed a strategic partnership with our neighbours",
            ),
        ],
    );
    let hits = quotes(
        &index,
        "strategic partnership",
        Filters::default(),
        SortOrder::Relevance,
    );
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0].speaker.as_deref(), Some("Ivo Petrov"));
    let [s, e] = hits[0].highlights[0];
    assert_eq!(&hits[0].snippet[s..e], "strategic partnership");
}

#[test]
fn a_quote_carried_by_several_articles_is_one_hit_earliest_first() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(
        dir.path(),
        &[
            (
                "late.txt",
                "Partner Wire",
                "June 5, 2022",
                "Funmi Adeyemi",
                "We will publish the audit in July",
            ),
            (
                "first.txt",
                "Newswire",
                "June 2, 2022",
                "Funmi Adeyemi",
                "We will publish the audit in July",
            ),
            (
                "copy.txt",
                "Daily Copy",
                "June 3, 2022",
                "Funmi Adeyemi",
                "We will publish the audit in  July",
            ),
        ],
    );
    let hits = quotes(
        &index,
        "audit July",
        Filters::default(),
        SortOrder::Relevance,
    );
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].date.as_deref(), Some("2022-06-02"));
    assert_eq!(hits[0].source.as_deref(), Some("Newswire"));
    let also: Vec<_> = hits[0]
        .also_in
        .iter()
        .map(|c| c.source.clone().unwrap())
        .collect();
    assert_eq!(also, ["Daily Copy", "Partner Wire"]);
    // Indexing the same folder again adds nothing.
    let again = common::index_folder(&index, &dir.path().join("docs"));
    assert_eq!((again.indexed, again.unchanged), (0, 3));
}

#[test]
fn speaker_facets_fold_middle_names_and_count_articles() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(
        dir.path(),
        &[
            (
                "a.txt",
                "Newswire",
                "June 3, 2024",
                "George W. Bush",
                "The levee will hold",
            ),
            (
                "b.txt",
                "Newswire",
                "June 9, 2024",
                "George Bush",
                "The levee held",
            ),
            (
                "c.txt",
                "Newswire",
                "June 4, 2024",
                "George W. Bush",
                "The levee needs money",
            ),
            (
                "d.txt",
                "Newswire",
                "June 5, 2024",
                "Mara Quint",
                "The levee leaks",
            ),
        ],
    );
    let facets = search::speakers(&index, "levee", &Filters::default(), 10).unwrap();
    assert_eq!(facets.len(), 2, "{facets:?}");
    assert_eq!(facets[0].speaker, "George W. Bush");
    assert_eq!((facets[0].quotes, facets[0].articles), (3, 3));
    assert_eq!(facets[0].first_date.as_deref(), Some("2024-06-03"));
    assert_eq!(facets[0].last_date.as_deref(), Some("2024-06-09"));
    assert_eq!(
        (facets[1].speaker.as_str(), facets[1].quotes),
        ("Mara Quint", 1)
    );
}

/// A name typed among the query words finds that person's quotes, whose text seldom names them,
/// and the topic words decide the order among them; narration naming both comes after.
#[test]
fn a_speaker_name_in_the_query_finds_their_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(
        docs.join("levy.txt"),
        "Levy vote delayed\n\nOSLO, March 7, 2025 (Newswire) — The harbour board met on Friday.\n\n\
         \"The barley levy would ruin our growers, and a levy on oats would follow,\" Ilsa Varnholt said.\n\n\
         \"We need the harbour open in May,\" Varnholt said.\n\n\
         Asked about the barley levy on Friday, Varnholt left the room without an answer.\n\n\
         \"No levy will pass this year,\" said Tomas Brekke, the board's chair.\n",
    )
    .unwrap();
    let passage_index = index::open_or_create(&dir.path().join("index"), false).unwrap();
    common::index_folder(&passage_index, &docs);
    let request = SearchRequest {
        query: "Varnholt levy".into(),
        limit: 20,
        snippet_chars: 200,
        ..Default::default()
    };
    let hits = search::search(&passage_index, &request).unwrap();
    let shown: Vec<(&str, Option<&str>)> = hits
        .iter()
        .map(|h| (h.kind.as_str(), h.speaker.as_deref()))
        .collect();
    assert_eq!(
        shown,
        [("direct", Some("Ilsa Varnholt")), ("narration", None)],
        "{hits:?}"
    );
    assert_eq!(
        hits[0].text,
        "The barley levy would ruin our growers, and a levy on oats would follow"
    );
    // Brekke's quote has "levy" but not Varnholt; the quote about the harbour has Varnholt but not
    // "levy": neither is found.
    let brekke = SearchRequest {
        query: "Brekke levy".into(),
        ..request
    };
    let hits = search::search(&passage_index, &brekke).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].speaker.as_deref(), Some("Tomas Brekke"));
}

/// A query of exclusions only finds every passage but the excluded ones (it once found exactly
/// the excluded ones), and `field:*` is read as "everything", not as an error.
#[test]
fn exclusions_alone_and_field_star_queries() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(
        dir.path(),
        &[
            (
                "a.txt",
                "Newswire",
                "March 3, 2025",
                "Ilsa Varnholt",
                "Barley goes first",
            ),
            (
                "b.txt",
                "Newswire",
                "March 4, 2025",
                "Tomas Brekke",
                "Oats go second",
            ),
        ],
    );
    for typed in ["-barley", "NOT barley", "-barley -nothingelse"] {
        let hits = quotes(&index, typed, Filters::default(), SortOrder::Relevance);
        let texts: Vec<&str> = hits.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts, ["Oats go second"], "{typed}");
    }
    for typed in ["text:*", "quote:*", "*"] {
        let hits = quotes(&index, typed, Filters::default(), SortOrder::Relevance);
        assert_eq!(hits.len(), 2, "{typed}: {hits:?}");
    }
}

/// `speakers` counts a quote carried by several articles once, as `search` shows it once, and
/// counts the articles that carry it; narration has no speakers.
#[test]
fn speaker_facets_count_copies_of_a_quote_once() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(
        dir.path(),
        &[
            (
                "a.txt",
                "Newswire",
                "June 3, 2024",
                "Mara Quint",
                "The levee leaks",
            ),
            (
                "b.txt",
                "Coast Daily",
                "June 4, 2024",
                "Mara Quint",
                "The levee leaks",
            ),
            (
                "c.txt",
                "Newswire",
                "June 5, 2024",
                "Mara Quint",
                "The levee holds",
            ),
        ],
    );
    let facets = search::speakers(&index, "levee", &Filters::default(), 10).unwrap();
    assert_eq!(facets.len(), 1, "{facets:?}");
    assert_eq!((facets[0].quotes, facets[0].articles), (2, 3));
    let narration = Filters {
        kind: KindFilter::Narration,
        ..Default::default()
    };
    assert!(search::speakers(&index, "", &narration, 10)
        .unwrap()
        .is_empty());
}

/// `cease-fire` typed finds the closed form `ceasefire` that the article wrote, and the other way
/// round the hyphenated text is still found by its parts.
#[test]
fn a_hyphenated_query_finds_the_closed_compound() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(
        dir.path(),
        &[
            (
                "a.txt",
                "Newswire",
                "March 3, 2025",
                "Ilsa Varnholt",
                "The ceasefire holds in Orsk",
            ),
            (
                "b.txt",
                "Newswire",
                "March 4, 2025",
                "Tomas Brekke",
                "The cease-fire in Kell is fragile",
            ),
        ],
    );
    let texts = |typed: &str| -> Vec<String> {
        quotes(&index, typed, Filters::default(), SortOrder::Date)
            .into_iter()
            .map(|h| h.text)
            .collect()
    };
    assert_eq!(
        texts("cease-fire"),
        [
            "The cease-fire in Kell is fragile",
            "The ceasefire holds in Orsk"
        ]
    );
    assert_eq!(texts("ceasefire"), ["The ceasefire holds in Orsk"]);
}

#[test]
fn speaker_filter_finds_a_name_with_or_without_its_middle_initial_and_behind_a_long_title() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(
        dir.path(),
        &[
            (
                "a.txt",
                "Newswire",
                "March 4, 2024",
                "Foreign Minister Johan K. Varga",
                "The ferry talks will resume in April",
            ),
            (
                "b.txt",
                "Newswire",
                "March 5, 2024",
                "Johan Varga",
                "The ferry tariffs stay where they are",
            ),
            (
                "c.txt",
                "Newswire",
                "March 6, 2024",
                "Johan Vargas-Lind",
                "The ferry timetable is not my concern",
            ),
        ],
    );
    let texts = |value: &str| {
        let mut v: Vec<String> = quotes(&index, "ferry", speakers(&[value]), SortOrder::Relevance)
            .into_iter()
            .map(|h| h.text)
            .collect();
        v.sort();
        v
    };
    let both = [
        "The ferry talks will resume in April",
        "The ferry tariffs stay where they are",
    ];
    assert_eq!(texts("Johan Varga"), both);
    assert_eq!(texts("Johan K. Varga"), both);
    assert_eq!(texts("Deputy Foreign Minister Johan Varga"), both);
    assert_eq!(texts("Minister of Foreign Affairs Johan Varga"), both);
    assert_eq!(texts("Varga"), both);
}

#[test]
fn a_sentence_with_the_query_words_ranks_above_a_fragment_of_only_those_words() {
    let dir = tempfile::tempdir().unwrap();
    // Quotes of everyday length around the two, so that BM25's average field length is a
    // newsroom's, not two passages'.
    let others = [
        "The harbour board will meet again on Thursday to settle the dredging contract for the east quay",
        "We have asked the ministry twice for the inspection reports and we are still waiting for an answer",
        "Nobody on the council wants the night buses cut, but the budget leaves us very little room this year",
        "The new terminal should open in the spring if the last of the steel arrives from the mill on time",
    ];
    let mut stories = vec![
        ("a.txt".to_string(), "Ferry tariffs".to_string()),
        (
            "b.txt".to_string(),
            "Ferry tariffs will rise by a tenth in May, and the island routes will pay the most"
                .to_string(),
        ),
    ];
    for (i, other) in others.iter().enumerate() {
        stories.push((format!("o{i}.txt"), other.to_string()));
    }
    let stories: Vec<Story> = stories
        .iter()
        .map(|(name, quote)| {
            (
                name.as_str(),
                "Newswire",
                "March 4, 2024",
                "Ilse Varga",
                quote.as_str(),
            )
        })
        .collect();
    let index = build(dir.path(), &stories);
    let hits = quotes(
        &index,
        "ferry tariffs",
        Filters::default(),
        SortOrder::Relevance,
    );
    let texts: Vec<&str> = hits.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Ferry tariffs will rise by a tenth in May, and the island routes will pay the most",
            "Ferry tariffs"
        ]
    );
}

#[test]
fn a_page_is_full_when_every_passage_has_many_copies() {
    let dir = tempfile::tempdir().unwrap();
    let quotes = [
        "The ferry to Holm will run twice a day from April",
        "The ferry fares stay where they are until the autumn",
        "The ferry crews will get a new contract in May",
        "The ferry terminal reopens once the dredging is done",
        "The ferry timetable for the islands is published on Friday",
        "The ferry to Saltvik needs a second boat in summer",
    ];
    let names: Vec<String> = (0..quotes.len() * 8).map(|i| format!("{i}.txt")).collect();
    let stories: Vec<Story> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            (
                name.as_str(),
                "Newswire",
                "March 4, 2024",
                "Ilse Varga",
                quotes[i % quotes.len()],
            )
        })
        .collect();
    let index = build(dir.path(), &stories);
    let request = SearchRequest {
        query: "ferry".to_string(),
        filters: Filters {
            kind: KindFilter::Quote,
            ..Default::default()
        },
        limit: 5,
        snippet_chars: 200,
        ..Default::default()
    };
    let hits = search::search(&index, &request).unwrap();
    assert_eq!(hits.len(), 5);
    assert!(
        hits.iter().all(|h| h.also_in.len() == 7),
        "eight copies each"
    );
    let second_page = search::search(
        &index,
        &SearchRequest {
            offset: 5,
            ..request
        },
    )
    .unwrap();
    assert_eq!(second_page.len(), 1);
}
