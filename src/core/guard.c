/*
 * The privacy guard in the product: which policy applies to an author, what
 * the scanner's findings mean for publishing, and think time.  The scanner
 * itself (scan/) knows nothing of accounts; this file knows nothing of text.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"

static const char *action_name(enum scan_action a)
{
	switch (a) {
	case SCAN_ACT_OFF: return "off";
	case SCAN_ACT_WARN: return "warn";
	case SCAN_ACT_BLOCK: return "block";
	default: return "default";
	}
}

/* "off" / "warn" / "block" of n bytes, else the default. */
static enum scan_action action_of(const char *v, size_t vlen)
{
	if (vlen == 3 && !strncmp(v, "off", 3))
		return SCAN_ACT_OFF;
	if (vlen == 4 && !strncmp(v, "warn", 4))
		return SCAN_ACT_WARN;
	if (vlen == 5 && !strncmp(v, "block", 5))
		return SCAN_ACT_BLOCK;
	return SCAN_ACT_DEFAULT;
}

/* The pseudo-type of faces in photos and videos in a policy's actions. */
#define FACES_KEY "faces"

/* "bsn=block,phone=off,faces=warn" → per-type actions; unknown names are ignored. */
static void parse_actions(const char *s, enum scan_action *act, enum scan_action *faces)
{
	for (int t = 0; t < SCAN_NTYPES; t++)
		act[t] = SCAN_ACT_DEFAULT;
	*faces = SCAN_ACT_DEFAULT;
	while (s && *s) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		const char *eq = memchr(s, '=', len);
		if (eq) {
			size_t klen = (size_t)(eq - s);
			const char *v = eq + 1;
			size_t vlen = len - klen - 1;
			for (int t = 0; t < SCAN_NTYPES; t++) {
				const char *name = scan_type_name((enum scan_type)t);
				if (strlen(name) != klen || strncmp(name, s, klen))
					continue;
				if (action_of(v, vlen) != SCAN_ACT_DEFAULT)
					act[t] = action_of(v, vlen);
			}
			if (klen == strlen(FACES_KEY) && !strncmp(s, FACES_KEY, klen))
				*faces = action_of(v, vlen);
		}
		s = comma ? comma + 1 : NULL;
	}
}

int core_guard_policy_get(struct core *c, uint64_t org, struct guard_policy *out)
{
	memset(out, 0, sizeof *out);
	out->hold_seconds = CORE_ORG_HOLD_DEFAULT;
	struct arena a;
	arena_init(&a);
	struct guard_policy_row row;
	int rc = store_guard_policy_get(c->store, &a, org, &row);
	if (rc == 0) {
		parse_actions(row.actions, out->action, &out->faces);
		snprintf(out->ignore, sizeof out->ignore, "%s", row.ignore);
		out->allow_override = row.allow_override;
		out->hold_seconds = row.hold_seconds;
	} else if (rc == ERR_NOTFOUND) {
		rc = 0;
	}
	arena_release(&a);
	return rc;
}

int core_guard_policy_set(struct core *c, uint64_t org, const struct guard_policy *p)
{
	if (p->hold_seconds < 0 || p->hold_seconds > CORE_HOLD_MAX)
		return ERR_INVAL;
	if (text_check(p->ignore, strlen(p->ignore), sizeof p->ignore - 1))
		return ERR_INVAL;
	char actions[512] = "";
	size_t k = 0;
	for (int t = 0; t < SCAN_NTYPES; t++) {
		if (p->action[t] == SCAN_ACT_DEFAULT)
			continue;
		int n = snprintf(actions + k, sizeof actions - k, "%s%s=%s", k ? "," : "",
		                 scan_type_name((enum scan_type)t), action_name(p->action[t]));
		if (n < 0 || (size_t)n >= sizeof actions - k)
			return ERR_TOOBIG;
		k += (size_t)n;
	}
	if (p->faces != SCAN_ACT_DEFAULT) {
		int n = snprintf(actions + k, sizeof actions - k, "%s" FACES_KEY "=%s", k ? "," : "", action_name(p->faces));
		if (n < 0 || (size_t)n >= sizeof actions - k)
			return ERR_TOOBIG;
	}
	struct guard_policy_row row = {
		.actions = actions,
		.ignore = p->ignore,
		.allow_override = p->allow_override,
		.hold_seconds = p->hold_seconds,
	};
	return store_guard_policy_set(c->store, org, &row);
}

