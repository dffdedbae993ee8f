/* Route table of the API; handlers live in the other files of this module. */
#include "api/api.h"

#include <string.h>

#include "base/err.h"
#include "base/text.h"

bool api_path(const char *path)
{
	return !strncmp(path, "/api/", 5) || !strcmp(path, "/oauth/token") || !strcmp(path, "/oauth/revoke") ||
	       !strncmp(path, "/.well-known/", 13) || !strncmp(path, "/nodeinfo/", 10);
}

void api_error(struct http_req *r, int err)
{
	const char *msg;
	switch (err) {
	case ERR_NOTFOUND: msg = "Record not found"; break;
	case ERR_AUTH: msg = "The access token is invalid"; break;
	case ERR_FORBIDDEN: msg = "This action is not allowed"; break;
	case ERR_INVAL: msg = "Validation failed"; break;
	case ERR_TOOBIG: msg = "Request too large"; break;
	case ERR_RATE: msg = "Too many requests"; break;
	case ERR_METHOD: msg = "Method not allowed"; break;
	case ERR_EXISTS: msg = "Already exists"; break;
	case ERR_BUSY: msg = "Service temporarily unavailable"; break;
	default: msg = "Internal error"; break;
	}
	buf_reset(&r->out);
	buf_adds(&r->out, "{\"error\":\"");
	json_escape(&r->out, msg, strlen(msg));
	buf_adds(&r->out, "\"}");
	r->content_type = "application/json; charset=utf-8";
}

const struct http_route api_routes[] = {
	{0, NULL, NULL},
};
const size_t api_nroutes = 0;
