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
#include "../app/write.h"
#include "../metrics/metrics.h"
#include "../model/model.h"
#include "../model/validate.h"
#include "../store/accounts.h"
#include "../store/outbox.h"
#include "../store/store.h"
#include "../util/date.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../view/actions.h"
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
	return app_kind_find(c->kind) != NULL && audit_kind_count(c->kind, c->n, NULL) == 0;
}

/*
 * Appends what changed of c's kind, n records, in the language in use: "3
 * decisions added" ("se añadieron 3 decisiones": the action is a whole
 * plural phrase around the counted records, so a language puts it first).
 */
static void
change_words(const struct store_change *c, struct strbuf *out)
{
	struct strbuf what = STRBUF_INIT;
	const char *a = c->action ? c->action : "update";
	unsigned long n = (unsigned long)c->n;

	audit_kind_count(c->kind, c->n, &what);
	if (strcmp(a, "create") == 0)
		/* TRANSLATORS: %s is a number of records ("3 decisions"), in the digest */
		strbuf_addf(out, P_("%s added", "%s added", n), what.buf);
	else if (strcmp(a, "delete") == 0)
		/* TRANSLATORS: %s is a number of records ("3 decisions"), in the digest */
		strbuf_addf(out, P_("%s removed", "%s removed", n), what.buf);
	else if (strcmp(a, "import") == 0)
		/* TRANSLATORS: %s is a number of records ("3 decisions"), in the digest */
		strbuf_addf(out, P_("%s imported", "%s imported", n), what.buf);
	else
		/* TRANSLATORS: %s is a number of records ("3 decisions"), in the digest */
		strbuf_addf(out, P_("%s changed", "%s changed", n), what.buf);
	strbuf_release(&what);
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
			/* TRANSLATORS: an alert's observation and question, in the digest */
			strbuf_addf(text, _("  New alert: %s %s\n"), x->observation, x->question);
			strbuf_addstr(html, "<li>");
			/* TRANSLATORS: an alert's observation follows, then its question */
			html_escape(html, _("New alert:"));
			strbuf_addch(html, ' ');
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
 * Whether action a is the account's, who is the people me (slug, then
 * organization slug, store_people_by_email): owned by one of them, by one
 * of their organizations, or, when one is the initiative's director, by
 * the backbone. The account's own organization (the one it answers
 * proposals for) is one of theirs too: account_org.
 */
static int
action_mine(const struct initiative *in, const struct action *a, const struct store_slugs *me)
{
	for (size_t i = 0; i + 2 <= me->n; i += 2) {
		const char *person = me->v[i], *org = me->v[i + 1];

		if (a->owner_person.slug && strcmp(a->owner_person.slug, person) == 0)
			return 1;
		if (a->owner_org.slug && *org && strcmp(a->owner_org.slug, org) == 0)
			return 1;
		if (a->owner_org.slug && in->has_director && in->director.person.slug &&
		    strcmp(in->director.person.slug, person) == 0 &&
		    strcmp(a->owner_org.slug, in->backbone.slug) == 0)
			return 1;
	}
	return 0;
}

/*
 * Adds to me the organization the account email answers for, when it has
 * one, as a pair of no person and that organization. Returns 0 or -1.
 */
static int
account_org(struct store *s, const char *email, struct store_slugs *me, struct strbuf *err)
{
	struct store_user u;
	int r;

	store_user_init(&u);
	if ((r = store_user_get(s, email, &u, err)) == 0 && u.organization) {
		*VEC_PUSH(me) = xstrdup("");
		*VEC_PUSH(me) = xstrdup(u.organization);
	}
	store_user_release(&u);
	return r == -1 ? -1 : 0;
}

/*
 * The account's open actions of the initiative p holds that are overdue or
 * due within DIGEST_DUE_DAYS of today, appended to text and html (an <li>
 * each); their number.
 */
#define DIGEST_DUE_DAYS 7
static int
actions_due(const struct program *p, const struct store_slugs *me, tdate today,
    struct strbuf *text, struct strbuf *html)
{
	const struct initiative *in = &p->initiatives.v[0];
	struct strbuf line = STRBUF_INIT;
	int n = 0;

