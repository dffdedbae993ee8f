/*
 * Media: uploads, processing jobs, access to stored files, avatars.
 *
 * Care's rule: a photo must never carry a client's location or identity by
 * accident.  So nothing a client sent is ever served: images are decoded
 * and re-encoded (WebP, orientation applied, no EXIF/GPS/XMP/IPTC/ICC,
 * maker notes or embedded thumbnails); audio and video are remuxed by
 * ffmpeg with all container metadata, chapters and data streams dropped.
 * The raw upload waits in DATA/media/tmp (never served) for its job.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"
#include "core/plan.h"
#include "core/thuis.h"
#include "core/media_int.h"

#define JOB_KIND "media"
#define JOB_SWEEP "media-sweep"

static char media_dir[512]; /* DATA/media; empty until core_media_open */
static char image_tool[600]; /* the kring-image program */
static struct core *media_core;
/* Per-account limits (core.h), overridable from the environment in tests. */
static int upload_rate = CORE_MEDIA_UPLOADS;
static int64_t quota_all = CORE_MEDIA_QUOTA, quota_loose = CORE_MEDIA_QUOTA_LOOSE;
static int look_wait = CORE_MEDIA_LOOK_WAIT;

/* ---- files on disk ---- */

static int mkdir_p(const char *path)
{
	if (mkdir(path, 0700) && errno != EEXIST)
		return ERR_IO;
	return 0;
}

static char *file_path(struct arena *a, const char *sha, const char *ext)
{
	return arena_printf(a, "%s/%.2s/%s.%s", media_dir, sha, sha + 2, ext);
}

static char *tmp_path(struct arena *a, uint64_t id)
{
	return arena_printf(a, "%s/tmp/%llu.upload", media_dir, (unsigned long long)id);
}

/* Write all of d to path durably (temp file, fsync, rename). */
static int write_file(const char *path, const void *d, size_t n)
{
	char tmp[640];
	snprintf(tmp, sizeof tmp, "%s.%llu.part", path, (unsigned long long)id_new());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		log_err("cannot create %s: %s", tmp, strerror(errno));
		return ERR_IO;
	}
	const char *p = d;
	size_t left = n;
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			log_err("cannot write %s: %s", tmp, strerror(errno));
			close(fd);
			unlink(tmp);
			return ERR_IO;
		}
		p += w;
		left -= (size_t)w;
	}
	if (fsync(fd) || close(fd) || rename(tmp, path)) {
		log_err("cannot store %s: %s", path, strerror(errno));
		unlink(tmp);
		return ERR_IO;
	}
	return 0;
}

/* Read a whole file (at most max bytes) into a heap buffer. */
static int read_file(const char *path, size_t max, char **out, size_t *n)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? ERR_NOTFOUND : ERR_IO;
	struct stat st;
	if (fstat(fd, &st) || (size_t)st.st_size > max) {
		close(fd);
		return ERR_TOOBIG;
	}
	size_t len = (size_t)st.st_size;
	char *b = xmalloc(len + 1);
	size_t got = 0;
	while (got < len) {
		ssize_t r = read(fd, b + got, len - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (got != len) {
		free(b);
		return ERR_IO;
	}
	*out = b;
	*n = len;
	return 0;
}

static void sha256_hex(const void *d, size_t n, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, d, n);
	sodium_bin2hex(out, 65, h, sizeof h);
}

/* Store bytes under their hash; fills f's sha256, size. */
static int store_bytes(struct arena *a, const void *d, size_t n, struct media_file *f)
{
	char sha[65];
	sha256_hex(d, n, sha);
	f->sha256 = arena_strdup(a, sha);
	f->size = (int64_t)n;
	char *dir = arena_printf(a, "%s/%.2s", media_dir, sha);
	if (mkdir_p(dir))
		return ERR_IO;
	char *path = file_path(a, sha, f->ext);
	struct stat st;
	if (stat(path, &st) == 0 && (size_t)st.st_size == n)
		return 0; /* the same bytes are there already */
	return write_file(path, d, n);
}

/* ---- start ---- */

static int job_run(void *ctx, const char *arg, char *why, size_t whylen);
static void job_failed(void *ctx, const char *arg, const char *why);
static int sweep_run(void *ctx, const char *arg, char *why, size_t whylen);

static const struct job_handler handlers[] = {
	{.kind = JOB_KIND, .run = job_run, .failed = job_failed},
	{.kind = JOB_SWEEP, .run = sweep_run},
};

/* kring-image next to this program, unless KRING_IMAGE_TOOL names another. */
static void find_image_tool(void)
{
	const char *env = getenv("KRING_IMAGE_TOOL");
	if (env && *env) {
		snprintf(image_tool, sizeof image_tool, "%s", env);
	} else {
		char self[512];
		ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
		self[n > 0 ? n : 0] = '\0';
		char *slash = strrchr(self, '/');
		if (slash)
			*slash = '\0';
		snprintf(image_tool, sizeof image_tool, "%s/kring-image", slash ? self : ".");
	}
	if (access(image_tool, X_OK))
		log_warn("%s is missing: uploaded images cannot be processed", image_tool);
}

int core_media_open(struct core *c, const char *data_dir, const struct job_handler **h, size_t *n)
{
	snprintf(media_dir, sizeof media_dir, "%s/media", data_dir);
	char tmp[600];
	snprintf(tmp, sizeof tmp, "%s/tmp", media_dir);
	if (mkdir_p(data_dir) || mkdir_p(media_dir) || mkdir_p(tmp)) {
		log_err("cannot create media directory %s: %s", media_dir, strerror(errno));
		media_dir[0] = '\0';
		return ERR_IO;
	}
	find_image_tool();
	uint64_t v;
	const char *e = getenv("KRING_MEDIA_RATE");
	if (e && parse_u64(e, &v) && v < 1000000)
		upload_rate = (int)v;
	e = getenv("KRING_MEDIA_LOOK_WAIT");
	if (e && parse_u64(e, &v) && v <= 600)
		look_wait = (int)v;
	e = getenv("KRING_MEDIA_QUOTA_MB");
	if (e && parse_u64(e, &v) && v > 0 && v < (1u << 30)) {
		quota_all = (int64_t)v << 20;
		if (quota_loose > quota_all)
			quota_loose = quota_all;
	}
	media_core = c;
	/* The sweep of unattached uploads: now, then every CORE_MEDIA_SWEEP_EVERY. */
	if (store_job_ensure(c->store, JOB_SWEEP, "", time_now()))
		log_warn("cannot queue the sweep of unattached uploads");
	if (h) {
		*h = handlers;
		*n = sizeof handlers / sizeof handlers[0];
	}
	return 0;
}

