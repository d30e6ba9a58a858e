//! The HTML reader on small pages with exact expected values, and on the public HTML sets under
//! `../shared/data/html`, scored with `../shared/eval/score_articles.py` (skipped with a message
//! when the data or python3 is absent).

use jiff::civil::date;
use newsquote::article::{read_file, Article};
use std::path::{Path, PathBuf};

fn read(path: &Path) -> (Vec<Article>, Vec<String>, Result<(), String>) {
    let mut arts = Vec::new();
    let mut warns = Vec::new();
    let r =
        read_file(path, &mut |a| arts.push(a), &mut |w| warns.push(w)).map_err(|e| e.to_string());
    (arts, warns, r)
}

fn page(name: &str, bytes: &[u8]) -> (Article, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    let (mut arts, warns, r) = read(&p);
    r.unwrap();
    (arts.remove(0), warns)
}

fn paras(a: &Article) -> Vec<&str> {
    a.paragraphs.iter().map(|p| a.paragraph_text(p)).collect()
}

/// The extraction record the scorer reads (FORMAT.md with `body`).
fn record(a: &Article) -> String {
    let body: Vec<&str> = paras(a);
    serde_json::json!({
        "path": a.path, "title": a.title, "source": a.source, "url": a.url,
        "date": a.published.map(|d| d.to_string()), "location": a.location,
        "body": body.join("\n\n"),
    })
    .to_string()
}

/// Writes the records of every supported file under `dir` to `out`, one JSON object per line.
fn extract_dir(dir: &Path, out: &Path) -> usize {
    let mut lines = String::new();
    let mut n = 0;
    for e in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if !e.file_type().is_file() || !newsquote::article::is_supported(e.path()) {
            continue;
        }
        let (arts, _, _) = read(e.path());
        for a in arts {
            lines.push_str(&record(&a));
            lines.push('\n');
            n += 1;
        }
    }
    std::fs::write(out, lines).unwrap();
    n
}

/// Runs the scorer and returns its JSON report, or `None` (with a message) when it cannot run.
fn score(set: &str, data: &Path, pred: &Path) -> Option<serde_json::Value> {
    let scorer = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/score_articles.py");
    let out = std::process::Command::new("python3")
        .arg(&scorer)
        .args(["--set", set, "--data"])
        .arg(data)
        .arg("--pred")
        .arg(pred)
        .arg("--json")
        .output();
    match out {
        Ok(o) if o.status.success() => serde_json::from_slice(&o.stdout).ok(),
        _ => {
            eprintln!("skipped: cannot run python3 {}", scorer.display());
            None
        }
    }
}

fn html_set(name: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/html")
        .join(name);
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent", p.display());
        None
    }
}

fn figure(report: &serde_json::Value, key: &str) -> f64 {
    report[key].as_f64().unwrap_or(0.0)
}

#[test]
fn bc11_dateline_in_strong_and_byline_bureau() {
    let html = r#"<!doctype html><html><head><meta charset="utf-8"><meta name="author" content="Jane Ito"><meta property="article:published_time" content="2024-05-07T09:30:00-04:00"><title>Port operator doubles cold storage</title></head><body><article><h1>Port operator doubles cold storage</h1><p class="byline">By Jane Ito, Chicago Bureau</p><p><strong>NEWARK, NJ / WIREFEED / May 7, 2024 /</strong> Harbor Logistics said on Tuesday it would double its cold-storage space. "Demand has grown every quarter since 2021," chief executive Omar Fields said.</p></article></body></html>"#;
    let (a, _) = page("bc11.html", html.as_bytes());
    assert_eq!(a.published, Some(date(2024, 5, 7)));
    assert_eq!(a.location.as_deref(), Some("Newark"));
    assert_eq!(a.authors, vec!["Jane Ito"]);
    assert_eq!(
        a.title.as_deref(),
        Some("Port operator doubles cold storage")
    );
    let p = paras(&a);
    let body = p.iter().find(|p| p.contains("Harbor Logistics")).unwrap();
    assert!(
        body.starts_with("NEWARK, NJ / WIREFEED / May 7, 2024 / Harbor Logistics said"),
        "{p:?}"
    );
    let d = a.dateline.unwrap();
    assert_eq!(
        &a.text[d.start..d.end],
        "NEWARK, NJ / WIREFEED / May 7, 2024 / "
    );
}

