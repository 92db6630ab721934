#!/usr/bin/env bash
# Prints raw and gzipped sizes of the built package's files (run `make pkg` first; `make size` does).
set -euo pipefail
cd "$(dirname "$0")/../pkg"
printf '%-22s %10s %10s\n' file raw gzip
for f in hwc_price_bg.wasm hwc_price.js node.mjs node.cjs hwc_price.d.ts; do
  printf '%-22s %10d %10d\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
wasm_gz=$(gzip -9 -c hwc_price_bg.wasm | wc -c)
printf '\nbudget: .wasm <= 102400 bytes gzipped: %s (%d bytes gzipped)\n' \
  "$([ "$wasm_gz" -le 102400 ] && echo met || echo "missed by $((wasm_gz - 102400))")" "$wasm_gz"
