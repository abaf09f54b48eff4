#!/usr/bin/env bash
# shellcheck disable=SC2016 # backquotes in single quotes are Markdown code, not commands
# The action's second step: prices every profile on the base and head commits and writes the
# Markdown report (the comment's body) with `billcast diff` for each profile on both sides.
# Outputs: status (0, 1 when a total moved more than FAIL_ABOVE, 2 when a profile could not be
# priced) and report (the report's path).
set -euo pipefail
shopt -s globstar nullglob
marker="<!-- billcast-cost-diff -->"
work="$RUNNER_TEMP/billcast"
rm -rf "$work"
mkdir -p "$work/base" "$work/head"
report="$work/report.md"
head_root=$(pwd)

# The base commit, checked out beside the workspace (each side keeps its own templates and tables).
base_root=""
if [ -n "${BASE_SHA:-}" ] && [ "$BASE_SHA" != 0000000000000000000000000000000000000000 ]; then
  git cat-file -e "$BASE_SHA^{commit}" 2> /dev/null || git fetch --quiet --no-tags --depth=1 origin "$BASE_SHA"
  git worktree add --quiet --detach --force "$work/base-tree" "$BASE_SHA"
  base_root="$work/base-tree"
  trap 'git -C "$head_root" worktree remove --force "$work/base-tree" || true' EXIT
fi

# Every profile a glob matches on either side, once, in order.
matches() { (cd "$1" && for f in $PROFILES; do if [ -f "$f" ]; then printf '%s\n' "$f"; fi; done) }
{ if [ -n "$base_root" ]; then matches "$base_root"; fi; matches "$head_root"; } | sort -u > "$work/profiles"

# estimate ROOT SIDE PROFILE KEY: the JSON report, or the error in SIDE/KEY.err.
estimate() {
  local args=()
  if [ -n "${PRICING:-}" ]; then args=(--pricing "$1/$PRICING"); fi
  (cd "$1" && billcast estimate "$3" "${args[@]}" --format json --output "$work/$2/$4.json") 2> "$work/$2/$4.err"
}

status=0
{
  printf '%s\n## billcast: how this change moves the monthly bill\n\n' "$marker"
  if [ ! -s "$work/profiles" ]; then printf 'No profile matches `%s`.\n' "$PROFILES"; fi
  while IFS= read -r profile; do
    key=${profile//\//__}
    printf '### `%s`\n\n' "$profile"
    in_base=false in_head=false
    if [ -n "$base_root" ] && [ -f "$base_root/$profile" ]; then in_base=true; fi
    if [ -f "$head_root/$profile" ]; then in_head=true; fi
    failed=""
    if $in_base && ! estimate "$base_root" base "$profile" "$key"; then failed="base"; fi
    if $in_head && ! estimate "$head_root" head "$profile" "$key"; then failed="${failed:+$failed and }head"; fi
    if [ -n "$failed" ]; then
      printf 'billcast could not price it on the %s commit:\n\n```text\n' "$failed"
      cat "$work/base/$key.err" "$work/head/$key.err" 2> /dev/null
      printf '```\n\n'
      status=2
    elif $in_base && $in_head; then
      rc=0
      billcast diff "$work/base/$key.json" "$work/head/$key.json" --format markdown \
        --before-label "base ${BASE_SHA:0:7}" --after-label "head ${HEAD_SHA:0:7}" ${FAIL_ABOVE:+--fail-above "$FAIL_ABOVE"} || rc=$?
      if [ "$rc" -eq 1 ] && [ "$status" -eq 0 ]; then status=1; elif [ "$rc" -gt 1 ]; then status=2; fi
      printf '\n'
    elif $in_head; then
      printf 'New in this change; its estimate:\n\n<details><summary>Estimate</summary>\n\n'
      (cd "$head_root" && billcast estimate "$profile" ${PRICING:+--pricing "$head_root/$PRICING"} --format markdown)
      printf '\n</details>\n\n'
    else
      printf 'Removed by this change.\n\n'
    fi
  done < "$work/profiles"
} > "$report"

echo "status=$status" >> "$GITHUB_OUTPUT"
echo "report=$report" >> "$GITHUB_OUTPUT"
echo "billcast: priced $(wc -l < "$work/profiles") profile(s); status $status; report $report"
