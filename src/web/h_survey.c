/*
 * Survey rounds on the web (DESIGN §4, §7; docs/surveys.md):
 *
 *	GET  /i/{slug}/surveys/rounds		the rounds: open one, make links, close (editors)
 *	POST /i/{slug}/surveys/rounds		action=open | invite | close
 *	GET  /i/{slug}/surveys/{id}/results	aggregates only, groups of n < 3 never shown
 *	GET  /s/{id}				the answer form; {id} is the one-time token
 *	POST /s/{id}				stores the answers, uses the invitation up
 *	GET  /s/thanks				after answering
 *
 * The answer form is open to anyone with a link: there is no session to
 * bind a CSRF token to. What guards it is the server's origin check (a
 * cross-site POST is refused before this code runs) and the token itself:
 * 32 random bytes that only the respondent holds, good for one answer. A
 * forged cross-site post would need the token, and with it could do no more
 * than its holder may. A signed-in person who opens a link still sends the
 * session's CSRF field, which the form carries.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "page.h"
#include "ratelimit.h"
#include "records.h"
#include "../mail/mail.h"
#include "router.h"
#include "../app/answers.h"
#include "../app/edit.h"
#include "../metrics/survey.h"
#include "../model/fields.h"
#include "../model/validate.h"
#include "../store/store.h"
#include "../store/survey_rounds.h"
#include "../view/survey_pages.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

static const struct survey *
survey_find(const struct initiative *in, const char *id)
{
	for (size_t i = 0; in && id && i < in->surveys.n; i++)
		if (strcmp(in->surveys.v[i].id, id) == 0)
			return &in->surveys.v[i];
	return NULL;
}

static const struct instrument *
survey_instrument(const struct program *p, const struct survey *sv)
{
	int i = sv->instrument.idx;

	return i >= 0 && (size_t)i < p->instruments.n ? &p->instruments.v[i] : NULL;
}

/* ---------------------------------------------------------------- the answer form */

/* The page of a link that cannot answer: status, heading and what to do. */
static int
link_page(struct web_response *res, int status, const char *title, const char *text)
{
	struct frame fr;
	struct html h;

	page_frame(&fr, res->req, NULL, title, NULL, TAB_NONE);
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	survey_message_write(&h, &fr, text);
	page_send(res, status);
	return 0;
}

/*
 * Links that do not work (unknown, or used already) per client address,
 * in memory only (ratelimit.h): SURVEY_LINK_FAILS of them within
 * SURVEY_LINK_WINDOW seconds and the address gets 429 on every link,
 * valid or not, for SURVEY_LINK_LOCKOUT seconds. A token is 32 random
 * bytes, so guessing is hopeless anyway; this keeps a guesser from even
 * trying fast, while a respondent who reloads a used link now and then
 * never comes near it (docs/surveys.md, docs/security.md).
 */
#define SURVEY_LINK_FAILS	20
#define SURVEY_LINK_WINDOW	(10 * 60)
#define SURVEY_LINK_LOCKOUT	(15 * 60)
static struct web_ratelimit link_limit =
    WEB_RATELIMIT_INIT(SURVEY_LINK_FAILS, SURVEY_LINK_WINDOW, SURVEY_LINK_LOCKOUT);

/* Answers 429 with Retry-After when the request's address is locked out; returns 1 then. */
static int
link_throttled(struct web_request *req, struct web_response *res)
{
	int64_t wait = web_ratelimit_wait(&link_limit, req->addr, (int64_t)time(NULL));
	long long min = (long long)(wait + 59) / 60;
	char secs[24], text[200];

	if (wait == 0)
		return 0;
	snprintf(secs, sizeof(secs), "%lld", (long long)wait);
	snprintf(text, sizeof(text), P_("Too many survey links that do not work came from your "
	    "network. Please wait %lld minute, then open your link again.",
	    "Too many survey links that do not work came from your "
	    "network. Please wait %lld minutes, then open your link again.", min), min);
	link_page(res, 429, _("Too many tries"), text);
	web_header_add(res, "Retry-After", secs);
	return 1;
}

/* A link that is not one we know (or not this program's): 404. */
static void
link_unknown(struct web_response *res)
{
	link_page(res, 404, _("This link does not work"),
	    _("This survey link is not one we know. Check that it was copied whole, "
	    "or ask the person who sent it for a new one."));
}

