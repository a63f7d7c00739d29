/* trellis backup DEST: a consistent copy of a live database. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd backup_cmd = {
	"backup", "[--db PATH] DEST",
	N_("Copies the database to DEST with SQLite's online backup, so the copy is\n"
	"consistent even while the server writes. DEST must not exist yet: a backup\n"
	"never overwrites a file."),
	N_("example:\n  trellis --db trellis.db backup backups/trellis-$(date +%F).db"),
};

int
cmd_backup(int argc, char **argv, struct cli *c)
{
	struct strbuf err = STRBUF_INIT;
	struct store *s = NULL;
	struct stat st;
	int ret, nargs;

	if ((ret = cli_parse(&backup_cmd, NULL, c, argc, argv, &nargs)) != -1)
		return ret;
	if (nargs != 1)
		return cli_usage_error(&backup_cmd, "%s", nargs ? _("one destination, please") :
		    _("where to? (DEST is missing)"));
	ret = CLI_FAIL;
	if (stat(argv[0], &st) == 0) {
		cli_error(_("%s: already exists; a backup never overwrites a file"), argv[0]);
		goto out;
	}
	if (cli_store_open(c, 0, &s) == -1)
		goto out;
	if (store_backup(s, argv[0], &err) == -1) {
		cli_path_error(argv[0], err.buf);
		goto out;
	}
	printf(_("Backed up %s to %s\n"), c->db, argv[0]);
	ret = CLI_OK;
out:
	if (s)
		store_close(s);
	strbuf_release(&err);
	return ret;
}