#[test]
fn bc15_published_not_modified_script_or_comment() {
    let html = r#"<!doctype html><html><head><meta charset="utf-8"><title>Library hours extended</title><meta property="article:modified_time" content="2022-03-16T17:45:00+01:00"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Library hours extended","datePublished":"2022-03-14 08:00:00.000000","dateModified":"2022-03-16 17:45:00.000000"}</script><script>var promoEnds = "2023-01-31";</script></head><body><article><h1>Library hours extended</h1><p class="updated">Updated 16 March 2022</p><p>The central library will open until 10 p.m. on weekdays. "Students asked for this for years," head librarian Greta Solberg said.</p></article><section class="comments"><div class="comment"><span class="time">2 hours ago</span><p>"Finally," wrote reader bookworm77.</p></div></section></body></html>"#;
    let (a, _) = page("bc15.html", html.as_bytes());
    assert_eq!(a.published, Some(date(2022, 3, 14)));
    assert_eq!(a.title.as_deref(), Some("Library hours extended"));
    let p = paras(&a);
    assert!(p.iter().any(|p| p.contains("Greta Solberg")), "{p:?}");
    assert!(!p.iter().any(|p| p.contains("bookworm77")), "{p:?}");
}

#[test]
fn bc21_windows_1252_page() {
    let hex = "3c68746d6c3e3c686561643e3c6d65746120687474702d65717569763d22436f6e74656e742d547970652220636f6e74656e743d22746578742f68746d6c3b20636861727365743d77696e646f77732d31323532223e3c2f686561643e3c626f64793e3c703e93576527726520726561647920746f2073746172742c94207361696420416e61205275697a2e3c2f703e3c2f626f64793e3c2f68746d6c3e";
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    let (a, _) = page("cp1252.html", &bytes);
    assert_eq!(paras(&a), vec!["“We're ready to start,” said Ana Ruiz."]);
}

#[test]
fn bc24_meta_date_and_dateline() {
    let html = "<html><head><meta property=\"article:published_time\" content=\"2022-06-02\"></head><body><p>LAGOS, 2 June 2022 — “We will publish the audit in July,” auditor-general Funmi Adeyemi said.</p></body></html>";
    let (a, _) = page("story.html", html.as_bytes());
    assert_eq!(a.published, Some(date(2022, 6, 2)));
    assert_eq!(a.location.as_deref(), Some("Lagos"));
    assert_eq!(paras(&a), vec!["LAGOS, 2 June 2022 — “We will publish the audit in July,” auditor-general Funmi Adeyemi said."]);
}

/// Notices that trafilatura keeps inside the article container (comment rules, a cookie banner,
/// app and paywall prompts) are left out of the body; the story's paragraphs stay.
#[test]
fn page_furniture_left_out_of_body() {
    let story = [
        "HOLM, 3 March — The island's only ferry will run twice a day from April, the port authority said on Friday.",
        "\"We have waited ten years for this,\" said Edda Rask, who runs the bakery by the pier.",
        "The second crossing leaves at 6 p.m. and returns at 7.30 p.m., the authority said.",
    ];
    let furniture = [
        "For the latest stories download the Holm Post apps for iOS and Android.",
        "We welcome reader comments on the top stories of the day.",
        "Please understand that comments are moderated before they are published.",
        "This website uses cookies to give you the best experience.",
    ];
    let body: String = story
        .iter()
        .chain(furniture.iter())
        .map(|p| format!("<p>{p}</p>"))
        .collect();
    let html = format!("<html><head><title>Ferry to run twice a day</title></head><body><article><h1>Ferry to run twice a day</h1>{body}</article></body></html>");
    let (a, _) = page("ferry.html", html.as_bytes());
    let kept = paras(&a);
    for p in story {
        assert!(kept.contains(&p), "{p} missing from {kept:#?}");
    }
    for p in furniture {
        assert!(!kept.contains(&p), "{p} kept in {kept:#?}");
    }
}

/// Teaser excerpts cut mid-sentence ("…for teams in the...", "[…]"), a syndication credit that
/// is only a site's address in capitals, and an author's biography closing the page are left out;
/// a lower-case web address the story gives and a biography-shaped sentence inside the story stay.
#[test]
fn teasers_credits_and_closing_bio_left_out() {
    let story = [
        "VALDANE, 9 May — The harbour board approved a second ferry berth on Thursday, its chair said.",
        "Ines Varga is the director of the harbour board and a former editor of the Valdane Post.",
        "\"The berth opens in the spring,\" Varga said. Tickets go on sale at www.valdaneferries.com.",
        "www.valdaneferries.com",
        "Work starts in June and should take nine months, the board said.",
    ];
    let junk = [
        "VALDANEPOST.COM",
        "Rain stopped play in the third round of the Orvane cup. The competition which is for clubs in the...",
        "The tram line to the airport opened to riders on Monday after four years of work and […]",
        "Mira Okonjo is a freelance writer and the founder of a small studio in Orvane.",
    ];
    let body: String = story
        .iter()
        .chain(junk.iter())
        .map(|p| format!("<p>{p}</p>"))
        .collect();
    let html = format!("<html><head><title>Second ferry berth approved</title></head><body><article><h1>Second ferry berth approved</h1>{body}</article></body></html>");
    let (a, _) = page("berth.html", html.as_bytes());
    let kept = paras(&a);
    for p in story {
        assert!(kept.contains(&p), "{p} missing from {kept:#?}");
    }
    for p in junk {
        assert!(!kept.contains(&p), "{p} kept in {kept:#?}");
    }
    assert_eq!(kept.len(), story.len() + 1, "{kept:#?}"); // and the <h1>
}

