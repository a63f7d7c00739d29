/*
 * GET /: the program portfolio (PAGES.md, DESIGN §6): every initiative
 * with both scores, what to discuss, what goes well and the shared
 * result's progress, and the quadrant of all of them. A member or viewer,
 * who sees one initiative only, is sent to it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "router.h"
#include "../view/chart.h"
#include "../view/figures.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/* Plain names of the pitfalls (1..5) and practices (1..6), for a table cell. */
static const char *const pitfall_names[6] = {
	NULL, "Backbone dominance", "Director as employee", "Blurred boundaries",
	"Out of the loop", "No contrary views",
};
static const char *const practice_names[7] = {
	NULL, "Shared leadership", "Credit given", "Capacity shared",
	"Director supported", "Joint grant seeking", "Partners compensated",
};

/* label: the column's name, shown beside the value when a phone stacks the row */
static void
score_cell(struct html *h, const struct metrics_score *s, const char *label)
{
	html_open(h, "td", "class", "num", "data-label", label, NULL);
	if (s->type == MV_NULL)
		html_text(h, "—");
	else
		html_textf(h, "%.0f", s->value);
	html_close(h);
}

static void
list_cell(struct html *h, const char *const *names, const int *codes, size_t n, const char *none,
    const char *label)
{
	html_open(h, "td", "data-label", label, NULL);
	if (n == 0) {
		html_open(h, "span", "class", "note", NULL);
		html_text(h, none);
		html_close(h);
	} else {
		html_open(h, "ul", "class", "plain", NULL);
		for (size_t i = 0; i < n; i++)
			html_elem(h, "li", names[codes[i]]);
		html_close(h);
	}
	html_close(h);
}

static void
result_cell(struct html *h, const struct report *r)
{
	struct strbuf sb = STRBUF_INIT;

	html_open(h, "td", "class", "result", "data-label", "Shared result", NULL);
	if (!r->initiative->has_result)
		html_text(h, "no shared result set");
	else if (r->fig[FIG_RESULT_PROGRESS].type == MV_NULL)
		html_text(h, "— no observation yet");
	else {
		figure_format(r, FIG_RESULT_PROGRESS, &sb);
		html_textf(h, "%s of the way", sb.buf);
		/* yes or no in words: the symbol and the colour never carry it alone */
		if (r->fig[FIG_RESULT_ON_TRACK].type == MV_BOOL) {
			html_open(h, "div", "class", "note", NULL);
			html_text(h, r->fig[FIG_RESULT_ON_TRACK].value != 0 ? "On track: ✓ yes" :
			    "On track: ✗ no, behind the path");
			html_close(h);
		}
	}
	html_close(h);
	strbuf_release(&sb);
}

/* The program-level records (h_records.c), for the roles that may read them. */
static void
program_record_links(const struct web_request *req, struct html *h)
{
	static const char *const links[][2] = {
		{ "/program/organizations", "Organizations" },
		{ "/program/people", "People" },
		{ "/program/instruments", "Instruments" },
		{ "/program/learning", "Learning notes" },
	};

	if (!req->authenticated || !(req->user.role & (WEB_ADMIN | WEB_EVALUATOR)))
		return;
	html_open(h, "nav", "class", "actions", "aria-label", "Program records", NULL);
	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		html_open(h, "a", "href", links[i][0], NULL);
		html_text(h, links[i][1]);
		html_close(h);
	}
	html_close(h);
}

/*
 * One initiative's part of the portfolio, kept with its snapshot as a
 * fragment (so a write in another initiative leaves it in place): a first
 * line "HAS X Y START END" (its point in the quadrant and its window) and
 * its row of the table. Appended to out. Returns 0, or -1 (logged).
 */
static int
portfolio_row(struct web_request *req, const char *slug, tdate as_of, int months,
    struct strbuf *out)
{
	const struct web_program *wp = web_initiative_get(req, slug);
	const struct program *p;
	const struct initiative *in;
	struct strbuf key = STRBUF_INIT, row = STRBUF_INIT, href = STRBUF_INIT;
	struct report r;
	struct html h;
	int codes[8], ret = -1;
	size_t k;

