#!/bin/bash
# Webcare rows of make bench (issue 17): ingest items/s through rules +
# sentiment + storage on one thread, and the inbox page /webcare/ORG with 50
# open items among 100,000 stored ones, timed over HTTP (one connection,
# one request at a time: the page's own latency).  Numbers, not verdicts.
# Everything runs on 127.0.0.1 and is bounded; the server this script starts
# is stopped on exit (by its pid).
#
#   ./bench/webcare.sh                      100,000 stored, 3,000 ingested, 1,000 page loads
#   BENCH_WC_STORED=20000 BENCH_WC_INGEST=500 BENCH_WC_PAGES=200 ./bench/webcare.sh
set -euo pipefail

cd "$(dirname "$0")/.."
KRING=${KRING:-build/release/kring}
WCB=${BENCH_WCB:-build/release/kring-webcare-bench}
STORED=${BENCH_WC_STORED:-100000}
INGEST=${BENCH_WC_INGEST:-3000}
PAGES=${BENCH_WC_PAGES:-1000}
for f in "$KRING" "$WCB"; do
	[ -x "$f" ] || { echo "bench: $f is missing (make $f)" >&2; exit 1; }
done
mkdir -p build/bench
WORK=$(mktemp -d "$PWD/build/bench/webcare.XXXXXX")
KRING_PID=""
cleanup() {
	[ -n "$KRING_PID" ] && kill "$KRING_PID" 2>/dev/null && wait "$KRING_PID" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$WCB" --data "$WORK/data" --stored "$STORED" --ingest "$INGEST"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$KRING" serve --listen "127.0.0.1:$PORT" --data "$WORK/data" >"$WORK/kring.log" 2>&1 &
KRING_PID=$!
python3 - "$PORT" "$PAGES" "$STORED" <<'EOF'
import re, sys, time, urllib.request, urllib.parse, http.cookiejar
port, pages, stored = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
base = "http://127.0.0.1:%d" % port
for _ in range(1000):                       # up to 10 s for the server to answer
    try:
        if urllib.request.urlopen(base + "/healthz", timeout=1).status == 200:
            break
    except OSError:
        time.sleep(0.01)
else:
    sys.exit("bench: kring did not answer /healthz")
jar = http.cookiejar.CookieJar()
op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = op.open(base + "/login", timeout=10).read().decode()
csrf = re.search(r'name="csrf" value="([^"]*)"', page).group(1)
op.open(base + "/login", urllib.parse.urlencode({"csrf": csrf, "username": "webcare1",
        "password": "bench-password-123", "next": "/"}).encode(), timeout=10).read()
t = []
items = 0
for i in range(pages + 20):                 # the first 20 warm up
    t0 = time.perf_counter()
    body = op.open(base + "/webcare/zorggroep", timeout=10).read()
    dt = (time.perf_counter() - t0) * 1000
    if i >= 20:
        t.append(dt)
    items = len(set(re.findall(rb'href="/webcare/zorggroep/items/(\d+)"', body)))
t.sort()
print("| webcare inbox page /webcare/ORG over HTTP, %d stored, %d open shown | p50 %.2f ms | p99 %.2f ms | "
      "max %.2f ms | %d loads |" % (stored, items, t[len(t) // 2], t[len(t) * 99 // 100], t[-1], len(t)))
EOF
