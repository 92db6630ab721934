#!/usr/bin/env bash
# The JavaScript boundary stays thin: wasm-bindgen and js-sys are used only under src/bindings/.
set -euo pipefail
cd "$(dirname "$0")/.."
offenders=$(grep -rlE '\b(wasm_bindgen|js_sys|web_sys|serde_wasm_bindgen)\b' src --include='*.rs' | grep -v '^src/bindings/' || true)
if [ -n "$offenders" ]; then
  printf 'layering: JS bindings used outside src/bindings/:\n%s\n' "$offenders" >&2
  exit 1
fi
