# shoplens: `make run` serves the app, `make test` runs every test; each first installs what
# is missing through `./setup.sh --quick` (instant when nothing changed). See README.md.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# npm's binaryen (wasm-opt 132) must come before Debian's /usr/bin/wasm-opt (108), which
# cannot read today's wasm; cargo-installed trunk and wasm-bindgen live in ~/.cargo/bin.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: help setup ensure run dist test fmt-check clippy module-cycles test-native test-wasm test-e2e e2e clean-dist fuzz test-spark

help:
	@echo "make run    install what is missing, build and serve the app on http://$(HOST):$(PORT)/"
	@echo "make dist   build the release site into dist/ (works at / and under any sub-path)"
	@echo "make test   install what is missing, then fmt, clippy, native tests, wasm tests in"
	@echo "            Chromium, dist, end-to-end"
	@echo "make setup  only install (./setup.sh)"

setup:
	./setup.sh

# Installs whatever is missing; returns at once when the last full setup still holds.
ensure:
	@./setup.sh --quick

run: ensure
	trunk serve --release --address $(HOST) --port $(PORT) --no-autoreload

dist: ensure
	trunk build --release

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings

# Fails when two modules of crates/core/src import each other (directly or round a loop);
# prints the edges of each cycle (tools/module_cycles.py --edges lists them all).
module-cycles:
	python3 tools/module_cycles.py

test-native:
	cargo test --workspace

# The app's browser tests (tests/web.rs: core and the app in wasm, `run_in_browser`) built for
# wasm32 and run by wasm-bindgen-test-runner in headless Chromium (webdriver.json). Kernel
# tests are plain #[test]s, which wasm-bindgen's runner does not run, so only the app's
# package is built for wasm here.
test-wasm:
	cargo test -p shoplens-app --target wasm32-unknown-unknown --test web

# The Spark export against the native runs: groceries and Online Retail baskets, RFM k-means
# and a forest on online shoppers, each exported with `shoplens export spark` and run with
# pyspark's spark-submit --master local[2] (tests/spark/compare.py; setup installs pyspark
# into .venv-spark/). The CLI is the one `cargo test --workspace` builds (target/debug/
# shoplens): after test-native this is a no-op, where `cargo build -p shoplens-cli` would
# rebuild core and the CLI with the CLI's features alone (about 2 minutes).
test-spark:
	cargo test --workspace --no-run --quiet
	SHOPLENS=$${CARGO_TARGET_DIR:-$(CURDIR)/target}/debug/shoplens \
	  SPARK_SUBMIT=$(CURDIR)/.venv-spark/bin/spark-submit python3 tests/spark/compare.py

# End-to-end against dist/ as it is (see `e2e` to rebuild first).
test-e2e:
	node --test tests/e2e/*.test.mjs

e2e: dist test-e2e

# The steps run in this order and stop at the first failure; each prints its runner's
# closing lines, and the timings are summarised at the end.
test: ensure
	@t0=$$(date +%s); times=""; \
	for step in fmt-check clippy module-cycles test-native test-spark test-wasm dist test-e2e; do \
	  s=$$(date +%s); echo; echo "=== make $$step"; \
	  $(MAKE) --no-print-directory $$step; \
	  times="$$times$$(printf '  %-12s %4ss' $$step $$(( $$(date +%s) - s )))\n"; \
	done; \
	echo; echo "=== all tests passed in $$(( $$(date +%s) - t0 ))s"; printf "$$times"

# Fuzzes each parser for FUZZ_SECONDS (not part of `make test`: needs nightly and cargo-fuzz,
# `cargo install cargo-fuzz`). The working corpora in fuzz/corpus/ are not committed; each run
# starts from the committed seeds in fuzz/seeds/ plus what earlier runs found.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := read_bytes tsplib model_json
fuzz:
	@command -v cargo-fuzz >/dev/null || { echo "make fuzz needs cargo-fuzz: cargo install cargo-fuzz"; exit 1; }
	cd fuzz && for target in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$target && cp -n seeds/$$target/* corpus/$$target/; \
	  cargo +nightly fuzz run -O $$target corpus/$$target -- -max_total_time=$(FUZZ_SECONDS); \
	done
