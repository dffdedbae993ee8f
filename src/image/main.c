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
 * On top of the rlimits the job sets, the program confines itself before it
 * decodes anything: libvips may use only the loaders of the formats we
 * accept (no untrusted loaders, no ImageMagick, PDF, SVG ...), and a seccomp
 * filter allows only the system calls decoding needs.  The input is read and
 * every output file opened first, so the filter allows no open, no socket,
 * no exec and no fork: a decoder exploit can write to the files it was
 * given and nothing else, and anything else kills the process.
 *
 *   kring-image IN OUTDIR [--blur]
 *   kring-image --look IN          (the checks only, no files: a video's frames)
 *   kring-image --check-sandbox    (confine, then try a socket: must be killed)
 *
 * writes OUTDIR/main.webp and OUTDIR/tWIDTH.webp (smaller widths only) and
 * prints what it wrote, one line each, then the dominant colour:
 *   file main.webp WIDTH HEIGHT
 *   file t640.webp WIDTH HEIGHT
 *   colour #rrggbb
 * and what the privacy checks saw in the picture (src/image/look.c):
 *   faces N / blurred N / text LINE / note WHY
 * With --blur the faces found are made unrecognisable in every file written.
 * On failure it prints "error WHY" and exits 1.  Files it did not write are
 * left empty (they were opened before the sandbox).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
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
#include "image/look.h"

/* Thumbnail widths for srcset; only those smaller than the image are made. */
static const int thumb_widths[] = {320, 640, 1280};

/* Every file the program may write, opened before the sandbox closes. */
static const char *const out_names[] = {"main.webp", "t320.webp", "t640.webp", "t1280.webp"};
#define NOUT (sizeof out_names / sizeof out_names[0])
static int out_fd[NOUT];

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

static int open_outputs(const char *dir)
{
	for (size_t i = 0; i < NOUT; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, out_names[i]);
		if ((out_fd[i] = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0)
			return -1;
	}
	return 0;
}

static int write_all(const char *name, const void *d, size_t n)
{
	int fd = -1;
	for (size_t i = 0; i < NOUT; i++)
		if (!strcmp(out_names[i], name))
			fd = out_fd[i];
	if (fd < 0)
		return -1;
	const char *p = d;
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * The system calls decoding and encoding need, found by tracing every
 * format we accept (and the error paths); everything else kills the
 * process.  Threads (libvips starts a few even at concurrency 1) may be
 * created, processes not: clone only with CLONE_THREAD, and clone3, whose
 * flags a filter cannot see, answers ENOSYS so the C library falls back
 * to clone.  Opening a file answers EACCES rather than killing, so a
 * library that looks for a configuration file on an error path fails
 * cleanly.
 */
static int sandbox(void)
{
	static const int allow[] = {
		/* the descriptors it has (fstat is newfstatat with AT_EMPTY_PATH in glibc) */
		SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(close), SCMP_SYS(lseek), SCMP_SYS(fstat), SCMP_SYS(newfstatat),
		/* memory (mmap and mprotect below) */
		SCMP_SYS(munmap), SCMP_SYS(mremap), SCMP_SYS(madvise), SCMP_SYS(brk),
		/* threads and their signals */
		SCMP_SYS(futex), SCMP_SYS(set_robust_list), SCMP_SYS(rseq), SCMP_SYS(sched_yield),
		SCMP_SYS(sched_getaffinity), SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigaction), SCMP_SYS(rt_sigreturn),
		SCMP_SYS(getpid), SCMP_SYS(gettid),
		/* time, randomness, the end */
		SCMP_SYS(clock_gettime), SCMP_SYS(clock_nanosleep), SCMP_SYS(nanosleep), SCMP_SYS(getrandom),
		SCMP_SYS(exit), SCMP_SYS(exit_group),
	};
	scmp_filter_ctx f = seccomp_init(SCMP_ACT_KILL_PROCESS);
	if (!f)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < sizeof allow / sizeof allow[0] && !rc; i++)
		rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, allow[i], 0);
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
		                      SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD));
	/* Memory, but never executable: no code can be mapped or made. */
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
	/* glib names its threads. */
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(prctl), 1, SCMP_A0(SCMP_CMP_EQ, PR_SET_NAME));
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 0);
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 0);
	if (!rc)
		rc = seccomp_load(f);
	seccomp_release(f);
	return rc;
}

