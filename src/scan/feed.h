#ifndef SCAN_FEED_H
#define SCAN_FEED_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"

/*
 * RSS 2.0 (and 0.9x/1.0) and Atom feeds, read for webcare's outside sources
 * (docs/webcare.md).  A feed comes from a server kring does not control, so
 * the reader is strict about what it will do for it:
 *
 *   - at most FEED_MAX_BYTES of input and FEED_MAX_ITEMS items (the newest
 *     first in document order; the rest are left for the next poll);
 *   - no network access, no DTD loading, and no entity expansion: a document
 *     that declares entities of its own (billion laughs, external entities)
 *     is refused, and entity references in text are dropped;
 *   - text is HTML made plain: tags removed (script and style with their
 *     content), character references decoded, white space collapsed,
 *     each field cut at its limit on a UTF-8 boundary.
 *
 * Everything returned lives in the arena.  The parse is pure: the same bytes
 * give the same items, so ingest can de-duplicate by guid.
 */

enum {
	FEED_MAX_BYTES = 4 << 20,  /* a news site's feed is well under 1 MB */
	FEED_MAX_ITEMS = 200,
	FEED_MAX_TITLE = 500,      /* bytes, after HTML is made plain */
	FEED_MAX_TEXT = 8000,
	FEED_MAX_URL = 2000,
};

enum feed_kind { FEED_RSS = 1, FEED_ATOM = 2 };

struct feed_item {
	const char *guid;      /* guid, Atom id, else the link, else a hash of title+text */
	const char *link;      /* "" if none (http(s) only) */
	const char *title;     /* plain text, "" if none */
	const char *text;      /* plain text of description/content/summary */
	const char *author;    /* "" if none */
	int64_t published;     /* Unix seconds; 0 if absent or unreadable */
};

struct feed {
	int kind;              /* enum feed_kind */
	const char *title, *link;
	struct feed_item *items;
	size_t nitems;
	size_t skipped;        /* items past FEED_MAX_ITEMS */
};

/*
 * Parse body into *out.  Returns 0, ERR_TOOBIG (over FEED_MAX_BYTES) or
 * ERR_INVAL with *why set to a short English reason for the source's page
 * ("not XML", "declares entities", "neither RSS nor Atom", ...).
 */
int feed_parse(struct arena *a, const char *body, size_t len, struct feed *out, const char **why) WARN_UNUSED;

/* Plain text of an HTML fragment (also used for Mastodon statuses' content). */
char *feed_html_text(struct arena *a, const char *html, size_t len, size_t max);

/* FNV-1a of s continued from h (FEED_FNV_START to begin): the stable keys
 * of items without a guid, and of keys too long to store. */
#define FEED_FNV_START 1469598103934665603ULL
uint64_t feed_fnv(uint64_t h, const char *s);

/* RFC 822/1123 (RSS) or RFC 3339 (Atom) date to Unix seconds; 0 if unreadable. */
int64_t feed_date(const char *s);

#endif
