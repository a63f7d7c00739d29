/*
 * Failed requests per client address, in memory only (ratelimit.h): the
 * survey links' guard against someone trying tokens one after another.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "ratelimit.h"
#include "../util/banned.h"

#define PROBES	8	/* slots looked at from an address's hash */

/*
 * The key of an address: itself, or for IPv6 its /64 (a client is usually
 * given a whole /64, and could otherwise change address at every try). An
 * IPv4 address mapped into IPv6 stays whole.
 */
static void
addr_key(const char *addr, char key[WEB_RATELIMIT_ADDR])
{
	struct in6_addr a6;

	if (strchr(addr, ':') && inet_pton(AF_INET6, addr, &a6) == 1 &&
	    !IN6_IS_ADDR_V4MAPPED(&a6)) {
		memset(a6.s6_addr + 8, 0, 8);
		if (inet_ntop(AF_INET6, &a6, key, WEB_RATELIMIT_ADDR) != NULL)
			return;
	}
	snprintf(key, WEB_RATELIMIT_ADDR, "%s", addr);
}

static uint32_t
hash(const char *s)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

/* 1 when slot holds nothing that still counts at now: free, or window and lockout both over. */
static int
stale(const struct web_ratelimit *rl, const struct web_ratelimit_slot *e, int64_t now)
{
	return e->addr[0] == '\0' ||
	    (now - e->window_start >= rl->window && e->locked_until <= now);
}

/*
 * The slot of key, or NULL when it has none. With make, a slot is found
 * for it instead: a free or stale one, else the one idle longest, reset.
 * Called with the lock held.
 */
static struct web_ratelimit_slot *
slot_of(struct web_ratelimit *rl, const char *key, int64_t now, int make)
{
	struct web_ratelimit_slot *reuse = NULL, *oldest = NULL;
	uint32_t h = hash(key);

	for (int i = 0; i < PROBES; i++) {
		struct web_ratelimit_slot *e = &rl->slot[(h + (uint32_t)i) % WEB_RATELIMIT_SLOTS];

		if (e->addr[0] && strcmp(e->addr, key) == 0)
			return e;
		if (reuse == NULL && stale(rl, e, now))
			reuse = e;
		if (oldest == NULL || e->last < oldest->last)
			oldest = e;
	}
	if (!make)
		return NULL;
	if (reuse == NULL)
		reuse = oldest;
	memset(reuse, 0, sizeof(*reuse));
	snprintf(reuse->addr, sizeof(reuse->addr), "%s", key);
	return reuse;
}

int64_t
web_ratelimit_wait(struct web_ratelimit *rl, const char *addr, int64_t now)
{
	struct web_ratelimit_slot *e;
	char key[WEB_RATELIMIT_ADDR];
	int64_t wait = 0;

	if (addr == NULL || *addr == '\0')
		return 0;
	addr_key(addr, key);
	pthread_mutex_lock(&rl->lock);
	if ((e = slot_of(rl, key, now, 0)) != NULL && e->locked_until > now) {
		wait = e->locked_until - now;
		e->last = now;
	}
	pthread_mutex_unlock(&rl->lock);
	return wait;
}

int64_t
web_ratelimit_fail(struct web_ratelimit *rl, const char *addr, int64_t now)
{
	struct web_ratelimit_slot *e;
	char key[WEB_RATELIMIT_ADDR];
	int64_t locked = 0;

	if (addr == NULL || *addr == '\0')
		return 0;
	addr_key(addr, key);
	pthread_mutex_lock(&rl->lock);
	e = slot_of(rl, key, now, 1);
	if (now - e->window_start >= rl->window || e->failures == 0) {
		/* a new window (a lockout that ended starts one too) */
		e->failures = 0;
		e->window_start = now;
	}
	e->last = now;
	if (++e->failures >= rl->limit) {
		e->locked_until = now + rl->lockout;
		e->failures = 0;
		e->window_start = now;
		locked = rl->lockout;
	}
	pthread_mutex_unlock(&rl->lock);
	return locked;
}
