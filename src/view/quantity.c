/*
 * Shared-result values with their unit (quantity.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "quantity.h"
#include "../util/i18n.h"
#include "../util/banned.h"

static const char *const money_units[] = { "usd", "$", "us$", "dollars", "us dollars", "dollar" };
static const char *const percent_units[] = { "%", "percent", "per cent", "pct" };

static int
unit_in(const char *unit, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(unit, list[i]) == 0)
			return 1;
	return 0;
}

enum quantity_kind
quantity_kind(const char *unit)
{
	if (unit == NULL || *unit == '\0')
		return QUANTITY_PLAIN;
	if (unit_in(unit, money_units, sizeof(money_units) / sizeof(money_units[0])))
		return QUANTITY_MONEY;
	if (unit_in(unit, percent_units, sizeof(percent_units) / sizeof(percent_units[0])))
		return QUANTITY_PERCENT;
	return QUANTITY_PLAIN;
}

/* Appends |v| with thousands grouped and the decimals asked for (-1: as recorded, ≤ 2). */
static void
grouped(double v, int decimals, struct strbuf *out)
{
	char buf[64];
	const char *dot;
	size_t intlen, len;

	if (decimals < 0) {
		/* as recorded: two decimals, trailing zeros dropped */
		snprintf(buf, sizeof(buf), "%.2f", fabs(v));
		len = strlen(buf);
		while (len > 0 && buf[len - 1] == '0')
			buf[--len] = '\0';
		if (len > 0 && buf[len - 1] == '.')
			buf[--len] = '\0';
	} else
		snprintf(buf, sizeof(buf), "%.*f", decimals > 6 ? 6 : decimals, fabs(v));
	dot = strchr(buf, '.');
	intlen = dot ? (size_t)(dot - buf) : strlen(buf);
	for (size_t i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			strbuf_addch(out, ',');
		strbuf_addch(out, buf[i]);
	}
	if (dot)
		strbuf_addstr(out, dot);
}

void
quantity_format(double v, const char *unit, int decimals, struct strbuf *out)
{
	double shown = decimals >= 0 ? v : round(v * 100) / 100;

	/* no "−0" for a value that rounds to zero */
	if (shown < 0 && (decimals < 0 ? shown <= -0.005 : shown <= -0.5 * pow(10, -decimals)))
		strbuf_addstr(out, "−");
	switch (quantity_kind(unit)) {
	case QUANTITY_MONEY:
		strbuf_addch(out, '$');
		grouped(v, decimals, out);
		break;
	case QUANTITY_PERCENT:
		grouped(v, decimals, out);
		strbuf_addch(out, '%');
		break;
	case QUANTITY_PLAIN:
		grouped(v, decimals, out);
		if (unit && *unit)
			strbuf_addf(out, " %s", unit);
		break;
	}
}

void
quantity_unit_words(const char *unit, struct strbuf *out)
{
	switch (quantity_kind(unit)) {
	case QUANTITY_MONEY:
		strbuf_addstr(out, _("US dollars"));
		break;
	case QUANTITY_PERCENT:
		strbuf_addstr(out, _("percent"));
		break;
	case QUANTITY_PLAIN:
		strbuf_addstr(out, unit && *unit ? unit : _("value"));
		break;
	}
}

int
quantity_tight_drops_unit(const char *unit)
{
	return quantity_kind(unit) == QUANTITY_PLAIN && unit && strlen(unit) > QUANTITY_TIGHT_MAX;
}

void
quantity_format_tight(double v, const char *unit, int decimals, struct strbuf *out)
{
	quantity_format(v, quantity_tight_drops_unit(unit) ? NULL : unit, decimals, out);
}
