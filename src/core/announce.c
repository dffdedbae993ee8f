/* Announcements: an administrator's notices to everyone, as Mastodon's
 * /api/v1/announcements shows them; dismissing and reacting per person. */
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"

static int need_admin(struct core *c, uint64_t viewer)
{
	struct arena a;
	arena_init(&a);
	int rc = core_need_role(c, &a, viewer, ROLE_ADMIN);
	arena_release(&a);
	return rc;
}

/* One code point of s (valid UTF-8, checked before); its length in *len. */
static uint32_t next_cp(const unsigned char *s, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] < 0xE0) {
		*len = 2;
		return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	}
	if (s[0] < 0xF0) {
		*len = 3;
		return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
	}
	*len = 4;
	return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 | (uint32_t)(s[2] & 0x3F) << 6 |
	       (s[3] & 0x3F);
}

/* One unicode emoji, as far as a short check can tell: at most 32 bytes of
 * valid UTF-8, code points from the symbol planes (with joiners, variation
 * selectors and keycaps), at least one pictograph; no letters, spaces or
 * controls, so a shortcode (":blobcat:") or text is refused. */
bool core_ann_emoji_ok(const char *name)
{
	size_t n = name ? strlen(name) : 0;
	if (n == 0 || n > 32 || !utf8_valid(name, n))
		return false;
	const unsigned char *s = (const unsigned char *)name;
	bool picto = false;
	for (size_t i = 0; i < n;) {
		size_t len;
		uint32_t cp = next_cp(s + i, &len);
		i += len;
		if (cp == '#' || cp == '*' || (cp >= '0' && cp <= '9'))
			continue; /* keycaps: 1️⃣ */
		if (cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0020 && cp <= 0xE007F))
			continue; /* joiner, variation selectors, tag sequences */
		if ((cp >= 0x2100 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || cp == 0x3297 || cp == 0x3299 ||
		    (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xA9 || cp == 0xAE || cp == 0x20E3) {
			picto = true;
			continue;
		}
		return false;
	}
	return picto;
}

/* The pinned posts of organisations viewer follows that viewer may read,
 * as announcements. */
static int org_pins(struct core *c, struct arena *a, uint64_t viewer, bool with_dismissed, struct announcement *v,
                    size_t *k, size_t max)
{
	uint64_t *ids;
	size_t n;
	int rc = store_ann_org_pins(c->store, a, viewer, &ids, &n);
	for (size_t i = 0; !rc && i < n && *k < max; i++) {
		struct post *p;
		if (core_post_get(c, a, viewer, ids[i], &p) || p->reblog_of)
			continue; /* gone, or not (any longer) the viewer's to read */
		struct announcement an = {
		        .id = p->id,
		        .post_id = p->id,
		        .author_id = p->author_id,
		        .text = p->text,
		        .published = true,
		        .published_at = p->created_at,
		        .updated_at = p->edited_at ? p->edited_at : p->created_at,
		};
		if ((rc = store_ann_extras(c->store, a, viewer, &an)))
			break;
		if (an.read && !with_dismissed)
			continue;
		v[(*k)++] = an;
	}
	return rc;
}

int core_ann_list(struct core *c, struct arena *a, uint64_t viewer, bool with_dismissed, struct announcement **out,
                  size_t *n)
{
	struct announcement *mine;
	size_t k;
	int rc = store_ann_list(c->store, a, viewer, true, time_now(), with_dismissed || !viewer, &mine, &k);
	if (rc || !viewer) {
		*out = mine;
		*n = rc ? 0 : k;
		return rc;
	}
	/* The administrator's notices first, then crises of organisations the
	 * viewer follows or is in a group of, then the organisations' pins. */
	size_t max = 3 * STORE_ANN_MAX;
	struct announcement *v = arena_alloc(a, max * sizeof *v);
	memcpy(v, mine, k * sizeof *v);
	if ((rc = wc_crisis_anns(c, a, viewer, with_dismissed, v, &k, k + STORE_ANN_MAX)) ||
	    (rc = org_pins(c, a, viewer, with_dismissed, v, &k, max)))
		return rc;
	*out = v;
	*n = k;
	return 0;
}

/* The one with id if it is shown to viewer now: a published notice in its
 * time, or a pinned post of an organisation viewer follows. */
static int shown(struct core *c, struct arena *a, uint64_t viewer, uint64_t id)
{
	struct announcement an;
	int rc = id ? store_ann_get(c->store, a, viewer, id, &an) : ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND && id && !wc_crisis_ann_shown(c, a, viewer, id))
		return 0; /* an organisation's crisis */
	if (rc == ERR_NOTFOUND && id) {
		uint64_t *ids;
		size_t n;
		if ((rc = store_ann_org_pins(c->store, a, viewer, &ids, &n)))
			return rc;
		struct post *p;
		for (size_t i = 0; i < n; i++)
			if (ids[i] == id)
				return core_post_get(c, a, viewer, id, &p) ? ERR_NOTFOUND : 0;
		return ERR_NOTFOUND;
	}
	if (rc)
		return rc;
	int64_t now = time_now();
	if (!an.published || (an.starts_at && an.starts_at > now) || (an.ends_at && an.ends_at <= now))
		return ERR_NOTFOUND;
	return 0;
}

