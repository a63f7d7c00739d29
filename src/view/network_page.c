/*
 * The Network tab (network_page.h). Moved here from web/h_network.c: the
 * handler fetches and computes, this renders.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network_page.h"
#include "figures.h"
#include "network_svg.h"
#include "report_html.h"
#include "../util/date.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

const struct network_rating network_ratings[NETWORK_NRATINGS] = {
	{ "reliability", N_("Reliability") },
	{ "mission", N_("Shared mission") },
	{ "openness", N_("Openness to discussion") },
	{ "influence", N_("Power and influence") },
	{ "involvement", N_("Level of involvement") },
	{ "resources", N_("Resource contribution") },
};

int
network_member_current(const struct member *m)
{
	return m->left == DATE_NONE;
}

static const char *
org_name(const struct program *p, const char *slug)
{
	const struct organization *o = program_org(p, slug);

	return o ? o->name : slug;
}


/*
 * One cell of the rating table: a select at path, "" (not rated) then
 * lo..hi (the frequencies with their names), labelled aria for screen
 * readers (the column and row headers say it to the eye). Keeps what was
 * typed; the message of errs beside it.
 */
static void
rating_cell(struct html *h, const char *path, const char *aria, int lo, int hi,
    const struct form_input *typed, const form_errors *errs)
{
	const char *msg = form_error_for(errs, path), *cur = typed ? form_get(typed, path) : NULL;
	struct strbuf eid = STRBUF_INIT, v = STRBUF_INIT;

	if (cur == NULL)
		cur = "";
	strbuf_addf(&eid, "%s-error", path);
	html_open(h, "td", "class", msg ? "invalid" : NULL, NULL);
	if (msg) {
		html_open(h, "p", "class", "error", "id", eid.buf, NULL);
		html_elem(h, "span", _("Error: "));
		html_text(h, msg);
		html_close(h);
	}
	html_open(h, "select", "id", path, "name", path, "aria-label", aria,
	    "aria-invalid", msg ? "true" : NULL, "aria-describedby", msg ? eid.buf : NULL, NULL);
	html_open(h, "option", "value", "", "selected", *cur ? NULL : "", NULL);
	html_text(h, "—");
	html_close(h);
	for (int i = lo; i <= hi; i++) {
		strbuf_reset(&v);
		strbuf_addf(&v, "%d", i);
		html_open(h, "option", "value", v.buf, "selected", strcmp(cur, v.buf) == 0 ? "" : NULL, NULL);
		if (lo == 0)
			html_textf(h, "%d %s", i, _(network_frequency_name(i)));
		else
			html_text(h, v.buf);
		html_close(h);
	}
	/* a value that is none of the choices (sent by hand) stays visible with its error */
	if (*cur && (strlen(cur) != 1 || cur[0] < '0' + lo || cur[0] > '0' + hi)) {
		html_open(h, "option", "value", cur, "selected", "", NULL);
		html_text(h, cur);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	strbuf_release(&eid);
	strbuf_release(&v);
}

/* The picker of the organization that rates (a GET form: it only changes the page). */
static void
rater_picker(struct html *h, const struct program *p, const struct initiative *in,
    const char *action, const char *rater)
{
	html_open(h, "form", "class", "period", "method", "get", "action", action, NULL);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", "rater", NULL);
	html_text(h, _("Organization giving the ratings"));
	html_close(h);
	html_open(h, "select", "id", "rater", "name", "rater", NULL);
	for (size_t i = 0; i < in->members.n; i++) {
		const char *slug = in->members.v[i].org.slug;

		if (!network_member_current(&in->members.v[i]))
			continue;
		html_open(h, "option", "value", slug,
		    "selected", rater && strcmp(rater, slug) == 0 ? "" : NULL, NULL);
		html_text(h, org_name(p, slug));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Rate the others"));
	html_close(h);
	html_close(h);
}

/* The rating form of rater: one row per other current member. */
static void
rating_form(struct html *h, const struct network_page *pg, tdate date)
{
	const struct program *p = pg->p;
	const struct initiative *in = pg->in;
	const char *rater = pg->rater;
	const struct form_input *typed = pg->typed;
	const form_errors *errs = pg->errs;
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
	const char *d = typed ? form_get(typed, "date") : NULL, *msg = form_error_for(errs, "date");
	char dbuf[DATE_BUFSZ];

	form_error_summary(h, errs);
	strbuf_addf(&sb, "/i/%s/network", in->slug);
	html_open(h, "form", "class", "record ratings-form", "method", "post", "action", sb.buf,
	    "novalidate", "", NULL);
	if (pg->csrf)
		html_void(h, "input", "type", "hidden", "name", "csrf", "value", pg->csrf, NULL);
	html_void(h, "input", "type", "hidden", "name", "from", "value", rater, NULL);
	html_open(h, "p", NULL);
	html_textf(h, _("%s rates how it works with each other organization on the team. "
	    "Leave an organization's first column at — to skip it; the six 1–4 ratings "
	    "are optional."), org_name(p, rater));
	html_close(h);
	if (d == NULL)
		d = date_format(date, dbuf);
	html_open(h, "div", "class", msg ? "field invalid" : "field", NULL);
	html_open(h, "label", "for", "date", NULL);
	html_text(h, _("Date of the ratings"));
	html_close(h);
	if (msg) {
		html_open(h, "p", "class", "error", "id", "date-error", NULL);
		html_elem(h, "span", _("Error: "));
		html_text(h, msg);
		html_close(h);
	}
	html_void(h, "input", "type", "date", "id", "date", "name", "date", "value", d,
	    "aria-invalid", msg ? "true" : NULL, "aria-describedby", msg ? "date-error" : NULL, NULL);
	html_close(h);
	html_open(h, "div", "class", "scroll", "tabindex", "0", "role", "region",
	    "aria-label", _("Ratings"), NULL);
	html_open(h, "table", "class", "matrix ratings", NULL);
	html_open(h, "caption", NULL);
	html_text(h, _("How closely: 0 none, 1 aware, 2 cooperate, 3 coordinate, 4 integrate. "
	    "Ratings: 1 not at all to 4 very much; — not rated."));
	html_close(h);
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, _("Organization rated"));
	html_close(h);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, _("How closely you work together"));
	html_close(h);
	for (size_t r = 0; r < NETWORK_NRATINGS; r++) {
		html_open(h, "th", "scope", "col", NULL);
		html_text(h, _(network_ratings[r].label));
		html_close(h);
	}
	html_close(h);
	for (size_t i = 0; i < in->members.n; i++) {
		const char *to = in->members.v[i].org.slug;

		if (!network_member_current(&in->members.v[i]) || strcmp(to, rater) == 0)
			continue;
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_text(h, org_name(p, to));
		html_close(h);
		strbuf_reset(&path);
		strbuf_addf(&path, "%s.frequency", to);
		strbuf_reset(&sb);
		strbuf_addf(&sb, _("%s: how closely you work together"), org_name(p, to));
		rating_cell(h, path.buf, sb.buf, 0, 4, typed, errs);
		for (size_t r = 0; r < NETWORK_NRATINGS; r++) {
			strbuf_reset(&path);
			strbuf_addf(&path, "%s.%s", to, network_ratings[r].field);
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s: %s", org_name(p, to), _(network_ratings[r].label));
			rating_cell(h, path.buf, sb.buf, 1, 4, typed, errs);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Save the ratings"));
	html_close(h);
	html_close(h);
	strbuf_release(&sb);
	strbuf_release(&path);
}

/* The figures of the network with their N, and the readings in words. */
static void
network_figures(struct html *h, const struct report *r)
{
	const struct metrics_figure *res = &r->fig[FIG_NET_RESILIENCE];
	struct strbuf sb = STRBUF_INIT;
	int others = r->network.n - 1;

	html_elem(h, "h2", _("What the figures say"));
	html_open(h, "p", "class", "reading", NULL);
	if (res->type == MV_NULL)
		html_textf(h, _("Resilience cannot be read yet: %s."),
		    _(figure_null_note(FIG_NET_RESILIENCE)));
	else
		html_textf(h, _("If the backbone stepped away, the largest group still working "
		    "together would be %d of the %d other organizations."),
		    (int)lround(res->value * others), others);
	html_close(h);
	for (int f = FIG_NET_TRUST; f <= FIG_NET_VALUE; f++) {
		if (r->fig[f].type == MV_NULL)
			continue;
		html_open(h, "p", "class", "reading", NULL);
		html_textf(h, _("%s: %.2f of 4, that is %.0f%% of the highest rating."),
		    _(figure_labels[f]), r->fig[f].value, r->fig[f].value / 4 * 100);
		html_close(h);
	}
	html_open(h, "table", "class", "figures", NULL);
	report_html_figure_head(h, _("Figure"), "col");
	for (int f = FIG_NET_DENSITY; f <= FIG_NET_RESILIENCE; f++)
		report_html_figure_row(h, r, f, &sb);
	html_close(h);
	strbuf_release(&sb);
}

/* Where org stands once the backbone's ties are gone, in words. */
static void
without_backbone(struct html *h, const struct network_page *pg, int node)
{
	int g = pg->groups[node];

	if (node == pg->r->network.backbone)
		html_text(h, _("— (the backbone)"));
	else if (g <= 1)
		html_text(h, _("✗ No: left alone"));
	else if (g == pg->largest)
		html_textf(h, _("✓ Yes: in the largest group (%d organizations)"), g);
	else
		html_textf(h, _("✓ Yes: in a smaller group of %d"), g);
}

/* Every organization of the map, in its number's order: the map's names in full. */
static void
org_table(struct html *h, const struct network_page *pg)
{
	const struct metrics_network *net = &pg->r->network;
	int *degree = xcalloc((size_t)net->n + 1, sizeof(int));

	for (size_t i = 0; i < net->ties.n; i++) {
		degree[net->ties.v[i].a]++;
		degree[net->ties.v[i].b]++;
	}
	html_open(h, "h3", "id", "net-orgs-h", NULL);
	html_text(h, _("Every organization on the map"));
	html_close(h);
	html_open(h, "div", "class", "scroll net-orgs-box", "tabindex", "0", "role", "region",
	    "aria-labelledby", "net-orgs-h", NULL);
	html_open(h, "table", "class", "net-orgs", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "col", "class", "num", NULL);
	html_text(h, _("No."));
	html_close(h);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, _("Organization"));
	html_close(h);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, _("Sector"));
	html_close(h);
	html_open(h, "th", "scope", "col", "class", "num", NULL);
	html_text(h, _("Ties"));
	html_close(h);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, _("Still tied to others without the backbone"));
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < net->n; i++) {
		const struct organization *o = &pg->p->orgs.v[net->org[i]];
		int sec = o->sector >= 0 && o->sector < SECTOR__MAX ? o->sector : SECTOR_OTHER;

		html_open(h, "tr", i == net->backbone ? "class" : NULL, "backbone", NULL);
		html_open(h, "td", "class", "num", "data-label", _("No."), NULL);
		html_textf(h, "%d", i + 1);
		html_close(h);
		html_open(h, "th", "scope", "row", "data-label", _("Organization"), NULL);
		network_swatch(h, pg->p, net->org[i], i == net->backbone);
		html_text(h, o->name ? o->name : o->slug);
		if (i == net->backbone)
			html_elem(h, "span", _(" (backbone)"));
		html_close(h);
		html_open(h, "td", "data-label", _("Sector"), NULL);
		html_text(h, network_sector_label(sec));
		html_close(h);
		html_open(h, "td", "class", "num", "data-label", _("Ties"), NULL);
		html_textf(h, "%d", degree[i]);
		html_close(h);
		html_open(h, "td", "data-label", _("Without the backbone"), NULL);
		without_backbone(h, pg, i);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	free(degree);
}

