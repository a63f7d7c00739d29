#ifndef TRELLIS_QUANTITY_H
#define TRELLIS_QUANTITY_H
/*
 * Values of the shared result's indicator as people read them, with the
 * indicator's unit (DESIGN §2.1 stores it as free text): a currency unit
 * ("USD", "$", "dollars") gives "$44,736", a percent unit ("%", "percent")
 * "62%", any other "1,240 people", no unit "1,240". Thousands are grouped;
 * negative values take a minus sign ("−$1,200").
 */
#include "../util/strbuf.h"

enum quantity_kind {
	QUANTITY_PLAIN,		/* "1,240 people" or "1,240" */
	QUANTITY_MONEY,		/* "$44,736" */
	QUANTITY_PERCENT,	/* "62%" */
};

/* How unit (may be NULL) is written: money, percent or a plain word after the number. */
enum quantity_kind quantity_kind(const char *unit);

/*
 * Appends v with unit to out. decimals ≥ 0 writes exactly that many
 * decimals (axis ticks); -1 writes the value as recorded, with up to two
 * decimals and no trailing zeros.
 */
void quantity_format(double v, const char *unit, int decimals, struct strbuf *out);

/*
 * Whether a tight place (an axis tick, a table cell) leaves unit out: a
 * word unit longer than QUANTITY_TIGHT_MAX characters ("crimes per 1,000
 * residents"), which the axis title or the column heading then names.
 * Money and percent keep their signs; "people", "jobs" stay.
 */
#define QUANTITY_TIGHT_MAX 12
int quantity_tight_drops_unit(const char *unit);

/* quantity_format for a tight place: the number alone when quantity_tight_drops_unit. */
void quantity_format_tight(double v, const char *unit, int decimals, struct strbuf *out);

/* Appends the unit in words for an axis title: "US dollars", "percent", unit itself. */
void quantity_unit_words(const char *unit, struct strbuf *out);

#endif