void core_media_close(void)
{
	media_core = NULL;
}

int core_media_run_jobs(struct core *c)
{
	return job_run_due(c->store, handlers, sizeof handlers / sizeof handlers[0]);
}

/* ---- upload ---- */

static int check_alt(const char *alt)
{
	if (!alt || !*alt)
		return 0;
	return text_check(alt, strlen(alt), CORE_MEDIA_ALT_MAX);
}

int core_media_upload(struct core *c, uint64_t owner, const void *d, size_t n, const char *alt, uint64_t *id,
                      enum media_refusal *why)
{
	return core_media_upload_blur(c, owner, d, n, alt, false, id, why);
}

int core_media_upload_blur(struct core *c, uint64_t owner, const void *d, size_t n, const char *alt, bool blur_faces,
                           uint64_t *id, enum media_refusal *why)
{
	*why = MEDIA_OK;
	if (!owner)
		return ERR_AUTH;
	if (!media_dir[0])
		return ERR_IO;
	struct sniff sn;
	if (!n || !media_sniff(d, n, &sn)) {
		*why = MEDIA_REFUSE_TYPE;
		return ERR_INVAL;
	}
	if (n > (sn.kind == MEDIA_IMAGE ? CORE_MEDIA_MAX_IMAGE : CORE_MEDIA_MAX_AV)) {
		*why = MEDIA_REFUSE_SIZE;
		return ERR_TOOBIG;
	}
	if (check_alt(alt)) {
		*why = MEDIA_REFUSE_ALT;
		return ERR_INVAL;
	}
	if (sn.kind == MEDIA_IMAGE) {
		/* The size from the header, before any decoder runs: a bomb stops here. */
		if (media_too_many_pixels(sn.width, sn.height, n)) {
			*why = MEDIA_REFUSE_PIXELS;
			return ERR_TOOBIG;
		}
		if (sn.truncated) {
			*why = MEDIA_REFUSE_BROKEN;
			return ERR_INVAL;
		}
	}
	/* Room for it in the account's quota, then the upload rate: a valid
	 * upload is stored and costs a job. */
	int64_t all = 0, loose = 0;
	int rc = store_media_bytes(c->store, owner, &all, &loose);
	if (rc)
		return rc;
	if (all + (int64_t)n > quota_all || loose + (int64_t)n > quota_loose) {
		*why = all + (int64_t)n > quota_all ? MEDIA_REFUSE_QUOTA : MEDIA_REFUSE_LOOSE;
		return ERR_TOOBIG;
	}
	if (upload_rate && (rc = core_rate(c, "media", owner, upload_rate, CORE_MEDIA_UPLOAD_WINDOW))) {
		if (rc == ERR_RATE)
			*why = MEDIA_REFUSE_RATE;
		return rc;
	}
	struct arena a;
	arena_init(&a);
	struct media m = {
		.id = id_new(),
		.owner_id = owner,
		.kind = sn.kind,
		.mime = sn.mime,
		.alt = alt,
		.size = (int64_t)n, /* the raw upload's, until the job stores the files */
		.created_at = time_now(),
		.blur = blur_faces && sn.kind == MEDIA_IMAGE ? 1 : 0,
	};
	char *tmp = tmp_path(&a, m.id);
	rc = write_file(tmp, d, n);
	if (!rc && (rc = store_media_insert(c->store, &m, JOB_KIND)))
		unlink(tmp);
	arena_release(&a);
	if (rc)
		return rc;
	job_kick();
	*id = m.id;
	return 0;
}

int core_media_blur(struct core *c, uint64_t viewer, uint64_t id)
{
	if (!media_dir[0])
		return ERR_IO;
	struct arena a;
	arena_init(&a);
	struct media *m;
	int rc = store_media_get(c->store, &a, id, &m);
	if (!rc && m->owner_id != viewer)
		rc = ERR_NOTFOUND;
	if (!rc && (m->kind != MEDIA_IMAGE || m->state != MEDIA_READY || !m->nfiles))
		rc = ERR_INVAL;
	if (!rc && (m->blur == 2 || m->faces <= 0)) {
		arena_release(&a);
		return 0; /* nothing to blur */
	}
	/* The stored main file (our own clean WebP) is processed again with
	 * --blur; the job replaces every file and removes the old ones. */
	char *buf = NULL;
	size_t len = 0;
	if (!rc)
		rc = read_file(file_path(&a, m->files[0].sha256, m->files[0].ext), CORE_MEDIA_MAX_IMAGE, &buf, &len);
	if (!rc)
		rc = write_file(tmp_path(&a, id), buf, len);
	free(buf);
	if (!rc && (rc = store_media_blur_again(c->store, id, JOB_KIND)))
		unlink(tmp_path(&a, id));
	arena_release(&a);
	if (!rc)
		job_kick();
	return rc == ERR_CONFLICT ? ERR_INVAL : rc;
}

