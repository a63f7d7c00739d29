/*
 * trellis survey: survey rounds (DESIGN §4, docs/surveys.md). `open` adds a
 * survey with no responses; `invite` prints one one-time answer link for
 * each person of the team named (the database keeps a hash of each and the
 * person it is for, so that nobody gets two; an answer keeps neither);
 * `close` ends the round, after which no link answers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/answers.h"
#include "../app/edit.h"
#include "../app/write.h"
#include "../mail/mail.h"
#include "../model/fields.h"
#include "../model/validate.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../store/survey_rounds.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd survey_cmd = {
	"survey",
	"open --initiative SLUG --instrument CODE [--id ID] [--date DATE]\n"
	"       | invite --initiative SLUG --survey ID (--person SLUG ... | --all) [--url BASE] [--email]\n"
	"                [--lang CODE]\n"
	"       | close --initiative SLUG --survey ID [--date DATE]",
	N_("Runs survey rounds: opens one, makes one-time answer links, closes it."),
	N_("`open` adds a survey round of an instrument (`balance`, `director-support`,\n"
	"`backbone-activities` or one of the program's own) to an initiative, opened on --date (today by\n"
	"default), and prints its id (s-1, s-2 ... unless --id gives one).\n"
	"\n"
	"`invite` makes one link for each person of the team given by --person\n"
	"(repeat it for more people), or with --all for every person of the team\n"
	"who has no link of the round yet, and prints them one a line: the person's\n"
	"slug, their group, the link. The team is the initiative's director and\n"
	"every person of the program whose organization is its backbone or a\n"
	"member; a link's group follows from its person (the director; the\n"
	"backbone's people; everyone else a partner). A person gets at most one\n"
	"link per round. Each link answers once, without an account, and the\n"
	"answer keeps no trace of the link or the person. Give each link to its\n"
	"person alone: they are shown only now. --url is the web address\n"
	"respondents reach the server at (default $TRELLIS_URL, else\n"
	"http://localhost:8080). With --email each link is mailed to its person\n"
	"instead (queued with the links, sent by the server or `trellis mail\n"
	"--send-due`; docs/mail.md), and never shown: every person needs a mail\n"
	"address then. --lang es makes links whose answer page is in Spanish\n"
	"(en, es; default: the language of whoever opens it; docs/i18n.md).\n"
	"--group and --count are gone: links are made for people now.\n"
	"\n"
	"`close` ends the round on --date (today by default, not before the round\n"
	"opened): its links answer no more."),
};

/* What opening a round needs and learns: survey_open's change (app_write_fn). */
struct open_round {
	const char *id, *instrument;
	tdate opened;
	struct strbuf ident;	/* the round's id */
	enum app_result r;	/* app_add's */
	struct model_error e;
};

static int
open_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct open_round *o = arg;
	struct app_change c = APP_CHANGE_INIT;
	struct survey sv;

	strbuf_reset(&o->ident);
	if (o->id)
		strbuf_addstr(&o->ident, o->id);
	else
		store_survey_default_id(w->in, &o->ident);
	memset(&sv, 0, sizeof(sv));
	sv.id = xstrdup(o->ident.buf);
	sv.instrument.slug = xstrdup(o->instrument);
	sv.instrument.idx = REF_UNRESOLVED;
	sv.opened = o->opened;
	sv.closed = DATE_NONE;
	memset(&o->e, 0, sizeof(o->e));
	o->r = app_add(w->s, &w->p, w->in, &kind_survey, &sv, cli_actor(), &c, &o->e, err);
	app_change_release(&c);
	return o->r == APP_OK ? 0 : o->r == APP_INVALID ? 1 : -1;
}

/*
 * Opens the round through the one write path (app_write_run: run again on
 * PostgreSQL's serialization failure); prints its id.
 */
static int
survey_open(const struct cli *c, struct store *s, const char *program, const char *ini,
    const char *id, const char *instrument, tdate opened)
{
	struct open_round o = { .id = id, .instrument = instrument, .opened = opened,
	    .ident = STRBUF_INIT, .r = APP_ERROR };
	struct strbuf err = STRBUF_INIT;
	struct app_write w;
	int rc = CLI_FAIL, r;

	r = app_write_run(&w, s, program, ini, open_change, &o, &err);
	if (r == 0) {
		printf("%s\n", o.ident.buf);
		rc = CLI_OK;
	} else if (r == 1 && o.r == APP_INVALID) {
		strbuf_reset(&err);
		model_error_format(&o.e, &err);
		cli_error(_("cannot open the survey: %s"), err.buf);
	} else if (r == 1)
		cli_error(_("no initiative '%s' in program '%s'"), ini, program);
	else
		cli_error("%s: %s", c->db, err.buf);
	app_write_end(&w);
	strbuf_release(&o.ident);
	strbuf_release(&err);
	return rc;
}