/*
 * Finds the invitation of the request's token, its initiative and its
 * instrument. An answer needs no initiative's records: the store's
 * invitation names the survey's instrument, and the catalog (the program's
 * instruments and every initiative's own fields) has the rest, so 64
 * people answering at once read no initiative at all. Returns 1 with *wp,
 * *in, *ins set; 0 when it has answered res; -1 on a failure (logged).
 */
static int
invitation_load(struct web_request *req, struct web_response *res,
    struct store_invitation *inv, const struct web_program **wp,
    const struct initiative **in, const struct instrument **ins)
{
	struct strbuf err = STRBUF_INIT;
	struct store *st = web_store(req, &err);
	int r, ret = -1;

	if (link_throttled(req, res)) {
		ret = 0;
		goto out;
	}
	if (st == NULL || (r = store_invitation_find(st, req->id, inv, &err)) == -1)
		goto out;
	ret = 0;
	/* the page of a link follows the language it was made in (docs/i18n.md) */
	if (r == 0)
		web_lang_prefer(req, lang_parse(inv->lang));
	/* only the address is counted: never the token, never a link that works */
	if (r == 1 || inv->used)
		web_ratelimit_fail(&link_limit, req->addr, (int64_t)time(NULL));
	if (r == 1) {
		link_unknown(res);
		goto out;
	}
	if (inv->used) {
		link_page(res, 410, _("This link has been used"),
		    _("Answers were already sent with this link, and each link answers once. "
		    "Thank you for taking part. If you have not answered yet, ask for a new link."));
		goto out;
	}
	if (inv->closed) {
		link_page(res, 410, _("This survey has closed"),
		    _("This survey round is closed and takes no more answers. Thank you all the same."));
		goto out;
	}
	/* the catalog (/s/ names no initiative): of the program that holds the link's initiative */
	if ((*wp = web_program_of(req, inv->initiative)) == NULL) {
		ret = -1;
		goto out;
	}
	/* another program's link under this one's /p/{program}/: not here */
	if ((*in = program_initiative(&(*wp)->program, inv->initiative)) == NULL) {
		link_unknown(res);
		goto out;
	}
	if ((*ins = program_instrument(&(*wp)->program, inv->instrument)) == NULL) {
		strbuf_addf(&err, "survey %s of %s is not in the program", inv->survey,
		    inv->initiative);
		ret = -1;
		goto out;
	}
	ret = 1;
out:
	if (ret == -1)
		fprintf(stderr, "trellis serve: survey link: %s\n", err.buf);
	strbuf_release(&err);
	return ret;
}

/* The answer form (src/view/survey_pages.c); errs (may be NULL) and what was typed come back on a 422. */
static void
answer_form(struct web_request *req, struct web_response *res, const struct initiative *in,
    const struct instrument *ins, const struct store_invitation *inv, const form_errors *errs)
{
	struct strbuf action = STRBUF_INIT;
	const char **typed = web_alloc(req, (ins->items.n + 1) * sizeof(*typed));
	struct survey_answer_page pg;
	struct frame fr;
	struct html h;

	for (size_t i = 0; i < ins->items.n; i++)
		typed[i] = web_form(req, ins->items.v[i].code);
	strbuf_addf(&action, "/s/%s", req->id);
	/* a language chosen with the switch goes on with the answers */
	if (req->lang_explicit)
		strbuf_addf(&action, "?lang=%s", lang_code(req->lang));
	page_frame(&fr, req, NULL, instrument_title(ins, lang_code(req->lang)), NULL, TAB_NONE);
	pg = (struct survey_answer_page){ .frame = &fr, .initiative = in->name ? in->name : in->slug,
	    .ins = ins, .group = inv->group, .action = action.buf, .errs = errs, .typed = typed };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	survey_answer_write(&h, &pg);
	page_send(res, errs && errs->n ? 422 : 200);
	strbuf_release(&action);
}

int
h_survey_form(struct web_request *req, struct web_response *res)
{
	struct store_invitation inv;
	const struct web_program *wp = NULL;
	const struct initiative *in = NULL;
	const struct instrument *ins = NULL;
	int r;

	memset(&inv, 0, sizeof(inv));
	r = invitation_load(req, res, &inv, &wp, &in, &ins);
	if (r == 1)
		answer_form(req, res, in, ins, &inv, NULL);
	store_invitation_release(&inv);
	return r < 0 ? -1 : 0;
}