int core_media_set_alt(struct core *c, uint64_t viewer, uint64_t id, const char *alt, const struct guard_ask *ask)
{
	struct arena a;
	arena_init(&a);
	struct media *m;
	int rc = store_media_get(c->store, &a, id, &m);
	if (!rc && m->owner_id != viewer)
		rc = ERR_NOTFOUND;
	if (!rc && check_alt(alt))
		rc = ERR_INVAL;
	if (!rc)
		rc = media_alt_guard(c, &a, viewer, id, alt, ask);
	if (!rc)
		rc = store_media_set_alt(c->store, id, alt);
	arena_release(&a);
	return rc;
}

/* ---- processing: images (in kring-image, see src/image/main.c) ---- */

static int run_tool(char *const argv[], int cpu_s, char *out, size_t outlen, char *why, size_t whylen);

/* Remove what kring-image left in dir, then dir. */
static void remove_out_dir(struct arena *a, const char *dir)
{
	static const char *const names[] = {"main.webp", "t320.webp", "t640.webp", "t1280.webp"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		unlink(arena_printf(a, "%s/%s", dir, names[i]));
	rmdir(dir);
}

#define IMAGE_FILES 4

/*
 * What kring-image saw (src/image/look.h): "faces N", "blurred N",
 * "text LINE" and "note WHY" lines, gathered over one picture or a video's
 * sampled frames.  The text is kept as read (bounded, control characters
 * gone); the guard reads it with the post (core/post.c).
 */
struct look {
	int faces, blurred;
	struct buf text, note;
};

static void look_start(struct look *lk)
{
	lk->faces = -1;
	lk->blurred = 0;
	buf_init(&lk->text, CORE_MEDIA_SEEN_TEXT_MAX);
	buf_init(&lk->note, 512);
}

static bool look_line(struct look *lk, const char *line)
{
	int v;
	if (sscanf(line, "faces %d", &v) == 1 && v >= 0) {
		lk->faces = v > lk->faces ? v : lk->faces;
		return true;
	}
	if (sscanf(line, "blurred %d", &v) == 1 && v >= 0) {
		lk->blurred += v;
		return true;
	}
	bool text = !strncmp(line, "text ", 5), note = !strncmp(line, "note ", 5);
	if (!text && !note)
		return false;
	struct buf *b = text ? &lk->text : &lk->note;
	const char *s = line + 5;
	size_t n = strlen(s);
	/* Whole lines of valid text only (text_check: UTF-8, no control characters). */
	if (n && !text_check(s, n, n) && b->len + n + 3 < b->max && !(note && b->ptr && strstr(b->ptr, s))) {
		/* room checked above: separator, text and the terminating NUL */
		if (b->len)
			buf_nofail(buf_adds(b, text ? "\n" : "; "));
		buf_nofail(buf_add(b, s, n));
	}
	return true;
}

static void look_finish(struct look *lk, struct arena *a, struct media *m)
{
	m->faces = lk->faces;
	if (m->blur == 1 && lk->blurred > 0)
		m->blur = 2;
	m->seen_text = arena_strndup(a, lk->text.ptr ? lk->text.ptr : "", lk->text.len);
	m->look_note = arena_strndup(a, lk->note.ptr ? lk->note.ptr : "", lk->note.len);
	buf_release(&lk->text);
	buf_release(&lk->note);
}

static int process_image(struct core *c, struct arena *a, struct media *m, const char *raw, size_t n,
                         const char *in, char *why, size_t whylen)
{
	struct sniff sn;
	if (!media_sniff((const unsigned char *)raw, n, &sn) || sn.kind != MEDIA_IMAGE) {
		snprintf(why, whylen, "not an image");
		return ERR_INVAL;
	}
	char *dir = arena_printf(a, "%s/tmp/%llu.img", media_dir, (unsigned long long)m->id);
	remove_out_dir(a, dir);
	if (mkdir(dir, 0700)) {
		snprintf(why, whylen, "cannot create %s: %s", dir, strerror(errno));
		return ERR_IO;
	}
	char out[8192] = "";
	char *argv[] = {image_tool, (char *)in, dir, m->blur == 1 ? "--blur" : NULL, NULL};
	int rc = run_tool(argv, CORE_MEDIA_IMAGE_CPU, out, sizeof out, why, whylen);
	if (rc) {
		if (!strncmp(out, "error ", 6))
			snprintf(why, whylen, "%.*s", (int)strcspn(out + 6, "\n"), out + 6);
		remove_out_dir(a, dir);
		return rc;
	}
	/* What it wrote: "file NAME WIDTH HEIGHT" lines, main.webp first, and
	 * "colour #rrggbb". */
	struct media_file files[IMAGE_FILES];
	size_t nf = 0;
	char colour[8] = "";
	memset(files, 0, sizeof files);
	struct look lk;
	look_start(&lk);
	char *save = NULL;
	for (char *line = strtok_r(out, "\n", &save); line && !rc; line = strtok_r(NULL, "\n", &save)) {
		char name[32], hex[7];
		int w, h;
		if (look_line(&lk, line))
			continue;
		if (sscanf(line, "colour #%6[0-9a-f]", hex) == 1 && strlen(hex) == 6) {
			colour[0] = '#';
			memcpy(colour + 1, hex, sizeof hex);
			continue;
		}
		if (sscanf(line, "file %31[a-z0-9].webp %d %d", name, &w, &h) != 3 || w <= 0 || h <= 0 ||
		    nf == IMAGE_FILES || (nf == 0) != !strcmp(name, "main")) {
			snprintf(why, whylen, "kring-image said: %.80s", line);
			rc = ERR_INVAL;
			break;
		}
		char *buf;
		size_t len;
		if (read_file(arena_printf(a, "%s/%s.webp", dir, name), CORE_MEDIA_MAX_IMAGE, &buf, &len)) {
			snprintf(why, whylen, "cannot read %s.webp", name);
			rc = ERR_IO;
			break;
		}
		struct media_file *f = &files[nf++];
		f->ext = "webp";
		f->mime = "image/webp";
		f->width = w;
		f->height = h;
		f->main = nf == 1;
		rc = store_bytes(a, buf, len, f);
		free(buf);
	}
	remove_out_dir(a, dir);
	if (!rc && !nf) {
		snprintf(why, whylen, "kring-image wrote nothing");
		rc = ERR_INVAL;
	}
	if (rc)
		return rc;
	m->sha256 = files[0].sha256;
	m->mime = "image/webp";
	m->width = files[0].width;
	m->height = files[0].height;
	m->size = 0; /* what the account keeps: every file (quota) */
	for (size_t i = 0; i < nf; i++)
		m->size += files[i].size;
	m->colour = arena_strdup(a, colour);
	look_finish(&lk, a, m);
	return store_media_ready(c->store, m->id, m, files, nf);
}

/* ---- processing: audio and video (ffprobe, ffmpeg) ---- */

/*
 * Run argv with limits: no stdin, cpu_s CPU seconds, file size and address
 * space caps, a wall-clock timeout, killed when the queue stops.  stdout
 * goes to out (bounded) if given.  Returns 0 if it exited with status 0.
 */
static int run_tool(char *const argv[], int cpu_s, char *out, size_t outlen, char *why, size_t whylen)
{
	int pfd[2] = {-1, -1};
	if (out && pipe2(pfd, O_CLOEXEC))
		return ERR_IO;
	pid_t pid = fork();
	if (pid < 0) {
		if (out) {
			close(pfd[0]);
			close(pfd[1]);
		}
		snprintf(why, whylen, "cannot fork: %s", strerror(errno));
		return ERR_IO;
	}
	if (pid == 0) {
		/* Only async-signal-safe calls between fork and exec. */
		int nul = open("/dev/null", O_RDWR);
		dup2(nul, 0);
		dup2(out ? pfd[1] : nul, 1);
		dup2(nul, 2);
		struct rlimit cpu = {(rlim_t)cpu_s, (rlim_t)cpu_s};
		struct rlimit fsz = {64 << 20, 64 << 20};
		struct rlimit as = {1UL << 30, 1UL << 30};
		setrlimit(RLIMIT_CPU, &cpu);
		setrlimit(RLIMIT_FSIZE, &fsz);
		setrlimit(RLIMIT_AS, &as);
		for (int fd = 3; fd < 1024; fd++)
			close(fd);
		execv(argv[0], argv);
		_exit(127);
	}
	size_t got = 0;
	if (out) {
		close(pfd[1]);
		fcntl(pfd[0], F_SETFL, O_NONBLOCK);
	}
	int64_t deadline = time_ms() + CORE_MEDIA_FFMPEG_TIMEOUT * 1000;
	int status = 0;
	for (;;) {
		if (out) {
			ssize_t r;
			while ((r = read(pfd[0], out + got, outlen - 1 - got)) > 0)
				got += (size_t)r;
		}
		pid_t w = waitpid(pid, &status, WNOHANG);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			status = -1;
			break;
		}
		if (time_ms() > deadline || job_stopping()) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			snprintf(why, whylen, "%s %s", argv[0], job_stopping() ? "stopped" : "timed out");
			if (out)
				close(pfd[0]);
			return ERR_BUSY;
		}
		struct timespec ts = {0, 20 * 1000000L};
		nanosleep(&ts, NULL);
	}
	if (out) {
		ssize_t r;
		while (got < outlen - 1 && (r = read(pfd[0], out + got, outlen - 1 - got)) > 0)
			got += (size_t)r;
		out[got] = '\0';
		close(pfd[0]);
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(why, whylen, "%s failed (status %d)", argv[0], status);
		return ERR_INVAL;
	}
	return 0;
}

