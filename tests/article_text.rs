//! The plain-text reader on small inputs with exact expected values, on the seed article, and on
//! the public text sets under `../shared` (skipped with a message when absent).

use jiff::civil::date;
use newsquote::article::{read_file, text::parse_text, Article};
use std::path::{Path, PathBuf};

fn parse(s: &str) -> Article {
    parse_text(s.to_string())
}

fn paras(a: &Article) -> Vec<&str> {
    a.paragraphs.iter().map(|p| a.paragraph_text(p)).collect()
}

fn read(path: &Path) -> (Vec<Article>, Vec<String>, Result<(), String>) {
    let mut arts = Vec::new();
    let mut warns = Vec::new();
    let r =
        read_file(path, &mut |a| arts.push(a), &mut |w| warns.push(w)).map_err(|e| e.to_string());
    (arts, warns, r)
}

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared is absent");
        None
    }
}

const SEED_NAME: &str = "sputnik-2024-06-19-putin-kim-talks.txt";

#[test]
fn seed_article() {
    let Some(shared) = shared() else { return };
    let path = shared.join("seed").join(SEED_NAME);
    let (arts, warns, r) = read(&path);
    r.unwrap();
    assert!(warns.is_empty(), "{warns:?}");
    let a = &arts[0];
    assert_eq!(
        a.title.as_deref(),
        Some("From Strong Russia to Impressive Pyongyang: Key Takeaways From Putin-Kim Talks")
    );
    assert_eq!(a.source.as_deref(), Some("Sputnik International"));
    assert_eq!(a.published, Some(date(2024, 6, 19)));
    assert_eq!(a.location.as_deref(), Some("Pyongyang"));
    assert_eq!(
        a.text.as_bytes(),
        std::fs::read(&path).unwrap().as_slice(),
        "text is the file itself"
    );
    let p = paras(a);
    assert_eq!(
        p[0],
        "From Strong Russia to Impressive Pyongyang: Key Takeaways From Putin-Kim Talks"
    );
    assert!(p[1].starts_with("The negotiations are part of"));
    assert!(p.contains(&"Kim: North Korea Backs Russian Special Op"));
    assert_eq!(p.last().unwrap(), &"\"In this vein, we intend to further strengthen strategic communication with Russia,\" he concluded.");
    for bad in [
        "Get the latest",
        "To participate",
        "log in",
        "©",
        "Sputnik International, 1920",
        "Загол",
    ] {
        assert!(
            !p.iter().any(|x| x.contains(bad)),
            "boilerplate {bad:?} kept"
        );
    }
    assert_eq!(p.len(), 17, "{p:#?}");
}

#[test]
fn datelines_and_dates() {
    let a = parse("Veröffentlicht am 04.09.2022, 14:20 Uhr\n\nLINZ – „Die Brücke bleibt bis 12.10.2022 gesperrt“, sagte Baudirektorin Petra Lang.");
    assert_eq!(a.published, Some(date(2022, 9, 4)));
    assert_eq!(a.location.as_deref(), Some("Linz"));
    assert_eq!(a.title, None);
    assert_eq!(
        paras(&a),
        vec!["LINZ – „Die Brücke bleibt bis 12.10.2022 gesperrt“, sagte Baudirektorin Petra Lang."]
    );
    let d = a.dateline.unwrap();
    assert_eq!(&a.text[d.start..d.end], "LINZ – ");

    let a = parse("OSLO — \"The tunnel opens in May,\" project lead Sigrid Aune said.");
    assert_eq!(
        (a.location.as_deref(), a.published, a.title.as_deref()),
        (Some("Oslo"), None, None)
    );

    let a = parse("LAGOS, 2 June 2022 — \"We will publish the audit in July,\" auditor-general Funmi Adeyemi said.");
    assert_eq!(
        (a.location.as_deref(), a.published),
        (Some("Lagos"), Some(date(2022, 6, 2)))
    );

    let a = parse("Talks stall over fishing rights\n\nGENEVA, March 3 (Newswire) — Negotiators from Norland and Estmark failed to agree, officials said.\n\n\"We are far apart,\" Foreign Minister Ilse Varga said.\n");
    assert_eq!(a.title.as_deref(), Some("Talks stall over fishing rights"));
    assert_eq!(
        (a.location.as_deref(), a.source.as_deref(), a.published),
        (Some("Geneva"), Some("Newswire"), None)
    );
    assert_eq!(paras(&a).len(), 3);

    let a = parse("Summit ends\n\nPyongyang, June 19 /Sputnik/ - The leaders signed a treaty.\n");
    assert_eq!(
        (a.location.as_deref(), a.source.as_deref()),
        (Some("Pyongyang"), Some("Sputnik"))
    );

    let a = parse(
        "Harbour plan approved\n\nHarbourton, 12 April 2023 — The council approved the plan.\n",
    );
    assert_eq!(
        (a.location.as_deref(), a.published),
        (Some("Harbourton"), Some(date(2023, 4, 12)))
    );

    let a = parse(
        "Ministers meet\n\nPublished: June 19, 2024\n\nThe ministers met in Vienna on Monday.\n",
    );
    assert_eq!(
        (a.published, a.location.as_deref()),
        (Some(date(2024, 6, 19)), Some("Vienna"))
    );
    assert_eq!(
        paras(&a),
        vec!["Ministers meet", "The ministers met in Vienna on Monday."]
    );

    let a = parse("Port reopens\n2024-06-19T08:00:00Z\n\nThe port reopened, officials said.\n");
    assert_eq!(a.published, Some(date(2024, 6, 19)));
}

