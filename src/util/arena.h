#ifndef TRELLIS_ARENA_H
#define TRELLIS_ARENA_H
/*
 * A string arena: copies of strings in a few large blocks, freed all at
 * once. A program loaded only to be read (a report of every initiative)
 * keeps its strings here, so that loading one is a copy into a block
 * rather than a malloc a string, and releasing it is a few frees rather
 * than one a string (docs/architecture.md, "Loads that are only read").
 */
#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;	/* the block being filled, then older ones */
	size_t used;			/* bytes of head in use */
};

#define ARENA_INIT { NULL, 0 }

/* A copy of s in a (NULL for NULL); it lives until arena_release. */
char *arena_strdup(struct arena *a, const char *s);
/* n bytes of a (not cleared), aligned for any type; NULL for 0. */
void *arena_alloc(struct arena *a, size_t n);
/* Whether p points into one of a's blocks (a may be NULL: no). */
int arena_owns(const struct arena *a, const void *p);
/* Frees every block: every string a gave becomes invalid. */
void arena_release(struct arena *a);

#endif
