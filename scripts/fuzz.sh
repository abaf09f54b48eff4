#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Fuzz/) with -sanitize=fuzzer,address and runs each for
# SECONDS seconds (default 60) on a corpus seeded from examples/, pricing/, the test
# fixtures and Fuzz/Corpus/ (past findings). Usage: scripts/fuzz.sh [seconds] [harness ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
if [ $# -eq 0 ]; then harnesses=(profile pricing snapshot formula report template gzip bill); else harnesses=("$@"); fi
mkdir -p .build-fuzz
# Every module is built with AddressSanitizer and libFuzzer's coverage instrumentation (what
# -sanitize=fuzzer compiles in); libFuzzer itself is linked into the harnesses only (Fuzz/Package.swift),
# since billcast's build-time tools are executables built with the same flags.
coverage=(-Xswiftc "-sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp")
# Quiet when it builds; the whole log when it does not (a harness that no longer compiles says why).
if ! swift build --package-path Fuzz --scratch-path .build-fuzz -c release -Xswiftc -sanitize=address "${coverage[@]}" > .build-fuzz/build.log 2>&1; then
  cat .build-fuzz/build.log
  echo "fuzz: the harnesses do not build" >&2
  exit 1
fi
work=".build-fuzz/corpus"
mkdir -p "$work"
for h in "${harnesses[@]}"; do
  mkdir -p "$work/$h"
  cp -n Fuzz/Corpus/"$h"/* "$work/$h/" 2>/dev/null || true
  case "$h" in
    profile) cp -n examples/*.yaml "$work/$h/" ;;
    pricing) cp -n pricing/*.yaml pricing/*/*.yaml "$work/$h/" ;;
    formula) grep -ho 'quantity: .*' pricing/*/*.yaml | sed 's/quantity: //' | head -200 | split -l 1 - "$work/$h/q-" ;;
    template) cp -n examples/cloudformation/*.yml "$work/$h/" ;;
    gzip) cp -n Tests/Fixtures/gzip/*.gz "$work/$h/" ;;
    bill) cp -n Tests/Fixtures/reconcile/*.csv Tests/Fixtures/reconcile/*.csv.gz Tests/Fixtures/bills/*.csv "$work/$h/" ;;
    snapshot)  # the compiled pricing snapshot an estimate of each example stores
      for f in examples/*.yaml; do
        BILLCAST_CACHE="$work/$h" swift run -q billcast estimate "$f" > /dev/null 2>&1 || true
      done ;;
    report)  # each golden JSON report is a folder of slices; joined in name order, they are the report
      for d in Tests/BillcastCLITests/Golden/examples/*.json.parts; do
        [ -d "$d" ] && [ ! -e "$work/$h/$(basename "$d" .parts)" ] && cat "$d"/*.part > "$work/$h/$(basename "$d" .parts)"
      done ;;
  esac
done
status=0
for h in "${harnesses[@]}"; do
  echo "== fuzz-$h for ${seconds}s"
  log=".build-fuzz/$h.log"
  # Fuzz/lsan-suppressions.txt: what LeakSanitizer reports that is not a leak (each says why).
  if LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt" .build-fuzz/release/fuzz-"$h" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 -max_len=65536 \
    -artifact_prefix=".build-fuzz/$h-" "$work/$h" > "$log" 2>&1; then
    grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "$log" | tail -2 || true
  else
    status=1
    grep -E "ERROR|Fatal error|Test unit written" "$log" | head -5 || true
  fi
done
exit $status
