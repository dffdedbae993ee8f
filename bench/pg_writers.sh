#!/bin/bash
# Posting (durable, `POST /posts`) with one and with two kring processes on
# one PostgreSQL database (issue 15: writers of different rows no longer
# queue on one database-wide lock).  person1 posts through process A alone,
# then person1 through A and person2 through B at once; each twice: with a
# tag every post shares (#zorg: one tag_stats row for all) and without.
# usage: bench/pg_writers.sh [KRING_BIN [GEN_BIN [PEOPLE [POSTS [SECONDS]]]]]
# Starts a private PostgreSQL (tests/pg/start.sh) and removes it at the end.
set -u
KRING=${1:-build/release/kring} GEN=${2:-build/release/kring-bench-data} PEOPLE=${3:-500} POSTS=${4:-5000} DUR=${5:-5}
W=$(mktemp -d /tmp/kring-pgw.XXXXXX)
pgdir=$(mktemp -d /tmp/kring-pgw-pg.XXXXXX)
pgport=$(tests/pg/start.sh $pgdir) || exit 1
trap 'tests/pg/stop.sh $pgdir; rm -rf $W' EXIT
db=p2_$(basename $W | tr -dc 'a-z0-9')
psql -X -q -h 127.0.0.1 -p $pgport -U kring -d postgres -c "CREATE DATABASE $db"
URL=postgresql://kring@127.0.0.1:$pgport/$db
PW=bench-password-1
$GEN --data $W/data --db $URL --people $PEOPLE --posts $POSTS --password $PW >/dev/null 2>&1 || { echo gen failed; exit 1; }
fp() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start() { # port data
	KRING_POST_RATE=0 KRING_MAX_CONNECTIONS_PER_ADDRESS=0 $KRING serve --listen 127.0.0.1:$1 --data $2 --db $URL >$2.log 2>&1 &
	echo $!
	for _ in $(seq 1 200); do curl -s -o /dev/null --max-time 1 http://127.0.0.1:$1/healthz && break; sleep 0.05; done
}
mkdir -p $W/d2
PA=$(fp); PB=$(fp)
A=$(start $PA $W/data); B=$(start $PB $W/d2)
lua() { # port user file
	local base=http://127.0.0.1:$1 jar=$W/jar.$2
	local c=$(curl -s -c $jar -b $jar "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -s -o /dev/null -c $jar -b $jar -H "Origin: $base" --data-urlencode "csrf=$c" --data-urlencode "username=$2" --data-urlencode "password=$PW" "$base/login"
	local s=$(awk '$6 == "kring_session" { print $7 }' $jar)
	local cs=$(curl -s -H "Cookie: kring_session=$s" "$base/" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
	cat > $3 <<L
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "kring_session=$s"
wrk.headers["Origin"] = "$base"
request = function()
	n = n + 1
	return wrk.format(nil, "/posts", nil, "csrf=$cs&visibility=public&text=Benchmarkbericht+" .. n .. "+over+de+zorg+in+de+wijk+$TAGS")
end
L
}
for TAGS in "%23zorg" ""; do
lua $PA person1 $W/a.lua; lua $PB person2 $W/b.lua
n0=$(psql -X -A -t -q -h 127.0.0.1 -p $pgport -U kring -d $db -c "SELECT COUNT(*) FROM posts")
wrk -t1 -c25 -d${DUR}s --latency -s $W/a.lua http://127.0.0.1:$PA/posts > $W/one.txt 2>&1
sleep 2
wrk -t1 -c25 -d${DUR}s --latency -s $W/a.lua http://127.0.0.1:$PA/posts > $W/twoA.txt 2>&1 &
wrk -t1 -c25 -d${DUR}s --latency -s $W/b.lua http://127.0.0.1:$PB/posts > $W/twoB.txt 2>&1
wait %1 2>/dev/null; sleep 1
n1=$(psql -X -A -t -q -h 127.0.0.1 -p $pgport -U kring -d $db -c "SELECT COUNT(*) FROM posts")
r() { awk '/^Requests\/sec:/ {print $2} /Non-2xx/ {print "non2xx", $NF}' $1 | tr '\n' ' '; awk '$1=="50%"||$1=="99%" {printf "%s %s ", $1, $2}' $1; echo; }
echo "tags='$TAGS' one process: $(r $W/one.txt)"
echo "tags='$TAGS' two processes: A $(r $W/twoA.txt) | B $(r $W/twoB.txt)"
echo "posts stored over both runs: $((n1 - n0))"
done
kill $A $B; wait 2>/dev/null
echo "sql errors logged: $(cat $W/data.log $W/d2.log | grep -ci 'sql.*failed')"
