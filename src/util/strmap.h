#ifndef TRELLIS_STRMAP_H
#define TRELLIS_STRMAP_H
/*
 * A string → int map (open addressing, FNV-1a). Keys are borrowed: the map
 * points at the caller's strings, which must outlive it.
 */
#include <stddef.h>

struct strmap_slot {
	const char *key;
	int value;
};

struct strmap {
	struct strmap_slot *slots;
	size_t cap, n;
};

#define STRMAP_INIT { NULL, 0, 0 }

void strmap_release(struct strmap *m);
/* Sets key to value. Returns 1 when key was new, 0 when it replaced a value. */
int strmap_put(struct strmap *m, const char *key, int value);
/* Returns the value of key, or dflt when key is absent. */
int strmap_get(const struct strmap *m, const char *key, int dflt);

#endif
