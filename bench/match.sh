#!/bin/bash
# Choosing a care worker (issue 19): matching over BENCH_PROS professionals
# (default 10,000) with filters, through the API on 127.0.0.1.  Prints the
# latency of GET /api/v1/kring/match/list and /next (p50, p99, max over
# BENCH_MATCH_N requests each) and the server's CPU per request; numbers, not verdicts.  Children stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
KRING=${KRING:-build/release/kring}
PROS=${BENCH_PROS:-10000}
N=${BENCH_MATCH_N:-300}
for tool in sqlite3 python3 curl; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done
mkdir -p build/bench
WORK=$(mktemp -d "$PWD/build/bench/match.XXXXXX")
PID=""
cleanup() {
	[ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$KRING" init --data "$WORK" >/dev/null
"$KRING" user add benchclient --password bench-password-123 --data "$WORK" >/dev/null
python3 - "$PROS" > "$WORK/pros.sql" <<'PY'
import random, sys
n = int(sys.argv[1]); rng = random.Random(19)
exp = ["autisme", "angst", "depressie", "verslaving", "dementie", "adhd", "rouw", "trauma", "opvoeding", "schulden"]
lang = ["Nederlands", "Engels", "Arabisch", "Turks", "Pools", "Papiaments", "Somalisch", "Tigrinya"]
reg = ["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen"]
print("BEGIN;")
for i in range(n):
    aid = 10**15 + i
    print("INSERT INTO accounts (id, username, display_name, kind, person_type, expertise, languages, region,"
          " created_at) VALUES (%d, 'pro%d', 'Zorgverlener %d', 0, 1, '%s', '%s', '%s', 1700000000);"
          % (aid, i, i, ", ".join(rng.sample(exp, 2)), ", ".join(rng.sample(lang, 2)), rng.choice(reg)))
    print("INSERT INTO pro_profiles (account_id, intro, approach, taking_new, updated_at) VALUES"
          " (%d, 'Ik help graag.', 'Ik luister eerst.', %d, 1700000000);" % (aid, rng.random() < 0.7))
print("COMMIT;")
PY
sqlite3 "$WORK/kring.db" < "$WORK/pros.sql"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
KRING_APP_RATE=0 "$KRING" serve --listen "127.0.0.1:$PORT" --data "$WORK" >"$WORK/out" 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
python3 - "$PORT" "$N" "$PROS" "$PID" <<'PY'
import json, os, sys, time, urllib.parse, urllib.request
port, n, pros, pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def cpu_s():
    # the server's own CPU (user + system), which the machine's load does not inflate
    f = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
base = "http://127.0.0.1:%d" % port
def post(path, data):
    return json.load(urllib.request.urlopen(base + path, urllib.parse.urlencode(data).encode(), timeout=30))
app = post("/api/v1/apps", {"client_name": "bench", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"})
tok = post("/oauth/token", {"grant_type": "password", "username": "benchclient", "password": "bench-password-123",
                            "client_id": app["client_id"], "client_secret": app["client_secret"], "scope": "read write"})["access_token"]
filters = [{"expertise": "autisme", "region": "utrecht"}, {"language": "arabisch"}, {"expertise": "rouw", "language": "engels"},
           {"region": "den haag"}, {}]
for path in ("/api/v1/kring/match/list", "/api/v1/kring/match/next"):
    ms = []
    cpu0 = cpu_s()
    for i in range(n):
        q = urllib.parse.urlencode(filters[i % len(filters)])
        req = urllib.request.Request(base + path + "?" + q, headers={"Authorization": "Bearer " + tok})
        t = time.perf_counter()
        urllib.request.urlopen(req, timeout=30).read()
        ms.append((time.perf_counter() - t) * 1000)
    cpu = (cpu_s() - cpu0) * 1000 / n
    ms.sort()
    print("%s over %d professionals: p50 %.1f ms, p99 %.1f ms, max %.1f ms, server CPU %.2f ms/request (%d requests)"
          % (path, pros, ms[len(ms) // 2], ms[int(len(ms) * 0.99) - 1], ms[-1], cpu, n))
PY
