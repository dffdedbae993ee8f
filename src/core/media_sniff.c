/*
 * Content sniffing for uploads.  Only these formats are accepted; the type
 * comes from the bytes, so a script named photo.jpg stays a script and is
 * refused.  Where the header carries the size (PNG, GIF, JPEG, WebP) we read
 * it here, so a decompression bomb is refused before any decoder runs.
 */
#include <string.h>

#include "core/core.h"
#include "core/media_int.h"
#include "store/store_media.h"

static uint32_t be16(const unsigned char *p) { return (uint32_t)p[0] << 8 | p[1]; }
static uint32_t be32(const unsigned char *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static uint32_t le16(const unsigned char *p) { return (uint32_t)p[1] << 8 | p[0]; }
static uint32_t le24(const unsigned char *p) { return (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]; }
static uint32_t le32(const unsigned char *p) { return (uint32_t)p[3] << 24 | le24(p); }

bool media_too_many_pixels(uint64_t w, uint64_t h, size_t bytes)
{
	if (w > CORE_MEDIA_MAX_SIDE || h > CORE_MEDIA_MAX_SIDE || w * h > CORE_MEDIA_MAX_PIXELS)
		return true;
	return w * h > CORE_MEDIA_BOMB_PIXELS && w * h / CORE_MEDIA_BOMB_RATIO > bytes;
}

static void set(struct sniff *s, enum sniff_type t, int kind, const char *mime, const char *ff)
{
	s->type = t;
	s->kind = kind;
	s->mime = mime;
	s->ffformat = ff;
}

/* The frame size from the first SOFn marker, walking the segments. */
static void jpeg_size(const unsigned char *d, size_t n, struct sniff *s)
{
	size_t i = 2;
	while (i + 4 <= n) {
		if (d[i] != 0xff) {
			return;
		}
		unsigned m = d[i + 1];
		if (m == 0xff) { /* fill byte */
			i++;
			continue;
		}
		if (m == 0xd8 || m == 0x01 || (m >= 0xd0 && m <= 0xd7)) {
			i += 2;
			continue;
		}
		if (m == 0xd9 || m == 0xda)
			return;
		uint32_t len = be16(d + i + 2);
		if (len < 2)
			return;
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
			if (i + 9 <= n) {
				s->height = be16(d + i + 5);
				s->width = be16(d + i + 7);
			}
			return;
		}
		i += 2 + len;
	}
}

static void webp_size(const unsigned char *d, size_t n, struct sniff *s)
{
	if (n < 30)
		return;
	if (!memcmp(d + 12, "VP8X", 4)) {
		s->width = le24(d + 24) + 1;
		s->height = le24(d + 27) + 1;
	} else if (!memcmp(d + 12, "VP8 ", 4)) {
		s->width = le16(d + 26) & 0x3fff;
		s->height = le16(d + 28) & 0x3fff;
	} else if (!memcmp(d + 12, "VP8L", 4) && d[20] == 0x2f) {
		uint32_t b = le32(d + 21);
		s->width = (b & 0x3fff) + 1;
		s->height = ((b >> 14) & 0x3fff) + 1;
	}
}

static bool has_brand(const unsigned char *d, size_t n, const char *const *brands)
{
	/* ftyp box: size, "ftyp", major brand, minor version, compatible brands. */
	uint32_t box = be32(d);
	if (box < 16 || box > n)
		box = (uint32_t)(n < 64 ? n : 64);
	for (size_t off = 8; off + 4 <= box; off += 4) {
		if (off == 12)
			continue; /* minor version */
		for (const char *const *b = brands; *b; b++)
			if (!memcmp(d + off, *b, 4))
				return true;
	}
	return false;
}

static bool mp3_frame(const unsigned char *d, size_t n)
{
	/* MPEG audio frame sync, layer III, a valid bitrate and sample rate. */
	return n >= 4 && d[0] == 0xff && (d[1] & 0xe0) == 0xe0 && (d[1] & 0x06) == 0x02 && (d[1] & 0x18) != 0x08 &&
	       (d[2] & 0xf0) != 0xf0 && (d[2] & 0x0c) != 0x0c;
}

