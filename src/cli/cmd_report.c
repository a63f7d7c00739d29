/*
 * trellis report: the balance report of one initiative or all of them
 * (DESIGN §3), as text for a terminal, JSON for other tools, or one
 * self-contained HTML page.
 */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../metrics/metrics.h"
#include "../model/validate.h"
#include "../store/store.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../view/report_brief.h"
#include "../view/report_html.h"
#include "../view/report_json.h"
#include "../view/report_text.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd report_cmd = {
	"report", "(--initiative SLUG | --all) [--as-of DATE] [--months N] "
	    "[--format text|json|html] [--summary] [--lang en|es] [--out PATH] [--jobs N]",
	N_("Computes the balance report: every figure with its N, the stepping-back\n"
	"and stepping-up scores with their parts, the pitfalls to discuss with the\n"
	"records behind them, the practices going well, and backbone capacity."),
	N_("The window runs from the day after AS-OF minus N calendar months to AS-OF,\n"
	"both inclusive (default: today, 12 months). --format json gives the shape\n"
	"of DESIGN §3 (an array with --all); html gives one printable page.\n"
	"Thresholds are the program's settings (trellis settings).\n"
	"Text and html are in the language of --lang, else the environment's\n"
	"(LANGUAGE, LC_ALL, LC_MESSAGES, LANG); json is the same in every language.\n"
	"With --all, N threads (--jobs; default the online CPUs, at most 8) each\n"
	"load and report initiatives over a connection of their own; the output is\n"
	"the same whatever N, in the initiatives' order. Each initiative is read in\n"
	"one read transaction of its own, as with one thread."),
};

/* Most threads --jobs takes, and the default's ceiling (the online CPUs). */
#define REPORT_JOBS_MAX		64
#define REPORT_JOBS_DEFAULT_MAX	8

static const char separator[] = "\n────────────────────────────────────────"
    "────────────────────────────────────────\n\n";

/* What every initiative's part is made with: set before the threads start, then only read. */
struct job {
	const struct cli *c;
	const char *program;		/* its slug */
	const struct store_slugs *slugs;	/* the initiatives, in the output's order */
	tdate as_of;
	int months;
	const struct metrics_settings *set;
	int json, text, html, brief;	/* what a part holds (cmd_report) */
	int lang;			/* the main thread's language, for the workers' */
};

/* One initiative's part of the output, made by report_one and written by emit. */
struct part {
	struct strbuf text;		/* its JSON, its full text or its HTML section */
	struct report_brief brief;	/* with job.brief */
	char *program_name;		/* the program's name: the first part only */
	struct strbuf why;		/* the failure's line, without "trellis: " */
	int failed;
	int done;			/* (pool) made: the writer may take it */
};

/* What one thread reports with, reused from one initiative to the next. */
struct work {
	struct store *s;		/* its own connection */
	struct program ps;
	struct report rs;
	struct capacity caps;
};

static void
part_release(struct part *pt)
{
	strbuf_release(&pt->text);
	report_brief_release(&pt->brief);
	free(pt->program_name);
	strbuf_release(&pt->why);
	*pt = (struct part){ .text = STRBUF_INIT, .why = STRBUF_INIT };
}

/*
 * Makes initiative i's part *pt (empty): loads it over w's connection (its
 * own read transaction), computes its report and capacity, renders them
 * and releases them. A failure sets pt->failed and its line in pt->why.
 */
static void
report_one(const struct job *j, struct work *w, size_t i, struct part *pt)
{
	const struct initiative *in;

	program_init(&w->ps);
	program_use_arena(&w->ps);	/* only read: its strings freed at once */
	metrics_report_init(&w->rs);
	metrics_capacity_init(&w->caps);
	pt->failed = 1;
	/* the records dated outside the window are not read (store_report_load) */
	if (cli_store_load_report(j->c, w->s, j->program, j->slugs->v[i],
	    metrics_window_start(j->as_of, j->months), j->as_of, &w->ps, &pt->why))
		goto out;
	in = &w->ps.initiatives.v[0];
	if (metrics_report(&w->ps, in, j->as_of, j->months, j->set, &w->rs) ||
	    metrics_capacity(&w->ps, in->backbone.idx, in, j->as_of, j->set, &w->caps)) {
		strbuf_addf(&pt->why, _("cannot compute the report of '%s'"), in->slug);
		goto out;
	}
	if (j->json)
		report_json_write(&w->rs, &pt->text);
	else if (j->text)
		report_text_write(&w->rs, &w->caps, &pt->text);
	if (j->html) {
		struct html h;

		html_init(&h, &pt->text);
		report_html_section(&h, &w->rs, &w->caps, NULL);
	}
	if (j->brief)
		report_brief_take(&pt->brief, &w->rs);
	if (i == 0 && w->ps.name)
		pt->program_name = xstrdup(w->ps.name);
	pt->failed = 0;
out:
	metrics_report_release(&w->rs);
	metrics_capacity_release(&w->caps);
	program_release(&w->ps);
}