struct probe {
	char format[64];
	double duration;
	int audio, video, width, height;
};

static void parse_probe(char *s, struct probe *p)
{
	memset(p, 0, sizeof *p);
	for (char *line = strtok_r(s, "\n", &s); line; line = strtok_r(NULL, "\n", &s)) {
		if (!strncmp(line, "format_name=", 12))
			snprintf(p->format, sizeof p->format, "%s", line + 12);
		else if (!strncmp(line, "duration=", 9))
			p->duration = strtod(line + 9, NULL);
		else if (!strcmp(line, "codec_type=audio"))
			p->audio++;
		else if (!strcmp(line, "codec_type=video"))
			p->video++;
		else if (!strncmp(line, "width=", 6) && !p->width)
			p->width = atoi(line + 6);
		else if (!strncmp(line, "height=", 7) && !p->height)
			p->height = atoi(line + 7);
	}
}

/*
 * CORE_MEDIA_VIDEO_FRAMES frames, evenly spread (a quarter, half and three
 * quarters in), taken out by ffmpeg as PNG and looked at by kring-image
 * --look: faces is the most any frame shows, the text is every frame's.
 * A frame that cannot be taken or read is a note, not a failure.
 */
static void look_video(struct arena *a, struct media *m, const char *video, double duration, struct look *lk)
{
	for (int k = 0; k < CORE_MEDIA_VIDEO_FRAMES; k++) {
		char at[32], why[200] = "", out[8192] = "";
		snprintf(at, sizeof at, "%.3f", duration > 0 ? duration * (k + 1) / (CORE_MEDIA_VIDEO_FRAMES + 1) : 0.0);
		char *frame = arena_printf(a, "%s/tmp/%llu.f%d.png", media_dir, (unsigned long long)m->id, k);
		char *ff[] = {"/usr/bin/ffmpeg", "-nostdin", "-v", "error", "-protocol_whitelist", "file", "-ss", at, "-i",
		              (char *)video, "-frames:v", "1", "-an", "-f", "image2", "-c:v", "png", "-y", frame, NULL};
		char *look[] = {image_tool, "--look", frame, NULL};
		if (run_tool(ff, CORE_MEDIA_FFMPEG_TIMEOUT, NULL, 0, why, sizeof why) ||
		    run_tool(look, CORE_MEDIA_IMAGE_CPU, out, sizeof out, why, sizeof why))
			look_line(lk, "note a frame of the video could not be checked");
		char *save = NULL;
		for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
			look_line(lk, line);
		unlink(frame);
		if (duration <= 0)
			break;
	}
}

