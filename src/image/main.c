/*
 * kring-image: decode one uploaded image and write it again, without any
 * metadata, as WebP in a few widths.  A program of its own, run by the
 * media job (core/media.c) for each image, so that:
 *   - the image decoders (libvips and the dozens of libraries behind it)
 *     work on a client's untrusted file in a process that holds no database
 *     connection, no session and no other client's data, under CPU, memory
 *     and file-size limits, and whose crash is one failed job;
 *   - the server itself does not load those libraries at all (memory).
 *
 *   kring-image IN OUTDIR
 *
 * writes OUTDIR/main.webp and OUTDIR/tWIDTH.webp (smaller widths only) and
 * prints what it wrote, one line each, then the dominant colour:
 *   file main.webp WIDTH HEIGHT
 *   file t640.webp WIDTH HEIGHT
 *   colour #rrggbb
 * On failure it prints "error WHY" and exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <vips/vips.h>
#pragma GCC diagnostic pop

#include "core/core.h"
#include "core/media_int.h"

/* Thumbnail widths for srcset; only those smaller than the image are made. */
static const int thumb_widths[] = {320, 640, 1280};

static int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("error ", stdout);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	return 1;
}

static int vips_fail(const char *what)
{
	const char *e = vips_error_buffer();
	return fail("%s: %.*s", what, (int)strcspn(e, "\n"), e);
}

static bool too_many_pixels(uint64_t w, uint64_t h)
{
	return w > CORE_MEDIA_MAX_SIDE || h > CORE_MEDIA_MAX_SIDE || w * h > CORE_MEDIA_MAX_PIXELS;
}

static int read_all(const char *path, char **out, size_t *n)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) || st.st_size <= 0 || (size_t)st.st_size > CORE_MEDIA_MAX_IMAGE) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	size_t len = (size_t)st.st_size, got = 0;
	char *b = malloc(len);
	while (b && got < len) {
		ssize_t r = read(fd, b + got, len - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (!b || got != len) {
		free(b);
		return -1;
	}
	*out = b;
	*n = len;
	return 0;
}

static int write_all(const char *dir, const char *name, const void *d, size_t n)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	const char *p = d;
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return close(fd);
}

/* Encode im as WebP without any metadata into dir/name. */
static int save_webp(VipsImage *im, int q, const char *dir, const char *name)
{
	void *buf = NULL;
	size_t n = 0;
	if (vips_webpsave_buffer(im, &buf, &n, "Q", q, "strip", TRUE, "effort", 1, NULL))
		return vips_fail("cannot encode image");
	/* libvips 8.14 writes an EXIF chunk even with strip: take it out. */
	size_t len = webp_strip(buf, n);
	int rc = !len ? fail("the encoder wrote a malformed webp")
	       : write_all(dir, name, buf, len) ? fail("cannot write %s: %s", name, strerror(errno))
	                                         : 0;
	g_free(buf);
	if (!rc)
		printf("file %s %d %d\n", name, vips_image_get_width(im), vips_image_get_height(im));
	return rc;
}

static void dominant_colour(VipsImage *im)
{
	if (vips_image_get_bands(im) < 3)
		return;
	int rgb[3];
	for (int b = 0; b < 3; b++) {
		VipsImage *band;
		double avg;
		if (vips_extract_band(im, &band, b, NULL))
			return;
		int bad = vips_avg(band, &avg, NULL);
		g_object_unref(band);
		if (bad)
			return;
		rgb[b] = avg < 0 ? 0 : avg > 255 ? 255 : (int)(avg + 0.5);
	}
	printf("colour #%02x%02x%02x\n", rgb[0], rgb[1], rgb[2]);
}

