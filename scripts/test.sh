#!/usr/bin/env bash
# Sets up what is missing (Chromium included), then checks the formatting and lints and runs
# every test layer:
#   1. native engine and interface logic (cargo test, plus the gradient checks in f64)
#   2. drawing and mounting in headless Chromium (wasm-bindgen-test)
#   3. end to end against the release build in Chromium (node --test with playwright-core)
#   4. the Keras export run in TensorFlow (from PyPI, in a virtual environment) against the engine
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
source scripts/env.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "0/4 formatting and lints (cargo fmt, cargo clippy -D warnings, native and wasm32)"
cargo fmt --all --check
cargo clippy --offline --workspace --all-targets -- -D warnings
cargo clippy --offline --target wasm32-unknown-unknown --workspace --all-targets -- -D warnings

step "1/4 native tests"
cargo test --offline --workspace
cargo test --offline --features f64 --test gradients

step "2/4 browser tests of the drawing code (wasm-bindgen-test, headless Chromium)"
cargo test --offline --target wasm32-unknown-unknown --test wasm

step "3/4 end-to-end tests against the release build"
trunk build --release --offline --features test-hooks
node --test e2e/

step "4/4 the Keras export trains in TensorFlow as in Neurona"
bash scripts/keras_test.sh