int
h_survey_answer(struct web_request *req, struct web_response *res)
{
	struct store_invitation inv;
	const struct web_program *wp = NULL;
	const struct initiative *in = NULL;
	const struct instrument *ins = NULL;
	form_errors errs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	struct answer *answers = NULL;
	struct store *st;
	int r, gave_up = 0, ret = -1;

	memset(&inv, 0, sizeof(inv));
	if ((r = invitation_load(req, res, &inv, &wp, &in, &ins)) != 1) {
		ret = r;
		goto out;
	}
	answers = xcalloc(ins->items.n ? ins->items.n : 1, sizeof(*answers));
	for (size_t i = 0; i < ins->items.n; i++) {
		const char *v = web_form(req, ins->items.v[i].code);

		answers[i].item = ins->items.v[i].code;
		if (v == NULL || *v == '\0')
			form_error_add(&errs, ins->items.v[i].code,
			    _("Choose one answer, from strongly disagree to strongly agree."));
		else if (v[0] < '1' || v[0] > '5' || v[1] != '\0')
			form_error_add(&errs, ins->items.v[i].code,
			    _("That is not one of the five answers: choose one from strongly "
			    "disagree to strongly agree."));
		else
			answers[i].value = v[0] - '0';
	}
	if (errs.n) {
		answer_form(req, res, in, ins, &inv, &errs);
		ret = 0;
		goto out;
	}
	if ((st = web_store(req, &err)) == NULL)
		goto out;
	switch (app_survey_answer(st, req->id, answers, ins->items.n, &gave_up, &err)) {
	case STORE_ANSWER_OK:
		/* reports and results see the new response: it moved the data's version */
		/* the thanks in the language of the answers (l=: not a choice to remember) */
		strbuf_reset(&err);
		strbuf_addstr(&err, "/s/thanks");
		if (req->lang != LANG_EN)
			strbuf_addf(&err, "?l=%s", lang_code(req->lang));
		web_redirect(res, web_strdup(req, err.buf));
		strbuf_reset(&err);
		ret = 0;
		break;
	case STORE_ANSWER_USED:
	case STORE_ANSWER_NONE:
		ret = link_page(res, 410, _("This link has been used"),
		    _("Answers were already sent with this link, and each link answers once."));
		break;
	case STORE_ANSWER_CLOSED:
		ret = link_page(res, 410, _("This survey has closed"),
		    _("This survey round is closed and takes no more answers."));
		break;
	default:
		if (gave_up) {
			fprintf(stderr, "trellis serve: survey answer: %s\n", err.buf);
			ret = web_busy(res);
		}
		break;
	}
out:
	if (ret == -1 && err.len)
		fprintf(stderr, "trellis serve: survey answer: %s\n", err.buf);
	free(answers);
	VEC_FREE(&errs);
	strbuf_release(&err);
	store_invitation_release(&inv);
	return ret;
}

int
h_survey_thanks(struct web_request *req, struct web_response *res)
{
	web_lang_prefer(req, lang_parse(web_query(req, "l")));
	return link_page(res, 200, _("Thank you"),
	    _("Your answers have been saved, without your name. You can close this page."));
}

/* ---------------------------------------------------------------- the rounds page */

static const char *
round_path(struct web_request *req, const char *slug)
{
	struct strbuf sb = STRBUF_INIT;
	char *p;

	strbuf_addf(&sb, "/i/%s/surveys/rounds", slug);
	p = web_strdup(req, sb.buf);
	strbuf_release(&sb);
	return p;
}

/* The path of a round's closing date field, its id and its errors' key: "closed-s-1". */
static void
close_field(const struct survey *sv, struct strbuf *out)
{
	strbuf_addf(out, "closed-%s", sv->id);
}

/* The scheme and host links are made with: this server as the browser reached it. */
static void
link_base(const struct web_request *req, struct strbuf *out)
{
	if (req->host)
		strbuf_addf(out, "%s://%s", web_dev_cookie() ? "http" : "https", req->host);
}

/*
 * The rounds page: every survey of in, with its invitations and a link to
 * its results; for editors the forms. errs (may be NULL) are an open form
 * that came back, status its status; links (may be NULL) the links just
 * made. fetch (the counts, each open round's team) → render
 * (src/view/survey_pages.c).
 */
