#!/bin/bash
# Free slots under booking load (issue 18, docs/appointments.md): one
# provider open 40 hours a week on a 15-minute grid with buffers (the
# kring-slots-bench practice), served on 127.0.0.1.  First the free-slots API
# for 8 weeks alone, then the same while wrk fires booking requests from
# BENCH_CLIENTS clients (each may hold 20 appointments: after the calendar
# or their limit fills, the requests are 409/429 answers that still take the
# write lock).  Prints p50/p99/max of GET .../slots over BENCH_SLOTS_N
# requests each way, and the booking load's rate; numbers, not verdicts.
# Children stopped on exit, by pid.
set -euo pipefail
cd "$(dirname "$0")/.."
KRING=${KRING:-build/release/kring}
CLIENTS=${BENCH_CLIENTS:-40}
N=${BENCH_SLOTS_N:-400}
CONNS=${BENCH_CONNS:-16}
for tool in sqlite3 python3 curl wrk; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done
mkdir -p build/bench
WORK=$(mktemp -d "$PWD/build/bench/slots_load.XXXXXX")
PID="" WRK_PID=""
cleanup() {
	[ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null && wait "$WRK_PID" 2>/dev/null || true
	[ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PW=bench-password-123
"$KRING" init --data "$WORK" >/dev/null
"$KRING" user add praktijk --password "$PW" --data "$WORK" >/dev/null
"$KRING" user add praktijk2 --password "$PW" --data "$WORK" >/dev/null
for i in $(seq "$CLIENTS"); do "$KRING" user add "client$i" --password "$PW" --data "$WORK" >/dev/null; done
sqlite3 "$WORK/kring.db" "UPDATE accounts SET person_type = 1 WHERE username IN ('praktijk', 'praktijk2')"
for p in praktijk praktijk2; do "$KRING" availability set $p \
	"ma=08:00-12:00,13:00-17:00 di=08:00-12:00,13:00-17:00 wo=08:00-12:00,13:00-17:00 do=08:00-12:00,13:00-17:00 vr=08:00-12:00,13:00-17:00 pauze=10:00-10:15 slot=15 voor=5 na=5 vooraf=0 vooruit=60 controle=15 eerste_gesprek=45" \
	--data "$WORK" >/dev/null; done
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
KRING_APP_RATE=0 "$KRING" serve --listen "127.0.0.1:$PORT" --data "$WORK" >"$WORK/out" 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

# Tokens, the provider's id and the slot starts (for wrk's Lua script).
python3 - "$PORT" "$CLIENTS" "$PW" "$WORK" <<'PY'
import json, sys, time, urllib.error, urllib.parse, urllib.request
port, clients, pw, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
base = "http://127.0.0.1:%d" % port
def post(path, data):
    return json.load(urllib.request.urlopen(base + path, urllib.parse.urlencode(data).encode(), timeout=30))
app = post("/api/v1/apps", {"client_name": "bench", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"})
toks = [post("/oauth/token", {"grant_type": "password", "username": "client%d" % i, "password": pw,
                              "client_id": app["client_id"], "client_secret": app["client_secret"],
                              "scope": "read write"})["access_token"] for i in range(1, clients + 1)]
pro = json.load(urllib.request.urlopen(base + "/api/v1/accounts/lookup?acct=praktijk", timeout=30))["id"]
t = time.time()
q = urllib.parse.urlencode({"from": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t + 3600)),
                            "to": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t + 56 * 86400))})
starts = [s["start"] for s in json.load(urllib.request.urlopen(base + "/api/v1/kring/providers/%s/slots?%s" % (pro, q),
                                                             timeout=30))]
# Every third slot booked first, as in kring-slots-bench (its 414 bookings).
booked = 0
for i in range(0, len(starts), 3):
    req = urllib.request.Request(base + "/api/v1/kring/appointments",
                                 urllib.parse.urlencode({"provider_id": pro, "start": starts[i]}).encode(),
                                 headers={"Authorization": "Bearer " + toks[booked % len(toks)]})
    try:
        urllib.request.urlopen(req, timeout=30).read()
        booked += 1
    except urllib.error.HTTPError:
        pass
pro2 = json.load(urllib.request.urlopen(base + "/api/v1/accounts/lookup?acct=praktijk2", timeout=30))["id"]
for name, target in (("same", pro), ("other", pro2)):
  with open(work + "/book_%s.lua" % name, "w") as f:
    f.write("local toks = {%s}\nlocal starts = {%s}\nlocal n = 0\n" % (
        ",".join('"%s"' % x for x in toks), ",".join('"%s"' % x for x in starts)))
    f.write('request = function()\n  n = n + 1\n'
            '  local body = "provider_id=%s&start=" .. starts[math.random(#starts)]\n'
            '  return wrk.format("POST", "/api/v1/kring/appointments", {["Authorization"] = "Bearer " .. toks[(n %% #toks) + 1],'
            ' ["Content-Type"] = "application/x-www-form-urlencoded"}, body)\nend\n' % target)
with open(work + "/pro", "w") as f:
    f.write("%s\n%s\n" % (pro, q))
print("bench: provider %s, %d slots in 8 weeks, %d booked first, %d clients" % (pro, len(starts), booked, clients))
PY

measure() {
	python3 - "$PORT" "$N" "$WORK/pro" "$1" <<'PY'
import sys, time, urllib.request
port, n, what = int(sys.argv[1]), int(sys.argv[2]), sys.argv[4]
pro, q = open(sys.argv[3]).read().split()
url = "http://127.0.0.1:%d/api/v1/kring/providers/%s/slots?%s" % (port, pro, q)
ms = []
for _ in range(n):
    t = time.perf_counter()
    body = urllib.request.urlopen(url, timeout=30).read()
    ms.append((time.perf_counter() - t) * 1000)
ms.sort()
print("GET .../slots, 8 weeks, %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d requests, last answer %d bytes)"
      % (what, ms[len(ms) // 2], ms[int(len(ms) * 0.99) - 1], ms[-1], n, len(body)))
PY
}

loaded() {
	wrk -t2 -c"$CONNS" -d600s -s "$WORK/book_$1.lua" "http://127.0.0.1:$PORT" >"$WORK/wrk.out" 2>&1 &
	WRK_PID=$!
	sleep 1
	measure "$2"
	kill -INT "$WRK_PID" 2>/dev/null || true
	wait "$WRK_PID" 2>/dev/null || true
	WRK_PID=""
	booked=$(sqlite3 "$WORK/kring.db" "SELECT COUNT(*) FROM appointments WHERE state = 0")
	echo "bench:   the booking load: $(grep -E 'Requests/sec' "$WORK/wrk.out" | tr -s ' ') ($booked booked in all by then)"
}

measure "no other load"
# Bookings at another provider of the server: this one's calendar stays as it is.
loaded other "while $CONNS connections book at another provider"
# Bookings at this provider: its last free slots go within a second, then 409s.
loaded same "while $CONNS connections book at this provider (its calendar fills)"
