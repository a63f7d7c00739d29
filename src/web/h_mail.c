/*
 * Unsubscribing from mail (docs/mail.md): the List-Unsubscribe link of
 * every mail. GET shows what the link does and a button; POST (the button,
 * or a mail provider's RFC 8058 one-click POST, which carries no session)
 * records that the address wants no more mail. The token is the address
 * signed with the mail key, so a link works for its own address only.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../mail/mail.h"
#include "../store/outbox.h"
#include "../util/strbuf.h"
#include "page.h"
#include "router.h"
#include "web.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* The address the route's token is for; -1 (404 answered) for a bad one. */
static int
unsubscribe_address(struct web_request *req, struct web_response *res, struct strbuf *addr)
{
	struct mail_keys k;
	struct strbuf err = STRBUF_INIT;
	int r = -1;

	if (req->id && mail_keys_open(web_db_path(), 0, &k, &err) == 0)
		r = mail_unsubscribe_check(&k, req->id, addr);
	sodium_memzero(&k, sizeof(k));
	strbuf_release(&err);
	if (r != 0)
		web_error(res, 404, N_("This unsubscribe link is not one Trellis made, or it was "
		    "cut short. Copy the whole link from the mail."));
	return r;
}

int
h_unsubscribe(struct web_request *req, struct web_response *res)
{
	struct strbuf addr = STRBUF_INIT, action = STRBUF_INIT;
	struct page pg;

	if (unsubscribe_address(req, res, &addr) == 0) {
		page_begin(&pg, res, NULL, _("Stop mail from Trellis"), NULL, TAB_NONE);
		html_open(&pg.h, "p", NULL);
		/* TRANSLATORS: an email address follows, in bold */
		html_text(&pg.h, _("Trellis will send no more mail to "));
		html_elem(&pg.h, "strong", addr.buf);
		/* TRANSLATORS: after the email address */
		html_text(&pg.h, _(": no survey links, no notices. You can still sign in "
		    "and see everything there."));
		html_close(&pg.h);
		strbuf_addf(&action, "/unsubscribe/%s", req->id);
		html_open(&pg.h, "form", "method", "post", "action", action.buf, NULL);
		page_csrf_field(&pg.h, req);
		html_void(&pg.h, "input", "type", "hidden", "name", "List-Unsubscribe",
		    "value", "One-Click", NULL);
		html_open(&pg.h, "button", "type", "submit", NULL);
		html_text(&pg.h, _("Stop mail"));
		html_close(&pg.h);
		html_close(&pg.h);
		page_end(&pg);
	}
	strbuf_release(&addr);
	strbuf_release(&action);
	return 0;
}

int
h_unsubscribe_post(struct web_request *req, struct web_response *res)
{
	struct strbuf addr = STRBUF_INIT, err = STRBUF_INIT;
	struct store *st;
	struct page pg;
	int gave_up = 0;

	if (unsubscribe_address(req, res, &addr) == 0) {
		if ((st = web_store(req, &err)) == NULL ||
		    mail_optout(st, addr.buf, (int64_t)time(NULL), &gave_up, &err)) {
			fprintf(stderr, "trellis serve: unsubscribing: %s\n", err.buf);
			if (gave_up)
				web_busy(res);
			else
				web_error(res, 503, N_("Trellis could not record this just now. "
				    "Try again in a minute."));
		} else {
			page_begin(&pg, res, NULL, _("No more mail"), NULL, TAB_NONE);
			html_open(&pg.h, "p", NULL);
			/* TRANSLATORS: an email address follows, in bold */
			html_text(&pg.h, _("Trellis will send no more mail to "));
			html_elem(&pg.h, "strong", addr.buf);
			/* TRANSLATORS: after the email address, the end of the sentence */
			html_text(&pg.h, C_("unsubscribed", "."));
			html_close(&pg.h);
			page_end(&pg);
		}
	}
	strbuf_release(&addr);
	strbuf_release(&err);
	return 0;
}
