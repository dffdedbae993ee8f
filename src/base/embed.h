#ifndef BASE_EMBED_H
#define BASE_EMBED_H

#include <stddef.h>

/*
 * Files compiled into the binary at build time (templates, static assets,
 * translations, word lists), so one binary is the whole program.  `name` is
 * the path as given to the build (e.g. "templates/home.html"); data is
 * NUL-terminated for convenience, len excludes that NUL.
 */
struct embed_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};

extern const struct embed_file embed_files[];
extern const size_t embed_nfiles;

/* The embedded file with this exact name, or NULL. */
const struct embed_file *embed_get(const char *name);

#endif
