#ifndef TRELLIS_DATE_H
#define TRELLIS_DATE_H
/*
 * Calendar dates as a count of days since 1970-01-01 (proleptic Gregorian),
 * so that differences are plain subtraction. DATE_NONE marks an absent date.
 */
#include <stdint.h>

typedef int32_t tdate;
#define DATE_NONE INT32_MIN
#define DATE_BUFSZ 11	/* "YYYY-MM-DD" and a NUL */

tdate date_from_ymd(int y, int m, int d);
void date_to_ymd(tdate t, int *y, int *m, int *d);
int date_days_in_month(int y, int m);
/*
 * Parses exactly "YYYY-MM-DD" (years 1000-9999) into *out. Returns 0, or -1
 * when the text is not a real date (2015-02-30, 2015-13-01, "2015-1-1").
 */
int date_parse(const char *s, tdate *out);
/* Writes "YYYY-MM-DD" into buf (DATE_BUFSZ bytes) and returns buf. */
char *date_format(tdate t, char buf[DATE_BUFSZ]);
/*
 * Writes the date as people read it, "31 Dec 2016" (day, the month's first
 * three letters, year), or "—" for DATE_NONE, into buf and returns buf.
 * Every sentence, table and heading a person reads uses this; "YYYY-MM-DD"
 * stays in JSON, CSV, the API and the value of a date input.
 */
#define DATE_WORDS_BUFSZ 16
char *date_format_words(tdate t, char buf[DATE_WORDS_BUFSZ]);
/*
 * The same in the language of code lang ("en", "es"; NULL or another code:
 * English): Spanish writes "31 dic 2016" (CLDR's abbreviated months, no
 * period, lower case).
 */
char *date_format_words_lang(tdate t, const char *lang, char buf[DATE_WORDS_BUFSZ]);
/* Adds n calendar months; a day past the new month's end becomes its last day. */
tdate date_add_months(tdate t, int n);
/* The last day of t's month (a period of the team's answers: docs/metrics.md). */
tdate date_month_end(tdate t);
/* Today in UTC. */
tdate date_today(void);

#endif
