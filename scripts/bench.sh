#!/usr/bin/env bash
# billcast's benchmarks, release build, on this machine. Speed is measured here, never by
# timed assertions in tests. Usage: scripts/bench.sh [runs]  (default 40 runs per whole-process
# median). Prints, in order:
#   1. `billcast estimate` on the example, whole process, as a ratio to the floor
#      (billcast-floor: starts, loads Foundation and Yams, composes the same YAML; target ≤ 1.0×):
#      interleaved runs, cold (BILLCAST_CACHE=off: every table read from YAML) and warm (the
#      compiled pricing snapshot of an earlier run), and the built-in tables on a first run (their
#      snapshot is compiled in), for the release build and for the build release.sh ships
#      (--static-swift-stdlib, both programs built that way);
#   2. the same kind of estimate against the Python peer infra-cost-model 0.3.0 (installed from
#      PyPI into .build-peer/ on first use, run offline with --pricing seed): ratio and dollars;
#   3. where billcast's load time goes, in-process (billcast-bench);
#   4. engine throughput inside the forecast's Monte Carlo (target ≥ 1,000,000
#      architecture-months per second per core) and scaling with 10 … 10,000 components;
#   5. peak memory of each (max RSS);
#   6. `pricing verify` streaming a generated multi-GB offer (Bulk JSON, then CSV): MB/s and peak RSS
#      (BILLCAST_OFFER_MB sets the padding, default 1024 MB of products, about 2.4 GB in all), and
#      the CSV gzipped (`gzip -1`), decompressed as it is read: MB/s of CSV and peak RSS;
#   7. gzip: a generated 100 MB CUR-like bill (random ids: it compresses about 3.3:1, harder than
#      most bills), decompressed by billcast's pure-Swift decoder alone and read by CSVRecords
#      plain and gzipped (billcast-bench gzip), with gzip(1) -dc for comparison;
#   8. `billcast reconcile` reading a generated FOCUS bill (BILLCAST_BILL_MB, default 1024 MB of rows
#      repeated from Tests/Fixtures/reconcile/exact-focus-1.2.csv), plain and gzipped (`gzip -1`):
#      MB/s of CSV and peak RSS (target: under 200 MB, close to the disk's speed).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-40}"
swift build -c release --product billcast >/dev/null
swift build -c release --product billcast-floor >/dev/null
swift build -c release --product billcast-bench >/dev/null
swift build -c release --static-swift-stdlib --scratch-path .build-static --product billcast >/dev/null
swift build -c release --static-swift-stdlib --scratch-path .build-static --product billcast-floor >/dev/null
bin=.build/release

if [ ! -x .build-peer/venv/bin/infra-cost-model ]; then
  echo "installing infra-cost-model 0.3.0 into .build-peer/venv (PyPI) ..."
  python3 -m venv .build-peer/venv
  .build-peer/venv/bin/pip install --quiet infra-cost-model==0.3.0
fi

python3 - "$bin" "$runs" <<'PY'
import glob, json, os, resource, shutil, statistics, subprocess, sys, time
from decimal import Decimal
binary, runs = sys.argv[1], int(sys.argv[2])
peer = [".build-peer/venv/bin/infra-cost-model", "compute"]
peer_env = dict(os.environ, HOME=os.path.abspath(".build-peer/home"))
os.makedirs(peer_env["HOME"], exist_ok=True)

def run(argv, env=None):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True, env=env).stdout

def median_ms(argv, env=None):
    for _ in range(3):
        run(argv, env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(argv, env)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)

def peak_mb(argv, env=None):
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    return int(out.stderr.strip().splitlines()[-1]) / 1024

profile = "examples/job-posting-analyzer.yaml"
tables = sorted(glob.glob("pricing/**/*.yaml", recursive=True))
cache = os.path.abspath(".build/bench-cache")
cold_env = dict(os.environ, BILLCAST_CACHE="off")
warm_env = dict(os.environ, BILLCAST_CACHE=cache)

