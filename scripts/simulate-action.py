#!/usr/bin/env python3
"""Runs action.yml's steps as a GitHub runner would, against two commits of a scratch repository.

    scripts/simulate-action.py [--billcast PATH] [--release DIR] [--keep]

It builds a scratch repository whose base commit holds a copy of the example profile and whose
head commit raises its page views and adds a second profile, then runs the composite action's
steps in order: `if:` conditions, `${{ }}` expressions, step `env:`, GITHUB_OUTPUT, GITHUB_PATH
and GITHUB_STEP_SUMMARY files, `bash -eo pipefail`, with `install` set to the given binary.
A fake `gh` on PATH keeps the pull request's comments in a JSON file, as GitHub's API would.

Runs, in order:
  1. the pull request from the repository itself: one comment is added;
  2. a second push to it: the same comment is updated, so there is still one;
  3. the same pull request from a fork: no comment, the report goes to the job summary;
  4. fail-above 1%: the action fails with status 1 after writing its comment;
  5. a hostile pull request: a broken new profile, file names with backticks, HTML or a newline,
     a profile that is a symbolic link to a runner file: status 2, a comment in which nothing
     renders outside code, no runner file's content (simulate_action_cases.py);
  6. twelve new profiles: the comment is cut to GitHub's 65,536 characters (the stand-in for
     `gh` refuses longer bodies, as GitHub does), the job summary keeps the whole report, and
     with its limit lowered the summary is cut and the log holds the report;
  7. with --release DIR (or BILLCAST_RELEASE_DIR), `install: release` against the archive in
     DIR, served by a stand-in for `curl`, and the same archive tampered with (the job stops).
It prints the comment's final body and exits 1 if any of these does not hold.
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import types

import yaml

import simulate_action_cases as cases

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARKER = "<!-- billcast-cost-diff -->"

FAKE_GH = r'''#!/usr/bin/env python3
"""A stand-in for `gh api` over a JSON file of comments ($FAKE_GH_STORE)."""
import json, os, sys
args = sys.argv[1:]
assert args and args[0] == "api", args
assert os.environ.get("GH_TOKEN"), "gh: GH_TOKEN is not set"
method, path, body = "GET", None, None
i = 1
while i < len(args):
    a = args[i]
    if a == "-X": method = args[i + 1]; i += 2; continue
    if a in ("--paginate", "--silent"): i += 1; continue
    if a == "--field":
        key, _, value = args[i + 1].partition("=")
        assert key == "body" and value.startswith("@"), args
        body = open(value[1:], encoding="utf-8").read(); i += 2
        if len(body) > 65536:  # GitHub's limit on a comment's body, in characters
            sys.exit("gh: HTTP 422: Validation Failed (body is too long (maximum is 65536 characters))")
        continue
    path = a; i += 1
store_path = os.environ["FAKE_GH_STORE"]
store = json.load(open(store_path)) if os.path.exists(store_path) else {"next": 1000, "comments": [], "calls": []}
store["calls"].append(f"{method} {path}")
parts = path.split("/")
if method == "GET" and parts[3:4] == ["issues"] and parts[5:] == ["comments"]:
    comments = [c for c in store["comments"] if c["issue"] == int(parts[4])]
    # Two pages, as --paginate prints them: one JSON array after another.
    print(json.dumps(comments[:1])); print(json.dumps(comments[1:]))
elif method == "POST" and parts[5:] == ["comments"]:
    store["comments"].append({"id": store["next"], "issue": int(parts[4]), "body": body, "user": {"login": "github-actions[bot]"}})
    store["next"] += 1
elif method == "PATCH" and parts[3:5] == ["issues", "comments"]:
    [c for c in store["comments"] if c["id"] == int(parts[5])][0]["body"] = body
else:
    sys.exit(f"gh: unexpected call {method} {path}")
json.dump(store, open(store_path, "w"))
'''


def version() -> str:
    """The version the sources declare, read as scripts/release.sh and action/install.sh read it."""
    return subprocess.run([str(ROOT / "scripts" / "version.sh")], check=True, capture_output=True, text=True).stdout.strip()


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True)


def commit(repo, message):
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)
    return subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()


def scratch_repository(base: pathlib.Path) -> tuple[pathlib.Path, str, str, str]:
    """A repository with a base commit, a head commit and a second push; returns their SHAs."""
    repo = base / "workspace"
    (repo / "billing").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    git(repo, "config", "user.email", "ci@example.com")
    git(repo, "config", "user.name", "CI")
    example = (ROOT / "examples" / "job-posting-analyzer.yaml").read_text(encoding="utf-8")
    (repo / "billing" / "app.yaml").write_text(example, encoding="utf-8")
    (repo / "billing" / "retired.yaml").write_text(example.replace("name: Job Posting Analyzer", "name: Retired app"), encoding="utf-8")
    base_sha = commit(repo, "base")
    # The pull request: more traffic, a new profile, one removed.
    (repo / "billing" / "app.yaml").write_text(example.replace("page_views: 1000..5000", "page_views: 2000..8000"), encoding="utf-8")
    shutil.copy(ROOT / "examples" / "job-posting-analyzer-today.yaml", repo / "billing" / "today.yaml")
    (repo / "billing" / "retired.yaml").unlink()
    head_sha = commit(repo, "more traffic")
    (repo / "billing" / "app.yaml").write_text(example.replace("page_views: 1000..5000", "page_views: 3000..9000"), encoding="utf-8")
    push_sha = commit(repo, "even more traffic")
    git(repo, "checkout", "-q", head_sha)
    return repo, base_sha, head_sha, push_sha


class Expression:
    """The slice of GitHub's expression language action.yml uses: paths, strings, ==, !=, ||."""

    def __init__(self, context):
        self.context = context

    def value(self, text: str):
        text = text.strip()
        alternatives = self.split(text, "||")
        if len(alternatives) > 1:
            for part in alternatives:
                v = self.value(part)
                if v:
                    return v
            return v
        for op in ("==", "!="):
            sides = self.split(text, op)
            if len(sides) == 2:
                equal = str(self.value(sides[0])) == str(self.value(sides[1]))
                return equal if op == "==" else not equal
        if text.startswith("'") and text.endswith("'"):
            return text[1:-1].replace("''", "'")
        if not re.fullmatch(r"[A-Za-z_][\w-]*(\.[\w-]+)*", text):
            raise ValueError(f"simulate-action: expression not supported: {text}")
        v = self.context
        for part in text.split("."):
            v = v.get(part, "") if isinstance(v, dict) else ""
        return v

    @staticmethod
    def split(text: str, op: str):
        parts, depth, quoted, start, i = [], 0, False, 0, 0
        while i < len(text):
            c = text[i]
            if c == "'":
                quoted = not quoted
            elif not quoted and c == "(":
                depth += 1
            elif not quoted and c == ")":
                depth -= 1
            elif not quoted and depth == 0 and text.startswith(op, i):
                parts.append(text[start:i])
                i += len(op)
                start = i
                continue
            i += 1
        return parts + [text[start:]]

    def substitute(self, text: str) -> str:
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(self.value(m.group(1))), text)


