# shellcheck shell=bash
# Sourced by the other scripts: puts the project's tools first on PATH.
#   - node_modules/.bin first, so trunk finds npm binaryen's wasm-opt 132
#     (Debian's wasm-opt 108 silently breaks the app; Trunk.toml pins version_132).
#   - $HOME/.cargo/bin for trunk, wasm-bindgen, wasm-bindgen-test-runner.
# Safe to source more than once.

SAMVERKAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SAMVERKAN_ROOT

_samverkan_path_prepend() {
  case ":$PATH:" in
    *":$1:"*) PATH="$1:$(printf '%s' ":$PATH:" | sed "s#:$1:#:#g; s#^:##; s#:\$##")" ;;
    *) PATH="$1:$PATH" ;;
  esac
}
_samverkan_path_prepend "${CARGO_HOME:-$HOME/.cargo}/bin"
_samverkan_path_prepend "$SAMVERKAN_ROOT/node_modules/.bin"
unset -f _samverkan_path_prepend
export PATH

# Never prompt: CI runs with no stdin and no tty.
export CI="${CI:-true}"
export DEBIAN_FRONTEND=noninteractive
export NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false
# The e2e harness and wasm-bindgen-test-runner use the system browser; nothing downloads one.
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
