/*
 * report_bench: the cost of the balance report itself, without process
 * start or database load. Builds the demo program in memory (demo_build,
 * model_validate, as `trellis report` has it after loading), then times
 * full passes over every initiative: metrics_report and metrics_capacity
 * (the figures, scores, alerts, strengths and backbone capacity), and the
 * same with the JSON written (report_json_write). Given a database (made
 * by `trellis demo`), also times what the CLI does before it reports:
 * store_open, store_program_load and model_resolve of the demo program.
 * Prints one line per figure: the median and the fastest run in ms.
 *
 *	report_bench [SECONDS [AS_OF [MONTHS [DB]]]]   (default 2 2016-12-31 12)
 *
 * Each figure runs for about SECONDS after a short warm-up. Not a test: it
 * asserts nothing about speed (PERFORMANCE.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "metrics/metrics.h"
#include "model/demo.h"
#include "model/model.h"
#include "model/validate.h"
#include "store/store.h"
#include "util/date.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "view/report_json.h"
#include "util/banned.h"

#define MAX_PASSES 1000000

/* Where each pass's result goes, so that the work cannot be optimized away. */
static volatile size_t bench_sink;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * One full pass: the report and backbone capacity of every initiative of
 * p, released again; with json, each report also written as JSON into sb.
 * Returns the bytes of JSON written and the alerts found (for bench_sink).
 */
static size_t
pass(const struct program *p, tdate as_of, int months, int json, struct strbuf *sb)
{
	size_t bytes = 0;

	for (size_t i = 0; i < p->initiatives.n; i++) {
		const struct initiative *in = &p->initiatives.v[i];
		struct report r;
		struct capacity c;

		metrics_report_init(&r);
		metrics_capacity_init(&c);
		if (metrics_report(p, in, as_of, months, NULL, &r) ||
		    metrics_capacity(p, in->backbone.idx, in, as_of, NULL, &c)) {
			fprintf(stderr, "report_bench: cannot compute the report of %s\n", in->slug);
			exit(1);
		}
		if (json) {
			strbuf_reset(sb);
			report_json_write(&r, sb);
			bytes += sb->len;
		}
		bytes += r.alerts.n;
		metrics_capacity_release(&c);
		metrics_report_release(&r);
	}
	return bytes;
}

/* Opens db, loads the demo program and resolves it, as the CLI does; closes. */
static void
load(const char *db)
{
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	struct store *s;
	struct program p;

	program_init(&p);
	if (store_open(db, 0, &s, &err) || store_program_load(s, DEMO_PROGRAM_SLUG, &p, &err) ||
	    model_resolve(&p, &e)) {
		fprintf(stderr, "report_bench: %s: cannot load the demo program: %s\n", db, err.buf);
		exit(1);
	}
	bench_sink += p.initiatives.n;
	store_close(s);
	program_release(&p);
	strbuf_release(&err);
}

/* Times loads of db for about seconds; prints the figure's line. */
static void
run_load(const char *name, const char *db, double seconds)
{
	double *t = xcalloc(MAX_PASSES, sizeof(*t));
	double end;
	size_t n = 0;

	load(db);
	end = now_ms() + seconds * 1e3;
	while (n < MAX_PASSES) {
		double t0 = now_ms(), t1;

		load(db);
		t1 = now_ms();
		t[n++] = t1 - t0;
		if (t1 >= end && n >= 20)
			break;
	}
	qsort(t, n, sizeof(*t), cmp_double);
	printf("%-34s %9.3f ms per load of the demo program (median of %zu loads; fastest %.3f ms)\n",
	    name, t[n / 2], n, t[0]);
	free(t);
}

/* Times passes for about seconds; prints the figure's line. */
static void
run(const char *name, const struct program *p, tdate as_of, int months, int json,
    double seconds)
{
	double *t = xcalloc(MAX_PASSES, sizeof(*t));
	struct strbuf sb = STRBUF_INIT;
	double start, end;
	size_t n = 0;

	for (int i = 0; i < 5; i++)	/* warm-up: caches, allocator */
		bench_sink += pass(p, as_of, months, json, &sb);
	start = now_ms();
	end = start + seconds * 1e3;
	while (n < MAX_PASSES) {
		double t0 = now_ms(), t1;

		bench_sink += pass(p, as_of, months, json, &sb);
		t1 = now_ms();
		t[n++] = t1 - t0;
		if (t1 >= end && n >= 20)
			break;
	}
	qsort(t, n, sizeof(*t), cmp_double);
	printf("%-34s %9.3f ms per full pass over %zu initiatives (median of %zu passes; fastest %.3f ms)\n",
	    name, t[n / 2], p->initiatives.n, n, t[0]);
	strbuf_release(&sb);
	free(t);
}

int
main(int argc, char **argv)
{
	struct program p;
	struct model_error e;
	double seconds = argc > 1 ? atof(argv[1]) : 2.0;
	const char *as_of_s = argc > 2 ? argv[2] : "2016-12-31";
	int months = argc > 3 ? atoi(argv[3]) : 12;
	const char *db = argc > 4 ? argv[4] : NULL;
	tdate as_of;

	if (seconds <= 0 || date_parse(as_of_s, &as_of) || months < 1) {
		fprintf(stderr, "usage: report_bench [SECONDS [AS_OF [MONTHS [DB]]]]\n");
		return 2;
	}
	program_init(&p);
	demo_build(&p, DEMO_DEFAULT_SEED);
	if (model_validate(&p, &e) != 0) {
		struct strbuf sb = STRBUF_INIT;

		model_error_format(&e, &sb);
		fprintf(stderr, "report_bench: the demo does not validate: %s\n", sb.buf);
		strbuf_release(&sb);
		return 1;
	}
	run("metrics_report+capacity (C)", &p, as_of, months, 0, seconds);
	run("metrics_report+capacity+JSON (C)", &p, as_of, months, 1, seconds);
	if (db)
		run_load("store load+resolve (C)", db, seconds);
	program_release(&p);
	return 0;
}
