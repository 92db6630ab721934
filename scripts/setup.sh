#!/usr/bin/env bash
# Installs what building and testing hwc-price needs, and only what is missing: the wasm32 target, the
# wasm-bindgen CLI at exactly the version in Cargo.lock, Chromium with its driver, and the npm dev
# dependencies (wasm-opt from `binaryen`, `typescript`). Quiet when everything is present; safe to rerun.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Rust toolchain pieces.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >/dev/null
fi

# wasm-bindgen CLI and test runner: the exact version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$want" ] || { say "cannot read the wasm-bindgen version from Cargo.lock"; exit 1; }
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
have_runner=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ] || [ "$have_runner" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (a few minutes)"
  # Not --locked: the CLI's own lock file pins a crate the registry mirror lacks.
  cargo install --quiet --force wasm-bindgen-cli --version "$want"
fi

# Headless Chromium and ChromeDriver for the browser test runs.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# npm dev dependencies, reinstalled only when the lock file changed.
stamp=node_modules/.setup-lock-hash
lock_hash=$(sha256sum package-lock.json | awk '{ print $1 }')
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  printf '%s\n' "$lock_hash" >"$stamp"
fi
