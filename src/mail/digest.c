/*
 * The digest (mail.h, docs/mail.md): for each account that chose one, daily
 * or weekly, one mail of what changed in the initiatives it may read since
 * the last digest, and the alerts that are new since then. Only what the
 * account sees signed in: counts of records added, changed, removed (never
 * who changed them: that is the admins' audit log), and the alerts of its
 * initiatives' dashboards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/edit.h"
#include "../app/settings.h"
#include "../metrics/metrics.h"
#include "../model/model.h"
#include "../model/validate.h"
#include "../store/outbox.h"
#include "../store/store.h"
#include "../util/date.h"
#include "../util/strbuf.h"
#include "../view/admin_pages.h"
#include "../view/figures.h"
#include "../view/html.h"
#include "mail.h"
#include "../util/banned.h"

/*
 * Whether a change of c's kind is told in a digest: records only, not
 * accounts, settings or survey links (the admins' audit log has those).
 */
static int
change_told(const struct store_change *c)
{
	return app_kind_find(c->kind) != NULL && audit_kind_words(c->kind, c->n) != NULL;
}

/* The report's as-of for day: day, or the program's end when it ended before. */
static tdate
as_of_for(const struct program *p, tdate day)
{
	return p->end != DATE_NONE && p->end < day ? p->end : day;
}

/*
 * The alerts of the initiative p holds as of now that it did not have as of
 * then, appended to text and html (an <li> each); their number.
 */
static int
new_alerts(const struct program *p, const struct metrics_settings *set, tdate now, tdate then,
    struct strbuf *text, struct strbuf *html)
{
	const struct initiative *in = &p->initiatives.v[0];
	struct report a, b;
	int n = 0;

	metrics_report_init(&a);
	metrics_report_init(&b);
	if (metrics_report(p, in, as_of_for(p, now), 12, set, &a) == 0 &&
	    metrics_report(p, in, as_of_for(p, then), 12, set, &b) == 0) {
		for (size_t i = 0; i < a.alerts.n; i++) {
			const struct metrics_alert *x = &a.alerts.v[i];
			int old = 0;

			for (size_t j = 0; j < b.alerts.n; j++)
				old |= b.alerts.v[j].pitfall == x->pitfall;
			if (old)
				continue;
			strbuf_addf(text, "  New alert: %s %s\n", x->observation, x->question);
			strbuf_addstr(html, "<li>New alert: ");
			html_escape(html, x->observation);
			strbuf_addstr(html, " <em>");
			html_escape(html, x->question);
			strbuf_addstr(html, "</em></li>\n");
			n++;
		}
	}
	metrics_report_release(&a);
	metrics_report_release(&b);
	return n;
}

/*
 * Adds the section of one initiative (slug, name, of program) to text and
 * html when something changed in it since since: the changes, and the new
 * alerts. Returns 1 when it added one, 0 when nothing changed, -1.
 */
static int
section(struct store *s, const char *base_url, const char *program, const char *slug,
    const char *name, int64_t since, time_t now, struct strbuf *text, struct strbuf *html,
    struct strbuf *err)
{
	struct store_changes ch = { NULL, 0, 0 };
	struct strbuf line = STRBUF_INIT;
	size_t told = 0, done = 0;
	struct metrics_settings set;
	struct model_error e;
	struct program p;
	int ret = -1;

	program_init(&p);
	if (store_audit_counts(s, slug, since, &ch, err))
		goto out;
	for (size_t i = 0; i < ch.n; i++)
		told += (size_t)change_told(&ch.v[i]);
	/* "3 decisions added, 1 grant changed and 2 credits removed" */
	for (size_t i = 0; i < ch.n; i++) {
		const struct store_change *c = &ch.v[i];

		if (!change_told(c))
			continue;
		strbuf_addf(&line, "%s%lld %s %s", done == 0 ? "" : done + 1 == told ? " and " : ", ",
		    (long long)c->n, audit_kind_words(c->kind, c->n), audit_action_done(c->action));
		done++;
	}
	if (told == 0) {
		ret = 0;
		goto out;
	}
	strbuf_addf(text, "%s\n  %s.\n", name, line.buf);
	strbuf_addstr(html, "<h2>");
	html_escape(html, name);
	strbuf_addstr(html, "</h2>\n<ul>\n<li>");
	html_escape(html, line.buf);
	strbuf_addstr(html, ".</li>\n");
	if (store_initiative_load(s, program, slug, &p, err) != 0 ||
	    model_resolve(&p, &e) != 0 || app_settings_load(s, program, &set, err) != 0) {
		if (err->len == 0)
			strbuf_addf(err, "cannot read initiative %s", slug);
		goto out;
	}
	new_alerts(&p, &set, (tdate)(now / 86400), (tdate)(since / 86400), text, html);
	strbuf_addf(text, "  %s/i/%s\n\n", base_url, slug);
	strbuf_addstr(html, "</ul>\n<p><a href=\"");
	html_escape(html, base_url);
	strbuf_addstr(html, "/i/");
	html_escape(html, slug);
	strbuf_addstr(html, "\">Open its dashboard</a></p>\n");
	ret = 1;
out:
	store_changes_release(&ch);
	strbuf_release(&line);
	program_release(&p);
	return ret;
}

