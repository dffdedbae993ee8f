#!/bin/sh
# Image privacy checks benchmark: pictures per second through kring-image for
# a 12-megapixel photo (4000x3000 JPEG) with a face and a name-and-birth-date
# label in it, with the checks (faces and OCR) on, and off for comparison
# (KRING_IMAGE_LOOK=0).  One picture at a time, as the media job runs them.
# Prints numbers, no verdicts.
#
#   bench/image.sh [N]              (default 10; needs build/release/kring-image,
#                                    ImageMagick and opencv-doc's messi5.jpg)
set -eu
N=${1:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOL=${KRING_IMAGE_TOOL:-$ROOT/build/release/kring-image}
FACE=/usr/share/doc/opencv-doc/examples/data/messi5.jpg
[ -x "$TOOL" ] || { echo "bench: $TOOL is missing (make build/release/kring-image)" >&2; exit 1; }
[ -f "$FACE" ] || { echo "bench: $FACE is missing (scripts/install-deps.sh)" >&2; exit 1; }
TMP=$(mktemp -d /tmp/kring-image-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT INT TERM

# A 12 MP photo: the face photo enlarged, a label in a corner, sensor noise.
convert "$FACE" -resize 4000x3000! \
	\( -size 1400x520 xc:#f4f1ea -font DejaVu-Sans -pointsize 64 -fill '#202020' \
	   -annotate +70+210 'Mw. J. de Vries' -annotate +70+330 'geb. 12-03-1941' -background '#8a8f96' -rotate 4 \) \
	-geometry +2400+2300 -composite -attenuate 0.3 +noise Gaussian -quality 90 "$TMP/photo.jpg"
mkdir -p "$TMP/out"

run() { # $1 = label, $2 = KRING_IMAGE_LOOK
	t0=$(date +%s%N)
	i=0
	while [ $i -lt "$N" ]; do
		KRING_IMAGE_LOOK=$2 "$TOOL" "$TMP/photo.jpg" "$TMP/out" >"$TMP/said" 2>/dev/null
		i=$((i + 1))
	done
	t1=$(date +%s%N)
	ms=$(( (t1 - t0) / 1000000 ))
	cpu=$(sh -c "KRING_IMAGE_LOOK=$2 /usr/bin/time -f '%U %S %M' '$TOOL' '$TMP/photo.jpg' '$TMP/out' 2>&1 >/dev/null | tail -1")
	c=$(echo "$cpu" | awk '{print $1 + $2}')
	# wall clock on this machine (shared), and per core from the CPU time of one run
	printf '%-28s %6.2f images/s wall (%d ms each)  %5.2f images/s per core (cpu %s s)  peak %s MB\n' "$1" \
		"$(echo "$N * 1000 / $ms" | bc -l)" $((ms / N)) "$(echo "1 / $c" | bc -l)" "$c" \
		"$(echo "$cpu" | awk '{print int($3 / 1024)}')"
}
echo "kring-image, 12 MP JPEG (4000x3000) with a face and a label, $N runs, $(nproc) cores:"
run "checks off (decode+encode)" 0
run "faces + OCR on" 1
echo "what the checks saw:"; KRING_IMAGE_LOOK=1 "$TOOL" "$TMP/photo.jpg" "$TMP/out" 2>/dev/null | grep -v '^file\|^colour'
