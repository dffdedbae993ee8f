/* Unit tests for core/media_sniff.c: the type comes from the bytes alone,
 * sizes from headers (bombs), truncation, and the WebP metadata stripper. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/core.h"
#include "core/media_int.h"
#include "store/store_media.h"

#define SNIFF(lit, s) media_sniff((const unsigned char *)(lit), sizeof(lit) - 1, (s))

static void test_images(void **state)
{
	struct sniff s;
	assert_true(SNIFF("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
	                  "\xff\xc0\x00\x11\x08\x0b\xb8\x0f\xa0\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xd9",
	                  &s));
	assert_int_equal(s.type, SNIFF_JPEG);
	assert_int_equal(s.kind, MEDIA_IMAGE);
	assert_int_equal(s.width, 4000);
	assert_int_equal(s.height, 3000);
	/* PNG: size from IHDR, truncation when IEND is not last. */
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01\x86\xa0\x00\x01\x86\xa0"
	                                   "\x08\x02\x00\x00\x00\x00\x00\x00\x00"
	                                   "\x00\x00\x00\x00IEND\xae\x42\x60\x82";
	assert_true(media_sniff(png, sizeof png - 1, &s));
	assert_int_equal(s.type, SNIFF_PNG);
	assert_int_equal(s.width, 100000);
	assert_int_equal(s.height, 100000);
	assert_false(s.truncated);
	assert_true(media_sniff(png, sizeof png - 5, &s));
	assert_true(s.truncated);
	assert_true(SNIFF("GIF89a\x40\x01\xf0\x00\x00\x00\x00\x3b", &s));
	assert_int_equal(s.type, SNIFF_GIF);
	assert_int_equal(s.width, 320);
	assert_int_equal(s.height, 240);
	assert_false(s.truncated);
	assert_true(SNIFF("GIF87a\x40\x01\xf0\x00\x00\x00\x00", &s));
	assert_true(s.truncated);
	/* WebP: RIFF size beyond the data is truncation. */
	assert_true(SNIFF("RIFF\x16\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\x3f\x01\x00\xef\x00\x00", &s));
	assert_int_equal(s.type, SNIFF_WEBP);
	assert_int_equal(s.width, 320);
	assert_int_equal(s.height, 240);
	assert_false(s.truncated);
	assert_true(SNIFF("RIFF\xff\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\x3f\x01\x00\xef\x00\x00", &s));
	assert_true(s.truncated);
	assert_true(SNIFF("\x00\x00\x00\x18" "ftypheic\x00\x00\x00\x00mif1heic", &s));
	assert_int_equal(s.type, SNIFF_HEIF);
}

static void test_audio_video(void **state)
{
	struct sniff s;
	assert_true(SNIFF("OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	                  "\x01\x13OpusHead",
	                  &s));
	assert_int_equal(s.type, SNIFF_OGG);
	assert_int_equal(s.kind, MEDIA_AUDIO);
	assert_string_equal(s.ffformat, "ogg");
	assert_true(SNIFF("ID3\x04\x00\x00\x00\x00\x00\x00", &s));
	assert_int_equal(s.type, SNIFF_MP3);
	assert_true(SNIFF("\xff\xfb\x90\x64\x00\x00", &s));
	assert_int_equal(s.type, SNIFF_MP3);
	assert_true(SNIFF("\x00\x00\x00\x20" "ftypM4A \x00\x00\x02\x00M4A isommp42", &s));
	assert_int_equal(s.type, SNIFF_M4A);
	assert_int_equal(s.kind, MEDIA_AUDIO);
	assert_true(SNIFF("\x00\x00\x00\x20" "ftypisom\x00\x00\x02\x00isomiso2avc1mp41", &s));
	assert_int_equal(s.type, SNIFF_MP4);
	assert_int_equal(s.kind, MEDIA_VIDEO);
	assert_true(SNIFF("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08"
	                  "\x42\x82\x84webm\x42\x87\x81\x04",
	                  &s));
	assert_int_equal(s.type, SNIFF_WEBM);
	/* Matroska that is not WebM, and QuickTime brands we do not take. */
	assert_false(SNIFF("\x1a\x45\xdf\xa3\x9f\x42\x82\x88matroska", &s));
	assert_false(SNIFF("\x00\x00\x00\x14" "ftypcrx \x00\x00\x00\x00crx ", &s));
}