static int
rounds_page(struct web_request *req, struct web_response *res, int status,
    const struct program *p, const struct initiative *in, const form_errors *errs,
    const struct survey_links *links, const char *links_survey)
{
	int edit = records_may_edit(req);
	struct strbuf err = STRBUF_INIT, sb = STRBUF_INIT, def = STRBUF_INIT;
	struct store *st = web_store(req, &err);
	struct survey_round_row *rows = web_alloc(req, (in->surveys.n + 1) * sizeof(*rows));
	struct survey_new_link *made = NULL;
	const char **mailed = NULL;
	struct survey_team *teams = xcalloc(in->surveys.n + 1, sizeof(*teams));
	struct survey_rounds_page pg;
	struct frame fr;
	struct html h;
	char today[DATE_BUFSZ];
	size_t nmade = 0, nmailed = 0;
	int ret = -1;

	if (st == NULL)
		goto out;
	for (size_t i = 0; i < in->surveys.n; i++) {
		const struct survey *sv = &in->surveys.v[i];
		const struct instrument *ins = survey_instrument(p, sv);
		struct store_invitation_counts c;
		struct survey_person *team;

		if (store_survey_invitation_counts(st, in->slug, sv->id, date_today(), &c, &err))
			goto out;
		rows[i] = (struct survey_round_row){ .sv = sv,
		    .questionnaire = ins ? instrument_title(ins, lang_code(req->lang)) : sv->instrument.slug,
		    .answers_before_today = c.answers };
		for (int g = 0; g < GROUP__MAX; g++)
			rows[i].links_made += c.issued[g];
		if (!edit || sv->closed != DATE_NONE)
			continue;
		if (store_survey_team(st, in->slug, sv->id, &teams[i], &err) < 0)
			goto out;
		team = web_alloc(req, (teams[i].n + 1) * sizeof(*team));
		for (size_t m = 0; m < teams[i].n; m++)
			team[m] = (struct survey_person){ .person = teams[i].v[m].person,
			    .name = teams[i].v[m].name, .group = teams[i].v[m].group,
			    .has_link = teams[i].v[m].has_link };
		rows[i].team = team;
		rows[i].nteam = teams[i].n;
	}
	if (links && links->n) {
		made = web_alloc(req, links->n * sizeof(*made));
		mailed = web_alloc(req, links->n * sizeof(*mailed));
		for (size_t i = 0; i < links->n; i++) {
			const struct survey_link *l = &links->v[i];

			/* a link a mailer sent to its person is never shown (survey_rounds.h) */
			if (l->mailed) {
				mailed[nmailed++] = web_strdup(req, l->member.name);
				continue;
			}
			strbuf_reset(&sb);
			link_base(req, &sb);
			strbuf_addf(&sb, "/s/%s", l->token);
			made[nmade++] = (struct survey_new_link){ .name = l->member.name,
			    .group = l->member.group, .url = xstrdup(sb.buf) };
			memset(sb.buf, 0, sb.len);
		}
	}
	store_survey_default_id(in, &def);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s/surveys/rounds", in->slug);
	page_frame(&fr, req, p, _("Survey rounds"), in, TAB_SURVEYS);
	pg = (struct survey_rounds_page){ .frame = &fr, .p = p, .action = sb.buf, .slug = in->slug,
	    .rounds = rows, .nrounds = in->surveys.n, .can_edit = edit, .links = made,
	    .nlinks = nmade, .links_survey = links_survey, .errs = errs,
	    .mailed = mailed, .nmailed = nmailed, .can_mail = web_mail_base_url() != NULL,
	    .today = date_format(date_today(), today), .default_id = def.buf,
	    .typed_id = web_form(req, "id"), .typed_instrument = web_form(req, "instrument"),
	    .typed_opened = web_form(req, "opened"), .typed_closed = web_form(req, "closed") };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	survey_rounds_write(&h, &pg);
	page_send(res, status);
	ret = 0;
out:
	if (ret)
		fprintf(stderr, "trellis serve: survey rounds: %s\n", err.buf);
	for (size_t i = 0; i < in->surveys.n; i++)
		survey_team_release(&teams[i]);
	free(teams);
	/* the page is the links' only copy: none is left behind in memory */
	for (size_t i = 0; i < nmade; i++) {
		memset((char *)(uintptr_t)made[i].url, 0, strlen(made[i].url));
		free((char *)(uintptr_t)made[i].url);
	}
	strbuf_release(&err);
	strbuf_release(&sb);
	strbuf_release(&def);
	return ret;
}

