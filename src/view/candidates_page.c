/*
 * Backbone selection (candidates_page.h): the candidates' list and their
 * comparison side by side, from their capacity assessments.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "candidates_page.h"
#include "markdown.h"
#include "report_json.h"
#include "../io/json.h"
#include "../model/fields.h"
#include "../util/i18n.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

_Static_assert(CANDIDATE_TRAITS == TRAIT__MAX, "a candidate has one evidence note per trait");

/* The expertise areas in words, indexed by enum expertise. */
static const char *const expertise_words[EXPERTISE__MAX] = {
	[EXPERTISE_COMMUNITY_ENGAGEMENT] = N_("community engagement"),
	[EXPERTISE_FUNDRAISING] = N_("fundraising"),
	[EXPERTISE_LEARNING_EVALUATION] = N_("learning and evaluation"),
	[EXPERTISE_POLICY_ADVOCACY] = N_("policy advocacy"),
};

/* What a partner brings where the candidate lacks a trait (DESIGN §5's question). */
static const char *const supply_words[TRAIT__MAX] = {
	[TRAIT_FLEXIBLE_GRANTS] = N_("a partner that has managed flexible grants, to hold or "
	    "co-manage the funds"),
	[TRAIT_EXPERTISE] = N_("partners with the expertise it lacks"),
	[TRAIT_IN_KIND_STAFFING] = N_("partners who lend staff time in kind"),
	[TRAIT_EXPERIMENT] = N_("a partner with room to try new approaches and learn from them "
	    "(data, evaluation, pilots)"),
	[TRAIT_CONVENER] = N_("a partner the community trusts to bring people together"),
};

void
candidate_supply(const struct candidate_row *r, const struct metrics_settings *st,
    struct strbuf *out)
{
	const struct capacity *c = r->cap;
	char b1[NUM_BUFSZ], b2[NUM_BUFSZ];

	if (c->staff == INT_NONE)
		strbuf_addf(out, _("Staff: not known; a high-capacity backbone has at least %lld — "
		    "partners' staff time\n"), (long long)st->capacity_staff);
	else if (c->staff < st->capacity_staff)
		strbuf_addf(out, _("Staff: %lld short of the %lld a high-capacity backbone has — "
		    "partners' staff time\n"), (long long)(st->capacity_staff - c->staff),
		    (long long)st->capacity_staff);
	if (c->revenue == INT_NONE)
		strbuf_addf(out, _("Revenue: not known; a high-capacity backbone has at least %s a "
		    "year — pooled or partner funding\n"), money_display(st->capacity_revenue, b1));
	else if (c->revenue < st->capacity_revenue)
		strbuf_addf(out, _("Revenue: %s a year short of %s — pooled or partner funding\n"),
		    money_display(st->capacity_revenue - c->revenue, b1),
		    money_display(st->capacity_revenue, b2));
	for (int t = 0; t < TRAIT__MAX; t++) {
		if (c->traits[t])
			continue;
		strbuf_addf(out, "%s: %s", _(metrics_trait_labels[t]), _(supply_words[t]));
		if (t == TRAIT_EXPERTISE) {
			int first = 1;

			/* the areas it does not have, in words */
			for (int a = 0; a < EXPERTISE__MAX; a++) {
				int has = 0;

				for (size_t k = 0; k < r->org->expertise.n; k++)
					has |= r->org->expertise.v[k] == a;
				if (!has) {
					strbuf_addf(out, "%s%s", first ? ": " : ", ", _(expertise_words[a]));
					first = 0;
				}
			}
		}
		strbuf_addch(out, '\n');
	}
}

/* The supply lines of r as a list, or a sentence when there is nothing to supply. */
static void
supply_list(struct html *h, const struct candidate_row *r, const struct metrics_settings *st)
{
	struct strbuf sb = STRBUF_INIT;
	char *line, *next;

	candidate_supply(r, st, &sb);
	if (sb.len == 0) {
		html_elem(h, "p", _("Nothing: it meets every threshold of high capacity."));
		strbuf_release(&sb);
		return;
	}
	html_open(h, "ul", "class", "supply", NULL);
	for (line = sb.buf; *line; line = next + 1) {
		next = strchr(line, '\n');
		assert(next != NULL);
		*next = '\0';
		html_elem(h, "li", line);
	}
	html_close(h);
	strbuf_release(&sb);
}