/* Makes the links of people[0..n) (NULL: everyone of the team without one); prints or mails them. */
static int
survey_invite(struct store *s, const char *db, const struct program *p, const char *id,
    const char *const *people, size_t n, const char *url, int email, const char *lang)
{
	struct strbuf err = STRBUF_INIT, after = STRBUF_INIT;
	struct survey_links links = { NULL, 0, 0 };
	const char *ini = p->initiatives.v[0].slug;
	struct store_audit_entry a;
	size_t ulen = strlen(url), shown = 0;
	struct mail_invite mi;
	int r, gave_up = 0, rc = CLI_FAIL;

	while (ulen > 0 && url[ulen - 1] == '/')
		ulen--;
	/* as the web's: how many links, never the links nor who they are for */
	if (people)
		strbuf_addf(&after, "{\"links\":%zu}", n);
	else
		strbuf_addstr(&after, "{\"links\":\"all\"}");
	a = cli_audit("create", "survey-invitations", ini, id, NULL, after.buf);
	mi = (struct mail_invite){ .db = db, .p = p, .initiative = ini, .id = id, .lang = lang,
	    .people = people, .n = n, .audit = &a, .email = email, .url = url, .ulen = ulen,
	    .links = &links };
	if (mail_survey_invite(s, &mi, &gave_up, &err) == -1) {
		/* after the last conflict: the command named */
		cli_error("%s%s", gave_up ? "survey links: " : "", err.buf);
		goto done;
	}
	if ((r = mi.r) == -3) {
		cli_error(_("--email: %s; no link was made"), err.buf);
		strbuf_reset(&err);
	}
	if (r == 1)
		cli_error(_("initiative %s has no survey '%s'"), ini, id);
	else if (r == 2)
		cli_error(_("survey %s is closed: it takes no more answers"), id);
	else if (r == 3 || r == 4)
		cli_error(_("--person %s; no link was made"), err.buf);
	else if (r == -1 || (r == -3 && err.len))
		cli_error("%s", err.buf);
	else if (r == 0) {
		size_t mailed = 0;

		/* a link a mailer sent to its person is never shown here (survey_rounds.h) */
		for (size_t i = 0; i < links.n; i++) {
			const struct survey_link *l = &links.v[i];

			if (l->mailed) {
				/* TRANSLATORS: the third column of a person's line: where the link went */
				printf("%s\t%s\t", l->member.person, group_names[l->member.group]);
				printf(_("mailed to %s"), l->member.email);
				putchar('\n');
				mailed++;
				continue;
			}
			printf("%s\t%s\t%.*s/s/%s\n", l->member.person, group_names[l->member.group],
			    (int)ulen, url, l->token);
			shown++;
		}
		if (links.n == 0)
			fprintf(stderr, _("everyone of the team has a link of survey %s already"), id);
		else if (mailed)
			fprintf(stderr, P_("%zu link for survey %s queued to be mailed, each to its "
			    "person alone (`trellis mail --list`)", "%zu links for survey %s queued to "
			    "be mailed, each to its person alone (`trellis mail --list`)", mailed),
			    mailed, id);
		else
			fprintf(stderr, P_("%zu link for survey %s: give each to its person alone "
			    "(shown only now)", "%zu links for survey %s: give each to its person alone "
			    "(shown only now)", shown), shown, id);
		fputc('\n', stderr);
		rc = CLI_OK;
	}
done:
	survey_links_release(&links);
	strbuf_release(&err);
	strbuf_release(&after);
	return rc;
}

static int
survey_close(struct store *s, const struct initiative *in, const char *id, tdate date)
{
	struct strbuf err = STRBUF_INIT, after = STRBUF_INIT;
	const char *ini = in->slug;
	struct store_audit_entry a;
	char day[DATE_BUFSZ], opened[DATE_BUFSZ];
	int r, gave_up = 0;

	date_format(date, day);
	strbuf_addf(&after, "{\"closed\":\"%s\"}", day);
	a = cli_audit("update", "surveys", ini, id, "{\"closed\":null}", after.buf);
	r = app_survey_close(s, ini, id, date, &a, &gave_up, &err);
	strbuf_release(&after);
	if (r == 1)
		cli_error(_("initiative %s has no survey '%s'"), ini, id);
	else if (r == 2)
		cli_error(_("survey %s is closed already"), id);
	else if (r == 3) {
		snprintf(opened, sizeof(opened), "%s", _("a later day"));
		for (size_t i = 0; i < in->surveys.n; i++)
			if (in->surveys.v[i].id && strcmp(in->surveys.v[i].id, id) == 0)
				date_format(in->surveys.v[i].opened, opened);
		cli_error(_("--date %s: survey %s opened on %s; it cannot close before that"),
		    day, id, opened);
	} else if (r == -1)
		/* after the last conflict: the command named */
		cli_error("%s%s", gave_up ? "survey close: " : "", err.buf);
	else {
		printf(_("Closed survey %s"), id);
		putchar('\n');
	}
	strbuf_release(&err);
	return r == 0 ? CLI_OK : CLI_FAIL;
}

/*
 * The values of every --person in argv (cli_parse keeps the last one only),
 * read before cli_parse moves the arguments; it still checks them all.
 */
