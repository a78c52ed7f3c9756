#!/usr/bin/env bash
# Prints the benchmark figures: the engine natively (cargo bench), then the engine and whole
# frames in headless Chromium on the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
source scripts/env.sh
cargo bench --offline --bench engine
trunk build --release --offline --features test-hooks
node e2e/bench.mjs
