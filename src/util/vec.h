#ifndef TRELLIS_VEC_H
#define TRELLIS_VEC_H
/*
 * A growable array of T: { v, n, alloc }. Grown memory is zeroed, so
 * VEC_PUSH returns a pointer to a zeroed element ready to be filled in.
 * The elements' own contents are released by their owner.
 */
#include "xalloc.h"

#define VEC(T) struct { T *v; size_t n, alloc; }

/* (the room is checked here, not in a call every push) */
#define VEC_PUSH(vec) \
	((vec)->n < (vec)->alloc ? (void)0 : \
	 xgrow((void **)&(vec)->v, &(vec)->alloc, (vec)->n + 1, sizeof(*(vec)->v)), \
	 &(vec)->v[(vec)->n++])

#define VEC_FREE(vec) do { free((vec)->v); (vec)->v = NULL; (vec)->n = (vec)->alloc = 0; } while (0)

#endif
