#ifndef BASE_ERR_H
#define BASE_ERR_H

/*
 * One error enum for the whole program.  Append only: never renumber, since
 * values reach logs and tests.  0 is success; functions that act return int.
 */
enum err {
	ERR_OK = 0,
	ERR_NOMEM = 1,     /* unused: allocation failure aborts */
	ERR_TOOBIG = 2,    /* input over a named limit */
	ERR_INVAL = 3,     /* malformed input */
	ERR_NOTFOUND = 4,  /* no such thing, or the viewer may not see it */
	ERR_FORBIDDEN = 5, /* exists and visible, but this action is not allowed */
	ERR_EXISTS = 6,    /* unique constraint: name taken, already following */
	ERR_DB = 7,        /* storage failure */
	ERR_IO = 8,        /* file or socket failure */
	ERR_AUTH = 9,      /* wrong credentials or no session */
	ERR_RATE = 10,     /* rate limit reached */
	ERR_CSRF = 11,     /* missing or wrong CSRF token */
	ERR_BUSY = 12,     /* database locked or unavailable; retry later */
	ERR_METHOD = 13,   /* route exists, method does not */
	ERR_CONFLICT = 14, /* state changed under us */
	ERR_GUARD = 15,    /* the privacy guard found client data: confirm to go on */
	ERR_BLOCKED = 16,  /* the privacy guard blocks this text for this author */
	ERR_GUIDELINES = 17, /* accept the organisation's guidelines before speaking for it */
};

/*
 * On a function that returns an error: a caller that drops the result gets a
 * compile error (-Werror).  Store, core and buffer functions carry it.
 */
#define WARN_UNUSED __attribute__((warn_unused_result))
/*
 * Drop such a result on purpose, with a comment saying why it may be
 * dropped there.  (A plain (void) cast does not satisfy GCC.)
 */
#define IGNORE_RESULT(expr) ((void)!(expr))

/* A short lower-case English description for logs; never NULL. */
const char *err_str(int e);

#endif
