#!/bin/bash
# What the remembered menu badges save (issue 15, docs/badges.md): the same
# binary and data, the memory off (KRING_BADGE_MEMO=0: every page works both
# badges out again through the lists' filter) and on, interleaved.  For the
# home page and the home API with every request a response-cache miss:
# req/s and p99 from wrk, and the server's CPU time per request from /proc
# (far less disturbed by a busy shared machine than req/s).  Needs a data
# directory from kring-bench-data (BENCH_DATA); works on a copy of it.
# Prints numbers, not verdicts; 127.0.0.1 only; stops its own server by pid.
set -u
cd "$(dirname "$0")/.."
. bench/login.sh
DATA=${BENCH_DATA:?BENCH_DATA=dir of kring-bench-data}
KRING=${KRING:-build/release/kring}
ROUNDS=${ROUNDS:-3}
DUR=${BENCH_DURATION:-8}
MODES=${MODES:-"0 1"}
W=$(mktemp -d /tmp/kring-badge-ab.XXXXXX)
PW="bench-password-123"
KPID=""
trap '[ -n "$KPID" ] && kill $KPID 2>/dev/null; wait 2>/dev/null; rm -rf "$W"' EXIT
cp -r "$DATA" "$W/data"
TCK=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' /proc/$1/stat; }
cat >"$W/nocache.lua" <<'LUA'
local n = 0
request = function()
	n = n + 1
	return wrk.format(nil, "/api/v1/timelines/home?limit=40&bench=" .. n)
end
LUA
for round in $(seq 1 "$ROUNDS"); do
 for mode in $MODES; do
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BASE=http://127.0.0.1:$PORT
  KRING_BADGE_MEMO=$mode KRING_POST_RATE=0 KRING_MAX_CONNECTIONS_PER_ADDRESS=0 "$KRING" serve --listen 127.0.0.1:$PORT --data "$W/data" >"$W/kring.log" 2>&1 &
  KPID=$!
  for _ in $(seq 1 400); do curl -s -o /dev/null --max-time 1 "$BASE/healthz" && break; sleep 0.025; done
  JAR=$W/jar
  COOKIE=$(bench_cookie "$BASE" "$JAR" person1 "$PW")
  TOKEN=$(bench_token "$BASE" person1 "$PW")
  for row in page api; do
    if [ $row = page ]; then args=(-H "Cookie: $COOKIE" "$BASE/"); else args=(-H "Authorization: Bearer $TOKEN" -s "$W/nocache.lua" "$BASE/"); fi
    timeout 20 wrk -t1 -c4 -d2s "${args[@]}" >/dev/null   # warm up
    c0=$(cpu $KPID)
    out=$(timeout $((DUR + 30)) wrk -t1 -c16 -d${DUR}s --latency "${args[@]}")
    c1=$(cpu $KPID)
    n=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    echo "round $round memo=$mode $row req/s=$rps p99=$p99 requests=$n cpu_ms_per_request=$(awk -v a="$c0" -v b="$c1" -v n="$n" -v t="$TCK" 'BEGIN { printf "%.3f", (b - a) * 1000 / t / n }') load=$(cut -d' ' -f1 /proc/loadavg)"
  done
  echo "round $round memo=$mode peak_rss=$(awk '/VmHWM/ {print $2 " " $3}' /proc/$KPID/status)"
  kill $KPID; wait $KPID 2>/dev/null; KPID=""
 done
done
