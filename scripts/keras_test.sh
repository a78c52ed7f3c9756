#!/usr/bin/env bash
# The Keras layer: installs TensorFlow from PyPI into a virtual environment (once), has the
# engine write its cases (the exported Python file of each setup and what the engine
# computed from the same start), and runs them in TensorFlow with scripts/keras_check.py.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${NEURONA_KERAS_VENV:-target/keras-venv}"
TENSORFLOW=tensorflow-cpu==2.21.0

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -m ensurepip --version >/dev/null 2>&1; then
  say "apt: installing python3-venv"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q python3-venv
fi
if ! "$VENV/bin/python" -c "import tensorflow as tf; assert tf.__version__ == '${TENSORFLOW#*==}'" >/dev/null 2>&1; then
  say "pip: installing $TENSORFLOW into $VENV (about 250 MB, once)"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "$TENSORFLOW" numpy
fi

cases=target/keras-cases
rm -rf "$cases"
cargo run --offline --release -q -p neurona-engine --example keras_cases -- "$cases"
TF_CPP_MIN_LOG_LEVEL=3 "$VENV/bin/python" scripts/keras_check.py "$cases"
