/* trellis check: the database's integrity and foreign key checks (SQLite's, or store.c's on PostgreSQL). */
#include <stdio.h>

#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd check_cmd = {
	"check", "[--db PATH]",
	N_("Checks the database: SQLite's integrity check and every foreign key;\n"
	"on PostgreSQL, every table read whole, every foreign key row by row, and\n"
	"no constraint or index left invalid. Prints \"ok\" and exits 0 when all\n"
	"is clean; otherwise prints what was found and exits 1."),
	NULL,
};

int
cmd_check(int argc, char **argv, struct cli *c)
{
	struct strbuf report = STRBUF_INIT, err = STRBUF_INIT;
	struct store *s = NULL;
	int ret, nargs;

	if ((ret = cli_parse(&check_cmd, NULL, c, argc, argv, &nargs)) != -1)
		return ret;
	if (nargs > 0)
		return cli_usage_error(&check_cmd, _("unexpected argument '%s'"), argv[0]);
	ret = CLI_FAIL;
	if (cli_store_open(c, 0, &s) == -1)
		goto out;
	if (store_check(s, &report, &err) == -1) {
		if (report.len)
			fputs(report.buf, stdout);
		if (err.len)
			cli_error("%s: %s", c->db, err.buf);
		else
			cli_error(_("%s: the check found problems"), c->db);
		goto out;
	}
	if (report.len)
		fputs(report.buf, stdout);
	printf("%s: ok\n", c->db);
	ret = CLI_OK;
out:
	if (s)
		store_close(s);
	strbuf_release(&report);
	strbuf_release(&err);
	return ret;
}
