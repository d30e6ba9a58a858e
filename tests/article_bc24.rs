//! Case BC24 (`../shared/cases/BC24.json`) end to end through the binary: one story saved as
//! `.txt`, `.html` and a syndicated `.json` copy, indexed twice, is one search hit whose
//! `also_in` lists the other two copies, earliest date first. The story is written here.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], index: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsquote"))
        .args(args)
        .arg("--index")
        .arg(index)
        .output()
        .expect("newsquote runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const QUOTE: &str = "The new pier will be finished before the winter storms";

#[test]
fn one_story_in_three_forms_is_one_hit() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    // The page saved from the browser is the first publication; the plain-text copy carries a
    // dateline a day later and the wire's JSON copy, without the dateline, two days later.
    std::fs::write(
        docs.join("pier.html"),
        format!("<html><head><meta property=\"article:published_time\" content=\"2023-04-11\"><title>Pier due before winter</title></head><body><p>TROMSØ, 11 April 2023 — “{QUOTE},” port chief Ingrid Solvang said.</p></body></html>"),
    )
    .unwrap();
    std::fs::write(
        docs.join("pier.txt"),
        format!("TROMSØ, 12 April 2023 — \"{QUOTE},\" port chief Ingrid Solvang said.\n"),
    )
    .unwrap();
    std::fs::write(
        docs.join("pier-wire.json"),
        serde_json::json!({
            "title": "Pier due before winter",
            "source": "Northern Wire",
            "date": "2023-04-13",
            "text": format!("\"{QUOTE},\" port chief Ingrid Solvang said."),
        })
        .to_string(),
    )
    .unwrap();
    let index = dir.path().join("index");
    for _ in 0..2 {
        let o = run(&["index", docs.to_str().unwrap()], &index);
        assert!(o.status.success(), "index failed: {}", stderr(&o));
    }

    let o = run(&["search", "pier winter storms", "--json"], &index);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(hits.len(), 1, "{hits:#?}");
    let hit = &hits[0];
    assert_eq!(hit["speaker"], "Ingrid Solvang");
    assert_eq!(hit["date"], "2023-04-11");
    assert_eq!(hit["location"], "Tromsø");
    assert!(
        hit["path"].as_str().unwrap().ends_with("pier.html"),
        "{hit}"
    );
    let also: Vec<(&str, &str)> = hit["also_in"]
        .as_array()
        .expect("also_in")
        .iter()
        .map(|c| (c["path"].as_str().unwrap(), c["date"].as_str().unwrap()))
        .collect();
    assert_eq!(also.len(), 2, "{also:?}");
    assert!(also[0].0.ends_with("pier.txt"), "{also:?}");
    assert_eq!(also[0].1, "2023-04-12");
    assert!(also[1].0.ends_with("pier-wire.json"), "{also:?}");
    assert_eq!(also[1].1, "2023-04-13");
}
