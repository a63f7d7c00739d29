#ifndef TRELLIS_STRMAP_H
#define TRELLIS_STRMAP_H
/*
 * A string → int map (open addressing, FNV-1a). Keys are borrowed: the map
 * points at the caller's strings, which must outlive it. Each slot keeps
 * its key's hash, so that a probe compares strings only when the hashes
 * agree and growing never hashes a key again.
 */
#include <stddef.h>
#include <stdint.h>

struct strmap_slot {
	const char *key;
	uint32_t hash;
	int value;
};

struct strmap {
	struct strmap_slot *slots;
	size_t cap, n;
};

#define STRMAP_INIT { NULL, 0, 0 }

void strmap_release(struct strmap *m);
/* Makes room for n keys in all, so that putting them grows the map no more. */
void strmap_reserve(struct strmap *m, size_t n);
/* Sets key to value. Returns 1 when key was new, 0 when it replaced a value. */
int strmap_put(struct strmap *m, const char *key, int value);
/* Returns the value of key, or dflt when key is absent. */
int strmap_get(const struct strmap *m, const char *key, int dflt);

#endif
