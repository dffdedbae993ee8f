#!/bin/bash
# How new connections fall on kring's request threads: the cache-off home
# API in windows of 5 s, each window a new wrk with 16 new connections, the
# CPU of every server thread read from /proc around each window.  Prints
# figures, not verdicts (docs/performance.md, twelfth and thirteenth rounds).
#
#   BENCH_DATA=DIR ./bench/conn_spread.sh     a data directory of bench/run.sh
#                                             (copied; the original is not touched)
# Environment: KRING (binary, default build/release/kring), WINDOWS (12),
# KRING_THREADS (the server's request threads).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/login.sh
K=${KRING:-build/release/kring}
SRC=${BENCH_DATA:-build/bench/d1m}
PW="bench-password-123"
[ -f "$SRC/kring.db" ] || { echo "conn_spread: no $SRC/kring.db (BENCH_KEEP=1 ./bench/run.sh makes one)" >&2; exit 1; }
D=$(mktemp -d /tmp/kring-spread.XXXXXX)
P=""
# (`|| true`: under set -e a killed process's `wait` status would end the
# trap before the rest of it ran)
cleanup() { [ -n "$P" ] && kill "$P" 2>/dev/null && wait "$P" 2>/dev/null || true; rm -rf "$D"; }
trap cleanup EXIT
cp "$SRC/kring.db" "$D/"
bench_serve "$K" "$D"
tok=$(bench_token "$BASE" person1 "$PW" "read write")
[ -n "$tok" ] || { echo "conn_spread: no API token for person1" >&2; exit 1; }
# Every request a new address, so the response cache never answers.
cat >"$D/nc.lua" <<'L'
local n, id, threads = 0, 0, 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
function init(args) id = wrk.thread:get("id") end
request = function() n = n + 1; return wrk.format(nil, "/api/v1/timelines/home?limit=40&b=" .. id .. "-" .. n .. "-" .. os.time()) end
L
ticks() { awk '{print $14 + $15}' "$1" 2>/dev/null || echo 0; }
for w in $(seq 1 "${WINDOWS:-12}"); do
	declare -A before=()
	for t in /proc/$P/task/*; do before[$t]=$(ticks "$t/stat"); done
	out=$(wrk -t1 -c16 -d5s --latency -s "$D/nc.lua" -H "Authorization: Bearer $tok" "$BASE/" 2>&1)
	busy=""
	for t in /proc/$P/task/*; do
		d=$(( $(ticks "$t/stat") - ${before[$t]:-0} ))
		[ "$d" -gt 20 ] && busy="$busy $(cat "$t/comm" 2>/dev/null):$d"
	done
	rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
	p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	echo "window $w: req/s $rps p99 $p99 threads (CPU ticks in 5 s):$busy"
done
