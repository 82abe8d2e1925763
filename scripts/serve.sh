#!/usr/bin/env bash
# Builds the release bundle and serves it on http://127.0.0.1:${PORT:-8080}
# (built-in data on first start; data is kept in the browser's storage).
#   PORT=9000 scripts/serve.sh        another port
#   SKIP_SETUP=1 scripts/serve.sh     skip the tool check
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SAMVERKAN_ROOT"

if [ "${SKIP_SETUP:-0}" != 1 ]; then
  scripts/setup.sh
fi

echo "[serve] trunk build --release --offline"
start=$(date +%s)
trunk build --release --offline
echo "[serve] built dist/ in $(( $(date +%s) - start )) s"

exec node scripts/static-server.mjs dist "${PORT:-8080}"