int core_hold_set(struct core *c, uint64_t id, int seconds)
{
	if (seconds < 0 || seconds > CORE_HOLD_MAX)
		return ERR_INVAL;
	return store_account_set_hold(c->store, id, seconds);
}

/* Care providers: organisations and professionals. */
static bool all_providers(struct core *c, struct arena *a, const uint64_t *rcpt, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		struct account *acc;
		if (store_account_get(c->store, a, rcpt[i], &acc))
			return false;
		if (acc->kind != ACCOUNT_ORG && acc->person_type != PERSON_PROFESSIONAL)
			return false;
	}
	return true;
}

static int guard_scan(struct core *c, struct arena *a, uint64_t author, uint64_t writer, int visibility,
                      const uint64_t *rcpt, size_t nrcpt, const char *text, const struct guard_part *parts,
                      size_t nparts, struct guard_result *out);

int core_guard_check(struct core *c, struct arena *a, uint64_t author, int visibility, const uint64_t *rcpt,
                     size_t nrcpt, const char *text, struct guard_result *out)
{
	struct guard_part *p = arena_alloc(a, sizeof *p);
	*p = (struct guard_part){.what = "status", .text = text, .start = 0, .end = strlen(text)};
	int rc = guard_scan(c, a, author, author, visibility, rcpt, nrcpt, text, NULL, 0, out);
	out->text = text;
	out->parts = p;
	out->nparts = 1;
	return rc;
}

const char *core_guard_where(const struct guard_result *g, const struct scan_finding *f)
{
	for (size_t i = 0; i < g->nparts; i++)
		if (f->start >= g->parts[i].start && f->start < g->parts[i].end)
			return g->parts[i].what;
	return "";
}

int guard_gate(struct core *c, struct arena *a, uint64_t author, uint64_t writer, int visibility,
               const uint64_t *rcpt, size_t nrcpt, struct guard_part *parts, size_t n, bool confirm,
               struct guard_result *g)
{
	/* One text, the parts apart by a blank line: the scanner ends a sentence
	 * there, and a finding's offsets tell which part it is in. */
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	for (size_t i = 0; i < n; i++) {
		const char *t = parts[i].text ? parts[i].text : "";
		if (b.len && *t)
			buf_nofail(buf_adds(&b, "\n\n"));
		parts[i].start = b.len;
		buf_nofail(buf_adds(&b, t));
		parts[i].end = b.len;
	}
	char *text = arena_strndup(a, b.ptr ? b.ptr : "", b.len);
	buf_release(&b);
	int rc = guard_scan(c, a, author, writer, visibility, rcpt, nrcpt, text, parts, n, g);
	/* The result outlives the caller's parts (the adapter shows it). */
	struct guard_part *kept = arena_alloc(a, (n + 1) * sizeof *kept);
	if (n)
		memcpy(kept, parts, n * sizeof *kept);
	g->text = text;
	g->parts = kept;
	g->nparts = n;
	if (rc)
		return rc;
	if (g->verdict == SCAN_OK)
		return 0;
	if (!g->overridable)
		return ERR_BLOCKED;
	return confirm ? 0 : ERR_GUARD;
}

