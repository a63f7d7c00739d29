#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/strmap.h"

static void
test_empty(void **state)
{
	struct strmap m = STRMAP_INIT;

	(void)state;
	assert_int_equal(strmap_get(&m, "missing", -7), -7);
	strmap_release(&m);
}

static void
test_put_get(void **state)
{
	struct strmap m = STRMAP_INIT;

	(void)state;
	assert_int_equal(strmap_put(&m, "backbone", 1), 1);
	assert_int_equal(strmap_put(&m, "partner", 2), 1);
	assert_int_equal(strmap_get(&m, "backbone", -1), 1);
	assert_int_equal(strmap_get(&m, "partner", -1), 2);
	assert_int_equal(strmap_get(&m, "co-lead", -1), -1);
	assert_int_equal(strmap_put(&m, "backbone", 5), 0);	/* replaced */
	assert_int_equal(strmap_get(&m, "backbone", -1), 5);
	assert_int_equal(m.n, 2);
	strmap_release(&m);
	assert_int_equal(m.n, 0);
	assert_int_equal(strmap_get(&m, "backbone", -1), -1);
}

static void
test_many(void **state)
{
	enum { N = 5000 };
	struct strmap m = STRMAP_INIT;
	char (*keys)[16] = calloc(N, sizeof(*keys));

	(void)state;
	assert_non_null(keys);
	/* Enough keys to grow the table many times; each keeps its value. */
	for (int i = 0; i < N; i++) {
		snprintf(keys[i], sizeof(keys[i]), "org-%d", i);
		assert_int_equal(strmap_put(&m, keys[i], i), 1);
	}
	assert_int_equal(m.n, N);
	assert_true(m.cap >= 2 * m.n);
	for (int i = 0; i < N; i++)
		assert_int_equal(strmap_get(&m, keys[i], -1), i);
	assert_int_equal(strmap_get(&m, "org-5000", -1), -1);
	assert_int_equal(strmap_get(&m, "", -1), -1);
	strmap_release(&m);
	free(keys);
}

/* strmap_reserve: room made once, putting that many keys moves nothing. */
static void
test_reserve(void **state)
{
	enum { N = 1000 };
	struct strmap m = STRMAP_INIT;
	char (*keys)[16] = calloc(N, sizeof(*keys));
	const struct strmap_slot *slots;
	size_t cap;

	(void)state;
	assert_non_null(keys);
	strmap_reserve(&m, N);
	cap = m.cap;
	slots = m.slots;
	assert_true(cap >= 2 * (N + 1));
	for (int i = 0; i < N; i++) {
		snprintf(keys[i], sizeof(keys[i]), "d-%04d", i);
		assert_int_equal(strmap_put(&m, keys[i], i), 1);
	}
	assert_int_equal(m.cap, cap);
	assert_ptr_equal(m.slots, slots);
	strmap_reserve(&m, 10);			/* less than it holds: nothing moves */
	assert_ptr_equal(m.slots, slots);
	strmap_reserve(&m, 4 * N);		/* more: every key still found */
	assert_true(m.cap >= 2 * (4 * N + 1));
	for (int i = 0; i < N; i++)
		assert_int_equal(strmap_get(&m, keys[i], -1), i);
	strmap_release(&m);
	free(keys);
}

/*
 * Keys hashed a word at a time: every length across the word boundaries,
 * keys that differ only in their last byte, and a key that is another's
 * prefix are all told apart.
 */
static void
test_lengths(void **state)
{
	char keys[40][41];
	struct strmap m = STRMAP_INIT;

	(void)state;
	for (int i = 0; i < 40; i++) {
		memset(keys[i], 'a', (size_t)i);
		keys[i][i] = '\0';
		assert_int_equal(strmap_put(&m, keys[i], i), 1);
	}
	for (int i = 0; i < 40; i++)
		assert_int_equal(strmap_get(&m, keys[i], -1), i);
	assert_int_equal(strmap_put(&m, "ashbury-housing-partnership1", 100), 1);
	assert_int_equal(strmap_put(&m, "ashbury-housing-partnership2", 101), 1);
	assert_int_equal(strmap_get(&m, "ashbury-housing-partnership1", -1), 100);
	assert_int_equal(strmap_get(&m, "ashbury-housing-partnership2", -1), 101);
	assert_int_equal(strmap_get(&m, "ashbury-housing-partnership", -1), -1);
	assert_int_equal(strmap_get(&m, "ashbury-housing-partnership3", -1), -1);
	strmap_release(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_put_get),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_lengths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
