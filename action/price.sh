#!/usr/bin/env bash
# The action's second step: prices every profile on the base and head commits and writes the
# Markdown report with `billcast diff` for each profile on both sides.
# Outputs: status (0, 1 when a total moved more than FAIL_ABOVE, 2 when a profile could not be
# priced on either side), report (the whole report), comment (the report cut to GitHub's 65,536
# characters for a comment, pointing to the job summary) and summary (the report cut to the step
# summary's 1 MiB, pointing to the next step's log, which then prints it whole).
#
# The pull request is untrusted. A profile that is a symbolic link, goes through one, or lies
# outside the repository is refused without being read; every `billcast estimate` gets
# `--confine ROOT`, so no template, plan or pricing file outside the commit's tree is read;
# file names and error text reach the comment only inside code spans and fenced blocks that
# their content cannot close (action/untrusted.py); the profile list is NUL-separated, so a
# newline in a name is a character of that name.
# BILLCAST_ACTION_COMMENT_LIMIT and BILLCAST_ACTION_SUMMARY_LIMIT (bytes) lower the limits for tests.
set -euo pipefail
shopt -s globstar nullglob
marker="<!-- billcast-cost-diff -->"
here=$(cd "$(dirname "$0")" && pwd)
work="$RUNNER_TEMP/billcast"
rm -rf "$work"
mkdir -p "$work/base" "$work/head" "$work/sections"
report="$work/report.md"
head_root=$(pwd -P)
# untrusted.py: a profile is inside its tree (no symbolic link, no `..`); code spans and fences.
untrusted() { PYTHONUTF8=1 python3 "$here/untrusted.py" "$@"; }

# The base commit, checked out beside the workspace (each side keeps its own templates and tables).
base_root=""
if [ -n "${BASE_SHA:-}" ] && [ "$BASE_SHA" != 0000000000000000000000000000000000000000 ]; then
  git cat-file -e "$BASE_SHA^{commit}" 2> /dev/null || git fetch --quiet --no-tags --depth=1 origin "$BASE_SHA"
  git worktree add --quiet --detach --force "$work/base-tree" "$BASE_SHA"
  base_root=$(cd "$work/base-tree" && pwd -P)
  trap 'git -C "$head_root" worktree remove --force "$work/base-tree" || true' EXIT
fi