/* glib's default log writer probes stderr for journald (getpeername): ours
 * writes the message to stderr and nothing else. */
static GLogWriterOutput log_writer(GLogLevelFlags level, const GLogField *fields, gsize n, gpointer data)
{
	if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
		return G_LOG_WRITER_HANDLED;
	for (gsize i = 0; i < n; i++)
		if (!strcmp(fields[i].key, "MESSAGE") && fields[i].length < 0) {
			const char *m = fields[i].value;
			if (write(2, m, strlen(m)) < 0 || write(2, "\n", 1) < 0)
				break;
		}
	return G_LOG_WRITER_HANDLED;
}

/* libvips may load only the formats the sniffer accepts, and no loader
 * libvips itself marks untrusted. */
static void limit_loaders(void)
{
	vips_block_untrusted_set(TRUE);
	vips_operation_block_set("VipsForeignLoad", TRUE);
	static const char *const ok[] = {"VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadNsgif",
	                                 "VipsForeignLoadWebp", "VipsForeignLoadHeif"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		vips_operation_block_set(ok[i], FALSE);
	vips_block_untrusted_set(TRUE); /* again: the unblocking above must not undo it */
}

/* Encode im as WebP without any metadata into name. */
static int save_webp(VipsImage *im, int q, const char *name)
{
	void *buf = NULL;
	size_t n = 0;
	if (vips_webpsave_buffer(im, &buf, &n, "Q", q, "strip", TRUE, "effort", 1, NULL))
		return vips_fail("cannot encode image");
	/* libvips 8.14 writes an EXIF chunk even with strip: take it out. */
	size_t len = webp_strip(buf, n);
	int rc = !len ? fail("the encoder wrote a malformed webp")
	       : write_all(name, buf, len) ? fail("cannot write %s: %s", name, strerror(errno))
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

/*
 * The longest side the stored image may have so that it has at most
 * CORE_MEDIA_STORE_PIXELS: big photos are scaled down while they are
 * decoded (JPEG and WebP decode at 1/2, 1/4, 1/8 directly), so decoding
 * costs little more than the stored size, whatever the upload declares
 * (PNG, GIF and HEIF cannot: they are decoded line by line and resampled).
 */
static int longest_side(uint64_t w, uint64_t h)
{
	uint64_t side = w > h ? w : h;
	if (w * h <= CORE_MEDIA_STORE_PIXELS)
		return (int)side;
	double scale = sqrt((double)CORE_MEDIA_STORE_PIXELS / ((double)w * (double)h));
	int s = (int)((double)side * scale);
	return s > 1 ? s : 1;
}

/*
 * Open the image with the loader of the type the sniffer found — never by
 * asking every loader whether it knows the bytes (libvips' own way runs
 * each loader's probe, TIFF's included, on the upload).  Lazy: nothing is
 * decoded until pixels are asked for.  shrink > 1: JPEG and WebP decode at
 * 1/shrink directly.  fail: a truncated or corrupt image is an error, not
 * a grey half.
 */
static VipsImage *load(const char *raw, size_t n, enum sniff_type t, int shrink)
{
	VipsImage *im = NULL;
	void *b = (void *)raw;
	int bad;
	switch (t) {
	case SNIFF_JPEG:
		bad = vips_jpegload_buffer(b, n, &im, "access", VIPS_ACCESS_SEQUENTIAL, "fail", TRUE, "shrink", shrink, NULL);
		break;
	case SNIFF_WEBP:
		bad = vips_webpload_buffer(b, n, &im, "access", VIPS_ACCESS_SEQUENTIAL, "fail", TRUE, "scale",
		                           1.0 / shrink, NULL);
		break;
	case SNIFF_PNG:
		bad = vips_pngload_buffer(b, n, &im, "access", VIPS_ACCESS_SEQUENTIAL, "fail", TRUE, NULL);
		break;
	case SNIFF_GIF:
		bad = vips_gifload_buffer(b, n, &im, "access", VIPS_ACCESS_SEQUENTIAL, "fail", TRUE, NULL);
		break;
	case SNIFF_HEIF:
		bad = vips_heifload_buffer(b, n, &im, "access", VIPS_ACCESS_SEQUENTIAL, "fail", TRUE, NULL);
		break;
	default:
		vips_error("kring-image", "not an image we accept");
		return NULL;
	}
	return bad ? NULL : im;
}

static bool blur_faces;

static int process(const char *raw, size_t n)
{
	struct sniff sn;
	if (!media_sniff((const unsigned char *)raw, n, &sn) || sn.kind != MEDIA_IMAGE)
		return fail("not an image we accept");
	/* The header only (nothing is decoded yet): refuse a bomb before any work. */
	VipsImage *in = load(raw, n, sn.type, 1);
	if (!in)
		return vips_fail("cannot read image");
	uint64_t w = (uint64_t)vips_image_get_width(in), h = (uint64_t)vips_image_get_height(in);
	if (media_too_many_pixels(w, h, n)) {
		g_object_unref(in);
		return fail("too many pixels");
	}
	VipsImage *thumb = NULL, *srgb = NULL, *mem = NULL, *src = NULL;
	void *pixels = NULL;
	int rc = 1;
	/* Shrunk while decoding where the format can (the largest factor that
	 * still leaves at least the stored size), the rest by resampling. */
	int side = longest_side(w, h), shrink = 1;
	uint64_t big = w > h ? w : h;
	while (shrink < 8 && (sn.type == SNIFF_JPEG || sn.type == SNIFF_WEBP) && big / (uint64_t)(shrink * 2) >= (uint64_t)side)
		shrink *= 2;
	if (shrink > 1) {
		g_object_unref(in);
		if (!(in = load(raw, n, sn.type, shrink)))
			return vips_fail("cannot read image");
	}
	/* Orientation applied (so stripping the EXIF tag does not turn the
	 * photo).  The box is square, so a turned photo keeps its size. */
	if (vips_thumbnail_image(in, &thumb, side, "height", side, "size", VIPS_SIZE_DOWN, NULL)) {
		rc = vips_fail("cannot read image");
		goto out;
	}
	if (vips_colourspace(thumb, &srgb, VIPS_INTERPRETATION_sRGB, NULL)) {
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
	 * Decode once into memory (bounded by the stored size) and build a new
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
	/* The privacy checks see what is stored, and a blur changes it. */
	look_run(pixels, vips_image_get_width(srgb), vips_image_get_height(srgb), vips_image_get_bands(srgb),
	         (double)w * (double)h, blur_faces);
	if ((rc = save_webp(mem, 82, "main.webp")))
		goto out;
	/* Thumbnails from large to small, each made from the one before: a
	 * small step is cheap, a 12 MP -> 320 px step is not. */
	int width = vips_image_get_width(mem);
	src = mem;
	g_object_ref(src);
	for (size_t i = sizeof thumb_widths / sizeof thumb_widths[0]; i-- > 0 && !rc;) {
		int tw = thumb_widths[i];
		if (tw >= width && i > 0)
			continue;
		VipsImage *t, *tm;
		if (vips_thumbnail_image(src, &t, tw, "height", tw * 4, "size", VIPS_SIZE_DOWN, NULL)) {
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
		if (tw < width) {
			char name[32];
			snprintf(name, sizeof name, "t%d.webp", tw);
			rc = save_webp(tm, 75, name);
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
	if (thumb)
		g_object_unref(thumb);
	g_object_unref(in);
	return rc;
}

/* --look: the checks on one picture (a video's frame), no files written. */
static int look_only(const char *raw, size_t n)
{
	struct sniff sn;
	if (!media_sniff((const unsigned char *)raw, n, &sn) || sn.kind != MEDIA_IMAGE)
		return fail("not an image we accept");
	VipsImage *in = load(raw, n, sn.type, 1), *thumb = NULL, *srgb = NULL;
	if (!in)
		return vips_fail("cannot read image");
	uint64_t w = (uint64_t)vips_image_get_width(in), h = (uint64_t)vips_image_get_height(in);
	int rc = 1;
	void *pixels = NULL;
	size_t npix = 0;
	if (media_too_many_pixels(w, h, n))
		rc = fail("too many pixels");
	else if (vips_thumbnail_image(in, &thumb, longest_side(w, h), "height", longest_side(w, h), "size",
	                              VIPS_SIZE_DOWN, NULL) ||
	         vips_colourspace(thumb, &srgb, VIPS_INTERPRETATION_sRGB, NULL) ||
	         vips_image_get_format(srgb) != VIPS_FORMAT_UCHAR || !(pixels = vips_image_write_to_memory(srgb, &npix)))
		rc = vips_fail("cannot decode image");
	else {
		look_run(pixels, vips_image_get_width(srgb), vips_image_get_height(srgb), vips_image_get_bands(srgb),
		         (double)w * (double)h, false);
		rc = 0;
	}
	g_free(pixels);
	if (srgb)
		g_object_unref(srgb);
	if (thumb)
		g_object_unref(thumb);
	g_object_unref(in);
	return rc;
}

int main(int argc, char **argv)
{
	/* Our own stdout buffer: stdio then needs no fstat inside the sandbox. */
	static char outbuf[4096];
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	bool check = argc == 2 && !strcmp(argv[1], "--check-sandbox");
	bool look = argc == 3 && !strcmp(argv[1], "--look");
	blur_faces = argc == 4 && !strcmp(argv[3], "--blur");
	if (argc != 3 + blur_faces && !check) {
		fprintf(stderr, "usage: kring-image IN OUTDIR [--blur] | --look IN\n");
		return 2;
	}
	char *raw = NULL;
	size_t n = 0;
	if (!check && read_all(argv[look ? 2 : 1], &raw, &n))
		return fail("cannot read %s", argv[look ? 2 : 1]);
	if (!check && !look && open_outputs(argv[2]))
		return fail("cannot create the output files in %s", argv[2]);
	/* No run-time code generation (orc): it wants executable memory and a
	 * temporary file, and the sandbox allows neither. */
	setenv("VIPS_NOVECTOR", "1", 1);
	g_log_set_writer_func(log_writer, NULL, NULL);
	if (VIPS_INIT(argv[0]))
		return vips_fail("cannot start libvips");
	/* Bounded memory: no operation cache, one thread. */
	vips_cache_set_max(0);
	vips_cache_set_max_mem(0);
	vips_concurrency_set(1);
	limit_loaders();
	/* The face cascade and the OCR models are files: loaded now, unless
	 * the picture is too small to show a face or words (their loading
	 * costs more than such a picture's whole job). */
	struct sniff sn;
	if (check || !media_sniff((const unsigned char *)raw, n, &sn) || !sn.width ||
	    (uint64_t)sn.width * sn.height >= LOOK_MIN_PIXELS)
		look_init();
	fflush(stdout);
	if (sandbox())
		return fail("cannot confine the image decoder");
	if (check) {
		/* Test hook (tests/blackbox/test_media_limits.py): this must kill us. */
		int s = socket(AF_INET, SOCK_STREAM, 0);
		printf("not confined: socket %d\n", s);
		fflush(stdout);
		return 3;
	}
	int rc = look ? look_only(raw, n) : process(raw, n);
	free(raw);
	fflush(stdout);
	/* No vips_shutdown: it would only free memory, and exit does that. */
	_exit(rc);
}
