/* Notes with more than text, in and out (fed_note_int.h). */
#include "core/fed_note_int.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/federation.h"
#include "scan/feed.h" /* feed_html_text: remote HTML to plain text */
#include "store/store_api.h"
#include "store/store_fed.h"
#include "store/store_fed_media.h"

json_t *fed_note_context(void)
{
	return json_pack("[s,{s:s,s:s,s:s,s:s}]", "https://www.w3.org/ns/activitystreams", "sensitive", "as:sensitive",
	                 "Hashtag", "as:Hashtag", "toot", "http://joinmastodon.org/ns#", "votersCount",
	                 "toot:votersCount");
}

static const char *iso(struct arena *a, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char b[32];
	strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return arena_strdup(a, b);
}

/* A mentioned account as other servers know it: its actor id and handle. */
static bool mention_ref(struct core *c, struct arena *a, uint64_t id, const char *base, const char **href,
                        const char **name)
{
	struct account *acc;
	if (core_account_get(c, a, id, &acc))
		return false;
	if (core_fed_is_remote(acc)) {
		*name = arena_printf(a, "@%s", acc->username); /* user@host */
		return !core_fed_account_uri(c, a, acc, href);
	}
	*href = arena_printf(a, "%s/users/%s", base, acc->username);
	*name = arena_printf(a, "@%s@%s", acc->username, core_fed_host());
	return true;
}

void fed_note_out(struct core *c, struct arena *a, const struct post *p, json_t *o, const char *base)
{
	struct post_meta meta;
	if (!store_post_meta_get(c->store, a, p->id, &meta)) {
		if (meta.spoiler_text && meta.spoiler_text[0])
			json_object_set_new(o, "summary", json_string(meta.spoiler_text));
		json_object_set_new(o, "sensitive", json_boolean(meta.sensitive));
	}
	struct post copy = *p;
	struct post *v = &copy;
	copy.x = NULL;
	if (store_post_extras(c->store, a, 0, &v, 1) || !copy.x)
		return;
	const struct post_extra *x = copy.x;
	json_t *tags = json_array();
	for (size_t i = 0; i < x->nmentions; i++) {
		const char *href, *name;
		if (mention_ref(c, a, x->mentions[i].id, base, &href, &name))
			json_array_append_new(tags, json_pack("{s:s,s:s,s:s}", "type", "Mention", "href", href, "name", name));
	}
	for (size_t i = 0; i < x->ntags; i++)
		json_array_append_new(tags, json_pack("{s:s,s:s,s:s}", "type", "Hashtag", "href",
		                                      arena_printf(a, "%s/tags/%s", base, x->tags[i]), "name",
		                                      arena_printf(a, "#%s", x->tags[i])));
	if (json_array_size(tags))
		json_object_set_new(o, "tag", tags);
	else
		json_decref(tags);
	json_t *att = json_array();
	for (size_t i = 0; i < x->nmedia; i++) {
		const struct media *m = x->media[i];
		const struct media_file *f = NULL;
		for (size_t k = 0; k < m->nfiles; k++)
			if (m->files[k].main)
				f = &m->files[k];
		if (m->state != MEDIA_READY || !f)
			continue;
		json_t *d = json_pack("{s:s,s:s,s:s}", "type", "Document", "mediaType", f->mime, "url",
		                      arena_printf(a, "%s/media/%s.%s", base, f->sha256, f->ext));
		json_object_set_new(d, "name", m->alt && m->alt[0] ? json_string(m->alt) : json_null());
		if (f->width > 0 && f->height > 0) {
			json_object_set_new(d, "width", json_integer(f->width));
			json_object_set_new(d, "height", json_integer(f->height));
		}
		json_array_append_new(att, d);
	}
	if (json_array_size(att))
		json_object_set_new(o, "attachment", att);
	else
		json_decref(att);
	struct poll *poll;
	if (!x->has_poll || store_poll_get(c->store, a, p->id, 0, &poll))
		return;
	json_t *opts = json_array();
	for (size_t i = 0; i < poll->nopts && i < STORE_POLL_MAX; i++)
		json_array_append_new(opts, json_pack("{s:s,s:s,s:{s:s,s:I}}", "type", "Note", "name", poll->titles[i],
		                                      "replies", "type", "Collection", "totalItems",
		                                      (json_int_t)poll->votes[i]));
	json_object_set_new(o, "type", json_string("Question"));
	json_object_set_new(o, poll->multiple ? "anyOf" : "oneOf", opts);
	if (poll->expires_at > 0) {
		json_object_set_new(o, "endTime", json_string(iso(a, poll->expires_at)));
		if (poll->expires_at <= time_now())
			json_object_set_new(o, "closed", json_string(iso(a, poll->expires_at)));
	}
	json_object_set_new(o, "votersCount", json_integer((json_int_t)poll->voters_count));
}

