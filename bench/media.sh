#!/bin/sh
# Media benchmark: uploads per second and peak server memory for a
# 12-megapixel JPEG (4000x3000, with EXIF/GPS), and how fast the job queue
# turns them into stripped WebP files with thumbnails.  Prints numbers, no verdicts.
#
#   bench/media.sh [UPLOADS]        (default 20; needs build/release/kring)
set -eu
N=${1:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${KRING_BIN:-$ROOT/build/release/kring}
TMP=$(mktemp -d /tmp/kring-media-bench.XXXXXX)
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

ffmpeg -v error -y -f lavfi -i "testsrc2=size=4000x3000" -frames:v 1 -q:v 3 "$TMP/photo.jpg"
exiftool -q -overwrite_original -GPSLatitude=52.37 -GPSLongitude=4.89 -Make=TestCam "$TMP/photo.jpg"
"$BIN" user add bench --password bench-wachtwoord-1 --data "$TMP/data" >/dev/null
# KRING_MEDIA_RATE=0: no per-account upload limit (30 per 10 minutes), and
# enough quota for the run.  KRING_MEDIA_LOOK_WAIT=0: a post does not wait
# for its photo's privacy checks (this measures accepting uploads; the checks'
# cost is bench/image.sh's).
KRING_MEDIA_RATE=0 KRING_MEDIA_QUOTA_MB=100000 KRING_MEDIA_LOOK_WAIT=0 \
"$BIN" serve --listen 127.0.0.1:$PORT --data "$TMP/data" >/dev/null 2>"$TMP/err" &
PID=$!
python3 - "$PORT" "$N" "$TMP/photo.jpg" "$PID" "$TMP/data" <<'PY'
import os, re, sys, time, requests
port, n, photo, pid, data = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
base = "http://127.0.0.1:%s" % port
for _ in range(100):
    try:
        requests.get(base + "/healthz", timeout=1); break
    except requests.RequestException:
        time.sleep(0.05)
def hwm():
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
s = requests.Session()
csrf = lambda html: re.search(r'name="csrf" value="([^"]*)"', html).group(1)
r = s.post(base + "/login", data={"csrf": csrf(s.get(base + "/login").text), "username": "bench",
           "password": "bench-wachtwoord-1", "next": "/"}, allow_redirects=False)
token = csrf(s.get(base + "/").text)
body = open(photo, "rb").read()
idle = hwm()
t0 = time.time()
posts = []
for i in range(n):
    r = s.post(base + "/posts", data={"csrf": token, "text": "foto %d" % i, "visibility": "public",
               "alt1": "testbeeld"}, files=[("media", ("p.jpg", body, "image/jpeg"))], allow_redirects=False)
    assert r.status_code == 303, r.status_code
    posts.append(r.headers["Location"].split("?")[0])
t1 = time.time()
def ready(p):
    t = s.get(base + p).text
    return 'class="media"' in t and "wordt verwerkt" not in t
while not all(ready(p) for p in posts[-1:]) or not all(ready(p) for p in posts):
    time.sleep(0.1)
t2 = time.time()
peak = hwm()
files = sum(len(fs) for _, _, fs in os.walk(os.path.join(data, "media")) ) 
print("input: 12-megapixel JPEG (4000x3000), %.1f MB, %d uploads" % (len(body) / 1e6, n))
print("uploads accepted per second (sniff, header check, durable store, job queued): %.1f" % (n / (t1 - t0)))
print("images processed per second (decode, rotate, re-encode WebP, 3 thumbnails, colour): %.2f" % (n / (t2 - t0)))
print("time from first upload to last image ready: %.1f s" % (t2 - t0))
print("server peak memory (VmHWM): %d MB (idle before uploads: %d MB)" % (peak, idle))
PY
