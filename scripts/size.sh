#!/usr/bin/env bash
# Prints raw and gzipped sizes of the built package's files (run `make pkg` first; `make size` does).
set -euo pipefail
cd "$(dirname "$0")/../pkg"
printf '%-22s %10s %10s\n' file raw gzip
for f in hwc_price_bg.wasm hwc_price.js node.mjs hwc_price.d.ts; do
  printf '%-22s %10d %10d\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
