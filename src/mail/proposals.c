/*
 * The mail of a proposal (mail.h, docs/mail.md): opened, closing within
 * two days, closed, to the accounts of the asked organizations that may
 * read the proposal's initiative (store_proposal_recipients). What a mail
 * says is what the proposal page shows them signed in: its title, text,
 * dates, outcome and decision, never another initiative's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "../app/write.h"
#include "../store/outbox.h"
#include "../store/store.h"
#include "../util/date.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../view/html.h"
#include "../view/markdown.h"
#include "mail.h"
#include "../util/banned.h"

static const char *const event_kinds[MAIL_PROPOSAL__MAX] = {
	[MAIL_PROPOSAL_OPENED] = "proposal-opened",
	[MAIL_PROPOSAL_CLOSING] = "proposal-closing",
	[MAIL_PROPOSAL_CLOSED] = "proposal-closed",
};

static void
day_words(tdate d, struct strbuf *out)
{
	char buf[DATE_WORDS_BUFSZ];

	strbuf_addstr(out, d == DATE_NONE ? "" : date_format_words_lang(d, lang_code(i18n_current()),
	    buf));
}

/* Appends "<p>" s escaped "</p>" to html. */
static void
para(struct strbuf *html, const char *s)
{
	strbuf_addstr(html, "<p>");
	html_escape(html, s);
	strbuf_addstr(html, "</p>\n");
}

/* Appends a link paragraph: text "<a href=url>label</a>". */
static void
link_para(struct strbuf *html, const char *label, const char *url)
{
	strbuf_addstr(html, "<p><a href=\"");
	html_escape(html, url);
	strbuf_addstr(html, "\">");
	html_escape(html, label);
	strbuf_addstr(html, "</a></p>\n");
}

/*
 * Builds the subject, text and HTML of mp's mail in the thread's language,
 * the same for every recipient who reads that language.
 */
static void
compose(const struct mail_proposal *mp, const char *base_url, const char *in,
    struct strbuf *subject, struct strbuf *text, struct strbuf *html)
{
	struct strbuf closes = STRBUF_INIT, link = STRBUF_INIT, dlink = STRBUF_INIT;
	struct strbuf sb = STRBUF_INIT, decided = STRBUF_INIT, path = STRBUF_INIT;
	struct html h;

	day_words(mp->closes, &closes);
	day_words(mp->decided, &decided);
	strbuf_addf(&path, "/i/%s/proposals/%s", mp->slug, mp->id);
	mail_link(&link, base_url, in, path.buf);
	switch (mp->event) {
	case MAIL_PROPOSAL_OPENED:
		strbuf_addf(subject, _("%s: a proposal for your answer by %s: %s"), mp->initiative,
		    closes.buf, mp->title);
		strbuf_addf(&sb, _("%s asks your organization about a proposal, \"%s\": agree, agree "
		    "with concerns, or object, by %s."), mp->initiative, mp->title, closes.buf);
		strbuf_addf(text, "%s\n\n%s\n\n%s%s%s\n%s\n", _("Hello,"), sb.buf,
		    mp->body ? mp->body : "", mp->body ? "\n\n" : "", _("Answer here:"), link.buf);
		para(html, _("Hello,"));
		para(html, sb.buf);
		if (mp->body) {
			/* the body as the proposal page shows it: Markdown, rendered safely */
			strbuf_addstr(html, "<blockquote>\n");
			html_init(&h, html);
			html_markdown(&h, mp->body);
			strbuf_addstr(html, "</blockquote>\n");
		}
		link_para(html, _("Answer the proposal"), link.buf);
		break;
	case MAIL_PROPOSAL_CLOSING:
		strbuf_addf(subject, _("%s: \"%s\" closes on %s"), mp->initiative, mp->title,
		    closes.buf);
		strbuf_addf(&sb, _("The proposal \"%s\" of %s closes on %s. If your organization has "
		    "not answered yet, there is still time; an answer given can be changed until "
		    "then."), mp->title, mp->initiative, closes.buf);
		strbuf_addf(text, "%s\n\n%s\n\n%s:\n%s\n", _("Hello,"), sb.buf,
		    _("The proposal and its answers so far"), link.buf);
		para(html, _("Hello,"));
		para(html, sb.buf);
		link_para(html, _("The proposal and its answers so far"), link.buf);
		break;
	case MAIL_PROPOSAL_CLOSED:
	default:
		strbuf_reset(&path);
		strbuf_addf(&path, "/i/%s/decisions/%s", mp->slug, mp->decision ? mp->decision : "");
		mail_link(&dlink, base_url, in, path.buf);
		strbuf_addf(subject, _("%s: \"%s\" is decided"), mp->initiative, mp->title);
		strbuf_addf(&sb, _("The proposal \"%s\" of %s closed on %s. The outcome:"),
		    mp->title, mp->initiative, decided.buf);
		strbuf_addf(text, "%s\n\n%s\n\n%s\n\n%s:\n%s\n\n%s:\n%s\n", _("Hello,"), sb.buf,
		    mp->outcome ? mp->outcome : "", _("The decision record"), dlink.buf,
		    _("The proposal and every answer"), link.buf);
		para(html, _("Hello,"));
		para(html, sb.buf);
		strbuf_addstr(html, "<blockquote>");
		html_escape(html, mp->outcome ? mp->outcome : "");
		strbuf_addstr(html, "</blockquote>\n");
		link_para(html, _("The decision record"), dlink.buf);
		link_para(html, _("The proposal and every answer"), link.buf);
		break;
	}
	strbuf_release(&closes);
	strbuf_release(&decided);
	strbuf_release(&link);
	strbuf_release(&dlink);
	strbuf_release(&sb);
	strbuf_release(&path);
}

