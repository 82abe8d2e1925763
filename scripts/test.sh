#!/usr/bin/env bash
# Runs every check, in order, stopping at the first failure:
#   setup · fmt · clippy · core purity · native tests · browser unit tests (wasm)
#   · build-script tests · release build · offline check · end-to-end tests (Chromium against dist/)
# and prints a summary: time per step, test counts, release wasm/JS sizes (raw, gzip -9).
#
#   SKIP_SETUP=1 scripts/test.sh      skip the tool check
#   KEEP_GOING=1 scripts/test.sh      run every step even after a failure (still exits 1)
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SAMVERKAN_ROOT"

LOG_DIR="$SAMVERKAN_ROOT/target/test-logs"
mkdir -p "$LOG_DIR"
rm -f "$LOG_DIR"/*.log

STEP_NAMES=()
STEP_TIMES=()
STEP_RESULTS=()
CURRENT_STEP=""
FAILED_STEPS=()
BUILD_OK=0
ALL_START=$(date +%s)

# Test counts, parsed from the logs.
count_cargo() { # "passed failed ignored" summed over all "test result:" lines of a log
  awk '/^test result:/ {
         for (i = 1; i <= NF; i++) {
           if ($(i+1) ~ /^passed;?$/) p += $i
           if ($(i+1) ~ /^failed;?$/) f += $i
           if ($(i+1) ~ /^ignored;?$/) g += $i
         }
       } END { printf "%d passed, %d failed, %d ignored", p, f, g }' "$1" 2>/dev/null
}
count_node() { # node --test spec reporter summary
  awk '/^[^a-z]*tests [0-9]+$/ { t = $NF } /^[^a-z]*pass [0-9]+$/ { p = $NF }
       /^[^a-z]*fail [0-9]+$/ { f = $NF } /^[^a-z]*skipped [0-9]+$/ { s = $NF }
       END { printf "%d tests: %d passed, %d failed, %d skipped", t, p, f, s }' "$1" 2>/dev/null
}
size_line() { # file -> "raw B / gzip B"
  local raw gz
  raw=$(wc -c < "$1")
  gz=$(gzip -9 -c "$1" | wc -c)
  printf '%-44s %9s B raw  %9s B gzip -9' "${1#dist/}" "$raw" "$gz"
}

summary() {
  local status=$?
  set +e
  echo
  echo "================================ summary ================================"
  for i in "${!STEP_NAMES[@]}"; do
    printf '  %-6s %-48s %5s s\n' "${STEP_RESULTS[$i]}" "${STEP_NAMES[$i]}" "${STEP_TIMES[$i]}"
  done
  if [ -n "$CURRENT_STEP" ]; then
    printf '  %-6s %-48s\n' "FAIL" "$CURRENT_STEP"
  fi
  [ -f "$LOG_DIR/native.log" ] && echo "  native tests:       $(count_cargo "$LOG_DIR/native.log")"
  [ -f "$LOG_DIR/wasm.log" ] && echo "  browser unit tests: $(count_cargo "$LOG_DIR/wasm.log") (wasm-bindgen-test)"
  [ -f "$LOG_DIR/scripts.log" ] && echo "  build-script tests: $(count_node "$LOG_DIR/scripts.log")"
  [ -f "$LOG_DIR/e2e.log" ] && echo "  end-to-end:         $(count_node "$LOG_DIR/e2e.log")"
  if [ "$BUILD_OK" = 1 ]; then
    echo "  release bundle (dist/):"
    while IFS= read -r f; do
      echo "    $(size_line "$f")"
    done < <(find dist -maxdepth 2 -type f \( -name '*.wasm' -o -name '*.js' \) | sort)
  fi
  echo "  total: $(( $(date +%s) - ALL_START )) s   logs: ${LOG_DIR#"$SAMVERKAN_ROOT"/}/"
  if [ ${#FAILED_STEPS[@]} -gt 0 ]; then
    echo "  FAILED: ${FAILED_STEPS[*]}"
    [ "$status" -eq 0 ] && status=1
  elif [ "$status" -eq 0 ]; then
    echo "  ALL PASSED"
  else
    echo "  FAILED at: ${CURRENT_STEP:-?} (exit $status)"
  fi
  echo "========================================================================="
  exit "$status"
}
trap summary EXIT

run_logged() { # <log-name|-> <command...>
  local log=$1
  shift
  if [ "$log" = "-" ]; then
    "$@"
  else
    "$@" 2>&1 | tee "$LOG_DIR/$log.log"
  fi
}

# step <name> <log-name|-> <command...>: runs the command with a header, logs it, times it.
step() {
  local name=$1 log=$2
  shift 2
  CURRENT_STEP=$name
  echo
  echo "=== [$(( ${#STEP_NAMES[@]} + 1 ))] $name"
  echo "=== \$ $*"
  local start result=ok
  start=$(date +%s)
  if [ "${KEEP_GOING:-0}" = 1 ]; then
    if ! run_logged "$log" "$@"; then
      result=FAIL
      FAILED_STEPS+=("[$(( ${#STEP_NAMES[@]} + 1 ))] $name")
    fi
  else
    run_logged "$log" "$@"
  fi
  STEP_NAMES+=("$name")
  STEP_TIMES+=("$(( $(date +%s) - start ))")
  STEP_RESULTS+=("$result")
  CURRENT_STEP=""
}

if [ "${SKIP_SETUP:-0}" != 1 ]; then
  step "setup (tools)" - scripts/setup.sh
fi
step "format (cargo fmt --check)" - cargo fmt --all -- --check
step "lint (clippy -D warnings)" - cargo clippy --all-targets -- -D warnings
step "lint wasm (clippy --target wasm32)" - cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
step "core purity (model, seed, search, rules)" - scripts/check-core-purity.sh
step "native tests (cargo test)" native cargo test
step "browser unit tests (wasm32, wasm-bindgen-test)" wasm cargo test --target wasm32-unknown-unknown
step "build-script tests (node --test tests/scripts/)" scripts node --test --test-reporter=spec tests/scripts/*.test.mjs
step "release build (trunk build --release)" build trunk build --release --offline
if [ "${STEP_RESULTS[${#STEP_RESULTS[@]}-1]}" = ok ]; then
  BUILD_OK=1
else
  echo "=== end-to-end tests skipped: the release build failed (dist/ would be stale)"
  exit 1
fi
# The service worker's precache list names exactly the files of dist/ (but sw.js itself) with
# their hashes, and the CSP allows exactly index.html's inline scripts (scripts/pwa.mjs).
step "offline check (sw.js precaches dist/, CSP hashes)" - node scripts/pwa.mjs check dist
# Explicit files (shell glob): works with Node 20 and with the glob semantics of Node >= 21.
step "end-to-end tests (node --test tests/e2e/)" e2e node --test --test-reporter=spec tests/e2e/*.test.mjs
