/* A local account's remote followers, paged (store_fed_coll.h). */
#include "store/store_fed_coll.h"

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

int store_fed_follower_page(struct store *s, struct arena *a, uint64_t account, uint64_t after, int limit,
                            uint64_t **out, size_t *n)
{
	DB_OR_FAIL(s);
	*out = NULL;
	*n = 0;
	if (limit <= 0 || limit > STORE_FED_COLL_MAX)
		limit = STORE_FED_COLL_MAX;
	struct db_stmt *st = db_query(db,
	                              "SELECT actor_id FROM fed_followers WHERE account_id = ?1 AND state = 1"
	                              " AND actor_id > ?2 ORDER BY actor_id LIMIT ?3",
	                              "uui", account, after, (int64_t)limit);
	return DB_ROWS(st, a, STORE_FED_COLL_MAX, db_fill_u64, out, n);
}
