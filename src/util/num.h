#ifndef TRELLIS_NUM_H
#define TRELLIS_NUM_H
/*
 * Exact number text: money as integer cents, counts as integers, and real
 * values printed in the shortest form that reads back to the same double,
 * so that export → import → export gives the same bytes.
 */
#include <stdint.h>

#define NUM_BUFSZ 40

/*
 * Parses decimal dollars ("1234", "1234.5", "-3.25") into cents. Returns 0;
 * -1 when s is not a plain decimal number; -2 when it has more than two
 * decimals; -3 when it is out of range (|amount| >= 10^13 dollars).
 */
int money_parse(const char *s, int64_t *cents);
/* Writes dollars: "1234" when whole, else "1234.50". Returns buf. */
char *money_format(int64_t cents, char buf[NUM_BUFSZ]);
/* Writes "$1,234.50" for pages and terminals. Returns buf. */
char *money_display(int64_t cents, char buf[NUM_BUFSZ]);
/* Parses a plain decimal integer ("-12"). Returns 0 or -1. */
int int_parse(const char *s, int64_t *out);
/* Parses a JSON-style number into a finite double. Returns 0 or -1. */
int real_parse(const char *s, double *out);
/* Writes the shortest "%.Ng" form that reads back to v. Returns buf. */
char *real_format(double v, char buf[NUM_BUFSZ]);

#endif
