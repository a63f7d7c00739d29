#ifndef TRELLIS_RATELIMIT_H
#define TRELLIS_RATELIMIT_H
/*
 * A limit on failed requests per client address, kept in memory only:
 * used for the public survey links (/s/{token}, h_survey.c), where someone
 * trying token after token must be slowed down, and where nothing may be
 * written down that ties an address to a link or an answer (RELIABILITY
 * R12, docs/surveys.md). So a limiter holds, for each address (an IPv6
 * address by its /64, which one client usually has whole), only a count of
 * failures, the time its window began and the end of its lockout: no
 * path, no token, no success. Nothing of it reaches the database, a backup
 * or the log, and a restart forgets it.
 *
 * The rule: limit failures within window seconds of the first one lock
 * the address out for lockout seconds; while locked out, every request of
 * the kind is refused before it is looked at (so a guess that would have
 * worked tells nothing either), and is not counted. After the lockout the
 * count starts again.
 *
 * The table has WEB_RATELIMIT_SLOTS entries: an address is looked for in a
 * few slots from its hash; when they are all taken by others, the one idle
 * longest is reused. Thread-safe: one mutex, held for a few comparisons.
 */
#include <pthread.h>
#include <stdint.h>

#define WEB_RATELIMIT_SLOTS	1024
#define WEB_RATELIMIT_ADDR	48	/* an IPv6 address as text, and a NUL */

struct web_ratelimit_slot {
	char addr[WEB_RATELIMIT_ADDR];	/* "" when free */
	int failures;			/* in the window */
	int64_t window_start;		/* Unix seconds of the window's first failure */
	int64_t locked_until;		/* Unix seconds; 0 or past: not locked */
	int64_t last;			/* the last failure or refusal, to pick a slot to reuse */
};

struct web_ratelimit {
	pthread_mutex_t lock;
	int limit;			/* failures in the window that lock an address out */
	int64_t window;			/* seconds */
	int64_t lockout;		/* seconds */
	struct web_ratelimit_slot slot[WEB_RATELIMIT_SLOTS];
};

/* A file-scope limiter: static struct web_ratelimit rl = WEB_RATELIMIT_INIT(20, 600, 900); */
#define WEB_RATELIMIT_INIT(limit, window, lockout) \
	{ PTHREAD_MUTEX_INITIALIZER, (limit), (window), (lockout), { { "", 0, 0, 0, 0 } } }

/*
 * Returns the seconds until address addr may try again (at least 1), or 0
 * when it is not locked out at now. A NULL or empty addr is never limited.
 */
int64_t web_ratelimit_wait(struct web_ratelimit *rl, const char *addr, int64_t now);

/*
 * Counts one failure of addr at now. Returns the seconds of the lockout it
 * began (the limit reached), else 0.
 */
int64_t web_ratelimit_fail(struct web_ratelimit *rl, const char *addr, int64_t now);

#endif
