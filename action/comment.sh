#!/usr/bin/env bash
# The action's third step: writes the report to the job summary, and keeps one pull-request
# comment up to date, found by the hidden marker on its first line (never one comment per push).
# A pull request from a fork gets a read-only token: the job summary is then the only copy.
# BODY is the report cut to a comment's 65,536 characters and SUMMARY the report cut to a step
# summary's 1 MiB (both by price.sh); when SUMMARY is cut, the whole REPORT goes to this log.
set -euo pipefail
marker="<!-- billcast-cost-diff -->"
body=${BODY:-$REPORT}
cat "${SUMMARY:-$REPORT}" >> "$GITHUB_STEP_SUMMARY"
if ! cmp -s "${SUMMARY:-$REPORT}" "$REPORT"; then
  echo "::group::billcast: the whole report (too long for the job summary)"
  cat "$REPORT"
  echo "::endgroup::"
fi
if [ "$(wc -c < "$body")" -gt 65536 ]; then echo "::error::billcast: the comment's body is over 65,536 bytes"; exit 1; fi
if [ "${COMMENT:-true}" != true ]; then echo "billcast: comment is off; the report is in the job summary"; exit 0; fi
if [ -z "${PR_NUMBER:-}" ]; then echo "billcast: not a pull request; the report is in the job summary"; exit 0; fi
if [ "${HEAD_REPOSITORY:-}" != "$GITHUB_REPOSITORY" ]; then
  echo "::notice::billcast: a pull request from a fork cannot be commented on with its token; the report is in the job summary"
  exit 0
fi
# `gh api --paginate` prints one JSON array per page; the first comment with the marker is ours.
id=$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments" | MARKER="$marker" python3 -c '
import json, os, sys
text, decoder, at = sys.stdin.read(), json.JSONDecoder(), 0
while True:
    while at < len(text) and text[at].isspace():
        at += 1
    if at >= len(text):
        break
    page, at = decoder.raw_decode(text, at)
    for comment in page:
        if (comment.get("body") or "").startswith(os.environ["MARKER"]):
            print(comment["id"])
            sys.exit(0)
')
if [ -n "$id" ]; then
  gh api --silent -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" --field body=@"$body"
  echo "billcast: updated comment $id"
else
  gh api --silent -X POST "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments" --field body=@"$body"
  echo "billcast: added the comment"
fi
