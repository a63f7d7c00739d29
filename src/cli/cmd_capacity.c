/*
 * trellis capacity: backbone capacity (DESIGN §5) — staff, revenue, the
 * five traits of the seed, high capacity or not — for one organization,
 * with the team members that offer what it lacks (--initiative), or several
 * candidate backbones side by side (--compare).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../metrics/metrics.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../view/report_json.h"
#include "../view/report_text.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd capacity_cmd = {
	"capacity", "(--org SLUG [--initiative SLUG] | --compare SLUG SLUG…) "
	    "[--as-of DATE] [--format text|json]",
	N_("Assesses an organization as a backbone: staff, annual revenue and the five\n"
	"traits of strong backbones (flexible grants, expertise, in-kind staffing,\n"
	"bandwidth to experiment, credibility as a convener). With --initiative,\n"
	"lists for each trait it lacks the team members that offer it, from the help\n"
	"they give and the responsibilities they hold. --compare sets candidate\n"
	"backbones side by side."),
	N_("High capacity by default: staff >= 20, revenue >= $3M, at least 4 of 5\n"
	"traits (trellis settings to change)."),
};

static int
org_index(const struct program *p, const char *slug)
{
	const struct organization *o = program_org(p, slug);

	if (o == NULL) {
		cli_error(_("no organization '%s' in program '%s'"), slug, p->slug);
		return -1;
	}
	return (int)(o - p->orgs.v);
}

int
cmd_capacity(int argc, char **argv, struct cli *c)
{
	const char *org = NULL, *initiative = NULL, *compare = NULL, *as_of_s = NULL;
	const char *format = "text";
	const struct cli_opt opts[] = {
		{ "org", "SLUG", &org, N_("the organization to assess") },
		{ "initiative", "SLUG", &initiative, N_("the team to look in for what it lacks") },
		{ "compare", NULL, &compare, N_("compare the organizations given as arguments") },
		{ "as-of", "DATE", &as_of_s, N_("count help given up to DATE (default today)") },
		{ "format", "FMT", &format, N_("text (default) or json") },
		{ NULL, NULL, NULL, NULL },
	};
	struct metrics_settings set;
	char *slug = NULL;
	struct program p;
	struct store *s = NULL;
	struct capacity *caps = NULL;
	struct strbuf out = STRBUF_INIT;
	const struct initiative *in = NULL;
	tdate as_of = date_today();
	size_t n = 0;
	int nargs, rc;

	if ((rc = cli_parse(&capacity_cmd, opts, c, argc, argv, &nargs)) >= 0)
		return rc;
	if (compare ? (org != NULL || nargs < 1) : (org == NULL || nargs != 0))
		return cli_usage_error(&capacity_cmd, "%s", _("give --org SLUG, or --compare SLUG SLUG…"));
	if (as_of_s && date_parse(as_of_s, &as_of))
		return cli_usage_error(&capacity_cmd, _("--as-of: '%s' is not a real date (YYYY-MM-DD)"),
		    as_of_s);
	if (strcmp(format, "text") && strcmp(format, "json"))
		return cli_usage_error(&capacity_cmd, _("--format: '%s' is not text or json"), format);

	program_init(&p);
	if ((rc = cli_open_program(c, &s, &slug, &set)) != 0)
		goto out;
	/*
	 * What the assessment reads: the organizations, and the team's help
	 * and responsibilities when --initiative names one: that initiative
	 * alone, then the organizations it does not name; else the catalog.
	 */
	n = compare ? (size_t)nargs : 1;
	if ((rc = initiative ? cli_store_load_slug(c, s, slug, initiative, &p) :
	    cli_store_load_catalog(c, s, slug, &p)) != 0 ||
	    (rc = cli_store_add_orgs(c, s, &p, compare ? (const char *const *)argv : &org, n)) != 0)
		goto out;
	rc = CLI_FAIL;
	if (initiative)
		in = &p.initiatives.v[0];
	caps = xcalloc(n, sizeof(*caps));
	for (size_t i = 0; i < n; i++) {
		int k = org_index(&p, compare ? argv[i] : org);

		metrics_capacity_init(&caps[i]);
		if (k < 0)
			goto out;
		if (metrics_capacity(&p, k, in, as_of, &set, &caps[i])) {
			cli_error(_("cannot assess '%s'"), p.orgs.v[k].slug);
			goto out;
		}
	}
	if (strcmp(format, "json") == 0) {
		if (compare)
			strbuf_addch(&out, '[');
		for (size_t i = 0; i < n; i++) {
			if (i)
				strbuf_addstr(&out, ", ");
			capacity_json_write(&caps[i], &out);
		}
		if (compare)
			strbuf_addch(&out, ']');
		strbuf_addch(&out, '\n');
	} else if (compare)
		capacity_text_compare(caps, n, &out);
	else
		capacity_text_write(&caps[0], &out);
	fwrite(out.buf, 1, out.len, stdout);
	rc = CLI_OK;
out:
	for (size_t i = 0; caps && i < n; i++)
		metrics_capacity_release(&caps[i]);
	free(caps);
	free(slug);
	strbuf_release(&out);
	program_release(&p);
	if (s)
		store_close(s);
	return rc;
}
