#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"
#include "banned.h"

/*
 * Blocks are large so that a program's strings fit in a few: arena_owns
 * walks them. A string longer than a block gets a block of its own.
 */
#define ARENA_BLOCK ((size_t)1 << 20)

struct arena_block {
	struct arena_block *next;
	size_t size;			/* bytes of data[] */
	char data[];
};

static struct arena_block *
block_new(struct arena_block *next, size_t size)
{
	struct arena_block *b = xmalloc(sizeof(*b) + size);

	b->next = next;
	b->size = size;
	return b;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	size_t n;
	char *d;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	if (a->head == NULL || a->head->size - a->used < n) {
		if (n > ARENA_BLOCK / 4 && a->head) {
			/* a long string: a block of its own behind the one being filled */
			struct arena_block *b = block_new(a->head->next, n);

			a->head->next = b;
			memcpy(b->data, s, n);
			return b->data;
		}
		a->head = block_new(a->head, n > ARENA_BLOCK ? n : ARENA_BLOCK);
		a->used = 0;
	}
	d = a->head->data + a->used;
	memcpy(d, s, n);
	a->used += n;
	assert(a->used <= a->head->size);
	return d;
}

int
arena_owns(const struct arena *a, const char *s)
{
	if (a == NULL || s == NULL)
		return 0;
	for (const struct arena_block *b = a->head; b; b = b->next)
		if ((uintptr_t)s >= (uintptr_t)b->data && (uintptr_t)s < (uintptr_t)b->data + b->size)
			return 1;
	return 0;
}

void
arena_release(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b) {
		struct arena_block *next = b->next;

		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = 0;
}
