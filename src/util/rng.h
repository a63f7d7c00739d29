#ifndef TRELLIS_RNG_H
#define TRELLIS_RNG_H
/*
 * A small deterministic PRNG (splitmix64): tiny, well mixed and the same on
 * every platform, which rand() is not. The demo (model/demo.c) and the
 * benchmark generator (bench/gen.c) draw from it, so a seed gives the same
 * data everywhere.
 */
#include <stddef.h>
#include <stdint.h>

struct rng {
	uint64_t s;
};

uint64_t rng_next(struct rng *r);
/* An integer in lo..hi, both inclusive (lo when hi <= lo). */
int rng_int(struct rng *r, int lo, int hi);
/* A double in [0, 1). */
double rng_unit(struct rng *r);
/* 1 with probability p. */
int rng_chance(struct rng *r, double p);
/* One of the n strings of v (n > 0). */
const char *rng_pick(struct rng *r, const char *const *v, size_t n);

#endif
