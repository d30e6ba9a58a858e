//! Runs `tests/crash/kill_test.sh` against the binary under test: 20 SIGKILLs at random moments
//! of an `index` run, a re-run after each, and a final comparison with a clean build. Skipped
//! (with a message) where bash is not available.

use std::path::Path;
use std::process::Command;

#[test]
fn index_survives_sigkill_at_random_moments() {
    if Command::new("bash").arg("--version").output().is_err() {
        eprintln!("SKIPPED: bash not found; run tests/crash/kill_test.sh where it is");
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/crash/kill_test.sh");
    // A debug binary is several times slower: fewer articles keep the run under a minute.
    let articles = if cfg!(debug_assertions) { "80" } else { "200" };
    let out = Command::new("bash")
        .arg(&script)
        .arg(articles)
        .env("NEWSQUOTE", env!("CARGO_BIN_EXE_newsquote"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stdout}{stderr}");
    assert!(
        out.status.success(),
        "kill_test.sh failed:\n{stdout}\n{stderr}"
    );
}
