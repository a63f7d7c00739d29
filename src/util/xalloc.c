#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void
oom(size_t n)
{
	fprintf(stderr, "trellis: out of memory allocating %zu bytes\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		oom(count * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

char *
xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
xgrow_uncleared(void **v, size_t *alloc, size_t need, size_t sz)
{
	size_t n = *alloc ? *alloc : 8;

	if (need <= *alloc)
		return;
	while (n < need) {
		if (n > ((size_t)-1) / 2 / sz)
			oom(need * sz);
		n *= 2;
	}
	*v = xrealloc(*v, n * sz);
	*alloc = n;
}

void
xgrow(void **v, size_t *alloc, size_t need, size_t sz)
{
	size_t old = *alloc;

	xgrow_uncleared(v, alloc, need, sz);
	if (*alloc > old)
		memset((char *)*v + old * sz, 0, (*alloc - old) * sz);
}
