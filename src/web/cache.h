#ifndef TRELLIS_WEB_CACHE_H
#define TRELLIS_WEB_CACHE_H
/*
 * The server's program cache (cache.c): started and stopped by the server;
 * the pages reach it through web_program and its kin (web.h).
 */
#include <stddef.h>

struct store;
struct strbuf;

/* The most programs one server serves (docs/web.md). */
#define CACHE_PROGRAMS_MAX 256

/*
 * Loads the catalogs of the n programs slugs (1 to CACHE_PROGRAMS_MAX)
 * from st and keeps, for each, initiative snapshots up to limit bytes;
 * worker threads open the database at db (web_store). follow: the set
 * follows the database's programs while the server runs
 * (web_programs_follow). Returns 0, or -1 with err set.
 */
int cache_start(struct store *st, const char *db, const char *const *slugs, size_t n,
    int follow, size_t limit, struct strbuf *err);
/* Drops everything the cache holds (requests still holding a snapshot keep it). */
void cache_stop(void);
/* How many initiative snapshots the cache holds, and about how many bytes. */
void cache_stats(size_t *count, size_t *bytes);

#endif
