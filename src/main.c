/*
 * kring: the command line.  `kring serve` runs the site; the other commands
 * set up and look after the same data, also while the server runs.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/config.h"
#include "base/err.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/text.h"
#include "api/api.h"
#include "core/consult.h"
#include "core/appointment.h"
#include "core/core.h"
#include "core/push.h"
#include "core/fed_fetch.h"
#include "core/federation.h"
#include "fed/fed.h"
#include "core/reach.h"
#include "core/webcare_source.h"
#include "core/webcare_spike.h"
#include "base/spike.h"
#include "base/id.h"
#include "core/webcare.h"
#include "http/http.h"
#include "scan/readability.h"
#include "scan/scan.h"
#include "scan/sentiment.h"
#include "web/web.h"

#ifndef KRING_VERSION
#define KRING_VERSION "0.0.0"
#endif

static const char usage[] =
	"kring " KRING_VERSION " - a safe social platform for care and welfare\n"
	"\n"
	"usage: kring COMMAND [OPTIONS]\n"
	"\n"
	"commands:\n"
	"  serve [--listen ADDR:PORT]        run the site (default 127.0.0.1:8080)\n"
	"  init                              create the data directory and database\n"
	"  migrate                           bring the database schema up to date\n"
	"  user add NAME [--password PW] [--role member|moderator|admin]\n"
	"  user passwd NAME [--password PW]  set a password (prompts when not given)\n"
	"  user role NAME ROLE               change a role\n"
	"  user suspend|unsuspend NAME       suspend an account, or lift its suspension\n"
	"  user list                         list accounts\n"
	"  user reset-link NAME              print a one-time password-reset link\n"
	"  org add NAME [--display-name TEXT]  create an organisation account\n"
	"  org staff NAME USER               let USER post as the organisation\n"
	"  invite [--role member|moderator]  print a one-time invitation link\n"
	"  availability set PROVIDER SPEC    publish a provider's opening hours for appointments\n"
	"                                    (SPEC as one argument, see docs/appointments.md)\n"
	"  availability show PROVIDER        print a provider's availability\n"
	"  group add NAME --kind open|closed|secret --owner USER [--display-name TEXT]\n"
	"  group member add GROUP USER [--role moderator|member]\n"
	"  webcare source add ORG URL [--tag TAG] [--every DURATION]\n"
	"                                    listen to a feed (or TAG on the server at URL)\n"
	"  webcare source list [ORG]         the sources, their state and last error\n"
	"  webcare source remove ID          stop listening to a source\n"
	"  webcare source poll ID            poll a source now\n"
	"  webcare spike ORG                 check ORG's inbox for a spike now (alert if so)\n"
	"  webcare ingest ORG ORIGIN KEY TEXT [URL [TITLE]] [--display-name AUTHOR]\n"
	"                                    put an outside item in ORG's webcare inbox\n"
	"  consult open ACCOUNT --topic TEXT --from TIME --until TIME [--audience everyone|followers]\n"
	"          [--private-answers]       open a consultation hour (TIME: 2026-12-02T10:00, local, or ...Z)\n"
	"  consult list [ACCOUNT]            list consultation hours\n"
	"  fed follow NAME USER@HOST         let NAME follow an account on another server\n"
	"  fed rotate NAME                   a new key for NAME; remote followers' servers are told\n"
	"  fed notes                         list the newest notes other servers delivered\n"
	"  fed approve|refuse NAME ACTOR_URI answer a remote follow request to a locked account\n"
	"  fed block|unblock HOST            defederate another server (both ways), or connect it again\n"
	"  fed get URL                       fetch URL signed as this server (authorized fetch)\n"
	"  scan [--json|--jsonl] [FILE...]   privacy guard: find client data in text\n"
	"  sentiment [--jsonl] [FILE...]     Dutch sentiment and urgency of each line\n"
	"  readability [--json] [FILE...]    plain Dutch (B1): level, score and hints per file\n"
	"  routes                            list the API's routes and the scope each asks\n"
	"  routes pages                      list the pages' routes and who may call each\n"
	"  export FILE                       write every table to FILE (JSON Lines; - = stdout)\n"
	"  import FILE                       load an export into an empty database (any backend)\n"
	"\n"
	"options for every command:\n"
	"  --data DIR      data directory (default ./data; env KRING_DATA)\n"
	"  --db URL        database (default DIR/kring.db; env KRING_DB)\n"
	"  --config FILE   settings file (key = value); env KRING_* and flags win\n"
	"  --help, --version\n";

struct opts {
	struct config cfg;
	const char *args[8];
	int nargs;
	const char *password;
	const char *role;
	const char *display_name;
	const char *kind, *owner;  /* group add */
	const char *tag, *every;   /* webcare source add */
	const char *topic, *from, *until, *audience; /* consult open */
	bool private_answers;
};

