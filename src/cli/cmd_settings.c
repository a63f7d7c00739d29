/*
 * trellis settings: the program's report thresholds (DESIGN §3 and §5),
 * listed, changed and reset by name; and cli_store_settings, which every
 * command that computes a report uses to read them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/settings.h"
#include "../metrics/metrics.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd settings_cmd = {
	"settings", "[NAME VALUE | --reset NAME]",
	N_("Lists the thresholds of the balance report's alerts and strengths and of\n"
	"backbone capacity, with their values for this program; sets one by name;\n"
	"or resets one to its default (DESIGN §3 and §5)."),
	N_("Shares are written 0 to 1 (0.5 is half); money in dollars.\n"
	"Example: trellis settings dominance.backbone_alone_share 0.6"),
};

int
cli_store_settings(const struct cli *c, struct store *s, const char *program,
    struct metrics_settings *set)
{
	struct strbuf err = STRBUF_INIT;
	int ret = 0;

	(void)c;
	if (app_settings_load(s, program, set, &err)) {
		cli_error("%s", err.buf);
		ret = -1;
	}
	strbuf_release(&err);
	return ret;
}

int
cli_open_program(const struct cli *c, struct store **s, char **slug,
    struct metrics_settings *set)
{
	int rc;

	*s = NULL;
	*slug = NULL;
	if (cli_store_open(c, 0, s))
		return CLI_FAIL;
	if ((rc = cli_store_pick(c, *s, slug)) != 0)
		return rc;
	return cli_store_settings(c, *s, *slug, set) ? CLI_FAIL : 0;
}

/*
 * Stores (value) or resets (NULL) one setting with its audit log entry,
 * as cli_actor (app_settings_save). Prints the reason and returns -1 on
 * failure.
 */
static int
set_audited(struct store *s, const char *program, const char *name, const char *value)
{
	struct strbuf err = STRBUF_INIT;
	const struct app_setting one = { name, value };
	size_t bad, changed;
	int r, ret = 0;

	if ((r = app_settings_save(s, program, &one, 1, cli_actor(), &bad, &changed, &err))) {
		/* after the last conflict: the command named */
		cli_error("%s%s", r == -2 ? "settings: " : "", err.buf);
		ret = -1;
	}
	strbuf_release(&err);
	return ret;
}

int
cmd_settings(int argc, char **argv, struct cli *c)
{
	const char *reset = NULL;
	const struct cli_opt opts[] = {
		{ "reset", "NAME", &reset, N_("set NAME back to its default") },
		{ NULL, NULL, NULL, NULL },
	};
	struct metrics_settings set, dflt;
	struct strbuf err = STRBUF_INIT;
	char *slug = NULL;
	struct store *s = NULL;
	int nargs, rc;

	if ((rc = cli_parse(&settings_cmd, opts, c, argc, argv, &nargs)) >= 0)
		return rc;
	if (reset ? nargs != 0 : (nargs != 0 && nargs != 2))
		return cli_usage_error(&settings_cmd, "%s",
		    _("give no arguments, NAME VALUE, or --reset NAME"));
	if (reset && metrics_settings_find(reset) < 0)
		return cli_usage_error(&settings_cmd,
		    _("no setting '%s' (run `trellis settings` for the list)"), reset);
	if (nargs == 2) {
		metrics_settings_default(&set);
		if (metrics_settings_find(argv[0]) < 0)
			return cli_usage_error(&settings_cmd,
			    _("no setting '%s' (run `trellis settings` for the list)"), argv[0]);
		if (metrics_settings_set(&set, argv[0], argv[1])) {
			char range[METRICS_RANGE_BUFSZ];

			return cli_usage_error(&settings_cmd, _("%s: '%s' is not a valid value (give %s)"),
			    argv[0], argv[1], metrics_settings_range((size_t)metrics_settings_find(argv[0]), range));
		}
	}

	/* the settings are the program's own: no initiative, organization or person is read */
	if ((rc = cli_open_program(c, &s, &slug, &set)) != 0)
		goto out;
	rc = CLI_FAIL;
	if ((reset || nargs == 2) && set_audited(s, slug, reset ? reset : argv[0],
	    reset ? NULL : argv[1]))
		goto out;
	if (cli_store_settings(c, s, slug, &set))
		goto out;
	metrics_settings_default(&dflt);
	printf(_("Settings of program '%s':"), slug);
	printf("\n\n");
	for (size_t i = 0; i < metrics_settings_count(); i++) {
		char v[NUM_BUFSZ], d[NUM_BUFSZ];

		metrics_settings_value(&set, i, v);
		metrics_settings_value(&dflt, i, d);
		printf("  %-36s %10s%s\n      %s\n", metrics_settings_name(i), v,
		    strcmp(v, d) ? _("  (changed)") : "", _(metrics_settings_help(i)));
	}
	rc = CLI_OK;
out:
	strbuf_release(&err);
	free(slug);
	if (s)
		store_close(s);
	return rc;
}
