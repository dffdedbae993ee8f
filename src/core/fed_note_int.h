#ifndef CORE_FED_NOTE_INT_H
#define CORE_FED_NOTE_INT_H

/*
 * Notes with more than text (core/fed_note.c, internal to core): how the
 * public collection may be written, and the parts of a Note beyond its
 * content, in and out (docs/federation.md, "Notes").
 */

#include <stdbool.h>

/* The public collection, as any peer writes it: in full, or compacted by a
 * JSON-LD processor ("as:Public", as Fedify sends it; "Public"). */
bool fed_is_public(const char *addr);

#endif
