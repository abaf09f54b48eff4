#!/usr/bin/env bash
# Follows the DocC getting-started article as a new user would: makes a new package beside
# a clone of this repository, with the article's Package.swift and main.swift (taken from the
# article's code blocks), builds it, runs it from the clone, and checks that it prices the
# example profile. CI runs it so the article cannot go stale. The clone is of the committed
# HEAD (with the working copy's article): uncommitted source changes are not what it builds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
article="$root/Sources/BillcastEngine/BillcastEngine.docc/GettingStarted.md"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/billcast"
cp "$article" "$work/billcast/Sources/BillcastEngine/BillcastEngine.docc/GettingStarted.md"  # the working copy's article
mkdir -p "$work/MyTool/Sources/MyTool"
python3 - "$article" "$work/MyTool" <<'PY'
import re, sys
blocks = re.findall(r"```swift\n(.*?)```", open(sys.argv[1]).read(), re.S)
assert len(blocks) == 2, f"expected the article's Package.swift and main.swift, found {len(blocks)} swift blocks"
open(f"{sys.argv[2]}/Package.swift", "w").write(blocks[0])
open(f"{sys.argv[2]}/Sources/MyTool/main.swift", "w").write(blocks[1])
lines = len(blocks[1].strip().splitlines())
assert lines < 20, f"main.swift is {lines} lines; the article promises fewer than 20"
print(f"getting started: main.swift is {lines} lines")
PY
cd "$work/billcast"
out="$(swift run --package-path ../MyTool 2>/dev/null)"
echo "$out" | head -3
# The document's minimum scenario on Lambda, as billcast's own estimate of the same profile with the
# same tables gives it (total_low and total_high): no rate is written here, so a rate change in
# pricing/ changes only the documents scripts/docs-reports.sh writes (docs/testing.md).
expected="$(BILLCAST_PRICING=pricing BILLCAST_CACHE=off swift run -q --package-path "$root" billcast estimate \
  examples/job-posting-analyzer.yaml --scenario minimum --architecture lambda-cloudfront --format csv |
  awk -F, 'NR == 2 { print $1, $2, $13, $14 }')"
[ "$expected" != "" ] || { echo "getting started: billcast's own estimate printed no row" >&2; exit 1; }
echo "$out" | grep -qx "$expected" || { echo "getting started: expected the line '$expected'" >&2; exit 1; }
echo "getting started: OK"
