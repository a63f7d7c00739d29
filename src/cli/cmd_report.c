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
	    "[--format text|json|html] [--summary] [--lang en|es] [--out PATH]",
	N_("Computes the balance report: every figure with its N, the stepping-back\n"
	"and stepping-up scores with their parts, the pitfalls to discuss with the\n"
	"records behind them, the practices going well, and backbone capacity."),
	N_("The window runs from the day after AS-OF minus N calendar months to AS-OF,\n"
	"both inclusive (default: today, 12 months). --format json gives the shape\n"
	"of DESIGN §3 (an array with --all); html gives one printable page.\n"
	"Thresholds are the program's settings (trellis settings).\n"
	"Text and html are in the language of --lang, else the environment's\n"
	"(LANGUAGE, LC_ALL, LC_MESSAGES, LANG); json is the same in every language."),
};

int
cmd_report(int argc, char **argv, struct cli *c)
{
	const char *initiative = NULL, *all = NULL, *as_of_s = NULL, *months_s = NULL;
	const char *format = "text", *outpath = NULL, *summary = NULL, *lang_s = NULL;
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
		{ NULL, NULL, NULL, NULL },
	};
	struct program *ps = NULL;
	struct store *s = NULL;
	struct store_slugs slugs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	char *slug = NULL;
	int html, brief;
	struct report_brief *bs = NULL;
	size_t nb = 0;
	char *program_name = NULL;
	struct strbuf body = STRBUF_INIT;	/* html: the sections */
	struct html hs;
	struct metrics_settings set;
	struct report *rs = NULL;
	struct capacity *caps = NULL;
	struct strbuf out = STRBUF_INIT;
	size_t n = 0;
	tdate as_of = date_today();
	long months = 12;
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
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "html"))
		return cli_usage_error(&report_cmd, _("--format: '%s' is not text, json or html"), format);
	if (lang_s && lang_parse(lang_s) < 0)
		return cli_usage_error(&report_cmd, _("--lang: '%s' is not en or es"), lang_s);
	if (lang_s && cli_lang_use(lang_parse(lang_s)))
		return CLI_FAIL;

	rc = CLI_FAIL;
	if (cli_store_open(c, 0, &s))
		goto out;
	if ((rc = cli_store_pick(c, s, &slug)) != 0)
		goto out;
	rc = CLI_FAIL;
	if (cli_store_settings(c, s, slug, &set))
		goto out;
	if (initiative)
		*VEC_PUSH(&slugs) = xstrdup(initiative);
	else if (store_initiative_slugs(s, slug, &slugs, &err)) {
		cli_error("%s: %s", c->db, err.buf);
		goto out;
	}
	n = slugs.n;
	/*
	 * Cost follows the work: each initiative is loaded on its own (its
	 * catalog and records only), reported, written out and released, so
	 * memory is bounded by the largest initiative (issue 10). The summary
	 * and the HTML page's overview come first or last and show them all:
	 * they take a brief of each (report_brief.h) before it is released;
	 * the page's sections are written as they come, after its head.
	 */
	html = strcmp(format, "html") == 0;
	brief = html || (summary && strcmp(format, "text") == 0);
	ps = xcalloc(1, sizeof(*ps));
	rs = xcalloc(1, sizeof(*rs));
	caps = xcalloc(1, sizeof(*caps));
	bs = xcalloc(n ? n : 1, sizeof(*bs));
	html_init(&hs, &body);
	if (strcmp(format, "json") == 0 && all)
		strbuf_addch(&out, '[');
	if (strcmp(format, "text") == 0 && !summary && n == 0)
		strbuf_addf(&out, _("Program '%s' has no initiatives yet.\n"), slug);
	for (size_t i = 0; i < n; i++) {
		const struct initiative *in;

		program_init(ps);
		program_use_arena(ps);		/* only read: its strings freed at once */
		if (cli_store_load_slug(c, s, slug, slugs.v[i], ps))
			goto out;
		in = &ps->initiatives.v[0];
		metrics_report_init(rs);
		metrics_capacity_init(caps);
		if (metrics_report(ps, in, as_of, (int)months, &set, rs) ||
		    metrics_capacity(ps, in->backbone.idx, in, as_of, &set, caps)) {
			cli_error(_("cannot compute the report of '%s'"), in->slug);
			goto out;
		}
		if (strcmp(format, "json") == 0) {
			if (i)
				strbuf_addch(&out, ',');
			report_json_write(rs, &out);
		} else if (strcmp(format, "text") == 0 && !summary) {
			if (i)
				strbuf_addstr(&out, "\n────────────────────────────────────────"
				    "────────────────────────────────────────\n\n");
			report_text_write(rs, caps, &out);
		}
		if (html)
			report_html_section(&hs, rs, caps, NULL);
		if (brief)
			report_brief_take(&bs[nb++], rs);
		if (i == 0 && ps->name)
			program_name = xstrdup(ps->name);
		metrics_report_release(rs);
		metrics_capacity_release(caps);
		program_release(ps);
	}
	if (strcmp(format, "json") == 0) {
		if (all)
			strbuf_addch(&out, ']');
		strbuf_addch(&out, '\n');
	} else if (html) {
		struct html h;
		struct strbuf t;

		/*
		 * The head and overview, then the sections: the head is moved in
		 * front of them in their own buffer, so the page is never held twice.
		 */
		html_init(&h, &out);
		report_html_page_open(&h, bs, nb, program_name ? program_name : "", date_today());
		strbuf_grow(&body, out.len);
		memmove(body.buf + out.len, body.buf, body.len);
		memcpy(body.buf, out.buf, out.len);
		strbuf_setlen(&body, body.len + out.len);
		t = out, out = body, body = t;
		report_html_page_close(&h);
	} else if (summary)
		report_text_summary_briefs(bs, nb, &out);
	if (outpath) {
		if (cli_write_file(outpath, out.buf, out.len))
			goto out;
	} else if (fwrite(out.buf, 1, out.len, stdout) != out.len || fflush(stdout)) {
		cli_error("%s", _("cannot write the report to standard output"));
		goto out;
	}
	rc = CLI_OK;
out:
	if (ps) {
		metrics_report_release(rs);
		metrics_capacity_release(caps);
		program_release(ps);
	}
	for (size_t i = 0; i < nb; i++)
		report_brief_release(&bs[i]);
	free(bs);
	free(program_name);
	strbuf_release(&body);
	free(ps);
	free(rs);
	free(caps);
	free(slug);
	store_slugs_release(&slugs);
	strbuf_release(&err);
	strbuf_release(&out);
	if (s)
		store_close(s);
	return rc;
}
