#ifndef CORE_MEDIA_INT_H
#define CORE_MEDIA_INT_H

/* Internal to core/: the media type sniffer (pure, unit-tested). */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum sniff_type {
	SNIFF_UNKNOWN = 0,
	SNIFF_JPEG, SNIFF_PNG, SNIFF_GIF, SNIFF_WEBP, SNIFF_HEIF,
	SNIFF_OGG, SNIFF_MP3, SNIFF_M4A, SNIFF_MP4, SNIFF_WEBM,
};

struct sniff {
	enum sniff_type type;
	int kind;                  /* enum media_kind */
	const char *mime;          /* of the upload as recognised */
	const char *ffformat;      /* ffmpeg demuxer to force (audio/video), else NULL */
	uint32_t width, height;    /* from the header when the format has them there; 0 = unknown */
	bool truncated;            /* the format's end marker is missing */
};

/*
 * Decide the type of d[0..n) from its content alone (magic bytes), never
 * from a name or a claimed type.  Returns false for anything not accepted
 * (HTML, SVG, scripts, archives, other containers).
 */
bool media_sniff(const unsigned char *d, size_t n, struct sniff *out);
/*
 * True if an image of w x h pixels in a file of `bytes` bytes may not be
 * decoded: over CORE_MEDIA_MAX_SIDE or CORE_MEDIA_MAX_PIXELS, or a
 * decompression bomb (CORE_MEDIA_BOMB_*).  From the header, before any
 * decoder runs; the server and kring-image ask the same question.
 */
bool media_too_many_pixels(uint64_t w, uint64_t h, size_t bytes);
/*
 * Remove the EXIF, XMP and ICCP chunks of a WebP file in place (and their
 * VP8X flags): the encoder may add metadata of its own.  Returns the new
 * length, or 0 if d is not a well-formed WebP file.
 */
size_t webp_strip(unsigned char *d, size_t n);

#endif
