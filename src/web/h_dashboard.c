/*
 * GET /i/{slug}: an initiative's overview (PAGES.md): its name, city and
 * backbone, the period form and a line that shows only in print (the
 * period and the date printed), then the balance (the quadrant with the
 * point of a year earlier, both scores with their parts), what to discuss
 * with links to the records behind it, what goes well, the shared result,
 * backbone capacity, the key figures in small groups with their N, and
 * the recent changes from the audit log. The handler fetches (reports,
 * the audit entries); the views render.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "records.h"
#include "router.h"
#include "../app/edit.h"
#include "../store/accounts.h"
#include "../view/figures.h"
#include "../view/admin_pages.h"
#include "../view/report_html.h"
#include "../util/num.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* How many of the latest changes the overview lists. */
#define RECENT_CHANGES 10

/*
 * The recent changes, newest first, for the view (admin_pages.h): each
 * entry as a row, and the link of a record of the initiative that still
 * exists (NULL for others), in req's arena.
 */
static void
recent_changes(struct web_request *req, struct html *h, const struct program *p,
    const struct initiative *in, const struct store_audits *log, int more)
{
	struct audit_row *rows = xcalloc(log->n ? log->n : 1, sizeof(*rows));
	const char **links = xcalloc(log->n ? log->n : 1, sizeof(*links));
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < log->n; i++) {
		const struct store_audit *a = &log->v[i];

		rows[i] = (struct audit_row){
			.at = a->at, .actor = a->actor, .action = a->action, .kind = a->kind,
			.record = a->record, .before = a->before, .after = a->after, .p = p,
		};
		if (a->record && a->kind && app_kind_find(a->kind) &&
		    (a->action == NULL || strcmp(a->action, "delete") != 0)) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "/i/%s/%s/%s", in->slug, a->kind, a->record);
			links[i] = web_strdup(req, sb.buf);
		}
	}
	audit_recent_write(h, rows, links, log->n, more ? RECENT_CHANGES : 0);
	free(rows);
	free(links);
	strbuf_release(&sb);
}

/* ---------------------------------------------------------------- evidence */

/*
 * The overview's costly part (two reports, capacity, the charts): the
 * header line, the period form, the print line and the overview. It
 * depends on the program, the period and today's date (the print line),
 * and of the user only on whether they may edit (the links to write the
 * team's answers), so it is kept with the snapshot (web_fragment_put), one
 * for readers and one for editors.
 */
static int
overview(struct html *h, const struct web_program *wp, const struct initiative *in,
    tdate as_of, int months, int can_edit)
{
	const struct program *p = &wp->program;
	struct report r, before;
	struct capacity cap;
	struct strbuf base = STRBUF_INIT;
	int ret = -1;

	metrics_report_init(&r);
	metrics_report_init(&before);
	metrics_capacity_init(&cap);
	/* the same period a year earlier: the faint point of the quadrant */
	if (metrics_report(p, in, as_of, months, &wp->settings, &r) ||
	    metrics_report(p, in, date_add_months(as_of, -12), months, &wp->settings, &before) ||
	    metrics_capacity(p, in->backbone.idx, in, as_of, &wp->settings, &cap)) {
		fprintf(stderr, "trellis serve: cannot compute the report of '%s'\n", in->slug);
		goto out;
	}
	html_open(h, "p", "class", "meta", NULL);
	html_textf(h, _("%s · backbone %s · fiscal agent %s · team of %d · %s"), in->city,
	    p->orgs.v[in->backbone.idx].name, p->orgs.v[in->fiscal_agent.idx].name, r.team,
	    p->name);
	html_close(h);
	strbuf_addf(&base, "/i/%s", in->slug);
	page_period_form(h, base.buf, as_of, months);
	/* shown in print only, where the form is not */
	html_open(h, "p", "class", "printed", NULL);
	{
		struct strbuf today = STRBUF_INIT, from = STRBUF_INIT, to = STRBUF_INIT;

		figure_date(date_today(), &today);
		figure_date(r.start, &from);
		figure_date(r.end, &to);
		/* TRANSLATORS: the print line: today, then the period's first and last days */
		html_textf(h, P_("Printed %s · period %s – %s (%d month)",
		    "Printed %s · period %s – %s (%d months)", months), today.buf, from.buf, to.buf, months);
		strbuf_release(&today);
		strbuf_release(&from);
		strbuf_release(&to);
	}
	html_close(h);
	report_html_overview(h, &r, &before, &cap, base.buf, can_edit);
	ret = 0;
out:
	metrics_report_release(&r);
	metrics_report_release(&before);
	metrics_capacity_release(&cap);
	strbuf_release(&base);
	return ret;
}

