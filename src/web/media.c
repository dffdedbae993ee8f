/*
 * Media on pages: files attached in the compose form, the media of a post
 * in its template model, avatar upload, and serving stored files at
 * /media/<sha256>.<ext> to the viewers allowed to see them (core decides).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/err.h"
#include "base/log.h"
#include "base/text.h"
#include "web/web_int.h"

/* Set in the handler when it has rendered its own refusal page. */
#define ANSWERED (-1)

static const char *refusal_text(enum media_refusal why)
{
	switch (why) {
	case MEDIA_REFUSE_TYPE:
		return N_("Dit bestand kunnen we niet gebruiken. U kunt foto's (JPEG, PNG, WebP, HEIC, GIF), geluid (Ogg, "
		          "MP3, M4A) en korte video's (MP4, WebM) toevoegen.");
	case MEDIA_REFUSE_SIZE:
		return N_("Dit bestand is te groot. Een foto mag hoogstens 12 MB zijn, geluid of video hoogstens 15 MB.");
	case MEDIA_REFUSE_PIXELS:
		return N_("Deze foto is te groot: hij heeft te veel beeldpunten. Maak hem kleiner en probeer het opnieuw.");
	case MEDIA_REFUSE_BROKEN:
		return N_("Dit bestand is beschadigd of niet helemaal aangekomen. Probeer het opnieuw.");
	case MEDIA_REFUSE_ALT:
		return N_("Beschrijf elke foto in het vak 'Beschrijving'. Uw organisatie vraagt dat, zodat iedereen weet wat "
		          "erop staat.");
	case MEDIA_REFUSE_COUNT:
		return N_("U kunt hoogstens vier bestanden bij een bericht zetten.");
	case MEDIA_REFUSE_LENGTH:
		return N_("Dit geluid of deze video is te lang.");
	case MEDIA_REFUSE_RATE:
		return N_("U heeft in korte tijd veel bestanden toegevoegd. Wacht tien minuten en probeer het dan opnieuw.");
	case MEDIA_REFUSE_QUOTA:
		return N_("U heeft geen ruimte meer voor nieuwe bestanden. Haal oude berichten met foto's, geluid of video weg "
		          "en probeer het opnieuw.");
	case MEDIA_REFUSE_LOOSE:
		return N_("U heeft veel bestanden toegevoegd die nog bij geen bericht staan, en daarvoor is geen ruimte meer. "
		          "Wat een dag bij geen bericht staat, halen we weg. Probeer het morgen opnieuw.");
	default:
		return N_("Dit bestand kunnen we niet gebruiken.");
	}
}

/* Answer with a page that says why the upload was refused. */
static int refuse(struct http_req *r, int err, enum media_refusal why)
{
	struct tval *m = page_model(r, _r(r, "Bestand niet toegevoegd"));
	tv_set_str(r->a, m, "message", _r(r, refusal_text(why)));
	int status = http_status_for(err);
	tv_set_int(r->a, m, "status", status);
	if (page_render(r, "error", m))
		return err;
	r->status = status;
	return ANSWERED;
}

/*
 * A compose form's file refused: the form comes back with the text, the
 * uploads kept so far (ids[0..n)) and why beside the file field; whether a
 * chosen file was not kept, so it must be chosen again, is said too.
 */
static int refuse_draft(struct http_req *r, int err, enum media_refusal why, const uint64_t *ids, size_t n,
                        bool lost)
{
	struct draft *d = arena_alloc(r->a, sizeof *d);
	memset(d, 0, sizeof *d);
	d->field = "media";
	d->message = _r(r, refusal_text(why));
	d->media_ids = ids;
	d->nmedia = n;
	d->media_lost = lost;
	d->status = http_status_for(err);
	if (compose_again(r, d, err) == 0)
		return ANSWERED;
	return refuse(r, err, why);
}

