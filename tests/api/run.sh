#!/bin/sh
# Client-API tests with real third-party clients: Mastodon.py and toot
# (pytest), masto.js and megalodon (node --test runs every *.test.mjs).  KRING_BIN picks the binary
# (default build/release/kring; make test passes the ASan build).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
KRING_BIN=${KRING_BIN:-$root/build/release/kring}
export KRING_BIN
/usr/bin/python3 -m pytest -q "$here"
cd "$here/js"
if [ ! -d node_modules/masto ] || [ ! -d node_modules/megalodon ]; then
	npm ci --no-audit --no-fund --silent
fi
node --test