static int process_av(struct core *c, struct arena *a, struct media *m, const char *raw, size_t n, const char *in,
                      char *why, size_t whylen)
{
	struct sniff sn;
	if (!media_sniff((const unsigned char *)raw, n, &sn) || sn.kind == MEDIA_IMAGE || !sn.ffformat) {
		snprintf(why, whylen, "not audio or video");
		return ERR_INVAL;
	}
	/* ffprobe must recognise the container we sniffed, forced so no other
	 * demuxer (playlists and the like) ever opens the file. */
	char out[4096];
	char *probe[] = {"/usr/bin/ffprobe", "-v", "error", "-protocol_whitelist", "file", "-f", (char *)sn.ffformat,
	                 "-show_entries", "format=format_name,duration:stream=codec_type,width,height", "-of",
	                 "default=nw=1", (char *)in, NULL};
	int rc = run_tool(probe, CORE_MEDIA_FFMPEG_TIMEOUT, out, sizeof out, why, whylen);
	if (rc)
		return rc;
	struct probe p;
	parse_probe(out, &p);
	bool video = sn.kind == MEDIA_VIDEO;
	if (!p.format[0] || (!p.audio && !p.video) || (video && !p.video)) {
		snprintf(why, whylen, "ffprobe does not see %s", sn.mime);
		return ERR_INVAL;
	}
	if (p.duration > CORE_MEDIA_MAX_SECONDS) {
		snprintf(why, whylen, "too long: %.0f s", p.duration);
		return ERR_INVAL;
	}
	const char *ext, *mime, *fmt;
	switch (sn.type) {
	case SNIFF_OGG: ext = "ogg", mime = "audio/ogg", fmt = "ogg"; break;
	case SNIFF_MP3: ext = "mp3", mime = "audio/mpeg", fmt = "mp3"; break;
	case SNIFF_M4A: ext = "m4a", mime = "audio/mp4", fmt = "ipod"; break;
	case SNIFF_WEBM: ext = "webm", mime = "video/webm", fmt = "webm"; break;
	default: ext = "mp4", mime = "video/mp4", fmt = "mp4"; break;
	}
	char *dst = arena_printf(a, "%s/tmp/%llu.out.%s", media_dir, (unsigned long long)m->id, ext);
	unlink(dst);
	/* Only audio and video streams (no cover art, GPS or other data tracks),
	 * no global, stream or chapter metadata, no encoder tag. */
	char *argv[48];
	int k = 0;
#define ARG(x) (argv[k++] = (char *)(x))
	ARG("/usr/bin/ffmpeg"), ARG("-nostdin"), ARG("-v"), ARG("error"), ARG("-protocol_whitelist"), ARG("file");
	ARG("-f"), ARG(sn.ffformat), ARG("-i"), ARG(in);
	if (video)
		ARG("-map"), ARG("0:v:0"), ARG("-map"), ARG("0:a:0?");
	else
		ARG("-map"), ARG("0:a:0");
	ARG("-map_metadata"), ARG("-1"), ARG("-map_metadata:s"), ARG("-1"), ARG("-map_chapters"), ARG("-1");
	ARG("-c"), ARG("copy"), ARG("-dn"), ARG("-sn"), ARG("-fflags"), ARG("+bitexact");
	ARG("-flags:a"), ARG("+bitexact");
	if (video)
		ARG("-flags:v"), ARG("+bitexact");
	if (!strcmp(fmt, "mp4") || !strcmp(fmt, "ipod"))
		ARG("-movflags"), ARG("+faststart");
	if (!strcmp(fmt, "mp3"))
		ARG("-id3v2_version"), ARG("0"), ARG("-write_id3v1"), ARG("0");
	ARG("-f"), ARG(fmt), ARG(dst);
	argv[k] = NULL;
#undef ARG
	if ((rc = run_tool(argv, CORE_MEDIA_FFMPEG_TIMEOUT, NULL, 0, why, whylen))) {
		unlink(dst);
		return rc;
	}
	char *buf;
	size_t len;
	if ((rc = read_file(dst, 64 << 20, &buf, &len))) {
		unlink(dst);
		snprintf(why, whylen, "cannot read ffmpeg output");
		return rc;
	}
	/* A video's privacy checks: kring-image looks at a few of its frames. */
	struct look lk;
	look_start(&lk);
	if (video)
		look_video(a, m, dst, p.duration, &lk);
	unlink(dst);
	look_finish(&lk, a, m);
	struct media_file f = {.ext = ext, .mime = mime, .width = p.width, .height = p.height, .main = true};
	rc = store_bytes(a, buf, len, &f);
	free(buf);
	if (rc)
		return rc;
	m->sha256 = f.sha256;
	m->mime = mime;
	m->width = f.width;
	m->height = f.height;
	m->size = f.size;
	m->colour = "";
	return store_media_ready(c->store, m->id, m, &f, 1);
}

/* ---- the job ---- */

void media_wait_looked(struct core *c, const uint64_t *ids, size_t n)
{
	if (!n)
		return;
	int64_t deadline = time_ms() + (int64_t)look_wait * 1000;
	job_kick();
	for (;;) {
		bool busy = false;
		struct arena a;
		arena_init(&a);
		for (size_t i = 0; i < n && !busy; i++) {
			struct media *m;
			busy = store_media_get(c->store, &a, ids[i], &m) == 0 && m->state == MEDIA_PROCESSING &&
			       m->kind != MEDIA_AUDIO;
		}
		arena_release(&a);
		if (!busy || time_ms() > deadline || job_stopping())
			return;
		struct timespec ts = {0, 100 * 1000000L};
		nanosleep(&ts, NULL);
	}
}

