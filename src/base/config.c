#include "base/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/log.h"
#include "base/text.h"

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->listen, sizeof c->listen, "127.0.0.1:8080");
	snprintf(c->data, sizeof c->data, "./data");
	c->threads = 4;
	c->cache_mb = 8;
	c->max_connections = 2048;
	/* One address must not fill the server; well above what one browser or
	 * app opens.  Behind a reverse proxy every client has the proxy's
	 * address: raise it or set 0 and limit per client in the proxy. */
	c->max_connections_per_address = 64;
}

static int set_str(char *dst, size_t size, const char *v)
{
	if (strlen(v) >= size)
		return ERR_TOOBIG;
	snprintf(dst, size, "%s", v);
	return 0;
}

int config_set(struct config *c, const char *key, const char *v)
{
	if (!strcmp(key, "listen"))
		return set_str(c->listen, sizeof c->listen, v);
	if (!strcmp(key, "data"))
		return set_str(c->data, sizeof c->data, v);
	if (!strcmp(key, "db"))
		return set_str(c->db, sizeof c->db, v);
	if (!strcmp(key, "base_url"))
		return set_str(c->base_url, sizeof c->base_url, v);
	if (!strcmp(key, "threads")) {
		uint64_t n;
		if (!parse_u64(v, &n) || n < 1 || n > 64)
			return ERR_INVAL;
		c->threads = (int)n;
		return 0;
	}
	if (!strcmp(key, "cache_mb")) {
		uint64_t n;
		if (!parse_u64(v, &n) || n > 4096)
			return ERR_INVAL;
		c->cache_mb = (int)n;
		return 0;
	}
	if (!strcmp(key, "trusted_proxies"))
		return set_str(c->trusted_proxies, sizeof c->trusted_proxies, v);
	if (!strcmp(key, "max_connections") || !strcmp(key, "max_connections_per_address")) {
		bool all = !strcmp(key, "max_connections");
		uint64_t n;
		if (!parse_u64(v, &n) || n > 100000 || (all && n < 16))
			return ERR_INVAL;
		*(all ? &c->max_connections : &c->max_connections_per_address) = (int)n;
		return 0;
	}
	if (!strcmp(key, "smtp_url"))
		return set_str(c->smtp_url, sizeof c->smtp_url, v);
	if (!strcmp(key, "smtp_from"))
		return set_str(c->smtp_from, sizeof c->smtp_from, v);
	if (!strcmp(key, "log_level")) {
		if (strcmp(v, "debug") && strcmp(v, "info"))
			return ERR_INVAL;
		c->log_debug = !strcmp(v, "debug");
		return 0;
	}
	return ERR_INVAL;
}

int config_load_file(struct config *c, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return ERR_IO;
	char line[1024];
	int lineno = 0, rc = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *s = str_trim(line);
		if (!*s || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			log_err("%s:%d: expected key = value", path, lineno);
			rc = ERR_INVAL;
			break;
		}
		*eq = '\0';
		char *k = str_trim(s), *v = str_trim(eq + 1);
		if (config_set(c, k, v)) {
			log_err("%s:%d: unknown key or bad value for %s", path, lineno, k);
			rc = ERR_INVAL;
			break;
		}
	}
	fclose(f);
	return rc;
}

void config_load_env(struct config *c)
{
	static const char *keys[][2] = {
		{"KRING_LISTEN", "listen"}, {"KRING_DATA", "data"}, {"KRING_DB", "db"},
		{"KRING_BASE_URL", "base_url"}, {"KRING_THREADS", "threads"}, {"KRING_LOG_LEVEL", "log_level"},
		{"KRING_CACHE_MB", "cache_mb"}, {"KRING_TRUSTED_PROXIES", "trusted_proxies"},
		{"KRING_MAX_CONNECTIONS", "max_connections"},
		{"KRING_MAX_CONNECTIONS_PER_ADDRESS", "max_connections_per_address"},
		{"KRING_SMTP_URL", "smtp_url"}, {"KRING_SMTP_FROM", "smtp_from"},
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *v = getenv(keys[i][0]);
		if (v && *v && config_set(c, keys[i][1], v))
			log_warn("ignoring bad %s", keys[i][0]);
	}
}

const char *config_db(const struct config *c, char *out, unsigned size)
{
	if (c->db[0])
		snprintf(out, size, "%s", c->db);
	else
		snprintf(out, size, "%s/kring.db", c->data);
	return out;
}
