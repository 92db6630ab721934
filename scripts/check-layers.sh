#!/usr/bin/env bash
# The direction of dependence between the crate's modules (see scripts/check-layers.mjs and ARCHITECTURE.md),
# and the check's own test.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/check-layers.mjs
node --test scripts/check-layers.test.mjs >/dev/null
