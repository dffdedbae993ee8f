#!/bin/bash
# Where a request's CPU goes on PostgreSQL: kring's process against all of
# PostgreSQL's processes, for the home API built afresh (every request a
# cache miss) and the home page (docs/scaling.md uses these figures).
# Counts each process's user+system clock ticks (/proc/PID/stat) around a
# wrk run, and the statements one request of each sends (server log).
# usage: bench/pg_split.sh [KRING_BIN [GEN_BIN [PEOPLE [POSTS [SECONDS]]]]]
# Starts a private PostgreSQL (tests/pg/start.sh) and removes it at the end.
set -u
cd "$(dirname "$0")/.."
. bench/login.sh
KRING=${1:-build/release/kring} GEN=${2:-build/release/kring-bench-data}
PEOPLE=${3:-2000} POSTS=${4:-20000} DUR=${5:-10}
PW=bench-password-123
W=$(mktemp -d /tmp/kring-pgsplit.XXXXXX)
pgdir=$(mktemp -d /tmp/kring-pgsplit-pg.XXXXXX)
pgport=$(tests/pg/start.sh "$pgdir") || exit 1
KP=""
trap '[ -n "$KP" ] && kill $KP 2>/dev/null; tests/pg/stop.sh "$pgdir" >/dev/null 2>&1; rm -rf "$W" "$pgdir"' EXIT
psql -X -q -h 127.0.0.1 -p "$pgport" -U kring -d postgres -c "CREATE DATABASE bench" || exit 1
URL=postgresql://kring@127.0.0.1:$pgport/bench
"$GEN" --data "$W/data" --db "$URL" --people "$PEOPLE" --posts "$POSTS" --password "$PW" >/dev/null 2>&1 ||
	{ echo "pg_split: data generation failed" >&2; exit 1; }
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$port
KRING_MAX_CONNECTIONS_PER_ADDRESS=0 "$KRING" serve --listen "127.0.0.1:$port" --data "$W/data" --db "$URL" >"$W/serve.log" 2>&1 &
KP=$!
for _ in $(seq 1 200); do curl -s -o /dev/null --max-time 1 "$BASE/healthz" && break; sleep 0.05; done

# An API token (password grant) and a page session (bench/login.sh).
TOK=$(bench_token "$BASE" person1 "$PW" "read write")
JAR=$W/jar
COOKIE=$(bench_cookie "$BASE" "$JAR" person1 "$PW")
[ -n "$TOK" ] && [ "$COOKIE" != "kring_session=" ] || { echo "pg_split: cannot log in" >&2; exit 1; }

cat >"$W/nocache.lua" <<'EOF'
local n = 0
request = function() n = n + 1; return wrk.format(nil, "/api/v1/timelines/home?limit=40&split=" .. n) end
EOF
ticks() { # kring's ticks, then the sum of PostgreSQL's processes' ticks
	local k p=0 t pid
	k=$(awk '{print $14 + $15}' "/proc/$KP/stat")
	for pid in $(pgrep -u postgres -x postgres); do
		t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || t=0
		p=$((p + ${t:-0}))
	done
	echo "$k $p"
}
hz=$(getconf CLK_TCK)
row() { # name, wrk arguments...
	local name=$1 k0 p0 k1 p1 out n
	shift
	read -r k0 p0 < <(ticks)
	out=$(wrk -t1 -c16 -d"${DUR}s" "$@")
	read -r k1 p1 < <(ticks)
	n=$(printf '%s\n' "$out" | awk '/requests in/ {print $1}')
	[ -n "$n" ] && [ "$n" -gt 0 ] || { echo "| $name | no requests | | |"; return; }
	awk -v name="$name" -v n="$n" -v d="$DUR" -v k=$((k1 - k0)) -v p=$((p1 - p0)) -v hz="$hz" 'BEGIN {
		printf "| %s | %.0f | %.2f ms | %.2f ms | %.2f |\n", name, n / d, 1000 * k / hz / n, 1000 * p / hz / n, p / (k ? k : 1) }'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $PEOPLE people, $POSTS posts"
echo "| request | req/s | kring CPU per request | PostgreSQL CPU per request | PostgreSQL / kring |"
echo "|---|---:|---:|---:|---:|"
row "home API, cache miss" -s "$W/nocache.lua" -H "Authorization: Bearer $TOK" "$BASE/"
row "home page" -H "Cookie: $COOKIE" "$BASE/"

# Statements per request, from the server's log.
psql -X -q -h 127.0.0.1 -p "$pgport" -U kring -d bench -c "ALTER SYSTEM SET log_min_duration_statement = 0" \
	-c "SELECT pg_reload_conf()" >/dev/null
sleep 1
log=$pgdir/data/server.log
# One request's statements: those of the backend that looked up its token or
# session (the job workers and the feed flusher log theirs too).
one() { # marker, curl arguments...
	local marker=$1 from
	shift
	from=$(wc -l <"$log")
	curl -s -o /dev/null "$@"
	sleep 0.5
	tail -n +"$((from + 1))" "$log" | awk -v m="$marker" '
		/duration: .* execute/ { line[NR] = $0; pid[NR] = $3; if (!who && index($0, m)) who = $3 }
		END { n = 0; for (i in line) if (pid[i] == who) n++; print n }'
}
echo "statements: home API $(one 'FROM oauth_tokens' -H "Authorization: Bearer $TOK" "$BASE/api/v1/timelines/home?limit=40&split=one"), home page $(one 'FROM sessions s JOIN' -H "Cookie: $COOKIE" "$BASE/?split=one")"

# Bytes on disk per row (table, its indexes and TOAST), for docs/scaling.md.
psql -X -q -A -t -F ' ' -h 127.0.0.1 -p "$pgport" -U kring -d bench -c "
	SELECT t, n, CASE WHEN n > 0 THEN pg_total_relation_size(t::regclass) / n END
	FROM (VALUES ('posts', (SELECT count(*) FROM posts)), ('feeds', (SELECT count(*) FROM feeds)),
	             ('follows', (SELECT count(*) FROM follows)), ('notifications', (SELECT count(*) FROM notifications))) v(t, n)" |
	while read -r t n b; do echo "$t: $n rows, ${b:-?} bytes per row"; done
