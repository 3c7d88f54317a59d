#!/usr/bin/env bash
# The benchmark: our component view against the stock Kubernetes backend on the same simulated
# fleet, growth, freshness, memory, floors and the browser; writes docs/performance.md's figures.
# Installs whatever is missing first (like start.sh and test.sh). --smoke is the CI version.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
[ -x /usr/bin/chromium ] || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq >/dev/null; apt-get install -y -qq chromium >/dev/null; }
if [ ! -f packages/app/dist/index.html ] || [ -n "$(find packages/app/src plugins/skip/src -newer packages/app/dist/index.html -type f 2>/dev/null | head -1)" ]; then
  echo "bench: building the app"
  (cd packages/app && npx backstage-cli package build >/dev/null)
fi
exec node scripts/bench.mjs "$@"