static void
money_cell(struct html *h, int64_t cents)
{
	char b[NUM_BUFSZ];

	html_text(h, cents == INT_NONE ? "—" : money_display(cents, b));
}

static void
org_link(struct html *h, const struct candidate_row *r)
{
	struct strbuf href = STRBUF_INIT;

	strbuf_addf(&href, "/program/candidates/%s", r->org->slug);
	html_open(h, "a", "href", href.buf, NULL);
	html_text(h, r->org->name);
	html_close(h);
	strbuf_release(&href);
}

void
candidates_render(struct html *h, const struct candidates_page *pg)
{
	int depth = h->depth;

	html_elem(h, "p", _("Organizations considered as the backbone of a new round, each assessed "
	    "on its staff, yearly revenue and five traits (the assessment of trellis capacity): "
	    "high capacity when all three thresholds are met. Where a candidate falls short, the "
	    "last column says what partners would need to supply. Tick two or more and compare "
	    "them side by side; the comparison prints."));
	if (pg->can_edit) {
		html_open(h, "nav", "class", "actions", "aria-label", _("Candidates"), NULL);
		html_open(h, "a", "href", "/program/candidates/new", NULL);
		html_text(h, _("Add a candidate"));
		html_close(h);
		html_open(h, "a", "href", "/program/organizations", NULL);
		html_text(h, _("Organizations (staff, revenue, traits)"));
		html_close(h);
		html_close(h);
	}
	if (pg->n == 0) {
		html_elem(h, "p", _("No candidate yet."));
		return;
	}
	html_open(h, "form", "method", "get", "action", "/program/candidates/compare", NULL);
	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", _("Candidates"),
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "candidates cards", NULL);
	html_thead(h, _("Compare"), _("Organization"), _("Round"), _("Staff"), _("Revenue"),
	    _("Traits"), _("High capacity"), _("What partners would need to supply"), NULL);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < pg->n; i++) {
		const struct candidate_row *r = &pg->rows[i];
		struct strbuf id = STRBUF_INIT, lab = STRBUF_INIT;

		strbuf_addf(&id, "c-%zu", i);
		strbuf_addf(&lab, _("Compare %s"), r->org->name);
		html_open(h, "tr", NULL);
		html_open(h, "td", "data-label", _("Compare"), NULL);
		html_void(h, "input", "type", "checkbox", "name", "c", "value", r->org->slug, "id",
		    id.buf, "aria-label", lab.buf, NULL);
		html_close(h);
		html_open(h, "th", "scope", "row", "data-label", _("Organization"), NULL);
		org_link(h, r);
		html_close(h);
		html_open(h, "td", "data-label", _("Round"), NULL);
		html_text(h, r->c->round ? r->c->round : "—");
		html_close(h);
		html_open(h, "td", "class", "num", "data-label", _("Staff"), NULL);
		if (r->cap->staff == INT_NONE)
			html_text(h, "—");
		else
			html_textf(h, "%lld", (long long)r->cap->staff);
		html_close(h);
		html_open(h, "td", "class", "num", "data-label", _("Revenue"), NULL);
		money_cell(h, r->cap->revenue);
		html_close(h);
		html_open(h, "td", "class", "num", "data-label", _("Traits"), NULL);
		html_textf(h, _("%d of %d"), r->cap->traits_met, TRAIT__MAX);
		html_close(h);
		html_open(h, "td", "data-label", _("High capacity"), NULL);
		html_text(h, r->cap->high_capacity ? _("✓ yes") : _("✗ no"));
		html_close(h);
		html_open(h, "td", "data-label", _("What partners would need to supply"), NULL);
		supply_list(h, r, pg->st);
		html_close(h);
		html_close(h);
		strbuf_release(&id);
		strbuf_release(&lab);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Compare side by side"));
	html_close(h);
	html_close_to(h, depth);
}