	if (wp == NULL)
		return -1;
	strbuf_addf(&key, "portfolio-row %d %d", (int)as_of, months);
	if (web_fragment_get_in(wp, key.buf, out)) {
		ret = 0;
		goto done;
	}
	p = &wp->program;
	in = program_initiative(p, slug);
	metrics_report_init(&r);
	if (in == NULL || metrics_report(p, in, as_of, months, &wp->settings, &r)) {
		fprintf(stderr, "trellis serve: cannot compute the report of '%s'\n", slug);
		goto out;
	}
	strbuf_addf(&row, "%d %.17g %.17g %d %d\n",
	    r.stepping_back.type != MV_NULL && r.stepping_up.type != MV_NULL,
	    r.stepping_back.value, r.stepping_up.value, (int)r.start, (int)r.end);
	strbuf_addf(&href, "/i/%s", in->slug);
	html_init(&h, &row);
	html_open(&h, "tr", NULL);
	html_open(&h, "th", "scope", "row", NULL);
	html_open(&h, "a", "href", href.buf, NULL);
	html_text(&h, in->name);
	html_close(&h);
	html_open(&h, "div", "class", "note", NULL);
	html_textf(&h, "%s · backbone %s", in->city, p->orgs.v[in->backbone.idx].name);
	html_close(&h);
	html_close(&h);
	score_cell(&h, &r.stepping_back, "Stepping back");
	score_cell(&h, &r.stepping_up, "Stepping up");
	for (k = 0; k < r.alerts.n && k < 8; k++)
		codes[k] = r.alerts.v[k].pitfall;
	list_cell(&h, pitfall_names, codes, k, "nothing raised", "To discuss");
	for (k = 0; k < r.strengths.n && k < 8; k++)
		codes[k] = r.strengths.v[k].practice;
	list_cell(&h, practice_names, codes, k, "none yet", "Going well");
	result_cell(&h, &r);
	html_close(&h);
	web_fragment_put_in(wp, key.buf, row.buf, row.len);
	strbuf_add(out, row.buf, row.len);
	ret = 0;
out:
	metrics_report_release(&r);
done:
	web_program_put(wp);
	strbuf_release(&key);
	strbuf_release(&row);
	strbuf_release(&href);
	return ret;
}

/*
 * The portfolio's costly part, kept with the catalog (web_fragment_put)
 * for the data's version: head gets the line under the title and the
 * period form, body the quadrant of every initiative and the table.
 * Neither depends on the user; the links to the program's records, which
 * do, go between them. It is made of each initiative's row (portfolio_row),
 * one initiative snapshot held at a time, so memory stays that of the
 * largest initiative and a write recomputes only its own initiative's row.
 */
