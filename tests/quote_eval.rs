//! Quote extraction scored against the shared gold sets, as a floor: a later change that breaks
//! attribution fails here.
//!
//! Runs `src/quote` over `../shared/eval/polnear/dev-text`, `../shared/eval/speakers/dev-text` and
//! the seed article, writes the extraction format of `../shared/eval/FORMAT.md` to a temporary
//! file and runs `../shared/eval/score_quotes.py` on it. Skips (with a message) when the shared
//! folder or `python3` is missing. Articles are built with one paragraph per non-empty line, as
//! the plain-text reader does, so the figures measure `src/quote` alone. The floors sit a few
//! points under the figures reached when they were set (see the lead's report for the tables).

use newsquote::article::Article;
use newsquote::quote::extract_quotes;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if d.join("eval/score_quotes.py").is_file() {
        Some(d)
    } else {
        eprintln!("skipping: {} not found", d.display());
        None
    }
}

fn article(path: &str, text: String) -> Article {
    Article::from_line_paragraphs(path, &text)
}

/// Extracts every `.txt` file of `dir` (or the one file) into a JSONL file; returns its path.
fn extract(input: &Path, name: &str) -> PathBuf {
    let mut files: Vec<PathBuf> = if input.is_dir() {
        std::fs::read_dir(input)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect()
    } else {
        vec![input.to_path_buf()]
    };
    files.sort();
    let mut out = String::new();
    for f in files {
        let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned();
        let a = article(&f.display().to_string(), text);
        let quotes = extract_quotes(&a);
        for q in &quotes {
            assert_eq!(q.text, &a.text[q.start..q.end]);
        }
        out.push_str(&json!({"path": a.path, "quotes": quotes}).to_string());
        out.push('\n');
    }
    let path = std::env::temp_dir().join(format!(
        "newsquote-quote-eval-{}-{name}.jsonl",
        std::process::id()
    ));
    std::fs::write(&path, out).unwrap();
    path
}

/// The scorer's JSON report, or `None` when python3 is missing.
fn score(shared: &Path, gold: &Path, pred: &Path) -> Option<Value> {
    let out = Command::new("python3")
        .arg(shared.join("eval/score_quotes.py"))
        .arg(gold)
        .arg(pred)
        .args(["--json", "-"])
        .output();
    let Ok(out) = out else {
        eprintln!("skipping: python3 not available");
        return None;
    };
    assert!(
        out.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8(out.stdout).unwrap();
    let json_start = s.find("\n{").map(|i| i + 1).expect("JSON report");
    Some(serde_json::from_str(&s[json_start..]).unwrap())
}

fn at_least(report: &Value, cat: &str, field: &str, floor: f64) {
    let v = report[cat][field].as_f64().unwrap_or(0.0);
    assert!(v >= floor, "{cat}.{field} = {v:.3}, floor {floor:.3}");
}

#[test]
fn seed_gives_the_twelve_gold_quotes() {
    let Some(sh) = shared() else { return };
    let pred = extract(
        &sh.join("seed/sputnik-2024-06-19-putin-kim-talks.txt"),
        "seed",
    );
    let Some(r) = score(&sh, &sh.join("gold/seed.jsonl"), &pred) else {
        return;
    };
    assert_eq!(r["all"]["tp"], 12, "{r:#}");
    at_least(&r, "all", "exact_f1", 0.95);
    at_least(&r, "all", "resolved_exact", 1.0);
}

#[test]
fn polnear_dev_floor() {
    let Some(sh) = shared() else { return };
    let pred = extract(&sh.join("eval/polnear/dev-text"), "polnear");
    let Some(r) = score(&sh, &sh.join("eval/polnear/dev.jsonl"), &pred) else {
        return;
    };
    // Reached 2026-11-29: d+m F1 0.796 (P 0.771, R 0.823), exact 0.461, mention 0.968.
    at_least(&r, "direct_mixed", "f1", 0.77);
    at_least(&r, "direct_mixed", "recall", 0.79);
    at_least(&r, "direct_mixed", "exact_f1", 0.44);
    at_least(&r, "direct_mixed", "mention_acc", 0.95);
    // Reported speech reached 0.775 (P 0.878, R 0.694) when this floor was set (PolNeAR train:
    // 0.689).
    at_least(&r, "indirect", "f1", 0.75);
    at_least(&r, "indirect", "precision", 0.85);
    at_least(&r, "indirect", "recall", 0.66);
    at_least(&r, "indirect", "mention_acc", 0.95);
}

#[test]
fn speakers_dev_floor() {
    let Some(sh) = shared() else { return };
    let pred = extract(&sh.join("eval/speakers/dev-text"), "speakers");
    let Some(r) = score(&sh, &sh.join("eval/speakers/dev.jsonl"), &pred) else {
        return;
    };
    // Resolved speakers reached 0.968 (indirect 0.988) when this floor was set.
    at_least(&r, "all", "resolved_exact", 0.94);
    // Reached 2026-11-29: d+m F1 0.850, exact 0.797, resolved 0.962.
    at_least(&r, "direct_mixed", "f1", 0.82);
    at_least(&r, "direct_mixed", "exact_f1", 0.77);
    at_least(&r, "direct_mixed", "resolved_exact", 0.93);
    // 0.806 when set.
    at_least(&r, "indirect", "f1", 0.78);
    at_least(&r, "indirect", "resolved_exact", 0.95);
}
