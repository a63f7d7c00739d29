/*
 * trellis stats: each initiative of a program with the counts of its
 * records, as an aligned table for a terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd stats_cmd = {
	"stats", "[--db PATH] [--program SLUG]",
	N_("Lists each initiative of the program — its slug, city and backbone\n"
	"organization — with the number of its members, decisions, grants, ledger\n"
	"entries, credits, check-ins, events, surveys and network ties. On a\n"
	"terminal, long names are cut to fit its width."),
	NULL,
};

enum col {
	COL_INITIATIVE, COL_CITY, COL_BACKBONE, COL_MEMBERS, COL_DECISIONS,
	COL_GRANTS, COL_LEDGER, COL_CREDITS, COL_CHECKINS, COL_EVENTS,
	COL_SURVEYS, COL_TIES, COL__MAX
};

/* the headings (translated where shown; the table widens to fit them) */
static const char *const col_names[COL__MAX] = {
	N_("initiative"), N_("city"), N_("backbone"), N_("members"), N_("decisions"),
	N_("grants"), N_("ledger"), N_("credits"), N_("check-ins"), N_("events"), N_("surveys"),
	N_("ties"),
};

/*
 * The city and backbone columns are cut with "…" to fit: on a terminal, to
 * its width (none narrower than TEXT_MIN); elsewhere to TEXT_MAX, so that
 * piped output does not depend on who ran it.
 */
#define TEXT_MAX 30
#define TEXT_MIN 10
#define GAP 2

/* Prints s in a column of w characters, cut with "…" when longer. */
static void
cell(const char *s, size_t w, int right, int last)
{
	size_t sw = cli_width(s), n = 0;

	if (sw > w) {
		for (; *s; s++) {
			if (((unsigned char)*s & 0xC0) != 0x80 && ++n == w)
				break;
			fputc(*s, stdout);
		}
		fputs("…", stdout);
		sw = w;
	} else if (right)
		printf("%*s%s", (int)(w - sw), "", s);
	else
		printf("%s%*s", s, last ? 0 : (int)(w - sw), "");
	if (!last)
		printf("%*s", GAP, "");
}

/*
 * Narrows the backbone column, then the city column, until the table fits
 * in cols characters. The initiative's slug is never cut: it is what the
 * other commands take.
 */
static void
fit(size_t w[COL__MAX], size_t cols)
{
	static const int order[] = { COL_BACKBONE, COL_CITY };
	size_t total = 0;

	for (int k = 0; k < COL__MAX; k++)
		total += w[k] + (k ? GAP : 0);
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		while (total > cols && w[order[i]] > TEXT_MIN) {
			w[order[i]]--;
			total--;
		}
}

