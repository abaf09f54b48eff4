#!/usr/bin/env bash
# Measures billcast's whole-process wall time on the example, in a release build.
# Usage: scripts/bench.sh [runs]   (default 50). Prints the median, p90 and peak RSS.
# Speed is measured here, never by timed assertions in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50}"
swift build -c release --product billcast >/dev/null
bin=.build/release/billcast
python3 - "$bin" "$runs" <<'PY'
import resource, statistics, subprocess, sys, time
binary, runs = sys.argv[1], int(sys.argv[2])
cases = [
    ("estimate (table)", [binary, "estimate", "examples/job-posting-analyzer.yaml"]),
    ("estimate --format json", [binary, "estimate", "examples/job-posting-analyzer.yaml", "--format", "json"]),
    ("pricing list", [binary, "pricing", "list"]),
]
print(f"{'command':28} {'median ms':>10} {'p90 ms':>8} {'peak RSS MB':>12}   ({runs} runs, {binary})")
for name, argv in cases:
    times = []
    for _ in range(3):
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{name:28} {statistics.median(times):10.1f} {times[int(len(times) * 0.9) - 1]:8.1f} {peak:12.1f}")
PY

echo
swift build -c release --product billcast-bench >/dev/null
.build/release/billcast-bench examples/job-posting-analyzer.yaml 30

echo
echo "forecast: examples/job-posting-analyzer.yaml, 36 months × 10,000 samples × its 4 architectures (3 retire in month 7), whole process"
for i in 1 2 3; do
  /usr/bin/time -f "  %e s wall, %U s user, %M KB peak" .build/release/billcast forecast examples/job-posting-analyzer.yaml --months 36 --samples 10000 >/dev/null
done
echo "forecast: 36 months × 10,000 samples × 4 architectures available all along (examples/job-posting-analyzer-today.yaml), whole process"
for i in 1 2 3; do
  /usr/bin/time -f "  %e s wall, %U s user, %M KB peak" .build/release/billcast forecast examples/job-posting-analyzer-today.yaml \
    --months 36 --samples 10000 --architecture lambda-cloudfront --architecture app-runner --architecture ecs-fargate --architecture ec2 >/dev/null
done
