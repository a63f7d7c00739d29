#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/date.h"

static tdate
d(const char *s)
{
	tdate t = DATE_NONE;

	assert_int_equal(date_parse(s, &t), 0);
	return t;
}

static void
test_parse_valid(void **state)
{
	char buf[DATE_BUFSZ];

	(void)state;
	assert_int_equal(d("1970-01-01"), 0);
	assert_int_equal(d("1970-01-02"), 1);
	assert_int_equal(d("1969-12-31"), -1);
	assert_int_equal(d("2016-12-31") - d("2016-01-01"), 365);	/* leap year */
	assert_int_equal(d("2015-12-31") - d("2015-01-01"), 364);
	assert_string_equal(date_format(d("2014-07-09"), buf), "2014-07-09");
	assert_string_equal(date_format(d("9999-12-31"), buf), "9999-12-31");
}

static void
test_parse_refused(void **state)
{
	static const char *const bad[] = {
		"2015-02-30", "2015-02-29", "1900-02-29", "2015-13-01",
		"2015-00-10", "2015-04-31", "2015-01-00", "2015-1-1",
		"2015/01/01", "20150101", "2015-01-01x", " 2015-01-01",
		"0999-01-01", "", "abcd-ef-gh", "2015-01-0a",
	};
	tdate t = 42;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(date_parse(bad[i], &t), -1);
		assert_int_equal(t, 42);	/* untouched on failure */
	}
	assert_int_equal(date_parse(NULL, &t), -1);
}

static void
test_leap_years(void **state)
{
	tdate t;

	(void)state;
	assert_int_equal(date_parse("2016-02-29", &t), 0);
	assert_int_equal(date_parse("2000-02-29", &t), 0);	/* divisible by 400 */
	assert_int_equal(date_parse("2100-02-29", &t), -1);	/* by 100, not 400 */
	assert_int_equal(date_days_in_month(2016, 2), 29);
	assert_int_equal(date_days_in_month(2015, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2015, 4), 30);
	assert_int_equal(date_days_in_month(2015, 12), 31);
}

static void
test_ymd_round_trip(void **state)
{
	int y, m, dd;

	(void)state;
	/* Every day of four centuries survives ymd → days → ymd. */
	for (tdate t = d("1900-01-01"); t <= d("2300-12-31"); t++) {
		date_to_ymd(t, &y, &m, &dd);
		assert_int_equal(date_from_ymd(y, m, dd), t);
		assert_true(dd >= 1 && dd <= date_days_in_month(y, m));
	}
}

static void
test_add_months(void **state)
{
	char buf[DATE_BUFSZ];

	(void)state;
	assert_string_equal(date_format(date_add_months(d("2016-01-31"), 1), buf), "2016-02-29");
	assert_string_equal(date_format(date_add_months(d("2015-01-31"), 1), buf), "2015-02-28");
	assert_string_equal(date_format(date_add_months(d("2016-03-31"), -1), buf), "2016-02-29");
	assert_string_equal(date_format(date_add_months(d("2016-12-31"), -12), buf), "2015-12-31");
	assert_string_equal(date_format(date_add_months(d("2016-05-31"), -3), buf), "2016-02-29");
	assert_string_equal(date_format(date_add_months(d("2016-11-15"), 2), buf), "2017-01-15");
	assert_string_equal(date_format(date_add_months(d("2017-01-15"), -2), buf), "2016-11-15");
	assert_string_equal(date_format(date_add_months(d("2016-08-31"), 0), buf), "2016-08-31");
	assert_string_equal(date_format(date_add_months(d("2014-10-31"), 36), buf), "2017-10-31");
}

static void
test_format_none(void **state)
{
	char buf[DATE_BUFSZ] = "xxxxxxxxxx";

	(void)state;
	assert_string_equal(date_format(DATE_NONE, buf), "");
}

/* The date as people read it: "31 Dec 2016", one digit for early days, "—" for none. */
static void
test_format_words(void **state)
{
	char buf[DATE_WORDS_BUFSZ];
	tdate d;

	(void)state;
	assert_int_equal(date_parse("2016-12-31", &d), 0);
	assert_string_equal(date_format_words(d, buf), "31 Dec 2016");
	assert_int_equal(date_parse("2015-05-04", &d), 0);
	assert_string_equal(date_format_words(d, buf), "4 May 2015");
	assert_int_equal(date_parse("2000-02-29", &d), 0);
	assert_string_equal(date_format_words(d, buf), "29 Feb 2000");
	assert_string_equal(date_format_words(DATE_NONE, buf), "—");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_refused),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_ymd_round_trip),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_format_none),
		cmocka_unit_test(test_format_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
