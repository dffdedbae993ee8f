#ifndef BASE_TEXT_H
#define BASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

/* True if s[0..n) is well-formed UTF-8 (no overlongs, surrogates, > U+10FFFF). */
bool utf8_valid(const char *s, size_t n);
/* Number of code points in valid UTF-8. */
size_t utf8_len(const char *s, size_t n);
/*
 * True if text holds control characters other than \n, \r and \t (C0, DEL,
 * and the C1 range U+0080..U+009F).  Input must be valid UTF-8.
 */
bool text_has_controls(const char *s, size_t n);
/* Validate user text: valid UTF-8, no controls, at most max_chars code points. */
int text_check(const char *s, size_t n, size_t max_chars);

/* Append s with & < > " ' escaped for HTML text and attribute values. */
int html_escape(struct buf *b, const char *s, size_t n);
/* Append s escaped for a JSON string (without the quotes). */
/* Bytes json_escape must replace: controls, the quote, the backslash, '<'. */
static inline bool json_special(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\' || c == '<';
}
int json_escape(struct buf *b, const char *s, size_t n);
/* Percent-decode in place ('+' becomes space when form is true); returns new length. */
size_t url_decode(char *s, size_t n, bool form);
/* Append s percent-encoded for a URL query value. */
int url_encode(struct buf *b, const char *s, size_t n);

/* Compare in constant time for equal lengths (tokens, CSRF). */
bool str_eq_ct(const char *a, const char *b);
/* Write v in decimal into out (at least 21 bytes), NUL-terminated; returns
 * the number of digits. */
size_t u64_str(char *out, uint64_t v);
/* Parse a decimal uint64; whole string must be digits; false on overflow. */
bool parse_u64(const char *s, uint64_t *out);
/* Trim ASCII space in place from both ends, returning the start. */
char *str_trim(char *s);
/* ASCII lower-case in place. */
void str_lower(char *s);

#endif
