/* trellis init: create an empty database (or bring an old one's schema up to date). */
#include <errno.h>
#include <stdio.h>

#include "../store/store.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd init_cmd = {
	"init", "[--db PATH]",
	N_("Creates an empty Trellis database at PATH. On an existing database it only\n"
	"applies pending schema migrations; no data is changed."),
	NULL,
};

int
cmd_init(int argc, char **argv, struct cli *c)
{
	struct store *s;
	int ret, nargs, existed;

	if ((ret = cli_parse(&init_cmd, NULL, c, argc, argv, &nargs)) != -1)
		return ret;
	if (nargs > 0)
		return cli_usage_error(&init_cmd, _("unexpected argument '%s'"), argv[0]);
	existed = cli_db_exists(c);
	if (cli_store_open(c, 1, &s) == -1)
		return CLI_FAIL;
	/* a PostgreSQL database always exists: new is one without the schema */
	if (store_is_url(c->db))
		existed = !store_schema_was_empty(s);
	store_close(s);
	printf(existed ? _("Checked existing Trellis database %s\n") :
	    _("Created empty Trellis database %s\n"), c->db);
	return CLI_OK;
}
