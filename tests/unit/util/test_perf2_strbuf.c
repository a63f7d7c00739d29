/*
 * strbuf_addint (the printf-free "%lld" of hot paths) and strbuf growth
 * without clearing: the same bytes as before.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"

static void
test_addint_as_printf(void **state)
{
	static const long long v[] = {
		0, 1, -1, 9, 10, -10, 99, 100, 12345, -12345, 2147483647LL, -2147483648LL,
		1000000000000LL, LLONG_MAX, LLONG_MIN, LLONG_MIN + 1,
	};
	struct strbuf sb = STRBUF_INIT;
	char want[32];

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "k ");
		strbuf_addint(&sb, v[i]);
		snprintf(want, sizeof(want), "k %lld", v[i]);
		assert_string_equal(sb.buf, want);
		assert_int_equal(sb.len, strlen(want));
	}
	strbuf_release(&sb);
}

/* a buffer grown many times keeps every byte written and its NUL */
static void
test_growth_keeps_bytes(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	for (int i = 0; i < 100000; i++)
		strbuf_addch(&sb, (char)('a' + i % 26));
	assert_int_equal(sb.len, 100000);
	assert_true(sb.alloc > sb.len);
	assert_int_equal(sb.buf[sb.len], '\0');
	for (int i = 0; i < 100000; i++)
		if (sb.buf[i] != (char)('a' + i % 26))
			fail_msg("byte %d", i);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addint_as_printf),
		cmocka_unit_test(test_growth_keeps_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