int guard_ask_gate(struct core *c, uint64_t author, uint64_t writer, struct guard_part *parts, size_t n,
                   const struct guard_ask *ask)
{
	struct arena own;
	arena_init(&own);
	struct arena *a = ask && ask->a ? ask->a : &own;
	struct guard_result local, *g = ask && ask->result ? ask->result : &local;
	if (!n) {
		memset(g, 0, sizeof *g);
		g->text = "";
		return 0;
	}
	int rc = guard_gate(c, a, author, writer, VIS_PUBLIC, NULL, 0, parts, n, ask && ask->confirm, g);
	if (!rc)
		guard_audit(c, author, writer, 0, g);
	arena_release(&own);
	return rc;
}

int guard_audit(struct core *c, uint64_t author, uint64_t writer, uint64_t post, const struct guard_result *g)
{
	if (g->verdict == SCAN_OK)
		return 0;
	struct buf types = BUF_INIT(1024);
	if (g->faces)
		buf_nofail(buf_adds(&types, FACES_KEY)); /* short constant into an empty 1 KB buffer */
	for (size_t i = 0; i < g->n; i++) {
		const char *t = scan_type_name(g->v[i].type);
		if (!strstr(types.ptr, t))
			/* a summary for the audit row: past 1 KB the rest is left out */
			IGNORE_RESULT(buf_addf(&types, "%s%s", types.len ? "," : "", t));
	}
	/* Which texts beside a post's own text, so the audit shows where it was. */
	for (size_t i = 0; i < g->nparts; i++) {
		bool here = false;
		for (size_t k = 0; k < g->n && !here; k++)
			here = g->v[k].start >= g->parts[i].start && g->v[k].start < g->parts[i].end;
		char note[64];
		snprintf(note, sizeof note, " (%s)", g->parts[i].what);
		if (here && strcmp(g->parts[i].what, "status") && !strstr(types.ptr, note))
			IGNORE_RESULT(buf_adds(&types, note));
	}
	int rc = store_guard_log_add(c->store, author, writer, post, scan_verdict_name(g->verdict), types.ptr);
	if (rc)
		log_err("cannot log privacy guard override for %s %llu", post ? "post" : "account",
		        (unsigned long long)(post ? post : author));
	buf_release(&types);
	return rc;
}

/* Words that stand before a name without being one: "mevrouw Bakker" is Bakker. */
static bool title_word(const char *w, size_t n, const char *next)
{
	static const char *const titles[] = {
		"mevrouw", "mevr", "mw", "meneer", "mijnheer", "heer", "dhr", "hr", "mr", "mrs", "ms", "miss",
		"dr", "zuster", "broeder", "juffrouw", "juf", "meester", "oma", "opa", "tante", "oom", "familie",
		"fam", "beste", "lieve", "hoi", "hallo", "dag", "groet", "groeten",
	};
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
		if (strlen(titles[i]) == n && !strncasecmp(titles[i], w, n))
			return true;
	/* "de heer Bakker" */
	return n == 2 && !strncasecmp(w, "de", 2) && next && !strncasecmp(next, "heer", 4);
}

/*
 * Is every word of s[0..n) (letters and digits, any case) a word of one of
 * names?  Titles before a name ("mevrouw", "de heer") and initials of a word
 * of the names ("J. de Vries") go with it; at least one word must be a name.
 */
static bool own_name(const char *s, size_t n, const char *const *names, size_t nnames)
{
	size_t i = 0;
	bool any = false;
	while (i < n) {
		while (i < n && !isalnum((unsigned char)s[i]) && !((unsigned char)s[i] & 0x80))
			i++;
		size_t w = i;
		while (i < n && (isalnum((unsigned char)s[i]) || ((unsigned char)s[i] & 0x80)))
			i++;
		if (i == w)
			break;
		size_t j = i;
		while (j < n && !isalnum((unsigned char)s[j]) && !((unsigned char)s[j] & 0x80))
			j++;
		if (title_word(s + w, i - w, j < n ? s + j : NULL))
			continue;
		bool initial = i - w == 1 && isalpha((unsigned char)s[w]);
		bool found = false;
		for (size_t k = 0; k < nnames && !found; k++) {
			const char *h = names[k];
			size_t hl = strlen(h);
			for (size_t p = 0; p + (i - w) <= hl && !found; p++) {
				bool start = p == 0 || (!isalnum((unsigned char)h[p - 1]) && !((unsigned char)h[p - 1] & 0x80));
				found = start && !strncasecmp(h + p, s + w, i - w) &&
				        (initial || (!isalnum((unsigned char)h[p + i - w]) && !((unsigned char)h[p + i - w] & 0x80)));
			}
		}
		if (!found)
			return false;
		any |= !initial;
	}
	return any;
}

