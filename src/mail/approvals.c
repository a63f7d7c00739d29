/*
 * The mail of a ledger entry awaiting approval (mail.h, docs/approvals.md):
 * when it is entered pending, to the accounts of the organizations that
 * hold A for "approve budget"; after the first approval, to those of the
 * other member organizations. Only accounts that may approve there get it
 * (store_approval_recipients: admins, the initiative's members); what it
 * says is what the approvals page shows them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "../store/outbox.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../view/html.h"
#include "mail.h"
#include "../util/banned.h"

static void
compose(const struct mail_approval *ma, const char *base_url, const char *in,
    struct strbuf *subject, struct strbuf *text, struct strbuf *html)
{
	struct strbuf link = STRBUF_INIT, sb = STRBUF_INIT;

	mail_link(&link, base_url, in, "/program/approvals");
	strbuf_addf(subject, "%s: ledger entry %s (%s) awaits your organization's approval",
	    ma->initiative_name, ma->id, ma->amount);
	strbuf_addf(&sb, "Ledger entry %s of %s, %s%s%s, needs %s approval before it counts in "
	    "the figures. Your organization may give it.", ma->id, ma->initiative_name, ma->amount,
	    ma->purpose ? ", " : "", ma->purpose ? ma->purpose : "",
	    ma->second ? "a second organization's" : "the approval of an organization holding A "
	    "for \"approve budget\", then a second");
	strbuf_addf(text, "Hello,\n\n%s\n\nApprove or reject it here:\n%s\n", sb.buf, link.buf);
	strbuf_addstr(html, "<p>Hello,</p>\n<p>");
	html_escape(html, sb.buf);
	strbuf_addstr(html, "</p>\n<p><a href=\"");
	html_escape(html, link.buf);
	strbuf_addstr(html, "\">Approve or reject it</a></p>\n");
	strbuf_release(&link);
	strbuf_release(&sb);
}

int
mail_approval_queue(struct store *s, const char *db, const char *base_url,
    const struct mail_approval *ma, time_t now, size_t *queued, struct strbuf *err)
{
	struct store_slugs to = { NULL, 0, 0 };
	struct strbuf subject = STRBUF_INIT, text = STRBUF_INIT, html = STRBUF_INIT;
	struct strbuf topic = STRBUF_INIT;
	struct mail_keys keys;
	const char *in;
	int r, ret = -1, open = 0;

	*queued = 0;
	if (base_url == NULL || ma->norgs == 0)
		return 0;
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
	compose(ma, base_url, in, &subject, &text, &html);
	strbuf_addf(&topic, "%s/%s", ma->slug, ma->id);
	for (size_t i = 0; i < to.n; i++) {
		struct mail m = {
			.kind = "approval-awaited", .topic = topic.buf, .to = to.v[i],
			.subject = subject.buf, .text = text.buf, .html = html.buf,
			.base_url = base_url,
		};
		int seen = 0;

		/* an account acting for two of the organizations gets one mail */
		for (size_t j = 0; j < i; j++)
			seen |= strcmp(to.v[j], to.v[i]) == 0;
		if (seen || !mail_address_ok(to.v[i]))
			continue;
		if ((r = mail_queue(s, &keys, &m, now, err)) < 0)
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
	strbuf_release(&subject);
	strbuf_release(&text);
	strbuf_release(&html);
	strbuf_release(&topic);
	return ret;
}
