#!/usr/bin/env bash
# Prints billcast's version (x.y.z), read from BillcastVersion.number in
# Sources/BillcastCLI/BillcastVersion.swift, whatever its access level (public, package, none):
# the one way scripts/release.sh, action/install.sh and scripts/simulate-action.py read it.
# Exits 1 with a message when the file does not declare exactly one such version.
set -euo pipefail
file="$(cd "$(dirname "$0")/.." && pwd)/Sources/BillcastCLI/BillcastVersion.swift"
version=$(sed -n -E 's/^[[:space:]]*([a-z]+[[:space:]]+)*static let number = "([^"]*)"[[:space:]]*$/\2/p' "$file")
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
  echo "version.sh: expected one 'static let number = \"x.y.z\"' in $file, found: '${version//$'\n'/\', \'}'" >&2
  exit 1
fi
printf '%s\n' "$version"