static void
print_program(const struct program *p, size_t cols, int tty)
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
		/* The slug: what `trellis report --initiative` takes. */
		row[COL_INITIATIVE] = xstrdup(in->slug);
		row[COL_CITY] = xstrdup(in->city ? in->city : "");
		row[COL_BACKBONE] = xstrdup(bb && bb->name ? bb->name :
		    in->backbone.slug ? in->backbone.slug : "");
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

		strbuf_addf(&sb, P_("%zu initiative", "%zu initiatives", p->initiatives.n),
		    p->initiatives.n);
		row[COL_INITIATIVE] = strbuf_detach(&sb, NULL);
		row[COL_CITY] = xstrdup("");
		row[COL_BACKBONE] = xstrdup("");
		for (int k = COL_MEMBERS; k < COL__MAX; k++) {
			strbuf_addf(&sb, "%zu", totals[k]);
			row[k] = strbuf_detach(&sb, NULL);
		}
	}
	for (int k = 0; k < COL__MAX; k++) {
		w[k] = cli_width(_(col_names[k]));
		/* The total's label may run into the empty city column. */
		for (size_t r = 0; r < p->initiatives.n; r++)
			if (cli_width(cells[r * COL__MAX + k]) > w[k])
				w[k] = cli_width(cells[r * COL__MAX + k]);
		if (k > COL_INITIATIVE && k < COL_MEMBERS && !tty && w[k] > TEXT_MAX)
			w[k] = TEXT_MAX;
	}
	if (tty && cols)
		fit(w, cols);

	printf("%s%s%s (%s)\n", tty ? "\033[1m" : "", p->name ? p->name : p->slug,
	    tty ? "\033[0m" : "", p->slug);
	/* TRANSLATORS: the funder, the program's first and last days */
	printf(_("funded by %s, %s to %s\n\n"), p->funder ? p->funder : "—",
	    date_format(p->start, sdate), date_format(p->end, edate));
	if (tty)
		fputs("\033[1m", stdout);
	for (int k = 0; k < COL__MAX; k++)
		cell(_(col_names[k]), w[k], k >= COL_MEMBERS, k == COL__MAX - 1);
	if (tty)
		fputs("\033[0m", stdout);
	fputc('\n', stdout);
	for (size_t r = 0; r < nrows; r++) {
		const char *const *row = (const char *const *)cells + r * COL__MAX;

		if (r == p->initiatives.n) {
			for (int k = 0; k < COL__MAX; k++) {
				for (size_t i = 0; i < w[k]; i++)
					fputs("─", stdout);
				if (k < COL__MAX - 1)
					printf("%*s", GAP, "");
			}
			fputc('\n', stdout);
			/* The total's label spans the text columns. */
			printf("%-*s%*s", (int)(w[COL_INITIATIVE] + w[COL_CITY] +
			    w[COL_BACKBONE] + 2 * GAP), row[COL_INITIATIVE], GAP, "");
			for (int k = COL_MEMBERS; k < COL__MAX; k++)
				cell(row[k], w[k], 1, k == COL__MAX - 1);
			fputc('\n', stdout);
			break;
		}
		for (int k = 0; k < COL__MAX; k++)
			cell(row[k], w[k], k >= COL_MEMBERS, k == COL__MAX - 1);
		fputc('\n', stdout);
	}
	for (size_t i = 0; i < nrows * COL__MAX; i++)
		free(cells[i]);
	free(cells);
}

/* The terminal's width in characters, or 0 when it is not known. */
static size_t
terminal_columns(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (env && atoi(env) > 0)
		return (size_t)atoi(env);
	return 0;
}

int
cmd_stats(int argc, char **argv, struct cli *c)
{
	struct store_slugs slugs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	struct store *s = NULL;
	int ret, nargs, r, tty = isatty(STDOUT_FILENO);

	if ((ret = cli_parse(&stats_cmd, NULL, c, argc, argv, &nargs)) != -1)
		return ret;
	if (nargs > 0)
		return cli_usage_error(&stats_cmd, _("unexpected argument '%s'"), argv[0]);
	ret = CLI_FAIL;
	if (cli_store_open(c, 0, &s) == -1)
		goto out;
	if (store_program_slugs(s, &slugs, &err) == -1) {
		cli_error("%s: %s", c->db, err.buf);
		goto out;
	}
	if (c->program && (r = cli_store_has(s, c->program)) != 1) {
		if (r == 0)
			cli_error(_("%s: no program '%s' in this database"), c->db, c->program);
		goto out;
	}
	if (slugs.n == 0)
		printf(_("%s holds no program yet.\n"), c->db);
	for (size_t i = 0, shown = 0; i < slugs.n; i++) {
		struct program p;

		if (c->program && strcmp(c->program, slugs.v[i]) != 0)
			continue;
		program_init(&p);
		r = store_program_load(s, slugs.v[i], &p, &err);
		if (r != 0) {
			program_release(&p);
			cli_error("%s: %s", c->db, r == -1 ? err.buf : _("program vanished"));
			goto out;
		}
		if (shown++ > 0)
			fputc('\n', stdout);
		print_program(&p, tty ? terminal_columns() : 0, tty);
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
