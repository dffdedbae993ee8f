#!/bin/bash
# kring end-to-end benchmark: generate a community, serve it, wrk the pages.
# Prints numbers, not verdicts.  Everything runs on 127.0.0.1 and is bounded;
# every child process is stopped on exit.
#
#   ./bench/run.sh                      10,000 people, 1,000,000 posts
#   BENCH_PEOPLE=2000 BENCH_POSTS=100000 ./bench/run.sh
#
# Environment:
#   BENCH_PEOPLE, BENCH_POSTS   dataset size (default 10000, 1000000)
#   BENCH_DATA=DIR              reuse a data directory made by an earlier run
#                               (skips generation; the posting run adds posts to it)
#   BENCH_KEEP=1                keep the generated data directory (path printed)
#   BENCH_DURATION=10           seconds per wrk run
#   BENCH_CONNS=50 BENCH_THREADS=2   wrk connections and threads
#   KRING=build/release/kring   the binary
#   BENCH_GEN=build/release/kring-bench-data   the data generator
set -euo pipefail

cd "$(dirname "$0")/.."
KRING=${KRING:-build/release/kring}
GEN_BIN=${BENCH_GEN:-build/release/kring-bench-data}
PEOPLE=${BENCH_PEOPLE:-10000}
POSTS=${BENCH_POSTS:-1000000}
DUR=${BENCH_DURATION:-10}
CONNS=${BENCH_CONNS:-50}
WTHREADS=${BENCH_THREADS:-2}
PW="bench-password-123"

for tool in wrk nginx curl sqlite3 python3; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is missing (run scripts/install-deps.sh as root)" >&2; exit 1; }
done
[ -x "$KRING" ] || { echo "bench: $KRING is missing (make build/release/kring)" >&2; exit 1; }
[ -x "$GEN_BIN" ] || [ -n "${BENCH_DATA:-}" ] || { echo "bench: $GEN_BIN is missing (make build/release/kring-bench-data)" >&2; exit 1; }