/*
 * Makes and queues the digest of account d, if anything changed, and marks
 * it made. The digest is made from plain reads; the write that queues and
 * marks it is short, and gives way (nothing queued) when another sender
 * marked it meanwhile.
 */
static int
digest_one(struct store *s, const struct mail_keys *k, const char *base_url,
    const struct store_digest *d, time_t now, size_t *queued, struct strbuf *err)
{
	int weekly = strcmp(d->digest, "weekly") == 0;
	int64_t since = d->sent >= 0 ? d->sent : (int64_t)now - (weekly ? 7 : 1) * 86400;
	struct strbuf text = STRBUF_INIT, html = STRBUF_INIT, subject = STRBUF_INIT;
	struct strbuf when = STRBUF_INIT, today = STRBUF_INIT, t = STRBUF_INIT, h = STRBUF_INIT;
	struct store_slugs scope = { NULL, 0, 0 };
	struct mail m = { .kind = "digest", .topic = d->email, .to = d->email, .base_url = base_url };
	int n = 0, r, ret = -1;

	figure_date((tdate)(since / 86400), &when);
	figure_date((tdate)(now / 86400), &today);
	if (store_digest_scope(s, d->email, &scope, err))
		goto done;
	for (size_t i = 0; i + 3 <= scope.n; i += 3) {
		if ((r = section(s, base_url, scope.v[i + 2], scope.v[i], scope.v[i + 1], since, now,
		    &text, &html, err)) < 0)
			goto done;
		n += r;
	}
	if ((r = mail_digest_awaiting(s, base_url, d->email, &text, &html, err)) < 0)
		goto done;
	n += r;
	strbuf_addf(&subject, "Trellis: your %s digest, %s", weekly ? "weekly" : "daily",
	    today.buf);
	strbuf_addf(&t, "Hello,\n\nWhat changed in your initiatives since %s:\n\n%s"
	    "You get this digest %s; change that at %s/account\n", when.buf, text.buf,
	    weekly ? "weekly" : "daily", base_url);
	strbuf_addf(&h, "<p>Hello,</p>\n<p>What changed in your initiatives since %s:</p>\n",
	    when.buf);
	strbuf_add(&h, html.buf, html.len);
	strbuf_addf(&h, "<p>You get this digest %s; <a href=\"", weekly ? "weekly" : "daily");
	html_escape(&h, base_url);
	strbuf_addstr(&h, "/account\">change that</a>.</p>\n");
	m.subject = subject.buf;
	m.text = t.buf;
	m.html = h.buf;
	if (store_write_begin(s, err))
		goto done;
	if ((r = store_digest_mark(s, d->email, d->sent, (int64_t)now, err)) != 0) {
		store_write_rollback(s);
		ret = r < 0 ? -1 : 0;		/* 1: another sender made it */
		goto done;
	}
	if (n > 0) {
		if ((r = mail_queue(s, k, &m, now, err)) < 0) {
			store_write_rollback(s);
			goto done;
		}
		*queued += r == 0;
	}
	ret = store_write_commit(s, NULL, err);
done:
	for (size_t i = 0; i < scope.n; i++)
		free(scope.v[i]);
	VEC_FREE(&scope);
	strbuf_release(&text);
	strbuf_release(&html);
	strbuf_release(&subject);
	strbuf_release(&when);
	strbuf_release(&today);
	strbuf_release(&t);
	strbuf_release(&h);
	return ret;
}

int
mail_queue_digests(struct store *s, const struct mail_keys *k, const char *base_url,
    time_t now, size_t *queued, struct strbuf *err)
{
	struct store_digests due = { NULL, 0, 0 };
	int ret = -1;

	*queued = 0;
	if (store_digest_due(s, (int64_t)now, &due, err))
		goto out;
	for (size_t i = 0; i < due.n; i++)
		if (digest_one(s, k, base_url, &due.v[i], now, queued, err))
			goto out;
	ret = 0;
out:
	store_digests_release(&due);
	return ret;
}
