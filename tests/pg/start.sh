#!/bin/sh
# Start a private PostgreSQL 15 for the tests: `tests/pg/start.sh DIR` makes
# DIR/data (initdb), listens on 127.0.0.1 on a free port only, and writes the
# port to DIR/port.  `tests/pg/stop.sh DIR` stops it.  As root, initdb refuses
# to run, so the server runs as the `postgres` system user.
set -eu
dir=${1:?usage: start.sh DIR}
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$bin/initdb" ] || { echo "start.sh: no PostgreSQL server binaries (install postgresql)" >&2; exit 1; }
mkdir -p "$dir"
as=""
if [ "$(id -u)" -eq 0 ]; then
	chown postgres "$dir"
	chmod 700 "$dir"
	as="runuser -u postgres --"
fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
	$as "$bin/initdb" -D "$dir/data" -U kring --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
fi
# Started again (a test restarting the database): the same port.
if [ -s "$dir/port" ]; then
	port=$(cat "$dir/port")
else
	port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fi
$as "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 30 \
	-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300" start >/dev/null
echo "$port" > "$dir/port"
echo "$port"
