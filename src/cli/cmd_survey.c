/*
 * trellis survey: survey rounds (DESIGN §4, docs/surveys.md). `open` adds a
 * survey with no responses; `invite` prints one-time answer links for one
 * respondent group (the database keeps only a hash of each, never who it
 * went to); `close` ends the round, after which no link answers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/edit.h"
#include "../app/write.h"
#include "../model/fields.h"
#include "../model/validate.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../store/survey_rounds.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd survey_cmd = {
	"survey",
	"open --initiative SLUG --instrument CODE [--id ID] [--date DATE]\n"
	"       | invite --initiative SLUG --survey ID --group GROUP --count N [--url BASE]\n"
	"       | close --initiative SLUG --survey ID [--date DATE]",
	"Runs survey rounds: opens one, makes one-time answer links, closes it.",
	"`open` adds a survey round of an instrument (`balance`, `director-support`\n"
	"or one of the program's own) to an initiative, opened on --date (today by\n"
	"default), and prints its id (s-1, s-2 ... unless --id gives one).\n"
	"\n"
	"`invite` prints N links, one a line, for respondents of GROUP (backbone,\n"
	"director or partner): each answers the survey once, without an account.\n"
	"Hand them out yourself; the database keeps only a hash of each link, its\n"
	"survey and its group, never who received it, and an answer is stored with\n"
	"no trace of the link that gave it. The links are shown only now. --url is\n"
	"the web address respondents reach the server at (default $TRELLIS_URL, else\n"
	"http://localhost:8080).\n"
	"\n"
	"`close` ends the round on --date (today by default, not before the round\n"
	"opened): its links answer no more.",
};

/* Opens the round through the one write path (app/write.h); prints its id. */
static int
survey_open(const struct cli *c, struct store *s, const char *program, const char *ini,
    const char *id, const char *instrument, tdate opened)
{
	struct app_change c_ = APP_CHANGE_INIT;
	struct strbuf err = STRBUF_INIT, ident = STRBUF_INIT;
	struct app_write w;
	struct model_error e;
	struct survey sv;
	int rc = CLI_FAIL, r;

	if ((r = app_write_begin(&w, s, program, ini, &err)) != 0) {
		if (r == 1)
			cli_error("no initiative '%s' in program '%s'", ini, program);
		else
			cli_error("%s: %s", c->db, err.buf);
		goto out;
	}
	if (id)
		strbuf_addstr(&ident, id);
	else
		store_survey_default_id(w.in, &ident);
	memset(&sv, 0, sizeof(sv));
	sv.id = xstrdup(ident.buf);
	sv.instrument.slug = xstrdup(instrument);
	sv.instrument.idx = REF_UNRESOLVED;
	sv.opened = opened;
	sv.closed = DATE_NONE;
	memset(&e, 0, sizeof(e));
	switch (app_add(s, &w.p, w.in, &kind_survey, &sv, cli_actor(), &c_, &e, &err)) {
	case APP_OK:
		if (app_write_commit(&w, &err) == -1) {
			cli_error("%s", err.buf);
			break;
		}
		printf("%s\n", ident.buf);
		rc = CLI_OK;
		break;
	case APP_INVALID:
		strbuf_reset(&err);
		model_error_format(&e, &err);
		cli_error("cannot open the survey: %s", err.buf);
		break;
	default:
		cli_error("%s", err.buf);
		break;
	}
out:
	app_write_end(&w);
	app_change_release(&c_);
	strbuf_release(&err);
	strbuf_release(&ident);
	return rc;
}

static int
survey_invite(struct store *s, const char *ini, const char *id, int group, int count,
    const char *url)
{
	struct strbuf err = STRBUF_INIT, after = STRBUF_INIT;
	survey_token *tokens = xcalloc((size_t)count, sizeof(*tokens));
	size_t ulen = strlen(url);
	int r, rc = CLI_FAIL;

	while (ulen > 0 && url[ulen - 1] == '/')
		ulen--;
	/* as the web's: how many links for which group, never the links */
	strbuf_addf(&after, "{\"group\":\"%s\",\"links\":%d}", group_names[group], count);
	if (cli_audit_attach(s, "create", "survey-invitations", ini, id, NULL, after.buf))
		r = -2;		/* said already */
	else
		r = store_survey_invite(s, ini, id, group, count, tokens, &err);
	store_audit_detach(s);
	if (r == 1)
		cli_error("initiative %s has no survey '%s'", ini, id);
	else if (r == 2)
		cli_error("survey %s is closed: it takes no more answers", id);
	else if (r == -1)
		cli_error("%s", err.buf);
	else if (r == 0) {
		for (int i = 0; i < count; i++)
			printf("%.*s/s/%s\n", (int)ulen, url, tokens[i]);
		fprintf(stderr, "%d %s link%s for survey %s (shown only now)\n", count,
		    group_names[group], count == 1 ? "" : "s", id);
		rc = CLI_OK;
	}
	explicit_bzero(tokens, (size_t)count * sizeof(*tokens));
	free(tokens);
	strbuf_release(&err);
	strbuf_release(&after);
	return rc;
}