int
h_survey_rounds(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;

	if (wp == NULL)
		return -1;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL)
		return web_error(res, 404, N_("No such initiative."));
	return rounds_page(req, res, 200, &wp->program, in, NULL, NULL, NULL);
}

/* round_open's change (app_write_fn): checked and added on w, made anew each run. */
struct round_write {
	const char *id, *ins, *opened, *actor;
	form_errors *errs;
	struct strbuf *ident;
	struct app_change *c;
	struct model_error *e;
};

static int
round_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct round_write *a = arg;
	struct survey sv;
	enum app_result r;
	tdate day = DATE_NONE;

	a->errs->n = 0;
	strbuf_reset(a->ident);
	memset(a->e, 0, sizeof(*a->e));
	if (a->opened == NULL || date_parse(a->opened, &day) == -1)
		form_error_add(a->errs, "opened", _("Give the date the round opens, as a date."));
	if (a->ins == NULL || program_instrument(&w->p, a->ins) == NULL)
		form_error_add(a->errs, "instrument", _("Choose a questionnaire."));
	if (a->id && *a->id)
		strbuf_addstr(a->ident, a->id);
	else
		store_survey_default_id(w->in, a->ident);
	if (a->errs->n)
		return 1;
	memset(&sv, 0, sizeof(sv));
	sv.id = xstrdup(a->ident->buf);
	sv.instrument.slug = xstrdup(a->ins);
	sv.instrument.idx = REF_UNRESOLVED;
	sv.opened = day;
	sv.closed = DATE_NONE;
	r = app_add(w->s, &w->p, w->in, &kind_survey, &sv, a->actor, a->c, a->e, err);
	if (r == APP_INVALID)
		records_model_error(a->errs, a->e);
	return records_change_result(r);
}

/* action=open: a survey record with no responses, through the record write path. */
static int
round_open(struct web_request *req, struct web_response *res)
{
	struct app_change c = APP_CHANGE_INIT;
	struct strbuf err = STRBUF_INIT, ident = STRBUF_INIT;
	form_errors errs = { NULL, 0, 0 };
	struct records_write w;
	struct model_error e;
	struct round_write a = { .id = web_form(req, "id"), .ins = web_form(req, "instrument"),
	    .opened = web_form(req, "opened"), .actor = web_actor(req), .errs = &errs,
	    .ident = &ident, .c = &c, .e = &e };
	int run, ret = -1;

	run = records_write_run(req, &w, round_change, &a, &err);
	if (run == 1 && w.aw.in == NULL)
		ret = web_error(res, 404, N_("No such initiative."));
	else if (records_write_busy(req, &w, run, &err, res))
		ret = 0;
	else if (run == 0) {
		web_redirect(res, round_path(req, w.aw.in->slug));
		ret = 0;
	} else if (run == 1)
		ret = rounds_page(req, res, 422, &w.aw.p, w.aw.in, &errs, NULL, NULL);
	if (ret && err.len)
		fprintf(stderr, "trellis serve: open a survey round: %s\n", err.buf);
	records_write_end(&w);
	app_change_release(&c);
	VEC_FREE(&errs);
	strbuf_release(&err);
	strbuf_release(&ident);
	return ret;
}

/*
 * action=invite, person=SLUG (repeated): one link for each person of the
 * team chosen, shown once (200: they cannot be shown again). With email=1
 * (a server that sends mail: --smtp and --url) each link goes into a mail
 * to its person instead, queued in the same transaction as the links
 * (mail_survey_links: sealed with the mail key, never stored in clear)
 * and never shown; a person without a mail address stops it all, by name.
 */
