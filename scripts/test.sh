#!/usr/bin/env bash
# Runs every test: type check, lint, unit and integration tests (database tests on SQLite and
# PostgreSQL), and the browser tests in Debian's Chromium. Installs whatever is missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
started=$(date +%s)
step() { echo; echo "=== $* ($(( $(date +%s) - started )) s)"; }

step "system packages (Chromium, PostgreSQL, OpenSSH server)"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

step "PostgreSQL on loopback"
source "$ROOT/scripts/postgres.sh"
export SKIP_TEST_REQUIRE_POSTGRES=1

step "generated OpenAPI files match their specs (npm run generate:openapi rewrites them)"
node scripts/generate-openapi.mjs --check

step "type check"
npx tsc --noEmit -p tsconfig.json

step "lint"
npx backstage-cli repo lint

step "unit and integration tests"
CI=true npx backstage-cli repo test --maxWorkers=2

step "browser tests (Playwright in Chromium)"
(cd packages/app && npx backstage-cli package build >/dev/null)
node --test --test-concurrency=1 'e2e/*.test.mjs'

step "benchmark smoke run (the full run: ./scripts/bench.sh)"
node scripts/bench.mjs --smoke

step "all green"
