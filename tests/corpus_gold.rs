//! The project corpus against its gold: every `corpus/gold/<id>.json` names an article
//! `corpus/<id>.txt` and the quotes, speakers and metadata newsquote must find in it.
//!
//! - `gold_quotes_are_substrings_of_articles` checks the gold itself (every quote text and mention is
//!   an exact substring of its article).
//! - `seed_matches_gold` and `corpus_matches_gold` read each article with
//!   [`newsquote::article::read_file`], run [`newsquote::quote::extract_quotes`] and compare: each gold
//!   quote found (text equal after trimming enclosing quote marks and a trailing comma, whitespace
//!   collapsed) with the same kind and speaker; no extra quotes but the optional ones; title, source,
//!   date (YYYY-MM-DD) and location. On failure they print a per-article list of what is missing,
//!   wrong or extra, and a summary table.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use newsquote::article::{read_file, Article};
use newsquote::quote::{extract_quotes, Quote};
use serde::Deserialize;

const SEED_ID: &str = "sputnik-2024-06-19-putin-kim-talks";

#[derive(Debug, Deserialize)]
struct Gold {
    id: String,
    title: Option<String>,
    source: Option<String>,
    date: Option<String>,
    location: Option<String>,
    quotes: Vec<GoldQuote>,
    #[serde(default)]
    optional_quotes: Vec<GoldQuote>,
    #[serde(default)]
    not_quotes: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldQuote {
    text: String,
    kind: String,
    speaker: Option<String>,
    #[serde(default)]
    mention: Option<String>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Every gold file, sorted by name, with its parsed content.
fn gold_files() -> Vec<(PathBuf, Gold)> {
    let dir = corpus_dir().join("gold");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no gold files in {}", dir.display());
    paths
        .into_iter()
        .map(|p| {
            let s = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let g: Gold =
                serde_json::from_str(&s).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, g)
        })
        .collect()
}

fn article_path(gold_path: &Path) -> PathBuf {
    let stem = gold_path.file_stem().expect("gold file name");
    corpus_dir().join(stem).with_extension("txt")
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// The form quotes are compared in: whitespace collapsed, enclosing quote marks and a trailing comma
/// trimmed (repeatedly, so `…,”` and `…”,` both lose both).
fn normalise(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t = collapsed.as_str();
    loop {
        let before = t.len();
        t = t.trim_start_matches(|c: char| is_quote_mark(c) || c.is_whitespace());
        t = t.trim_end_matches(|c: char| is_quote_mark(c) || c == ',' || c.is_whitespace());
        if t.len() == before {
            break;
        }
    }
    t.to_string()
}

fn words(s: &str) -> HashSet<String> {
    normalise(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(b).count() as f64 / a.union(b).count() as f64
}

fn short(s: &str) -> String {
    let n = normalise(s);
    if n.chars().count() > 110 {
        format!("{}…", n.chars().take(110).collect::<String>())
    } else {
        n
    }
}

fn show(o: &Option<String>) -> String {
    match o {
        Some(s) => format!("{s:?}"),
        None => "null".to_string(),
    }
}

/// What one article got right and wrong.
#[derive(Default)]
struct Outcome {
    id: String,
    gold: usize,
    found: usize,
    kind_ok: usize,
    speaker_ok: usize,
    extra: usize,
    meta_ok: bool,
    problems: Vec<String>,
}

impl Outcome {
    fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

fn read_article(path: &Path) -> Result<Article, String> {
    let mut articles = Vec::new();
    let mut warnings = Vec::new();
    read_file(path, &mut |a| articles.push(a), &mut |w| warnings.push(w))
        .map_err(|e| format!("read_file failed: {e}"))?;
    match articles.len() {
        1 => Ok(articles.pop().expect("one article")),
        n => Err(format!(
            "read_file gave {n} articles, expected 1 (warnings: {warnings:?})"
        )),
    }
}

fn check_article(gold_path: &Path, g: &Gold) -> Outcome {
    let mut out = Outcome {
        id: g.id.clone(),
        gold: g.quotes.len(),
        ..Outcome::default()
    };
    let path = article_path(gold_path);
    let article = match read_article(&path) {
        Ok(a) => a,
        Err(e) => {
            out.problems.push(e);
            return out;
        }
    };

    // Metadata.
    let date = article
        .published
        .map(|d| d.strftime("%Y-%m-%d").to_string());
    for (field, want, got) in [
        ("title", &g.title, &article.title),
        ("source", &g.source, &article.source),
        ("date", &g.date, &date),
        ("location", &g.location, &article.location),
    ] {
        if want != got {
            out.problems.push(format!(
                "{field:<9} expected {}, got {}",
                show(want),
                show(got)
            ));
        }
    }
    out.meta_ok = out.problems.is_empty();

    let quotes: Vec<Quote> = extract_quotes(&article);
    for q in &quotes {
        if article.text.get(q.start..q.end) != Some(q.text.as_str()) {
            out.problems.push(format!(
                "span      {}..{} does not slice the quote text out of the article: {:?}",
                q.start,
                q.end,
                short(&q.text)
            ));
        }
    }

    // Gold quotes: exact (normalised) matches first, then near misses for the report.
    let norm_pred: Vec<String> = quotes.iter().map(|q| normalise(&q.text)).collect();
    let mut used = vec![false; quotes.len()];
    let mut unmatched_gold = Vec::new();
    for gq in &g.quotes {
        let want = normalise(&gq.text);
        match (0..quotes.len()).find(|&i| !used[i] && norm_pred[i] == want) {
            Some(i) => {
                used[i] = true;
                out.found += 1;
                let q = &quotes[i];
                if q.kind.as_str() == gq.kind {
                    out.kind_ok += 1;
                } else {
                    out.problems.push(format!(
                        "kind      {:?}: expected {}, got {}",
                        short(&gq.text),
                        gq.kind,
                        q.kind.as_str()
                    ));
                }
                if q.speaker == gq.speaker {
                    out.speaker_ok += 1;
                } else {
                    out.problems.push(format!(
                        "speaker   {:?}: expected {} (mention {}), got {} (mention {})",
                        short(&gq.text),
                        show(&gq.speaker),
                        show(&gq.mention),
                        show(&q.speaker),
                        show(&q.mention.as_ref().map(|m| m.text.clone()))
                    ));
                }
            }
            None => unmatched_gold.push(gq),
        }
    }
    // Optional quotes absorb what matches them.
    for oq in &g.optional_quotes {
        let want = normalise(&oq.text);
        if let Some(i) = (0..quotes.len()).find(|&i| !used[i] && norm_pred[i] == want) {
            used[i] = true;
        }
    }
    for gq in unmatched_gold {
        let gw = words(&gq.text);
        let near = (0..quotes.len())
            .filter(|&i| !used[i])
            .map(|i| (jaccard(&gw, &words(&quotes[i].text)), i))
            .filter(|&(s, _)| s >= 0.5)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        match near {
            Some((_, i)) => {
                used[i] = true;
                out.problems.push(format!(
                    "boundary  [{} {}] gold {:?}\n              got {:?} [{} {}]",
                    gq.kind,
                    show(&gq.speaker),
                    short(&gq.text),
                    short(&quotes[i].text),
                    quotes[i].kind.as_str(),
                    show(&quotes[i].speaker)
                ));
            }
            None => out.problems.push(format!(
                "missing   [{} {}] {:?}",
                gq.kind,
                show(&gq.speaker),
                short(&gq.text)
            )),
        }
    }
    for (i, q) in quotes.iter().enumerate().filter(|(i, _)| !used[*i]) {
        out.extra += 1;
        let nq = &norm_pred[i];
        let hint = g
            .not_quotes
            .iter()
            .find(|nq_gold| {
                let n = normalise(nq_gold);
                !n.is_empty() && (nq.contains(&n) || n.contains(nq.as_str()))
            })
            .map(|s| format!(" (listed in not_quotes: {s:?})"))
            .unwrap_or_default();
        out.problems.push(format!(
            "extra     [{} {}] {:?}{hint}",
            q.kind.as_str(),
            show(&q.speaker),
            short(&q.text)
        ));
    }
    out
}

fn report(outcomes: &[Outcome]) -> String {
    let mut s = String::new();
    for o in outcomes.iter().filter(|o| !o.passed()) {
        let _ = writeln!(
            s,
            "\n== corpus/{}.txt: {} problem(s)",
            o.id,
            o.problems.len()
        );
        for p in &o.problems {
            let _ = writeln!(s, "   {p}");
        }
    }
    let _ = writeln!(
        s,
        "\n{:<58} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} result",
        "article", "gold", "found", "kind", "spkr", "extra", "meta"
    );
    for o in outcomes {
        let _ = writeln!(
            s,
            "{:<58} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {}",
            o.id.chars().take(58).collect::<String>(),
            o.gold,
            o.found,
            o.kind_ok,
            o.speaker_ok,
            o.extra,
            if o.meta_ok { "ok" } else { "FAIL" },
            if o.passed() { "pass" } else { "FAIL" }
        );
    }
    let passed = outcomes.iter().filter(|o| o.passed()).count();
    let _ = writeln!(s, "{passed}/{} articles match their gold", outcomes.len());
    s
}

fn run(select: impl Fn(&Gold) -> bool) {
    let outcomes: Vec<Outcome> = gold_files()
        .iter()
        .filter(|(_, g)| select(g))
        .map(|(p, g)| check_article(p, g))
        .collect();
    assert!(!outcomes.is_empty(), "no article selected");
    let text = report(&outcomes);
    if outcomes.iter().all(Outcome::passed) {
        println!("{text}");
    }
    assert!(
        outcomes.iter().all(Outcome::passed),
        "corpus does not match its gold:\n{text}"
    );
}

#[test]
fn gold_quotes_are_substrings_of_articles() {
    let mut problems = Vec::new();
    let mut articles = 0;
    for (gold_path, g) in gold_files() {
        let path = article_path(&gold_path);
        let stem = gold_path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if g.id != stem {
            problems.push(format!(
                "{}: id {:?} differs from the file name",
                gold_path.display(),
                g.id
            ));
        }
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        articles += 1;
        if let Some(title) = &g.title {
            if !text.contains(title.as_str()) {
                problems.push(format!("{}: title {title:?} not in the article", g.id));
            }
        }
        for (set, qs) in [
            ("quotes", &g.quotes),
            ("optional_quotes", &g.optional_quotes),
        ] {
            for q in qs {
                if !text.contains(q.text.as_str()) {
                    problems.push(format!(
                        "{}: {set} text not in the article: {:?}",
                        g.id, q.text
                    ));
                }
                if let Some(m) = &q.mention {
                    if !text.contains(m.as_str()) {
                        problems.push(format!("{}: mention not in the article: {m:?}", g.id));
                    }
                }
                if !matches!(q.kind.as_str(), "direct" | "mixed" | "indirect") {
                    problems.push(format!("{}: bad kind {:?}", g.id, q.kind));
                }
            }
        }
        for s in &g.not_quotes {
            if !text.contains(s.as_str()) {
                problems.push(format!(
                    "{}: not_quotes entry not in the article: {s:?}",
                    g.id
                ));
            }
        }
        if let Some(d) = &g.date {
            if d.parse::<jiff::civil::Date>().is_err() {
                problems.push(format!("{}: date {d:?} is not YYYY-MM-DD", g.id));
            }
        }
    }
    assert!(
        articles >= 13,
        "expected the seed and at least 12 more articles, found {articles}"
    );
    assert!(
        problems.is_empty(),
        "gold does not fit the articles:\n{}",
        problems.join("\n")
    );
}

#[test]
fn seed_matches_gold() {
    run(|g| g.id == SEED_ID);
}

#[test]
fn corpus_matches_gold() {
    run(|g| g.id != SEED_ID);
}

#[test]
fn normalise_trims_marks_and_commas() {
    assert_eq!(normalise("“We will win,”"), "We will win");
    assert_eq!(normalise("\"We will win\","), "We will win");
    assert_eq!(normalise("a\n\n“b.  c"), "a “b. c");
    assert_eq!(normalise("grain\" "), "grain");
}