/* One row of the comparison: a heading, then each candidate's cell by fn. */
static void
compare_row(struct html *h, const struct candidates_page *pg, const char *heading,
    void (*fn)(struct html *, const struct candidates_page *, const struct candidate_row *, int),
    int arg)
{
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "row", NULL);
	html_text(h, heading);
	html_close(h);
	for (size_t i = 0; i < pg->n; i++) {
		html_open(h, "td", "data-label", pg->rows[i].org->name, NULL);
		fn(h, pg, &pg->rows[i], arg);
		html_close(h);
	}
	html_close(h);
}

static void
cell_round(struct html *h, const struct candidates_page *pg, const struct candidate_row *r, int a)
{
	(void)pg;
	(void)a;
	html_text(h, r->c->round ? r->c->round : "—");
}

static void
cell_staff(struct html *h, const struct candidates_page *pg, const struct candidate_row *r, int a)
{
	(void)a;
	if (r->cap->staff == INT_NONE)
		html_text(h, _("— not known"));
	else
		html_textf(h, "%lld %s", (long long)r->cap->staff,
		    r->cap->staff >= pg->st->capacity_staff ? "✓" : _("✗ below the threshold"));
}

static void
cell_revenue(struct html *h, const struct candidates_page *pg, const struct candidate_row *r, int a)
{
	(void)a;
	money_cell(h, r->cap->revenue);
	if (r->cap->revenue != INT_NONE)
		html_text(h, r->cap->revenue >= pg->st->capacity_revenue ? " ✓" :
		    _(" ✗ below the threshold"));
}

static void
cell_trait(struct html *h, const struct candidates_page *pg, const struct candidate_row *r, int t)
{
	(void)pg;
	html_open(h, "strong", NULL);
	html_text(h, r->cap->traits[t] ? _("✓ yes") : _("✗ no"));
	html_close(h);
	html_open(h, "div", "class", "evidence", NULL);
	if (r->c->evidence[t])
		html_text(h, r->c->evidence[t]);
	else {
		html_open(h, "span", "class", "note", NULL);
		html_text(h, _("no evidence noted"));
		html_close(h);
	}
	html_close(h);
}

static void
cell_met(struct html *h, const struct candidates_page *pg, const struct candidate_row *r, int a)
{
	(void)a;
	html_textf(h, _("%d of %d (high capacity needs %lld)"), r->cap->traits_met, TRAIT__MAX,
	    (long long)pg->st->capacity_traits);
}

static void
cell_high(struct html *h, const struct candidates_page *pg, const struct candidate_row *r, int a)
{
	(void)pg;
	(void)a;
	html_open(h, "strong", NULL);
	html_text(h, r->cap->high_capacity ? _("✓ high capacity") : _("✗ not high capacity"));
	html_close(h);
}

static void
cell_supply(struct html *h, const struct candidates_page *pg, const struct candidate_row *r, int a)
{
	(void)a;
	supply_list(h, r, pg->st);
}

/* For each trait the candidate lacks, the team's partners that offer it (metrics_capacity's gaps). */
static void
cell_offered(struct html *h, const struct candidates_page *pg, const struct candidate_row *r,
    int a)
{
	const struct capacity *c = r->cap;

	(void)pg;
	(void)a;
	if (c->gaps.n == 0) {
		html_text(h, _("It lacks no trait."));
		return;
	}
	html_open(h, "ul", "class", "supply", NULL);
	for (size_t i = 0; i < c->gaps.n; i++) {
		const struct metrics_gap *g = &c->gaps.v[i];

		html_open(h, "li", NULL);
		html_textf(h, "%s: ", _(metrics_trait_labels[g->trait]));
		if (g->offered_by.n == 0)
			html_text(h, _("no one on the team yet"));
		for (size_t j = 0; j < g->offered_by.n; j++)
			html_textf(h, "%s%s", j ? ", " : "", c->program->orgs.v[g->offered_by.v[j]].name);
		html_close(h);
	}
	html_close(h);
}