def interleaved(commands):
    # Each command once per round, rounds repeated: the machine's drift hits all of them alike.
    for argv, env, cwd in commands.values():
        for _ in range(3):
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env, cwd=cwd)
    times = {name: [] for name in commands}
    for _ in range(runs):
        for name, (argv, env, cwd) in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env, cwd=cwd)
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: (statistics.median(t), min(t)) for name, t in times.items()}

# The built-in tables, as an installed billcast prices a profile with no pricing/ near it: their
# snapshot is compiled in, so even a first run (an empty cache) reads no pricing YAML.
outside = os.path.abspath(".build/bench-outside")
os.makedirs(outside, exist_ok=True)
shutil.copy(profile, os.path.join(outside, "profile.yaml"))
empty_env = dict(os.environ, BILLCAST_CACHE=os.path.abspath(".build/bench-empty-cache"))

print(f"1. estimate vs the floor, whole process, {runs} interleaved rounds (median, min)")
for label, directory in [("release build", binary), ("static build, as release.sh ships it", ".build-static/release")]:
    floor = [f"{directory}/billcast-floor", profile] + tables
    estimate = [f"{directory}/billcast", "estimate", profile]
    builtin = [os.path.abspath(f"{directory}/billcast"), "estimate", "profile.yaml"]
    result = interleaved({
        "floor": (floor, None, None), "cold": (estimate, cold_env, None), "warm": (estimate, warm_env, None),
        "builtin": (builtin, empty_env, outside)})
    (f, fmin), (c, cmin), (w, wmin), (b, bmin) = result["floor"], result["cold"], result["warm"], result["builtin"]
    print(f"   {label}:")
    print(f"   floor (Foundation + Yams compose of {1 + len(tables)} files)        {f:6.1f} ms  (min {fmin:5.1f})  peak {peak_mb(floor):5.1f} MB")
    print(f"   billcast estimate, cold (every table read from YAML)  {c:6.1f} ms  (min {cmin:5.1f})  {c / f:.2f}× the floor")
    print(f"   billcast estimate, warm (compiled pricing snapshot)   {w:6.1f} ms  (min {wmin:5.1f})  {w / f:.2f}× the floor (target ≤ 1.0×)  peak {peak_mb(estimate, warm_env):5.1f} MB")
    print(f"   built-in tables, first run (snapshot compiled in)     {b:6.1f} ms  (min {bmin:5.1f})  {b / f:.2f}× the floor")

print(f"\n2. against the Python peer infra-cost-model 0.3.0 (Lambda + HTTP API + CloudFront + S3), median of {runs} runs")
cases = [
    ("free tier (peer's own; billcast always-free)", "benchmarks/peer/infra-cost-model.yaml", "always-free"),
    ("list prices (peer with its allowances padded; billcast none)", "benchmarks/peer/infra-cost-model-list-prices.yaml", "none"),
]
for label, model, free in cases:
    p_argv = peer + [model, "--pricing", "seed", "--time-basis", "monthly", "--format", "json"]
    b_argv = [f"{binary}/billcast", "estimate", "benchmarks/peer/billcast.yaml", "--free-tier", free, "--format", "json"]
    p_total = Decimal(str(json.loads(run(p_argv, peer_env))["total"]))
    b_total = Decimal(json.loads(run(b_argv))["results"][0]["total"]["high"])
    same = "same dollars" if p_total == b_total else "DIFFERENT DOLLARS"
    p_ms, b_ms = median_ms(p_argv, peer_env), median_ms(b_argv)
    print(f"   {label}: peer ${p_total} in {p_ms:.1f} ms (peak {peak_mb(p_argv, peer_env):.1f} MB), "
          f"billcast ${b_total} in {b_ms:.1f} ms (peak {peak_mb(b_argv):.1f} MB): {same}; billcast {p_ms / b_ms:.1f}× faster")
PY

echo
echo "3. where the time goes, in-process"
"$bin/billcast-bench" examples/job-posting-analyzer.yaml 30
for _ in 1 2 3; do "$bin/billcast-bench" cold; done