	for (size_t i = 0; i < in->actions.n; i++) {
		const struct action *a = &in->actions.v[i];

		if (a->status != ACTION_OPEN || a->due > today + DIGEST_DUE_DAYS ||
		    !action_mine(in, a, me))
			continue;
		strbuf_reset(&line);
		action_line_text(p, a, today, 1, &line);
		/* TRANSLATORS: an action's line (what, who, when) in the digest */
		strbuf_addf(text, _("  Action due: %s\n"), line.buf);
		strbuf_addstr(html, "<li>");
		/* TRANSLATORS: an action's line (what, who, when) follows */
		html_escape(html, _("Action due:"));
		strbuf_addch(html, ' ');
		html_escape(html, line.buf);
		strbuf_addstr(html, "</li>\n");
		n++;
	}
	strbuf_release(&line);
	return n;
}

/*
 * Adds the section of one initiative (slug, name, of program) to text and
 * html when something changed in it since since (the changes, and the new
 * alerts) or when the account (email) has actions due in it. Returns 1
 * when it added one, 0 when there was nothing to tell, -1.
 */
static int
section(struct store *s, const char *base_url, const char *program, const char *slug,
    const char *name, const char *email, int64_t since, time_t now, struct strbuf *text,
    struct strbuf *html, struct strbuf *err)
{
	struct store_changes ch = { NULL, 0, 0 };
	struct strbuf line = STRBUF_INIT, dt = STRBUF_INIT, dh = STRBUF_INIT;
	struct strbuf link = STRBUF_INIT, path = STRBUF_INIT;
	size_t told = 0, done = 0;
	const char *in;
	struct metrics_settings set;
	struct model_error e;
	struct program p;
	tdate today = (tdate)(now / 86400);
	char by[DATE_BUFSZ];
	int64_t due = 0;
	int ret = -1, ndue = 0;

	program_init(&p);
	if (store_audit_counts(s, slug, since, &ch, err) ||
	    store_actions_due_count(s, slug, date_format(today + DIGEST_DUE_DAYS, by), &due, err))
		goto out;
	for (size_t i = 0; i < ch.n; i++)
		told += (size_t)change_told(&ch.v[i]);
	/* "3 decisions added, 1 grant changed and 2 credits removed" */
	for (size_t i = 0; i < ch.n; i++) {
		const struct store_change *c = &ch.v[i];

		if (!change_told(c))
			continue;
		/* TRANSLATORS: before the last of a list of changes ("…, 1 grant changed and 2 …") */
		strbuf_addstr(&line, done == 0 ? "" : done + 1 == told ? _(" and ") : ", ");
		change_words(c, &line);
		done++;
	}
	/* a sentence: its first letter a capital ("Se añadieron …"; English starts with a number) */
	if (line.len && line.buf[0] >= 'a' && line.buf[0] <= 'z')
		line.buf[0] = (char)(line.buf[0] - 'a' + 'A');
	if (told == 0 && due == 0) {
		ret = 0;
		goto out;
	}
	if (store_initiative_load(s, program, slug, &p, err) != 0 ||
	    model_resolve(&p, &e) != 0 || app_settings_load(s, program, &set, err) != 0) {
		if (err->len == 0)
			strbuf_addf(err, _("cannot read initiative %s"), slug);
		goto out;
	}
	if (due) {
		struct store_slugs me = { NULL, 0, 0 };

		if (store_people_by_email(s, program, email, &me, err) == 0 &&
		    account_org(s, email, &me, err) == 0)
			ndue = actions_due(&p, &me, today, &dt, &dh);
		for (size_t i = 0; i < me.n; i++)
			free(me.v[i]);
		VEC_FREE(&me);
		if (err->len)
			goto out;
	}
	if (told == 0 && ndue == 0) {
		ret = 0;
		goto out;
	}
	strbuf_addf(text, "%s\n", name);
	strbuf_addstr(html, "<h2>");
	html_escape(html, name);
	strbuf_addstr(html, "</h2>\n<ul>\n");
	if (told) {
		strbuf_addf(text, "  %s.\n", line.buf);
		strbuf_addstr(html, "<li>");
		html_escape(html, line.buf);
		strbuf_addstr(html, ".</li>\n");
		new_alerts(&p, &set, today, (tdate)(since / 86400), text, html);
	}
	strbuf_add(text, dt.buf, dt.len);
	strbuf_add(html, dh.buf, dh.len);
	if (mail_link_program(s, program, &in, err))
		goto out;
	strbuf_addf(&path, "/i/%s", slug);
	mail_link(&link, base_url, in, path.buf);
	strbuf_addf(text, "  %s\n\n", link.buf);
	strbuf_addstr(html, "</ul>\n<p><a href=\"");
	html_escape(html, link.buf);
	strbuf_addstr(html, "\">");
	html_escape(html, _("Open its dashboard"));
	strbuf_addstr(html, "</a></p>\n");
	ret = 1;
out:
	store_changes_release(&ch);
	strbuf_release(&line);
	strbuf_release(&dt);
	strbuf_release(&dh);
	strbuf_release(&link);
	strbuf_release(&path);
	program_release(&p);
	return ret;
}