def run_action(action, repo, temp, billcast, inputs, event, store, label, env_extra=None, action_repository=""):
    """Runs the action's steps once; returns (job succeeded, step outputs, job summary, job log)."""
    runner_temp = temp / f"runner-{label}"
    runner_temp.mkdir()
    summary = runner_temp / "summary.md"
    summary.touch()
    path_file = runner_temp / "path"
    path_file.touch()
    declared = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    context = {
        "inputs": {**declared, "install": billcast, "github-token": "fake-token", **inputs},
        "github": {"event": event, "sha": event["pull_request"]["head"]["sha"], "token": "fake-token",
                   "action_path": str(ROOT), "action_repository": action_repository, "repository": "octo/app"},
        "runner": {"temp": str(runner_temp), "os": "Linux", "arch": "X64"},
        "steps": {},
    }
    # Inputs default to expressions (github-token); evaluate them against the context once.
    context["inputs"] = {k: Expression(context).substitute(str(v)) for k, v in context["inputs"].items()}
    failed, log = False, []
    for index, step in enumerate(action["runs"]["steps"]):
        expr = Expression(context)
        condition = step.get("if", "success()")
        if condition == "success()":
            run_it = not failed
        else:
            run_it = not failed and bool(expr.value(condition))
        name = step.get("name", f"step {index}")
        if not run_it:
            print(f"  [{label}] skip: {name}")
            continue
        if "uses" in step:
            raise SystemExit(f"simulate-action: step '{name}' uses {step['uses']}, which the simulation cannot run")
        output_file = runner_temp / f"output-{index}"
        output_file.touch()
        extra_path = [line for line in path_file.read_text().splitlines() if line]
        env = {
            **os.environ,
            "PATH": os.pathsep.join(list(reversed(extra_path)) + [str(temp / "fake-bin"), os.environ["PATH"]]),
            "GITHUB_ACTION_PATH": str(ROOT), "GITHUB_WORKSPACE": str(repo), "GITHUB_REPOSITORY": "octo/app",
            "GITHUB_SERVER_URL": "https://github.com", "GITHUB_OUTPUT": str(output_file), "GITHUB_PATH": str(path_file),
            "GITHUB_STEP_SUMMARY": str(summary), "RUNNER_TEMP": str(runner_temp), "FAKE_GH_STORE": str(store),
            "GITHUB_RUN_ID": "4242", **(env_extra or {}),
        }
        env.update({k: expr.substitute(str(v)) for k, v in (step.get("env") or {}).items()})
        script = runner_temp / f"step-{index}.sh"
        script.write_text(expr.substitute(step["run"]))
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=repo, env=env,
                                capture_output=True, text=True)
        print(f"  [{label}] run:  {name} -> exit {result.returncode}")
        log.append(result.stdout + result.stderr)
        for line in (result.stdout + result.stderr).splitlines()[:40]:
            print(f"      {line}")
        outputs = dict(line.split("=", 1) for line in output_file.read_text().splitlines() if "=" in line)
        if "id" in step:
            context["steps"][step["id"]] = {"outputs": outputs}
        if result.returncode != 0:
            failed = True
    text = summary.read_text()
    if len(text.encode()) > 1024 * 1024:  # GitHub refuses a step summary over 1 MiB
        raise SystemExit(f"simulate-action: run {label}: the job summary is {len(text.encode())} bytes, over 1 MiB")
    return not failed, context["steps"], text, "".join(log)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--billcast", default=str(ROOT / ".build" / "debug" / "billcast"))
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    parser.add_argument("--release", default=os.environ.get("BILLCAST_RELEASE_DIR"),
                        help="scripts/release.sh's OUTDIR: run `install: release` against its archive")
    args = parser.parse_args()
    billcast = str(pathlib.Path(args.billcast).resolve())
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    temp = pathlib.Path(tempfile.mkdtemp(prefix="billcast-action-"))
    problems = []
    try:
        (temp / "fake-bin").mkdir()
        gh = temp / "fake-bin" / "gh"
        gh.write_text(FAKE_GH)
        gh.chmod(0o755)
        store = temp / "comments.json"
        repo, base_sha, head_sha, push_sha = scratch_repository(temp)

        def event(head, fork=False, base=base_sha):
            return {"pull_request": {"number": 7, "base": {"sha": base},
                                     "head": {"sha": head, "repo": {"full_name": "someone/app" if fork else "octo/app"}}}}

        def comments():
            return [c for c in json.loads(store.read_text())["comments"] if c["body"].startswith(MARKER)] if store.exists() else []

        print("1. pull request from the repository")
        ok, steps, summary, _ = run_action(action, repo, temp, billcast, {"profiles": "billing/*.yaml"}, event(head_sha), store, "push-1")
        first = comments()
        if not ok or len(first) != 1:
            problems.append(f"run 1: succeeded={ok}, {len(first)} comments (expected success and 1)")
        if first and first[0]["body"] != summary:
            problems.append("run 1: the comment is not the job summary")
        for expected in ("### `billing/app.yaml`", "### `billing/today.yaml`", "New in this change", "### `billing/retired.yaml`", "Removed by this change."):
            if first and expected not in first[0]["body"]:
                problems.append(f"run 1: the comment lacks {expected!r}")

        print("2. a second push to the pull request")
        subprocess.run(["git", "-C", str(repo), "checkout", "-q", push_sha], check=True)
        ok, steps, summary, _ = run_action(action, repo, temp, billcast, {"profiles": "billing/*.yaml"}, event(push_sha), store, "push-2")
        second = comments()
        if not ok or len(second) != 1 or (first and second[0]["id"] != first[0]["id"]):
            problems.append(f"run 2: succeeded={ok}, {len(second)} comments; the first comment must be updated, not another added")
        if second and first and second[0]["body"] == first[0]["body"]:
            problems.append("run 2: the comment was not updated")

        print("3. the same pull request from a fork")
        calls_before = len(json.loads(store.read_text())["calls"])
        ok, steps, summary, _ = run_action(action, repo, temp, billcast, {"profiles": "billing/*.yaml"}, event(push_sha, fork=True), store, "fork")
        if not ok or len(json.loads(store.read_text())["calls"]) != calls_before or MARKER not in summary:
            problems.append("run 3: a fork's pull request must not call the API and must write the job summary")

        print("4. fail-above 1%")
        ok, steps, summary, _ = run_action(action, repo, temp, billcast, {"profiles": "billing/*.yaml", "fail-above": "1%"}, event(push_sha), store, "limit")
        if ok or steps.get("price", {}).get("outputs", {}).get("status") != "1" or len(comments()) != 1:
            problems.append(f"run 4: expected a failed job with status 1 and still one comment, got succeeded={ok}, {steps.get('price')}")

        example = (ROOT / "examples" / "job-posting-analyzer.yaml").read_text(encoding="utf-8")
        help_text = subprocess.run([billcast, "estimate", "--help"], capture_output=True, text=True).stdout
        sim = types.SimpleNamespace(root=ROOT, temp=temp, head_sha=head_sha, problems=problems, comments=comments)
        sim.commit = lambda files, parent=base_sha: cases.git_commit(repo, parent, files, "a pull request")

        def run(label, sha, inputs, env_extra=None, action_repository="", install=billcast, base=base_sha):
            subprocess.run(["git", "-C", str(repo), "checkout", "-q", sha], check=True)
            return run_action(action, repo, temp, install, inputs, event(sha, base=base), store, label, env_extra,
                              action_repository)

        sim.run = run
        print("5. a hostile pull request (a broken new profile, names that break out, a newline, a symbolic link)")
        if "--confine" not in help_text:
            sys.exit("simulate-action: this billcast has no --confine, which the action requires")
        cases.hostile(sim, example, True)
        print("6. a report too long for a comment")
        cases.long_report(sim, example)
        if args.release:
            print(f"7. install: release, from {args.release}")
            cases.release_install(sim, pathlib.Path(args.release).resolve(), version())
        else:
            print("7. install: release: skipped (no --release DIR or BILLCAST_RELEASE_DIR)")

        final = comments()
        print("\nThe comment's final body:\n")
        print(final[0]["body"] if final else "(none)")
        print(f"API calls: {json.loads(store.read_text())['calls']}")
    finally:
        if args.keep:
            print(f"kept {temp}")
        else:
            shutil.rmtree(temp, ignore_errors=True)
    for problem in problems:
        print(f"simulate-action: FAIL: {problem}", file=sys.stderr)
    if not problems:
        print("simulate-action: every run behaved as expected (one comment, updated in place; forks summary-only; fail-above fails;"
              " hostile names and errors stay in code; a long report fits GitHub's limits; install: release when given)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
