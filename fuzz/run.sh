#!/usr/bin/env bash
# Build the fuzz targets and run each for SECONDS (default 600), one after the other, under nice 19.
# One at a time because the machine is shared: two fuzzers at once each get half a core and the
# wall-clock minutes stop meaning fuzzing minutes.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Built with cargo-fuzz 0.13 on the stable toolchain: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its
# -Z flags; `-s none` (no AddressSanitizer: the code under test is safe Rust, and the CPU is better
# spent on executions) with debug assertions and overflow checks on (`-a`). Each input has a
# 5-second time bound (-timeout=5), so a hang or a quadratic blow-up is reported as a crash.
# Fork mode with -ignore_crashes keeps a target running after its first crasher.
# Crashers land in fuzz/artifacts/TARGET/; keep each as a test in tests/robust_fuzz_regressions.rs.
set -eu
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=${*:-text_reader json_reader html_reader extract_quotes}
target_dir=${FUZZ_TARGET_DIR:-${CARGO_TARGET_DIR:-$PWD/target}/fuzz}
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none -a --codegen-units 8 --target-dir "$target_dir"
bin="$target_dir/x86_64-unknown-linux-gnu/release"
for t in $targets; do
    mkdir -p "corpus/$t" "artifacts/$t"
    max_len=16384
    [ "$t" = html_reader ] && max_len=65536
    nice -n 19 "$bin/$t" "corpus/$t" -artifact_prefix="artifacts/$t/" -max_total_time="$secs" \
        -timeout=5 -rss_limit_mb=2048 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -max_len=$max_len -print_final_stats=1 \
        > "artifacts/$t.log" 2>&1 || echo "$t: libFuzzer exited $?"
done
for t in $targets; do
    # Fork mode prints no final stats from the parent: its last "#EXECS: ... corp: N ... oom/timeout/crash"
    # line is the summary.
    echo "== $t ($(ls "corpus/$t" | wc -l) corpus files)"
    grep -E "^#[0-9]+:" "artifacts/$t.log" | tail -1
    grep -E "ERROR|SUMMARY|Test unit written|exiting" "artifacts/$t.log" || true
done
