/*
 * The privacy guard in the product: which policy applies to an author, what
 * the scanner's findings mean for publishing, and think time.  The scanner
 * itself (scan/) knows nothing of accounts; this file knows nothing of text.
 */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/text.h"
#include "core/core.h"

static const char *action_name(enum scan_action a)
{
	switch (a) {
	case SCAN_ACT_OFF: return "off";
	case SCAN_ACT_WARN: return "warn";
	case SCAN_ACT_BLOCK: return "block";
	default: return "default";
	}
}

/* "bsn=block,phone=off" → per-type actions; unknown names are ignored. */
static void parse_actions(const char *s, enum scan_action *act)
{
	for (int t = 0; t < SCAN_NTYPES; t++)
		act[t] = SCAN_ACT_DEFAULT;
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
				if (vlen == 3 && !strncmp(v, "off", 3))
					act[t] = SCAN_ACT_OFF;
				else if (vlen == 4 && !strncmp(v, "warn", 4))
					act[t] = SCAN_ACT_WARN;
				else if (vlen == 5 && !strncmp(v, "block", 5))
					act[t] = SCAN_ACT_BLOCK;
			}
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
		parse_actions(row.actions, out->action);
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

int core_guard_check(struct core *c, struct arena *a, uint64_t author, int visibility, const uint64_t *rcpt,
                     size_t nrcpt, const char *text, struct guard_result *out)
{
	memset(out, 0, sizeof *out);
	struct account *acc;
	int rc = store_account_get(c->store, a, author, &acc);
	if (rc)
		return rc;
	struct scan_policy pol;
	memset(&pol, 0, sizeof pol);
	bool is_org = acc->kind == ACCOUNT_ORG;
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
	out->verdict = sr.verdict;
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
