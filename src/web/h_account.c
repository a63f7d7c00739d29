/*
 * "Your settings" (/account): every signed-in person's own page, for now
 * their choice of a mail digest (docs/mail.md). Fetch, compute, render:
 * the page is src/view/account_page.c.
 */
#include <stdio.h>
#include <string.h>

#include "../app/write.h"
#include "../store/outbox.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../view/account_page.h"
#include "page.h"
#include "router.h"
#include "web.h"
#include "../util/banned.h"

/* The signed-in person's role in words, in req's arena. */
static const char *
role_words(struct web_request *req)
{
	const struct web_program *wp;
	const struct initiative *in = NULL;
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	switch (req->user.role) {
	case WEB_ADMIN:
		return _("admin of the program");
	case WEB_EVALUATOR:
		return _("evaluator of the program");
	default:
		break;
	}
	if (req->user.initiative && (wp = web_program(req)) != NULL)
		in = program_initiative(&wp->program, req->user.initiative);
	strbuf_addf(&sb, req->user.role == WEB_MEMBER ? _("member of %s") : _("viewer of %s"),
	    in ? in->name : req->user.initiative ? req->user.initiative : _("an initiative"));
	out = web_strdup(req, sb.buf);
	strbuf_release(&sb);
	return out;
}

static int
account_show(struct web_request *req, struct web_response *res, int saved)
{
	struct account_page ap = {
		.email = req->user.email, .csrf = req->csrf_token ? req->csrf_token : "",
		.saved = saved, .mail_on = web_mail_on(), .lang = req->user.lang,
	};
	struct strbuf err = STRBUF_INIT;
	struct store *st;
	struct page pg;
	int r = -1;

	if (!req->authenticated || req->user.email == NULL)
		return web_error(res, 404, _("Your settings belong to a signed-in account."));
	if ((st = web_store(req, &err)) != NULL)
		r = store_digest_get(st, req->user.email, &ap.digest, &err);
	strbuf_release(&err);
	if (r < 0)
		return web_error(res, 503, _("Your settings cannot be read just now. Try again in a minute."));
	ap.role = role_words(req);
	page_begin(&pg, res, NULL, _("Your settings"), NULL, TAB_NONE);
	account_page(&pg.h, &ap);
	page_end(&pg);
	return 0;
}

int
h_account(struct web_request *req, struct web_response *res)
{
	const char *saved = web_query(req, "saved");

	return account_show(req, res, saved != NULL && strcmp(saved, "1") == 0);
}

/* The account's choices saved, as a write (app_txn_run): 0, 1 no such account, -1. */
struct choice_write {
	const char *email, *digest, *lang;
};

static int
choice_change(struct store *st, void *arg, struct strbuf *err)
{
	struct choice_write *w = arg;
	int r;

	if ((r = store_digest_set(st, w->email, w->digest, err)) == 0 && w->lang)
		r = store_user_lang_set(st, w->email, *w->lang ? w->lang : NULL, err);
	return r < 0 ? -1 : r;
}

int
h_account_post(struct web_request *req, struct web_response *res)
{
	const char *digest = web_form(req, "digest"), *lang = web_form(req, "lang");
	struct strbuf err = STRBUF_INIT;
	struct choice_write w = { req->user.email, digest, lang };
	struct store *st;
	int r, gave_up = 0;

	if (!req->authenticated || req->user.email == NULL)
		return web_error(res, 404, _("Your settings belong to a signed-in account."));
	if (digest == NULL || (strcmp(digest, "none") != 0 && strcmp(digest, "daily") != 0 &&
	    strcmp(digest, "weekly") != 0))
		return web_error(res, 422, _("Choose one of: no digest, daily or weekly."));
	/* the language: "" none (the browser's, else the program's), else a code we have */
	if (lang && *lang && (lang_parse(lang) < 0 || strcmp(lang, lang_codes[lang_parse(lang)])))
		return web_error(res, 422, _("Choose one of the languages listed."));
	if ((st = web_store(req, &err)) == NULL ||
	    (r = app_txn_run(st, choice_change, &w, &gave_up, &err)) < 0) {
		fprintf(stderr, "trellis serve: account: %s\n", err.buf);
		strbuf_release(&err);
		if (gave_up)
			return web_busy(res);
		return web_error(res, 503, _("Your choice could not be saved just now. Try again in a minute."));
	}
	strbuf_release(&err);
	if (r == 1)
		return web_error(res, 404, _("There is no account to save this for."));
	/* the account's choice decides from now: a switch's cookie from before goes */
	if (lang)
		web_header_add(res, "Set-Cookie", "lang=; Path=/; Max-Age=0; SameSite=Lax");
	web_redirect(res, "/account?saved=1");
	return 0;
}