echo
echo "4. engine throughput (forecast Monte Carlo; CPU time over both threads)"
/usr/bin/time -f "   peak %M KB" "$bin/billcast-bench" throughput
for n in 10 100 1000 10000; do
  /usr/bin/time -f "   peak %M KB" "$bin/billcast-bench" scaling "$n"
done

echo
echo "5. whole-process forecasts"
echo "   examples/job-posting-analyzer.yaml, 36 months × 10,000 samples × its 4 architectures (3 retire in month 7)"
for _ in 1 2 3; do
  /usr/bin/time -f "   %e s wall, %U s user, %M KB peak" "$bin/billcast" forecast examples/job-posting-analyzer.yaml --months 36 --samples 10000 >/dev/null
done
echo "   examples/job-posting-analyzer-today.yaml, 36 months × 10,000 samples × 4 architectures available all along"
for _ in 1 2 3; do
  /usr/bin/time -f "   %e s wall, %U s user, %M KB peak" "$bin/billcast" forecast examples/job-posting-analyzer-today.yaml \
    --months 36 --samples 10000 --architecture lambda-cloudfront --architecture app-runner --architecture ecs-fargate --architecture ec2 >/dev/null
done

echo
echo "6. pricing verify streaming a generated offer file (bounded memory; throughput against the disk)"
offer_mb="${BILLCAST_OFFER_MB:-1024}"
python3 scripts/make-offer-fixtures.py json --size-mb "$offer_mb" > .build/bench-offer.json
python3 scripts/make-offer-fixtures.py csv --size-mb "$offer_mb" > .build/bench-offer.csv
for f in .build/bench-offer.json .build/bench-offer.csv; do
  bytes=$(stat -c %s "$f")
  cat "$f" > /dev/null  # from the page cache, like a file just downloaded
  for _ in 1 2; do
    /usr/bin/time -f "%e %M" -o .build/bench-offer.time "$bin/billcast" pricing verify "$f" >/dev/null
    read -r secs kb < .build/bench-offer.time
    python3 -c "import sys; b, s, k = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]); print(f'   {sys.argv[4]}: {b / 1e6:.0f} MB in {s:.2f} s = {b / 1e6 / s:.0f} MB/s, peak {k / 1024:.1f} MB')" "$bytes" "$secs" "$kb" "$f"
  done
done
gzip -1 -c .build/bench-offer.csv > .build/bench-offer.csv.gz
bytes=$(stat -c %s .build/bench-offer.csv)
for _ in 1 2; do
  /usr/bin/time -f "%e %M" -o .build/bench-offer.time "$bin/billcast" pricing verify .build/bench-offer.csv.gz >/dev/null
  read -r secs kb < .build/bench-offer.time
  python3 -c "import sys; b, s, k = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]); print(f'   .build/bench-offer.csv.gz: {b / 1e6:.0f} MB of CSV in {s:.2f} s = {b / 1e6 / s:.0f} MB/s, peak {k / 1024:.1f} MB')" "$bytes" "$secs" "$kb"
done
echo "   the disk, for comparison (O_DIRECT, no page cache):"
dd if=.build/bench-offer.json of=/dev/null bs=4M iflag=direct 2>&1 | tail -1 | sed 's/^/   /'
rm -f .build/bench-offer.json .build/bench-offer.csv .build/bench-offer.csv.gz .build/bench-offer.time

echo
echo "7. gzip: a generated 100 MB CUR-like bill (seeded: the same file every run)"
python3 - <<'PY'
import gzip, random
random.seed(26)
services = ["AmazonEC2", "AmazonS3", "AWSLambda", "AmazonCloudFront", "AmazonRDS", "AmazonDynamoDB", "AWSDataTransfer"]
usage = ["BoxUsage:t3.micro", "TimedStorage-ByteHrs", "Requests-Tier1", "Lambda-GB-Second", "DataTransfer-Out-Bytes", "USE1-Requests-Tier2"]
lines = ["identity_line_item_id,bill_payer_account_id,line_item_usage_start_date,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_rate,line_item_unblended_cost,resource_tags\n"]
size, i = 0, 0
while size < 100_000_000:
    line = "%032x,123456789012,2026-10-%02dT%02d:00:00Z,%s,%s,%.6f,%.10f,%.10f,\"{\"\"user:team\"\":\"\"t%d\"\"}\"\n" % (
        random.getrandbits(128), i // 40000 + 1, random.randrange(24), random.choice(services), random.choice(usage),
        random.random() * 100, random.random() / 10, random.random() * 10, random.randrange(20))
    lines.append(line)
    size, i = size + len(line), i + 1
