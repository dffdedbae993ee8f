#!/bin/sh
# Real-browser accessibility tests: Debian's chromium + playwright-core + axe-core.
# Usage: tests/browser/run.sh   (KRING_BIN=path/to/kring to test another binary)
# Needs: chromium (scripts/install-deps.sh), node >= 18 and npm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

: "${KRING_BIN:=build/release/kring}"
export KRING_BIN
# Never download a browser: Debian's /usr/bin/chromium is used.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# (Re)install the pinned packages when node_modules is missing or older than the lock file.
stamp="$here/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$here/package-lock.json" -nt "$stamp" ]; then
	npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
fi

exec node --test --test-reporter=spec "$here"/*.test.mjs
