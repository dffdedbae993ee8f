#ifndef WEB_I18N_H
#define WEB_I18N_H

#include <stddef.h>

/*
 * Translations.  The program's source language is Dutch, so msgids are the
 * Dutch text; other languages come from GNU gettext .po files embedded in the
 * binary.  A catalogue is built once at start and then read from many threads.
 */

/* Largest .po text i18n_parse accepts. */
#define I18N_MAX_PO (4u * 1024 * 1024)

/* One language's catalogue. */
struct i18n;

/*
 * Parse .po text src[0..len) (UTF-8): msgid/msgstr pairs with "..."
 * continuation lines and C escapes, # comments.  Skipped: the header entry
 * (msgid ""), "#, fuzzy" entries, empty msgstr (untranslated) and obsolete
 * "#~" entries.  For plurals msgstr[0] is kept.  An entry with msgctxt is
 * only found through i18n_pget.  On success *out is a new catalogue to be
 * freed with i18n_free.  Returns ERR_TOOBIG past I18N_MAX_PO, ERR_INVAL on
 * malformed input (including duplicate msgids and invalid UTF-8) with
 * "line N: ..." written to err if err is not NULL.
 */
int i18n_parse(const char *src, size_t len, struct i18n **out, char *err, size_t errlen);
/* The translation of msgid, or msgid itself when t is NULL or has none. */
const char *i18n_get(const struct i18n *t, const char *msgid);
/* Same for an entry with msgctxt `ctxt`. */
const char *i18n_pget(const struct i18n *t, const char *ctxt, const char *msgid);
/* Number of translations held. */
size_t i18n_count(const struct i18n *t);
/* NULL is a no-op. */
void i18n_free(struct i18n *t);

/*
 * "nl" or "en" for an Accept-Language header value such as
 * "en-GB,en;q=0.9,nl;q=0.8": the acceptable one with the highest q, the
 * earlier one on a tie; "*" stands for a language not named.  "nl" when the
 * header is NULL, empty, or accepts neither.  Returns a static string.
 */
const char *i18n_pick(const char *accept_language);

#endif