int media_from_form(struct http_req *r, struct post_input *in)
{
	struct wreq *q = WREQ(r);
	if (http_form_parse(r))
		return ERR_INVAL;
	/* Files uploaded before the privacy guard's review page come back as
	 * media_id fields; core checks they are this person's unattached uploads. */
	int nfiles = 0, nkept = 0;
	for (int i = 0; i < r->nfiles; i++)
		if (!strcmp(r->files[i].name, "media"))
			nfiles++;
	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->fields[i].name, "media_id"))
			nkept++;
	if (!nfiles && !nkept)
		return 0;
	if (nfiles + nkept > CORE_MEDIA_MAX_PER_POST)
		return refuse_draft(r, ERR_INVAL, MEDIA_REFUSE_COUNT, NULL, 0, true);
	uint64_t *ids = arena_alloc(r->a, CORE_MEDIA_MAX_PER_POST * sizeof *ids);
	size_t n = 0;
	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->fields[i].name, "media_id") && !parse_u64(r->fields[i].value, &ids[n++]))
			return ERR_INVAL;
	/* A description changed on the guard's review page (alt_<id>); the
	 * guard reads it with the post. */
	for (size_t i = 0; i < n; i++) {
		char key[32];
		/* "Make the faces unrecognisable" on the review page (blur_<id>). */
		snprintf(key, sizeof key, "blur_%llu", (unsigned long long)ids[i]);
		const char *blur = http_form(r, key);
		if (blur && !strcmp(blur, "1")) {
			int rc = core_media_blur(q->w->core, q->viewer, ids[i]);
			if (rc && rc != ERR_INVAL)
				return rc;
		}
		snprintf(key, sizeof key, "alt_%llu", (unsigned long long)ids[i]);
		const char *alt = http_form(r, key);
		if (!alt)
			continue;
		int rc = core_media_set_alt(q->w->core, q->viewer, ids[i], str_trim(arena_strdup(r->a, alt)), NULL);
		if (rc == ERR_INVAL)
			return refuse_draft(r, rc, MEDIA_REFUSE_ALT, ids, n, nfiles > 0);
		if (rc)
			return rc;
	}
	for (int i = 0; i < r->nfiles; i++) {
		struct http_file *f = &r->files[i];
		if (strcmp(f->name, "media"))
			continue;
		/* The alt text for the n-th file is field altN (1-based). */
		char key[16];
		snprintf(key, sizeof key, "alt%zu", n + 1);
		const char *alt = http_form(r, key);
		enum media_refusal why;
		const char *blur = http_form(r, "blur_faces");
		int rc = core_media_upload_blur(q->w->core, q->viewer, f->data, f->len,
		                                alt ? str_trim(arena_strdup(r->a, alt)) : NULL, blur && !strcmp(blur, "1"),
		                                &ids[n], &why);
		if (rc == ERR_INVAL || rc == ERR_TOOBIG || (rc == ERR_RATE && why == MEDIA_REFUSE_RATE))
			return refuse_draft(r, rc, why, ids, n, true);
		if (rc)
			return rc;
		n++;
	}
	enum media_refusal why;
	int rc = core_media_check(q->w->core, q->viewer, in->author_id, ids, n, &why);
	if (rc == ERR_INVAL)
		return refuse_draft(r, rc, why, why == MEDIA_REFUSE_ALT ? ids : NULL, why == MEDIA_REFUSE_ALT ? n : 0,
		                    why != MEDIA_REFUSE_ALT);
	if (rc)
		return rc;
	in->media_ids = ids;
	in->nmedia = n;
	return 0;
}

static const char *file_url(struct http_req *r, const struct media_file *f)
{
	return arena_printf(r->a, "/media/%s.%s", f->sha256, f->ext);
}

bool media_processing(struct http_req *r, struct post *p)
{
	struct media **v;
	size_t n;
	if (p->x) {
		v = p->x->media;
		n = p->x->nmedia;
	} else if (core_post_media(CORE(r), r->a, p->id, &v, &n)) {
		return false;
	}
	for (size_t i = 0; i < n; i++)
		if (v[i]->state == MEDIA_PROCESSING)
			return true;
	return false;
}