void
network_page_intro(struct html *h)
{
	html_open(h, "p", "class", "meta", NULL);
	html_text(h, _("Who works with whom, from the organizations' own ratings of each other "
	    "(the network survey). A tie joins two organizations when either says they at least "
	    "cooperate."));
	html_close(h);
}

void
network_page(struct html *h, const struct network_page *pg)
{
	const struct report *r = pg->r;
	const struct initiative *in = pg->in;
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT, id = STRBUF_INIT;
	char dbuf[DATE_BUFSZ], dw[DATE_WORDS_BUFSZ];
	int depth = h->depth;

	assert(pg->p != NULL && in != NULL && r != NULL);
	assert(r->network.n == 0 || pg->groups != NULL);
	strbuf_addf(&base, "/i/%s/network", in->slug);
	html_open(h, "p", "class", "printed", NULL);
	strbuf_addf(&sb, "%s – ", date_format_words_lang(r->start, lang_code(i18n_current()), dw));
	strbuf_addstr(&sb, date_format_words_lang(r->end, lang_code(i18n_current()), dw));
	/* TRANSLATORS: the period, the number of ratings, the number of organizations */
	html_textf(h, _("Period %s: %lld ratings among %d organizations."), sb.buf,
	    (long long)r->network.ratings, r->network.n);
	html_close(h);

	html_elem(h, "h2", _("The map"));
	if (r->network.ratings > 0 && r->network.n > 0)
		html_elem(h, "p", _("Hover over an organization, or move to it "
		    "with the Tab key, to see its full name. The table lists every organization; "
		    "on a narrow screen the map shows their numbers."));
	strbuf_addf(&id, "net-%s", in->slug);
	network_svg_map(h, pg->p, &r->network, id.buf, 0);
	network_legend(h, pg->p, &r->network);
	/*
	 * The download is a GET form's button rather than a link: the same
	 * request, and crawlers that open every link as a page (tests/e2e)
	 * do not start a download.
	 */
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s/map", base.buf);
	html_open(h, "div", "class", "actions", NULL);
	html_open(h, "form", "class", "download", "method", "get", "action", sb.buf, NULL);
	html_void(h, "input", "type", "hidden", "name", "as_of", "value", date_format(r->as_of, dbuf), NULL);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%d", r->months);
	html_void(h, "input", "type", "hidden", "name", "months", "value", sb.buf, NULL);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Download the map (SVG)"));
	html_close(h);
	html_close(h);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s/ties", in->slug);
	html_open(h, "p", NULL);
	html_open(h, "a", "href", sb.buf, NULL);
	html_text(h, _("Every rating, one by one"));
	html_close(h);
	html_close(h);
	html_close(h);
	if (r->network.ratings > 0 && r->network.n > 0)
		org_table(h, pg);

	network_figures(h, r);

	if (pg->can_rate) {
		html_open(h, "h2", "id", "rate", NULL);
		html_text(h, _("Rate the other organizations"));
		html_close(h);
		rater_picker(h, pg->p, in, base.buf, pg->rater);
		if (pg->rater)
			rating_form(h, pg, r->as_of);
	}
	assert(h->depth >= depth);	/* nothing of the frame closed */
	html_close_to(h, depth);
	strbuf_release(&sb);
	strbuf_release(&base);
	strbuf_release(&id);
}
