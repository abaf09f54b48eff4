"""simulate-action.py's runs against hostile pull requests, long reports and the release install.

Each run takes `sim`, simulate-action.py's handle on the scratch repository: sim.commit(files)
makes a commit on the base with FILES (path -> text, or ("symlink", target)) and returns its
SHA; sim.run(label, head, ...) runs the action's steps; sim.comments() the comments kept;
sim.problems collects what went wrong.
"""
import os
import pathlib
import re
import shutil
import subprocess

SECRET = "SECRET_TOKEN_4c1d"
INJECTION = "````</details><h1>Approved</h1> ![x](https://evil.example/x.png)"

FAKE_CURL = r'''#!/usr/bin/env python3
"""A stand-in for `curl -fsSL --retry N -o FILE URL` serving $FAKE_RELEASE_DIR as a repository's releases."""
import os, shutil, sys
args = sys.argv[1:]
out, url = args[args.index("-o") + 1], args[-1]
with open(os.environ["FAKE_CURL_LOG"], "a") as log: print(url, file=log)
prefix = os.environ["FAKE_RELEASE_URL"]
name = url[len(prefix):] if url.startswith(prefix) else ""
source = os.path.join(os.environ["FAKE_RELEASE_DIR"], name)
if not name or "/" in name or not os.path.isfile(source):
    sys.exit(f"curl: (22) The requested URL returned error: 404 ({url})")
shutil.copyfile(source, out)
'''


def outside_code(body: str) -> str:
    """The body without its fenced blocks and code spans, as CommonMark reads them: what renders as Markdown."""
    kept, fence = [], None
    for line in body.split("\n"):
        stripped = line.lstrip(" ")
        run = re.match(r"`{3,}", stripped) if len(line) - len(stripped) < 4 else None
        if fence is None and run:
            fence = len(run.group())
        elif fence is not None:
            if run and len(run.group()) >= fence and not stripped[len(run.group()):].strip():
                fence = None
        else:
            kept.append(line)
    text, out, i = "\n".join(kept), [], 0
    while i < len(text):
        run = re.match(r"`+", text[i:])
        if not run:
            out.append(text[i])
            i += 1
            continue
        n = len(run.group())
        close = re.compile(r"(?<!`)`{%d}(?!`)" % n).search(text, i + n)
        if close:
            i = close.end()
        else:
            out.append(run.group())
            i += n
    return "".join(out)


def hostile(sim, example: str, confine: bool) -> None:
    """A pull request on a base with a broken profile, which it removes, with a broken new
    profile, names that try to break out, a newline in a name, a profile that is a symbolic link
    to a runner file and (when billcast has --confine) one that names a template outside the
    repository."""
    secret = sim.temp / "runner-secret.yml"
    secret.write_text(f"format: billcast.profile/1\n{SECRET}: 1\n", encoding="utf-8")
    files = {
        "billing/broken.yaml": f'format: billcast.profile/1\n"{INJECTION}": 1\n',
        "billing/x` <details open><h1>Approved<h1> ![i](https:evil) `.yaml": example,
        "billing/new\nline.yaml": example,
        "billing/leak.yaml": ("symlink", str(secret)),
    }
    if confine:
        template = (sim.root / "examples" / "job-posting-analyzer-cloudformation.yaml").read_text(encoding="utf-8")
        files["billing/cf.yaml"] = template.replace("[cloudformation/*.yml]", "[../../runner-secret.yml]")
    base = sim.commit({"billing/gone.yaml": "format: billcast.profile/1\nname: [\n"})
    sha = sim.commit({**files, "billing/gone.yaml": None}, parent=base)
    ok, steps, summary, _ = sim.run("hostile", sha, {"profiles": "billing/*.yaml"}, base=base)
    status = steps.get("price", {}).get("outputs", {}).get("status")
    body = (sim.comments() or [{"body": ""}])[0]["body"]
    if ok or status != "2" or sha[:7] not in body:
        sim.problems.append(f"hostile: expected a failed job with status 2 and the comment updated, got succeeded={ok}, status {status}")
    for text in (body, summary):
        rendered = outside_code(text)
        for bad in ("<h1>", "![", "<details open>", "</details><h1>"):
            if bad in rendered:
                sim.problems.append(f"hostile: {bad!r} renders outside a code span or block: {rendered[rendered.index(bad) - 80:][:200]!r}")
        if SECRET in text:
            sim.problems.append("hostile: a runner file's content is in the report")
    expected = [
        "unknown key '````</details><h1>Approved</h1>",  # the broken profile's error, on the head commit only
        "billcast could not price it on the head commit",
        "### `billing/new\\nline.yaml`",  # one new profile, its newline shown as \n
        "### `billing/leak.yaml`\n\nbillcast could not price it on the head commit",
        "refused: the profile is a symbolic link",
        "### `billing/gone.yaml`\n\nbillcast could not price it on the base commit:\n\n```text\nbilling/gone.yaml:",
        "### ``billing/x` <details open><h1>Approved<h1> ![i](https:evil) `.yaml``",
    ]
    for text in expected:
        if text not in body:
            sim.problems.append(f"hostile: the comment lacks {text!r}")
    if "### `billing/new`" in body or "### `line.yaml`" in body:
        sim.problems.append("hostile: a newline in a name split it into two profiles")
    if confine and "### `billing/cf.yaml`\n\nbillcast could not price it on the head commit" not in body:
        sim.problems.append("hostile: a profile naming a template outside the repository must fail under --confine")
    if body.count("New in this change") != 2:
        sim.problems.append(f"hostile: {body.count('New in this change')} new profiles priced, expected 2")


