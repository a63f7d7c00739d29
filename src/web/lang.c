/*
 * The language of a page (docs/i18n.md; web.h's web_lang_choose). In order:
 *
 *	?lang=CODE	the switch in every page's frame: shown now, remembered
 *			in the "lang" cookie, and saved as a signed-in person's
 *			own setting (not when the link came from another site:
 *			Sec-Fetch-Site cross-site)
 *	the person's own setting (users.lang: /account, or the switch)
 *	the "lang" cookie (someone not signed in who used the switch)
 *	Accept-Language (q-values; util/i18n.c)
 *	the program's default (the setting "lang", en unless set)
 *
 * A survey link's answer page then prefers its invitation's language
 * (web_lang_prefer) to everything but ?lang=.
 */
#include <stdio.h>
#include <string.h>

#include "../app/write.h"
#include "../store/outbox.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "web.h"
#include "../util/banned.h"

#define LANG_COOKIE "lang"

/* Whether the switch's link came from this site (or was typed): then it may save. */
static int
same_site(const struct web_request *req)
{
	return req->sec_fetch_site == NULL || strcmp(req->sec_fetch_site, "same-origin") == 0 ||
	    strcmp(req->sec_fetch_site, "none") == 0;
}

/* The account's own language, stored (an app_txn_fn: one write of the one loop). */
struct lang_write {
	const char *email, *code;
};

static int
lang_store(struct store *s, void *arg, struct strbuf *err)
{
	const struct lang_write *w = arg;

	return store_user_lang_set(s, w->email, w->code, err) < 0 ? -1 : 0;
}

/*
 * ?lang=CODE: remembered in the cookie and, signed in, as the person's own
 * setting. That write is run again on a conflict (app_txn_run); after the
 * last the page is still shown in the language chosen (the cookie keeps
 * it) and the failure logged: the page asked for is a read, and refusing
 * it for a preference would lose the page (docs/postgresql.md).
 */
static void
remember(struct web_request *req, struct web_response *res, int lang)
{
	struct strbuf sb = STRBUF_INIT;
	struct lang_write w = { req->user.email, lang_code(lang) };
	struct store *st;

	strbuf_addf(&sb, LANG_COOKIE "=%s; Path=/; Max-Age=31536000; SameSite=Lax%s",
	    lang_code(lang), web_dev_cookie() ? "" : "; Secure");
	web_header_add(res, "Set-Cookie", sb.buf);
	strbuf_reset(&sb);
	if (req->authenticated && req->user.email && !req->api && same_site(req) &&
	    (req->user.lang == NULL || lang_parse(req->user.lang) != lang) &&
	    (st = web_store(req, &sb)) != NULL) {
		/* a choice that cannot be saved now is still shown: the cookie keeps it */
		if (app_txn_run(st, lang_store, &w, NULL, &sb) != 0)
			fprintf(stderr, "trellis serve: saving a language: %s\n", sb.buf);
		else
			req->user.lang = lang_code(lang);
	}
	strbuf_release(&sb);
}

/*
 * The language of req (web.h). early: for a refusal made before the
 * request is read (web_lang_choose_early), which neither remembers ?lang=
 * nor reads the program for its default: a refusal reads and writes
 * nothing more.
 */
static void
choose(struct web_request *req, struct web_response *res, int early)
{
	const char *q = web_query(req, "lang");
	const struct web_program *wp;
	int lang = -1;

	req->lang_explicit = 0;
	if (q && (lang = lang_parse(q)) >= 0 && i18n_available(lang)) {
		req->lang_explicit = 1;
		if (!early)
			remember(req, res, lang);
	} else
		lang = -1;
	if (lang < 0 && req->authenticated && req->user.lang)
		lang = lang_parse(req->user.lang);
	if (lang < 0)
		lang = lang_parse(web_cookie(req, LANG_COOKIE));
	if (lang < 0)
		lang = lang_from_accept(web_header(req, "Accept-Language"));
	/* the program's default: read only for pages, which read the program anyway */
	if (lang < 0 && !early && !req->api &&
	    strncmp(req->path ? req->path : "", "/static/", 8) != 0 &&
	    (wp = web_program(req)) != NULL)
		lang = (int)wp->settings.lang;
	/* the API speaks English whatever is asked: its messages (a field's problem) are part of its contract */
	if (req->api)
		lang = LANG_EN;
	req->lang = i18n_use(lang < 0 ? LANG_EN : lang);
}

void
web_lang_choose(struct web_request *req, struct web_response *res)
{
	choose(req, res, 0);
}

void
web_lang_choose_early(struct web_request *req, struct web_response *res)
{
	choose(req, res, 1);
}

void
web_lang_prefer(struct web_request *req, int lang)
{
	if (req->lang_explicit || lang < 0)
		return;
	req->lang = i18n_use(lang);
}