#[test]
fn bbc_form_and_nbsp() {
    let a = parse("Labour plans maternity pay rise\n\nMaternity pay for new mothers is to rise.\n\nMs\u{a0}Hewitt said: \"We have already doubled it.\"\n");
    assert_eq!(a.title.as_deref(), Some("Labour plans maternity pay rise"));
    assert_eq!(
        paras(&a)[2],
        "Ms\u{a0}Hewitt said: \"We have already doubled it.\""
    );
    assert_eq!((a.source, a.published, a.location), (None, None, None));
    let a = parse("Title\u{a0}with\u{a0}nbsp\n\nBody line.\n");
    assert_eq!(a.title.as_deref(), Some("Title with nbsp"));
}

#[test]
fn bom_is_kept_in_text_but_not_in_paragraphs() {
    let a = parse("\u{feff}Headline here\n\nBody.\n");
    assert_eq!(a.title.as_deref(), Some("Headline here"));
    assert_eq!(a.paragraphs[0].start, 3);
    assert_eq!(paras(&a), vec!["Headline here", "Body."]);
}

#[test]
fn hard_wrapped_paragraphs_are_blocks() {
    let text = "Old wire story\n\n\
        The minister said on Tuesday that the government would not change its\n\
        course on the budget, despite protests in the capital over the weekend\n\
        and calls from the opposition to resign before the autumn session.\n\n\
        \"We will stay the course,\" she told reporters after the cabinet met in\n\
        the old town hall, adding that the protests had been largely peaceful.\n";
    let a = parse(text);
    let p = paras(&a);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(p[1].starts_with("The minister") && p[1].ends_with("autumn session."));
}

#[test]
fn bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let (_, _, r) = read(&write("empty.txt", b""));
    assert!(r.unwrap_err().ends_with("empty.txt: empty file"));
    let (_, _, r) = read(&write(
        "image.txt",
        &[
            0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
        ],
    ));
    assert!(r.unwrap_err().ends_with("image.txt: binary data, not text"));
    // A multibyte character across a 4 KiB boundary (BC21).
    let mut s = "x".repeat(4095);
    s.push_str("\n\n“Everything is on schedule,” said Lotte Brandt.");
    let (arts, warns, r) = read(&write("boundary.txt", s.as_bytes()));
    r.unwrap();
    assert!(warns.is_empty());
    assert!(arts[0]
        .text
        .ends_with("“Everything is on schedule,” said Lotte Brandt."));
    // Latin-1 text: one warning, decoded.
    let (arts, warns, r) = read(&write(
        "latin1.txt",
        b"Fee row\n\nMutu, a \xa315.8m signing from Parma, was sacked.\n",
    ));
    r.unwrap();
    assert_eq!(warns.len(), 1, "{warns:?}");
    assert!(arts[0].text.contains("£15.8m"));
}

