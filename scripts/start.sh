#!/usr/bin/env bash
# Starts SKIP Portal on the embedded default: SQLite in memory and the simulated demo fleet.
# Installs whatever is missing first. Ctrl-C stops everything.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
if [ ! -f packages/app/dist/index.html ] || [ -n "$(find packages/app/src plugins/skip/src -newer packages/app/dist/index.html -type f 2>/dev/null | head -1)" ]; then
  echo "start: building the app"
  (cd packages/app && npx backstage-cli package build >/dev/null)
fi
# The product's backend, whatever the environment says (only the benchmark runs another).
unset SKIP_BACKEND_PACKAGE
exec node scripts/run-portal.mjs "$@"
