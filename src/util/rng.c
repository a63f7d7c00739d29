/*
 * splitmix64 (Steele, Lea and Flood, 2014) and the draws built on it. See
 * rng.h.
 */
#include "rng.h"
#include "banned.h"

uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int
rng_int(struct rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

int
rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

const char *
rng_pick(struct rng *r, const char *const *v, size_t n)
{
	return v[rng_int(r, 0, (int)n - 1)];
}
