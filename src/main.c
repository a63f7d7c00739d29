/*
 * trellis: the command line. argv → a table of subcommands (git.c's
 * commands[]), each in src/cli/cmd_NAME.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/i18n.h"
#include "util/banned.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv, struct cli *c);
	const char *help;
};

static const struct command commands[] = {
	{ "init", cmd_init, N_("create an empty database") },
	{ "import", cmd_import, N_("import a trellis/1 JSON document or a set of CSV files") },
	{ "export", cmd_export, N_("write a program as trellis/1 JSON or CSV") },
	{ "demo", cmd_demo, N_("create the demo program") },
	{ "stats", cmd_stats, N_("list each initiative with the counts of its records") },
	{ "report", cmd_report, N_("the balance report of an initiative or of them all") },
	{ "capacity", cmd_capacity, N_("assess an organization's capacity as a backbone") },
	{ "settings", cmd_settings, N_("list or change the report's thresholds") },
	{ "serve", cmd_serve, N_("serve the program as a web application") },
	{ "check", cmd_check, N_("check the database's integrity and foreign keys") },
	{ "copy", cmd_copy, N_("copy programs between databases, SQLite or PostgreSQL") },
	{ "backup", cmd_backup, N_("copy the database with SQLite's online backup") },
	{ "user", cmd_user, N_("add, list, remove web accounts, or set a password") },
	{ "token", cmd_token, N_("add, list or remove API bearer tokens") },
	{ "survey", cmd_survey, N_("open a survey round, make one-time answer links, close it") },
	{ "mail", cmd_mail, N_("send the mail that is due, or list the outbox") },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
usage(FILE *f)
{
	fprintf(f, _("usage: trellis %s"), "[--db PATH] [--program SLUG] COMMAND [ARGS]");
	fprintf(f, "\n\n%s\n\n%s\n", _("Trellis records how a collaborative initiative is governed "
	    "and shows\nwhether its backbone organization balances stepping up and stepping back."),
	    _("commands:"));
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, _(commands[i].help));
	/* ./trellis.db: CLI_DEFAULT_DB, written out so that the sentence is one msgid */
	fprintf(f, "\n%s\n  --db PATH        %s\n  --program SLUG   %s\n  --help           %s\n\n%s\n",
	    _("options (before or after COMMAND):"),
	    _("the database file, or postgresql://... (default $TRELLIS_DB, else ./trellis.db)"),
	    _("the program to act on, when the database holds several"),
	    _("this help; `trellis COMMAND --help` for a command's"),
	    _("exit status: 0 success, 1 failure, 2 usage error"));
}

int
main(int argc, char **argv)
{
	struct cli c;
	const char *env;
	int i;

	/*
	 * The language of help, messages and reports: the environment's (cli.h),
	 * first, before any thread (serve's answer each request in its own).
	 */
	cli_lang_use(cli_lang_from_env());
	c.db = (env = getenv("TRELLIS_DB")) != NULL && *env ? env : CLI_DEFAULT_DB;
	c.program = NULL;

	/* Global options before the command; commands also accept them after. */
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char **dest = NULL;
		const char *a = argv[i];
		size_t len;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return CLI_OK;
		}
		if (strncmp(a, "--db", 4) == 0 && (a[4] == '\0' || a[4] == '='))
			dest = &c.db, len = 4;
		else if (strncmp(a, "--program", 9) == 0 && (a[9] == '\0' || a[9] == '='))
			dest = &c.program, len = 9;
		if (dest == NULL) {
			fprintf(stderr, "trellis: unknown option '%s'\n\n", a);
			usage(stderr);
			return CLI_USAGE;
		}
		if (a[len] == '=')
			*dest = a + len + 1;
		else if (i + 1 < argc)
			*dest = argv[++i];
		else
			*dest = "";
		if (**dest == '\0') {
			fprintf(stderr, "trellis: option '%.*s' needs a value\n\n", (int)len, a);
			usage(stderr);
			return CLI_USAGE;
		}
	}
	if (i == argc) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[i], "help") == 0) {
		/* `trellis help import` is `trellis import --help`. */
		static char help_opt[] = "--help";
		char *sub[3] = { NULL, help_opt, NULL };

		if (i + 1 == argc) {
			usage(stdout);
			return CLI_OK;
		}
		sub[0] = argv[i + 1];
		for (size_t k = 0; k < NCOMMANDS; k++)
			if (strcmp(sub[0], commands[k].name) == 0)
				return commands[k].fn(2, sub, &c);
		fprintf(stderr, "trellis: '%s' is not a trellis command\n", sub[0]);
		return CLI_USAGE;
	}
	for (size_t k = 0; k < NCOMMANDS; k++)
		if (strcmp(argv[i], commands[k].name) == 0)
			return commands[k].fn(argc - i, argv + i, &c);
	fprintf(stderr, "trellis: '%s' is not a trellis command\n\n", argv[i]);
	usage(stderr);
	return CLI_USAGE;
}
