#!/usr/bin/env bash
# Runs a command with the sandbox rating service listening on a free loopback port, its base URL in
# HWC_SANDBOX_URL (token and AK/SK below), and stops the sandbox when the command ends, however it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
# The page of a headless-browser test run is served from a loopback port chosen here, so that the sandbox can
# answer that one origin's cross-origin calls (it answers no other page).
test_port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export WASM_BINDGEN_TEST_ADDRESS=127.0.0.1:$test_port
HWC_SANDBOX_SK=wasm-test-secret-key node sandbox/server.mjs --port 0 --token wasm-test-token --ak WASMTESTAK \
  --cors-origin "http://127.0.0.1:$test_port" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" || true)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "${url:-}" ] || { echo "the sandbox did not start" >&2; cat "$log" >&2; exit 1; }
export HWC_SANDBOX_URL=$url
"$@"