static int job_run(void *ctx, const char *arg, char *why, size_t whylen)
{
	struct core *c = media_core;
	uint64_t id;
	if (!c || !media_dir[0])
		return ERR_IO;
	if (!parse_u64(arg, &id)) {
		snprintf(why, whylen, "bad media id %s", arg);
		return ERR_INVAL;
	}
	struct arena a;
	arena_init(&a);
	struct media *m;
	char *raw = NULL;
	size_t n = 0;
	int rc = store_media_get(c->store, &a, id, &m);
	if (rc == ERR_NOTFOUND) {
		rc = 0; /* deleted meanwhile: nothing to do */
		goto out;
	}
	if (rc || m->state != MEDIA_PROCESSING)
		goto out;
	char *tmp = tmp_path(&a, id);
	if ((rc = read_file(tmp, (CORE_MEDIA_MAX_AV > CORE_MEDIA_MAX_IMAGE ? CORE_MEDIA_MAX_AV : CORE_MEDIA_MAX_IMAGE), &raw, &n))) {
		snprintf(why, whylen, "upload %s is gone", tmp);
		rc = ERR_INVAL;
		goto out;
	}
	/* Files of an earlier round (a photo processed again to blur its
	 * faces): removed once the new ones are stored, unless shared. */
	struct media_file *old = m->files;
	size_t nold = m->nfiles;
	if (m->kind == MEDIA_IMAGE)
		rc = process_image(c, &a, m, raw, n, tmp, why, whylen);
	else
		rc = process_av(c, &a, m, raw, n, tmp, why, whylen);
	if (!rc)
		unlink(tmp);
	for (size_t i = 0; !rc && i < nold; i++) {
		uint64_t *ids;
		size_t nids = 0;
		if (!store_media_by_sha(c->store, &a, old[i].sha256, &ids, &nids) && !nids)
			unlink(file_path(&a, old[i].sha256, old[i].ext));
	}
out:
	free(raw);
	arena_release(&a);
	return rc;
}

static void job_failed(void *ctx, const char *arg, const char *why)
{
	uint64_t id;
	struct core *c = media_core;
	if (!c || !parse_u64(arg, &id))
		return;
	if (store_media_failed(c->store, id, why))
		log_err("cannot mark media %llu as failed", (unsigned long long)id);
	struct arena a;
	arena_init(&a);
	unlink(tmp_path(&a, id)); /* the raw upload is never kept */
	arena_release(&a);
}

/* ---- attaching, access, deletion ---- */

bool core_media_alt_required(struct core *c, uint64_t org)
{
	struct arena a;
	arena_init(&a);
	char key[64];
	snprintf(key, sizeof key, "media.alt_required.%llu", (unsigned long long)org);
	bool on = !strcmp(store_meta_get(c->store, &a, key, "0"), "1");
	arena_release(&a);
	return on;
}

int core_media_alt_required_set(struct core *c, uint64_t org, bool on)
{
	char key[64];
	snprintf(key, sizeof key, "media.alt_required.%llu", (unsigned long long)org);
	return store_meta_set(c->store, key, on ? "1" : "0");
}

/* Alt text is required for author, or for a person writing for an organisation that asks for it. */
/*
 * Is media item id in use: on a post, an avatar, or (with_group) a group's
 * picture?  On an error *used is true as well as the error returned: in
 * doubt, nothing is attached twice or deleted while in use.
 */
static int media_used(struct core *c, uint64_t id, bool with_group, bool *used)
{
	bool attached = true, avatar = true;
	int rc = store_media_attached(c->store, id, &attached);
	if (!rc)
		rc = store_media_is_avatar(c->store, id, &avatar);
	*used = rc || attached || avatar || (with_group && store_media_group(c->store, id));
	return rc;
}

static bool alt_needed(struct core *c, struct arena *a, uint64_t viewer, uint64_t author)
{
	if (core_media_alt_required(c, author))
		return true;
	struct account **orgs;
	size_t n = 0;
	if (author == viewer && !store_staff_orgs(c->store, a, viewer, &orgs, &n))
		for (size_t i = 0; i < n; i++)
			if (core_media_alt_required(c, orgs[i]->id))
				return true;
	return false;
}

int core_media_check(struct core *c, uint64_t viewer, uint64_t author, const uint64_t *ids, size_t n,
                     enum media_refusal *why)
{
	*why = MEDIA_OK;
	if (n > CORE_MEDIA_MAX_PER_POST) {
		*why = MEDIA_REFUSE_COUNT;
		return ERR_INVAL;
	}
	struct arena a;
	arena_init(&a);
	int rc = 0;
	bool need_alt = alt_needed(c, &a, viewer, author);
	for (size_t i = 0; i < n && !rc; i++) {
		struct media *m;
		bool used;
		for (size_t k = 0; k < i; k++)
			if (ids[k] == ids[i])
				rc = ERR_INVAL;
		if (rc || (rc = store_media_get(c->store, &a, ids[i], &m)) || (rc = media_used(c, m->id, false, &used)))
			break;
		if (m->owner_id != viewer || used || m->state == MEDIA_FAILED) {
			*why = MEDIA_REFUSE_COUNT;
			rc = ERR_INVAL;
		} else if (need_alt && m->kind == MEDIA_IMAGE && !m->alt[0]) {
			*why = MEDIA_REFUSE_ALT;
			rc = ERR_INVAL;
		}
	}
	arena_release(&a);
	return rc == ERR_NOTFOUND ? ERR_INVAL : rc;
}

int core_media_attach(struct core *c, uint64_t post_id, uint64_t viewer, const uint64_t *ids, size_t n)
{
	(void)viewer;
	return n ? store_media_attach(c->store, post_id, ids, n) : 0;
}

/* Delete a media item, its files no other item uses and its raw upload;
 * if_unused: only if nothing uses it (the sweep).  0 if it was deleted. */
