#!/usr/bin/env bash
# Sets up what is missing, then builds Neurona and serves it on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
echo "Neurona: http://127.0.0.1:8080"
exec trunk serve --release --offline
