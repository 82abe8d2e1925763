#!/usr/bin/env bash
# Installs what building, serving and testing Samverkan needs — only what is missing.
# Idempotent: a second run checks versions and does nothing (a few seconds).
#
#   wasm32-unknown-unknown target   rustup
#   rustfmt, clippy                 rustup component add (when missing)
#   chromium + chromium-driver      apt (Debian's browser; nothing downloads a browser)
#   trunk 0.21.14                   cargo install --locked (0.22 needs a newer rustc)
#   wasm-bindgen-cli = Cargo.lock    cargo install, without --locked (its lock pins a
#                                    crate the registry lacks); trunk only uses a
#                                    wasm-bindgen on PATH whose version matches
#   binaryen 132 + playwright-core  npm ci (package.json / package-lock.json)
#   crate sources                   cargo fetch (the builds run with --offline)
#
# Needs: Rust (rustup, cargo), Node.js >= 20 with npm, apt-get. Runs as root in CI;
# otherwise uses sudo for apt when it is available without a password.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SAMVERKAN_ROOT"

TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }
SETUP_START=$(now)

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on PATH. Install Rust (rustup) and Node.js >= 20 with npm first."
done

# --- wasm32 target -----------------------------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "ok      wasm32-unknown-unknown target"
else
  say "install wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# --- rustfmt, clippy (cargo fmt / cargo clippy in scripts/test.sh) -----------------------
missing_components=()
cargo fmt --version >/dev/null 2>&1 || missing_components+=(rustfmt)
cargo clippy --version >/dev/null 2>&1 || missing_components+=(clippy)
if [ ${#missing_components[@]} -eq 0 ]; then
  say "ok      rustfmt, clippy"
else
  say "install rustup components: ${missing_components[*]}"
  rustup component add "${missing_components[@]}"
fi

# --- chromium + chromedriver (Debian) ---------------------------------------------
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "ok      chromium, chromedriver"
else
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    die "chromium/chromium-driver are missing and this is not root (no password-less sudo). Run: apt-get install -y chromium chromium-driver"
  fi
  command -v apt-get >/dev/null 2>&1 || die "chromium/chromium-driver are missing and there is no apt-get."
  t=$(now)
  # apt-get update only when the package lists do not know the packages yet.
  if ! apt-cache show chromium chromium-driver >/dev/null 2>&1; then
    say "install apt-get update (package lists do not know chromium yet)"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  fi
  say "install chromium chromium-driver (apt)"
  if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver; then
    say "install failed with the current package lists; apt-get update and retry"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver
  fi
  say "        chromium installed in $(( $(now) - t )) s"
fi

# --- trunk -------------------------------------------------------------------------
have_trunk=$(trunk --version 2>/dev/null || true)
if [ "$have_trunk" = "trunk $TRUNK_VERSION" ]; then
  say "ok      $have_trunk"
else
  say "install trunk $TRUNK_VERSION (found: ${have_trunk:-none}; ~10 min cold)"
  t=$(now)
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
  say "        trunk installed in $(( $(now) - t )) s"
fi

# --- wasm-bindgen-cli at the Cargo.lock version ------------------------------------
if [ ! -f Cargo.lock ]; then
  say "no Cargo.lock: generating it"
  cargo generate-lockfile
fi
WB_VERSION=$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  /^\[\[package\]\]/ { found = 0 }
' Cargo.lock)
[ -n "$WB_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
have_wbtr=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_wb" = "$WB_VERSION" ] && [ "$have_wbtr" = "$WB_VERSION" ]; then
  say "ok      wasm-bindgen $have_wb (= Cargo.lock), wasm-bindgen-test-runner"
else
  say "install wasm-bindgen-cli $WB_VERSION (found: ${have_wb:-none}; ~5 min cold)"
  t=$(now)
  # Not --locked: the CLI's own lock file pins a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
  say "        wasm-bindgen-cli installed in $(( $(now) - t )) s"
fi

# --- npm tools: binaryen (wasm-opt for trunk) and playwright-core -------------------
# A stamp of package.json + package-lock.json skips npm when node_modules is current.
stamp_file=node_modules/.samverkan-setup-stamp
want_stamp=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want_stamp" ] \
   && [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ]; then
  say "ok      node_modules (binaryen, playwright-core)"
else
  t=$(now)
  if [ -f package-lock.json ]; then
    say "install npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  else
    say "install npm install (no package-lock.json)"
    npm install --no-audit --no-fund --loglevel=error
  fi
  want_stamp=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
  printf '%s\n' "$want_stamp" > "$stamp_file"
  say "        npm tools installed in $(( $(now) - t )) s"
fi

# --- crate sources (trunk --offline passes --offline to cargo) ----------------------
# Fast (well under a second) when everything is already downloaded.
cargo fetch --quiet

# --- verify --------------------------------------------------------------------------
wasm_opt_path=$(command -v wasm-opt || true)
wasm_opt_version=$(wasm-opt --version 2>/dev/null || true)
case "$wasm_opt_version" in
  *"version $WASM_OPT_VERSION"*) ;;
  *) die "wasm-opt on PATH is '${wasm_opt_version:-missing}' ($wasm_opt_path), need version $WASM_OPT_VERSION from node_modules/.bin" ;;
esac
chromium_major=$(/usr/bin/chromium --version 2>/dev/null | grep -oE '[0-9]+\.[0-9.]+' | head -1 | cut -d. -f1 || true)
driver_major=$(/usr/bin/chromedriver --version 2>/dev/null | grep -oE '[0-9]+\.[0-9.]+' | head -1 | cut -d. -f1 || true)
if [ -n "$chromium_major" ] && [ "$chromium_major" != "$driver_major" ]; then
  die "chromium $chromium_major and chromedriver $driver_major differ; run: apt-get install -y chromium chromium-driver"
fi
say "ready   trunk $TRUNK_VERSION, wasm-bindgen $WB_VERSION, wasm-opt $WASM_OPT_VERSION, chromium ${chromium_major:-?} ($(( $(now) - SETUP_START )) s)"