/*
 * Names that are no client's: the author's and the writer's own (display
 * name, stored or new, and username) anywhere in what they publish (a
 * person introducing themselves, a staff member's sign-off), and in a
 * private message its recipients' (the greeting to the person it is
 * written to).  A name finding made only of those words is dropped and the
 * verdict settled again; a third person's name stays a finding.
 */
static void drop_known_names(struct core *c, struct arena *a, const struct account *acc, uint64_t writer,
                             int visibility, const uint64_t *rcpt, size_t nrcpt, const char *text,
                             const struct guard_part *parts, size_t np, const struct scan_policy *pol,
                             struct scan_result *sr)
{
	bool any = false;
	for (size_t i = 0; i < sr->n && !any; i++)
		any = sr->v[i].type == SCAN_NAME;
	if (!any)
		return;
	size_t cap = 6 + np + 2 * (visibility == VIS_DIRECT ? nrcpt : 0), nn = 0;
	const char **names = arena_alloc(a, cap * sizeof *names);
	names[nn++] = acc->display_name ? acc->display_name : "";
	names[nn++] = acc->username ? acc->username : "";
	struct account *w;
	if (writer && writer != acc->id && store_account_get(c->store, a, writer, &w) == 0) {
		names[nn++] = w->display_name ? w->display_name : "";
		names[nn++] = w->username ? w->username : "";
	}
	for (size_t i = 0; i < np; i++)
		if (parts[i].self && !strcmp(parts[i].what, "display_name"))
			names[nn++] = parts[i].text;
	for (size_t i = 0; visibility == VIS_DIRECT && i < nrcpt; i++) {
		struct account *r;
		if (store_account_get(c->store, a, rcpt[i], &r))
			continue;
		names[nn++] = r->display_name ? r->display_name : "";
		names[nn++] = r->username ? r->username : "";
	}
	size_t k = 0;
	enum scan_verdict v = SCAN_OK;
	for (size_t i = 0; i < sr->n; i++) {
		const struct scan_finding *f = &sr->v[i];
		if (f->type == SCAN_NAME && own_name(text + f->start, f->end - f->start, names, nn))
			continue;
		enum scan_verdict fv = scan_finding_verdict(pol, f);
		if (fv > v)
			v = fv;
		sr->v[k++] = *f;
	}
	sr->n = k;
	sr->verdict = v;
}