/* ---- in ---- */

static const char *jget(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

void fed_note_in_tags(struct core *c, struct arena *a, json_t *o, struct post_new *pn)
{
	json_t *tag = json_object_get(o, "tag");
	if (json_is_object(tag)) {
		json_t *one = json_array();
		json_array_append(one, tag);
		tag = one;
	} else if (json_is_array(tag)) {
		json_incref(tag);
	} else {
		return;
	}
	const char **tags = arena_alloc(a, FED_NOTE_TAGS_MAX * sizeof *tags);
	uint64_t *rcpt = arena_alloc(a, FED_NOTE_MENTIONS_MAX * sizeof *rcpt);
	size_t nt = 0, nr = 0;
	size_t bl = strlen(core_fed_base());
	for (size_t i = 0; i < json_array_size(tag) && i < FED_NOTE_MENTIONS_MAX + FED_NOTE_TAGS_MAX; i++) {
		json_t *t = json_array_get(tag, i);
		const char *type = jget(t, "type"), *name = jget(t, "name"), *href = jget(t, "href");
		if (!type)
			continue;
		if (!strcmp(type, "Hashtag") && name && strlen(name) <= CORE_TAG_MAX + 1 && nt < FED_NOTE_TAGS_MAX) {
			/* The name through the same reader as a local post's text. */
			const char *found[1];
			const char *s = name[0] == '#' ? name : arena_printf(a, "#%s", name);
			if (text_tags(a, s, found, 1) == 1) {
				bool dup = false;
				for (size_t k = 0; k < nt; k++)
					dup = dup || !strcmp(tags[k], found[0]);
				if (!dup)
					tags[nt++] = found[0];
			}
		} else if (!strcmp(type, "Mention") && href && strlen(href) < FED_URI_MAX && nr < FED_NOTE_MENTIONS_MAX) {
			uint64_t id = 0;
			struct account *acc;
			struct fed_actor *fa;
			if (!strncmp(href, core_fed_base(), bl) && !strncmp(href + bl, "/users/", 7)) {
				if (!core_account_by_name(c, a, href + bl + 7, &acc) && !core_fed_is_remote(acc))
					id = acc->id;
			} else if (!store_fed_actor_by_uri(c->store, a, href, &fa)) {
				id = fa->account_id;
			}
			bool dup = !id;
			for (size_t k = 0; k < nr && !dup; k++)
				dup = rcpt[k] == id;
			if (!dup)
				rcpt[nr++] = id;
		}
	}
	json_decref(tag);
	pn->tags = tags;
	pn->ntags = nt;
	pn->recipients = rcpt;
	pn->nrecipients = nr;
}

static int64_t parse_iso(const char *s)
{
	struct tm tm = {0};
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	                 &tm.tm_sec) != 6)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (int64_t)timegm(&tm);
}

