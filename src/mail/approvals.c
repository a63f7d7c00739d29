/*
 * The mail of a ledger entry awaiting approval (mail.h, docs/approvals.md):
 * when it is entered pending, to the accounts of the organizations that
 * hold A for "approve budget"; after the first approval, to those of the
 * other member organizations. Only accounts that may approve there get it
 * (store_approval_recipients: admins, the initiative's members); what it
 * says is what the approvals page shows them, in each recipient's language.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "../store/outbox.h"
#include "../store/store.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../view/html.h"
#include "mail.h"
#include "../util/banned.h"

/* The mail of ma in the language in use. */
static void
compose(const struct mail_approval *ma, const char *base_url, const char *in,
    struct strbuf *subject, struct strbuf *text, struct strbuf *html)
{
	struct strbuf link = STRBUF_INIT, sb = STRBUF_INIT, what = STRBUF_INIT;

	mail_link(&link, base_url, in, "/program/approvals");
	/* TRANSLATORS: the initiative, the ledger entry's id, its amount */
	strbuf_addf(subject, _("%s: ledger entry %s (%s) awaits your organization's approval"),
	    ma->initiative_name, ma->id, ma->amount);
	/* the amount, and the purpose after a comma when there is one */
	strbuf_addstr(&what, ma->amount);
	if (ma->purpose)
		strbuf_addf(&what, ", %s", ma->purpose);
	if (ma->second)
		/* TRANSLATORS: the entry's id, the initiative, its amount and purpose */
		strbuf_addf(&sb, _("Ledger entry %s of %s, %s, needs a second organization's "
		    "approval before it counts in the figures. Your organization may give it."),
		    ma->id, ma->initiative_name, what.buf);
	else
		/* TRANSLATORS: the entry's id, the initiative, its amount and purpose */
		strbuf_addf(&sb, _("Ledger entry %s of %s, %s, needs the approval of an "
		    "organization holding A for \"approve budget\", then a second, before it counts "
		    "in the figures. Your organization may give it."),
		    ma->id, ma->initiative_name, what.buf);
	strbuf_addf(text, "%s\n\n%s\n\n%s\n%s\n", _("Hello,"), sb.buf,
	    _("Approve or reject it here:"), link.buf);
	strbuf_addstr(html, "<p>");
	html_escape(html, _("Hello,"));
	strbuf_addstr(html, "</p>\n<p>");
	html_escape(html, sb.buf);
	strbuf_addstr(html, "</p>\n<p><a href=\"");
	html_escape(html, link.buf);
	strbuf_addstr(html, "\">");
	html_escape(html, _("Approve or reject it"));
	strbuf_addstr(html, "</a></p>\n");
	strbuf_release(&link);
	strbuf_release(&sb);
	strbuf_release(&what);
}

int
mail_approval_queue(struct store *s, const char *db, const char *base_url,
    const struct mail_approval *ma, time_t now, size_t *queued, struct strbuf *err)
{
	struct store_slugs to = { NULL, 0, 0 };
	/* the mail in each language a recipient reads (mail_lang), made when first needed */
	struct strbuf subject[LANG__MAX], text[LANG__MAX], html[LANG__MAX];
	struct strbuf topic = STRBUF_INIT;
	struct mail_keys keys;
	const char *in;
	int made[LANG__MAX] = { 0 };
	int r, ret = -1, open = 0, was = i18n_current();

	*queued = 0;
	if (base_url == NULL || ma->norgs == 0)
		return 0;
	for (int l = 0; l < LANG__MAX; l++) {
		strbuf_init(&subject[l], 0);
		strbuf_init(&text[l], 0);
		strbuf_init(&html[l], 0);
	}
	for (size_t i = 0; i < ma->norgs; i++)
		if (store_approval_recipients(s, ma->initiative, ma->orgs[i], &to, err))
			goto out;
	if (to.n == 0) {
		ret = 0;
		goto out;
	}
	if (mail_link_program(s, ma->program, &in, err) || mail_keys_open(db, 1, &keys, err))
		goto out;
	open = 1;
	strbuf_addf(&topic, "%s/%s", ma->slug, ma->id);
	for (size_t i = 0; i < to.n; i++) {
		struct mail m = {
			.kind = "approval-awaited", .topic = topic.buf, .to = to.v[i],
			.base_url = base_url,
		};
		int seen = 0, l;

		/* an account acting for two of the organizations gets one mail */
		for (size_t j = 0; j < i; j++)
			seen |= strcmp(to.v[j], to.v[i]) == 0;
		if (seen || !mail_address_ok(to.v[i]))
			continue;
		l = i18n_use(mail_lang(s, ma->program, to.v[i]));
		if (!made[l]++)
			compose(ma, base_url, in, &subject[l], &text[l], &html[l]);
		m.subject = subject[l].buf;
		m.text = text[l].buf;
		m.html = html[l].buf;
		r = mail_queue(s, &keys, &m, now, err);
		i18n_use(was);
		if (r < 0)
			goto out;
		*queued += r == 0;	/* 1: an address that asked for no mail */
		strbuf_reset(err);
	}
	ret = 0;
out:
	if (open)
		sodium_memzero(&keys, sizeof(keys));
	for (size_t i = 0; i < to.n; i++)
		free(to.v[i]);
	VEC_FREE(&to);
	for (int l = 0; l < LANG__MAX; l++) {
		strbuf_release(&subject[l]);
		strbuf_release(&text[l]);
		strbuf_release(&html[l]);
	}
	strbuf_release(&topic);
	return ret;
}
