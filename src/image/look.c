/*
 * kring-image's look at the picture itself: faces and text (see look.h).
 * Runs inside the helper's sandbox; everything that opens a file, loads a
 * model or starts a thread is done in look_init, before it closes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <tesseract/capi.h>
#pragma GCC diagnostic pop

#include "image/faces.h"
#include "image/look.h"

#define CASCADE "/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml"
#define TESSDATA "/usr/share/tesseract-ocr/5/tessdata"

static bool faces_ok;
static TessBaseAPI *ocr;

static bool look_off, look_ready;

int look_init(void)
{
	/* KRING_IMAGE_LOOK=0: no checks (bench/image.sh's comparison only). */
	const char *off = getenv("KRING_IMAGE_LOOK");
	if ((look_off = off && !strcmp(off, "0")))
		return 0;
	look_ready = true;
	const char *c = getenv("KRING_FACE_CASCADE");
	faces_ok = faces_init(c && *c ? c : CASCADE) == 0;
	/* One thread for Tesseract as for libvips: the job runs one picture at a time. */
	setenv("OMP_THREAD_LIMIT", "1", 1);
	ocr = TessBaseAPICreate();
	if (ocr && TessBaseAPIInit3(ocr, TESSDATA, "nld")) {
		TessBaseAPIDelete(ocr);
		ocr = NULL;
	}
	if (ocr) {
		/* A photo: find text anywhere, in any layout. */
		TessBaseAPISetPageSegMode(ocr, PSM_SPARSE_TEXT);
		TessBaseAPISetVariable(ocr, "debug_file", "/dev/null");
	}
	return faces_ok && ocr ? 0 : -1;
}

/* 8-bit grey from sRGB(A) or grey(A) pixels. */
static unsigned char *to_grey(const unsigned char *px, int w, int h, int bands)
{
	size_t n = (size_t)w * (size_t)h;
	unsigned char *g = malloc(n ? n : 1);
	if (!g)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *p = px + i * (size_t)bands;
		g[i] = bands >= 3 ? (unsigned char)((p[0] * 77 + p[1] * 150 + p[2] * 29) >> 8) : p[0];
	}
	return g;
}

/* Box-average down to a scale with at most max_pixels (grey). */
static unsigned char *shrink(const unsigned char *g, int w, int h, double max_pixels, int *ow, int *oh)
{
	double f = 1.0;
	while ((double)w / f * ((double)h / f) > max_pixels)
		f += 0.25;
	int nw = (int)(w / f), nh = (int)(h / f);
	if (nw < 1 || nh < 1)
		return NULL;
	unsigned char *o = malloc((size_t)nw * (size_t)nh);
	if (!o)
		return NULL;
	for (int y = 0; y < nh; y++) {
		int y0 = (int)(y * f), y1 = (int)((y + 1) * f);
		if (y1 > h)
			y1 = h;
		if (y1 <= y0)
			y1 = y0 + 1;
		for (int x = 0; x < nw; x++) {
			int x0 = (int)(x * f), x1 = (int)((x + 1) * f);
			if (x1 > w)
				x1 = w;
			if (x1 <= x0)
				x1 = x0 + 1;
			unsigned sum = 0, cnt = 0;
			for (int yy = y0; yy < y1; yy++)
				for (int xx = x0; xx < x1; xx++, cnt++)
					sum += g[(size_t)yy * (size_t)w + (size_t)xx];
			o[(size_t)y * (size_t)nw + (size_t)x] = (unsigned char)(sum / cnt);
		}
	}
	*ow = nw;
	*oh = nh;
	return o;
}

/*
 * Make a face unrecognisable in the stored pixels: the box, a quarter
 * larger on each side, becomes a mosaic of at most 5 x 5 blocks, each the
 * average of what it covers (nothing of the face's detail survives).
 */
static void blur_box(unsigned char *px, int w, int h, int bands, struct face_box b)
{
	int x0 = b.x - b.w / 4, y0 = b.y - b.h / 4, x1 = b.x + b.w + b.w / 4, y1 = b.y + b.h + b.h / 4;
	x0 = x0 < 0 ? 0 : x0;
	y0 = y0 < 0 ? 0 : y0;
	x1 = x1 > w ? w : x1;
	y1 = y1 > h ? h : y1;
	int block = (x1 - x0) / 5;
	if (block < 4)
		block = 4;
	for (int by = y0; by < y1; by += block)
		for (int bx = x0; bx < x1; bx += block) {
			int ex = bx + block > x1 ? x1 : bx + block, ey = by + block > y1 ? y1 : by + block;
			uint64_t sum[4] = {0, 0, 0, 0}, cnt = 0;
			for (int y = by; y < ey; y++)
				for (int x = bx; x < ex; x++, cnt++)
					for (int k = 0; k < bands && k < 4; k++)
						sum[k] += px[((size_t)y * (size_t)w + (size_t)x) * (size_t)bands + (size_t)k];
			if (!cnt)
				continue;
			for (int y = by; y < ey; y++)
				for (int x = bx; x < ex; x++)
					for (int k = 0; k < bands && k < 4; k++)
						px[((size_t)y * (size_t)w + (size_t)x) * (size_t)bands + (size_t)k] =
						        (unsigned char)(sum[k] / cnt);
		}
}

/* Print one line of read text: control characters become spaces. */
static size_t print_text(const char *s, size_t budget)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	if (!n || !budget)
		return 0;
	if (n > budget) {
		n = budget;
		/* not in the middle of a UTF-8 sequence */
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	fputs("text ", stdout);
	for (size_t i = 0; i < n; i++)
		putchar((unsigned char)s[i] < 0x20 ? ' ' : s[i]);
	putchar('\n');
	return n;
}