static int parse_opts(int argc, char **argv, struct opts *o)
{
	config_defaults(&o->cfg);
	/* The file first, then the environment, then flags: flags win. */
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--config") && i + 1 < argc && config_load_file(&o->cfg, argv[i + 1])) {
			fprintf(stderr, "kring: cannot read config file %s\n", argv[i + 1]);
			return 2;
		}
	config_load_env(&o->cfg);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		int bad = 0;
		if (!strcmp(a, "--config") && v) {
			i++;
		} else if (!strcmp(a, "--listen") && v) {
			bad = config_set(&o->cfg, "listen", v), i++;
		} else if (!strcmp(a, "--data") && v) {
			bad = config_set(&o->cfg, "data", v), i++;
		} else if (!strcmp(a, "--db") && v) {
			bad = config_set(&o->cfg, "db", v), i++;
		} else if (!strcmp(a, "--threads") && v) {
			bad = config_set(&o->cfg, "threads", v), i++;
		} else if (!strcmp(a, "--base-url") && v) {
			bad = config_set(&o->cfg, "base_url", v), i++;
		} else if (!strcmp(a, "--password") && v) {
			o->password = v, i++;
		} else if (!strcmp(a, "--role") && v) {
			o->role = v, i++;
		} else if (!strcmp(a, "--display-name") && v) {
			o->display_name = v, i++;
		} else if (!strcmp(a, "--kind") && v) {
			o->kind = v, i++;
		} else if (!strcmp(a, "--owner") && v) {
			o->owner = v, i++;
		} else if (!strcmp(a, "--tag") && v) {
			o->tag = v, i++;
		} else if (!strcmp(a, "--every") && v) {
			o->every = v, i++;
		} else if (!strcmp(a, "--topic") && v) {
			o->topic = v, i++;
		} else if (!strcmp(a, "--from") && v) {
			o->from = v, i++;
		} else if (!strcmp(a, "--until") && v) {
			o->until = v, i++;
		} else if (!strcmp(a, "--audience") && v) {
			o->audience = v, i++;
		} else if (!strcmp(a, "--private-answers")) {
			o->private_answers = true;
		} else if (a[0] == '-' && a[1] == '-') {
			fprintf(stderr, "kring: unknown option or missing value: %s\n", a);
			return 2;
		} else if (o->nargs < 8) {
			o->args[o->nargs++] = a;
		}
		if (bad) {
			fprintf(stderr, "kring: bad value for %s\n", a);
			return 2;
		}
	}
	return 0;
}

static int open_core(struct opts *o, struct core **c)
{
	if (!o->cfg.db[0] && mkdir(o->cfg.data, 0700) && errno != EEXIST) {
		fprintf(stderr, "kring: cannot create data directory %s: %s\n", o->cfg.data, strerror(errno));
		return 1;
	}
	char db[600];
	int rc = core_open(config_db(&o->cfg, db, sizeof db), c);
	if (rc) {
		fprintf(stderr, "kring: cannot open database %s: %s\n", db, err_str(rc));
		return 1;
	}
	return 0;
}

static const char *base_url(struct opts *o, struct arena *a)
{
	return o->cfg.base_url[0] ? o->cfg.base_url : arena_printf(a, "http://%s", o->cfg.listen);
}

static void print_setup_link(struct core *c, struct opts *o)
{
	struct arena a;
	arena_init(&a);
	char *token = NULL;
	if (core_setup_token(c, &a, &token) == 0 && token) {
		printf("\n  No administrator yet. Open this one-time link to create the first one:\n"
		       "  Nog geen beheerder. Open deze eenmalige link om de eerste aan te maken:\n\n"
		       "    %s/setup/%s\n\n",
		       base_url(o, &a), token);
		fflush(stdout);
	}
	arena_release(&a);
}