data = "".join(lines).encode()
open(".build/bench-bill.csv", "wb").write(data)
open(".build/bench-bill.csv.gz", "wb").write(gzip.compress(data, 6, mtime=0))
PY
"$bin/billcast-bench" gzip .build/bench-bill.csv.gz .build/bench-bill.csv
python3 -c "
import subprocess, time
s = []
for _ in range(3):
    t = time.perf_counter(); subprocess.run(['gzip', '-dc', '.build/bench-bill.csv.gz'], stdout=subprocess.DEVNULL, check=True); s.append(time.perf_counter() - t)
print(f'  gzip(1) -dc, for comparison    {100.0 / sorted(s)[1]:8.1f} MB/s decompressed')"
rm -f .build/bench-bill.csv .build/bench-bill.csv.gz

echo
echo "8. reconcile reading a generated bill: FOCUS 1.2 rows of Tests/Fixtures/reconcile/exact-focus-1.2.csv repeated"
echo "   with varied days and resource ids (BILLCAST_BILL_MB, default 1024 MB), plain and gzipped: MB/s and peak RSS"
bill_mb="${BILLCAST_BILL_MB:-1024}"
python3 - "$bill_mb" <<'PY'
import csv, io, sys
# Streams to disk: the fixture's September rows become templates, written out until the size is reached.
target = int(sys.argv[1]) * 1_000_000
rows = list(csv.reader(open("Tests/Fixtures/reconcile/exact-focus-1.2.csv", newline="")))
header = rows[0]
body = [r for r in rows[1:] if r[header.index("BillingPeriodStart")].startswith("2026-09")]
start, end, resource = header.index("ChargePeriodStart"), header.index("ChargePeriodEnd"), header.index("ResourceId")
templates = []
for r in body:
    r = [f.replace("%", "%%") for f in r]
    r[start], r[end], r[resource] = "2026-09-%(day)02dT%(hour)02d:00:00Z", "2026-09-%(day)02dT%(hour)02d:59:59Z", "arn:aws:bench:us-east-1:111122223333:r/%(id)d"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(r)
    templates.append(out.getvalue())
with open(".build/bench-reconcile.csv", "w", newline="") as f:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(header)
    f.write(out.getvalue())
    size, i = len(out.getvalue()), 0
    while size < target:
        chunk = "".join(t % {"day": (i // 24) % 30 + 1, "hour": i % 24, "id": i * 31 + k} for k, t in enumerate(templates))
        f.write(chunk)
        size, i = size + len(chunk), i + 1
PY
gzip -1 -c .build/bench-reconcile.csv > .build/bench-reconcile.csv.gz
bytes=$(stat -c %s .build/bench-reconcile.csv)
cat .build/bench-reconcile.csv > /dev/null  # from the page cache, like a file just downloaded
for f in .build/bench-reconcile.csv .build/bench-reconcile.csv.gz; do
  for _ in 1 2; do
    /usr/bin/time -f "%e %M" -o .build/bench-reconcile.time "$bin/billcast" reconcile Tests/Fixtures/reconcile/shop.yaml "$f" \
      --pricing Tests/Fixtures/pricing --format json >/dev/null
    read -r secs kb < .build/bench-reconcile.time
    python3 -c "import sys; b, s, k = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]); print(f'   {sys.argv[4]}: {b / 1e6:.0f} MB of CSV in {s:.2f} s = {b / 1e6 / s:.0f} MB/s, peak {k / 1024:.1f} MB')" "$bytes" "$secs" "$kb" "$f"
  done
done
rm -f .build/bench-reconcile.csv .build/bench-reconcile.csv.gz .build/bench-reconcile.time