static const char **
people_given(int argc, char **argv, size_t *n)
{
	const char **v = xcalloc((size_t)argc + 1, sizeof(*v));

	*n = 0;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--person=", 9) == 0)
			v[(*n)++] = argv[i] + 9;
		else if (strcmp(argv[i], "--person") == 0 && i + 1 < argc)
			v[(*n)++] = argv[++i];
	}
	return v;
}

/* The command with the values of its --person options (people_given). */
static int
survey_main(int argc, char **argv, struct cli *c, const char *const *people, size_t npeople)
{
	const char *ini = NULL, *instrument = NULL, *id = NULL, *survey = NULL;
	const char *group = NULL, *count = NULL, *url = NULL, *date = NULL;
	const char *person = NULL, *all = NULL, *email = NULL, *lang = NULL;
	const struct cli_opt opts[] = {
		{ "initiative", "SLUG", &ini, N_("the initiative") },
		{ "instrument", "CODE", &instrument, N_("open: the instrument to ask") },
		{ "id", "ID", &id, N_("open: the new survey's id (default s-1, s-2 ...)") },
		{ "survey", "ID", &survey, N_("invite, close: the survey round") },
		{ "person", "SLUG", &person, N_("invite: a person of the team (repeat for more)") },
		{ "all", NULL, &all, N_("invite: everyone of the team without a link yet") },
		{ "group", "GROUP", &group, N_("gone: links are made for people (--person, --all)") },
		{ "count", "N", &count, N_("gone: links are made for people (--person, --all)") },
		{ "url", "BASE", &url, N_("invite: the server's address for the links") },
		{ "email", NULL, &email, N_("invite: mail each link to its person (docs/mail.md)") },
		{ "lang", "CODE", &lang, N_("invite: the answer page's language (en, es)") },
		{ "date", "DATE", &date, N_("open, close: the date (default today)") },
		{ NULL, NULL, NULL, NULL },
	};
	struct program p;
	char *slug = NULL;
	struct store *s = NULL;
	tdate day = date_today();
	int nargs, rc;

	if ((rc = cli_parse(&survey_cmd, opts, c, argc, argv, &nargs)) >= 0)
		return rc;
	if (group || count)
		return cli_usage_error(&survey_cmd, "%s", _("--group and --count are gone: links are "
		    "made for people of the team, so give --person SLUG (repeat it) or --all"));
	if (nargs != 1)
		return cli_usage_error(&survey_cmd, "%s", _("give one subcommand: open, invite or close"));
	if (ini == NULL)
		return cli_usage_error(&survey_cmd, _("%s needs --initiative SLUG"), argv[0]);
	if (date && date_parse(date, &day) == -1)
		return cli_usage_error(&survey_cmd, _("'%s' is not a date (YYYY-MM-DD)"), date);
	if (strcmp(argv[0], "open") == 0) {
		if (instrument == NULL)
			return cli_usage_error(&survey_cmd, "%s", _("open needs --instrument CODE"));
		if (survey || person || all || url || email || lang)
			return cli_usage_error(&survey_cmd, "%s",
			    _("open takes --initiative, --instrument, --id, --date"));
	} else if (strcmp(argv[0], "invite") == 0) {
		if (survey == NULL || (person == NULL) == (all == NULL))
			return cli_usage_error(&survey_cmd, "%s", _("invite needs --survey ID and either "
			    "--person SLUG (repeat it for more) or --all"));
		if (instrument || id || date)
			return cli_usage_error(&survey_cmd, "%s", _("invite takes --initiative, "
			    "--survey, --person, --all, --url, --email, --lang"));
		if (lang && (lang_parse(lang) < 0 || strcmp(lang, lang_codes[lang_parse(lang)]) != 0))
			return cli_usage_error(&survey_cmd, _("--lang '%s': not a language Trellis "
			    "speaks (en, es)"), lang);
		if (url == NULL && (url = getenv("TRELLIS_URL")) == NULL)
			url = "http://localhost:8080";
	} else if (strcmp(argv[0], "close") == 0) {
		if (survey == NULL)
			return cli_usage_error(&survey_cmd, "%s", _("close needs --survey ID"));
		if (instrument || id || person || all || url || email || lang)
			return cli_usage_error(&survey_cmd, "%s",
			    _("close takes --initiative, --survey, --date"));
	} else
		return cli_usage_error(&survey_cmd, _("no subcommand '%s' (open, invite, close)"), argv[0]);

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
		rc = survey_invite(s, c->db, &p, survey, all ? NULL : people, npeople, url,
		    email != NULL, lang);
	else
		rc = survey_close(s, &p.initiatives.v[0], survey, day);
out:
	program_release(&p);
	free(slug);
	store_close(s);
	return rc;
}

int
cmd_survey(int argc, char **argv, struct cli *c)
{
	size_t n;
	const char **people = people_given(argc, argv, &n);
	int rc = survey_main(argc, argv, c, people, n);

	free(people);
	return rc;
}