void media_post_model(struct http_req *r, struct tval *m, struct post *p)
{
	struct media **v;
	size_t n;
	if (p->x) { /* fetched with the page (posts_model) */
		v = p->x->media;
		n = p->x->nmedia;
	} else if (core_post_media(CORE(r), r->a, p->id, &v, &n)) {
		return;
	}
	if (!n)
		return;
	struct tval *list = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct media *md = v[i];
		struct tval *x = tv_obj(r->a);
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)md->id);
		tv_set_str(r->a, x, "alt", md->alt);
		tv_set_bool(r->a, x, "has_alt", md->alt[0] != '\0');
		tv_set_bool(r->a, x, "processing", md->state == MEDIA_PROCESSING);
		tv_set_bool(r->a, x, "failed", md->state == MEDIA_FAILED);
		if (md->state == MEDIA_READY && md->nfiles) {
			const struct media_file *main = &md->files[0];
			tv_set_str(r->a, x, "src", file_url(r, main));
			tv_set_str(r->a, x, "mime", main->mime);
			tv_set_int(r->a, x, "width", main->width);
			tv_set_int(r->a, x, "height", main->height);
			tv_set_str(r->a, x, "colour", md->colour);
			tv_set_bool(r->a, x, "is_image", md->kind == MEDIA_IMAGE);
			tv_set_bool(r->a, x, "is_audio", md->kind == MEDIA_AUDIO);
			tv_set_bool(r->a, x, "is_video", md->kind == MEDIA_VIDEO);
			if (md->kind == MEDIA_IMAGE) {
				/* srcset: every size we made; the page shows at most ~640 px wide. */
				struct buf b = BUF_INIT(4096);
				const struct media_file *small = main;
				for (size_t k = 0; k < md->nfiles; k++) {
					const struct media_file *f = &md->files[k];
					/* past 4 KB srcset offers fewer sizes */
					IGNORE_RESULT(buf_addf(&b, "%s%s %dw", b.len ? ", " : "", file_url(r, f), f->width));
					if (!f->main && (small->main || (f->width >= 640 && f->width < small->width) ||
					                 (small->width < 640 && f->width > small->width)))
						small = f;
				}
				tv_set_str(r->a, x, "srcset", arena_strdup(r->a, b.ptr));
				buf_release(&b);
				tv_set_str(r->a, x, "src_small", file_url(r, small));
				tv_set_int(r->a, x, "small_width", small->width);
				tv_set_int(r->a, x, "small_height", small->height);
			}
		}
		tv_push(list, x);
	}
	tv_set(m, "media", list);
	tv_set_bool(r->a, m, "has_media", true);
}

const char *media_avatar_url(struct http_req *r, struct account *acc)
{
	const char *f = core_avatar_file(CORE(r), r->a, acc);
	return f ? arena_printf(r->a, "/media/%s", f) : arena_printf(r->a, "/avatar/%s.svg", acc->username);
}

/* A new picture for owner's account (a person's avatar, an organisation's
 * logo) from the form's "avatar" file, or "remove"; then to back. */
static int avatar_from_form(struct http_req *r, uint64_t owner, const char *back)
{
	struct wreq *q = WREQ(r);
	int rc;
	if (http_form(r, "remove")) {
		if ((rc = core_avatar_set(q->w->core, owner, 0)))
			return rc;
		redirect_msg(r, back, "saved");
		return 0;
	}
	struct http_file *f = NULL;
	for (int i = 0; i < r->nfiles; i++)
		if (!strcmp(r->files[i].name, "avatar"))
			f = &r->files[i];
	if (!f)
		return refuse(r, ERR_INVAL, MEDIA_REFUSE_TYPE) == ANSWERED ? 0 : ERR_INVAL;
	uint64_t id;
	enum media_refusal why;
	rc = core_media_upload(q->w->core, owner, f->data, f->len, NULL, &id, &why);
	if (!rc && why == MEDIA_OK) {
		struct media *m;
		struct arena *a = r->a;
		if (!core_media_get(q->w->core, a, owner, id, &m) && m->kind != MEDIA_IMAGE) {
			why = MEDIA_REFUSE_TYPE;
			rc = ERR_INVAL;
		}
	}
	if (rc == ERR_INVAL || rc == ERR_TOOBIG || (rc == ERR_RATE && why == MEDIA_REFUSE_RATE))
		return refuse(r, rc, why) == ANSWERED ? 0 : rc;
	if (rc || (rc = core_avatar_set(q->w->core, owner, id)))
		return rc;
	redirect_msg(r, back, "saved");
	return 0;
}