static int
round_invite(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in)
{
	const char *survey = web_form(req, "survey"), *lang = web_form(req, "lang");
	struct strbuf err = STRBUF_INIT, sb = STRBUF_INIT;
	struct survey_links links = { NULL, 0, 0 };
	struct store_audit_entry a;
	const char **people;
	const char *base = web_mail_base_url();
	int email = web_form(req, "email") != NULL;
	size_t n = 0, blen = 0;
	struct mail_invite mi;
	struct store *st;
	int r, gave_up = 0, ret = -1;

	if (survey_find(in, survey) == NULL)
		return web_error(res, 404, N_("No such survey round."));
	if (email && base == NULL)
		return web_error(res, 409, N_("This server sends no mail (it runs without --smtp and "
		    "--url): make the links without mail and give each to its person."));
	if (web_form(req, "group") || web_form(req, "count"))
		return web_error(res, 422, N_("Links are made for people of the team now, not for a "
		    "group: choose the people (person=SLUG, one field each)."));
	people = web_alloc(req, (req->form.n + 1) * sizeof(*people));
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].name, "person") == 0)
			people[n++] = req->form.v[i].value;
	if (n == 0)
		return web_error(res, 422, N_("Choose the people of the team to make links for."));
	if (n > SURVEY_INVITE_MAX)
		return web_error(res, 422, N_("Make at most 1000 links at a time."));
	/* the answer page's language: "" or absent none (the respondent's own), else a code */
	if (lang && *lang == '\0')
		lang = NULL;
	if (lang && (lang_parse(lang) < 0 || strcmp(lang, lang_codes[lang_parse(lang)]) != 0))
		return web_error(res, 422, N_("Choose the links' language from the list."));
	if ((st = web_store(req, &err)) == NULL)
		goto out;
	/* how many links: never the links, never who they went to */
	strbuf_addf(&sb, "{\"links\":%zu}", n);
	a = web_audit(req, "create", "survey-invitations", in->slug, survey, NULL, sb.buf);
	if (email)
		for (blen = strlen(base); blen > 0 && base[blen - 1] == '/'; blen--)
			;
	mi = (struct mail_invite){ .db = web_db_path(), .p = p, .initiative = in->slug,
	    .id = survey, .lang = lang, .people = people, .n = n, .audit = &a, .email = email,
	    .url = base, .ulen = blen, .links = &links };
	if (mail_survey_invite(st, &mi, &gave_up, &err) == -1) {
		if (gave_up)
			ret = web_busy(res);
		goto out;
	}
	if ((r = mi.r) == -3) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, _("No link was made: %s."), err.buf);
		strbuf_reset(&err);
		ret = web_error(res, 422, sb.buf);
		goto out;
	}
	if (r == 1) {
		ret = web_error(res, 404, N_("No such survey round."));
		goto out;
	}
	if (r == 2) {
		ret = web_error(res, 409, N_("This round is closed: it takes no more answers, so no new links."));
		goto out;
	}
	if (r == 3 || r == 4) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, _("No link was made: %s."), err.buf);
		strbuf_reset(&err);
		ret = web_error(res, r == 3 ? 422 : 409, sb.buf);
		goto out;
	}
	if (r)
		goto out;
	ret = rounds_page(req, res, 200, p, in, NULL, &links, survey);
out:
	if (ret && err.len)
		fprintf(stderr, "trellis serve: survey links: %s\n", err.buf);
	survey_links_release(&links);
	strbuf_release(&err);
	strbuf_release(&sb);
	return ret;
}

/*
 * action=close, closed=DATE (optional, today by default): the round ends on
 * that day, which may not be before it opened; a bad date comes back (422)
 * beside the field.
 */
