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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "page.h"
#include "ratelimit.h"
#include "records.h"
#include "router.h"
#include "../app/answers.h"
#include "../app/edit.h"
#include "../metrics/survey.h"
#include "../model/fields.h"
#include "../model/validate.h"
#include "../store/store.h"
#include "../store/survey_rounds.h"
#include "../view/figures.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/* The five answers, in words (DESIGN §4: 1..5). */
static const char *const answer_words[5] = {
	"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"
};

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

static void
date_words(struct html *h, tdate d)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	char buf[DATE_BUFSZ];
	int y, m, dd;

	date_format(d, buf);
	if (sscanf(buf, "%d-%d-%d", &y, &m, &dd) == 3 && m >= 1 && m <= 12)
		html_textf(h, "%d %s %d", dd, months[m - 1], y);
	else
		html_text(h, buf);
}

/* ---------------------------------------------------------------- the answer form */

/* The page of a link that cannot answer: status, heading and what to do. */
static int
link_page(struct web_response *res, int status, const char *title, const char *text)
{
	struct page pg;

	page_begin(&pg, res, NULL, title, NULL, TAB_NONE);
	res->status = status;
	html_elem(&pg.h, "p", text);
	page_end(&pg);
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
	snprintf(text, sizeof(text), "Too many survey links that do not work came from your "
	    "network. Please wait %lld minute%s, then open your link again.", min,
	    min == 1 ? "" : "s");
	link_page(res, 429, "Too many tries", text);
	web_header_add(res, "Retry-After", secs);
	return 1;
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
	/* only the address is counted: never the token, never a link that works */
	if (r == 1 || inv->used)
		web_ratelimit_fail(&link_limit, req->addr, (int64_t)time(NULL));
	if (r == 1) {
		link_page(res, 404, "This link does not work",
		    "This survey link is not one we know. Check that it was copied whole, "
		    "or ask the person who sent it for a new one.");
		goto out;
	}
	if (inv->used) {
		link_page(res, 410, "This link has been used",
		    "Answers were already sent with this link, and each link answers once. "
		    "Thank you for taking part. If you have not answered yet, ask for a new link.");
		goto out;
	}
	if (inv->closed) {
		link_page(res, 410, "This survey has closed",
		    "This survey round is closed and takes no more answers. Thank you all the same.");
		goto out;
	}
	/* the catalog: /s/ names no initiative */
	if ((*wp = web_program(req)) == NULL) {
		ret = -1;
		goto out;
	}
	*in = program_initiative(&(*wp)->program, inv->initiative);
	if (*in == NULL || (*ins = program_instrument(&(*wp)->program, inv->instrument)) == NULL) {
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

/* Writes the answer form; errs (may be NULL) and what was typed come back on a 422. */
static void
answer_form(struct web_request *req, struct web_response *res, const struct initiative *in,
    const struct instrument *ins, const struct store_invitation *inv, const form_errors *errs)
{
	struct strbuf action = STRBUF_INIT, id = STRBUF_INIT, eid = STRBUF_INIT;
	struct page pg;
	struct html *h;

	page_begin(&pg, res, NULL, ins->title ? ins->title : "Survey", NULL, TAB_NONE);
	h = &pg.h;
	html_open(h, "div", "class", "survey-intro", NULL);
	html_open(h, "p", NULL);
	html_text(h, "This short survey is about how the partners of ");
	html_elem(h, "strong", in->name ? in->name : in->slug);
	html_textf(h, " work together. You were invited as %s %s. For each statement, choose how "
	    "much you agree. There are no right or wrong answers.",
	    inv->group == GROUP_PARTNER ? "a" : "the",
	    inv->group == GROUP_BACKBONE ? "backbone organization's staff" :
	    inv->group == GROUP_DIRECTOR ? "initiative's director" : "partner");
	html_close(h);
	html_open(h, "p", "class", "note", NULL);
	html_text(h, "Your answers are anonymous: they are stored without your name, your email "
	    "or this link, and results are shown only for groups of at least 3 people. The "
	    "program's full backup keeps each set of answers with the group it came from "
	    "(backbone, director or partner), still without any name.");
	html_close(h);
	html_close(h);
	if (errs)
		form_error_summary(h, errs);
	strbuf_addf(&action, "/s/%s", req->id);
	html_open(h, "form", "method", "post", "action", action.buf, "class", "survey", NULL);
	page_csrf_field(h, req);
	for (size_t i = 0; i < ins->items.n; i++) {
		const struct instrument_item *it = &ins->items.v[i];
		const char *typed = web_form(req, it->code);
		const char *msg = NULL;

		for (size_t e = 0; errs && e < errs->n; e++)
			if (strcmp(errs->v[e].path, it->code) == 0)
				msg = errs->v[e].msg;
		strbuf_reset(&eid);
		strbuf_addf(&eid, "%s-error", it->code);
		html_open(h, "fieldset", "id", it->code, "class", msg ? "field question invalid" :
		    "field question", "aria-describedby", msg ? eid.buf : NULL, NULL);
		html_open(h, "legend", NULL);
		html_textf(h, "%zu. ", i + 1);
		html_text(h, it->text);
		html_close(h);
		if (msg) {
			html_open(h, "p", "class", "error", "id", eid.buf, NULL);
			html_elem(h, "span", "Error: ");
			html_text(h, msg);
			html_close(h);
		}
		html_open(h, "div", "class", "scale", NULL);
		for (int v = 1; v <= 5; v++) {
			char val[2] = { (char)('0' + v), '\0' };

			strbuf_reset(&id);
			strbuf_addf(&id, "%s-%d", it->code, v);
			html_open(h, "label", "for", id.buf, NULL);
			html_void(h, "input", "type", "radio", "id", id.buf, "name", it->code,
			    "value", val, "required", "",
			    "checked", typed && strcmp(typed, val) == 0 ? "" : NULL, NULL);
			html_text(h, answer_words[v - 1]);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Send my answers");
	html_close(h);
	html_close(h);
	page_end(&pg);
	strbuf_release(&action);
	strbuf_release(&id);
	strbuf_release(&eid);
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
	int r, ret = -1;

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
			    "Choose one answer, from strongly disagree to strongly agree.");
		else if (v[0] < '1' || v[0] > '5' || v[1] != '\0')
			form_error_add(&errs, ins->items.v[i].code,
			    "That is not one of the five answers: choose one from strongly "
			    "disagree to strongly agree.");
		else
			answers[i].value = v[0] - '0';
	}
	if (errs.n) {
		answer_form(req, res, in, ins, &inv, &errs);
		res->status = 422;
		ret = 0;
		goto out;
	}
	if ((st = web_store(req, &err)) == NULL)
		goto out;
	switch (app_survey_answer(st, req->id, answers, ins->items.n, &err)) {
	case STORE_ANSWER_OK:
		/* reports and results see the new response: it moved the data's version */
		web_redirect(res, "/s/thanks");
		ret = 0;
		break;
	case STORE_ANSWER_USED:
	case STORE_ANSWER_NONE:
		ret = link_page(res, 410, "This link has been used",
		    "Answers were already sent with this link, and each link answers once.");
		break;
	case STORE_ANSWER_CLOSED:
		ret = link_page(res, 410, "This survey has closed",
		    "This survey round is closed and takes no more answers.");
		break;
	default:
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
	(void)req;
	return link_page(res, 200, "Thank you",
	    "Your answers have been saved, without your name. You can close this page.");
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
 * The forms of one open round: make links for people of its team (a
 * checkbox each; who has a link already is shown, disabled), close (on a
 * date, today by default; errs may hold the date's problem, shown beside it).
 */
static void
round_forms(struct web_request *req, struct html *h, const char *action, const struct survey *sv,
    const struct survey_team *team, const form_errors *errs)
{
	struct strbuf id = STRBUF_INIT, eid = STRBUF_INIT;
	const char *msg = NULL, *typed = NULL;
	char today[DATE_BUFSZ];

	html_open(h, "form", "method", "post", "action", action, "class", "inline", NULL);
	page_csrf_field(h, req);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "invite", NULL);
	html_void(h, "input", "type", "hidden", "name", "survey", "value", sv->id, NULL);
	/* one link per person of the team, its group theirs (DESIGN §4) */
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", "Make links for");
	for (size_t i = 0; team && i < team->n; i++) {
		const struct survey_member *m = &team->v[i];

		strbuf_reset(&id);
		strbuf_addf(&id, "person-%s-%s", sv->id, m->person);
		html_open(h, "div", NULL);
		html_void(h, "input", "type", "checkbox", "id", id.buf, "name", "person",
		    "value", m->person, "disabled", m->has_link ? "" : NULL, NULL);
		html_open(h, "label", "for", id.buf, NULL);
		html_textf(h, "%s (%s)%s", m->name, group_names[m->group],
		    m->has_link ? ": has a link" : "");
		html_close(h);
		html_close(h);
	}
	if (team == NULL || team->n == 0)
		html_elem(h, "p", "Nobody is on the team yet: the team is the director and the "
		    "people of the backbone and of the member organizations.");
	html_close(h);
	html_elem(h, "button", "Make links");
	html_close(h);
	html_open(h, "form", "method", "post", "action", action, "class", "inline", NULL);
	page_csrf_field(h, req);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "close", NULL);
	html_void(h, "input", "type", "hidden", "name", "survey", "value", sv->id, NULL);
	strbuf_reset(&id);
	close_field(sv, &id);
	strbuf_addf(&eid, "%s-error", id.buf);
	for (size_t e = 0; errs && e < errs->n; e++)
		if (strcmp(errs->v[e].path, id.buf) == 0)
			msg = errs->v[e].msg;
	if (msg)
		typed = web_form(req, "closed");
	date_format(date_today(), today);
	html_open(h, "label", "for", id.buf, NULL);
	html_text(h, "Closed on");
	html_close(h);
	html_void(h, "input", "type", "date", "id", id.buf, "name", "closed",
	    "value", typed ? typed : today, "aria-invalid", msg ? "true" : NULL,
	    "aria-describedby", msg ? eid.buf : NULL, NULL);
	if (msg) {
		html_open(h, "p", "class", "error", "id", eid.buf, NULL);
		html_elem(h, "span", "Error: ");
		html_text(h, msg);
		html_close(h);
	}
	html_open(h, "button", "class", "secondary", NULL);
	html_text(h, "Close this round");
	html_close(h);
	html_close(h);
	strbuf_release(&id);
	strbuf_release(&eid);
}

/*
 * The rounds page: every survey of in, with its invitations and a link to
 * its results; for editors the forms. errs and typed (may be NULL) are an
 * open form that came back; links (may be NULL) the links just made.
 */
static int
rounds_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const form_errors *errs, const struct survey_links *links,
    const char *links_survey)
{
	const char *action = round_path(req, in->slug);
	int edit = records_may_edit(req);
	struct strbuf err = STRBUF_INIT, sb = STRBUF_INIT, def = STRBUF_INIT;
	struct store *st = web_store(req, &err);
	struct page pg;
	struct html *h;
	int ret = -1;

	if (st == NULL)
		goto out;
	page_begin(&pg, res, p, "Survey rounds", in, TAB_SURVEYS);
	h = &pg.h;
	/* how to invite is for those who can (issue 11, point 14): readers see what a round is */
	html_open(h, "p", NULL);
	html_text(h, "Each round asks one questionnaire of the team. ");
	if (edit)
		html_text(h, "Make one link for each person of the team: their group follows from "
		    "who they are, and a person gets one link per round. Give each link to its "
		    "person alone. An answer keeps no name. ");
	html_text(h, "While a round is open it shows only how many answers came before today; "
	    "results and the answers per group appear when it closes, with groups of at least "
	    "3 people.");
	html_close(h);
	if (links && links->n) {
		html_open(h, "section", "class", "notice", "aria-labelledby", "links", NULL);
		html_open(h, "h2", "id", "links", NULL);
		html_textf(h, "%zu new link%s for %s", links->n, links->n == 1 ? "" : "s",
		    links_survey);
		html_close(h);
		html_elem(h, "p", "Give each link to its person alone, now: they are shown only "
		    "this once. Each answers the survey once.");
		html_open(h, "ul", "class", "plain links", NULL);
		for (size_t i = 0; i < links->n; i++) {
			const struct survey_link *l = &links->v[i];

			/* a link a mailer sent to its person is never shown (survey_rounds.h) */
			if (l->mailed)
				continue;
			strbuf_reset(&sb);
			link_base(req, &sb);
			strbuf_addf(&sb, "/s/%s", l->token);
			html_open(h, "li", NULL);
			html_textf(h, "%s (%s): ", l->member.name, group_names[l->member.group]);
			html_elem(h, "code", sb.buf);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	if (errs)
		form_error_summary(h, errs);
	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", "Survey rounds",
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "rounds", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Round");
	html_elem(h, "th", "Questionnaire");
	html_elem(h, "th", "Opened");
	html_elem(h, "th", "Closed");
	html_open(h, "th", "class", "num", NULL); html_text(h, "Links made"); html_close(h);
	html_open(h, "th", "class", "num", NULL); html_text(h, "Responses"); html_close(h);
	html_elem(h, "th", "");
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < in->surveys.n; i++) {
		const struct survey *sv = &in->surveys.v[i];
		const struct instrument *ins = survey_instrument(p, sv);
		struct store_invitation_counts c;
		int64_t made = 0;

		if (store_survey_invitation_counts(st, in->slug, sv->id, date_today(), &c, &err))
			goto out;
		for (int g = 0; g < GROUP__MAX; g++)
			made += c.issued[g];
		html_open(h, "tr", NULL);
		html_elem(h, "td", sv->id);
		html_elem(h, "td", ins && ins->title ? ins->title : sv->instrument.slug);
		html_open(h, "td", NULL);
		date_words(h, sv->opened);
		html_close(h);
		html_open(h, "td", NULL);
		if (sv->closed == DATE_NONE)
			html_text(h, "open");
		else
			date_words(h, sv->closed);
		html_close(h);
		html_open(h, "td", "class", "num", NULL); html_textf(h, "%lld", (long long)made); html_close(h);
		/* open: only the count as of the start of today (DESIGN §4) */
		html_open(h, "td", "class", "num", NULL);
		if (sv->closed != DATE_NONE)
			html_textf(h, "%zu", sv->responses.n);
		else
			html_textf(h, "%lld before today", (long long)c.answers);
		html_close(h);
		html_open(h, "td", NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/surveys/%s/results", in->slug, sv->id);
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, "Results");
		html_close(h);
		html_close(h);
		html_close(h);
	}
	if (in->surveys.n == 0) {
		html_open(h, "tr", NULL);
		html_open(h, "td", "colspan", "7", NULL);
		html_text(h, "No survey rounds yet.");
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	for (size_t i = 0; edit && i < in->surveys.n; i++) {
		const struct survey *sv = &in->surveys.v[i];
		struct survey_team team = { NULL, 0, 0 };

		if (sv->closed != DATE_NONE)
			continue;
		if (store_survey_team(st, in->slug, sv->id, &team, &err) < 0)
			goto out;
		html_open(h, "section", "class", "round-open", NULL);
		html_open(h, "h2", NULL);
		html_textf(h, "Round %s is open", sv->id);
		html_close(h);
		round_forms(req, h, action, sv, &team, errs);
		html_close(h);
		survey_team_release(&team);
	}
	if (edit) {
		const char *typed_id = web_form(req, "id"), *typed_ins = web_form(req, "instrument");
		const char *typed_date = web_form(req, "opened");
		char today[DATE_BUFSZ];

		date_format(date_today(), today);
		store_survey_default_id(in, &def);
		html_open(h, "h2", NULL);
		html_text(h, "Open a round");
		html_close(h);
		html_open(h, "form", "method", "post", "action", action, "class", "stack", NULL);
		page_csrf_field(h, req);
		html_void(h, "input", "type", "hidden", "name", "action", "value", "open", NULL);
		html_open(h, "div", "class", "field", NULL);
		html_open(h, "label", "for", "instrument", NULL);
		html_text(h, "Questionnaire");
		html_close(h);
		html_open(h, "select", "id", "instrument", "name", "instrument", NULL);
		for (size_t i = 0; i < p->instruments.n; i++) {
			const struct instrument *ins = &p->instruments.v[i];

			html_open(h, "option", "value", ins->code, "selected",
			    typed_ins && strcmp(typed_ins, ins->code) == 0 ? "" : NULL, NULL);
			html_text(h, ins->title ? ins->title : ins->code);
			html_close(h);
		}
		html_close(h);
		html_close(h);
		html_open(h, "div", "class", "field", NULL);
		html_open(h, "label", "for", "id", NULL);
		html_text(h, "Round id");
		html_close(h);
		html_void(h, "input", "type", "text", "id", "id", "name", "id",
		    "value", typed_id && *typed_id ? typed_id : def.buf, NULL);
		html_close(h);
		html_open(h, "div", "class", "field", NULL);
		html_open(h, "label", "for", "opened", NULL);
		html_text(h, "Opened on");
		html_close(h);
		html_void(h, "input", "type", "date", "id", "opened", "name", "opened",
		    "value", typed_date && *typed_date ? typed_date : today, NULL);
		html_close(h);
		html_elem(h, "button", "Open the round");
		html_close(h);
	}
	page_end(&pg);
	ret = 0;
out:
	if (ret)
		fprintf(stderr, "trellis serve: survey rounds: %s\n", err.buf);
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
		return web_error(res, 404, "No such initiative.");
	return rounds_page(req, res, &wp->program, in, NULL, NULL, NULL);
}

/* action=open: a survey record with no responses, through the record write path. */
static int
round_open(struct web_request *req, struct web_response *res)
{
	const char *id = web_form(req, "id"), *ins = web_form(req, "instrument");
	const char *opened = web_form(req, "opened");
	struct app_change c = APP_CHANGE_INIT;
	struct strbuf err = STRBUF_INIT, ident = STRBUF_INIT;
	form_errors errs = { NULL, 0, 0 };
	struct records_write w;
	struct model_error e;
	struct survey sv;
	enum app_result r;
	tdate day = DATE_NONE;
	int ret = -1;

	if (records_write_begin(req, &w))
		goto out;
	if (w.aw.in == NULL) {
		ret = web_error(res, 404, "No such initiative.");
		goto out;
	}
	if (opened == NULL || date_parse(opened, &day) == -1)
		form_error_add(&errs, "opened", "Give the date the round opens, as a date.");
	if (ins == NULL || program_instrument(&w.aw.p, ins) == NULL)
		form_error_add(&errs, "instrument", "Choose a questionnaire.");
	if (id && *id)
		strbuf_addstr(&ident, id);
	else
		store_survey_default_id(w.aw.in, &ident);
	if (errs.n == 0) {
		memset(&sv, 0, sizeof(sv));
		sv.id = xstrdup(ident.buf);
		sv.instrument.slug = xstrdup(ins);
		sv.instrument.idx = REF_UNRESOLVED;
		sv.opened = day;
		sv.closed = DATE_NONE;
		r = app_add(w.aw.s, &w.aw.p, w.aw.in, &kind_survey, &sv, web_actor(req), &c, &e, &err);
		if (r == APP_OK && records_write_commit(&w))
			r = APP_ERROR;
		switch (r) {
		case APP_OK:
			web_redirect(res, round_path(req, w.aw.in->slug));
			ret = 0;
			goto out;
		case APP_INVALID:
			records_model_error(&errs, &e);
			break;
		default:
			goto out;
		}
	}
	res->status = 422;
	ret = rounds_page(req, res, &w.aw.p, w.aw.in, &errs, NULL, NULL);
	res->status = 422;
out:
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
 * team chosen, shown once (200: they cannot be shown again).
 */
static int
round_invite(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in)
{
	const char *survey = web_form(req, "survey");
	struct strbuf err = STRBUF_INIT, sb = STRBUF_INIT;
	struct survey_links links = { NULL, 0, 0 };
	struct store_audit_entry a;
	const char **people;
	size_t n = 0;
	struct store *st;
	int r, ret = -1;

	if (survey_find(in, survey) == NULL)
		return web_error(res, 404, "No such survey round.");
	if (web_form(req, "group") || web_form(req, "count"))
		return web_error(res, 422, "Links are made for people of the team now, not for a "
		    "group: choose the people (person=SLUG, one field each).");
	people = web_alloc(req, (req->form.n + 1) * sizeof(*people));
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].name, "person") == 0)
			people[n++] = req->form.v[i].value;
	if (n == 0)
		return web_error(res, 422, "Choose the people of the team to make links for.");
	if (n > SURVEY_INVITE_MAX)
		return web_error(res, 422, "Make at most 1000 links at a time.");
	if ((st = web_store(req, &err)) == NULL)
		goto out;
	/* how many links: never the links, never who they went to */
	strbuf_addf(&sb, "{\"links\":%zu}", n);
	a = web_audit(req, "create", "survey-invitations", in->slug, survey, NULL, sb.buf);
	r = store_survey_invite(st, in->slug, survey, people, n, &links, &a, &err);
	if (r == 1) {
		ret = web_error(res, 404, "No such survey round.");
		goto out;
	}
	if (r == 2) {
		ret = web_error(res, 409, "This round is closed: it takes no more answers, so no new links.");
		goto out;
	}
	if (r == 3 || r == 4) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "No link was made: %s.", err.buf);
		strbuf_reset(&err);
		ret = web_error(res, r == 3 ? 422 : 409, sb.buf);
		goto out;
	}
	if (r)
		goto out;
	ret = rounds_page(req, res, p, in, NULL, &links, survey);
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
	char day_text[DATE_BUFSZ], opened[DATE_BUFSZ];
	tdate day = date_today();
	struct store_audit_entry a;
	struct store *st;
	int r = 0, ret = -1;

	if (sv == NULL)
		return web_error(res, 404, "No such survey round.");
	close_field(sv, &path);
	date_format(sv->opened, opened);
	if (closed && *closed && date_parse(closed, &day) == -1)
		form_error_add(&errs, path.buf, "Give the day the round closed as a date (YYYY-MM-DD).");
	else if (day < sv->opened) {
		strbuf_reset(&err);
		strbuf_addf(&err, "The round opened on %s: it cannot close before that.", opened);
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
	r = store_survey_close(st, in->slug, survey, day, &a, &err);
	if (r == 1)
		ret = web_error(res, 404, "No such survey round.");
	else if (r == 2)
		ret = web_error(res, 409, "This round is closed already.");
	else if (r == 3) {
		/* it opened later meanwhile (another writer): say so beside the date */
		form_error_add(&errs, path.buf, "The round opened after this date: it cannot close "
		    "before it opened.");
		goto invalid;
	}
	if (r)
		goto out;
	web_redirect(res, round_path(req, in->slug));
	ret = 0;
	goto out;
invalid:
	res->status = 422;
	ret = rounds_page(req, res, p, in, &errs, NULL, NULL);
	res->status = 422;
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
		return web_error(res, 404, "No such initiative.");
	if (action && strcmp(action, "open") == 0)
		return round_open(req, res);
	if (action && strcmp(action, "invite") == 0)
		return round_invite(req, res, &wp->program, in);
	if (action && strcmp(action, "close") == 0)
		return round_close(req, res, &wp->program, in);
	return web_error(res, 400, "Unknown action.");
}

/* ---------------------------------------------------------------- results */

/* One aggregate in a cell: mean, band and n, or that it is not shown. */
static void
agg_cell(struct html *h, const struct survey_agg *a)
{
	if (!a->shown) {
		html_open(h, "td", "class", "suppressed", NULL);
		html_text(h, "not shown");
		html_close(h);
		return;
	}
	html_open(h, "td", "class", "num", NULL);
	html_textf(h, "%.2f", a->mean);
	html_open(h, "span", "class", a->band == SURVEY_BAND_STRENGTH ? "band strength" :
	    a->band == SURVEY_BAND_DISCUSS ? "band discuss" : "band concern", NULL);
	html_textf(h, " %s", survey_band_names[a->band]);
	html_close(h);
	html_open(h, "span", "class", "n", NULL);
	html_textf(h, " n = %lld", (long long)a->n);
	html_close(h);
	html_close(h);
}

/* A table of rows (items or categories) with each group, the gap and the change. */
static void
results_table(struct html *h, const char *label, const struct survey_row *rows, size_t n,
    const struct survey_results *before, int items, int change_col)
{
	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", label,
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "results", NULL);
	html_open(h, "caption", NULL);
	html_text(h, label);
	html_close(h);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", items ? "Statement" : "Category");
	html_elem(h, "th", "Everyone");
	html_elem(h, "th", "Backbone");
	html_elem(h, "th", "Director");
	html_elem(h, "th", "Partners");
	html_open(h, "th", "class", "num", NULL); html_text(h, "Gap"); html_close(h);
	html_open(h, "th", "class", "num", NULL);
	html_text(h, change_col == SURVEY_COL_ALL ? "Change" : "Change (partners)");
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < n; i++) {
		const struct survey_row *r = &rows[i];
		const struct survey_row *b = before ?
		    metrics_survey_row(before, r->code, r->code ? NULL : r->category) : NULL;
		static const int cols[] = { SURVEY_COL_ALL, SURVEY_COL_BACKBONE,
		    SURVEY_COL_DIRECTOR, SURVEY_COL_PARTNER };
		double delta;

		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_text(h, items ? r->text : (*r->category ? r->category : "(none)"));
		html_close(h);
		for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++)
			agg_cell(h, &r->col[cols[c]]);
		html_open(h, "td", "class", "num", NULL);
		if (r->has_gap)
			html_textf(h, "%+.2f", r->gap);
		else
			html_text(h, "—");
		html_close(h);
		html_open(h, "td", "class", "num", NULL);
		if (b && metrics_survey_change(b, r, change_col, &delta) == 0)
			html_textf(h, "%+.2f", delta);
		else
			html_text(h, "—");
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

