#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/num.h"

static void
test_money_parse(void **state)
{
	int64_t c = 0;

	(void)state;
	assert_int_equal(money_parse("12.5", &c), 0);
	assert_int_equal(c, 1250);
	assert_int_equal(money_parse("-5", &c), 0);
	assert_int_equal(c, -500);
	assert_int_equal(money_parse("0", &c), 0);
	assert_int_equal(c, 0);
	assert_int_equal(money_parse("1234", &c), 0);
	assert_int_equal(c, 123400);
	assert_int_equal(money_parse("-3.25", &c), 0);
	assert_int_equal(c, -325);
	assert_int_equal(money_parse("0.07", &c), 0);
	assert_int_equal(c, 7);
	assert_int_equal(money_parse("700000.00", &c), 0);
	assert_int_equal(c, 70000000);
	/* Trailing zeros past the cents lose nothing, so they are fine. */
	assert_int_equal(money_parse("1.500", &c), 0);
	assert_int_equal(c, 150);
}

static void
test_money_parse_refused(void **state)
{
	static const char *const notnum[] = {
		"", "-", "abc", "1.", ".5", "1e3", "1E3", "1,000", "$5", " 5",
		"5 ", "--5", "1.2.3", "+5",
	};
	int64_t c = 99;

	(void)state;
	assert_int_equal(money_parse("1.234", &c), -2);	/* three decimals */
	assert_int_equal(money_parse("0.001", &c), -2);
	assert_int_equal(money_parse("10000000000000", &c), -3);
	assert_int_equal(money_parse("99999999999999999999999", &c), -3);
	for (size_t i = 0; i < sizeof(notnum) / sizeof(notnum[0]); i++)
		assert_int_equal(money_parse(notnum[i], &c), -1);
	assert_int_equal(money_parse(NULL, &c), -1);
	assert_int_equal(c, 99);	/* untouched on failure */
}

static void
test_money_format(void **state)
{
	char buf[NUM_BUFSZ];

	(void)state;
	assert_string_equal(money_format(123400, buf), "1234");
	assert_string_equal(money_format(123450, buf), "1234.50");
	assert_string_equal(money_format(7, buf), "0.07");
	assert_string_equal(money_format(-325, buf), "-3.25");
	assert_string_equal(money_format(-500, buf), "-5");
	assert_string_equal(money_format(0, buf), "0");
	assert_string_equal(money_display(123456789, buf), "$1,234,567.89");
	assert_string_equal(money_display(100000, buf), "$1,000.00");
	assert_string_equal(money_display(99900, buf), "$999.00");
	assert_string_equal(money_display(-1250, buf), "-$12.50");
}

static void
test_money_round_trip(void **state)
{
	char buf[NUM_BUFSZ];
	int64_t c;

	(void)state;
	for (int64_t v = -100005; v <= 100005; v += 7) {
		assert_int_equal(money_parse(money_format(v, buf), &c), 0);
		assert_int_equal(c, v);
	}
}

static void
test_int_parse(void **state)
{
	int64_t v = 0;

	(void)state;
	assert_int_equal(int_parse("-12", &v), 0);
	assert_int_equal(v, -12);
	assert_int_equal(int_parse("30", &v), 0);
	assert_int_equal(v, 30);
	assert_int_equal(int_parse("", &v), -1);
	assert_int_equal(int_parse("1.5", &v), -1);
	assert_int_equal(int_parse(" 1", &v), -1);
	assert_int_equal(int_parse("12x", &v), -1);
	assert_int_equal(int_parse("99999999999999999999", &v), -1);
}

static void
test_real(void **state)
{
	static const double values[] = {
		0.1, 0.2, 1.0 / 3.0, 2.0 / 3.0, 15.5, -0.25, 1e-7, 123456.789,
		3.14159265358979, 1e20, -1e-300, 17.2, 0.30000000000000004,
	};
	char buf[NUM_BUFSZ];
	double v;

	(void)state;
	assert_string_equal(real_format(1000000, buf), "1000000");
	assert_string_equal(real_format(0.1, buf), "0.1");
	assert_string_equal(real_format(-0.0, buf), "0");
	assert_string_equal(real_format(15.5, buf), "15.5");
	/* The shortest text that reads back to exactly the same double. */
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		real_format(values[i], buf);
		assert_int_equal(real_parse(buf, &v), 0);
		assert_true(v == values[i]);
	}
	assert_int_equal(real_parse("1e400", &v), -1);
	assert_int_equal(real_parse("nan", &v), -1);
	assert_int_equal(real_parse("inf", &v), -1);
	assert_int_equal(real_parse(".5", &v), -1);
	assert_int_equal(real_parse("", &v), -1);
	assert_int_equal(real_parse("2.5e3", &v), 0);
	assert_true(v == 2500.0);
}

/* What trying every precision from 1 up gives: the first that reads back. */
static void
shortest(double v, char want[NUM_BUFSZ])
{
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(want, NUM_BUFSZ, "%.*g", prec, v);
		if (strtod(want, NULL) == v)
			return;
	}
}

/*
 * real_format's fewest digits (%.15g, else 16, else 17) are what trying
 * every precision from 1 up gives, for ratios and shares such as the
 * report's, values with 1 to 17 digits, numbers of a few digits at every
 * scale (where %g's notation changes), and doubles of random bits.
 */
static void
test_real_shortest(void **state)
{
	static const double scales[] = { 1e-300, 1e-20, 1e-6, 1e-5, 1e-4, 1e-3, 0.1, 1, 10,
	    1e4, 1e6, 1e12, 1e14, 1e15, 1e16, 1e20, 1e300 };
	char buf[NUM_BUFSZ], want[NUM_BUFSZ];
	uint64_t seed = 88172645463325252ull;
	size_t n = 0;

	(void)state;
	for (int i = 1; i <= 300; i++)
		for (int j = 1; j <= 97; j += 3) {
			double vs[3] = { (double)i / j, (double)i / j / 1000, -(double)j / i * 1e5 };

			for (int k = 0; k < 3; k++) {
				double v = vs[k];

				if (v == floor(v))
					continue;
				shortest(v, want);
				assert_string_equal(real_format(v, buf), want);
				n++;
			}
		}
	for (size_t s = 0; s < sizeof(scales) / sizeof(scales[0]); s++)
		for (int d = 1; d <= 9999; d += 7) {
			double v = d * scales[s] + scales[s] / 3;

			if (v == floor(v) && fabs(v) < 1e15)
				continue;
			shortest(v, want);
			assert_string_equal(real_format(v, buf), want);
			n++;
		}
	for (int i = 0; i < 200000; i++) {
		double v;

		/* xorshift64 */
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		memcpy(&v, &seed, sizeof(v));
		if (!isfinite(v) || (v == floor(v) && fabs(v) < 1e15))
			continue;
		shortest(v, want);
		assert_string_equal(real_format(v, buf), want);
		n++;
	}
	assert_true(n > 200000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_parse),
		cmocka_unit_test(test_money_parse_refused),
		cmocka_unit_test(test_money_format),
		cmocka_unit_test(test_money_round_trip),
		cmocka_unit_test(test_int_parse),
		cmocka_unit_test(test_real),
		cmocka_unit_test(test_real_shortest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
