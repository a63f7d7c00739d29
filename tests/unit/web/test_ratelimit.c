/*
 * Unit tests for src/web/ratelimit.c: the limit-th failure within the
 * window locks an address out for the lockout and not a second longer,
 * fewer failures or a window gone by lock nothing, other addresses are not
 * touched, an IPv6 client counts by its /64, and a table filled by many
 * addresses keeps working.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "web/ratelimit.h"

#define T0	1700000000

static struct web_ratelimit rl = WEB_RATELIMIT_INIT(5, 600, 900);

static int
reset(void **state)
{
	(void)state;
	memset(rl.slot, 0, sizeof(rl.slot));
	return 0;
}

static void
test_lockout(void **state)
{
	(void)state;
	for (int i = 0; i < 4; i++) {
		assert_int_equal(web_ratelimit_fail(&rl, "10.0.0.1", T0 + i), 0);
		assert_int_equal(web_ratelimit_wait(&rl, "10.0.0.1", T0 + i), 0);
	}
	/* the fifth failure locks it out for 900 seconds from then */
	assert_int_equal(web_ratelimit_fail(&rl, "10.0.0.1", T0 + 10), 900);
	assert_int_equal(web_ratelimit_wait(&rl, "10.0.0.1", T0 + 10), 900);
	assert_int_equal(web_ratelimit_wait(&rl, "10.0.0.1", T0 + 909), 1);
	assert_int_equal(web_ratelimit_wait(&rl, "10.0.0.1", T0 + 910), 0);
	/* another address, and none, are not limited */
	assert_int_equal(web_ratelimit_wait(&rl, "10.0.0.2", T0 + 10), 0);
	assert_int_equal(web_ratelimit_wait(&rl, NULL, T0 + 10), 0);
	assert_int_equal(web_ratelimit_wait(&rl, "", T0 + 10), 0);
	assert_int_equal(web_ratelimit_fail(&rl, NULL, T0 + 10), 0);
	/* after the lockout the count starts again: four more lock nothing */
	for (int i = 0; i < 4; i++)
		assert_int_equal(web_ratelimit_fail(&rl, "10.0.0.1", T0 + 920 + i), 0);
	assert_int_equal(web_ratelimit_wait(&rl, "10.0.0.1", T0 + 930), 0);
	assert_int_equal(web_ratelimit_fail(&rl, "10.0.0.1", T0 + 931), 900);
	assert_int_equal(web_ratelimit_wait(&rl, "10.0.0.1", T0 + 931), 900);
}

static void
test_window(void **state)
{
	(void)state;
	/* four failures, then the window passes: the fifth starts a new count */
	for (int i = 0; i < 4; i++)
		assert_int_equal(web_ratelimit_fail(&rl, "192.0.2.7", T0 + i), 0);
	assert_int_equal(web_ratelimit_fail(&rl, "192.0.2.7", T0 + 600), 0);
	assert_int_equal(web_ratelimit_wait(&rl, "192.0.2.7", T0 + 600), 0);
	for (int i = 1; i < 4; i++)
		assert_int_equal(web_ratelimit_fail(&rl, "192.0.2.7", T0 + 600 + i), 0);
	assert_int_equal(web_ratelimit_fail(&rl, "192.0.2.7", T0 + 1199), 900);
}

static void
test_ipv6_prefix(void **state)
{
	(void)state;
	/* one /64: failures from its addresses add up */
	assert_int_equal(web_ratelimit_fail(&rl, "2001:db8::1", T0), 0);
	assert_int_equal(web_ratelimit_fail(&rl, "2001:db8::2", T0), 0);
	assert_int_equal(web_ratelimit_fail(&rl, "2001:db8::ffff:1", T0), 0);
	assert_int_equal(web_ratelimit_fail(&rl, "2001:db8:0:0:1:2:3:4", T0), 0);
	assert_int_equal(web_ratelimit_fail(&rl, "2001:db8::5", T0), 900);
	assert_int_equal(web_ratelimit_wait(&rl, "2001:db8::99", T0 + 1), 899);
	/* the next /64, and IPv4 mapped into IPv6, are others */
	assert_int_equal(web_ratelimit_wait(&rl, "2001:db8:0:1::1", T0 + 1), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(web_ratelimit_fail(&rl, "::ffff:10.0.0.1", T0), 0);
	assert_int_equal(web_ratelimit_wait(&rl, "::ffff:10.0.0.2", T0), 0);
	assert_int_equal(web_ratelimit_fail(&rl, "::ffff:10.0.0.2", T0), 0);
	assert_int_equal(web_ratelimit_wait(&rl, "::ffff:10.0.0.2", T0), 0);
}

static void
test_many_addresses(void **state)
{
	char addr[32];

	(void)state;
	for (int i = 0; i < 5; i++)
		web_ratelimit_fail(&rl, "203.0.113.9", T0);
	assert_int_equal(web_ratelimit_wait(&rl, "203.0.113.9", T0), 900);
	/* three times more addresses than slots, each failing once, later */
	for (int i = 0; i < 3 * WEB_RATELIMIT_SLOTS; i++) {
		snprintf(addr, sizeof(addr), "10.%d.%d.%d", (i >> 16) & 255, (i >> 8) & 255, i & 255);
		assert_int_equal(web_ratelimit_fail(&rl, addr, T0 + 1 + i / 100), 0);
	}
	/* the last ones are still counted: four more lock the last address out */
	for (int i = 0; i < 3; i++)
		assert_int_equal(web_ratelimit_fail(&rl, addr, T0 + 100), 0);
	assert_int_equal(web_ratelimit_fail(&rl, addr, T0 + 100), 900);
	assert_int_equal(web_ratelimit_wait(&rl, addr, T0 + 100), 900);
	/* a fresh address finds a slot, and an unknown one waits for nothing */
	assert_int_equal(web_ratelimit_fail(&rl, "198.51.100.1", T0 + 100), 0);
	assert_int_equal(web_ratelimit_wait(&rl, "198.51.100.2", T0 + 100), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_lockout, reset),
		cmocka_unit_test_setup(test_window, reset),
		cmocka_unit_test_setup(test_ipv6_prefix, reset),
		cmocka_unit_test_setup(test_many_addresses, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
