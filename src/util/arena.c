#include <assert.h>
#include <stddef.h>
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
	_Alignas(max_align_t) char data[];
};

static struct arena_block *
block_new(struct arena_block *next, size_t size)
{
	struct arena_block *b = xmalloc(sizeof(*b) + size);

	b->next = next;
	b->size = size;
	return b;
}

/* n bytes at the end of a's block being filled, a new block when it lacks them. */
static char *
take(struct arena *a, size_t n)
{
	char *d;

	if (a->head == NULL || a->head->size - a->used < n) {
		if (n > ARENA_BLOCK / 4 && a->head) {
			/* a long string or list: a block of its own behind the one being filled */
			struct arena_block *b = block_new(a->head->next, n);

			a->head->next = b;
			return b->data;
		}
		a->head = block_new(a->head, n > ARENA_BLOCK ? n : ARENA_BLOCK);
		a->used = 0;
	}
	d = a->head->data + a->used;
	a->used += n;
	assert(a->used <= a->head->size);
	return d;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	size_t n;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	return memcpy(take(a, n), s, n);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	size_t align = _Alignof(max_align_t);

	if (n == 0)
		return NULL;
	if (a->head)
		a->used = (a->used + align - 1) & ~(align - 1);
	if (a->head && a->used > a->head->size)
		a->used = a->head->size;
	return take(a, n);
}

int
arena_owns(const struct arena *a, const void *p)
{
	if (a == NULL || p == NULL)
		return 0;
	for (const struct arena_block *b = a->head; b; b = b->next)
		if ((uintptr_t)p >= (uintptr_t)b->data && (uintptr_t)p < (uintptr_t)b->data + b->size)
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
