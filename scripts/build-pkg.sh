#!/usr/bin/env bash
# Builds pkg/: the npm package hwc-price (one .wasm; an entry for bundlers that is ready on import, one for
# pages with no bundler that has init(), ES module and CommonJS entries for Node that are ready on import; their
# .d.ts types), from a release build optimized with wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
cargo build --quiet --release --lib --target wasm32-unknown-unknown
rm -rf pkg
wasm-bindgen --target web --weak-refs --out-dir pkg --out-name hwc_price \
  target/wasm32-unknown-unknown/release/hwc_price.wasm
source scripts/wasm-opt-flags.sh
node_modules/.bin/wasm-opt "${WASM_OPT_FLAGS[@]}" --strip-debug pkg/hwc_price_bg.wasm -o pkg/hwc_price_bg.wasm
# `[Symbol.dispose]` needs TypeScript's esnext.disposable lib, which many consumers do not enable; the method
# stays in the JS (for `using`), only its declaration goes, so the types compile under any ES2020+ lib.
sed -i '/\[Symbol\.dispose\]()/d' pkg/hwc_price.d.ts
sed "s/@VERSION@/$version/" npm/package.json >pkg/package.json
cp npm/breakdown.css pkg/breakdown.css
cp npm/cli.mjs npm/cli-commands.mjs pkg/
chmod +x pkg/cli.mjs
mkdir -p pkg/sandbox
cp sandbox/*.mjs sandbox/*.json pkg/sandbox/
node scripts/make-entries.mjs >/dev/null
node scripts/make-cjs.mjs >/dev/null
cp npm/README.md LICENSE pkg/
rm -f pkg/.gitignore