# Every profile a glob matches on either side, once, in order, NUL-separated (a dangling or
# outside symbolic link is listed too, to be refused by name).
matches() { (cd "$1" && for f in $PROFILES; do if [ -f "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi; done); }
{ if [ -n "$base_root" ]; then matches "$base_root"; fi; matches "$head_root"; } | LC_ALL=C sort -zu > "$work/profiles"

# The CLI's confinement: a billcast without --confine (an older binary given as install: PATH)
# could read and quote a runner's file that a profile names; the action refuses to run it.
help=$(billcast estimate --help 2>&1 || true)
if [[ $help != *--confine* ]]; then
  echo "::error::billcast: this billcast has no --confine option, so a pull request could make it read files outside the repository; install this action's own release"
  exit 2
fi

# estimate ROOT SIDE PROFILE KEY FORMAT: the report in SIDE/KEY.FORMAT, or the error in SIDE/KEY.err.
estimate() {
  local args=(--format "$5" --output "$work/$2/$4.$5") profile=$3
  if ! untrusted inside "$1" "$3"; then
    printf '%s: error: refused: the profile is a symbolic link, goes through one, or lies outside the repository; billcast prices only the files of the commit itself\n' \
      "$3" > "$work/$2/$4.err"
    return 1
  fi
  if [ -n "${PRICING:-}" ]; then args+=(--pricing "$1/$PRICING"); fi
  args+=(--confine "$1")
  case $profile in -*) profile="./$profile" ;; esac
  (cd "$1" && billcast estimate "$profile" "${args[@]}") 2> "$work/$2/$4.err"
}

# section KEY PROFILE: one profile's part of the report, its heading in KEY.heading and the rest in KEY.body.
section() {
  local key=$1 profile=$2 in_base=false in_head=false failed="" rc=0
  printf '### %s\n\n' "$(untrusted code "$profile")" > "$work/sections/$key.heading"
  if [ -n "$base_root" ] && { [ -f "$base_root/$profile" ] || [ -L "$base_root/$profile" ]; }; then in_base=true; fi
  if [ -f "$head_root/$profile" ] || [ -L "$head_root/$profile" ]; then in_head=true; fi
  if $in_base && ! estimate "$base_root" base "$profile" "$key" json; then failed="base"; fi
  # A profile on both sides is compared from JSON; a new one is shown as its Markdown estimate.
  local format=markdown
  if $in_base; then format=json; fi
  if $in_head && ! estimate "$head_root" head "$profile" "$key" "$format"; then failed="${failed:+$failed and }head"; fi
  if [ -n "$failed" ]; then
    printf 'billcast could not price it on the %s commit:\n\n' "$failed"
    local errors=() side
    for side in base head; do if [ -s "$work/$side/$key.err" ]; then errors+=("$work/$side/$key.err"); fi; done
    if [ ${#errors[@]} -eq 0 ]; then echo "billcast stopped without a message" > "$work/$key.err" && errors=("$work/$key.err"); fi
    untrusted fence "${errors[@]}"
    printf '\n'
    return 2
  elif $in_base && $in_head; then
    billcast diff "$work/base/$key.json" "$work/head/$key.json" --format markdown \
      --before-label "base ${BASE_SHA:0:7}" --after-label "head ${HEAD_SHA:0:7}" ${FAIL_ABOVE:+--fail-above "$FAIL_ABOVE"} \
      2> "$work/head/$key.err" || rc=$?
    if [ "$rc" -gt 1 ]; then printf 'billcast could not compare the two commits:\n\n'; untrusted fence "$work/head/$key.err"; fi
    printf '\n'
    return "$rc"
  elif $in_head; then
    printf 'New in this change; its estimate:\n\n<details><summary>Estimate</summary>\n\n'
    cat "$work/head/$key.markdown"
    printf '\n</details>\n\n'
  else
    printf 'Removed by this change.\n\n'
  fi
}

# assemble LIMIT POINTER: the header and each section whole while they fit in LIMIT bytes; a
# section that does not fit keeps its heading and points to POINTER; when not even that fits,
# one line says how many profiles are left out.
assemble() {
  local limit=$1 pointer=$2 size total stub heading body
  size=$(wc -c < "$work/header.md")
  cat "$work/header.md"
  total=$(find "$work/sections" -name '*.heading' | wc -l)
  stub="Its report is too long for this comment: $pointer."$'\n\n'
  for ((i = 1; i <= total; i++)); do
    heading=$(wc -c < "$work/sections/$i.heading") body=$(wc -c < "$work/sections/$i.body")
    if ((size + heading + body + 1024 <= limit)); then
      cat "$work/sections/$i.heading" "$work/sections/$i.body"
      size=$((size + heading + body))
    elif ((size + heading + ${#stub} + 1024 <= limit)); then
      cat "$work/sections/$i.heading"
      printf '%s' "$stub"
      size=$((size + heading + ${#stub}))
    else
      printf '**%d more profile(s) are left out:** %s.\n' $((total - i + 1)) "$pointer"
      return
    fi
  done
}

status=0
{
  printf '%s\n## billcast: how this change moves the monthly bill\n\n' "$marker"
  if [ ! -s "$work/profiles" ]; then printf 'No profile matches %s.\n' "$(untrusted code "$PROFILES")"; fi
} > "$work/header.md"
count=0
while IFS= read -r -d '' profile; do
  count=$((count + 1))
  rc=0
  section "$count" "$profile" < /dev/null > "$work/sections/$count.body" || rc=$?
  if [ "$rc" -eq 1 ] && [ "$status" -eq 0 ]; then status=1; elif [ "$rc" -gt 1 ]; then status=2; fi
done < "$work/profiles"

run_url="${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY:-}/actions/runs/${GITHUB_RUN_ID:-}"
assemble 9223372036854775807 "" > "$report"
assemble "${BILLCAST_ACTION_COMMENT_LIMIT:-65536}" "the whole report is in [the job summary]($run_url)" > "$work/comment.md"
assemble "${BILLCAST_ACTION_SUMMARY_LIMIT:-1048576}" "the whole report is in the log of the step that keeps the comment" > "$work/summary.md"

{
  echo "status=$status"
  echo "report=$report"
  echo "comment=$work/comment.md"
  echo "summary=$work/summary.md"
} >> "$GITHUB_OUTPUT"
echo "billcast: priced $count profile(s); status $status; report $report"
