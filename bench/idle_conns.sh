#!/bin/bash
# What idle keep-alive connections cost the others: IDLE connections are
# opened (one /healthz each) and held while wrk measures /healthz and the
# cache-off home API beside them.  Prints figures, not verdicts
# (docs/performance.md, fourteenth round).
#
#   IDLE=1500 BENCH_DATA=DIR ./bench/idle_conns.sh
# Environment: KRING (binary, default build/release/kring), IDLE (1500),
# BENCH_DATA (a data directory of bench/run.sh, copied; default build/bench/d1m).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/login.sh
K=${KRING:-build/release/kring}
SRC=${BENCH_DATA:-build/bench/d1m}
N=${IDLE:-1500}
[ -f "$SRC/kring.db" ] || { echo "idle_conns: no $SRC/kring.db (BENCH_KEEP=1 ./bench/run.sh makes one)" >&2; exit 1; }
ulimit -n $((N + 1024))
D=$(mktemp -d /tmp/kring-idle.XXXXXX)
P=""
H=""
# (`|| true`: under set -e the killed helper's `wait` status would end the
# trap before the server was stopped: it was left running)
cleanup() {
	[ -n "$H" ] && kill "$H" 2>/dev/null && wait "$H" 2>/dev/null || true
	[ -n "$P" ] && kill "$P" 2>/dev/null && wait "$P" 2>/dev/null || true
	rm -rf "$D"
}
trap cleanup EXIT
cp "$SRC/kring.db" "$D/"
bench_serve "$K" "$D"
tok=$(bench_token "$BASE" person1 "bench-password-123" "read write")
[ -n "$tok" ] || { echo "idle_conns: no API token for person1" >&2; exit 1; }
# The idle connections, held for 20 s (the server closes them after 30).
/usr/bin/python3 - "$PORT" "$N" >"$D/idle.out" <<'PY' &
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
held = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    s.recv(4096)
    held.append(s)
print("open", len(held), flush=True)
time.sleep(20)
PY
H=$!
for _ in $(seq 1 200); do grep -q open "$D/idle.out" 2>/dev/null && break; sleep 0.1; done
echo "idle connections: $(cat "$D/idle.out")"
cat >"$D/nc.lua" <<'L'
local n = 0
request = function() n = n + 1; return wrk.format(nil, "/api/v1/timelines/home?limit=40&b=" .. n .. "-" .. os.time()) end
L
wrk -t1 -c16 -d5s --latency "$BASE/healthz" |
	awk '/^Requests\/sec:/ {r = $2} $1 == "99%" {p = $2} END {print "/healthz: req/s " r " p99 " p}'
wrk -t1 -c16 -d5s --latency -s "$D/nc.lua" -H "Authorization: Bearer $tok" "$BASE/" |
	awk '/^Requests\/sec:/ {r = $2} $1 == "99%" {p = $2} END {print "home API, cache off: req/s " r " p99 " p}'
