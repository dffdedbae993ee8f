#ifndef BASE_BUF_H
#define BASE_BUF_H

#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"

/*
 * The one growable byte buffer (after git's strbuf and curl's dynbuf).
 * `ptr` is never NULL and always NUL-terminated; `max` bounds len so a buffer
 * fed from untrusted input cannot grow without limit (0 = BUF_NOLIMIT).
 * An append that would pass `max` leaves the buffer unchanged and returns
 * ERR_TOOBIG.
 */
struct buf {
	char *ptr;
	size_t len, cap, max;
};

extern char buf_empty[];
#define BUF_NOLIMIT ((size_t)-1)
#define BUF_INIT(limit) { .ptr = buf_empty, .len = 0, .cap = 0, .max = (limit) }

void buf_init(struct buf *b, size_t max);
int buf_add(struct buf *b, const void *p, size_t n) WARN_UNUSED;
int buf_adds(struct buf *b, const char *s) WARN_UNUSED;
int buf_addc(struct buf *b, char c) WARN_UNUSED;
int buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3))) WARN_UNUSED;
int buf_vaddf(struct buf *b, const char *fmt, va_list ap) WARN_UNUSED;
/* Make room for n more bytes; returns ERR_TOOBIG past max. */
int buf_grow(struct buf *b, size_t n) WARN_UNUSED;
void buf_reset(struct buf *b);
/* Hand the heap string to the caller (who frees it); b is left empty. */
char *buf_take(struct buf *b, size_t *len);
void buf_release(struct buf *b);

/*
 * Appends to an unbounded buffer (BUF_NOLIMIT) cannot fail: allocation
 * failure aborts.  buf_nofail(buf_adds(&b, s)) drops such a result and
 * asserts that invariant.  A bounded buffer's result is checked instead.
 */
static inline void buf_nofail(int rc)
{
	assert(rc == 0);
	(void)rc;
}

#endif
