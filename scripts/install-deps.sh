#!/bin/sh
# Install what kring needs to build, run and test, from Debian's packages.
# Idempotent and quiet when everything is present.  Run as root (or via sudo).
set -eu

PKGS="build-essential pkg-config libmicrohttpd-dev libsqlite3-dev sqlite3 libsodium-dev \
libjansson-dev libpcre2-dev libstemmer-dev libcmocka-dev gettext \
python3-pytest python3-requests wdutch chromium python3-mastodon toot wrk nginx strace \
libvips-dev libseccomp-dev libimage-exiftool-perl ffmpeg libqrencode-dev libpq-dev postgresql libssl-dev \
libcurl4-openssl-dev python3-aiosmtpd python3-cryptography libxml2-dev \
libopencv-objdetect-dev libopencv-imgproc-dev libopencv-core-dev opencv-data \
libtesseract-dev tesseract-ocr-nld imagemagick opencv-doc libical-dev libxml2-utils frogdata"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
# kring-image's privacy checks: OpenCV's face cascade (opencv-data; only the
# three libraries it links, not all of libopencv-dev) and Tesseract with Dutch.
# imagemagick makes the test pictures; opencv-doc ships the face photo the
# tests and bench/image.sh use (messi5.jpg).
# Browser and client tests run on Node.js with npm (any Node >= 18): keep a
# Node that is already there (it may come from another repository), else
# take Debian's.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing:$missing (run as root to install)" >&2
	exit 1
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
if [ ! -f /var/lib/apt/periodic/kring-updated ] || [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ]; then
	apt-get update -qq
	mkdir -p /var/lib/apt/periodic && touch /var/lib/apt/periodic/kring-updated
fi
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
