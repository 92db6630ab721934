#!/usr/bin/env bash
# `make fuzz`: runs each fuzz target for FUZZ_SECONDS (20 by default) from seeds made of the test fixtures, and
# prints how many inputs each ran. cargo fuzz needs unstable compiler flags (sanitizers); RUSTC_BOOTSTRAP=1 lets
# the machine's own stable toolchain accept them, so no nightly is needed. Installs cargo-fuzz when missing.
# A crash stops the run with the input saved under fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1
seconds=${FUZZ_SECONDS:-20}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --quiet
targets="inquiry answer signer"
for target in $targets; do
  mkdir -p "fuzz/corpus/$target"
done
cp tests/fixtures/requests/*.json fuzz/corpus/inquiry/ 2>/dev/null || true
cp tests/fixtures/responses/*.json tests/fixtures/breakdown/*.json fuzz/corpus/answer/ 2>/dev/null || true
printf 'https://bss-intl.myhuaweicloud.com/v2/bills/ratings/on-demand-resources?b=2&a=1\nX-Language:en_US\nPOST\n{}' \
  >fuzz/corpus/signer/seed
cargo +stable fuzz build -O >/dev/null 2>&1 || cargo +stable fuzz build -O
for target in $targets; do
  log=$(mktemp)
  if ! cargo +stable fuzz run -O "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz target $target found a crash (input saved under fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  runs=$(grep -o 'Done [0-9]* runs' "$log" | awk '{ print $2 }')
  printf '%-8s %10s inputs in %ss, no crash\n' "$target" "${runs:-?}" "$seconds"
  rm -f "$log"
done