static int delete_media(struct core *c, struct arena *a, uint64_t id, bool if_unused)
{
	const char **gone;
	size_t n;
	int rc = store_media_delete(c->store, a, id, if_unused, &gone, &n);
	if (rc) {
		if (rc != ERR_CONFLICT)
			log_err("cannot delete media %llu", (unsigned long long)id);
		return rc;
	}
	for (size_t i = 0; i < n && media_dir[0]; i++) {
		const char *dot = strchr(gone[i], '.');
		if (!dot)
			continue;
		char *sha = arena_strndup(a, gone[i], (size_t)(dot - gone[i]));
		char *path = file_path(a, sha, dot + 1);
		if (unlink(path) && errno != ENOENT)
			log_warn("cannot remove %s: %s", path, strerror(errno));
	}
	if (media_dir[0])
		unlink(tmp_path(a, id));
	return 0;
}

/*
 * The periodic job: remove uploads that no post, avatar or group picture
 * took within CORE_MEDIA_LOOSE_TTL (an upload through the API that was never
 * posted, the files of a form abandoned at the guard's review), then queue
 * the next round.
 */
static int sweep_run(void *ctx, const char *arg, char *why, size_t whylen)
{
	struct core *c = media_core;
	if (!c || !media_dir[0])
		return ERR_IO;
	/* The next round first, so a failing sweep does not end the series. */
	int qrc = store_job_ensure(c->store, JOB_SWEEP, "", time_now() + CORE_MEDIA_SWEEP_EVERY), rc = 0;
	int64_t before = time_now() - CORE_MEDIA_LOOSE_TTL;
	struct arena a;
	arena_init(&a);
	size_t removed = 0;
	/* Bounded rounds of 64: the rest waits for the next hour. */
	for (int round = 0; round < 100 && !rc && !job_stopping(); round++) {
		uint64_t *ids;
		size_t n = 0, done = 0;
		if ((rc = store_media_loose(c->store, &a, before, &ids, &n)) || !n)
			break;
		for (size_t i = 0; i < n; i++)
			if (!delete_media(c, &a, ids[i], true))
				done++;
		removed += done;
		arena_clear(&a);
		if (!done) /* each one was taken meanwhile */
			break;
	}
	arena_release(&a);
	if (removed)
		log_info("removed %zu uploads that were on no post for a day", removed);
	if (!rc)
		rc = qrc;
	if (rc)
		snprintf(why, whylen, "sweep: %s", err_str(rc));
	return rc;
}

int core_media_release_post(struct core *c, uint64_t post_id)
{
	struct arena a;
	arena_init(&a);
	uint64_t *orphans;
	size_t n;
	int rc = store_media_release_post(c->store, &a, post_id, &orphans, &n);
	for (size_t i = 0; !rc && i < n; i++)
		delete_media(c, &a, orphans[i], false);
	arena_release(&a);
	return rc;
}

int core_post_media(struct core *c, struct arena *a, uint64_t post_id, struct media ***out, size_t *n)
{
	return store_post_media(c->store, a, post_id, out, n);
}

/* May viewer see media m?  *public_ tells whether anyone may. */
static bool media_visible(struct core *c, struct arena *a, uint64_t viewer, const struct media *m, bool *public_)
{
	*public_ = false;
	/* shared with a client by their care team: that rule alone decides
	 * (core/thuis.c), never public */
	bool shared;
	bool sees = core_care_media_sees(c, viewer, m->id, &shared);
	if (shared)
		return sees;
	/* a goal's photo in my plan: whoever sees the plan (core/plan.c) */
	sees = core_plan_photo_sees(c, viewer, m->id, &shared);
	if (shared)
		return sees;
	bool avatar, attached;
	if (store_media_is_avatar(c->store, m->id, &avatar) == 0 && avatar) {
		*public_ = true;
		return true;
	}
	/* A group's picture is seen by whoever may see the group: everyone for
	 * open and closed groups, members (and the invited) for secret ones. */
	uint64_t gid = store_media_group(c->store, m->id);
	struct group *g;
	if (gid && core_group_by_id(c, a, viewer, gid, &g) == 0) {
		*public_ = g->kind != GROUP_SECRET;
		return true;
	}
	bool ok = viewer && viewer == m->owner_id && store_media_attached(c->store, m->id, &attached) == 0 && !attached;
	uint64_t *posts;
	size_t np = 0;
	if (store_media_posts(c->store, a, m->id, &posts, &np))
		return ok;
	for (size_t i = 0; i < np; i++) {
		struct post *p;
		/* The one visibility rule decides; the URL alone is no key. */
		if (core_post_get(c, a, viewer, posts[i], &p))
			continue;
		ok = true;
		struct post *anon;
		if (p->visibility == VIS_PUBLIC && !core_post_get(c, a, 0, posts[i], &anon))
			*public_ = true;
	}
	return ok;
}

int core_media_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct media **out)
{
	struct media *m;
	bool pub;
	int rc = store_media_get(c->store, a, id, &m);
	if (rc)
		return rc;
	if (!media_visible(c, a, viewer, m, &pub) && m->owner_id != viewer)
		return ERR_NOTFOUND;
	*out = m;
	return 0;
}

static bool name_ok(const char *name, char sha[65], const char **ext)
{
	size_t n = strlen(name);
	if (n < 66 || n > 70 || name[64] != '.')
		return false;
	for (int i = 0; i < 64; i++)
		if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
			return false;
	memcpy(sha, name, 64);
	sha[64] = '\0';
	*ext = name + 65;
	static const char *const exts[] = {"webp", "ogg", "mp3", "m4a", "mp4", "webm", NULL};
	for (const char *const *e = exts; *e; e++)
		if (!strcmp(*ext, *e))
			return true;
	return false;
}

