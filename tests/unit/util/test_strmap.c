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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_put_get),
		cmocka_unit_test(test_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
