/* Notes with more than text, in and out (fed_note_int.h). */
#include "core/fed_note_int.h"

#include <string.h>

#include "core/federation.h"

bool fed_is_public(const char *addr)
{
	return addr && (!strcmp(addr, FED_PUBLIC) || !strcmp(addr, "as:Public") || !strcmp(addr, "Public"));
}
