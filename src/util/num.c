#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "banned.h"

#define MONEY_MAX_DOLLARS 10000000000000LL	/* 10^13: far above any grant */

int
money_parse(const char *s, int64_t *cents)
{
	int64_t dollars = 0, frac = 0;
	int neg = 0, ndig = 0, nfrac = 0;
	const char *p = s;

	if (p == NULL || *p == '\0')
		return -1;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	for (; *p >= '0' && *p <= '9'; p++, ndig++) {
		if (dollars >= MONEY_MAX_DOLLARS)
			return -3;
		dollars = dollars * 10 + (*p - '0');
	}
	if (ndig == 0)
		return -1;
	if (*p == '.') {
		p++;
		for (; *p >= '0' && *p <= '9'; p++, nfrac++)
			if (nfrac < 2)
				frac = frac * 10 + (*p - '0');
			else if (*p != '0')
				return -2;
		if (nfrac == 0)
			return -1;
		if (nfrac == 1)
			frac *= 10;
	}
	if (*p == 'e' || *p == 'E')
		return -1;
	if (*p != '\0')
		return -1;
	if (dollars >= MONEY_MAX_DOLLARS)
		return -3;
	*cents = (dollars * 100 + frac) * (neg ? -1 : 1);
	return 0;
}

char *
money_format(int64_t cents, char buf[NUM_BUFSZ])
{
	int64_t a = cents < 0 ? -cents : cents;

	if (a % 100 == 0)
		snprintf(buf, NUM_BUFSZ, "%s%lld", cents < 0 ? "-" : "", (long long)(a / 100));
	else
		snprintf(buf, NUM_BUFSZ, "%s%lld.%02lld", cents < 0 ? "-" : "",
		    (long long)(a / 100), (long long)(a % 100));
	return buf;
}

char *
money_display(int64_t cents, char buf[NUM_BUFSZ])
{
	char digits[NUM_BUFSZ];
	int64_t a = cents < 0 ? -cents : cents;
	int len, o = 0;

	len = snprintf(digits, sizeof(digits), "%lld", (long long)(a / 100));
	if (cents < 0)
		buf[o++] = '-';
	buf[o++] = '$';
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	snprintf(buf + o, (size_t)(NUM_BUFSZ - o), ".%02lld", (long long)(a % 100));
	return buf;
}

int
int_parse(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0' || (*s != '-' && (*s < '0' || *s > '9')))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end != '\0')
		return -1;
	*out = v;
	return 0;
}

int
real_parse(const char *s, double *out)
{
	const char *p = s;
	char *end;
	double v;

	/* JSON number grammar: -?digits(.digits)?([eE][+-]?digits)? */
	if (p == NULL || *p == '\0')
		return -1;
	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end != '\0' || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

char *
real_format(double v, char buf[NUM_BUFSZ])
{
	/* Whole numbers print without an exponent ("1000000", not "1e+06"). */
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, NUM_BUFSZ, "%.0f", v == 0 ? 0.0 : v);
		return buf;
	}
	/*
	 * The fewest significant digits that read back as v (a precision that
	 * does, every greater one does too: its nearest number is at least as
	 * near; 17 always does). When those are 15 or fewer, %.15g prints
	 * them: v lies within half a unit of its last place of them, far less
	 * than half a unit of the 15th digit, so rounding to 15 digits gives
	 * them and zeros, which %g drops (and a number that is not whole has
	 * more digits than places before its point, so the notation is the
	 * same). Else 16 digits, else 17: one to three tries, where a search
	 * over 1..17 took five (a report at national scale prints 300,000).
	 * A subnormal number has fewer digits than 15 to it: every precision
	 * is tried from 1 up.
	 */
	for (int prec = fabs(v) < DBL_MIN ? 1 : 15; prec < 17; prec++) {
		snprintf(buf, NUM_BUFSZ, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return buf;
	}
	snprintf(buf, NUM_BUFSZ, "%.17g", v);
	return buf;
}
