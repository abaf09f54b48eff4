#!/usr/bin/env bash
# The action's first step: puts billcast on PATH for the next steps.
#   INSTALL=release  download this action's release archive for the runner and check its sha256
#   INSTALL=source   build billcast from the action's own checkout (the cache step keeps .build)
#   INSTALL=PATH     use the billcast binary at PATH (self-hosted runners, the local simulation)
set -euo pipefail
bin_dir="$RUNNER_TEMP/billcast-bin"
mkdir -p "$bin_dir"
case "$INSTALL" in
  release)
    [ "$(uname -s)" = Linux ] || { echo "::error::billcast's release archives are for Linux runners; use 'install: source'"; exit 1; }
    case "$(uname -m)" in
      x86_64 | amd64) arch=x86_64 ;;
      aarch64 | arm64) arch=aarch64 ;;
      *) echo "::error::no billcast release archive for $(uname -m); use 'install: source'"; exit 1 ;;
    esac
    # The release that matches the action's own code: its version is in the source it ships with.
    version=$("$GITHUB_ACTION_PATH/scripts/version.sh")
    name="billcast-$version-linux-$arch"
    url="${GITHUB_SERVER_URL:-https://github.com}/${ACTION_REPOSITORY:-$GITHUB_REPOSITORY}/releases/download/v$version/$name.tar.gz"
    curl -fsSL --retry 3 -o "$RUNNER_TEMP/$name.tar.gz" "$url"
    curl -fsSL --retry 3 -o "$RUNNER_TEMP/$name.tar.gz.sha256" "$url.sha256"
    (cd "$RUNNER_TEMP" && sha256sum --check --quiet "$name.tar.gz.sha256")
    tar -xzf "$RUNNER_TEMP/$name.tar.gz" -C "$RUNNER_TEMP"
    install -m 755 "$RUNNER_TEMP/$name/billcast" "$bin_dir/billcast"
    ;;
  source)
    (cd "$GITHUB_ACTION_PATH" && swift build -c release --product billcast --static-swift-stdlib)
    install -m 755 "$(cd "$GITHUB_ACTION_PATH" && swift build -c release --show-bin-path)/billcast" "$bin_dir/billcast"
    ;;
  *)
    [ -x "$INSTALL" ] || { echo "::error::install: '$INSTALL' is not release, source or an executable billcast"; exit 1; }
    ln -sf "$(realpath "$INSTALL")" "$bin_dir/billcast"
    ;;
esac
echo "$bin_dir" >> "$GITHUB_PATH"
"$bin_dir/billcast" --version
