# hwc-price: every target installs what it needs first (scripts/setup.sh, quiet when all is present).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

WASM_TARGET := wasm32-unknown-unknown
CHROME_ENV := WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/.ci/webdriver.json

.PHONY: setup demo demo-cli bench fuzz test lint test-native test-wasm test-wasm-node test-wasm-chrome pkg pkg-test size sandbox

## make demo: build the package and serve the estimate page (sample prices from the sandbox by default;
## HWC_AK/HWC_SK for real prices, signed server-side); PORT=8080 by default
demo: pkg
	@node scripts/demo-server.mjs --port $${PORT:-8080}

## make demo-cli: price one inquiry of each API on the sandbox from Node and print the results
demo-cli: pkg
	@node scripts/demo.mjs

## make test: every test, from lint to the built package
test: lint test-native test-wasm pkg-test

setup:
	@bash scripts/setup.sh

lint: setup
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --all-targets --target $(WASM_TARGET) -- -D warnings
	@bash scripts/check-layers.sh

test-native: setup
	cargo test --quiet

test-wasm: test-wasm-node test-wasm-chrome

# The client's wasm tests call a sandbox started (and stopped) around them.
test-wasm-node: setup
	bash scripts/with-sandbox.sh cargo test --target $(WASM_TARGET) --test wasm --test wasm_client

test-wasm-chrome: setup
	$(CHROME_ENV) bash scripts/with-sandbox.sh cargo test --target $(WASM_TARGET) --test wasm --test wasm_client

pkg: setup
	@bash scripts/build-pkg.sh

pkg-test: pkg
	@npm --prefix pkg-tests install --no-audit --no-fund --no-package-lock --loglevel=error >/dev/null
	node_modules/.bin/tsc -p pkg-tests
	cd pkg-tests && node --test *.test.mjs

## make size: raw and gzipped bytes of the package's .wasm and JS glue
size: pkg
	@bash scripts/size.sh

## make bench: medians of the package's main jobs in Node, beside JSON.stringify/JSON.parse of the same data
bench: pkg
	@node scripts/bench.mjs

## make fuzz: each fuzz target for FUZZ_SECONDS (20) seconds, on the stable toolchain (RUSTC_BOOTSTRAP=1)
fuzz:
	@bash scripts/fuzz.sh

## make sandbox: the local rating service with sample prices (PORT=8787 by default)
sandbox:
	@node sandbox/server.mjs --port $${PORT:-8787}