mkdir -p build/bench
WORK=$(mktemp -d "$PWD/build/bench/run.XXXXXX")
KRING_PID="" NGINX_PID="" PGDIR=""
cleanup() {
	# Only the children this script started, by pid.
	[ -n "$KRING_PID" ] && kill "$KRING_PID" 2>/dev/null && wait "$KRING_PID" 2>/dev/null || true
	[ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
	[ -n "$PGDIR" ] && { tests/pg/stop.sh "$PGDIR" >/dev/null 2>&1; rm -rf "$PGDIR"; } || true
	if [ "${BENCH_KEEP:-}" = 1 ] || [ -n "${BENCH_DATA:-}" ]; then
		rm -rf "$WORK/nginx"
		echo "bench: kept $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ---- backend: SQLite (default) or a private PostgreSQL (BENCH_DB=pg) ----
DBARGS=""
BACKEND=sqlite
if [ "${BENCH_DB:-sqlite}" = pg ]; then
	BACKEND=postgresql
	PGDIR=$(mktemp -d /tmp/kring-bench-pg.XXXXXX)
	PGPORT=$(tests/pg/start.sh "$PGDIR")
	psql -X -q -h 127.0.0.1 -p "$PGPORT" -U kring -d postgres -c "CREATE DATABASE bench"
	DBARGS="--db postgresql://kring@127.0.0.1:$PGPORT/bench"
	[ -n "${BENCH_DATA:-}" ] && { echo "bench: BENCH_DATA works with SQLite only" >&2; exit 1; }
fi
echo "bench: backend $BACKEND"

# ---- data ----
if [ -n "${BENCH_DATA:-}" ]; then
	DATA=$BENCH_DATA
	GEN="reused $DATA"
	echo "bench: reusing $DATA"
	PEOPLE=$(sqlite3 "$DATA/kring.db" "SELECT COUNT(*) FROM accounts WHERE kind = 0")
	POSTS=$(sqlite3 "$DATA/kring.db" "SELECT COUNT(*) FROM posts")
else
	DATA=$WORK/data
	echo "bench: generating $PEOPLE people, $POSTS posts into $DATA"
	t0=$(now_ms)
	# shellcheck disable=SC2086
	timeout 1800 "$GEN_BIN" --data "$DATA" $DBARGS --people "$PEOPLE" --posts "$POSTS" --password "$PW"
	GEN="$(( ($(now_ms) - t0) / 100 ))"
	GEN="$((GEN / 10)).$((GEN % 10)) s"
	echo "bench: generation took $GEN"
fi
DB=$DATA/kring.db
# One SQL query against whichever backend runs.
q() {
	if [ "$BACKEND" = postgresql ]; then
		psql -X -A -t -q -h 127.0.0.1 -p "$PGPORT" -U kring -d bench -c "$1"
	else
		sqlite3 "$DB" "$1"
	fi
}

# ---- server ----
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
t0=$(now_ms)
# KRING_POST_RATE=0: no per-writer posting limit, or the posting row measures 429s.
# KRING_MAX_CONNECTIONS_PER_ADDRESS=0: wrk is one address (as a reverse proxy would
# be), and BENCH_CONNS may pass the default of 64.
# shellcheck disable=SC2086
KRING_POST_RATE=0 KRING_MAX_CONNECTIONS_PER_ADDRESS=0 "$KRING" serve --listen "127.0.0.1:$PORT" --data "$DATA" $DBARGS >"$WORK/kring.log" 2>&1 &
KRING_PID=$!
START=""
for _ in $(seq 1 2000); do
	if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/healthz" || true)" = 200 ]; then
		START="$(( $(now_ms) - t0 )) ms"
		break
	fi
	kill -0 "$KRING_PID" 2>/dev/null || { echo "bench: kring exited:" >&2; tail -20 "$WORK/kring.log" >&2; exit 1; }
	sleep 0.005
done
[ -n "$START" ] || { echo "bench: kring did not answer /healthz within 10 s" >&2; exit 1; }
echo "bench: kring serving on $BASE (start to first 200 on /healthz: $START)"

# ---- log in as person1 (the login form uses a double-submit CSRF cookie) ----
JAR=$WORK/cookies
login_csrf=$(curl -s -c "$JAR" -b "$JAR" --max-time 10 "$BASE/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --max-time 30 -H "Origin: $BASE" \
	--data-urlencode "csrf=$login_csrf" --data-urlencode "username=person1" \
	--data-urlencode "password=$PW" "$BASE/login"
SESSION=$(awk '$6 == "kring_session" { print $7 }' "$JAR")
[ -n "$SESSION" ] || { echo "bench: cannot log in as person1" >&2; exit 1; }
COOKIE="kring_session=$SESSION"
curl -s --max-time 30 -H "Cookie: $COOKIE" -o "$WORK/home.html" "$BASE/"
CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$WORK/home.html" | head -1)
[ -n "$CSRF" ] || { echo "bench: no csrf token on the home page" >&2; exit 1; }
echo "bench: logged in as person1; home page is $(wc -c <"$WORK/home.html") bytes"

# A thread with replies, newest first, and a tag that has posts.
THREAD=$(q "SELECT id FROM posts WHERE visibility = 0 AND deleted = 0 AND reblog_of = 0
	AND in_reply_to = 0 AND replies >= 3 ORDER BY id DESC LIMIT 1" 2>/dev/null || true)
[ -n "$THREAD" ] || THREAD=$(q "SELECT MAX(id) FROM posts WHERE visibility = 0 AND reblog_of = 0")
TAG=dementie

# ---- wrk ----
cat >"$WORK/post.lua" <<EOF
-- POST /posts with the session's CSRF token; every text differs a little.
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$COOKIE"
wrk.headers["Origin"] = "$BASE"
request = function()
	n = n + 1
	local body = "csrf=$CSRF&visibility=public&text=Benchmarkbericht+" .. n ..
		"+over+de+zorg+in+de+wijk+%23zorg"
	return wrk.format(nil, "/posts", nil, body)
end
EOF

# Wait (bounded) until the server has worked off what the last run left
# queued, so one row's backlog does not count against the next.
settle() {
	local url=$1
	for _ in $(seq 1 60); do
		curl -s -o /dev/null --max-time 2 "$url" && { sleep 1; return 0; }
	done
	echo "bench: server still busy after 2 minutes" >&2
}

SETTLE_URL=$BASE/healthz
ROWS=()
# run NAME URL [wrk args...]: one row of the table
run() {
	local name=$1 url=$2
	shift 2
	# BENCH_ROWS=feeds: only the home timeline, posting and nginx rows.
	if [ "${BENCH_ROWS:-all}" = feeds ]; then
		case "$name" in *home*|*posting*|nginx*) ;; *) return 0 ;; esac
	fi
	settle "$SETTLE_URL"
	local out=$WORK/wrk.$(( ${#ROWS[@]} )).txt
	timeout $((DUR + 30)) wrk -t"$WTHREADS" -c"$CONNS" -d"${DUR}s" --timeout 10s --latency "$@" "$url" >"$out" 2>&1 || true
	local rps p50 p99 errs
	rps=$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$out")
	p50=$(awk '$1 == "50%" { print $2 }' "$out")
	p99=$(awk '$1 == "99%" { print $2 }' "$out")
	if ! grep -q "^ *[1-9][0-9]* requests in" "$out"; then
		p50="none done"
		p99="none done"
	fi
	errs=$(awk '/Non-2xx or 3xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
	ROWS+=("| $name | ${rps:-?} | ${p50:-?} | ${p99:-?} | $errs |")
	# the server's peak so far, so a jump in peak RSS names its row
	local hwm
	hwm=$(awk '/^VmHWM/ { printf "%.1f MB", $2 / 1024 }' "/proc/$KRING_PID/status" 2>/dev/null || true)
	echo "bench: $name: ${rps:-?} req/s, p50 ${p50:-?}, p99 ${p99:-?}, errors $errs (peak RSS so far ${hwm:-?})"
	LAST_RPS=${rps:-0}
}

echo "bench: wrk -t$WTHREADS -c$CONNS -d${DUR}s per row"
run "home timeline page \`/\` (person1 follows 200)" "$BASE/" -H "Cookie: $COOKIE"
HOME_RPS=$LAST_RPS
run "local timeline \`/local\`" "$BASE/local"
run "thread \`/posts/ID\`" "$BASE/posts/$THREAD"
run "profile \`/@person1\`" "$BASE/@person1"
run "search \`/search?q=zorg\`" "$BASE/search?q=zorg"
run "hashtag \`/tags/$TAG\`" "$BASE/tags/$TAG"
GROUP=$(q "SELECT name FROM groups ORDER BY id LIMIT 1" 2>/dev/null || true)
if [ -n "$GROUP" ]; then
	run "group timeline \`/g/$GROUP\` (person1 is a member)" "$BASE/g/$GROUP" -H "Cookie: $COOKIE"
else
	ROWS+=("| group timeline | n/a (no groups in the data) | | | |")
fi

# The client API, if it exists yet: an app, then a token by the password grant.
API_TOKEN=""
app=$(curl -s --max-time 10 -X POST "$BASE/api/v1/apps" --data-urlencode "client_name=bench" \
	--data-urlencode "redirect_uris=urn:ietf:wg:oauth:2.0:oob" --data-urlencode "scopes=read write" || true)
cid=$(printf '%s' "$app" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("client_id",""))' 2>/dev/null || true)
csec=$(printf '%s' "$app" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("client_secret",""))' 2>/dev/null || true)
if [ -n "$cid" ]; then
	tok=$(curl -s --max-time 30 -X POST "$BASE/oauth/token" --data-urlencode "grant_type=password" \
		--data-urlencode "client_id=$cid" --data-urlencode "client_secret=$csec" \
		--data-urlencode "username=person1" --data-urlencode "password=$PW" --data-urlencode "scope=read write" || true)
	API_TOKEN=$(printf '%s' "$tok" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("access_token",""))' 2>/dev/null || true)
fi
api_status=000
[ -n "$API_TOKEN" ] && api_status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 \
	-H "Authorization: Bearer $API_TOKEN" "$BASE/api/v1/timelines/home?limit=40" || true)
if [ "$api_status" = 200 ]; then
	curl -s --max-time 30 -H "Authorization: Bearer $API_TOKEN" -o "$WORK/home.json" \
		"$BASE/api/v1/timelines/home?limit=40"
	echo "bench: home timeline API answer is $(wc -c <"$WORK/home.json") bytes"
	run "home timeline API (40 posts)" "$BASE/api/v1/timelines/home?limit=40" -H "Authorization: Bearer $API_TOKEN"
	API_RPS=$LAST_RPS
	# The same request with an address that differs every time (an unknown
	# argument, ignored): never answered from the response cache, so this
	# row is the cost of building the answer.
	cat >"$WORK/nocache.lua" <<EOF
local n, id, threads = 0, 0, 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
function init(args) id = wrk.thread:get("id") end
request = function()
	n = n + 1
	return wrk.format(nil, "/api/v1/timelines/home?limit=40&bench=" .. id .. "-" .. n)
end
EOF
	run "home timeline API (40 posts), every request a cache miss" "$BASE/" -s "$WORK/nocache.lua" \
		-H "Authorization: Bearer $API_TOKEN"
elif [ -z "$API_TOKEN" ]; then
	ROWS+=("| home timeline API (40 posts) | n/a (API not yet built) | | | |")
	echo "bench: home timeline API: n/a (API not yet built)"
else
	ROWS+=("| home timeline API (40 posts) | n/a (answered $api_status within 60 s) | | | |")
	echo "bench: home timeline API: answered $api_status within 60 s"
fi

posts_before=$(q "SELECT COUNT(*) FROM posts")
run "posting \`POST /posts\` (durable)" "$BASE/posts" -s "$WORK/post.lua"
posts_after=$(q "SELECT COUNT(*) FROM posts")
echo "bench: posting stored $((posts_after - posts_before)) posts"

# Posting by the account with the most followers: each post is added to the
# home feed of every follower in the post's own transaction (fan-out on write).
TOP=$(q "SELECT a.username || ' ' || t.n FROM accounts a JOIN (SELECT followee_id, COUNT(*) AS n FROM follows
	GROUP BY followee_id ORDER BY n DESC LIMIT 1) t ON t.followee_id = a.id" 2>/dev/null || true)
TOP_USER=${TOP%% *}
TOP_N=${TOP##* }
JAR2=$WORK/cookies2
c2=$(curl -s -c "$JAR2" -b "$JAR2" --max-time 10 "$BASE/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$JAR2" -b "$JAR2" --max-time 30 -H "Origin: $BASE" \
	--data-urlencode "csrf=$c2" --data-urlencode "username=$TOP_USER" \
	--data-urlencode "password=$PW" "$BASE/login"
S2=$(awk '$6 == "kring_session" { print $7 }' "$JAR2")
C2=$(curl -s --max-time 30 -H "Cookie: kring_session=$S2" "$BASE/" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
if [ -n "$S2" ] && [ -n "$C2" ]; then
	sed -e "s/$COOKIE/kring_session=$S2/" -e "s/csrf=$CSRF/csrf=$C2/" "$WORK/post.lua" >"$WORK/post2.lua"
	feeds_before=$(q "SELECT COUNT(*) FROM feeds" 2>/dev/null || echo 0)
	run "posting by \`$TOP_USER\` ($TOP_N followers, fan-out on write)" "$BASE/posts" -s "$WORK/post2.lua"
	feeds_after=$(q "SELECT COUNT(*) FROM feeds" 2>/dev/null || echo 0)
	echo "bench: fan-out wrote $((feeds_after - feeds_before)) feed rows"
	# Time from a post by TOP_USER to its rows in all its readers' feeds (the
	# flusher has taken it out of feed_pending), BENCH_FEED_SAMPLES single posts
	# one after another while person1 posts flat out (write load).  The
	# follower sees the post at once either way (read from the queue).
	settle "$SETTLE_URL"
	TOP_ID=$(q "SELECT id FROM accounts WHERE username = '$TOP_USER'")
	timeout $((DUR + 30)) wrk -t1 -c8 -d$((DUR * 2))s -s "$WORK/post.lua" "$BASE/posts" >/dev/null 2>&1 &
	LOAD_PID=$!
	sleep 1
	LAGS=()
	for i in $(seq 1 "${BENCH_FEED_SAMPLES:-10}"); do
		t0=$(now_ms)
		curl -s -o /dev/null --max-time 10 -H "Cookie: kring_session=$S2" -H "Origin: $BASE" \
			--data-urlencode "csrf=$C2" --data-urlencode "visibility=public" \
			--data-urlencode "text=Naar de feeds $i" "$BASE/posts"
		pid=$(q "SELECT MAX(id) FROM posts WHERE author_id = $TOP_ID")
		for _ in $(seq 1 500); do
			[ "$(q "SELECT COUNT(*) FROM feed_pending WHERE post_id = $pid")" = 0 ] && break
			sleep 0.01
		done
		LAGS+=("$(( $(now_ms) - t0 ))")
	done
	kill "$LOAD_PID" 2>/dev/null || true
	wait "$LOAD_PID" 2>/dev/null || true
	FEED_LAG=$(printf '%s\n' "${LAGS[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "median %d ms, max %d ms (%d posts)", v[int((NR + 1) / 2)], v[NR], NR }')
	echo "bench: post by $TOP_USER to all feeds, under write load: $FEED_LAG"
else
	echo "bench: cannot log in as $TOP_USER" >&2
fi

RSS=$(awk '/^VmHWM/ { printf "%.1f MB", $2 / 1024 }' "/proc/$KRING_PID/status" || true)
kill "$KRING_PID" 2>/dev/null || true
wait "$KRING_PID" 2>/dev/null || true
KRING_PID=""
if [ "$BACKEND" = postgresql ]; then
	DBSIZE=$(psql -X -A -t -h 127.0.0.1 -p "$PGPORT" -U kring -d bench \
		-c "SELECT pg_database_size('bench') / 1048576" 2>/dev/null | awk '{ printf "%s MB", $1 }')
else
	DBSIZE=$(du -cb "$DB"* 2>/dev/null | awk 'END { printf "%.0f MB", $1 / 1048576 }' || true)
fi

# ---- the nginx ceiling: the same bytes as a static file ----
NG=$WORK/nginx
mkdir -p "$NG/www" "$NG/tmp"
cp "$WORK/home.html" "$NG/www/home.html"
[ -f "$WORK/home.json" ] && cp "$WORK/home.json" "$NG/www/home.json"
chmod -R a+rX "$WORK"
NPORT=$(free_port)
cat >"$NG/nginx.conf" <<EOF
worker_processes 2;
pid $NG/nginx.pid;
error_log $NG/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $NG/tmp; proxy_temp_path $NG/tmp; fastcgi_temp_path $NG/tmp;
	uwsgi_temp_path $NG/tmp; scgi_temp_path $NG/tmp;
	server {
		listen 127.0.0.1:$NPORT;
		location = / { root $NG/www; default_type text/html; try_files /home.html =404; }
		location = /home.json { root $NG/www; default_type application/json; }
	}
}
EOF
nginx -c "$NG/nginx.conf" -g 'daemon off;' >"$NG/stdout.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 200); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$NPORT/" || true)" = 200 ] && break
	sleep 0.05
done
SETTLE_URL=http://127.0.0.1:$NPORT/
run "nginx: the same home page as a static file" "http://127.0.0.1:$NPORT/"
NGINX_RPS=$LAST_RPS
NGINX_API_RPS=""
if [ -f "$NG/www/home.json" ]; then
	run "nginx: the same home timeline API answer as a static file" "http://127.0.0.1:$NPORT/home.json"
	NGINX_API_RPS=$LAST_RPS
fi
kill "$NGINX_PID" 2>/dev/null || true
wait "$NGINX_PID" 2>/dev/null || true
NGINX_PID=""

RATIO="n/a"
if awk -v n="${NGINX_RPS:-0}" 'BEGIN { exit !(n > 0) }' && [ -n "${HOME_RPS:-}" ]; then
	RATIO=$(awk -v k="$HOME_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "%.2f%%", 100 * k / n }')
fi
API_RATIO="n/a"
if [ -n "$NGINX_API_RPS" ] && [ -n "${API_RPS:-}" ]; then
	API_RATIO=$(awk -v k="$API_RPS" -v n="$NGINX_API_RPS" 'BEGIN { printf "%.2f%%", 100 * k / n }')
fi

# ---- report ----
echo
echo "## kring benchmark: $PEOPLE people, $POSTS post rows"
echo
echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1);" \
	"wrk -t$WTHREADS -c$CONNS -d${DUR}s on 127.0.0.1"
echo
echo "| what | req/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
echo
echo "| measure | value |"
echo "|---|---|"
echo "| data generation | $GEN |"
echo "| start (exec to first 200 on /healthz) | $START |"
echo "| peak RSS of kring (VmHWM) | $RSS |"
echo "| post by the most-followed account to all its readers' feeds, under write load | ${FEED_LAG:-n/a} |"
echo "| backend | $BACKEND |"
echo "| database on disk | $DBSIZE |"
echo "| home page: kring / nginx static | $RATIO |"
echo "| home timeline API: kring / nginx static | $API_RATIO |"
echo "| load average at the end (other work on the machine) | $(cut -d' ' -f1-3 /proc/loadavg) |"
