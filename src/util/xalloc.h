#ifndef TRELLIS_XALLOC_H
#define TRELLIS_XALLOC_H
/*
 * Allocation wrappers that abort on out-of-memory (Kore's mem.c), so call
 * sites stay clean. Sizes that come from input must be checked against a
 * limit before they reach these.
 */
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Returns a copy of s (NULL for NULL); the caller frees it. */
char *xstrdup(const char *s);
/* Returns a NUL-terminated copy of the first n bytes of s; the caller frees it. */
char *xstrndup(const char *s, size_t n);
/* Grows *v (of *alloc elements of size sz) to hold at least need elements. */
void xgrow(void **v, size_t *alloc, size_t need, size_t sz);
/* xgrow without clearing the new elements (a string buffer's bytes past its end) */
void xgrow_uncleared(void **v, size_t *alloc, size_t need, size_t sz);

#endif
