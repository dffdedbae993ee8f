#!/bin/bash
# What counting reach costs the timelines (issue 20, docs/measure.md): the
# same binary and data, counting off (KRING_REACH=0) and on, interleaved.
# Prints numbers, not verdicts; 127.0.0.1 only; stops its own server by pid.
set -u
cd "$(dirname "$0")/.."
. bench/login.sh
W=$(mktemp -d /tmp/kring-reach-ab.XXXXXX)
PW="bench-password-123"
KPID=""
trap '[ -n "$KPID" ] && kill $KPID 2>/dev/null; wait 2>/dev/null; rm -rf "$W"' EXIT
timeout 600 build/release/kring-bench-data --data "$W/data" --people 2000 --posts 100000 --password "$PW" >/dev/null
DB=$W/data/kring.db
THREAD=$(sqlite3 "$DB" "SELECT id FROM posts WHERE visibility = 0 AND deleted = 0 AND reblog_of = 0 AND in_reply_to = 0 AND replies >= 3 ORDER BY id DESC LIMIT 1")
for round in 1 2 3; do
 for mode in 0 1; do
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BASE=http://127.0.0.1:$PORT
  KRING_REACH=$mode KRING_POST_RATE=0 KRING_MAX_CONNECTIONS_PER_ADDRESS=0 build/release/kring serve --listen 127.0.0.1:$PORT --data "$W/data" >"$W/kring.log" 2>&1 &
  KPID=$!
  for _ in $(seq 1 400); do curl -s -o /dev/null --max-time 1 "$BASE/healthz" && break; sleep 0.025; done
  JAR=$W/jar
  COOKIE=$(bench_cookie "$BASE" "$JAR" person1 "$PW")
  for url in "/" "/posts/$THREAD"; do
    rps=$(timeout 40 wrk -t2 -c50 -d8s --latency -H "Cookie: $COOKIE" "$BASE$url" | awk '/Requests\/sec/ {print $2}')
    echo "round $round reach=$mode $url $rps req/s"
  done
  kill $KPID; wait $KPID 2>/dev/null; KPID=""
 done
done
echo "post_reach rows: $(sqlite3 "$DB" 'SELECT COUNT(*) FROM post_reach')"
echo "load: $(cat /proc/loadavg)"
