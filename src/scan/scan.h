#ifndef SCAN_SCAN_H
#define SCAN_SCAN_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Privacy guard: find client data (BSN, phone numbers, e-mail, IBAN, addresses,
 * birth dates, patient numbers, names, health facts about a person, rooms) in
 * Dutch or English text before it is published.  Detection is a single PCRE2
 * (JIT) pass for the structured types plus a token pass over embedded word
 * lists (the .txt files in src/scan/lists) for names and medical terms.
 */

/* Texts longer than this are refused with ERR_TOOBIG. */
#define SCAN_MAX_TEXT (1024 * 1024)

enum scan_type { SCAN_BSN, SCAN_PHONE, SCAN_EMAIL, SCAN_IBAN, SCAN_ADDRESS, SCAN_DATE_OF_BIRTH,
                 SCAN_PATIENT_NUMBER, SCAN_NAME, SCAN_HEALTH, SCAN_ROOM, SCAN_NTYPES };
enum scan_verdict { SCAN_OK, SCAN_WARN, SCAN_BLOCK };
enum scan_action { SCAN_ACT_DEFAULT, SCAN_ACT_OFF, SCAN_ACT_WARN, SCAN_ACT_BLOCK };
struct scan_finding { enum scan_type type; size_t start, end; double confidence; };
struct scan_policy {                      /* zero-initialised = default policy */
	enum scan_action action[SCAN_NTYPES];
	const char *const *ignore;        /* NULL-terminated: org's own phone numbers, addresses, e-mail; matched ignoring spaces/dashes/case */
};
struct scan_result { struct scan_finding *v; size_t n, cap; enum scan_verdict verdict; };

/*
 * Once at start (idempotent, thread-safe after it returns); compiles regexes,
 * loads embedded lists; 0 or ERR_*.  scan_text calls it too, so calling it
 * first only moves the cost to start-up.
 */
int scan_init(void);
/*
 * Scan `len` bytes of `text` (need not be NUL-terminated or valid UTF-8).
 * `pol` may be NULL (default policy).  `out` must be zeroed or released before;
 * on success it holds the findings sorted by start and the verdict.  Thread-safe.
 * Returns 0, ERR_TOOBIG above SCAN_MAX_TEXT, or the error of scan_init.
 */
int scan_text(const char *text, size_t len, const struct scan_policy *pol, struct scan_result *out);
void scan_result_release(struct scan_result *r);
const char *scan_type_name(enum scan_type t);            /* "bsn", "phone", ..., "date_of_birth", "patient_number" */
const char *scan_type_explain_nl(enum scan_type t);      /* one plain-Dutch (B1) sentence explaining why this is risky, for the compose page */
const char *scan_type_explain_en(enum scan_type t);
const char *scan_verdict_name(enum scan_verdict v);      /* "ok" "warn" "block" */
/* What one finding of a result means under pol (SCAN_OK for a hint): for a
 * caller that drops findings and needs the verdict of the rest. */
enum scan_verdict scan_finding_verdict(const struct scan_policy *pol, const struct scan_finding *f);
/* What SCAN_ACT_DEFAULT ("standaard") does for a type: SCAN_BLOCK or
 * SCAN_WARN (health data: SCAN_WARN, a block when it is tied to a person). */
enum scan_verdict scan_type_default(enum scan_type t);
bool scan_elfproef(const char *digits, size_t n);        /* exposed for tests */
bool scan_iban_valid(const char *s, size_t n);
int scan_cli_main(int argc, char **argv);                /* `kring scan ...`: argv[0] is "scan" */

#endif