/* Where emit puts the parts, in order. */
struct sink {
	struct strbuf *out;		/* json, text */
	FILE *sections;			/* html: the sections, spooled to a file */
	struct report_brief *bs;	/* the briefs, n of them room */
	size_t nb;
	char *program_name;
};

/*
 * Writes part i into k and releases it, or prints its failure and returns
 * -1 (the first failure in the initiatives' order, as one thread meets it).
 */
static int
emit(const struct job *j, size_t i, struct part *pt, struct sink *k)
{
	if (pt->failed) {
		cli_error("%s", pt->why.buf);
		return -1;
	}
	if (j->json && i)
		strbuf_addch(k->out, ',');
	else if (j->text && i)
		strbuf_addstr(k->out, separator);
	if (!j->html)
		strbuf_add(k->out, pt->text.buf, pt->text.len);
	else if (fwrite(pt->text.buf, 1, pt->text.len, k->sections) != pt->text.len) {
		cli_error(_("cannot keep the report's pages in a temporary file: %s"),
		    strerror(errno));
		return -1;
	}
	if (j->brief) {
		k->bs[k->nb++] = pt->brief;
		pt->brief = (struct report_brief){ 0 };
	}
	if (pt->program_name) {
		assert(k->program_name == NULL);
		k->program_name = pt->program_name;
		pt->program_name = NULL;
	}
	part_release(pt);
	return 0;
}

/*
 * The worker pool of report --all: each thread takes the next initiative,
 * makes its part (report_one) and marks it done; the writer (the main
 * thread) emits the parts in order as they are done. A thread takes
 * initiative i only while i < written + ahead, so at most ahead parts
 * wait in memory. After a failure no thread takes another initiative:
 * every one before it has been taken already and is finished.
 */
struct pool {
	const struct job *j;
	struct part *parts;		/* one per initiative */
	size_t n, next, written, ahead;
	int stop;
	pthread_mutex_t lock;
	pthread_cond_t changed;		/* a part done, the writer on, or stop */
};

struct worker {
	struct pool *pool;
	struct work w;
	pthread_t t;
};

static void *
worker_main(void *arg)
{
	struct worker *wk = arg;
	struct pool *pl = wk->pool;

	i18n_use(pl->j->lang);
	pthread_mutex_lock(&pl->lock);
	for (;;) {
		size_t i;

		while (!pl->stop && pl->next < pl->n && pl->next >= pl->written + pl->ahead)
			pthread_cond_wait(&pl->changed, &pl->lock);
		if (pl->stop || pl->next >= pl->n)
			break;
		i = pl->next++;
		pthread_mutex_unlock(&pl->lock);
		report_one(pl->j, &wk->w, i, &pl->parts[i]);
		pthread_mutex_lock(&pl->lock);
		pl->parts[i].done = 1;
		if (pl->parts[i].failed)
			pl->stop = 1;
		pthread_cond_broadcast(&pl->changed);
	}
	pthread_mutex_unlock(&pl->lock);
	return NULL;
}

/* Stops the pool's threads (after what they are making) and waits for them. */
static void
pool_stop(struct pool *pl, struct worker *wk, size_t started)
{
	pthread_mutex_lock(&pl->lock);
	pl->stop = 1;
	pthread_cond_broadcast(&pl->changed);
	pthread_mutex_unlock(&pl->lock);
	for (size_t t = 0; t < started; t++)
		pthread_join(wk[t].t, NULL);
}

/*
 * Makes and emits the j->slugs->n parts over the connections
 * stores[0..nw): one thread per
 * connection, or this thread alone over stores[0] when nw is 1 (--jobs 1)
 * or no thread starts. Returns 0, or -1 with the first failure printed.
 */