int h_settings_avatar(struct http_req *r)
{
	return avatar_from_form(r, WREQ(r)->viewer, "/settings");
}

/* An organisation's logo, set by those who manage it (core_org_may_manage). */
int h_admin_org_logo(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	const char *name = http_param(r, "name");
	if (!name || core_account_by_name(q->w->core, r->a, name, &org) || org->kind != ACCOUNT_ORG)
		return ERR_NOTFOUND;
	if (!core_org_may_manage(q->w->core, q->viewer, org->id))
		return ERR_FORBIDDEN;
	return avatar_from_form(r, org->id, arena_printf(r->a, "/admin/orgs/%s", org->username));
}

/* A single "bytes=a-b" range within len; false to send everything. */
static bool parse_range(const char *h, size_t len, size_t *from, size_t *to)
{
	uint64_t a = 0, b = len ? len - 1 : 0;
	if (!h || strncmp(h, "bytes=", 6) || !len)
		return false;
	const char *s = h + 6;
	const char *dash = strchr(s, '-');
	if (!dash || strchr(s, ','))
		return false;
	char first[24] = "", last[24] = "";
	size_t fl = (size_t)(dash - s), ll = strlen(dash + 1);
	if (fl >= sizeof first || ll >= sizeof last)
		return false;
	memcpy(first, s, fl);
	memcpy(last, dash + 1, ll);
	if (fl && !parse_u64(first, &a))
		return false;
	if (ll && !parse_u64(last, &b))
		return false;
	if (!fl) { /* the last b bytes */
		if (!ll || b == 0)
			return false;
		a = b >= len ? 0 : len - b;
		b = len - 1;
	}
	if (b >= len)
		b = len - 1;
	if (a > b)
		return false;
	*from = (size_t)a;
	*to = (size_t)b;
	return true;
}

int h_media(struct http_req *r)
{
	const char *name = http_param(r, "file");
	const char *path, *mime;
	bool pub;
	int rc = core_media_file(CORE(r), r->a, WREQ(r)->viewer, name ? name : "", &path, &mime, &pub);
	if (rc)
		return rc == ERR_NOTFOUND ? rc : ERR_NOTFOUND;
	char etag[72];
	snprintf(etag, sizeof etag, "\"%.64s\"", name);
	http_set_header(r, "Cache-Control", pub ? "public, max-age=31536000, immutable" : "private, max-age=3600");
	http_set_header(r, "ETag", etag);
	http_set_header(r, "Content-Disposition", arena_printf(r->a, "inline; filename=\"%s\"", name));
	http_set_header(r, "Accept-Ranges", "bytes");
	r->content_type = mime;
	const char *inm = http_header(r, "If-None-Match");
	if (inm && !strcmp(inm, etag)) {
		r->status = 304;
		return 0;
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st)) {
		if (fd >= 0)
			close(fd);
		log_warn("media file %s missing: %s", path, strerror(errno));
		return ERR_NOTFOUND;
	}
	size_t len = (size_t)st.st_size, got = 0;
	char *data = arena_alloc(r->a, len + 1);
	while (got < len) {
		ssize_t n = read(fd, data + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got != len)
		return ERR_IO;
	size_t from, to;
	if (parse_range(http_header(r, "Range"), len, &from, &to)) {
		r->status = 206;
		http_set_header(r, "Content-Range", arena_printf(r->a, "bytes %zu-%zu/%zu", from, to, len));
		r->file_data = data + from;
		r->file_len = to - from + 1;
		return 0;
	}
	r->file_data = data;
	r->file_len = len;
	return 0;
}

/* An administrator sets whether an organisation's images need alt text. */
int h_admin_org_media(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	if (q->me->role != ROLE_ADMIN)
		return ERR_FORBIDDEN;
	struct account *org;
	const char *name = http_param(r, "name");
	if (!name || core_account_by_name(q->w->core, r->a, name, &org) || org->kind != ACCOUNT_ORG)
		return ERR_NOTFOUND;
	if ((rc = core_media_alt_required_set(q->w->core, org->id, http_form(r, "alt_required") != NULL)))
		return rc;
	redirect_msg(r, arena_printf(r->a, "/admin/orgs/%s/policy", org->username), "saved");
	return 0;
}
