/*
 * The mail of a survey link to its person (mail.h, docs/mail.md): what it
 * says, in text and HTML; the link itself goes in sealed.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "../model/model.h"
#include "../store/store.h"
#include "../store/survey_rounds.h"
#include "../util/strbuf.h"
#include "../view/figures.h"
#include "../view/html.h"
#include "mail.h"
#include "../util/banned.h"

/* Puts "NAME (SLUG): " before the message in err. */
static void
name_first(struct strbuf *err, const struct survey_link *l)
{
	struct strbuf t = STRBUF_INIT;

	strbuf_addf(&t, "%s (%s): %s", l->member.name, l->member.person, err->buf);
	strbuf_reset(err);
	strbuf_add(err, t.buf, t.len);
	strbuf_release(&t);
}

/* mail.h */
int
mail_survey_links(struct store *s, const char *db, const struct program *p, const char *id,
    struct survey_links *links, const char *url, size_t ulen, struct strbuf *err)
{
	const struct initiative *in = &p->initiatives.v[0];
	const struct survey *sv = NULL;
	const struct instrument *ins;
	struct strbuf text = STRBUF_INIT, html = STRBUF_INIT, subject = STRBUF_INIT;
	struct strbuf link = STRBUF_INIT, base = STRBUF_INIT;
	struct strbuf opened = STRBUF_INIT;
	struct mail_keys keys;
	time_t now = time(NULL);
	int ret = -1;

	for (size_t i = 0; i < in->surveys.n && sv == NULL; i++)
		if (in->surveys.v[i].id && strcmp(in->surveys.v[i].id, id) == 0)
			sv = &in->surveys.v[i];
	for (size_t i = 0; i < links->n; i++)
		if (!mail_address_ok(links->v[i].member.email)) {
			strbuf_reset(err);
			strbuf_addf(err, "%s (%s) has no mail address%s%s (add one, or make "
			    "their link without mail and hand it to them)",
			    links->v[i].member.name, links->v[i].member.person,
			    links->v[i].member.email ? ": " : "",
			    links->v[i].member.email ? links->v[i].member.email : "");
			goto out;
		}
	if (mail_keys_open(db, 1, &keys, err))
		goto out;
	ins = sv ? program_instrument(p, sv->instrument.slug) : NULL;
	strbuf_add(&base, url, ulen);
	if (sv)
		figure_date(sv->opened, &opened);
	strbuf_addf(&subject, "%s: a short survey for the team", in->name);
	for (size_t i = 0; i < links->n; i++) {
		struct survey_link *l = &links->v[i];
		struct mail m = {
			.kind = "survey-invitation", .to = l->member.email, .to_name = l->member.name,
			.subject = subject.buf, .base_url = base.buf,
		};
		int r;

		strbuf_reset(&text);
		strbuf_reset(&html);
		strbuf_reset(&link);
		strbuf_addf(&link, "%s/s/%s", base.buf, l->token);
		strbuf_addf(&text, "Hello %s,\n\n%s asks everyone on its team to answer a short "
		    "survey, \"%s\"%s%s. It takes a few minutes.\n\nYour answers are anonymous: "
		    "they keep no trace of this link or of you, and results are shown only for "
		    "groups of three or more.\n\nAnswer here (the link works once, for you "
		    "alone):\n" MAIL_SECRET "\n", l->member.name, in->name,
		    ins && ins->title ? ins->title : "survey", opened.len ? ", open since " : "",
		    opened.buf);
		strbuf_addstr(&html, "<p>Hello ");
		html_escape(&html, l->member.name);
		strbuf_addstr(&html, ",</p>\n<p>");
		html_escape(&html, in->name);
		strbuf_addstr(&html, " asks everyone on its team to answer a short survey, <b>");
		html_escape(&html, ins && ins->title ? ins->title : "survey");
		strbuf_addstr(&html, "</b>");
		if (opened.len)
			strbuf_addf(&html, ", open since %s", opened.buf);
		strbuf_addstr(&html, ". It takes a few minutes.</p>\n<p>Your answers are anonymous: "
		    "they keep no trace of this link or of you, and results are shown only for "
		    "groups of three or more.</p>\n<p><a href=\"" MAIL_SECRET "\">Answer the "
		    "survey</a> (the link works once, for you alone):<br>" MAIL_SECRET "</p>\n");
		m.text = text.buf;
		m.html = html.buf;
		m.secret = link.buf;
		if ((r = mail_queue(s, &keys, &m, now, err)) != 0) {
			name_first(err, l);
			goto wipe;
		}
		l->mailed = 1;
	}
	ret = 0;
wipe:
	sodium_memzero(&keys, sizeof(keys));
	if (link.buf)
		sodium_memzero(link.buf, link.len);
out:
	strbuf_release(&text);
	strbuf_release(&html);
	strbuf_release(&subject);
	strbuf_release(&link);
	strbuf_release(&base);
	strbuf_release(&opened);
	return ret;
}
