#!/usr/bin/env bash
# Writes the reports that document real prices into the documents that show them, from the live
# pricing/ tables. Each ```text block right after a line
#   <!-- billcast-report: ARGUMENTS -->          (or: ARGUMENTS | head N)
# in README.md or docs/*.md is the output of `billcast ARGUMENTS` (its first N lines with
# `| head N`), run in the repository's root as a user would: no BILLCAST_PRICING, so the report
# names `pricing`. Today: the README's excerpt of the example's estimate and
# docs/reference-case.md's whole report.
#
#   scripts/docs-reports.sh           rewrite the stale blocks, naming each file written
#   scripts/docs-reports.sh --check   change nothing; exit 1 with a diff when a block is stale (CI)
#
# A rate changed in pricing/ changes these documents (run this script and commit them) and no file
# under Tests/: the tests price against the frozen test catalog (docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  "" | --check) ;;
  *) echo "usage: scripts/docs-reports.sh [--check]" >&2; exit 64 ;;
esac
swift build -q --product billcast
bin="$(swift build --show-bin-path)/billcast"
python3 - "$bin" "${1:-}" <<'PY'
import difflib, glob, os, re, shlex, subprocess, sys

binary, mode = sys.argv[1], sys.argv[2]
marker = re.compile(r"^<!-- billcast-report: (.*?)(?: \| head (\d+))? -->\n```text\n(.*?)^```\n", re.M | re.S)
env = {k: v for k, v in os.environ.items() if k not in ("BILLCAST_PRICING", "COLUMNS")}
env["BILLCAST_CACHE"] = "off"  # read every table from its YAML; write no snapshot


def report(arguments, head):
    run = subprocess.run([binary] + shlex.split(arguments), env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"docs-reports: `billcast {arguments}` exited {run.returncode}:\n{run.stderr}")
    if run.stderr:
        sys.exit(f"docs-reports: `billcast {arguments}` wrote to standard error:\n{run.stderr}")
    if head is None:
        return run.stdout
    return "".join(line + "\n" for line in run.stdout.split("\n")[: int(head)])


stale, blocks = [], 0
for path in ["README.md"] + sorted(glob.glob("docs/*.md")):
    text = open(path, encoding="utf-8").read()

    def fill(match):
        global blocks
        blocks += 1
        arguments, head = match.group(1), match.group(2)
        line = match.group(0).split("\n", 1)[0]
        return f"{line}\n```text\n{report(arguments, head)}```\n"

    new = marker.sub(fill, text)
    if new == text:
        continue
    stale.append(path)
    if mode == "--check":
        sys.stdout.writelines(
            difflib.unified_diff(text.splitlines(True), new.splitlines(True), path, path + " (regenerated)"))
    else:
        open(path, "w", encoding="utf-8").write(new)
        print(f"docs-reports: wrote {path}")
if blocks < 2:
    sys.exit(f"docs-reports: found {blocks} report blocks; README.md and docs/reference-case.md each mark one")
if stale and mode == "--check":
    sys.exit(f"docs-reports: {', '.join(stale)} stale: run scripts/docs-reports.sh and commit the result")
print(f"docs-reports: {blocks} report blocks {'checked' if mode == '--check' else 'written'}")
PY
