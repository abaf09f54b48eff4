#!/usr/bin/env bash
# Builds the release archive: scripts/release.sh OUTDIR
#
#   OUTDIR/billcast-VERSION-linux-ARCH.tar.gz         billcast, LICENSE, README.md, examples/
#   OUTDIR/billcast-VERSION-linux-ARCH.tar.gz.sha256
#
# The binary links the Swift runtime and Foundation statically (--static-swift-stdlib), so it
# runs on a Linux machine without Swift; its pricing tables are built in (generated from pricing/ at build time: docs/generated-code.md).
# ARCH is this machine's (x86_64 or aarch64): cross-building needs a Swift SDK for the other
# architecture (`swift sdk install`), which this script does not fetch.
#
# The script refuses to finish when the binary still needs a Swift or ICU library, when it
# cannot price the example from an empty folder with an empty environment, or when the README's
# install-and-quick-start block (between its `release-quick-start` markers) fails: that block is
# run as written, in an empty folder with an empty environment, with a stand-in for `curl` that
# serves the archive just built (on a machine other than x86_64, with that machine's name).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/release.sh OUTDIR" >&2; exit 64; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
cd "$(dirname "$0")/.."

version=$(scripts/version.sh)
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
cp -R examples "$stage/$name/examples"

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

# The README's install and quick start, as a new user follows them, against the archive above.
mkdir "$stage/readme" "$stage/readme-bin"
sed -n '/^ *<!-- release-quick-start -->$/,/^ *<!-- \/release-quick-start -->$/p' README.md | sed '1,/^ *```sh$/d; /^ *```$/,$d' |
  sed "s/x86_64/$arch/g" > "$stage/readme.sh"
grep -q 'estimate examples/' "$stage/readme.sh" || { echo "release: README.md has no release-quick-start block" >&2; exit 1; }
cat > "$stage/readme-bin/curl" << CURL
#!/bin/sh
# A stand-in for curl -fsSLO URL: the URL's file from $out when it is this release's.
url=\$(for a; do :; done; echo "\$a")
case "\$url" in */releases/download/v$version/*) cp "$out/\${url##*/}" . ;; *) echo "curl: (22) 404 \$url" >&2; exit 22 ;; esac
CURL
chmod +x "$stage/readme-bin/curl"
(cd "$stage/readme" && env -i HOME="$stage/readme" PATH="$stage/readme-bin:/usr/bin:/bin" bash -euo pipefail "$stage/readme.sh") > "$stage/readme.txt" 2>&1 ||
  { cat "$stage/readme.txt"; echo "release: the README's quick start failed from the archive (above)" >&2; exit 1; }
if ! { grep -q "^$version " "$stage/readme.txt" && grep -q '^Pricing (built into billcast): ' "$stage/readme.txt"; }; then
  cat "$stage/readme.txt"
  echo "release: the README's quick start did not print the version and an estimate" >&2
  exit 1
fi
echo "release: $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1)); ldd:"
ldd "$binary" | sed 's/^/  /'
