#ifndef BASE_ID_H
#define BASE_ID_H

#include <stdint.h>

/*
 * 64-bit time-ordered ids: milliseconds since the Unix epoch << 16 | a
 * sequence.  Sorting by id sorts by creation time, so cursors for pagination
 * are plain ids.  Unique within a process; across processes the low bits mix
 * in random start values (several kring processes share one PostgreSQL).
 */
uint64_t id_new(void);
/* The id that sorts before every id made at or after `ms`. */
uint64_t id_from_ms(int64_t ms);
int64_t id_ms(uint64_t id);
/* Milliseconds and seconds since the epoch, wall clock. */
int64_t time_ms(void);
int64_t time_now(void);

#endif
