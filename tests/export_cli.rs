//! `newsquote export` through the binary: files written, exit codes as grep (0 some, 1 none,
//! 2 error), flags checked.

use std::path::Path;
use std::process::{Command, Output};

fn newsquote(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsquote"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("newsquote runs")
}

#[test]
fn export_writes_files_and_exits_like_grep() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("story.txt"),
        "Harbour opens\n\nPublished: March 3, 2024\n\n\"The harbour is open,\" said Ilsa Varnholt.\n\n\
The first ships docked at dawn.\n",
    )
    .unwrap();
    let o = newsquote(dir.path(), &["index", "docs"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    for (format, file) in [
        ("quickwit", "quickwit-index.yaml"),
        ("elasticsearch", "es-index.json"),
        ("manticore", "sphinx.conf"),
    ] {
        let out = format!("out-{format}");
        let o = newsquote(dir.path(), &["export", "--format", format, "--out", &out]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            dir.path().join(&out).join(file).is_file(),
            "{format}: {file}"
        );
        let summary = String::from_utf8_lossy(&o.stderr);
        assert!(summary.contains("passages"), "{summary}");
    }

    // A filter that selects nothing: exit 1, files still written (empty data).
    let o = newsquote(
        dir.path(),
        &[
            "export", "--format", "quickwit", "--since", "2030", "--out", "none",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("none/passages.ndjson")).unwrap(),
        ""
    );

    // Errors: no index, a bad date, no shard.
    for args in [
        &[
            "export", "--format", "quickwit", "--index", "missing", "--out", "x",
        ][..],
        &[
            "export", "--format", "quickwit", "--since", "June", "--out", "x",
        ][..],
        &[
            "export",
            "--format",
            "manticore",
            "--shards",
            "0",
            "--out",
            "x",
        ][..],
    ] {
        let o = newsquote(dir.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&o.stderr).lines().count(),
            1,
            "{args:?}"
        );
    }
}
