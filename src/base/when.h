#ifndef BASE_WHEN_H
#define BASE_WHEN_H

#include <stdbool.h>
#include <stdint.h>

/*
 * A moment as people and apps write it: "2026-12-02T10:00" (the server's
 * local time, as a datetime-local field sends it; a space for the T is
 * taken too), with ":SS" and a final "Z" (UTC) allowed.  false for
 * anything else (at most 20 bytes are looked at; years 1970..9999).
 */
bool when_parse(const char *s, int64_t *out);

#endif