/* An attachment's address: a string, a Link's href, or the first of a list. */
static const char *att_url(json_t *u)
{
	if (json_is_array(u))
		u = json_array_get(u, 0);
	const char *s = json_is_string(u) ? json_string_value(u) : jget(u, "href");
	if (!s || strlen(s) >= FED_URI_MAX || (strncmp(s, "https://", 8) && strncmp(s, "http://", 7)))
		return NULL;
	for (const char *q = s; *q; q++)
		if ((unsigned char)*q <= ' ' || *q == '"' || *q == '<' || *q == '>')
			return NULL;
	return s;
}

/* The attachments, by their remote address and description: kept, not
 * downloaded (a fetch per attachment would let any server make us fetch). */
static int media_in(struct core *c, struct arena *a, json_t *o, uint64_t post)
{
	json_t *att = json_object_get(o, "attachment");
	size_t n = json_is_array(att) ? json_array_size(att) : json_is_object(att) ? 1 : 0;
	int k = 0;
	for (size_t i = 0; i < n && k < FED_NOTE_MEDIA_MAX; i++) {
		json_t *d = json_is_array(att) ? json_array_get(att, i) : att;
		const char *type = jget(d, "type"), *url = att_url(json_object_get(d, "url"));
		const char *mime = jget(d, "mediaType"), *name = jget(d, "name");
		if (!type || !url || (strcmp(type, "Document") && strcmp(type, "Image") && strcmp(type, "Video") &&
		                      strcmp(type, "Audio")))
			continue;
		if (!mime || strlen(mime) > 100 || !utf8_valid(mime, strlen(mime)))
			mime = "";
		const char *alt = "";
		if (name && strlen(name) <= FED_NOTE_MAX && utf8_valid(name, strlen(name))) {
			const char *t = feed_html_text(a, name, strlen(name), 1500);
			alt = t ? t : "";
		}
		struct fed_media m = {.post_id = post, .idx = k++, .url = url, .mime = mime, .name = alt};
		int rc = store_fed_media_put(c->store, &m);
		if (rc)
			return rc;
	}
	return 0;
}

/* Note o's content warning (summary, sensitive) as post's meta: set when
 * it has one, or always (an Update: one taken away is gone); *cw: the
 * warning's text. */
static int cw_in(struct core *c, struct arena *a, json_t *o, uint64_t post, bool always, const char **cw)
{
	const char *summary = jget(o, "summary");
	json_t *sens = json_object_get(o, "sensitive");
	struct post_meta m = {.spoiler_text = "", .language = ""};
	if (summary && summary[0] && strlen(summary) <= FED_NOTE_MAX && utf8_valid(summary, strlen(summary))) {
		const char *t = feed_html_text(a, summary, strlen(summary), FED_NOTE_SUMMARY_MAX);
		m.spoiler_text = t ? t : "";
	}
	m.sensitive = json_is_true(sens) || m.spoiler_text[0];
	*cw = m.spoiler_text;
	return always || m.sensitive ? store_post_meta_set(c->store, post, &m) : 0;
}

int fed_note_in_update(struct core *c, struct arena *a, json_t *o, uint64_t post, bool *changed)
{
	struct post_meta was = {.spoiler_text = ""};
	const char *cw;
	*changed = false;
	if (store_post_meta_get(c->store, a, post, &was))
		was.spoiler_text = "";
	int rc = cw_in(c, a, o, post, true, &cw);
	if (!rc)
		*changed = strcmp(cw, was.spoiler_text ? was.spoiler_text : "") != 0;
	if (!rc)
		rc = store_fed_media_clear(c->store, post);
	if (!rc)
		rc = media_in(c, a, o, post);
	return rc ? rc : fed_poll_counts_in(c, o, post);
}