static int process(const char *raw, size_t n, const char *outdir)
{
	/* fail: a truncated or corrupt image is an error, not a grey half. */
	VipsImage *in = vips_image_new_from_buffer(raw, n, "", "access", VIPS_ACCESS_SEQUENTIAL, "fail", TRUE, NULL);
	if (!in)
		return vips_fail("cannot read image");
	/* The size from the header, before anything is decoded. */
	if (too_many_pixels((uint64_t)vips_image_get_width(in), (uint64_t)vips_image_get_height(in))) {
		g_object_unref(in);
		return fail("too many pixels");
	}
	VipsImage *rot = NULL, *srgb = NULL, *mem = NULL, *src = NULL;
	void *pixels = NULL;
	int rc = 1;
	/* Orientation first, so stripping the EXIF tag does not turn the photo. */
	if (vips_autorot(in, &rot, NULL)) {
		rc = vips_fail("cannot rotate");
		goto out;
	}
	if (vips_colourspace(rot, &srgb, VIPS_INTERPRETATION_sRGB, NULL)) {
		rc = vips_fail("cannot convert colours");
		goto out;
	}
	if (vips_image_get_format(srgb) != VIPS_FORMAT_UCHAR) {
		VipsImage *u8;
		if (vips_cast_uchar(srgb, &u8, NULL)) {
			rc = vips_fail("cannot convert depth");
			goto out;
		}
		g_object_unref(srgb);
		srgb = u8;
	}
	/*
	 * Decode once into memory (bounded by the pixel limit) and build a new
	 * image from the bare pixels: it has no metadata fields at all, so no
	 * EXIF, GPS, XMP, IPTC, ICC, maker note or embedded thumbnail can reach
	 * any file we write, whatever a saver's "strip" does.
	 */
	size_t npix = 0;
	if (!(pixels = vips_image_write_to_memory(srgb, &npix)) ||
	    !(mem = vips_image_new_from_memory(pixels, npix, vips_image_get_width(srgb), vips_image_get_height(srgb),
	                                       vips_image_get_bands(srgb), vips_image_get_format(srgb)))) {
		rc = vips_fail("cannot decode image");
		goto out;
	}
	if ((rc = save_webp(mem, 82, outdir, "main.webp")))
		goto out;
	/* Thumbnails from large to small, each made from the one before: a
	 * small step is cheap, a 12 MP -> 320 px step is not. */
	int width = vips_image_get_width(mem);
	src = mem;
	g_object_ref(src);
	for (size_t i = sizeof thumb_widths / sizeof thumb_widths[0]; i-- > 0 && !rc;) {
		int w = thumb_widths[i];
		if (w >= width && i > 0)
			continue;
		VipsImage *t, *tm;
		if (vips_thumbnail_image(src, &t, w, "height", w * 4, "size", VIPS_SIZE_DOWN, NULL)) {
			rc = vips_fail("cannot make thumbnail");
			break;
		}
		tm = vips_image_copy_memory(t);
		g_object_unref(t);
		if (!tm) {
			rc = vips_fail("cannot make thumbnail");
			break;
		}
		g_object_unref(src);
		src = tm;
		if (w < width) {
			char name[32];
			snprintf(name, sizeof name, "t%d.webp", w);
			rc = save_webp(tm, 75, outdir, name);
		}
		if (!rc && i == 0)
			dominant_colour(tm);
	}
out:
	if (src)
		g_object_unref(src);
	if (mem)
		g_object_unref(mem);
	g_free(pixels); /* after mem, which points into it */
	if (srgb)
		g_object_unref(srgb);
	if (rot)
		g_object_unref(rot);
	g_object_unref(in);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: kring-image IN OUTDIR\n");
		return 2;
	}
	char *raw;
	size_t n;
	if (read_all(argv[1], &raw, &n))
		return fail("cannot read %s", argv[1]);
	if (VIPS_INIT(argv[0]))
		return vips_fail("cannot start libvips");
	/* Bounded memory: no operation cache, one thread. */
	vips_cache_set_max(0);
	vips_cache_set_max_mem(0);
	vips_concurrency_set(1);
	int rc = process(raw, n, argv[2]);
	free(raw);
	fflush(stdout);
	vips_shutdown();
	return rc;
}