/*
 * Read text: words Tesseract is at least fairly sure of (confidence 60 of
 * 100), a line at a time.  Texture and noise give short words of low
 * confidence; a label, a wristband or a letter gives words it is sure of.
 */
/* CPU time of this process, in ms (a budget that a busy machine does not eat). */
static int64_t cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t ocr_cpu_end;
static bool ocr_cut;

static bool ocr_cancel(void *unused, int words)
{
	(void)unused;
	(void)words;
	return ocr_cut = ocr_cut || cpu_ms() > ocr_cpu_end;
}

static void read_text(const unsigned char *g, int w, int h)
{
	ETEXT_DESC *mon = TessMonitorCreate();
	TessBaseAPISetImage(ocr, g, w, h, 1, w);
	TessBaseAPISetSourceResolution(ocr, 150);
	/* LOOK_OCR_MS of CPU time; three times that of wall-clock time as a
	 * backstop for a machine so busy the CPU budget never runs out. */
	ocr_cpu_end = cpu_ms() + LOOK_OCR_MS;
	ocr_cut = false;
	if (mon) {
		TessMonitorSetCancelFunc(mon, ocr_cancel);
		TessMonitorSetDeadlineMSecs(mon, 3 * LOOK_OCR_MS);
	}
	if (TessBaseAPIRecognize(ocr, mon) || ocr_cut) {
		printf("note text: reading stopped after %d ms\n", LOOK_OCR_MS);
		/* what it read so far is still reported */
	}
	TessResultIterator *it = TessBaseAPIGetIterator(ocr);
	char line[1024];
	size_t ll = 0, budget = LOOK_TEXT_MAX;
	if (it) {
		TessPageIterator *pit = TessResultIteratorGetPageIterator(it);
		do {
			char *word = TessResultIteratorGetUTF8Text(it, RIL_WORD);
			float conf = TessResultIteratorConfidence(it, RIL_WORD);
			/* a word has a letter or a digit: lone marks are texture */
			bool alnum = false;
			for (const char *c = word; c && *c && !alnum; c++)
				alnum = ((unsigned char)*c & 0x80) || (*c >= '0' && *c <= '9') || ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z');
			if (word && conf >= 60.0f && alnum) {
				size_t wl = strlen(word);
				if (ll + wl + 2 < sizeof line) {
					if (ll)
						line[ll++] = ' ';
					memcpy(line + ll, word, wl);
					ll += wl;
				}
			}
			if (word)
				TessDeleteText(word);
			if (TessPageIteratorIsAtFinalElement(pit, RIL_TEXTLINE, RIL_WORD) && ll) {
				line[ll] = '\0';
				budget -= print_text(line, budget);
				ll = 0;
			}
		} while (budget && TessPageIteratorNext(pit, RIL_WORD));
		if (ll && budget) {
			line[ll] = '\0';
			print_text(line, budget);
		}
		TessResultIteratorDelete(it);
	}
	TessBaseAPIClear(ocr);
	if (mon)
		TessMonitorDelete(mon);
}

void look_run(unsigned char *px, int w, int h, int bands, double orig_pixels, bool blur)
{
	if (look_off)
		return;
	if (!look_ready || (double)w * h < LOOK_MIN_PIXELS) {
		printf("faces 0\nnote too small to show a face or words\n");
		return;
	}
	unsigned char *g = to_grey(px, w, h, bands);
	if (!g) {
		printf("note faces: no memory\nnote text: no memory\n");
		return;
	}
	if (faces_ok) {
		struct face_box box[LOOK_MAX_FACES];
		int n = faces_detect(g, w, h, w, LOOK_FACE_SIDE, box, LOOK_MAX_FACES);
		if (n < 0) {
			printf("note faces: the check failed\n");
		} else {
			printf("faces %d\n", n);
			if (blur) {
				/* The faces counted, and whatever an eager search finds
				 * besides (a weaker face, a face half turned). */
				int k = n < LOOK_MAX_FACES ? n : LOOK_MAX_FACES;
				int e = faces_detect_eager(g, w, h, w, LOOK_FACE_SIDE, box + k, LOOK_MAX_FACES - k);
				k += e < 0 ? 0 : e < LOOK_MAX_FACES - k ? e : LOOK_MAX_FACES - k;
				for (int i = 0; i < k; i++)
					blur_box(px, w, h, bands, box[i]);
				printf("blurred %d\n", k);
			}
		}
	} else {
		printf("note faces: the check is not available\n");
	}
	if (!ocr) {
		printf("note text: the check is not available\n");
	} else if (orig_pixels > LOOK_OCR_SKIP) {
		printf("note text: not read, the picture is larger than %d megapixels\n", LOOK_OCR_SKIP / 1000000);
	} else if ((double)w * h > LOOK_OCR_HALF) {
		/* Half size (each pixel the average of four) or less: a camera's
		 * noise averages out and letters come near the size Tesseract reads
		 * best; and at most LOOK_OCR_PIXELS, the time budget's size. */
		int sw, sh;
		double budget = (double)w * h / 4 < LOOK_OCR_PIXELS ? (double)w * h / 4 : LOOK_OCR_PIXELS;
		unsigned char *s = shrink(g, w, h, budget, &sw, &sh);
		if (s)
			read_text(s, sw, sh);
		else
			printf("note text: no memory\n");
		free(s);
	} else {
		read_text(g, w, h);
	}
	free(g);
}
