#!/bin/bash
# What counting reach costs the timelines, as server CPU time per request
# (issue 20, docs/measure.md): the same binary and data, counting off
# (KRING_REACH=0) and on, interleaved; a fixed number of requests each
# (wrk, then the server's utime+stime from /proc before and after, which
# includes the background thread that writes the counts).  CPU time per
# request is far less disturbed by a busy shared machine than requests per
# second (bench/reach_ab.sh).  Prints numbers, not verdicts; 127.0.0.1
# only; stops its own server by pid.
set -u
cd "$(dirname "$0")/.."
. bench/login.sh
W=$(mktemp -d /tmp/kring-reach-cpu.XXXXXX)
PW="bench-password-123"
KPID=""
ROUNDS=${ROUNDS:-3}
PEOPLE=${PEOPLE:-2000}
POSTS=${POSTS:-100000}
trap '[ -n "$KPID" ] && kill $KPID 2>/dev/null; wait 2>/dev/null; rm -rf "$W"' EXIT
timeout 900 build/release/kring-bench-data --data "$W/data" --people "$PEOPLE" --posts "$POSTS" --password "$PW" >/dev/null
DB=$W/data/kring.db
THREAD=$(sqlite3 "$DB" "SELECT id FROM posts WHERE visibility = 0 AND deleted = 0 AND reblog_of = 0 AND in_reply_to = 0 AND replies >= 3 ORDER BY id DESC LIMIT 1")
TCK=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' /proc/$1/stat; }
# The counting thread's own CPU time (core/reach.c names it kring-reach); 0 when off.
rcpu() { for t in /proc/$1/task/*; do [ "$(cat "$t/comm" 2>/dev/null)" = kring-reach ] && { awk '{print $14 + $15}' "$t/stat"; return; }; done; echo 0; }
for round in $(seq 1 "$ROUNDS"); do
 for mode in 0 1; do
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BASE=http://127.0.0.1:$PORT
  KRING_REACH=$mode KRING_POST_RATE=0 KRING_MAX_CONNECTIONS_PER_ADDRESS=0 build/release/kring serve --listen 127.0.0.1:$PORT --data "$W/data" >"$W/kring.log" 2>&1 &
  KPID=$!
  for _ in $(seq 1 400); do curl -s -o /dev/null --max-time 1 "$BASE/healthz" && break; sleep 0.025; done
  JAR=$W/jar
  COOKIE=$(bench_cookie "$BASE" "$JAR" person1 "$PW")
  for url in "/" "/posts/$THREAD"; do
    # Warm up, then measure.
    timeout 20 wrk -t1 -c4 -d2s -H "Cookie: $COOKIE" "$BASE$url" >/dev/null
    sleep 2.5  # the counting thread writes what the warm-up noted
    c0=$(cpu $KPID); r0=$(rcpu $KPID)
    out=$(timeout 60 wrk -t2 -c8 -d8s -H "Cookie: $COOKIE" "$BASE$url")
    sleep 2.5  # and what the run noted, inside the measurement
    c1=$(cpu $KPID); r1=$(rcpu $KPID)
    n=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "round $round reach=$mode $url requests=$n cpu_ms_per_request=$(awk -v a="$c0" -v b="$c1" -v n="$n" -v t="$TCK" 'BEGIN { printf "%.3f", (b - a) * 1000 / t / n }') counting_thread_ms_per_request=$(awk -v a="$r0" -v b="$r1" -v n="$n" -v t="$TCK" 'BEGIN { printf "%.3f", (b - a) * 1000 / t / n }')"
  done
  kill $KPID; wait $KPID 2>/dev/null; KPID=""
 done
done
echo "load: $(cat /proc/loadavg)"
