# Sourced by the benchmark scripts: a page session and an API token for a
# bench-data person (every bench-data account has the password
# bench-password-123), on a kring at BASE.  127.0.0.1 only.

# bench_cookie BASE JAR USER PASSWORD: log in through the form; prints the
# Cookie header's value ("kring_session=…", empty session if it failed).
bench_cookie() {
	local base=$1 jar=$2 c
	rm -f "$jar"
	c=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -s -o /dev/null -c "$jar" -b "$jar" -H "Origin: $base" --data-urlencode "csrf=$c" \
		--data-urlencode "username=$3" --data-urlencode "password=$4" "$base/login"
	printf 'kring_session=%s' "$(awk '$6 == "kring_session" { print $7 }' "$jar")"
}

# bench_token BASE USER PASSWORD [SCOPES]: an app and a password-grant
# token; prints the token (empty if it failed).
bench_token() {
	local base=$1 scope=${4:-read} app js
	js='import json,sys; print(json.load(sys.stdin).get(sys.argv[1], ""))'
	app=$(curl -s -X POST "$base/api/v1/apps" --data-urlencode "client_name=bench" \
		--data-urlencode "redirect_uris=urn:ietf:wg:oauth:2.0:oob" --data-urlencode "scopes=$scope")
	curl -s -X POST "$base/oauth/token" --data-urlencode "grant_type=password" \
		--data-urlencode "client_id=$(printf '%s' "$app" | python3 -c "$js" client_id)" \
		--data-urlencode "client_secret=$(printf '%s' "$app" | python3 -c "$js" client_secret)" \
		--data-urlencode "username=$2" --data-urlencode "password=$3" --data-urlencode "scope=$scope" |
		python3 -c "$js" access_token
}

# bench_serve KRING DIR: starts `KRING serve` with the data in DIR on a free
# 127.0.0.1 port, without the posting limit and the per-address connection
# limit (a benchmark is one address), its log in DIR/kring.log; sets PORT,
# BASE and P (the server's pid) and waits up to 20 s for /healthz.  Call it
# in the script's own shell (not in $(...)), so the variables stay set.
bench_serve() {
	PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	BASE=http://127.0.0.1:$PORT
	KRING_POST_RATE=0 KRING_MAX_CONNECTIONS_PER_ADDRESS=0 "$1" serve --listen "127.0.0.1:$PORT" --data "$2" \
		>"$2/kring.log" 2>&1 &
	P=$!
	for _ in $(seq 1 400); do curl -s -o /dev/null --max-time 1 "$BASE/healthz" && break; sleep 0.05; done
}
