#!/usr/bin/env bash
# The pure core (model, seed, search, rules, calendar, exchange, diagram, journal) must not depend on the browser or the UI,
# so it builds and is tested natively. Fails, printing the lines, if any file there
# mentions leptos, web_sys, gloo, wasm_bindgen, js_sys or window(.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dirs=()
for d in src/model src/seed src/search src/rules src/calendar src/exchange src/diagram src/journal src/format.rs; do
  [ -e "$d" ] && dirs+=("$d")
done
if [ ${#dirs[@]} -eq 0 ]; then
  echo "core purity: no core directories (src/model, src/seed, src/search, src/rules) yet — nothing to check"
  exit 0
fi

pattern='leptos|web_sys|gloo|wasm_bindgen|js_sys|window\('
if offending=$(grep -rnEI "$pattern" "${dirs[@]}"); then
  echo "core purity: FAILED — the core must not use the browser or the UI (leptos, web_sys, gloo, wasm_bindgen, js_sys, window()):"
  printf '%s\n' "$offending"
  exit 1
fi
files=$(find "${dirs[@]}" -type f | wc -l)
echo "core purity: ok (${dirs[*]}: $files files, none mentions leptos/web_sys/gloo/wasm_bindgen/js_sys/window()"
