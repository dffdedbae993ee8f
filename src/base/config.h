#ifndef BASE_CONFIG_H
#define BASE_CONFIG_H

#include <stdbool.h>

/*
 * Settings come from a file (`key = value` lines, # comments), then the
 * environment (KRING_LISTEN, KRING_DATA, ...), then command-line flags;
 * later sources win.  Unknown keys in a file are an error, so a typo does
 * not go unnoticed.
 */
struct config {
	char listen[128];    /* HOST:PORT */
	char data[512];      /* data directory */
	char db[512];        /* database URL or path; empty = DATA/kring.db */
	char base_url[256];  /* public URL for links; empty = http://LISTEN */
	int threads;
	int cache_mb;        /* response cache of the client API; 0 = off */
	int max_connections;             /* open connections in all */
	int max_connections_per_address; /* from one client address; 0 = no limit */
	bool log_debug;
	/* Reverse proxies whose X-Forwarded-For is believed: addresses or
	 * CIDRs, comma separated; empty = none (the header is ignored). */
	char trusted_proxies[512];
	/* Mail for password resets: smtp://host:port (or smtps://, with
	 * user:password@ if the server wants it); empty = no mail.  smtp_from
	 * is the sender's address. */
	char smtp_url[512];
	char smtp_from[256];
};

void config_defaults(struct config *c);
/* Returns 0, ERR_IO (cannot read) or ERR_INVAL (bad line; message logged). */
int config_load_file(struct config *c, const char *path);
void config_load_env(struct config *c);
/* Set one key; ERR_INVAL for an unknown key or bad value. */
int config_set(struct config *c, const char *key, const char *value);
/* The database target: c->db or DATA/kring.db. */
const char *config_db(const struct config *c, char *out, unsigned size);

#endif