static int
round_close(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in)
{
	const char *survey = web_form(req, "survey"), *closed = web_form(req, "closed");
	const struct survey *sv = survey_find(in, survey);
	struct strbuf err = STRBUF_INIT, after = STRBUF_INIT, path = STRBUF_INIT;
	form_errors errs = { NULL, 0, 0 };
	char day_text[DATE_BUFSZ], opened[DATE_WORDS_BUFSZ];
	tdate day = date_today();
	struct store_audit_entry a;
	struct store *st;
	int r = 0, gave_up = 0, ret = -1;

	if (sv == NULL)
		return web_error(res, 404, N_("No such survey round."));
	close_field(sv, &path);
	date_format_words_lang(sv->opened, lang_code(req->lang), opened);
	if (closed && *closed && date_parse(closed, &day) == -1)
		form_error_add(&errs, path.buf, _("Give the day the round closed as a date (YYYY-MM-DD)."));
	else if (day < sv->opened) {
		strbuf_reset(&err);
		strbuf_addf(&err, _("The round opened on %s: it cannot close before that."), opened);
		form_error_add(&errs, path.buf, err.buf);
		strbuf_reset(&err);
	}
	if (errs.n)
		goto invalid;
	if ((st = web_store(req, &err)) == NULL)
		goto out;
	date_format(day, day_text);
	strbuf_addf(&after, "{\"closed\":\"%s\"}", day_text);
	a = web_audit(req, "update", "surveys", in->slug, survey, "{\"closed\":null}", after.buf);
	r = app_survey_close(st, in->slug, survey, day, &a, &gave_up, &err);
	if (r == -1 && gave_up)
		ret = web_busy(res);
	else if (r == 1)
		ret = web_error(res, 404, N_("No such survey round."));
	else if (r == 2)
		ret = web_error(res, 409, N_("This round is closed already."));
	else if (r == 3) {
		/* it opened later meanwhile (another writer): say so beside the date */
		form_error_add(&errs, path.buf, _("The round opened after this date: it cannot close "
		    "before it opened."));
		goto invalid;
	}
	if (r)
		goto out;
	web_redirect(res, round_path(req, in->slug));
	ret = 0;
	goto out;
invalid:
	ret = rounds_page(req, res, 422, p, in, &errs, NULL, NULL);
out:
	if (ret && err.len)
		fprintf(stderr, "trellis serve: close a survey round: %s\n", err.buf);
	VEC_FREE(&errs);
	strbuf_release(&err);
	strbuf_release(&after);
	strbuf_release(&path);
	return ret;
}

int
h_survey_rounds_post(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const char *action = web_form(req, "action");
	const struct initiative *in;

	if (wp == NULL)
		return -1;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL)
		return web_error(res, 404, N_("No such initiative."));
	if (action && strcmp(action, "open") == 0)
		return round_open(req, res);
	if (action && strcmp(action, "invite") == 0)
		return round_invite(req, res, &wp->program, in);
	if (action && strcmp(action, "close") == 0)
		return round_close(req, res, &wp->program, in);
	return web_error(res, 400, N_("Unknown action."));
}

/* ---------------------------------------------------------------- results */

/* The latest survey of in with sv's instrument opened before sv, or NULL. */
static const struct survey *
round_before(const struct initiative *in, const struct survey *sv)
{
	const struct survey *best = NULL;

	for (size_t i = 0; i < in->surveys.n; i++) {
		const struct survey *o = &in->surveys.v[i];

		if (o == sv || o->instrument.idx != sv->instrument.idx || o->opened >= sv->opened)
			continue;
		if (best == NULL || o->opened > best->opened)
			best = o;
	}
	return best;
}

/* fetch (the round, the one before) → compute (metrics_survey_results) → render */
int
h_survey_results(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;
	const struct survey *sv, *prev;
	struct survey_results now, before;
	struct survey_results_page pg;
	struct strbuf title = STRBUF_INIT;
	struct frame fr;
	struct html h;
	int has_before = 0;

	if (wp == NULL)
		return -1;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL)
		return web_error(res, 404, N_("No such initiative."));
	if ((sv = survey_find(in, req->id)) == NULL)
		return web_error(res, 404, N_("No such survey round."));
	metrics_survey_results_init(&now);
	metrics_survey_results_init(&before);
	if (metrics_survey_results(&wp->program, in, sv->instrument.idx, sv->id, DATE_NONE,
	    DATE_NONE, &now)) {
		metrics_survey_results_release(&now);
		return web_error(res, 404, N_("No results for this survey round."));
	}
	if ((prev = round_before(in, sv)) != NULL)
		has_before = metrics_survey_results(&wp->program, in, prev->instrument.idx,
		    prev->id, DATE_NONE, DATE_NONE, &before) == 0;
	strbuf_addf(&title, _("Results of survey round %s"), sv->id);
	page_frame(&fr, req, &wp->program, title.buf, in, TAB_SURVEYS);
	pg = (struct survey_results_page){ .frame = &fr, .slug = in->slug, .sv = sv, .prev = prev,
	    .now = &now, .before = has_before ? &before : NULL };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	survey_results_write(&h, &pg);
	page_send(res, 200);
	metrics_survey_results_release(&now);
	metrics_survey_results_release(&before);
	strbuf_release(&title);
	return 0;
}
