#!/usr/bin/env bash
# Installs everything shoplens needs to build, run and test on Debian/Ubuntu.
# Idempotent: each step checks first and skips what is already present at the right version,
# so a second run takes seconds; `./setup.sh --quick` (what `make run` and `make test` call)
# returns at once when nothing changed since the last full run. Prints what it does.
set -euo pipefail

cd "$(dirname "$0")"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
# The Spark check (`make test-spark`): pyspark (with its bundled Spark and spark-submit) and
# numpy (MLlib's RDD API) in .venv-spark/; Spark 3.5 runs on Java 8, 11 and 17.
PYSPARK_VERSION=3.5.3
SPARK_NUMPY_VERSION=1.26.4
SPARK_VENV=.venv-spark
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

# The state a finished setup leaves, as one line: tool versions and the lock files' hashes.
# `--quick` compares it with the stamp the last full run wrote and stops at once when they
# match (a fraction of a second), so `make run` and `make test` can call setup every time.
STAMP=.setup-done
state() {
  local chromium_ok=no
  command -v chromium >/dev/null && command -v chromedriver >/dev/null && chromium_ok=yes
  printf '%s ' "chromium=$chromium_ok" \
    "node=$(command -v node >/dev/null && command -v npm >/dev/null && echo yes)" \
    "cargo=$(command -v cargo >/dev/null && command -v cargo-clippy >/dev/null && command -v rustfmt >/dev/null && echo yes)" \
    "wasm32=$(test -d "$(rustc --print sysroot 2>/dev/null)/lib/rustlib/wasm32-unknown-unknown" && echo yes)" \
    "wasm-bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" \
    "trunk=$(trunk --version 2>/dev/null | awk '{print $2}')" \
    "wasm-opt=$(test -x node_modules/.bin/wasm-opt && test -d node_modules/playwright-core && cat node_modules/.lock-sha256 2>/dev/null)" \
    "cargo-lock=$(sha256sum Cargo.lock | cut -c1-16)" "npm-lock=$(sha256sum package-lock.json | cut -d' ' -f1)" \
    "java=$(command -v java >/dev/null && echo yes)" "pyspark=$(spark_version)"
}
# The pyspark version in the project's Spark virtualenv, read from pip's records without
# starting Python (empty when pyspark or numpy is missing).
spark_version() {
  local record
  for record in "$SPARK_VENV"/lib/python3*/site-packages/pyspark-*.dist-info; do
    if [ -d "$record" ] && compgen -G "$SPARK_VENV/lib/python3*/site-packages/numpy-*.dist-info" >/dev/null; then
      record=${record##*/pyspark-}
      echo "${record%.dist-info}"
    fi
  done
}
if [ "${1:-}" = "--quick" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(state)" ]; then
  echo "setup: everything is installed (./setup.sh checks again in full)"
  exit 0
fi

step() { printf '\n==> %s\n' "$*"; }
skip() { printf '    ok: %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

start=$(date +%s)

step "System packages: chromium, chromium-driver, CJK fonts, build tools, node"
# fonts-noto-cjk: Chromium needs a CJK font to draw the Chinese interface (screenshots).
packages=(chromium chromium-driver fonts-noto-cjk curl ca-certificates build-essential pkg-config)
# A node installed another way (nvm, NodeSource) is fine; only install Debian's if none.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "    apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  skip "all present"
fi

step "Rust toolchain (rustup, stable)"
if ! command -v cargo >/dev/null; then
  echo "    installing rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  export PATH="$HOME/.cargo/bin:$PATH"
else
  skip "$(cargo --version)"
fi
for component in rustfmt clippy; do
  if rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    skip "component $component"
  else
    echo "    rustup component add $component"
    rustup component add "$component"
  fi
done

step "wasm32-unknown-unknown target"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  skip "installed"
else
  echo "    rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version in Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WASM_BINDGEN_VERSION" ]; then
  skip "wasm-bindgen $WASM_BINDGEN_VERSION"
else
  echo "    cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION (a few minutes)"
  # --locked can fail when the registry lacks a locked dependency: fall back without it.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked ||
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

step "Trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" = "$TRUNK_VERSION" ]; then
  skip "trunk $TRUNK_VERSION"
else
  echo "    cargo install trunk --version $TRUNK_VERSION --locked (about 12 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

step "npm packages from package-lock.json (binaryen = wasm-opt 132, playwright-core)"
# node_modules/.lock-sha256 records which package-lock.json the last `npm ci` installed.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] &&
  [ "$(cat node_modules/.lock-sha256 2>/dev/null)" = "$lock_sum" ]; then
  skip "node_modules matches package-lock.json ($(wasm-opt --version))"
else
  echo "    npm ci"
  npm ci --no-audit --no-fund
  echo "$lock_sum" >node_modules/.lock-sha256
fi

step "Java and pyspark $PYSPARK_VERSION for the Spark check ($SPARK_VENV/)"
# A headless JDK from Debian's packages, only when no java is on the PATH.
if command -v java >/dev/null; then
  skip "$(java -version 2>&1 | head -1)"
else
  echo "    apt-get install openjdk-17-jdk-headless"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless
fi
if [ "$(spark_version)" = "$PYSPARK_VERSION" ]; then
  skip "pyspark $PYSPARK_VERSION in $SPARK_VENV"
else
  echo "    python3 -m venv $SPARK_VENV; pip install pyspark==$PYSPARK_VERSION (about 320 MB)"
  python3 -m venv "$SPARK_VENV"
  "$SPARK_VENV/bin/pip" install -q "pyspark==$PYSPARK_VERSION" "numpy==$SPARK_NUMPY_VERSION"
fi

step "Rust crates (cargo fetch, so offline builds work)"
cargo fetch --locked
skip "crates fetched"

step "Check"
echo "    wasm-bindgen: $(wasm-bindgen --version)"
echo "    trunk:        $(trunk --version)"
echo "    wasm-opt:     $(command -v wasm-opt) ($(wasm-opt --version))"
echo "    chromium:     $(chromium --version 2>/dev/null || echo missing)"
echo "    chromedriver: $(chromedriver --version 2>/dev/null | head -c 60 || echo missing)"
echo "    node:         $(node --version)"
echo "    pyspark:      $(spark_version) ($SPARK_VENV), $(java -version 2>&1 | head -1)"
state >"$STAMP"
printf '\nSetup done in %ss. Next: make run (serve the app) or make test.\n' "$(($(date +%s) - start))"
