#ifndef BASE_LOG_H
#define BASE_LOG_H

/*
 * Logging to stderr, one line per event, with a UTC timestamp.  Messages are
 * lower case, no full stop, error first: log_err("cannot open %s: %s", ...).
 */
enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERR };

extern enum log_level log_min;

void log_msg(enum log_level lvl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_err(...) log_msg(LOG_ERR, __VA_ARGS__)

#endif