/// Paragraphs dropped as boilerplate on the public plain-text sets: should be (almost) none, since
/// these files hold only the title and the body.
fn dropped_lines(dir: &Path) -> (usize, usize, Vec<String>) {
    let mut files = 0;
    let mut dropped = 0;
    let mut examples = Vec::new();
    for e in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.path().extension().and_then(|x| x.to_str()) != Some("txt")
            || e.file_name() == "README.TXT"
        {
            continue;
        }
        let (arts, _, r) = read(e.path());
        if r.is_err() {
            continue;
        }
        files += 1;
        let a = &arts[0];
        let lines = a.text.lines().filter(|l| !l.trim().is_empty()).count();
        if a.paragraphs.len() < lines {
            dropped += lines - a.paragraphs.len();
            let kept: Vec<&str> = paras(a);
            for l in a.text.lines().filter(|l| !l.trim().is_empty()) {
                if !kept.iter().any(|k| k.contains(l.trim())) && examples.len() < 10 {
                    examples.push(format!("{}: {l}", e.path().display()));
                }
            }
        }
    }
    (files, dropped, examples)
}

#[test]
fn public_bbc_set() {
    let Some(shared) = shared() else { return };
    let dir = shared.join("data/bbc");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let (files, dropped, ex) = dropped_lines(&dir);
    eprintln!("bbc: {files} files, {dropped} lines dropped: {ex:#?}");
    assert_eq!(files, 2225);
    assert!(dropped <= 5, "{ex:#?}");
    let (arts, warns, _) = read(&dir.join("sport/199.txt"));
    assert_eq!(warns.len(), 1);
    assert!(arts[0].title.is_some());
}

#[test]
fn public_eval_texts() {
    let Some(shared) = shared() else { return };
    for set in ["eval/polnear/dev-text", "eval/speakers/dev-text"] {
        let dir = shared.join(set);
        if !dir.is_dir() {
            eprintln!("skipped: {} is absent", dir.display());
            continue;
        }
        let (files, dropped, ex) = dropped_lines(&dir);
        eprintln!("{set}: {files} files, {dropped} lines dropped: {ex:#?}");
        assert!(files > 0);
        // speakers: "Read more" (3), "READ MORE: …", "Advertisement Continue reading…",
        // "Story Continued Below" and a "USA TODAY" credit line are real boilerplate.
        assert!(dropped <= 7, "{ex:#?}");
    }
}

/// `NQ_DUMP=DIR cargo test --release --test article_text dump -- --ignored --nocapture` prints
/// path, title, source, date and location of every file under DIR, for checking by eye.
#[test]
#[ignore]
fn dump() {
    let Ok(dir) = std::env::var("NQ_DUMP") else {
        return;
    };
    for e in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if !e.file_type().is_file() || !newsquote::article::is_supported(e.path()) {
            continue;
        }
        let (arts, warns, r) = read(e.path());
        for w in warns {
            println!("WARN {w}");
        }
        if let Err(err) = r {
            println!("ERR {err}");
        }
        for a in arts {
            println!(
                "{}\t{:?}\t{:?}\t{:?}\t{:?}\t{}",
                a.path,
                a.title,
                a.source,
                a.published.map(|d| d.to_string()),
                a.location,
                a.paragraphs.len()
            );
        }
    }
}

/// A labelled date line ("Date: …") is page furniture and is left out of the body, but its date is
/// still the article's: the date rule runs before the boilerplate rules.
#[test]
fn labelled_date_line_gives_the_date() {
    let a = parse("Date: March 3, 2023\n\nCategory: Harbour News\n\nThe ferry to Holm Island will run twice a day from April, the port authority said.");
    assert_eq!(a.published, Some(date(2023, 3, 3)));
    assert_eq!(
        paras(&a),
        vec!["The ferry to Holm Island will run twice a day from April, the port authority said."]
    );
}

/// A caption's "FILE -" and a broadcaster's name opening the text are not datelines; a city in the
/// same position still is.
#[test]
fn file_photo_and_publisher_names_are_not_datelines() {
    let a = parse("Senators weigh border bill\n\nFILE - In this Jan. 5, 2019 file photo, Senate leaders speak to reporters. The bill goes to a vote on Tuesday.\n\nThe bill would fund new ferries.");
    assert_eq!(a.location, None);
    let a =
        parse("Host says goodbye\n\nNPR - The host of the morning show said goodbye on Friday.");
    assert_eq!(a.location, None);
    let a = parse("Ferry plan\n\nTROMSO - The ferry plan passed on Friday.");
    assert_eq!(a.location.as_deref(), Some("Tromso"));
}
