/*
 * trellis report: the balance report of one initiative or all of them
 * (DESIGN §3), as text for a terminal, JSON for other tools, or one
 * self-contained HTML page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../metrics/metrics.h"
#include "../model/validate.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../view/report_html.h"
#include "../view/report_json.h"
#include "../view/report_text.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd report_cmd = {
	"report", "(--initiative SLUG | --all) [--as-of DATE] [--months N] "
	    "[--format text|json|html] [--summary] [--out PATH]",
	"Computes the balance report: every figure with its N, the stepping-back\n"
	"and stepping-up scores with their parts, the pitfalls to discuss with the\n"
	"records behind them, the practices going well, and backbone capacity.",
	"The window runs from the day after AS-OF minus N calendar months to AS-OF,\n"
	"both inclusive (default: today, 12 months). --format json gives the shape\n"
	"of DESIGN §3 (an array with --all); html gives one printable page.\n"
	"Thresholds are the program's settings (trellis settings).",
};

int
cmd_report(int argc, char **argv, struct cli *c)
{
	const char *initiative = NULL, *all = NULL, *as_of_s = NULL, *months_s = NULL;
	const char *format = "text", *outpath = NULL, *summary = NULL;
	const struct cli_opt opts[] = {
		{ "initiative", "SLUG", &initiative, "the initiative to report on" },
		{ "all", NULL, &all, "report on every initiative of the program" },
		{ "as-of", "DATE", &as_of_s, "the last day of the window (default today)" },
		{ "months", "N", &months_s, "the window's length in months (default 12)" },
		{ "format", "FMT", &format, "text (default), json or html" },
		{ "out", "PATH", &outpath, "write to PATH instead of standard output" },
		{ "summary", NULL, &summary, "text: one short block per initiative (scores, alerts, strengths)" },
		{ NULL, NULL, NULL, NULL },
	};
	struct program p;
	struct store *s = NULL;
	struct metrics_settings set;
	struct report *rs = NULL;
	struct capacity *caps = NULL;
	struct strbuf out = STRBUF_INIT;
	size_t n = 0, first = 0;
	tdate as_of = date_today();
	long months = 12;
	int nargs, rc;

	if ((rc = cli_parse(&report_cmd, opts, c, argc, argv, &nargs)) >= 0)
		return rc;
	if (nargs > 0)
		return cli_usage_error(&report_cmd, "unexpected argument '%s'", argv[0]);
	if ((initiative == NULL) == (all == NULL))
		return cli_usage_error(&report_cmd, "give --initiative SLUG or --all");
	if (as_of_s && date_parse(as_of_s, &as_of))
		return cli_usage_error(&report_cmd, "--as-of: '%s' is not a real date (YYYY-MM-DD)", as_of_s);
	if (months_s) {
		char *end;

		months = strtol(months_s, &end, 10);
		if (*end || months < 1 || months > 240)
			return cli_usage_error(&report_cmd, "--months: '%s' is not a number from 1 to 240", months_s);
	}
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "html"))
		return cli_usage_error(&report_cmd, "--format: '%s' is not text, json or html", format);

	program_init(&p);
	if ((rc = cli_open_program(c, &s, &p, &set)) != 0)
		goto out;
	rc = CLI_FAIL;
	if (initiative) {
		const struct initiative *in = program_initiative(&p, initiative);

		if (in == NULL) {
			cli_error("no initiative '%s' in program '%s'", initiative, p.slug);
			goto out;
		}
		first = (size_t)(in - p.initiatives.v);
		n = 1;
	} else
		n = p.initiatives.n;

	rs = xcalloc(n ? n : 1, sizeof(*rs));
	caps = xcalloc(n ? n : 1, sizeof(*caps));
	for (size_t i = 0; i < n; i++) {
		const struct initiative *in = &p.initiatives.v[first + i];

		metrics_report_init(&rs[i]);
		metrics_capacity_init(&caps[i]);
		if (metrics_report(&p, in, as_of, (int)months, &set, &rs[i]) ||
		    metrics_capacity(&p, in->backbone.idx, in, as_of, &set, &caps[i])) {
			cli_error("cannot compute the report of '%s'", in->slug);
			goto out;
		}
	}
	if (strcmp(format, "json") == 0) {
		if (all)
			report_json_write_array(rs, n, &out);
		else
			report_json_write(&rs[0], &out);
		strbuf_addch(&out, '\n');
	} else if (strcmp(format, "html") == 0)
		report_html_page(rs, caps, n, date_today(), &out);
	else if (summary)
		report_text_summary(rs, n, &out);
	else {
		if (n == 0)
			strbuf_addf(&out, "Program '%s' has no initiatives yet.\n", p.slug);
		for (size_t i = 0; i < n; i++) {
			if (i)
				strbuf_addstr(&out, "\n────────────────────────────────────────"
				    "────────────────────────────────────────\n\n");
			report_text_write(&rs[i], &caps[i], &out);
		}
	}
	if (outpath) {
		if (cli_write_file(outpath, out.buf, out.len))
			goto out;
	} else if (fwrite(out.buf, 1, out.len, stdout) != out.len || fflush(stdout)) {
		cli_error("cannot write the report to standard output");
		goto out;
	}
	rc = CLI_OK;
out:
	for (size_t i = 0; rs && i < n; i++) {
		metrics_report_release(&rs[i]);
		metrics_capacity_release(&caps[i]);
	}
	free(rs);
	free(caps);
	strbuf_release(&out);
	program_release(&p);
	if (s)
		store_close(s);
	return rc;
}