int core_media_file(struct core *c, struct arena *a, uint64_t viewer, const char *name, const char **path,
                    const char **mime, bool *public_)
{
	char sha[65];
	const char *ext;
	*public_ = false;
	if (!media_dir[0] || !name_ok(name, sha, &ext))
		return ERR_NOTFOUND;
	uint64_t *ids;
	size_t n;
	int rc = store_media_by_sha(c->store, a, sha, &ids, &n);
	if (rc)
		return rc;
	bool ok = false;
	for (size_t i = 0; i < n; i++) {
		struct media *m;
		bool pub;
		if (store_media_get(c->store, a, ids[i], &m))
			continue;
		if (!media_visible(c, a, viewer, m, &pub))
			continue;
		for (size_t k = 0; k < m->nfiles; k++)
			if (!strcmp(m->files[k].sha256, sha) && !strcmp(m->files[k].ext, ext)) {
				ok = true;
				*mime = m->files[k].mime;
				*public_ |= pub;
			}
	}
	if (!ok)
		return ERR_NOTFOUND;
	*path = file_path(a, sha, ext);
	return 0;
}

/* ---- avatars ---- */

int core_avatar_set(struct core *c, uint64_t viewer, uint64_t media_id)
{
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	int rc = 0;
	if (media_id) {
		struct media *m;
		bool attached;
		if ((rc = store_media_get(c->store, &a, media_id, &m)) || m->owner_id != viewer)
			rc = ERR_NOTFOUND;
		else if (!(rc = store_media_attached(c->store, media_id, &attached)) && (m->kind != MEDIA_IMAGE || attached))
			rc = ERR_INVAL;
	}
	uint64_t old = 0;
	if (!rc)
		rc = store_avatar_set(c->store, viewer, media_id, &old);
	bool used;
	if (!rc && old && old != media_id && !media_used(c, old, true, &used) && !used)
		delete_media(c, &a, old, false);
	arena_release(&a);
	return rc;
}

int core_group_picture_set(struct core *c, uint64_t viewer, uint64_t group, uint64_t media_id)
{
	struct arena a;
	arena_init(&a);
	struct group *g;
	int rc = core_group_by_id(c, &a, viewer, group, &g);
	if (!rc && (g->v_state != GSTATE_MEMBER || g->v_role < GROLE_MODERATOR))
		rc = ERR_FORBIDDEN;
	if (!rc && media_id) {
		struct media *m;
		bool used;
		if (store_media_get(c->store, &a, media_id, &m) || m->owner_id != viewer)
			rc = ERR_NOTFOUND;
		else if (!(rc = media_used(c, media_id, true, &used)) && (m->kind != MEDIA_IMAGE || used))
			rc = ERR_INVAL;
	}
	uint64_t old = 0;
	if (!rc)
		rc = store_group_set_picture(c->store, group, media_id, &old);
	bool used;
	if (!rc && old && old != media_id && !media_used(c, old, true, &used) && !used)
		delete_media(c, &a, old, false);
	arena_release(&a);
	return rc;
}

/* The file of a ready image m to show at about `width` px: the smallest at
 * least that wide, else the largest; NULL while it has none. */
static const char *image_file(struct arena *a, const struct media *m, int width)
{
	if (!m || m->state != MEDIA_READY || !m->nfiles)
		return NULL;
	const struct media_file *best = NULL;
	for (size_t i = 0; i < m->nfiles; i++) {
		const struct media_file *f = &m->files[i];
		if (f->width >= width && (!best || best->width < width || f->width < best->width))
			best = f;
		else if (!best || (best->width < width && f->width > best->width))
			best = f;
	}
	return arena_printf(a, "%s.%s", best->sha256, best->ext);
}

const char *core_media_image_file(struct core *c, struct arena *a, uint64_t media_id, int width)
{
	struct media *m;
	if (!media_id || store_media_get(c->store, a, media_id, &m))
		return NULL;
	return image_file(a, m, width);
}

const char *core_avatar_file(struct core *c, struct arena *a, struct account *acc)
{
	if (acc->avatar_file)
		return acc->avatar_file[0] ? acc->avatar_file : NULL;
	uint64_t mid = 0;
	struct media *m;
	if (store_avatar_get(c->store, acc->id, &mid) || !mid || store_media_get(c->store, a, mid, &m))
		return NULL;
	return image_file(a, m, CORE_AVATAR_WIDTH);
}

/* Add acc to the page's people once (by pointer: a page shares them). */
static void add_person(struct account **v, size_t *n, struct account *acc)
{
	if (!acc || acc->avatar_file)
		return;
	for (size_t i = 0; i < *n; i++)
		if (v[i] == acc)
			return;
	v[(*n)++] = acc;
}

/* The pictures of people[0..k) (distinct, none filled yet), in one query. */
static void people_avatars(struct core *c, struct arena *a, struct account **people, size_t k)
{
	if (!k)
		return;
	uint64_t *ids = arena_alloc(a, k * sizeof *ids);
	for (size_t i = 0; i < k; i++)
		ids[i] = people[i]->id;
	struct media **got = arena_alloc(a, k * sizeof *got);
	if (store_avatars_many(c->store, a, ids, k, got))
		return; /* each is read on its own then (core_avatar_file) */
	for (size_t i = 0; i < k; i++) {
		const char *f = image_file(a, got[i], CORE_AVATAR_WIDTH);
		people[i]->avatar_file = f ? f : "";
	}
}

void core_posts_avatars(struct core *c, struct arena *a, struct post *const *v, size_t n)
{
	struct account **people = arena_alloc(a, (4 * n + 1) * sizeof *people);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		for (struct post *p = v[i]; p; p = p == v[i] ? v[i]->boosted : NULL) {
			add_person(people, &k, p->author);
			add_person(people, &k, p->writer);
		}
	people_avatars(c, a, people, k);
}

void core_notifs_avatars(struct core *c, struct arena *a, struct notification *v, size_t n)
{
	struct account **people = arena_alloc(a, (2 * n + 1) * sizeof *people);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		add_person(people, &k, v[i].actor);
		add_person(people, &k, v[i].org);
	}
	people_avatars(c, a, people, k);
}