/* Queues mp's mail to each of its recipients (in the open write); *queued counts them. */
static int
queue_each(struct store *s, const struct mail_keys *k, const char *base_url,
    const struct mail_proposal *mp, time_t now, size_t *queued, struct strbuf *err)
{
	struct store_slugs to = { NULL, 0, 0 };
	/* the mail in each language a recipient reads, made when first needed */
	struct strbuf subject[LANG__MAX], text[LANG__MAX], html[LANG__MAX];
	struct strbuf topic = STRBUF_INIT;
	int made[LANG__MAX] = { 0 };
	const char *in;
	int r, ret = -1, was = i18n_current();

	for (int l = 0; l < LANG__MAX; l++) {
		strbuf_init(&subject[l], 0);
		strbuf_init(&text[l], 0);
		strbuf_init(&html[l], 0);
	}
	if (store_proposal_recipients(s, mp->rowid, &to, err) ||
	    mail_link_program(s, mp->program, &in, err))
		goto out;
	strbuf_addf(&topic, "%s/%s", mp->slug, mp->id);
	for (size_t i = 0; i < to.n; i++) {
		struct mail m = {
			.kind = event_kinds[mp->event], .topic = topic.buf, .to = to.v[i],
			.base_url = base_url,
		};
		int l;

		if (!mail_address_ok(to.v[i]))
			continue;
		l = i18n_use(mail_lang(s, mp->program, to.v[i]));
		if (!made[l]++)
			compose(mp, base_url, in, &subject[l], &text[l], &html[l]);
		m.subject = subject[l].buf;
		m.text = text[l].buf;
		m.html = html[l].buf;
		r = mail_queue(s, k, &m, now, err);
		i18n_use(was);
		if (r < 0)
			goto out;
		*queued += r == 0;	/* 1: an address that asked for no mail */
		strbuf_reset(err);
	}
	ret = 0;
out:
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

int
mail_proposal_queue(struct store *s, const char *db, const char *base_url,
    const struct mail_proposal *mp, time_t now, size_t *queued, struct strbuf *err)
{
	struct mail_keys keys;
	int ret;

	*queued = 0;
	if (base_url == NULL)
		return 0;
	if (mail_keys_open(db, 1, &keys, err))
		return -1;
	ret = queue_each(s, &keys, base_url, mp, now, queued, err);
	sodium_memzero(&keys, sizeof(keys));
	return ret;
}

static void
rows_release(struct store_slugs *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->v[i]);
	VEC_FREE(v);
	memset(v, 0, sizeof(*v));
}

/* The closing proposals' mail as one write (app_txn_fn): read again inside it, so two senders never mail twice. */
struct closing_write {
	const struct mail_keys *k;
	const char *base_url;
	const char *from, *to;
	time_t now;
	size_t queued;
};