static int
survey_close(struct store *s, const struct initiative *in, const char *id, tdate date)
{
	struct strbuf err = STRBUF_INIT, after = STRBUF_INIT;
	const char *ini = in->slug;
	char day[DATE_BUFSZ], opened[DATE_BUFSZ];
	int r;

	date_format(date, day);
	strbuf_addf(&after, "{\"closed\":\"%s\"}", day);
	if (cli_audit_attach(s, "update", "surveys", ini, id, "{\"closed\":null}", after.buf))
		r = -2;		/* said already */
	else
		r = store_survey_close(s, ini, id, date, &err);
	store_audit_detach(s);
	strbuf_release(&after);
	if (r == 1)
		cli_error("initiative %s has no survey '%s'", ini, id);
	else if (r == 2)
		cli_error("survey %s is closed already", id);
	else if (r == 3) {
		snprintf(opened, sizeof(opened), "%s", "a later day");
		for (size_t i = 0; i < in->surveys.n; i++)
			if (in->surveys.v[i].id && strcmp(in->surveys.v[i].id, id) == 0)
				date_format(in->surveys.v[i].opened, opened);
		cli_error("--date %s: survey %s opened on %s; it cannot close before that",
		    day, id, opened);
	} else if (r == -1)
		cli_error("%s", err.buf);
	else
		printf("Closed survey %s\n", id);
	strbuf_release(&err);
	return r == 0 ? CLI_OK : CLI_FAIL;
}

int
cmd_survey(int argc, char **argv, struct cli *c)
{
	const char *ini = NULL, *instrument = NULL, *id = NULL, *survey = NULL;
	const char *group = NULL, *count = NULL, *url = NULL, *date = NULL;
	const struct cli_opt opts[] = {
		{ "initiative", "SLUG", &ini, "the initiative" },
		{ "instrument", "CODE", &instrument, "open: the instrument to ask" },
		{ "id", "ID", &id, "open: the new survey's id (default s-1, s-2 ...)" },
		{ "survey", "ID", &survey, "invite, close: the survey round" },
		{ "group", "GROUP", &group, "invite: backbone, director or partner" },
		{ "count", "N", &count, "invite: how many links to make (1-1000)" },
		{ "url", "BASE", &url, "invite: the server's address for the links" },
		{ "date", "DATE", &date, "open, close: the date (default today)" },
		{ NULL, NULL, NULL, NULL },
	};
	struct program p;
	char *slug = NULL;
	struct store *s = NULL;
	tdate day = date_today();
	long n = 0;
	int g = -1, nargs, rc;

	if ((rc = cli_parse(&survey_cmd, opts, c, argc, argv, &nargs)) >= 0)
		return rc;
	if (nargs != 1)
		return cli_usage_error(&survey_cmd, "give one subcommand: open, invite or close");
	if (ini == NULL)
		return cli_usage_error(&survey_cmd, "%s needs --initiative SLUG", argv[0]);
	if (date && date_parse(date, &day) == -1)
		return cli_usage_error(&survey_cmd, "'%s' is not a date (YYYY-MM-DD)", date);
	if (strcmp(argv[0], "open") == 0) {
		if (instrument == NULL)
			return cli_usage_error(&survey_cmd, "open needs --instrument CODE");
		if (survey || group || count || url)
			return cli_usage_error(&survey_cmd, "open takes --initiative, --instrument, --id, --date");
	} else if (strcmp(argv[0], "invite") == 0) {
		char *end;

		if (survey == NULL || group == NULL || count == NULL)
			return cli_usage_error(&survey_cmd, "invite needs --survey ID --group GROUP --count N");
		if (instrument || id || date)
			return cli_usage_error(&survey_cmd, "invite takes --initiative, --survey, --group, --count, --url");
		if ((g = enum_lookup(group_names, GROUP__MAX, group)) < 0)
			return cli_usage_error(&survey_cmd, "'%s' is not a group (backbone, director, partner)", group);
		n = strtol(count, &end, 10);
		if (*count == '\0' || *end != '\0' || n < 1 || n > SURVEY_INVITE_MAX)
			return cli_usage_error(&survey_cmd, "--count must be a number from 1 to %d", SURVEY_INVITE_MAX);
		if (url == NULL && (url = getenv("TRELLIS_URL")) == NULL)
			url = "http://localhost:8080";
	} else if (strcmp(argv[0], "close") == 0) {
		if (survey == NULL)
			return cli_usage_error(&survey_cmd, "close needs --survey ID");
		if (instrument || id || group || count || url)
			return cli_usage_error(&survey_cmd, "close takes --initiative, --survey, --date");
	} else
		return cli_usage_error(&survey_cmd, "no subcommand '%s' (open, invite, close)", argv[0]);

	if (cli_store_open(c, 0, &s))
		return CLI_FAIL;
	program_init(&p);
	if ((rc = cli_store_pick(c, s, &slug)) != 0)
		goto out;
	/* one initiative read, not the program: cost follows the work */
	if (strcmp(argv[0], "open") == 0) {
		rc = survey_open(c, s, slug, ini, id, instrument, day);
		goto out;
	}
	if ((rc = cli_store_load_slug(c, s, slug, ini, &p)) != 0)
		goto out;
	rc = CLI_FAIL;
	if (strcmp(argv[0], "invite") == 0)
		rc = survey_invite(s, ini, survey, g, (int)n, url);
	else
		rc = survey_close(s, &p.initiatives.v[0], survey, day);
out:
	program_release(&p);
	free(slug);
	store_close(s);
	return rc;
}
