#!/usr/bin/env bash
# Builds the BillcastEngine DocC catalog with the toolchain's docc (no plugin needed):
# symbol graphs from a build, then `docc convert`. Output: .build-docs/BillcastEngine.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."
graphs=.build-docs/symbol-graphs
# A fresh scratch folder: an up-to-date build would emit no symbol graphs.
rm -rf .build-docs && mkdir -p "$graphs/all" "$graphs/engine"
swift build --scratch-path .build-docs --target BillcastEngine \
  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs/all" >/dev/null
cp "$graphs"/all/BillcastEngine*.symbols.json "$graphs/engine/"
docc convert Sources/BillcastEngine/BillcastEngine.docc --additional-symbol-graph-dir "$graphs/engine" \
  --fallback-display-name BillcastEngine --fallback-bundle-identifier org.billcast.engine \
  --output-path .build-docs/BillcastEngine.doccarchive --warnings-as-errors
echo "docs: .build-docs/BillcastEngine.doccarchive"
