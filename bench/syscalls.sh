#!/bin/bash
# System calls per request of the home page and the cache-off home API
# (docs/performance.md, fifth round): exact counts, unlike CPU time on a
# busy shared machine.  Serves a copy of a kring-bench-data directory
# (BENCH_DATA), logs in as person1, warms up with 20 requests of each, then
# counts with `strace -f -c` over N sequential requests per row.  Prints
# numbers, not verdicts; 127.0.0.1 only; stops its own server by pid.
#   BENCH_DATA=build/bench/d1m bench/syscalls.sh            (KRING=binary, N=100)
set -u
cd "$(dirname "$0")/.."
. bench/login.sh
DATA=${BENCH_DATA:?BENCH_DATA=dir of kring-bench-data}
KRING=${KRING:-build/release/kring}
N=${N:-100}
PW="bench-password-123"
command -v strace >/dev/null || { echo "syscalls: strace is missing" >&2; exit 1; }
W=$(mktemp -d /tmp/kring-syscalls.XXXXXX)
KPID=""
trap '[ -n "$KPID" ] && kill $KPID 2>/dev/null; wait 2>/dev/null; rm -rf "$W"' EXIT
cp -r "$DATA" "$W/data"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
KRING_POST_RATE=0 "$KRING" serve --listen 127.0.0.1:$PORT --data "$W/data" >"$W/kring.log" 2>&1 &
KPID=$!
for _ in $(seq 1 400); do curl -s -o /dev/null --max-time 1 "$BASE/healthz" && break; sleep 0.025; done
JAR=$W/jar
COOKIE=$(bench_cookie "$BASE" "$JAR" person1 "$PW")
TOKEN=$(bench_token "$BASE" person1 "$PW")
get() { # row, i: one request; the API's bench= argument makes each a cache miss
	if [ "$1" = page ]; then curl -s -o /dev/null -H "Cookie: $COOKIE" "$BASE/"
	else curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/timelines/home?limit=40&bench=$1$2"; fi
}
for i in $(seq 1 20); do get page "$i"; get api "w$i"; done
for row in page api; do
	timeout 120 strace -f -c -o "$W/strace.$row" -p "$KPID" 2>/dev/null &
	SP=$!
	sleep 0.5
	for i in $(seq 1 "$N"); do get $row "$i"; done
	kill -INT $SP; wait $SP 2>/dev/null
	awk -v row=$row -v n="$N" '$NF == "fcntl" { f = $4 } $NF == "total" { t = $4 }
		END { printf "%s: fcntl %.1f per request, all system calls %.1f per request\n", row, f / n, t / n }' "$W/strace.$row"
done
