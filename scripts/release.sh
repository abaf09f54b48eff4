#!/usr/bin/env bash
# Builds the release archive: scripts/release.sh OUTDIR
#
#   OUTDIR/billcast-VERSION-linux-ARCH.tar.gz         billcast, LICENSE, README.md
#   OUTDIR/billcast-VERSION-linux-ARCH.tar.gz.sha256
#
# The binary links the Swift runtime and Foundation statically (--static-swift-stdlib), so it
# runs on a Linux machine without Swift; its pricing tables are built in (scripts/embed-pricing.py).
# ARCH is this machine's (x86_64 or aarch64): cross-building needs a Swift SDK for the other
# architecture (`swift sdk install`), which this script does not fetch.
#
# The script refuses to finish when the binary still needs a Swift or ICU library, or when it
# cannot price the example from an empty folder with an empty environment.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/release.sh OUTDIR" >&2; exit 64; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
cd "$(dirname "$0")/.."

python3 scripts/embed-pricing.py --check
version=$(sed -n 's/^  public static let number = "\(.*\)"$/\1/p' Sources/BillcastCLI/BillcastCommand.swift)
[ -n "$version" ] || { echo "release: cannot read the version from BillcastCommand.swift" >&2; exit 1; }
arch=$(uname -m)
name="billcast-$version-linux-$arch"

swift build -c release --product billcast --static-swift-stdlib --scratch-path .build-release
binary=.build-release/release/billcast

# Nothing of Swift's runtime, Foundation or ICU may be loaded at run time.
if ldd "$binary" | grep -E 'libswift|libFoundation|lib_Foundation|libicu|libdispatch|libBlocksRuntime'; then
  echo "release: $binary still links the libraries above dynamically" >&2
  exit 1
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp "$binary" "$stage/$name/billcast"
strip "$stage/$name/billcast"
cp LICENSE README.md "$stage/$name/"

# Smoke test as a new user would run it: an empty folder, no PATH to Swift, no pricing directory.
mkdir "$stage/try"
cp examples/job-posting-analyzer.yaml "$stage/try/profile.yaml"
(cd "$stage/try" && env -i HOME="$stage/try" "$stage/$name/billcast" estimate profile.yaml > estimate.txt)
grep -q '^Pricing (built into billcast): ' "$stage/try/estimate.txt" || { echo "release: the smoke test did not use the built-in pricing" >&2; exit 1; }
env -i "$stage/$name/billcast" --version

# A reproducible archive: fixed owner, order and times.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00:00Z' \
  -C "$stage" -cf - "$name" | gzip -n -9 > "$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "release: $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1)); ldd:"
ldd "$binary" | sed 's/^/  /'