/* A digest marked sent and queued, as one write (app_txn_fn): 1 when another sender made it. */
struct digest_write {
	const struct mail_keys *k;
	const struct store_digest *d;
	const struct mail *m;
	int n;
	time_t now;
	size_t queued;
};

static int
digest_change(struct store *s, void *arg, struct strbuf *err)
{
	struct digest_write *w = arg;
	int r;

	w->queued = 0;
	if ((r = store_digest_mark(s, w->d->email, w->d->sent, (int64_t)w->now, err)) != 0)
		return r < 0 ? -1 : 1;
	if (w->n > 0) {
		if ((r = mail_queue(s, w->k, w->m, w->now, err)) < 0)
			return -1;
		w->queued = r == 0;
	}
	return 0;
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
	struct strbuf lead = STRBUF_INIT;
	struct store_slugs scope = { NULL, 0, 0 };
	struct mail m = { .kind = "digest", .topic = d->email, .to = d->email, .base_url = base_url };
	struct digest_write dw;
	/* in the account's language (mail_lang); the thread's own again after */
	int n = 0, r, ret = -1, was = i18n_current();

	i18n_use(mail_lang(s, NULL, d->email));
	figure_date((tdate)(since / 86400), &when);
	figure_date((tdate)(now / 86400), &today);
	if (store_digest_scope(s, d->email, &scope, err))
		goto done;
	for (size_t i = 0; i + 3 <= scope.n; i += 3) {
		if ((r = section(s, base_url, scope.v[i + 2], scope.v[i], scope.v[i + 1], d->email,
		    since, now, &text, &html, err)) < 0)
			goto done;
		n += r;
	}
	if ((r = mail_digest_awaiting(s, base_url, d->email, &text, &html, err)) < 0)
		goto done;
	n += r;
	strbuf_addf(&subject, weekly ? _("Trellis: your weekly digest, %s") :
	    _("Trellis: your daily digest, %s"), today.buf);
	/* changes since when, and what waits: actions due, proposals to answer */
	strbuf_addf(&lead, _("What changed in your initiatives since %s, and what waits for you:"),
	    when.buf);
	strbuf_addf(&t, "%s\n\n%s\n\n%s", _("Hello,"), lead.buf, text.buf);
	strbuf_addf(&t, weekly ? _("You get this digest weekly; change that at %s/account\n") :
	    _("You get this digest daily; change that at %s/account\n"), base_url);
	strbuf_addstr(&h, "<p>");
	html_escape(&h, _("Hello,"));
	strbuf_addstr(&h, "</p>\n<p>");
	html_escape(&h, lead.buf);
	strbuf_addstr(&h, "</p>\n");
	strbuf_add(&h, html.buf, html.len);
	strbuf_addstr(&h, "<p>");
	/* TRANSLATORS: a link to the account's settings ("change that") follows */
	html_escape(&h, weekly ? _("You get this digest weekly;") : _("You get this digest daily;"));
	strbuf_addstr(&h, " <a href=\"");
	html_escape(&h, base_url);
	strbuf_addstr(&h, "/account\">");
	html_escape(&h, _("change that"));
	strbuf_addstr(&h, "</a>.</p>\n");
	m.subject = subject.buf;
	m.text = t.buf;
	m.html = h.buf;
	dw = (struct digest_write){ .k = k, .d = d, .m = &m, .n = n, .now = now };
	if ((r = app_txn_run(s, digest_change, &dw, NULL, err)) == 0)
		*queued += dw.queued;
	ret = r < 0 ? -1 : 0;		/* 1: another sender made it */
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
	strbuf_release(&lead);
	i18n_use(was);
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