static void test_refused(void **state)
{
	struct sniff s;
	assert_false(SNIFF("<!doctype html><script>alert(1)</script>", &s));
	assert_false(SNIFF("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", &s));
	assert_false(SNIFF("<svg onload=alert(1)>", &s));
	assert_false(SNIFF("#!/bin/sh\nrm -rf /\n", &s));
	assert_false(SNIFF("PK\x03\x04", &s));
	assert_false(SNIFF("%PDF-1.7", &s));
	assert_false(SNIFF("BM\x00\x00", &s));
	assert_false(SNIFF("", &s));
	assert_false(SNIFF("\xff\xd8", &s));
	assert_false(SNIFF("\xff\xfb", &s));
	assert_int_equal(s.type, SNIFF_UNKNOWN);
}

static void test_jpeg_walk_bounded(void **state)
{
	/* A segment length pointing past the end, and a zero length. */
	struct sniff s;
	assert_true(SNIFF("\xff\xd8\xff\xe1\xff\xff", &s));
	assert_int_equal(s.width, 0);
	assert_true(SNIFF("\xff\xd8\xff\xe1\x00\x00\xff\xc0", &s));
	assert_int_equal(s.width, 0);
}

static void test_webp_strip(void **state)
{
	unsigned char w[] = "RIFF\x3a\x00\x00\x00WEBP"
	                    "VP8X\x0a\x00\x00\x00\x2c\x00\x00\x00\x3f\x01\x00\xef\x00\x00"
	                    "EXIF\x05\x00\x00\x00GPS!!\x00"
	                    "VP8 \x04\x00\x00\x00" "abcd"
	                    "XMP \x02\x00\x00\x00<x";
	size_t n = sizeof w - 1;
	size_t m = webp_strip(w, n);
	assert_int_equal(m, 12 + 18 + 12);
	assert_memory_equal(w + 12, "VP8X", 4);
	assert_int_equal(w[20], 0x00); /* ICC, EXIF, XMP flags cleared */
	assert_memory_equal(w + 30, "VP8 \x04\x00\x00\x00" "abcd", 12);
	assert_int_equal(w[4], m - 8);
	assert_null(memmem(w, m, "GPS", 3));
	/* Malformed: a chunk running past the end. */
	unsigned char bad[] = "RIFF\x10\x00\x00\x00WEBPVP8 \xff\x00\x00\x00";
	assert_int_equal(webp_strip(bad, sizeof bad - 1), 0);
	unsigned char notwebp[] = "RIFF\x04\x00\x00\x00WAVE";
	assert_int_equal(webp_strip(notwebp, sizeof notwebp - 1), 0);
}

/* What may be decoded: the limits, and a file far too small for its pixels. */
static void test_pixel_budget(void **state)
{
	(void)state;
	assert_false(media_too_many_pixels(4000, 3000, 2000000));        /* a 12 MP photo */
	assert_false(media_too_many_pixels(4000, 3000, 20000));          /* small: under the bomb size */
	assert_false(media_too_many_pixels(6000, 6000, 400000));         /* 36 MP, 0.011 bytes a pixel */
	assert_true(media_too_many_pixels(7000, 7000, 8000000));         /* 49 MP: over the limit */
	assert_true(media_too_many_pixels(7000, 7000, 154 * 1024));      /* the review's PNG */
	assert_true(media_too_many_pixels(5000, 5000, 150000));          /* 25 MP in 150 KB */
	assert_true(media_too_many_pixels(CORE_MEDIA_MAX_SIDE + 1, 10, 1000));
	assert_true(media_too_many_pixels(100000, 100000, 12000000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_audio_video),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_jpeg_walk_bounded),
		cmocka_unit_test(test_webp_strip),
		cmocka_unit_test(test_pixel_budget),
	};
	return cmocka_run_group_tests_name("media_sniff", tests, NULL, NULL);
}
