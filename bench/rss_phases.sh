#!/bin/bash
# Resident memory of one kring by phase: start, a login, six pages, the
# cache-miss API row, a second login (docs/performance.md, tenth round).
# usage: [BIN=build/release/kring] [DATA=build/bench/d1m] bench/rss_phases.sh
set -u
cd "$(dirname "$0")/.."
. bench/login.sh
BIN=${BIN:-build/release/kring}
D=$(mktemp -d /tmp/kring-rss.XXXXXX); cp -r ${DATA:-build/bench/d1m} $D/d
KRING_POST_RATE=0 KRING_MAX_CONNECTIONS_PER_ADDRESS=0 $BIN serve --listen 127.0.0.1:18830 --data $D/d > $D/log 2>&1 & P=$!
for _ in $(seq 1 400); do curl -s -o /dev/null --max-time 1 http://127.0.0.1:18830/healthz && break; sleep 0.025; done
show() { echo "$1: $(awk '/^VmRSS|^VmHWM|^RssAnon|^RssFile/ {printf "%s %.1f  ", $1, $2/1024}' /proc/$P/status)"; }
show start
t=$(bench_token http://127.0.0.1:18830 person1 bench-password-123)
show "after login"
for u in / /local /@person1 "/search?q=zorg" /tags/dementie /g/mantelzorg_1; do
  timeout 20 wrk -t2 -c50 -d3s -H "Cookie: kring_session=$t" "http://127.0.0.1:18830$u" > /dev/null; done
show "after pages"
sleep 1.5; show "after pages, 1.5 s"
cat > $D/nc.lua <<'LUA'
local n, id, threads = 0, 0, 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
function init(args) id = wrk.thread:get("id") end
request = function() n = n + 1; return wrk.format(nil, "/api/v1/timelines/home?limit=40&bench=" .. id .. "-" .. n) end
LUA
timeout 20 wrk -t2 -c50 -d4s -H "Authorization: Bearer $t" -s $D/nc.lua http://127.0.0.1:18830/ | grep Req
show "after cache-miss api"
sleep 1.5; show "after cache-miss api, 1.5 s"
t2=$(bench_token http://127.0.0.1:18830 person8 bench-password-123)
show "after 2nd login"
kill $P; wait $P 2>/dev/null; rm -rf $D