/* How everyone's answers spread over the five choices, per statement shown. */
static void
distribution_table(struct html *h, const struct survey_results *r)
{
	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", "How the answers spread",
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "results", NULL);
	html_open(h, "caption", NULL);
	html_text(h, "How the answers spread (everyone)");
	html_close(h);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Statement");
	for (int v = 0; v < 5; v++) {
		html_open(h, "th", "class", "num", NULL);
		html_text(h, answer_words[v]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < r->items.n; i++) {
		const struct survey_agg *a = &r->items.v[i].col[SURVEY_COL_ALL];

		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_text(h, r->items.v[i].text);
		html_close(h);
		if (!a->shown) {
			html_open(h, "td", "colspan", "5", "class", "suppressed", NULL);
			html_text(h, "not shown");
			html_close(h);
		} else
			for (int v = 0; v < 5; v++) {
				html_open(h, "td", "class", "num", NULL);
				html_textf(h, "%lld", (long long)a->dist[v]);
				html_close(h);
			}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

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

int
h_survey_results(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;
	const struct survey *sv, *prev;
	struct survey_results now, before;
	struct strbuf title = STRBUF_INIT, back = STRBUF_INIT;
	int has_before = 0;
	struct page pg;
	struct html *h;

	if (wp == NULL)
		return -1;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL)
		return web_error(res, 404, "No such initiative.");
	if ((sv = survey_find(in, req->id)) == NULL)
		return web_error(res, 404, "No such survey round.");
	metrics_survey_results_init(&now);
	metrics_survey_results_init(&before);
	if (metrics_survey_results(&wp->program, in, sv->instrument.idx, sv->id, DATE_NONE,
	    DATE_NONE, &now)) {
		metrics_survey_results_release(&now);
		return web_error(res, 404, "No results for this survey round.");
	}
	if ((prev = round_before(in, sv)) != NULL)
		has_before = metrics_survey_results(&wp->program, in, prev->instrument.idx,
		    prev->id, DATE_NONE, DATE_NONE, &before) == 0;
	strbuf_addf(&title, "Results of survey %s", sv->id);
	page_begin(&pg, res, &wp->program, title.buf, in, TAB_SURVEYS);
	h = &pg.h;
	html_open(h, "p", NULL);
	html_text(h, now.instrument && now.instrument->title ? now.instrument->title : "");
	html_text(h, ". Opened ");
	date_words(h, sv->opened);
	if (sv->closed != DATE_NONE) {
		html_text(h, ", closed ");
		date_words(h, sv->closed);
	} else
		html_text(h, ", still open");
	if (now.open)
		html_text(h, ". Results and the answers per group appear when the round closes; "
		    "until then the rounds page counts the answers given before today.");
	else {
		html_textf(h, ". Responses: ");
		figure_survey_responses(&now, &back);
		html_textf(h, "%s.", back.buf);
		strbuf_reset(&back);
	}
	html_close(h);
	html_open(h, "p", "class", "note", NULL);
	html_textf(h, "Answers run from 1 (strongly disagree) to 5 (strongly agree). A mean of 4 or "
	    "more is a strength, 3 to 3.99 worth discussing, under 3 a concern. A group with fewer "
	    "than %d answers is never shown (\"not shown\"), nor a group whose answers could be "
	    "worked out from the others' (everyone's minus the rest), so no one's answers can be "
	    "picked out.", SURVEY_MIN_GROUP);
	html_text(h, " Gap: the backbone's mean minus the partners' (shown when both groups are).");
	if (prev)
		html_textf(h, " Change: against round %s.", prev->id);
	html_close(h);
	results_table(h, "By statement", now.items.v, now.items.n, has_before ? &before : NULL, 1,
	    metrics_survey_change_col(&now));
	results_table(h, "By category", now.categories.v, now.categories.n,
	    has_before ? &before : NULL, 0, metrics_survey_change_col(&now));
	distribution_table(h, &now);
	strbuf_addf(&back, "/i/%s/surveys/rounds", in->slug);
	html_open(h, "p", NULL);
	html_open(h, "a", "href", back.buf, NULL);
	html_text(h, "All survey rounds");
	html_close(h);
	html_close(h);
	page_end(&pg);
	metrics_survey_results_release(&now);
	metrics_survey_results_release(&before);
	strbuf_release(&title);
	strbuf_release(&back);
	return 0;
}