static int
report_all(const struct job *j, struct store *const *stores, size_t nw, struct sink *k)
{
	size_t n = j->slugs->n, started = 0;
	struct pool pl = { .j = j, .n = n, .ahead = 2 * nw };
	struct worker *wk = NULL;
	int ret = 0;

	if (nw > 1) {
		pl.parts = xcalloc(n, sizeof(*pl.parts));
		for (size_t i = 0; i < n; i++)
			part_release(&pl.parts[i]);
		pthread_mutex_init(&pl.lock, NULL);
		pthread_cond_init(&pl.changed, NULL);
		wk = xcalloc(nw, sizeof(*wk));
		for (size_t t = 0; t < nw; t++) {
			wk[t].pool = &pl;
			wk[t].w.s = stores[t];
			if (pthread_create(&wk[t].t, NULL, worker_main, &wk[t]) != 0)
				break;
			started++;
		}
	}
	if (started == 0) {
		struct work *w = xcalloc(1, sizeof(*w));
		struct part pt = { .text = STRBUF_INIT, .why = STRBUF_INIT };

		w->s = stores[0];
		for (size_t i = 0; i < n && ret == 0; i++) {
			report_one(j, w, i, &pt);
			ret = emit(j, i, &pt, k);
		}
		part_release(&pt);
		free(w);
	} else {
		for (size_t i = 0; i < n && ret == 0; i++) {
			pthread_mutex_lock(&pl.lock);
			while (!pl.parts[i].done)
				pthread_cond_wait(&pl.changed, &pl.lock);
			pthread_mutex_unlock(&pl.lock);
			ret = emit(j, i, &pl.parts[i], k);
			pthread_mutex_lock(&pl.lock);
			pl.written = i + 1;
			pthread_cond_broadcast(&pl.changed);
			pthread_mutex_unlock(&pl.lock);
		}
		pool_stop(&pl, wk, started);
	}
	if (nw > 1) {
		for (size_t i = 0; i < n; i++)
			part_release(&pl.parts[i]);
		free(pl.parts);
		free(wk);
		pthread_cond_destroy(&pl.changed);
		pthread_mutex_destroy(&pl.lock);
	}
	return ret;
}

/* --jobs's default: the online CPUs, from 1 to REPORT_JOBS_DEFAULT_MAX. */
static long
default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > REPORT_JOBS_DEFAULT_MAX ? REPORT_JOBS_DEFAULT_MAX : n;
}

