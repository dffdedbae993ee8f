#!/bin/bash
# Federation rows of make bench (issue 21, docs/federation.md): one post
# delivered to 1,000 followers on 50 loopback servers (bench/fed_peers.py),
# time until all have it and kring's peak RSS during the delivery; once with
# shared inboxes (as Mastodon servers have them: one delivery per server)
# and once with personal inboxes only (one delivery per follower).  And the
# size of the federation code in lines of C.  Numbers, not verdicts.
# Everything runs on 127.0.0.x (KRING_FED_LOOPBACK=1, a flag for tests) and
# is bounded; the server this script starts is stopped on exit (by its pid).
#
#   ./bench/fed.sh                                  50 servers, 1,000 followers
#   BENCH_FED_PEERS=10 BENCH_FED_FOLLOWERS=100 ./bench/fed.sh
set -euo pipefail

cd "$(dirname "$0")/.."
KRING=${KRING:-build/release/kring}
PEERS=${BENCH_FED_PEERS:-50}
FOLLOWERS=${BENCH_FED_FOLLOWERS:-1000}
[ -x "$KRING" ] || { echo "bench: $KRING is missing (make $KRING)" >&2; exit 1; }
mkdir -p build/bench
WORK=$(mktemp -d "$PWD/build/bench/fed.XXXXXX")
KRING_PID=""
stop() {
	if [ -n "$KRING_PID" ]; then
		kill "$KRING_PID" 2>/dev/null || true
		wait "$KRING_PID" 2>/dev/null || true
	fi
	KRING_PID=""
}
cleanup() {
	stop
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for shared in 1 0; do
	PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	BASE="http://127.0.0.1:$PORT"
	DATA="$WORK/data$shared"
	export KRING_FED_LOOPBACK=1 KRING_BASE_URL="$BASE"
	"$KRING" user add ann --password fed-bench-wachtwoord --data "$DATA" >/dev/null
	"$KRING" serve --listen "127.0.0.1:$PORT" --data "$DATA" >"$WORK/kring$shared.log" 2>&1 &
	KRING_PID=$!
	for _ in $(seq 100); do
		python3 -c "import urllib.request; urllib.request.urlopen('$BASE/healthz', timeout=1)" 2>/dev/null && break
		sleep 0.1
	done
	python3 bench/fed_peers.py "$BASE" "$KRING_PID" ann fed-bench-wachtwoord "$PEERS" "$FOLLOWERS" "$shared" ||
		{ tail -20 "$WORK/kring$shared.log" >&2; exit 1; }
	stop
done

# The federation code: its rules, signatures, HTTP side and tables.
files=$(ls src/core/federation.c src/core/federation.h src/core/fed_*.c src/core/fed_*.h src/fed/*.c src/fed/*.h \
	src/store/fed*.c src/store/store_fed*.h 2>/dev/null | grep -v '_test\.c$')
# and the lines that are code: comments and blank lines left out (as sloccount counts).
code=$(cat $files | /usr/bin/python3 -c "import re, sys; s = re.sub(r'/\*.*?\*/', lambda m: chr(10) * m.group(0).count(chr(10)), sys.stdin.read(), flags=re.S); print(sum(1 for l in s.split(chr(10)) if l.strip() and not l.strip().startswith('//')))")
echo "fed: federation code $(cat $files | wc -l) lines of C, $code of them code ($(echo $files | wc -w) files, tests not counted)"
