#!/usr/bin/env python3
"""Measure how much of a corpus of real infrastructure billcast prices.

For each file in corpus/manifest.json (CloudFormation/SAM templates and
`terraform show -json` plans written outside this project; corpus/README.md
names their sources) this script:

1. runs `billcast init --cloudformation FILE` (or `--terraform-plan FILE`);
2. fills every `~` blank of the starter with a plausible positive number from
   a fixed table by input name (choice inputs take the first value the
   starter's comment lists; anything else 1000);
3. runs `billcast estimate --format json`; when it fails because a template
   parameter has no default, supplies that parameter and tries again;
4. records whether init and estimate succeeded, the first error line when not,
   and each template resource's status.

It writes docs/coverage.md. `--check` compares with the committed file instead
and exits 1 when it is stale. Output is deterministic: sorted, and no dates
other than the corpus commits and the fixed pricing date below.

Standard library only. Usage:
    python3 scripts/coverage.py [--billcast PATH] [--jobs N] [--check]
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus")
OUTPUT = os.path.join(ROOT, "docs", "coverage.md")
WORK = os.path.join(ROOT, ".build", "coverage-work")

# Every estimate is priced as of this date, so the report does not change
# with the day it is made.
AS_OF = "2026-12-01"

# Plausible monthly figures for a small production system, by input name.
VALUES = {
    "requests": "1000000",
    "duration_ms": "200",
    "storage_gb": "50",
    "put_requests": "100000",
    "get_requests": "1000000",
    "log_ingest_gb": "5",
    "log_storage_gb": "5",
    "public_ipv4": "1",
    "processed_gb": "100",
    "lcus": "1",
    "nlcus": "1",
    "api_calls": "100000",
    "transfer_out_gb": "100",
    "https_requests": "1000000",
    "http_requests": "1000000",
    "custom_events": "1000000",
    "messages": "1000000",
    "connection_minutes": "100000",
    "availability_zones": "2",
    "standard_queries": "1000000",
    "active_hours": "730",
    "hours": "730",
    "read_request_units": "1000000",
    "write_request_units": "100000",
    "state_transitions": "100000",
    "backup_gb": "10",
    "iops": "3000",
    "throughput_mbps": "125",
    "desired_count": "1",
    "instances": "1",
    "instance_count": "1",
}
FALLBACK = "1000"

BLANK = re.compile(r"^(?P<indent>\s*)(?P<key>[A-Za-z0-9_.\-\[\]\"]+): ~(?P<rest>\s*(#\s*(?P<comment>.*))?)$")
CHOICE = re.compile(r"one of ([^—]+?)(?:\s+—|$)")
MISSING_PARAMETER = re.compile(r"parameter (\w+) has no default")
STATUSES = ["priced", "free", "part-of", "not-created", "not-priced"]
STATUS_NAMES = {
    "priced": "priced",
    "free": "free",
    "part-of": "part of another",
    "not-created": "not created",
    "not-priced": "not priced",
}


# Choices whose list the starter counts instead of listing (EC2's 778 instance types).
LONG_CHOICES = {"instance_type": "t3.micro"}


def fill_value(key: str, comment: str) -> str:
    """The value a blank gets: a choice's first value (or, for a list the starter only counts,
    a fixed one), else the table's, else 1000."""
    choice = CHOICE.search(comment or "")
    if choice and re.match(r"(its )?\d+ values", choice.group(1)):
        return LONG_CHOICES.get(key, FALLBACK)
    if choice:
        first = choice.group(1).split(",")[0].strip()
        if first:
            return first
    return VALUES.get(key, FALLBACK)


def fill_starter(text: str) -> tuple[str, int]:
    """Replace every `~` blank of a starter profile; returns the text and the count filled."""
    lines, count = [], 0
    for line in text.split("\n"):
        m = BLANK.match(line)
        if m:
            value = fill_value(m.group("key").strip('"'), m.group("comment") or "")
            line = f"{m.group('indent')}{m.group('key')}: {value}{m.group('rest')}"
            count += 1
        lines.append(line)
    return "\n".join(lines), count


def repair_empty_usage(text: str) -> tuple[str, bool]:
    """Write `usage: {}` where the starter leaves `usage:` with no entry under it.

    billcast init writes a bare `usage:` when no resource needs usage, and
    estimate then refuses its own starter ("expected a mapping of resource ids
    to their usage inputs, found a scalar"). The report counts these repairs.
    """
    lines = text.split("\n")
    repaired = False
    for i, line in enumerate(lines):
        m = re.match(r"^(\s*)usage:\s*$", line)
        if not m:
            continue
        indent = len(m.group(1))
        following = next((l for l in lines[i + 1:] if l.strip() and not l.strip().startswith("#")), "")
        if len(following) - len(following.lstrip()) <= indent:
            lines[i] = f"{m.group(1)}usage: {{}}"
            repaired = True
    return "\n".join(lines), repaired


