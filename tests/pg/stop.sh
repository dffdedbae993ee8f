#!/bin/sh
# Stop the private PostgreSQL started by start.sh DIR and remove DIR
# (KEEP=1: keep it, to start it again on the same port).
set -u
dir=${1:?usage: stop.sh DIR}
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
as=""
[ "$(id -u)" -eq 0 ] && as="runuser -u postgres --"
if [ -f "$dir/data/postmaster.pid" ]; then
	$as "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1
fi
[ "${KEEP:-}" ] || rm -rf "$dir"