/* The form that chooses the team to look in, keeping the candidates compared. */
static void
team_form(struct html *h, const struct candidates_page *pg)
{
	html_open(h, "form", "method", "get", "action", "/program/candidates/compare",
	    "class", "filters", NULL);
	for (size_t i = 0; i < pg->n; i++)
		html_void(h, "input", "type", "hidden", "name", "c", "value", pg->rows[i].org->slug, NULL);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", "team", NULL);
	html_text(h, _("Which partners of a team offer what they lack"));
	html_close(h);
	html_open(h, "select", "id", "team", "name", "initiative", NULL);
	html_open(h, "option", "value", "", "selected", pg->team ? NULL : "", NULL);
	html_text(h, _("no team"));
	html_close(h);
	for (size_t i = 0; i < pg->nteams; i++) {
		int sel = pg->team && strcmp(pg->team->slug, pg->teams[i].slug) == 0;

		html_open(h, "option", "value", pg->teams[i].slug, "selected", sel ? "" : NULL, NULL);
		html_text(h, pg->teams[i].name);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Show"));
	html_close(h);
	html_close(h);
}

static void
cell_note(struct html *h, const struct candidates_page *pg, const struct candidate_row *r, int a)
{
	(void)pg;
	(void)a;
	if (r->c->note)
		html_markdown(h, r->c->note);
	else
		html_text(h, "—");
}

void
candidates_compare_render(struct html *h, const struct candidates_page *pg)
{
	struct strbuf sb = STRBUF_INIT;
	int depth = h->depth;
	char b[NUM_BUFSZ];

	strbuf_addf(&sb, _("High capacity: at least %lld staff, %s a year and %lld of "
	    "the %d traits. Each trait shows the note of its evidence. The last row says what "
	    "partners would need to supply where a candidate falls short."),
	    (long long)pg->st->capacity_staff, money_display(pg->st->capacity_revenue, b),
	    (long long)pg->st->capacity_traits, TRAIT__MAX);
	html_elem(h, "p", sb.buf);
	html_open(h, "nav", "class", "actions", "aria-label", _("Candidates"), NULL);
	html_open(h, "a", "href", "/program/candidates", NULL);
	html_text(h, _("All candidates"));
	html_close(h);
	html_close(h);
	if (pg->nteams)
		team_form(h, pg);
	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", _("Candidates side by side"),
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "compare", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_open(h, "td", NULL);
	html_close(h);
	for (size_t i = 0; i < pg->n; i++) {
		html_open(h, "th", "scope", "col", NULL);
		org_link(h, &pg->rows[i]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	compare_row(h, pg, _("Round"), cell_round, 0);
	compare_row(h, pg, _("Staff"), cell_staff, 0);
	compare_row(h, pg, _("Revenue a year"), cell_revenue, 0);
	for (int t = 0; t < TRAIT__MAX; t++)
		compare_row(h, pg, _(metrics_trait_labels[t]), cell_trait, t);
	compare_row(h, pg, _("Traits met"), cell_met, 0);
	compare_row(h, pg, _("Assessment"), cell_high, 0);
	compare_row(h, pg, _("What partners would need to supply"), cell_supply, 0);
	if (pg->team) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, _("Offered by the team of %s"), pg->team->name);
		compare_row(h, pg, sb.buf, cell_offered, 0);
	}
	compare_row(h, pg, _("Note"), cell_note, 0);
	html_close_to(h, depth);
	strbuf_release(&sb);
}

void
candidates_json(const struct candidates_page *pg, struct strbuf *out)
{
	struct strbuf sb = STRBUF_INIT;
	/* the supply lines are English in JSON whatever the page's language */
	int lang = i18n_current();

	i18n_use(LANG_EN);
	strbuf_addstr(out, "{\"candidates\":[");
	for (size_t i = 0; i < pg->n; i++) {
		char *line, *next;
		int first = 1;

		strbuf_addstr(out, i ? ",{\"candidate\":" : "{\"candidate\":");
		json_write_record(out, &kind_candidate, pg->rows[i].c);
		strbuf_addstr(out, ",\"capacity\":");
		capacity_json_write(pg->rows[i].cap, out);
		strbuf_addstr(out, ",\"supply\":[");
		strbuf_reset(&sb);
		candidate_supply(&pg->rows[i], pg->st, &sb);
		for (line = sb.buf; sb.len && *line; line = next + 1) {
			next = strchr(line, '\n');
			*next = '\0';
			if (!first)
				strbuf_addch(out, ',');
			first = 0;
			json_write_string(out, line);
		}
		strbuf_addstr(out, "]}");
	}
	strbuf_addstr(out, "]}");
	strbuf_release(&sb);
	i18n_use(lang);
}