static int
closing_change(struct store *s, void *arg, struct strbuf *err)
{
	struct closing_write *w = arg;
	struct store_slugs rows = { NULL, 0, 0 };
	int ret = -1;

	w->queued = 0;
	if (store_proposals_closing(s, w->from, w->to, &rows, err))
		goto out;
	for (size_t i = 0; i + STORE_CLOSING_COLS <= rows.n; i += STORE_CLOSING_COLS) {
		char **c = &rows.v[i];
		struct mail_proposal mp = {
			.event = MAIL_PROPOSAL_CLOSING, .slug = c[0], .initiative = c[1],
			.id = c[2], .title = c[3], .rowid = strtoll(c[5], NULL, 10), .program = c[6],
			.closes = DATE_NONE, .decided = DATE_NONE,
		};
		size_t n = 0;

		if (date_parse(c[4], &mp.closes))
			continue;
		if (queue_each(s, w->k, w->base_url, &mp, w->now, &n, err))
			goto out;
		w->queued += n;
	}
	ret = w->queued == 0 ? 1 : 0;	/* 1: nothing (left) to mail */
out:
	rows_release(&rows);
	return ret;
}

int
mail_queue_proposals_closing(struct store *s, const struct mail_keys *k, const char *base_url,
    time_t now, size_t *queued, struct strbuf *err)
{
	struct store_slugs rows = { NULL, 0, 0 };
	char from[DATE_BUFSZ], to[DATE_BUFSZ];
	tdate today = (tdate)(now / 86400);
	struct closing_write w = { k, base_url, from, to, now, 0 };
	int ret = -1;

	*queued = 0;
	date_format(today, from);
	date_format(today + 2, to);
	if (store_proposals_closing(s, from, to, &rows, err))
		goto done;
	ret = 0;
	if (rows.n > 0 && (ret = app_txn_run(s, closing_change, &w, NULL, err)) != -1) {
		*queued = ret == 0 ? w.queued : 0;
		ret = 0;
	}
done:
	rows_release(&rows);
	return ret;
}

int
mail_digest_awaiting(struct store *s, const char *base_url, const char *email,
    struct strbuf *text, struct strbuf *html, struct strbuf *err)
{
	struct store_slugs rows = { NULL, 0, 0 };
	struct strbuf link = STRBUF_INIT, closes = STRBUF_INIT, line = STRBUF_INIT;
	struct strbuf path = STRBUF_INIT;
	const char *in;
	int n = 0;

	if (store_proposals_awaiting(s, email, &rows, err)) {
		rows_release(&rows);
		return -1;
	}
	if (rows.n >= STORE_AWAITING_COLS) {
		strbuf_addf(text, "%s:\n", _("Proposals awaiting your organization's answer"));
		strbuf_addstr(html, "<h2>");
		html_escape(html, _("Proposals awaiting your organization's answer"));
		strbuf_addstr(html, "</h2>\n<ul>\n");
	}
	for (size_t i = 0; i + STORE_AWAITING_COLS <= rows.n; i += STORE_AWAITING_COLS) {
		char **c = &rows.v[i];
		tdate d;

		strbuf_reset(&link);
		strbuf_reset(&closes);
		strbuf_reset(&path);
		if (mail_link_program(s, c[4], &in, err)) {
			n = -1;
			break;
		}
		strbuf_addf(&path, "/i/%s/proposals/%s", c[0], c[1]);
		mail_link(&link, base_url, in, path.buf);
		if (date_parse(c[3], &d) == 0)
			day_words(d, &closes);
		/* TRANSLATORS: a proposal's title, the day it closes, its link */
		strbuf_addf(text, _("  %s, by %s: %s\n"), c[2], closes.buf, link.buf);
		strbuf_addstr(html, "<li><a href=\"");
		html_escape(html, link.buf);
		strbuf_addstr(html, "\">");
		html_escape(html, c[2]);
		strbuf_addstr(html, "</a>");
		strbuf_reset(&line);
		/* TRANSLATORS: after a proposal's title: the day it closes */
		strbuf_addf(&line, _(", by %s"), closes.buf);
		html_escape(html, line.buf);
		strbuf_addstr(html, "</li>\n");
		n++;
	}
	if (n > 0) {
		strbuf_addch(text, '\n');
		strbuf_addstr(html, "</ul>\n");
	}
	rows_release(&rows);
	strbuf_release(&path);
	strbuf_release(&link);
	strbuf_release(&closes);
	strbuf_release(&line);
	return n;
}