/* Read a password from the terminal without echo, or a line from stdin. */
static char *read_password(const char *prompt)
{
	static char line[CORE_PASSWORD_MAX + 2];
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	if (tty) {
		fprintf(stderr, "%s", prompt);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	char *s = fgets(line, sizeof line, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
	}
	if (!s)
		return NULL;
	line[strcspn(line, "\r\n")] = '\0';
	return line;
}

static int role_from(const char *s)
{
	if (!s || !strcmp(s, "member"))
		return ROLE_MEMBER;
	if (!strcmp(s, "moderator"))
		return ROLE_MODERATOR;
	if (!strcmp(s, "admin"))
		return ROLE_ADMIN;
	return -1;
}

static int fail(int rc, const char *what)
{
	const char *why = err_str(rc);
	if (rc == ERR_INVAL)
		why = "invalid (name: 2-30 of a-z 0-9 _; password: at least 10 characters)";
	else if (rc == ERR_EXISTS)
		why = "already exists";
	fprintf(stderr, "kring: cannot %s: %s\n", what, why);
	return 1;
}

static int cmd_user(struct opts *o, struct core *c)
{
	const char *sub = o->nargs > 1 ? o->args[1] : NULL;
	const char *name = o->nargs > 2 ? o->args[2] : NULL;
	struct arena a;
	arena_init(&a);
	int ret = 0, rc;
	struct account *acc;
	if (sub && !strcmp(sub, "list")) {
		struct account **v;
		size_t n;
		const char *after = "";
		static const char *roles[] = {"member", "moderator", "admin"};
		printf("%-30s %-10s %-12s %s\n", "NAME", "ROLE", "KIND", "DISPLAY NAME");
		do {
			if ((rc = core_operator_accounts(c, &a, after, 500, &v, &n))) {
				ret = fail(rc, "list accounts");
				break;
			}
			for (size_t i = 0; i < n; i++)
				printf("%-30s %-10s %-12s %s%s\n", v[i]->username, roles[v[i]->role % 3],
				       v[i]->kind == ACCOUNT_ORG ? "organisation" : "person", v[i]->display_name,
				       v[i]->suspended ? " [suspended]" : "");
			if (n)
				after = arena_strdup(&a, v[n - 1]->username);
		} while (n == 500);
	} else if (sub && !strcmp(sub, "add") && name) {
		int role = role_from(o->role);
		const char *pw = o->password ? o->password : read_password("Password: ");
		uint64_t id;
		if (role < 0)
			ret = fail(ERR_INVAL, "use that role (member, moderator or admin)");
		else if (!pw)
			ret = fail(ERR_INVAL, "read a password");
		else if ((rc = core_account_create(c, name, pw, ACCOUNT_PERSON, role, &id)))
			ret = fail(rc, "add user");
		else
			printf("added %s\n", name);
	} else if (sub && !strcmp(sub, "passwd") && name) {
		if ((rc = core_account_by_name(c, &a, name, &acc)))
			ret = fail(rc, "find user");
		else {
			const char *pw = o->password ? o->password : read_password("New password: ");
			if (!pw || (rc = core_password_set(c, acc->id, pw)))
				ret = fail(pw ? rc : ERR_INVAL, "set password");
			else
				printf("password set for %s; every session and app token of it has ended\n", acc->username);
		}
	} else if (sub && !strcmp(sub, "role") && name && o->nargs > 3) {
		int role = role_from(o->args[3]);
		if (role < 0)
			ret = fail(ERR_INVAL, "use that role (member, moderator or admin)");
		else if ((rc = core_account_by_name(c, &a, name, &acc)) || (rc = core_role_set(c, 0, acc->id, role)))
			ret = fail(rc, "set role");
		else
			printf("%s is now %s\n", acc->username, o->args[3]);
	} else if (sub && (!strcmp(sub, "suspend") || !strcmp(sub, "unsuspend")) && name) {
		/* The operator is above every role, but the last administrator stays. */
		bool on = sub[0] == 's';
		if ((rc = core_account_by_name(c, &a, name, &acc)))
			ret = fail(rc, "find user");
		else if ((rc = core_account_suspend(c, 0, acc->id, on, NULL)) == ERR_FORBIDDEN)
			ret = fail(rc, "suspend the last administrator who is not suspended");
		else if (rc == ERR_CONFLICT)
			ret = fail(rc, on ? "suspend: already suspended" : "unsuspend: not suspended");
		else if (rc)
			ret = fail(rc, sub);
		else
			printf("%s is %s\n", acc->username, on ? "suspended" : "no longer suspended");
	} else if (sub && !strcmp(sub, "reset-link") && name) {
		char *token;
		if ((rc = core_account_by_name(c, &a, name, &acc)) || (rc = core_reset_create(c, &a, 0, acc->id, &token)))
			ret = fail(rc, "make a reset link");
		else
			printf("%s/reset/%s\n", base_url(o, &a), token);
	} else {
		fprintf(stderr, "usage: kring user add|passwd|role|suspend|unsuspend|list|reset-link ...\n");
		ret = 2;
	}
	arena_release(&a);
	return ret;
}

/* kring webcare ingest: the door the feed and hashtag pollers will use, by hand. */
static int cmd_webcare_ingest(struct opts *o, struct core *c)
{
	if (o->nargs < 6) {
		fprintf(stderr, "usage: kring webcare ingest ORG ORIGIN KEY TEXT [URL [TITLE]] [--display-name AUTHOR]\n");
		return 2;
	}
	struct arena a;
	arena_init(&a);
	struct account *org;
	struct wc_input in = {
		.origin = o->args[3],
		.origin_key = o->args[4],
		.text = o->args[5],
		.url = o->nargs > 6 ? o->args[6] : "",
		.title = o->nargs > 7 ? o->args[7] : "",
		.author_name = o->display_name ? o->display_name : "",
	};
	uint64_t id = 0;
	bool inserted = false;
	int rc = core_account_by_name(c, &a, o->args[2], &org);
	if (!rc)
		rc = core_webcare_ingest(c, org->id, &in, &id, &inserted);
	int ret = 0;
	if (rc)
		ret = fail(rc, "put the item in the inbox");
	else
		printf("%s item %llu\n", inserted ? "new" : "known", (unsigned long long)id);
	arena_release(&a);
	return ret;
}

static int cmd_org(struct opts *o, struct core *c)
{
	const char *sub = o->nargs > 1 ? o->args[1] : NULL;
	struct arena a;
	arena_init(&a);
	int ret = 0, rc;
	uint64_t id;
	struct account *org, *person;
	if (sub && !strcmp(sub, "add") && o->nargs > 2) {
		if ((rc = core_org_create(c, o->args[2], o->display_name, &id)))
			ret = fail(rc, "add organisation");
		else
			printf("added organisation %s\n", o->args[2]);
	} else if (sub && !strcmp(sub, "staff") && o->nargs > 3) {
		if ((rc = core_account_by_name(c, &a, o->args[2], &org)) ||
		    (rc = core_account_by_name(c, &a, o->args[3], &person)) || (rc = core_staff_add(c, org->id, person->id)))
			ret = fail(rc, "add staff");
		else
			printf("%s may now post as %s\n", person->username, org->username);
	} else {
		fprintf(stderr, "usage: kring org add NAME | kring org staff ORG USER\n");
		ret = 2;
	}
	arena_release(&a);
	return ret;
}

static int cmd_availability(struct opts *o, struct core *c)
{
	const char *sub = o->nargs > 1 ? o->args[1] : NULL;
	struct arena a;
	arena_init(&a);
	int ret = 0, rc;
	struct account *p;
	const char *spec;
	struct availability av;
	char why[200] = "";
	if (sub && !strcmp(sub, "set") && o->nargs == 4) {
		if ((rc = core_account_by_name(c, &a, o->args[2], &p)))
			ret = fail(rc, "find that provider");
		else if ((rc = core_avail_set_operator(c, p->id, o->args[3], why, sizeof why)))
			ret = why[0] ? (fprintf(stderr, "kring: %s\n", why), 1) : fail(rc, "set availability (a professional or organisation?)");
		else if (!(rc = core_avail_get(c, &a, p->id, &av, &spec)))
			printf("availability of %s: %s\n", p->username, spec);
	} else if (sub && !strcmp(sub, "show") && o->nargs == 3) {
		if ((rc = core_account_by_name(c, &a, o->args[2], &p)) || (rc = core_avail_get(c, &a, p->id, &av, &spec)))
			ret = fail(rc, "read availability");
		else
			printf("%s\n", spec);
	} else {
		fprintf(stderr, "usage: kring availability set PROVIDER 'ma=09:00-12:00 slot=30 ...' | kring availability show PROVIDER\n");
		ret = 2;
	}
	arena_release(&a);
	return ret;
}

#define JOB_KINDS_MAX 32 /* kinds of durable jobs, all modules together */

/* Append n job handlers to all (JOB_KINDS_MAX of them); false when they do not fit. */
static bool jobs_add(struct job_handler *all, size_t *nall, const struct job_handler *h, size_t n)
{
	if (n > JOB_KINDS_MAX - *nall)
		return false;
	memcpy(all + *nall, h, n * sizeof *h);
	*nall += n;
	return true;
}

/* Federation from the command line (docs/federation.md): following someone
 * elsewhere, and what other servers delivered (not shown on pages yet). */
static int cmd_fed(struct opts *o, struct core *c)
{
	const char *sub = o->nargs > 1 ? o->args[1] : NULL;
	struct arena a;
	arena_init(&a);
	int ret = 0, rc;
	const struct job_handler *h;
	size_t n;
	if ((rc = core_fed_open(c, base_url(o, &a), &h, &n))) {
		ret = fail(rc, "start federation (base_url must be http(s)://host)");
	} else if (sub && !strcmp(sub, "follow") && o->nargs == 4) {
		const char *why;
		if ((rc = core_fed_follow(c, &a, o->args[2], o->args[3], &why)))
			ret = fail(rc, arena_printf(&a, "follow %s (%s)", o->args[3], why));
		else
			printf("%s asked to follow %s\n", o->args[2], o->args[3]);
	} else if (sub && (!strcmp(sub, "approve") || !strcmp(sub, "refuse")) && o->nargs == 4) {
		bool yes = sub[0] == 'a';
		if ((rc = core_fed_request_answer(c, &a, o->args[2], o->args[3], yes)))
			ret = fail(rc, "answer the follow request (is one waiting?)");
		else
			printf("%s %s %s\n", o->args[2], yes ? "accepted" : "refused", o->args[3]);
	} else if (sub && (!strcmp(sub, "block") || !strcmp(sub, "unblock")) && o->nargs == 3) {
		bool yes = sub[0] == 'b';
		if ((rc = core_fed_block(c, o->args[2], yes)))
			ret = fail(rc, "change the block (give a host name)");
		else
			printf("%s %s\n", o->args[2], yes ? "blocked" : "unblocked");
	} else if (sub && !strcmp(sub, "rotate") && o->nargs == 3) {
		if ((rc = core_fed_rotate_key(c, &a, o->args[2])))
			ret = fail(rc, "rotate the key (is it a local account?)");
		else
			printf("%s has a new key; its followers' servers are told\n", o->args[2]);
	} else if (sub && !strcmp(sub, "notes") && o->nargs == 2) {
		struct fed_note *v;
		size_t k;
		if ((rc = core_fed_notes(c, &a, 100, &v, &k)))
			ret = fail(rc, "list the notes");
		for (size_t i = 0; !rc && i < k; i++)
			printf("%s\t%s\t%s\n", v[i].uri, v[i].actor_uri, v[i].content);
	} else if (sub && !strcmp(sub, "get") && o->nargs == 3) {
		long st;
		const char *body, *why;
		if ((rc = core_fed_get(c, &a, o->args[2], &st, &body, &why)))
			ret = fail(rc, arena_printf(&a, "fetch %s (%s)", o->args[2], why));
		else {
			printf("HTTP %ld\n%s\n", st, body);
			ret = st == 200 ? 0 : 1;
		}
	} else {
		fprintf(stderr, "usage: kring fed follow NAME USER@HOST | kring fed approve|refuse NAME ACTOR_URI |"
		                " kring fed block|unblock HOST | kring fed rotate NAME | kring fed notes | kring fed get URL\n");
		ret = 2;
	}
	core_fed_close();
	arena_release(&a);
	return ret;
}

static int cmd_group(struct opts *o, struct core *c)
{
	const char *sub = o->nargs > 1 ? o->args[1] : NULL;
	struct arena a;
	arena_init(&a);
	int ret = 0, rc;
	struct account *acc;
	if (sub && !strcmp(sub, "add") && o->nargs > 2) {
		int kind = !o->kind ? -1 : !strcmp(o->kind, "open") ? GROUP_OPEN : !strcmp(o->kind, "closed") ? GROUP_CLOSED
		           : !strcmp(o->kind, "secret") ? GROUP_SECRET : -1;
		struct group g = {.name = o->args[2], .display_name = o->display_name ? o->display_name : o->args[2],
		                  .description = "", .rules = "", .kind = kind};
		uint64_t id;
		if (kind < 0 || !o->owner)
			ret = fail(ERR_INVAL, "add group (need --kind open|closed|secret and --owner USER)");
		else if ((rc = core_account_by_name(c, &a, o->owner, &acc)))
			ret = fail(rc, "find the owner");
		else if ((rc = core_group_create(c, acc->id, &g, NULL, &id)))
			ret = fail(rc, "add group");
		else
			printf("added %s group %s, owned by %s\n", o->kind, o->args[2], acc->username);
	} else if (sub && !strcmp(sub, "member") && o->nargs > 4 && !strcmp(o->args[2], "add")) {
		struct group *g;
		int role = !o->role || !strcmp(o->role, "member") ? GROLE_MEMBER
		           : !strcmp(o->role, "moderator") ? GROLE_MODERATOR : -1;
		char name[64];
		snprintf(name, sizeof name, "%s", o->args[3]);
		str_lower(name);
		if (role < 0)
			ret = fail(ERR_INVAL, "use that role (member or moderator)");
		else if ((rc = core_account_by_name(c, &a, o->args[4], &acc)))
			ret = fail(rc, "find the person");
		else if ((rc = core_operator_member_add(c, &a, name, acc->id, role, &g)))
			ret = fail(rc, rc == ERR_NOTFOUND ? "find the group" : "add the member");
		else
			printf("%s is now %s of %s\n", acc->username, role ? "moderator" : "member", g->name);
	} else {
		fprintf(stderr, "usage: kring group add NAME --kind K --owner USER | kring group member add GROUP USER\n");
		ret = 2;
	}
	arena_release(&a);
	return ret;
}

static void print_source(struct arena *a, const struct wsrc *w, const char *org)
{
	char when[32] = "never";
	if (w->last_poll_at) {
		time_t t = (time_t)w->last_poll_at;
		struct tm tm;
		strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", gmtime_r(&t, &tm));
	}
	printf("%llu\t%s\t%s%s%s\tevery %llds%s\t%lld items\tlast poll %s\t%s\n", (unsigned long long)w->id, org,
	       w->url, w->kind == WSRC_TAG ? " #" : "", w->kind == WSRC_TAG ? w->tag : "", (long long)w->interval,
	       w->every ? " (fixed)" : "", (long long)w->items, when,
	       w->last_error[0] ? arena_printf(a, "error: %s", w->last_error) : (w->last_poll_at ? "ok" : ""));
}

/* `kring webcare spike ORG`: what the alert job does, now, for one organisation. */
static int cmd_webcare_spike(struct opts *o, struct core *c)
{
	if (o->nargs != 3) {
		fprintf(stderr, "usage: kring webcare spike ORG\n");
		return 2;
	}
	struct arena a;
	arena_init(&a);
	struct account *org;
	bool alerted = false;
	struct wc_alert al;
	struct spike_result res;
	int rc = core_account_by_name(c, &a, o->args[2], &org);
	if (!rc)
		rc = core_wc_spike_check(c, org->id, time_now(), &alerted, &al, &res);
	if (!rc)
		printf("%s: %u items in the last 15 minutes, usual %.1f, z %.2f%s\n",
		       alerted ? "alert" : res.alert ? "alert already made" : "no alert", res.count, res.median, res.z,
		       res.enough_history ? "" : " (less than a day of history)");
	arena_release(&a);
	if (rc)
		fprintf(stderr, "kring: %s\n", err_str(rc));
	return rc ? 1 : 0;
}

static int cmd_webcare(struct opts *o, struct core *c)
{
	if (o->nargs > 1 && !strcmp(o->args[1], "ingest"))
		return cmd_webcare_ingest(o, c);
	if (o->nargs > 1 && !strcmp(o->args[1], "spike"))
		return cmd_webcare_spike(o, c);
	const char *sub = o->nargs > 2 && !strcmp(o->args[1], "source") ? o->args[2] : NULL;
	struct arena a;
	arena_init(&a);
	int ret = 0, rc;
	struct account *org;
	uint64_t id;
	if (sub && !strcmp(sub, "add") && o->nargs == 5) {
		int64_t every = o->every ? core_duration_parse(o->every) : 0;
		if (every < 0)
			ret = fail(ERR_INVAL, "read --every (e.g. 300, 10m, 2h, 1d)");
		else if ((rc = core_account_by_name(c, &a, o->args[3], &org)))
			ret = fail(rc, "find the organisation");
		else if ((rc = core_wsrc_add(c, 0, org->id, o->args[4], o->tag, every, &id)))
			ret = fail(rc, rc == ERR_INVAL ? "add the source (an http(s) URL; a tag of letters, digits and _;"
			                                 " --every between 5m and 1d)"
			               : rc == ERR_EXISTS ? "add the source (the organisation has it already)"
			               : rc == ERR_NOTFOUND ? "add the source (not an organisation)" : "add the source");
		else
			printf("added source %llu for %s; it is polled within a minute\n", (unsigned long long)id,
			       org->username);
	} else if (sub && !strcmp(sub, "list") && o->nargs <= 4) {
		struct wsrc *v;
		size_t n;
		org = NULL;
		if (o->nargs == 4 && (rc = core_account_by_name(c, &a, o->args[3], &org)))
			ret = fail(rc, "find the organisation");
		else if ((rc = core_wsrc_list(c, &a, 0, org ? org->id : 0, &v, &n)))
			ret = fail(rc, "list the sources");
		else
			for (size_t i = 0; i < n; i++) {
				struct account *oa;
				print_source(&a, &v[i], core_account_get(c, &a, v[i].org_id, &oa) ? "?" : oa->username);
			}
	} else if (sub && (!strcmp(sub, "remove") || !strcmp(sub, "poll")) && o->nargs == 4) {
		size_t added = 0;
		if (!parse_u64(o->args[3], &id))
			ret = fail(ERR_INVAL, "read the source's number");
		else if (sub[0] == 'r' && (rc = core_wsrc_remove(c, 0, id)))
			ret = fail(rc, "remove the source");
		else if (sub[0] == 'p' && (rc = core_wsrc_poll(c, id, &added)))
			ret = fail(rc, "poll the source");
		else if (sub[0] == 'r')
			printf("removed source %llu\n", (unsigned long long)id);
		else {
			struct wsrc *v;
			size_t n;
			printf("polled source %llu: %zu new items\n", (unsigned long long)id, added);
			if (!core_wsrc_list(c, &a, 0, 0, &v, &n))
				for (size_t i = 0; i < n; i++)
					if (v[i].id == id)
						print_source(&a, &v[i], "");
		}
	} else {
		fprintf(stderr, "usage: kring webcare source add ORG URL [--tag TAG] [--every DURATION] |"
		                " list [ORG] | remove ID | poll ID\n"
		                "       kring webcare ingest ORG ORIGIN KEY TEXT [URL [TITLE]] [--display-name AUTHOR]\n");
		ret = 2;
	}
	arena_release(&a);
	return ret;
}

static int cmd_consult(struct opts *o, struct core *c)
{
	const char *sub = o->nargs > 1 ? o->args[1] : NULL;
	struct arena a;
	arena_init(&a);
	int ret = 0, rc;
	struct account *acc = NULL;
	if (sub && !strcmp(sub, "open") && o->nargs > 2) {
		struct consult_open in = {
		        .topic = o->topic,
		        .audience = !o->audience || !strcmp(o->audience, "everyone") ? CONSULT_EVERYONE
		                    : !strcmp(o->audience, "followers")              ? CONSULT_FOLLOWERS
		                                                                     : -1,
		        .answers_private = o->private_answers,
		        .link_base = base_url(o, &a),
		};
		uint64_t id;
		if (!core_consult_time(o->from, &in.starts_at) || !core_consult_time(o->until, &in.ends_at))
			ret = fail(ERR_INVAL, "read --from and --until (2026-12-02T10:00, or with Z for UTC)");
		else if ((rc = core_account_by_name(c, &a, o->args[2], &acc)))
			ret = fail(rc, "find the account");
		else if ((in.owner_id = acc->id), (rc = core_consult_open(c, &a, 0, &in, &id)))
			ret = fail(rc, rc == ERR_FORBIDDEN ? "open (only for a professional or an organisation)"
			                                   : "open the consultation hour (need --topic, and --until after --from)");
		else
			printf("opened consultation hour %llu: %s/consult/%llu\n", (unsigned long long)id, in.link_base,
			       (unsigned long long)id);
	} else if (sub && !strcmp(sub, "list")) {
		struct consult_session *v;
		size_t n;
		if (o->nargs > 2 && (rc = core_account_by_name(c, &a, o->args[2], &acc)))
			ret = fail(rc, "find the account");
		else if ((rc = core_consult_list(c, &a, 0, acc ? acc->id : 0, &v, &n)))
			ret = fail(rc, "list consultation hours");
		else
			for (size_t i = 0; i < n; i++)
				printf("%llu\t%s\t%lld\t%lld\t%s\n", (unsigned long long)v[i].id, v[i].owner->username,
				       (long long)v[i].starts_at, (long long)v[i].ends_at, v[i].topic);
	} else {
		fprintf(stderr, "usage: kring consult open ACCOUNT --topic T --from TIME --until TIME | kring consult list [ACCOUNT]\n");
		ret = 2;
	}
	arena_release(&a);
	return ret;
}

static int serve(struct opts *o, struct core *c)
{
	mem_tune(); /* before any thread starts */
	/* Signals go to this thread only, so workers are never interrupted. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	struct web *w = NULL;
	if (http_trusted_proxies_set(o->cfg.trusted_proxies)) {
		fprintf(stderr, "kring: trusted_proxies must list addresses or networks (10.0.0.0/8), comma separated\n");
		return 1;
	}
	if (api_init(c, (size_t)o->cfg.cache_mb << 20)) {
		fprintf(stderr, "kring: an API route declares no valid scope: not starting\n");
		return 1;
	}
	/* Every module's durable jobs, run by one queue with its worker thread. */
	struct job_handler all[JOB_KINDS_MAX];
	size_t nall = 0;
	bool fits = true;
	const struct job_handler *h;
	size_t n;
	struct job_runner *jobs = NULL;
	/* Media processing. */
	int rc = core_media_open(c, o->cfg.data, &h, &n);
	if (!rc)
		fits &= jobs_add(all, &nall, h, n);
	/* Password-reset mail, sent by the same workers. */
	struct arena ma;
	arena_init(&ma);
	if (core_mail_open(c, o->cfg.smtp_url, o->cfg.smtp_from, base_url(o, &ma), &h, &n)) {
		fprintf(stderr, "kring: the mail settings (smtp_url, smtp_from) are not valid\n");
		return 1;
	}
	fits &= jobs_add(all, &nall, h, n);
	/* Web Push: the VAPID key pair (made the first time) and the job that delivers. */
	if (!rc && core_push_open(c, o->cfg.data, base_url(o, &ma), &h, &n)) {
		fprintf(stderr, "kring: cannot start Web Push (keys in the database and %s/push.key)\n", o->cfg.data);
		return 1;
	}
	if (!rc)
		fits &= jobs_add(all, &nall, h, n);
	/* Federation: deliveries to other servers (docs/federation.md). */
	if (!rc && core_fed_open(c, base_url(o, &ma), &h, &n)) {
		fprintf(stderr, "kring: cannot start federation (base_url must be http(s)://host)\n");
		return 1;
	}
	if (!rc)
		fits &= jobs_add(all, &nall, h, n);
	fed_init(c);
	/* Scheduled posts, published at their time; webcare's outside sources,
	 * polled at their times, and its follow-up reminders; consultation hours:
	 * followers hear when a session opens; appointment reminders. */
	void (*const module_jobs[])(struct core *, const struct job_handler **, size_t *) = {
		core_sched_jobs, core_wsrc_jobs, core_wc_jobs, core_consult_jobs, core_appt_jobs,
	};
	for (size_t i = 0; i < sizeof module_jobs / sizeof module_jobs[0]; i++) {
		module_jobs[i](c, &h, &n);
		fits &= jobs_add(all, &nall, h, n);
	}
	if (!fits) {
		fprintf(stderr, "kring: too many kinds of jobs (more than %d)\n", JOB_KINDS_MAX);
		return 1;
	}
	if (!rc)
		rc = core_jobs_start(c, all, nall, &jobs);
	if (rc) {
		fprintf(stderr, "kring: cannot start media processing in %s: %s\n", o->cfg.data, err_str(rc));
		return 1;
	}
	/* Reach: the views noted by timelines, written in batches. */
	if (core_reach_start(c, 0)) {
		fprintf(stderr, "kring: cannot start counting reach\n");
		job_stop(jobs);
		return 1;
	}
	/* One server, one route table: each adapter mounts its part (the API
	 * owns its paths, the pages take the rest), and neither knows the other. */
	struct http_server *srv = NULL;
	rc = web_open(c, &o->cfg, &w);
	if (!rc) {
		struct http_mount mounts[3];
		fed_mount(&mounts[0]); /* before the API: it owns the rest of /.well-known/ */
		api_mount(&mounts[1]);
		web_mount(w, &mounts[2]);
		struct http_config hc = {
			.listen = o->cfg.listen,
			.threads = o->cfg.threads,
			.mounts = mounts,
			.nmounts = 3,
			.max_conns = (unsigned)o->cfg.max_connections,
			.max_conns_per_addr = (unsigned)o->cfg.max_connections_per_address,
			.https = !strncmp(base_url(o, &ma), "https://", 8),
		};
		rc = http_start(&hc, &srv);
	}
	if (rc) {
		fprintf(stderr, "kring: cannot start the web server on %s: %s\n", o->cfg.listen, err_str(rc));
		web_close(w);
		job_stop(jobs);
		arena_release(&ma);
		return 1;
	}
	log_info("kring %s serving on http://%s (data %s)", KRING_VERSION, o->cfg.listen, o->cfg.data);
	print_setup_link(c, o);
	/* Once a second, the free pages of the allocator's heaps go back to
	 * the system, so the resident memory is what is in use. */
	int sig;
	struct timespec tick = {1, 0};
	while ((sig = sigtimedwait(&set, NULL, &tick)) < 0)
		mem_trim();
	log_info("received %s: finishing requests in flight", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	http_quiesce(srv);
	api_stop();
	http_stop(srv);
	web_close(w);
	job_stop(jobs);
	core_reach_stop(c);
	core_media_close();
	core_mail_close();
	core_push_close();
	core_fed_close();
	arena_release(&ma);
	log_info("stopped cleanly");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("kring %s\n", KRING_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "scan"))
		return scan_cli_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "sentiment"))
		return sentiment_cli_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "readability"))
		return readability_cli_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "routes")) {
		/* No database needed: the table, and whether it would start. */
		if (argc > 2 && !strcmp(argv[2], "pages"))
			return web_routes_print(stdout) ? 1 : 0;
		return api_routes_print(stdout) ? 1 : 0;
	}
	if (!getenv("TZ"))
		setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	struct opts o;
	memset(&o, 0, sizeof o);
	int rc = parse_opts(argc, argv, &o);
	if (rc)
		return rc;
	if (o.cfg.log_debug)
		log_min = LOG_DEBUG;
	const char *cmd = o.args[0];
	if (!cmd) {
		fputs(usage, stderr);
		return 2;
	}
	if (strcmp(cmd, "serve") && strcmp(cmd, "init") && strcmp(cmd, "migrate") && strcmp(cmd, "user") &&
	    strcmp(cmd, "org") && strcmp(cmd, "invite") && strcmp(cmd, "group") && strcmp(cmd, "webcare") && strcmp(cmd, "fed") &&
	    strcmp(cmd, "consult") &&
	    strcmp(cmd, "export") && strcmp(cmd, "import") && strcmp(cmd, "availability")) {
		fprintf(stderr, "kring: unknown command %s (try kring --help)\n", cmd);
		return 2;
	}
	/* Command-line tools log only problems. */
	if (strcmp(cmd, "serve"))
		log_min = LOG_WARN;
	struct core *c;
	if ((rc = open_core(&o, &c)))
		return rc;
	if (!strcmp(cmd, "serve")) {
		rc = serve(&o, c);
	} else if (!strcmp(cmd, "init")) {
		printf("database ready in %s\n", o.cfg.data);
		print_setup_link(c, &o);
	} else if (!strcmp(cmd, "migrate")) {
		int v = 0;
		if ((rc = core_schema_version(c, &v)))
			rc = fail(rc, "read the schema version");
		else
			printf("database schema at version %d\n", v);
	} else if (!strcmp(cmd, "user")) {
		rc = cmd_user(&o, c);
	} else if (!strcmp(cmd, "org")) {
		rc = cmd_org(&o, c);
	} else if (!strcmp(cmd, "group")) {
		rc = cmd_group(&o, c);
	} else if (!strcmp(cmd, "fed")) {
		rc = cmd_fed(&o, c);
	} else if (!strcmp(cmd, "webcare")) {
		rc = cmd_webcare(&o, c);
	} else if (!strcmp(cmd, "consult")) {
		rc = cmd_consult(&o, c);
	} else if (!strcmp(cmd, "availability")) {
		rc = cmd_availability(&o, c);
	} else if (!strcmp(cmd, "export") || !strcmp(cmd, "import")) {
		if (o.nargs != 2)
			fprintf(stderr, "kring: usage: kring %s FILE\n", cmd), rc = 2;
		else if ((rc = cmd[0] == 'e' ? core_export(c, o.args[1]) : core_import(c, o.args[1])))
			rc = fail(rc, cmd[0] == 'e' ? "export the database" : "import (needs an empty database at the same schema version)");
	} else if (!strcmp(cmd, "invite")) {
		struct arena a;
		arena_init(&a);
		char *token;
		int role = role_from(o.role);
		if (role < 0 || role == ROLE_ADMIN)
			rc = fail(ERR_INVAL, "invite with that role (member or moderator)");
		else if ((rc = core_invite_create(c, &a, 0, role, &token)))
			rc = fail(rc, "make an invitation");
		else
			printf("%s/register?invite=%s\n", base_url(&o, &a), token);
		arena_release(&a);
	}
	core_close(c);
	return rc;
}