int
h_dashboard(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp;
	const struct program *p;
	const struct initiative *in;
	struct store_audits log = { NULL, 0, 0 };
	struct store *st;
	struct page pg;
	struct strbuf key = STRBUF_INIT, err = STRBUF_INIT, rkey = STRBUF_INIT, recent = STRBUF_INIT;
	const char *msg;
	/* an admin of this program alone (docs/web.md, "Accounts per program") */
	const char *mine = req->user.role == WEB_ADMIN ? req->user.program : NULL;
	tdate as_of;
	size_t at, same;
	int months, more = 0, have_recent, ret = -1;

	if ((wp = web_program(req)) == NULL)
		return -1;
	p = &wp->program;
	if ((in = program_initiative(p, req->slug)) == NULL)
		return web_error(res, 404, "There is no initiative at this address.");
	if (page_period(req, p, &as_of, &months, &msg)) {
		/* the message beside the field, in the frame (page.h) */
		strbuf_addf(&key, "/i/%s", in->slug);
		page_period_refused(res, p, in->name, in, TAB_OVERVIEW, key.buf);
		ret = 0;
		goto out;
	}
	/*
	 * The recent changes are the same while the data's version stands:
	 * every audit entry is written in a transaction that moves it
	 * (store_commit). Kept as a fragment of that version, which the next
	 * version's replaces.
	 */
	strbuf_addstr(&rkey, "recent ");
	if (mine)	/* an admin of this program alone: its entries only */
		strbuf_addf(&rkey, "%s:", mine);
	strbuf_addstr(&rkey, in->slug);
	strbuf_addch(&rkey, ' ');
	strbuf_addint(&rkey, req->lang);
	strbuf_addch(&rkey, ' ');
	same = rkey.len;
	strbuf_addint(&rkey, req->data_version);
	have_recent = web_fragment_get(req, rkey.buf, &recent);
	if (!have_recent && ((st = web_store(req, &err)) == NULL ||
	    store_audit_list_in(st, mine, in->slug, 0, RECENT_CHANGES, &log, &more, &err) == -1)) {
		fprintf(stderr, "trellis serve: recent changes of '%s': %s\n", in->slug, err.buf);
		goto out;
	}

	page_begin(&pg, res, p, in->name, in, TAB_OVERVIEW);
	/* an editor's has the links to write the team's answers; each language its own */
	strbuf_addstr(&key, "overview ");
	strbuf_addstr(&key, in->slug);
	strbuf_addch(&key, ' ');
	strbuf_addint(&key, as_of);
	strbuf_addch(&key, ' ');
	strbuf_addint(&key, months);
	strbuf_addch(&key, ' ');
	strbuf_addint(&key, date_today());
	strbuf_addch(&key, ' ');
	strbuf_addint(&key, records_may_edit(req));
	strbuf_addch(&key, ' ');
	strbuf_addstr(&key, lang_code(req->lang));
	if (!web_fragment_get(req, key.buf, pg.h.out)) {
		at = pg.h.out->len;
		if (overview(&pg.h, wp, in, as_of, months, records_may_edit(req)))
			goto out;
		web_fragment_put(req, key.buf, pg.h.out->buf + at, pg.h.out->len - at);
	}
	if (have_recent)
		strbuf_add(pg.h.out, recent.buf, recent.len);
	else {
		at = pg.h.out->len;
		recent_changes(req, &pg.h, p, in, &log, more);
		web_fragment_replace(req, rkey.buf, same, pg.h.out->buf + at, pg.h.out->len - at);
	}
	page_end(&pg);
	ret = 0;
out:
	store_audits_release(&log);
	strbuf_release(&key);
	strbuf_release(&rkey);
	strbuf_release(&recent);
	strbuf_release(&err);
	return ret;
}
