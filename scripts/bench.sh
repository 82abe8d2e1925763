#!/usr/bin/env bash
# The benchmark (issue 10): builds the release app into target/bench-dist, generates the
# ten-year archive into target/archive, then drives headless Chromium against the build
# (tests/bench/run.mjs) and writes target/bench/results.json and the table in BENCHMARKS.md.
# Prints figures; never fails on a slow figure. Separate from scripts/test.sh.
#
#   scripts/bench.sh                    everything (skips a build or archive that is up to date)
#   BENCH_RUNS=3 scripts/bench.sh       runs per figure (default 5)
#   BENCH_ONLY=import scripts/bench.sh  only some parts: bundle,start,import,search,edit,profile,layout
#   BENCH_ONLY=edit scripts/bench.sh    only the edits (Spara → journal entry committed, bytes per edit)
#   BENCH_SKIP_BUILD=1 scripts/bench.sh use target/bench-dist as it is
#   BENCH_REF=HEAD scripts/bench.sh     measure a commit instead of the working tree
#   BENCH_FIT_SCALE=0.3                 scale of the smaller archive (remove target/archive-fit after a change)
# More settings at the top of tests/bench/run.mjs.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SAMVERKAN_ROOT"

DIST=target/bench-dist
NAMES=target/bench-dist-names
mkdir -p target/bench

newer_than() { # newer_than FILE PATH... : some PATH is newer than FILE (or FILE is missing)
  local file=$1
  shift
  [ ! -e "$file" ] && return 0
  [ -n "$(find "$@" -newer "$file" -print -quit 2>/dev/null)" ]
}

# 1. The release app, in its own directory (dist/ belongs to scripts/test.sh and serve.sh):
# the working tree, or with BENCH_REF=<commit> that commit (exported to target/bench-src,
# built with the same cargo target directory).
built_now=0
build() { # build SOURCE_DIR DESCRIPTION
  echo "[bench] trunk build --release --offline of $2 into $DIST (several minutes)"
  local start
  start=$(date +%s)
  (cd "$1" && CARGO_TARGET_DIR="$SAMVERKAN_ROOT/target" trunk build --release --offline --dist "$SAMVERKAN_ROOT/$DIST")
  echo "[bench] built $DIST in $(($(date +%s) - start)) s"
  built_now=1
  printf '{"commit": "%s", "built": "%s"}\n' "$2" "$(date -u +%FT%TZ)" >target/bench/build-info.json
}
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
  echo "[bench] using $DIST as it is (BENCH_SKIP_BUILD=1)"
elif [ -n "${BENCH_REF:-}" ]; then
  ref=$(git rev-parse --short "$BENCH_REF")
  if grep -q "\"$ref\"" target/bench/build-info.json 2>/dev/null && [ -e "$DIST/index.html" ]; then
    echo "[bench] $DIST is $ref already"
  else
    rm -rf target/bench-src
    mkdir -p target/bench-src
    git archive "$ref" | tar -x -C target/bench-src
    build target/bench-src "$ref"
  fi
elif newer_than "$DIST/index.html" src style public index.html Cargo.toml Cargo.lock Trunk.toml ||
  ! grep -q '"commit": "working tree' target/bench/build-info.json 2>/dev/null; then
  build . "working tree at $(git describe --always --dirty)"
else
  echo "[bench] $DIST is up to date"
fi

# The same app with wasm function names, for readable CPU profiles: trunk's own
# wasm-bindgen output (kept in target/wasm-bindgen/release) optimised like the release
# (-Oz) but keeping the name section (-g). Made only right after our build, while that
# output is ours (another trunk build would replace it).
if [ "$built_now" = 1 ] || newer_than "$NAMES/index.html" "$DIST/index.html"; then
  rm -rf "$NAMES"
  js=$(find "$DIST" -maxdepth 1 -name 'samverkan-*.js' | head -1)
  wasm=$(find "$DIST" -maxdepth 1 -name 'samverkan-*_bg.wasm' | head -1)
  if [ "$built_now" = 1 ] && cmp -s target/wasm-bindgen/release/samverkan.js "$js"; then
    echo "[bench] $NAMES: the app with wasm function names (wasm-opt -Oz -g)"
    mkdir -p "$NAMES"
    cp -r "$DIST"/. "$NAMES"/
    wasm-opt -Oz -g --output="$NAMES/$(basename "$wasm")" target/wasm-bindgen/release/samverkan_bg.wasm
    # The names make the wasm differ from the hashes in index.html.
    sed -i 's/ integrity="[^"]*"//g' "$NAMES/index.html"
  else
    echo "[bench] no $NAMES (made only right after a build): the CPU profile will show unnamed wasm functions"
  fi
fi

# 2. The archive (deterministic): the full one, and a smaller one (which also fitted in
# localStorage, before the data set moved to IndexedDB).
if newer_than target/archive/archive-concurrent.json examples/generate_archive.rs; then
  echo "[bench] generating target/archive"
  cargo run --release --quiet --example generate_archive -- --out target/archive | tail -n 6
fi
if newer_than target/archive-fit/archive.json examples/generate_archive.rs; then
  echo "[bench] generating target/archive-fit (scale ${BENCH_FIT_SCALE:-0.3})"
  cargo run --release --quiet --example generate_archive -- --scale "${BENCH_FIT_SCALE:-0.3}" --out target/archive-fit | tail -n 6
fi

# 3. Measure.
exec node tests/bench/run.mjs
