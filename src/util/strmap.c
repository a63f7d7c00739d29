#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "xalloc.h"

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

void
strmap_release(struct strmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}

static struct strmap_slot *
find(const struct strmap *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);

	while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

int
strmap_put(struct strmap *m, const char *key, int value)
{
	struct strmap_slot *s;

	if ((m->n + 1) * 2 > m->cap) {
		struct strmap old = *m;

		m->cap = old.cap ? old.cap * 2 : 16;
		m->slots = xcalloc(m->cap, sizeof(*m->slots));
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.slots[i].key)
				strmap_put(m, old.slots[i].key, old.slots[i].value);
		free(old.slots);
	}
	s = find(m, key);
	if (s->key) {
		s->value = value;
		return 0;
	}
	s->key = key;
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
	s = find(m, key);
	return s->key ? s->value : dflt;
}
