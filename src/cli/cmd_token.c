/*
 * trellis token: bearer tokens for the JSON API (/api/v1). A new token is
 * printed once; the database keeps only its SHA-256, so a lost token is
 * removed and replaced, never shown again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../auth/auth.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd token_cmd = {
	"token",
	"add --user EMAIL [--name NAME] | list [--user EMAIL] | remove ID",
	N_("Manages the bearer tokens of the JSON API. `add` prints a new token once:\n"
	"send it as `Authorization: Bearer TOKEN`; it acts with its user's role."),
	N_("Only a hash of each token is stored: `list` shows ids, users, names and\n"
	"when each was last used, never the tokens."),
};

static void
format_time(int64_t t, char buf[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t == 0 || gmtime_r(&tt, &tm) == NULL)
		snprintf(buf, 32, "-");
	else
		strftime(buf, 32, "%Y-%m-%d %H:%M", &tm);
}

static int
token_list(struct store *s, const char *email)
{
	struct store_tokens all = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	int w = (int)cli_width(_("USER")), rc = CLI_FAIL;

	if (store_token_list(s, email, &all, &err)) {
		cli_error("%s", err.buf);
		goto out;
	}
	for (size_t i = 0; i < all.n; i++)
		if ((int)strlen(all.v[i].email) > w)
			w = (int)strlen(all.v[i].email);
	/* the headings padded to their columns by what they show (cli_pad) */
	cli_pad(_("ID"), 6);
	cli_pad(_("USER"), (size_t)w);
	cli_pad(_("NAME"), 20);
	cli_pad(C_("list", "CREATED"), 16);
	printf("%s\n", _("LAST USED"));
	for (size_t i = 0; i < all.n; i++) {
		char created[32], used[32];

		format_time(all.v[i].created, created);
		format_time(all.v[i].last_used, used);
		printf("%-6lld  %-*s  %-20s  %-16s  %s\n", (long long)all.v[i].id, w,
		    all.v[i].email, all.v[i].name ? all.v[i].name : "-", created, used);
	}
	rc = CLI_OK;
out:
	store_tokens_release(&all);
	strbuf_release(&err);
	return rc;
}

int
cmd_token(int argc, char **argv, struct cli *c)
{
	const char *user = NULL, *name = NULL;
	const struct cli_opt opts[] = {
		{ "user", "EMAIL", &user, N_("add: the token's user; list: only this user's") },
		{ "name", "NAME", &name, N_("add: a name to tell the token by") },
		{ NULL, NULL, NULL, NULL },
	};
	struct strbuf err = STRBUF_INIT;
	struct store *s = NULL;
	char token[AUTH_TOKEN_CHARS + 1];
	long long id = 0;
	int nargs, rc;

	if ((rc = cli_parse(&token_cmd, opts, c, argc, argv, &nargs)) >= 0)
		return rc;
	if (nargs == 0)
		return cli_usage_error(&token_cmd, _("give a subcommand: add, list or remove"));
	if (strcmp(argv[0], "add") == 0) {
		if (nargs != 1)
			return cli_usage_error(&token_cmd, _("add takes no arguments"));
		if (user == NULL)
			return cli_usage_error(&token_cmd, _("add needs --user EMAIL"));
	} else if (strcmp(argv[0], "list") == 0) {
		if (nargs != 1 || name)
			return cli_usage_error(&token_cmd, _("list takes only --user"));
	} else if (strcmp(argv[0], "remove") == 0) {
		char *end;

		if (nargs != 2 || user || name)
			return cli_usage_error(&token_cmd, _("remove takes one ID"));
		id = strtoll(argv[1], &end, 10);
		if (*argv[1] == '\0' || *end != '\0' || id <= 0)
			return cli_usage_error(&token_cmd, _("'%s' is not a token id"), argv[1]);
	} else
		return cli_usage_error(&token_cmd, _("no subcommand '%s' (add, list, remove)"), argv[0]);

	if (cli_store_open(c, 0, &s))
		return CLI_FAIL;
	rc = CLI_FAIL;
	if (strcmp(argv[0], "add") == 0) {
		int64_t tid;

		if (auth_token_create(s, user, name, (int64_t)time(NULL), token, &tid, &err) != AUTH_OK) {
			cli_error("%s", err.buf);
			goto out;
		}
		/* the token alone on stdout, for scripts; the rest on stderr */
		fprintf(stderr, _("Token %lld for %s (shown only now; keep it secret):\n"),
		    (long long)tid, user);
		printf("%s\n", token);
		explicit_bzero(token, sizeof(token));
		rc = CLI_OK;
	} else if (strcmp(argv[0], "list") == 0)
		rc = token_list(s, user);
	else {
		int r = auth_token_remove(s, id, &err);

		if (r != 0) {
			cli_error("%s", err.buf);
			goto out;
		}
		printf(_("Removed token %lld\n"), id);
		rc = CLI_OK;
	}
out:
	strbuf_release(&err);
	store_close(s);
	return rc;
}