bool media_sniff(const unsigned char *d, size_t n, struct sniff *s)
{
	memset(s, 0, sizeof *s);
	if (n >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff) {
		set(s, SNIFF_JPEG, MEDIA_IMAGE, "image/jpeg", NULL);
		jpeg_size(d, n, s);
		return true;
	}
	if (n >= 8 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8)) {
		set(s, SNIFF_PNG, MEDIA_IMAGE, "image/png", NULL);
		if (n >= 24 && !memcmp(d + 12, "IHDR", 4)) {
			s->width = be32(d + 16);
			s->height = be32(d + 20);
		}
		s->truncated = n < 12 + 25 || memcmp(d + n - 8, "IEND", 4) != 0;
		return true;
	}
	if (n >= 10 && (!memcmp(d, "GIF87a", 6) || !memcmp(d, "GIF89a", 6))) {
		set(s, SNIFF_GIF, MEDIA_IMAGE, "image/gif", NULL);
		s->width = le16(d + 6);
		s->height = le16(d + 8);
		s->truncated = d[n - 1] != 0x3b;
		return true;
	}
	if (n >= 16 && !memcmp(d, "RIFF", 4) && !memcmp(d + 8, "WEBP", 4)) {
		set(s, SNIFF_WEBP, MEDIA_IMAGE, "image/webp", NULL);
		webp_size(d, n, s);
		s->truncated = (uint64_t)le32(d + 4) + 8 > n;
		return true;
	}
	if (n >= 16 && !memcmp(d + 4, "ftyp", 4)) {
		static const char *const heif[] = {"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", NULL};
		static const char *const m4a[] = {"M4A ", "M4B ", NULL};
		static const char *const mp4[] = {"isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1",
		                                  "dash", "qt  ", "MSNV", "3gp4", "3gp5", NULL};
		if (!memcmp(d + 8, "M4A ", 4) || !memcmp(d + 8, "M4B ", 4))
			set(s, SNIFF_M4A, MEDIA_AUDIO, "audio/mp4", "mov");
		else if (has_brand(d, n, heif))
			set(s, SNIFF_HEIF, MEDIA_IMAGE, "image/heif", NULL);
		else if (has_brand(d, n, m4a))
			set(s, SNIFF_M4A, MEDIA_AUDIO, "audio/mp4", "mov");
		else if (has_brand(d, n, mp4))
			set(s, SNIFF_MP4, MEDIA_VIDEO, "video/mp4", "mov");
		return s->type != SNIFF_UNKNOWN;
	}
	if (n >= 4 && !memcmp(d, "\x1a\x45\xdf\xa3", 4)) {
		/* EBML: only the WebM profile of Matroska. */
		size_t lim = n < 64 ? n : 64;
		for (size_t i = 4; i + 6 <= lim; i++)
			if (d[i] == 0x42 && d[i + 1] == 0x82 && !memcmp(d + i + 3, "webm", 4)) {
				set(s, SNIFF_WEBM, MEDIA_VIDEO, "video/webm", "matroska");
				return true;
			}
		return false;
	}
	if (n >= 28 && !memcmp(d, "OggS", 4)) {
		set(s, SNIFF_OGG, MEDIA_AUDIO, "audio/ogg", "ogg");
		return true;
	}
	if ((n >= 10 && !memcmp(d, "ID3", 3) && d[3] <= 4) || mp3_frame(d, n)) {
		set(s, SNIFF_MP3, MEDIA_AUDIO, "audio/mpeg", "mp3");
		return true;
	}
	return false;
}

size_t webp_strip(unsigned char *d, size_t n)
{
	/* RIFF header, then chunks: fourcc, little-endian size, data, pad to even. */
	if (n < 20 || memcmp(d, "RIFF", 4) || memcmp(d + 8, "WEBP", 4) || (uint64_t)le32(d + 4) + 8 != n)
		return 0;
	size_t in = 12, out = 12;
	while (in < n) {
		if (n - in < 8)
			return 0;
		uint64_t len = le32(d + in + 4);
		uint64_t whole = 8 + len + (len & 1);
		if (whole > n - in)
			return 0;
		bool drop = !memcmp(d + in, "EXIF", 4) || !memcmp(d + in, "XMP ", 4) || !memcmp(d + in, "ICCP", 4);
		if (!drop) {
			if (!memcmp(d + in, "VP8X", 4) && len >= 1)
				d[in + 8] &= (unsigned char)~(0x20 | 0x08 | 0x04); /* ICC, EXIF, XMP flags */
			memmove(d + out, d + in, (size_t)whole);
			out += (size_t)whole;
		}
		in += (size_t)whole;
	}
	uint32_t riff = (uint32_t)(out - 8);
	d[4] = (unsigned char)riff;
	d[5] = (unsigned char)(riff >> 8);
	d[6] = (unsigned char)(riff >> 16);
	d[7] = (unsigned char)(riff >> 24);
	return out;
}
