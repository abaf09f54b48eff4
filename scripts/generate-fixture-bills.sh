#!/usr/bin/env bash
# Regenerates the synthetic bills in Tests/Fixtures/reconcile/ from shop.yaml against the frozen test catalog
# (Tests/Fixtures/pricing), with scripts/generate-bill.py; each bill has its manifest (*.manifest.json) listing
# the drift injected into it. `--check` regenerates into a temporary directory and fails (exit 1) when any file
# differs from the committed one. Needs a built billcast (BILLCAST, default .build/debug/billcast).
set -euo pipefail
cd "$(dirname "$0")/.."
BILLCAST="${BILLCAST:-.build/debug/billcast}"
FIXTURES=Tests/Fixtures/reconcile
OUT="$FIXTURES"
CHECK=0
if [[ "${1:-}" == "--check" ]]; then
  CHECK=1
  OUT="$(mktemp -d)"
  trap 'rm -rf "$OUT"' EXIT
fi

gen() {
  local name="$1"
  shift
  python3 scripts/generate-bill.py "$FIXTURES/shop.yaml" --billcast "$BILLCAST" --pricing Tests/Fixtures/pricing \
    --account 111122223333 --tag app=shop --logical-ids --stack-name shop \
    -o "$OUT/$name" --manifest "$OUT/${name%%.csv*}.manifest.json" "$@"
}

# No drift: the bill is the estimate, two months (FOCUS: one row per month; CUR: daily rows, gzipped).
gen exact-focus-1.2.csv --format focus --focus-version 1.2 --months 2026-09,2026-10 --granularity monthly
gen exact-cur2.csv.gz --format cur2 --months 2026-09,2026-10 --granularity daily --gzip
# Drift: the API function runs twice as long (200 -> 400 ms), Aurora's ACU-hour costs 10% more than the table,
# a NAT gateway the profile lacks (730 h at $0.045), and a $25 promotional credit. S3 usage types are written
# without the USE1- prefix, as AWS writes some us-east-1 usage types (not drift: the reader must match both).
DRIFT=(--unprefixed AmazonS3 --set lambda_duration_ms=400 --price 'aws.aurora-serverless-v2/capacity[standard]=1.1'
  --forgotten AmazonEC2:NatGateway-Hours:730:0.045:Hrs --credit 25)
gen drift-focus-1.0.csv --format focus --focus-version 1.0 --months 2026-09 --granularity monthly "${DRIFT[@]}"
# The same drift in CUR 2.0, with 80% of Lambda duration covered by a Compute Savings Plan at 72% of on-demand.
gen drift-cur2.csv --format cur2 --months 2026-09 --granularity monthly "${DRIFT[@]}" \
  --savings-plan 'aws.lambda/duration[x86_64]=0.8:0.72'
# October after the drift bill's September: the API function at 300 ms, so that the two months
# together calibrate a range (300..400).
gen drift-october-focus-1.2.csv --format focus --focus-version 1.2 --months 2026-10 --granularity monthly \
  --unprefixed AmazonS3 --set lambda_duration_ms=300
# A bill in euros (billcast estimates in USD): the reader must refuse it or say so.
gen eur-focus-1.2.csv --format focus --focus-version 1.2 --months 2026-09 --granularity monthly \
  --currency EUR --exchange-rate 0.92

# The reference app read from its CloudFormation templates: components named by logical ID, which the bill's
# aws:cloudformation:logical-id tags name; Firebase Auth is left off (an AWS bill cannot show it). October 2024
# (Aurora Serverless v1 could still be billed), 20,000 page views where the minimum scenario assumes 1,000-5,000.
python3 scripts/generate-bill.py examples/job-posting-analyzer-cloudformation.yaml --billcast "$BILLCAST" \
  --pricing Tests/Fixtures/pricing --account 111122223333 --logical-ids --format cur2 --months 2024-10 \
  --granularity monthly --scenario minimum --architecture lambda-cloudfront --set page_views=20000 \
  -o "$OUT/template-cur2.csv" --manifest "$OUT/template-cur2.manifest.json"

if [[ $CHECK == 1 ]]; then
  status=0
  count=0
  for f in "$OUT"/*; do
    name="$(basename "$f")"
    count=$((count + 1))
    if ! cmp -s "$f" "$FIXTURES/$name"; then
      echo "generate-fixture-bills: $FIXTURES/$name differs from what scripts/generate-bill.py writes; run scripts/generate-fixture-bills.sh" >&2
      status=1
    fi
  done
  [[ $status == 0 ]] && echo "generate-fixture-bills: $count files as committed"
  exit $status
fi