int fed_note_in_extras(struct core *c, struct arena *a, json_t *o, uint64_t post)
{
	const char *cw;
	int rc = cw_in(c, a, o, post, false, &cw);
	if (rc)
		return rc;
	if ((rc = media_in(c, a, o, post)))
		return rc;
	const char *type = jget(o, "type");
	if (!type || strcmp(type, "Question"))
		return 0;
	json_t *any = json_object_get(o, "anyOf"), *one = json_object_get(o, "oneOf");
	json_t *opts = json_is_array(any) ? any : one;
	if (!json_is_array(opts) || json_array_size(opts) < 2 || json_array_size(opts) > STORE_POLL_MAX)
		return 0; /* not a poll kring can show: its text stays */
	const char *titles[STORE_POLL_MAX];
	size_t n = 0;
	for (size_t i = 0; i < json_array_size(opts); i++) {
		const char *name = jget(json_array_get(opts, i), "name");
		if (!name || !name[0] || strlen(name) > 400 || !utf8_valid(name, strlen(name)))
			return 0;
		const char *t = feed_html_text(a, name, strlen(name), 200);
		titles[n++] = t && t[0] ? t : name;
	}
	int64_t end = parse_iso(jget(o, "endTime"));
	rc = store_poll_insert(c->store, post, end, opts == any, titles, n);
	return rc ? rc : fed_poll_counts_in(c, o, post);
}

/* A count a server could send, or -1 ("not given") for anything else. */
static int64_t count_in(json_t *t)
{
	return json_is_integer(t) && json_integer_value(t) >= 0 && json_integer_value(t) < 1000000000
	               ? (int64_t)json_integer_value(t)
	               : -1;
}

int fed_poll_counts_in(struct core *c, json_t *o, uint64_t post)
{
	const char *type = jget(o, "type");
	json_t *any = json_object_get(o, "anyOf"), *one = json_object_get(o, "oneOf");
	json_t *opts = json_is_array(any) ? any : one;
	if (!type || strcmp(type, "Question") || !json_is_array(opts) || json_array_size(opts) > STORE_POLL_MAX)
		return 0;
	int64_t votes[STORE_POLL_MAX];
	bool some = false;
	for (size_t i = 0; i < json_array_size(opts); i++) {
		votes[i] = count_in(json_object_get(json_object_get(json_array_get(opts, i), "replies"), "totalItems"));
		some = some || votes[i] >= 0;
	}
	int64_t voters = count_in(json_object_get(o, "votersCount"));
	if (!some && voters < 0)
		return 0;
	return store_poll_origin_counts(c->store, post, votes, json_array_size(opts), voters);
}

void fed_note_media(struct core *c, struct arena *a, struct post *const *v, size_t n)
{
	uint64_t *ids = arena_alloc(a, (n ? n : 1) * sizeof *ids);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i]->x && v[i]->author && core_fed_is_remote(v[i]->author))
			ids[k++] = v[i]->id;
	struct fed_media *m;
	size_t nm;
	if (!k || store_fed_media_of(c->store, a, ids, k, &m, &nm) || !nm)
		return;
	for (size_t i = 0; i < n; i++) {
		struct post_extra *x = v[i]->x;
		size_t add = 0;
		for (size_t j = 0; j < nm; j++)
			add += m[j].post_id == v[i]->id;
		if (!x || !add)
			continue;
		struct media **all = arena_alloc(a, (x->nmedia + add) * sizeof *all);
		for (size_t j = 0; j < x->nmedia; j++)
			all[j] = x->media[j];
		for (size_t j = 0; j < nm; j++) {
			if (m[j].post_id != v[i]->id)
				continue;
			struct media *e = arena_alloc(a, sizeof *e);
			e->id = v[i]->id + (uint64_t)m[j].idx + 1;
			e->owner_id = v[i]->author_id;
			e->kind = !strncmp(m[j].mime, "video/", 6)   ? MEDIA_VIDEO
			          : !strncmp(m[j].mime, "audio/", 6) ? MEDIA_AUDIO
			                                             : MEDIA_IMAGE;
			e->state = MEDIA_READY;
			e->sha256 = e->colour = e->error = e->seen_text = e->look_note = "";
			e->mime = m[j].mime;
			e->alt = m[j].name;
			e->faces = -1;
			e->remote_url = m[j].url;
			all[x->nmedia++] = e;
		}
		x->media = all;
	}
}
