#!/usr/bin/env bash
# The one test command: installs what a fresh Debian machine lacks, then runs every check,
# every unit test and every browser test, and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=Asia/Shanghai
mkdir -p test-output

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (Debian packages) …"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "apt-get install ${need[*]} failed"; exit 1; }
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; exit 1; }
fi

checks_passed=0
checks_failed=0
run_check() {
  local name=$1; shift
  echo "── $name"
  if "$@"; then checks_passed=$((checks_passed + 1)); else checks_failed=$((checks_failed + 1)); echo "✗ $name failed"; fi
}

run_check typecheck npx tsc --noEmit -p tsconfig.json
run_check lint npx biome lint --error-on-warnings .
run_check format npx biome format .

echo "── unit tests"
rm -f test-output/unit.json test-output/e2e.json
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/unit.json

echo "── production build"
if npx vite build --logLevel warn; then
  checks_passed=$((checks_passed + 1))
  echo "── browser tests"
  npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=test-output/e2e.json
else
  checks_failed=$((checks_failed + 1))
  echo "✗ build failed: browser tests not run"
fi

node scripts/count-results.mjs "$checks_passed" "$checks_failed" test-output/unit.json test-output/e2e.json