int
cmd_report(int argc, char **argv, struct cli *c)
{
	const char *initiative = NULL, *all = NULL, *as_of_s = NULL, *months_s = NULL;
	const char *format = "text", *outpath = NULL, *summary = NULL, *lang_s = NULL;
	const char *jobs_s = NULL;
	const struct cli_opt opts[] = {
		{ "initiative", "SLUG", &initiative, N_("the initiative to report on") },
		{ "all", NULL, &all, N_("report on every initiative of the program") },
		{ "as-of", "DATE", &as_of_s, N_("the last day of the window (default today)") },
		{ "months", "N", &months_s, N_("the window's length in months (default 12)") },
		{ "format", "FMT", &format, N_("text (default), json or html") },
		{ "out", "PATH", &outpath, N_("write to PATH instead of standard output") },
		{ "summary", NULL, &summary, N_("text: one short block per initiative (scores, alerts, strengths)") },
		{ "lang", "CODE", &lang_s,
		    N_("the language of text and html: en or es (default: the environment's)") },
		{ "jobs", "N", &jobs_s,
		    N_("threads making the report, 1 to 64 (default: the online CPUs, at most 8)") },
		{ NULL, NULL, NULL, NULL },
	};
	struct store **stores = NULL;
	size_t nstores = 0;
	struct store_slugs slugs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	char *slug = NULL;
	struct metrics_settings set;
	struct strbuf out = STRBUF_INIT, head = STRBUF_INIT;
	struct sink k = { .out = &out };
	struct cli_piece pieces[3];
	size_t np = 0;
	struct job j;
	size_t n = 0;
	tdate as_of = date_today();
	long months = 12, jobs = default_jobs();
	int nargs, rc;

	if ((rc = cli_parse(&report_cmd, opts, c, argc, argv, &nargs)) >= 0)
		return rc;
	if (nargs > 0)
		return cli_usage_error(&report_cmd, _("unexpected argument '%s'"), argv[0]);
	if ((initiative == NULL) == (all == NULL))
		return cli_usage_error(&report_cmd, "%s", _("give --initiative SLUG or --all"));
	if (as_of_s && date_parse(as_of_s, &as_of))
		return cli_usage_error(&report_cmd, _("--as-of: '%s' is not a real date (YYYY-MM-DD)"), as_of_s);
	if (months_s) {
		char *end;

		months = strtol(months_s, &end, 10);
		if (*end || months < 1 || months > 240)
			return cli_usage_error(&report_cmd, _("--months: '%s' is not a number from 1 to 240"), months_s);
	}
	if (jobs_s) {
		char *end;

		jobs = strtol(jobs_s, &end, 10);
		if (*end || end == jobs_s || jobs < 1 || jobs > REPORT_JOBS_MAX)
			return cli_usage_error(&report_cmd, _("--jobs: '%s' is not a number from 1 to %d"),
			    jobs_s, REPORT_JOBS_MAX);
	}
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "html"))
		return cli_usage_error(&report_cmd, _("--format: '%s' is not text, json or html"), format);
	if (lang_s && lang_parse(lang_s) < 0)
		return cli_usage_error(&report_cmd, _("--lang: '%s' is not en or es"), lang_s);
	if (lang_s && cli_lang_use(lang_parse(lang_s)))
		return CLI_FAIL;

	rc = CLI_FAIL;
	stores = xcalloc((size_t)jobs, sizeof(*stores));
	if (cli_store_open(c, 0, &stores[nstores++]))
		goto out;
	if ((rc = cli_store_pick(c, stores[0], &slug)) != 0)
		goto out;
	rc = CLI_FAIL;
	if (cli_store_settings(c, stores[0], slug, &set))
		goto out;
	if (initiative)
		*VEC_PUSH(&slugs) = xstrdup(initiative);
	else if (store_initiative_slugs(stores[0], slug, &slugs, &err)) {
		cli_error("%s: %s", c->db, err.buf);
		goto out;
	}
	n = slugs.n;
	/*
	 * Cost follows the work: each initiative is loaded on its own (its
	 * catalog and records only), reported, rendered and released, so
	 * memory is bounded by the largest initiatives being made (issue 10),
	 * by up to --jobs threads each over a connection of its own
	 * (report_all; a connection is never shared between threads). The
	 * summary and the HTML page's overview come first or last and show
	 * them all: they take a brief of each (report_brief.h) before it is
	 * released; the page's sections are put after its head at the end.
	 */
	while (nstores < (size_t)jobs && nstores < n)
		if (cli_store_open(c, 0, &stores[nstores++]))
			goto out;
	j = (struct job){
		.c = c, .program = slug, .slugs = &slugs, .as_of = as_of, .months = (int)months,
		.set = &set, .json = strcmp(format, "json") == 0,
		.text = strcmp(format, "text") == 0 && !summary,
		.html = strcmp(format, "html") == 0, .lang = i18n_current(),
	};
	j.brief = j.html || (summary && strcmp(format, "text") == 0);
	/*
	 * The page's sections wait in a temporary file for its head and
	 * overview, which need every initiative's brief: 166 MB of HTML at
	 * national scale, held in memory until then.
	 */
	if (j.html && (k.sections = tmpfile()) == NULL) {
		cli_error(_("cannot keep the report's pages in a temporary file: %s"), strerror(errno));
		goto out;
	}
	k.bs = xcalloc(n ? n : 1, sizeof(*k.bs));
	if (j.json && all)
		strbuf_addch(&out, '[');
	if (j.text && n == 0)
		strbuf_addf(&out, _("Program '%s' has no initiatives yet.\n"), slug);
	if (report_all(&j, stores, nstores, &k))
		goto out;
	if (j.json) {
		if (all)
			strbuf_addch(&out, ']');
		strbuf_addch(&out, '\n');
	} else if (j.html) {
		struct html h;

		/* the head and overview, then the sections from their file, then the end */
		html_init(&h, &head);
		report_html_page_open(&h, k.bs, k.nb, k.program_name ? k.program_name : "",
		    date_today());
		h.out = &out;
		report_html_page_close(&h);
		pieces[np++] = (struct cli_piece){ head.buf, head.len, NULL };
		pieces[np++] = (struct cli_piece){ NULL, 0, k.sections };
	} else if (summary)
		report_text_summary_briefs(k.bs, k.nb, &out);
	pieces[np++] = (struct cli_piece){ out.buf, out.len, NULL };
	if (cli_write_pieces(outpath, pieces, np))
		goto out;
	rc = CLI_OK;
out:
	for (size_t i = 0; i < k.nb; i++)
		report_brief_release(&k.bs[i]);
	free(k.bs);
	free(k.program_name);
	if (k.sections)
		fclose(k.sections);
	strbuf_release(&head);
	free(slug);
	store_slugs_release(&slugs);
	strbuf_release(&err);
	strbuf_release(&out);
	for (size_t i = 0; i < nstores; i++)
		if (stores[i])
			store_close(stores[i]);
	free(stores);
	return rc;
}
