#!/usr/bin/env bash
# Neovim (Debian's package) for the second-client test. Returns at once when it is installed.
set -euo pipefail
if ! command -v nvim >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq neovim >&2
fi
nvim --version | head -1