/// Sentences written straight into the article's `<div>` between `<br>`s, and a deck `<p>` in
/// the article's own header, are put back in page order; a browser notice in the site's banner
/// and a call-to-action box are not.
#[test]
fn dropped_article_text_put_back() {
    let html = r#"<html><head><title>Frost warning for the valley</title></head><body>
<header><p>Thank you for visiting. You are using a browser version with limited support for CSS, so the site is shown without styles.</p></header>
<div class="page"><header class="article-header"><h1>Frost warning for the valley</h1>
<p class="deck">Farmers in the Orvane valley were told on Monday to cover their young vines before a night of hard frost.</p>
<div class="cta"><p>You need the latest forecasts for your farm every morning, and our weekly letter brings them to you.</p></div></header>
<article><div class="story"><div class="img"><img src="a.jpg"><p class="cap">Vines near Orvane.</p></div>
Presenter: A cold front moved in from the north on Sunday. Temperatures in the valley are expected to fall to minus four degrees overnight.<br><br>
<p>The weather office said the frost would lift by Wednesday morning, when a warmer wind from the south arrives.</p>
<p>"Two nights of this can take half the harvest," said Petra Lindqvist, who grows grapes near the river.</p>
<p>Growers have ordered extra fleece from the cooperative, which opened its depot on Sunday to meet the demand.</p>
</div></article></div></body></html>"#;
    let (a, _) = page("frost.html", html.as_bytes());
    let kept = paras(&a);
    let deck = "Farmers in the Orvane valley were told on Monday to cover their young vines before a night of hard frost.";
    let loose = "Presenter: A cold front moved in from the north on Sunday. Temperatures in the valley are expected to fall to minus four degrees overnight.";
    let next = "The weather office said the frost would lift by Wednesday morning, when a warmer wind from the south arrives.";
    let at = |p: &str| kept.iter().position(|k| *k == p);
    assert!(at(deck).is_some(), "deck missing from {kept:#?}");
    assert!(at(loose).is_some(), "loose text missing from {kept:#?}");
    assert_eq!(at(loose).map(|i| i + 1), at(next), "{kept:#?}");
    for junk in ["browser version", "latest forecasts"] {
        assert!(
            !kept.iter().any(|k| k.contains(junk)),
            "{junk} kept in {kept:#?}"
        );
    }
}

/// Site notices that sit in many templates are boilerplate: Google's reCAPTCHA notice, an
/// outdated-browser notice, advertising disclosures, and login-to-comment prompts in German,
/// Spanish and French as in English.
#[test]
fn notices_are_boilerplate() {
    use newsquote::article::boilerplate::is_boilerplate;
    for line in [
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        "You are using an outdated browser. Please upgrade to see this site as it should look.",
        "NOTE: The advertising disclaimer below does not apply to this article.",
        "Du musst eingeloggt sein um Kommentare zu schreiben!",
        "Debes estar registrado para comentar.",
        "Vous devez être connecté pour publier un commentaire.",
        "ORVANEPOST.COM",
        "Club cricket resumes in May after the rain. The competition which is for teams in the...",
    ] {
        assert!(is_boilerplate(line).is_some(), "{line}");
    }
    for line in [
        "The site is protected by a fence and two guards, the owner said.",
        "Tickets are on sale at www.orvane-theatre.com.",
        "\"We will see what happens in the...\" she said, and laughed.",
    ] {
        assert_eq!(is_boilerplate(line), None, "{line}");
    }
}

/// A US evening story whose metadata is in UTC (already the next day) keeps the day the page
/// prints in local time, found as the same instant with an offset in a `<time>` element.
#[test]
fn utc_published_time_read_as_local_day() {
    let html = r#"<html><head><meta property="article:published_time" content="2022-10-05T02:40:12+00:00"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Council backs new bike lanes","datePublished":"2022-10-05T02:40:12Z"}</script></head><body><article><h1>Council backs new bike lanes</h1><time datetime="2022-10-04T22:40:12-04:00">October 4, 2022</time><p>The city council voted 7-2 on Tuesday night to paint bike lanes on Elm Street, council member Rosa Ferrante said.</p></article></body></html>"#;
    let (a, _) = page("lanes.html", html.as_bytes());
    assert_eq!(a.published, Some(date(2022, 10, 4)));
}