static int guard_scan(struct core *c, struct arena *a, uint64_t author, uint64_t writer, int visibility,
                      const uint64_t *rcpt, size_t nrcpt, const char *text, const struct guard_part *parts,
                      size_t nparts, struct guard_result *out)
{
	memset(out, 0, sizeof *out);
	struct account *acc;
	int rc = store_account_get(c->store, a, author, &acc);
	if (rc)
		return rc;
	struct scan_policy pol;
	memset(&pol, 0, sizeof pol);
	bool is_org = acc->kind == ACCOUNT_ORG;
	/* A private person (not an organisation or a care professional) reads
	 * the guard's calm words; staff read their organisation's. */
	out->client = !is_org && acc->person_type != PERSON_PROFESSIONAL;
	struct guard_policy gp;
	const char **ignore = NULL;
	if (is_org) {
		if ((rc = core_guard_policy_get(c, author, &gp)))
			return rc;
		memcpy(pol.action, gp.action, sizeof pol.action);
		/* The organisation's own public contact details are not findings. */
		size_t lines = 1;
		for (const char *p = gp.ignore; *p; p++)
			lines += *p == '\n';
		ignore = arena_alloc(a, (lines + 1) * sizeof *ignore);
		size_t k = 0;
		char *copy = arena_strdup(a, gp.ignore);
		for (char *save = NULL, *line = strtok_r(copy, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save))
			if (*line)
				ignore[k++] = line;
		ignore[k] = NULL;
		pol.ignore = ignore;
	}
	if (!is_org && visibility == VIS_DIRECT && all_providers(c, a, rcpt, nrcpt)) {
		out->verdict = SCAN_OK;
		out->own_data_to_provider = true;
		return 0;
	}
	struct scan_result sr;
	memset(&sr, 0, sizeof sr);
	if ((rc = scan_text(text, strlen(text), &pol, &sr)))
		return rc;
	drop_known_names(c, a, acc, writer, visibility, rcpt, nrcpt, text, parts, nparts, &pol, &sr);
	out->verdict = sr.verdict;
	/* Faces in a photo or video: asked about like a finding (a person's own
	 * photo too: "is everyone in it OK with sharing it?"); an organisation
	 * may block them or not ask.  Blurred faces are not counted. */
	int faces = 0;
	for (size_t i = 0; i < nparts; i++)
		faces += parts[i].faces > 0 ? parts[i].faces : 0;
	enum scan_action fa = is_org ? gp.faces : SCAN_ACT_DEFAULT;
	if (faces && fa != SCAN_ACT_OFF) {
		out->faces = faces;
		enum scan_verdict fv = fa == SCAN_ACT_BLOCK ? SCAN_BLOCK : SCAN_WARN;
		if (fv > out->verdict)
			out->verdict = fv;
	}
	out->n = sr.n;
	out->v = arena_alloc(a, (sr.n + 1) * sizeof *out->v);
	if (sr.n)
		memcpy(out->v, sr.v, sr.n * sizeof *out->v);
	scan_result_release(&sr);
	/* Staff speaking for an organisation cannot publish past a block unless
	 * the organisation allows it; a person decides for themselves. */
	out->overridable = out->verdict != SCAN_BLOCK || !is_org || gp.allow_override;
	return 0;
}

int media_alt_guard(struct core *c, struct arena *a, uint64_t viewer, uint64_t media, const char *alt,
                    const struct guard_ask *ask)
{
	uint64_t *posts;
	size_t n = 0;
	int rc = store_media_posts(c->store, a, media, &posts, &n);
	if (rc)
		return rc;
	struct guard_part *part = arena_alloc(a, sizeof *part);
	*part = (struct guard_part){.what = "description", .text = alt};
	if (!n) {
		/* An upload not on a post yet is read with the post it goes with. */
		bool avatar;
		if ((rc = store_media_is_avatar(c->store, media, &avatar)) || !avatar)
			return rc;
		return guard_ask_gate(c, viewer, viewer, part, 1, ask);
	}
	/* On a post: read as the post's author would publish it, to its audience. */
	struct post *p;
	if ((rc = core_post_get(c, a, viewer, posts[0], &p)))
		return rc;
	uint64_t *rcpt = NULL;
	size_t nrcpt = 0;
	if (store_post_recipients(c->store, a, p->id, &rcpt, &nrcpt))
		nrcpt = 0;
	struct guard_result local, *g = ask && ask->result ? ask->result : &local;
	struct arena *ga = ask && ask->a ? ask->a : a;
	if ((rc = guard_gate(c, ga, p->author_id, viewer, p->visibility, rcpt, nrcpt, part, 1, ask && ask->confirm,
	                     g)))
		return rc;
	guard_audit(c, p->author_id, viewer, p->id, g);
	return 0;
}