def long_report(sim, example: str) -> None:
    """Twelve new profiles: the comment is cut to 65,536 characters and points to the job summary,
    which keeps the whole report; with the summary's limit lowered it is cut too, and the log has it."""
    files = {f"billing/copy-{n:02}.yaml": example.replace("page_views: 1000..5000", f"page_views: 1000..{5000 + n}") for n in range(1, 13)}
    sha = sim.commit(files)
    ok, steps, summary, _ = sim.run("long", sha, {"profiles": "billing/*.yaml"})
    body = (sim.comments() or [{"body": ""}])[0]["body"]
    report = pathlib.Path(steps.get("price", {}).get("outputs", {}).get("report", "/nonexistent"))
    whole = report.read_text(encoding="utf-8") if report.exists() else ""
    if not ok or len(whole) <= 65536 or sha[:7] not in body or len(body) > 65536:
        sim.problems.append(f"long: succeeded={ok}, report {len(whole)} characters, comment {len(body)}: expected a report over 65,536 characters and a comment under it")
    if "[the job summary](https://github.com/octo/app/actions/runs/4242)" not in body or summary != whole:
        sim.problems.append("long: the cut comment must point to the job summary, which must hold the whole report")
    if "### `billing/copy-12.yaml`" not in body:
        sim.problems.append("long: the comment must keep every profile's heading")
    limit = {"BILLCAST_ACTION_SUMMARY_LIMIT": "40000"}
    ok, steps, summary, log = sim.run("long-summary", sha, {"profiles": "billing/*.yaml"}, env_extra=limit)
    printed = log.partition("::group::billcast: the whole report")[2]
    if not ok or len(summary.encode()) > 40000 or "in the log of the step" not in summary or "### `billing/copy-12.yaml`" not in printed:
        sim.problems.append(f"long: with a 40,000-byte summary limit, the summary is {len(summary.encode())} bytes and the log must hold the whole report")


def release_install(sim, release_dir: pathlib.Path, version: str) -> None:
    """install: release against the archive scripts/release.sh built: the URL of this version,
    the sha256 checked, the binary installed and run; a tampered archive stops the job."""
    arch = {"x86_64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64"}.get(os.uname().machine, os.uname().machine)
    name = f"billcast-{version}-linux-{arch}.tar.gz"
    if not (release_dir / name).is_file():
        sim.problems.append(f"release: {release_dir / name} does not exist (build it with scripts/release.sh {release_dir})")
        return
    curl = sim.temp / "fake-bin" / "curl"
    curl.write_text(FAKE_CURL)
    curl.chmod(0o755)
    log = sim.temp / "curl.log"
    env = {"FAKE_RELEASE_DIR": str(release_dir), "FAKE_CURL_LOG": str(log),
           "FAKE_RELEASE_URL": f"https://github.com/octo/billcast/releases/download/v{version}/"}
    ok, steps, _, out = sim.run("release", sim.head_sha, {"profiles": "billing/*.yaml"}, env_extra=env,
                                action_repository="octo/billcast", install="release")
    installed = sim.temp / "runner-release" / "billcast-bin" / "billcast"
    urls = log.read_text().split() if log.exists() else []
    if not ok or urls != [env["FAKE_RELEASE_URL"] + name, env["FAKE_RELEASE_URL"] + name + ".sha256"]:
        sim.problems.append(f"release: succeeded={ok}, downloads {urls}: expected this version's archive and its sha256")
    if not installed.is_file() or installed.is_symlink() or version not in out:
        sim.problems.append(f"release: the archive's billcast was not installed and run ({installed})")
    tampered = sim.temp / "tampered"
    shutil.copytree(release_dir, tampered)
    with open(tampered / name, "ab") as f:
        f.write(b"\0")
    ok, steps, _, out = sim.run("release-tampered", sim.head_sha, {"profiles": "billing/*.yaml"},
                                env_extra={**env, "FAKE_RELEASE_DIR": str(tampered)}, action_repository="octo/billcast",
                                install="release")
    if ok or "price" in steps:
        sim.problems.append("release: an archive whose sha256 does not match must stop the job at the install step")


def git_commit(repo: pathlib.Path, base_sha: str, files: dict, message: str) -> str:
    """A commit on base_sha with FILES added (text, or ("symlink", target)) or, for None, removed; the work tree is left on it."""
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", base_sha], check=True)
    for path, content in files.items():
        target = repo / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            target.unlink()
        elif isinstance(content, tuple):
            os.symlink(content[1], target)
        else:
            target.write_text(content, encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", message], check=True)
    return subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
