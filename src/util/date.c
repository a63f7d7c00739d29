#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "banned.h"

/* Howard Hinnant's days_from_civil and civil_from_days. */
tdate
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (tdate)(era * 146097 + doe - 719468);
}

void
date_to_ymd(tdate t, int *y, int *m, int *d)
{
	int z = t + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

int
date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 ? 28 + leap : days[m - 1];
}

static int
digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
date_parse(const char *s, tdate *out)
{
	int y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
		return -1;
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

char *
date_format(tdate t, char buf[DATE_BUFSZ])
{
	int y, m, d;

	if (t == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	date_to_ymd(t, &y, &m, &d);
	y = y < 0 ? 0 : y % 10000;
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

char *
date_format_words(tdate t, char buf[DATE_WORDS_BUFSZ])
{
	return date_format_words_lang(t, NULL, buf);
}

char *
date_format_words_lang(tdate t, const char *lang, char buf[DATE_WORDS_BUFSZ])
{
	static const char *const en[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	static const char *const es[12] = { "ene", "feb", "mar", "abr", "may", "jun",
	    "jul", "ago", "sept", "oct", "nov", "dic" };
	const char *const *mon = lang && strcmp(lang, "es") == 0 ? es : en;
	int y, m, d;

	if (t == DATE_NONE) {
		snprintf(buf, DATE_WORDS_BUFSZ, "—");
		return buf;
	}
	date_to_ymd(t, &y, &m, &d);
	assert(m >= 1 && m <= 12);
	snprintf(buf, DATE_WORDS_BUFSZ, "%d %s %d", d, mon[m - 1], y);
	return buf;
}

tdate
date_add_months(tdate t, int n)
{
	int y, m, d, months, dim;

	date_to_ymd(t, &y, &m, &d);
	months = y * 12 + (m - 1) + n;
	y = months / 12;
	m = months % 12 + 1;
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

tdate
date_today(void)
{
	return (tdate)(time(NULL) / 86400);
}

tdate
date_month_end(tdate t)
{
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	return date_from_ymd(y, m, date_days_in_month(y, m));
}
