#!/usr/bin/env bash
# `make size`: raw and gzipped sizes of the built package's files, the budget, and where the .wasm's bytes go
# (by crate and by module of this crate, from twiggy, installed from crates.io when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
printf '%-22s %10s %10s\n' file raw gzip
for f in hwc_price_bg.wasm hwc_price.js node.mjs node.cjs hwc_price.d.ts; do
  printf '%-22s %10d %10d\n' "$f" "$(wc -c <"pkg/$f")" "$(gzip -9 -c "pkg/$f" | wc -c)"
done
wasm_gz=$(gzip -9 -c pkg/hwc_price_bg.wasm | wc -c)
printf '\nbudget: .wasm <= 102400 bytes gzipped: %s (%d bytes gzipped)\n' \
  "$([ "$wasm_gz" -le 102400 ] && echo met || echo "missed by $((wasm_gz - 102400))")" "$wasm_gz"

if ! command -v twiggy >/dev/null 2>&1; then
  echo "size: installing twiggy (about a minute and a half)" >&2
  cargo install --quiet twiggy
fi
# The same build, optimized the same way, with its function names kept so that twiggy can attribute them.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --out-dir "$work" --out-name named target/wasm32-unknown-unknown/release/hwc_price.wasm
source scripts/wasm-opt-flags.sh
node_modules/.bin/wasm-opt "${WASM_OPT_FLAGS[@]}" -g "$work/named_bg.wasm" -o "$work/named.wasm"
twiggy top -n 1000000 --format csv "$work/named.wasm" >"$work/top.csv"
node scripts/size-report.mjs "$work/top.csv"