PRICED_ENTRY = re.compile(r"^ {6}'?(?P<id>[^' ]+?)'?:\s+# (?P<type>\S+), priced as ")
OTHER_ENTRY = re.compile(r"^ {4}# {3}(?P<id>\S+) \((?P<type>[^)]+)\): (?P<status>free|part of|not priced|not created)")
STARTER_STATUS = {"free": "free", "part of": "part-of", "not priced": "not-priced", "not created": "not-created"}


def starter_resources(text: str) -> list[dict]:
    """Each template resource's status as the starter lists it (used when the estimate fails)."""
    found: dict[str, dict] = {}
    for line in text.split("\n"):
        m = PRICED_ENTRY.match(line)
        if m:
            rid = m.group("id")
            # An instance's volumes are components of the instance (ID.BlockDeviceMappings[0], address.root_block_device).
            if any(rid.startswith(other + ".") and found[other]["type"] == m.group("type") for other in found):
                continue
            found.setdefault(rid, {"id": rid, "type": m.group("type"), "status": "priced"})
            continue
        m = OTHER_ENTRY.match(line)
        if m:
            found.setdefault(m.group("id"), {"id": m.group("id"), "type": m.group("type"), "status": STARTER_STATUS[m.group("status")]})
    return sorted(found.values(), key=lambda r: r["id"])


def first_error(stderr: str) -> str:
    """The first error line of billcast's standard error, with local paths removed."""
    lines = [l.strip() for l in stderr.splitlines() if l.strip()]
    chosen = next((l for l in lines if "error" in l.lower()), lines[0] if lines else "(no message)")
    return normalize(chosen)


def normalize(text: str) -> str:
    text = text.replace(ROOT + "/", "")
    text = re.sub(r"(\.\./)+corpus/", "corpus/", text)
    text = re.sub(r"\.build/coverage-work/\d+/", "", text)
    return text


def parameter_value(name: str) -> str:
    """A value for a template parameter without a default that a price needs."""
    lowered = name.lower()
    if any(w in lowered for w in ("memory", "size", "count", "capacity", "timeout", "days", "port")):
        return "128" if "memory" in lowered else "1"
    return "corpus"


def set_parameters(text: str, params: dict[str, str]) -> str:
    inner = ", ".join(f"{k}: {json.dumps(v)}" for k, v in sorted(params.items()))
    return re.sub(r"^(\s*)parameters: \{[^\n]*\}", lambda m: f"{m.group(1)}parameters: {{{inner}}}", text, count=1, flags=re.M)


def run(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=600)


def measure(index: int, entry: dict, billcast: str, pricing: str) -> dict:
    """Init, fill and estimate one corpus file."""
    work = os.path.join(WORK, str(index))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    profile = os.path.join(work, "profile.yaml")
    flag = "--cloudformation" if entry["kind"] == "cloudformation" else "--terraform-plan"
    record = {"file": entry["file"], "kind": entry["kind"], "source": entry["source"],
              "init": False, "estimate": False, "repaired": False, "error": None, "filled": 0,
              "parameters": {}, "resources": [], "resources_from": None, "warnings": []}
    init = run([billcast, "init", flag, os.path.join(ROOT, entry["file"]), "--pricing", pricing, "--output", profile])
    if init.returncode != 0 or not os.path.exists(profile):
        record["error"] = f"init (exit {init.returncode}): " + first_error(init.stderr)
        return record
    record["init"] = True
    with open(profile, encoding="utf-8") as f:
        starter = f.read()
    text, record["filled"] = fill_starter(starter)
    text, record["repaired"] = repair_empty_usage(text)
    params: dict[str, str] = {}
    for _ in range(5):
        with open(profile, "w", encoding="utf-8") as f:
            f.write(set_parameters(text, params) if params else text)
        est = run([billcast, "estimate", profile, "--format", "json", "--pricing", pricing, "--as-of", AS_OF])
        if est.returncode == 0:
            break
        missing = [p for p in MISSING_PARAMETER.findall(est.stderr) if p not in params]
        if not missing:
            break
        for p in missing:
            params[p] = parameter_value(p)
    record["parameters"] = params
    if est.returncode != 0:
        record["error"] = f"estimate (exit {est.returncode}): " + first_error(est.stderr)
        record["resources"] = starter_resources(starter)
        record["resources_from"] = "starter"
        return record
    record["estimate"] = True
    report = json.loads(est.stdout)
    seen = {}
    warnings = set()
    for result in report.get("results", []):
        for x in result.get("warnings", []):
            warnings.add((x.get("code", ""), normalize(x.get("message", ""))))
        for r in result.get("resources", []):
            seen.setdefault(r["id"], {"id": r["id"], "type": r["type"], "status": r["status"]})
    record["resources"] = sorted(seen.values(), key=lambda r: r["id"])
    record["resources_from"] = "estimate"
    record["warnings"] = sorted(warnings)
    shutil.rmtree(work, ignore_errors=True)
    return record


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "–"


def escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(manifest: list[dict], records: list[dict]) -> str:
    out = []
    w = out.append
    w("# Coverage of real infrastructure")
    w("")
    w("How much of real, third-party infrastructure billcast prices. Generated by")
    w("`python3 scripts/coverage.py` from the corpus in `corpus/` (sources, commits")
    w("and licenses in [corpus/README.md](../corpus/README.md)); `--check` fails when")
    w("this page is stale. Do not edit by hand.")
    w("")
    w(f"Each file goes through `billcast init`; every `~` blank of the starter gets a")
    w(f"plausible positive number from a fixed table by input name (choice inputs take")
    w(f"the first listed value, any other input {FALLBACK}); then `billcast estimate")
    w(f"--format json --as-of {AS_OF}` prices it. A template parameter without a")
    w("default that the estimate asks for is supplied and the estimate retried.")
    w("Resource shares count the resources of the files that estimate.")
    w("")
    w("## Corpus")
    w("")
    w("| kind | source | repository | commit | files |")
    w("|---|---|---|---|---:|")
    groups = collections.OrderedDict()
    for e in manifest:
        groups.setdefault((e["kind"], e["source"], e["repo"], e["commit"]), 0)
        groups[(e["kind"], e["source"], e["repo"], e["commit"])] += 1
    for (kind, source, repo, commit), n in sorted(groups.items()):
        w(f"| {kind} | {source} | {repo} | `{commit[:12]}` | {n} |")
    w("")
    w("## Results")
    w("")
    w("| kind | files | init succeeds | estimate succeeds | nothing priced | of which nothing to price |")
    w("|---|---:|---:|---:|---:|---:|")
    known = [r for r in records if r["resources_from"]]
    for kind in ("cloudformation", "terraform", None):
        rs = [r for r in records if kind is None or r["kind"] == kind]
        inited = sum(r["init"] for r in rs)
        est = sum(r["estimate"] for r in rs)
        unpriced = [r for r in rs if r["resources_from"] and not any(x["status"] == "priced" for x in r["resources"])]
        free_only = sum(1 for r in unpriced if not any(x["status"] == "not-priced" for x in r["resources"]))
        w(
            f"| {kind or 'all'} | {len(rs)} | {inited} ({pct(inited, len(rs))}) | {est} ({pct(est, len(rs))})"
            f" | {len(unpriced)} | {free_only} |"
        )
    w("")
    w("*Nothing priced*: files whose resources are known (below) and none of them is priced;")
    w("such a file estimates to $0.00 and lists every resource, each not-priced one a warning.")
    w("*Nothing to price*: of those, the files whose every resource is free or not created")
    w("(a VPC, a custom domain): AWS charges nothing for them, so $0.00 is their price.")
    w("")
    res = [x for r in known for x in r["resources"]]
    accounted = sum(1 for x in res if x["status"] != "not-priced")
    w(f"**Accounted for**: {accounted} of {len(res)} resources ({pct(accounted, len(res))}) are priced, free,")
    w("part of another or not created; the rest are not priced yet, each named with a warning.")
    w("")
    w("### Resources by status")
    w("")
    w("Each resource's status comes from the estimate's JSON (`resources[].status`) when the")
    w("estimate succeeds, else from the starter `billcast init` wrote (its usage entries are")
    w("priced; its *Not priced as components of their own* list gives the rest). A file")
    w("that init refuses has no known resources and is left out.")
    w("")
    w("| kind | files | resources | " + " | ".join(STATUS_NAMES[s] for s in STATUSES) + " |")
    w("|---|---:|---:|" + "---:|" * len(STATUSES))
    rows = [(k, src) for k in ("cloudformation", "terraform") for src in ("estimate", "starter")] + [("all", None)]
    for kind, src in rows:
        fs = [r for r in known if (kind == "all" or r["kind"] == kind) and (src is None or r["resources_from"] == src)]
        res = [x for r in fs for x in r["resources"]]
        counts = collections.Counter(x["status"] for x in res)
        cells = " | ".join(f"{counts[s]} ({pct(counts[s], len(res))})" for s in STATUSES)
        label = kind if src is None else f"{kind}, from the {src}"
        w(f"| {label} | {len(fs)} | {len(res)} | {cells} |")
    other = sorted({x["status"] for r in known for x in r["resources"]} - set(STATUSES))
    if other:
        w("")
        w("Other statuses seen: " + ", ".join(other))
    w("")
    w("### Not-priced resource types (top 40)")
    w("")
    types = collections.Counter(x["type"] for r in known for x in r["resources"] if x["status"] == "not-priced")
    files_by_type = collections.Counter(t for r in known for t in {x["type"] for x in r["resources"] if x["status"] == "not-priced"})
    w("| resource type | resources | files |")
    w("|---|---:|---:|")
    for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[:40]:
        w(f"| `{t}` | {n} | {files_by_type[t]} |")
    w("")
    w(f"{len(types)} not-priced types in all, {sum(types.values())} resources.")
    w("")
    w("### Estimate warnings by code")
    w("")
    codes = collections.Counter(code for r in records for code, _ in r["warnings"])
    files_by_code = collections.Counter(code for r in records for code in {c for c, _ in r["warnings"]})
    w("| code | warnings | files |")
    w("|---|---:|---:|")
    for code, n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])):
        w(f"| `{code}` | {n} | {files_by_code[code]} |")
    w("")
    w("### Files with nothing priced")
    w("")
    for r in sorted(known, key=lambda r: r["file"]):
        if not any(x["status"] == "priced" for x in r["resources"]):
            counts = collections.Counter(x["status"] for x in r["resources"])
            summary = ", ".join(f"{counts[s]} {STATUS_NAMES[s]}" for s in STATUSES if counts[s])
            w(f"- `{r['file']}`: {summary or 'no resources'}")
    w("")
    w("### Files that fail")
    w("")
    failing = sorted((r for r in records if not r["estimate"]), key=lambda r: r["file"])
    if not failing:
        w("None.")
    w("| file | first error |")
    w("|---|---|")
    for r in failing:
        w(f"| `{r['file']}` | {escape(r['error'] or '')} |")
    repaired = sorted(r["file"] for r in records if r["repaired"])
    if repaired:
        w("")
        w("### Starters repaired")
        w("")
        w(f"{len(repaired)} starters written by `billcast init` have a bare `usage:` (no resource")
        w("needs usage), which `billcast estimate` refuses (`architectures.main.usage:")
        w("expected a mapping of resource ids to their usage inputs, found a scalar`).")
        w("The script writes `usage: {}` there before estimating:")
        w("")
        for f in repaired:
            w(f"- `{f}`")
    supplied = [r for r in records if r["parameters"]]
    if supplied:
        w("")
        w("### Parameters supplied")
        w("")
        for r in sorted(supplied, key=lambda r: r["file"]):
            w(f"- `{r['file']}`: " + ", ".join(f"{k}={v}" for k, v in sorted(r["parameters"].items())))
    w("")
    return "\n".join(out)


