#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/arena.h"

/* Copies are equal, distinct, the arena's, and outlive the source. */
static void
test_copies(void **state)
{
	struct arena a = ARENA_INIT;
	char src[32] = "ashbury-housing-partnership";
	char *x, *y;

	(void)state;
	assert_null(arena_strdup(&a, NULL));
	x = arena_strdup(&a, src);
	y = arena_strdup(&a, "");
	assert_string_equal(x, "ashbury-housing-partnership");
	assert_string_equal(y, "");
	assert_ptr_not_equal(x, src);
	memset(src, 'x', sizeof(src) - 1);
	assert_string_equal(x, "ashbury-housing-partnership");
	assert_true(arena_owns(&a, x));
	assert_true(arena_owns(&a, y));
	assert_false(arena_owns(&a, src));
	assert_false(arena_owns(&a, NULL));
	assert_false(arena_owns(NULL, x));
	arena_release(&a);
	assert_null(a.head);
	assert_false(arena_owns(&a, x));
}

/*
 * Many strings fill several blocks, and a string longer than a block gets
 * its own: every one stays intact and the arena's, and nothing else is.
 */
static void
test_blocks(void **state)
{
	enum { N = 100000 };
	struct arena a = ARENA_INIT;
	char **got = calloc(N, sizeof(*got));
	size_t big = (size_t)3 << 20;
	char *long_src = malloc(big), *long_copy = NULL, *other = malloc(16);
	char buf[32];

	(void)state;
	assert_non_null(got);
	assert_non_null(long_src);
	assert_non_null(other);
	for (int i = 0; i < N; i++) {
		snprintf(buf, sizeof(buf), "org-%d-of-the-program", i);
		got[i] = arena_strdup(&a, buf);
		if (i == N / 2) {
			memset(long_src, 'z', big - 1);
			long_src[big - 1] = '\0';
			long_copy = arena_strdup(&a, long_src);
		}
	}
	for (int i = 0; i < N; i++) {
		snprintf(buf, sizeof(buf), "org-%d-of-the-program", i);
		assert_string_equal(got[i], buf);
		assert_true(arena_owns(&a, got[i]));
	}
	assert_int_equal(strlen(long_copy), big - 1);
	assert_true(arena_owns(&a, long_copy));
	assert_true(arena_owns(&a, long_copy + big - 1));
	assert_false(arena_owns(&a, long_src));
	assert_false(arena_owns(&a, other));
	arena_release(&a);
	free(got);
	free(long_src);
	free(other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copies),
		cmocka_unit_test(test_blocks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
