/*
 * trellis stats: each initiative of a program with the counts of its
 * records, as an aligned table for a terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd stats_cmd = {
	"stats", "[--db PATH] [--program SLUG]",
	"Lists each initiative of the program — city, backbone organization — with\n"
	"the number of its members, decisions, grants, ledger entries, credits,\n"
	"check-ins, events, surveys and network ties.",
	NULL,
};

enum col {
	COL_INITIATIVE, COL_CITY, COL_BACKBONE, COL_MEMBERS, COL_DECISIONS,
	COL_GRANTS, COL_LEDGER, COL_CREDITS, COL_CHECKINS, COL_EVENTS,
	COL_SURVEYS, COL_TIES, COL__MAX
};

static const char *const col_names[COL__MAX] = {
	"initiative", "city", "backbone", "members", "decisions", "grants",
	"ledger", "credits", "check-ins", "events", "surveys", "ties",
};

/* Text columns longer than this are cut with "…", so rows fit a wide terminal. */
#define TEXT_MAX 30

/* Characters on screen: UTF-8 continuation bytes take no column. */
static size_t
width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

/* Returns a copy of s cut to TEXT_MAX columns (caller frees). */
static char *
cut(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t w = 0;

	if (s == NULL)
		return xstrdup("");
	if (width(s) <= TEXT_MAX)
		return xstrdup(s);
	for (; *s; s++) {
		if (((unsigned char)*s & 0xC0) != 0x80 && ++w == TEXT_MAX)
			break;
		strbuf_addch(&sb, *s);
	}
	strbuf_addstr(&sb, "…");
	return strbuf_detach(&sb, NULL);
}

static void
cell(const char *s, size_t w, int right, int last)
{
	size_t pad = w - width(s);

	if (right)
		printf("%*s%s", (int)pad, "", s);
	else
		printf("%s%*s", s, last ? 0 : (int)pad, "");
	if (!last)
		fputs("  ", stdout);
}

static void
print_program(const struct program *p, int tty)
{
	size_t nrows = p->initiatives.n + 1, w[COL__MAX];
	size_t totals[COL__MAX] = { 0 };
	char **cells = xcalloc(nrows * COL__MAX, sizeof(*cells));
	char sdate[DATE_BUFSZ], edate[DATE_BUFSZ];

	for (size_t r = 0; r < p->initiatives.n; r++) {
		const struct initiative *in = &p->initiatives.v[r];
		const struct organization *bb = in->backbone.slug ?
		    program_org(p, in->backbone.slug) : NULL;
		size_t counts[COL__MAX] = { 0 };
		char **row = cells + r * COL__MAX;

		counts[COL_MEMBERS] = in->members.n;
		counts[COL_DECISIONS] = in->decisions.n;
		counts[COL_GRANTS] = in->grants.n;
		counts[COL_LEDGER] = in->ledger.n;
		counts[COL_CREDITS] = in->credits.n;
		counts[COL_CHECKINS] = in->checkins.n;
		counts[COL_EVENTS] = in->events.n;
		counts[COL_SURVEYS] = in->surveys.n;
		counts[COL_TIES] = in->ties.n;
		row[COL_INITIATIVE] = cut(in->name ? in->name : in->slug);
		row[COL_CITY] = cut(in->city);
		row[COL_BACKBONE] = cut(bb && bb->name ? bb->name : in->backbone.slug);
		for (int k = COL_MEMBERS; k < COL__MAX; k++) {
			struct strbuf sb = STRBUF_INIT;

			strbuf_addf(&sb, "%zu", counts[k]);
			row[k] = strbuf_detach(&sb, NULL);
			totals[k] += counts[k];
		}
	}
	{
		char **row = cells + p->initiatives.n * COL__MAX;
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "%zu initiative%s", p->initiatives.n,
		    p->initiatives.n == 1 ? "" : "s");
		row[COL_INITIATIVE] = strbuf_detach(&sb, NULL);
		row[COL_CITY] = xstrdup("");
		row[COL_BACKBONE] = xstrdup("");
		for (int k = COL_MEMBERS; k < COL__MAX; k++) {
			strbuf_addf(&sb, "%zu", totals[k]);
			row[k] = strbuf_detach(&sb, NULL);
		}
	}
	for (int k = 0; k < COL__MAX; k++) {
		w[k] = width(col_names[k]);
		for (size_t r = 0; r < nrows; r++)
			if (width(cells[r * COL__MAX + k]) > w[k])
				w[k] = width(cells[r * COL__MAX + k]);
	}

	printf("%s%s%s (%s)\n", tty ? "\033[1m" : "", p->name ? p->name : p->slug,
	    tty ? "\033[0m" : "", p->slug);
	printf("funded by %s, %s to %s\n\n", p->funder ? p->funder : "—",
	    date_format(p->start, sdate), date_format(p->end, edate));
	if (tty)
		fputs("\033[1m", stdout);
	for (int k = 0; k < COL__MAX; k++)
		cell(col_names[k], w[k], k >= COL_MEMBERS, k == COL__MAX - 1);
	if (tty)
		fputs("\033[0m", stdout);
	fputc('\n', stdout);
	for (size_t r = 0; r < nrows; r++) {
		if (r == p->initiatives.n) {
			for (int k = 0; k < COL__MAX; k++) {
				for (size_t i = 0; i < w[k]; i++)
					fputs("─", stdout);
				if (k < COL__MAX - 1)
					fputs("  ", stdout);
			}
			fputc('\n', stdout);
		}
		for (int k = 0; k < COL__MAX; k++)
			cell(cells[r * COL__MAX + k], w[k], k >= COL_MEMBERS,
			    k == COL__MAX - 1);
		fputc('\n', stdout);
	}
	for (size_t i = 0; i < nrows * COL__MAX; i++)
		free(cells[i]);
	free(cells);
}

int
cmd_stats(int argc, char **argv, struct cli *c)
{
	struct store_slugs slugs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	struct store *s = NULL;
	int ret, nargs, tty = isatty(STDOUT_FILENO);

	if ((ret = cli_parse(&stats_cmd, NULL, c, argc, argv, &nargs)) != -1)
		return ret;
	if (nargs > 0)
		return cli_usage_error(&stats_cmd, "unexpected argument '%s'", argv[0]);
	ret = CLI_FAIL;
	if (cli_store_open(c, 0, &s) == -1)
		goto out;
	if (store_program_slugs(s, &slugs, &err) == -1) {
		cli_error("%s: %s", c->db, err.buf);
		goto out;
	}
	if (slugs.n == 0)
		printf("%s holds no program yet.\n", c->db);
	for (size_t i = 0; i < slugs.n; i++) {
		struct program p;
		int r;

		if (c->program && strcmp(c->program, slugs.v[i]) != 0)
			continue;
		program_init(&p);
		r = store_program_load(s, slugs.v[i], &p, &err);
		if (r != 0) {
			program_release(&p);
			cli_error("%s: %s", c->db, r == -1 ? err.buf : "program vanished");
			goto out;
		}
		if (i > 0)
			fputc('\n', stdout);
		print_program(&p, tty);
		program_release(&p);
	}
	ret = CLI_OK;
out:
	if (s)
		store_close(s);
	store_slugs_release(&slugs);
	strbuf_release(&err);
	return ret;
}