def default_billcast() -> str:
    """The newer of .build/release/billcast and .build/debug/billcast."""
    found = [os.path.join(ROOT, p) for p in (".build/release/billcast", ".build/debug/billcast")]
    found = [p for p in found if os.path.exists(p)]
    if not found:
        return os.path.join(ROOT, ".build/release/billcast")
    return max(found, key=os.path.getmtime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--billcast", default=None, help="the billcast binary (default: the newer of .build/release/billcast and .build/debug/billcast)")
    parser.add_argument("--pricing", default=os.path.join(ROOT, "pricing"), help="the pricing directory")
    parser.add_argument("--jobs", type=int, default=2, help="files measured at once")
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/coverage.md is stale")
    parser.add_argument("--records", default=None, help="also write the per-file records as JSON here")
    args = parser.parse_args()
    billcast = os.path.abspath(args.billcast) if args.billcast else default_billcast()
    pricing = os.path.abspath(args.pricing)
    if not os.path.exists(billcast):
        print(f"coverage: no billcast binary at {billcast}; build it (swift build -c release) or give --billcast", file=sys.stderr)
        return 2
    with open(os.path.join(CORPUS, "manifest.json"), encoding="utf-8") as f:
        manifest = sorted(json.load(f), key=lambda e: e["file"])
    for e in manifest:
        with open(os.path.join(ROOT, e["file"]), "rb") as f:
            if hashlib.sha256(f.read()).hexdigest() != e["sha256"]:
                print(f"coverage: {e['file']} is not the file the manifest names (sha256 differs): the corpus keeps files byte for byte", file=sys.stderr)
                return 2
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        records = list(pool.map(lambda ie: measure(ie[0], ie[1], billcast, pricing), enumerate(manifest)))
    shutil.rmtree(WORK, ignore_errors=True)
    if args.records:
        with open(args.records, "w", encoding="utf-8") as f:
            json.dump(records, f, indent=1, sort_keys=True)
    text = render(manifest, records)
    if args.check:
        try:
            with open(OUTPUT, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = ""
        if current != text:
            print("docs/coverage.md is stale: run python3 scripts/coverage.py", file=sys.stderr)
            return 1
        print("docs/coverage.md is up to date")
        return 0
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}: {len(records)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
