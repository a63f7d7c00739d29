#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "xalloc.h"
#include "banned.h"

/*
 * The key's hash, eight bytes at a time (a multiply and a rotation a
 * word, mixed at the end): slugs run to thirty bytes and more, and a
 * byte-at-a-time hash was most of a lookup's cost.
 */
static uint32_t
hash(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h = (h << 31) | (h >> 33);
	}
	if (n) {
		w = 0;
		memcpy(&w, s, n);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
	}
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 29;
	return (uint32_t)h;
}

void
strmap_release(struct strmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}

static struct strmap_slot *
find(const struct strmap *m, const char *key, uint32_t h)
{
	size_t i = (size_t)h & (m->cap - 1);

	while (m->slots[i].key &&
	    (m->slots[i].hash != h || strcmp(m->slots[i].key, key) != 0))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

/* Rebuilds m with cap slots (a power of two above twice its keys). */
static void
rehash(struct strmap *m, size_t cap)
{
	struct strmap old = *m;

	assert((cap & (cap - 1)) == 0 && cap >= 2 * (old.n + 1));
	m->cap = cap;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*find(m, old.slots[i].key, old.slots[i].hash) = old.slots[i];
	free(old.slots);
}

void
strmap_reserve(struct strmap *m, size_t n)
{
	size_t cap = m->cap ? m->cap : 16;

	while ((n + 1) * 2 > cap)
		cap *= 2;
	if (cap != m->cap)
		rehash(m, cap);
}

int
strmap_put(struct strmap *m, const char *key, int value)
{
	uint32_t h = hash(key);
	struct strmap_slot *s;

	if ((m->n + 1) * 2 > m->cap)
		rehash(m, m->cap ? m->cap * 2 : 16);
	s = find(m, key, h);
	if (s->key) {
		s->value = value;
		return 0;
	}
	s->key = key;
	s->hash = h;
	s->value = value;
	m->n++;
	return 1;
}

int
strmap_get(const struct strmap *m, const char *key, int dflt)
{
	const struct strmap_slot *s;

	if (m->cap == 0)
		return dflt;
	s = find(m, key, hash(key));
	return s->key ? s->value : dflt;
}
