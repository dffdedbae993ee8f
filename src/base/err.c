#include "base/err.h"

const char *err_str(int e)
{
	switch ((enum err)e) {
	case ERR_OK: return "ok";
	case ERR_NOMEM: return "out of memory";
	case ERR_TOOBIG: return "too big";
	case ERR_INVAL: return "invalid input";
	case ERR_NOTFOUND: return "not found";
	case ERR_FORBIDDEN: return "forbidden";
	case ERR_EXISTS: return "already exists";
	case ERR_DB: return "database error";
	case ERR_IO: return "i/o error";
	case ERR_AUTH: return "not authenticated";
	case ERR_RATE: return "rate limited";
	case ERR_CSRF: return "bad csrf token";
	case ERR_BUSY: return "busy";
	case ERR_METHOD: return "method not allowed";
	case ERR_CONFLICT: return "conflict";
	case ERR_GUARD: return "privacy guard asks for confirmation";
	case ERR_BLOCKED: return "blocked by the privacy guard";
	case ERR_GUIDELINES: return "guidelines not accepted";
	}
	return "unknown error";
}