int core_ann_dismiss(struct core *c, struct arena *a, uint64_t viewer, uint64_t id)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	rc = shown(c, a, viewer, id);
	if (!rc)
		rc = store_ann_dismiss(c->store, viewer, id);
	return store_finish(c->store, rc);
}

int core_ann_react(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *name)
{
	if (!viewer)
		return ERR_AUTH;
	if (!core_ann_emoji_ok(name))
		return ERR_INVAL;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	int64_t given = 0;
	rc = shown(c, a, viewer, id);
	if (!rc)
		rc = store_ann_react_count(c->store, viewer, id, &given);
	/* Bounded per person; giving one already given again changes nothing. */
	if (!rc && given >= STORE_ANN_REACTIONS_MAX) {
		struct announcement an = {.id = id};
		rc = store_ann_extras(c->store, a, viewer, &an);
		bool have = false;
		for (size_t i = 0; !rc && i < an.nreactions; i++)
			have |= an.reactions[i].me && !strcmp(an.reactions[i].name, name);
		if (!rc && !have)
			rc = ERR_TOOBIG;
	}
	if (!rc)
		rc = store_ann_react(c->store, viewer, id, name, time_now());
	return store_finish(c->store, rc);
}

int core_ann_unreact(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *name)
{
	if (!viewer)
		return ERR_AUTH;
	if (!core_ann_emoji_ok(name))
		return ERR_INVAL;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	rc = shown(c, a, viewer, id);
	if (!rc)
		rc = store_ann_unreact(c->store, viewer, id, name);
	return store_finish(c->store, rc);
}

int core_ann_admin_list(struct core *c, struct arena *a, uint64_t viewer, struct announcement **out, size_t *n)
{
	int rc = need_admin(c, viewer);
	if (rc)
		return rc;
	return store_ann_list(c->store, a, 0, false, time_now(), true, out, n);
}

int core_ann_create(struct core *c, uint64_t viewer, const char *text, int64_t starts_at, int64_t ends_at, bool all_day,
                    bool publish, uint64_t *id)
{
	int rc = need_admin(c, viewer);
	if (rc)
		return rc;
	size_t n = text ? strlen(text) : 0;
	if (!n || !utf8_valid(text, n) || utf8_len(text, n) > CORE_ANN_TEXT_MAX || starts_at < 0 || ends_at < 0 ||
	    (starts_at && ends_at && ends_at <= starts_at))
		return ERR_INVAL;
	bool blank = true;
	for (size_t i = 0; i < n && blank; i++)
		blank = text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t';
	if (blank)
		return ERR_INVAL;
	int64_t now = time_now();
	struct announcement an = {
	        .id = id_new(),
	        .author_id = viewer,
	        .text = text,
	        .starts_at = starts_at,
	        .ends_at = ends_at,
	        .all_day = all_day,
	        .published = publish,
	        .published_at = publish ? now : 0,
	        .updated_at = now,
	};
	if (id)
		*id = an.id;
	return store_ann_insert(c->store, &an);
}

int core_ann_publish(struct core *c, uint64_t viewer, uint64_t id, bool on)
{
	int rc = need_admin(c, viewer);
	if (rc)
		return rc;
	return store_ann_set_published(c->store, id, on, time_now());
}

int core_ann_delete(struct core *c, uint64_t viewer, uint64_t id)
{
	int rc = need_admin(c, viewer);
	if (rc)
		return rc;
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_ann_delete(c->store, id);
	return store_finish(c->store, rc);
}