#[test]
fn metadata_sources() {
    let html = r#"<html><head><title>Ministers agree on fishing quotas | The Norland Herald</title><meta property="og:site_name" content="The Norland Herald"><link rel="canonical" href="https://herald.example/2021/06/14/quotas"></head><body><main><p>OSLO — Ministers agreed on new fishing quotas on Monday after two days of talks.</p><p>"This is a fair deal," Fisheries Minister Kari Holm said.</p></main><aside class="related"><p>Related: Other news from 2020-01-01</p></aside></body></html>"#;
    let (a, _) = page("quotas.html", html.as_bytes());
    assert_eq!(
        a.title.as_deref(),
        Some("Ministers agree on fishing quotas")
    );
    assert_eq!(a.source.as_deref(), Some("The Norland Herald"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://herald.example/2021/06/14/quotas")
    );
    assert_eq!(a.published, Some(date(2021, 6, 14)));
    assert_eq!(a.location.as_deref(), Some("Oslo"));
}

#[test]
fn ambiguous_numeric_date_follows_page_language() {
    let body = "<p>The council met on Monday and agreed the budget for the coming year after a long debate.</p>";
    let gb = format!(
        r#"<html lang="en-GB"><body><article><span class="date">06/07/2024</span>{body}</article></body></html>"#
    );
    let (a, _) = page("gb.html", gb.as_bytes());
    assert_eq!(a.published, Some(date(2024, 7, 6)));
    let us = format!(
        r#"<html lang="en-US"><body><article><span class="date">06/07/2024</span>{body}</article></body></html>"#
    );
    let (a, _) = page("us.html", us.as_bytes());
    assert_eq!(a.published, Some(date(2024, 6, 7)));
}

#[test]
fn public_aeb_set() {
    let Some(data) = html_set("aeb") else { return };
    let pred = std::env::temp_dir().join("newsquote-aeb.jsonl");
    assert_eq!(extract_dir(&data.join("html"), &pred), 181);
    let Some(r) = score("aeb", &data, &pred) else {
        return;
    };
    eprintln!("aeb: {r}");
    // Measured: 0.965 (0.9614 before dropped article text was put back).
    assert!(figure(&r, "body_f1") >= 0.96, "{r}");
}

#[test]
fn public_readability_set() {
    let Some(data) = html_set("readability") else {
        return;
    };
    let pred = std::env::temp_dir().join("newsquote-readability.jsonl");
    extract_dir(&data, &pred);
    let Some(r) = score("readability", &data, &pred) else {
        return;
    };
    eprintln!("readability: {r}");
    // Measured: title 0.937, source 0.936, date 1.0 (33 pages).
    assert!(figure(&r, "title_accuracy") >= 0.93, "{r}");
    assert!(figure(&r, "source_accuracy") >= 0.93, "{r}");
    assert!(figure(&r, "date_accuracy") >= 0.95, "{r}");
}

#[test]
fn public_adbar_set() {
    let Some(data) = html_set("adbar") else {
        return;
    };
    let pred = std::env::temp_dir().join("newsquote-adbar.jsonl");
    extract_dir(&data.join("html"), &pred);
    let Some(r) = score("adbar", &data, &pred) else {
        return;
    };
    eprintln!("adbar: {r}");
    // Measured: snippets 0.8516 (182 pages; 0.742 before the page-furniture rules, 0.819 before
    // the teaser-excerpt, capitals-address and closing-bio rules, 0.835 before dropped article
    // text was put back), date 0.935 (201 pages; 0.9005 before UTC stamps were read as the
    // publisher's local day).
    assert!(figure(&r, "snippet_accuracy") >= 0.84, "{r}");
    assert!(figure(&r, "date_accuracy") >= 0.92, "{r}");
}

/// A page with no date but a copyright year and a year-like CSS class gets no date: trafilatura
/// turns such a year into January 1st, which newsquote drops unless the page writes that date.
#[test]
fn a_bare_year_is_not_a_publication_date() {
    let body = "<p>The harbour board of Port Vask meets every second Tuesday to plan the season's berths and tides.</p>\
        <p>Members of the public may attend and ask questions at the end of each meeting of the board.</p>\
        <p>Minutes are kept by the board's secretary and posted at the harbour office within a week.</p>";
    let html = format!(
        "<html lang=\"en\"><head><title>Harbour board meetings</title></head><body>\
         <article><h1>Harbour board meetings</h1>{body}<span class=\"mjx-c2019\"></span></article>\
         <footer>©1998–2015 Port Vask Harbour Board</footer></body></html>"
    );
    let (a, _) = page("board.html", html.as_bytes());
    assert_eq!(a.published, None, "{:?}", a.published);
    let dated = html.replace("<h1>", "<p class=\"date\">Posted 1 January 2015</p><h1>");
    let (a, _) = page("board.html", dated.as_bytes());
    assert_eq!(a.published, Some(date(2015, 1, 1)));
}