static int
portfolio(struct web_request *req, struct html *head, struct html *h,
    const struct web_program *wp, tdate as_of, int months)
{
	const struct program *p = &wp->program;
	struct chart_point *pts;
	char **hrefs;
	struct strbuf sb = STRBUF_INIT, rows = STRBUF_INIT, one = STRBUF_INIT;
	size_t n = p->initiatives.n;
	int ret = -1, start = 0, end = 0;

	pts = xcalloc(n ? n : 1, sizeof(*pts));
	hrefs = xcalloc(n ? n : 1, sizeof(*hrefs));
	for (size_t i = 0; i < n; i++) {
		const struct initiative *in = &p->initiatives.v[i];
		const char *nl;
		int has, st, en;

		strbuf_reset(&one);
		if (portfolio_row(req, in->slug, as_of, months, &one) ||
		    sscanf(one.buf, "%d %lf %lf %d %d", &has, &pts[i].x, &pts[i].y, &st, &en) != 5 ||
		    (nl = strchr(one.buf, '\n')) == NULL)
			goto out;
		if (i == 0) {
			start = st;
			end = en;
		}
		strbuf_addf(&sb, "/i/%s", in->slug);
		hrefs[i] = strbuf_detach(&sb, NULL);
		pts[i].label = in->city;
		pts[i].href = hrefs[i];
		pts[i].has_value = has;
		strbuf_addstr(&rows, nl + 1);
	}

	html_open(head, "p", "class", "meta", NULL);
	html_textf(head, "Funded by %s · %zu initiative%s · period ", p->funder, n,
	    n == 1 ? "" : "s");
	if (n) {
		figure_date((tdate)start, &sb);
		strbuf_addstr(&sb, " – ");
		figure_date((tdate)end, &sb);
		html_text(head, sb.buf);
	} else {
		figure_date(as_of, &sb);
		html_textf(head, "ending %s", sb.buf);
	}
	html_close(head);
	page_period_form(head, "/", as_of, months);

	if (n == 0) {
		html_elem(h, "p", "This program has no initiatives yet. Import a trellis/1 document "
		    "or run `trellis demo` to see how Trellis reads.");
		ret = 0;
		goto out;
	}
	html_open(h, "section", "class", "portfolio", "aria-labelledby", "glance", NULL);
	html_open(h, "h2", "id", "glance", NULL);
	html_text(h, "The balance of every initiative");
	html_close(h);
	html_elem(h, "p", "Each initiative is a point: stepping back (sharing decisions, money and "
	    "credit with the team) across, stepping up (oversight, check-ins, accountability) upward. "
	    "The upper right is the balance the program hopes for.");
	html_open(h, "div", "class", "chart-wrap", NULL);
	chart_quadrant(h, pts, n, "q-program");
	html_close(h);
	html_close(h);

	html_open(h, "section", "aria-labelledby", "list", NULL);
	html_open(h, "h2", "id", "list", NULL);
	html_text(h, "Initiatives");
	html_close(h);
	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", "Initiatives",
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "portfolio", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Initiative");
	html_open(h, "th", "class", "num", NULL);
	html_text(h, "Stepping back");
	html_close(h);
	html_open(h, "th", "class", "num", NULL);
	html_text(h, "Stepping up");
	html_close(h);
	html_elem(h, "th", "To discuss");
	html_elem(h, "th", "Going well");
	html_elem(h, "th", "Shared result");
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	html_raw(h, rows.buf);
	html_close(h);
	html_close(h);
	html_close(h);
	html_elem(h, "p", "A dash means there were no records in the period to compute a score from.");
	html_close(h);
	ret = 0;
out:
	for (size_t i = 0; i < n; i++)
		free(hrefs[i]);
	free(pts);
	free(hrefs);
	strbuf_release(&sb);
	strbuf_release(&rows);
	strbuf_release(&one);
	return ret;
}

int
h_program(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp;
	const struct program *p;
	struct page pg;
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT, headkey = STRBUF_INIT;
	struct strbuf head = STRBUF_INIT, body = STRBUF_INIT;
	const char *msg;
	tdate as_of;
	int months, ret = -1;

	if (req->user.role == WEB_MEMBER || req->user.role == WEB_VIEWER) {
		strbuf_addf(&sb, "/i/%s", req->user.initiative);
		web_redirect(res, sb.buf);
		strbuf_release(&sb);
		return 0;
	}
	if ((wp = web_program(req)) == NULL)
		return -1;
	p = &wp->program;
	if (page_period(req, p, &as_of, &months, &msg))
		return page_period_refused(res, p, p->name, NULL, TAB_NONE, "/") ? 0 : -1;
	/* the catalog outlives writes to one initiative: the data's version names the state */
	strbuf_addf(&key, "portfolio %d %d %lld", (int)as_of, months, (long long)req->data_version);
	strbuf_addf(&headkey, "portfolio-head %d %d %lld", (int)as_of, months,
	    (long long)req->data_version);
	if (!web_fragment_get(req, headkey.buf, &head) || !web_fragment_get(req, key.buf, &body)) {
		struct html hh, hb;

		strbuf_reset(&head);
		strbuf_reset(&body);
		html_init(&hh, &head);
		html_init(&hb, &body);
		if (portfolio(req, &hh, &hb, wp, as_of, months))
			goto out;
		web_fragment_put(req, headkey.buf, head.buf, head.len);
		web_fragment_put(req, key.buf, body.buf, body.len);
	}
	page_begin(&pg, res, p, p->name, NULL, TAB_NONE);
	html_raw(&pg.h, head.buf);
	program_record_links(req, &pg.h);
	html_raw(&pg.h, body.buf);
	page_end(&pg);
	ret = 0;
out:
	strbuf_release(&sb);
	strbuf_release(&key);
	strbuf_release(&headkey);
	strbuf_release(&head);
	strbuf_release(&body);
	return ret;
}
